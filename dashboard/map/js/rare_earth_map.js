/*
 * The dashboard's map layers in the browser.
 *
 * The page creates one map controller with the static layer document (every district, zone,
 * link and site, the styles and the labels: dashboard/map/layer_data.py), either as a URL to
 * fetch once or inlined. Each time the user changes the year or a filter, the server sends a
 * small state (dashboard/map/map_state.py) and the controller restyles, hides and shows the
 * features it already holds: no geometry travels again, and the district shapes stay the same
 * DOM nodes. Data text is only ever set as text (textContent), never as HTML.
 *
 * Loaded after Leaflet and before the map is created. Exposes window.RareEarthMap.
 */
(function () {
  "use strict";

  // Leaflet focuses its container on mousedown. When the map sits in an iframe that is not
  // wholly in view, the browser then scrolls the page to show it, and the click ends over
  // something else. Focusing without scrolling keeps the first click where it was aimed.
  L.Map.Keyboard.prototype._onMouseDown = function () {
    if (!this._focused) {
      this._map.getContainer().focus({ preventScroll: true });
    }
  };
  L.Control.prototype._refocusOnMap = function (event) {
    if (this._map && event && event.screenX > 0 && event.screenY > 0) {
      this._map.getContainer().focus({ preventScroll: true });
    }
  };

  // One pane per layer keeps the drawing order whatever is hidden and shown again.
  var PANES = [
    ["districts", 401, true],
    ["zoneWash", 402, false],
    ["zones", 403, true],
    ["links", 404, true],
    ["sites", 405, true],
    ["selection", 460, false],
  ];
  var LAYERS = ["districts", "zones", "links", "sites"];

  // What each tooltip shows: [label key, field, label group of the field's values]. A field
  // is the feature's property, its "status" in the year, or a district count of the state.
  var TOOLTIPS = {
    district: [
      ["tooltip_district", "name"],
      ["tooltip_state", "state_name"],
      ["tooltip_sites", "sites"],
      ["tooltip_zones", "zones"],
    ],
    zone: [
      ["tooltip_zone", "name"],
      ["tooltip_kind", "kind", "zone_kind"],
      ["tooltip_evidence", "evidence", "evidence"],
      ["tooltip_outline", "basis", "geometry_basis"],
    ],
    link: [
      ["tooltip_link", "name"],
      ["tooltip_status", "status", "link_status"],
      ["tooltip_years", "years"],
      ["tooltip_evidence", "evidence", "evidence"],
    ],
    site: [
      ["tooltip_site", "name"],
      ["tooltip_kind", "kind", "site_kind"],
      ["tooltip_status", "status", "site_status"],
      ["tooltip_evidence", "evidence", "evidence"],
      ["tooltip_location", "precision", "location_precision"],
    ],
    cell: [["tooltip_sites", "label"]],
  };

  var controller = null;

  function create(map, options) {
    controller = new Controller(map, options);
    return controller;
  }

  // Apply a state to the page's map; a state that arrives before the data waits for it.
  function apply(state) {
    if (controller) {
      controller.apply(state);
    }
  }

  function Controller(map, options) {
    this.map = map;
    this.language = options.language;
    this.shownView = options.view;
    this.state = null;
    this.doc = null;
    PANES.forEach(function (spec) {
      var pane = map.createPane(spec[0]);
      pane.style.zIndex = String(spec[1]);
      if (!spec[2]) {
        pane.style.pointerEvents = "none";
      }
    });
    // The groups are on the map before streamlit-folium looks for layers to listen to, so a
    // click on any feature added later reaches it through its group.
    this.groups = {};
    LAYERS.forEach(function (name) {
      this.groups[name] = L.featureGroup().addTo(map);
    }, this);
    this.wash = L.layerGroup().addTo(map);
    this.ends = L.layerGroup().addTo(map);
    this.selection = L.layerGroup().addTo(map);
    var self = this;
    // streamlit-folium starts listening to the map, and reports where it is, as soon as this
    // script has run; the app takes that first report to mean the map is drawn (the timeline
    // and the charts follow it). Hold streamlit-folium back until the layer document is drawn
    // (or could not be fetched), so the report means what the app takes it for.
    var drawn = new Promise(function (resolve) {
      self.drawn = resolve;
    });
    var startComponent = window.initComponent;
    if (typeof startComponent === "function") {
      window.initComponent = function (component, onHover) {
        drawn.then(function () {
          startComponent(component, onHover);
        });
      };
    }
    if (typeof options.data === "string") {
      fetch(options.data)
        .then(function (response) {
          return response.json();
        })
        .then(function (doc) {
          self.load(doc);
        })
        .finally(function () {
          self.drawn();
        });
    } else {
      this.load(options.data);
      this.drawn();
    }
  }

  Controller.prototype.load = function (doc) {
    this.doc = doc;
    this.theme = doc.theme;
    this.labels = doc.labels[this.language] || doc.labels.en;
    this.number = new Intl.NumberFormat(this.language);
    this.nameZoomButtons();
    this.describeFrame();
    this.districts = doc.districts.features.map(this.districtLayer, this);
    this.zones = doc.zones.features.map(this.zoneLayers, this);
    this.links = doc.links.features.map(this.linkLayers, this);
    this.sites = doc.sites.features.map(this.siteLayer, this);
    this.districts.forEach(function (layer) {
      this.groups.districts.addLayer(layer);
    }, this);
    this.shown = { zones: {}, links: {}, sites: {} };
    this.cells = [];
    if (this.state) {
      this.render();
    }
  };

  Controller.prototype.apply = function (state) {
    this.state = state;
    if (this.doc) {
      this.render();
    }
  };

  Controller.prototype.render = function () {
    var state = this.state;
    this.map.getContainer().dataset.year = state.year;
    LAYERS.forEach(function (name) {
      var on = state.layers.indexOf(name) >= 0;
      var group = this.groups[name];
      if (on !== this.map.hasLayer(group)) {
        on ? group.addTo(this.map) : this.map.removeLayer(group);
      }
    }, this);
    this.toggle(this.wash, state.layers.indexOf("zones") >= 0);
    this.toggle(this.ends, state.layers.indexOf("links") >= 0);
    this.districts.forEach(function (layer) {
      layer.setStyle(this.districtStyle(layer));
    }, this);
    this.showZones(state.zones);
    this.showLinks(state.links);
    if (state.cells) {
      this.showCells(state.cells);
    } else {
      this.showSites(state.sites);
    }
    this.outlineSelection(state.selection);
    if (this.summary) {
      this.summary.textContent = state.summary || "";
    }
    if (state.view !== this.shownView) {
      this.shownView = state.view;
      this.map.fitBounds(state.fit);
    }
  };

  Controller.prototype.toggle = function (group, on) {
    if (on !== this.map.hasLayer(group)) {
      on ? group.addTo(this.map) : this.map.removeLayer(group);
    }
  };

  // --- districts -----------------------------------------------------------------------

  Controller.prototype.districtLayer = function (feature, position) {
    var layer = L.GeoJSON.geometryToLayer(feature, {
      pane: "districts",
      className: this.theme.districtEdge.className,
    });
    layer.feature = feature;
    layer.position = position;
    var self = this;
    hover(
      layer,
      function () {
        return self.theme.districtHover;
      },
      function () {
        return self.districtStyle(layer);
      }
    );
    this.bindTooltip(layer, TOOLTIPS.district);
    return layer;
  };

  Controller.prototype.districtStyle = function (layer) {
    var theme = this.theme;
    var state = this.state;
    var byState = !state || state.measure === "none";
    var fill = byState
      ? theme.stateFill[layer.feature.properties.state]
      : countColour(theme, state.counts[state.measure][layer.position]);
    return {
      color: theme.districtEdge.color,
      weight: theme.districtEdge.weight,
      fill: true,
      fillColor: fill,
      fillOpacity: byState ? theme.districtFillOpacity : theme.countFillOpacity,
    };
  };

  function countColour(theme, count) {
    var colours = theme.countColours;
    return colours[Math.min(count, colours.length - 1)];
  }

  // --- zones ---------------------------------------------------------------------------

  Controller.prototype.zoneLayers = function (feature) {
    var theme = this.theme;
    var claimed = feature.properties.claimed;
    var edgeStyle = {
      fill: false,
      color: claimed ? theme.claimedZoneLine : theme.zoneFill,
      weight: claimed ? theme.claimedZoneWeight : theme.zoneLineWeight,
      dashArray: claimed ? theme.claimedZoneDash : theme.indicativeDash,
    };
    var edge = L.GeoJSON.geometryToLayer(feature, {
      pane: "zones",
      className: claimed ? "zone zone-claimed" : "zone",
    });
    edge.feature = feature;
    edge.setStyle(edgeStyle);
    hover(
      edge,
      function () {
        return { weight: edgeStyle.weight + theme.zoneHoverExtraWeight };
      },
      function () {
        return edgeStyle;
      }
    );
    this.bindTooltip(edge, TOOLTIPS.zone);
    // A claim is an edge only: a wash would make it look like a mapped area.
    var wash = null;
    if (!claimed) {
      wash = L.GeoJSON.geometryToLayer(feature, { pane: "zoneWash", interactive: false });
      wash.setStyle({ stroke: false, fillColor: theme.zoneFill, fillOpacity: theme.zoneFillOpacity });
    }
    return { edge: edge, wash: wash };
  };

  Controller.prototype.showZones = function (positions) {
    var listed = positions.map(function (position) {
      return [position, true];
    });
    this.showListed("zones", this.zones, listed, null, function (zone, on) {
      this.place(this.groups.zones, zone.edge, on);
      if (zone.wash) {
        this.place(this.wash, zone.wash, on);
      }
    });
  };

  // --- links ---------------------------------------------------------------------------

  Controller.prototype.linkLayers = function (feature) {
    var coords = feature.geometry.coordinates;
    var latlngs = coords.map(function (c) {
      return [c[1], c[0]];
    });
    var line = L.polyline(latlngs, { pane: "links", className: "link" });
    line.feature = feature;
    var self = this;
    hover(
      line,
      function () {
        return { weight: self.theme.linkHoverWeight };
      },
      function () {
        return self.linkStyle(line.status);
      }
    );
    this.bindTooltip(line, TOOLTIPS.link);
    // Direction at the same size at every zoom: a ring where a link starts, a dot where it
    // arrives.
    var ends = [
      [latlngs[0], "from"],
      [latlngs[latlngs.length - 1], "to"],
    ].map(function (spec) {
      var end = L.circleMarker(spec[0], {
        pane: "links",
        interactive: false,
        className: "link-" + spec[1],
        radius: this.theme.linkEndRadius,
      });
      end.arriving = spec[1] === "to";
      return end;
    }, this);
    return { line: line, ends: ends };
  };

  Controller.prototype.linkStyle = function (status) {
    return Object.assign({}, this.theme.linkStyles[status], { fill: false });
  };

  Controller.prototype.showLinks = function (listed) {
    var theme = this.theme;
    var restyle = function (link, status) {
      link.line.status = status;
      link.line.setStyle(this.linkStyle(status));
      var colour = theme.linkStyles[status].color;
      link.ends.forEach(function (end) {
        end.setStyle({
          color: colour,
          weight: theme.linkEndWeight,
          fill: true,
          fillColor: end.arriving ? colour : theme.linkStartFill,
          fillOpacity: 1,
        });
      });
    };
    this.showListed("links", this.links, listed, restyle, function (link, on) {
      this.place(this.groups.links, link.line, on);
      link.ends.forEach(function (end) {
        this.place(this.ends, end, on);
      }, this);
    });
  };

  // --- sites ---------------------------------------------------------------------------

  Controller.prototype.siteLayer = function (feature) {
    var c = feature.geometry.coordinates;
    var marker = L.circleMarker([c[1], c[0]], {
      pane: "sites",
      radius: this.theme.siteRadius,
      className: "site",
    });
    marker.feature = feature;
    this.bindTooltip(marker, TOOLTIPS.site);
    return marker;
  };

  Controller.prototype.siteStyle = function (marker) {
    var theme = this.theme;
    var p = marker.feature.properties;
    var group = theme.statusGroups[marker.status] || "working";
    return Object.assign(
      {},
      theme.evidenceRings[p.evidence],
      {
        fill: true,
        fillColor: theme.siteColours[p.kind],
        fillOpacity: theme.siteFillOpacity,
      },
      theme.statusFills[group]
    );
  };

  Controller.prototype.showSites = function (listed) {
    var restyle = function (marker, status) {
      marker.status = status;
      marker.setStyle(this.siteStyle(marker));
      setClass(marker, "site status-" + status);
    };
    this.showListed("sites", this.sites, listed, restyle, function (marker, on) {
      this.place(this.groups.sites, marker, on);
    });
  };

  // Too many sites for markers: a circle per grid cell, its area growing with the count.
  Controller.prototype.showCells = function (cells) {
    var theme = this.theme;
    var group = this.groups.sites;
    this.cells.forEach(function (cell) {
      group.removeLayer(cell);
    });
    var largest = cells.reduce(function (most, cell) {
      return Math.max(most, cell[2]);
    }, 1);
    var self = this;
    this.cells = cells.map(function (cell) {
      var count = cell[2];
      var marker = L.circleMarker([cell[1], cell[0]], {
        pane: "sites",
        className: theme.siteCell.className,
        radius: Math.round(theme.siteRadius * (1 + 2 * Math.sqrt(count / largest)) * 10) / 10,
      });
      marker.setStyle(theme.siteCell);
      var sentence = self.labels.text.site_cell.replace("{count}", self.number.format(count));
      marker.feature = { type: "Feature", properties: { label: sentence } };
      self.bindTooltip(marker, TOOLTIPS.cell);
      group.addLayer(marker);
      return marker;
    });
  };

  // --- the selection -------------------------------------------------------------------

  Controller.prototype.outlineSelection = function (ref) {
    this.selection.clearLayers();
    var found = ref ? this.visibleLayer(ref) : null;
    if (!found) {
      return;
    }
    var theme = this.theme;
    var options = { pane: "selection", interactive: false, className: "selected" };
    var style = { fill: false, color: theme.selectedLine, weight: theme.selectedWeight };
    var outline;
    if (found instanceof L.CircleMarker) {
      options.radius = found.getRadius() + theme.selectedRingExtra;
      outline = L.circleMarker(found.getLatLng(), Object.assign(options, style));
    } else {
      outline = L.geoJSON(found.feature.geometry, Object.assign(options, { style: style }));
    }
    this.selection.addLayer(outline);
  };

  Controller.prototype.visibleLayer = function (ref) {
    var candidates = [];
    var state = this.state;
    if (state.layers.indexOf("districts") >= 0) {
      candidates = candidates.concat(this.districts);
    }
    if (state.layers.indexOf("zones") >= 0) {
      candidates = candidates.concat(this.zones.map(pick("edge")).filter(this.onMap, this));
    }
    if (state.layers.indexOf("links") >= 0) {
      candidates = candidates.concat(this.links.map(pick("line")).filter(this.onMap, this));
    }
    if (state.layers.indexOf("sites") >= 0) {
      candidates = candidates.concat(this.sites.filter(this.onMap, this));
    }
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i].feature.properties.ref === ref) {
        return candidates[i];
      }
    }
    return null;
  };

  Controller.prototype.onMap = function (layer) {
    return this.map.hasLayer(layer);
  };

  // --- shared --------------------------------------------------------------------------

  // Show the items the state lists, as [position, status] pairs, and hide the others:
  // ``restyle`` updates a listed item, ``put`` adds or removes one whose visibility changes.
  Controller.prototype.showListed = function (kind, items, listed, restyle, put) {
    var statuses = keyMap(listed);
    items.forEach(function (item, position) {
      var on = Object.prototype.hasOwnProperty.call(statuses, position);
      if (on && restyle) {
        restyle.call(this, item, statuses[position]);
      }
      if (on !== (this.shown[kind][position] === true)) {
        this.shown[kind][position] = on;
        put.call(this, item, on);
      }
    }, this);
  };

  Controller.prototype.place = function (group, layer, on) {
    if (on) {
      group.addLayer(layer);
    } else {
      group.removeLayer(layer);
    }
  };

  // In the app's frame, the frame as a document of its own for screen readers: its language
  // (and the page's, which Streamlit leaves English), its title, a main landmark around the
  // map and its controls, a heading, and a summary of what the map shows, read out as it
  // changes. The downloaded page, a document of its own, gets none of this (its HTML sets
  // only its language and title).
  Controller.prototype.describeFrame = function () {
    var frame = window.frameElement;
    if (!frame) {
      return;
    }
    document.documentElement.lang = this.language;
    frame.ownerDocument.documentElement.lang = this.language;
    // folium's page forbids zooming (maximum-scale=1, user-scalable=no): allow it.
    document.querySelectorAll('meta[name="viewport"]').forEach(function (meta) {
      meta.setAttribute("content", "width=device-width, initial-scale=1");
    });
    var title = this.labels.text.map_frame_title;
    frame.title = title;
    var holder = this.map.getContainer().parentNode;
    holder.setAttribute("role", "main");
    var heading = document.createElement("h1");
    heading.className = "visually-hidden";
    heading.textContent = title;
    this.summary = document.createElement("p");
    this.summary.id = "map-summary";
    this.summary.className = "visually-hidden";
    this.summary.setAttribute("aria-live", "polite");
    holder.insertBefore(this.summary, holder.firstChild);
    holder.insertBefore(heading, this.summary);
  };

  // Leaflet's zoom buttons say "Zoom in" and "Zoom out" (title and screen-reader name).
  Controller.prototype.nameZoomButtons = function () {
    var control = this.map.zoomControl;
    if (!control) {
      return;
    }
    [
      [control._zoomInButton, this.labels.text.zoom_in],
      [control._zoomOutButton, this.labels.text.zoom_out],
    ].forEach(function (pair) {
      if (pair[0] && pair[1]) {
        pair[0].title = pair[1];
        pair[0].setAttribute("aria-label", pair[1]);
      }
    });
  };

  Controller.prototype.label = function (group, value) {
    var names = this.labels.groups[group] || {};
    return Object.prototype.hasOwnProperty.call(names, value) ? names[value] : String(value);
  };

  // A tooltip as a two-column table built with text nodes only, whatever the data holds.
  // Leaflet opens a tooltip when its feature gets focus, and Chromium then puts every such
  // feature in the tab order: a hundred stops before the keyboard leaves the map. They are
  // kept out of it (the map is one stop: arrows pan it, + and - zoom it); a district is
  // picked from the keyboard with the district picker, which shows its details.
  Controller.prototype.bindTooltip = function (layer, spec) {
    var self = this;
    layer.on("add", function () {
      var element = layer.getElement && layer.getElement();
      if (element) {
        element.setAttribute("tabindex", "-1");
      }
    });
    layer.bindTooltip(
      function () {
        var table = document.createElement("table");
        spec.forEach(function (row) {
          var tr = table.insertRow();
          var th = document.createElement("th");
          th.textContent = self.labels.text[row[0]];
          tr.appendChild(th);
          var value = self.fieldValue(layer, row[1]);
          tr.insertCell().textContent = row[2] ? self.label(row[2], value) : String(value);
        });
        return table;
      },
      { sticky: true }
    );
  };

  Controller.prototype.fieldValue = function (layer, field) {
    if (field === "status") {
      return layer.status;
    }
    var properties = layer.feature.properties;
    if (Object.prototype.hasOwnProperty.call(properties, field)) {
      var value = properties[field];
      // A data text comes in every language: {"en": ..., "ja": ...}.
      if (value !== null && typeof value === "object") {
        return Object.prototype.hasOwnProperty.call(value, this.language)
          ? value[this.language]
          : value.en;
      }
      return value;
    }
    return this.state ? this.state.counts[field][layer.position] : "";
  };

  // A style under the pointer, and the layer's own style back when it leaves.
  function hover(layer, over, out) {
    layer.on("mouseover", function () {
      layer.setStyle(over());
    });
    layer.on("mouseout", function () {
      layer.setStyle(out());
    });
  }

  function setClass(layer, names) {
    layer.options.className = names;
    var element = layer.getElement && layer.getElement();
    if (element) {
      var interactive = layer.options.interactive ? " leaflet-interactive" : "";
      element.setAttribute("class", names + interactive);
    }
  }

  function keyMap(pairs) {
    var map = {};
    pairs.forEach(function (pair) {
      map[pair[0]] = pair[1];
    });
    return map;
  }

  function pick(name) {
    return function (item) {
      return item[name];
    };
  }

  window.RareEarthMap = { create: create, apply: apply };
})();

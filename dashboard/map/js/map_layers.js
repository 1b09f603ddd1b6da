/*
 * The map's layers: how each district, zone, link and site is drawn, styled for the state's
 * year and filters, shown or hidden, and the selected record outlined.
 *
 * Loaded after map_controller.js: adds these methods to its Controller.
 */
(() => {
  const parts = window.RareEarthMapParts;
  const Controller = parts.Controller;

  Object.assign(Controller.prototype, {
    // --- districts ---------------------------------------------------------------------

    districtLayer(feature, position) {
      const layer = L.GeoJSON.geometryToLayer(feature, {
        pane: "districts",
        className: this.theme.districtEdge.className,
      });
      layer.feature = feature;
      layer.position = position;
      hover(
        layer,
        () => this.theme.districtHover,
        () => this.districtStyle(layer),
      );
      this.bindTooltip(layer, parts.TOOLTIPS.district);
      return layer;
    },

    districtStyle(layer) {
      const theme = this.theme;
      const state = this.state;
      const byState = !state || state.measure === "none";
      const fill = byState
        ? theme.stateFill[layer.feature.properties.state]
        : countColour(theme, state.counts[state.measure][layer.position]);
      return {
        color: theme.districtEdge.color,
        weight: theme.districtEdge.weight,
        fill: true,
        fillColor: fill,
        fillOpacity: byState ? theme.districtFillOpacity : theme.countFillOpacity,
      };
    },

    // --- zones -------------------------------------------------------------------------

    zoneLayers(feature) {
      const theme = this.theme;
      const claimed = feature.properties.claimed;
      const edgeStyle = {
        fill: false,
        color: claimed ? theme.claimedZoneLine : theme.zoneFill,
        weight: claimed ? theme.claimedZoneWeight : theme.zoneLineWeight,
        dashArray: claimed ? theme.claimedZoneDash : theme.indicativeDash,
      };
      const edge = L.GeoJSON.geometryToLayer(feature, {
        pane: "zones",
        className: claimed ? "zone zone-claimed" : "zone",
      });
      edge.feature = feature;
      edge.setStyle(edgeStyle);
      hover(
        edge,
        () => ({ weight: edgeStyle.weight + theme.zoneHoverExtraWeight }),
        () => edgeStyle,
      );
      this.bindTooltip(edge, parts.TOOLTIPS.zone);
      // A claim is an edge only: a wash would make it look like a mapped area.
      let wash = null;
      if (!claimed) {
        wash = L.GeoJSON.geometryToLayer(feature, { pane: "zoneWash", interactive: false });
        wash.setStyle({
          stroke: false,
          fillColor: theme.zoneFill,
          fillOpacity: theme.zoneFillOpacity,
        });
      }
      return { edge, wash };
    },

    showZones(positions) {
      const listed = positions.map((position) => [position, true]);
      this.showListed("zones", this.zones, listed, null, (zone, on) => {
        this.place(this.groups.zones, zone.edge, on);
        if (zone.wash) {
          this.place(this.wash, zone.wash, on);
        }
      });
    },

    // --- links -------------------------------------------------------------------------

    linkLayers(feature) {
      const latlngs = feature.geometry.coordinates.map((c) => [c[1], c[0]]);
      const line = L.polyline(latlngs, { pane: "links", className: "link" });
      line.feature = feature;
      // The whole geodesic in the partners view; in the states view only its pieces off the
      // districts it does not touch (dashboard/core/world.py).
      line.paths = { partners: latlngs, states: feature.properties.states };
      hover(
        line,
        () => ({ weight: this.theme.linkHoverWeight }),
        () => this.linkStyle(line.status),
      );
      this.bindTooltip(line, parts.TOOLTIPS.link);
      // Direction at the same size at every zoom: a ring where a link starts, a dot where it
      // arrives.
      const ends = [
        [latlngs[0], "from"],
        [latlngs[latlngs.length - 1], "to"],
      ].map(([latlng, end]) => {
        const marker = L.circleMarker(latlng, {
          pane: "links",
          interactive: false,
          className: `link-${end}`,
          radius: this.theme.linkEndRadius,
        });
        marker.arriving = end === "to";
        return marker;
      });
      return { line, ends };
    },

    linkStyle(status) {
      return Object.assign({}, this.theme.linkStyles[status], { fill: false });
    },

    // Draw each link as the named view wants it (see linkLayers).
    routeLinks(view) {
      if (this.linkView === view) {
        return;
      }
      this.linkView = view;
      const which = view === "partners" ? "partners" : "states";
      for (const link of this.links) {
        link.line.setLatLngs(link.line.paths[which]);
      }
    },

    showLinks(listed) {
      const theme = this.theme;
      const restyle = (link, status) => {
        link.line.status = status;
        link.line.setStyle(this.linkStyle(status));
        setClass(link.line, `link link-status-${status}`);
        const colour = theme.linkStyles[status].color;
        for (const end of link.ends) {
          end.setStyle({
            color: colour,
            weight: theme.linkEndWeight,
            fill: true,
            fillColor: end.arriving ? colour : theme.linkStartFill,
            fillOpacity: 1,
          });
        }
      };
      this.showListed("links", this.links, listed, restyle, (link, on) => {
        this.place(this.groups.links, link.line, on);
        for (const end of link.ends) {
          this.place(this.ends, end, on);
        }
      });
    },

    // --- sites -------------------------------------------------------------------------

    siteLayer(feature) {
      const [lng, lat] = feature.geometry.coordinates;
      const marker = L.circleMarker([lat, lng], {
        pane: "sites",
        radius: this.theme.siteRadius,
        className: "site",
      });
      marker.feature = feature;
      // Where the site is: a group of sites may move its marker while it is spread.
      marker.homeAt = L.latLng(lat, lng);
      this.bindTooltip(marker, parts.TOOLTIPS.site);
      return marker;
    },

    siteStyle(marker) {
      const theme = this.theme;
      const properties = marker.feature.properties;
      const group = theme.statusGroups[marker.status] || "working";
      return Object.assign(
        {},
        theme.evidenceRings[properties.evidence],
        {
          fill: true,
          fillColor: theme.siteColours[properties.kind],
          fillOpacity: theme.siteFillOpacity,
        },
        theme.statusFills[group],
      );
    },

    showSites(listed) {
      const restyle = (marker, status) => {
        marker.status = status;
        marker.setStyle(this.siteStyle(marker));
        setClass(marker, `site status-${status}`);
      };
      this.showListed("sites", this.sites, listed, restyle, (marker, on) => {
        this.place(this.groups.sites, marker, on);
      });
    },

    // Too many sites for markers: a circle per grid cell, its area growing with the count.
    showCells(cells) {
      const theme = this.theme;
      const group = this.groups.sites;
      for (const cell of this.cells) {
        group.removeLayer(cell);
      }
      const largest = cells.reduce((most, cell) => Math.max(most, cell[2]), 1);
      this.cells = cells.map(([lng, lat, count]) => {
        const marker = L.circleMarker([lat, lng], {
          pane: "sites",
          className: theme.siteCell.className,
          radius: Math.round(theme.siteRadius * (1 + 2 * Math.sqrt(count / largest)) * 10) / 10,
        });
        marker.setStyle(theme.siteCell);
        const sentence = this.labels.text.site_cell.replace("{count}", this.number.format(count));
        marker.feature = { type: "Feature", properties: { label: sentence } };
        this.bindTooltip(marker, parts.TOOLTIPS.cell);
        group.addLayer(marker);
        return marker;
      });
    },

    // --- the selection -----------------------------------------------------------------

    outlineSelection(ref) {
      this.selection.clearLayers();
      const found = ref ? this.visibleLayer(ref) : null;
      if (!found) {
        return;
      }
      const theme = this.theme;
      const options = { pane: "selection", interactive: false, className: "selected" };
      const style = { fill: false, color: theme.selectedLine, weight: theme.selectedWeight };
      let outline;
      if (found instanceof L.CircleMarker) {
        options.radius = found.getRadius() + theme.selectedRingExtra;
        outline = L.circleMarker(found.getLatLng(), Object.assign(options, style));
      } else {
        outline = L.geoJSON(found.feature.geometry, Object.assign(options, { style }));
      }
      this.selection.addLayer(outline);
    },

    visibleLayer(ref) {
      const layers = this.state.layers;
      const onMap = (layer) => this.map.hasLayer(layer);
      let candidates = [];
      if (layers.includes("districts")) {
        candidates = candidates.concat(this.districts);
      }
      if (layers.includes("zones")) {
        candidates = candidates.concat(this.zones.map((zone) => zone.edge).filter(onMap));
      }
      if (layers.includes("links")) {
        candidates = candidates.concat(this.links.map((link) => link.line).filter(onMap));
      }
      if (layers.includes("sites")) {
        candidates = candidates.concat(this.sites.filter(onMap));
      }
      return candidates.find((layer) => layer.feature.properties.ref === ref) || null;
    },

    // --- shared ------------------------------------------------------------------------

    // Show the items the state lists, as [position, status] pairs, and hide the others:
    // ``restyle`` updates a listed item, ``put`` adds or removes one whose visibility changes.
    showListed(kind, items, listed, restyle, put) {
      const statuses = new Map(listed);
      items.forEach((item, position) => {
        const on = statuses.has(position);
        if (on && restyle) {
          restyle(item, statuses.get(position));
        }
        if (on !== (this.shown[kind][position] === true)) {
          this.shown[kind][position] = on;
          put(item, on);
        }
      });
    },

    place(group, layer, on) {
      if (on) {
        group.addLayer(layer);
      } else {
        group.removeLayer(layer);
      }
    },
  });

  function countColour(theme, count) {
    const colours = theme.countColours;
    return colours[Math.min(count, colours.length - 1)];
  }

  // A style under the pointer, and the layer's own style back when it leaves.
  function hover(layer, over, out) {
    layer.on("mouseover", () => layer.setStyle(over()));
    layer.on("mouseout", () => layer.setStyle(out()));
  }

  function setClass(layer, names) {
    layer.options.className = names;
    const element = layer.getElement?.();
    if (element) {
      const interactive = layer.options.interactive ? " leaflet-interactive" : "";
      element.setAttribute("class", names + interactive);
    }
  }

  parts.countColour = countColour;
})();

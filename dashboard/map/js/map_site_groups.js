/*
 * Sites that would overlap at the current zoom (two plants in one town, a mine beside its
 * separation plant) are drawn as one counted group. A click on the group spreads its sites
 * around it, each then reachable by a second click; zooming, or a click elsewhere, gathers
 * them again. Sites keep their own markers throughout: a group only hides and moves them, so
 * a click on a spread site reports the site itself.
 *
 * Loaded after map_layers.js: adds these methods to the Controller.
 */
(() => {
  const parts = window.RareEarthMapParts;
  const Controller = parts.Controller;

  Object.assign(Controller.prototype, {
    siteGroupLayer() {
      this.siteGroups = L.layerGroup().addTo(this.map);
      this.spreadLegs = L.layerGroup().addTo(this.map);
      this.spread = null;
      this.map.on("zoomstart", () => this.gather());
      this.map.on("zoomend", () => this.groupSites());
      // A click anywhere but on a spread site gathers the group again (Leaflet's map event
      // names no layer, so the clicked element tells).
      this.map.on("click", (event) => {
        const clicked = event.originalEvent?.target;
        if (this.spread && !this.spread.some((marker) => marker.getElement() === clicked)) {
          this.gather();
          this.groupSites();
          this.placeLabels();
        }
      });
    },

    // Group the shown site markers closer than theme.siteGroupPx to one another.
    groupSites() {
      this.siteGroups.clearLayers();
      const markers = this.sites.filter((marker) => this.map.hasLayer(marker));
      for (const marker of markers) {
        markVisible(marker, true);
      }
      const limit = this.theme.siteGroupPx;
      const points = markers.map((marker) => this.map.latLngToLayerPoint(marker.homeAt));
      const spread = this.spread;
      this.spread = null;
      const selected = this.state?.selection;
      let kept = null;
      let holding = null;
      for (const members of clusters(points, limit)) {
        if (members.length < 2) {
          continue;
        }
        const sites = members.map((i) => markers[i]);
        for (const marker of sites) {
          markVisible(marker, false);
        }
        const group = this.groupMarker(sites);
        this.siteGroups.addLayer(group);
        if (spread && spread.length === sites.length && spread.every((m) => sites.includes(m))) {
          kept = [group, sites];
        }
        if (sites.some((marker) => marker.feature.properties.ref === selected)) {
          holding = [group, sites];
        }
      }
      // The group holding the selected site spreads (a link or a search that names a site
      // shows the site, not a count); otherwise a state arriving while a group is spread
      // leaves it spread.
      const open = holding || kept;
      if (open) {
        this.spreadGroup(...open);
      }
    },

    groupMarker(sites) {
      const centre = L.latLngBounds(sites.map((marker) => marker.homeAt)).getCenter();
      const count = document.createElement("span");
      count.textContent = this.number.format(sites.length);
      const sentence = this.labels.text.site_group.replace("{count}", count.textContent);
      const icon = L.divIcon({ html: count, className: "site-group", iconSize: [22, 22] });
      const marker = L.marker(centre, { icon, pane: "sites", keyboard: false, title: sentence });
      marker.sites = sites;
      marker.on("click", (event) => {
        // The group is not a record: the app hears nothing of this click.
        L.DomEvent.stopPropagation(event);
        this.spreadGroup(marker, sites);
      });
      return marker;
    },

    // Put the group's sites on a ring around it, joined to it by thin legs.
    spreadGroup(group, sites) {
      this.gather();
      this.siteGroups.removeLayer(group);
      const centre = this.map.latLngToLayerPoint(group.getLatLng());
      const radius = this.theme.siteSpreadPx * Math.max(1, sites.length / 6);
      sites.forEach((marker, i) => {
        const angle = (2 * Math.PI * i) / sites.length - Math.PI / 2;
        const spot = centre.add([radius * Math.cos(angle), radius * Math.sin(angle)]);
        const at = this.map.layerPointToLatLng(spot);
        this.spreadLegs.addLayer(
          L.polyline([group.getLatLng(), at], {
            pane: "sites",
            interactive: false,
            className: "site-leg",
          }),
        );
        marker.setLatLng(at);
        markVisible(marker, true);
      });
      this.spread = sites;
      this.outlineSelection(this.state.selection, this.state.highlight || []);
      this.placeLabels();
    },

    // Send spread sites home.
    gather() {
      this.spreadLegs?.clearLayers();
      if (!this.spread) {
        return;
      }
      for (const marker of this.spread) {
        marker.setLatLng(marker.homeAt);
      }
      this.spread = null;
    },
  });

  // Groups of point indices, each point within ``limit`` of another of its group.
  function clusters(points, limit) {
    const parent = points.map((_, i) => i);
    const root = (i) => {
      let r = i;
      while (parent[r] !== r) {
        r = parent[r];
      }
      return r;
    };
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        if (points[i].distanceTo(points[j]) < limit) {
          parent[root(j)] = root(i);
        }
      }
    }
    const groups = new Map();
    points.forEach((_, i) => {
      const r = root(i);
      groups.set(r, [...(groups.get(r) || []), i]);
    });
    return [...groups.values()];
  }

  function markVisible(marker, shown) {
    marker.grouped = !shown;
    marker.getElement()?.classList.toggle("site-grouped", !shown);
  }

  parts.clusters = clusters;
})();

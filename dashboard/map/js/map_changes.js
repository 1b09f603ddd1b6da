/*
 * What changed since the comparison year: a small sign beside each site, zone and link the
 * state lists as appeared (+), changed status (↻) or ended (×). A sign, not a colour alone;
 * the details panel lists the same changes under the same signs, with dates and sources.
 * The signs take no pointer: they never stand between the reader and a record.
 *
 * Loaded after map_layers.js: adds these methods to the Controller.
 */
(() => {
  const parts = window.RareEarthMapParts;
  const Controller = parts.Controller;

  const SIGNS = { appeared: "+", changed: "↻", ended: "×" };
  const SIZE = 16;

  Object.assign(Controller.prototype, {
    changeLayer() {
      const pane = this.map.createPane("changes");
      pane.style.zIndex = "455";
      pane.style.pointerEvents = "none";
      this.changeMarks = L.layerGroup().addTo(this.map);
    },

    // ``marks``: [layer, position, kind] of each changed record.
    markChanges(marks) {
      this.changeMarks.clearLayers();
      const layers = this.state.layers;
      for (const [layer, position, kind] of marks) {
        if (!layers.includes(layer)) {
          continue;
        }
        const at = this.changeAnchor(layer, position);
        if (!at) {
          continue;
        }
        const sign = document.createElement("span");
        sign.textContent = SIGNS[kind] || "?";
        const icon = L.divIcon({
          html: sign,
          className: `change-mark change-${kind}`,
          iconSize: [SIZE, SIZE],
          // Up and to the right of the point, so the site's own marker stays in sight.
          iconAnchor: [-4, SIZE + 4],
        });
        this.changeMarks.addLayer(
          L.marker(at, { icon, pane: "changes", interactive: false, keyboard: false }),
        );
      }
    },

    // Where a change is marked: a site's own place, a zone's middle, a link's drawn middle.
    changeAnchor(layer, position) {
      if (layer === "sites") {
        return this.sites[position]?.homeAt || null;
      }
      if (layer === "zones") {
        const zone = this.zones[position];
        return zone ? zone.edge.getBounds().getCenter() : null;
      }
      const line = this.links[position]?.line;
      const pieces = line ? line.getLatLngs() : [];
      const flat = pieces.length && Array.isArray(pieces[0]) ? pieces : [pieces];
      const longest = flat.reduce((a, b) => (b.length > a.length ? b : a), []);
      return longest.length ? longest[Math.floor(longest.length / 2)] : null;
    },
  });
})();

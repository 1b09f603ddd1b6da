/*
 * Place names that tell the reader where they are: the orientation labels of the layer
 * document (geodata/labels.csv) and, from a closer zoom, the district names. They are placed
 * after every change of view or state, in the theme's order of kinds, each where it overlaps
 * no label placed before it, no marker and no control; one that does not fit is left out
 * until the reader zooms closer. Names are set as text, never as HTML.
 *
 * Loaded after map_layers.js: adds these methods to the Controller.
 */
(() => {
  const parts = window.RareEarthMapParts;
  const Controller = parts.Controller;

  // Kinds written beside a dot at their point; the others are centred on it.
  const POINT_KINDS = new Set(["national_capital", "capital", "port", "district_hq", "town"]);
  const DOT = 5;
  // Where a point's name may go, in order of preference: right, left, above, below.
  const SIDES = ["right", "left", "above", "below"];
  // Where a region's name may go, in its own widths and heights off its point: nearest first.
  const AREA_SHIFTS = [0, 0.5, -0.5]
    .flatMap((dx) => [0, -1.6, 1.6, -3.2, 3.2].map((dy) => [dx, dy]))
    .sort((a, b) => Math.hypot(a[0] * 4, a[1]) - Math.hypot(b[0] * 4, b[1]));

  Object.assign(Controller.prototype, {
    labelLayer(doc) {
      const pane = this.map.createPane("labels");
      pane.style.zIndex = "450";
      pane.style.pointerEvents = "none";
      const order = new Map(this.theme.labelOrder.map((kind, rank) => [kind, rank]));
      const items = doc.placeLabels.map((label) => ({
        kind: label.kind,
        text: this.fieldText(label.name),
        at: L.latLng(label.at[0], label.at[1]),
        minZoom: label.minZoom,
        maxZoom: label.maxZoom ?? Number.POSITIVE_INFINITY,
      }));
      for (const feature of doc.districts.features) {
        const [lat, lng] = feature.properties.label;
        items.push({
          kind: "district",
          text: this.fieldText(feature.properties.name),
          at: L.latLng(lat, lng),
          minZoom: this.theme.districtLabelZoom,
          maxZoom: Number.POSITIVE_INFINITY,
        });
      }
      // A stable sort: the file's order decides within a kind.
      items.sort((a, b) => order.get(a.kind) - order.get(b.kind));
      for (const item of items) {
        item.element = document.createElement("div");
        item.element.className = `map-label map-label-${item.kind}`;
        item.element.textContent = item.text;
        item.element.hidden = true;
        pane.appendChild(item.element);
        if (POINT_KINDS.has(item.kind)) {
          item.dot = document.createElement("div");
          item.dot.className = "map-label-dot";
          item.dot.hidden = true;
          pane.appendChild(item.dot);
        }
      }
      this.placeNames = items;
      this.map.on("zoomend moveend resize", () => this.placeLabels());
      // A font arriving late (Japanese ones often do) changes every label's size.
      document.fonts?.addEventListener("loadingdone", () => this.placeLabels());
    },

    // A data text in the page's language (the document carries every language).
    fieldText(texts) {
      return Object.hasOwn(texts, this.language) ? texts[this.language] : texts.en;
    },

    placeLabels() {
      if (!this.placeNames) {
        return;
      }
      const zoom = this.map.getZoom();
      const size = this.map.getSize();
      const gap = this.theme.labelGap;
      const taken = this.occupiedBoxes();
      const shown = this.placeNames.filter((item) => zoom >= item.minZoom && zoom <= item.maxZoom);
      measure(shown);
      for (const item of this.placeNames) {
        item.element.hidden = true;
        if (item.dot) {
          item.dot.hidden = true;
        }
      }
      for (const item of shown) {
        const point = this.map.latLngToContainerPoint(item.at);
        const box = this.fitLabel(item, point, size, gap, taken);
        if (!box) {
          continue;
        }
        taken.push(box.text);
        this.put(item.element, box.text);
        if (item.dot) {
          taken.push(box.dot);
          this.put(item.dot, box.dot);
        }
      }
    },

    // The first place the label fits, as container-pixel boxes of its text (and dot), or null.
    fitLabel(item, point, size, gap, taken) {
      const { width, height } = item.size;
      const candidates = [];
      if (item.dot) {
        const dot = box(point.x - DOT / 2, point.y - DOT / 2, DOT, DOT);
        for (const side of SIDES) {
          candidates.push({ dot, text: beside(point, side, width, height, gap) });
        }
      } else {
        // A region's name may move a little off its point to find room.
        for (const [dx, dy] of AREA_SHIFTS) {
          const x = point.x - width / 2 + dx * width;
          const y = point.y - height / 2 + dy * height;
          candidates.push({ text: box(x, y, width, height) });
        }
      }
      return (
        candidates.find((candidate) => {
          const own = [candidate.text, candidate.dot].filter(Boolean);
          return own.every(
            (b) => inside(b, size) && taken.every((other) => !overlaps(b, other, gap)),
          );
        }) || null
      );
    },

    put(element, at) {
      const corner = this.map.containerPointToLayerPoint([at.x, at.y]);
      L.DomUtil.setPosition(element, corner);
      element.hidden = false;
    },

    // What a label may not cover: every marker and group of markers shown, and the controls.
    // Markers are measured from Leaflet's own positions, not from the page, which may still
    // show them scaled by a zoom in progress.
    occupiedBoxes() {
      const taken = [];
      const circles = [...this.sites.filter((m) => !m.grouped), ...this.cells];
      this.ends.eachLayer((end) => circles.push(end));
      for (const marker of circles) {
        if (this.map.hasLayer(marker)) {
          const at = this.map.latLngToContainerPoint(marker.getLatLng());
          const reach = marker.getRadius() + (marker.options.weight || 0) / 2;
          taken.push(box(at.x - reach, at.y - reach, 2 * reach, 2 * reach));
        }
      }
      for (const marks of [this.siteGroups, this.changeMarks]) {
        marks.eachLayer((mark) => {
          const icon = mark.options.icon.options;
          const at = this.map.latLngToContainerPoint(mark.getLatLng());
          const [w, h] = icon.iconSize;
          const [ax, ay] = icon.iconAnchor || [w / 2, h / 2];
          taken.push(box(at.x - ax, at.y - ay, w, h));
        });
      }
      const container = this.map.getContainer().getBoundingClientRect();
      for (const control of this.map.getContainer().querySelectorAll(".leaflet-control")) {
        taken.push(fromRect(control.getBoundingClientRect(), container));
      }
      return taken.filter((b) => b.w > 0 && b.h > 0);
    },
  });

  // Each label's size as drawn now (fonts may still be arriving on the first placement),
  // read for all of them in one layout pass.
  function measure(items) {
    for (const item of items) {
      item.element.style.visibility = "hidden";
      item.element.hidden = false;
    }
    for (const item of items) {
      item.size = { width: item.element.offsetWidth, height: item.element.offsetHeight };
    }
    for (const item of items) {
      item.element.hidden = true;
      item.element.style.visibility = "";
    }
  }

  function box(x, y, w, h) {
    return { x, y, w, h };
  }

  function beside(point, side, width, height, gap) {
    const reach = DOT / 2 + gap;
    if (side === "right") {
      return box(point.x + reach, point.y - height / 2, width, height);
    }
    if (side === "left") {
      return box(point.x - reach - width, point.y - height / 2, width, height);
    }
    if (side === "above") {
      return box(point.x - width / 2, point.y - reach - height, width, height);
    }
    return box(point.x - width / 2, point.y + reach, width, height);
  }

  function inside(b, size) {
    return b.x >= 0 && b.y >= 0 && b.x + b.w <= size.x && b.y + b.h <= size.y;
  }

  function overlaps(a, b, gap) {
    return (
      a.x < b.x + b.w + gap &&
      b.x < a.x + a.w + gap &&
      a.y < b.y + b.h + gap &&
      b.y < a.y + a.h + gap
    );
  }

  function fromRect(rect, container) {
    return box(rect.left - container.left, rect.top - container.top, rect.width, rect.height);
  }

  parts.labelGeometry = { overlaps, inside, beside };
})();

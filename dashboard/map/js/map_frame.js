/*
 * The map as text: its tooltips (built from text nodes only), and, in the app's frame, the
 * frame as a document of its own for screen readers (its language, title, a main landmark, a
 * heading, and a summary of what the map shows, read out as it changes); in an article's
 * frame, the map's credits folded into a button.
 *
 * Loaded after map_controller.js: adds these methods to its Controller.
 */
(() => {
  const parts = window.RareEarthMapParts;
  const Controller = parts.Controller;

  // What each tooltip shows: [label key, field, label group of the field's values]. A field is
  // the feature's property, its "status" in the year, or a district count of the state.
  parts.TOOLTIPS = {
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

  Object.assign(Controller.prototype, {
    // In the app's frame: its language (and the page's, which Streamlit leaves English), its
    // title, a main landmark around the map and its controls, a heading, and a live summary.
    // The downloaded page, a document of its own, gets none of this (its HTML sets only its
    // language and title).
    describeFrame() {
      const frame = window.frameElement;
      if (!frame) {
        return;
      }
      document.documentElement.lang = this.language;
      frame.ownerDocument.documentElement.lang = this.language;
      // folium's page forbids zooming (maximum-scale=1, user-scalable=no): allow it.
      for (const meta of document.querySelectorAll('meta[name="viewport"]')) {
        meta.setAttribute("content", "width=device-width, initial-scale=1");
      }
      const title = this.labels.text.map_frame_title;
      frame.title = title;
      const holder = this.map.getContainer().parentNode;
      holder.setAttribute("role", "main");
      const heading = document.createElement("h1");
      heading.className = "visually-hidden";
      heading.textContent = title;
      this.summary = document.createElement("p");
      this.summary.id = "map-summary";
      this.summary.className = "visually-hidden";
      this.summary.setAttribute("aria-live", "polite");
      holder.insertBefore(this.summary, holder.firstChild);
      holder.insertBefore(heading, this.summary);
    },

    // In an article's frame the map is small and its credits would cover a third of it: they
    // fold into one small button in their corner, named in the page's language, which shows
    // the same text on a click (or Enter or Space) and hides it again on a second one or on
    // Escape. Leaflet rewrites the credits' content as layers come and go, never the element
    // itself, so the element is moved into the fold and keeps being updated there.
    foldCredits(name) {
      const control = this.map.attributionControl;
      if (!control) {
        return;
      }
      const credits = control.getContainer();
      credits.id = "map-credits-text";
      credits.hidden = true;
      const Fold = L.Control.extend({
        options: { position: "bottomright" },
        onAdd() {
          const box = L.DomUtil.create("div", "map-credits");
          const button = L.DomUtil.create("button", "map-credits-toggle", box);
          button.type = "button";
          button.textContent = "i";
          button.title = name;
          button.setAttribute("aria-label", name);
          button.setAttribute("aria-controls", credits.id);
          button.setAttribute("aria-expanded", "false");
          const show = (open) => {
            credits.hidden = !open;
            button.setAttribute("aria-expanded", String(open));
          };
          button.addEventListener("click", () => show(credits.hidden));
          box.addEventListener("keydown", (event) => {
            if (event.key === "Escape" && !credits.hidden) {
              show(false);
              button.focus();
            }
          });
          box.append(credits); // after the button: Tab goes on into the credits' links
          L.DomEvent.disableClickPropagation(box);
          return box;
        },
      });
      new Fold().addTo(this.map);
    },

    summarize(sentence) {
      if (this.summary) {
        this.summary.textContent = sentence;
      }
    },

    label(group, value) {
      const names = this.labels.groups[group] || {};
      return Object.hasOwn(names, value) ? names[value] : String(value);
    },

    // A tooltip as a two-column table built with text nodes only, whatever the data holds.
    // Leaflet opens a tooltip when its feature gets focus, and Chromium then puts every such
    // feature in the tab order: a hundred stops before the keyboard leaves the map. They are
    // kept out of it (the map is one stop: arrows pan it, + and - zoom it); a district is
    // picked from the keyboard with the district picker, which shows its details.
    bindTooltip(layer, spec) {
      layer.on("add", () => {
        const element = layer.getElement?.();
        if (element) {
          element.setAttribute("tabindex", "-1");
          // What the shape stands for, readable from the page (tests pick shapes by it).
          if (layer.feature?.properties.ref) {
            element.dataset.ref = layer.feature.properties.ref;
          }
        }
      });
      layer.bindTooltip(
        () => {
          const table = document.createElement("table");
          for (const [key, field, group] of spec) {
            const row = table.insertRow();
            const heading = document.createElement("th");
            heading.textContent = this.labels.text[key];
            row.appendChild(heading);
            const value = this.fieldValue(layer, field);
            row.insertCell().textContent = group ? this.label(group, value) : String(value);
          }
          return table;
        },
        { sticky: true },
      );
    },

    fieldValue(layer, field) {
      if (field === "status") {
        return layer.status;
      }
      const properties = layer.feature.properties;
      if (Object.hasOwn(properties, field)) {
        const value = properties[field];
        // A data text comes in every language: {"en": ..., "ja": ...}.
        if (value !== null && typeof value === "object") {
          return Object.hasOwn(value, this.language) ? value[this.language] : value.en;
        }
        return value;
      }
      return this.state ? this.state.counts[field][layer.position] : "";
    },
  });
})();

/*
 * The dashboard's map in the browser: the controller that holds the layers.
 *
 * The page creates one controller per map with the static layer document (every district,
 * zone, link and site, the styles and the labels: dashboard/map/layer_data.py), either as a URL
 * to fetch once or inlined. Each time the reader changes the year or a filter, the server sends
 * a small state (dashboard/map/map_state.py) and the controller restyles, hides and shows the
 * features it already holds: no geometry travels again, and the district shapes stay the same
 * DOM nodes. When the reader moves the page's year slider, the controller draws that year's
 * state before the script's run brings it: one of the years around the view's, asked for when
 * the reader took the slider (askNearYears), or asked for over HTTP then (previewYear).
 * Data text is only ever set as text (textContent), never as HTML.
 *
 * Loaded after Leaflet and private_api.js, before map_layers.js and map_frame.js (which add
 * the controller's drawing and the frame's text) and before the map is created. Exposes
 * window.RareEarthMap: create(map, options) and apply(state).
 */
(() => {
  const parts = window.RareEarthMapParts;

  // One pane per layer keeps the drawing order whatever is hidden and shown again:
  // [name, z-index, takes the pointer].
  const PANES = [
    ["districts", 401, true],
    ["zoneWash", 402, false],
    ["zones", 403, true],
    ["links", 404, true],
    ["sites", 405, true],
    ["selection", 460, false],
  ];
  const LAYERS = ["districts", "zones", "links", "sites"];
  // A map narrower than this (a phone) folds its credits into a button: their line would
  // cover a third of it.
  const NARROW_PX = 480;
  // How often, and how many times, a map the server has not heard from reports again.
  const REPORT_AGAIN_MS = 1500;
  const REPORT_TRIES = 5;
  // How long a state of another year than the one the reader has moved the slider to is held
  // back (the run for the reader's year follows it); after that it is drawn whatever.
  const HOLD_MS = 3000;
  // How long the map waits at most, once first drawn, for the page's load to settle before it
  // asks for the states of the years around the view's.
  const NEAR_YEARS_IDLE_MS = 2000;
  // How many years the year shown may move from the one the years around were asked for (they
  // reach five either side: NEAR_YEARS in dashboard/routes.py) before they are asked for again.
  // The soak's protocol readers ask as often (bench/protocol_reader.py).
  const NEAR_AGAIN = 3;
  // A state's year: "2023", or "all" (the all-years view, where the slider is off).
  const YEAR = /^\d{4}$/;

  // The page's maps: a state arriving over streamlit-folium names no map, and each page holds
  // one, so it goes to every controller of the page.
  const controllers = [];

  class Controller {
    // ``options``: data (the layer document or its URL), language, view (the named view the
    // map was fitted to), messages (the words shown if the document cannot be fetched),
    // report (where to tell the server so), credits (the name of the button the map's
    // credits fold into) and foldCredits (fold them whatever the map's width: an article's
    // frame).
    constructor(map, options) {
      this.map = map;
      this.language = options.language;
      this.shownView = options.view;
      this.messages = options.messages || {};
      this.report = options.report || "";
      const narrow = map.getSize().x < NARROW_PX;
      if (options.credits && (options.foldCredits || narrow)) {
        this.foldCredits(options.credits);
      }
      // The state drawn (what the layers' styles, tooltips and selection read), and the
      // last the server sent: the same but while the map draws a year the reader has moved
      // the slider to before the server's run for it comes (previewYear).
      this.state = null;
      this.sent = null;
      this.doc = null;
      // That year, while the run for it is on its way: {year, at}, the year as a state gives
      // it ("2023").
      this.wanted = null;
      // The states of the years around a view's, asked for when the reader takes the slider:
      // {href (the question), view (the view's address without its year: yearState), states
      // (by year, "2023")}.
      this.near = null;
      parts.privateApi.watchYearSlider(
        (year) => this.previewYear(year),
        () => this.askNearYears(),
      );
      for (const [name, zIndex, interactive] of PANES) {
        const pane = map.createPane(name);
        pane.style.zIndex = String(zIndex);
        if (!interactive) {
          pane.style.pointerEvents = "none";
        }
      }
      // The groups are on the map before streamlit-folium looks for layers to listen to, so a
      // click on any feature added later reaches it through its group.
      this.groups = {};
      for (const name of LAYERS) {
        this.groups[name] = L.featureGroup().addTo(map);
      }
      this.wash = L.layerGroup().addTo(map);
      this.ends = L.layerGroup().addTo(map);
      this.selection = L.layerGroup().addTo(map);
      this.ready = new Promise((resolve) => {
        this.settle = resolve;
      });
      parts.privateApi.holdComponentStart(this.ready);
      if (typeof options.data === "string") {
        this.fetchDocument(options.data);
      } else {
        this.load(options.data);
        this.settle();
      }
    }

    // Fetch the layer document once; if it cannot be had, say so on the map, offer to try
    // again, and tell the server (its log names the page's address and what failed).
    fetchDocument(url) {
      fetch(url)
        .then((response) => {
          if (!response.ok) {
            throw new Error(`HTTP ${response.status}`);
          }
          return response.json();
        })
        .then((doc) => {
          this.clearProblem();
          this.load(doc);
        })
        .catch((error) => {
          this.showProblem(url);
          this.tellServer(url, String(error?.message ?? error));
        })
        .finally(() => this.settle());
    }

    showProblem(url) {
      this.clearProblem();
      const box = document.createElement("div");
      box.className = "map-problem";
      box.setAttribute("role", "alert");
      const message = document.createElement("p");
      message.textContent = this.messages.failed || "The map's layers could not be loaded.";
      const retry = document.createElement("button");
      retry.type = "button";
      retry.textContent = this.messages.retry || "Try again";
      retry.addEventListener("click", () => this.fetchDocument(url));
      box.append(message, retry);
      this.map.getContainer().appendChild(box);
      this.problem = box;
    }

    clearProblem() {
      if (this.problem) {
        this.problem.remove();
        this.problem = null;
      }
    }

    tellServer(url, problem) {
      if (!this.report) {
        return;
      }
      const body = JSON.stringify({ event: "layers-failed", url, problem });
      fetch(this.report, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
        keepalive: true,
      }).catch(() => {});
    }

    load(doc) {
      this.doc = doc;
      this.theme = doc.theme;
      this.labels = doc.labels[this.language] || doc.labels.en;
      this.number = new Intl.NumberFormat(this.language);
      parts.privateApi.nameZoomButtons(
        this.map,
        this.labels.text.zoom_in,
        this.labels.text.zoom_out,
      );
      this.describeFrame();
      this.districts = doc.districts.features.map((f, i) => this.districtLayer(f, i));
      this.zones = doc.zones.features.map((f) => this.zoneLayers(f));
      this.links = doc.links.features.map((f) => this.linkLayers(f));
      this.sites = doc.sites.features.map((f) => this.siteLayer(f));
      for (const layer of this.districts) {
        this.groups.districts.addLayer(layer);
      }
      this.siteGroupLayer();
      this.changeLayer();
      this.labelLayer(doc);
      this.shown = { zones: {}, links: {}, sites: {} };
      this.cells = [];
      if (this.sent) {
        this.render(this.sent);
      }
    }

    apply(state) {
      this.sent = state;
      clearTimeout(this.holdTimer);
      const wanted = this.wanted;
      if (wanted && state.year !== wanted.year && Date.now() - wanted.at < HOLD_MS) {
        // A run for a year the reader has already moved past: the next brings theirs.
        this.holdTimer = setTimeout(() => this.apply(this.sent), HOLD_MS);
      } else {
        this.wanted = null;
        if (this.doc) {
          this.render(state);
        }
      }
      // The server has not heard from this map (a new process behind a page that stayed
      // open): it waits for the map's report to draw the rest of the page.
      if (state.awaitingReport) {
        parts.privateApi.reportAgain(this.map);
        this.reportUntilHeard(REPORT_TRIES);
      }
    }

    // Report again every REPORT_AGAIN_MS while the latest state still says the server waits
    // (a report sent while the page was reconnecting is lost), at most ``tries`` times.
    reportUntilHeard(tries) {
      clearTimeout(this.reportTimer);
      if (tries > 0) {
        this.reportTimer = setTimeout(() => {
          if (this.sent.awaitingReport) {
            parts.privateApi.reportAgain(this.map);
            this.reportUntilHeard(tries - 1);
          }
        }, REPORT_AGAIN_MS);
      }
    }

    // Once the map is first drawn, and the page's load has settled, ask for the years around
    // the view's: a reader's first step is most often to one of them.
    askNearYearsWhenIdle() {
      if (this.nearSoon) {
        return;
      }
      this.nearSoon = true;
      const ask = () => this.askNearYears();
      if (window.requestIdleCallback) {
        window.requestIdleCallback(ask, { timeout: NEAR_YEARS_IDLE_MS });
      } else {
        setTimeout(ask, NEAR_YEARS_IDLE_MS);
      }
    }

    // Ask for the states of the years around the view's (the map-years route:
    // dashboard/routes.py), so that a step to one of them is drawn as the thumb moves:
    // Streamlit's front end keeps the page's main thread busy after each key, and an answer
    // asked for then is read late. Asked when the map is first drawn, when the reader takes the
    // slider, and when it reaches a year not among them: once per view, and again once the
    // year shown has moved NEAR_AGAIN years from the one they were asked for.
    askNearYears() {
      const sent = this.sent;
      const href = sent?.nearYears;
      if (!this.doc || !href || !YEAR.test(sent.year) || this.holdsNearYears(sent)) {
        return;
      }
      const near = { href, view: sent.yearState, year: Number(sent.year), states: {} };
      this.near = near;
      fetch(href)
        .then((response) => (response.ok ? response.json() : {}))
        .catch(() => ({})) // then each year is asked for as the slider reaches it
        .then((states) => {
          near.states = states;
        });
    }

    // Whether the years around the view's were asked for this view, and for a year near enough
    // the one shown that they still reach NEAR_AGAIN - 1 years either side of it.
    holdsNearYears(sent) {
      const near = this.near;
      return near?.view === sent.yearState && Math.abs(Number(sent.year) - near.year) < NEAR_AGAIN;
    }

    // The reader has moved the year slider: draw that year's state without waiting for the
    // script's run, which brings the same state with the rest of the page. The state is one of
    // the years around the view's (askNearYears) or else asked for over HTTP (the map-state
    // route) and drawn when the answer comes. Each year the slider passes is asked for at once
    // (the page's main thread, busy drawing the slider and the page, may take its time to read
    // an answer); only the answer for the year the slider is on is drawn.
    previewYear(year) {
      const href = this.sent?.yearState;
      if (!this.doc || !href || !YEAR.test(this.sent.year) || !YEAR.test(year)) {
        return;
      }
      if (year === this.state?.year && year === this.sent.year) {
        this.wanted = null;
        return;
      }
      // Asked for or drawn already. The slider says its year again as the page is drawn
      // again, while the run for it is on its way: the runs before it are still held back.
      if (this.wanted?.year === year) {
        return;
      }
      this.wanted = { year, at: Date.now() };
      if (year === this.state?.year) {
        return;
      }
      const known = this.near?.view === href ? this.near.states[year] : undefined;
      if (known) {
        this.render(known);
        return;
      }
      this.askNearYears();
      fetch(`${href}${href.includes("?") ? "&" : "?"}year=${year}`)
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null) // then the run's state is drawn, as without this
        .then((answer) => {
          if (answer && answer.year === this.wanted?.year) {
            this.render(answer);
          }
        });
    }

    render(state) {
      this.state = state;
      this.map.getContainer().dataset.year = state.year;
      for (const name of LAYERS) {
        this.toggle(this.groups[name], state.layers.includes(name));
      }
      this.toggle(this.wash, state.layers.includes("zones"));
      this.toggle(this.ends, state.layers.includes("links"));
      for (const layer of this.districts) {
        layer.setStyle(this.districtStyle(layer));
      }
      this.showZones(state.zones);
      this.routeLinks(state.view);
      this.showLinks(state.links);
      // Sites come as markers or, when there are too many, as counted cells: one or the other.
      this.showCells(state.cells || []);
      this.showSites(state.sites || []);
      this.groupSites();
      this.markChanges(state.changes || []);
      this.outlineSelection(state.selection, state.highlight || []);
      this.summarize(state.summary || "");
      if (state.view !== this.shownView) {
        this.shownView = state.view;
        this.map.fitBounds(state.fit);
      }
      this.placeLabels();
      this.askNearYearsWhenIdle();
    }

    toggle(group, on) {
      if (on !== this.map.hasLayer(group)) {
        if (on) {
          group.addTo(this.map);
        } else {
          this.map.removeLayer(group);
        }
      }
    }
  }

  function create(map, options) {
    const controller = new Controller(map, options);
    controllers.push(controller);
    return controller;
  }

  // Apply a state to the page's map; a state that arrives before the data waits for it.
  function apply(state) {
    for (const controller of controllers) {
      controller.apply(state);
    }
  }

  parts.Controller = Controller;
  parts.LAYERS = LAYERS;
  parts.privateApi.keepFirstClicks(L);
  window.RareEarthMap = { create, apply };
})();

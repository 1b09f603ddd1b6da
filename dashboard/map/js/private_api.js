/*
 * The one place that uses private parts of Leaflet, streamlit-folium and Streamlit's page. Each
 * is named here, used only here, and checked by a test that fails when an upgrade changes it:
 * tests/js/test_private_api.py for Leaflet's and streamlit-folium's, and
 * tests/browser/test_year_change.py for the markup of Streamlit's slider.
 *
 * Loaded first, after Leaflet. Exposes window.RareEarthMapParts.privateApi.
 */
(() => {
  // The parts the map's scripts share, loaded in order (dashboard/map/assets.py).
  window.RareEarthMapParts = {};
  const parts = window.RareEarthMapParts;

  // Leaflet focuses its container on mousedown (L.Map.Keyboard#_onMouseDown) and when a
  // control is clicked (L.Control#_refocusOnMap). When the map sits in an iframe that is not
  // wholly in view, the browser then scrolls the page to show it, and the click ends over
  // something else. Focusing without scrolling keeps the first click where it was aimed.
  function keepFirstClicks(L) {
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
  }

  // Leaflet's zoom buttons (L.Control.Zoom#_zoomInButton, #_zoomOutButton) say "Zoom in" and
  // "Zoom out" in English only: their title and screen-reader name in the page's language.
  function nameZoomButtons(map, zoomIn, zoomOut) {
    const control = map.zoomControl;
    if (!control) {
      return;
    }
    for (const [button, name] of [
      [control._zoomInButton, zoomIn],
      [control._zoomOutButton, zoomOut],
    ]) {
      if (button && name) {
        button.title = name;
        button.setAttribute("aria-label", name);
      }
    }
  }

  // streamlit-folium starts listening to the map, and reports where it is, in its global
  // window.initComponent, as soon as the map's script has run; the app takes that first report
  // to mean the map is drawn (the timeline and the charts follow it). Hold the start back
  // until ``ready`` settles (the layer document drawn, or known to have failed), so the report
  // means what the app takes it for.
  function holdComponentStart(ready) {
    const start = window.initComponent;
    if (typeof start !== "function") {
      return;
    }
    window.initComponent = (component, onHover) => {
      ready.then(() => start(component, onHover));
    };
  }

  // streamlit-folium reports the map's position on Leaflet's "moveend", and only when it
  // differs from what it sent last (window.__GLOBAL_DATA__.previous_data); Streamlit, too,
  // passes on no value equal to the one it holds. A page whose server restarted keeps its
  // drawn map, and the new process has never heard from it: forget what was sent and move the
  // map by a billionth of a degree (nothing a reader sees), so the report goes out again.
  // Nothing is done before the first report (none was sent, and it is on its way).
  function reportAgain(map) {
    const data = window.__GLOBAL_DATA__;
    if (!data?.previous_data) {
      return false;
    }
    data.previous_data = null;
    const centre = map.getCenter();
    map.setView([centre.lat, centre.lng + 1e-9], map.getZoom(), { reset: true });
    return true;
  }

  // Streamlit's year slider (the page's one st.slider) sits in the page around the map's
  // frame, which Streamlit serves from the same origin. Its range input's aria-valuetext
  // follows the thumb as the reader moves it, before Streamlit sends the value to the server:
  // call ``onYear`` with each new value, as its text ("2023"), and ``onTake`` when the reader
  // takes the slider (focuses or presses any part of it), before it moves. Only while the
  // slider holds the page's focus (a press on its track focuses its input too) is a new value
  // the reader's: Streamlit draws the slider again as each run comes in, and while Play runs
  // it shows the year before the run's for a moment. A page of another origin cannot be
  // watched, and is not.
  const SLIDER_BOX = '[data-testid="stSlider"]';
  const SLIDER = `${SLIDER_BOX} input[type="range"]`;
  function watchYearSlider(onYear, onTake) {
    let page;
    try {
      page = window.parent.document;
    } catch {
      return;
    }
    if (!page?.body) {
      return;
    }
    new MutationObserver((records) => {
      const moved = records.filter((record) => record.target.matches?.(SLIDER)).pop();
      if (moved && page.activeElement?.closest(SLIDER_BOX)) {
        onYear(moved.target.value);
      }
    }).observe(page.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ["aria-valuetext"],
    });
    const take = (event) => {
      if (event.target.closest?.(SLIDER_BOX)) {
        onTake();
      }
    };
    page.addEventListener("focusin", take, true);
    page.addEventListener("pointerdown", take, true);
  }

  parts.privateApi = {
    keepFirstClicks,
    nameZoomButtons,
    holdComponentStart,
    reportAgain,
    watchYearSlider,
  };
})();

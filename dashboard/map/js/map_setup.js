/*
 * Read by Leaflet as it loads, so loaded just before it (dashboard/map/assets.py).
 *
 * Leaflet places its panes, vector layers and markers with 3D transforms where the browser
 * has them, which makes each of them a layer of its own for the compositor: the map holds
 * seven vector renderers the size of the map, and a browser that composites in software
 * (no GPU: remote desktops, locked-down office machines, headless Chromium) redraws every one
 * on every frame of the page: during a year step frames took 50-130 ms there instead of 17,
 * and the slider's change went out about 50 ms late; a pan's next frame took 87 ms, not 37
 * (bench/results.md). With 2D positions the map is one layer; what it gives up is the
 * animation of a zoom, which jumps instead.
 */
window.L_DISABLE_3D = true;

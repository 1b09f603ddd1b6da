"""Drive the map's scripts on the bare page: create a map as the app does, apply a state, and
read what Leaflet drew."""

from __future__ import annotations

import random
from typing import Any

import shapely
from playwright.sync_api import Frame, Page

from dashboard.core.scene import compose_scene
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import layer_index
from dashboard.map.map_state import map_state

Target = Page | Frame

# The extent the app opens on (Andhra Pradesh and Odisha).
STATES_BOUNDS = [[12.6, 76.7], [22.6, 87.5]]


def create(target: Target, data: object, **options: object) -> None:
    """Create the map as the app's page does and wait until its layer document is drawn (or
    has failed)."""
    target.evaluate(
        """([data, options, bounds]) => {
            window.map = L.map("map", { zoomSnap: 0.25 });
            map.fitBounds(bounds);
            const all = Object.assign({ data, language: "en", view: "states" }, options);
            window.controller = RareEarthMap.create(map, all);
            return window.controller.ready;
        }""",
        [data, options, STATES_BOUNDS],
    )


def apply(target: Target, state: dict[str, Any]) -> None:
    target.evaluate("(state) => RareEarthMap.apply(state)", state)


def state_of(world: World, view: View) -> dict[str, Any]:
    """The state the server sends for ``view``."""
    scene = compose_scene(world, view)
    return map_state(scene, layer_index(world), view_bounds(world, view.map_view))


def count(target: Target, selector: str) -> int:
    return target.locator(selector).count()


def attribute(target: Target, selector: str, name: str) -> list[str | None]:
    return target.eval_on_selector_all(
        selector, "(nodes, name) => nodes.map((n) => n.getAttribute(name))", name
    )


def points_inside(geometry: shapely.Geometry, n: int, seed: int) -> list[tuple[float, float]]:
    """``n`` random (lat, lon) points inside a shape, well away from its edge."""
    rng = random.Random(seed)
    inner = geometry.buffer(-0.03)
    west, south, east, north = inner.bounds
    points: list[tuple[float, float]] = []
    while len(points) < n:
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        if inner.contains(shapely.Point(lon, lat)):
            points.append((lat, lon))
    return points


def screen_point(target: Target, lat: float, lon: float) -> tuple[float, float]:
    """Where a place is on the page, in the map's current view."""
    point = target.evaluate(
        """([lat, lon]) => {
            const p = map.latLngToContainerPoint([lat, lon]);
            const box = map.getContainer().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        [lat, lon],
    )
    return point[0], point[1]

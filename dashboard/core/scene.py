"""What the user asked to see: every layer filtered to the View's year and evidence level,
with the district counts derived from exactly what is shown."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from dashboard.core.changes import Change, changes_between
from dashboard.core.choices import MapView
from dashboard.core.filters import (
    existing_in_year,
    links_in_year,
    milestones_in_view,
    site_status_in_year,
)
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.data.geometry import WGS84


@dataclass(frozen=True)
class Scene:
    """The world as the view shows it; each frame keeps only what exists in the year."""

    view: View
    districts: gpd.GeoDataFrame  # with site_count, zone_count, block_count and area_km2
    states: gpd.GeoDataFrame
    sites: gpd.GeoDataFrame  # includes district-level sites (no geometry); status_in_year
    zones: gpd.GeoDataFrame  # with touched_districts
    links: gpd.GeoDataFrame  # geodesic geometry, status_in_year
    milestones: pd.DataFrame  # with upcoming
    # What changed from the start of view.since to view.year (empty without a comparison).
    changes: tuple[Change, ...] = ()


def compose_scene(world: World, view: View) -> Scene:
    """The scene for a view: what exists, each site's status, each link's status and path,
    and per district the number of sites, of blocks and of outlined zones shown."""
    dataset, geography, boundaries = world.dataset, world.geography, world.boundaries
    sites = site_status_in_year(existing_in_year(dataset.sites, view), dataset.site_status, view)
    zones = existing_in_year(dataset.zones, view)
    zones = zones.assign(touched_districts=[geography.zone_districts[z] for z in zones["id"]])
    links = links_in_year(dataset.links, view)
    # Each link as the view draws it: whole in the partners view, kept off the districts it
    # does not touch in the states view.
    drawn = (
        geography.link_paths if view.map_view is MapView.PARTNERS else geography.states_link_paths
    )
    paths = drawn.set_index("id")
    links = gpd.GeoDataFrame(links, geometry=list(paths.loc[links["id"]].geometry), crs=WGS84)
    site_counts = _per_district(sites["district_lgd"])
    block_counts = _per_district(sites.loc[sites["kind"] == "block", "district_lgd"])
    # A zone drawn without an outline concerns its districts but covers none of them.
    outlined = zones[zones.geometry.notna()]
    zone_counts = pd.Series(
        [code for codes in outlined["touched_districts"] for code in codes], dtype="int64"
    ).value_counts()
    codes = boundaries.districts["district_lgd"]
    districts = boundaries.districts.assign(
        site_count=codes.map(site_counts).fillna(0).astype(int),
        zone_count=codes.map(zone_counts).fillna(0).astype(int),
        block_count=codes.map(block_counts).fillna(0).astype(int),
        area_km2=codes.map(geography.district_area_km2),
    )
    return Scene(
        view=view,
        districts=districts,
        states=boundaries.states,
        sites=sites,
        zones=zones,
        links=links,
        milestones=milestones_in_view(dataset.milestones, view),
        changes=changes_between(world, view),
    )


def _per_district(district_codes: pd.Series) -> pd.Series:
    """How many records lie in each district (a site lies in one: its first code)."""
    return pd.Series([codes[0] for codes in district_codes if codes], dtype="int64").value_counts()

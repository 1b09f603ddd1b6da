"""Links follow the geodesic and never jump across the map."""

import numpy as np
import shapely

from dashboard.data.boundaries import Boundaries
from dashboard.data.dataset import Dataset
from dashboard.data.link_paths import Endpoint, geodesic_line, resolve_endpoints

JAPAN = Endpoint("JPN", "Japan", 138.0, 36.5, "country")
KIPAWA = Endpoint("place-kipawa", "Kipawa", -78.983, 46.783, "town_proxy")


def test_a_pacific_link_crosses_the_pacific_without_jumping() -> None:
    line = geodesic_line(JAPAN, KIPAWA)
    lons = np.asarray(line.coords)[:, 0]
    assert lons[0] == 138.0
    assert lons[-1] == -78.983 + 360
    assert np.abs(np.diff(lons)).max() < 10


def test_the_geodesic_bows_towards_the_pole() -> None:
    line = geodesic_line(JAPAN, KIPAWA)
    assert max(lat for _, lat in line.coords) > 60


def test_endpoints_resolve_countries_sites_and_places(
    boundaries: Boundaries, good: Dataset
) -> None:
    endpoints = resolve_endpoints(good.sites, good.places, boundaries.world, good.labels)
    # A country named in labels.csv ends at its capital; another at a point inside it.
    assert (endpoints["IND"].lat, endpoints["IND"].lon) == (28.6, 77.2)  # New Delhi
    assert endpoints["IND"].precision == "country"
    china = boundaries.world.set_index("iso_a3").geometry["CHN"]
    assert china.contains(shapely.Point(endpoints["CHN"].lon, endpoints["CHN"].lat))
    assert endpoints["site-oscom"].precision == "town_proxy"
    assert "site-brahmagiri" not in endpoints  # district-level: no point to draw from

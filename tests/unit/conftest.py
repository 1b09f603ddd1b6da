"""Shared fixtures: the real boundaries and the small valid dataset in tests/fixtures/good."""

import pytest

from dashboard.core.scene import Geography, derive_geography
from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.dataset import Dataset, load_dataset
from dashboard.data.link_paths import Endpoint, resolve_endpoints
from tests.paths import GOOD, TODAY


@pytest.fixture(scope="session")
def boundaries() -> Boundaries:
    return load_boundaries()


@pytest.fixture(scope="session")
def good(boundaries: Boundaries) -> Dataset:
    return load_dataset(GOOD, boundaries, TODAY)


@pytest.fixture(scope="session")
def endpoints(boundaries: Boundaries, good: Dataset) -> dict[str, Endpoint]:
    return resolve_endpoints(good.sites, good.places, boundaries.world)


@pytest.fixture(scope="session")
def geography(boundaries: Boundaries, good: Dataset, endpoints: dict[str, Endpoint]) -> Geography:
    return derive_geography(boundaries, good, endpoints)

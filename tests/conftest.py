"""Shared fixtures: the real boundaries, and the small valid dataset in tests/fixtures/good
and the real one, each loaded once as a World (as an English reader sees it, the way the app
hands it to the panels)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from dashboard.core.choices import Language
from dashboard.core.localize import localized
from dashboard.core.world import World, load_world
from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.dataset import Dataset
from harness.serving import CHROMIUM, CHROMIUM_ARGS
from tests.paths import GOOD, TODAY


@pytest.fixture(scope="session")
def boundaries() -> Boundaries:
    return load_boundaries()


@pytest.fixture(scope="session")
def good_world(boundaries: Boundaries) -> World:
    return localized(load_world(GOOD, TODAY, boundaries), Language.EN)


@pytest.fixture(scope="session")
def good(good_world: World) -> Dataset:
    return good_world.dataset


@pytest.fixture(scope="session")
def real_world(boundaries: Boundaries) -> World:
    return localized(load_world(boundaries=boundaries), Language.EN)


# One Chromium for every test that needs one (browser and deployment tests): Playwright's
# synchronous API runs once per thread.
@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get install -y chromium (browser tests never skip)"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

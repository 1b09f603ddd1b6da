"""The dashboard as an article embeds it: a host page holding the app in an ``<iframe>`` with
``?embed=true``, at 900x600 and 600x400, in English and Japanese. The sidebar starts folded, the
map takes the frame's width and fits in it whole, its credits are a small button in a corner,
a click's details come under the map without overlapping it, the very first click on a fresh
page selects the district under the pointer, the frame's address keeps ``embed=true`` as the
year moves, and nothing is asked of any host but the app's. The full page is as it was."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    FloatRect,
    Frame,
    FrameLocator,
    Page,
    Request,
    ViewportSize,
    expect,
)

from dashboard.core.choices import Language
from dashboard.core.localize import place_names
from dashboard.core.messages import text
from dashboard.core.refs import district_ref
from dashboard.core.world import World
from dashboard.data.boundaries import load_boundaries
from dashboard.paths import REPO_ROOT
from tests.paths import DISTRICTS

from .conftest import Traffic
from .pages import (
    DRAW_TIMEOUT_MS,
    MAP_IFRAME,
    feature_at,
    map_frame,
    map_point,
    open_share_box,
    wait_until_idle,
)
from .test_accessibility import unexplained
from .test_laptop import candidates

pytestmark = pytest.mark.browser

FRAME_ID = "article-map"
MARGIN = 24  # the article's margin around the frame
# The share box's own snippet proposes 900x600; 600x400 is a narrow column.
SIZES = [(900, 600), (600, 400)]
# One district per case, far apart: the first click of a fresh page at a random point in it.
CASES = [
    (Language.EN, 900, 600, "Ganjam"),
    (Language.EN, 600, 400, "Srikakulam"),
    (Language.JA, 900, 600, "Mayurbhanj"),
    (Language.JA, 600, 400, "Ananthapuramu"),
]
MIN_MAP_SHARE = 0.85  # of the frame's width
MAX_CREDITS_SHARE = 0.01  # of the map's area, folded
CORNER_PX = 40  # the folded credits sit within this of the map's bottom-right corner
# DOCS_SCREENSHOTS=1 also writes the README's picture of the embed (docs/embed.png).
DOCS_PICTURE = REPO_ROOT / "docs" / "embed.png"


@dataclass
class Article:
    """A host page with the app in a frame, and what it asked for over the network."""

    page: Page
    app: Frame  # the dashboard's document inside the article's frame
    frame: FrameLocator
    traffic: Traffic
    width: int
    height: int

    def box(self, selector: str) -> FloatRect:
        """An element's box in the article's page (Playwright measures from the top window)."""
        box = self.app.locator(selector).first.bounding_box()
        assert box is not None, selector
        return box

    def frame_box(self) -> FloatRect:
        box = self.page.locator(f"#{FRAME_ID}").bounding_box()
        assert box is not None
        return box

    def address(self) -> dict[str, list[str]]:
        """The frame's own address (it moves with history.replaceState)."""
        return parse_qs(urlsplit(self.app.evaluate("location.href")).query)


def host_page(app_src: str, width: int, height: int, language: Language) -> str:
    """An article: a paragraph, the frame as the share box's snippet writes it, a paragraph."""
    return (
        f'<!doctype html><html lang="{language.value}"><head><meta charset="utf-8">'
        "<title>An article</title></head>"
        f'<body style="margin: {MARGIN}px; font: 16px/1.5 serif">'
        "<p>Some text of the article before the map.</p>"
        f'<iframe id="{FRAME_ID}" src="{app_src}" width="{width}" height="{height}"'
        f' title="{text("embed_frame_title", language)}" style="border: 0"></iframe>'
        "<p>Some text after it.</p></body></html>"
    )


Opener = Callable[..., Article]


@pytest.fixture
def open_article(browser: Browser, app_url: str) -> Iterator[Opener]:
    """Open a fresh article page (a new browser context each time) holding the app's link."""
    contexts = []

    def opener(width: int, height: int, language: Language, query: str = "") -> Article:
        viewport: ViewportSize = {"width": width + 2 * MARGIN, "height": height + 6 * MARGIN}
        context = browser.new_context(viewport=viewport, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        traffic = Traffic(origin=app_url)
        page.on("request", lambda request: traffic.requests.append(request.url))

        def on_failed(request: Request) -> None:
            traffic.failed.append(f"{request.url} ({request.failure})")

        page.on("requestfailed", on_failed)
        src = f"{app_url}/?embed=true&lang={language.value}{query}"
        page.set_content(host_page(src, width, height, language))
        frame = page.frame_locator(f"#{FRAME_ID}")
        heading = frame.get_by_role("heading", name=text("title", language))
        expect(heading).to_be_visible(timeout=DRAW_TIMEOUT_MS)
        districts = frame.frame_locator(MAP_IFRAME).locator("path.district")
        expect(districts).to_have_count(DISTRICTS, timeout=DRAW_TIMEOUT_MS)
        handle = page.locator(f"#{FRAME_ID}").element_handle()
        app = handle.content_frame() if handle else None
        assert app is not None
        wait_until_idle(app)
        return Article(page, app, frame, traffic, width, height)

    yield opener
    for context in contexts:
        context.close()


def district_name(world: World, district: str, language: Language) -> str:
    """The district's heading in the details, as the page's language names it."""
    code = world.boundaries.districts.set_index("district").loc[district, "district_lgd"]
    name = place_names(world.dataset.names_ja, language)[("district", str(int(code)))]
    return text("district_name", language).format(name=name)


def inside(inner: FloatRect, outer: FloatRect, slack: float = 0.5) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def overlap(a: FloatRect, b: FloatRect) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


class Boxes(TypedDict):
    """What ``measure`` finds; the credits and the details' heading may not be drawn."""

    frame: FloatRect
    map: FloatRect
    credits: FloatRect | None
    details: FloatRect | None
    year: FloatRect
    sidebar: FloatRect


def measure(article: Article) -> Boxes:
    """The boxes that matter, in the article's page: the frame, the map, the folded credits,
    the details' heading, the year slider and the sidebar."""
    details = text("details", Language(article.address()["lang"][0]))
    heading = article.frame.get_by_role("heading", name=details, exact=True)
    return {
        "frame": article.frame_box(),
        "map": article.box(MAP_IFRAME),
        "credits": article.frame.frame_locator(MAP_IFRAME)
        .locator(".map-credits-toggle")
        .bounding_box(),
        "details": heading.bounding_box(),
        "year": article.box('[data-testid="stSlider"]'),
        "sidebar": article.box('[data-testid="stSidebar"]'),
    }


def round_box(box: FloatRect) -> str:
    return f"{box['width']:.0f}x{box['height']:.0f} at ({box['x']:.0f}, {box['y']:.0f})"


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_the_embed_fits_its_frame(
    open_article: Opener, artifacts: Path, language: Language, width: int, height: int
) -> None:
    article = open_article(width, height, language)
    boxes = measure(article)
    frame, map_box = boxes["frame"], boxes["map"]
    # The sidebar starts folded away, its toggle in the corner.
    sidebar = boxes["sidebar"]
    assert sidebar["x"] + sidebar["width"] <= frame["x"] + 1, round_box(sidebar)
    expect(article.frame.locator('[data-testid="stExpandSidebarButton"]')).to_be_visible()
    # The map: most of the width, whole inside the frame at load, under the year.
    assert map_box["width"] >= MIN_MAP_SHARE * width, round_box(map_box)
    assert inside(map_box, frame), (round_box(map_box), round_box(frame))
    assert boxes["year"]["y"] + boxes["year"]["height"] <= map_box["y"]
    assert inside(boxes["year"], frame)
    # The credits: one small button in the map's bottom-right corner.
    credits = boxes["credits"]
    assert credits is not None
    assert (
        credits["width"] * credits["height"]
        <= MAX_CREDITS_SHARE * map_box["width"] * (map_box["height"])
    ), round_box(credits)
    assert inside(credits, map_box)
    assert credits["x"] >= map_box["x"] + map_box["width"] - CORNER_PX
    assert credits["y"] >= map_box["y"] + map_box["height"] - CORNER_PX
    # The details: under the map, as wide as the frame allows, not over it.
    details = boxes["details"]
    assert details is not None
    assert not overlap(details, map_box)
    assert details["y"] >= map_box["y"] + map_box["height"]
    assert details["x"] >= frame["x"]
    assert details["x"] + details["width"] <= frame["x"] + frame["width"]
    # Nothing sideways to scroll in the frame.
    assert article.app.evaluate(
        "document.querySelector('[data-testid=stMain]').scrollWidth <= innerWidth"
    )
    print(
        f"\n{language.value} {width}x{height}: map {round_box(map_box)},"
        f" credits {round_box(credits)}, details heading {round_box(details)},"
        f" frame {round_box(frame)}"
    )
    shot = artifacts / f"embed-{language.value}-{width}x{height}.png"
    article.page.screenshot(path=shot, clip=frame)
    if language is Language.EN and width == 900 and os.environ.get("DOCS_SCREENSHOTS"):
        article.page.screenshot(path=DOCS_PICTURE, clip=frame)
    assert article.traffic.failed == []
    assert article.traffic.off_site() == []  # offline inside the frame: the app's host only


@pytest.mark.parametrize(("language", "width", "height", "district"), CASES)
def test_the_first_click_in_the_frame_shows_the_districts_details(
    open_article: Opener,
    real_world: World,
    artifacts: Path,
    language: Language,
    width: int,
    height: int,
    district: str,
) -> None:
    article = open_article(width, height, language)
    code = int(load_boundaries().districts.set_index("district").loc[district, "district_lgd"])
    points = (map_point(article.app, p.y, p.x) for p in candidates(district, "inside"))
    x, y = next((x, y) for x, y in points if feature_at(article.app, x, y) == district_ref(code))
    map_box = article.box(MAP_IFRAME)
    scrolled = article.app.evaluate("document.querySelector('[data-testid=stMain]').scrollTop")
    article.page.mouse.click(x, y)
    name = district_name(real_world, district, language)
    heading = article.frame.get_by_role("heading", name=name, exact=True)
    expect(heading).to_be_attached(timeout=20_000)
    # The frame did not jump; in a frame tall enough, the line under the map says what was
    # selected, in view.
    assert (
        article.app.evaluate("document.querySelector('[data-testid=stMain]').scrollTop") == scrolled
    )
    if height >= 500:
        said = text("map_summary_selected", language).format(name=name).strip()
        expect(article.frame.get_by_text(said)).to_be_in_viewport()
    assert article.address()["sel"] == [district_ref(code)]
    assert article.address()["embed"] == ["true"]
    heading_box = heading.bounding_box()
    assert heading_box is not None
    assert not overlap(heading_box, map_box)
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_in_viewport()
    article.page.screenshot(
        path=artifacts / f"embed-click-{language.value}-{width}x{height}.png",
        clip=article.frame_box(),
    )


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_a_year_change_in_the_frame_keeps_embed_in_its_address(
    open_article: Opener, language: Language
) -> None:
    article = open_article(900, 600, language)
    assert article.address()["embed"] == ["true"]
    slider = article.frame.locator('[data-testid="stSlider"] input[type="range"]').first
    last = int(slider.get_attribute("aria-valuetext") or "0")
    slider.focus()
    for _ in range(3):
        article.page.keyboard.press("ArrowLeft")
    expect(slider).to_have_attribute("aria-valuetext", str(last - 3))
    article.app.wait_for_function(
        f"new URLSearchParams(location.search).get('year') === '{last - 3}'",
        timeout=20_000,
    )
    address = article.address()
    assert address["embed"] == ["true"]
    assert address["lang"] == [language.value]
    # The way out: the same view as a full page, in a new tab, without embed.
    link = article.frame.get_by_role("link", name=text("open_full_page", language))
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("href", f"?year={last - 3}&lang={language.value}")
    with article.page.context.expect_page() as opened:
        link.click()
    full = opened.value
    full.wait_for_load_state()
    query = parse_qs(urlsplit(full.url).query)
    assert query == {"year": [str(last - 3)], "lang": [language.value]}


def test_the_folded_credits_unfold_with_the_same_text(open_article: Opener) -> None:
    article = open_article(600, 400, Language.JA)
    frame = article.frame.frame_locator(MAP_IFRAME)
    toggle = frame.locator(".map-credits-toggle")
    expect(toggle).to_have_attribute("aria-label", text("map_credits", Language.JA))
    credits = frame.locator(".leaflet-control-attribution")
    expect(credits).to_be_hidden()
    toggle.click()
    expect(credits).to_be_visible()
    expect(credits).to_contain_text(text("map_attribution", Language.JA))
    open_box, map_box = credits.bounding_box(), article.box(MAP_IFRAME)
    assert open_box is not None
    assert inside(open_box, map_box)
    print(f"\nja 600x400: credits unfolded {round_box(open_box)}, map {round_box(map_box)}")


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_axe_finds_nothing_in_the_frame(
    open_article: Opener, language: Language, width: int, height: int
) -> None:
    """The same WCAG 2.2 AA rules as the full page (test_accessibility.py), on the dashboard's
    document in the frame and on the map's, the credits unfolded."""
    article = open_article(width, height, language, "&year=2012&sel=district:lgd-354")
    article.frame.frame_locator(MAP_IFRAME).locator(".map-credits-toggle").click()
    expect(article.app.locator("html")).to_have_attribute("lang", language.value)
    problems = [f"frame: {p}" for p in unexplained(article.app)]
    problems += [f"map frame: {p}" for p in unexplained(map_frame(article.app))]
    assert problems == [], "\n".join(problems)


def test_the_full_page_is_unchanged(page: Page, app_url: str, artifacts: Path) -> None:
    """Without embed: the sidebar open with the year in it, the map beside the details, the
    credits as Leaflet draws them, the share box with its link and its snippet."""
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{app_url}/?lang=en")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator("path.district")).to_have_count(DISTRICTS, timeout=DRAW_TIMEOUT_MS)
    wait_until_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar_box, map_box = sidebar.bounding_box(), page.locator(MAP_IFRAME).bounding_box()
    assert sidebar_box is not None
    assert map_box is not None
    assert sidebar_box["x"] >= 0
    assert sidebar_box["width"] > 200
    assert map_box["x"] >= sidebar_box["x"] + sidebar_box["width"]
    expect(sidebar.locator('[data-testid="stSlider"]')).to_be_visible()
    expect(page.locator(".st-key-embed-title")).to_have_count(0)
    expect(frame.locator(".map-credits-toggle")).to_have_count(0)
    expect(frame.locator(".leaflet-control-attribution")).to_be_visible()
    expect(page.get_by_role("heading", name=text("context", Language.EN))).to_be_visible()
    codes = open_share_box(page)
    expect(codes.last).to_contain_text("embed=true")
    expect(codes.last).to_contain_text('loading="lazy"')
    page.screenshot(path=artifacts / "full-page-1366.png")

"""The map's and the charts' colours hold for every reader: categories told apart by colour alone
stay apart with each common colour-vision deficiency, where a line style also carries the
meaning the styles differ, and what carries meaning has 3:1 contrast where it is drawn (text
contrast is checked by axe in the browser tests)."""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Mapping

import pytest

from dashboard.map import theme
from dashboard.map.base import frame_css
from dashboard.panels import charts
from dashboard.paths import REPO_ROOT
from tests.support.colours import DEFICIENCIES, contrast, difference, over, rgb, seen_with

# Two colours this far apart in CIELAB (CIE76) are plainly different; 2.3 is just noticeable.
DISTINCT = 20.0
# Neighbouring steps of the choropleth: clearly different, and darker with the count.
STEP = 10.0
GRAPHICS = 3.0
TEXT = 4.5
VISIONS = ("typical", *DEFICIENCIES)
# Where the map draws lines and markers: the sea, other countries, India and each district
# fill, each as seen through its opacity over India's fill.
INDIA = rgb(theme.INDIA_FILL)
MAP_BACKGROUNDS = {
    "sea": rgb(theme.SEA),
    "countries": rgb(theme.COUNTRY_FILL),
    "India": INDIA,
    **{
        f"districts with {i} sites": over(rgb(c), theme.COUNT_FILL_OPACITY, INDIA)
        for i, c in enumerate(theme.COUNT_COLOURS)
    },
    **{
        state: over(rgb(c), theme.DISTRICT_FILL_OPACITY, INDIA)
        for state, c in theme.STATE_FILL.items()
    },
}


def seen(vision: str, colour: str) -> tuple[float, float, float]:
    return rgb(colour) if vision == "typical" else seen_with(vision, rgb(colour))


def closest_pair(colours: Mapping[str, str], vision: str) -> tuple[float, str, str]:
    return min(
        (difference(seen(vision, a), seen(vision, b)), first, second)
        for (first, a), (second, b) in itertools.combinations(colours.items(), 2)
    )


COLOUR_ONLY: dict[str, Mapping[str, str]] = {
    "site kinds": theme.SITE_COLOURS,
    "production chart groups": charts.GROUP_COLOURS,
    "import chart measures": {str(i): c for i, c in enumerate(charts.MEASURE_COLOURS)},
}


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("palette", list(COLOUR_ONLY))
def test_categories_told_by_colour_stay_apart(palette: str, vision: str) -> None:
    distance, first, second = closest_pair(COLOUR_ONLY[palette], vision)
    assert distance >= DISTINCT, f"{palette}: {first} and {second} are {distance:.1f} apart"


def test_line_styles_differ_where_colours_carry_a_status() -> None:
    for styles in (theme.LINK_STYLES, theme.EVIDENCE_RINGS):
        patterns = [(s["dashArray"], s["weight"]) for s in styles.values()]
        assert len(set(patterns)) == len(patterns), styles
    assert len(set(charts.MEASURE_SHAPES)) == len(charts.MEASURE_COLOURS)


@pytest.mark.parametrize("vision", VISIONS)
def test_the_choropleth_darkens_step_by_step(vision: str) -> None:
    steps = [seen(vision, colour) for colour in theme.COUNT_COLOURS]
    for lighter, darker in itertools.pairwise(steps):
        assert difference(lighter, darker) >= STEP
        assert contrast(darker, (1.0, 1.0, 1.0)) > contrast(lighter, (1.0, 1.0, 1.0))


MEANINGFUL_STROKES = {
    **{f"link {status}": style["color"] for status, style in theme.LINK_STYLES.items()},
    **{f"ring {grade}": style["color"] for grade, style in theme.EVIDENCE_RINGS.items()},
    "zone edge": theme.ZONE_FILL,
    "claimed zone edge": theme.CLAIMED_ZONE_LINE,
    "selection": theme.SELECTED_LINE,
    "state line": theme.STATE_LINE,
}


@pytest.mark.parametrize("stroke", list(MEANINGFUL_STROKES))
def test_lines_and_rings_stand_out_from_their_halo_and_the_light_backgrounds(
    stroke: str,
) -> None:
    colour = rgb(MEANINGFUL_STROKES[stroke])
    assert contrast(colour, rgb(theme.HALO)) >= GRAPHICS
    for name in ("sea", "countries", "India"):
        assert contrast(colour, MAP_BACKGROUNDS[name]) >= GRAPHICS, name


def test_the_map_draws_the_halo_around_every_line_and_marker_pane() -> None:
    css = frame_css()
    for pane in ("zones", "links", "sites", "selection"):
        assert f".leaflet-{pane}-pane" in css
    assert f"drop-shadow(0 0 1px {theme.HALO})" in css


def test_the_state_line_has_no_halo_and_stands_out_from_every_fill() -> None:
    for name, background in MAP_BACKGROUNDS.items():
        assert contrast(rgb(theme.STATE_LINE), background) >= GRAPHICS, name


def test_the_theme_accent_reads_on_the_page_and_under_white_text() -> None:
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    accent = rgb(config["theme"]["primaryColor"])
    for background in ("backgroundColor", "secondaryBackgroundColor"):
        assert contrast(accent, rgb(config["theme"][background])) >= TEXT, background
    assert contrast(accent, (1.0, 1.0, 1.0)) >= TEXT  # white text on the layer chips


def test_chart_bars_are_outlined_in_a_colour_that_stands_out() -> None:
    assert contrast(rgb(charts.BAR_EDGE), (1.0, 1.0, 1.0)) >= GRAPHICS

"""The legend names every colour, ring and line style the map uses, from the theme itself."""

from dashboard.core.choices import Language, Measure
from dashboard.core.messages import label
from dashboard.map import theme
from dashboard.map.legend import legend_html


def test_every_style_is_explained() -> None:
    html = legend_html(Measure.SITES, Language.EN, {})
    for kind, colour in theme.SITE_COLOURS.items():
        assert colour in html
        assert label("site_kind", kind, Language.EN) in html
    for grade in theme.EVIDENCE_RINGS:
        assert label("evidence", grade, Language.EN) in html
    for status, style in theme.LINK_STYLES.items():
        assert label("link_status", status, Language.EN) in html
        assert style["color"] in html
    assert all(colour in html for colour in theme.COUNT_COLOURS)
    assert "4+" in html
    assert "from (ring) to (dot)" in html


def test_without_a_measure_the_states_are_explained() -> None:
    html = legend_html(Measure.NONE, Language.EN, {})
    assert all(colour in html for colour in theme.STATE_FILL.values())
    assert theme.COUNT_COLOURS[-1] not in html


def test_cells_are_explained_when_shown() -> None:
    assert "a circle counts the sites" in legend_html(
        Measure.SITES, Language.EN, {}, site_cells=True
    )
    assert "a circle counts the sites" not in legend_html(Measure.SITES, Language.EN, {})

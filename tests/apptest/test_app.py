"""The Streamlit script under AppTest: widgets drive the page, map clicks select, bad data is
reported in the page."""

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.core.search import RESULTS_SHOWN
from dashboard.panels.markdown import md
from dashboard.paths import REPO_ROOT
from tests.apptest.search_box import marked, pick, search
from tests.apptest.share_box import share_link
from tests.support.broken_data import BROKEN_SITES_PROBLEM

APP = str(REPO_ROOT / "dashboard" / "app.py")
GANJAM = 354  # LGD code; its Census 2011 code is 388


def map_drawn(at: AppTest) -> AppTest:
    """What streamlit-folium leaves in session state once the map has drawn: its first report
    of where it is (AppTest cannot run the component itself)."""
    at.session_state["map"] = {"center": {"lat": 17.6, "lng": 82.1}, "zoom": 6}
    return at.run()


@pytest.fixture
def app() -> AppTest:
    return map_drawn(AppTest.from_file(APP, default_timeout=60).run())


def page_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def details_html(at: AppTest) -> str:
    """The main column's HTML elements (the year's milestones among them)."""
    return "\n".join(h.value for h in at.main.html)


def details_text(at: AppTest) -> str:
    """The details column: everything after its header."""
    values = [m.value for m in at.main.markdown]
    return "\n".join(v for v in values if v.startswith("### ")) or ""


def click(at: AppTest, ref: str, lat: float, lng: float) -> AppTest:
    """What streamlit-folium leaves in session state after a click on a feature."""
    at.session_state["map"] = {
        "last_active_drawing": {"type": "Feature", "properties": {"ref": ref}},
        "last_object_clicked": {"lat": lat, "lng": lng},
    }
    return at.run()


def test_app_runs_and_shows_the_dashboard(app: AppTest) -> None:
    assert not app.exception
    assert app.title[0].value == text("title", Language.EN)
    assert app.sidebar.header[0].value == text("sidebar_header", Language.EN)
    assert app.info[0].value == text("details_hint", Language.EN)
    assert "2012" in "".join(b.label for b in app.sidebar.button)


def test_the_controls_the_timeline_and_the_charts_wait_for_the_map() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.get("vega_lite_chart")
    assert not [b for b in at.sidebar.button if b.key and b.key.startswith("go-")]
    assert not at.slider
    assert not at.radio
    assert not at.selectbox
    assert not at.text_input
    assert not at.multiselect
    assert text("loading_after_map", Language.EN) in [c.value for c in at.sidebar.caption]
    assert at.main.markdown  # the map's details hint and legend are there
    map_drawn(at)
    assert len(at.get("vega_lite_chart")) == 2
    assert at.button(key="go-2012")
    assert at.slider(key="year").value == at.slider(key="year").max
    assert at.radio(key="evidence")
    assert at.multiselect(key="layers")
    assert text("loading_after_map", Language.EN) not in [c.value for c in at.sidebar.caption]


def test_picking_a_district_shows_its_details(app: AppTest) -> None:
    pick(app, "Ganjam", "district:lgd-354")
    details = details_text(app)
    assert details.startswith("### Ganjam")
    assert "Odisha Sands Complex" in details
    assert "**LGD code:** 354" in details
    assert "**Census 2011 district code:** 388" in details


def test_the_search_lists_a_few_matches_and_counts_them_all(app: AppTest) -> None:
    search(app, "odisha")  # every Odisha district, and more
    results = app.radio(key="found-en")
    assert len(results.options) == RESULTS_SHOWN
    total = int(results.label.split(" of ")[1].split()[0])
    assert total > 30
    assert results.label == text("search_found_some", Language.EN).format(
        shown=RESULTS_SHOWN, total=total
    )
    assert results.value is None  # nothing is selected until the reader chooses


def test_a_search_without_a_match_says_so_and_shows_the_query_as_text(app: AppTest) -> None:
    search(app, "<b>nothing</b> *here*")
    assert "found-en" not in [r.key for r in app.sidebar.radio]
    notice = text("search_no_match", Language.EN).format(query=md("<b>nothing</b> *here*"))
    assert notice in [c.value for c in app.sidebar.caption]
    assert not app.exception


def test_moving_the_year_changes_what_exists(app: AppTest) -> None:
    pick(app, "Ganjam", "district:lgd-354")
    assert "Monazite Processing Plant" in details_text(app)
    app.slider(key="year").set_value(2008).run()
    details = details_text(app)
    assert "Odisha Sands Complex" in details  # since 1984
    assert "Monazite Processing Plant" not in details  # planned from 2009


def test_a_site_shows_its_status_in_the_chosen_year(app: AppTest) -> None:
    click(app, "site:site-srikurmam-bhavanapadu", 18.267, 84.017)
    app.slider(key="year").set_value(2018).run()
    assert "**Status in 2018:** Suspended \\(2018\\)" in details_text(app)
    app.slider(key="year").set_value(2019).run()
    assert "**Status in 2019:** Lease ended \\(2019–\\)" in details_text(app)


def sidebar_text(at: AppTest) -> str:
    """The sidebar's Markdown and HTML (the timeline is HTML)."""
    return "\n".join(e.value for e in [*at.sidebar.markdown, *at.sidebar.get("html")])


def test_the_timeline_lists_every_milestone_whatever_the_year(app: AppTest) -> None:
    timeline = sidebar_text(app)
    assert "Lynas" in timeline
    app.slider(key="year").set_value(2010).run()
    assert sidebar_text(app) == timeline


def test_with_nothing_selected_the_details_list_the_years_milestones(app: AppTest) -> None:
    app.slider(key="year").set_value(2010).run()
    shown = details_html(app)
    assert f"<strong>{text('year_milestones', Language.EN).format(year=2010)}</strong>" in shown
    assert "Sojitz" in shown  # the Sojitz-Lynas alliance of Nov 2010
    app.slider(key="year").set_value(1990).run()
    assert text("year_milestones_none", Language.EN).format(year=1990) in details_html(app)


def test_all_years_shows_every_record(app: AppTest) -> None:
    pick(app, "Ganjam", "district:lgd-354")
    app.slider(key="year").set_value(2008).run()
    assert "Monazite Processing Plant" not in details_text(app)
    app.checkbox(key="all_years").check().run()
    assert "Monazite Processing Plant" in details_text(app)
    assert app.query_params["year"] == "all"


def test_picking_a_milestone_sets_the_year(app: AppTest) -> None:
    app.button(key="go-2012").click().run()
    assert app.slider(key="year").value == 2012
    assert app.checkbox(key="all_years").value is False


def test_a_map_click_on_a_district_selects_it_and_the_search_marks_it(app: AppTest) -> None:
    click(app, f"district:lgd-{GANJAM}", 19.5, 84.7)
    assert marked(app, "Ganjam") == "district:lgd-354"
    assert details_text(app).startswith("### Ganjam")


def test_a_map_click_on_a_site_shows_the_site(app: AppTest) -> None:
    click(app, "site:site-trei", 17.70417, 83.29778)
    details = details_text(app)
    assert "Toyotsu Rare Earths India" in details
    assert "Town proxy" in details
    assert marked(app, "Toyotsu Rare Earths") == "site:site-trei"  # marked among the matches


def test_a_forged_click_is_ignored(app: AppTest) -> None:
    click(app, "site:<script>alert(1)</script>", 0, 0)
    assert not app.exception
    assert app.info[0].value == text("details_hint", Language.EN)


def test_the_evidence_filter_hides_reported_sites(app: AppTest) -> None:
    pick(app, "Visakhapatnam", "district:lgd-520")
    assert "Toyotsu Rare Earths India" in details_text(app)
    app.radio(key="evidence").set_value(app.radio(key="evidence").options[0]).run()
    assert "Toyotsu Rare Earths India" in details_text(app)  # verified
    click(app, "link:link-ipef-supply-chain-jpn-ind", 20, 80)
    evidence = app.radio(key="evidence").value
    assert evidence is not None
    assert evidence.value == "verified"
    assert "Not shown in this view" in details_text(app)  # graded 'reported'


@pytest.mark.usefixtures("broken_data")
def test_broken_data_shows_a_clear_message_not_a_traceback() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.error[0].value == text("data_error", Language.EN)
    assert at.code[0].value.startswith(BROKEN_SITES_PROBLEM)


def open_link(**params: str) -> AppTest:
    """A link opened, and its map drawn (the controls wait for it)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return map_drawn(at.run())


def test_a_deep_link_opens_its_view() -> None:
    at = open_link(
        year="2012", sel="district:lgd-354", layers="districts,sites", evidence="verified"
    )
    assert not at.exception
    assert at.slider(key="year").value == 2012
    assert marked(at, "Ganjam") == "district:lgd-354"
    assert [layer.value for layer in at.multiselect(key="layers").value] == ["districts", "sites"]
    evidence = at.radio(key="evidence").value
    assert evidence is not None
    assert evidence.value == "verified"
    assert details_text(at).startswith("### Ganjam")
    assert not at.warning


def test_every_change_is_written_to_the_address(app: AppTest) -> None:
    app.slider(key="year").set_value(2015).run()
    pick(app, "Ganjam", "district:lgd-354")
    assert app.query_params["year"] == "2015"
    assert app.query_params["sel"] == f"district:lgd-{GANJAM}"
    assert f"year=2015&sel=district%3Algd-{GANJAM}" in share_link(app)


def test_a_link_with_an_old_district_code_opens_the_same_district() -> None:
    at = open_link(sel="district:388")  # Ganjam's Census 2011 code, used before LGD codes
    assert not at.exception
    assert marked(at, "Ganjam") == "district:lgd-354"
    assert details_text(at).startswith("### Ganjam")
    assert at.query_params["sel"] == f"district:lgd-{GANJAM}"
    assert not at.warning


def test_a_hostile_link_gets_a_notice_and_the_default_view() -> None:
    at = open_link(year="<script>alert(1)</script>", sel="district:lgd-354'--", view="x" * 500)
    assert not at.exception
    assert at.warning[0].value == text("url_ignored", Language.EN).format(keys="year, sel, view")
    assert at.slider(key="year").value == at.slider(key="year").max
    assert at.info[0].value == text("details_hint", Language.EN)


PICTURE_FILES = [f"{layout}.{form}" for layout in ("slide", "a4") for form in ("png", "svg", "pdf")]


def test_the_download_links_follow_the_view(app: AppTest) -> None:
    app.slider(key="year").set_value(2012).run()
    click(app, "district:lgd-354", 19.6, 84.6)
    links = [h.proto.body for h in app.get("html") if h.proto.body.startswith('<div class="export')]
    assert len(links) == 1
    for file in ("geojson.zip", "csv.zip", "map.html", *PICTURE_FILES):
        assert (
            f'href="/exports/india-japan-rare-earths-{file}?year=2012&amp;sel=district'
            in (links[0])
        )
    # The pictures in one line per layout, each link named in full.
    assert '<p class="picture-group">Picture, slide 16:9: <a class="picture-link"' in links[0]
    assert 'aria-label="Picture, A4 portrait, PDF">PDF</a></p>' in links[0]


def test_choosing_a_year_to_compare_with_lists_what_changed(app: AppTest) -> None:
    app.sidebar.selectbox(key="since").set_value(2018).run()
    assert not app.exception
    assert app.query_params["since"] == "2018"
    listed = page_text(app)
    assert text("changes_title", Language.EN).format(since=2018, year=2026) in listed
    assert "2018: Suspended" in listed
    # Moving the year before the comparison year drops the comparison.
    app.sidebar.slider(key="year").set_value(2015).run()
    assert "since" not in app.query_params

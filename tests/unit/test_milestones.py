"""Milestones read in time order, with their grade, their sources and the brief's words."""

from dashboard.core.choices import Language
from dashboard.core.filters import milestones_in_view
from dashboard.core.sources import source_catalog
from dashboard.core.view import View
from dashboard.data.dataset import Dataset
from dashboard.panels.milestones import by_year, milestone_markdown, year_markdown


def test_grouped_by_year_in_order(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2020))
    assert [year for year, _ in by_year(shown)] == [2012, 2023]


def test_a_disputed_brief_claim_shows_the_evidence(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2020)).set_index("id")
    text = milestone_markdown(
        shown.loc["ms-brief-2023-mou"], source_catalog(good, Language.EN), Language.EN
    )
    assert ":red-badge[Disputed]" in text
    assert "The project brief says" in text
    assert "PTI dates the MoC to 29 Aug 2025" in text
    assert "](https://www.newsdrum.in/" in text


def test_a_milestone_starts_with_its_grade_and_date(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2020)).set_index("id")
    text = milestone_markdown(
        shown.loc["ms-2012-mou"], source_catalog(good, Language.EN), Language.EN
    )
    assert text.startswith(":green-badge[Verified] **2012\\-11\\-16**")


def test_the_years_milestones_are_listed_in_short(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2012))
    listed = year_markdown(shown, 2012, Language.EN)
    assert listed.startswith("- :green-badge[Verified] **2012\\-11\\-16**")
    assert len(listed.splitlines()) == 1
    assert year_markdown(shown, 2000, Language.EN) == ""

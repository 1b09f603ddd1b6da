"""Year and evidence filters decide what exists in the chosen year."""

import pandas as pd
import pytest

from dashboard.core.choices import EvidenceLevel
from dashboard.core.filters import (
    existing_in_year,
    links_in_year,
    milestones_in_view,
    site_status_in_year,
    year_span,
)
from dashboard.core.view import View


def frame(**columns: list) -> pd.DataFrame:
    out = pd.DataFrame(columns)
    for name in ("start_year", "end_year", "year"):
        if name in out:
            out[name] = out[name].astype("Int64")
    return out


RECORDS = frame(
    id=["old", "new", "ended", "undated", "claim"],
    start_year=[1984, 2014, 2009, None, 2021],
    end_year=[None, None, 2013, None, None],
    evidence=["verified", "verified", "reported", "verified", "claimed"],
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2010, ["old", "ended", "undated"]),
        (2013, ["old", "ended", "undated"]),
        (2014, ["old", "new", "undated"]),
        (2026, ["old", "new", "undated", "claim"]),
        (None, ["old", "new", "ended", "undated", "claim"]),
    ],
)
def test_records_exist_between_their_start_and_end_years(year, expected) -> None:
    assert list(existing_in_year(RECORDS, View(year=year))["id"]) == expected


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (EvidenceLevel.VERIFIED, ["old", "new", "undated"]),
        (EvidenceLevel.REPORTED, ["old", "new", "ended", "undated"]),
        (EvidenceLevel.ALL, ["old", "new", "ended", "undated", "claim"]),
    ],
)
def test_evidence_levels_include_the_surer_grades(level, expected) -> None:
    assert list(existing_in_year(RECORDS, View(None, level))["id"]) == expected


LINKS = frame(
    id=["mou", "dong-pao", "plan"],
    start_year=[2012, 2009, 2025],
    end_year=[None, 2013, None],
    status=["active", "ended", "planned"],
    evidence=["verified", "disputed", "reported"],
)


def test_links_show_their_status_as_it_was_in_the_year() -> None:
    in_2011 = links_in_year(LINKS, View(2011)).set_index("id")["status_in_year"]
    assert in_2011.to_dict() == {"dong-pao": "active"}
    in_2013 = links_in_year(LINKS, View(2013)).set_index("id")["status_in_year"]
    assert in_2013.to_dict() == {"mou": "active", "dong-pao": "ended"}
    in_2026 = links_in_year(LINKS, View(2026)).set_index("id")["status_in_year"]
    assert in_2026.to_dict() == {"mou": "active", "dong-pao": "ended", "plan": "planned"}


def test_all_years_keeps_the_latest_status() -> None:
    statuses = links_in_year(LINKS, View(None)).set_index("id")["status_in_year"]
    assert statuses.to_dict() == {"mou": "active", "dong-pao": "ended", "plan": "planned"}


def test_later_milestones_stay_listed_but_marked_upcoming() -> None:
    milestones = frame(id=["a", "b"], year=[2012, 2025], evidence=["verified", "verified"])
    shown = milestones_in_view(milestones, View(2020)).set_index("id")["upcoming"]
    assert shown.to_dict() == {"a": False, "b": True}
    assert not milestones_in_view(milestones, View(None))["upcoming"].any()


def test_year_spans_read_naturally() -> None:
    assert year_span(2011, 2014) == "2011–2014"
    assert year_span(2011, pd.NA) == "2011–"
    assert year_span(pd.NA, pd.NA) == ""
    assert year_span(2018, 2018) == "2018"


STATUSES = frame(
    id=["s-planned", "s-working", "s-stopped", "s-later", "s-claim"],
    site_id=["a", "a", "a", "b", "c"],
    status=["planned", "operating", "lease_ended", "exploration", "operating"],
    start_year=[2009, 2012, 2019, 2026, 2010],
    end_year=[2011, 2017, None, None, None],
    evidence=["verified", "verified", "verified", "verified", "claimed"],
)
SITES = pd.DataFrame({"id": ["a", "b", "c", "d"]})


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2010, ["planned", None, "operating", None]),
        (2015, ["operating", None, "operating", None]),
        (2018, [None, None, "operating", None]),  # a gap in the history: not recorded
        (2019, ["lease_ended", None, "operating", None]),
        (2026, ["lease_ended", "exploration", "operating", None]),
        (None, ["lease_ended", "exploration", "operating", None]),
    ],
)
def test_each_site_shows_the_status_it_had_in_the_year(
    year: int | None, expected: list[str | None]
) -> None:
    shown = site_status_in_year(SITES, STATUSES, View(year))
    assert list(shown["status_in_year"]) == expected


def test_a_status_below_the_evidence_level_is_not_shown() -> None:
    shown = site_status_in_year(SITES, STATUSES, View(2015, EvidenceLevel.VERIFIED))
    assert list(shown["status_in_year"]) == ["operating", None, None, None]
    assert list(shown["status_id"]) == ["s-working", None, None, None]

"""Year and evidence filters decide what exists in the chosen year."""

import pandas as pd
import pytest

from dashboard.core.choices import EvidenceLevel
from dashboard.core.filters import (
    existing_in_year,
    links_in_year,
    milestones_in_view,
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
def test_records_exist_between_their_start_and_end_years(
    year: int | None, expected: list[str]
) -> None:
    assert list(existing_in_year(RECORDS, View(year=year))["id"]) == expected


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (EvidenceLevel.VERIFIED, ["old", "new", "undated"]),
        (EvidenceLevel.REPORTED, ["old", "new", "ended", "undated"]),
        (EvidenceLevel.ALL, ["old", "new", "ended", "undated", "claim"]),
    ],
)
def test_evidence_levels_include_the_surer_grades(
    level: EvidenceLevel, expected: list[str]
) -> None:
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

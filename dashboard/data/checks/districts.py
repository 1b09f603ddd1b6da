"""Districts: the official code list names the same districts as the boundary file, once
each, and every record names districts by their LGD code, in the state it gives."""

from __future__ import annotations

import pandas as pd

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.records import Checked


def check(checked: Checked, boundaries: Boundaries) -> None:
    """Report code-list problems and records naming unknown or misplaced districts."""
    _check_district_codes(checked, boundaries)
    _check_districts(checked, boundaries)


def _check_district_codes(checked: Checked, boundaries: Boundaries) -> None:
    """The official code list and the boundary file name the same districts, once each."""
    spec = schema.DISTRICT_CODES
    if spec.file in checked.unreadable:
        return
    rows = checked.of(spec)
    for name in ("lgd_code", "census2011_code", "old_url_code"):
        seen: dict[object, str] = {}
        for record in rows:
            value = record.get(name)
            if value is None:
                continue
            if value in seen:
                checked.add(spec, record, name, f"{value} is also the {name} of {seen[value]}")
            else:
                seen[value] = record.label
    districts = boundaries.districts
    mapped = dict(zip(districts["district_lgd"], districts["state"], strict=True))
    listed = {record.get("lgd_code") for record in rows}
    for record in rows:
        code, state = record.get("lgd_code"), record.get("state")
        if not isinstance(code, int):
            continue
        if code not in mapped:
            checked.add(
                spec,
                record,
                "lgd_code",
                f"{code} is not in districts.geojson: run python -m dashboard.data.build_geodata",
            )
        elif state and mapped[code] != state:
            checked.add(spec, record, "state", f"districts.geojson puts {code} in {mapped[code]}")
    for code in sorted(set(mapped) - listed):
        checked.add(spec, str(code), "lgd_code", "is in districts.geojson but not in this list")


def _check_districts(checked: Checked, boundaries: Boundaries) -> None:
    districts = boundaries.districts
    state_of = dict(zip(districts["district_lgd"], districts["state"], strict=True))
    # Codes this dataset used before it carried LGD codes, to point a curator to the right one.
    renamed = {
        int(row.old_url_code): f"{row.district}, whose LGD code is {row.district_lgd}"
        for row in districts.itertuples()
        if pd.notna(row.old_url_code)  # none for a district formed after the source
    }
    for spec in schema.CURATED:
        if "district_lgd" not in spec.names:
            continue
        for record in checked.of(spec):
            codes = record.integers("district_lgd")
            states = record.texts("state")
            for code in codes:
                if code not in state_of:
                    hint = (
                        f" ({code} is the old code of {renamed[code]})" if code in renamed else ""
                    )
                    checked.add(
                        spec,
                        record,
                        "district_lgd",
                        f"{code} is not the LGD code of a district of Andhra Pradesh or Odisha "
                        f"(district_codes.csv){hint}",
                    )
                elif state_of[code] not in states:
                    checked.add(
                        spec,
                        record,
                        "district_lgd",
                        f"{code} is in {state_of[code]}, not in 'state'",
                    )
            if spec is schema.SITES and len(codes) > 1:
                checked.add(spec, record, "district_lgd", "a site lies in one district")

"""Load the curated layers as typed (Geo)DataFrames, refusing data that does not validate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.checks.currency import EVENT_DATES, newest
from dashboard.data.geometry import WGS84
from dashboard.data.problems import DatasetError
from dashboard.data.records import Checked
from dashboard.data.schema import Kind, PartialDate, TableSpec
from dashboard.data.validate import check_folder
from dashboard.paths import GEODATA_DIR


@dataclass(frozen=True)
class Dataset:
    """Every curated layer; list fields hold tuples, years are nullable integers, milestone
    dates keep the precision the sources give (``date``) beside a sortable ``sort_date``."""

    review: pd.DataFrame  # one row: reviewed, note, and the newest event's date (newest)
    sources: pd.DataFrame
    district_codes: pd.DataFrame
    names_ja: pd.DataFrame  # the Japanese names of states, districts and countries
    sites: gpd.GeoDataFrame
    site_status: pd.DataFrame  # each site's statuses in order, by site_id
    places: gpd.GeoDataFrame
    zones: gpd.GeoDataFrame
    links: pd.DataFrame
    milestones: pd.DataFrame
    production: pd.DataFrame
    import_share: pd.DataFrame
    labels: pd.DataFrame  # place names that orient the reader, with the zooms they show at
    # the organisations the records name in their role fields (schema.ORG_ROLES); parent and
    # both alias lists as tuples
    organisations: pd.DataFrame


def load_dataset(
    folder: Path = GEODATA_DIR,
    boundaries: Boundaries | None = None,
    today: dt.date | None = None,
) -> Dataset:
    """Every curated layer of ``folder``, typed; raises DatasetError with every problem when the
    folder does not validate. ``today`` decides which years are in the future."""
    checked = check_folder(folder, boundaries or load_boundaries(folder), today)
    if checked.problems:
        raise DatasetError(checked.problems)
    zones = _frame(checked, schema.ZONE_DEFINITIONS)
    zones = gpd.GeoDataFrame(
        zones, geometry=[checked.zone_geometries[z] for z in zones["id"]], crs=WGS84
    )
    return Dataset(
        review=_review(checked),
        sources=_frame(checked, schema.SOURCES),
        district_codes=_frame(checked, schema.DISTRICT_CODES),
        names_ja=_frame(checked, schema.NAMES_JA),
        sites=_geo_frame(checked, schema.SITES),
        site_status=_dates_as_text(_frame(checked, schema.SITE_STATUS), "date"),
        places=_geo_frame(checked, schema.PLACES),
        zones=zones,
        links=_frame(checked, schema.LINKS),
        milestones=_milestones(_frame(checked, schema.MILESTONES)),
        production=_frame(checked, schema.PRODUCTION),
        import_share=_periods(_frame(checked, schema.IMPORT_SHARE)),
        labels=_frame(checked, schema.LABELS),
        organisations=_frame(checked, schema.ORGANISATIONS),
    )


def _frame(checked: Checked, spec: TableSpec) -> pd.DataFrame:
    rows = [{name: record.get(name) for name in spec.names} for record in checked.of(spec)]
    frame = pd.DataFrame(rows, columns=list(spec.names))
    for f in spec.fields:
        if f.kind is Kind.INT:
            frame[f.name] = frame[f.name].astype("Int64")
        elif f.kind is Kind.NUMBER:
            frame[f.name] = frame[f.name].astype("Float64")
        elif f.kind in (Kind.ENUM_LIST, Kind.SLUG_LIST, Kind.INT_LIST, Kind.TEXT_LIST):
            frame[f.name] = frame[f.name].map(lambda v: v or ())
        else:
            # Missing text stays None (not NaN), so "if value:" means what it says.
            frame[f.name] = pd.Series([r[f.name] for r in rows], dtype=object)
    return frame


def _geo_frame(checked: Checked, spec: TableSpec) -> gpd.GeoDataFrame:
    geometry = [record.geometry for record in checked.of(spec)]
    return gpd.GeoDataFrame(_frame(checked, spec), geometry=geometry, crs=WGS84)


def _dates_as_text(frame: pd.DataFrame, *names: str) -> pd.DataFrame:
    """Dates as the sources give them (``2025-05``), None where there is none."""
    return frame.assign(
        **{
            name: pd.Series([str(d) if d else None for d in frame[name]], dtype=object)
            for name in names
        }
    )


def _review(checked: Checked) -> pd.DataFrame:
    """The review row, with ``newest``: the date of the newest event the data record (a
    milestone or a status), as precisely as its source gives it."""
    latest = newest(checked, EVENT_DATES)
    return _dates_as_text(_frame(checked, schema.REVIEW), "reviewed").assign(
        newest=str(latest.date) if latest else None
    )


def _periods(frame: pd.DataFrame) -> pd.DataFrame:
    """Each figure's period as text (``start``, ``end``: as precise as the source) and as the
    first and last day it covers (``period_start``, ``period_end``), for plotting."""
    starts: list[PartialDate] = list(frame["start"])
    ends = [end or start for start, end in zip(starts, frame["end"], strict=True)]
    return frame.assign(
        start=pd.Series([str(d) for d in starts], dtype=object),
        end=pd.Series([str(e) if e else None for e in frame["end"]], dtype=object),
        period_start=pd.to_datetime([d.earliest() for d in starts]),
        period_end=pd.to_datetime([d.latest() for d in ends]),
    )


def _milestones(frame: pd.DataFrame) -> pd.DataFrame:
    dates: list[PartialDate] = list(frame["date"])
    ends: list[PartialDate | None] = list(frame["end_date"])
    frame = frame.assign(
        date=pd.Series([str(d) for d in dates], dtype=object),
        end_date=pd.Series([str(e) if e else None for e in ends], dtype=object),
        year=pd.array([d.year for d in dates], dtype="Int64"),
        end_year=pd.array([(e or d).year for d, e in zip(dates, ends, strict=True)], dtype="Int64"),
        sort_date=pd.to_datetime([d.earliest() for d in dates]),
    )
    return frame.sort_values(["sort_date", "id"], ignore_index=True)

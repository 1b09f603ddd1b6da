"""Downloads of the data as the user is looking at it.

``dataset_files`` writes the filtered records in the curated format of geodata/, so the
download is itself a dataset the validator accepts: the records shown, the records they depend
on (a zone's anchor sites, a link's endpoints, the organisations their role fields name and
those organisations' parents) and the sources they cite. ``csv_tables`` gives the same records
as flat tables for a spreadsheet, with the organisations they name.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Mapping

import pandas as pd
import shapely

from dashboard.core.scene import Scene
from dashboard.core.world import World
from dashboard.data import schema
from dashboard.data.geojson_text import feature, feature_collection, plain_value
from dashboard.data.schema import TableSpec
from dashboard.data.zones import zone_properties

# A fixed timestamp keeps the same selection's zip byte-identical from one download to the next.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
# Each district with both codes, named for what they are, and what the view counts in it.
DISTRICT_COLUMNS = (
    "district_lgd",
    "district_census2011",
    "district",
    "state",
    *(schema.companion(name, lang) for lang in schema.COMPANIONS for name in ("district", "state")),
    "site_count",
    "zone_count",
    "block_count",
    "code_sources",
)


def _cell(value: object) -> str:
    plain = plain_value(value)
    if plain is None:
        return ""
    if isinstance(plain, list):
        return ";".join(str(v) for v in plain)
    return f"{plain:g}" if isinstance(plain, float) else str(plain)


def table_csv(frame: pd.DataFrame, columns: Iterable[str]) -> str:
    """The frame's columns as CSV text; lists are joined with ";" and numbers written without
    trailing zeros."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = list(columns)
    writer.writerow(names)
    for row in frame[names].itertuples(index=False):
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _geojson(frame: pd.DataFrame, spec: TableSpec) -> str:
    features = []
    for _, row in frame.iterrows():
        properties = {n: plain_value(row[n]) for n in spec.names if plain_value(row[n]) is not None}
        features.append(feature(properties, row.geometry))
    return feature_collection(features)


def _selected(frame: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    return frame[frame["id"].isin(ids)]


def organisations_named(
    layers: Iterable[tuple[pd.DataFrame, TableSpec]], organisations: pd.DataFrame
) -> pd.DataFrame:
    """The organisations the layers' role fields name (schema.ORG_ROLES), with their parents up
    the chain, in file order: an organisation in a download brings its parent, which the
    validator requires to be there too."""
    roles = dict(schema.ORG_ROLES)
    wanted = {
        org
        for frame, spec in layers
        for role in roles.get(spec, ())
        for ids in frame[role]
        for org in ids
    }
    parents = dict(zip(organisations["id"], organisations["parent"], strict=True))
    todo = list(wanted)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in wanted:
                wanted.add(parent)
                todo.append(parent)
    return _selected(organisations, wanted)


def dataset_files(scene: Scene, world: World) -> dict[str, str]:
    """Each file of a geodata/ folder holding what the scene shows, what it depends on and
    the sources they cite, by file name."""
    dataset = world.dataset
    zones = _selected(dataset.zones, set(scene.zones["id"]))
    links = _selected(dataset.links, set(scene.links["id"]))
    anchors = {a for ids in zones["anchor_ids"] for a in ids}
    ends = set(links["from_ref"]) | set(links["to_ref"])
    sites = _selected(dataset.sites, set(scene.sites["id"]) | anchors | ends)
    places = _selected(dataset.places, ends | anchors)
    statuses = dataset.site_status[dataset.site_status["site_id"].isin(set(sites["id"]))]
    milestones = scene.milestones[~scene.milestones["upcoming"].astype(bool)]
    kept = set(sites["id"]) | set(places["id"]) | set(zones["id"]) | set(links["id"])
    kept |= set(milestones["id"])
    milestones = milestones.assign(
        related_ids=milestones["related_ids"].map(lambda ids: tuple(i for i in ids if i in kept))
    )
    organisations = organisations_named(
        (
            (sites, schema.SITES),
            (statuses, schema.SITE_STATUS),
            (places, schema.PLACES),
            (zones, schema.ZONE_DEFINITIONS),
            (links, schema.LINKS),
            (milestones, schema.MILESTONES),
        ),
        dataset.organisations,
    )
    layers = (
        dataset.district_codes,
        sites,
        statuses,
        places,
        zones,
        links,
        milestones,
        dataset.production,
        dataset.import_share,
        dataset.labels,
        organisations,
    )
    cited = {s for layer in layers for ids in layer["sources"] for s in ids}
    zone_features = [
        feature(
            zone_properties({n: plain_value(row[n]) for n in schema.ZONE_DEFINITIONS.names}),
            row.geometry,
        )
        for _, row in zones.iterrows()
    ]
    return {
        schema.REVIEW.file: table_csv(dataset.review, schema.REVIEW.names),
        schema.SOURCES.file: table_csv(_selected(dataset.sources, cited), schema.SOURCES.names),
        schema.DISTRICT_CODES.file: table_csv(dataset.district_codes, schema.DISTRICT_CODES.names),
        schema.NAMES_JA.file: table_csv(dataset.names_ja, schema.NAMES_JA.names),
        schema.SITES.file: _geojson(sites, schema.SITES),
        schema.SITE_STATUS.file: table_csv(statuses, schema.SITE_STATUS.names),
        schema.PLACES.file: _geojson(places, schema.PLACES),
        schema.ZONE_DEFINITIONS.file: table_csv(zones, schema.ZONE_DEFINITIONS.names),
        schema.ZONES_FILE: feature_collection(zone_features),
        schema.LINKS.file: table_csv(links, schema.LINKS.names),
        schema.MILESTONES.file: table_csv(milestones, schema.MILESTONES.names),
        schema.PRODUCTION.file: table_csv(dataset.production, schema.PRODUCTION.names),
        schema.IMPORT_SHARE.file: table_csv(dataset.import_share, schema.IMPORT_SHARE.names),
        schema.LABELS.file: table_csv(dataset.labels, schema.LABELS.names),
        schema.ORGANISATIONS.file: table_csv(organisations, schema.ORGANISATIONS.names),
    }


CHANGE_COLUMNS = [
    "ref",
    "name",
    "change",
    "status_before",
    "status_after",
    "step_date",
    "step",
    "sources",
]


def csv_tables(scene: Scene, world: World) -> dict[str, str]:
    """The shown records as spreadsheet tables: points as longitude and latitude columns,
    sources as their titles and addresses."""
    dataset = world.dataset
    catalog = dataset.sources.set_index("id")

    def cited(ids: tuple[str, ...]) -> str:
        return " | ".join(f"{catalog.at[i, 'title']} <{catalog.at[i, 'url'] or ''}>" for i in ids)

    sites = scene.sites.assign(
        longitude=[g.x if isinstance(g, shapely.Point) else None for g in scene.sites.geometry],
        latitude=[g.y if isinstance(g, shapely.Point) else None for g in scene.sites.geometry],
        sources=scene.sites["sources"].map(cited),
    )
    names = dataset.names_ja.set_index(["kind", "key"])
    translated: dict[str, list[object]] = {}
    for lang in schema.COMPANIONS:
        column = names[schema.companion("name", lang)]
        translated[schema.companion("district", lang)] = [
            column.get(("district", str(code))) for code in scene.districts["district_lgd"]
        ]
        translated[schema.companion("state", lang)] = [
            column.get(("state", state)) for state in scene.districts["state"]
        ]
    districts = scene.districts.assign(
        code_sources=scene.districts["district_lgd"].map(
            dataset.district_codes.set_index("lgd_code")["sources"].map(cited)
        ),
        **translated,
    )
    links = scene.links.assign(sources=scene.links["sources"].map(cited))
    zones = scene.zones.assign(sources=scene.zones["sources"].map(cited))
    milestones = scene.milestones.assign(sources=scene.milestones["sources"].map(cited))
    named = organisations_named(
        (
            (scene.sites, schema.SITES),
            (scene.zones, schema.ZONE_DEFINITIONS),
            (scene.links, schema.LINKS),
            (scene.milestones, schema.MILESTONES),
        ),
        dataset.organisations,
    )
    organisations = named.assign(sources=named["sources"].map(cited))
    site_columns = [*schema.SITES.names, "status_in_year", "longitude", "latitude"]
    tables = {
        "districts.csv": table_csv(districts, DISTRICT_COLUMNS),
        "sites.csv": table_csv(sites, site_columns),
        "zones.csv": table_csv(zones, schema.ZONE_DEFINITIONS.names),
        "links.csv": table_csv(links, [*schema.LINKS.names, "status_in_year"]),
        "milestones.csv": table_csv(milestones, [*schema.MILESTONES.names, "upcoming"]),
        "organisations.csv": table_csv(organisations, schema.ORGANISATIONS.names),
    }
    if scene.view.since is not None:
        # One row per dated step of each changed record (a record without a step in the
        # period, one row without a date).
        rows = [
            {
                "ref": change.ref,
                "name": change.name,
                "change": change.kind.value,
                "status_before": change.before,
                "status_after": change.after,
                "step_date": step.date if step else None,
                "step": step.what if step else None,
                "sources": cited(step.sources) if step else None,
            }
            for change in scene.changes
            for step in (change.steps or (None,))
        ]
        since, year = scene.view.since, scene.view.year
        tables[f"changes-{since}-{year}.csv"] = table_csv(
            pd.DataFrame(rows, columns=CHANGE_COLUMNS), CHANGE_COLUMNS
        )
    return tables


def zip_bytes(files: Mapping[str, str], folder: str) -> bytes:
    """The files zipped under ``folder`` with a fixed timestamp, so the same view gives the same
    bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()

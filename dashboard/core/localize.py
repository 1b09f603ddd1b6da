"""The world as a reader of one language sees it: every displayed data text in that language,
districts, states and countries under their curated names. The English and Japanese texts sit
side by side in the data (``name`` and ``name_ja``, one companion per language of
schema.LANGUAGES); the panels, the map and the exports then
need no language logic of their own for data text, only for the interface's words."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.core.world import World
from dashboard.data import schema
from dashboard.data.schema import TableSpec, companion

# Each frame of the dataset and the spec that says which of its fields are translated.
_SPECS: dict[str, TableSpec] = {
    "review": schema.REVIEW,
    "district_codes": schema.DISTRICT_CODES,
    "sites": schema.SITES,
    "site_status": schema.SITE_STATUS,
    "places": schema.PLACES,
    "zones": schema.ZONE_DEFINITIONS,
    "links": schema.LINKS,
    "milestones": schema.MILESTONES,
    "production": schema.PRODUCTION,
    "import_share": schema.IMPORT_SHARE,
    "labels": schema.LABELS,
    # Aliases are names, not translations: both alias lists stay as they are, for search.
    "organisations": schema.ORGANISATIONS,
}


def localized(world: World, language: Language) -> World:
    """The world with its data texts in ``language``; every district gets its display name
    (``district``) and its state's (``state_name``) in that language. Keys (ids, LGD codes, the
    ``state`` column the data joins on) are untouched."""
    dataset = world.dataset
    if language.value in schema.COMPANIONS:
        swapped = {
            name: _in_language(getattr(dataset, name), spec, language)
            for name, spec in _SPECS.items()
        }
        publisher = companion("publisher", language.value)
        sources = dataset.sources.assign(
            publisher=dataset.sources[publisher].fillna(dataset.sources["publisher"])
        )
        dataset = replace(dataset, sources=sources, **swapped)
    names = place_names(dataset.names_ja, language)
    districts = world.boundaries.districts
    districts = districts.assign(
        district=[
            _district_name(
                names.get(("district", str(int(row.district_lgd))), row.district), language
            )
            for row in districts.itertuples()
        ],
        state_name=[names.get(("state", state), state) for state in districts["state"]],
    )
    endpoint_names = {
        **{
            row.id: row.name
            for frame in (dataset.sites, dataset.places)
            for row in frame.itertuples()
        },
        **{key: name for (kind, key), name in names.items() if kind == "country"},
    }
    endpoints = {
        key: replace(end, name=endpoint_names.get(key, end.name))
        for key, end in world.endpoints.items()
    }
    boundaries = replace(world.boundaries, districts=districts)
    return replace(world, boundaries=boundaries, dataset=dataset, endpoints=endpoints)


def place_names(names_ja: pd.DataFrame, language: Language) -> dict[tuple[str, str], str]:
    """The name of each state, district and country by (kind, key) in ``language``."""
    column = companion("name", language.value) if language.value in schema.COMPANIONS else "name"
    return {
        (str(row.kind), str(row.key)): str(getattr(row, column)) for row in names_ja.itertuples()
    }


def _district_name(name: str, language: Language) -> str:
    return text("district_name", language).format(name=name)


def _in_language(frame: pd.DataFrame, spec: TableSpec, language: Language) -> pd.DataFrame:
    # The validator has made sure every English text has its companion in each language.
    return frame.assign(
        **{name: frame[companion(name, language.value)] for name in spec.translated}
    )

"""The sources behind what is on screen: every record cites ids from the catalog
(geodata/sources.csv), and every panel, export and page lists them from here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dashboard.core.choices import Language
from dashboard.core.messages import date_text, text
from dashboard.core.scene import Scene
from dashboard.data.dataset import Dataset
from dashboard.data.schema import NO_DATE


@dataclass(frozen=True)
class Source:
    """A cited source as a reader sees it."""

    title: str
    publisher: str
    url: str | None
    date: str | None


Catalog = Mapping[str, Source]


def source_catalog(dataset: Dataset, language: Language) -> dict[str, Source]:
    """Every source by id, its date as a reader of ``language`` writes it ('undated' where the
    page shows none); ``dataset`` is localized, so the publisher is in that language where it
    has a name in it."""
    return {
        row.id: Source(
            row.title,
            row.publisher,
            row.url,
            text("source_undated", language)
            if row.date == NO_DATE
            else date_text(str(row.date), language),
        )
        for row in dataset.sources.itertuples()
    }


def sources_of(ids: Iterable[str], catalog: Catalog) -> tuple[Source, ...]:
    """The sources with these ids, in the order given."""
    return tuple(catalog[i] for i in ids)


def cited_sources(scene: Scene, catalog: Catalog) -> list[Source]:
    """Every source cited by a site, zone or link drawn in the scene, each once, in the order
    they are first cited."""
    frames = (scene.sites, scene.zones, scene.links)
    ids = [source for frame in frames for cited in frame["sources"] for source in cited]
    return [catalog[source] for source in dict.fromkeys(ids)]

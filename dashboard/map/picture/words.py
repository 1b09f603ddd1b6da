"""Every text a picture of the map carries, in the view's language and from the catalogs: the
title, what is shown (named view, year, evidence level), the map's summary sentence, when the
data were reviewed, the boundaries' credits, the publishers of the sources cited by what is
drawn, and the address that reopens the view."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.messages import date_text, label, text
from dashboard.core.scene import Scene
from dashboard.core.sources import cited_sources, source_catalog
from dashboard.core.world import World
from dashboard.map.summary import map_summary


@dataclass(frozen=True)
class Words:
    """The texts around the map."""

    title: str
    subtitle: str
    summary: str
    as_of: str
    credits: str
    sources_lead: str
    publishers: tuple[str, ...]
    separator: str
    address_line: str
    address: str


def picture_words(scene: Scene, world: World, address: str) -> Words:
    """The words of the scene's picture; ``world`` is the world in the view's language and
    ``address`` the link that reopens the view."""
    view, language = scene.view, scene.view.language
    year = (
        text("all_years", language)
        if view.year is None
        else text("date_year", language).format(year=view.year)
    )
    review = world.dataset.review.iloc[0]
    sources = cited_sources(scene, source_catalog(world.dataset, language))
    # A short list: each publisher once, in the order first cited (a source's own page is in
    # the map's HTML download and the data).
    publishers = tuple(dict.fromkeys(source.publisher for source in sources))
    return Words(
        title=text("title", language),
        subtitle=text("picture_subtitle", language).format(
            view=label("view", view.map_view.value, language),
            year=year,
            evidence=label("evidence_filter", view.evidence.value, language),
        ),
        summary=map_summary(scene, world),
        as_of=text("as_of", language).format(
            reviewed=date_text(str(review["reviewed"]), language),
            newest=date_text(str(review["newest"]), language) if review["newest"] else "–",
        ),
        credits=text("map_attribution", language),
        sources_lead=text("picture_sources", language).format(count=len(sources)),
        publishers=publishers,
        separator=text("list_separator", language),
        address_line=text("picture_address", language).format(address=address),
        address=address,
    )

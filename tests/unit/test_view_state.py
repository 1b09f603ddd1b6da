"""The view state survives the URL, and any URL at all decodes to a valid state."""

from hypothesis import given
from hypothesis import strategies as st

from dashboard.core.filters import EvidenceLevel
from dashboard.core.scene import Layer, Measure
from dashboard.core.url import Domain, MapPosition, ViewState, decode, encode
from dashboard.map.base import MapView

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
states = st.builds(
    ViewState,
    year=st.none() | st.integers(DOMAIN.first_year, DOMAIN.last_year),
    selection=st.none() | st.sampled_from(sorted(DOMAIN.refs)),
    layers=st.frozensets(st.sampled_from(list(Layer))),
    evidence=st.sampled_from(list(EvidenceLevel)),
    measure=st.sampled_from(list(Measure)),
    view=st.sampled_from(list(MapView)),
    position=st.none() | positions,
)


def as_query(params: dict[str, str]) -> dict[str, list[str]]:
    return {key: [value] for key, value in params.items()}


@given(states)
def test_every_valid_state_survives_the_url(state: ViewState) -> None:
    decoded, ignored = decode(as_query(encode(state, DOMAIN)), DOMAIN)
    assert decoded == state
    assert ignored == []


@given(st.dictionaries(st.text(max_size=30), st.lists(st.text(max_size=300), max_size=3)))
def test_any_query_decodes_to_a_valid_state(params: dict[str, list[str]]) -> None:
    state, ignored = decode(params, DOMAIN)
    assert state.year is None or DOMAIN.first_year <= state.year <= DOMAIN.last_year
    assert state.selection is None or state.selection in DOMAIN.refs
    assert state.layers <= frozenset(Layer)
    assert isinstance(state.evidence, EvidenceLevel)
    assert state.position is None or 2 <= state.position.zoom <= 18
    assert all(key == "?" or key.isidentifier() for key in ignored)


def test_the_default_view_has_a_bare_url() -> None:
    assert encode(DOMAIN.default(), DOMAIN) == {}


def test_a_full_link() -> None:
    state = ViewState(
        year=2012,
        selection="district:lgd-354",
        layers=frozenset({Layer.SITES, Layer.DISTRICTS}),
        evidence=EvidenceLevel.VERIFIED,
        view=MapView.PARTNERS,
        position=MapPosition.rounded(19.31234, 84.8, 7.5),
    )
    assert encode(state, DOMAIN) == {
        "year": "2012",
        "sel": "district:lgd-354",
        "layers": "districts,sites",
        "evidence": "verified",
        "view": "partners",
        "at": "19.312,84.800,7.5",
    }


def test_hostile_and_broken_values_are_ignored_one_by_one() -> None:
    state, ignored = decode(
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
    assert state == ViewState(year=2012)
    assert ignored == ["sel", "layers", "evidence", "measure", "at", "?", "utm_source"]


def test_years_outside_the_data_and_unknown_records_are_ignored() -> None:
    state, ignored = decode({"year": ["1900"], "sel": ["district:999"]}, DOMAIN)
    assert state == DOMAIN.default()
    assert ignored == ["year", "sel"]
    assert decode({"year": ["all"]}, DOMAIN)[0].year is None


def test_a_link_made_before_lgd_codes_opens_the_same_district() -> None:
    state, ignored = decode({"sel": ["district:388"]}, DOMAIN)
    assert state.selection == "district:lgd-354"
    assert ignored == []
    # Written back in today's form, which names its code system.
    assert encode(state, DOMAIN) == {"sel": "district:lgd-354"}


def test_a_nudge_is_not_a_move() -> None:
    fitted = MapPosition.rounded(17.664, 82.123, 6.25)
    assert MapPosition.rounded(17.672, 82.120, 6.25).near(fitted)
    assert not MapPosition.rounded(18.5, 82.123, 6.25).near(fitted)
    assert not MapPosition.rounded(17.664, 82.123, 7).near(fitted)
    assert not fitted.near(None)

"""Selections are parsed strictly: anything odd is no selection at all."""

import pytest

from dashboard.core.refs import Selection, clicked_selection, parse_ref


def test_well_formed_references() -> None:
    assert parse_ref("district:lgd-354") == Selection("district", "lgd-354")
    assert Selection("district", "lgd-354").district_code == 354
    assert Selection("site", "site-oscom").district_code is None
    assert parse_ref("site:site-oscom") == Selection("site", "site-oscom")
    link = parse_ref("link:link-quad-cmi-jpn-ind")
    assert link is not None
    assert link.ref == "link:link-quad-cmi-jpn-ind"


@pytest.mark.parametrize(
    "ref",
    [
        None,
        42,
        "",
        "district",
        "district:ganjam",
        "district:388",  # a bare number: not an LGD code by its name (old links: view_state)
        "district:lgd-",
        "district:lgd-35a",
        "planet:earth",
        "site:<script>alert(1)</script>",
        "site:" + "a" * 200,
        "zone:zóne",
        "site:",
    ],
)
def test_anything_else_is_no_selection(ref: object) -> None:
    assert parse_ref(ref) is None


def test_a_map_click_carries_its_feature_reference() -> None:
    click = {"last_active_drawing": {"type": "Feature", "properties": {"ref": "district:lgd-354"}}}
    assert clicked_selection(click) == Selection("district", "lgd-354")
    assert clicked_selection({"last_active_drawing": None}) is None
    assert clicked_selection(None) is None
    assert clicked_selection({"last_active_drawing": {"properties": {"ref": "x:1"}}}) is None

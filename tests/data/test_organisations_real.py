"""The committed organisations: every site's operator and winner texts name exactly the
organisations the research found in them (its validator cases), each listed in one of the
site's role fields, and the validator names any one of them that a role field loses; every
organisation is some record's or organisation's."""

import copy

import pytest

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.checks import organisations
from dashboard.data.checks.organisations import NAMING_FIELDS, name_matcher, names_of
from dashboard.data.parse import parse_folder
from dashboard.data.records import Checked, Record
from dashboard.paths import GEODATA_DIR

# The organisations each site's operator or winner text names, in English or Japanese (the
# research's validator cases); a site not listed names none.
NAMED = {
    "site-amd-exploration-konaseema": {"org-amd"},
    "site-amd-exploration-puri": {"org-amd"},
    "site-bheemunipatnam": {"org-apmdc"},
    "site-block-balepalyam-tungsten": {"org-hindustan-zinc"},
    "site-block-salepali-graphite": {"org-vinmir-resources"},
    "site-brahmagiri": {"org-irel"},
    "site-gara-beach-sand-leases": {"org-apmdc"},
    "site-gopalpur-rushikulya-belt": {"org-irel"},
    "site-irel-repm-plant": {"org-irel"},
    "site-kakinada": {"org-amd"},
    "site-krushnaprasad": {"org-irel-idcol"},
    "site-kuppili-koyyam": {"org-apmdc"},
    "site-machilipatnam-beach-sand": {"org-apmdc"},
    "site-oscom": {"org-irel"},
    "site-oscom-monazite-plant": {"org-irel"},
    "site-srikakulam-coast": {"org-amd", "org-apmdc"},
    "site-srikurmam-bhavanapadu": {"org-trimex-sands", "org-transworld-garnet-india"},
    "site-trei": {"org-trei", "org-toyota-tsusho"},
}
ROLES = dict(schema.ORG_ROLES)[schema.SITES]


@pytest.fixture(scope="module")
def checked() -> Checked:
    return parse_folder(GEODATA_DIR)


def _site(checked: Checked, site_id: str) -> Record:
    return next(r for r in checked.of(schema.SITES) if r.get("id") == site_id)


def test_each_site_names_the_organisations_the_research_found(checked: Checked) -> None:
    matcher = name_matcher({str(r["id"]): names_of(r) for r in checked.of(schema.ORGANISATIONS)})
    found = {
        str(site["id"]): {
            org for f in NAMING_FIELDS for _, org in matcher.named(site.text(f) or "")
        }
        for site in checked.of(schema.SITES)
    }
    assert {site: orgs for site, orgs in found.items() if orgs} == NAMED


@pytest.mark.parametrize(
    ("site_id", "org"),
    sorted((site, org) for site, orgs in NAMED.items() for org in orgs),
)
def test_a_named_organisation_missing_from_the_roles_is_reported(
    checked: Checked, boundaries: Boundaries, site_id: str, org: str
) -> None:
    case = copy.deepcopy(checked)
    site = _site(case, site_id)
    for role in ROLES:
        site.values[role] = tuple(o for o in site.texts(role) if o != org) or None
    organisations.check(case, boundaries)
    reported = [p for p in case.problems if p.record == site_id]
    assert reported, f"{site_id} without {org} passes"
    assert all(f"({org})" in p.message and p.field in NAMING_FIELDS for p in reported)


def test_every_organisation_is_referenced_or_a_parent(checked: Checked) -> None:
    # Named only in evidence notes, as what exists in place of a claim: no record's role.
    only_in_notes = {"org-adb", "org-aist"}
    referenced = {
        org
        for spec, roles in schema.ORG_ROLES
        for record in checked.of(spec)
        for role in roles
        for org in record.texts(role)
    }
    parents = {p for r in checked.of(schema.ORGANISATIONS) for p in r.texts("parent")}
    unused = {str(r["id"]) for r in checked.of(schema.ORGANISATIONS)} - referenced - parents
    assert unused == only_in_notes

"""What changed between two years, as a reader opening a shared comparison sees it: the
Srikurmam–Bhavanapadu lease's suspension and end listed with their dates and sources, and
the site marked on the map with the sign the list explains."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.data.dataset import load_dataset
from dashboard.paths import REPO_ROOT

from .pages import map_frame, map_point, open_map

pytestmark = pytest.mark.browser

SITE = "site-srikurmam-bhavanapadu"


def test_a_shared_comparison_lists_and_marks_the_leases_suspension_and_end(
    page: Page, app_url: str, artifacts: Path
) -> None:
    open_map(page, f"{app_url}/?since=2018&year=2026")
    details = page.locator('[data-testid="stMainBlockContainer"]')
    title = text("changes_title", Language.EN).format(since=2018, year=2026)
    expect(details.get_by_text(title)).to_be_visible()
    site = load_dataset().sites.set_index("id").loc[SITE]
    entry = details.locator("li", has_text=site["name"]).first
    expect(entry).to_contain_text("Operating → Lease ended")
    expect(entry).to_contain_text("2018: Suspended")
    expect(entry).to_contain_text("2019: Lease ended")
    # The site's sign on the map: the "changed" mark, up and right of the site.
    x, y = map_point(page, site.geometry.y, site.geometry.x)
    marks = map_frame(page).eval_on_selector_all(
        ".change-mark.change-changed",
        """(nodes) => nodes.map((n) => {
            const r = n.getBoundingClientRect();
            return [r.left, r.top, r.width, n.textContent];
        })""",
    )
    frame = page.locator('iframe[src*="/component/streamlit_folium.st_folium/"]').bounding_box()
    assert frame is not None
    near = [m for m in marks if abs(frame["x"] + m[0] - x) < 30 and abs(frame["y"] + m[1] - y) < 30]
    assert near, "no 'changed' sign beside the site"
    assert near[0][3] == "↻"
    page.screenshot(path=artifacts / "compare-2018-2026.png")
    # DOCS_SCREENSHOTS=1 also writes the README's picture of a comparison.
    if os.environ.get("DOCS_SCREENSHOTS"):
        page.screenshot(path=REPO_ROOT / "docs" / "screenshot-compare.png")

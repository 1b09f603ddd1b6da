"""Waiting for the sidebar's controls, drawn after the map's first report."""

from __future__ import annotations

from playwright.sync_api import Page, expect

# Every widget kind the sidebar draws. Streamlit fetches a kind's code when it first draws
# one; a page is whole (and outlives its server's restart) once each kind is on screen.
CONTROL_KINDS = ("stRadio", "stSlider", "stButton", "stCheckbox", "stSelectbox", "stMultiSelect")


def wait_until_controls_drawn(page: Page, timeout_ms: int) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    for kind in CONTROL_KINDS:
        expect(sidebar.locator(f'[data-testid="{kind}"]').first).to_be_visible(timeout=timeout_ms)

"""The Streamlit script runs headless and shows the dashboard's frame."""

from streamlit.testing.v1 import AppTest

from dashboard.messages import text
from dashboard.paths import REPO_ROOT

APP = str(REPO_ROOT / "dashboard" / "app.py")


def test_app_runs_and_shows_the_title() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == text("title")
    assert at.sidebar.header[0].value == text("sidebar_header")

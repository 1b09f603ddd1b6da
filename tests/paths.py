"""Where the test data lives, and the fixed 'today' the dataset tests are judged against."""

import datetime as dt
from pathlib import Path

TESTS = Path(__file__).resolve().parent
GOOD = TESTS / "fixtures" / "good"
BAD_INPUTS = TESTS / "bad_inputs"
TODAY = dt.date(2026, 11, 25)

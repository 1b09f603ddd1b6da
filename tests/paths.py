"""Where the test data lives, and the fixed 'today' the dataset tests are judged against."""

import datetime as dt
from pathlib import Path

TESTS = Path(__file__).resolve().parent
GOOD = TESTS / "fixtures" / "good"
BAD_INPUTS = TESTS / "bad_inputs"
TODAY = dt.date(2026, 11, 25)
# The districts the map draws: Andhra Pradesh's 28 (since 31 Dec 2025) and Odisha's 30.
DISTRICTS = 58

"""Fail CI when the browser tests were skipped or not collected: a green run must have driven
real Chromium."""

import sys
import xml.etree.ElementTree as ET


def main(junit_path: str) -> int:
    """0 when the JUnit report holds browser tests and none was skipped, else 1 with the reason."""
    cases = [
        c for c in ET.parse(junit_path).iter("testcase") if ".browser." in c.get("classname", "")
    ]
    skipped = [c.get("name") for c in cases if c.find("skipped") is not None]
    if not cases:
        print("CI: no browser test was collected", file=sys.stderr)
        return 1
    if skipped:
        print(f"CI: browser tests were skipped: {', '.join(skipped)}", file=sys.stderr)
        return 1
    print(f"CI: {len(cases)} browser tests ran in Chromium")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

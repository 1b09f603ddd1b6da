"""Draw a picture of a view from the command line, as the export route draws it:

    python -m dashboard.map.picture 'year=2025&lang=en' slide png docs/picture-slide.png

The query is a shared link's (what is not understood is left out, as the app leaves it out);
``--address`` is where the app is served, for the link printed in the picture. The README's
picture (docs/picture-slide.png) is drawn with exactly the command above.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from dashboard.core.exports import Picture, PictureFormat, PictureLayout
from dashboard.core.url import decode, domain_of, encode
from dashboard.core.world import load_world
from dashboard.map.picture.render import picture_bytes
from dashboard.paths import data_dir


def main(argv: list[str] | None = None) -> int:
    """Write the picture the arguments ask for; returns the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("query", help="a view's query string, as in a shared link")
    parser.add_argument("layout", choices=[layout.value for layout in PictureLayout])
    parser.add_argument("format", choices=[form.value for form in PictureFormat])
    parser.add_argument("output", type=Path)
    parser.add_argument("--address", default="http://localhost:8501/")
    args = parser.parse_args(argv)
    world = load_world(data_dir())
    domain = domain_of(world, dt.date.today().year)
    view, ignored = decode(parse_qs(args.query, keep_blank_values=True), domain)
    if ignored:
        print(f"left out of the view: {', '.join(ignored)}")
    address = f"{args.address}?{urlencode(encode(view, domain))}"
    picture = Picture(PictureLayout(args.layout), PictureFormat(args.format))
    args.output.write_bytes(picture_bytes(world, view, picture, address))
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The pictures of the map, from the real data in English and Japanese: each file is what it
claims to be (PNG at twice the page's density, SVG as XML, PDF), and the texts of the SVG and
the PDF carry what a reader of a slide needs (title, year, every legend entry, the review
date, the sources' publishers, the link back); the Japanese PDF embeds its Japanese font;
place names never overlap; the pieces the pictures are made of (type, zoom, layout)."""

from __future__ import annotations

import io
import re
import struct
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from dashboard.core.choices import Language, Measure
from dashboard.core.exports import Picture, PictureFormat, PictureLayout
from dashboard.core.localize import localized
from dashboard.core.messages import date_text, text
from dashboard.core.refs import parse_ref
from dashboard.core.scene import compose_scene
from dashboard.core.sources import cited_sources, source_catalog
from dashboard.core.view import View
from dashboard.core.world import World, load_world
from dashboard.map import theme
from dashboard.map.base import frame_css
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import SITE_POINT_LIMIT
from dashboard.map.legend import legend_rows
from dashboard.map.picture.fonts import JAPANESE_FAMILY, japanese_font_file
from dashboard.map.picture.frame import MapFrame
from dashboard.map.picture.labels import (
    Box,
    Candidate,
    place_labels,
    shown_at,
    spots_around,
)
from dashboard.map.picture.layout import PAGES
from dashboard.map.picture.mercator import WORLD, Extent, fit, leaflet_zoom, scale_bar
from dashboard.map.picture.place_names import placed_names
from dashboard.map.picture.render import picture_bytes
from dashboard.map.picture.typeset import TextStyle, Typesetter
from harness.synthetic import write_synthetic

ADDRESS = "https://maps.example.org/minerals/?year=2025&lang="
ENGLISH = View(year=2025, language=Language.EN)
# Japanese, all years, districts coloured by state, Ganjam selected.
JAPANESE = View(
    year=None,
    measure=Measure.NONE,
    selection=parse_ref("district:lgd-354"),
    language=Language.JA,
)
VIEWS = {"en": ENGLISH, "ja": JAPANESE}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def files(real_world: World) -> dict[tuple[str, PictureLayout, PictureFormat], bytes]:
    """Every picture of both views."""
    return {
        (name, layout, form): picture_bytes(
            real_world, view, Picture(layout, form), ADDRESS + view.language.value
        )
        for name, view in VIEWS.items()
        for layout in PictureLayout
        for form in PictureFormat
    }


def svg_text(body: bytes) -> str:
    root = ET.fromstring(body)
    return "\n".join(
        "".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")
    )


def pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_texts(world: World, view: View) -> list[str]:
    """What the picture of ``view`` must say, in its language."""
    language = view.language
    shown = localized(world, language)
    scene = compose_scene(shown, view)
    districts = shown.boundaries.districts
    states = dict(zip(districts["state"], districts["state_name"], strict=True))
    legend = legend_rows(view.measure, language, states)
    year = (
        text("all_years", language)
        if view.year is None
        else text("date_year", language).format(year=view.year)
    )
    reviewed = date_text(str(world.dataset.review.iloc[0]["reviewed"]), language)
    publishers = {
        source.publisher for source in cited_sources(scene, source_catalog(shown.dataset, language))
    }
    assert len(publishers) > 50  # the real data: a long list, each kept whole
    return [
        text("title", language),
        year,
        reviewed,
        ADDRESS + language.value,
        *(row.title for row in legend),
        *(entry.caption for row in legend for entry in row.entries),
        *sorted(publishers),
    ]


@pytest.mark.parametrize("layout", list(PictureLayout))
@pytest.mark.parametrize("name", list(VIEWS))
def test_the_png_is_a_png_at_twice_the_pages_density(
    files: dict[tuple[str, PictureLayout, PictureFormat], bytes], name: str, layout: PictureLayout
) -> None:
    body = files[name, layout, PictureFormat.PNG]
    assert body.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", body[16:24])  # the IHDR chunk comes first
    assert (width, height) == {PictureLayout.SLIDE: (2560, 1440), PictureLayout.A4: (1587, 2245)}[
        layout
    ]
    assert (width, height) == PAGES[layout].png_size


@pytest.mark.parametrize("layout", list(PictureLayout))
@pytest.mark.parametrize("name", list(VIEWS))
def test_the_svg_and_the_pdf_say_what_the_view_shows(
    real_world: World,
    files: dict[tuple[str, PictureLayout, PictureFormat], bytes],
    name: str,
    layout: PictureLayout,
) -> None:
    svg = files[name, layout, PictureFormat.SVG]
    pdf = files[name, layout, PictureFormat.PDF]
    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    assert pdf.startswith(b"%PDF-")
    # A long caption or name may run over two lines: compared without the spaces and breaks.
    in_svg, in_pdf = squeezed(svg_text(svg)), squeezed(pdf_text(pdf))
    wanted = expected_texts(real_world, VIEWS[name])
    assert [t for t in wanted if squeezed(t) not in in_svg] == []
    assert [t for t in wanted if squeezed(t) not in in_pdf] == []


def test_the_japanese_pdf_embeds_its_japanese_font(
    files: dict[tuple[str, PictureLayout, PictureFormat], bytes],
) -> None:
    reader = PdfReader(io.BytesIO(files["ja", PictureLayout.A4, PictureFormat.PDF]))
    embedded = []
    resources = reader.pages[0]["/Resources"]
    assert isinstance(resources, DictionaryObject)
    fonts = resources["/Font"]
    assert isinstance(fonts, DictionaryObject)
    for font in fonts.values():
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object()["/FontDescriptor"].get_object()
            if "/FontFile2" in descriptor:
                embedded.append(str(descriptor["/FontName"]))
    assert any(name.endswith(f"+{JAPANESE_FAMILY}") for name in embedded), embedded
    assert "テルグ語版ウィキペディア" in pdf_text(files["ja", PictureLayout.A4, PictureFormat.PDF])


def test_the_svg_names_its_fonts_and_keeps_japanese_as_text(
    files: dict[tuple[str, PictureLayout, PictureFormat], bytes],
) -> None:
    svg = files["ja", PictureLayout.SLIDE, PictureFormat.SVG].decode("utf-8")
    assert f"font-family: '{JAPANESE_FAMILY}'" in svg
    assert "日本とインドのレアアース・重要鉱物協力" in svg_text(svg.encode("utf-8"))


def test_a_picture_is_the_same_file_when_drawn_again(
    real_world: World, files: dict[tuple[str, PictureLayout, PictureFormat], bytes]
) -> None:
    for form in PictureFormat:
        again = picture_bytes(
            real_world, ENGLISH, Picture(PictureLayout.SLIDE, form), ADDRESS + "en"
        )
        assert again == files["en", PictureLayout.SLIDE, form]


def test_the_japanese_font_comes_from_its_package() -> None:
    path = japanese_font_file()
    assert path.name == "ipaexg.ttf"
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines (glyf)
    assert (path.parent / "IPA_Font_License_Agreement_v1.0.txt").is_file()


# --- place names ---------------------------------------------------------------------------


def label(text: str, x: float, y: float, kind: str = "capital") -> Candidate:
    return Candidate(
        text, kind, spots_around(x, y, 60, 12, point=True), Box(x - 2, y - 2, x + 2, y + 2)
    )


FRAME = Box(0, 0, 400, 300)


def test_two_labels_that_would_collide_do_not() -> None:
    # Two points 12 px apart, one above the other: the capital is placed first (to the right
    # of its dot), the port's name would cover it there and goes to the left.
    first, second = label("Bhubaneswar", 100, 100), label("Paradip", 100, 112, "port")
    assert first.spots[0].box.overlaps(second.spots[0].box)
    placed = place_labels([second, first], [], FRAME)
    assert [candidate.text for candidate, _ in placed] == ["Bhubaneswar", "Paradip"]
    (_, a), (_, b) = placed
    assert a == first.spots[0]
    assert b == second.spots[1]  # its second choice, the left
    assert not a.box.overlaps(b.box)
    assert first.dot is not None
    assert not b.box.overlaps(first.dot)


def test_a_label_with_no_free_place_is_left_out() -> None:
    boxes = [Box(0, 0, 400, 95), Box(0, 105, 400, 300)]  # markers everywhere but a thin band
    placed = place_labels([label("Puri", 200, 100)], boxes, FRAME)
    assert placed == []


def test_no_label_covers_a_marker_or_leaves_the_frame() -> None:
    marker = Box(104, 94, 116, 106)  # a site right of the town
    placed = place_labels([label("Chhatrapur", 100, 100)], [marker], FRAME)
    ((_, spot),) = placed
    assert not spot.box.overlaps(marker)
    assert spot.box.inside(FRAME)
    edge = place_labels([label("Gopalpur", 395, 100)], [], FRAME)
    assert edge[0][1].box.inside(FRAME)  # at the right edge, the name goes left


def test_the_states_outrank_the_towns() -> None:
    town = label("Puri", 100, 100, "town")
    state = Candidate("Odisha", "state", spots_around(130, 100, 80, 14, point=False))
    placed = place_labels([town, state], [], FRAME)
    assert placed[0][0].text == "Odisha"


@pytest.mark.parametrize("layout", list(PictureLayout))
def test_placed_names_on_the_real_map_keep_apart(real_world: World, layout: PictureLayout) -> None:
    area = {PictureLayout.SLIDE: (660, 590), PictureLayout.A4: (746, 580)}[layout]
    frame = MapFrame(fit(view_bounds(real_world, ENGLISH.map_view), *area, 10), *area)
    markers = [Box(300, 300, 320, 320)]
    placed = placed_names(real_world, frame, markers, Typesetter(Language.EN))
    boxes = [spot.box for _, spot in placed]
    assert {candidate.text for candidate, _ in placed} >= {"Odisha", "Andhra Pradesh"}
    for number, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[number + 1 :])
        assert not box.overlaps(markers[0])


def test_a_label_shows_from_its_min_zoom_up_to_its_max_zoom(real_world: World) -> None:
    labels = real_world.dataset.labels
    assert "India" in set(shown_at(labels, 3.5)["name"])  # 3 to 4
    assert "India" not in set(shown_at(labels, 4.5)["name"])
    assert "Telangana" not in set(shown_at(labels, 5.9)["name"])  # from 6
    assert "Telangana" in set(shown_at(labels, 6.0)["name"])


@pytest.mark.parametrize("kind", theme.LABEL_ORDER)
def test_the_pictures_set_place_names_as_the_map_does(kind: str) -> None:
    """The live map's style sheet and the theme's LABEL_TYPE, which the pictures use, agree."""
    declared: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", frame_css()):
        names = {name.strip() for name in selectors.split(",")}
        if names & {".map-label", f".map-label-{kind}"}:
            for declaration in body.split(";"):
                if ":" in declaration:
                    key, value = declaration.split(":", 1)
                    declared[key.strip()] = value.strip()
    font = re.match(r"(\d+) (\d+)px", declared["font"])
    assert font is not None
    weight = int(declared.get("font-weight", font.group(1)))
    size = float(declared.get("font-size", f"{font.group(2)}px").removesuffix("px"))
    assert theme.LABEL_TYPE.get(kind, theme.LABEL_TYPE["*"]) == (size, weight, declared["color"])


# --- zoom, scale, type, pages -----------------------------------------------------------------


def test_the_leaflet_zoom_of_an_extent() -> None:
    world = Extent(-WORLD / 2, -WORLD / 2, WORLD / 2, WORLD / 2)
    assert leaflet_zoom(world, 256) == pytest.approx(0)
    assert leaflet_zoom(world, 1024) == pytest.approx(2)
    half = replace(world, east=0)
    assert leaflet_zoom(half, 1024) == pytest.approx(3)


def test_a_scale_bar_is_a_round_length_that_fits() -> None:
    extent = fit(((12.6, 76.8), (22.6, 87.5)), 660, 590, 10)
    km, px = scale_bar(extent, 660)
    assert km in {100, 200, 300, 500}
    assert 30 < px <= 110


def test_japanese_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    typesetter = Typesetter(Language.JA)
    style = TextStyle(10)
    sentence = "データは2026年12月2日に出典と照合済みです（最新の出来事：2026年7月2日）。"
    lines = typesetter.wrap(sentence, 120, style)
    assert len(lines) > 2
    assert "".join(lines) == sentence
    assert not any(line[0] in "、。）：" for line in lines)
    assert all(typesetter.width(line, style) <= 120 for line in lines)


def test_a_list_breaks_only_between_its_items() -> None:
    typesetter = Typesetter(Language.EN)
    items = ["Reuters (via Yahoo Finance)", "The Hindu", "Press Information Bureau", "Mint"]
    lines = typesetter.wrap_items("Sources:", items, ", ", 260, TextStyle(10))
    joined = "\n".join(lines)
    assert all(item in joined for item in items)
    assert lines[0] == "Sources: Reuters (via Yahoo Finance), The Hindu,"
    assert len(lines) == 2


def test_a_large_dataset_is_drawn_as_cells_and_said_so(tmp_path: Path) -> None:
    folder = write_synthetic(tmp_path / "large", SITE_POINT_LIMIT + 100)
    world = load_world(folder)
    svg = picture_bytes(
        world, View(year=None), Picture(PictureLayout.A4, PictureFormat.SVG), ADDRESS + "en"
    )
    assert squeezed(text("legend_cells", Language.EN)) in squeezed(svg_text(svg))

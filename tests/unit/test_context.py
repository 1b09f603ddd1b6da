"""Global context: groups come from the links data, shares from the USGS world total."""

import pytest

from dashboard.core.choices import Language
from dashboard.core.sources import source_catalog
from dashboard.core.world import World
from dashboard.data.dataset import Dataset
from dashboard.panels.charts import import_share_chart, production_chart
from dashboard.panels.context import (
    group_shares,
    group_shares_markdown,
    import_share_markdown,
    japan_partners,
    production_markdown,
    production_table,
    source_list,
)
from dashboard.panels.markdown import md


@pytest.fixture(scope="module")
def real(real_world: World) -> Dataset:
    return real_world.dataset


def test_partners_are_the_countries_japan_links_to(real: Dataset) -> None:
    partners = japan_partners(real)
    assert {"AUS", "USA"} <= partners
    assert "IND" not in partners
    assert "JPN" not in partners


def test_shares_are_of_the_world_total(real: Dataset) -> None:
    table = production_table(real)
    china = table.set_index("iso_a3").loc["CHN"]
    assert china["share"] == pytest.approx(270_000 / 390_000)
    shares = group_shares(table)
    assert shares["india"] == pytest.approx(2_900 / 390_000)
    assert 0 < shares["partner"] < 1
    assert group_shares_markdown(table, Language.EN).startswith("India: 0\\.7\\% · ")


def test_charts_are_valid_vega_lite(real: Dataset) -> None:
    production = production_chart(production_table(real), Language.EN).to_dict()
    assert production["mark"]["type"] == "bar"
    imports = import_share_chart(real.import_share, Language.EN).to_dict()
    marks = [layer["mark"]["type"] for layer in imports["layer"]]
    assert marks == ["rule", "point"]  # periods and points: no line joins unlike figures
    colour = imports["layer"][1]["encoding"]["color"]
    assert colour["field"] == "measure_label"  # one series per measure, named in the legend
    assert colour["title"] == "What is measured"


def test_every_figure_is_listed_with_its_basis_and_source(real: Dataset) -> None:
    sources = source_catalog(real, Language.EN)
    lines = import_share_markdown(real.import_share, sources, Language.EN).splitlines()
    assert len(lines) == len(real.import_share)
    for line, cited_ids in zip(lines, real.import_share["sources"], strict=True):
        # each figure names its sources, linked where the original's address is known
        assert all(md(sources[i].title) in line for i in cited_ids), line
    cited = source_list(real.production["sources"], sources, Language.EN)
    assert "Mineral Commodity Summaries 2026" in cited


def test_the_production_chart_has_its_figures_as_a_table(real: Dataset) -> None:
    table = production_table(real)
    lines = production_markdown(table, Language.EN).splitlines()
    assert lines[0] == ("| Country | Group | Mine production 2025 \\(t\\) | Share of world 2025 |")
    assert len(lines) == len(table) + 2  # every country the chart draws, and those it cannot
    china = next(line for line in lines if line.startswith("| China |"))
    assert china == "| China | China | 270\\,000 | 69\\.2\\% |"

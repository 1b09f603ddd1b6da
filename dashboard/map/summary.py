"""What the map shows, as one sentence: the year, how many sites, investment zones and partner
links are drawn, and the selected record. A screen reader reads it in the map's frame (as the
frame's live summary), and every reader sees it under the map, so what the map shows in
colour and shape is also there as text."""

from __future__ import annotations

from dashboard.core.changes import ChangeKind
from dashboard.core.choices import Language, Layer
from dashboard.core.messages import text
from dashboard.core.scene import Scene
from dashboard.core.world import World

# The layers counted, the frame of the scene each counts, and its catalog key.
COUNTED = ((Layer.SITES, "sites"), (Layer.ZONES, "zones"), (Layer.LINKS, "links"))


def map_summary(scene: Scene, world: World) -> str:
    """The sentence for the scene's view, in the view's language; ``world`` is the world in
    that language (for the selected record's name)."""
    view, language = scene.view, scene.view.language
    year = (
        text("map_summary_all_years", language)
        if view.year is None
        else text("date_year", language).format(year=view.year)
    )
    counts = [
        _count(name, len(getattr(scene, name)), language)
        for layer, name in COUNTED
        if layer in view.layers
    ]
    shown = text("list_separator", language).join(counts) or text("map_summary_nothing", language)
    sentence = text("map_summary", language).format(year=year, shown=shown)
    name = selected_name(scene, world)
    if name:
        sentence += text("map_summary_selected", language).format(name=name)
    if view.since is not None and view.year is not None:
        tally = {kind.value: sum(c.kind is kind for c in scene.changes) for kind in ChangeKind}
        sentence += text("map_summary_changes", language).format(since=view.since, **tally)
    return sentence


def _count(name: str, count: int, language: Language) -> str:
    key = f"map_summary_{name}_one" if count == 1 else f"map_summary_{name}"
    return text(key, language).format(count=count)


def selected_name(scene: Scene, world: World) -> str | None:
    """The name of the selected record, if the view shows it (the scene is composed from the
    world in the view's language, so its names are in that language)."""
    selection = scene.view.selection
    if selection is None:
        return None
    if selection.kind == "district":
        districts = world.boundaries.districts
        found = districts.loc[districts["district_lgd"] == selection.district_code, "district"]
    else:
        frame = getattr(scene, f"{selection.kind}s")
        found = frame.loc[frame["id"] == selection.key, "name"]
    return str(found.iloc[0]) if len(found) else None

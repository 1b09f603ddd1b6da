"""The picture's map frame: its size on the page in CSS pixels and the Mercator extent it
shows, with the conversions between the two (labels are placed in pixels, the map is drawn in
metres)."""

from __future__ import annotations

from dataclasses import dataclass

import shapely

from dashboard.map.picture.mercator import Extent, leaflet_zoom


@dataclass(frozen=True)
class MapFrame:
    """A ``width`` x ``height`` pixel frame showing ``extent``."""

    extent: Extent
    width: float
    height: float

    @property
    def metres_per_px(self) -> float:
        """Mercator metres in one CSS pixel."""
        return self.extent.width / self.width

    @property
    def zoom(self) -> float:
        """The Leaflet zoom the frame stands for."""
        return leaflet_zoom(self.extent, self.width)

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        """Pixels from the frame's top-left corner of a point in metres."""
        return (x - self.extent.west) / self.metres_per_px, (
            self.extent.north - y
        ) / self.metres_per_px

    def to_metres(self, px: float, py: float) -> tuple[float, float]:
        """Metres of a point in pixels from the frame's top-left corner."""
        return (
            self.extent.west + px * self.metres_per_px,
            self.extent.north - py * self.metres_per_px,
        )

    def clip_box(self, margin_px: float) -> shapely.Polygon:
        """The extent grown by ``margin_px`` on every side: geometry beyond it is not drawn."""
        grow = margin_px * self.metres_per_px
        extent = self.extent
        return shapely.box(
            extent.west - grow, extent.south - grow, extent.east + grow, extent.north + grow
        )

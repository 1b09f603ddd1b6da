"""Write GeoJSON the same way every time, so a rebuilt file can be compared byte for byte."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import shapely
from shapely.geometry import mapping


def feature(properties: Mapping[str, object], geometry: shapely.Geometry | None) -> str:
    body = {
        "type": "Feature",
        "properties": dict(properties),
        "geometry": None if geometry is None else mapping(geometry),
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def feature_collection(features: Iterable[str]) -> str:
    """One feature a line, so a diff of a rebuilt file stays readable."""
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"

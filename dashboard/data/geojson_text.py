"""Write GeoJSON the same way every time, so a rebuilt file can be compared byte for byte."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping


def plain_value(value: object) -> object:
    """A typed cell as JSON: tuples as lists, missing as None, numpy scalars as Python ones."""
    if isinstance(value, tuple):
        return [plain_value(v) for v in value]
    if value is None or (not isinstance(value, (list, tuple, str)) and pd.isna(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def feature(properties: Mapping[str, object], geometry: shapely.Geometry | None) -> str:
    """One GeoJSON feature on one line."""
    body = {
        "type": "Feature",
        "properties": dict(properties),
        "geometry": None if geometry is None else mapping(geometry),
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def feature_collection(features: Iterable[str]) -> str:
    """One feature a line, so a diff of a rebuilt file stays readable."""
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"

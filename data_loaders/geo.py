"""Boundaries for maps: one GeoJSON per level (and parent), simplified without gaps between
neighbours, rounded and kept within a payload budget so that maps load fast on office networks.

Features are keyed by Kemendagri code (`id`), the only code maps join on.
"""

from __future__ import annotations

import json
from functools import lru_cache

import shapely
from shapely.geometry import mapping, shape

from data_loaders.regions import GEO_DIR

FILES = {"kabupaten_kota": "kabupaten_kota", "kecamatan": "kecamatan", "desa_kelurahan": "desa_kelurahan"}
# Bytes of boundary data sent per map (docs: kab/kota 100 kB, kecamatan 250 kB, desa of one kab 1.5 MB).
BUDGET = {"kabupaten_kota": 100_000, "kecamatan": 250_000, "desa_kelurahan": 1_500_000}
# The share of the budget the boundaries may use; the rest is left for values and hover texts.
BOUNDARY_SHARE = 0.8
TOLERANCES = (0.0, 0.0005, 0.001, 0.002, 0.004, 0.008)
DECIMALS = 5


@lru_cache(maxsize=3)
def _features(level: str) -> tuple[dict, ...]:
    with open(GEO_DIR / f"kaltim_{FILES[level]}.geojson", encoding="utf-8") as handle:
        return tuple(json.load(handle)["features"])


def _rounded(geometry: dict) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [round(value[0], DECIMALS), round(value[1], DECIMALS)]
        return [walk(item) for item in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def encoded_size(collection: dict) -> int:
    return len(json.dumps(collection, separators=(",", ":")))


@lru_cache(maxsize=64)
def boundaries(level: str, parent: str | None = None) -> dict:
    """The FeatureCollection of `level` regions inside `parent` (a Kemendagri code prefix), simplified
    as a coverage (shared borders stay shared) with the least tolerance that fits the budget."""
    features = [
        f for f in _features(level) if parent is None or f["properties"]["kode_kemendagri"].startswith(parent + ".")
    ]
    geometries = [shape(f["geometry"]) for f in features]
    budget = BUDGET[level] * BOUNDARY_SHARE
    collection: dict = {}
    for tolerance in TOLERANCES:
        simplified = shapely.coverage_simplify(geometries, tolerance) if tolerance else geometries
        simplified = shapely.orient_polygons(shapely.make_valid(simplified))
        collection = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": f["properties"]["kode_kemendagri"],
                    "properties": {"nama": f["properties"]["nama"]},
                    "geometry": _rounded(mapping(g)),
                }
                for f, g in zip(features, simplified, strict=True)
            ],
        }
        if encoded_size(collection) <= budget:
            break
    return collection


def bounds(collection: dict) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a FeatureCollection, for fitting the map view."""
    geometries = [shape(feature["geometry"]) for feature in collection["features"]]
    return tuple(shapely.total_bounds(geometries))

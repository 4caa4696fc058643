"""Boundaries for maps and for checking places: one GeoDataFrame per level, read with geopandas
from the shipped GeoJSON files; for maps, one FeatureCollection per level (and parent), simplified
without gaps between neighbours, rounded and kept within a payload budget so that maps load fast on
office networks.

Features are keyed by Kemendagri code (`id`), the only code maps join on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

import geopandas
import numpy as np
import shapely

from data_loaders.regions import GEO_DIR

FILES = {"kabupaten_kota": "kabupaten_kota", "kecamatan": "kecamatan", "desa_kelurahan": "desa_kelurahan"}
# Bytes of boundary data sent per map (docs: kab/kota 100 kB, kecamatan 250 kB, desa of one kab 1.5 MB).
BUDGET = {"kabupaten_kota": 100_000, "kecamatan": 250_000, "desa_kelurahan": 1_500_000}
# The share of the budget the boundaries may use; the rest is left for values and hover texts.
BOUNDARY_SHARE = 0.8
TOLERANCES = (0.0, 0.0005, 0.001, 0.002, 0.004, 0.008)
DECIMALS = 5


@lru_cache(maxsize=3)
def boundary_frame(level: str) -> geopandas.GeoDataFrame:
    """The shipped boundaries of one level ('kabupaten_kota', 'kecamatan' or 'desa_kelurahan'), as
    published (unsimplified here): columns kode_kemendagri, nama, tingkat, lat, lng (the source's
    centroid), for desa/kelurahan also jenis, and geometry (WGS84 degrees, EPSG:4326), in file order.
    KeyError for another level. Callers must not modify the frame: it is cached."""
    return geopandas.read_file(GEO_DIR / f"kaltim_{FILES[level]}.geojson")


def geojson_text(collection: dict) -> str:
    """`collection` as compact JSON, as a figure sends it (the array rings of `boundaries` as lists)."""
    return json.dumps(collection, separators=(",", ":"), default=_listed)


def encoded_size(collection: dict) -> int:
    """Characters (bytes: the text is ASCII) of `geojson_text(collection)`."""
    return len(geojson_text(collection))


def _listed(value: object) -> list:
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _array_rings(coordinates: Sequence) -> list | np.ndarray:
    """The (lon, lat) pairs of each ring of a Polygon's or MultiPolygon's coordinates as one float
    array of shape (n, 2), read-only (the collection is cached and shared); the nesting above the
    rings becomes lists."""
    if coordinates and isinstance(coordinates[0][0], int | float):
        ring = np.asarray(coordinates, dtype=float)
        ring.setflags(write=False)
        return ring
    return [_array_rings(part) for part in coordinates]


@lru_cache(maxsize=64)
def boundaries(level: str, parent: str | None = None) -> dict:
    """The FeatureCollection of `level` regions inside `parent` (a Kemendagri code prefix), simplified
    as a coverage (shared borders stay shared) with the least tolerance that fits the budget, and
    coordinates rounded to `DECIMALS` places (about 1 m). Each ring is a NumPy array of shape (n, 2),
    (lon, lat) in degrees: plotly copies a figure's traces on building and serialises them on every
    rerun, and does both for arrays in C — the province map's figure built in 0,9 ms instead of
    5,5 ms and serialised in 1,8 ms instead of 6 ms, the same JSON (issue 16). Cached: callers must
    not modify it."""
    frame = boundary_frame(level)
    if parent is not None:
        frame = frame[frame["kode_kemendagri"].str.startswith(parent + ".")]
    regions = frame.set_index("kode_kemendagri")[["nama", "geometry"]]
    budget = BUDGET[level] * BOUNDARY_SHARE
    collection: dict = {}
    for tolerance in TOLERANCES:
        geometry = regions.geometry.simplify_coverage(tolerance) if tolerance else regions.geometry
        geometry = geometry.make_valid().orient_polygons()
        rounded = shapely.transform(geometry.to_numpy(), lambda xy: np.round(xy, DECIMALS))
        collection = regions.set_geometry(rounded, crs=regions.crs).to_geo_dict(drop_id=False)
        if encoded_size(collection) <= budget:
            break
    for feature in collection.get("features", ()):
        feature["geometry"]["coordinates"] = _array_rings(feature["geometry"]["coordinates"])
    return collection


def rings(geometry: dict) -> list:
    """Every ring (exterior and holes) of a GeoJSON Polygon or MultiPolygon, each a sequence of
    (lon, lat) pairs in degrees (in `boundaries`, an array of shape (n, 2))."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def bounds(collection: dict) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees of a FeatureCollection of Polygons and MultiPolygons (as
    `boundaries` gives), for fitting the map view: the extremes of its rings' points, read with NumPy
    (under 1 ms; through geopandas 7 ms a rerun). ValueError for a collection without a point."""
    every_ring = [np.asarray(ring, dtype=float) for f in collection["features"] for ring in rings(f["geometry"])]
    if not every_ring:
        raise ValueError("a FeatureCollection without a point has no bounds")
    points = np.concatenate(every_ring)
    (west, south), (east, north) = points.min(axis=0), points.max(axis=0)
    return float(west), float(south), float(east), float(north)

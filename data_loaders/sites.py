"""Program sites: the optional `lintang`/`bujur` (latitude/longitude) columns of a program file, read
and checked against the boundary of each row's region with a geopandas spatial join on the shipped
boundaries (`data_loaders.geo`).

Coordinates are decimal degrees, WGS84 (EPSG:4326); south and west are negative. A point is inside
its region when it lies within `TOLERANCE_M` of the region's boundary polygon, since the shipped
boundaries are simplified by their author. Distances are measured in UTM zone 50S (`METRIC_CRS`),
the zone that covers Kalimantan Timur.

Rules (issue 11, item 9): a coordinate that is not a number, a latitude outside −90..90 or a
longitude outside −180..180, and a point given half are errors naming the value; a latitude outside
its range whose swap with the longitude falls inside the row's region says "swapped?". A point
outside its region is a warning naming the region it falls in, a point outside Kalimantan Timur a
warning saying so; each such cause is said once, listing the other rows it applies to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

import geopandas
import pandas as pd

from common import formatting
from common.i18n import LANGUAGES, t
from data_loaders.geo import boundary_frame
from data_loaders.problems import ERROR, WARNING, ValueProblem
from data_loaders.regions import Region, describe, region_by_code

LATITUDE, LONGITUDE = "lintang", "bujur"
LATITUDE_RANGE, LONGITUDE_RANGE = (-90.0, 90.0), (-180.0, 180.0)
TOLERANCE_M = 100.0
METRIC_CRS = "EPSG:32750"  # WGS 84 / UTM zone 50S
LEVELS = ("desa_kelurahan", "kecamatan", "kabupaten_kota")  # finest first
DECIMALS = 5  # about 1 m, as the map's boundaries
MAX_LISTED_ROWS = 10
_COORDINATE = re.compile(r"^([+-]?)(\d+)(?:[.,](\d+))?$")

# `add(severity, key, row=…, column=…, shown=…, translated=…, **values)`: validation's collector.
Add = Callable[..., None]


def coordinate(value: object) -> float:
    """A latitude or longitude cell as decimal degrees: a number from Excel, or text with a point
    or a comma as the decimal sign ('-0.5021', '-0,5021', '117,1536', '−0,5'). The range is checked
    with both columns in `check_sites`. Raises `ValueProblem('imp_site_not_number')` naming the value
    for anything else (degrees-minutes-seconds, thousands separators, words)."""
    if isinstance(value, bool):
        raise ValueProblem("imp_site_not_number", value=str(value))
    if isinstance(value, int | float):
        if math.isnan(value) or math.isinf(value):
            raise ValueProblem("imp_site_not_number", value=str(value))
        return float(value)
    raw = str(value).strip()
    match = _COORDINATE.match(raw.replace("\u2212", "-").replace(" ", ""))
    if not match:
        raise ValueProblem("imp_site_not_number", value=raw)
    sign, whole, fraction = match.groups()
    return float(f"{sign}{whole}.{fraction or 0}")


@lru_cache(maxsize=3)
def _layer(level: str) -> geopandas.GeoDataFrame:
    """The boundaries of `level` in metres: kode_kemendagri and geometry."""
    return boundary_frame(level)[["kode_kemendagri", "geometry"]].to_crs(METRIC_CRS)


def _points(latitudes: pd.Series, longitudes: pd.Series) -> geopandas.GeoDataFrame:
    geometry = geopandas.points_from_xy(longitudes.astype(float), latitudes.astype(float), crs="EPSG:4326")
    return geopandas.GeoDataFrame(index=latitudes.index, geometry=geometry).to_crs(METRIC_CRS)


def _codes(points: geopandas.GeoDataFrame, level: str, predicate: str) -> pd.Series:
    """Per point, the tuple of `level` region codes the spatial join finds ('within' the region, or
    'dwithin' `TOLERANCE_M` of it); empty where none."""
    distance = TOLERANCE_M if predicate == "dwithin" else None
    joined = geopandas.sjoin(points, _layer(level), predicate=predicate, distance=distance)
    found = joined.groupby(level=0)["kode_kemendagri"].agg(lambda codes: tuple(sorted(codes)))
    return found.reindex(points.index).map(lambda codes: codes if isinstance(codes, tuple) else ())


def _near(points: geopandas.GeoDataFrame) -> pd.Series:
    """Per point, the codes of every region of every level within `TOLERANCE_M` of it."""
    levels = [_codes(points, level, "dwithin") for level in LEVELS]
    return pd.Series([sum(codes, ()) for codes in zip(*levels, strict=True)], index=points.index, dtype=object)


def _inside(points: geopandas.GeoDataFrame, regions: pd.Series) -> pd.Series:
    """Per point, True when it lies in (or within `TOLERANCE_M` of) its stated region or one of the
    region's parts: the three levels' boundaries do not match exactly (a desa polygon may reach
    beyond its kecamatan polygon), so a point in a desa of the stated kecamatan is inside it."""
    near = _near(points)
    return pd.Series(
        [
            any(code == region.code or code.startswith(region.code + ".") for code in codes)
            for region, codes in zip(regions, near, strict=True)
        ],
        index=points.index,
    )


def _found(points: geopandas.GeoDataFrame, regions: pd.Series) -> dict[object, Region | None]:
    """Per point, the region it falls in at its stated region's level (a coarser one where that
    level's boundaries leave a gap), or None when it lies outside Kalimantan Timur."""
    within = {level: _codes(points, level, "within") for level in LEVELS}
    near = _near(points)
    result: dict[object, Region | None] = {}
    for index, region in regions.items():
        levels = LEVELS[LEVELS.index(region.level) :] if region.level in LEVELS else LEVELS[-1:]
        codes = next((within[level][index] for level in levels if within[level][index]), ())
        if not codes and near[index]:
            codes = (near[index][0][:5],)  # only near a boundary: its kabupaten/kota
        result[index] = region_by_code(codes[0]) if codes else None
    return result


def _degrees(value: float, lang: str) -> str:
    """'-0,5021' (id) or '-0.5021' (en): the decimals written, at most `DECIMALS`."""
    written = -Decimal(str(value)).normalize().as_tuple().exponent
    return formatting.number(value, lang, min(DECIMALS, max(0, written)))


def _said(key: str, also: list[int], **values: object) -> dict[str, str]:
    """The message in every language; coordinates in the language's decimal sign, other rows of the
    same cause appended."""
    result = {}
    for lang in LANGUAGES:
        shown = {
            name: _degrees(value, lang) if name in ("latitude", "longitude", "value") else value
            for name, value in values.items()
        }
        text = t(key, lang, **shown)
        if also:
            listed = ", ".join(map(str, also[:MAX_LISTED_ROWS])) + (" …" if len(also) > MAX_LISTED_ROWS else "")
            text += " " + t("imp_also_rows", lang, count=len(also), rows=listed)
        result[lang] = text
    return result


def check_sites(clean: pd.DataFrame, bad: pd.Series, add: Add) -> None:
    """Check the program sites of `clean` (validated rows: `_row`, `wilayah` as `Region`, `lintang`
    and `bujur` as degrees or None) and report through `add`; rows with an error are marked in `bad`
    (in place). Rows already bad, or without a region, are left alone."""
    latitude, longitude = clean[LATITUDE], clean[LONGITUDE]
    given = ~bad & clean["wilayah"].notna() & (latitude.notna() | longitude.notna())
    if not given.any():
        return
    rows = clean["_row"]
    for column, other in ((LATITUDE, LONGITUDE), (LONGITUDE, LATITUDE)):
        for i in clean.index[given & clean[column].isna()]:
            add(ERROR, "imp_site_half", row=int(rows[i]), column=column, column_name=column, other=other)
            bad[i] = True
    given &= ~bad
    lat_out = given & ~latitude.where(given, 0.0).astype(float).between(*LATITUDE_RANGE)
    lon_out = given & ~longitude.where(given, 0.0).astype(float).between(*LONGITUDE_RANGE)
    _range_errors(clean, lat_out, lon_out, add)
    bad |= lat_out | lon_out
    _region_warnings(clean, given & ~lat_out & ~lon_out, add)


def _range_errors(clean: pd.DataFrame, lat_out: pd.Series, lon_out: pd.Series, add: Add) -> None:
    rows, latitude, longitude = clean["_row"], clean[LATITUDE], clean[LONGITUDE]
    swappable = lat_out & ~lon_out & longitude.where(lat_out, 0.0).astype(float).between(*LATITUDE_RANGE)
    swappable &= latitude.where(lat_out, 0.0).astype(float).between(*LONGITUDE_RANGE)
    swapped = pd.Series(False, index=clean.index)
    if swappable.any():
        # Swapped, the longitude is the latitude: the point (lintang = bujur, bujur = lintang).
        points = _points(longitude[swappable], latitude[swappable])
        swapped[swappable] = _inside(points, clean.loc[swappable, "wilayah"])
    for i in clean.index[lat_out]:
        region = describe(clean.at[i, "wilayah"])
        key = "imp_site_swapped" if swapped[i] else "imp_site_latitude_range"
        values = {"latitude": longitude[i], "longitude": latitude[i]} if swapped[i] else {}
        add(
            ERROR,
            key,
            row=int(rows[i]),
            column=LATITUDE,
            shown=latitude[i],
            translated=_said(key, [], value=latitude[i], region=region, **values),
        )
    for i in clean.index[lon_out & ~lat_out]:
        key = "imp_site_longitude_range"
        add(
            ERROR,
            key,
            row=int(rows[i]),
            column=LONGITUDE,
            shown=longitude[i],
            translated=_said(key, [], value=longitude[i]),
        )


def _region_warnings(clean: pd.DataFrame, usable: pd.Series, add: Add) -> None:
    """One warning per (stated region, region found), and one for every point outside the province."""
    if not usable.any():
        return
    regions = clean.loc[usable, "wilayah"]
    points = _points(clean.loc[usable, LATITUDE], clean.loc[usable, LONGITUDE])
    outside = points.index[~_inside(points, regions)]
    if outside.empty:
        return
    found = _found(points.loc[outside], regions[outside])
    causes: dict[tuple[str, str | None], list[int]] = {}
    for i in outside:
        cause = (None, None) if found[i] is None else (regions[i].code, found[i].code)
        causes.setdefault(cause, []).append(i)
    for (_, found_code), indexes in causes.items():
        first = indexes[0]
        stated: Region = regions[first]
        lat, lon = clean.at[first, LATITUDE], clean.at[first, LONGITUDE]
        key = "imp_site_outside_province" if found_code is None else "imp_site_outside_region"
        also = [int(clean.at[i, "_row"]) for i in indexes[1:]]
        place = {} if found_code is None else {"found": describe(region_by_code(found_code))}
        add(
            WARNING,
            key,
            row=int(clean.at[first, "_row"]),
            column=f"{LATITUDE}, {LONGITUDE}",
            shown=f"{lat}; {lon}",
            translated=_said(key, also, latitude=lat, longitude=lon, stated=describe(stated), **place),
        )

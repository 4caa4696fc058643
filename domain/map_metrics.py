"""Figures per area for the map (Peta): need, money, people reached and programs of every region one
level below the selection, what sits at the selection (or above it) as a whole, and the metrics
(ratios) the map can colour the areas by.

Rules (the same as the overview's, `domain.overview`): people are counted once per program and place
and per unit — jiwa (persons) and KK (households) are never added; programs counted in unit or
lembaga count no people; need is read at one level per area (`domain.reader.NEED_LEVEL_RULE`) and
each area says which level its need comes from. Every ratio comes from `domain.measures`; a zero or
missing denominator is "no data" (None/NaN), never 0.

Missing is not zero: money placed at the selected region as a whole (say a program of a kabupaten/kota
that names no kecamatan) is returned apart (`AreaMap.above`), and while people-counting programs sit
there, an area with no program of its own has no coverage figure (NaN), not 0 — those programs may
reach its people.

The view functions read the scoped reader's relations only; the `Scope` is applied by the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from domain import measures
from domain.filters import Filters
from domain.measures import PEOPLE_UNITS
from domain.overview import People
from domain.reader import Reader, allocation_filter, beneficiary_filter, need_filter

LEVELS = ("kabupaten_kota", "kecamatan", "desa_kelurahan")
CHILD_LEVEL = {None: "kabupaten_kota", "kabupaten_kota": "kecamatan", "kecamatan": "desa_kelurahan"}
_LEVEL_ORDER = ("provinsi", *LEVELS)


@dataclass(frozen=True)
class Metric:
    """A measure the map can colour areas by. `kind` chooses the colour scale (need, money, coverage,
    count); `unit` the format (number, money, percent (a ratio 0–1), percent_value (already in %),
    per_mille (per 1,000)); `levels` where it is offered; `kk` marks measures of households, offered
    only where need is counted in KK."""

    key: str
    kind: str
    levels: tuple[str, ...] = LEVELS
    unit: str = "number"
    kk: bool = False


_KAB = ("kabupaten_kota",)
_KAB_KEC = ("kabupaten_kota", "kecamatan")
METRICS: dict[str, Metric] = {
    m.key: m
    for m in (
        Metric("ppks_per_1000", "need", _KAB, "per_mille"),
        Metric("ppks", "need"),
        Metric("ppks_kk", "need", kk=True),
        Metric("poverty_rate", "need", _KAB, "percent_value"),
        Metric("budget", "money", unit="money"),
        Metric("spent", "money", unit="money"),
        Metric("budget_per_capita", "money", _KAB, "money"),
        Metric("spent_per_capita", "money", _KAB, "money"),
        Metric("budget_per_ppks", "money", _KAB_KEC, "money"),
        Metric("spent_per_ppks", "money", _KAB_KEC, "money"),
        Metric("coverage", "coverage", _KAB_KEC, "percent"),
        Metric("coverage_kk", "coverage", _KAB_KEC, "percent", kk=True),
        Metric("beneficiaries", "count"),
        Metric("programs", "count"),
    )
}
COVERAGE_BREAKS = [0.5, 0.75, 1.0, float("inf")]
COVERAGE_RULE = (
    "Coverage of an area, per unit (jiwa, KK; never added): people reached in that unit by programs of "
    "the PPKS categories that have need recorded in that unit in that area (programs placed in the area "
    "or below it, each once per place), divided by that need. Programs of no category (Lintas PPKS) and "
    "of categories without need in the area are left out of the numerator. The same rule as the "
    "overview's headline coverage (domain.overview)."
)


def metrics_for(level: str, kk: bool = False) -> list[str]:
    """Keys of the metrics offered at `level` (kabupaten_kota, kecamatan, desa_kelurahan); the
    household (KK) measures only when `kk` (need counted in KK exists)."""
    return [key for key, metric in METRICS.items() if level in metric.levels and (kk or not metric.kk)]


def area_sql(level: str, alias: str = "r") -> str:
    """SQL for the area of `level` a region rolls up to (NULL when the region is above that level),
    over a relation with the columns `code`, `level`, `kabkota_code` (e.g. `region_rows AS r`)."""
    if level == "kabupaten_kota":
        return f"{alias}.kabkota_code"
    if level == "kecamatan":
        return f"CASE WHEN {alias}.level IN ('kecamatan', 'desa_kelurahan') THEN substr({alias}.code, 1, 8) END"
    return f"CASE WHEN {alias}.level = 'desa_kelurahan' THEN {alias}.code END"


def _area(level: str, alias: str) -> str:
    """`area_sql` over `allocation_rows` / `need_rows` (region_code, region_level, kabkota_code,
    kecamatan_code)."""
    if level == "kabupaten_kota":
        return f"{alias}.kabkota_code"
    if level == "kecamatan":
        return f"{alias}.kecamatan_code"
    return f"CASE WHEN {alias}.region_level = 'desa_kelurahan' THEN {alias}.region_code END"


def _inside(parent: str | None, column: str) -> tuple[str, list[str]]:
    """`column` (a region code) lies in `parent` or is `parent` itself; everything when None."""
    if parent is None:
        return "TRUE", []
    return f"({column} = ? OR {column} LIKE ?)", [parent, f"{parent}.%"]


def _above(parent: str | None, alias: str) -> tuple[str, list[str]]:
    """The row is placed at `parent` itself or a region containing it (the province when None)."""
    if parent is None:
        return f"{alias}.region_level = 'provinsi'", []
    return f"({alias}.region_code = ? OR ? LIKE {alias}.region_code || '.%')", [parent, parent]


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in values)


@dataclass(frozen=True)
class Above:
    """What is placed at one region as a whole — the selected region or one containing it — and so
    belongs to no area of the map: planned and spent (Rupiah), programs, people reached (per unit,
    programs counted in jiwa or KK) and need (PPKS) recorded at that level."""

    code: str
    name: str
    level: str  # provinsi, kabupaten_kota, kecamatan
    budget: float
    spent: float
    programs: int
    people_programs: int  # of `programs`, those counted in jiwa or KK
    reached: People
    ppks: People

    @property
    def has_money(self) -> bool:
        return bool(self.programs)


@dataclass(frozen=True)
class AreaMap:
    """Every region of `level` inside `parent` (None = the province) that the scope shows, with its
    figures, and what sits at the parent (or above it) as a whole.

    `table`, one row per area (ordered by code): code, name, lat, lng; ppks_jiwa, ppks_kk (need, NaN
    where none is recorded), need_levels (the levels the need comes from, comma-separated level codes,
    finest last; NaN where none); budget, spent (Rupiah, NaN where nothing is placed); programs
    (distinct programs placed there); people_programs (those counted in jiwa or KK); reached_jiwa,
    reached_kk (people reached by the programs counted in that unit; NaN where none or not reported);
    reached_need_jiwa, reached_need_kk (of those, the people reached by programs of the PPKS categories
    with need in that unit in the area: the numerator of coverage, `COVERAGE_RULE`; NaN where none
    reports); need_programs_jiwa, need_programs_kk (people-counting programs of those categories);
    beneficiaries (distinct listed persons of the programs shown); population, population_year,
    population_verified (the latest BPS population at or before the year, else the earliest),
    poverty_rate (%, the latest), poverty_year.

    `above`: the regions holding money or need as a whole, the parent first, then upwards."""

    year: int
    level: str
    parent: str | None
    table: pd.DataFrame
    above: tuple[Above, ...]
    aggregate_only: bool = False  # the public view: no metric of listed beneficiaries

    @property
    def people_above(self) -> bool:
        """Programs counting people are placed above the areas (their reach is not per area)."""
        return any(region.people_programs for region in self.above)

    @property
    def money_above(self) -> tuple[Above, ...]:
        return tuple(region for region in self.above if region.has_money)

    @property
    def need_above(self) -> tuple[Above, ...]:
        return tuple(region for region in self.above if region.ppks.any)

    @property
    def has_kk_need(self) -> bool:
        return bool(self.table["ppks_kk"].notna().any())

    def metrics(self) -> list[str]:
        """The metric keys offered for this map (`metrics_for` of its level); the public view
        (`aggregate_only`) offers none of listed beneficiaries."""
        offered = metrics_for(self.level, self.has_kk_need)
        return [key for key in offered if not (self.aggregate_only and key == "beneficiaries")]

    def metrics_with_data(self) -> list[str]:
        """Of `metrics()`, those with a value for at least one area."""
        return [key for key in self.metrics() if metric_series(self.table, key, self.people_above).notna().any()]

    def values(self, metric_key: str) -> pd.DataFrame:
        """`metric_values` of the table, knowing whether people-counting programs sit above."""
        return metric_values(self.table, metric_key, people_above=self.people_above)


_TABLE_COLUMNS = (
    "ppks_jiwa",
    "ppks_kk",
    "need_levels",
    "budget",
    "spent",
    "programs",
    "people_programs",
    "reached_jiwa",
    "reached_kk",
    "reached_need_jiwa",
    "reached_need_kk",
    "need_programs_jiwa",
    "need_programs_kk",
    "beneficiaries",
    "population",
    "population_year",
    "population_verified",
    "poverty_rate",
    "poverty_year",
)
_COUNT_COLUMNS = _TABLE_COLUMNS[3:14]  # budget … beneficiaries: floats, NaN where none


def areas(reader: Reader, filters: Filters, level: str, parent: str | None) -> AreaMap:
    """The map's figures for every region of `level` inside `parent` (a Kemendagri code; None = the
    province), see `AreaMap`. `level` is the level just below the parent's (`CHILD_LEVEL`).

    Raises ValueError for a level outside `LEVELS`."""
    if level not in LEVELS:
        raise ValueError(f"unknown map level {level!r}; expected one of {LEVELS}")
    where, params = allocation_filter(filters)
    area = _area(level, "a")
    inside, inside_params = _inside(parent, "a.region_code")
    need_where, need_params = need_filter(filters, by_kabkota=True)
    need_area = _area(level, "n")
    need_inside, need_inside_params = _inside(parent, "n.region_code")
    listed_where, listed_params = beneficiary_filter(filters)
    listed_inside, listed_inside_params = _inside(parent, "r.code")
    region_inside, region_params = _inside(parent, "r.code")
    jiwa, kk = PEOPLE_UNITS
    table = reader.query(
        _AREAS_SQL.format(
            area=area,
            where=where,
            inside=inside,
            people_units=_marks(PEOPLE_UNITS),
            need_area=need_area,
            need_where=need_where,
            need_inside=need_inside,
            listed_area=area_sql(level),
            listed_where=listed_where,
            listed_inside=listed_inside,
            region_inside=region_inside,
        ),
        [  # in the order of the statement's placeholders
            *params, *inside_params, *PEOPLE_UNITS, jiwa, kk, *need_params, *need_inside_params, jiwa, kk,
            jiwa, kk, jiwa, jiwa, kk, kk, *listed_params, *listed_inside_params, filters.year, filters.year, level,
            *region_params,
        ],
    )  # fmt: skip
    table["need_levels"] = pd.Series(
        [
            ",".join(sorted(text.split(","), key=_LEVEL_ORDER.index)) if isinstance(text, str) else np.nan
            for text in table["need_levels"]
        ],
        index=table.index,
        dtype=object,
    )
    for column in (*_COUNT_COLUMNS, "population", "population_year", "poverty_rate", "poverty_year"):
        table[column] = table[column].astype(float)
    verified = table["population_verified"].astype(object)  # True and False, NaN where no population
    table["population_verified"] = verified.where(verified.notna(), np.nan).infer_objects()
    return AreaMap(
        year=filters.year,
        level=level,
        parent=parent,
        table=table[["code", "name", "lat", "lng", *_TABLE_COLUMNS]],
        above=_regions_above(reader, filters, parent),
        aggregate_only=reader.scope.public,
    )


# The table of `areas` in one statement, and `_ABOVE_SQL` (issue 16: eleven queries took 62–65 ms for
# the province's and a kab/kota's map at 1.000.000 rows, these two 38 ms). `shown` holds the rows of
# the filters (their programs' listed beneficiaries are counted), `kept` those placed in the map's
# areas. Each program's reach is counted once per place (max over its sources), in its own unit;
# coverage's numerator (`COVERAGE_RULE`) keeps the programs of the PPKS categories with need in the
# area, per need unit. A sum over no reported figure stays NULL. Population: the latest BPS figure at
# or before the year, else the earliest; poverty: the latest.
_AREAS_SQL = """
    WITH shown AS MATERIALIZED (
      SELECT {area} AS code, a.program_id, a.region_code, a.ppks_category_id AS category,
             a.beneficiary_unit AS unit, a.budget, a.spent, a.reached
      FROM allocation_rows a WHERE {where}
    ), kept AS MATERIALIZED (
      SELECT * FROM shown a WHERE {inside} AND a.code IS NOT NULL
    ), per_place AS MATERIALIZED (
      SELECT code, program_id, region_code, category, unit, max(reached) AS reached
      FROM kept WHERE unit IN ({people_units}) GROUP BY 1, 2, 3, 4, 5
    ), money AS (
      SELECT code, sum(budget) AS budget, sum(spent) AS spent, count(DISTINCT program_id) AS programs
      FROM kept GROUP BY 1
    ), people AS (
      SELECT code, sum(reached) FILTER (WHERE unit = ?) AS reached_jiwa,
             sum(reached) FILTER (WHERE unit = ?) AS reached_kk, count(DISTINCT program_id) AS people_programs
      FROM per_place GROUP BY 1
    ), need AS MATERIALIZED (
      SELECT {need_area} AS code, n.ppks_category_id AS category, n.unit, n.region_level AS level, n.count
      FROM need_rows n WHERE {need_where} AND {need_inside} AND {need_area} IS NOT NULL
    ), need_totals AS (
      SELECT code, sum(count) FILTER (WHERE unit = ?) AS ppks_jiwa, sum(count) FILTER (WHERE unit = ?) AS ppks_kk,
             string_agg(DISTINCT level, ',') AS need_levels
      FROM need GROUP BY 1
    ), counted AS (
      SELECT n.code,
             sum(CASE WHEN p.unit = n.unit THEN p.reached END) FILTER (WHERE n.unit = ?) AS reached_need_jiwa,
             sum(CASE WHEN p.unit = n.unit THEN p.reached END) FILTER (WHERE n.unit = ?) AS reached_need_kk,
             CASE WHEN count(*) FILTER (WHERE n.unit = ?) > 0
                  THEN count(DISTINCT p.program_id) FILTER (WHERE n.unit = ?) END AS need_programs_jiwa,
             CASE WHEN count(*) FILTER (WHERE n.unit = ?) > 0
                  THEN count(DISTINCT p.program_id) FILTER (WHERE n.unit = ?) END AS need_programs_kk
      FROM (SELECT DISTINCT code, category, unit FROM need WHERE category IS NOT NULL) AS n
      JOIN per_place p ON p.code = n.code AND p.category = n.category
      GROUP BY 1
    ), listed AS (
      SELECT {listed_area} AS code, count(DISTINCT b.person_key) AS beneficiaries
      FROM beneficiary_rows b JOIN region_rows r ON r.code = b.region_code
      WHERE {listed_where} AND {listed_inside} AND {listed_area} IS NOT NULL
        AND b.program_id IN (SELECT program_id FROM shown)
      GROUP BY 1
    ), population AS (
      SELECT code, value AS population, year AS population_year, verified AS population_verified
      FROM (SELECT s.region_code AS code, s.value, s.year, s.verified,
                   row_number() OVER (PARTITION BY s.region_code
                                      ORDER BY CASE WHEN s.year <= ? THEN ? - s.year ELSE 1000 + s.year END) AS rank
            FROM region_stat_rows s WHERE s.metric = 'population') AS ranked
      WHERE rank = 1
    ), poverty AS (
      SELECT code, value AS poverty_rate, year AS poverty_year
      FROM (SELECT s.region_code AS code, s.value, s.year,
                   row_number() OVER (PARTITION BY s.region_code ORDER BY s.year DESC) AS rank
            FROM region_stat_rows s WHERE s.metric = 'poverty_rate_pct') AS ranked
      WHERE rank = 1
    )
    SELECT r.code, r.name, r.lat, r.lng, t.ppks_jiwa, t.ppks_kk, t.need_levels, m.budget, m.spent, m.programs,
           p.people_programs, p.reached_jiwa, p.reached_kk, c.reached_need_jiwa, c.reached_need_kk,
           c.need_programs_jiwa, c.need_programs_kk, l.beneficiaries, po.population, po.population_year,
           po.population_verified, pv.poverty_rate, pv.poverty_year
    FROM region_rows r
    LEFT JOIN money m ON m.code = r.code
    LEFT JOIN people p ON p.code = r.code
    LEFT JOIN need_totals t ON t.code = r.code
    LEFT JOIN counted c ON c.code = r.code
    LEFT JOIN listed l ON l.code = r.code
    LEFT JOIN population po ON po.code = r.code
    LEFT JOIN poverty pv ON pv.code = r.code
    WHERE r.level = ? AND {region_inside}
    ORDER BY r.code
"""


def _regions_above(reader: Reader, filters: Filters, parent: str | None) -> tuple[Above, ...]:
    """Money, people and need placed at `parent` itself or a region containing it, the parent first."""
    where, params = allocation_filter(filters)
    above, above_params = _above(parent, "a")
    need_where, need_params = need_filter(filters)
    need_above, need_above_params = _above(parent, "n")
    jiwa, kk = PEOPLE_UNITS
    rows = reader.query(
        _ABOVE_SQL.format(
            where=where, above=above, people_units=_marks(PEOPLE_UNITS), need_where=need_where, need_above=need_above
        ),
        [*params, *above_params, *PEOPLE_UNITS, jiwa, kk, jiwa, kk, *need_params, *need_above_params],
    )
    rows["order"] = rows["code"].str.len()
    return tuple(
        Above(
            code=row.code,
            name=str(row.name),
            level=str(row.level),
            budget=_number(row.budget),
            spent=_number(row.spent),
            programs=int(_number(row.programs)),
            people_programs=int(_number(row.people_programs)),
            reached=People(jiwa=_number(row.reached_jiwa), kk=_number(row.reached_kk)),
            ppks=People(jiwa=_number(row.ppks_jiwa), kk=_number(row.ppks_kk)),
        )
        for row in rows.sort_values(["order", "code"], ascending=[False, True]).itertuples()
    )


def _number(value: object) -> float:
    """A figure of `_ABOVE_SQL`, 0 where there is none."""
    return 0.0 if pd.isna(value) else float(value)


# What `_regions_above` reads, in one statement: per region above the map's areas (the parent and the
# regions containing it) with money or need, its name and level (the need's level for a region the
# scope does not list), money, people (each program once per place, in its own unit) and need.
_ABOVE_SQL = """
    WITH kept AS MATERIALIZED (
      SELECT a.region_code AS code, a.region_name AS name, a.region_level AS level, a.program_id,
             a.beneficiary_unit AS unit, a.budget, a.spent, a.reached
      FROM allocation_rows a WHERE {where} AND {above}
    ), money AS (
      SELECT code, name, level, coalesce(sum(budget), 0) AS budget, coalesce(sum(spent), 0) AS spent,
             count(DISTINCT program_id) AS programs
      FROM kept GROUP BY 1, 2, 3
    ), per_place AS (
      SELECT code, program_id, unit, max(reached) AS reached
      FROM kept WHERE unit IN ({people_units}) GROUP BY 1, 2, 3
    ), people AS (
      SELECT code, sum(reached) FILTER (WHERE unit = ?) AS reached_jiwa,
             sum(reached) FILTER (WHERE unit = ?) AS reached_kk, count(DISTINCT program_id) AS people_programs
      FROM per_place GROUP BY 1
    ), need AS (
      SELECT n.region_code AS code, min(n.region_level) AS level, sum(n.count) FILTER (WHERE n.unit = ?) AS ppks_jiwa,
             sum(n.count) FILTER (WHERE n.unit = ?) AS ppks_kk
      FROM need_rows n WHERE {need_where} AND {need_above} GROUP BY 1
    ), codes AS (
      SELECT code FROM money UNION SELECT code FROM need
    )
    SELECT c.code, coalesce(r.name, m.name, c.code) AS name, coalesce(r.level, m.level, d.level) AS level,
           m.budget, m.spent, m.programs, p.people_programs, p.reached_jiwa, p.reached_kk, d.ppks_jiwa, d.ppks_kk
    FROM codes c
    LEFT JOIN region_rows r ON r.code = c.code
    LEFT JOIN money m ON m.code = c.code
    LEFT JOIN people p ON p.code = c.code
    LEFT JOIN need d ON d.code = c.code
"""


# --- metrics (pure functions of the table) -------------------------------------------------------


def _column(table: pd.DataFrame, name: str) -> pd.Series:
    if name not in table:
        return pd.Series(np.nan, index=table.index, dtype=float)
    return pd.to_numeric(table[name], errors="coerce").astype(float)


def _counted(series: pd.Series) -> pd.Series:
    """Money, programs and listed people are counted: where other areas have some, an area without
    any has zero, not 'no data'."""
    return series.fillna(0.0) if series.notna().any() else series


def _reached(table: pd.DataFrame, unit: str, people_above: bool) -> pd.Series:
    """The numerator of coverage in `unit` ('jiwa' or 'kk'), `COVERAGE_RULE`: people reached in that
    unit by programs of the PPKS categories with need in that unit in the area (`reached_need_*`).
    Zero only for an area that no people-counting program of those categories reaches — none of its
    own and none placed above it — while other areas have a figure; an area whose programs of those
    categories report no reached figure or count the other unit only, or whose only programs sit
    above it, has no figure (NaN)."""
    reached = _column(table, f"reached_need_{unit}")
    if people_above or not reached.notna().any():
        return reached
    without_programs = _column(table, f"need_programs_{unit}").fillna(0.0) == 0
    return reached.where(~(reached.isna() & without_programs), 0.0)


def metric_series(table: pd.DataFrame, metric_key: str, people_above: bool = False) -> pd.Series:
    """The metric's value per row of `table` (NaN where there is no data); see `metric_values`."""
    if metric_key not in METRICS:
        raise KeyError(metric_key)

    def column(name: str) -> pd.Series:
        return _column(table, name)

    if metric_key == "ppks_per_1000":
        value = measures.per_thousand(column("ppks_jiwa"), column("population"))
    elif metric_key in ("ppks", "ppks_kk", "poverty_rate"):
        value = column({"ppks": "ppks_jiwa"}.get(metric_key, metric_key))
    elif metric_key in ("budget", "spent", "beneficiaries", "programs"):
        value = _counted(column(metric_key))
    elif metric_key.endswith("_per_capita"):
        value = measures.per_resident(_counted(column(metric_key.split("_")[0])), column("population"))
    elif metric_key.endswith("_per_ppks"):
        value = measures.per_ppks(_counted(column(metric_key.split("_")[0])), column("ppks_jiwa"))
    elif metric_key == "coverage":
        value = measures.coverage(_reached(table, "jiwa", people_above), column("ppks_jiwa"))
    else:  # coverage_kk
        value = measures.coverage(_reached(table, "kk", people_above), column("ppks_kk"))
    return value.replace([np.inf, -np.inf], np.nan).astype(float)


def metric_values(table: pd.DataFrame, metric_key: str, people_above: bool = False) -> pd.DataFrame:
    """`table` (an `AreaMap.table`, or any frame with its columns) with `value` (the metric; NaN
    where there is no data) and `rank` (1 = highest, NaN without a value). `people_above`: programs
    counting people sit at the parent as a whole, so an area without its own has no coverage.

    Ratios come from `domain.measures`: per_thousand (PPKS jiwa per 1,000 residents), per_resident
    (Rupiah per resident), per_ppks (Rupiah per PPKS jiwa), coverage (`COVERAGE_RULE`: jiwa reached by
    programs of the categories with jiwa need in the area ÷ PPKS jiwa; in KK for `coverage_kk`).
    Raises KeyError for an unknown metric."""
    frame = table.copy()
    frame["value"] = metric_series(table, metric_key, people_above)
    frame["rank"] = frame["value"].rank(ascending=False, method="min")
    return frame


def quantile_breaks(values: pd.Series, classes: int = 5) -> list[float]:
    """Upper bounds of up to `classes` quantile classes of the values that exist; equal values
    share a class, so there may be fewer classes than asked for."""
    present = values.dropna().to_numpy(dtype=float)
    if present.size == 0:
        return []
    cuts = np.unique(np.quantile(present, np.linspace(0, 1, classes + 1)[1:]))
    return [float(cut) for cut in cuts]


def classify(values: pd.Series, breaks: list[float]) -> pd.Series:
    """Class index per value (0 = lowest), -1 for no data."""
    result = pd.Series(-1, index=values.index, dtype=int)
    present = values.notna()
    if breaks:
        result[present] = np.searchsorted(np.array(breaks), values[present].to_numpy(dtype=float), side="left")
        result[present] = result[present].clip(upper=len(breaks) - 1)
    return result


# --- program locations --------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgramPoints:
    """Where programs are placed strictly inside `parent` (the region each allocation names):
    `table` has code, name, level, lat, lng (degrees WGS84), site (True: the program site a file
    gave; False: the region's centroid, for allocations without a site), programs (distinct),
    budget (Rupiah); one row per region and point."""

    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty


def program_points(reader: Reader, filters: Filters, parent: str | None) -> ProgramPoints:
    """Programs and planned money per point inside `parent` (None = the province): at the program
    site where the file gave one, else at the region's centroid."""
    where, params = allocation_filter(filters)
    inside, inside_params = ("TRUE", []) if parent is None else ("a.region_code LIKE ?", [f"{parent}.%"])
    table = reader.query(
        f"""SELECT a.region_code AS code, a.region_name AS name, a.region_level AS level,
                   coalesce(a.site_lat, a.lat) AS lat, coalesce(a.site_lng, a.lng) AS lng,
                   a.site_lat IS NOT NULL AS site,
                   count(DISTINCT a.program_id) AS programs, sum(a.budget) AS budget
            FROM allocation_rows a
            WHERE {where} AND coalesce(a.site_lat, a.lat) IS NOT NULL AND {inside}
            GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 6, 4, 5""",
        [*params, *inside_params],
    )
    return ProgramPoints(table=table)

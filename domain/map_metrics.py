"""Figures per area for the map: need, money, people reached and programs of every region one
level below the selection, and the metrics (ratios) the map can colour them by.

Ratios whose denominator is zero or missing are None ("no data"), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from data_loaders.store import Store
from domain.filters import Filters, Scope, allocation_conditions, ppks_conditions
from domain.overview import PEOPLE_UNITS

LEVELS = ("kabupaten_kota", "kecamatan", "desa_kelurahan")
CHILD_LEVEL = {None: "kabupaten_kota", "kabupaten_kota": "kecamatan", "kecamatan": "desa_kelurahan"}


@dataclass(frozen=True)
class Metric:
    key: str
    kind: str  # need, money, coverage, count: chooses the colour scale
    numerator: str
    denominator: str | None = None
    scale: float = 1.0
    levels: tuple[str, ...] = LEVELS
    unit: str = "number"  # number, money, percent, per_mille


METRICS: dict[str, Metric] = {
    m.key: m
    for m in (
        Metric("ppks_per_1000", "need", "ppks", "population", 1000, ("kabupaten_kota",), "per_mille"),
        Metric("ppks", "need", "ppks", levels=LEVELS),
        Metric("poverty_rate", "need", "poverty_rate", levels=("kabupaten_kota",), unit="percent_value"),
        Metric("budget", "money", "budget", unit="money"),
        Metric("spent", "money", "spent", unit="money"),
        Metric("budget_per_capita", "money", "budget", "population", levels=("kabupaten_kota",), unit="money"),
        Metric("spent_per_capita", "money", "spent", "population", levels=("kabupaten_kota",), unit="money"),
        Metric("budget_per_ppks", "money", "budget", "ppks", levels=("kabupaten_kota", "kecamatan"), unit="money"),
        Metric("spent_per_ppks", "money", "spent", "ppks", levels=("kabupaten_kota", "kecamatan"), unit="money"),
        Metric("coverage", "coverage", "reached", "ppks", levels=("kabupaten_kota",), unit="percent"),
        Metric("beneficiaries", "count", "beneficiaries"),
        Metric("programs", "count", "programs"),
    )
}


COUNTED = ("budget", "spent", "reached", "programs", "beneficiaries")


def metrics_for(level: str) -> list[str]:
    return [key for key, metric in METRICS.items() if level in metric.levels]


def area_sql(level: str, alias: str = "r") -> str:
    """SQL for the area of `level` a region rolls up to (NULL when the region is above that level)."""
    if level == "kabupaten_kota":
        return f"{alias}.kabkota_code"
    if level == "kecamatan":
        return f"CASE WHEN {alias}.level IN ('kecamatan', 'desa_kelurahan') THEN substr({alias}.code, 1, 8) END"
    return f"CASE WHEN {alias}.level = 'desa_kelurahan' THEN {alias}.code END"


def area_figures(store: Store, filters: Filters, scope: Scope, level: str, parent: str | None) -> pd.DataFrame:
    """One row per region of `level` inside `parent` (every region, also those without data), with
    ppks, budget, spent, reached, programs, beneficiaries (distinct people), and for kabupaten/kota
    population (latest year up to the filter year) and the poverty rate."""
    regions = store.query(
        "SELECT code, name, lat, lng FROM regions WHERE level = ? AND (? IS NULL OR starts_with(code, ? || '.')) "
        "ORDER BY code",
        [level, parent, parent],
    )
    area = area_sql(level)
    where, params = allocation_conditions(filters, scope)
    money = store.query(
        f"""SELECT {area} AS code, sum(a.budget_idr)::DOUBLE AS budget, sum(a.spent_idr)::DOUBLE AS spent,
                   count(DISTINCT p.id) AS programs
            FROM program_allocations a JOIN programs p ON p.id = a.program_id JOIN regions r ON r.code = a.region_code
            WHERE {where} AND {area} IS NOT NULL GROUP BY 1""",
        params,
    )
    people = store.query(
        f"""SELECT code, sum(reached)::DOUBLE AS reached FROM (
              SELECT {area} AS code, max(a.reached_beneficiaries) AS reached
              FROM program_allocations a JOIN programs p ON p.id = a.program_id JOIN regions r ON r.code = a.region_code
              WHERE {where} AND {area} IS NOT NULL AND p.beneficiary_unit IN ({", ".join("?" for _ in PEOPLE_UNITS)})
              GROUP BY 1, a.program_id, a.region_code) AS per_place
            GROUP BY 1""",
        [*params, *PEOPLE_UNITS],
    )
    need_where, need_params = ppks_conditions(filters, scope)
    need = store.query(
        f"""SELECT {area} AS code, sum(c.count)::DOUBLE AS ppks
            FROM ppks_counts c JOIN regions r ON r.code = c.region_code
            WHERE {need_where} AND {area} IS NOT NULL GROUP BY 1""",
        need_params,
    )
    listed = store.query(
        f"""SELECT {area} AS code, count(DISTINCT b.nik_hash)::DOUBLE AS beneficiaries
            FROM beneficiaries b JOIN regions r ON r.code = b.region_code
            JOIN programs p ON p.program_code = b.program_code AND p.year = b.year
            JOIN (SELECT DISTINCT program_id FROM program_allocations a JOIN programs p ON p.id = a.program_id
                  JOIN regions r ON r.code = a.region_code WHERE {where}) AS shown ON shown.program_id = p.id
            WHERE b.year = ? AND {area} IS NOT NULL GROUP BY 1""",
        [*params, filters.year],
    )
    frame = regions
    for part in (money, people, need, listed):
        frame = frame.merge(part, on="code", how="left")
    if level == "kabupaten_kota":
        stats = _population_and_poverty(store, filters.year)
        frame = frame.merge(stats, on="code", how="left")
    return frame


def _population_and_poverty(store: Store, year: int) -> pd.DataFrame:
    """The latest population at or before `year` (else the earliest) and the latest poverty rate."""
    stats = store.query("SELECT region_code AS code, year, metric, value, verified FROM region_stats")
    population = stats[stats.metric == "population"].copy()
    population["distance"] = np.where(population.year <= year, year - population.year, 1000 + population.year)
    population = population.sort_values("distance").drop_duplicates("code")
    poverty = stats[stats.metric == "poverty_rate_pct"].sort_values("year").drop_duplicates("code", keep="last")
    return (
        population[["code", "value", "year", "verified"]]
        .rename(columns={"value": "population", "year": "population_year", "verified": "population_verified"})
        .merge(
            poverty[["code", "value", "year"]].rename(columns={"value": "poverty_rate", "year": "poverty_year"}),
            on="code",
            how="outer",
        )
    )


def metric_values(figures: pd.DataFrame, metric_key: str) -> pd.DataFrame:
    """`code`, `name`, `value` (None where there is no data), and `rank` (1 = highest) for a metric."""
    metric = METRICS[metric_key]
    frame = figures.copy()
    numerator = (
        frame[metric.numerator].astype(float) if metric.numerator in frame else pd.Series(np.nan, index=frame.index)
    )
    if metric.numerator in COUNTED and numerator.notna().any():
        # Money, programs and people are counted: a region without any has zero, not 'no data'.
        numerator = numerator.fillna(0.0)
    if metric.denominator:
        denominator = (
            frame[metric.denominator].astype(float)
            if metric.denominator in frame
            else pd.Series(np.nan, index=frame.index)
        )
        value = numerator / denominator.where(denominator > 0) * metric.scale
    else:
        value = numerator
    frame["value"] = value.replace([np.inf, -np.inf], np.nan)
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


COVERAGE_BREAKS = [0.5, 0.75, 1.0, float("inf")]


def classify(values: pd.Series, breaks: list[float]) -> pd.Series:
    """Class index per value (0 = lowest), -1 for no data."""
    result = pd.Series(-1, index=values.index, dtype=int)
    present = values.notna()
    if breaks:
        result[present] = np.searchsorted(np.array(breaks), values[present].to_numpy(dtype=float), side="left")
        result[present] = result[present].clip(upper=len(breaks) - 1)
    return result


def program_points(store: Store, filters: Filters, scope: Scope, parent: str | None) -> pd.DataFrame:
    """Where programs are placed (the region each allocation names) inside `parent`: programs,
    planned amount, and the place's centroid."""
    where, params = allocation_conditions(filters, scope)
    return store.query(
        f"""SELECT r.code, r.name, r.level, r.lat, r.lng, count(DISTINCT p.id) AS programs,
                   sum(a.budget_idr)::DOUBLE AS budget
            FROM program_allocations a JOIN programs p ON p.id = a.program_id JOIN regions r ON r.code = a.region_code
            WHERE {where} AND r.lat IS NOT NULL AND (? IS NULL OR starts_with(r.code, ? || '.'))
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1""",
        [*params, parent, parent],
    )


def unplaced_budget(store: Store, filters: Filters, scope: Scope, level: str, parent: str | None) -> float:
    """Money allocated to `parent` (or the province) as a whole, which no area of `level` can show."""
    where, params = allocation_conditions(filters, scope)
    area = area_sql(level)
    inside = "TRUE" if parent is None else "(r.code = ? OR starts_with(r.code, ? || '.'))"
    extra = [] if parent is None else [parent, parent]
    value = store.scalar(
        f"""SELECT coalesce(sum(a.budget_idr), 0)::DOUBLE FROM program_allocations a
            JOIN programs p ON p.id = a.program_id JOIN regions r ON r.code = a.region_code
            WHERE {where} AND {area} IS NULL AND {inside}""",
        [*params, *extra],
    )
    return float(value)

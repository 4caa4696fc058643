"""Monitoring and evaluation: indicator achievement with traffic lights, program indicators from the
store, reporting compliance, and a narrative made from rules over the numbers (no language model)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from common import formatting
from common.i18n import t
from data_loaders.store import Store
from domain.filters import Filters, Scope, allocation_conditions
from domain.overview import Kpis

GREEN, AMBER, RED, NONE = "green", "amber", "red", "none"


@dataclass(frozen=True)
class LightThresholds:
    """Achievement (actual against target, inverted for 'lower is better') at or above `green` is
    green, at or above `amber` amber, below it red."""

    green: float = 0.9
    amber: float = 0.6


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def achievement(actual: float | None, target: float | None, direction: str) -> float | None:
    """How far the target is met (1.0 = met). Higher is better ('naik'): actual ÷ target; lower is
    better ('turun'): target ÷ actual. A zero target is met by any actual when higher is better, and
    only by zero when lower is better. Missing values give None ('no data')."""
    if _missing(actual) or _missing(target):
        return None
    if direction == "turun":
        if actual <= 0:
            return 1.0
        return 0.0 if target <= 0 else target / actual
    if target <= 0:
        return 1.0
    return actual / target


def light(value: float | None, thresholds: LightThresholds = LightThresholds()) -> str:
    if _missing(value):
        return NONE
    if value >= thresholds.green:
        return GREEN
    return AMBER if value >= thresholds.amber else RED


def indicators(store: Store, year: int, scope: Scope = Scope(), region: str | None = None) -> pd.DataFrame:
    """Every indicator value of a year (optionally of one region), with its definition where one is
    shipped, its achievement and light."""
    conditions, params = ["i.year = ?"], [year]
    if region:
        conditions.append("i.region_code = ?")
        params.append(region)
    if scope.kabkota is not None:
        conditions.append(
            f"(r.kabkota_code IN ({', '.join('?' for _ in scope.kabkota) or 'NULL'}) OR i.region_code = '64')"
        )
        params.extend(scope.kabkota)
    frame = store.query(
        f"""SELECT i.indicator_code AS code, coalesce(d.name, i.name) AS name, i.period, i.region_code,
                   r.name AS region, i.baseline, i.target, i.actual, coalesce(i.unit, d.unit) AS unit,
                   i.direction, coalesce(d.source, i.data_source) AS source, d.formula
            FROM indicators i JOIN regions r ON r.code = i.region_code
            LEFT JOIN indicator_definitions d ON d.code = i.indicator_code
            WHERE {" AND ".join(conditions)} ORDER BY i.region_code, i.indicator_code, i.period""",
        params,
    )
    frame["achievement"] = [
        achievement(a, t, d) for a, t, d in zip(frame["actual"], frame["target"], frame["direction"], strict=True)
    ]
    frame["light"] = frame["achievement"].map(light)
    return frame


def program_indicators(store: Store, filters: Filters, scope: Scope, by: str) -> pd.DataFrame:
    """Budget realisation and beneficiaries reached ÷ target per funding source, kabupaten/kota,
    implementer or program, with their lights."""
    group = {"source": "f.name", "region": "k.name", "implementer": "p.implementer", "program": "p.name"}[by]
    where, params = allocation_conditions(filters, scope)
    frame = store.query(
        f"""SELECT {group} AS name, sum(a.budget_idr)::DOUBLE AS budget, sum(a.spent_idr)::DOUBLE AS spent,
                   sum(a.target_beneficiaries)::DOUBLE AS target, sum(a.reached_beneficiaries)::DOUBLE AS reached,
                   count(DISTINCT p.id) AS programs
            FROM program_allocations a JOIN programs p ON p.id = a.program_id
            JOIN regions r ON r.code = a.region_code JOIN funding_sources f ON f.code = a.funding_source
            JOIN regions k ON k.code = coalesce(r.kabkota_code, r.code)
            WHERE {where} GROUP BY 1 ORDER BY 1""",
        params,
    )
    frame["realisation"] = [
        None if _missing(s) or not b else s / b for s, b in zip(frame["spent"], frame["budget"], strict=True)
    ]
    frame["reached_share"] = [
        achievement(r, t, "naik") if t else None for r, t in zip(frame["reached"], frame["target"], strict=True)
    ]
    frame["realisation_light"] = frame["realisation"].map(light)
    frame["reached_light"] = frame["reached_share"].map(light)
    return frame


def deadline(year: int) -> dt.datetime:
    """Realisation for a year is due by the end of January of the next year."""
    return dt.datetime(year + 1, 1, 31, 23, 59, 59)


def reporting(store: Store, filters: Filters, scope: Scope) -> pd.DataFrame:
    """Per implementer and year (every year in the store; other filters apply): programs, programs
    whose realisation is reported, and whether it came on time. Sample data is not judged on time."""
    where, params = allocation_conditions(filters, scope, every_year=True)
    frame = store.query(
        f"""SELECT p.implementer, p.year, p.id,
                   bool_and(a.spent_idr IS NOT NULL) AS reported,
                   max(i.imported_at) AS reported_at, bool_or(i.is_sample) AS sample
            FROM program_allocations a JOIN programs p ON p.id = a.program_id
            JOIN regions r ON r.code = a.region_code JOIN imports i ON i.id = a.import_id
            WHERE {where} GROUP BY 1, 2, 3""",
        params,
    )
    if frame.empty:
        return pd.DataFrame(columns=["implementer", "year", "programs", "reported", "on_time", "status"])
    frame["on_time"] = frame["reported"] & (frame["sample"] | (frame["reported_at"] <= frame["year"].map(deadline)))
    summary = frame.groupby(["implementer", "year"], as_index=False).agg(
        programs=("id", "nunique"), reported=("reported", "sum"), on_time=("on_time", "sum")
    )
    summary["status"] = [
        "missing" if r < p else ("on_time" if o == p else "late")
        for p, r, o in zip(summary["programs"], summary["reported"], summary["on_time"], strict=True)
    ]
    return summary


def on_time_share(report: pd.DataFrame, year: int) -> float | None:
    """Share of a year's programs whose realisation was reported on time."""
    rows = report[report["year"] == year]
    return None if rows.empty or not rows["programs"].sum() else rows["on_time"].sum() / rows["programs"].sum()


def narrative(
    region: str,
    year: int,
    kpis: Kpis,
    spm: pd.DataFrame,
    report: pd.DataFrame,
    lang: str,
    thresholds: LightThresholds = LightThresholds(),
) -> str:
    """A few sentences for leadership, each from one rule over the numbers."""
    sentences = []
    realisation = kpis.realisation
    if realisation is None:
        sentences.append(t("nar_no_budget", lang, region=region, year=year))
    else:
        sentences.append(
            t(
                "nar_realisation",
                lang,
                region=region,
                year=year,
                share=formatting.percent(realisation, lang, 0),
                light=t(f"word_{light(realisation, thresholds)}", lang),
            )
        )
    if kpis.reached_share is not None:
        sentences.append(t("nar_reached", lang, share=formatting.percent(kpis.reached_share, lang, 0)))
    measured = spm[spm["achievement"].notna()]
    if measured.empty:
        sentences.append(t("nar_no_spm", lang))
    else:
        below = int((measured["achievement"] < 1.0).sum())
        key = "nar_spm_all_met" if below == 0 else "nar_spm_below"
        sentences.append(t(key, lang, below=below, total=len(measured)))
    missing = report[(report["year"] == year) & (report["status"] == "missing")]
    if not missing.empty:
        sentences.append(t("nar_missing_reports", lang, count=len(missing)))
    return " ".join(sentences)

"""Gaps and overlaps by area, PPKS category and year: need (PPKS) against the people programs
reach and the money they bring, with two flags whose reasons are spelled out.

CELAH (gap): people in need with low or no coverage. TUMPANG TINDIH (overlap): two or more programs
or sources serve the same group in the same area and year and together reach more people than the
overlap threshold allows. Programs marked 'Lintas PPKS' serve no single category and are left out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from common import formatting
from common.i18n import t
from data_loaders.store import Store
from domain.filters import Filters, Scope, allocation_conditions, ppks_conditions
from domain.map_metrics import area_sql
from domain.overview import PEOPLE_UNITS


@dataclass(frozen=True)
class Thresholds:
    """Settings shown on the page; the defaults are a starting point for the coordination meeting."""

    gap_coverage: float = 0.25  # CELAH below this coverage (people reached ÷ people in need)
    overlap_coverage: float = 1.0  # TUMPANG TINDIH above this coverage, with 2+ programs or sources
    min_need: int = 10  # smaller needs are not flagged


def area_category(store: Store, filters: Filters, scope: Scope) -> pd.DataFrame:
    """One row per area × PPKS category with need or programs: need, reached, budget, spent,
    programs, sources (count and names), coverage and funding per person in need. Areas are the
    kabupaten/kota, or the kecamatan of the kabupaten/kota the filter selects (where data allows:
    programs allocated to the kabupaten/kota as a whole cannot be placed in one kecamatan)."""
    level = "kecamatan" if filters.kabkota else "kabupaten_kota"
    area = area_sql(level)
    where, params = allocation_conditions(filters, scope)
    supply = store.query(
        f"""WITH rows AS (
              SELECT {area} AS kab, p.ppks_category_id AS category, p.id AS program_id, a.region_code,
                     a.funding_source, f.name AS source_name, a.budget_idr, a.spent_idr, a.reached_beneficiaries,
                     p.beneficiary_unit
              FROM program_allocations a JOIN programs p ON p.id = a.program_id
              JOIN regions r ON r.code = a.region_code JOIN funding_sources f ON f.code = a.funding_source
              WHERE {where} AND p.ppks_category_id IS NOT NULL AND {area} IS NOT NULL
            ), people AS (
              SELECT kab, category, sum(reached) AS reached FROM (
                SELECT kab, category, program_id, region_code, max(reached_beneficiaries) AS reached FROM rows
                WHERE beneficiary_unit IN ({", ".join("?" for _ in PEOPLE_UNITS)}) GROUP BY 1, 2, 3, 4)
              GROUP BY 1, 2
            )
            SELECT rows.kab, rows.category, sum(budget_idr)::DOUBLE AS budget, sum(spent_idr)::DOUBLE AS spent,
                   count(DISTINCT program_id) AS programs, count(DISTINCT funding_source) AS sources,
                   string_agg(DISTINCT source_name, ', ' ORDER BY source_name) AS source_names,
                   max(people.reached)::DOUBLE AS reached
            FROM rows LEFT JOIN people USING (kab, category)
            GROUP BY 1, 2""",
        [*params, *PEOPLE_UNITS],
    )
    need_where, need_params = ppks_conditions(filters, scope)
    need = store.query(
        f"""SELECT {area} AS kab, c.ppks_category_id AS category, sum(c.count)::DOUBLE AS need
            FROM ppks_counts c JOIN regions r ON r.code = c.region_code
            WHERE {need_where} AND {area} IS NOT NULL GROUP BY 1, 2""",
        need_params,
    )
    frame = need.merge(supply, on=["kab", "category"], how="outer")
    names = store.query("SELECT code AS kab, name AS region FROM regions WHERE level = ?", [level])
    categories = store.query("SELECT id AS category, name AS category_name FROM ppks_categories")
    frame = frame.merge(names, on="kab").merge(categories, on="category")
    for column in ("need", "budget", "spent", "reached", "programs", "sources"):
        frame[column] = frame[column].fillna(0.0)
    frame["source_names"] = frame["source_names"].fillna("")
    frame["coverage"] = frame["reached"] / frame["need"].where(frame["need"] > 0)
    frame["per_person"] = frame["budget"] / frame["need"].where(frame["need"] > 0)
    return frame.sort_values(["region", "category"]).reset_index(drop=True)


def flag(frame: pd.DataFrame, thresholds: Thresholds = Thresholds()) -> pd.DataFrame:
    """Adds `gap` and `overlap` (booleans), `unmet` (people in need not reached) and `excess`."""
    result = frame.copy()
    enough_need = result["need"] >= thresholds.min_need
    coverage = result["coverage"].fillna(0.0)
    result["gap"] = enough_need & (coverage < thresholds.gap_coverage)
    several = (result["programs"] >= 2) | (result["sources"] >= 2)
    result["overlap"] = several & result["need"].gt(0) & (coverage > thresholds.overlap_coverage)
    result["unmet"] = (result["need"] - result["reached"]).clip(lower=0)
    result["excess"] = (result["reached"] - result["need"]).clip(lower=0)
    return result


def agenda(flagged: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The coordination agenda: the largest gaps (by people not reached) and the largest overlaps
    (by coverage above need), interleaved by weight so both kinds reach the meeting."""
    gaps = flagged[flagged["gap"]].assign(kind="gap", weight=lambda f: f["unmet"])
    overlaps = flagged[flagged["overlap"]].assign(kind="overlap", weight=lambda f: f["excess"] + f["programs"])
    gaps = gaps.sort_values("weight", ascending=False).head(top)
    overlaps = overlaps.sort_values("weight", ascending=False).head(top)
    items = pd.concat(
        [gaps.assign(order=np.arange(len(gaps)) * 2), overlaps.assign(order=np.arange(len(overlaps)) * 2 + 1)]
    )
    return items.sort_values("order").head(top).reset_index(drop=True)


def explain(row: pd.Series, lang: str) -> str:
    """One line for the agenda, made from the numbers (no language model): what, where, how much."""
    place = f"{row['region']} — {row['category_name']}"
    need = formatting.number(row["need"], lang)
    reached = formatting.number(row["reached"], lang)
    if row["programs"] == 0:
        return t("agenda_no_program", lang, place=place, need=need)
    programs = t("agenda_programs", lang, count=int(row["programs"]), sources=row["source_names"])
    if row["kind"] == "gap":
        return t(
            "agenda_gap",
            lang,
            place=place,
            programs=programs,
            reached=reached,
            need=need,
            share=formatting.percent(row["coverage"] if pd.notna(row["coverage"]) else 0, lang),
            unmet=formatting.number(row["unmet"], lang),
        )
    return t("agenda_overlap", lang, place=place, programs=programs, reached=reached, need=need)


def source_pairs(store: Store, year: int, scope: Scope = Scope()) -> pd.DataFrame:
    """People listed in programs of two funding sources, per pair of sources (e.g. APBN × CSR/TJSL)."""
    inside = (
        "TRUE" if scope.kabkota is None else (f"r.kabkota_code IN ({', '.join('?' for _ in scope.kabkota) or 'NULL'})")
    )
    return store.query(
        f"""WITH person_sources AS (
              SELECT DISTINCT b.nik_hash, f.name AS source
              FROM beneficiaries b JOIN regions r ON r.code = b.region_code
              JOIN programs p ON p.program_code = b.program_code AND p.year = b.year
              JOIN (SELECT DISTINCT program_id, funding_source FROM program_allocations) s ON s.program_id = p.id
              JOIN funding_sources f ON f.code = s.funding_source
              WHERE b.year = ? AND {inside}
            )
            SELECT a.source AS source_a, b.source AS source_b, count(DISTINCT a.nik_hash) AS people
            FROM person_sources a JOIN person_sources b ON a.nik_hash = b.nik_hash AND a.source < b.source
            GROUP BY 1, 2 ORDER BY people DESC, 1, 2""",
        [year, *([] if scope.kabkota is None else list(scope.kabkota))],
    )


def suppress(value: float | int, threshold: int, lang: str = "id") -> str:
    """Small counts can identify people: below `threshold` they are shown as '< threshold'."""
    return f"< {threshold}" if 0 < value < threshold else formatting.number(value, lang)


def recommend(flagged: pd.DataFrame, budget: float) -> pd.DataFrame:
    """Where `budget` Rupiah would close the largest gaps: gaps in order of people not reached, each
    costed at what reaching one person in that PPKS category costs today (planned money ÷ people
    reached, over the province), until the budget is spent. Every row keeps its arithmetic."""
    reached = flagged[flagged["reached"] > 0].groupby("category")[["budget", "reached"]].sum()
    unit_cost = (reached["budget"] / reached["reached"]).rename("unit_cost")
    gaps = flagged[flagged["gap"]].merge(unit_cost, left_on="category", right_index=True, how="inner")
    gaps = gaps[gaps["unit_cost"] > 0].sort_values("unmet", ascending=False)
    rows, left = [], float(budget)
    for row in gaps.itertuples():
        if left <= 0:
            break
        cost = row.unmet * row.unit_cost
        spend = min(cost, left)
        rows.append(
            {
                "region": row.region,
                "category_name": row.category_name,
                "unmet": row.unmet,
                "unit_cost": row.unit_cost,
                "amount": spend,
                "people": spend / row.unit_cost,
                "closes": spend >= cost,
            }
        )
        left -= spend
    return pd.DataFrame(rows, columns=["region", "category_name", "unmet", "unit_cost", "amount", "people", "closes"])

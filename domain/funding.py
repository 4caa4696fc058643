"""Where the money comes from and where it goes: the aggregates of the Pendanaan page.

Money is summed over allocation rows (one per program, place and source), so a co-financed program
appears once per source and a program in several places once per place — never twice. Programs
and people are counted once per program (people once per place, as in the overview)."""

from __future__ import annotations

import pandas as pd

from data_loaders.store import Store
from domain.filters import Filters, Scope, allocation_conditions

_FROM = """
    FROM program_allocations a
    JOIN programs p ON p.id = a.program_id
    JOIN regions r ON r.code = a.region_code
    JOIN funding_sources f ON f.code = a.funding_source
"""
LINTAS_LABEL = "Lintas PPKS"
OTHER_TYPE = "Tidak diisi"
OTHER_CATEGORIES = "Kategori lain"


def by_dimension(store: Store, filters: Filters, scope: Scope, dimension: str) -> pd.DataFrame:
    """Planned and spent per `dimension` ('ppks', 'assistance', 'region' or 'implementer') and funding
    source; `region_code` is the kabupaten/kota (so per-person figures can join population and need)."""
    column = {
        "ppks": f"coalesce(c.name, '{LINTAS_LABEL}')",
        "assistance": f"coalesce(p.assistance_type, '{OTHER_TYPE}')",
        "region": "k.name",
        "implementer": "p.implementer",
    }[dimension]
    where, params = allocation_conditions(filters, scope)
    return store.query(
        f"""SELECT {column} AS category, k.code AS region_code, a.funding_source AS source, f.name AS source_name,
                   sum(a.budget_idr)::DOUBLE AS budget, sum(a.spent_idr)::DOUBLE AS spent
            {_FROM}
            LEFT JOIN ppks_categories c ON c.id = p.ppks_category_id
            LEFT JOIN regions k ON k.code = coalesce(r.kabkota_code, r.code)
            WHERE {where}
            GROUP BY 1, 2, 3, 4, f.sort_order ORDER BY 1, f.sort_order""",
        params,
    )


def flows(store: Store, filters: Filters, scope: Scope, top_categories: int = 7) -> pd.DataFrame:
    """Planned amounts along source → PPKS category → kabupaten/kota. Categories beyond the largest
    `top_categories` are joined into one node, so the diagram stays legible with all sources on."""
    where, params = allocation_conditions(filters, scope)
    frame = store.query(
        f"""SELECT f.name AS source_name, a.funding_source AS source, coalesce(c.name, '{LINTAS_LABEL}') AS category,
                   k.name AS region, sum(a.budget_idr)::DOUBLE AS budget
            {_FROM}
            LEFT JOIN ppks_categories c ON c.id = p.ppks_category_id
            JOIN regions k ON k.code = coalesce(r.kabkota_code, r.code)
            WHERE {where}
            GROUP BY 1, 2, 3, 4""",
        params,
    )
    if frame.empty:
        return frame
    largest = frame.groupby("category")["budget"].sum().nlargest(top_categories).index
    frame["category"] = frame["category"].where(frame["category"].isin(largest), OTHER_CATEGORIES)
    return frame.groupby(["source_name", "source", "category", "region"], as_index=False)["budget"].sum()


def trends(store: Store, filters: Filters, scope: Scope) -> pd.DataFrame:
    """Planned and spent per year and source for every year in the store (the year filter is the
    one thing not applied), with each year's CSR/TJSL + PPM share of the planned total."""
    where, params = allocation_conditions(filters, scope, every_year=True)
    frame = store.query(
        f"""SELECT p.year, a.funding_source AS source, f.name AS source_name,
                   sum(a.budget_idr)::DOUBLE AS budget, sum(a.spent_idr)::DOUBLE AS spent
            {_FROM} WHERE {where}
            GROUP BY 1, 2, 3, f.sort_order ORDER BY 1, f.sort_order""",
        params,
    )
    totals = frame.groupby("year")["budget"].transform("sum")
    company = frame["source"].isin(["CSR", "PPM"])
    frame["company_share"] = frame["budget"].where(company, 0.0).groupby(frame["year"]).transform("sum") / totals.where(
        totals > 0
    )
    return frame


def implementers(store: Store, filters: Filters, scope: Scope) -> pd.DataFrame:
    """Every implementer (agency or company) with planned, spent, its number of programs, its sources
    and whether it is a registered partner; largest first."""
    where, params = allocation_conditions(filters, scope)
    return store.query(
        f"""SELECT p.implementer, bool_or(p.partner_id IS NOT NULL) AS partner,
                   sum(a.budget_idr)::DOUBLE AS budget, sum(a.spent_idr)::DOUBLE AS spent,
                   count(DISTINCT p.id) AS programs,
                   string_agg(DISTINCT f.name, ', ' ORDER BY f.name) AS sources
            {_FROM} WHERE {where}
            GROUP BY 1 ORDER BY budget DESC, 1""",
        params,
    )


def programs(store: Store, filters: Filters, scope: Scope) -> pd.DataFrame:
    """One row per program in view: its sources and places, amounts summed over them, people
    counted once per place (in the program's own unit: jiwa, KK, unit or lembaga)."""
    where, params = allocation_conditions(filters, scope)
    return store.query(
        f"""WITH rows AS (
              SELECT p.id, a.region_code, a.funding_source, f.name AS source_name, a.budget_idr, a.committed_idr,
                     a.spent_idr, a.target_beneficiaries, a.reached_beneficiaries
              {_FROM} WHERE {where}
            ), people AS (
              SELECT id, sum(target) AS target, sum(reached) AS reached FROM (
                SELECT id, region_code, max(target_beneficiaries) AS target, max(reached_beneficiaries) AS reached
                FROM rows GROUP BY 1, 2) AS per_place GROUP BY 1
            )
            SELECT p.id, p.program_code, p.name, p.implementer, p.year, coalesce(c.name, '{LINTAS_LABEL}') AS ppks,
                   p.assistance_type, p.status, p.beneficiary_unit, p.start_date, p.end_date,
                   string_agg(DISTINCT rows.source_name, ', ' ORDER BY rows.source_name) AS sources,
                   count(DISTINCT rows.region_code) AS places,
                   sum(rows.budget_idr)::DOUBLE AS budget, sum(rows.committed_idr)::DOUBLE AS committed,
                   sum(rows.spent_idr)::DOUBLE AS spent,
                   max(people.target) AS target, max(people.reached) AS reached
            FROM rows JOIN programs p ON p.id = rows.id JOIN people ON people.id = rows.id
            LEFT JOIN ppks_categories c ON c.id = p.ppks_category_id
            GROUP BY p.id, p.program_code, p.name, p.implementer, p.year, c.name, p.assistance_type, p.status,
                     p.beneficiary_unit, p.start_date, p.end_date
            ORDER BY budget DESC, p.program_code""",
        params,
    )


def program_places(store: Store, program_id: int, scope: Scope) -> pd.DataFrame:
    """A program's rows: place, source and amounts, people targeted and reached."""
    conditions, params = ["a.program_id = ?"], [program_id]
    if scope.kabkota is not None:
        conditions.append(f"r.kabkota_code IN ({', '.join('?' for _ in scope.kabkota) or 'NULL'})")
        params.extend(scope.kabkota)
    return store.query(
        f"""SELECT r.name AS place, r.level, a.region_code, f.name AS source_name, a.funding_source AS source,
                   a.budget_idr::DOUBLE AS budget, a.committed_idr::DOUBLE AS committed, a.spent_idr::DOUBLE AS spent,
                   a.target_beneficiaries AS target, a.reached_beneficiaries AS reached
            {_FROM} WHERE {" AND ".join(conditions)}
            ORDER BY r.code, f.sort_order""",
        params,
    )

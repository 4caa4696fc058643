"""The executive overview: what was planned and spent, by whom, for how many people, against
how much need. Every figure here is computed from the store for the shared filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data_loaders.store import Store
from domain.filters import Filters, Scope, allocation_conditions, ppks_conditions

# Beneficiaries are counted in people (jiwa) or households (KK); programs that count houses,
# vehicles or institutions ('unit', 'lembaga') are left out of people counts.
PEOPLE_UNITS = ("jiwa", "KK")

_ALLOCATIONS = """
    FROM program_allocations a
    JOIN programs p ON p.id = a.program_id
    JOIN regions r ON r.code = a.region_code
"""


@dataclass(frozen=True)
class Kpis:
    year: int
    budget: float  # pagu
    committed: float  # komitmen (CSR pledges)
    spent: float  # realisasi
    programs: int
    target: float  # people (jiwa/KK) targeted
    reached: float  # people (jiwa/KK) reached
    ppks: float  # people in need (PPKS count)

    @property
    def realisation(self) -> float | None:
        """Budget realisation: spent ÷ planned."""
        return _ratio(self.spent, self.budget)

    @property
    def reached_share(self) -> float | None:
        """People reached ÷ people targeted."""
        return _ratio(self.reached, self.target)

    @property
    def coverage(self) -> float | None:
        """People reached ÷ people in need (PPKS)."""
        return _ratio(self.reached, self.ppks)

    @property
    def has_data(self) -> bool:
        return bool(self.programs or self.ppks)


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def kpis(store: Store, filters: Filters, scope: Scope = Scope()) -> Kpis:
    where, params = allocation_conditions(filters, scope)
    money = store.query(
        f"""
        SELECT coalesce(sum(a.budget_idr), 0) AS budget,
               coalesce(sum(a.committed_idr), 0) AS committed,
               coalesce(sum(a.spent_idr), 0) AS spent,
               count(DISTINCT p.id) AS programs
        {_ALLOCATIONS}
        WHERE {where}
        """,
        params,
    ).iloc[0]
    # A co-financed program repeats its target on each source's row: people count once per place.
    people = store.query(
        f"""
        SELECT coalesce(sum(target), 0) AS target, coalesce(sum(reached), 0) AS reached
        FROM (
            SELECT max(a.target_beneficiaries) AS target, max(a.reached_beneficiaries) AS reached
            {_ALLOCATIONS}
            WHERE {where} AND p.beneficiary_unit IN ({", ".join("?" for _ in PEOPLE_UNITS)})
            GROUP BY a.program_id, a.region_code
        ) AS per_place
        """,
        [*params, *PEOPLE_UNITS],
    ).iloc[0]
    need_where, need_params = ppks_conditions(filters, scope)
    need = store.scalar(
        f"SELECT coalesce(sum(c.count), 0) FROM ppks_counts c JOIN regions r ON r.code = c.region_code "
        f"WHERE {need_where}",
        need_params,
    )
    return Kpis(
        year=filters.year,
        budget=float(money["budget"]),
        committed=float(money["committed"]),
        spent=float(money["spent"]),
        programs=int(money["programs"]),
        target=float(people["target"]),
        reached=float(people["reached"]),
        ppks=float(need),
    )


def funding_by_source(store: Store, filters: Filters, scope: Scope = Scope()) -> pd.DataFrame:
    """Planned, committed and spent per funding source, in the sources' fixed order; sources
    without programs are left out."""
    where, params = allocation_conditions(filters, scope)
    return store.query(
        f"""
        SELECT a.funding_source AS source, f.name AS source_name,
               sum(a.budget_idr)::DOUBLE AS budget,
               sum(a.committed_idr)::DOUBLE AS committed,
               sum(a.spent_idr)::DOUBLE AS spent,
               count(DISTINCT p.id) AS programs
        {_ALLOCATIONS}
        JOIN funding_sources f ON f.code = a.funding_source
        WHERE {where}
        GROUP BY a.funding_source, f.name, f.sort_order
        ORDER BY f.sort_order
        """,
        params,
    )


def funding_by_area(store: Store, filters: Filters, scope: Scope = Scope()) -> pd.DataFrame:
    """Planned and spent per area and source, one level below the selection: per kabupaten/kota
    for the province, per kecamatan within a kabupaten/kota. Money allocated to the selected
    region as a whole (not to one of its parts) is its own row, flagged `whole_region`."""
    where, params = allocation_conditions(filters, scope)
    if filters.kabkota:
        area = "CASE WHEN r.level IN ('kecamatan', 'desa_kelurahan') THEN substr(r.code, 1, 8) ELSE r.code END"
    else:
        area = "coalesce(r.kabkota_code, r.code)"
    return store.query(
        f"""
        SELECT {area} AS region_code, k.name AS region_name, k.level IN ('provinsi', ?) AS whole_region,
               a.funding_source AS source, f.name AS source_name,
               sum(a.budget_idr)::DOUBLE AS budget, sum(a.spent_idr)::DOUBLE AS spent
        {_ALLOCATIONS}
        JOIN regions k ON k.code = {area}
        JOIN funding_sources f ON f.code = a.funding_source
        WHERE {where}
        GROUP BY 1, 2, 3, 4, 5, f.sort_order
        ORDER BY 1, f.sort_order
        """,
        ["kabupaten_kota" if filters.kabkota else "provinsi", *params],
    )


def available_years(store: Store) -> list[int]:
    """Years that have programs or PPKS counts, newest last."""
    frame = store.query("SELECT DISTINCT year FROM programs UNION SELECT DISTINCT year FROM ppks_counts ORDER BY year")
    return [int(year) for year in frame["year"]]


@dataclass(frozen=True)
class DataStatus:
    """Where the figures on screen come from, for the 'Sumber: …, per …' lines."""

    is_sample: bool
    has_imports: bool
    as_of: dt.datetime | None
    files: tuple[str, ...]


def data_status(store: Store) -> DataStatus:
    imports = store.query(
        "SELECT file_name, imported_at, is_sample FROM imports WHERE status = 'committed' ORDER BY imported_at"
    )
    if imports.empty:
        return DataStatus(is_sample=False, has_imports=False, as_of=None, files=())
    return DataStatus(
        is_sample=bool(imports["is_sample"].any()),
        has_imports=True,
        as_of=pd.Timestamp(imports["imported_at"].max()).to_pydatetime(),
        files=tuple(imports["file_name"]),
    )

"""The forum's partners (issue 13): the registry, one partner's profile and its alignment with need.

Rules (one place, used by every view here):

- **A partner's money** is what its programs get from the pledging sources (`measures.PLEDGING_SOURCES`:
  'CSR' = CSR/TJSL and 'PPM'), summed over allocation rows (program × place × source): planned
  (pagu), committed and spent, in Rupiah. A co-financed program's shares from other sources (e.g.
  APBD) are not the partner's money and are left out. CSR and PPM are shown apart and together.
- **Programs** are counted once (distinct program ids), whatever their places and sources.
- **People reached** are counted once per program and place (a co-financed program repeats them
  per source), in the program's unit: jiwa and KK apart, never added; unit/lembaga programs count
  no people (`measures.PEOPLE_UNITS`).
- **Name variants** are the distinct names the partner's program files gave as implementer
  (`allocation_rows.implementer`), which `data_loaders.values.partner_key` already resolved to the
  partner ('PT. X', 'X, PT', 'PT X Tbk').
- **Alignment with need** (`alignment`): of a partner's spending in a year, the part placed in a
  kabupaten/kota × PPKS category cell that `domain.gaps.area_categories` flags as a gap (CELAH) for
  that year over the whole province, and the parts placed inside, outside its operating
  kabupaten/kota, or at province level ('seluruh provinsi', counted apart, never in a gap cell).
  The gap flags come from a reader of the forum's scope (`Scope()`), so a company sees the same
  shares for itself as the forum sees for it (domain/reader.py, module docstring); only Rupiah
  shares leave that reader, never a people count.
- A merged partner (`partners.merged_into`) is not listed: its programs belong to the partner it
  was merged into (`data_loaders/partners.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from data_loaders.values import partner_key
from domain import measures
from domain.evaluation import Reporting, reporting
from domain.filters import Filters, Scope
from domain.gaps import Thresholds, area_categories
from domain.measures import PEOPLE_UNITS, PLEDGING_SOURCES
from domain.reader import Reader, allocation_filter

_SOURCES_SQL = f"a.funding_source IN ({', '.join('?' for _ in PLEDGING_SOURCES)})"
_AREA = "coalesce(a.kabkota_code, a.region_code)"  # the kabupaten/kota of a row (a province row: itself)
_MONEY = ("budget", "committed", "spent")
_PROGRAM = [
    "program_id", "program_code", "program_name", "ppks_category_id", "assistance_type", "beneficiary_unit", "status",
]  # fmt: skip
_PLACE = ["region_code", "region_name", "region_level", "kabkota_code", "lat", "lng"]


def _operating(text: object) -> tuple[str, ...]:
    """The kabupaten/kota codes of `partners.operating_regions` (';'-separated), empty where none."""
    if not isinstance(text, str):
        return ()
    return tuple(code.strip() for code in text.split(";") if code.strip())


# --- alignment with need --------------------------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """Alignment with need of every partner that spent in `year` (module rules).

    `table`, one row per partner (sorted by partner_id): partner_id (int), spent (Rupiah, CSR + PPM),
    spent_in_gaps (Rupiah placed in a kab/kota × PPKS category cell flagged as a gap), gap_share
    (spent_in_gaps ÷ spent, ratio 0–1; NaN where nothing was spent), spent_inside, spent_outside
    (Rupiah placed in a kab/kota inside / outside the partner's operating kab/kota; NaN both where the
    partner lists no operating region), spent_province_wide (Rupiah placed at province level),
    inside_share (spent_inside ÷ spent; NaN where nothing was spent or no operating region is
    listed). spent = spent_inside + spent_outside + spent_province_wide where regions are listed.
    Spending of programs without a PPKS category (Lintas PPKS) counts in spent, never in gaps."""

    table: pd.DataFrame
    year: int

    def of(self, partner_id: int) -> pd.Series | None:
        """The row of one partner, None where it spent nothing in the year."""
        rows = self.table[self.table["partner_id"] == partner_id]
        return None if rows.empty else rows.iloc[0]


_ALIGNMENT_COLUMNS = [
    "partner_id", "spent", "spent_in_gaps", "gap_share", "spent_inside", "spent_outside",
    "spent_province_wide", "inside_share",
]  # fmt: skip


def alignment(reader: Reader, year: int) -> Alignment:
    """The share of each partner's spending in `year` that went to gap cells, and inside / outside
    its operating kabupaten/kota (see `Alignment`). Gap flags: `domain.gaps.area_categories` with
    its default thresholds over the whole province for `year`, read in the forum's scope `Scope()`
    so every role gets the same flags (domain/reader.py); the spending is read in `reader`'s scope."""
    money = reader.query(
        f"""SELECT a.partner_id, {_AREA} AS area_code, a.region_level = 'provinsi' AS province_wide,
                   a.ppks_category_id, coalesce(sum(a.spent), 0) AS spent, min(p.operating_regions) AS operating
            FROM allocation_rows a LEFT JOIN partner_rows p ON p.id = a.partner_id
            WHERE a.year = ? AND a.partner_id IS NOT NULL AND {_SOURCES_SQL}
            GROUP BY 1, 2, 3, 4""",
        [year, *PLEDGING_SOURCES],
    )
    if money.empty:
        return Alignment(table=pd.DataFrame(columns=_ALIGNMENT_COLUMNS), year=year)
    cells = reader.in_scope(Scope()).shared(area_categories, Filters(year=year), Thresholds()).table
    gaps = cells[cells["gap"] & ~cells["whole_region"]]
    gap_cells = set(zip(gaps["area_code"], gaps["ppks_category_id"].astype(int), strict=True))
    province = money["province_wide"].to_numpy(bool)
    areas, categories = money["area_code"].tolist(), money["ppks_category_id"].tolist()
    operating = [_operating(text) for text in money["operating"]]
    in_gap = np.array(
        [
            (not whole) and not pd.isna(category) and (area, int(category)) in gap_cells
            for area, category, whole in zip(areas, categories, province, strict=True)
        ],
        dtype=bool,
    )
    inside = np.array(
        [(not whole) and area in codes for area, codes, whole in zip(areas, operating, province, strict=True)],
        dtype=bool,
    )
    spent = money["spent"].to_numpy(float)
    parts = pd.DataFrame(
        {
            "partner_id": money["partner_id"].astype(int),
            "spent": spent,
            "spent_in_gaps": np.where(in_gap, spent, 0.0),
            "spent_inside": np.where(inside, spent, 0.0),
            "spent_outside": np.where(~inside & ~province, spent, 0.0),
            "spent_province_wide": np.where(province, spent, 0.0),
            "listed": [bool(codes) for codes in operating],
        }
    )
    table = parts.groupby("partner_id", as_index=False, sort=True).sum()
    listed = table["listed"] > 0
    for column in ("spent_inside", "spent_outside"):
        table[column] = table[column].where(listed)
    table["gap_share"] = measures.share(table["spent_in_gaps"], table["spent"])
    table["inside_share"] = measures.share(table["spent_inside"], table["spent"])
    return Alignment(table=table[_ALIGNMENT_COLUMNS], year=year)


# --- the registry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Registry:
    """Every partner with its money in the filter year (module rules).

    `table`, one row per partner, by name: partner_id (int), name, sector, kind ('BUMN', 'BUMD',
    'Swasta', 'Lainnya' or None), operating_regions (tuple of kab/kota codes), region_names (their
    names joined by ', '), forum_member (bool or None), programs (distinct programs of the year with
    CSR or PPM money), variants (distinct implementer names its program files gave, every year),
    budget_csr, committed_csr, spent_csr, budget_ppm, committed_ppm, spent_ppm, budget, committed,
    spent (Rupiah; CSR + PPM; 0 where none), realisation (spent ÷ budget, ratio; NaN without budget).
    `years`, one row per partner × year × source up to the filter year: partner_id, year,
    funding_source ('CSR' or 'PPM'), budget, committed, spent (Rupiah), programs. The kab/kota, PPKS
    and source filters apply to the money (sources only within CSR and PPM)."""

    table: pd.DataFrame
    years: pd.DataFrame
    year: int

    def find(self, text: str | None) -> pd.DataFrame:
        """The rows whose name (as `partner_key` reads it, so 'PT. X' finds 'X, PT') or sector
        contains `text`; every row for an empty text."""
        if not text or not text.strip():
            return self.table
        key, lowered = partner_key(text), text.strip().lower()
        names = self.table["name"].map(partner_key)
        sectors = self.table["sector"].fillna("").str.lower()
        hit = sectors.str.contains(lowered, regex=False)
        if key:
            hit |= names.str.contains(key, regex=False)
        return self.table[hit]


def registry(reader: Reader, filters: Filters) -> Registry:
    """The registry of `filters.year` and the years before (see `Registry`)."""
    where, params = allocation_filter(filters, every_year=True)
    money = reader.query(
        f"""SELECT a.partner_id, a.year, a.funding_source, sum(a.budget) AS budget,
                   sum(a.committed) AS committed, sum(a.spent) AS spent, count(DISTINCT a.program_id) AS programs
            FROM allocation_rows a
            WHERE {where} AND a.year <= ? AND a.partner_id IS NOT NULL AND {_SOURCES_SQL}
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""",
        [*params, filters.year, *PLEDGING_SOURCES],
    )
    money[list(_MONEY)] = money[list(_MONEY)].fillna(0.0)
    year_where, year_params = allocation_filter(filters)
    counts = reader.query(
        f"""SELECT a.partner_id, count(DISTINCT a.program_id) AS programs FROM allocation_rows a
            WHERE {year_where} AND a.partner_id IS NOT NULL AND {_SOURCES_SQL} GROUP BY 1""",
        [*year_params, *PLEDGING_SOURCES],
    )
    variants = reader.query(
        "SELECT a.partner_id, count(DISTINCT a.implementer) AS variants FROM allocation_rows a "
        "WHERE a.partner_id IS NOT NULL GROUP BY 1"
    )
    names = reader.query("SELECT code, name FROM region_rows WHERE level = 'kabupaten_kota'")
    name_of = dict(zip(names["code"], names["name"], strict=True))
    table = reader.query(
        "SELECT id AS partner_id, name, sector, kind, operating_regions, forum_member FROM partner_rows ORDER BY name"
    )
    table["operating_regions"] = table["operating_regions"].map(_operating)
    table["region_names"] = table["operating_regions"].map(lambda codes: ", ".join(name_of.get(c, c) for c in codes))
    table["forum_member"] = table["forum_member"].astype(object).where(table["forum_member"].notna(), None)
    this_year = money[money["year"] == filters.year]
    for source in PLEDGING_SOURCES:
        part = this_year[this_year["funding_source"] == source].set_index("partner_id")
        for column in _MONEY:
            table[f"{column}_{source.lower()}"] = table["partner_id"].map(part[column]).fillna(0.0)
    for column in _MONEY:
        table[column] = sum(table[f"{column}_{source.lower()}"] for source in PLEDGING_SOURCES)
    table["realisation"] = measures.realisation(table["spent"], table["budget"])
    table["programs"] = table["partner_id"].map(counts.set_index("partner_id")["programs"]).fillna(0).astype(int)
    table["variants"] = table["partner_id"].map(variants.set_index("partner_id")["variants"]).fillna(0).astype(int)
    table["partner_id"] = table["partner_id"].astype(int)
    return Registry(table=table.reset_index(drop=True), years=money, year=filters.year)


# --- one partner's profile ------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """One partner in the filter year; the same figures for every role that may see it (module rules).

    `partner`: its registry row (see `Registry.table`), None for an unknown or merged partner.
    `programs`: program_id, program_code, program_name, ppks_category_id (None = Lintas PPKS),
    assistance_type, beneficiary_unit, status, budget, committed, spent (Rupiah, CSR + PPM),
    reached (in the program's unit, counted once per place; NaN where none reported), by code.
    `places`: region_code, region_name, region_level, kabkota_code, lat, lng, budget, spent (Rupiah),
    programs — one row per place its programs name. `categories`: ppks_category_id, programs, spent.
    `reached_jiwa`, `reached_kk`: people reached by its programs counted in jiwa / KK (never added;
    NaN where no such program reports a reach). `realisation`: spent ÷ budget (ratio, None without
    budget). `reporting`: `domain.evaluation.reporting` over its programs only (every year), with
    `reported`, `programs` of the year. `alignment`: its row of `alignment` (None where it spent
    nothing in the year)."""

    partner: pd.Series | None
    programs: pd.DataFrame
    places: pd.DataFrame
    categories: pd.DataFrame
    reached_jiwa: float
    reached_kk: float
    budget: float
    spent: float
    realisation: float | None
    reporting: Reporting
    reported: int
    reported_of: int
    alignment: pd.Series | None
    year: int

    @property
    def empty(self) -> bool:
        return self.programs.empty


def profile(reader: Reader, partner_id: int, filters: Filters) -> Profile:
    """The profile of partner `partner_id` for `filters.year` (the kab/kota, source and PPKS filters
    do not apply: a profile is the whole partner). Every figure comes from allocation rows, which
    every scope reads alike for a partner's programs, and from `alignment`."""
    whole = Filters(year=filters.year)
    rows = reader.shared(registry, whole).table  # the page's own registry when no other filter is set
    match = rows[rows["partner_id"] == partner_id]
    partner = None if match.empty else match.iloc[0]
    base = f"a.year = ? AND a.partner_id = ? AND {_SOURCES_SQL}"
    params = [filters.year, partner_id, *PLEDGING_SOURCES]
    per_place = reader.query(
        f"""SELECT a.program_id, a.program_code, a.program_name, a.ppks_category_id, a.assistance_type,
                   a.beneficiary_unit, a.status, a.region_code, a.region_name, a.region_level, a.kabkota_code,
                   a.lat, a.lng, sum(a.budget) AS budget, sum(a.committed) AS committed, sum(a.spent) AS spent,
                   max(a.reached) AS reached
            FROM allocation_rows a WHERE {base}
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13""",
        params,
    )
    programs = (
        per_place.groupby(_PROGRAM, dropna=False, as_index=False)
        .agg(
            budget=("budget", "sum"),
            committed=("committed", "sum"),
            spent=("spent", "sum"),
            reached=("reached", lambda s: s.sum(min_count=1)),
        )
        .sort_values("program_code")
        .reset_index(drop=True)
    )
    places = (
        per_place.groupby(_PLACE, dropna=False, as_index=False)
        .agg(budget=("budget", "sum"), spent=("spent", "sum"), programs=("program_id", "nunique"))
        .sort_values("region_code")
        .reset_index(drop=True)
    )
    categories = (
        per_place.groupby("ppks_category_id", dropna=False, as_index=False)
        .agg(programs=("program_id", "nunique"), spent=("spent", "sum"))
        .sort_values("ppks_category_id")
        .reset_index(drop=True)
    )
    unit = per_place["beneficiary_unit"]
    people = {name: per_place.loc[unit == name, "reached"].sum(min_count=1) for name in PEOPLE_UNITS}
    budget, spent = float(per_place["budget"].sum()), float(per_place["spent"].sum())
    own = reader.in_scope(replace(reader.scope, partner_id=partner_id))
    compliance = reporting(own, whole)
    reported, of = compliance.totals(filters.year)
    return Profile(
        partner=partner,
        programs=programs,
        places=places,
        categories=categories,
        reached_jiwa=float(people["jiwa"]),
        reached_kk=float(people["KK"]),
        budget=budget,
        spent=spent,
        realisation=measures.realisation(spent, budget),
        reporting=compliance,
        reported=reported,
        reported_of=of,
        alignment=reader.shared(alignment, filters.year).of(partner_id),
        year=filters.year,
    )

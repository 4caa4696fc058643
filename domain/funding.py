"""Where the money comes from and where it goes: the view functions of the Pendanaan page.

One view function per page section; each returns a frozen dataclass of raw figures (Rupiah, jiwa,
KK, ratios 0–1) with codes, never labels: funding sources by code, PPKS categories by id (None =
Lintas PPKS, 'other' = the categories joined in the flow diagram), assistance types as stored
(None = not given), statuses and units as stored. The page translates them.

Money is summed over allocation rows (one per program, place and source), so a co-financed program
appears once per source and a program in several places once per place — never twice. Programs are
counted once; people once per program and place, in the program's own unit. Commitments exist only
for the pledging sources (`measures.PLEDGING_SOURCES`). Need is read at one level per area
(`domain.reader.NEED_LEVEL_RULE`); per-PPKS money uses PPKS counted in jiwa only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from domain import measures
from domain.filters import Filters
from domain.measures import PLEDGING_SOURCES
from domain.overview import Figures, SourceFunding, figures, funding_by_source
from domain.reader import Reader, allocation_filter, need_filter

OTHER = "other"  # the code of the categories joined in the flow diagram
_LEVEL_ORDER = ["provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan"]
_AREA = "coalesce(a.kabkota_code, a.region_code)"  # the kabupaten/kota of a row (a province row: itself)


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in values)


def _codes(column: pd.Series, kind: type = int) -> list[object]:
    """A column of codes as Python values, None where missing (pandas reads a NULL id as NaN)."""
    return [None if pd.isna(item) else kind(item) for item in column]


# --- stages: planned → committed → spent ---------------------------------------------------------


@dataclass(frozen=True)
class Stages:
    """From planned to spent. `totals`: the overview's headline figures (budget, committed of the
    pledging sources, spent, realisation); `by_source`: the same per funding source (see
    `overview.SourceFunding`; committed is NaN for the sources that do not pledge)."""

    totals: Figures
    by_source: SourceFunding

    @property
    def empty(self) -> bool:
        return self.by_source.empty


def stages(reader: Reader, filters: Filters) -> Stages:
    """Planned, committed (CSR/TJSL and PPM only) and spent, in total and per source."""
    return Stages(totals=reader.shared(figures, filters), by_source=reader.shared(funding_by_source, filters))


# --- by region: total, per resident, per person in need ------------------------------------------


@dataclass(frozen=True)
class RegionFunding:
    """Money per kabupaten/kota (a row placed at province level counts for the province itself).

    `areas`: region_code, region_name, region_level, budget, spent (Rupiah), population (jiwa, BPS,
    the latest year up to the filter year, else the earliest), population_year, ppks_jiwa, ppks_kk
    (need at one level; NaN where none is stored), per_resident, per_ppks (Rupiah per jiwa; NaN where
    the divisor is missing, and for money placed at province level). `table`: the same per funding
    source (region_code, region_name, region_level, source, budget, spent, per_resident, per_ppks).
    Per PPKS divides by PPKS counted in jiwa only; KK need is never mixed in. `need_levels`: the region
    levels the need figures come from."""

    table: pd.DataFrame
    areas: pd.DataFrame
    need_levels: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return self.table.empty

    @property
    def population_year(self) -> int | None:
        years = self.areas["population_year"].dropna()
        return int(years.max()) if len(years) else None

    def left_out(self, measure: str) -> tuple[str, ...]:
        """Names of the areas with money but no `measure` ('per_resident' or 'per_ppks') figure."""
        return tuple(self.areas.loc[self.areas[measure].isna(), "region_name"])


def by_region(reader: Reader, filters: Filters) -> RegionFunding:
    """Planned and spent per kabupaten/kota and source, also per resident and per PPKS jiwa (see
    `RegionFunding`)."""
    where, params = allocation_filter(filters)
    table = reader.query(
        f"""SELECT {_AREA} AS region_code, k.name AS region_name, k.level AS region_level,
                   a.funding_source AS source, sum(a.budget) AS budget, sum(a.spent) AS spent
            FROM allocation_rows a
            JOIN region_rows k ON k.code = {_AREA}
            JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where}
            GROUP BY 1, 2, 3, 4, f.sort_order ORDER BY 1, f.sort_order""",
        params,
    )
    population = reader.query(
        "SELECT s.region_code, s.year, s.value FROM region_stat_rows s WHERE s.metric = 'population'"
    )
    population["distance"] = (filters.year - population["year"]).where(
        population["year"] <= filters.year, 1000 + population["year"]
    )
    population = (
        population.sort_values("distance")
        .drop_duplicates("region_code")
        .rename(columns={"value": "population", "year": "population_year"})[
            ["region_code", "population", "population_year"]
        ]
    )
    need_where, need_params = need_filter(filters, by_kabkota=True)
    need = reader.query(
        f"""SELECT n.kabkota_code AS region_code, n.unit, n.region_level, sum(n.count) AS count
            FROM need_rows n WHERE {need_where} AND n.kabkota_code IS NOT NULL GROUP BY 1, 2, 3""",
        need_params,
    )
    by_unit = need.pivot_table(index="region_code", columns="unit", values="count", aggfunc="sum")
    need_table = pd.DataFrame(
        {
            "region_code": by_unit.index,
            "ppks_jiwa": by_unit["jiwa"].values if "jiwa" in by_unit else float("nan"),
            "ppks_kk": by_unit["KK"].values if "KK" in by_unit else float("nan"),
        }
    )
    need_levels = tuple(sorted(set(need.loc[need["unit"] == "jiwa", "region_level"]), key=_LEVEL_ORDER.index))

    areas = (
        table.groupby(["region_code", "region_name", "region_level"], as_index=False)[["budget", "spent"]]
        .sum(min_count=1)
        .merge(population, on="region_code", how="left")
        .merge(need_table, on="region_code", how="left")
    )
    kabkota = areas["region_level"] == "kabupaten_kota"
    areas["population"] = areas["population"].where(kabkota)
    areas["ppks_jiwa"] = areas["ppks_jiwa"].where(kabkota)
    areas["per_resident"] = measures.per_resident(areas["budget"], areas["population"])
    areas["per_ppks"] = measures.per_ppks(areas["budget"], areas["ppks_jiwa"])
    divisors = areas.set_index("region_code")
    table["per_resident"] = measures.per_resident(table["budget"], table["region_code"].map(divisors["population"]))
    table["per_ppks"] = measures.per_ppks(table["budget"], table["region_code"].map(divisors["ppks_jiwa"]))
    return RegionFunding(table=table, areas=areas, need_levels=need_levels)


# --- by PPKS category and by assistance type -----------------------------------------------------


@dataclass(frozen=True)
class Breakdown:
    """Planned and spent per code and funding source: `table` has `key` (the code column:
    ppks_category_id — an id, None = Lintas PPKS — or assistance_type — None = not given), source,
    budget, spent (Rupiah)."""

    table: pd.DataFrame
    key: str

    @property
    def empty(self) -> bool:
        return self.table.empty


def _breakdown(reader: Reader, filters: Filters, key: str, kind: type) -> Breakdown:
    where, params = allocation_filter(filters)
    table = reader.query(
        f"""SELECT a.{key}, a.funding_source AS source, sum(a.budget) AS budget, sum(a.spent) AS spent
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where}
            GROUP BY 1, 2, f.sort_order ORDER BY f.sort_order, 3 DESC""",
        params,
    )
    table[key] = pd.Series(_codes(table[key], kind), index=table.index, dtype=object)
    return Breakdown(table=table, key=key)


def by_ppks_category(reader: Reader, filters: Filters) -> Breakdown:
    """Planned and spent per PPKS category (`ppks_category_id`, None = Lintas PPKS) and source."""
    return _breakdown(reader, filters, "ppks_category_id", int)


def by_assistance_type(reader: Reader, filters: Filters) -> Breakdown:
    """Planned and spent per assistance type (`assistance_type`, None = not given) and source."""
    return _breakdown(reader, filters, "assistance_type", str)


# --- flows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flows:
    """Planned amounts along source → PPKS category → kabupaten/kota: `table` has source,
    ppks_category_id (an id; None = Lintas PPKS; `OTHER` = the categories beyond the largest
    `top_categories`, joined), region_code, region_name, budget (Rupiah)."""

    table: pd.DataFrame
    top_categories: int

    @property
    def empty(self) -> bool:
        return self.table.empty


def flows(reader: Reader, filters: Filters, top_categories: int = 7) -> Flows:
    """Planned amounts along source → PPKS category → kabupaten/kota; categories beyond the largest
    `top_categories` are joined into one (`OTHER`), so the diagram stays legible."""
    where, params = allocation_filter(filters)
    frame = reader.query(
        f"""SELECT a.funding_source AS source, a.ppks_category_id, {_AREA} AS region_code, k.name AS region_name,
                   sum(a.budget) AS budget
            FROM allocation_rows a JOIN region_rows k ON k.code = {_AREA}
            WHERE {where}
            GROUP BY 1, 2, 3, 4""",
        params,
    )
    # A string key per category, so that Lintas PPKS (None) groups like any other category.
    key = pd.Series(["lintas" if c is None else str(c) for c in _codes(frame["ppks_category_id"])], index=frame.index)
    largest = frame.groupby(key)["budget"].sum().nlargest(top_categories).index
    frame["category"] = key.where(key.isin(largest), OTHER)
    frame = frame.groupby(["source", "category", "region_code", "region_name"], as_index=False)["budget"].sum()
    codes = [None if c == "lintas" else (c if c == OTHER else int(c)) for c in frame["category"]]
    table = frame.assign(ppks_category_id=pd.Series(codes, index=frame.index, dtype=object))[
        ["source", "ppks_category_id", "region_code", "region_name", "budget"]
    ]
    return Flows(table=table, top_categories=top_categories)


# --- trends ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trends:
    """Every year in scope (the year filter is the one filter not applied). `table`: year, source,
    budget, spent (Rupiah). `shares`: year, pledging_budget (CSR/TJSL + PPM), budget (all sources),
    share (ratio; NaN for a year with no planned money)."""

    table: pd.DataFrame
    shares: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty


def trends(reader: Reader, filters: Filters) -> Trends:
    """Planned and spent per year and source, and each year's CSR/TJSL + PPM share of the planned
    total (`measures.share`)."""
    where, params = allocation_filter(filters, every_year=True)
    table = reader.query(
        f"""SELECT a.year, a.funding_source AS source, sum(a.budget) AS budget, sum(a.spent) AS spent
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where}
            GROUP BY 1, 2, f.sort_order ORDER BY 1, f.sort_order""",
        params,
    )
    pledging = table["budget"].where(table["source"].isin(PLEDGING_SOURCES), 0.0)
    shares = table.assign(pledging_budget=pledging).groupby("year", as_index=False)[["pledging_budget", "budget"]].sum()
    shares["share"] = measures.share(shares["pledging_budget"], shares["budget"])
    return Trends(table=table, shares=shares)


# --- implementers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Implementers:
    """Every implementer (agency or company), largest planned amount first. `table`: implementer,
    partner (a registered partner), budget, spent (Rupiah), programs, sources (tuple of source codes
    in the sources' order). `by_source`: implementer, source, budget, spent."""

    table: pd.DataFrame
    by_source: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty


def implementers(reader: Reader, filters: Filters) -> Implementers:
    """Planned and spent per implementer, in total and per source (see `Implementers`)."""
    where, params = allocation_filter(filters)
    table = reader.query(
        f"""SELECT a.implementer, max(CASE WHEN a.partner_id IS NOT NULL THEN 1 ELSE 0 END) = 1 AS partner,
                   sum(a.budget) AS budget, sum(a.spent) AS spent, count(DISTINCT a.program_id) AS programs
            FROM allocation_rows a WHERE {where}
            GROUP BY 1 ORDER BY 3 DESC, 1""",
        params,
    )
    by_source = reader.query(
        f"""SELECT a.implementer, a.funding_source AS source, sum(a.budget) AS budget, sum(a.spent) AS spent
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where}
            GROUP BY 1, 2, f.sort_order ORDER BY 1, f.sort_order""",
        params,
    )
    sources = by_source.groupby("implementer", sort=False)["source"].agg(tuple)
    table["sources"] = table["implementer"].map(sources)
    return Implementers(table=table, by_source=by_source)


# --- programs ----------------------------------------------------------------------------------

_PROGRAM_COLUMNS = (
    "a.program_id, a.program_code, a.program_name, a.implementer, a.year, a.ppks_category_id, a.assistance_type, "
    "a.status, a.beneficiary_unit, a.start_date, a.end_date"
)


@dataclass(frozen=True)
class ProgramTable:
    """One row per program in view, largest planned amount first: program_id, program_code,
    program_name, implementer, year, ppks_category_id (None = Lintas PPKS), assistance_type, status,
    beneficiary_unit (jiwa, KK, unit or lembaga), start_date, end_date, sources (tuple of codes),
    places, budget, committed (pledging sources only; NaN for a program without one), spent (Rupiah;
    NaN where not reported), target, reached (in the program's own unit, once per place)."""

    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty

    @property
    def statuses(self) -> tuple[str, ...]:
        """The status codes present, sorted."""
        return tuple(sorted(self.table["status"].dropna().unique()))


def program_table(reader: Reader, filters: Filters) -> ProgramTable:
    """The programs in view with their sources, places, amounts and people (see `ProgramTable`)."""
    where, params = allocation_filter(filters)
    table = reader.query(
        f"""SELECT {_PROGRAM_COLUMNS},
                   count(DISTINCT a.region_code) AS places, sum(a.budget) AS budget,
                   sum(CASE WHEN a.funding_source IN ({_marks(PLEDGING_SOURCES)}) THEN a.committed END) AS committed,
                   sum(a.spent) AS spent, max(people.target) AS target, max(people.reached) AS reached
            FROM allocation_rows a
            JOIN (SELECT program_id, sum(target) AS target, sum(reached) AS reached
                  FROM (SELECT a.program_id, a.region_code, max(a.target) AS target, max(a.reached) AS reached
                        FROM allocation_rows a WHERE {where} GROUP BY 1, 2) AS per_place
                  GROUP BY 1) AS people ON people.program_id = a.program_id
            WHERE {where}
            GROUP BY {_PROGRAM_COLUMNS}
            ORDER BY budget DESC, a.program_code""",
        [*PLEDGING_SOURCES, *params, *params],
    )
    sources = reader.query(
        f"""SELECT DISTINCT a.program_id, a.funding_source AS source, f.sort_order
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where} ORDER BY 1, 3""",
        params,
    )
    table["ppks_category_id"] = pd.Series(_codes(table["ppks_category_id"]), index=table.index, dtype=object)
    table["sources"] = table["program_id"].map(sources.groupby("program_id")["source"].agg(tuple))
    return ProgramTable(table=table)


def filter_programs(table: pd.DataFrame, text: str | None, statuses: tuple[str, ...] | list[str] = ()) -> pd.DataFrame:
    """The rows of a `ProgramTable.table` whose code, name or implementer contains `text` (case
    ignored; empty = all) and whose status is one of `statuses` (empty = all)."""
    shown = table
    needle = (text or "").strip().lower()
    if needle:
        columns = shown[["program_code", "program_name", "implementer"]].fillna("").astype(str)
        shown = shown[columns.apply(lambda column: column.str.lower().str.contains(needle, regex=False)).any(axis=1)]
    if statuses:
        shown = shown[shown["status"].isin(list(statuses))]
    return shown


@dataclass(frozen=True)
class ProgramDetail:
    """One program's places in scope (every place, whatever the filters): `places` has region_code,
    region_name, region_level, source, budget, committed (pledging sources only), spent (Rupiah),
    target, reached (in `beneficiary_unit`). `target` and `reached` count people once per place
    (NaN/None where not reported). `found` is False when the program is not in scope."""

    program_id: int
    program_code: str | None
    program_name: str | None
    implementer: str | None
    year: int | None
    status: str | None
    beneficiary_unit: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    places: pd.DataFrame
    target: float | None
    reached: float | None

    @property
    def found(self) -> bool:
        return not self.places.empty


def program_detail(reader: Reader, program_id: int) -> ProgramDetail:
    """A program's rows in scope: place, source, amounts, people (see `ProgramDetail`)."""
    frame = reader.query(
        f"""SELECT {_PROGRAM_COLUMNS}, a.region_code, a.region_name, a.region_level, a.funding_source AS source,
                   a.budget, a.spent, a.target, a.reached,
                   CASE WHEN a.funding_source IN ({_marks(PLEDGING_SOURCES)}) THEN a.committed END AS committed
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source
            WHERE a.program_id = ?
            ORDER BY a.region_code, f.sort_order""",
        [*PLEDGING_SOURCES, program_id],
    )
    places = frame[
        ["region_code", "region_name", "region_level", "source", "budget", "committed", "spent", "target", "reached"]
    ].reset_index(drop=True)
    per_place = frame.groupby("region_code")[["target", "reached"]].max()
    first = frame.iloc[0] if len(frame) else None

    def get(column: str) -> object:
        return None if first is None or pd.isna(first[column]) else first[column]

    def date(column: str) -> dt.date | None:
        raw = get(column)
        return None if raw is None else pd.Timestamp(raw).date()

    def total(column: str) -> float | None:
        values = per_place[column].dropna()
        return float(values.sum()) if len(values) else None

    return ProgramDetail(
        program_id=program_id,
        program_code=get("program_code"),
        program_name=get("program_name"),
        implementer=get("implementer"),
        year=None if get("year") is None else int(get("year")),
        status=get("status"),
        beneficiary_unit=get("beneficiary_unit"),
        start_date=date("start_date"),
        end_date=date("end_date"),
        places=places,
        target=total("target"),
        reached=total("reached"),
    )

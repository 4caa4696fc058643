"""The executive overview (Ringkasan) and the `summary` command: what was planned, committed and
spent, by whom, for how many people, against how much need. One view function per page section;
each returns a frozen dataclass of raw figures (Rupiah, jiwa, KK) that pages, the command line and
reports only render.

Rules: people are counted once per program and place (a co-financed program repeats its target on
each source's row); jiwa and KK are never added; programs counted in unit or lembaga count no
people; commitments exist only for the pledging sources (CSR/TJSL, PPM); need is read at one level
(`domain.reader.NEED_LEVEL_RULE`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from domain import measures
from domain.filters import LINTAS_PPKS, Filters
from domain.measures import PEOPLE_UNITS, PLEDGING_SOURCES
from domain.reader import Reader, allocation_filter, need_filter, need_set_aside


@dataclass(frozen=True)
class People:
    """A count of people in both units, never added: jiwa (persons) and KK (households)."""

    jiwa: float = 0.0
    kk: float = 0.0

    @property
    def any(self) -> bool:
        return bool(self.jiwa or self.kk)


@dataclass(frozen=True)
class Figures:
    """The headline figures of one year for the filters and scope."""

    year: int
    budget_idr: float  # pagu, all sources
    committed_idr: float | None  # komitmen of the pledging sources (CSR/TJSL, PPM); None without their rows
    committed_budget_idr: float | None  # pagu of the pledging sources, to read the commitment against
    spent_idr: float  # realisasi, all sources
    programs: int
    target: People  # people targeted, per place, programs counted in jiwa or KK
    reached: People  # people reached, same programs
    target_reported: People  # target of the places that report a reached figure
    reached_in_need: People | None  # reached by programs of a kab/kota × category × unit that has need
    ppks: People  # people in need, at one level per area
    need_levels: tuple[str, ...]  # region levels the need figures come from
    need_set_aside: People  # stored need not counted, as a finer or coarser figure covers its area

    @property
    def realisation(self) -> float | None:
        return measures.realisation(self.spent_idr, self.budget_idr)

    @property
    def reach_jiwa(self) -> float | None:
        return measures.reach(self.reached.jiwa, self.target_reported.jiwa)

    @property
    def reach_kk(self) -> float | None:
        return measures.reach(self.reached.kk, self.target_reported.kk)

    @property
    def coverage_basis(self) -> str | None:
        """'jiwa' when need is counted in jiwa (people reached in jiwa ÷ PPKS jiwa), else 'KK' when
        need is counted in KK, else None (no need data)."""
        if self.ppks.jiwa:
            return "jiwa"
        if self.ppks.kk:
            return "KK"
        return None

    @property
    def coverage(self) -> float | None:
        """People reached ÷ people in need, in the unit of `coverage_basis`: only the people reached
        by programs of a PPKS category that has need in that unit in the same kab/kota count (a
        program for persons with disabilities does not cover the poor). None for Lintas PPKS
        programs, which serve no single category."""
        if self.reached_in_need is None:
            return None
        if self.coverage_basis == "jiwa":
            return measures.coverage(self.reached_in_need.jiwa, self.ppks.jiwa)
        if self.coverage_basis == "KK":
            return measures.coverage(self.reached_in_need.kk, self.ppks.kk)
        return None

    @property
    def ppks_in_basis(self) -> float | None:
        """People in need in the unit of `coverage_basis` (jiwa, else KK), None without need data."""
        return {"jiwa": self.ppks.jiwa, "KK": self.ppks.kk}.get(self.coverage_basis)

    @property
    def coverage_kk(self) -> float | None:
        """Households reached ÷ households in need (same rule as `coverage`), where KK need exists."""
        if self.reached_in_need is None:
            return None
        return measures.coverage(self.reached_in_need.kk, self.ppks.kk)

    @property
    def has_data(self) -> bool:
        return bool(self.programs or self.ppks.any)

    def as_record(self) -> dict[str, object]:
        """The figures as one flat record of raw values (Rupiah, jiwa, KK, ratios 0–1 or None), the
        shape of `python -m data_loaders summary --format json`."""
        return {
            "year": self.year,
            "budget_idr": self.budget_idr,
            "committed_idr": self.committed_idr,
            "committed_sources": list(PLEDGING_SOURCES),
            "spent_idr": self.spent_idr,
            "realisation": self.realisation,
            "programs": self.programs,
            "target_jiwa": self.target.jiwa,
            "target_kk": self.target.kk,
            "reached_jiwa": self.reached.jiwa,
            "reached_kk": self.reached.kk,
            "reach_jiwa": self.reach_jiwa,
            "reach_kk": self.reach_kk,
            "reached_in_need_jiwa": None if self.reached_in_need is None else self.reached_in_need.jiwa,
            "reached_in_need_kk": None if self.reached_in_need is None else self.reached_in_need.kk,
            "ppks_jiwa": self.ppks.jiwa,
            "ppks_kk": self.ppks.kk,
            "coverage": self.coverage,
            "coverage_basis": self.coverage_basis,
            "coverage_kk": self.coverage_kk,
            "need_levels": list(self.need_levels),
            "need_set_aside_jiwa": self.need_set_aside.jiwa,
            "need_set_aside_kk": self.need_set_aside.kk,
        }


@dataclass(frozen=True)
class Headline:
    """The overview's cards: this year's figures and the previous year's, for the changes."""

    current: Figures
    previous: Figures


def figures(reader: Reader, filters: Filters) -> Figures:
    """The headline figures of `filters.year` (see `Figures`)."""
    where, params = allocation_filter(filters)
    pledging = f"a.funding_source IN ({_marks(PLEDGING_SOURCES)})"
    money = reader.query(
        f"""SELECT coalesce(sum(a.budget), 0) AS budget, coalesce(sum(a.spent), 0) AS spent,
                   sum(CASE WHEN {pledging} THEN coalesce(a.committed, 0) END) AS committed,
                   sum(CASE WHEN {pledging} THEN a.budget END) AS committed_budget,
                   count(DISTINCT a.program_id) AS programs
            FROM allocation_rows a WHERE {where}""",
        [*PLEDGING_SOURCES, *PLEDGING_SOURCES, *params],
    ).iloc[0]
    need_where, need_params = need_filter(filters)
    # People once per program and place; those of a kab/kota × category × unit with need count toward coverage.
    people = reader.query(
        f"""WITH per_place AS (
              SELECT a.program_id, a.region_code, a.kabkota_code, a.ppks_category_id, a.beneficiary_unit AS unit,
                     max(a.target) AS target, max(a.reached) AS reached
              FROM allocation_rows a WHERE {where} AND a.beneficiary_unit IN ({_marks(PEOPLE_UNITS)})
              GROUP BY a.program_id, a.region_code, a.kabkota_code, a.ppks_category_id, a.beneficiary_unit
            ), need_cells AS (
              SELECT DISTINCT n.kabkota_code, n.ppks_category_id, n.unit FROM need_rows n WHERE {need_where}
            )
            SELECT p.unit, sum(p.target) AS target, sum(p.reached) AS reached,
                   sum(CASE WHEN p.reached IS NOT NULL THEN p.target END) AS target_reported,
                   sum(CASE WHEN c.unit IS NOT NULL THEN p.reached END) AS reached_in_need
            FROM per_place p
            LEFT JOIN need_cells c ON c.kabkota_code = p.kabkota_code AND c.ppks_category_id = p.ppks_category_id
                                  AND c.unit = p.unit
            GROUP BY p.unit""",
        [*params, *PEOPLE_UNITS, *need_params],
    ).set_index("unit")
    levelled_where, levelled_params = need_filter(filters, counted=False)
    need = reader.query(
        f"""SELECT n.unit, n.region_level, {need_set_aside(filters)} AS set_aside, sum(n.count) AS count
            FROM need_levelled n WHERE {levelled_where} GROUP BY 1, 2, 3""",
        levelled_params,
    )
    set_aside = need[need["set_aside"]].groupby("unit")["count"].sum()
    counted = need[~need["set_aside"]]
    by_unit = counted.groupby("unit")["count"].sum()
    return Figures(
        year=filters.year,
        budget_idr=float(money["budget"]),
        committed_idr=_amount(money["committed"]),
        committed_budget_idr=_amount(money["committed_budget"]),
        spent_idr=float(money["spent"]),
        programs=int(money["programs"]),
        target=_people(people, "target"),
        reached=_people(people, "reached"),
        target_reported=_people(people, "target_reported"),
        reached_in_need=None if filters.ppks == LINTAS_PPKS else _people(people, "reached_in_need"),
        ppks=People(jiwa=float(by_unit.get("jiwa", 0.0)), kk=float(by_unit.get("KK", 0.0))),
        need_levels=tuple(sorted(set(counted["region_level"]), key=_LEVEL_ORDER.index)),
        need_set_aside=People(jiwa=float(set_aside.get("jiwa", 0.0)), kk=float(set_aside.get("KK", 0.0))),
    )


def _amount(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def headline(reader: Reader, filters: Filters) -> Headline:
    """The overview's cards: `figures` of the year and of the year before."""
    return Headline(current=reader.shared(figures, filters), previous=reader.shared(figures, filters.previous_year()))


_LEVEL_ORDER = ["provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan"]


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in values)


def _people(frame: pd.DataFrame, column: str) -> People:
    def get(unit: str) -> float:
        if unit not in frame.index or pd.isna(frame.at[unit, column]):
            return 0.0
        return float(frame.at[unit, column])

    return People(jiwa=get("jiwa"), kk=get("KK"))


@dataclass(frozen=True)
class SourceFunding:
    """Per funding source, in the sources' fixed order (sources without programs left out):
    `table` has source (code), budget, committed (NaN for sources that do not pledge), spent,
    realisation (ratio), programs."""

    table: pd.DataFrame
    # How a page shows `table`: column → (header key, kind of `ui.tables.show_columns`).
    columns: ClassVar[dict[str, tuple[str, str]]] = {
        "source": ("col_source", "source"),
        "budget": ("col_budget", "money"),
        "committed": ("col_committed", "money"),
        "spent": ("col_spent", "money"),
        "realisation": ("col_realisation", "percent"),
        "programs": ("col_programs", "number"),
    }

    @property
    def empty(self) -> bool:
        return self.table.empty

    @property
    def largest(self) -> pd.Series | None:
        """The source with the largest planned amount, with its share of the total (`share`)."""
        if self.table.empty:
            return None
        row = self.table.sort_values("budget", ascending=False).iloc[0].copy()
        row["share"] = measures.share(row["budget"], self.table["budget"].sum())
        return row


def funding_by_source(reader: Reader, filters: Filters) -> SourceFunding:
    """Planned, committed (pledging sources only) and spent per funding source."""
    where, params = allocation_filter(filters)
    table = reader.query(
        f"""SELECT a.funding_source AS source, sum(a.budget) AS budget,
                   CASE WHEN a.funding_source IN ({_marks(PLEDGING_SOURCES)}) THEN sum(a.committed) END AS committed,
                   sum(a.spent) AS spent, count(DISTINCT a.program_id) AS programs
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where}
            GROUP BY a.funding_source, f.sort_order ORDER BY f.sort_order""",
        [*PLEDGING_SOURCES, *params],
    )
    table["realisation"] = measures.realisation(table["spent"], table["budget"])
    return SourceFunding(table=table)


@dataclass(frozen=True)
class AreaFunding:
    """Planned and spent per area and source, one level below the selection (kab/kota for the
    province, kecamatan inside a kab/kota). `table`: area_code, area_name, whole_region (money
    allocated to the selected region as a whole, not to one of its parts), source, budget, spent.
    `level` is the areas' level."""

    table: pd.DataFrame
    level: str

    @property
    def empty(self) -> bool:
        return self.table.empty

    def largest(self) -> tuple[str, float, bool] | None:
        """(area name, planned amount, whole_region) of the area with the most planned money."""
        if self.table.empty:
            return None
        totals = self.table.groupby(["area_name", "whole_region"])["budget"].sum().sort_values(ascending=False)
        (name, whole), amount = next(iter(totals.items()))
        return str(name), float(amount), bool(whole)


def funding_by_area(reader: Reader, filters: Filters) -> AreaFunding:
    """Planned and spent per area one level below the selection, per source (see `AreaFunding`)."""
    where, params = allocation_filter(filters)
    if filters.kabkota:
        level, area = "kecamatan", "coalesce(a.kecamatan_code, a.kabkota_code)"
    else:
        level, area = "kabupaten_kota", "coalesce(a.kabkota_code, a.region_code)"
    table = reader.query(
        f"""SELECT {area} AS area_code, k.name AS area_name, k.level <> ? AS whole_region,
                   a.funding_source AS source, sum(a.budget) AS budget, sum(a.spent) AS spent
            FROM allocation_rows a
            JOIN region_rows k ON k.code = {area}
            JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where}
            GROUP BY 1, 2, 3, 4, f.sort_order
            ORDER BY 1, f.sort_order""",
        [level, *params],
    )
    return AreaFunding(table=table, level=level)


def available_years(reader: Reader) -> tuple[int, ...]:
    """Years that have programs or need (PPKS) figures in scope, oldest first."""
    return tuple(int(year) for year in reader.shared(_years)["year"])


def default_year(reader: Reader) -> int | None:
    """The year the dashboard opens on: the latest year in scope with realised data — programs in a
    status other than 'usulan' (proposed) or need (PPKS) figures — so a year that holds only next
    year's proposals is offered (`available_years`) but not opened. Without such a year, the latest
    year with proposals; None without any data."""
    years = reader.shared(_years)
    realised = years.loc[years["realised"], "year"]
    if not realised.empty:
        return int(realised.max())
    return int(years["year"].max()) if not years.empty else None


def _years(reader: Reader) -> pd.DataFrame:
    """year (oldest first) and realised (bool: programs not in 'usulan' or need figures that year),
    read once for both `available_years` and `default_year`."""
    frame = reader.query(
        "SELECT year, bool_or(realised) AS realised FROM ("
        "SELECT year, coalesce(status <> 'usulan', FALSE) AS realised FROM allocation_rows "
        "UNION ALL SELECT year, TRUE FROM need_rows) AS years GROUP BY year ORDER BY year"
    )
    return frame.assign(realised=frame["realised"].astype(bool))


@dataclass(frozen=True)
class DataStatus:
    """Where the figures on screen come from, for the 'Sumber: …, per …' lines."""

    is_sample: bool
    has_imports: bool
    as_of: dt.datetime | None
    files: tuple[str, ...]


def data_status(reader: Reader) -> DataStatus:
    """The committed imports in scope: sample or not, the latest import time and the file names."""
    imports = reader.query(
        "SELECT file_name, imported_at, is_sample FROM import_rows WHERE status = 'committed' ORDER BY imported_at, id"
    )
    if imports.empty:
        return DataStatus(is_sample=False, has_imports=False, as_of=None, files=())
    return DataStatus(
        is_sample=bool(imports["is_sample"].any()),
        has_imports=True,
        as_of=pd.Timestamp(imports["imported_at"].max()).to_pydatetime(),
        files=tuple(imports["file_name"]),
    )

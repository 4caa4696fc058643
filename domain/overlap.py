"""Beneficiary overlap ("tumpang tindih" between people): who receives several programs in one year,
from several funding sources, or the same kind of help twice; the pairs of sources and programs
that share people; how well programs reach the poorest deciles; and a partner's own list checked
against the lists. Computed in the store over the pseudonymised NIK (`nik_hash`, a keyed hash), so
no raw NIK is ever needed, and in SQL so five million rows stay fast: people are counted by their
`person_key`, a whole number per `nik_hash` (`data_loaders/derived.py`).

Rules: a person is counted in the kabupaten/kota of each of their beneficiary rows; the total
counts every person once. A co-financed program (one program, several sources) is one program: a
person in it alone is not counted as receiving from several sources. The rules are SQL templates in
`data_loaders/derived.py`: the forum's scope (`Scope()`) reads the figures they stored for the data
version (`Reader.stored_overlaps`), every other scope computes them from its own beneficiary rows —
under a partner's scope, only the beneficiaries of that partner's programs, so the overlaps are
those among its own programs. The shared filters' year
and kabupaten/kota apply (`beneficiary_filter`); funding sources and PPKS categories do not (the
lists carry no source, and a person's category is not a program's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from data_loaders import derived
from domain import measures
from domain.filters import Filters
from domain.reader import Reader, beneficiary_filter

COUNTS = ("people", "multi_program", "cross_source", "same_kind")
Columns = dict[str, tuple[str, str]]  # column -> (i18n key of its header, display kind); 'hidden' = a count
# of people that pages show suppressed below a threshold


@dataclass(frozen=True)
class OverlapCounts:
    """Distinct people, and those in 2+ programs, in 2+ programs with 2+ funding sources between
    them, and in 2+ programs of the same assistance type."""

    people: int = 0
    multi_program: int = 0
    cross_source: int = 0
    same_kind: int = 0


@dataclass(frozen=True)
class PeopleOverlaps:
    """`table`: one row per kabupaten/kota in view (zero where nobody is listed), columns
    region_code, region_name and the `COUNTS` (persons). `total` counts every person once."""

    table: pd.DataFrame
    total: OverlapCounts
    columns: ClassVar[Columns] = {
        "region_name": ("col_place", "text"),
        "people": ("col_people", "hidden"),
        "multi_program": ("col_multi_program", "hidden"),
        "cross_source": ("col_cross_source", "hidden"),
        "same_kind": ("col_same_kind", "hidden"),
    }

    @property
    def empty(self) -> bool:
        return self.total.people == 0

    def with_total(self, name: str) -> pd.DataFrame:
        """`table` with a last row for the total, named `name` (region_code None)."""
        total = pd.DataFrame([{"region_code": None, "region_name": name, **vars(self.total)}])
        return pd.concat([self.table, total], ignore_index=True)


def _stored(filters: Filters) -> tuple[str, list[object]]:
    """The condition over a stored overlap relation that keeps the figures of `filters`' view."""
    if filters.kabkota:
        return "year = ? AND kabkota_filter = ?", [filters.year, filters.kabkota]
    return "year = ? AND kabkota_filter IS NULL", [filters.year]


def _live(filters: Filters) -> tuple[str, list[object], str]:
    """The condition, its parameters and the view (`derived.PROVINCE_VIEW` or `KABKOTA_VIEW`) that
    compute `filters`' figures from the reader's rows."""
    where, params = beneficiary_filter(filters)
    return where, params, derived.KABKOTA_VIEW if filters.kabkota else derived.PROVINCE_VIEW


def overlaps_by_region(reader: Reader, filters: Filters) -> PeopleOverlaps:
    """People in several programs per kabupaten/kota for `filters.year` (see `PeopleOverlaps`; the
    rule is `data_loaders.derived.overlap_counts_sql`): the stored figures in the forum's scope,
    else computed from the reader's rows (`Reader.stored_overlaps`)."""
    if reader.stored_overlaps():
        where, params = _stored(filters)
        counts = reader.query(f"SELECT * FROM overlap_count_rows WHERE {where}", params)
    else:
        where, params, view = _live(filters)
        counts = reader.query(derived.overlap_counts_sql("beneficiary_rows", "program_sources", where, view), params)
    region_where = "level = 'kabupaten_kota'" + (" AND code = ?" if filters.kabkota else "")
    regions = reader.query(
        f"SELECT code AS region_code, name AS region_name FROM region_rows WHERE {region_where} ORDER BY code",
        [filters.kabkota] if filters.kabkota else [],
    )
    total = counts[(counts["is_total"] == 1) & (counts["people"] > 0)]
    table = regions.merge(counts[counts["is_total"] == 0].drop(columns="is_total"), on="region_code", how="left")
    for column in COUNTS:
        table[column] = table[column].fillna(0).astype(int)
    totals = OverlapCounts(**{c: int(total.iloc[0][c]) for c in COUNTS}) if not total.empty else OverlapCounts()
    return PeopleOverlaps(table=table[["region_code", "region_name", *COUNTS]], total=totals)


@dataclass(frozen=True)
class SourcePairs:
    """People listed in programs of two funding sources, per pair: `table` source_a, source_b
    (funding source codes, a < b) and people (persons), most shared first. A co-financed program
    pairs its own sources (its people receive money from both)."""

    table: pd.DataFrame
    columns: ClassVar[Columns] = {"source_a": ("col_pair", "source_pair"), "people": ("col_people", "hidden")}

    @property
    def empty(self) -> bool:
        return self.table.empty


def _by_kind(
    reader: Reader,
    filters: Filters,
    kind: str,
    stored: str,
    template: Callable[..., str],
    columns: str,
    order: str = "",
) -> pd.DataFrame:
    """`columns` of the figures of `kind` ('source' or 'program') for `filters`: read from the stored
    relation `stored` (`Reader.stored_overlaps`), else computed with `template` (a rule of
    `data_loaders.derived` taking rows, sources, where, kind and view) over the reader's rows."""
    if reader.stored_overlaps():
        where, params = _stored(filters)
        return reader.query(f"SELECT {columns} FROM {stored} WHERE {where} AND kind = ? {order}", [*params, kind])
    where, params, view = _live(filters)
    sql = template("beneficiary_rows", "program_sources", where, kind, view)
    return reader.query(f"SELECT {columns} FROM ({sql}) AS figures {order}", params)


def _pairs(reader: Reader, filters: Filters, kind: str) -> pd.DataFrame:
    """Pairs of `kind` ('source' or 'program', `derived.overlap_pairs_sql`) for `filters.year`: item_a,
    item_b and people, most shared first."""
    columns, order = "item_a, item_b, people", "ORDER BY people DESC, item_a, item_b"
    return _by_kind(reader, filters, kind, "overlap_pair_rows", derived.overlap_pairs_sql, columns, order)


def source_pairs(reader: Reader, filters: Filters) -> SourcePairs:
    """Pairs of funding sources whose programs list the same people in `filters.year`."""
    table = _pairs(reader, filters, "source").rename(columns={"item_a": "source_a", "item_b": "source_b"})
    return SourcePairs(table=table)


@dataclass(frozen=True)
class ProgramPairs:
    """The pairs of programs sharing the most people: `table` program_a, program_b (program names,
    or codes where the program is not registered) and people (persons)."""

    table: pd.DataFrame
    columns: ClassVar[Columns] = {"program_a": ("col_pair", "pair"), "people": ("col_people", "hidden")}

    @property
    def empty(self) -> bool:
        return self.table.empty


def program_pairs(reader: Reader, filters: Filters, top: int = 10) -> ProgramPairs:
    """The `top` pairs of programs that share the most people in `filters.year`."""
    table = _pairs(reader, filters, "program").head(top).reset_index(drop=True)
    return ProgramPairs(table=table.rename(columns={"item_a": "program_a", "item_b": "program_b"}))


@dataclass(frozen=True)
class Targeting:
    """'Tepat sasaran' where deciles exist: per program (`by_program`: name = program name or code)
    and per funding source (`by_source`: source = code), the people listed with a decile (`listed`),
    those in desil 1–4 (`poorest`, the poorest 40 %) and their share (`share_poorest`, ratio);
    least on target first."""

    by_program: pd.DataFrame
    by_source: pd.DataFrame
    source_columns: ClassVar[Columns] = {
        "source": ("col_name_program_source", "source"),
        "listed": ("col_listed", "hidden"),
        "share_poorest": ("col_poorest", "percent"),
    }
    program_columns: ClassVar[Columns] = {
        "name": ("col_name_program_source", "text"),
        "listed": ("col_listed", "hidden"),
        "share_poorest": ("col_poorest", "percent"),
    }

    @property
    def empty(self) -> bool:
        return self.by_program.empty and self.by_source.empty


def targeting(reader: Reader, filters: Filters) -> Targeting:
    """The share of listed people in desil 1–4, per program and per funding source
    (`derived.targeting_sql`), stored or computed (`_by_kind`)."""

    def counted(kind: str) -> pd.DataFrame:
        return _by_kind(reader, filters, kind, "targeting_count_rows", derived.targeting_sql, "name, listed, poorest")

    def ordered(frame: pd.DataFrame, key: str) -> pd.DataFrame:
        frame = frame.rename(columns={"name": key}).astype({"listed": "int64", "poorest": "int64"})
        frame = frame.assign(share_poorest=measures.share(frame["poorest"], frame["listed"]))
        return frame.sort_values(["share_poorest", key], ignore_index=True)

    return Targeting(by_program=ordered(counted("program"), "name"), by_source=ordered(counted("source"), "source"))


@dataclass(frozen=True)
class LeftOut:
    """People in desil 1 listed in an earlier year but in no program in `year` (persons). The lists
    hold only people who received something, so those who never did cannot be counted from them."""

    year: int
    people: int


def poorest_left_out(reader: Reader, filters: Filters) -> LeftOut:
    """Desil-1 people of earlier years (in the filters' kabupaten/kota) missing from this year's
    lists (anywhere in scope), `derived.left_out_sql`: stored or computed as `overlaps_by_region`
    (computed also for a year whose figures are not stored: one without beneficiaries or programs
    when beneficiaries were last written)."""
    if reader.stored_overlaps():
        stored = reader.query(
            "SELECT kabkota_filter, people FROM left_out_count_rows WHERE year = ? AND "
            "(kabkota_filter IS NULL OR kabkota_filter = ?)",
            [filters.year, filters.kabkota or ""],
        )
        if stored["kabkota_filter"].isna().any():  # the year's figures are stored; a kab/kota without a row has 0
            kept = stored["kabkota_filter"] == filters.kabkota if filters.kabkota else stored["kabkota_filter"].isna()
            return LeftOut(year=filters.year, people=int(stored.loc[kept, "people"].sum()))
    view = derived.KABKOTA_VIEW if filters.kabkota else derived.PROVINCE_VIEW
    region, region_params = ("b.kabkota_code = ?", [filters.kabkota]) if filters.kabkota else ("TRUE", [])
    counted = reader.query(
        derived.left_out_sql("beneficiary_rows", region, view), [filters.year, *region_params, filters.year]
    )
    return LeftOut(year=filters.year, people=int(counted["people"].sum()))


@dataclass(frozen=True)
class ListCheck:
    """A partner's own list against the lists of `year`: `table` region_name (kabupaten/kota),
    assistance_type (code; None where not given) and people (persons of the list found there);
    `found`: persons of the list found at all (each once); `listed`: distinct persons in the list."""

    table: pd.DataFrame
    found: int
    listed: int
    year: int
    columns: ClassVar[Columns] = {
        "region_name": ("col_place", "text"),
        "assistance_type": ("col_assistance", "assistance"),
        "people": ("col_people", "hidden"),
    }


def check_list(reader: Reader, hashes: tuple[str, ...], filters: Filters) -> ListCheck:
    """How many people of a partner's own list (as keyed hashes, see `data_loaders.nik`) already
    receive help in `filters.year`, per kabupaten/kota and assistance type and in all. Only counts
    leave this function; the list is not stored. Not meant to be cached (the page calls it with an
    uncached reader)."""
    where, params = beneficiary_filter(filters)
    uploaded = pd.DataFrame({"nik_hash": sorted(set(hashes))}, dtype=str)
    matched = f"""FROM uploaded u JOIN beneficiary_rows b ON b.nik_hash = u.nik_hash
            JOIN region_rows k ON k.code = b.kabkota_code WHERE {where}"""
    table = reader.query_frame(
        f"""SELECT k.name AS region_name, b.assistance_type, count(DISTINCT b.nik_hash) AS people
            {matched} GROUP BY 1, 2 ORDER BY 1, 2""",
        params,
        uploaded=uploaded,
    )
    found = reader.query_frame(f"SELECT count(DISTINCT b.nik_hash) AS n {matched}", params, uploaded=uploaded)
    table["assistance_type"] = table["assistance_type"].astype(object).where(table["assistance_type"].notna(), None)
    return ListCheck(table=table, found=int(found.iloc[0]["n"]), listed=len(uploaded), year=filters.year)


@dataclass(frozen=True)
class ListCounts:
    """A mitra's own list against every beneficiary of `year`, counts only (`Reader.count_listed`):
    `table` funding_source (code) and people (persons of the list in that source's programs, None
    where withheld, below `reader.SMALL_COUNT`); `found` the persons found at all (None = withheld);
    `listed` distinct persons in the list."""

    table: pd.DataFrame
    found: int | None
    listed: int
    year: int


def check_list_counts(reader: Reader, hashes: tuple[str, ...], filters: Filters) -> ListCounts:
    """How many people of a mitra's own list receive help in `filters.year`, by funding source and in
    all, over every company's and agency's beneficiaries — counts only, small counts withheld (the
    rule of `domain.reader`). Raises PermissionError for a visitor's scope. Not cached."""
    counts = reader.count_listed(hashes, filters)
    total = counts["funding_source"].isna()
    found = counts.loc[total, "people"].iloc[0] if total.any() else 0
    table = counts.loc[~total].reset_index(drop=True)
    return ListCounts(table=table, found=found, listed=len(set(hashes)), year=filters.year)

"""Gaps and overlaps by area × PPKS category for one year: need (PPKS) against the people programs
reach and the money they bring, two flags whose reasons are spelled out, the coordination agenda,
the quadrant and heat table, and where a budget would close the largest gaps.

Areas are the kabupaten/kota, or — when the filters select one — its kecamatan; money and need
placed at a higher level than the areas (the province as a whole in the kabupaten/kota view, a
kabupaten/kota as a whole in its kecamatan view) form an area of their own, marked `whole_region`
with its level in `whole_level` ('provinsi' or 'kabupaten_kota'), and are never spread.

Rules (one place, used by every view here):

- **Units.** A cell's coverage is taken in the unit of its need (`need_rows.unit`, jiwa or KK):
  people reached by programs counted in that unit ÷ need in that unit (`measures.coverage`). Reach
  of programs counted in the other unit is kept beside it (`reached_jiwa`, `reached_kk`), never
  added. Programs counted in unit or lembaga bring money and count as programs, but no people
  (`measures.PEOPLE_UNITS`). Where a cell's need is recorded in both units, coverage is taken in
  jiwa and the KK need is shown beside it.
- **People figures only where programs count people and report them.** Per cell, the programs
  counted in jiwa or KK are counted (`people_programs`) and `reach_reported` says whether any of
  them reports a reached figure. `reached` (and so `coverage` and `unmet`) is NaN — not 0 — when the
  cell has programs but none that count people reports a reach (only unit/lembaga programs, or
  jiwa/KK programs with no reached figure), and also when programs counted in the need's unit exist
  but none of them reports. A cell with no program at all has reached 0. A cell whose only reporting
  programs count the other unit has reached 0 in the need's unit (their reach is shown beside it).
- **Flags use that same-unit coverage.** CELAH (gap): need ≥ `Thresholds.min_need` and coverage
  below `Thresholds.gap_coverage`. Where coverage is NaN because no people figure is reported, the
  cell is a gap only if it has NO program counting people at all (`people_programs` == 0: only
  unit/lembaga programs) and need ≥ `Thresholds.min_need`; a cell with jiwa/KK programs that report
  no reach is not flagged (its reach is unknown, not zero). TUMPANG TINDIH (overlap): two or more
  programs or funding sources in the cell and coverage above `Thresholds.overlap_coverage`. A cell
  without need data is never flagged.
- **Missing is not zero.** A cell without need data has need NaN (not 0); when the view has
  programs but no need data at all for the year, `AreaCategories.need_missing` is set and the page
  says so instead of "no gaps". Cells with need but no people figure are counted in
  `AreaCategories.unreported` and left out of `unmet` (the page says so).
- Programs marked 'Lintas PPKS' serve no single category and are left out.
- Need is read at one level per area (`domain.reader.NEED_LEVEL_RULE`).

No labels are produced here: categories are ids, sources codes, units 'jiwa'/'KK'; sentences are
built only through `common.i18n.t` with the language passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd

from common import formatting
from common.i18n import t, value
from domain import measures
from domain.filters import Filters
from domain.measures import PEOPLE_UNITS
from domain.reader import Reader, allocation_filter, need_filter

_LEVEL_ORDER = ["provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan"]
UNITS = ("jiwa", "KK")
Columns = dict[str, tuple[str, str]]  # column -> (i18n key of its header, display kind) for pages and reports
FLAG_MARKS = {"gap": "✕", "overlap": "!"}  # language-neutral marks of the heat table


@dataclass(frozen=True)
class Thresholds:
    """Settings shown on the page; the defaults are a starting point for the coordination meeting.
    Coverage thresholds are ratios (0.25 = 25 %), `min_need` a count in the need's unit."""

    gap_coverage: float = 0.25  # CELAH below this coverage
    overlap_coverage: float = 1.0  # TUMPANG TINDIH above this coverage, with 2+ programs or sources
    min_need: int = 10  # smaller needs are not flagged


# --- the area × category table ------------------------------------------------------------------


@dataclass(frozen=True)
class AreaCategories:
    """One row per area × PPKS category with need or programs in the year.

    `table` columns: area_code, area_name, whole_region (bool: money or need placed at the level above
    the areas), whole_level ('provinsi' or 'kabupaten_kota' on `whole_region` rows, else None),
    ppks_category_id (int), unit ('jiwa'/'KK', the need's unit; None without need),
    need (in `unit`; NaN without need data), reached (people reached by programs counted in `unit`;
    NaN where no people figure is reported, module rules), coverage (reached ÷ need, ratio; NaN
    without need or without a people figure), need_jiwa, need_kk (NaN where none), reached_jiwa,
    reached_kk (each unit apart; NaN where no program in that unit reports a reach),
    people_programs (programs counted in jiwa or KK), reach_reported (bool: one of them reports a
    reached figure), budget, spent (Rupiah), programs, sources (counts),
    source_codes (tuple of funding source codes, in the sources' order), per_person (planned Rupiah
    per person in need, `measures.per_ppks`), gap, overlap (bool), unmet (need not reached, in
    `unit`; NaN without a people figure), excess (reached above need, in `unit`), kind ('gap',
    'overlap' or 'none'), region_programs, region_reached_jiwa, region_reached_kk, region_level
    (what programs placed at the level above the areas bring in the same category, e.g. a
    kabupaten/kota as a whole in a kecamatan view, and that level; programs 0, reached NaN and level
    None where none, and on the `whole_region` rows themselves).
    Sorted by area name and category id."""

    table: pd.DataFrame
    level: str  # the areas' level: 'kabupaten_kota' or 'kecamatan'
    thresholds: Thresholds
    need_levels: tuple[str, ...]  # region levels the need figures come from
    need_missing: bool  # programs in the view but no need data for the year at all
    programs: int  # distinct programs with a PPKS category in the view
    columns: ClassVar[Columns] = {
        "area_name": ("col_place", "place"),
        "ppks_category_id": ("filter_ppks", "ppks"),
        "need_jiwa": ("col_need_jiwa", "number"),
        "reached_jiwa": ("col_reached_jiwa", "number"),
        "need_kk": ("col_need_kk", "number"),
        "reached_kk": ("col_reached_kk", "number"),
        "coverage": ("col_coverage_unit", "percent"),
        "programs": ("col_programs", "number"),
        "budget": ("col_budget", "money"),
        "kind": ("col_flag", "flag"),
    }

    @property
    def gaps(self) -> int:
        return int(self.table["gap"].sum())

    @property
    def overlaps(self) -> int:
        return int(self.table["overlap"].sum())

    def unmet(self, unit: str) -> float:
        """People in need not reached, over the cells whose need is counted in `unit` (jiwa or KK)
        and that have a people figure (see `unreported` for the others)."""
        return float(self.table.loc[self.table["unit"] == unit, "unmet"].sum())

    @property
    def unreported(self) -> int:
        """Cells with need but no people figure (reached NaN: no people reached are reported)."""
        return int(((self.table["need"].fillna(0) > 0) & self.table["reached"].isna()).sum())


def area_categories(reader: Reader, filters: Filters, thresholds: Thresholds = Thresholds()) -> AreaCategories:
    """The area × category table with its flags (see `AreaCategories` and the module rules)."""
    if filters.kabkota:
        level, area = "kecamatan", "coalesce({a}.kecamatan_code, {a}.kabkota_code)"
    else:
        level, area = "kabupaten_kota", "coalesce({a}.kabkota_code, {a}.region_code)"
    where, params = allocation_filter(filters)
    need_where, need_params = need_filter(filters, by_kabkota=True)
    cells = reader.query(
        _CELLS_SQL.format(
            allocation_area=area.format(a="a"),
            need_area=area.format(a="n"),
            where=where,
            need_where=need_where,
            people_units=", ".join("?" for _ in PEOPLE_UNITS),
        ),
        # in the order of the statement's placeholders
        [*params, *PEOPLE_UNITS, *(UNITS * 4), *need_params, level, level],
    )
    levels = {name for text in cells["need_levels"].dropna() for name in text.split(",")}
    need_missing = bool(cells["need_levels"].isna().all()) and bool((cells["programs"] > 0).any())
    programs = int(cells["all_programs"].max()) if len(cells) else 0
    frame = cells[cells["area_name"].notna()].drop(columns=["need_levels", "all_programs"])
    frame["whole_region"] = frame["whole_region"].astype(bool)  # nullable before the rows without a region left
    frame["source_codes"] = [tuple(text.split(",")) if isinstance(text, str) else () for text in frame["source_codes"]]
    table = _with_region_wide(_flag(_in_need_unit(frame), thresholds))
    table = table.sort_values(["area_name", "ppks_category_id", "area_code"]).reset_index(drop=True)
    return AreaCategories(
        table=table[list(_COLUMNS)],
        level=level,
        thresholds=thresholds,
        need_levels=tuple(sorted(levels, key=_LEVEL_ORDER.index)),
        need_missing=need_missing,
        programs=programs,
    )


# The cells of `area_categories` in one statement (issue 16: six queries, four of them over the same
# allocation rows, took 38 ms, this one 18 ms; bench store of 1.000.000 beneficiaries, 8.166
# allocations).
# People are counted once per program and place (a co-financed program repeats them per source); a
# sum over no reported figure stays NULL: missing, not 0. Each cell's sources are joined by commas in
# the sources' order (no source code has one). need_levels joins the levels a cell's need figures
# come from; all_programs counts the view's programs.
_CELLS_SQL = """
    WITH kept AS MATERIALIZED (
      SELECT {allocation_area} AS area_code, a.ppks_category_id, a.program_id, a.region_code, a.funding_source,
             a.budget, a.spent, a.beneficiary_unit AS unit, a.reached
      FROM allocation_rows a WHERE {where} AND a.ppks_category_id IS NOT NULL
    ), money AS (
      SELECT area_code, ppks_category_id, sum(budget) AS budget, sum(spent) AS spent,
             count(DISTINCT program_id) AS programs, count(DISTINCT funding_source) AS sources
      FROM kept GROUP BY 1, 2
    ), cell_sources AS (
      SELECT area_code, ppks_category_id, string_agg(funding_source, ',' ORDER BY sort_order) AS source_codes
      FROM (SELECT DISTINCT k.area_code, k.ppks_category_id, k.funding_source, f.sort_order
            FROM kept k JOIN funding_source_list f ON f.code = k.funding_source) AS listed
      GROUP BY 1, 2
    ), per_place AS (
      SELECT area_code, ppks_category_id, program_id, region_code, unit, max(reached) AS reached
      FROM kept WHERE unit IN ({people_units}) GROUP BY 1, 2, 3, 4, 5
    ), people AS (
      SELECT area_code, ppks_category_id,
             sum(reached) FILTER (WHERE unit = ?) AS reached_jiwa, sum(reached) FILTER (WHERE unit = ?) AS reached_kk,
             count(DISTINCT program_id) FILTER (WHERE unit = ?) AS programs_jiwa,
             count(DISTINCT program_id) FILTER (WHERE unit = ?) AS programs_kk,
             count(reached) FILTER (WHERE unit = ?) > 0 AS reported_jiwa,
             count(reached) FILTER (WHERE unit = ?) > 0 AS reported_kk,
             count(DISTINCT program_id) AS people_programs, count(reached) > 0 AS reach_reported
      FROM per_place GROUP BY 1, 2
    ), need AS (
      SELECT {need_area} AS area_code, n.ppks_category_id,
             sum(n.count) FILTER (WHERE n.unit = ?) AS need_jiwa, sum(n.count) FILTER (WHERE n.unit = ?) AS need_kk,
             string_agg(DISTINCT n.region_level, ',') AS need_levels
      FROM need_rows n WHERE {need_where} GROUP BY 1, 2
    ), cells AS (
      SELECT coalesce(m.area_code, d.area_code) AS area_code,
             coalesce(m.ppks_category_id, d.ppks_category_id) AS ppks_category_id,
             m.budget, m.spent, m.programs, m.sources, d.need_jiwa, d.need_kk, d.need_levels
      FROM money m FULL OUTER JOIN need d ON d.area_code = m.area_code AND d.ppks_category_id = m.ppks_category_id
    )
    SELECT c.area_code, c.ppks_category_id, coalesce(c.budget, 0) AS budget, coalesce(c.spent, 0) AS spent,
           coalesce(c.programs, 0) AS programs, coalesce(c.sources, 0) AS sources, c.need_jiwa, c.need_kk,
           c.need_levels, p.reached_jiwa, p.reached_kk, coalesce(p.programs_jiwa, 0) AS programs_jiwa,
           coalesce(p.programs_kk, 0) AS programs_kk, coalesce(p.reported_jiwa, FALSE) AS reported_jiwa,
           coalesce(p.reported_kk, FALSE) AS reported_kk, coalesce(p.people_programs, 0) AS people_programs,
           coalesce(p.reach_reported, FALSE) AS reach_reported, s.source_codes,
           r.name AS area_name, r.level <> ? AS whole_region, CASE WHEN r.level <> ? THEN r.level END AS whole_level,
           (SELECT count(DISTINCT program_id) FROM kept) AS all_programs
    FROM cells c
    LEFT JOIN people p ON p.area_code = c.area_code AND p.ppks_category_id = c.ppks_category_id
    LEFT JOIN cell_sources s ON s.area_code = c.area_code AND s.ppks_category_id = c.ppks_category_id
    LEFT JOIN region_rows r ON r.code = c.area_code
"""


_COLUMNS = (
    "area_code", "area_name", "whole_region", "whole_level", "ppks_category_id", "unit", "need", "reached",
    "coverage", "need_jiwa", "need_kk", "reached_jiwa", "reached_kk", "people_programs", "reach_reported",
    "budget", "spent", "programs", "sources", "source_codes", "per_person", "gap", "overlap", "unmet",
    "excess", "kind", "region_programs", "region_reached_jiwa", "region_reached_kk", "region_level",
)  # fmt: skip


def _in_need_unit(frame: pd.DataFrame) -> pd.DataFrame:
    """Adds unit (the need's unit), need, reached and coverage in that unit (module rules). The
    counts and flags of `frame` come without gaps (`_CELLS_SQL`); plain arrays, as a chain of
    Series operations cost three times as long on a table of a few hundred cells (issue 16)."""
    need_jiwa, need_kk = frame["need_jiwa"].to_numpy(float), frame["need_kk"].to_numpy(float)
    jiwa, kk = np.nan_to_num(need_jiwa) > 0, np.nan_to_num(need_kk) > 0
    need = np.where(jiwa, need_jiwa, np.where(kk, need_kk, np.nan))
    in_unit = np.where(jiwa, frame["reached_jiwa"].to_numpy(float), frame["reached_kk"].to_numpy(float))
    unit_silent = np.where(
        jiwa,
        (frame["programs_jiwa"].to_numpy() > 0) & ~frame["reported_jiwa"].to_numpy(bool),
        (frame["programs_kk"].to_numpy() > 0) & ~frame["reported_kk"].to_numpy(bool),
    )
    known = (frame["programs"].to_numpy() == 0) | (frame["reach_reported"].to_numpy(bool) & ~unit_silent)
    reached = pd.Series(np.where(known & (jiwa | kk), np.nan_to_num(in_unit), np.nan), index=frame.index)
    need_series = pd.Series(need, index=frame.index)
    return frame.drop(columns=["programs_jiwa", "programs_kk", "reported_jiwa", "reported_kk"]).assign(
        unit=np.where(jiwa, "jiwa", np.where(kk, "KK", None)),
        need=need_series,
        reached=reached,
        coverage=measures.coverage(reached, need_series),
        per_person=measures.per_ppks(frame["budget"], need_series),
    )


def _with_region_wide(frame: pd.DataFrame) -> pd.DataFrame:
    """Adds, to each area's row, what the programs placed at the level above the areas (the
    `whole_region` row of the same category) bring: region_programs (0 where none),
    region_reached_jiwa and region_reached_kk (NaN where none reported) and region_level (the level
    of that row, None where none), so a kecamatan is not read as reached by nobody."""
    whole_rows = frame["whole_region"].to_numpy(bool)
    whole = frame[whole_rows].groupby("ppks_category_id")
    categories = frame["ppks_category_id"]
    programs = categories.map(whole["programs"].sum()).fillna(0).to_numpy()
    programs = np.where(whole_rows, 0, programs).astype(int)
    levels = categories.map(whole["whole_level"].first())
    return frame.assign(
        region_programs=programs,
        region_reached_jiwa=np.where(whole_rows, np.nan, categories.map(whole["reached_jiwa"].sum(min_count=1))),
        region_reached_kk=np.where(whole_rows, np.nan, categories.map(whole["reached_kk"].sum(min_count=1))),
        region_level=levels.astype(object).where(programs > 0, None),
    )


def _flag(frame: pd.DataFrame, thresholds: Thresholds) -> pd.DataFrame:
    """Adds gap, overlap, unmet, excess and kind (module rules)."""
    need, reached = frame["need"].to_numpy(float), frame["reached"].to_numpy(float)
    coverage = frame["coverage"].to_numpy(float)
    has_need = np.nan_to_num(need) > 0
    low = coverage < thresholds.gap_coverage  # False where coverage is NaN
    no_people = np.isnan(coverage) & (frame["people_programs"].to_numpy() == 0)  # only unit/lembaga programs
    gap = has_need & (need >= thresholds.min_need) & (low | no_people)
    several = (frame["programs"].to_numpy() >= 2) | (frame["sources"].to_numpy() >= 2)
    overlap = several & has_need & (coverage > thresholds.overlap_coverage)
    return frame.assign(
        gap=gap,
        overlap=overlap,
        unmet=np.clip(need - reached, 0, None),
        excess=np.clip(reached - need, 0, None),
        kind=np.where(overlap, "overlap", np.where(gap, "gap", "none")),
    )


# --- the agenda ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Agenda:
    """The coordination agenda: `items` holds rows of the area × category table (same columns) plus
    `weight`, the largest gaps (by people not reached; by need where no people figure is reported)
    and overlaps (by reach above need, plus the number of programs) interleaved so both kinds reach
    the meeting. `need_missing` as in
    `AreaCategories`."""

    items: pd.DataFrame
    need_missing: bool

    @property
    def empty(self) -> bool:
        return self.items.empty


def agenda(reader: Reader, filters: Filters, thresholds: Thresholds = Thresholds(), top: int = 10) -> Agenda:
    """At most `top` agenda items, largest first, gaps and overlaps alternating."""
    cells = reader.shared(area_categories, filters, thresholds)
    flagged = cells.table
    gaps = flagged[flagged["gap"]].assign(weight=lambda f: f["unmet"].fillna(f["need"]))
    overlaps = flagged[flagged["overlap"]].assign(weight=lambda f: f["excess"] + f["programs"])
    gaps = gaps.sort_values("weight", ascending=False, kind="stable").head(top)
    overlaps = overlaps.sort_values("weight", ascending=False, kind="stable").head(top)
    items = pd.concat(
        [gaps.assign(order=np.arange(len(gaps)) * 2), overlaps.assign(order=np.arange(len(overlaps)) * 2 + 1)]
    )
    items = items.sort_values("order").head(top).drop(columns="order").reset_index(drop=True)
    return Agenda(items=items, need_missing=cells.need_missing)


def _count(count: float, unit: str, lang: str) -> str:
    return f"{formatting.number(count, lang)} {value('unit', unit, lang)}"


def explain(item: pd.Series, lang: str) -> str:
    """One agenda line made from the numbers (no language model): what, where, how much, in the
    need's unit; reach of programs counted in the other unit is named beside it, never added. A cell
    without a people figure says so ("counted in units or institutions; no people reached are
    reported" or "reach not reported") instead of "reaches 0". `item` is a row of `Agenda.items` (or
    of `AreaCategories.table`)."""
    place = f"{item['area_name']}"
    if item["whole_region"]:
        place += f" {t('whole_region_' + item['whole_level'], lang)}"
    place += f" — {value('ppks', int(item['ppks_category_id']), lang)}"
    unit = item["unit"]
    need = _count(item["need"], unit, lang)
    if item["programs"] == 0:
        return t("agenda_no_program_unit", lang, place=place, need=need) + _region_wide(item, lang)
    sources = ", ".join(value("source", code, lang) for code in item["source_codes"])
    one = item["programs"] == 1
    programs = t("agenda_program_one" if one else "agenda_programs", lang, count=int(item["programs"]), sources=sources)
    if pd.isna(item["reached"]):
        if item["people_programs"] == 0:
            key = "agenda_no_people_one" if one else "agenda_no_people"
        else:
            key = "agenda_reach_unreported"
        return t(key, lang, place=place, programs=programs, need=need) + _region_wide(item, lang)
    reached = _count(item["reached"], unit, lang)
    if item["kind"] == "gap":
        line = t(
            "agenda_gap_one" if item["programs"] == 1 else "agenda_gap_unit",
            lang,
            place=place,
            programs=programs,
            reached=reached,
            need=need,
            share=formatting.percent(item["coverage"], lang),
            unmet=_count(item["unmet"], unit, lang),
        )
    else:
        key = "agenda_overlap_one" if item["programs"] == 1 else "agenda_overlap_unit"
        line = t(key, lang, place=place, programs=programs, reached=reached, need=need)
    other = "KK" if unit == "jiwa" else "jiwa"
    other_reached = item[f"reached_{other.lower()}"]
    if pd.notna(other_reached) and other_reached > 0:
        line += " " + t("agenda_other_unit", lang, reached=_count(other_reached, other, lang))
    return line + _region_wide(item, lang)


def _region_wide(item: pd.Series, lang: str) -> str:
    """' Allocated at province level / at regency/city level …' (by `region_level`) where programs
    are placed at the level above the areas; a reach none of them reports is said in words."""
    count = int(item["region_programs"])
    if not count:
        return ""
    jiwa, kk = item["region_reached_jiwa"], item["region_reached_kk"]
    suffix = "_one" if count == 1 else ""
    if pd.isna(jiwa) and pd.isna(kk):
        programs = t("region_programs_unreported" + suffix, lang, count=count)
    else:
        programs = t("region_programs_reach" + suffix, lang, count=count, reached=formatting.people(jiwa, kk, lang))
    return " " + t(f"agenda_region_wide_{item['region_level']}", lang, programs=programs)


# --- quadrant and heat table --------------------------------------------------------------------


@dataclass(frozen=True)
class Quadrant:
    """Points of the need × money chart: the cells with need and planned money. `table` has the
    area × category columns (area_name, whole_region, ppks_category_id, unit, need, per_person,
    coverage, kind)."""

    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty


def quadrant(reader: Reader, filters: Filters, thresholds: Thresholds = Thresholds()) -> Quadrant:
    """Cells with need > 0 and planned money per person in need > 0."""
    table = reader.shared(area_categories, filters, thresholds).table
    shown = table[(table["need"].fillna(0) > 0) & (table["per_person"].fillna(0) > 0)]
    columns = ["area_name", "whole_region", "ppks_category_id", "unit", "need", "per_person", "coverage", "kind"]
    return Quadrant(table=shown[columns].reset_index(drop=True))


@dataclass(frozen=True)
class Heat:
    """Coverage by area (rows) and the categories with the largest need (columns, `categories`,
    largest first). `coverage`: area_name, whole_region and one column per category id holding the
    same-unit coverage (ratio; NaN where no need is recorded). `flags`: the same shape, with 'gap',
    'overlap' or '' per cell."""

    coverage: pd.DataFrame
    flags: pd.DataFrame
    categories: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return self.coverage.empty

    def cells(self, lang: str) -> pd.DataFrame:
        """The heat table as text: coverage in `lang`'s format with the flag's mark ('8 % ✕'), '–'
        where no need or no people figure is recorded (a gap without a people figure: '– ✕');
        columns area_name, whole_region and the category ids."""
        text = self.coverage[["area_name", "whole_region"]].copy()
        for category in self.categories:
            text[category] = [
                (formatting.MISSING if pd.isna(ratio) else formatting.percent(ratio, lang, 0))
                + (f" {FLAG_MARKS[flag]}" if flag else "")
                for ratio, flag in zip(self.coverage[category], self.flags[category], strict=True)
            ]
        return text


def heat(reader: Reader, filters: Filters, thresholds: Thresholds = Thresholds(), top: int = 10) -> Heat:
    """Coverage per area for the `top` categories with the largest need (need summed per unit
    never across units: categories are ranked by their jiwa need, then their KK need)."""
    table = reader.shared(area_categories, filters, thresholds).table
    with_need = table[table["need"].fillna(0) > 0]
    ranking = with_need.groupby("ppks_category_id")[["need_jiwa", "need_kk"]].sum()
    categories = tuple(int(c) for c in ranking.sort_values(["need_jiwa", "need_kk"], ascending=False).head(top).index)
    cells = table[table["ppks_category_id"].isin(categories)]
    if cells.empty:
        empty = pd.DataFrame(columns=["area_name", "whole_region"])
        return Heat(coverage=empty, flags=empty, categories=())
    index = ["area_name", "whole_region"]
    flags = cells.assign(flag=np.where(cells["kind"] == "none", "", cells["kind"]))
    # groupby + unstack keeps a row whose coverage is all NaN (no people figure), which pivot_table drops.
    coverage = cells.groupby([*index, "ppks_category_id"])["coverage"].first().unstack()
    flag_table = flags.groupby([*index, "ppks_category_id"])["flag"].first().unstack()
    coverage = coverage.reindex(columns=list(categories)).reset_index()
    flag_table = flag_table.reindex(index=coverage.set_index(index).index, columns=list(categories))
    coverage.columns.name = None
    flag_table = flag_table.fillna("").reset_index()
    flag_table.columns.name = None
    return Heat(coverage=coverage, flags=flag_table, categories=categories)


# --- recommendations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Recommendations:
    """Where `budget` Rupiah would close the largest gaps. `table`: area_name, whole_region,
    ppks_category_id, unit (jiwa/KK), unmet (in `unit`), unit_cost (Rupiah per person reached in
    `unit`), amount (Rupiah), people (in `unit`), closes (bool)."""

    table: pd.DataFrame
    budget: float
    columns: ClassVar[Columns] = {
        "area_name": ("col_place", "place"),
        "ppks_category_id": ("filter_ppks", "ppks"),
        "unit": ("col_unit", "unit"),
        "unmet": ("col_unmet_any", "number"),
        "unit_cost": ("col_unit_cost", "money"),
        "amount": ("col_amount", "money"),
        "people": ("col_people_in_unit", "number"),
        "closes": ("col_closes", "yesno"),
    }

    @property
    def empty(self) -> bool:
        return self.table.empty


def recommendations(
    reader: Reader, filters: Filters, thresholds: Thresholds = Thresholds(), budget: float = 1e9
) -> Recommendations:
    """Gaps in order of people not reached, each costed at what reaching one person (of the gap's
    unit, in that PPKS category) costs today in the view — planned Rupiah of the programs counted in
    that unit that report a reach, ÷ the people they reached — until the budget is spent. Gaps
    without such a cost, and gaps without a people figure (unmet NaN), are left out. Every row keeps
    its arithmetic."""
    flagged = reader.shared(area_categories, filters, thresholds).table
    where, params = allocation_filter(filters)
    costs = reader.query(
        f"""SELECT ppks_category_id, unit, sum(budget) AS budget, sum(reached) AS reached
            FROM (SELECT a.ppks_category_id, a.beneficiary_unit AS unit, a.program_id, a.region_code,
                         sum(a.budget) AS budget, max(a.reached) AS reached
                  FROM allocation_rows a
                  WHERE {where} AND a.ppks_category_id IS NOT NULL AND a.beneficiary_unit IN (?, ?)
                  GROUP BY 1, 2, 3, 4) AS per_place
            WHERE reached > 0 GROUP BY 1, 2""",
        [*params, *PEOPLE_UNITS],
    )
    costs["unit_cost"] = measures.cost_per_person(costs["budget"], costs["reached"])
    gaps = flagged[flagged["gap"]].merge(
        costs[["ppks_category_id", "unit", "unit_cost"]], on=["ppks_category_id", "unit"], how="inner"
    )
    gaps = gaps[(gaps["unit_cost"] > 0) & gaps["unmet"].notna()].sort_values("unmet", ascending=False, kind="stable")
    rows, left = [], float(budget)
    for row in gaps.itertuples():
        if left <= 0:
            break
        cost = row.unmet * row.unit_cost
        spend = min(cost, left)
        rows.append(
            {
                "area_name": row.area_name,
                "whole_region": row.whole_region,
                "ppks_category_id": row.ppks_category_id,
                "unit": row.unit,
                "unmet": row.unmet,
                "unit_cost": row.unit_cost,
                "amount": spend,
                "people": measures.people_for(spend, row.unit_cost),
                "closes": spend >= cost,
            }
        )
        left -= spend
    columns = [
        "area_name",
        "whole_region",
        "ppks_category_id",
        "unit",
        "unmet",
        "unit_cost",
        "amount",
        "people",
        "closes",
    ]
    return Recommendations(table=pd.DataFrame(rows, columns=columns), budget=float(budget))


def suppress(count: float | int, threshold: int, lang: str = "id") -> str:
    """Small counts can identify people: a count from 1 to `threshold` − 1 is shown as
    '< threshold', any other in `lang`'s number format. Language-neutral symbols only."""
    return f"< {threshold}" if 0 < count < threshold else formatting.number(count, lang)

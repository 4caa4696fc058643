"""Monitoring and evaluation (Evaluasi): indicator achievement with traffic lights, program
indicators, the realisation trend, scorecards, reporting compliance, and a narrative made from
rules over the numbers (no language model). One view function per page section, each returning a
frozen dataclass of raw figures (Rupiah, jiwa, KK, ratios 0–1) and codes (light, status, unit,
period, funding source) that the page translates.

Rules: every ratio comes from `domain.measures`; people are counted once per program and place,
only for programs counted in jiwa or KK, and jiwa and KK are never added (reach is given per
unit); the headline cards reuse `domain.overview.figures` (one number, one computation); the
on-time reporting share is only computed for imports that have a due date — rows of the sample
data set (imports flagged is_sample) have no due date, and a year with no dated program has no share.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from common import formatting
from common.i18n import t, value
from domain import measures
from domain.filters import Filters
from domain.measures import PEOPLE_UNITS, achievement
from domain.overview import Figures, figures
from domain.reader import Reader, allocation_filter

GREEN, AMBER, RED, NONE = "green", "amber", "red", "none"
PROVINCE = "64"  # Kemendagri code of Kalimantan Timur: the region of the indicators without a kab/kota filter
# Reporting status per implementer and year (page words: status_<code>).
ON_TIME, LATE, MISSING, REPORTED = "on_time", "late", "missing", "reported"

__all__ = [
    "AMBER",
    "COLUMNS",
    "GREEN",
    "NONE",
    "RED",
    "ImplementerScorecard",
    "Indicators",
    "LightThresholds",
    "ProgramIndicators",
    "RealisationTrend",
    "Reporting",
    "Summary",
    "achievement",
    "deadline",
    "implementer_scorecard",
    "indicators",
    "light",
    "narrative",
    "program_indicators",
    "realisation_trend",
    "reporting",
    "summary",
]


# The columns a page shows of each view's table, for `ui.tables.show_columns`: column → (translation
# key of its header, kind: a format — money/number/percent/decimal —, a vocabulary translated with
# `common.i18n.value` — period/unit/status/source —, 'light' for a light code, or 'text').
COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "spm": {
        "name": ("col_indicator", "text"),
        "period": ("col_period", "period"),
        "unit": ("col_unit", "unit"),
        "baseline": ("col_baseline", "decimal"),
        "target": ("col_indicator_target", "decimal"),
        "actual": ("col_actual", "decimal"),
        "achievement": ("col_achievement", "percent"),
        "light": ("col_light", "light"),
    },
    "groups": {
        "programs": ("col_programs", "number"),
        "budget": ("col_budget", "money"),
        "spent": ("col_spent", "money"),
        "realisation": ("col_realisation", "percent"),
        "realisation_light": ("col_realisation_light", "light"),
    },
    "programs": {
        "name": ("col_program", "text"),
        "budget": ("col_budget", "money"),
        "spent": ("col_spent", "money"),
        "target": ("col_target", "number"),
        "reached": ("col_reached", "number"),
        "unit": ("col_unit", "unit"),
        "status": ("funding_status", "status"),
    },
    "missing": {
        "implementer": ("col_implementer", "text"),
        "programs": ("col_programs", "number"),
        "reported": ("col_programs_reported", "number"),
    },
}


@dataclass(frozen=True)
class LightThresholds:
    """Achievement (actual against target, inverted for 'lower is better') at or above `green` is
    green, at or above `amber` amber, below it red. Source: the dashboard's agreed M&E convention
    (90 % / 60 %), a setting rather than a regulation."""

    green: float = 0.9
    amber: float = 0.6


def light(ratio: float | None, thresholds: LightThresholds = LightThresholds()) -> str:
    """The light code ('green', 'amber', 'red', or 'none' for a missing ratio) of a ratio 0–1."""
    if ratio is None or pd.isna(ratio):
        return NONE
    if ratio >= thresholds.green:
        return GREEN
    return AMBER if ratio >= thresholds.amber else RED


def _lights(ratios: pd.Series, thresholds: LightThresholds) -> pd.Series:
    return pd.Series([light(r, thresholds) for r in ratios], index=ratios.index, dtype=object)


# --- indicators -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicators:
    """Indicator values of one year. `table`: code, name (the shipped definition's name, else the
    imported one), period (code: 'Tahunan', 'Triwulan 1', …), region_code, region_name, baseline,
    target, actual (in `unit`), unit (code: '%', 'jiwa', 'KK', …), direction ('naik' higher is
    better, 'turun' lower is better), source (definition's legal source, else the imported data
    source), formula, achievement (ratio, 1.0 = met; `measures.achievement`), light (code).
    Sorted by region, code, period."""

    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty

    def spm(self) -> Indicators:
        """Only the minimum service standard (SPM) indicators (codes starting 'SPM')."""
        return Indicators(table=self.table[self.table["code"].str.startswith("SPM")].reset_index(drop=True))

    @property
    def measured(self) -> int:
        """Indicators with an actual value."""
        return int(self.table["actual"].notna().sum())

    @property
    def below_target(self) -> int:
        """Measured indicators whose achievement is below 1.0."""
        return int((self.table["achievement"].dropna() < 1.0).sum())

    @property
    def with_achievement(self) -> int:
        return int(self.table["achievement"].notna().sum())

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.table["source"].dropna())))


def indicators(
    reader: Reader, filters: Filters, region: str | None = None, thresholds: LightThresholds = LightThresholds()
) -> Indicators:
    """Every indicator value of `filters.year` in scope, of one region (`region`, a Kemendagri code)
    or of every region in scope (None), with its shipped definition where there is one, its
    achievement and light."""
    conditions, params = ["i.year = ?"], [filters.year]
    if region:
        conditions.append("i.region_code = ?")
        params.append(region)
    table = reader.query(
        f"""SELECT i.indicator_code AS code, coalesce(i.definition_name, i.name) AS name, i.period, i.region_code,
                   i.region_name, CAST(i.baseline AS DOUBLE PRECISION) AS baseline,
                   CAST(i.target AS DOUBLE PRECISION) AS target, CAST(i.actual AS DOUBLE PRECISION) AS actual,
                   coalesce(i.unit, i.definition_unit) AS unit, i.direction,
                   coalesce(i.definition_source, i.data_source) AS source, i.formula, i.kabkota_code
            FROM indicator_rows i WHERE {" AND ".join(conditions)}
            ORDER BY i.region_code, i.indicator_code, i.period""",
        params,
    )
    table["achievement"] = pd.Series(
        [achievement(a, g, d) for a, g, d in zip(table["actual"], table["target"], table["direction"], strict=True)],
        index=table.index,
        dtype=float,
    )
    table["light"] = _lights(table["achievement"], thresholds)
    return Indicators(table=table)


# --- program indicators ---------------------------------------------------------------------------

_GROUPS = {
    "source": ("a.funding_source", "a.funding_source"),
    "region": (
        "coalesce(a.kabkota_code, a.region_code)",
        "CASE WHEN a.kabkota_code IS NULL THEN a.region_name ELSE k.name END",
    ),
    "implementer": ("a.implementer", "a.implementer"),
    "program": ("CAST(a.program_id AS VARCHAR)", "a.program_name"),  # two programs of one name stay apart
}


@dataclass(frozen=True)
class ProgramIndicators:
    """Budget realisation and reach per group. `by` is 'source', 'region', 'implementer' or
    'program'. `table`: key (funding source code, kab/kota code, implementer name or program id as
    text), name (source code, region name, implementer or program name), programs, budget,
    spent (Rupiah), realisation (ratio), realisation_light, and per unit u in jiwa/kk: target_u,
    reached_u (people, once per program and place, places that report reached), reach_u (ratio,
    `measures.reach`), reach_u_light. Jiwa and KK are never added: a group with programs in both
    units has both reaches; a unit the group does not count in has NaN. Sources in their fixed
    order, other groups by name."""

    by: str
    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty

    @property
    def units(self) -> tuple[str, ...]:
        """The people units ('jiwa', 'KK') that any group counts in."""
        return tuple(u for u in PEOPLE_UNITS if self.table[f"target_{u.lower()}"].notna().any())

    def row(self, key: str) -> pd.Series | None:
        rows = self.table[self.table["key"] == key]
        return None if rows.empty else rows.iloc[0]


def program_indicators(
    reader: Reader, filters: Filters, by: str, thresholds: LightThresholds = LightThresholds()
) -> ProgramIndicators:
    """Realisation and reach per funding source, kab/kota, implementer or program (`by`).
    Raises KeyError for another `by`."""
    key, name = _GROUPS[by]
    where, params = allocation_filter(filters)
    places = "LEFT JOIN region_rows k ON k.code = a.kabkota_code" if by == "region" else ""
    money = reader.query(
        f"""SELECT {key} AS key, {name} AS name, sum(a.budget) AS budget, sum(a.spent) AS spent,
                   count(DISTINCT a.program_id) AS programs, min(f.sort_order) AS sort_order
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source {places}
            WHERE {where} GROUP BY 1, 2""",
        params,
    )
    people = reader.query(
        f"""SELECT key, unit, sum(CASE WHEN reached IS NOT NULL THEN target END) AS target, sum(reached) AS reached
            FROM (SELECT {key} AS key, a.program_id, a.region_code, a.beneficiary_unit AS unit,
                         max(a.target) AS target, max(a.reached) AS reached
                  FROM allocation_rows a
                  WHERE {where} AND a.beneficiary_unit IN ({", ".join("?" for _ in PEOPLE_UNITS)})
                  GROUP BY 1, 2, 3, 4) AS per_place
            GROUP BY 1, 2""",
        [*params, *PEOPLE_UNITS],
    )
    order = ["sort_order", "key"] if by == "source" else ["name", "key"]
    table = money.sort_values(order, kind="stable").drop(columns="sort_order").reset_index(drop=True)
    table["realisation"] = measures.realisation(table["spent"], table["budget"])
    table["realisation_light"] = _lights(table["realisation"], thresholds)
    for unit in PEOPLE_UNITS:
        suffix = unit.lower()
        per_unit = people[people["unit"] == unit].set_index("key")
        table[f"target_{suffix}"] = table["key"].map(per_unit["target"]).astype(float)
        table[f"reached_{suffix}"] = table["key"].map(per_unit["reached"]).astype(float)
        table[f"reach_{suffix}"] = measures.reach(table[f"reached_{suffix}"], table[f"target_{suffix}"])
        table[f"reach_{suffix}_light"] = _lights(table[f"reach_{suffix}"], thresholds)
    return ProgramIndicators(by=by, table=table)


# --- realisation trend ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RealisationTrend:
    """Budget realisation per year and funding source, every year in scope (the shared filters
    apply except the year). `table`: year, source (code), budget, spent (Rupiah), realisation
    (ratio), in year and source order."""

    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty


def realisation_trend(reader: Reader, filters: Filters) -> RealisationTrend:
    """Planned, spent and realisation per year and funding source (see `RealisationTrend`)."""
    where, params = allocation_filter(filters, every_year=True)
    table = reader.query(
        f"""SELECT a.year, a.funding_source AS source, sum(a.budget) AS budget, sum(a.spent) AS spent
            FROM allocation_rows a JOIN funding_source_list f ON f.code = a.funding_source
            WHERE {where} GROUP BY a.year, a.funding_source, f.sort_order ORDER BY a.year, f.sort_order""",
        params,
    )
    table["realisation"] = measures.realisation(table["spent"], table["budget"])
    return RealisationTrend(table=table)


# --- reporting compliance -------------------------------------------------------------------------


# Realisation for a year is due by the end of 31 January of the year after: month, day and time.
DUE_MONTH, DUE_DAY, DUE_TIME = 1, 31, (23, 59, 59)


def deadline(year: int) -> dt.datetime:
    """Realisation for a year is due by the end of January of the next year (Pergub Kaltim
    reporting calendar as agreed with Dinsos); `reporting` compares in SQL with the same moment."""
    return dt.datetime(year + 1, DUE_MONTH, DUE_DAY, *DUE_TIME)


@dataclass(frozen=True)
class Reporting:
    """Reporting compliance per implementer and year (every year in scope; the other filters
    apply; proposals — status 'usulan' — have nothing to report yet and are left out). `table`:
    implementer, year, programs, reported (programs whose every allocation row has a
    realisation), dated (programs with a due date, i.e. not from sample data), on_time (dated
    programs reported and imported by `deadline(year)`), status (code: 'missing' a program without
    realisation, 'on_time' every program reported on time, 'late' a dated program reported late,
    'reported' every program reported but some not judged — sample data has no due date)."""

    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty

    def of_year(self, year: int) -> pd.DataFrame:
        return self.table[self.table["year"] == year]

    def missing(self, year: int) -> pd.DataFrame:
        """Implementers of `year` with a program without realisation."""
        rows = self.of_year(year)
        return rows[rows["status"] == MISSING]

    def on_time_share(self, year: int) -> float | None:
        """Dated programs of `year` reported on time ÷ dated programs (a program without realisation
        counts as not on time); None where no program of the year has a due date (no programs, or
        only sample data: missing, not zero)."""
        rows = self.of_year(year)
        return measures.share(float(rows["on_time"].sum()), float(rows["dated"].sum()))

    def not_dated(self, year: int) -> int:
        """Programs of `year` that have no due date (sample data)."""
        rows = self.of_year(year)
        return int((rows["programs"] - rows["dated"]).sum())

    def matrix(self) -> pd.DataFrame:
        """Status codes with one row per implementer (column `implementer`) and one column per year
        (named by the year as text, oldest first); None where the implementer had no program."""
        if self.table.empty:
            return pd.DataFrame(columns=["implementer"])
        wide = self.table.pivot(index="implementer", columns="year", values="status")
        columns = {"implementer": list(wide.index)}
        for year in wide.columns:  # pandas turns None into NaN when a frame is rebuilt: go by lists
            columns[str(year)] = pd.Series([None if pd.isna(code) else code for code in wide[year]], dtype=object)
        return pd.DataFrame(columns)

    @property
    def has_undated(self) -> bool:
        """Some programs have no due date (sample data), so their timeliness is not judged."""
        return bool((self.table["programs"] > self.table["dated"]).any()) if not self.table.empty else False

    def totals(self, year: int) -> tuple[int, int]:
        """(programs reported, programs) of `year`."""
        rows = self.of_year(year)
        return int(rows["reported"].sum()), int(rows["programs"].sum())


_REPORTING_COLUMNS = ["implementer", "year", "programs", "reported", "dated", "on_time", "status"]


def reporting(reader: Reader, filters: Filters) -> Reporting:
    """Per implementer and year: programs, programs reported, dated and on time (see `Reporting`).
    A program is reported when every allocation row has a realisation, dated when none of its rows
    comes from sample data, and on time when dated, reported and imported by `deadline(year)`."""
    where, params = allocation_filter(filters, every_year=True)
    table = reader.query(
        f"""SELECT implementer, year, count(*) AS programs, CAST(sum(reported) AS BIGINT) AS reported,
                   CAST(sum(dated) AS BIGINT) AS dated,
                   CAST(sum(CASE WHEN reported = 1 AND dated = 1 AND reported_at <= due THEN 1 ELSE 0 END) AS BIGINT)
                       AS on_time
            FROM (SELECT a.implementer, a.year, a.program_id,
                         min(CASE WHEN a.spent IS NULL THEN 0 ELSE 1 END) AS reported,
                         min(CASE WHEN i.is_sample THEN 0 ELSE 1 END) AS dated, max(i.imported_at) AS reported_at,
                         make_timestamp(a.year + 1, ?, ?, ?, ?, ?) AS due
                  FROM allocation_rows a JOIN allocation_import_rows i ON i.id = a.import_id
                  WHERE {where} AND coalesce(a.status, '') <> 'usulan' GROUP BY 1, 2, 3) AS per_program
            GROUP BY 1, 2""",
        [DUE_MONTH, DUE_DAY, *DUE_TIME, *params],
    )
    if table.empty:
        return Reporting(table=pd.DataFrame(columns=_REPORTING_COLUMNS))
    table = table.sort_values(["implementer", "year"]).reset_index(drop=True)
    table["status"] = [
        MISSING if r < p else ON_TIME if o == p else LATE if o < d else REPORTED
        for p, r, d, o in zip(table["programs"], table["reported"], table["dated"], table["on_time"], strict=True)
    ]
    return Reporting(table=table[_REPORTING_COLUMNS])


# --- the cards, the narrative and the region scorecard --------------------------------------------


@dataclass(frozen=True)
class Summary:
    """What the page's narrative and cards show for `filters.year`: the headline `figures`
    (`domain.overview.figures`: realisation, reach per unit, coverage), the `indicators` of the
    region (the kab/kota filter, else the province), and `reporting` compliance."""

    year: int
    figures: Figures
    indicators: Indicators
    reporting: Reporting

    @property
    def spm(self) -> Indicators:
        return self.indicators.spm()

    @property
    def on_time_share(self) -> float | None:
        """See `Reporting.on_time_share`; None on sample data."""
        return self.reporting.on_time_share(self.year)

    @property
    def completeness(self) -> dict[str, int]:
        """reported and programs (programs of the year reporting realisation), indicators (with an
        actual value) and defined (indicator rows of the region)."""
        reported, programs = self.reporting.totals(self.year)
        table = self.indicators.table
        return {
            "reported": reported,
            "programs": programs,
            "indicators": self.indicators.measured,
            "defined": len(table),
        }

    @property
    def on_time_reason(self) -> str | None:
        """Why there is no on-time share: 'sample' (only sample data, which has no due date),
        'no_programs', or None when there is a share."""
        if self.on_time_share is not None:
            return None
        return "sample" if self.reporting.not_dated(self.year) else "no_programs"


def summary(reader: Reader, filters: Filters) -> Summary:
    """The narrative inputs and the cards (see `Summary`)."""
    return Summary(
        year=filters.year,
        figures=reader.shared(figures, filters),
        indicators=indicators(reader, filters, filters.kabkota or PROVINCE),
        reporting=reader.shared(reporting, filters),  # computed once with the scorecard's and the tab's
    )


def narrative(summary: Summary, region: str, lang: str, thresholds: LightThresholds = LightThresholds()) -> str:
    """A few sentences for leadership in `lang`, each from one rule over the numbers: realisation
    with its light, reach per unit, SPM indicators below target, implementers with missing reports.
    `region` is the region's proper name."""
    now, year = summary.figures, summary.year
    sentences = []
    if now.realisation is None:
        sentences.append(t("nar_no_budget", lang, region=region, year=year))
    else:
        word = t(f"word_{light(now.realisation, thresholds)}", lang)
        share = formatting.percent(now.realisation, lang, 0)
        sentences.append(t("nar_realisation", lang, region=region, year=year, share=share, light=word))
    parts = [
        t("nar_reached_part", lang, share=formatting.percent(ratio, lang, 0), unit=value("unit", unit, lang))
        for ratio, unit in ((now.reach_jiwa, "jiwa"), (now.reach_kk, "KK"))
        if ratio is not None
    ]
    if parts:
        sentences.append(t("nar_reached_units", lang, parts=t("nar_and", lang).join(parts)))
    spm = summary.spm
    if not spm.with_achievement:
        sentences.append(t("nar_no_spm", lang))
    else:
        below = spm.below_target
        key = "nar_spm_all_met" if below == 0 else "nar_spm_below"
        sentences.append(t(key, lang, below=below, total=spm.with_achievement))
    missing = summary.reporting.missing(year)
    if not missing.empty:
        sentences.append(t("nar_missing_reports", lang, count=len(missing)))
    return " ".join(sentences)


# --- the implementer scorecard --------------------------------------------------------------------


@dataclass(frozen=True)
class ImplementerScorecard:
    """One implementer's year. `figures`: its row of `program_indicators(by='implementer')` (None
    when it has no program in view). `programs`: program_id, program_code, name, budget, spent
    (Rupiah), target, reached (people or things, once per place, in `unit`: 'jiwa', 'KK', 'unit' or
    'lembaga' — never added across programs), unit, status (program status code). `reported`,
    `total`: programs reported and programs of the year (reporting compliance)."""

    implementer: str
    figures: pd.Series | None
    programs: pd.DataFrame
    reported: int
    total: int

    @property
    def reach_lights(self) -> tuple[str, ...]:
        """The reach light code of each unit (jiwa, then KK) the implementer has a reach for."""
        row = self.figures
        if row is None:
            return ()
        return tuple(row[f"reach_{u}_light"] for u in ("jiwa", "kk") if pd.notna(row[f"reach_{u}"]))


def implementer_scorecard(
    reader: Reader, filters: Filters, implementer: str, thresholds: LightThresholds = LightThresholds()
) -> ImplementerScorecard:
    """The scorecard of `implementer` (its name as stored) for the filters."""
    where, params = allocation_filter(filters)
    programs = reader.query(
        f"""SELECT a.program_id, a.program_code, a.program_name AS name, a.beneficiary_unit AS unit, a.status,
                   sum(a.budget) AS budget, sum(a.spent) AS spent
            FROM allocation_rows a WHERE {where} AND a.implementer = ?
            GROUP BY 1, 2, 3, 4, 5""",
        [*params, implementer],
    )
    people = reader.query(
        f"""SELECT program_id, sum(target) AS target, sum(reached) AS reached
            FROM (SELECT a.program_id, a.region_code, max(a.target) AS target, max(a.reached) AS reached
                  FROM allocation_rows a WHERE {where} AND a.implementer = ? GROUP BY 1, 2) AS per_place
            GROUP BY 1""",
        [*params, implementer],
    ).set_index("program_id")
    programs["target"] = programs["program_id"].map(people["target"]).astype(float)
    programs["reached"] = programs["program_id"].map(people["reached"]).astype(float)
    programs = programs.sort_values(["budget", "program_code"], ascending=[False, True]).reset_index(drop=True)
    columns = ["program_id", "program_code", "name", "budget", "spent", "target", "reached", "unit", "status"]
    rows = reader.shared(reporting, filters).of_year(filters.year)
    own = rows[rows["implementer"] == implementer]
    return ImplementerScorecard(
        implementer=implementer,
        figures=reader.shared(program_indicators, filters, "implementer", thresholds).row(implementer),
        programs=programs[columns],
        reported=int(own["reported"].sum()),
        total=int(own["programs"].sum()),
    )

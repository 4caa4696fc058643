"""Apresiasi & Penghargaan (issue 13, item 5): the forum's partners ranked per award category from
published criteria and adjustable weights, so that anyone can redo every score by hand.

**Criteria and default weights** are `data_loaders/reference/award_criteria.csv` (one row per award
category × criterion; its header says where the weights come from). Every value reads the partner's
programs of the award year, their CSR/TJSL and PPM allocation rows only (`measures.PLEDGING_SOURCES`,
as `domain.partners` counts a partner's money):

- `spent` (Rupiah): spent (realisasi), summed over the rows; a row without a reported figure adds 0.
- `gap_share` (ratio 0–1): `domain.partners.alignment(reader, year)`: spending placed in a kab/kota ×
  PPKS category cell flagged as a gap (CELAH) ÷ spending; missing where nothing was spent.
- `reach` (ratio 0–1): people reached ÷ their target, per unit over the places that report a reached
  figure (`measures.reach`; people counted once per program and place). Jiwa and KK are never added:
  a partner with programs in both units gets the mean of the two ratios. Each ratio counts at most 1
  (reaching more than targeted scores as reaching all of it).
- `realisation` (ratio 0–1): spent ÷ planned (`measures.realisation`), at most 1.
- `on_time` (ratio 0–1): programs reported on time ÷ programs with a due date, from
  `domain.evaluation.reporting` (per implementer name; a partner gets the sums of the implementer
  names its programs of the year carry). Missing where none of its programs has a due date — sample
  data has none.
- `continuity` (years): the distinct years up to the award year in which the partner spent (> 0).

**Scores** (`scores`): for a 'naik' criterion (higher is better) score = value ÷ the best (highest)
value among the year's partners × 100; for 'turun' (lower is better) score = the lowest value ÷ value
× 100 (a value of 0 scores 100). A partner without a value scores 0; where the best 'naik' value is 0
every partner scores 0. A criterion that no partner of the year has a value for (reporting on time on
sample data) is left out: its weight counts 0 that year.

**Total** = Σ weight × score ÷ Σ weight over the criteria in use = Σ normalised weight × score (0–100).
**Rank**: highest total first; equal totals (to `TIE_DECIMALS` decimals) are broken by the higher
amount spent, then by the partner's name (A–Z, ignoring case); every partner gets its own rank.

Ranked are the partners (`partner_rows`, merged partners left out) with a CSR/TJSL or PPM allocation
row in the award year, read in the forum's scope (`Scope()`) whatever the user's scope, so an operator
or a company sees the same published ranking as the forum.
"""

from __future__ import annotations

import functools
import io
import math
from dataclasses import dataclass

import pandas as pd

from data_loaders.regions import REFERENCE_DIR
from domain import measures
from domain.evaluation import reporting
from domain.filters import Filters, Scope
from domain.measures import PEOPLE_UNITS, PLEDGING_SOURCES
from domain.partners import alignment
from domain.reader import Reader

CRITERIA_FILE = REFERENCE_DIR / "award_criteria.csv"
CRITERIA = ("spent", "gap_share", "reach", "realisation", "on_time", "continuity")  # what this module measures
DIRECTIONS = ("naik", "turun")
DEFAULT_AWARD = "mitra_terbaik"
TIE_DECIMALS = 9  # totals equal to this many decimals are a tie
_PLEDGED = f"a.partner_id IS NOT NULL AND a.funding_source IN ({', '.join('?' for _ in PLEDGING_SOURCES)})"


class NoWeights(ValueError):
    """Every criterion in use has weight 0, so there is no total."""


@dataclass(frozen=True)
class Criterion:
    """One criterion of an award: `code` (one of `CRITERIA`), names and definitions in Bahasa
    Indonesia and English, `unit` ('Rupiah', 'rasio' 0–1 or 'tahun'), the default `weight` (points)
    and `direction` ('naik' or 'turun')."""

    code: str
    name_id: str
    name_en: str
    unit: str
    weight: float
    direction: str
    definition_id: str
    definition_en: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" else self.definition_id


@dataclass(frozen=True)
class Award:
    """An award category with its criteria in the file's order."""

    code: str
    name_id: str
    name_en: str
    criteria: tuple[Criterion, ...]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    @property
    def defaults(self) -> tuple[tuple[str, float], ...]:
        """The published default weights: (criterion code, points) in the file's order."""
        return tuple((c.code, c.weight) for c in self.criteria)


@functools.cache
def awards() -> dict[str, Award]:
    """The award categories of `CRITERIA_FILE` by code, in the file's order (lines starting with '#'
    are its header comment). Raises ValueError naming the line for an unknown criterion or direction,
    a negative weight, or a criterion listed twice in one award."""
    lines = CRITERIA_FILE.read_text(encoding="utf-8").splitlines()
    comments = sum(1 for line in lines if line.startswith("#"))
    rows = pd.read_csv(io.StringIO("\n".join(line for line in lines if not line.startswith("#"))), dtype=str)
    found: dict[str, Award] = {}
    for number, row in enumerate(rows.itertuples(index=False), start=comments + 2):
        where = f"{CRITERIA_FILE.name} line {number}"
        if row.criterion not in CRITERIA:
            raise ValueError(f"{where}: criterion '{row.criterion}' is not one of {', '.join(CRITERIA)}")
        if row.direction not in DIRECTIONS:
            raise ValueError(f"{where}: direction '{row.direction}' is not 'naik' or 'turun'")
        weight = float(row.weight)
        if not weight >= 0:
            raise ValueError(f"{where}: weight '{row.weight}' must be a number of 0 or more")
        names = (row.name_id, row.name_en, row.unit)
        criterion = Criterion(row.criterion, *names, weight, row.direction, row.definition_id, row.definition_en)
        award = found.get(row.award) or Award(row.award, row.award_id, row.award_en, ())
        if any(c.code == criterion.code for c in award.criteria):
            raise ValueError(f"{where}: criterion '{row.criterion}' is listed twice for '{row.award}'")
        found[row.award] = Award(award.code, award.name_id, award.name_en, (*award.criteria, criterion))
    return found


def award_of(code: str) -> Award:
    """The award category `code`. Raises ValueError naming the known codes."""
    known = awards()
    if code not in known:
        raise ValueError(f"unknown award category '{code}'; known: {', '.join(known)}")
    return known[code]


def scores(values: pd.Series, direction: str) -> pd.Series:
    """Scores 0–100 of one criterion's values (module docstring): 'naik' value ÷ max × 100, 'turun'
    min ÷ value × 100 (0 scores 100); a missing value scores 0, and every score is 0 where the best
    'naik' value is 0 or no value exists."""
    present = pd.to_numeric(values, errors="coerce").astype(float)
    if present.dropna().empty:
        return pd.Series(0.0, index=values.index)
    if direction == "turun":
        low = present.min()
        result = present.map(lambda v: 100.0 if v == 0 else low / v * 100)
    else:
        high = present.max()
        result = present / high * 100 if high > 0 else present * 0
    return result.fillna(0.0)


# --- the values ----------------------------------------------------------------------------------


def _capped(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else min(value, 1.0)


def _values(reader: Reader, year: int) -> pd.DataFrame:
    """One row per partner of `year`: partner_id, partner (name), budget, reached_jiwa, reached_kk and
    every criterion of `CRITERIA` (module docstring); NaN where there is no value."""
    money = reader.query(
        _VALUES_SQL.format(pledged=_PLEDGED), [year, *PLEDGING_SOURCES, year, year, *(PEOPLE_UNITS * 3)]
    )
    if money.empty:
        return pd.DataFrame(columns=["partner_id", "partner", "budget", "reached_jiwa", "reached_kk", *CRITERIA])
    money = money.assign(partner_id=money["partner_id"].astype(int), spent=money["spent"].fillna(0.0))
    ratios = pd.DataFrame(
        {
            unit: [
                _capped(measures.reach(r, t))
                for r, t in zip(money[f"reached_{unit}"], money[f"target_{unit}"], strict=True)
            ]
            for unit in ("jiwa", "kk")
        },
        dtype=float,
    )
    names = reader.query(
        f"SELECT DISTINCT a.partner_id, a.implementer FROM allocation_rows a WHERE a.year = ? AND {_PLEDGED}",
        [year, *PLEDGING_SOURCES],
    )
    report = reporting(reader, Filters(year=year, sources=PLEDGING_SOURCES)).of_year(year)
    report = names.merge(report, on="implementer").groupby("partner_id")[["dated", "on_time"]].sum()
    gaps = reader.shared(alignment, year).table.set_index("partner_id")["gap_share"]  # as Mitra's profile reads it
    ids = money["partner_id"]
    return money.assign(
        gap_share=ids.map(gaps).astype(float),
        reach=ratios.mean(axis=1).to_numpy(),  # jiwa and KK apart: the mean of the two ratios
        realisation=[_capped(measures.realisation(s, b)) for s, b in zip(money["spent"], money["budget"], strict=True)],
        on_time=ids.map(measures.share(report["on_time"].astype(float), report["dated"].astype(float))).astype(float),
        continuity=money["years"].fillna(0).astype(float),
    )[["partner_id", "partner", "budget", "reached_jiwa", "reached_kk", *CRITERIA]]


# What `_values` reads per partner, in one statement: money of the year, people reached and targeted
# per unit (each program once per place; targets only where the place reports a reach), and the
# years up to `year` in which it spent.
_VALUES_SQL = """
    WITH kept AS MATERIALIZED (
      SELECT a.partner_id, a.year, a.program_id, a.region_code, a.beneficiary_unit AS unit, a.budget, a.spent,
             a.target, a.reached
      FROM allocation_rows a WHERE a.year <= ? AND {pledged}
    ), money AS (
      SELECT partner_id, sum(budget) AS budget, sum(spent) AS spent FROM kept WHERE year = ? GROUP BY 1
    ), places AS (
      SELECT partner_id, program_id, region_code, unit, max(target) AS target, max(reached) AS reached
      FROM kept WHERE year = ? AND unit IN (?, ?) GROUP BY 1, 2, 3, 4
    ), people AS (
      SELECT partner_id,
             sum(reached) FILTER (WHERE unit = ?) AS reached_jiwa, sum(reached) FILTER (WHERE unit = ?) AS reached_kk,
             sum(CASE WHEN reached IS NOT NULL THEN target END) FILTER (WHERE unit = ?) AS target_jiwa,
             sum(CASE WHEN reached IS NOT NULL THEN target END) FILTER (WHERE unit = ?) AS target_kk
      FROM places GROUP BY 1
    ), spending_years AS (
      SELECT partner_id, count(DISTINCT year) AS years FROM kept WHERE spent > 0 GROUP BY 1
    )
    SELECT m.partner_id, p.name AS partner, m.budget, m.spent, pe.reached_jiwa, pe.reached_kk, pe.target_jiwa,
           pe.target_kk, y.years
    FROM money m
    JOIN partner_rows p ON p.id = m.partner_id
    LEFT JOIN people pe ON pe.partner_id = m.partner_id
    LEFT JOIN spending_years y ON y.partner_id = m.partner_id
    ORDER BY m.partner_id
"""


# --- the ranking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranking:
    """The ranking of one award category in one year (module rules).

    `weights`: the weights asked for, in points, per criterion of the award (its file order);
    `used`: the normalised weights the totals use (criterion → weight ÷ Σ weights in use; 0 for a
    criterion left out), summing to 1; `left_out`: criteria no partner had a value for; `best`: the
    best value per criterion (None where there is none).
    `table`, one row per partner in rank order: rank (int, 1 = first), partner_id, partner (name),
    total (0–100), tied (bool: another partner has the same total, the tie rule decided), spent
    (Rupiah), reached_jiwa, reached_kk (people reached per unit, not scored; NaN where none), and
    per criterion `<code>_value` (in the criterion's unit; NaN = no value) and `<code>_score` (0–100).
    total = Σ used[code] × `<code>_score`, summed in the award's criterion order."""

    year: int
    award: Award
    weights: tuple[tuple[str, float], ...]
    used: tuple[tuple[str, float], ...]
    left_out: tuple[str, ...]
    best: tuple[tuple[str, float | None], ...]
    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty

    @property
    def adjusted(self) -> bool:
        """The weights differ from the published defaults."""
        return dict(self.weights) != dict(self.award.defaults)

    def records(self) -> list[dict]:
        """The ranking as JSON-ready objects in rank order: partner, partner_id, rank, total, and
        criteria {code: {value, score, weight}} with the normalised weight, so total = Σ weight ×
        score; a missing value is None."""
        used = dict(self.used)
        out = []
        for row in self.table.to_dict("records"):
            criteria = {}
            for code, _ in self.weights:
                value = row[f"{code}_value"]
                value = None if pd.isna(value) else float(value)
                criteria[code] = {"value": value, "score": float(row[f"{code}_score"]), "weight": used[code]}
            out.append(
                {
                    "partner": row["partner"],
                    "partner_id": int(row["partner_id"]),
                    "rank": int(row["rank"]),
                    "total": float(row["total"]),
                    "criteria": criteria,
                }
            )
        return out

    def breakdown(self) -> pd.DataFrame:
        """One row per partner × criterion, in rank order then criterion order: rank, partner,
        criterion (code), value, best, score, weight (normalised), contribution (weight × score;
        a partner's contributions add up to its total)."""
        used, best = dict(self.used), dict(self.best)
        rows = [
            {
                "rank": row["rank"],
                "partner": row["partner"],
                "criterion": code,
                "value": row[f"{code}_value"],
                "best": best[code],
                "score": row[f"{code}_score"],
                "weight": used[code],
                "contribution": used[code] * row[f"{code}_score"],
            }
            for row in self.table.to_dict("records")
            for code, _ in self.weights
        ]
        columns = ["rank", "partner", "criterion", "value", "best", "score", "weight", "contribution"]
        return pd.DataFrame(rows, columns=columns).astype({"value": float, "best": float})


def _asked(award: Award, weights: tuple[tuple[str, float], ...] | None) -> tuple[tuple[str, float], ...]:
    if weights is None:
        return award.defaults
    given = dict(weights)
    codes = [c.code for c in award.criteria]
    unknown = sorted(set(given) - set(codes))
    if unknown:
        raise ValueError(f"criteria {', '.join(unknown)} are not criteria of '{award.code}' ({', '.join(codes)})")
    for code, weight in given.items():
        if not float(weight) >= 0:
            raise ValueError(f"the weight of '{code}' is {weight}; give a number of 0 or more")
    return tuple((code, float(given.get(code, dict(award.defaults)[code]))) for code in codes)


def ranking(
    reader: Reader, year: int, award: str = DEFAULT_AWARD, weights: tuple[tuple[str, float], ...] | None = None
) -> Ranking:
    """The ranking of award category `award` in `year` (see `Ranking` and the module rules), with
    `weights` ((criterion code, points) pairs; a criterion not named keeps its default; None = the
    published defaults). An empty table where no partner had a CSR/TJSL or PPM row in `year`.
    Raises ValueError for an unknown award or criterion or a negative weight, and `NoWeights` where
    the criteria in use all weigh 0."""
    spec = award_of(award)
    asked = _asked(spec, weights)
    # One published ranking for everyone: read in the forum's scope (`Scope()`), as `alignment` is;
    # only Rupiah, ratios, years and partners' reach totals leave it — never a person or a need cell.
    values = reader.in_scope(Scope()).shared(_values, year)  # once for every award and weighting
    table = values[["partner_id", "partner"]].assign(spent=values["spent"].astype(float))
    best, left_out = [], []
    for criterion in spec.criteria:
        column = values[criterion.code].astype(float)
        table[f"{criterion.code}_value"] = column
        table[f"{criterion.code}_score"] = scores(column, criterion.direction)
        present = column.dropna()
        if present.empty:
            left_out.append(criterion.code)
        top = None if present.empty else present.max() if criterion.direction == "naik" else present.min()
        best.append((criterion.code, None if top is None else float(top)))
    in_use = {code: (0.0 if code in left_out else weight) for code, weight in asked}
    total_weight = sum(in_use.values())
    if not values.empty and total_weight <= 0:
        raise NoWeights(f"every criterion in use weighs 0 ({', '.join(c for c in in_use if c not in left_out)})")
    used = tuple((code, weight / total_weight if total_weight > 0 else 0.0) for code, weight in in_use.items())
    total = pd.Series(0.0, index=table.index)
    for code, weight in used:
        total = total + weight * table[f"{code}_score"]
    rounded = total.round(TIE_DECIMALS)
    names = table["partner"].astype(str).str.casefold()
    table = table.assign(total=total, tied=rounded.duplicated(keep=False), _key=-rounded, _name=names)
    table = table.sort_values(["_key", "spent", "_name"], ascending=[True, False, True], ignore_index=True)
    table.insert(0, "rank", range(1, len(table) + 1))
    columns = ["rank", "partner_id", "partner", "total", "tied", "spent", "reached_jiwa", "reached_kk"]
    columns += [f"{c.code}_{part}" for c in spec.criteria for part in ("value", "score")]
    table = table.merge(values[["partner_id", "reached_jiwa", "reached_kk"]], on="partner_id", how="left")[columns]
    return Ranking(
        year=year, award=spec, weights=asked, used=used, left_out=tuple(left_out), best=tuple(best), table=table
    )

"""Planning for the coming year (issue 13, decree tasks 2–3): proposed programs and adopted catalogue
items against the gaps of the latest year with need figures.

Rules (one place):

- **Years.** The base year is `domain.catalogue.gap_year`: the latest year up to the filter year with
  need (PPKS) figures; the coming year is the base year + 1 (with the sample data and the latest
  filter year, the year after the last year of need data).
- **Gaps** are the cells (kabupaten/kota × PPKS category, at kab/kota level; the province as a whole
  is a cell of its own) flagged CELAH by `domain.gaps.area_categories` in the base year, with the PPKS
  filter applied and the funding-source filter left out.
- **Proposals** are programs with status 'usulan' of the coming year, from any source, placed in the
  cell (allocation rows, by kab/kota; a program in several places or with several sources counts once
  per cell). `proposal_budget` is their pagu (Rupiah) placed there.
- **Adoptions** are the active adoptions (every status but 'batal') of catalogue items of the coming
  year placed in the cell. An adoption linked to a program that is itself a proposal of the cell is
  counted through that program only: its amount is left out of `adopted` (no money counted twice).
- A gap cell is **covered** when it has a proposal or an adoption, else **uncovered**; a cell with two
  or more proposals is a **possible overlap** (`double`), whether or not it is a gap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from common import formatting
from common.i18n import t
from domain.catalogue import gap_year
from domain.filters import LINTAS_PPKS, Filters
from domain.gaps import Thresholds, area_categories
from domain.reader import Reader

_AREA = "coalesce({a}.kabkota_code, {a}.region_code)"
_CELL_COLUMNS = (
    "area_code", "area_name", "ppks_category_id", "gap", "unit", "need", "unmet", "proposals", "proposal_budget",
    "adoptions", "adopted", "covered", "double",
)  # fmt: skip


@dataclass(frozen=True)
class Plan:
    """`cells`: one row per area × category that is a gap in the base year or has a proposal or an
    adoption in the coming year: area_code, area_name, ppks_category_id, gap (bool), unit, need, unmet
    (base year, in `unit`; NaN where not a gap cell of the table), proposals (programs), proposal_budget
    (Rupiah), adoptions (active adoptions counted), adopted (Rupiah, leaving out adoptions linked to a
    proposal of the cell), covered (gap with a proposal or an adoption), double (2+ proposals). Sorted:
    uncovered gaps first, then by unmet need (largest first), place and category.
    `proposals`: program_id, program_name, implementer, area_code, area_name, ppks_category_id,
    funding_source (joined), budget (Rupiah). `adoptions`: id, item_id, title, area_code, area_name,
    ppks_category_id, partner_name, amount (Rupiah), status, program_id, counted (bool: False where
    linked to a proposal of the cell)."""

    year: int | None  # the coming year; None without need figures
    base_year: int | None
    cells: pd.DataFrame
    proposals: pd.DataFrame
    adoptions: pd.DataFrame

    @property
    def gaps(self) -> int:
        return int(self.cells["gap"].sum())

    @property
    def covered(self) -> int:
        return int(self.cells["covered"].sum())

    @property
    def uncovered(self) -> int:
        return self.gaps - self.covered

    @property
    def doubles(self) -> int:
        return int(self.cells["double"].sum())

    def planned_money(self) -> float:
        """Proposal pagu plus adopted amounts not linked to a proposal (Rupiah), each counted once."""
        return float(self.cells["proposal_budget"].sum() + self.cells["adopted"].sum())

    def summary(self, lang: str) -> str:
        """One generated line in `lang`."""
        if self.year is None:
            return t("plan_no_need", lang)
        return t(
            "plan_summary",
            lang,
            year=self.year,
            base=self.base_year,
            gaps=formatting.number(self.gaps, lang),
            covered=formatting.number(self.covered, lang),
            uncovered=formatting.number(self.uncovered, lang),
            doubles=formatting.number(self.doubles, lang),
            money=formatting.money(self.planned_money(), lang),
        )


def plan(reader: Reader, filters: Filters) -> Plan:
    """The coming year's proposals and adoptions against the base year's gaps (module rules)."""
    base = gap_year(reader, filters)
    if base is None:
        empty = pd.DataFrame(columns=list(_CELL_COLUMNS))
        return Plan(None, None, empty, pd.DataFrame(), pd.DataFrame())
    year = base + 1
    gaps = reader.shared(area_categories, replace(filters, year=base, kabkota=None, sources=()), Thresholds()).table
    gaps = gaps[gaps["gap"]][["area_code", "area_name", "ppks_category_id", "unit", "need", "unmet"]]
    conditions, params = ["a.year = ?", "a.status = 'usulan'", "a.ppks_category_id IS NOT NULL"], [year]
    item_conditions, item_params = ["c.year = ?", "d.status <> 'batal'", "c.ppks_category_id IS NOT NULL"], [year]
    if filters.ppks not in (None, LINTAS_PPKS):
        conditions.append("a.ppks_category_id = ?")
        params.append(int(filters.ppks))
        item_conditions.append("c.ppks_category_id = ?")
        item_params.append(int(filters.ppks))
    proposals = reader.query(
        f"""SELECT a.program_id, a.program_name, a.implementer, {_AREA.format(a="a")} AS area_code, k.name AS area_name,
                   a.ppks_category_id, string_agg(DISTINCT a.funding_source, ', ') AS funding_source,
                   sum(a.budget) AS budget
            FROM allocation_rows a JOIN region_rows k ON k.code = {_AREA.format(a="a")}
            WHERE {" AND ".join(conditions)} GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 5, 6, 2""",
        params,
    )
    adoptions = reader.query(
        f"""SELECT d.id, d.item_id, c.title, {_AREA.format(a="c")} AS area_code, k.name AS area_name,
                   c.ppks_category_id, d.partner_name, d.amount, d.status, d.program_id
            FROM catalogue_adoption_rows d JOIN catalogue_item_rows c ON c.id = d.item_id
            JOIN region_rows k ON k.code = {_AREA.format(a="c")}
            WHERE {" AND ".join(item_conditions)} ORDER BY 5, 6, 1""",
        item_params,
    )
    if filters.kabkota:
        gaps = gaps[gaps["area_code"] == filters.kabkota]
        proposals = proposals[proposals["area_code"] == filters.kabkota]
        adoptions = adoptions[adoptions["area_code"] == filters.kabkota]
    keys = ["area_code", "ppks_category_id"]
    # An adoption linked to a proposal of the year adds no money of its own, wherever that proposal
    # is placed: the proposal's pagu already holds it.
    proposed = {int(p) for p in proposals["program_id"]}
    counted = [pd.isna(p) or int(p) not in proposed for p in adoptions["program_id"]]
    adoptions = adoptions.assign(counted=pd.Series(counted, index=adoptions.index, dtype=bool))
    by_proposal = proposals.groupby(keys).agg(
        proposals=("program_id", "nunique"), proposal_budget=("budget", "sum"), name_p=("area_name", "first")
    )
    by_adoption = adoptions.groupby(keys).agg(adoptions=("id", "count"), name_a=("area_name", "first"))
    counted = adoptions[adoptions["counted"]].groupby(keys)["amount"].sum().rename("adopted")
    cells = gaps.assign(gap=True).merge(by_proposal.reset_index(), on=keys, how="outer")
    cells = cells.merge(by_adoption.reset_index(), on=keys, how="outer").merge(
        counted.reset_index(), on=keys, how="left"
    )
    cells["area_name"] = cells["area_name"].fillna(cells["name_p"]).fillna(cells["name_a"])
    cells["gap"] = cells["gap"].astype("boolean").fillna(False).astype(bool)
    for column in ("proposals", "adoptions"):
        cells[column] = cells[column].fillna(0).astype(int)
    for column in ("proposal_budget", "adopted"):
        cells[column] = cells[column].fillna(0.0)
    cells["covered"] = cells["gap"] & ((cells["proposals"] > 0) | (cells["adoptions"] > 0))
    cells["double"] = cells["proposals"] >= 2
    cells["uncovered_first"] = cells["gap"] & ~cells["covered"]
    cells = cells.sort_values(
        ["uncovered_first", "unmet", "area_name", "ppks_category_id"], ascending=[False, False, True, True]
    )
    return Plan(year, base, cells[list(_CELL_COLUMNS)].reset_index(drop=True), proposals, adoptions)

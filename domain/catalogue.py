"""The Etalase Program (catalogue of priority needs, issue 13): drafts from the gap engine and the
items with what partners have adopted. Writes are in data_loaders/catalogue.py.

Rules (one place):

- **Years.** The gap year is the latest year up to the filter year with need (PPKS) figures in
  scope (`gap_year`); drafts are items for the year after it (the year a partner can still fund).
- **Cells.** Every kabupaten/kota × PPKS category flagged CELAH by `domain.gaps.area_categories`
  (default `Thresholds`) in the gap year, at kabupaten/kota level (a kab/kota filter keeps its own
  row), with the PPKS filter applied and the funding-source filter left out: a gap is a gap whoever
  pays. Province-wide rows (`whole_region`) are cells of the province itself.
- **Quantity** = unmet need in the need's unit (jiwa or KK): need − people reached by programs
  counted in that unit; a gap cell without a people figure (only unit/lembaga programs) has 0 reached.
- **Assistance type**: the type of most programs of that PPKS category in the years up to the gap
  year (ties: alphabetical); a category without programs takes `DEFAULT_ASSISTANCE`.
- **Unit cost** (`COST_RULE`): the median, over the programs of that category and assistance type
  counted in the need's unit in the years up to the gap year that report both spending and people
  reached, of realisasi ÷ people reached (Rupiah per jiwa or KK), rounded to the Rupiah. Without such
  a program the item has no basis (`unit_cost` NaN): Dinas Sosial costs it by hand.
- **Amount** = quantity × unit cost (Rupiah).
- **Funded** = the item's active adoptions (every status but 'batal'), never above its amount;
  open = amount − funded. Catalogue money is never added to a funding total (data_loaders/catalogue.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from common import formatting
from common.i18n import t, value
from data_loaders.catalogue import basis_text, encode_basis
from domain import measures
from domain.filters import LINTAS_PPKS, Filters
from domain.gaps import Thresholds, area_categories
from domain.reader import Reader

# Rehabilitasi sosial is the first of the four social-welfare services of UU 11/2009 Pasal 6, the one
# Dinas Sosial runs for every PPKS category.
DEFAULT_ASSISTANCE = "Rehabilitasi Sosial"
COST_RULE = (
    "Unit cost = median over programs of the same PPKS category and assistance type, counted in the "
    "need's unit, years up to the gap year, of realisasi (spent) ÷ people reached."
)


def gap_year(reader: Reader, filters: Filters) -> int | None:
    """The latest year ≤ `filters.year` with need (PPKS) figures in scope; None when there is none."""
    year = reader.scalar("SELECT max(n.year) FROM need_rows n WHERE n.year <= ?", [filters.year])
    return None if year is None or pd.isna(year) else int(year)


@dataclass(frozen=True)
class Drafts:
    """Proposed items, one per gap cell. `table` columns: area_code, area_name, whole_region,
    ppks_category_id, unit ('jiwa'/'KK'), need, reached, quantity (unmet need, in `unit`),
    assistance_type, assistance_default (bool: `DEFAULT_ASSISTANCE`, no program of the category),
    unit_cost (Rupiah per `unit`; NaN = no basis), cost_programs (programs behind the median),
    cost_first, cost_last (years of those programs; NaN without), amount (Rupiah; NaN without unit
    cost), title, item_id (an item of the same year, place and category not withdrawn; NaN where none).
    Sorted by amount (largest first; no basis last), then place and category."""

    table: pd.DataFrame
    gap_year: int | None  # None: no need figures up to the filter year
    year: int | None  # the items' year: gap_year + 1
    first_year: int | None  # the earliest year with programs (the cost rule reads first_year..gap_year)

    def basis(self, row: pd.Series, lang: str) -> str:
        """The arithmetic of one draft in `lang`, in words and numbers."""
        unit = value("unit", row["unit"], lang)
        head = t(
            "cat_basis_need",
            lang,
            need=formatting.number(row["need"], lang),
            reached=formatting.number(row["reached"], lang),
            quantity=formatting.number(row["quantity"], lang),
            unit=unit,
        )
        assistance = value("assistance", row["assistance_type"], lang)
        if pd.isna(row["unit_cost"]):
            years = _years(self.first_year or self.gap_year, self.gap_year)
            tail = t("cat_basis_no_cost", lang, assistance=assistance, unit=unit, years=years)
        else:
            tail = t(
                f"cat_basis_cost_{row['unit']}",
                lang,
                cost=formatting.money(row["unit_cost"], lang),
                assistance=assistance,
                years=_years(row["cost_first"], row["cost_last"]),
                programs=formatting.number(row["cost_programs"], lang),
                amount=formatting.money(row["amount"], lang),
            )
        note = t("cat_basis_default", lang, assistance=assistance) if row["assistance_default"] else ""
        return head + tail + note

    def stored_basis(self, row: pd.Series) -> str:
        """The basis as `data_loaders.catalogue.create_item` stores it (both languages)."""
        return encode_basis({lang: self.basis(row, lang) for lang in ("id", "en")})


def _years(first: float, last: float) -> str:
    return str(int(first)) if int(first) == int(last) else f"{int(first)}–{int(last)}"


_DRAFT_COLUMNS = (
    "area_code", "area_name", "whole_region", "ppks_category_id", "unit", "need", "reached", "quantity",
    "assistance_type", "assistance_default", "unit_cost", "cost_programs", "cost_first", "cost_last", "amount",
    "title", "item_id",
)  # fmt: skip


def drafts(reader: Reader, filters: Filters) -> Drafts:
    """One proposed item per gap cell of the gap year, with its arithmetic (module rules)."""
    year = gap_year(reader, filters)
    if year is None:
        return Drafts(pd.DataFrame(columns=list(_DRAFT_COLUMNS)), None, None, None)
    cells = reader.shared(area_categories, replace(filters, year=year, kabkota=None, sources=()), Thresholds()).table
    cells = cells[cells["gap"]]
    if filters.kabkota:
        cells = cells[cells["area_code"] == filters.kabkota]
    cells = cells.assign(reached=cells["reached"].fillna(0.0))
    cells = cells.assign(quantity=(cells["need"] - cells["reached"]).round())
    types = _assistance_types(reader, year)
    costs = _unit_costs(reader, year)
    frame = cells.merge(types, on="ppks_category_id", how="left")
    frame["assistance_default"] = frame["assistance_type"].isna()
    frame["assistance_type"] = frame["assistance_type"].fillna(DEFAULT_ASSISTANCE)
    frame = frame.merge(costs, on=["ppks_category_id", "assistance_type", "unit"], how="left")
    frame["cost_programs"] = frame["cost_programs"].fillna(0).astype(int)
    frame["amount"] = frame["quantity"] * frame["unit_cost"]
    frame["title"] = [
        f"{name} · PPKS {int(category)} · {year + 1}"
        for name, category in zip(frame["area_name"], frame["ppks_category_id"], strict=True)
    ]
    items = reader.query(
        "SELECT c.region_code AS area_code, c.ppks_category_id, min(c.id) AS item_id FROM catalogue_item_rows c "
        "WHERE c.year = ? AND c.status <> 'ditarik' GROUP BY 1, 2",
        [year + 1],
    )
    frame = frame.merge(items, on=["area_code", "ppks_category_id"], how="left")
    frame = frame.sort_values(["amount", "area_name", "ppks_category_id"], ascending=[False, True, True])
    first = reader.scalar("SELECT min(a.year) FROM allocation_rows a WHERE a.year <= ?", [year])
    first_year = None if first is None or pd.isna(first) else int(first)
    return Drafts(frame[list(_DRAFT_COLUMNS)].reset_index(drop=True), year, year + 1, first_year)


def _assistance_types(reader: Reader, year: int) -> pd.DataFrame:
    """ppks_category_id, assistance_type: the type of most programs of each category up to `year`."""
    counts = reader.query(
        """SELECT a.ppks_category_id, a.assistance_type, count(DISTINCT a.program_id) AS programs
           FROM allocation_rows a
           WHERE a.year <= ? AND a.ppks_category_id IS NOT NULL AND a.assistance_type IS NOT NULL
           GROUP BY 1, 2""",
        [year],
    )
    counts = counts.sort_values(["ppks_category_id", "programs", "assistance_type"], ascending=[True, False, True])
    return counts.drop_duplicates("ppks_category_id")[["ppks_category_id", "assistance_type"]]


def _unit_costs(reader: Reader, year: int) -> pd.DataFrame:
    """ppks_category_id, assistance_type, unit, unit_cost, cost_programs, cost_first, cost_last
    (`COST_RULE`). People are counted once per program and place (a co-financed program repeats them
    per source); spending is summed over every allocation row."""
    programs = reader.query(
        """SELECT program_id, year, ppks_category_id, assistance_type, unit, sum(spent) AS spent,
                  sum(reached) AS reached
           FROM (SELECT a.program_id, a.year, a.ppks_category_id, a.assistance_type, a.beneficiary_unit AS unit,
                        a.region_code, sum(a.spent) AS spent, max(a.reached) AS reached
                 FROM allocation_rows a
                 WHERE a.year <= ? AND a.ppks_category_id IS NOT NULL AND a.assistance_type IS NOT NULL
                   AND a.beneficiary_unit IN ('jiwa', 'KK')
                 GROUP BY 1, 2, 3, 4, 5, 6) AS per_place
           GROUP BY 1, 2, 3, 4, 5""",
        [year],
    )
    programs = programs[(programs["spent"] > 0) & (programs["reached"] > 0)]
    programs = programs.assign(per_person=measures.ratio(programs["spent"], programs["reached"]))
    keys = ["ppks_category_id", "assistance_type", "unit"]
    grouped = programs.groupby(keys)
    costs = pd.DataFrame(
        {
            "unit_cost": grouped["per_person"].median().round(),
            "cost_programs": grouped["program_id"].nunique(),
            "cost_first": grouped["year"].min(),
            "cost_last": grouped["year"].max(),
        }
    )
    return costs.reset_index() if len(costs) else pd.DataFrame(columns=[*keys, *costs.columns])


# --- the items and their adoptions ---------------------------------------------------------------


@dataclass(frozen=True)
class Catalogue:
    """The catalogue in scope (the public view and a mitra: published items only).

    `items` columns: id, year, region_code, region_name, kabkota_code, ppks_category_id,
    assistance_type, title, quantity, unit, unit_cost, amount (Rupiah), status ('draf', 'terbit',
    'ditarik'), funded (active adoptions, never above amount), open (amount − funded), adopters (names
    of the partners with an active adoption, ';'-joined, '' where none), adoptions (active ones),
    funding ('open', 'partial', 'full'), basis (stored, see `basis`). Sorted by year (latest first),
    place, category, id.
    `adoptions` columns: id, item_id, item_title, year, partner_id, partner_name, amount (Rupiah),
    status, program_id, program_name (NaN where not linked). Newest first."""

    items: pd.DataFrame
    adoptions: pd.DataFrame

    @staticmethod
    def basis(stored: str, lang: str) -> str:
        return basis_text(stored, lang)

    def totals(self) -> dict[str, float]:
        """amount, funded and open over the published items (Rupiah): each item counted once."""
        published = self.items[self.items["status"] == "terbit"]
        return {name: float(published[name].sum()) for name in ("amount", "funded", "open")}


def catalogue(reader: Reader, filters: Filters) -> Catalogue:
    """Items and adoptions, limited to `filters.kabkota` and a PPKS category (the year and funding
    source filters do not apply: items are for coming years and carry no source)."""
    conditions, params = ["TRUE"], []
    if filters.kabkota:
        conditions.append("coalesce(c.kabkota_code, c.region_code) = ?")
        params.append(filters.kabkota)
    if filters.ppks == LINTAS_PPKS:
        conditions.append("c.ppks_category_id IS NULL")
    elif filters.ppks is not None:
        conditions.append("c.ppks_category_id = ?")
        params.append(int(filters.ppks))
    where = " AND ".join(conditions)
    items = reader.query(
        f"""SELECT c.id, c.year, c.region_code, c.region_name, c.kabkota_code, c.ppks_category_id,
                   c.assistance_type, c.title, c.quantity, c.unit, c.unit_cost, c.amount, c.status, c.basis
            FROM catalogue_item_rows c WHERE {where}
            ORDER BY c.year DESC, c.region_name, c.ppks_category_id, c.id""",
        params,
    )
    adoptions = reader.query(
        f"""SELECT d.id, d.item_id, c.title AS item_title, c.year, d.partner_id, d.partner_name, d.amount,
                   d.status, d.program_id, p.program_name
            FROM catalogue_adoption_rows d JOIN catalogue_item_rows c ON c.id = d.item_id
            LEFT JOIN (SELECT DISTINCT program_id, program_name FROM allocation_rows) p ON p.program_id = d.program_id
            WHERE {where} ORDER BY d.id DESC""",
        params,
    )
    active = adoptions[adoptions["status"] != "batal"]
    per_item = active.groupby("item_id").agg(
        funded=("amount", "sum"),
        adoptions=("id", "count"),
        adopters=("partner_name", lambda names: "; ".join(sorted({str(n) for n in names}))),
    )
    items = items.merge(per_item, left_on="id", right_index=True, how="left")
    items["funded"] = items["funded"].fillna(0.0).clip(upper=items["amount"])
    items["adoptions"] = items["adoptions"].fillna(0).astype(int)
    items["adopters"] = items["adopters"].fillna("")
    items["open"] = items["amount"] - items["funded"]
    items["funding"] = [
        "full" if rest <= 0 else ("partial" if got > 0 else "open")
        for rest, got in zip(items["open"], items["funded"], strict=True)
    ]
    return Catalogue(items=items, adoptions=adoptions)


def partner_programs(reader: Reader, partner_id: int, year: int) -> dict[int, str]:
    """A partner's programs of `year` and `year + 1` (those an adoption of an item of `year` may link
    to): program id → 'name (year)'."""
    rows = reader.query(
        "SELECT DISTINCT a.program_id, a.program_name, a.year FROM allocation_rows a "
        "WHERE a.partner_id = ? AND a.year IN (?, ?) ORDER BY a.year, a.program_name",
        [int(partner_id), int(year), int(year) + 1],
    )
    return {int(r.program_id): f"{r.program_name} ({int(r.year)})" for r in rows.itertuples()}

"""What a user is looking at (filters) and what they may see (scope), turned into SQL conditions.

Every query of program data is built through `allocation_conditions`/`ppks_conditions`, so the
sign-in roles planned next (an operator sees only their kabupaten, a company only its own rows)
are enforced in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

LINTAS_PPKS = "lintas"


@dataclass(frozen=True)
class Scope:
    """The rows a user may see; `Scope()` is the whole province."""

    kabkota: tuple[str, ...] | None = None  # Kemendagri codes of kabupaten/kota
    partner_id: int | None = None


@dataclass(frozen=True)
class Filters:
    """The shared filters of every page."""

    year: int
    kabkota: str | None = None  # Kemendagri code; None = the whole province
    sources: tuple[str, ...] = ()  # funding source codes; empty = all
    ppks: int | str | None = None  # category id, LINTAS_PPKS, or None = all

    def previous_year(self) -> Filters:
        return replace(self, year=self.year - 1)


def _scope_conditions(scope: Scope, kabkota_column: str) -> tuple[list[str], list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    if scope.kabkota is not None:
        placeholders = ", ".join("?" for _ in scope.kabkota) or "NULL"
        conditions.append(f"{kabkota_column} IN ({placeholders})")
        params.extend(scope.kabkota)
    return conditions, params


def allocation_conditions(filters: Filters, scope: Scope, every_year: bool = False) -> tuple[str, list[Any]]:
    """WHERE clause over `program_allocations a JOIN programs p JOIN regions r`; `every_year` leaves
    the year out (for trends)."""
    conditions, params = _scope_conditions(scope, "r.kabkota_code")
    if scope.partner_id is not None:
        conditions.append("p.partner_id = ?")
        params.append(scope.partner_id)
    if not every_year:
        conditions.append("p.year = ?")
        params.append(filters.year)
    if filters.kabkota:
        conditions.append("r.kabkota_code = ?")
        params.append(filters.kabkota)
    if filters.sources:
        conditions.append(f"a.funding_source IN ({', '.join('?' for _ in filters.sources)})")
        params.extend(filters.sources)
    if filters.ppks == LINTAS_PPKS:
        conditions.append("p.ppks_category_id IS NULL")
    elif filters.ppks is not None:
        conditions.append("p.ppks_category_id = ?")
        params.append(int(filters.ppks))
    return " AND ".join(conditions) or "TRUE", params


def ppks_conditions(filters: Filters, scope: Scope) -> tuple[str, list[Any]]:
    """WHERE clause over `ppks_counts c JOIN regions r`. Funding sources do not apply to need;
    'Lintas PPKS' is a kind of program, not of need, so it keeps every category."""
    conditions, params = _scope_conditions(scope, "r.kabkota_code")
    conditions.append("c.year = ?")
    params.append(filters.year)
    if filters.kabkota:
        conditions.append("r.kabkota_code = ?")
        params.append(filters.kabkota)
    if filters.ppks not in (None, LINTAS_PPKS):
        conditions.append("c.ppks_category_id = ?")
        params.append(int(filters.ppks))
    return " AND ".join(conditions), params

"""What a user is looking at (filters) and what they may see (scope).

The scope is applied by the scoped reader (`domain/reader.py`) and nowhere else, so the sign-in
roles planned next (an operator sees only their kabupaten/kota, a company only its own rows) are
enforced in one place; the filters become SQL through `reader.allocation_filter`/`need_filter`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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

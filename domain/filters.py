"""What a user is looking at (filters) and what they may see (scope).

The scope is applied by the scoped reader (`domain/reader.py`) and nowhere else, so the sign-in
roles (data_loaders/roles.py: an operator sees only their kabupaten/kota, a visitor aggregates only,
a company its own beneficiaries) are enforced in one place; the filters become SQL through
`reader.allocation_filter`/`need_filter`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from data_loaders.roles import Access

LINTAS_PPKS = "lintas"


@dataclass(frozen=True)
class Scope:
    """The rows a user may see; `Scope()` is the whole province in full.

    `kabkota` keeps the rows located in those kabupaten/kota; `partner_id` keeps one partner's
    programs and what they touch. `public` is the aggregate view of a visitor: no beneficiary rows,
    and need counts below `SMALL_COUNT` suppressed (domain/reader.py); `own_partner_id`, with
    `public`, adds back the beneficiaries of that partner's own programs (a signed-in mitra)."""

    kabkota: tuple[str, ...] | None = None  # Kemendagri codes of kabupaten/kota
    partner_id: int | None = None
    public: bool = False
    own_partner_id: int | None = None


@dataclass(frozen=True)
class Filters:
    """The shared filters of every page."""

    year: int
    kabkota: str | None = None  # Kemendagri code; None = the whole province
    sources: tuple[str, ...] = ()  # funding source codes; empty = all
    ppks: int | str | None = None  # category id, LINTAS_PPKS, or None = all

    def previous_year(self) -> Filters:
        return replace(self, year=self.year - 1)


def scope_of(access: Access) -> Scope:
    """The scope of a role (data_loaders/roles.py): an operator's kabupaten/kota; a visitor's public
    view; a mitra's public view plus its own programs' beneficiaries; the whole province in full for
    pimpinan, analis and admin."""
    if access.role == "operator":
        return Scope(kabkota=(access.kabkota_code,) if access.kabkota_code else ())
    if access.role == "mitra":
        return Scope(public=True, own_partner_id=access.partner_id)
    if not access.signed_in:
        return Scope(public=True)
    return Scope()

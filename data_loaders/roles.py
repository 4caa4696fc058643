"""Who may do what: the roles of issue 12 and the one table of their permissions.

The dashboard and the write path ask `Access.may(action)` and `Access.write_limit`; what a role may
*see* is its `Scope` (`domain.filters.scope_of`), applied by the read layer only. The command line
runs as the machine's operator (`cli:<os user>`) without limits: whoever can run it can already read
and write the store file.

Roles (issue 12):
- publik — not signed in: aggregates only (small counts suppressed), no beneficiary-level section,
  no list check, no uploader, no data page, no download finer than the page shows;
- pimpinan — leadership: every view, read-only;
- analis — Analis Dinas Sosial: every view, overlap tools and exports, the Etalase Program's items;
- operator — one kabupaten/kota: every view of it, imports and rollbacks of rows located there;
- mitra — one partner company: the public view plus its own programs and beneficiaries in full,
  imports of its own programs, a check of its own beneficiary list (counts only), adopting
  Etalase Program items for itself;
- admin — users and roles, period locks, rollbacks of anyone's imports, sample-data removal,
  the audit trail, partner merges; every view, import and catalogue action.
"""

from __future__ import annotations

from dataclasses import dataclass

PUBLIC = "publik"
ROLES = ("admin", "pimpinan", "analis", "operator", "mitra")

# The actions a role may take; a page or command checks one of these names.
VIEW_DETAIL = "view_detail"  # beneficiary-level sections (overlaps, people per program), unsuppressed counts
OVERLAP_TOOLS = "overlap_tools"  # overlap drill-downs across programs
LIST_CHECK = "list_check"  # check an uploaded NIK list against the store (counts only)
EXPORT = "export"  # downloads of tables finer than the page shows (program lists, overlap tables)
DATA_PAGE = "data_page"  # the Kelola Data page: templates, history
IMPORT = "import"  # upload and import files (limited by `WriteLimit`)
ROLLBACK = "rollback"  # roll back imports within the write limit
ROLLBACK_ANY = "rollback_any"  # roll back anyone's import
LOCK_PERIODS = "lock_periods"
REMOVE_SAMPLE = "remove_sample"
MANAGE_USERS = "manage_users"
READ_AUDIT = "read_audit"
CATALOGUE_EDIT = "catalogue_edit"  # draft, edit, publish and withdraw Etalase Program items (Dinas Sosial)
CATALOGUE_ADOPT = "catalogue_adopt"  # adopt an item and move its adoption on (a mitra: for its own partner)
MERGE_PARTNERS = "merge_partners"  # merge two partner records into one, and undo it

ACTIONS = (
    VIEW_DETAIL,
    OVERLAP_TOOLS,
    LIST_CHECK,
    EXPORT,
    DATA_PAGE,
    IMPORT,
    ROLLBACK,
    ROLLBACK_ANY,
    LOCK_PERIODS,
    REMOVE_SAMPLE,
    MANAGE_USERS,
    READ_AUDIT,
    CATALOGUE_EDIT,
    CATALOGUE_ADOPT,
    MERGE_PARTNERS,
)

PERMISSIONS: dict[str, frozenset[str]] = {
    PUBLIC: frozenset(),
    "pimpinan": frozenset({VIEW_DETAIL}),
    "analis": frozenset({VIEW_DETAIL, OVERLAP_TOOLS, LIST_CHECK, EXPORT, CATALOGUE_EDIT}),
    "operator": frozenset({VIEW_DETAIL, OVERLAP_TOOLS, EXPORT, DATA_PAGE, IMPORT, ROLLBACK}),
    "mitra": frozenset({LIST_CHECK, DATA_PAGE, IMPORT, ROLLBACK, CATALOGUE_ADOPT}),
    "admin": frozenset(ACTIONS),
}


@dataclass(frozen=True)
class WriteLimit:
    """The rows a user may write: located in `kabkota_code` (an operator), or of the programs of
    `partner_id` (a mitra); both None = anywhere (admin, command line)."""

    kabkota_code: str | None = None
    partner_id: int | None = None

    @property
    def unlimited(self) -> bool:
        return self.kabkota_code is None and self.partner_id is None


@dataclass(frozen=True)
class Access:
    """Who is acting: `role` is one of ROLES or PUBLIC; `username` is the name written to the audit
    log ('publik' for a visitor, 'cli:<os user>' for the command line); `kabkota_code` (Kemendagri,
    an operator's kab/kota) and `partner_id` (a mitra's partner) limit what they see and write."""

    role: str = PUBLIC
    username: str = PUBLIC
    kabkota_code: str | None = None
    partner_id: int | None = None
    display_name: str | None = None

    def __post_init__(self) -> None:
        if self.role not in PERMISSIONS:
            raise ValueError(f"unknown role {self.role!r}")

    @property
    def signed_in(self) -> bool:
        return self.role != PUBLIC

    def may(self, action: str) -> bool:
        """True when the role may take `action` (one of ACTIONS). Raises ValueError for an unknown action."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        return action in PERMISSIONS[self.role]

    @property
    def write_limit(self) -> WriteLimit:
        """The rows this user's imports and rollbacks may touch (admin: anywhere)."""
        if self.role == "operator":
            return WriteLimit(kabkota_code=self.kabkota_code)
        if self.role == "mitra":
            return WriteLimit(partner_id=self.partner_id)
        return WriteLimit()


PUBLIC_ACCESS = Access()

"""The scoped reader: the one module that names the store's tables.

Every domain query reads *relations* defined here — never a base table — and the user's `Scope`
is applied here and nowhere else:

- `allocation_rows`, one row per program × place × funding source: program_id, program_code,
  program_name, year, implementer, partner_id, ppks_category_id, assistance_type, beneficiary_unit,
  status, start_date, end_date, region_code, region_name, region_level, kabkota_code, kecamatan_code,
  lat, lng (the region's centroid), funding_source, budget, committed, spent (Rupiah), target, reached
  (in the program's unit), import_id, site_lat, site_lng (the program site the file gave, decimal
  degrees WGS84; NULL where it gave none).
- `need_rows`, need (PPKS) per year × region × category at one level (`NEED_LEVEL_RULE`): year,
  region_code, region_level, kabkota_code, kecamatan_code, ppks_category_id, count, unit (jiwa or
  KK), data_source, import_id. `need_levelled`: every stored row, with `set_aside` (True = left out
  by that rule), to read both in one query.
- `beneficiary_rows`, person × program × year: nik_hash, person_key (a whole number per person, to
  count people by; `data_loaders/derived.py`), program_code, year, region_code, kabkota_code,
  benefit (Rupiah), decile, ppks_category_id, program_id, program_name, assistance_type, import_id.
- `program_sources`, program × funding source: program_id, funding_source.
- `overlap_count_rows`, `overlap_pair_rows`, `targeting_count_rows`, `left_out_count_rows`: the
  overlap figures per year and kab/kota filter (kabkota_filter; NULL = the whole province), stored
  with every data version (migration 0012, `data_loaders/derived.py`); rows only for `Scope()`,
  read through `Reader.stored_overlaps`.
- `indicator_rows`, indicator × year × period × region: indicator_code, name, year, period,
  region_code, region_name, kabkota_code, baseline, target, actual, unit, direction, data_source,
  definition_name, definition_unit, definition_source, formula, import_id.
- `partner_rows`: id, name, name_key, sector, kind, operating_regions, forum_member, import_id; a
  partner merged into another (`partners.merged_into`, migration 0009) is not listed: its programs
  belong to the partner it was merged into.
- `catalogue_item_rows`, the Etalase Program (migration 0009): id, year, region_code, region_name,
  region_level, kabkota_code, ppks_category_id, assistance_type, title, quantity, unit,
  unit_cost (Rupiah per unit), amount (Rupiah), basis, status ('draf', 'terbit', 'ditarik'),
  created_at, created_by, updated_at, updated_by, is_sample. The public view (visitors, mitra) sees
  published items only ('terbit'); an operator the items placed in their kab/kota.
- `catalogue_adoption_rows`: id, item_id, partner_id, partner_name, amount (Rupiah), status
  ('usulan', 'komitmen', 'berjalan', 'selesai', 'batal'), program_id, created_at, created_by,
  updated_at, updated_by, is_sample — the adoptions of the items of `catalogue_item_rows`, visible
  to every partner so two companies do not fund the same need.
- `import_rows`: every column of the import log, for the imports whose rows are in scope.
- `allocation_import_rows`: id, imported_at, is_sample of the imports of `allocation_rows` (the
  imports of the scope's program rows, without searching its need, beneficiary and indicator rows).
- `region_rows` (code, bps_code, name, kind, level, parent_code, kabkota_code, area_km2, lat, lng)
  and `region_stat_rows` (region_code, year, metric, value, verified, source).
- `ppks_category_list`, `funding_source_list`: reference rows, the same for every scope.

Scope rules: `Scope(kabkota=(…))` keeps rows located in those kabupaten/kota (a row placed at
province level is located in none of them). `Scope(partner_id=N)` keeps that partner's programs
and all their allocation rows (also those placed at province level), the beneficiaries of those
programs, and — for need, indicators and population — the kabupaten/kota where its programs are
placed; its region list also keeps the regions its programs name directly. Both together keep the
intersection. Imports are those whose rows are in scope. `Scope(public=True)` (a visitor) has no
beneficiary rows and no need figure below `SMALL_COUNT`; with `own_partner_id=N` (a mitra) it keeps
the beneficiaries of that partner's programs.

What each role sees (data_loaders/roles.py, `domain.filters.scope_of`): pimpinan, analis and admin
read `Scope()`; an operator `Scope(kabkota=(their code,))`, whatever region the URL names (a filter
for another kab/kota then finds no rows); a visitor `Scope(public=True)`; a mitra
`Scope(public=True, own_partner_id=N)`. `holds_beneficiaries(scope)` says whether pages show
beneficiary-level sections at all (a mitra's hold its own programs' people only).

The one exception to "beneficiary rows of the scope" is the count-only list check of a mitra
(`Reader.count_listed`): it matches an uploaded list of at least `MIN_LISTED` persons against every
beneficiary row of the year in the province, leaving out the partner's own programs, and returns
counts per funding source only — never a row, a name, a place or a program — rounded down to a
multiple of `SMALL_COUNT`, so that adding or removing one person does not show in them. A visitor's
scope (public without an own partner) may not run it.

A second exception: `domain.partners.alignment` reads the gap flags of `domain.gaps.area_categories`
through a reader of the forum's scope (`Scope()`), whatever the caller's scope, so a company sees the same
alignment shares for itself as the forum sees for it (the public view's suppressed need figures would
otherwise change the flags). Only Rupiah sums and shares leave that reader, never a people count.

SQL here and in the domain modules is portable (ANSI casts, `?` placeholders, no DuckDB-only
functions), so a PostgreSQL store can run it.
"""

from __future__ import annotations

import functools
import inspect
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import pandas as pd

from data_loaders import derived
from data_loaders.derived import SMALL_COUNT  # the public view's threshold, one constant
from data_loaders.store import Store
from domain.filters import LINTAS_PPKS, Filters, Scope

Result = TypeVar("Result")
SHARED_ENTRIES = 32  # views kept per reader by `Reader.shared`
MIN_LISTED = 2 * SMALL_COUNT  # persons a mitra's count-only list check needs at the least

NEED_LEVEL_RULE = (
    "Need for one year, PPKS category and unit (jiwa or KK) is read at one level per area: the finest "
    "level that covers the area, else the area's own figure. A region's figure is set aside when every "
    "one of its parts (the kecamatan of a kabupaten/kota, the desa/kelurahan of a kecamatan, the "
    "kabupaten/kota of the province) has a figure of its own or below; when only some parts have one, "
    "the region's own figure is kept and those parts' figures are set aside. Without a figure of the "
    "region itself, its parts' figures are used as they are. An area is the view's: the province for "
    "a province-wide figure; each kabupaten/kota for a view of one, for figures per kabupaten/kota or "
    "below, and for a user limited to some — a province figure outside it then sets aside nothing "
    "inside it."
)

# --- the relations ------------------------------------------------------------------------------
# Each is a SELECT over base tables; `{scope_*}` markers are replaced by the scope's conditions.

_KECAMATAN = "CASE WHEN {r}.level IN ('kecamatan', 'desa_kelurahan') THEN substr({r}.code, 1, 8) END"

_ALLOCATION_ROWS = f"""
    SELECT p.id AS program_id, p.program_code, p.name AS program_name, p.year, p.implementer, p.partner_id,
           p.ppks_category_id, p.assistance_type, p.beneficiary_unit, p.status, p.start_date, p.end_date,
           a.region_code, r.name AS region_name, r.level AS region_level, r.kabkota_code,
           {_KECAMATAN.format(r="r")} AS kecamatan_code, r.lat, r.lng,
           a.funding_source, CAST(a.budget_idr AS DOUBLE PRECISION) AS budget,
           CAST(a.committed_idr AS DOUBLE PRECISION) AS committed, CAST(a.spent_idr AS DOUBLE PRECISION) AS spent,
           CAST(a.target_beneficiaries AS DOUBLE PRECISION) AS target,
           CAST(a.reached_beneficiaries AS DOUBLE PRECISION) AS reached, a.import_id,
           a.latitude AS site_lat, a.longitude AS site_lng
    FROM program_allocations a
    JOIN programs p ON p.id = a.program_id
    JOIN regions r ON r.code = a.region_code
    WHERE NOT coalesce(a.is_total, FALSE) AND {{scope_kabkota}} AND {{scope_partner}}
"""

# Need, with each stored row's NEED_LEVEL_RULE flags from `need_levels` (data_loaders/derived.py,
# written with every data version): the rule over every figure, or in the public view over the
# figures it keeps (at least SMALL_COUNT).
_NEED_LEVELLED = f"""
    SELECT c.year, c.region_code, r.level AS region_level, r.kabkota_code,
           {_KECAMATAN.format(r="r")} AS kecamatan_code, c.ppks_category_id,
           CAST(c.count AS DOUBLE PRECISION) AS count, c.unit, c.data_source, c.import_id, {{scope_level_flags}}
    FROM ppks_counts c JOIN regions r ON r.code = c.region_code
    JOIN need_levels l ON l.year = c.year AND l.region_code = c.region_code AND l.ppks_category_id = c.ppks_category_id
    WHERE {{scope_small_counts}}
"""
_NEED_COLUMNS = (
    "year, region_code, region_level, kabkota_code, kecamatan_code, ppks_category_id, count, unit, data_source, "
    "import_id"
)

# The unscoped definitions are shared with the stored overlap figures (data_loaders/derived.py).
_BENEFICIARY_ROWS = derived.BENEFICIARY_ROWS + "WHERE {scope_kabkota} AND {scope_partner} AND {scope_beneficiaries}\n"

_PROGRAM_SOURCES = derived.PROGRAM_SOURCES + "WHERE {scope_kabkota} AND {scope_partner}\n"

# The stored overlap figures of the whole province (migration 0012): read only by a reader of
# `Scope()` while they are current (`Reader.stored_overlaps`); any other scope sees no row of them.
_OVERLAP_COUNT_ROWS = """
    SELECT year, kabkota_filter, region_code, is_total, people, multi_program, cross_source, same_kind
    FROM overlap_counts WHERE {scope_every_person}
"""
_OVERLAP_PAIR_ROWS = """
    SELECT year, kabkota_filter, kind, item_a, item_b, people FROM overlap_pairs WHERE {scope_every_person}
"""
_LEFT_OUT_COUNT_ROWS = "SELECT year, kabkota_filter, people FROM left_out_counts WHERE {scope_every_person}"
_TARGETING_COUNT_ROWS = """
    SELECT year, kabkota_filter, kind, name, listed, poorest FROM targeting_counts WHERE {scope_every_person}
"""

_INDICATOR_ROWS = """
    SELECT i.indicator_code, i.name, i.year, i.period, i.region_code, r.name AS region_name, r.kabkota_code,
           i.baseline, i.target, i.actual, i.unit, i.direction, i.data_source,
           d.name AS definition_name, d.unit AS definition_unit, d.source AS definition_source, d.formula,
           i.import_id
    FROM indicators i
    JOIN regions r ON r.code = i.region_code
    LEFT JOIN indicator_definitions d ON d.code = i.indicator_code
    WHERE {scope_located}
"""

_PARTNER_ROWS = """
    SELECT id, name, name_key, sector, kind, operating_regions, forum_member, import_id
    FROM partners
    WHERE merged_into IS NULL AND {scope_partner_id} AND {scope_partner_places}
"""

_CATALOGUE_ITEM_ROWS = """
    SELECT c.id, c.year, c.region_code, r.name AS region_name, r.level AS region_level, r.kabkota_code,
           c.ppks_category_id, c.assistance_type, c.title, c.quantity, c.unit,
           CAST(c.unit_cost_idr AS DOUBLE PRECISION) AS unit_cost, CAST(c.amount_idr AS DOUBLE PRECISION) AS amount,
           c.basis, c.status, c.created_at, c.created_by, c.updated_at, c.updated_by, c.is_sample
    FROM catalogue_items c JOIN regions r ON r.code = c.region_code
    WHERE {scope_kabkota} AND {scope_published}
"""

_CATALOGUE_ADOPTION_ROWS = """
    SELECT d.id, d.item_id, d.partner_id, pa.name AS partner_name, CAST(d.amount_idr AS DOUBLE PRECISION) AS amount,
           d.status, d.program_id, d.created_at, d.created_by, d.updated_at, d.updated_by, d.is_sample
    FROM catalogue_adoptions d
    JOIN catalogue_items c ON c.id = d.item_id
    JOIN regions r ON r.code = c.region_code
    LEFT JOIN partners pa ON pa.id = d.partner_id
    WHERE {scope_kabkota} AND {scope_published}
"""

_REGION_ROWS = """
    SELECT code, bps_code, name, kind, level, parent_code, kabkota_code, area_km2, lat, lng
    FROM regions r
    WHERE {scope_regions}
"""

_REGION_STAT_ROWS = """
    SELECT s.region_code, s.year, s.metric, s.value, s.verified, s.source
    FROM region_stats s JOIN regions r ON r.code = s.region_code
    WHERE {scope_located}
"""

_IMPORT_ROWS = """
    SELECT i.*
    FROM imports i
    WHERE {scope_imports}
"""

# When each program row was imported (reporting on time): the imports `allocation_rows` names, found
# without `scope_imports`' search of the beneficiaries (10 ms at 1.000.000 rows for a partner).
_ALLOCATION_IMPORT_ROWS = "SELECT i.id, i.imported_at, i.is_sample FROM imports i WHERE {scope_allocation_imports}"


@dataclass(frozen=True)
class _Relation:
    sql: str
    uses: tuple[str, ...] = ()  # scope markers in the order they occur


_RELATIONS: dict[str, _Relation] = {
    "allocation_rows": _Relation(_ALLOCATION_ROWS, ("scope_kabkota", "scope_partner")),
    "need_rows": _Relation(
        f"SELECT {_NEED_COLUMNS}, {{scope_need_view}} AS set_aside, set_aside_in_kabkota FROM ({_NEED_LEVELLED}) "
        "AS r WHERE NOT (r.set_aside AND r.set_aside_in_kabkota) AND {scope_located}",
        ("scope_need_view", "scope_level_flags", "scope_small_counts", "scope_located"),
    ),
    "need_levelled": _Relation(
        f"SELECT {_NEED_COLUMNS}, {{scope_need_view}} AS set_aside, set_aside_in_kabkota "
        f"FROM ({_NEED_LEVELLED}) AS r WHERE {{scope_located}}",
        ("scope_need_view", "scope_level_flags", "scope_small_counts", "scope_located"),
    ),
    "beneficiary_rows": _Relation(_BENEFICIARY_ROWS, ("scope_kabkota", "scope_partner", "scope_beneficiaries")),
    "program_sources": _Relation(_PROGRAM_SOURCES, ("scope_kabkota", "scope_partner")),
    "overlap_count_rows": _Relation(_OVERLAP_COUNT_ROWS, ("scope_every_person",)),
    "overlap_pair_rows": _Relation(_OVERLAP_PAIR_ROWS, ("scope_every_person",)),
    "targeting_count_rows": _Relation(_TARGETING_COUNT_ROWS, ("scope_every_person",)),
    "left_out_count_rows": _Relation(_LEFT_OUT_COUNT_ROWS, ("scope_every_person",)),
    "indicator_rows": _Relation(_INDICATOR_ROWS, ("scope_located",)),
    "partner_rows": _Relation(_PARTNER_ROWS, ("scope_partner_id", "scope_partner_places")),
    "catalogue_item_rows": _Relation(_CATALOGUE_ITEM_ROWS, ("scope_kabkota", "scope_published")),
    "catalogue_adoption_rows": _Relation(_CATALOGUE_ADOPTION_ROWS, ("scope_kabkota", "scope_published")),
    "region_rows": _Relation(_REGION_ROWS, ("scope_regions",)),
    "region_stat_rows": _Relation(_REGION_STAT_ROWS, ("scope_located",)),
    "import_rows": _Relation(_IMPORT_ROWS, ("scope_imports",)),
    "allocation_import_rows": _Relation(_ALLOCATION_IMPORT_ROWS, ("scope_allocation_imports",)),
    "ppks_category_list": _Relation("SELECT id, name, abbreviation, abbreviation_official FROM ppks_categories"),
    "funding_source_list": _Relation("SELECT code, name, sort_order FROM funding_sources"),
}
RELATIONS = tuple(_RELATIONS)
_NAMES = re.compile(r"\b(" + "|".join(RELATIONS) + r")\b")
_MARKER = re.compile(r"\{(scope_[a-z_]+)\}")

# The kabupaten/kota where a partner's programs are placed.
_PARTNER_PLACES = (
    "SELECT DISTINCT pr.kabkota_code FROM program_allocations pa JOIN programs pp ON pp.id = pa.program_id "
    "JOIN regions pr ON pr.code = pa.region_code WHERE pp.partner_id = ? AND pr.kabkota_code IS NOT NULL"
)


# The regions a partner's allocations name.
_PARTNER_REGIONS = (
    "SELECT DISTINCT pa.region_code FROM program_allocations pa JOIN programs pp ON pp.id = pa.program_id "
    "WHERE pp.partner_id = ?"
)


def _in(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    if not values:
        return "FALSE", []
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


@functools.cache
def _parameters(view: Callable[..., Any]) -> inspect.Signature:
    return inspect.signature(view)


def _view_key(view: Callable[..., Any], args: tuple) -> tuple:
    """What `Reader.shared` keeps a view's result under: the view and its arguments with the defaults
    filled in, so a call that names a default argument and one that leaves it out share one result."""
    try:
        bound = _parameters(view).bind(None, *args)
    except TypeError:  # arguments the view does not take: its own call raises
        return (view.__module__, view.__qualname__, args)
    bound.apply_defaults()
    return (view.__module__, view.__qualname__, tuple(bound.arguments.values())[1:])


class Reader:
    """Reads the store for one `Scope`. Domain code writes its SQL over the relations above; the
    reader prepends their definitions (only those the SQL names) with the scope applied.

    `query(sql, params)` returns a DataFrame, `scalar` one value. Parameters use `?` placeholders."""

    def __init__(self, store: Store, scope: Scope = Scope()) -> None:
        self.store = store
        self.scope = scope
        self._shared: OrderedDict[tuple, Any] = OrderedDict()
        self._computing: dict[tuple, threading.Event] = {}  # views a thread is computing now
        self._others: dict[Scope, Reader] = {}
        self._lock = threading.Lock()
        self._overlaps_current: bool | None = None

    def shared(self, view: Callable[..., Result], *args: Any) -> Result:
        """`view(self, *args)`, computed once per reader: a view that builds on another section's
        figures (the agenda on the gap table) reads them through here, so one rerun computes them
        once; `ui.data.read` reads every view through here. Arguments must be hashable. The result is
        shared: whoever gets it must not change it. A thread that asks for a view another thread is
        computing waits for it (`ui.data.start`, a prefetch), and computes it itself if that failed."""
        key = _view_key(view, args)
        with self._lock:  # one reader serves every session of its scope, each on its own thread
            if key in self._shared:
                self._shared.move_to_end(key)
                return self._shared[key]
            computing = self._computing.get(key)
            if computing is None:
                computing = self._computing[key] = threading.Event()
                mine = True
            else:
                mine = False
        if not mine:
            computing.wait()
            return self.shared(view, *args)  # kept now, or computed here after the other thread failed
        try:
            result = view(self, *args)
            with self._lock:
                self._shared[key] = result
                while len(self._shared) > SHARED_ENTRIES:  # a reader lives for a data version: keep the recent
                    self._shared.popitem(last=False)
        finally:
            with self._lock:
                del self._computing[key]
            computing.set()
        return result

    def holds(self, view: Callable[..., Any], *args: Any) -> bool:
        """Whether `shared(view, *args)` would answer from what this reader keeps, without reading."""
        with self._lock:
            return _view_key(view, args) in self._shared

    def in_scope(self, scope: Scope) -> Reader:
        """A reader of the same store in `scope`: this one when `scope` is its own, else one kept with
        this reader, so that views read in another scope (the forum's gap flags under a partner's
        alignment, `Scope()`) are shared too."""
        if scope == self.scope:
            return self
        with self._lock:
            if scope not in self._others:
                self._others[scope] = Reader(self.store, scope)
            return self._others[scope]

    def stored_overlaps(self) -> bool:
        """Whether the overlap views (`domain.overlap`) read the stored figures (`overlap_count_rows`,
        `overlap_pair_rows`, `targeting_count_rows`, `left_out_count_rows`, for the province and for
        every kab/kota filter) instead of computing them: for `Scope()`, while the figures are those
        of the stored rows (`derived.overlaps_current`, asked once per reader: a reader lives for a
        data version). Any other scope computes them from its own rows (an operator's kab/kota, a
        partner's programs: 20–100 ms a view at 5.000.000 rows)."""
        if self.scope != Scope():
            return False
        if self._overlaps_current is None:
            self._overlaps_current = derived.overlaps_current(self.store)
        return self._overlaps_current

    # --- scope conditions -------------------------------------------------------------------------

    def _condition(self, marker: str) -> tuple[str, list[Any]]:
        scope = self.scope
        if marker == "scope_kabkota":  # rows placed in the scope's kab/kota (program rows, beneficiaries)
            if scope.kabkota is None:
                return "TRUE", []
            return _in("r.kabkota_code", scope.kabkota)
        if marker in ("scope_located", "scope_regions"):  # need, indicators, population; regions
            sql, params = self._condition("scope_kabkota")
            parts = [] if scope.kabkota is None else [sql]
            if scope.partner_id is not None:
                # The kab/kota where the partner's programs are placed; the region list also keeps a
                # region its programs name directly (the province, for a province-wide program).
                places = f"r.kabkota_code IN ({_PARTNER_PLACES})"
                params.append(scope.partner_id)
                if marker == "scope_regions":
                    places = f"({places} OR r.code IN ({_PARTNER_REGIONS}))"
                    params.append(scope.partner_id)
                parts.append(places)
            return " AND ".join(parts) or "TRUE", params
        if marker == "scope_need_view":  # NEED_LEVEL_RULE's area: the province, or the scope's kab/kota
            unlimited = scope.kabkota is None and scope.partner_id is None
            return ("r.set_aside" if unlimited else "r.set_aside_in_kabkota"), []
        if marker == "scope_published":  # the public view sees published catalogue items only
            return ("c.status = 'terbit'", []) if self.scope.public else ("TRUE", [])
        if marker == "scope_level_flags":  # the rule over the figures this view keeps
            if scope.public:
                return "l.public_set_aside AS set_aside, l.public_set_aside_in_kabkota AS set_aside_in_kabkota", []
            return "l.set_aside, l.set_aside_in_kabkota", []
        if marker == "scope_small_counts":  # the public view publishes no need figure below SMALL_COUNT
            return ("c.count >= ?", [SMALL_COUNT]) if scope.public else ("TRUE", [])
        if marker == "scope_beneficiaries":  # the public view: none; a mitra's: its own programs'
            if not scope.public:
                return "TRUE", []
            if scope.own_partner_id is None:
                return "FALSE", []
            return "p.partner_id = ?", [scope.own_partner_id]
        if marker == "scope_every_person":  # the stored overlap figures: the whole province only
            return ("TRUE" if scope == Scope() else "FALSE"), []
        if marker == "scope_partner":
            if scope.partner_id is None:
                return "TRUE", []
            return "p.partner_id = ?", [scope.partner_id]
        if marker == "scope_partner_id":
            if scope.partner_id is None:
                return "TRUE", []
            return "id = ?", [scope.partner_id]
        if marker == "scope_partner_places":
            if scope.kabkota is None:
                return "TRUE", []
            # A partner belongs to a kabupaten/kota's view when it operates or has a program there.
            located, params = _in("r.kabkota_code", scope.kabkota)
            operates = " OR ".join("(';' || operating_regions || ';') LIKE ?" for _ in scope.kabkota) or "FALSE"
            return (
                f"(id IN (SELECT p.partner_id FROM program_allocations a JOIN programs p ON p.id = a.program_id "
                f"JOIN regions r ON r.code = a.region_code WHERE {located} AND p.partner_id IS NOT NULL) "
                f"OR {operates})",
                [*params, *(f"%;{code};%" for code in scope.kabkota)],
            )
        if marker == "scope_allocation_imports":
            if scope.kabkota is None and scope.partner_id is None:
                return "TRUE", []
            body, values = self._definition("allocation_rows")
            return f"i.id IN (SELECT import_id FROM ({body}) AS scoped_allocation_rows)", values
        if marker == "scope_imports":
            if scope.kabkota is None and scope.partner_id is None:
                return "TRUE", []
            parts, params = [], []
            for relation in ("allocation_rows", "need_rows", "beneficiary_rows", "indicator_rows"):
                body, values = self._definition(relation)
                parts.append(f"i.id IN (SELECT import_id FROM ({body}) AS scoped_{relation})")
                params += values
            return "(" + " OR ".join(parts) + ")", params
        raise ValueError(f"unknown scope marker {marker}")

    def _definition(self, relation: str) -> tuple[str, list[Any]]:
        """The relation's SELECT with the scope's conditions filled in, and their parameters."""
        spec = _RELATIONS[relation]
        params: list[Any] = []

        def fill(match: re.Match[str]) -> str:
            sql, values = self._condition(match.group(1))
            params.extend(values)
            return sql

        body = _MARKER.sub(fill, spec.sql.replace("{{", "{").replace("}}", "}"))
        return body, params

    # --- reading ----------------------------------------------------------------------------------

    def sql(self, sql: str, params: Sequence[Any] = ()) -> tuple[str, list[Any]]:
        """`sql` with a WITH clause defining every relation it names, and the full parameter list."""
        named = set(_NAMES.findall(sql))
        names = [name for name in RELATIONS if name in named]
        if not names:
            return sql, list(params)
        parts, all_params = [], []
        for name in names:
            body, values = self._definition(name)
            parts.append(f"{name} AS ({body})")
            all_params += values
        stripped = sql.lstrip()
        if stripped[:5].upper() == "WITH ":  # the caller's own WITH clause follows the relations
            return "WITH " + ",\n".join(parts) + ",\n" + stripped[5:], [*all_params, *params]
        return "WITH " + ",\n".join(parts) + "\n" + sql, [*all_params, *params]

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Rows of `sql` (over the relations) as a DataFrame."""
        full, values = self.sql(sql, params)
        return self.store.query(full, values)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first value of the first row of `sql`, or None."""
        full, values = self.sql(sql, params)
        return self.store.scalar(full, values)

    def query_frame(self, sql: str, params: Sequence[Any] = (), **frames: pd.DataFrame) -> pd.DataFrame:
        """Like `query`, joining DataFrames the caller holds (named in `sql` by their keyword)."""
        full, values = self.sql(sql, params)
        return self.store.query_frame(full, values, **frames)

    def count_listed(self, hashes: Sequence[str], filters: Filters) -> pd.DataFrame:
        """How many persons of a mitra's uploaded list (keyed NIK hashes) receive help from *other*
        programs in `filters.year`, over every beneficiary row of the province (the count-only check
        of a mitra, see the module docstring). To keep one person's help from being read off the
        counts: the list needs at least `MIN_LISTED` distinct persons; the region, source and PPKS
        filters do not apply (the province, the year); the partner's own programs are not counted
        (it knows their people); every funding source has a row, found or not; and every count is
        rounded down to a multiple of `SMALL_COUNT` (0–9 → None, 10–19 → 10, …). Returns
        funding_source (code; None on the row of the persons found at all, each once) and people
        (int or None). Raises PermissionError for a visitor's scope (public without
        `own_partner_id`) and ListTooShort for a list shorter than `MIN_LISTED`."""
        if self.scope.public and self.scope.own_partner_id is None:
            raise PermissionError("the public view has no list check")
        listed = sorted(set(hashes))
        if len(listed) < MIN_LISTED:
            raise ListTooShort(len(listed))
        unlimited = Reader(self.store, replace(self.scope, public=False, own_partner_id=None, kabkota=None))
        uploaded = pd.DataFrame({"nik_hash": listed}, dtype=str)
        own = self.scope.own_partner_id if self.scope.own_partner_id is not None else -1
        counts = unlimited.query_frame(
            """WITH programs_of_year AS (SELECT DISTINCT program_id, partner_id FROM allocation_rows WHERE year = ?),
                 matched AS (SELECT DISTINCT b.nik_hash, s.funding_source
                    FROM uploaded u JOIN beneficiary_rows b ON b.nik_hash = u.nik_hash
                    JOIN programs_of_year p ON p.program_id = b.program_id
                    LEFT JOIN program_sources s ON s.program_id = b.program_id
                    WHERE b.year = ? AND coalesce(p.partner_id, -2) <> ?)
                SELECT f.code AS funding_source, count(DISTINCT m.nik_hash) AS people
                FROM funding_source_list f LEFT JOIN matched m ON m.funding_source = f.code
                GROUP BY f.code, f.sort_order
                UNION ALL SELECT NULL, count(DISTINCT nik_hash) FROM matched""",
            [filters.year, filters.year, own],
            uploaded=uploaded,
        )
        people = [None if n < SMALL_COUNT else int(n) // SMALL_COUNT * SMALL_COUNT for n in counts["people"]]
        sources = [None if pd.isna(code) else code for code in counts["funding_source"]]
        frame = pd.DataFrame({"funding_source": sources, "people": pd.Series(people, dtype=object)})
        return frame.sort_values("funding_source", na_position="last", ignore_index=True)


class ListTooShort(ValueError):
    """A count-only list check of fewer than `MIN_LISTED` persons (`listed`: how many it had)."""

    def __init__(self, listed: int) -> None:
        self.listed = listed
        super().__init__(f"{listed} persons listed; at least {MIN_LISTED} are needed")


def holds_beneficiaries(scope: Scope) -> bool:
    """Whether `beneficiary_rows` holds anything in `scope`: every scope but the public view, and a
    mitra's public view (its own programs' beneficiaries only)."""
    return not scope.public or scope.own_partner_id is not None


# --- the shared filters as SQL ------------------------------------------------------------------


def _year_and_place(filters: Filters, alias: str, every_year: bool) -> tuple[list[str], list[Any]]:
    """The year (unless `every_year`) and kabupaten/kota conditions every relation shares."""
    conditions: list[str] = []
    params: list[Any] = []
    if not every_year:
        conditions.append(f"{alias}.year = ?")
        params.append(filters.year)
    if filters.kabkota:
        conditions.append(f"{alias}.kabkota_code = ?")
        params.append(filters.kabkota)
    return conditions, params


def allocation_filter(filters: Filters, alias: str = "a", every_year: bool = False) -> tuple[str, list[Any]]:
    """WHERE conditions of the shared filters over `allocation_rows AS alias`; `every_year` leaves the
    year out (for trends). Returns (sql, params)."""
    conditions, params = _year_and_place(filters, alias, every_year)
    if filters.sources:
        sql, values = _in(f"{alias}.funding_source", filters.sources)
        conditions.append(sql)
        params += values
    if filters.ppks == LINTAS_PPKS:
        conditions.append(f"{alias}.ppks_category_id IS NULL")
    elif filters.ppks is not None:
        conditions.append(f"{alias}.ppks_category_id = ?")
        params.append(int(filters.ppks))
    return " AND ".join(conditions) or "TRUE", params


def need_set_aside(filters: Filters, alias: str = "n", by_kabkota: bool = False) -> str:
    """The SQL flag of `need_rows`/`need_levelled AS alias` that is true where NEED_LEVEL_RULE leaves a
    row out of this view: taken per kabupaten/kota for a view of one and, with `by_kabkota`, for
    figures per kabupaten/kota or below (a province total then sets aside none of them); else per the
    reader's area (the province, or the kab/kota a scope is limited to)."""
    return f"{alias}.set_aside_in_kabkota" if filters.kabkota or by_kabkota else f"{alias}.set_aside"


def need_filter(
    filters: Filters, alias: str = "n", every_year: bool = False, by_kabkota: bool = False, counted: bool = True
) -> tuple[str, list[Any]]:
    """WHERE conditions of the shared filters over `need_rows AS alias`, keeping the rows this view
    counts (`need_set_aside`; `counted=False` keeps the set-aside rows too, for `need_levelled`).
    Funding sources do not apply to need; 'Lintas PPKS' is a kind of program, not of need, so it keeps
    every category."""
    conditions, params = _year_and_place(filters, alias, every_year)
    if filters.ppks not in (None, LINTAS_PPKS):
        conditions.append(f"{alias}.ppks_category_id = ?")
        params.append(int(filters.ppks))
    if counted:
        conditions.append(f"NOT {need_set_aside(filters, alias, by_kabkota)}")
    return " AND ".join(conditions) or "TRUE", params


def beneficiary_filter(filters: Filters, alias: str = "b") -> tuple[str, list[Any]]:
    """WHERE conditions of the year and kabupaten/kota filters over `beneficiary_rows AS alias`."""
    conditions, params = _year_and_place(filters, alias, every_year=False)
    return " AND ".join(conditions), params

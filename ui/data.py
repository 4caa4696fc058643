"""The one place for caching (the page/data boundary).

The store is a cached resource (one DuckDB instance per process, a cursor per query). Aggregates
are cached per data version, so they are computed once after each write and never keyed by
hashing large frames.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_loaders import importer, periods, templates
from data_loaders.demo import build_demo
from data_loaders.nik import hashes_from_csv, nik_key
from data_loaders.settings import database_url
from data_loaders.store import Store, open_store
from data_loaders.validation import Progress, Validation, validate
from domain import evaluation, funding, gaps, map_metrics, overlap, overview
from domain.filters import Filters, Scope


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    store = open_store(url)
    if not store.has_data() and not store.count("imports"):
        # First start on an empty store: the dashboard opens on the sample data set.
        build_demo(store)
    return store


def store() -> Store:
    return _store(database_url())


def clear_caches() -> None:
    """Used by tests, and after a store is replaced."""
    st.cache_data.clear()
    st.cache_resource.clear()


@st.cache_data(show_spinner=False, max_entries=512)
def _kpis(_db: Store, url: str, version: int, filters: Filters, scope: Scope) -> overview.Kpis:
    return overview.kpis(_db, filters, scope)


@st.cache_data(show_spinner=False, max_entries=512)
def _funding_by_source(_db: Store, url: str, version: int, filters: Filters, scope: Scope) -> pd.DataFrame:
    return overview.funding_by_source(_db, filters, scope)


@st.cache_data(show_spinner=False, max_entries=512)
def _funding_by_area(_db: Store, url: str, version: int, filters: Filters, scope: Scope) -> pd.DataFrame:
    return overview.funding_by_area(_db, filters, scope)


@st.cache_data(show_spinner=False, max_entries=64)
def _years(_db: Store, url: str, version: int) -> list[int]:
    return overview.available_years(_db)


@st.cache_data(show_spinner=False, max_entries=64)
def _status(_db: Store, url: str, version: int) -> overview.DataStatus:
    return overview.data_status(_db)


@st.cache_data(show_spinner=False, max_entries=64)
def _query(_db: Store, url: str, version: int, sql: str) -> pd.DataFrame:
    return _db.query(sql)


def _key(s: Store) -> tuple[Store, str, int]:
    return s, s.url, s.data_version()


def kpis(filters: Filters, scope: Scope) -> overview.Kpis:
    return _kpis(*_key(store()), filters, scope)


def funding_by_source(filters: Filters, scope: Scope) -> pd.DataFrame:
    return _funding_by_source(*_key(store()), filters, scope)


def funding_by_area(filters: Filters, scope: Scope) -> pd.DataFrame:
    return _funding_by_area(*_key(store()), filters, scope)


def years() -> list[int]:
    return _years(*_key(store()))


def status() -> overview.DataStatus:
    return _status(*_key(store()))


def table(sql: str) -> pd.DataFrame:
    """A small reference query (no user input in `sql`), cached per data version."""
    return _query(*_key(store()), sql)


def table_counts() -> dict[str, int]:
    return store().table_counts()


# --- data management (Kelola Data) ---------------------------------------------------------------


def _secrets() -> dict:
    """Streamlit secrets when a secrets.toml exists; the NIK key may live there or in the environment."""
    try:
        return dict(st.secrets)
    except Exception:  # no secrets file: Streamlit raises its own not-found error
        return {}


@st.cache_data(show_spinner=False, max_entries=16)
def template(kind: str) -> bytes:
    return templates.build_template(kind)


def validate_upload(file: str, content: bytes, kind: str, progress: Progress | None = None) -> Validation:
    s = store()
    known = {
        (row.program_code, int(row.year))
        for row in s.query("SELECT DISTINCT program_code, year FROM programs").itertuples()
    }
    partners = set(s.query("SELECT name_key FROM partners")["name_key"])
    return validate(
        file, content, kind, nik_key=nik_key(_secrets()), known_programs=known, partner_keys=partners, progress=progress
    )


def import_validated(validation: Validation, user: str, progress: Progress | None = None) -> importer.ImportResult:
    return importer.apply(store(), validation, user, progress=progress)


def rollback(import_id: int, user: str) -> dict[str, int]:
    return importer.rollback(store(), import_id, user)


def remove_sample() -> int:
    return importer.remove_sample(store())


@st.cache_data(show_spinner=False, max_entries=16)
def _history(_db: Store, url: str, version: int) -> pd.DataFrame:
    return importer.history(_db)


def history() -> pd.DataFrame:
    return _history(*_key(store()))


def ppks_labels() -> dict[int, str]:
    """'24. Fakir Miskin' for every PPKS category id, for filters and previews."""
    categories = table("SELECT id, name FROM ppks_categories ORDER BY id")
    return {int(row.id): f"{row.id}. {row.name}" for row in categories.itertuples()}


# --- map (Peta) ---------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _area_figures(
    _db: Store, url: str, version: int, filters: Filters, scope: Scope, level: str, parent: str | None
) -> pd.DataFrame:
    return map_metrics.area_figures(_db, filters, scope, level, parent)


@st.cache_data(show_spinner=False, max_entries=256)
def _program_points(
    _db: Store, url: str, version: int, filters: Filters, scope: Scope, parent: str | None
) -> pd.DataFrame:
    return map_metrics.program_points(_db, filters, scope, parent)


@st.cache_data(show_spinner=False, max_entries=256)
def _unplaced(
    _db: Store, url: str, version: int, filters: Filters, scope: Scope, level: str, parent: str | None
) -> float:
    return map_metrics.unplaced_budget(_db, filters, scope, level, parent)


def area_figures(filters: Filters, scope: Scope, level: str, parent: str | None) -> pd.DataFrame:
    return _area_figures(*_key(store()), filters, scope, level, parent)


def program_points(filters: Filters, scope: Scope, parent: str | None) -> pd.DataFrame:
    return _program_points(*_key(store()), filters, scope, parent)


def unplaced_budget(filters: Filters, scope: Scope, level: str, parent: str | None) -> float:
    return _unplaced(*_key(store()), filters, scope, level, parent)


# --- funding (Pendanaan) ------------------------------------------------------------------------

_FUNDING = {
    "dimension": funding.by_dimension,
    "flows": funding.flows,
    "trends": funding.trends,
    "implementers": funding.implementers,
    "programs": funding.programs,
}


@st.cache_data(show_spinner=False, max_entries=512)
def _funding(_db: Store, url: str, version: int, what: str, filters: Filters, scope: Scope, *args) -> pd.DataFrame:
    return _FUNDING[what](_db, filters, scope, *args)


def funding_data(what: str, filters: Filters, scope: Scope, *args: object) -> pd.DataFrame:
    """One of the Pendanaan page's aggregates (see domain/funding.py), cached per data version."""
    return _funding(*_key(store()), what, filters, scope, *args)


def program_places(program_id: int, scope: Scope) -> pd.DataFrame:
    return funding.program_places(store(), program_id, scope)


# --- gaps and overlaps (Celah & Tumpang Tindih) -------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _area_category(_db: Store, url: str, version: int, filters: Filters, scope: Scope) -> pd.DataFrame:
    return gaps.area_category(_db, filters, scope)


@st.cache_data(show_spinner=False, max_entries=64)
def _people_overlaps(_db: Store, url: str, version: int, year: int, scope: Scope) -> pd.DataFrame:
    return overlap.overlaps_by_region(_db, year, scope)


@st.cache_data(show_spinner=False, max_entries=64)
def _source_pairs(_db: Store, url: str, version: int, year: int, scope: Scope) -> pd.DataFrame:
    return gaps.source_pairs(_db, year, scope)


def area_category(filters: Filters, scope: Scope) -> pd.DataFrame:
    return _area_category(*_key(store()), filters, scope)


def people_overlaps(year: int, scope: Scope) -> pd.DataFrame:
    return _people_overlaps(*_key(store()), year, scope)


def source_pairs(year: int, scope: Scope) -> pd.DataFrame:
    return _source_pairs(*_key(store()), year, scope)


@st.cache_data(show_spinner=False, max_entries=64)
def _people_detail(_db: Store, url: str, version: int, what: str, year: int, scope: Scope) -> object:
    if what == "pairs":
        return overlap.program_pairs(_db, year, scope)
    if what == "left_out":
        return overlap.poorest_left_out(_db, year, scope)
    return overlap.targeting(_db, year, scope, by=what)


def people_detail(what: str, year: int, scope: Scope) -> object:
    """Program pairs ('pairs'), on-target shares ('program', 'source') or desil 1 left out ('left_out')."""
    return _people_detail(*_key(store()), what, year, scope)


def check_list(content: bytes, year: int, scope: Scope) -> tuple[pd.DataFrame, int, int]:
    """A partner's list against the beneficiaries: counts per region and assistance type, how many
    of the list already receive help, and how many valid people the list has. Not cached, not stored."""
    hashes, _ = hashes_from_csv(content, nik_key(_secrets()))
    frame, found = overlap.check_list(store(), hashes, year, scope)
    return frame, found, len(set(hashes))


# --- evaluation (Evaluasi) ----------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _evaluation(_db: Store, url: str, version: int, what: str, filters: Filters, scope: Scope, arg: object):
    if what == "indicators":
        return evaluation.indicators(_db, filters.year, scope, arg)
    if what == "programs":
        return evaluation.program_indicators(_db, filters, scope, arg)
    return evaluation.reporting(_db, filters, scope)


def evaluation_data(what: str, filters: Filters, scope: Scope, arg: object = None) -> pd.DataFrame:
    """'indicators' (arg: region code or None), 'programs' (arg: source, region, implementer or
    program) or 'reporting', cached per data version."""
    return _evaluation(*_key(store()), what, filters, scope, arg)


def locked_years() -> list[int]:
    return periods.locked_years(store())


def set_lock(year: int, locked: bool, user: str) -> None:
    if locked:
        periods.lock(store(), year, user)
    else:
        periods.unlock(store(), year)

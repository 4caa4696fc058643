"""The one place for caching (the page/data boundary).

The store is a cached resource (one DuckDB instance per process, a cursor per query). Every
aggregate a page reads goes through one cached function keyed by the data version, so it is
computed once after each write and never keyed by hashing large frames.
"""

from __future__ import annotations

from collections.abc import Callable

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


# Every cached read: a name and the domain function it calls with the store first.
_READS: dict[str, Callable] = {
    "kpis": overview.kpis,
    "funding_by_source": overview.funding_by_source,
    "funding_by_area": overview.funding_by_area,
    "years": overview.available_years,
    "status": overview.data_status,
    "query": lambda db, sql: db.query(sql),
    "history": importer.history,
    "area_figures": map_metrics.area_figures,
    "program_points": map_metrics.program_points,
    "unplaced_budget": map_metrics.unplaced_budget,
    "funding.dimension": funding.by_dimension,
    "funding.flows": funding.flows,
    "funding.trends": funding.trends,
    "funding.implementers": funding.implementers,
    "funding.programs": funding.programs,
    "area_category": gaps.area_category,
    "people_overlaps": overlap.overlaps_by_region,
    "source_pairs": gaps.source_pairs,
    "people.pairs": overlap.program_pairs,
    "people.program": lambda db, year, scope: overlap.targeting(db, year, scope, by="program"),
    "people.source": lambda db, year, scope: overlap.targeting(db, year, scope, by="source"),
    "people.left_out": overlap.poorest_left_out,
    "evaluation.indicators": lambda db, filters, scope, region: evaluation.indicators(db, filters.year, scope, region),
    "evaluation.programs": evaluation.program_indicators,
    "evaluation.reporting": lambda db, filters, scope, _: evaluation.reporting(db, filters, scope),
}


@st.cache_data(show_spinner=False, max_entries=2048)
def _read(_db: Store, url: str, version: int, name: str, args: tuple) -> object:
    return _READS[name](_db, *args)


def _cached(name: str, *args: object) -> object:
    db = store()
    return _read(db, db.url, db.data_version(), name, args)


def kpis(filters: Filters, scope: Scope) -> overview.Kpis:
    return _cached("kpis", filters, scope)


def funding_by_source(filters: Filters, scope: Scope) -> pd.DataFrame:
    return _cached("funding_by_source", filters, scope)


def funding_by_area(filters: Filters, scope: Scope) -> pd.DataFrame:
    return _cached("funding_by_area", filters, scope)


def years() -> list[int]:
    return _cached("years")


def status() -> overview.DataStatus:
    return _cached("status")


def table(sql: str) -> pd.DataFrame:
    """A small reference query (no user input in `sql`), cached per data version."""
    return _cached("query", sql)


def table_counts() -> dict[str, int]:
    return store().table_counts()


def ppks_labels() -> dict[int, str]:
    """'24. Fakir Miskin' for every PPKS category id, for filters and previews."""
    categories = table("SELECT id, name FROM ppks_categories ORDER BY id")
    return {int(row.id): f"{row.id}. {row.name}" for row in categories.itertuples()}


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


def history() -> pd.DataFrame:
    return _cached("history")


# --- map (Peta) ---------------------------------------------------------------------------------


def area_figures(filters: Filters, scope: Scope, level: str, parent: str | None) -> pd.DataFrame:
    return _cached("area_figures", filters, scope, level, parent)


def program_points(filters: Filters, scope: Scope, parent: str | None) -> pd.DataFrame:
    return _cached("program_points", filters, scope, parent)


def unplaced_budget(filters: Filters, scope: Scope, level: str, parent: str | None) -> float:
    return _cached("unplaced_budget", filters, scope, level, parent)


# --- funding (Pendanaan) ------------------------------------------------------------------------


def funding_data(what: str, filters: Filters, scope: Scope, *args: object) -> pd.DataFrame:
    """One of the Pendanaan page's aggregates: 'dimension', 'flows', 'trends', 'implementers' or
    'programs' (see domain/funding.py)."""
    return _cached(f"funding.{what}", filters, scope, *args)


def program_places(program_id: int, scope: Scope) -> pd.DataFrame:
    return funding.program_places(store(), program_id, scope)


# --- gaps and overlaps (Celah & Tumpang Tindih) -------------------------------------------------


def area_category(filters: Filters, scope: Scope) -> pd.DataFrame:
    return _cached("area_category", filters, scope)


def people_overlaps(year: int, scope: Scope) -> pd.DataFrame:
    return _cached("people_overlaps", year, scope)


def source_pairs(year: int, scope: Scope) -> pd.DataFrame:
    return _cached("source_pairs", year, scope)


def people_detail(what: str, year: int, scope: Scope) -> object:
    """Program pairs ('pairs'), on-target shares ('program', 'source') or desil 1 left out ('left_out')."""
    return _cached(f"people.{what}", year, scope)


def check_list(content: bytes, year: int, scope: Scope) -> tuple[pd.DataFrame, int, int]:
    """A partner's list against the beneficiaries: counts per region and assistance type, how many
    of the list already receive help, and how many valid people the list has. Not cached, not stored."""
    hashes, _ = hashes_from_csv(content, nik_key(_secrets()))
    frame, found = overlap.check_list(store(), hashes, year, scope)
    return frame, found, len(set(hashes))


# --- evaluation (Evaluasi) ----------------------------------------------------------------------


def evaluation_data(what: str, filters: Filters, scope: Scope, arg: object = None) -> pd.DataFrame:
    """'indicators' (arg: region code or None), 'programs' (arg: source, region, implementer or
    program) or 'reporting'."""
    return _cached(f"evaluation.{what}", filters, scope, arg)


def locked_years() -> list[int]:
    return periods.locked_years(store())


def set_lock(year: int, locked: bool, user: str) -> None:
    if locked:
        periods.lock(store(), year, user)
    else:
        periods.unlock(store(), year)

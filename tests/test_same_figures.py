"""The same data gives the same figures on both stores (issue 15): the sample data, the hand-made
fixture and an import of the field files are written into a DuckDB store and a PostgreSQL store, and
every view function of domain/ (found as in test_scope) returns equal results under every kind of
scope; `migrate-store` copies a DuckDB store into PostgreSQL with every figure kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from data_loaders import importer
from data_loaders.demo import build_demo
from data_loaders.kinds import KINDS
from data_loaders.store import Store, open_store
from data_loaders.store_copy import CopyRefused, copy_store
from data_loaders.validation import validate
from domain.filters import Scope
from domain.reader import Reader
from tests.fixture_data import build_fixture
from tests.postgres_server import PostgresServer, start_server
from tests.test_scope import call, view_functions

CORPUS = Path(__file__).resolve().parent / "import_corpus"
KUKAR = "64.02"


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    running = start_server()
    yield running
    running.stop()
    running.remove()


def _database(server: PostgresServer, name: str) -> str:
    import psycopg

    with psycopg.connect(server.url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return server.url.rsplit("/", 1)[0] + f"/{name}"


def _both(server: PostgresServer, folder: Path, name: str, build) -> tuple[Store, Store]:
    stores = (open_store(f"duckdb:///{folder / name}.duckdb"), open_store(_database(server, name)))
    for store in stores:
        build(store)
    return stores


@pytest.fixture(scope="module")
def sample_pair(server, tmp_path_factory) -> Iterator[tuple[Store, Store]]:
    pair = _both(server, tmp_path_factory.mktemp("same"), "sample", lambda s: build_demo(s, beneficiaries=20_000))
    yield pair
    for store in pair:
        store.close()


# When each store's rows were written: the two stores are filled a moment apart.
WRITE_TIMES = {"as_of", "imported_at", "created_at", "updated_at", "logged_at", "merged_at", "locked_at"}


def assert_same(left: object, right: object, where: str) -> None:
    """Equal results: frames cell by cell (floats to 1e-9 relative), dataclasses field by field,
    figures by their JSON; the times of writing (`WRITE_TIMES`) only of the same type."""
    if where.rsplit(".", 1)[-1] in WRITE_TIMES:
        assert type(left) is type(right), where
    elif isinstance(left, pd.DataFrame):
        assert isinstance(right, pd.DataFrame), where
        assert list(left.columns) == list(right.columns), where
        kept = [column for column in left.columns if column not in WRITE_TIMES]
        pd.testing.assert_frame_equal(
            left[kept].reset_index(drop=True),
            right[kept].reset_index(drop=True),
            check_dtype=False,
            rtol=1e-9,
            obj=where,
        )
    elif isinstance(left, pd.Series):
        pd.testing.assert_series_equal(
            left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False, rtol=1e-9, obj=where
        )
    elif isinstance(left, go.Figure):
        assert left.to_json() == right.to_json(), where
    elif dataclasses.is_dataclass(left) and not isinstance(left, type):
        assert type(left) is type(right), where
        for field in dataclasses.fields(left):
            assert_same(getattr(left, field.name), getattr(right, field.name), f"{where}.{field.name}")
    elif isinstance(left, list | tuple):
        assert len(left) == len(right), where
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            assert_same(a, b, f"{where}[{index}]")
    elif isinstance(left, dict):
        assert list(left) == list(right), where
        for key in left:
            assert_same(left[key], right[key], f"{where}[{key!r}]")
    elif isinstance(left, float | np.floating) and not isinstance(right, str):
        assert left == pytest.approx(right, rel=1e-9, nan_ok=True), where
    else:
        assert left == right, where


def _scopes(store: Store) -> dict[str, Scope]:
    scopes = {"forum": Scope(), "operator": Scope(kabkota=(KUKAR,)), "public": Scope(public=True)}
    partner = store.scalar("SELECT min(partner_id) FROM programs WHERE partner_id IS NOT NULL")
    if partner is not None:
        scopes["mitra"] = Scope(public=True, own_partner_id=int(partner))
        scopes["partner"] = Scope(partner_id=int(partner))
    return scopes


@pytest.mark.parametrize("scope_name", ["forum", "operator", "mitra", "partner", "public"])
@pytest.mark.parametrize("function", view_functions(), ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_every_view_gives_the_same_figures_on_both_stores(sample_pair, function, scope_name):
    duck, postgres = sample_pair
    scope = _scopes(duck)[scope_name]
    assert _scopes(postgres)[scope_name] == scope
    try:
        expected = call(function, Reader(duck, scope))
    except Exception as error:  # a view refused in this scope must refuse alike on both
        with pytest.raises(type(error)):
            call(function, Reader(postgres, scope))
        return
    assert_same(expected, call(function, Reader(postgres, scope)), function.__qualname__)


FIELD_CASES = Path(__file__).resolve().parent / "field_cases"


def _import_files(store: Store) -> int:
    """The hand-made fixture, then every file of the import corpus and the field cases that imports
    cleanly (kind from the file name's last word); returns the imports stored."""
    build_fixture(store)
    store.migrate()  # the fixture writes its own ids: move the id sequences past them
    stored = 0
    for path in sorted([*(CORPUS / "good").iterdir(), *FIELD_CASES.iterdir()]):
        kind = path.stem.rsplit("_", 1)[-1] if path.parent == FIELD_CASES else path.stem.split("_", 1)[0]
        if kind not in KINDS or path.suffix not in (".csv", ".xlsx"):
            continue
        validation = validate(path.name, path.read_bytes(), kind)
        if validation.ok and importer.refusal(store, validation) is None:
            importer.apply(store, validation, "tester")
            stored += 1
    return stored


def test_the_fixture_and_imports_give_the_same_tables_and_history(server, tmp_path):
    duck, postgres = _both(server, tmp_path, "fixture", _import_files)
    try:
        assert duck.table_counts() == postgres.table_counts()
        assert duck.count("imports") >= 10  # the files really landed (and the same ones on both)
        assert duck.data_version() == postgres.data_version()
        for table in ("programs", "program_allocations", "ppks_counts", "beneficiaries", "imports"):
            columns = "*" if table != "imports" else "id, kind, file_name, status, rows_added, rows_updated"
            order = "ORDER BY 1, 2, 3"
            assert_same(
                duck.query(f"SELECT {columns} FROM {table} {order}"),
                postgres.query(f"SELECT {columns} FROM {table} {order}"),
                table,
            )
        for scope in _scopes(duck).values():
            for function in view_functions():
                try:
                    expected = call(function, Reader(duck, scope))
                except Exception:
                    continue
                assert_same(expected, call(function, Reader(postgres, scope)), function.__qualname__)
    finally:
        duck.close()
        postgres.close()


def test_migrate_store_copies_every_table_and_keeps_every_figure(server, sample_pair, tmp_path):
    duck, _ = sample_pair
    target = open_store(_database(server, "copied"))
    try:
        result = copy_store(duck, target, chunk_rows=7_000)  # several chunks of the 20.000 beneficiaries
        assert target.table_counts() == {**duck.table_counts(), "schema_migrations": duck.count("schema_migrations")}
        assert result.rows == sum(c for t, c in duck.table_counts().items() if t != "schema_migrations")
        assert target.data_version() == duck.data_version()
        for function in view_functions():
            try:
                expected = call(function, Reader(duck, Scope()))
            except Exception:
                continue
            assert_same(expected, call(function, Reader(target, Scope())), function.__qualname__)
        # New ids continue after the copied ones, and a second copy into the filled target is refused.
        with target.transaction() as tx:
            assert tx.next_id("programs_id_seq") > int(duck.scalar("SELECT max(id) FROM programs"))
        with pytest.raises(CopyRefused, match="tidak kosong"):
            copy_store(duck, target)
    finally:
        target.close()

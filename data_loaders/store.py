"""The one data-access module: every read and write of the dashboard goes through a `Store`.

Pages and domain code never open a database themselves, so the PostgreSQL store planned for
shared deployments only needs another `Store` behind the same `DATABASE_URL` setting.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from data_loaders.settings import database_url, memory_limit

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Tables that hold data (as opposed to reference tables filled from the repository's files).
DATA_TABLES = (
    "partners",
    "programs",
    "program_allocations",
    "ppks_counts",
    "beneficiaries",
    "indicators",
)
ALL_TABLES = (
    "meta",
    "regions",
    "region_stats",
    "ppks_categories",
    "funding_sources",
    "indicator_definitions",
    "imports",
    *DATA_TABLES,
)


class StoreError(RuntimeError):
    """A store problem a user can act on; the message says what to do."""


class StoreBusyError(StoreError):
    """The DuckDB file is held by another process (DuckDB allows a single writer process)."""


class Transaction:
    """One explicit transaction. DuckDB persists nothing after a failed statement, yet its
    COMMIT does not raise then, so callers verify counts after commit (see `Store.count`)."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._cursor.execute(sql, list(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self._cursor.execute(sql, list(params)).df()

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Append a DataFrame whose columns are named like the table's columns."""
        if frame.empty:
            return
        columns = ", ".join(frame.columns)
        self._cursor.register("_incoming_frame", frame)
        try:
            self._cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming_frame")
        finally:
            self._cursor.unregister("_incoming_frame")


class Store:
    """A DuckDB-backed store. One instance per process; a cursor per call keeps threads apart."""

    def __init__(self, url: str, path: str, read_only: bool = False) -> None:
        self.url = url
        self.path = path
        self._write_lock = threading.Lock()
        try:
            self._con = duckdb.connect(path, read_only=read_only, config={"memory_limit": memory_limit()})
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreBusyError(
                    f"Basis data {path} sedang dipakai proses lain (misalnya dasbor yang sedang "
                    "berjalan). Hentikan proses itu lalu ulangi. / The database is in use by "
                    "another process (e.g. the running dashboard); stop it and try again."
                ) from exc
            raise

    def close(self) -> None:
        self._con.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self._con.cursor().execute(sql, list(params)).df()

    def query_frame(self, sql: str, params: Sequence[Any] = (), **frames: pd.DataFrame) -> pd.DataFrame:
        """A read that joins DataFrames the caller holds (named in `sql` by their keyword), without
        storing them: e.g. a partner's list checked against the beneficiaries."""
        cursor = self._con.cursor()
        for name, frame in frames.items():
            cursor.register(name, frame)
        try:
            return cursor.execute(sql, list(params)).df()
        finally:
            for name in frames:
                cursor.unregister(name)
            cursor.close()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._con.cursor().execute(sql, list(params)).fetchone()
        return None if row is None else row[0]

    def count(self, table: str) -> int:
        return int(self.scalar(f"SELECT count(*) FROM {table}"))

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """All-or-nothing writes; bumps the data version that cached aggregates are keyed by."""
        with self._write_lock:
            cursor = self._con.cursor()
            cursor.execute("BEGIN TRANSACTION")
            try:
                yield Transaction(cursor)
                cursor.execute(
                    "INSERT INTO meta (key, value) VALUES ('data_version', '1') "
                    "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)"
                )
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            finally:
                cursor.close()

    def data_version(self) -> int:
        """Changes on every committed write; cache keys use it instead of hashing large frames."""
        value = self.scalar("SELECT value FROM meta WHERE key = 'data_version'")
        return int(value) if value is not None else 0

    def schema_version(self) -> int:
        return int(self.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    def migrate(self, migrations_dir: Path = MIGRATIONS_DIR) -> list[int]:
        """Apply the migrations not applied yet, each in its own transaction; returns their numbers.

        Files are named `NNNN_description.sql` and are never edited once released: a change of
        schema is a new file, so data in an existing store survives the upgrade.
        """
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        current = self.schema_version()
        applied = []
        for path in sorted(migrations_dir.glob("[0-9][0-9][0-9][0-9]_*.sql")):
            version = int(path.name[:4])
            if version <= current:
                continue
            cursor = self._con.cursor()
            cursor.execute("BEGIN TRANSACTION")
            try:
                for statement in _split_sql(path.read_text(encoding="utf-8")):
                    cursor.execute(statement)
                cursor.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                    [version, path.stem],
                )
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            if self.schema_version() != version:
                raise StoreError(f"Migration {path.name} did not persist.")
            applied.append(version)
        return applied

    def table_counts(self) -> dict[str, int]:
        """Row count of every table, the data and reference tables first, then the others
        (import history, migrations) in name order."""
        names = self.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
        )["table_name"].tolist()
        ordered = [*ALL_TABLES, *(name for name in names if name not in ALL_TABLES)]
        return {table: self.count(table) for table in ordered}

    def has_data(self) -> bool:
        return any(self.count(table) for table in DATA_TABLES)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements; comments are dropped first so ';' in them is harmless."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def open_store(url: str | None = None, read_only: bool = False) -> Store:
    """Open the store named by `url` (default: the `DATABASE_URL` setting), bring its schema and
    reference data up to date."""
    url = url or database_url()
    scheme, _, rest = url.partition("://")
    if scheme != "duckdb":
        raise StoreError(
            f"DATABASE_URL '{scheme}://…' belum didukung; gunakan duckdb:///path/file.duckdb. "
            f"/ DATABASE_URL scheme '{scheme}' is not supported yet; use duckdb:///path/file.duckdb."
        )
    path = rest[1:] if rest.startswith("/") else rest
    if path not in ("", ":memory:"):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    store = Store(url, path or ":memory:", read_only=read_only)
    if not read_only:
        from data_loaders.reference_data import ensure_reference_data

        store.migrate()
        ensure_reference_data(store)
    return store

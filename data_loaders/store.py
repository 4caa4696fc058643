"""The one data-access module: every read and write of the dashboard goes through a `Store`.

`Store` and `Transaction` are interfaces (protocols): pages and domain code only use the methods
named there, so the PostgreSQL store planned for shared deployments is one more class behind the
same `DATABASE_URL` setting. `DuckDBStore` is the only implementation so far.

SQL conventions, so that every store can run the same statements:

- Placeholders are `?` everywhere in the code. A PostgreSQL store translates them inside its own
  `query`/`execute` (psycopg uses `%s`); nothing outside this module knows the difference.
- Only SQL that DuckDB and PostgreSQL share: `CAST(x AS DOUBLE PRECISION)` rather than `x::DOUBLE`,
  `LIKE ? || '%'` rather than `starts_with`, typed parameters (`CAST(? AS TEXT) IS NULL`), no `hash()`.
- Ids come from sequences (`Transaction.next_id`/`next_ids`, i.e. `nextval('…')`), never from
  `max(id) + 1`: a sequence never hands out a number twice, not even one of a rolled-back import.

What stays DuckDB-specific lives in `DuckDBStore` (see README, "Store"): reading results with
`.df()`, `register` of a DataFrame for `insert_frame`/`query_frame`, the `memory_limit` setting,
and the "file in use by another process" error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

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

# The id sequences of migration 0004 and the tables whose `id` column they feed (an import's
# change log keeps ids of rows it inserted even after a rollback, so those count too).
SEQUENCES = {
    "imports_id_seq": ("imports",),
    "partners_id_seq": ("partners", "partners_changes"),
    "programs_id_seq": ("programs", "programs_changes"),
}


class StoreError(RuntimeError):
    """A store problem a user can act on; the message says what to do."""


class StoreBusyError(StoreError):
    """The DuckDB file is held by another process (DuckDB allows a single writer process)."""


@runtime_checkable
class Transaction(Protocol):
    """One explicit, all-or-nothing transaction, as handed out by `Store.transaction()`."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run a statement that returns nothing; `?` placeholders."""
        ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a read inside the transaction (it sees the transaction's own writes)."""
        ...

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Append a DataFrame whose columns are named like the table's columns."""
        ...

    def next_id(self, sequence: str) -> int:
        """A new id from `sequence` (one of `SEQUENCES`); never handed out again."""
        ...

    def next_ids(self, sequence: str, count: int) -> list[int]:
        """`count` new ids from `sequence`, in increasing order."""
        ...


@runtime_checkable
class Store(Protocol):
    """What the dashboard needs from a database. `url` is the `DATABASE_URL` it was opened with."""

    url: str

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """A read; `?` placeholders."""
        ...

    def query_frame(self, sql: str, params: Sequence[Any] = (), **frames: pd.DataFrame) -> pd.DataFrame:
        """A read that joins DataFrames the caller holds, named in `sql` by their keyword."""
        ...

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None without rows."""
        ...

    def count(self, table: str) -> int:
        """The number of rows of `table`."""
        ...

    def transaction(self) -> AbstractContextManager[Transaction]:
        """All-or-nothing writes; commits on leaving the block, rolls back on an exception."""
        ...

    def data_version(self) -> int:
        """Changes on every committed write; cache keys use it."""
        ...

    def schema_version(self) -> int:
        """The number of the last migration applied."""
        ...

    def migrate(self, migrations_dir: Path = MIGRATIONS_DIR) -> list[int]:
        """Apply the migrations not applied yet; returns their numbers."""
        ...

    def table_counts(self) -> dict[str, int]:
        """Row count of every table."""
        ...

    def has_data(self) -> bool:
        """True when any data table holds a row."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def _sequence_name(sequence: str) -> str:
    """Sequence names are written into SQL, so only the known ones are accepted."""
    if sequence not in SEQUENCES:
        raise ValueError(f"Unknown sequence {sequence!r}; known: {', '.join(SEQUENCES)}.")
    return sequence


def next_ids_sql(sequence: str) -> str:
    """The statement that draws `?` ids from `sequence`, in SQL that DuckDB and PostgreSQL share."""
    return f"SELECT nextval('{_sequence_name(sequence)}') AS id FROM generate_series(1, CAST(? AS INTEGER)) ORDER BY 1"


class DuckDBTransaction:
    """A `Transaction` on a DuckDB cursor. DuckDB persists nothing after a failed statement, yet its
    COMMIT does not raise then, so callers verify counts after commit (see `Store.count`)."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run a statement that returns nothing; `?` placeholders."""
        self._cursor.execute(sql, list(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a read inside the transaction."""
        return self._cursor.execute(sql, list(params)).df()

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Append a DataFrame whose columns are named like the table's columns (DuckDB reads the
        frame in place through `register`; a PostgreSQL store would use COPY)."""
        if frame.empty:
            return
        columns = ", ".join(frame.columns)
        self._cursor.register("_incoming_frame", frame)
        try:
            self._cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming_frame")
        finally:
            self._cursor.unregister("_incoming_frame")

    def next_id(self, sequence: str) -> int:
        """A new id from `sequence`; never handed out again, even if this transaction rolls back."""
        return self.next_ids(sequence, 1)[0]

    def next_ids(self, sequence: str, count: int) -> list[int]:
        """`count` new ids from `sequence`, in increasing order."""
        if count <= 0:
            return []
        return [int(i) for i in self._cursor.execute(next_ids_sql(sequence), [count]).df()["id"]]


class DuckDBStore:
    """The DuckDB `Store`. One instance per process; a cursor per call keeps threads apart."""

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
        """Close the DuckDB connection (and release the file for other processes)."""
        self._con.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """A read; `?` placeholders."""
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
        """The first column of the first row, or None without rows."""
        row = self._con.cursor().execute(sql, list(params)).fetchone()
        return None if row is None else row[0]

    def count(self, table: str) -> int:
        """The number of rows of `table`."""
        return int(self.scalar(f"SELECT count(*) FROM {table}"))

    @contextmanager
    def transaction(self) -> Iterator[DuckDBTransaction]:
        """All-or-nothing writes; bumps the data version that cached aggregates are keyed by."""
        with self._write_lock:
            cursor = self._con.cursor()
            cursor.execute("BEGIN TRANSACTION")
            try:
                yield DuckDBTransaction(cursor)
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
        """The number of the last migration applied."""
        return int(self.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    def migrate(self, migrations_dir: Path = MIGRATIONS_DIR) -> list[int]:
        """Apply the migrations not applied yet, each in its own transaction; returns their numbers.

        Files are named `NNNN_description.sql` and are never edited once released: a change of
        schema is a new file, so data in an existing store survives the upgrade. Afterwards every
        id sequence is moved past the highest id already stored (see `_advance_sequences`).
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
        self._advance_sequences()
        return applied

    def _advance_sequences(self) -> None:
        """Move each id sequence past the highest id its tables hold, never backwards.

        A migration cannot compute a start value portably, and rows may have been written with
        explicit ids (a store made before migration 0004, the sample data of older releases, test
        fixtures), so this runs on every migrate. It draws no id, so it leaves no gap.
        """
        with self._write_lock:
            for sequence, tables in SEQUENCES.items():
                last = self.query(
                    "SELECT coalesce(last_value, start_value - 1) AS last FROM pg_catalog.pg_sequences "
                    "WHERE schemaname = current_schema() AND sequencename = ?",
                    [sequence],
                )
                if last.empty:
                    continue  # migration 0004 not applied (an older schema in a test of upgrades)
                highest = max(int(self.scalar(f"SELECT coalesce(max(id), 0) FROM {table}")) for table in tables)
                if highest > int(last.iloc[0]["last"]):
                    self.scalar(f"SELECT setval('{_sequence_name(sequence)}', ?)", [highest])

    def table_counts(self) -> dict[str, int]:
        """Row count of every table, the data and reference tables first, then the others
        (import history, migrations) in name order."""
        names = self.query(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        )["table_name"].tolist()
        ordered = [*ALL_TABLES, *(name for name in names if name not in ALL_TABLES)]
        return {table: self.count(table) for table in ordered}

    def has_data(self) -> bool:
        """True when any data table holds a row."""
        return any(self.count(table) for table in DATA_TABLES)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements; comments are dropped first so ';' in them is harmless."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def open_store(url: str | None = None, read_only: bool = False) -> Store:
    """Open the store named by `url` (default: the `DATABASE_URL` setting), bring its schema and
    reference data up to date. The URL's scheme chooses the implementation (only `duckdb` so far)."""
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
    store = DuckDBStore(url, path or ":memory:", read_only=read_only)
    if not read_only:
        from data_loaders.reference_data import ensure_reference_data

        store.migrate()
        ensure_reference_data(store)
    return store

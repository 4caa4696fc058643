"""The one data-access module: every read and write of the dashboard goes through a `Store`.

`Store` and `Transaction` are interfaces (protocols): pages and domain code only use the methods
named there. `DATABASE_URL` chooses the implementation: `DuckDBStore` (this module, the embedded
default) or `PostgresStore` (`data_loaders/store_postgres.py`, a shared deployment). What both do
alike (migrations, sequences, counts, the data version) is `StoreBase`.

SQL conventions, so that every store can run the same statements:

- Placeholders are `?` everywhere in the code. A PostgreSQL store translates them inside its own
  `query`/`execute` (psycopg uses `%s`); nothing outside the store modules knows the difference.
- Only SQL that DuckDB and PostgreSQL share: `CAST(x AS DOUBLE PRECISION)` rather than `x::DOUBLE`,
  `LIKE ? || '%'` rather than `starts_with`, typed parameters (`CAST(? AS TEXT) IS NULL`), no `hash()`.
- Ids come from sequences (`Transaction.next_id`/`next_ids`, i.e. `nextval('…')`), never from
  `max(id) + 1`: a sequence never hands out a number twice, not even one of a rolled-back import.

What stays DuckDB-specific lives in `DuckDBStore` (see README, "Store"): reading results with
`.df()`, `register` of a DataFrame for `insert_frame`/`query_frame`, the `memory_limit` setting,
and sharing the file with other processes. DuckDB lets one process hold a file read-write, or any
number of processes hold it read-only (duckdb.org/docs/2.0/connect/concurrency), so the dashboard
holds a connection only while it works (`Store.session`), reads read-only, and every process waits a
bounded time (`SINERGI_DB_WAIT`) for a file another process holds.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable
from urllib.parse import urlsplit

import duckdb
import pandas as pd

from common.i18n import t
from data_loaders import derived
from data_loaders.settings import database_url, memory_limit, store_wait_seconds

_LOG = logging.getLogger(__name__)
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
    """A store problem a user can act on; the message says what to do.

    Raised either with a plain text or with `key` (a message of common/i18n.py) and its values;
    `message(lang)` gives it in the user's language, `str()` in both (id / en).
    """

    def __init__(self, text: str = "", *, key: str | None = None, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(text or (f"{t(key, 'id', **values)} / {t(key, 'en', **values)}" if key else ""))

    def message(self, lang: str) -> str:
        """The message in `lang` ('id' or 'en'); one line."""
        return t(self.key, lang, **self.values) if self.key else str(self)


class StoreBusyError(StoreError):
    """Another process held the DuckDB file for longer than the wait (`SINERGI_DB_WAIT`)."""


class StoreUnreadableError(StoreError):
    """The store file is not a readable DuckDB database (empty, truncated or corrupt)."""


class StoreReadOnlyError(StoreError):
    """A write to a store that is open read-only (its file or folder cannot be written)."""


class StoreUnavailableError(StoreError):
    """The database server cannot be reached (restarting, network, all connections busy); pages show
    it and try again by themselves."""


class StoreWriteError(StoreError):
    """A write failed in the database itself (e.g. the disk is full); nothing of it was stored."""


def _first_line(exc: BaseException) -> str:
    """DuckDB's own words, first line only ('IO Error: …'), for the detail of a message."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _store_error(exc: duckdb.Error, path: str) -> StoreError | None:
    """The user-facing error for a DuckDB error about the file itself, or None for an error of the
    statement (a constraint, a typo in SQL), which callers handle as before."""
    text = str(exc)
    detail = _first_line(exc)
    if isinstance(exc, duckdb.FatalException) or "invalidated" in text:
        return StoreWriteError(key="store_write_failed", detail=detail)
    if any(
        marker in text
        for marker in ("not a valid DuckDB database file", "Could not read enough bytes", "Corrupt database file")
    ):
        return StoreUnreadableError(key="store_unreadable", path=path, detail=detail)
    if "Permission denied" in text or "Read-only file system" in text:
        return StoreReadOnlyError(key="store_read_only", path=path)
    if isinstance(exc, duckdb.TransactionException) and "Failed to commit" in text:
        return StoreWriteError(key="store_write_failed", detail=detail)
    if isinstance(exc, duckdb.IOException) and ("Could not write" in text or "No space left" in text):
        return StoreWriteError(key="store_write_failed", detail=detail)
    return None


_WRITES = re.compile(r"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)", re.IGNORECASE)


def written_tables(sql: str) -> set[str]:
    """The tables a statement inserts into, updates or deletes from, by name (lower case), for
    `Transaction.written`; a name in a subquery that only reads is not counted."""
    return {name.lower() for name in _WRITES.findall(sql)}


@runtime_checkable
class Transaction(Protocol):
    """One explicit, all-or-nothing transaction, as handed out by `Store.transaction()`. `written`
    names the tables its statements wrote so far (`derived.refresh` derives only from those);
    `changed_years`, set only by a writer whose every write of beneficiaries, programs and program
    allocations is limited to those years (the importer; a partner merge, which touches none of the
    figures derived from them: the empty set), else None (any year)."""

    written: set[str]
    changed_years: set[int] | None

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
    """What the dashboard needs from a database. `url` is the `DATABASE_URL` it was opened with;
    `read_only` is True when writes are unavailable (the file or its folder cannot be written)."""

    url: str
    read_only: bool
    commit_checked: bool

    def session(self, write: bool = False) -> AbstractContextManager[None]:
        """Hold one connection for the block (nested blocks and other threads share it); `write`
        when the block writes. Outside a block each call connects for itself."""
        ...

    def released(self) -> AbstractContextManager[None]:
        """Within the block this thread holds no connection (long work that needs no store)."""
        ...

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

    def chunks(self, table: str, rows: int) -> Iterator[pd.DataFrame]:
        """Every row of `table` as DataFrames of about `rows` rows (copying a store, `store_copy`)."""
        ...

    def transaction(self, versioned: bool = True) -> AbstractContextManager[Transaction]:
        """All-or-nothing writes; commits on leaving the block, rolls back on an exception. `versioned`
        writes change what the dashboard shows and bump the data version; users and the audit log
        do not, so a sign-in leaves the cached figures in place."""
        ...

    def serialised(self) -> AbstractContextManager[None]:
        """No other writer, in any process, writes during the block: checks made in it still hold
        for the write that follows them (imports, rollbacks, user changes). Raises StoreBusyError
        after waiting `SINERGI_DB_WAIT` seconds for another writer."""
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


def shown_url(url: str) -> str:
    """`url` as messages may show it: without a password or options
    (postgresql://user@host:port/database; a DuckDB URL as it is)."""
    parts = urlsplit(url)
    if parts.scheme == "duckdb":
        return url
    hosts = parts.netloc.rsplit("@", 1)[-1]  # host:port, or several (libpq allows h1:5432,h2:5432)
    user = f"{parts.username}@" if parts.username else ""
    return f"{parts.scheme}://{user}{hosts}{parts.path}"


def _sequence_name(sequence: str) -> str:
    """Sequence names are written into SQL, so only the known ones are accepted."""
    if sequence not in SEQUENCES:
        raise ValueError(f"Unknown sequence {sequence!r}; known: {', '.join(SEQUENCES)}.")
    return sequence


def next_ids_sql(sequence: str) -> str:
    """The statement that draws `?` ids from `sequence`, in SQL that DuckDB and PostgreSQL share."""
    return f"SELECT nextval('{_sequence_name(sequence)}') AS id FROM generate_series(1, CAST(? AS INTEGER)) ORDER BY 1"


BUMP_DATA_VERSION = (
    "INSERT INTO meta (key, value) VALUES ('data_version', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)"
)


class StoreBase:
    """What both stores do the same way, in SQL both databases run, on top of each store's own
    `query`, `scalar`, `session` and `transaction`; `_exclusive()` is the store's way of keeping
    other writers out while the schema changes."""

    # True when a failed COMMIT always raises (PostgreSQL). DuckDB can fail a COMMIT silently, so
    # after its imports the rows are counted again (`importer._verify`).
    commit_checked = False
    # Statements a store of this kind runs after a migration's own, in the same transaction, by the
    # migration's number: what one database needs and the other must not have (see PostgresStore).
    migration_extras: ClassVar[dict[int, tuple[str, ...]]] = {}

    def _exclusive(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def serialised(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def count(self, table: str) -> int:
        """The number of rows of `table`."""
        return int(self.scalar(f"SELECT count(*) FROM {table}"))

    def data_version(self) -> int:
        """Changes on every committed write; cache keys use it instead of hashing large frames. It
        lives in the database (`meta`), so every server process of a shared deployment sees a write
        made by another at its next rerun."""
        value = self.scalar("SELECT value FROM meta WHERE key = 'data_version'")
        return int(value) if value is not None else 0

    def schema_version(self) -> int:
        """The number of the last migration applied."""
        return int(self.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    def is_current(self) -> bool:
        """True when the store holds the latest schema and reference data (nothing to upgrade)."""
        from data_loaders.reference_data import REFERENCE_VERSION

        latest = max(int(path.name[:4]) for path in MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))
        with self.session():
            tables = self.scalar(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = current_schema() "
                "AND table_name IN ('schema_migrations', 'meta')"
            )
            if tables != 2:
                return False  # a database that is not (yet) a store
            return self.schema_version() >= latest and (
                self.scalar("SELECT value FROM meta WHERE key = 'reference_version'") == REFERENCE_VERSION
            )

    def migrate(self, migrations_dir: Path = MIGRATIONS_DIR) -> list[int]:
        """Apply the migrations not applied yet, each in its own transaction; returns their numbers.

        Files are named `NNNN_description.sql` and are never edited once released: a change of
        schema is a new file, so data in an existing store survives the upgrade. Afterwards every
        id sequence is moved past the highest id already stored (see `_advance_sequences`). Two
        processes starting at once apply each migration once (`_exclusive`).
        """
        with self._exclusive():
            with self.transaction(versioned=False) as tx:
                tx.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
                )
            current = self.schema_version()
            applied = []
            for path in sorted(migrations_dir.glob("[0-9][0-9][0-9][0-9]_*.sql")):
                version = int(path.name[:4])
                if version <= current:
                    continue
                with self.transaction(versioned=False) as tx:
                    for statement in _split_sql(path.read_text(encoding="utf-8")):
                        tx.execute(statement)
                    for statement in self.migration_extras.get(version, ()):
                        tx.execute(statement)
                    tx.execute("INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [version, path.stem])
                if self.schema_version() != version:
                    raise StoreError(f"Migration {path.name} did not persist.")
                applied.append(version)
            # New to this schema, rows written by an older release, or a migration (unversioned) that may
            # have changed rows the overlap figures come from: they are written again.
            stamped = self.scalar("SELECT count(*) FROM meta WHERE key = 'overlap_version'")
            if not derived.is_current(self) or (applied and stamped):
                with self.transaction() as tx:  # versioned: under the write lock, and cached figures change
                    tx.written |= derived.SOURCES  # the transaction refreshes them all before it commits
            self._advance_sequences()
        return applied

    def _advance_sequences(self) -> None:
        """Move each id sequence past the highest id its tables hold, never backwards.

        A migration cannot compute a start value portably, and rows may have been written with
        explicit ids (a store made before migration 0004, the sample data of older releases, test
        fixtures, a copy by `migrate-store`), so this runs on every migrate. It draws no id, so it
        leaves no gap. DuckDB 2.0.1 persists a `setval` only inside an explicit transaction.
        """
        with self.transaction(versioned=False) as tx:
            for sequence, tables in SEQUENCES.items():
                last = tx.query(
                    "SELECT coalesce(last_value, start_value - 1) AS last FROM pg_catalog.pg_sequences "
                    "WHERE schemaname = current_schema() AND sequencename = ?",
                    [sequence],
                )
                if last.empty:
                    continue  # migration 0004 not applied (an older schema in a test of upgrades)
                highest = max(
                    int(tx.query(f"SELECT coalesce(max(id), 0) AS n FROM {table}").iloc[0]["n"]) for table in tables
                )
                if highest > int(last.iloc[0]["last"]):
                    tx.query(f"SELECT setval('{_sequence_name(sequence)}', ?) AS v", [highest])

    def table_counts(self) -> dict[str, int]:
        """Row count of every table, the data and reference tables first, then the others
        (import history, migrations) in name order."""
        with self.session():
            names = self.query(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = current_schema() "
                "AND table_type = 'BASE TABLE' ORDER BY table_name"
            )["table_name"].tolist()
            ordered = [*ALL_TABLES, *(name for name in names if name not in ALL_TABLES)]
            return {table: self.count(table) for table in ordered}

    def has_data(self) -> bool:
        """True when any data table holds a row."""
        with self.session():
            return any(self.count(table) for table in DATA_TABLES)


def _translated(exc: duckdb.Error, path: str) -> Exception:
    """`_store_error` for a failed connect; DuckDB's own error when it is of no other kind."""
    return _store_error(exc, path) or exc


class DuckDBTransaction:
    """A `Transaction` on a DuckDB cursor. DuckDB persists nothing after a failed statement, yet its
    COMMIT does not raise then, so callers verify counts after commit (see `Store.count`)."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor
        self.written: set[str] = set()
        self.changed_years: set[int] | None = None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run a statement that returns nothing; `?` placeholders."""
        self._cursor.execute(sql, list(params))
        self.written |= written_tables(sql)

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a read inside the transaction."""
        return self._cursor.execute(sql, list(params)).df()

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Append a DataFrame whose columns are named like the table's columns (DuckDB reads the
        frame in place through `register`; a PostgreSQL store would use COPY)."""
        if frame.empty:
            return
        columns = ", ".join(frame.columns)
        self.written.add(table.lower())
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


class _Files:
    """How this process holds DuckDB files: reads attach a file read-only to one in-memory DuckDB
    instance of the process (`ATTACH … (READ_ONLY)`, detached when its last reader is done), writes
    connect to the file itself. Attaching costs about 3 ms where a connection of its own costs 16–20
    ms, since every `duckdb.connect` starts a database instance (issue 16: 16 ms of every rerun).

    DuckDB refuses a second instance of a file already open in the process (`ResourceInUseException`,
    which `DuckDBStore._connect` waits out like another process's lock); this registry avoids it for
    store objects of this process: a write waits while another store object reads the file, and a
    read while another writes it uses that writer's instance, as `duckdb.connect`'s own instance cache
    does. Files are known by their real path. After a fatal error the instance is replaced
    (`replace`): its readers' counts belong to its generation and are dropped with it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._host: duckdb.DuckDBPyConnection | None = None
        self._generation = 0
        self._names: dict[str, str] = {}  # real path -> its database name in the instance
        self._attached: set[str] = set()  # the names attached now
        self._readers: dict[str, int] = {}
        self._writers: dict[str, int] = {}

    def read(self, path: str) -> tuple[duckdb.DuckDBPyConnection, str, int] | None:
        """A connection reading `path` (a cursor of the process's instance whose default database is
        the attached file), that database's name (each cursor made of it must `USE` it) and the
        instance's generation; None while another store object of this
        process writes the file, counting the caller as one more writer (it connects to the writer's
        instance). Raises DuckDB's errors about the file (another process holding it: an IOException
        about its lock); nothing is counted then."""
        key = os.path.realpath(path)
        with self._lock:
            if self._writers.get(key):
                self._writers[key] += 1
                return None
            if self._host is None:
                self._host = duckdb.connect(":memory:", config={"memory_limit": memory_limit()})
            name = self._names.setdefault(key, f"store_{len(self._names) + 1}")
            if name not in self._attached:
                quoted = key.replace("'", "''")
                self._host.execute(f"ATTACH '{quoted}' AS {name} (READ_ONLY)")
                self._attached.add(name)
            cursor = self._host.cursor()
            try:
                cursor.execute(f"USE {name}")
            except BaseException:
                cursor.close()
                self._detach_unread(key)
                raise
            self._readers[key] = self._readers.get(key, 0) + 1
            return cursor, name, self._generation

    def done_reading(self, path: str, generation: int) -> None:
        """One reader of `path` is done; the last one detaches the file (for other processes)."""
        key = os.path.realpath(path)
        with self._lock:
            if generation != self._generation:
                return  # a reader of a replaced instance
            self._readers[key] -= 1
            self._detach_unread(key)

    def _detach_unread(self, key: str) -> None:
        """Detach `key`'s file when nobody reads it (a failed DETACH is tried again next time)."""
        name = self._names.get(key)
        if self._readers.get(key) or self._host is None or name not in self._attached:
            return
        try:
            self._host.execute(f"DETACH {name}")
        except duckdb.Error:
            _LOG.warning("could not detach %s; tried again after its next read", key, exc_info=True)
            return
        self._attached.discard(name)

    def replace(self, generation: int) -> None:
        """Start a new instance after a fatal error invalidated the one of `generation`: every later
        read attaches to the new one, and the old one closes with its last reader."""
        with self._lock:
            if generation == self._generation:
                self._host, self._generation = None, generation + 1
                self._names, self._attached, self._readers = {}, set(), {}

    def may_write(self, path: str) -> bool:
        """Count a writer of `path` in, unless another store object of this process reads it."""
        key = os.path.realpath(path)
        with self._lock:
            if self._readers.get(key):
                return False
            self._writers[key] = self._writers.get(key, 0) + 1
            return True

    def done_writing(self, path: str) -> None:
        """A writer of `path` (or a reader sharing a writer's instance) is done."""
        key = os.path.realpath(path)
        with self._lock:
            self._writers[key] -= 1


_FILES = _Files()


class DuckDBStore(StoreBase):
    """The DuckDB `Store`, shared by the threads of one process.

    A connection is open only while the store is used: during a `session()` block or a single call.
    Readers attach the file read-only (`_Files`) unless the store is held read-write, so several
    processes (the dashboard, `python -m data_loaders stats`) read at once; a write connects
    read-write, first waiting for this process's other readers to finish. When another process holds
    the file, the connect is retried with a short backoff for up to `wait` seconds, then
    `StoreBusyError`. A DuckDB error about the file itself becomes a `StoreError` (see
    `_store_error`); after a fatal error the connection is dropped (and an invalidated instance of
    attached files replaced), so the next call opens a fresh one.

    `hold=True` keeps one connection from the start until `close()` (the command line, scripts and
    tests); `hold=False` is the dashboard, which must not keep the file from other processes.
    """

    def __init__(self, url: str, path: str, read_only: bool = False, hold: bool = True, wait: float | None = None):
        self.url = url
        self.path = path
        self.read_only = read_only
        self.wait = store_wait_seconds() if wait is None else wait
        self._write_lock = threading.RLock()
        self._state = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._con_writes = False
        self._con_kind: str | None = None  # how `_connect` made `_con`: 'attached' or 'writer' (`_Files`)
        self._database = ""  # an attached file's name in the process's instance
        self._generation = 0  # and that instance's generation
        self._users = 0  # leases on the open connection: this process's sessions and calls, and the hold
        self._mine = threading.local()  # this thread's share of `_users`
        self._held = False
        if hold:
            self._acquire(write=not read_only, held=True)
            self._held = True

    # --- connections --------------------------------------------------------------------------

    def _connect(self, write: bool, deadline: float) -> tuple[duckdb.DuckDBPyConnection, str]:
        """A connection and how it was made (`_Files`): 'attached' (a read) or 'writer' (a write, or a
        read of a file another Store object of this process writes). Retries while another process
        holds the file, or while another Store object of this process reads it when this one would
        write (backoff 50 ms doubling to 0.5 s)."""
        delay = 0.05
        while True:
            try:
                if not write:
                    attached = _FILES.read(self.path)
                    if attached is not None:
                        connection, self._database, self._generation = attached
                        return connection, "attached"
                    return self._write_connection(), "writer"  # shares the other Store object's instance
                if _FILES.may_write(self.path):
                    return self._write_connection(), "writer"
                busy: duckdb.Error = duckdb.ConnectionException("another Store object of this process reads")
            except (duckdb.ConnectionException, duckdb.ResourceInUseException) as exc:
                # The file open in this process under another path, or with another configuration.
                if isinstance(exc, duckdb.ConnectionException) and "different configuration" not in str(exc):
                    raise
                busy = exc
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise _translated(exc, self.path) from exc
                busy = exc
            except duckdb.Error as exc:
                raise _translated(exc, self.path) from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreBusyError(key="store_busy", path=self.path, seconds=round(self.wait)) from busy
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 0.5)

    def _write_connection(self) -> duckdb.DuckDBPyConnection:
        """A read-write connection to the file, counted as a writer of it (`_Files`) until dropped;
        the count is given back when it cannot be made."""
        try:
            return duckdb.connect(self.path, config={"memory_limit": memory_limit()})
        except BaseException:
            _FILES.done_writing(self.path)
            raise

    def _acquire(self, write: bool, held: bool = False) -> None:
        if write and self.read_only:
            raise StoreReadOnlyError(key="store_read_only", path=self.path)
        deadline = time.monotonic() + self.wait
        mine = 0 if held else getattr(self._mine, "count", 0)
        with self._state:
            while True:
                if self._con is not None and (self._con_writes or not write):
                    break
                if self._con is None or self._users == mine:
                    self._drop()  # only this thread reads: reopen read-write in its place
                    self._con, self._con_kind = self._connect(write or (self._held and not self.read_only), deadline)
                    self._con_writes = write or (self._held and not self.read_only)
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise StoreBusyError(key="store_busy", path=self.path, seconds=round(self.wait))
                self._state.wait(remaining)  # other threads of this process are reading
            self._users += 1
            if not held:
                self._mine.count = mine + 1

    def _release(self, held: bool = False) -> None:
        with self._state:
            self._users -= 1
            if not held:
                self._mine.count -= 1
            if self._users == 0:
                self._drop()
            self._state.notify_all()

    def _drop(self) -> None:
        """Close the connection (a failed close of an invalidated database is of no further use)."""
        con, self._con = self._con, None
        kind, self._con_kind = self._con_kind, None
        if con is not None:
            with suppress(duckdb.Error):
                con.close()
            if kind == "attached":
                _FILES.done_reading(self.path, self._generation)
            else:
                assert kind == "writer", kind
                _FILES.done_writing(self.path)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[None]:
        """Hold one connection for the block; nested blocks and other threads share it."""
        self._acquire(write)
        try:
            yield
        finally:
            self._release()

    @contextmanager
    def released(self) -> Iterator[None]:
        """Within the block this thread holds no connection, so other processes may write meanwhile;
        the thread's sessions resume afterwards (waiting like any connect)."""
        count = getattr(self._mine, "count", 0)
        for _ in range(count):
            self._release()
        try:
            yield
        finally:
            for _ in range(count):
                self._acquire(write=False)

    @contextmanager
    def _cursor(self, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the session's connection for one call; errors about the file become
        `StoreError`s, and a fatal one drops the connection."""
        with self.session(write):
            assert self._con is not None
            cursor = self._con.cursor()
            try:
                if self._con_kind == "attached":
                    cursor.execute(f"USE {self._database}")
                yield cursor
            except duckdb.Error as exc:
                error = _store_error(exc, self.path)
                if error is None:
                    raise
                if isinstance(error, StoreWriteError):
                    with self._state:
                        if self._con_kind == "attached":  # the process's instance is invalidated
                            _FILES.replace(self._generation)
                        self._drop()  # DuckDB refuses every later call on an invalidated database
                raise error from exc
            finally:
                with suppress(duckdb.Error):
                    cursor.close()

    def close(self) -> None:
        """Give up the connection held since opening (and the file, for other processes)."""
        if self._held:
            self._held = False
            self._release(held=True)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """No other thread of this process writes, and this one holds the file read-write."""
        with self._write_lock, self.session(write=True):
            yield

    def serialised(self) -> AbstractContextManager[None]:
        """Holding the file read-write keeps other processes out; the write lock other threads."""
        return self._exclusive()

    # --- reads and writes ---------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """A read; `?` placeholders."""
        with self._cursor() as cursor:
            return cursor.execute(sql, list(params)).df()

    def query_frame(self, sql: str, params: Sequence[Any] = (), **frames: pd.DataFrame) -> pd.DataFrame:
        """A read that joins DataFrames the caller holds (named in `sql` by their keyword), without
        storing them: e.g. a partner's list checked against the beneficiaries."""
        with self._cursor() as cursor:
            for name, frame in frames.items():
                cursor.register(name, frame)
            return cursor.execute(sql, list(params)).df()

    def chunks(self, table: str, rows: int) -> Iterator[pd.DataFrame]:
        """Every row of `table`, about `rows` at a time (whole vectors of 2.048), for copying a store."""
        with self._cursor() as cursor:
            result = cursor.execute(f"SELECT * FROM {table}")
            while not (frame := result.fetch_df_chunk(max(1, rows // 2048))).empty:
                yield frame

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None without rows."""
        with self._cursor() as cursor:
            row = cursor.execute(sql, list(params)).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self, versioned: bool = True) -> Iterator[DuckDBTransaction]:
        """All-or-nothing writes; `versioned` ones bump the data version that cached aggregates are
        keyed by (users and the audit log are written unversioned). Raises StoreReadOnlyError on a
        read-only store, StoreWriteError when the database cannot write (nothing of the transaction is
        stored then)."""
        with self._write_lock, self._cursor(write=True) as cursor:
            cursor.execute("BEGIN TRANSACTION")
            try:
                tx = DuckDBTransaction(cursor)
                yield tx
                if versioned:
                    derived.refresh(tx)
                    cursor.execute(BUMP_DATA_VERSION)
                cursor.execute("COMMIT")
            except BaseException:
                _rollback(cursor)
                raise


def _rollback(cursor: duckdb.DuckDBPyConnection) -> None:
    """Roll back after a failed statement; on an invalidated database there is nothing to undo."""
    with suppress(duckdb.Error):
        cursor.execute("ROLLBACK")


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements; comments are dropped first so ';' in them is harmless."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def _writable(path: Path) -> bool:
    """True when this process may write the store file and create its write-ahead log beside it."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a folder still to be made: the nearest existing one decides
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _upgrade(store: Store) -> None:
    """Bring schema and reference data up to date, in one read-write session."""
    from data_loaders.reference_data import ensure_reference_data

    with store.session(write=True):
        store.migrate()
        ensure_reference_data(store)


def open_store(url: str | None = None, read_only: bool = False, hold: bool = True) -> Store:
    """Open the store named by `url` (default: the `DATABASE_URL` setting) and bring its schema and
    reference data up to date. The URL's scheme chooses the implementation: `duckdb:///file` (the
    embedded default) or `postgresql://…` (a shared deployment, `PostgresStore`).

    `read_only` asks for a store that only reads (the command line's reading commands: they run
    beside the dashboard's readers); a store whose file or folder cannot be written opens read-only
    anyway (`Store.read_only`), for viewing, and must already be up to date. `hold` as in
    `DuckDBStore` (the dashboard passes False). Raises StoreError (no path, unknown scheme, a folder
    where no store can be made, an outdated read-only store), StoreUnreadableError, StoreBusyError.
    """
    url = url or database_url()
    scheme, _, rest = url.partition("://")
    if scheme in ("postgresql", "postgres"):
        from data_loaders.store_postgres import PostgresStore

        store = PostgresStore(url)
        try:
            if not (read_only and store.is_current()):
                with store._exclusive():  # servers starting together upgrade once
                    _upgrade(store)
        except BaseException:
            store.close()  # no pool left behind by a failed upgrade
            raise
        return store
    if scheme != "duckdb":
        raise StoreError(key="store_scheme", scheme=scheme)
    path = rest[1:] if rest.startswith("/") else rest
    if not path:
        raise StoreError(key="store_no_path", url=url)
    if path == ":memory:":
        store = DuckDBStore(url, path)  # a memory store lives only as long as its one connection
        _upgrade(store)
        return store
    file = Path(path)
    if _writable(file):
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(key="store_cannot_create", path=path) from exc
        if not (read_only and file.exists() and DuckDBStore(url, path, read_only=True, hold=False).is_current()):
            _upgrade(DuckDBStore(url, path, hold=False))
    elif not file.exists():
        raise StoreError(key="store_cannot_create", path=path)
    else:
        read_only = True
        if not DuckDBStore(url, path, read_only=True, hold=False).is_current():
            raise StoreError(key="store_outdated_read_only", path=path)
    return DuckDBStore(url, path, read_only=read_only, hold=hold)

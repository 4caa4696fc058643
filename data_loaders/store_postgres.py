"""The PostgreSQL `Store`, for a shared deployment: several dashboard servers and command lines on
one database, chosen by `DATABASE_URL=postgresql://user@host:port/database`.

It runs the same statements as `DuckDBStore` (see the SQL conventions in `data_loaders/store.py`);
what differs between the two databases stays in this module:

- `?` placeholders become psycopg's `%s` (`_statement`), and results become the DataFrames DuckDB's
  `.df()` gives (`_frame`: the same dtypes, NUMERIC as float64, dates as datetime64[us]).
- `insert_frame` and the frames of `query_frame` are loaded with COPY (psycopg 3, `Copy.write_row`).
- Connections come from a pool (psycopg_pool, `SINERGI_DB_POOL` connections per process, default
  10); each thread holds one for a `session()` block. `hold` and `released()` mean nothing here:
  PostgreSQL lets many processes read and write at once.
- Versioned writes (imports, rollbacks, sample data, catalogue and partner changes) take one
  transaction-level advisory lock, so two imports from two processes run one after the other and
  both land; a writer that waits longer than `SINERGI_DB_WAIT` is told to try again
  (`StoreBusyError`). Users and the audit log write without it, so a sign-in never waits for an
  import. Schema upgrades hold their own advisory lock, so servers starting together migrate once.
- A server that cannot be reached (restarting, network) gives `StoreUnavailableError` ("data
  sementara tidak tersedia"); the pool checks each connection before lending it and drops broken
  ones, so the next rerun after the server is back reads again without a restart.

psycopg 3: https://www.psycopg.org/psycopg3/docs/ (COPY: basic/copy.html; pool: advanced/pool.html).
PostgreSQL advisory locks: https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import psycopg
from psycopg.types.numeric import FloatLoader
from psycopg_pool import ConnectionPool, PoolTimeout

from data_loaders import derived
from data_loaders.settings import store_wait_seconds
from data_loaders.store import (
    BUMP_DATA_VERSION,
    StoreBase,
    StoreBusyError,
    StoreError,
    StoreReadOnlyError,
    StoreUnavailableError,
    StoreWriteError,
    next_ids_sql,
    shown_url,
    written_tables,
)

# Advisory lock keys (any 64-bit numbers, the same in every process): one for versioned writes,
# one for schema upgrades.
WRITE_LOCK = 0x5349_4E45_5247_0001
MIGRATE_LOCK = 0x5349_4E45_5247_0002
# How long a page waits for a connection when the pool has room but the server does not answer.
CONNECT_WAIT_SECONDS = 5.0
# The pool retries a lost server with a growing backoff (1, 2, 4, … s) and gives the attempt up after
# this long; the next page then connects at once. Without the bound, a page came back up to 44 s
# after a 75 s outage ended (tests/test_postgres_faults.py).
RECONNECT_SECONDS = 10.0
# The pool logs every failed connection attempt as a warning; with no logging set up Python would
# print each to stderr before the one-line message of the command line. The message says it all.
logging.getLogger("psycopg").addHandler(logging.NullHandler())

# Words of libpq's messages for a server that may answer again soon (restarting, network).
TRANSIENT = (
    "Connection refused",
    "timeout expired",
    "starting up",
    "shutting down",
    "closed the connection",
    "No route to host",
    "Network is unreachable",
    "could not translate host name",
    "recovery mode",
)

# PostgreSQL type OIDs (pg_type.oid) and the dtype DuckDB's `.df()` gives for the same column type:
# (without NULLs, with NULLs).
_INT_TYPES = {21: ("int16", "Int16"), 23: ("int32", "Int32"), 20: ("int64", "Int64")}
_FLOAT_TYPES = {700, 701, 1700}
_BOOL_TYPE = 16
_TIME_TYPES = {1082, 1114, 1184}
_TIMESTAMPTZ_TYPE = 1184
_INTEGER_COLUMN_TYPES = {"smallint", "integer", "bigint"}


def pool_size() -> int:
    """Connections per server process (`SINERGI_DB_POOL`, default 10, at least 2)."""
    try:
        return max(2, int(os.environ.get("SINERGI_DB_POOL", "").strip() or 10))
    except ValueError:
        return 10


def _statement(sql: str, params: Sequence[Any]) -> tuple[str, list[Any] | None]:
    """`sql` with `?` placeholders (outside quoted text) as psycopg's `%s`, and `%` doubled; without
    parameters the text is passed as it is (psycopg then reads no placeholders)."""
    if not params:
        return sql, None
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if char == "%":
            out.append("%%")
            continue
        if quote:
            quote = None if char == quote else quote
        elif char in ("'", '"'):
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        out.append(char)
    return "".join(out), [_plain(value) for value in params]


def _plain(value: Any) -> Any:
    """A parameter as a Python value psycopg adapts (numpy and pandas scalars, NA and NaT included)."""
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _frame(cursor: psycopg.Cursor, rows: list[tuple] | None = None) -> pd.DataFrame:
    """The rows a cursor read (`rows`, else all it holds), as the DataFrame DuckDB's `.df()` gives
    for the same result."""
    description = cursor.description or []
    names = [column.name for column in description]
    rows = cursor.fetchall() if rows is None else rows
    frame = pd.DataFrame.from_records(rows, columns=names) if rows else pd.DataFrame(columns=names)
    for position, column in enumerate(description):
        series = frame.iloc[:, position]
        oid = column.type_code
        if oid in _INT_TYPES:
            plain, nullable = _INT_TYPES[oid]
            converted = series.astype(nullable if series.isna().any() else plain)
        elif oid in _FLOAT_TYPES:
            converted = pd.to_numeric(series, errors="coerce").astype("float64")
        elif oid == _BOOL_TYPE:
            converted = series.astype("boolean" if series.isna().any() else "bool")
        elif oid in _TIME_TYPES:  # a time with zone as UTC without zone, as DuckDB gives TIMESTAMPTZ
            converted = pd.to_datetime(series, utc=oid == _TIMESTAMPTZ_TYPE)
            converted = (converted.dt.tz_convert(None) if oid == _TIMESTAMPTZ_TYPE else converted).astype(
                "datetime64[us]"
            )
        else:
            continue
        frame.isetitem(position, converted)
    return frame


def _values(series: pd.Series, column_type: str) -> list[Any]:
    """One column of a frame as the Python values COPY writes into a column of `column_type`
    (NULL for NaN/NaT/NA; whole floats into integer columns as ints)."""
    missing = series.isna().to_numpy()
    values = series.astype(object).to_numpy(copy=True)
    values[missing] = None
    if column_type in _INTEGER_COLUMN_TYPES and series.dtype.kind == "f":
        return [None if value is None else int(value) for value in values]
    return values.tolist()


def _sql_type(series: pd.Series) -> str:
    """The column type of a temporary table that holds `series` (for `query_frame`)."""
    kind = series.dtype.kind
    if kind in "iu":
        return "BIGINT"
    if kind == "f":
        return "DOUBLE PRECISION"
    if kind == "b":
        return "BOOLEAN"
    if kind == "M":
        return "TIMESTAMP"
    return "TEXT"


def _copy_into(connection: psycopg.Connection, table: str, frame: pd.DataFrame, types: dict[str, str]) -> None:
    """Append `frame` to `table` (whose column types are `types`) with COPY."""
    columns = list(frame.columns)
    data = [_values(frame[column], types.get(column, "text")) for column in columns]
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in zip(*data, strict=True):
            copy.write_row(row)


def _column_types(connection: psycopg.Connection, table: str) -> dict[str, str]:
    """Column name → type name (as `format_type` writes it, e.g. 'bigint') of a table or temp table."""
    rows = connection.execute(
        "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
        "WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped",
        [table],
    ).fetchall()
    return dict(rows)


def _store_error(exc: psycopg.Error, where: str) -> Exception | None:
    """The user-facing error for a fault of the server or its connection, or None for an error of the
    statement (a constraint, a typo in SQL), which callers handle as before."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, psycopg.errors.DiskFull | psycopg.errors.OutOfMemory):
        return StoreWriteError(key="store_write_failed", detail=detail)
    if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
        return StoreReadOnlyError(key="store_read_only", path=where)
    if isinstance(exc, psycopg.OperationalError):
        return StoreUnavailableError(key="store_unavailable", where=where)
    return None


class PostgresTransaction:
    """A `Transaction` on one pooled connection inside `connection.transaction()`."""

    def __init__(self, connection: psycopg.Connection) -> None:
        self._connection = connection
        self.written: set[str] = set()
        self.changed_years: set[int] | None = None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run a statement that returns nothing; `?` placeholders."""
        self._connection.execute(*_statement(sql, params))
        self.written |= written_tables(sql)

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a read inside the transaction (it sees the transaction's own writes)."""
        with self._connection.cursor() as cursor:
            cursor.execute(*_statement(sql, params))
            return _frame(cursor)

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Append a DataFrame whose columns are named like the table's columns, with COPY."""
        if frame.empty:
            return
        self.written.add(table.lower())
        _copy_into(self._connection, table, frame, _column_types(self._connection, table))

    def next_id(self, sequence: str) -> int:
        """A new id from `sequence`; never handed out again, even if this transaction rolls back."""
        return self.next_ids(sequence, 1)[0]

    def next_ids(self, sequence: str, count: int) -> list[int]:
        """`count` new ids from `sequence`, in increasing order."""
        if count <= 0:
            return []
        return [int(i) for i in self.query(next_ids_sql(sequence), [count])["id"]]


class PostgresStore(StoreBase):
    """The PostgreSQL `Store`, shared by the threads of one process (see the module docstring).

    `url` is a libpq URL (`postgresql://user:password@host:port/database?options=…`); the password
    may also come from `PGPASSWORD` or `~/.pgpass`, as for every libpq program. Raises
    StoreUnavailableError when the server does not answer within `CONNECT_WAIT_SECONDS`.
    """

    commit_checked = True
    # The beneficiaries' key stays unique in the database here: migration 0013 drops it because DuckDB
    # keeps it as an ART index costing an import of a million rows about 2 s; PostgreSQL's B-tree costs
    # little, and a small import's lookups use it.
    migration_extras: ClassVar[dict[int, tuple[str, ...]]] = {
        13: ("ALTER TABLE beneficiaries ADD PRIMARY KEY (nik_hash, program_code, year)",)
    }

    def __init__(self, url: str, wait: float | None = None) -> None:
        self.url = url
        self.path = shown_url(url)
        self.read_only = False
        self.wait = store_wait_seconds() if wait is None else wait
        self._local = threading.local()
        self._max = pool_size()
        self._pool = ConnectionPool(
            url.replace("postgres://", "postgresql://", 1),
            min_size=1,
            max_size=self._max,
            open=False,
            # No server-side prepared statements: after another server's migration a cached plan
            # could fail with "cached plan must not change result type".
            kwargs={"autocommit": True, "prepare_threshold": None},
            configure=_configure,
            check=ConnectionPool.check_connection,
            reconnect_timeout=RECONNECT_SECONDS,
            name="sinergi",
        )
        try:
            self._pool.open(wait=True, timeout=CONNECT_WAIT_SECONDS)
        except PoolTimeout as exc:
            self._pool.close()
            raise self._why_not(url) from exc

    def _why_not(self, url: str) -> StoreError:
        """Why the pool could not connect, from one direct attempt: a server that does not answer
        is unavailable (and may come back); a refusal that will not go away by waiting (no such
        database, wrong password, a malformed URL) is a setting to fix, in the server's own words."""
        try:
            psycopg.connect(url, connect_timeout=max(1, round(CONNECT_WAIT_SECONDS))).close()
        except psycopg.OperationalError as error:
            text = str(error).strip()
            detail = " ".join(line.strip() for line in text.splitlines()) or type(error).__name__
            if not any(word in text for word in TRANSIENT):
                return StoreError(key="store_connect_refused", where=self.path, detail=detail)
        except psycopg.ProgrammingError as error:  # a URL libpq cannot read
            return StoreError(key="store_connect_refused", where=self.path, detail=str(error).strip())
        return StoreUnavailableError(key="store_unavailable", where=self.path)

    # --- connections --------------------------------------------------------------------------

    def _borrow(self) -> psycopg.Connection:
        """A connection from the pool. While the pool has room, a server that does not answer within
        `CONNECT_WAIT_SECONDS` is unavailable; while all connections are lent out (a busy server),
        wait up to `wait` seconds, then StoreBusyError."""
        deadline = time.monotonic() + max(self.wait, CONNECT_WAIT_SECONDS)
        while True:
            try:
                return self._pool.getconn(timeout=CONNECT_WAIT_SECONDS)
            except PoolTimeout as exc:
                stats = self._pool.get_stats()
                all_lent = stats.get("pool_size", 0) >= self._max and stats.get("pool_available", 0) == 0
                if not all_lent:
                    raise StoreUnavailableError(key="store_unavailable", where=self.path) from exc
                if time.monotonic() >= deadline:
                    raise StoreBusyError(key="store_busy", path=self.path, seconds=round(self.wait)) from exc

    @contextmanager
    def session(self, write: bool = False) -> Iterator[None]:
        """Hold one pooled connection for the block in this thread; nested blocks share it. `write`
        changes nothing here (every connection may write)."""
        local = self._local
        if getattr(local, "connection", None) is not None:
            local.depth += 1
            try:
                yield
            finally:
                local.depth -= 1
            return
        local.connection, local.depth = self._borrow(), 1
        try:
            yield
        finally:
            connection, local.connection, local.depth = local.connection, None, 0
            self._pool.putconn(connection)  # a broken connection is dropped, not lent again

    @contextmanager
    def released(self) -> Iterator[None]:
        """Nothing to release: PostgreSQL lets other processes write while this one holds a connection."""
        yield

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        """This thread's connection for one call; faults of the server become `StoreError`s."""
        with self.session():
            try:
                yield self._local.connection
            except psycopg.Error as exc:
                error = _store_error(exc, self.path)
                if error is None:
                    raise
                raise error from exc

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.close()

    @contextmanager
    def _session_lock(self, key: int) -> Iterator[None]:
        """Hold advisory lock `key` at session level on this thread's connection for the block
        (re-entrant: PostgreSQL counts a session's locks); waits like `_wait_for`."""
        with self._connection() as connection:
            self._wait_for(connection, "pg_try_advisory_lock", key)
            try:
                yield
            finally:
                with suppress(psycopg.Error):  # a lost connection has released it already
                    connection.execute("SELECT pg_advisory_unlock(%s)", [key])

    def _exclusive(self) -> AbstractContextManager[None]:
        """Hold the schema lock for the block: servers starting together migrate once."""
        return self._session_lock(MIGRATE_LOCK)

    def serialised(self) -> AbstractContextManager[None]:
        """Hold the write lock for the block: checks made in it hold for the writes after them."""
        return self._session_lock(WRITE_LOCK)

    def _wait_for(self, connection: psycopg.Connection, function: str, key: int) -> None:
        """Take advisory lock `key` with `function` (session or transaction level), retrying with a
        short backoff for up to `wait` seconds while another process holds it; then StoreBusyError."""
        deadline = time.monotonic() + self.wait
        delay = 0.05
        while not connection.execute(f"SELECT {function}(%s)", [key]).fetchone()[0]:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreBusyError(key="store_busy", path=self.path, seconds=round(self.wait))
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 0.5)

    # --- reads and writes ---------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """A read; `?` placeholders."""
        with self._connection() as connection, connection.cursor() as cursor:
            cursor.execute(*_statement(sql, params))
            return _frame(cursor)

    def query_frame(self, sql: str, params: Sequence[Any] = (), **frames: pd.DataFrame) -> pd.DataFrame:
        """A read that joins DataFrames the caller holds, named in `sql` by their keyword: each is
        copied into a temporary table of that name for the call, never stored."""
        with self._connection() as connection, connection.transaction():
            for name, frame in frames.items():
                columns = ", ".join(f"{column} {_sql_type(frame[column])}" for column in frame.columns)
                connection.execute(f"CREATE TEMP TABLE {name} ({columns}) ON COMMIT DROP")
                if not frame.empty:
                    _copy_into(connection, name, frame, _column_types(connection, name))
            with connection.cursor() as cursor:
                cursor.execute(*_statement(sql, params))
                result = _frame(cursor)
            for name in frames:
                connection.execute(f"DROP TABLE {name}")  # also inside an enclosing transaction
            return result

    def chunks(self, table: str, rows: int) -> Iterator[pd.DataFrame]:
        """Every row of `table`, `rows` at a time (a server-side cursor), for copying a store."""
        with (
            self._connection() as connection,
            connection.transaction(),
            connection.cursor(name="sinergi_chunks") as cursor,
        ):
            cursor.execute(f"SELECT * FROM {table}")
            while batch := cursor.fetchmany(rows):
                yield _frame(cursor, batch)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None without rows."""
        with self._connection() as connection:
            row = connection.execute(*_statement(sql, params)).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self, versioned: bool = True) -> Iterator[PostgresTransaction]:
        """All-or-nothing writes on this thread's connection; `versioned` ones wait for the write lock
        first and bump the data version. A transaction inside another becomes a savepoint. Raises
        StoreBusyError after waiting `wait` seconds for another writer, StoreUnavailableError when
        the server goes away (nothing of the transaction is stored then)."""
        with self._connection() as connection, connection.transaction():
            if versioned:
                self._wait_for(connection, "pg_try_advisory_xact_lock", WRITE_LOCK)
            tx = PostgresTransaction(connection)
            yield tx
            if versioned:
                derived.refresh(tx)
                connection.execute(BUMP_DATA_VERSION)


def _configure(connection: psycopg.Connection) -> None:
    """Every pooled connection reads NUMERIC as float, as DuckDB's `.df()` gives DECIMAL columns, and
    plans the read layer's analytic queries without nested loops and without JIT.

    The need level rule (`data_loaders/derived.py`, `NEED_LEVELS`, run when a versioned write refreshes
    `need_levels`; before issue 16 it ran in every need query) joins one table's aggregates at three
    region levels back to its rows; PostgreSQL 15 estimates such a join at one row and picks nested
    loops that re-aggregate for every row: 82 s for `default_year` on the sample data, 0,2 s with
    hash joins (measured here). The read layer's analytic queries are planned the same way. With
    nested loops disabled, the planner's penalty cost crosses `jit_above_cost`, and compiling the plan
    costs another 1,1 s, so JIT is off too.
    """
    connection.adapters.register_loader("numeric", FloatLoader)
    connection.execute("SET enable_nestloop = off")
    connection.execute("SET jit = off")

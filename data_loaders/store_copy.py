"""Copying a whole store into an empty one: `python -m data_loaders migrate-store --to URL`.

The usual move is from the embedded DuckDB file of a single laptop to the province's shared
PostgreSQL database (README, "Deploying for the province"); the other way round gives a meeting
laptop an offline copy. Every table is copied, the import history and the `*_changes` tables that
rollbacks read included, together with the data version and the id sequences.

The copy is one transaction in the target: before it commits, every table is checked against the
source — its row count, and per column the non-NULL count plus the sum of numbers, the number of
true values, the total length of texts and the sum of epoch seconds of dates and timestamps. Any
difference rolls the whole copy back, so the target is either a checked copy or as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from data_loaders import derived
from data_loaders.store import Store, StoreError, Transaction, shown_url

# Tables every new store fills from the repository's files; a copy replaces them by the source's.
REFERENCE_TABLES = ("meta", "regions", "region_stats", "ppks_categories", "funding_sources", "indicator_definitions")
CHUNK_ROWS = 100_000


class CopyRefused(StoreError):
    """The copy cannot start (target not empty, schemas differ) or its check failed; nothing was
    stored in the target."""


@dataclass(frozen=True)
class TableCopy:
    """One copied table: its rows and how many column figures were compared (all equal)."""

    table: str
    rows: int
    checks: int


@dataclass(frozen=True)
class CopyResult:
    """The tables copied (in copy order) and the seconds the copy took."""

    tables: tuple[TableCopy, ...]
    seconds: float

    @property
    def rows(self) -> int:
        """Rows copied in all."""
        return sum(table.rows for table in self.tables)


def _tables(store: Store) -> list[str]:
    """The store's tables but `schema_migrations` (the target has its own, of the same version)."""
    names = store.query(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database() AND table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' ORDER BY table_name"
    )["table_name"].tolist()
    return [name for name in names if name != "schema_migrations"]


def _column_kinds(store: Store, table: str) -> dict[str, str]:
    """Column → 'number', 'text', 'bool', 'time' or 'other', from information_schema's data types
    (DuckDB writes 'BIGINT', 'DECIMAL(18,2)', 'VARCHAR'; PostgreSQL 'bigint', 'numeric', 'text')."""
    columns = store.query(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = current_schema() "
        "AND table_name = ? ORDER BY ordinal_position",
        [table],
    )
    kinds = {}
    for name, data_type in zip(columns["column_name"], columns["data_type"].str.lower(), strict=True):
        if data_type != "interval" and any(
            word in data_type for word in ("int", "decimal", "numeric", "double", "real", "float")
        ):
            kinds[name] = "number"
        elif any(word in data_type for word in ("char", "text")):
            kinds[name] = "text"
        elif "bool" in data_type:
            kinds[name] = "bool"
        elif "date" in data_type or "timestamp" in data_type:
            kinds[name] = "time"
        else:
            kinds[name] = "other"
    return kinds


def _figures_sql(table: str, kinds: dict[str, str]) -> str:
    """One SELECT of a table's check figures, in SQL both databases run."""
    parts = ["count(*) AS rows_"]
    for index, (column, kind) in enumerate(kinds.items()):
        parts.append(f"count({column}) AS c{index}_count")
        if kind == "number":
            parts.append(f"sum(CAST({column} AS DOUBLE PRECISION)) AS c{index}_sum")
        elif kind == "text":
            parts.append(f"sum(length({column})) AS c{index}_length")
        elif kind == "bool":
            parts.append(f"sum(CASE WHEN {column} THEN 1 ELSE 0 END) AS c{index}_true")
        elif kind == "time":
            parts.append(f"sum(extract(epoch FROM {column})) AS c{index}_epoch")
    return f"SELECT {', '.join(parts)} FROM {table}"


def _figures(reader: Store | Transaction, table: str, kinds: dict[str, str]) -> dict[str, float]:
    row = reader.query(_figures_sql(table, kinds)).iloc[0]
    names = list(kinds)
    figures = {}
    for key, value in row.items():
        label = key if key == "rows_" else f"{names[int(key[1:].split('_')[0])]}.{key.split('_', 1)[1]}"
        figures[label] = 0.0 if pd.isna(value) else float(value)
    return figures


def _differences(source: dict[str, float], target: dict[str, float]) -> list[str]:
    """The figures that differ (sums of doubles may differ in their last bits: 1e-9 relative)."""
    return [
        f"{name}: {source[name]:,.2f} → {target.get(name, float('nan')):,.2f}"
        for name in source
        if not abs(source[name] - target.get(name, float("nan"))) <= 1e-9 * max(1.0, abs(source[name]))
    ]


def copy_store(
    source: Store, target: Store, progress: Callable[[str, int], None] | None = None, chunk_rows: int = CHUNK_ROWS
) -> CopyResult:
    """Copy every table of `source` into `target` (both opened with `open_store`, so both hold the
    latest schema) and check it (module docstring). `progress(table, rows)` is called after each
    table. Raises CopyRefused when the schemas differ, when the target holds anything but reference
    data, or when a check differs (naming the table and the figures); StoreError from either store.
    """
    started = time.monotonic()
    if source.url == target.url:
        raise CopyRefused(key="copy_same_store", url=shown_url(target.url))
    if source.schema_version() != target.schema_version():
        raise CopyRefused(key="copy_schema_differs", source=source.schema_version(), target=target.schema_version())
    tables = _tables(source)
    missing = sorted(set(tables) - set(_tables(target)))
    if missing:
        raise CopyRefused(key="copy_schema_differs", source=source.schema_version(), target=", ".join(missing))
    for table in tables:
        if table not in REFERENCE_TABLES and (rows := target.count(table)):
            raise CopyRefused(
                key="copy_target_not_empty", url=shown_url(target.url), table=table, rows=f"{rows:,}".replace(",", ".")
            )
    copied = []
    with source.session(), target.transaction(versioned=False) as tx:
        for table in tables:
            tx.execute(f"DELETE FROM {table}")
            for frame in source.chunks(table, chunk_rows):
                tx.insert_frame(table, frame)
            kinds = _column_kinds(source, table)
            expected = _figures(source, table, kinds)
            differences = _differences(expected, _figures(tx, table, kinds))
            if differences:
                raise CopyRefused(key="copy_mismatch", table=table, figures="; ".join(differences[:5]))
            copied.append(TableCopy(table, int(expected["rows_"]), len(expected)))
            if progress:
                progress(table, int(expected["rows_"]))
        # The source may have changed between the tables read: the figures derived from its rows are
        # written again from the copied rows, for the copied data version.
        derived.rewrite_overlaps(tx)
    target.migrate()  # moves the id sequences past the ids copied
    return CopyResult(tuple(copied), time.monotonic() - started)

"""Tables and columns derived from the stored data, written again with every data version (issue 16).

`need_levels` holds, for every need figure of `ppks_counts`, the flags of NEED_LEVEL_RULE
(`domain/reader.py`): whether the figure is set aside in a province-wide view and in a view of one
kabupaten/kota, for every figure and for the public view's (figures of at least `SMALL_COUNT`
people). The rule compares each region's figure with how many of its parts have figures, which
costs 25 ms a query at any size; the read layer's `need_rows` relation joins these flags instead.

`beneficiaries.person_key` (migration 0011) is a whole number per person: the same on every row with
the same `nik_hash`, different for different ones. Counting people groups by it instead of by the
64-character keyed hash (the overlap engine at 5.000.000 rows: 1,0 s → 0,5 s, bench/overlap.py).
The importer keys its rows before it writes them (`key_people`); a row written without one (sample
data, a rollback's restored rows, tests) gets the key of its person's stored rows, or a new one above
the largest key. `DERIVED_COLUMNS` names the column so that the importer neither compares nor logs it.

`refresh(tx)` writes them again inside the caller's transaction, from the tables it wrote
(`tx.written`). Both stores call it in every versioned transaction, just before the data version
changes, so a derived row never belongs to another data version than the rows it derives from; and
every upgrade on open (`StoreBase.migrate`) compares them with the rows (`is_current`) and writes
them all again when a process of an older release changed need or beneficiary rows meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import pandas as pd

# The public view (`Scope(public=True)`) leaves out every stored need figure below this many people
# (jiwa or KK) before any total is made: the minimum-frequency rule of statistical disclosure
# control (Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, §5.2), so no cell of a
# region × PPKS category small enough to point at a household is published at any level. The read
# layer (`domain.reader`) uses this one constant.
SMALL_COUNT = 10

_KECAMATAN = "CASE WHEN r.level IN ('kecamatan', 'desa_kelurahan') THEN substr(r.code, 1, 8) END"


def _levelled(kept: str) -> str:
    """The NEED_LEVEL_RULE flags of the need figures `kept` (a condition over ppks_counts AS c):
    year, region_code, ppks_category_id, set_aside, set_aside_in_kabkota. Counts of the parts that
    have figures are compared with the parts the region table lists (no DISTINCT window, so
    PostgreSQL runs it)."""
    return f"""
    WITH stored AS (
      SELECT c.year, c.region_code, r.level AS region_level, r.kabkota_code, {_KECAMATAN} AS kecamatan_code,
             c.ppks_category_id, c.unit
      FROM ppks_counts c JOIN regions r ON r.code = c.region_code
      WHERE {kept}
    ), province AS (
      SELECT year, ppks_category_id, unit, count(DISTINCT kabkota_code) AS parts_with_figures,
             bool_or(region_level = 'provinsi') AS has_total
      FROM stored GROUP BY year, ppks_category_id, unit
    ), kabkota AS (
      SELECT year, ppks_category_id, unit, kabkota_code, count(DISTINCT kecamatan_code) AS parts_with_figures,
             bool_or(region_level = 'kabupaten_kota') AS has_total
      FROM stored WHERE kabkota_code IS NOT NULL GROUP BY year, ppks_category_id, unit, kabkota_code
    ), kecamatan AS (
      SELECT year, ppks_category_id, unit, kecamatan_code,
             count(DISTINCT CASE WHEN region_level = 'desa_kelurahan' THEN region_code END) AS parts_with_figures,
             bool_or(region_level = 'kecamatan') AS has_total
      FROM stored WHERE kecamatan_code IS NOT NULL GROUP BY year, ppks_category_id, unit, kecamatan_code
    ), parts AS (
      SELECT coalesce(parent_code, '') AS code, count(*) AS parts FROM regions
      WHERE level IN ('kabupaten_kota', 'kecamatan', 'desa_kelurahan') GROUP BY coalesce(parent_code, '')
    )
    SELECT s.year, s.region_code, s.ppks_category_id,
           CASE s.region_level
             WHEN 'provinsi' THEN pv.parts_with_figures = pp.parts
             WHEN 'kabupaten_kota' THEN kb.parts_with_figures = kp.parts
                                        OR (pv.has_total AND pv.parts_with_figures < pp.parts)
             WHEN 'kecamatan' THEN kc.parts_with_figures = cp.parts
                                   OR (kb.has_total AND kb.parts_with_figures < kp.parts)
                                   OR (pv.has_total AND pv.parts_with_figures < pp.parts)
             ELSE (kc.has_total AND kc.parts_with_figures < cp.parts)
                  OR (kb.has_total AND kb.parts_with_figures < kp.parts)
                  OR (pv.has_total AND pv.parts_with_figures < pp.parts)
           END AS set_aside,
           CASE s.region_level
             WHEN 'provinsi' THEN TRUE
             WHEN 'kabupaten_kota' THEN kb.parts_with_figures = kp.parts
             WHEN 'kecamatan' THEN kc.parts_with_figures = cp.parts
                                   OR (kb.has_total AND kb.parts_with_figures < kp.parts)
             ELSE (kc.has_total AND kc.parts_with_figures < cp.parts)
                  OR (kb.has_total AND kb.parts_with_figures < kp.parts)
           END AS set_aside_in_kabkota
    FROM stored s
    JOIN province pv ON pv.year = s.year AND pv.ppks_category_id = s.ppks_category_id AND pv.unit = s.unit
    LEFT JOIN kabkota kb ON kb.year = s.year AND kb.ppks_category_id = s.ppks_category_id AND kb.unit = s.unit
                        AND kb.kabkota_code = s.kabkota_code
    LEFT JOIN kecamatan kc ON kc.year = s.year AND kc.ppks_category_id = s.ppks_category_id AND kc.unit = s.unit
                          AND kc.kecamatan_code = s.kecamatan_code
    LEFT JOIN parts pp ON pp.code = '64'
    LEFT JOIN parts kp ON kp.code = s.kabkota_code
    LEFT JOIN parts cp ON cp.code = s.kecamatan_code
    """


NEED_LEVELS = f"""
    SELECT e.year, e.region_code, e.ppks_category_id, e.set_aside, e.set_aside_in_kabkota,
           p.set_aside AS public_set_aside, p.set_aside_in_kabkota AS public_set_aside_in_kabkota
    FROM ({_levelled("TRUE")}) AS e
    LEFT JOIN ({_levelled(f"c.count >= {SMALL_COUNT}")}) AS p
           ON p.year = e.year AND p.region_code = e.region_code AND p.ppks_category_id = e.ppks_category_id
"""


class _Transaction(Protocol):
    written: set[str]

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame: ...


# Columns of stored tables that `refresh` derives; writers leave them out.
DERIVED_COLUMNS = {"beneficiaries": ("person_key",)}
# The tables the derived tables and columns come from: a transaction that wrote none of them
# leaves them as they are.
PEOPLE_SOURCES = frozenset({"beneficiaries"})
NEED_SOURCES = frozenset({"ppks_counts", "regions"})
SOURCES = PEOPLE_SOURCES | NEED_SOURCES

# A row without a person key takes the one its person's stored rows have …
_KNOWN_PERSON_KEYS = """
    UPDATE {rows} SET person_key = k.person_key FROM (
      SELECT b.nik_hash, min(b.person_key) AS person_key FROM beneficiaries b
      WHERE b.person_key IS NOT NULL AND b.nik_hash IN (SELECT nik_hash FROM {rows} WHERE person_key IS NULL)
      GROUP BY b.nik_hash
    ) AS k
    WHERE {rows}.person_key IS NULL AND {rows}.nik_hash = k.nik_hash
"""
# … and a person new to the store a new one, above every key in use.
_NEW_PERSON_KEYS = """
    UPDATE {rows} SET person_key = n.person_key FROM (
      SELECT nik_hash, (SELECT coalesce(max(person_key), 0) FROM beneficiaries) + row_number() OVER (ORDER BY nik_hash)
             AS person_key
      FROM (SELECT DISTINCT nik_hash FROM {rows} WHERE person_key IS NULL) AS fresh
    ) AS n
    WHERE {rows}.person_key IS NULL AND {rows}.nik_hash = n.nik_hash
"""


def key_people(tx: _Transaction, rows: str = "beneficiaries") -> None:
    """Give every row of the table `rows` (beneficiaries, or a table of rows about to be inserted into
    it, with the same columns) that has no person key the key of its person's stored rows, or a new
    one: the importer keys its staged rows so that each row is written once (on PostgreSQL an UPDATE
    after the INSERT would write every row twice)."""
    tx.execute(_KNOWN_PERSON_KEYS.format(rows=rows))
    tx.execute(_NEW_PERSON_KEYS.format(rows=rows))


def _has(tx: Any, table: str, column: str) -> bool:
    """Whether the store's schema has `table`.`column` (False before the migration that adds it)."""
    found = tx.query(
        "SELECT 1 AS found FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = ? AND column_name = ?",
        [table, column],
    )
    return not found.empty


def refresh(tx: _Transaction) -> None:
    """Write the derived tables and columns again from the rows the store transaction `tx` sees,
    those of the tables it wrote (`tx.written`; `SOURCES` to write them all): the need levels in
    about 40 ms for the sample data (10.000 figures); person keys for rows written without one, about
    0,5 s for 1.000.000 rows (bench/run.py). Leaves out what the store's schema does not have yet (a
    test of an upgrade, or a migration still to run)."""
    written = tx.written
    if written & PEOPLE_SOURCES and _has(tx, "beneficiaries", "person_key"):
        key_people(tx)
    if not written & NEED_SOURCES or not _has(tx, "need_levels", "year"):
        return
    tx.execute("DELETE FROM need_levels")
    tx.execute(
        "INSERT INTO need_levels (year, region_code, ppks_category_id, set_aside, set_aside_in_kabkota, "
        f"public_set_aside, public_set_aside_in_kabkota) {NEED_LEVELS}"
    )


def is_current(store: Any) -> bool:
    """True when every beneficiary row has its person key and `need_levels` holds exactly what the
    rule computes from the stored rows (what the store's schema does not have yet counts as current:
    there is nothing to compare). A process of an older release that wrote beneficiaries or need
    rows, or a copy made without a refresh, makes it False; `StoreBase.migrate` then writes them again
    in a versioned transaction."""
    if _has(store, "beneficiaries", "person_key") and store.scalar(
        "SELECT count(*) FROM beneficiaries WHERE person_key IS NULL"
    ):
        return False
    if not _has(store, "need_levels", "year"):
        return True
    columns = "year, region_code, ppks_category_id, set_aside, set_aside_in_kabkota, public_set_aside, "
    columns += "public_set_aside_in_kabkota"
    differing = store.scalar(
        f"SELECT count(*) FROM ((SELECT {columns} FROM ({NEED_LEVELS}) AS fresh EXCEPT SELECT {columns} FROM "
        f"need_levels) UNION ALL (SELECT {columns} FROM need_levels EXCEPT SELECT {columns} FROM ({NEED_LEVELS}) "
        "AS again)) AS differences"
    )
    return int(differing) == 0

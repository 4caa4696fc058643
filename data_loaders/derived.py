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

The overlap figures (`overlap_counts`, `overlap_pairs`, `targeting_counts`, `left_out_counts`,
migration 0012) hold, for every year, what `domain.overlap` shows to the forum's scope (`Scope()`),
for the whole province and for every kab/kota filter: their rules are the SQL templates here
(`overlap_counts_sql`, `overlap_pairs_sql`, `targeting_sql`, `left_out_sql`), run by the views over a
reader's scoped rows and by `refresh` over every row, so both give the same figures. meta's
'overlap_version' names the data version they were written for (`overlaps_current`): they are
checked by that stamp, not by content, and a copy or an upgrade writes them again.

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


# --- the overlap figures (domain/overlap.py) ----------------------------------------------------
# The two relations they read, without a scope; the scoped reader (domain/reader.py) adds its scope's
# conditions to these same definitions. BENEFICIARY_ROWS is one row per person × program × year.
BENEFICIARY_ROWS = """
    SELECT b.nik_hash, b.person_key, b.program_code, b.year, b.region_code, r.kabkota_code,
           CAST(b.benefit_idr AS DOUBLE PRECISION) AS benefit, b.decile, b.ppks_category_id,
           p.id AS program_id, p.name AS program_name, p.assistance_type, b.import_id
    FROM beneficiaries b
    JOIN regions r ON r.code = b.region_code
    LEFT JOIN programs p ON p.program_code = b.program_code AND p.year = b.year
"""
PROGRAM_SOURCES = """
    SELECT DISTINCT a.program_id, a.funding_source
    FROM program_allocations a JOIN programs p ON p.id = a.program_id JOIN regions r ON r.code = a.region_code
"""


# The view a beneficiary row is counted in (`kabkota_filter`): the whole province (no kab/kota
# filter), or the kab/kota filter that keeps it.
PROVINCE_VIEW = "CAST(NULL AS TEXT)"
KABKOTA_VIEW = "b.kabkota_code"


def overlap_counts_sql(rows: str, sources: str, where: str, view: str = PROVINCE_VIEW) -> str:
    """People per year and kabupaten/kota, and per year in all (`is_total` 1, region_code NULL): the
    columns year, kabkota_filter, region_code, is_total, people, multi_program, cross_source, same_kind
    (persons) of `domain.overlap.overlaps_by_region`, over the relations `rows` (BENEFICIARY_ROWS's
    columns) and `sources` (PROGRAM_SOURCES's) and the condition `where` over `rows AS b`. `view`
    names the view each row is counted in (kabkota_filter): `PROVINCE_VIEW` (NULL, the whole
    province), or `KABKOTA_VIEW` (the kab/kota filter that keeps the row: its own kab/kota), so one
    pass gives every kab/kota filter's figures.

    One pass without DISTINCT per person and program, grouped by the integer `person_key` (2,1 s →
    0,5 s at 5.000.000 rows, bench/overlap.py): a beneficiary row is one person × program × year (the
    table's primary key), so a person's row count is their number of programs; the funding sources
    of their programs number two or more exactly when the smallest differs from the largest; and two
    programs share an assistance type exactly when the typed programs outnumber their distinct types."""
    return f"""SELECT * FROM (
        WITH program_span AS (
            SELECT program_id, min(funding_source) AS first_source, max(funding_source) AS last_source
            FROM {sources} AS spans GROUP BY program_id
        ),
        listed AS (
            SELECT b.year, {view} AS kabkota_filter, b.person_key AS person, b.kabkota_code AS kab, b.program_id,
                   b.assistance_type
            FROM {rows} b WHERE {where}
        ),
        people AS (
            SELECT l.year, l.kabkota_filter, l.person, count(*) >= 2 AS multi,
                   count(*) >= 2 AND min(s.first_source) <> max(s.last_source) AS cross_source,
                   count(l.assistance_type) > count(DISTINCT l.assistance_type) AS same_kind
            FROM listed l LEFT JOIN program_span s ON s.program_id = l.program_id
            GROUP BY l.year, l.kabkota_filter, l.person
        ),
        placed AS (SELECT DISTINCT year, kabkota_filter, kab, person FROM listed),
        flagged AS (
            SELECT year, kabkota_filter, person, CASE WHEN multi THEN 1 ELSE 0 END AS multi,
                   CASE WHEN cross_source THEN 1 ELSE 0 END AS cross_source,
                   CASE WHEN same_kind THEN 1 ELSE 0 END AS same_kind
            FROM people
        )
        SELECT p.year, p.kabkota_filter, p.kab AS region_code, 0 AS is_total, count(*) AS people,
               sum(f.multi) AS multi_program, sum(f.cross_source) AS cross_source, sum(f.same_kind) AS same_kind
        FROM placed p JOIN flagged f ON f.year = p.year AND f.person = p.person
             AND (f.kabkota_filter = p.kabkota_filter OR (f.kabkota_filter IS NULL AND p.kabkota_filter IS NULL))
        GROUP BY p.year, p.kabkota_filter, p.kab
        UNION ALL
        SELECT year, kabkota_filter, NULL, 1, count(*), sum(multi), sum(cross_source), sum(same_kind) FROM flagged
        GROUP BY year, kabkota_filter
        ) AS counts"""


def overlap_pairs_sql(rows: str, sources: str, where: str, kind: str, view: str = PROVINCE_VIEW) -> str:
    """Pairs of funding sources (`kind` 'source': codes) or of programs ('program': name, or code
    where the program is not registered) that list the same people, per year: the columns year,
    kabkota_filter, item_a, item_b (item_a < item_b) and people (persons), over `rows`, `sources`,
    `where` and `view` as in `overlap_counts_sql`. A person and an item are one row of `listed`, so
    a pair's rows are its people. Raises ValueError for another kind."""
    if kind == "source":
        listed = f"""SELECT DISTINCT b.year, {view} AS kabkota_filter, b.person_key AS person, s.funding_source AS item
                     FROM {rows} b JOIN {sources} s ON s.program_id = b.program_id WHERE {where}"""
    elif kind == "program":
        listed = f"""SELECT DISTINCT b.year, {view} AS kabkota_filter, b.person_key AS person,
                            coalesce(b.program_name, b.program_code) AS item
                     FROM {rows} b WHERE {where}"""
    else:
        raise ValueError(f"unknown pair kind {kind!r}")
    return f"""SELECT * FROM (WITH listed AS ({listed})
        SELECT x.year, x.kabkota_filter, x.item AS item_a, y.item AS item_b, count(*) AS people
        FROM listed x JOIN listed y ON x.year = y.year AND x.person = y.person AND x.item < y.item
             AND (x.kabkota_filter = y.kabkota_filter OR (x.kabkota_filter IS NULL AND y.kabkota_filter IS NULL))
        GROUP BY 1, 2, 3, 4) AS pairs"""


def targeting_sql(rows: str, sources: str, where: str, kind: str, view: str = PROVINCE_VIEW) -> str:
    """'Tepat sasaran' per year and program (`kind` 'program': name = program name or code) or funding
    source ('source': name = code): the columns year, kabkota_filter, name, listed (persons with a
    decile) and poorest (those of them in desil 1–4, the poorest 40 %), over `rows`, `sources`,
    `where` and `view` as in `overlap_counts_sql`. Each person once per name (whether any of their
    rows is in desil 1–4), then counted: twice as fast as two DISTINCT counts per name at 5.000.000
    rows. Raises ValueError for another kind."""
    if kind == "program":
        name, joined = "coalesce(b.program_name, b.program_code)", ""
    elif kind == "source":
        name, joined = "s.funding_source", f"JOIN {sources} s ON s.program_id = b.program_id"
    else:
        raise ValueError(f"unknown targeting kind {kind!r}")
    return f"""SELECT year, kabkota_filter, name, count(*) AS listed, CAST(sum(poorest) AS INTEGER) AS poorest
        FROM (
          SELECT b.year, {view} AS kabkota_filter, {name} AS name, b.person_key,
                 max(CASE WHEN b.decile <= 4 THEN 1 ELSE 0 END) AS poorest
          FROM {rows} b {joined} WHERE {where} AND b.decile IS NOT NULL GROUP BY 1, 2, 3, 4
        ) AS people GROUP BY year, kabkota_filter, name"""


def left_out_sql(rows: str, where: str, view: str = PROVINCE_VIEW) -> str:
    """People in desil 1 listed before a year and in no program of that year: the columns
    kabkota_filter and people (persons) of `domain.overlap.poorest_left_out`, over the relation
    `rows` (BENEFICIARY_ROWS's columns). Parameters: the year, those of `where` (a condition over the
    earlier rows, `rows AS b`: the kab/kota filter), the year again; `view` as in
    `overlap_counts_sql`. This year's lists are read wherever `rows` holds them. No row when nobody
    is left out."""
    return f"""SELECT {view} AS kabkota_filter, count(DISTINCT b.person_key) AS people FROM {rows} b
        WHERE b.decile = 1 AND b.year < ? AND {where}
          AND NOT EXISTS (SELECT 1 FROM {rows} c WHERE c.year = ? AND c.person_key = b.person_key)
        GROUP BY 1"""


class _Transaction(Protocol):
    written: set[str]
    changed_years: set[int] | None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame: ...


# Columns of stored tables that `refresh` derives; writers leave them out.
DERIVED_COLUMNS = {"beneficiaries": ("person_key",)}
# The tables the derived tables and columns come from: a transaction that wrote none of them
# leaves them as they are.
PEOPLE_SOURCES = frozenset({"beneficiaries"})
NEED_SOURCES = frozenset({"ppks_counts", "regions"})
OVERLAP_SOURCES = frozenset({"beneficiaries", "programs", "program_allocations", "regions"})
SOURCES = PEOPLE_SOURCES | NEED_SOURCES | OVERLAP_SOURCES
OVERLAP_TABLES = ("overlap_counts", "overlap_pairs", "targeting_counts")  # left_out_counts apart
# Sources whose rows belong to one year each (a change of a region touches every year).
YEAR_SOURCES = frozenset({"beneficiaries", "programs", "program_allocations"})
LEFT_OUT_SOURCES = frozenset({"beneficiaries", "regions"})
PAIR_KINDS = ("source", "program")  # overlap_pairs.kind and targeting_counts.kind

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
        "SELECT 1 AS found FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = current_schema() "
        "AND table_name = ? AND column_name = ?",
        [table, column],
    )
    return not found.empty


def refresh(tx: _Transaction) -> None:
    """Write the derived tables and columns again from the rows the store transaction `tx` sees,
    those of the tables it wrote (`tx.written`; `SOURCES` to write them all): the need levels in
    about 40 ms for the sample data (10.000 figures); person keys for rows written without one, about
    0,5 s for 1.000.000 rows; the overlap figures about 2 s per year of 1.250.000 beneficiary rows
    (bench/run.py), only for `tx.changed_years` while the stored figures are current. Leaves out
    what the store's schema does not have yet (a test of an upgrade, or a migration still to run)."""
    written = tx.written
    if written & PEOPLE_SOURCES and _has(tx, "beneficiaries", "person_key"):
        key_people(tx)
    if _has(tx, "overlap_counts", "year"):
        if written & OVERLAP_SOURCES:
            stamped = not tx.query(_STAMPED).empty
            # a year's figures alone while the others are current: else every year's
            years = None if written & OVERLAP_SOURCES - YEAR_SOURCES or not stamped else tx.changed_years
            _write_overlaps(tx, years, left_out=bool(written & LEFT_OUT_SOURCES) or not stamped)
        else:  # still the figures of the rows: they belong to the next data version too
            tx.execute(_CARRY_OVERLAP_VERSION)
    if not written & NEED_SOURCES or not _has(tx, "need_levels", "year"):
        return
    tx.execute("DELETE FROM need_levels")
    tx.execute(
        "INSERT INTO need_levels (year, region_code, ppks_category_id, set_aside, set_aside_in_kabkota, "
        f"public_set_aside, public_set_aside_in_kabkota) {NEED_LEVELS}"
    )


# The data version a versioned transaction commits (store.BUMP_DATA_VERSION runs after `refresh`).
_NEXT_VERSION = "SELECT CAST(coalesce(max(CAST(value AS INTEGER)), 0) + 1 AS TEXT) FROM meta WHERE key = 'data_version'"
_STAMP_OVERLAP_VERSION = (
    f"INSERT INTO meta (key, value) SELECT 'overlap_version', ({_NEXT_VERSION}) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_STAMP_SAME_VERSION = (  # for an unversioned transaction: the data version stays
    "INSERT INTO meta (key, value) SELECT 'overlap_version', value FROM meta WHERE key = 'data_version' "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_CARRY_OVERLAP_VERSION = (
    "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
    "WHERE key = 'overlap_version' AND value = (SELECT value FROM meta WHERE key = 'data_version')"
)


# One row when the stored overlap figures are those of the data version the transaction started from.
_STAMPED = (
    "SELECT 1 AS stamped FROM meta o JOIN meta d ON d.key = 'data_version' AND o.value = d.value "
    "WHERE o.key = 'overlap_version'"
)


def _write_overlaps(
    tx: _Transaction, years: set[int] | None, left_out: bool, stamp: str = _STAMP_OVERLAP_VERSION
) -> None:
    """The overlap figures of `years` (None: every year) with beneficiaries, for the whole province
    and for every kab/kota filter, one year at a time (at 5.000.000 rows, 1.250.000 a year, about
    2 s a year; the province's figures of four years took 4,1 s this way against 5,8 s in one
    query), stamped (`stamp`) with the data version the transaction commits. With `left_out`, the
    people left out too, for every year of beneficiaries or programs from the first of `years` on (a
    change of one year's lists changes the later years' figure)."""
    rows, sources = f"({BENEFICIARY_ROWS})", f"({PROGRAM_SOURCES})"
    kept = "TRUE" if years is None else f"year IN ({', '.join(str(int(year)) for year in sorted(years)) or 'NULL'})"
    for table in OVERLAP_TABLES:
        tx.execute(f"DELETE FROM {table} WHERE {kept}")
    views = ((PROVINCE_VIEW, "b.year = ?"), (KABKOTA_VIEW, "b.year = ? AND b.kabkota_code IS NOT NULL"))
    for year in tx.query(f"SELECT DISTINCT year FROM beneficiaries WHERE {kept} ORDER BY year")["year"]:
        for view, where in views:
            params = [int(year)]
            tx.execute(
                "INSERT INTO overlap_counts (year, kabkota_filter, region_code, is_total, people, multi_program, "
                f"cross_source, same_kind) {overlap_counts_sql(rows, sources, where, view)}",
                params,
            )
            for kind in PAIR_KINDS:
                tx.execute(
                    f"INSERT INTO overlap_pairs (year, kabkota_filter, kind, item_a, item_b, people) SELECT year, "
                    f"kabkota_filter, '{kind}', item_a, item_b, people "
                    f"FROM ({overlap_pairs_sql(rows, sources, where, kind, view)}) AS pairs",
                    params,
                )
                tx.execute(
                    f"INSERT INTO targeting_counts (year, kabkota_filter, kind, name, listed, poorest) SELECT year, "
                    f"kabkota_filter, '{kind}', name, listed, poorest "
                    f"FROM ({targeting_sql(rows, sources, where, kind, view)}) AS aimed",
                    params,
                )
    if left_out:
        later = "TRUE" if years is None else f"year >= {min(years)}" if years else "FALSE"
        tx.execute(f"DELETE FROM left_out_counts WHERE {later}")
        years_offered = "SELECT year FROM beneficiaries UNION SELECT year FROM programs"
        for year in tx.query(f"SELECT DISTINCT year FROM ({years_offered}) AS y WHERE {later} ORDER BY year")["year"]:
            for view, where in ((PROVINCE_VIEW, "TRUE"), (KABKOTA_VIEW, "b.kabkota_code IS NOT NULL")):
                tx.execute(
                    "INSERT INTO left_out_counts (year, kabkota_filter, people) SELECT CAST(? AS INTEGER), "
                    f"kabkota_filter, people FROM ({left_out_sql(rows, where, view)}) AS missing",
                    [int(year), int(year), int(year)],
                )
            tx.execute(  # the province's row, also when nobody is left out: the year's figures are stored
                "INSERT INTO left_out_counts (year, kabkota_filter, people) SELECT CAST(? AS INTEGER), NULL, 0 "
                "WHERE NOT EXISTS (SELECT 1 FROM left_out_counts WHERE year = ? AND kabkota_filter IS NULL)",
                [int(year), int(year)],
            )
    tx.execute(stamp)


def rewrite_overlaps(tx: _Transaction) -> None:
    """Write every overlap figure again inside an unversioned transaction and stamp it with the data
    version the store keeps: for a copy of a whole store (`store_copy.copy_store`), whose source may
    have changed between the tables it read."""
    _write_overlaps(tx, None, left_out=True, stamp=_STAMP_SAME_VERSION)


def is_current(store: Any) -> bool:
    """True when every beneficiary row has its person key, the overlap figures carry the stamp of the
    data version (`overlaps_current`) and `need_levels` holds exactly what the rule computes from the
    stored rows (what the store's schema does not have yet counts as current: there is nothing to
    compare). A process of an older release that wrote beneficiaries or need
    rows, or a copy made without a refresh, makes it False; `StoreBase.migrate` then writes them again
    in a versioned transaction."""
    if _has(store, "beneficiaries", "person_key") and store.scalar(
        "SELECT count(*) FROM beneficiaries WHERE person_key IS NULL"
    ):
        return False
    if _has(store, "overlap_counts", "year") and not overlaps_current(store):
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


def overlaps_current(store: Any) -> bool:
    """Whether the stored overlap figures are those of the store's rows: stamped with its data
    version (every versioned transaction of this release keeps the stamp), or, without a stamp, a
    store with no beneficiary row and no stored figure (a new store: nothing to be wrong about).
    The stamp is trusted, not the content: a copy and an upgrade remove or rewrite it
    (`rewrite_overlaps`, `StoreBase.migrate`). `store` is a Store."""
    if store.scalar(f"SELECT count(*) FROM ({_STAMPED}) AS stamp"):
        return True
    tables = ("beneficiaries", *OVERLAP_TABLES, "left_out_counts")
    return not any(store.scalar(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1) AS any_row") for table in tables)

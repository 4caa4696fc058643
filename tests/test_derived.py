"""Derived tables (data_loaders/derived.py, issue 16): `need_levels` always holds what the rule
computes from the rows of the same data version, after every kind of write."""

from __future__ import annotations

import pandas as pd

from data_loaders import derived, importer
from data_loaders.importer import rollback
from data_loaders.store import BUMP_DATA_VERSION, MIGRATIONS_DIR, open_store
from data_loaders.validation import validate
from domain.filters import Filters
from domain.overlap import overlaps_by_region
from domain.reader import Reader
from tests.conftest import stored

COLUMNS = "year, region_code, ppks_category_id, set_aside, set_aside_in_kabkota, public_set_aside, "
COLUMNS += "public_set_aside_in_kabkota"


def _fresh_and_stored(url: str):
    fresh = stored(url, f"SELECT {COLUMNS} FROM ({derived.NEED_LEVELS}) AS n ORDER BY 1, 2, 3")
    kept = stored(url, f"SELECT {COLUMNS} FROM need_levels ORDER BY 1, 2, 3")
    return fresh, kept


def test_need_levels_follow_every_write(fixture_url):
    fresh, kept = _fresh_and_stored(fixture_url)
    assert len(kept) > 0 and kept.equals(fresh)
    store = open_store(fixture_url)
    try:
        with store.transaction() as tx:  # one figure below SMALL_COUNT: not in the public view
            last_region = "(SELECT max(region_code) FROM ppks_counts)"
            tx.execute(f"UPDATE ppks_counts SET count = 5 WHERE region_code = {last_region}")
        fresh, kept = _fresh_and_stored(fixture_url)
        assert kept.equals(fresh) and kept["public_set_aside"].isna().sum() >= 1
        with store.transaction() as tx:  # a need figure removed: the rule changes around it
            tx.execute("DELETE FROM ppks_counts WHERE region_code = (SELECT min(region_code) FROM ppks_counts)")
        fresh, kept = _fresh_and_stored(fixture_url)
        assert kept.equals(fresh) and len(kept) == len(fresh)
        last = int(store.scalar("SELECT max(id) FROM imports"))
        with store.session(write=True):
            rollback(store, last, "test")
    finally:
        store.close()
    fresh, kept = _fresh_and_stored(fixture_url)
    assert kept.equals(fresh)


def test_need_levels_written_by_an_older_release_are_repaired_on_open(fixture_url):
    store = open_store(fixture_url)
    try:
        with store.session(write=True), store.transaction(versioned=False) as tx:
            # what a process of the release before migration 0010 leaves: need rows changed, levels not
            tx.execute("UPDATE ppks_counts SET count = count + 1")
            tx.execute("DELETE FROM need_levels WHERE region_code = (SELECT min(region_code) FROM need_levels)")
        version = store.data_version()
        assert not derived.is_current(store)
    finally:
        store.close()
    reopened = open_store(fixture_url)
    try:
        assert derived.is_current(reopened) and reopened.data_version() == version + 1  # caches see the change
    finally:
        reopened.close()
    fresh, kept = _fresh_and_stored(fixture_url)
    assert kept.equals(fresh)


def _person_key_faults(store) -> list[int]:
    """Rows without a key; hashes with more than one key; keys shared by more than one hash; and
    beneficiary keys (nik_hash, program_code, year) stored more than once, which no index refuses
    in a DuckDB store (migration 0013): its writers must keep them unique."""
    faults = store.query(
        """SELECT (SELECT count(*) FROM beneficiaries WHERE person_key IS NULL) AS missing,
                  (SELECT count(*) FROM (SELECT nik_hash FROM beneficiaries GROUP BY nik_hash
                   HAVING min(person_key) <> max(person_key)) AS a) AS split,
                  (SELECT count(*) FROM (SELECT person_key FROM beneficiaries GROUP BY person_key
                   HAVING min(nik_hash) <> max(nik_hash)) AS b) AS shared,
                  (SELECT count(*) FROM (SELECT nik_hash FROM beneficiaries GROUP BY nik_hash, program_code, year
                   HAVING count(*) > 1) AS c) AS repeated"""
    )
    return [int(value) for value in faults.iloc[0]]


def _listed(store, rows: list[tuple[str, str, int]], import_id: int, versioned: bool = True) -> None:
    frame = pd.DataFrame(rows, columns=["nik_hash", "program_code", "year"]).assign(
        region_code="64.72.01.1001", import_id=import_id
    )
    with store.transaction(versioned=versioned) as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (?, 'penerima', 'f.csv', 'test', current_timestamp, FALSE)",
            [import_id],
        )
        tx.insert_frame("beneficiaries", frame)


def test_person_keys_are_one_per_person_after_every_write(empty_store):
    store = open_store(empty_store)
    try:
        _listed(store, [("a", "PKH", 2025), ("b", "PKH", 2025), ("a", "BPNT", 2025)], 1)
        keys = dict(store.query("SELECT DISTINCT nik_hash, person_key FROM beneficiaries").itertuples(index=False))
        assert sorted(keys) == ["a", "b"] and len(set(keys.values())) == 2
        _listed(store, [("b", "PKH", 2024), ("c", "PKH", 2024)], 2)  # b keeps its key, c gets a new one
        after = dict(store.query("SELECT DISTINCT nik_hash, person_key FROM beneficiaries").itertuples(index=False))
        assert after["a"] == keys["a"] and after["b"] == keys["b"] and after["c"] > max(keys.values())
        with store.transaction() as tx:  # a and b's 2025 rows go; b's 2024 row keeps its key
            tx.execute("DELETE FROM beneficiaries WHERE import_id = 1")
        _listed(store, [("a", "PKH", 2023)], 3)  # a is new to the store again: a new key
        again = dict(store.query("SELECT DISTINCT nik_hash, person_key FROM beneficiaries").itertuples(index=False))
        assert again["b"] == keys["b"] and again["c"] == after["c"] and again["a"] > after["c"]
        assert _person_key_faults(store) == [0, 0, 0, 0]
    finally:
        store.close()


def test_person_keys_missing_after_an_older_release_are_written_on_open(empty_store):
    store = open_store(empty_store)
    try:
        _listed(store, [("a", "PKH", 2025)], 1)
        _listed(store, [("a", "BPNT", 2025), ("d", "PKH", 2025)], 2, versioned=False)  # as a release before 0011
        assert _person_key_faults(store)[0] == 2 and not derived.is_current(store)
    finally:
        store.close()
    reopened = open_store(empty_store)
    try:
        assert derived.is_current(reopened) and _person_key_faults(reopened) == [0, 0, 0, 0]
        a_keys = reopened.query("SELECT DISTINCT person_key FROM beneficiaries WHERE nik_hash = 'a'")
        assert len(a_keys) == 1
    finally:
        reopened.close()


def _penerima(rows: list[tuple[str, str, int]]) -> bytes:
    lines = [f"{nik},{code},2025,64.02.06.1001,{benefit}" for nik, code, benefit in rows]
    return ("nik,kode_program,tahun,wilayah,nilai_bantuan_rp\n" + "\n".join(lines) + "\n").encode()


def test_person_keys_through_imports_an_update_and_a_rollback(empty_store):
    a, b, c = "6402060101900001", "6402060101900002", "6402060101900003"
    first = _penerima([(a, "A-1", 100), (b, "A-1", 100), (a, "B-2", 100)])
    second = _penerima([(a, "A-1", 250), (c, "A-1", 100)])  # a's row changes, c is new
    store = open_store(empty_store)
    try:
        with store.session(write=True):
            for content in (first, second):
                result = validate("penerima.csv", content, "penerima", nik_key=b"test-key")
                importer.apply(store, result, "tester")
                assert _person_key_faults(store) == [0, 0, 0, 0]
            keys = store.query("SELECT person_key FROM beneficiaries GROUP BY person_key")
            assert len(keys) == 3  # a, b and c
            rollback(store, int(store.scalar("SELECT max(id) FROM imports")), "tester")  # a's old row is back
            assert _person_key_faults(store) == [0, 0, 0, 0]
            assert store.scalar("SELECT count(DISTINCT person_key) FROM beneficiaries") == 2
    finally:
        store.close()


# --- the stored overlap figures (migration 0012) -------------------------------------------------

ROWS, SOURCES = f"({derived.BENEFICIARY_ROWS})", f"({derived.PROGRAM_SOURCES})"
VIEWS = ((derived.PROVINCE_VIEW, "TRUE"), (derived.KABKOTA_VIEW, "b.kabkota_code IS NOT NULL"))
OVERLAP_FRESH = {  # stored table (and kind): the figures of every view computed afresh
    "overlap_counts": [derived.overlap_counts_sql(ROWS, SOURCES, where, view) for view, where in VIEWS],
    **{
        f"{table}:{kind}": [template(ROWS, SOURCES, where, kind, view) for view, where in VIEWS]
        for table, template in (
            ("overlap_pairs", derived.overlap_pairs_sql),
            ("targeting_counts", derived.targeting_sql),
        )
        for kind in derived.PAIR_KINDS
    },
}


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts as whole numbers and texts as texts, whatever type the query gave them."""
    return frame.apply(lambda column: column.astype("Int64") if column.dtype.kind in "iuf" else column.astype(str))


def _overlap_differences(store) -> dict[str, int]:
    """Per stored overlap table (and kind): rows that differ from the figures computed afresh."""
    differences = {}
    for name, fresh in OVERLAP_FRESH.items():
        table, _, kind = name.partition(":")
        kept = store.query(f"SELECT * FROM {table}" + (f" WHERE kind = '{kind}'" if kind else ""))
        kept = kept.drop(columns="kind", errors="ignore")
        again = pd.concat([store.query(sql) for sql in fresh])[list(kept.columns)]
        both = pd.concat([_plain(kept), _plain(again)]).value_counts(dropna=False)
        differences[name] = int((both % 2 == 1).sum()) + abs(len(kept) - len(again))
    kept = store.query(
        "SELECT year, coalesce(kabkota_filter, '-') AS view, people FROM left_out_counts WHERE people > 0"
    )
    years = store.query("SELECT year FROM beneficiaries UNION SELECT year FROM programs")["year"]
    again = [
        [int(year), view, int(people)]
        for year in years
        for view_sql, where in VIEWS
        for view, people in store.query(
            f"SELECT coalesce(kabkota_filter, '-') AS view, people "
            f"FROM ({derived.left_out_sql(ROWS, where, view_sql)}) AS missing",
            [int(year), int(year)],
        ).itertuples(index=False)
    ]
    differences["left_out_counts"] = int(sorted(kept.values.tolist()) != sorted(again))
    provinces = store.scalar("SELECT count(*) FROM left_out_counts WHERE kabkota_filter IS NULL")
    differences["left_out_counts"] += abs(int(provinces) - len(years))  # every year has its province row
    return differences


def test_overlap_figures_follow_every_write(empty_store):
    a, b, c = "6402060101900001", "6402060101900002", "6402060101900003"
    store = open_store(empty_store)
    try:
        _listed(store, [("x", "A-1", 2024), ("x", "B-2", 2024)], 90)  # another year, written without its years
        with store.session(write=True):
            for content in (_penerima([(a, "A-1", 100), (b, "A-1", 100), (a, "B-2", 100)]), _penerima([(c, "B-2", 5)])):
                checked = validate("penerima.csv", content, "penerima", nik_key=b"test-key")
                last = importer.apply(store, checked, "tester")
                assert derived.overlaps_current(store) and not any(_overlap_differences(store).values())
            total = store.query(
                "SELECT coalesce(kabkota_filter, '-'), people, multi_program FROM overlap_counts "
                "WHERE is_total = 1 AND year = 2025 ORDER BY 1"
            )
            assert total.values.tolist() == [["-", 3, 1], ["64.02", 3, 1]]  # the kab/kota filter's, the province's
            pairs = store.query("SELECT year, item_a, item_b, people FROM overlap_pairs WHERE kind = 'program'")
            assert sorted(pairs.values.tolist()) == [[2024, "A-1", "B-2", 1]] * 2 + [[2025, "A-1", "B-2", 1]] * 2
            with store.transaction() as tx:  # a write that touches no source of the figures keeps them current
                tx.execute("UPDATE ppks_counts SET count = count + 1")
            assert derived.overlaps_current(store)
            rollback(store, last.import_id, "tester")  # c leaves again
            assert derived.overlaps_current(store) and not any(_overlap_differences(store).values())
            province = "SELECT people FROM overlap_counts WHERE is_total = 1 AND kabkota_filter IS NULL AND year = 2025"
            assert store.scalar(province) == 2
    finally:
        store.close()


def _older_release_writes(store, *statements: str) -> None:
    """What a process of a release before migration 0012 does: rows and the data version change,
    the stored overlap figures and their stamp do not."""
    with store.transaction(versioned=False) as tx:
        for statement in statements:
            tx.execute(statement)
        tx.execute(BUMP_DATA_VERSION)


def test_stale_overlap_figures_are_not_read_and_are_written_again_on_open(empty_store):
    store = open_store(empty_store)
    try:
        _listed(store, [("a", "PKH", 2024), ("b", "PKH", 2024)], 50)
        assert derived.overlaps_current(store) and Reader(store).stored_overlaps()
        _older_release_writes(
            store,
            "UPDATE beneficiaries SET program_code = 'BPNT' WHERE nik_hash = 'a'",
            "INSERT INTO beneficiaries (nik_hash, person_key, program_code, year, region_code, import_id) "
            "SELECT 'a', min(person_key), 'PKH', 2024, '64.72.01.1001', 50 FROM beneficiaries WHERE nik_hash = 'a'",
        )
        assert not derived.overlaps_current(store) and not derived.is_current(store)
        reader = Reader(store)
        assert not reader.stored_overlaps()
        assert overlaps_by_region(reader, Filters(2024)).total.multi_program == 1  # live: a is in two programs
        stale = "SELECT multi_program FROM overlap_counts WHERE is_total = 1 AND kabkota_filter IS NULL AND year = 2024"
        assert store.scalar(stale) == 0  # stale, unread
        with store.session(write=True):  # an import of 2025 writes 2024's too while they are stale
            content = _penerima([("6402060101900009", "PKH", 100)])
            importer.apply(store, validate("penerima.csv", content, "penerima", nik_key=b"test-key"), "tester")
        assert derived.overlaps_current(store) and not any(_overlap_differences(store).values())
        _listed(store, [("a", "SEMBAKO", 2024)], 99)  # and once current, every write keeps them so
        assert derived.overlaps_current(store) and not any(_overlap_differences(store).values())
    finally:
        store.close()
    reopened = open_store(empty_store)
    try:
        assert derived.is_current(reopened) and not any(_overlap_differences(reopened).values())
        assert overlaps_by_region(Reader(reopened), Filters(2024)).total.multi_program == 1
    finally:
        reopened.close()


def test_overlap_figures_of_removed_rows_are_not_read(empty_store):
    store = open_store(empty_store)
    try:
        _listed(store, [("a", "PKH", 2024), ("a", "BPNT", 2024)], 50)
        assert overlaps_by_region(Reader(store), Filters(2024)).total.multi_program == 1
        _older_release_writes(store, "DELETE FROM beneficiaries")  # every beneficiary removed
        assert not derived.overlaps_current(store)  # no row left, but figures of rows that are gone
        assert overlaps_by_region(Reader(store), Filters(2024)).total.people == 0
    finally:
        store.close()


def test_a_migration_that_changes_rows_writes_the_overlap_figures_again(empty_store, tmp_path):
    store = open_store(empty_store)
    try:
        _listed(store, [("a", "PKH", 2024), ("a", "BPNT", 2024)], 50)
        for path in MIGRATIONS_DIR.glob("*.sql"):
            (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        (tmp_path / "9999_fix_codes.sql").write_text("DELETE FROM beneficiaries WHERE program_code = 'BPNT';\n")
        assert store.migrate(tmp_path) == [9999]  # unversioned: the rows change, the data version does not
        assert derived.overlaps_current(store) and not any(_overlap_differences(store).values())
        assert (
            store.scalar("SELECT multi_program FROM overlap_counts WHERE is_total = 1 AND kabkota_filter IS NULL") == 0
        )
    finally:
        store.close()

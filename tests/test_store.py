import shutil
from pathlib import Path

import pytest

from data_loaders.settings import DEFAULT_DATABASE_URL, database_url
from data_loaders.store import DATA_TABLES, MIGRATIONS_DIR, DuckDBStore, StoreBusyError, StoreError, open_store
from tests.conftest import duckdb_only
from tests.fixture_data import build_fixture

LATEST_MIGRATION = max(int(path.name[:4]) for path in MIGRATIONS_DIR.glob("*.sql"))


def test_default_is_a_duckdb_file_under_data(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url() == DEFAULT_DATABASE_URL
    assert DEFAULT_DATABASE_URL.startswith("duckdb:///") and DEFAULT_DATABASE_URL.endswith("data/sinergi.duckdb")


def test_database_url_setting_chooses_the_store(monkeypatch, tmp_path):
    url = f"duckdb:///{tmp_path / 'elsewhere.duckdb'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = open_store()
    assert store.url == url
    store.close()
    assert (tmp_path / "elsewhere.duckdb").exists()


def test_duckdb_memory_ceiling_defaults_to_512_mb_and_follows_the_setting(monkeypatch, tmp_path):
    monkeypatch.delenv("SINERGI_DB_MEMORY", raising=False)
    store = open_store(f"duckdb:///{tmp_path / 'default.duckdb'}")
    assert store.scalar("SELECT current_setting('memory_limit')") == "488.2 MiB"  # 512.000.000 bytes
    store.close()
    monkeypatch.setenv("SINERGI_DB_MEMORY", "1GB")
    store = open_store(f"duckdb:///{tmp_path / 'larger.duckdb'}")
    assert store.scalar("SELECT current_setting('memory_limit')") == "953.6 MiB"
    store.close()


def test_unsupported_scheme_says_what_to_use():
    with pytest.raises(StoreError, match="duckdb:///"):
        open_store("mysql://localhost/db")


def test_new_store_has_schema_and_reference_data(store_url):
    store = open_store(store_url)
    counts = store.table_counts()
    assert store.schema_version() == LATEST_MIGRATION
    assert counts["regions"] == 1154
    assert counts["ppks_categories"] == 26
    assert counts["funding_sources"] == 7
    assert counts["region_stats"] == 43
    assert not store.has_data()
    names = store.query("SELECT name FROM funding_sources ORDER BY sort_order")["name"].tolist()
    assert names == ["APBN", "APBD Provinsi", "APBD Kabupaten/Kota", "Dana Desa", "CSR/TJSL", "PPM", "Lainnya"]
    store.close()


def test_region_stats_keep_source_and_verification(store_url):
    store = open_store(store_url)
    kubar = store.query(
        "SELECT value, verified, source FROM region_stats WHERE region_code = '64.07' AND year = 2020"
    ).iloc[0]
    assert (kubar["value"], bool(kubar["verified"])) == (172288, False)
    assert "Sensus Penduduk 2020" in kubar["source"]
    province = store.scalar(
        "SELECT value FROM region_stats WHERE region_code = '64' AND metric = 'population' AND year = 2023"
    )
    assert province == 4_030_488
    store.close()


def test_reopening_migrates_nothing_and_keeps_data(fixture_url):
    store = open_store(fixture_url)
    before = store.table_counts()
    assert store.migrate() == []
    store.close()
    store = open_store(fixture_url)
    assert store.table_counts() == before
    store.close()


@duckdb_only
def test_an_upgrade_keeps_existing_data(store_url, tmp_path):
    """A store made by the first release (schema 1) keeps its data when a newer release opens it."""
    first_release = tmp_path / "migrations"
    first_release.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_initial.sql", first_release)
    path = store_url.removeprefix("duckdb:///")
    old = DuckDBStore(store_url, path)
    assert old.migrate(first_release) == [1]
    build_fixture(old)
    data = [*DATA_TABLES, "imports"]
    before = {table: old.count(table) for table in data}
    old.close()
    store = open_store(store_url)
    assert store.schema_version() == LATEST_MIGRATION
    assert {table: store.count(table) for table in data} == before
    assert store.count("indicator_definitions") == 10  # the newer release's reference data arrives too
    assert store.query("SELECT rows_deleted, status FROM imports").iloc[0].tolist() == [0, "committed"]
    assert store.count("programs_changes") == 0
    store.close()


def test_a_failing_migration_changes_nothing(fixture_url, tmp_path):
    broken = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, broken)
    (broken / "0099_broken.sql").write_text("ALTER TABLE programs ADD COLUMN note TEXT;\nSELECT * FROM nowhere;\n")
    store = open_store(fixture_url)
    with pytest.raises(Exception, match="nowhere"):
        store.migrate(broken)
    assert store.schema_version() == LATEST_MIGRATION
    assert "note" not in store.query("SELECT * FROM programs LIMIT 0").columns
    store.close()


def test_failed_transaction_leaves_the_store_as_it_was(fixture_store):
    before = fixture_store.table_counts()
    version = fixture_store.data_version()
    with pytest.raises(Exception, match=r"duplicate key|PRIMARY KEY|Constraint"), fixture_store.transaction() as tx:
        tx.execute("DELETE FROM ppks_counts")
        tx.execute(
            "INSERT INTO programs (id, program_code, year, name, implementer, import_id) "
            "VALUES (1, 'X', 2025, 'dup', 'x', 1)"
        )
    assert fixture_store.table_counts() == before
    assert fixture_store.data_version() == version


def test_committed_write_bumps_the_data_version(fixture_store):
    version = fixture_store.data_version()
    with fixture_store.transaction() as tx:
        tx.execute("UPDATE programs SET status = 'selesai' WHERE id = 2")
    assert fixture_store.data_version() == version + 1


@duckdb_only
def test_second_process_gets_a_clear_message(store_url):
    import os
    import subprocess
    import sys

    store = open_store(store_url)
    code = (
        "from data_loaders.store import open_store, StoreBusyError\n"
        f"try:\n    open_store({store_url!r})\nexcept StoreBusyError as e:\n    print('BUSY', e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "SINERGI_DB_WAIT": "1"},
        timeout=60,
    )
    store.close()
    assert "BUSY" in result.stdout
    assert "sedang dipakai proses lain" in result.stdout
    assert StoreBusyError.__doc__

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from data_loaders.demo import YEARS, build_demo
from data_loaders.store import StoreError, open_store
from domain.filters import Filters
from domain.overview import figures
from domain.reader import Reader

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = open_store(f"duckdb:///{tmp_path_factory.mktemp('demo') / 'demo.duckdb'}")
    summary = build_demo(store, seed=7, beneficiaries=20_000)
    yield store, summary
    store.close()


def test_demo_fills_every_data_table(demo_store):
    store, summary = demo_store
    counts = store.table_counts()
    assert counts["beneficiaries"] == 20_000
    for table in ("partners", "programs", "program_allocations", "ppks_counts", "indicators"):
        assert counts[table] > 0, table
    assert summary.counts["beneficiaries"] == 20_000


def test_demo_covers_the_years_sources_and_national_programs(demo_store):
    store, _ = demo_store
    years = store.query("SELECT DISTINCT year FROM programs ORDER BY year")["year"].tolist()
    assert tuple(years) == YEARS
    sources = set(store.query("SELECT DISTINCT funding_source FROM program_allocations")["funding_source"])
    assert {"APBN", "APBD_PROV", "APBD_KABKOTA", "DANA_DESA", "CSR", "PPM"} <= sources
    names = set(store.query("SELECT DISTINCT name FROM programs")["name"])
    for program in ("PKH", "Program Sembako", "PBI-JK", "ATENSI", "RS-RTLH", "BLT Dana Desa"):
        assert any(program in name for name in names), program
    sectors = set(store.query("SELECT sector FROM partners")["sector"])
    assert {
        "Pertambangan Batubara",
        "Migas",
        "Pupuk/Petrokimia",
        "Perkebunan Sawit",
        "Kehutanan",
        "Perbankan",
    } <= sectors


def test_demo_ppks_covers_all_kabkota_and_scales_with_poverty(demo_store):
    store, _ = demo_store
    need = store.query(
        "SELECT r.kabkota_code, sum(c.count) AS n FROM ppks_counts c JOIN regions r ON r.code = c.region_code "
        "WHERE c.year = 2024 AND c.ppks_category_id = 24 GROUP BY 1"
    ).set_index("kabkota_code")["n"]
    assert len(need) == 10
    # Fakir miskin follow the real BPS 2024 poor-people counts: Kukar (59,000) far above Bontang (7,110).
    assert need["64.02"] == pytest.approx(59_000, rel=0.05)
    assert need["64.74"] == pytest.approx(7_110, rel=0.05)
    levels = set(
        store.query("SELECT DISTINCT r.level FROM ppks_counts c JOIN regions r ON r.code = c.region_code")["level"]
    )
    assert levels == {"kecamatan"}


def test_demo_beneficiaries_are_pseudonymised_and_overlap(demo_store):
    store, _ = demo_store
    rows = store.query("SELECT * FROM beneficiaries")
    assert rows["nik_hash"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert not any(re.fullmatch(r"\d{16}", str(value)) for value in rows.astype(str).to_numpy().ravel())
    per_person = rows[rows.year == 2025].groupby("nik_hash")["program_code"].nunique()
    assert (per_person >= 2).sum() > 0.2 * len(per_person)
    levels = set(
        store.query("SELECT DISTINCT r.level FROM beneficiaries b JOIN regions r ON r.code = b.region_code")["level"]
    )
    assert levels == {"desa_kelurahan"}


def test_demo_reached_matches_beneficiary_rows(demo_store):
    store, _ = demo_store
    reached = store.scalar(
        "SELECT sum(a.reached_beneficiaries) FROM program_allocations a JOIN programs p ON p.id = a.program_id "
        "WHERE p.year = 2025 AND p.program_code = 'PKH'"
    )
    rows = store.scalar("SELECT count(*) FROM beneficiaries WHERE year = 2025 AND program_code = 'PKH'")
    assert reached == rows > 0


def test_demo_is_marked_as_sample(demo_store):
    store, summary = demo_store
    imports = store.query("SELECT * FROM imports")
    assert imports["is_sample"].tolist() == [True]
    assert store.scalar("SELECT count(*) FROM programs WHERE import_id <> ?", [summary.import_id]) == 0


def test_demo_is_deterministic(tmp_path):
    totals = []
    for name in ("a", "b"):
        store = open_store(f"duckdb:///{tmp_path / name}.duckdb")
        build_demo(store, seed=11, beneficiaries=2_000)
        totals.append(
            (
                figures(Reader(store), Filters(2024)),
                store.table_counts(),
                store.query("SELECT nik_hash FROM beneficiaries ORDER BY 1")["nik_hash"].tolist(),
            )
        )
        store.close()
    assert totals[0] == totals[1]


def test_rebuilding_replaces_the_sample(demo_store):
    store, _ = demo_store
    build_demo(store, seed=8, beneficiaries=1_000)
    assert store.count("beneficiaries") == 1_000
    assert store.count("imports") == 1


def test_demo_refuses_a_store_with_imported_data(fixture_store):
    before = fixture_store.table_counts()
    with pytest.raises(StoreError, match="tidak dicampur"):
        build_demo(fixture_store, beneficiaries=100)
    assert fixture_store.table_counts() == before


def _cli(*args, url):
    return subprocess.run(
        [sys.executable, "-m", "data_loaders", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**__import__("os").environ, "DATABASE_URL": url},
        timeout=300,
    )


def test_cli_demo_then_stats_json(store_url):
    demo = _cli("demo", "--seed", "3", "--beneficiaries", "5000", url=store_url)
    assert demo.returncode == 0, demo.stderr
    assert "Data contoh dibuat (seed 3)" in demo.stdout
    stats = _cli("stats", "--json", url=store_url)
    assert stats.returncode == 0, stats.stderr
    counts = json.loads(stats.stdout)
    assert counts["beneficiaries"] == 5000
    assert counts["regions"] == 1154
    assert set(counts) >= {
        "regions",
        "region_stats",
        "ppks_categories",
        "funding_sources",
        "programs",
        "program_allocations",
        "ppks_counts",
        "partners",
        "beneficiaries",
        "indicators",
        "imports",
    }


def test_cli_usage_errors_exit_2(store_url):
    assert _cli("bogus", url=store_url).returncode == 2
    assert _cli("demo", "--beneficiaries", "many", url=store_url).returncode == 2


def test_cli_resolve(store_url):
    ok = _cli("resolve", "Kukar", url=store_url)
    assert ok.returncode == 0 and ok.stdout.startswith("64.02\t6403\tKabupaten Kutai Kartanegara")
    wrong = _cli("resolve", "Kutai Kartanegra", url=store_url)
    assert wrong.returncode == 1 and "Maksud Anda" in wrong.stderr

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from data_loaders.demo import PROPOSAL_YEAR, YEARS, build_demo
from data_loaders.importer import remove_sample
from data_loaders.store import StoreError, open_store
from data_loaders.values import partner_key
from domain.filters import Filters
from domain.gaps import area_categories
from domain.overview import available_years, default_year, figures
from domain.reader import Reader
from tests.conftest import app_test

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
    assert tuple(years) == (*YEARS, PROPOSAL_YEAR)
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
        "SELECT r.kabkota_code, c.unit, sum(c.count) AS n FROM ppks_counts c JOIN regions r ON r.code = c.region_code "
        "WHERE c.year = 2024 AND c.ppks_category_id = 24 GROUP BY 1, 2"
    ).set_index("kabkota_code")
    assert len(need) == 10 and set(need["unit"]) == {"KK"}
    # Fakir miskin follow the real BPS 2024 poor-people counts, in households of 3.6 persons:
    # Kukar 59,000 ÷ 3.6 = 16,389 KK, far above Bontang 7,110 ÷ 3.6 = 1,975 KK.
    assert need.loc["64.02", "n"] == pytest.approx(16_389, rel=0.05)
    assert need.loc["64.74", "n"] == pytest.approx(1_975, rel=0.05)
    levels = set(
        store.query("SELECT DISTINCT r.level FROM ppks_counts c JOIN regions r ON r.code = c.region_code")["level"]
    )
    assert levels == {"kecamatan"}


def test_demo_beneficiaries_are_pseudonymised_and_overlap(demo_store):
    store, _ = demo_store
    rows = store.query("SELECT * FROM beneficiaries")
    assert rows["nik_hash"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert not any(re.fullmatch(r"\d{16}", str(value)) for value in rows.astype(str).to_numpy().ravel())
    assert not rows.duplicated(["nik_hash", "program_code", "year"]).any()  # no index refuses it (migration 0013)
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


# --- the forum's story (issue 13) ------------------------------------------------------------------


@pytest.fixture(scope="module")
def default_sample(tmp_path_factory):
    """The sample exactly as `python -m data_loaders demo` builds it (seed 2026, 200,000 rows)."""
    store = open_store(f"duckdb:///{tmp_path_factory.mktemp('default') / 'default.duckdb'}")
    build_demo(store)
    yield store
    store.close()


def test_the_gap_page_names_a_handful_of_places_to_act(default_sample):
    cells = area_categories(Reader(default_sample), Filters(2025))
    table = cells.table.set_index(["area_name", "ppks_category_id"])
    with_need = int((cells.table["need"].fillna(0) > 0).sum())
    assert 0.15 <= cells.gaps / with_need <= 0.30  # before: 227 of 260 cells
    # The planned gaps: the interior's Komunitas Adat Terpencil, the elderly and persons with
    # disabilities of Kutai Timur, street children in Paser (services absent there).
    for cell in [("Kutai Barat", 26), ("Mahakam Ulu", 26), ("Kutai Timur", 8), ("Kutai Timur", 9), ("Paser", 4)]:
        assert table.loc[cell, "gap"], cell
    # The overlaps, each explained by a company spending where need is met.
    assert set(cells.table.loc[cells.table["overlap"], ["area_name", "ppks_category_id"]].itertuples(index=False)) == {
        ("Bontang", 8),  # two Bontang companies and the state support the elderly
        ("Balikpapan", 16),  # a CSR program beside the city's own for people with HIV
        ("Samarinda", 4),  # a CSR shelter beside the city's street outreach
        ("Kutai Kartanegara", 23),  # CSR training beside the kabupaten's own for poor women
        ("Bontang", 24),  # CSR food packages on top of the national programs
        ("Paser", 24),
    }
    # National programs reach about half the poor households everywhere: no fakir miskin gap.
    poor = cells.table[cells.table["ppks_category_id"] == 24]
    assert set(poor["unit"]) == {"KK"} and not poor["gap"].any() and (poor["coverage"] > 0.4).all()


def test_national_programs_reach_most_of_the_poorest_in_every_kabkota(default_sample):
    store = default_sample
    shares = store.query(
        """WITH poorest AS (SELECT DISTINCT nik_hash, substr(region_code, 1, 5) AS kabkota FROM beneficiaries
                            WHERE decile <= 2),
                reached AS (SELECT DISTINCT nik_hash FROM beneficiaries
                            WHERE year = 2025 AND program_code IN ('PKH', 'SEMBAKO'))
           SELECT kabkota, avg(CASE WHEN r.nik_hash IS NULL THEN 0 ELSE 1 END) AS share
           FROM poorest p LEFT JOIN reached r USING (nik_hash) GROUP BY 1"""
    )
    assert len(shares) == 10 and (shares["share"] > 0.85).all()


def test_food_packages_share_their_people_with_program_sembako(default_sample):
    store = default_sample
    # 200,000 rows over 4 years: 50,000 a year; each package takes 0.4 % of them, 200 households.
    packages = store.query(
        "SELECT program_code, count(*) AS n FROM beneficiaries WHERE year = 2025 AND program_code LIKE '%-PANGAN' "
        "GROUP BY 1 ORDER BY 1"
    )
    assert packages["program_code"].tolist() == ["BARA-SANGATTA-SEJAHTERA-PANGAN", "PUPUK-ETAM-NUSANTARA-PANGAN"]
    assert packages["n"].tolist() == [200, 200]
    shared = store.scalar(
        "SELECT count(*) FROM (SELECT nik_hash FROM beneficiaries WHERE year = 2025 AND program_code LIKE '%-PANGAN' "
        "INTERSECT SELECT nik_hash FROM beneficiaries WHERE year = 2025 AND program_code = 'SEMBAKO')"
    )
    assert shared == 400
    reached = store.scalar(
        "SELECT sum(a.reached_beneficiaries) FROM program_allocations a JOIN programs p ON p.id = a.program_id "
        "WHERE p.year = 2025 AND p.program_code LIKE '%-PANGAN'"
    )
    assert reached == 400


def test_name_variants_resolve_to_one_partner(default_sample):
    store = default_sample
    spellings = store.query(
        "SELECT DISTINCT p.implementer FROM programs p JOIN partners c ON c.id = p.partner_id "
        "WHERE c.name = 'PT Pupuk Etam Nusantara'"
    )["implementer"]
    assert set(spellings) == {
        "PT Pupuk Etam Nusantara",
        "PT. Pupuk Etam Nusantara",
        "Pupuk Etam Nusantara, PT",
        "PT Pupuk Etam Nusantara (Persero)",
    }
    assert {partner_key(name) for name in spellings} == {"pupuk etam nusantara"}
    partners = store.query("SELECT kind, forum_member FROM partners")
    assert store.count("partners") == 9 and set(partners["kind"]) == {"BUMN", "BUMD", "Swasta"}
    assert set(partners["forum_member"]) == {True, False}


def test_next_year_holds_only_proposals_and_is_not_opened_by_default(default_sample):
    store = default_sample
    proposals = store.query(
        "SELECT p.program_code, p.status, p.ppks_category_id, r.kabkota_code, a.funding_source, a.spent_idr, "
        "a.reached_beneficiaries FROM programs p JOIN program_allocations a ON a.program_id = p.id "
        "JOIN regions r ON r.code = a.region_code WHERE p.year = ?",
        [PROPOSAL_YEAR],
    )
    assert set(proposals["status"]) == {"usulan"}
    assert proposals["spent_idr"].isna().all() and proposals["reached_beneficiaries"].isna().all()
    assert set(proposals["funding_source"]) == {"APBN", "APBD_PROV", "APBD_KABKOTA", "CSR", "PPM"}
    same_cell = proposals.groupby(["kabkota_code", "ppks_category_id"])["program_code"].nunique()
    assert same_cell[same_cell > 1].index.tolist() == [("64.07", 26)]  # Kutai Barat's KAT, twice
    reader = Reader(store)
    assert available_years(reader) == (*YEARS, PROPOSAL_YEAR)
    assert default_year(reader) == YEARS[-1]
    assert figures(reader, Filters(PROPOSAL_YEAR)).budget_idr == pytest.approx(
        store.scalar(
            "SELECT sum(a.budget_idr) FROM program_allocations a JOIN programs p ON p.id = a.program_id "
            "WHERE p.year = ?",
            [PROPOSAL_YEAR],
        )
    )


def test_catalogue_items_are_costed_gaps_partly_adopted(default_sample):
    store = default_sample
    items = store.query("SELECT * FROM catalogue_items ORDER BY id")
    adoptions = store.query("SELECT * FROM catalogue_adoptions ORDER BY id")
    assert items["is_sample"].all() and adoptions["is_sample"].all()
    assert items["status"].tolist() == ["terbit"] * 5 + ["draf"]
    assert set(items["year"]) == {PROPOSAL_YEAR}
    assert (items["amount_idr"] == items["quantity"] * items["unit_cost_idr"]).all()
    cells = area_categories(Reader(store), Filters(YEARS[-1])).table.set_index(["area_code", "ppks_category_id"])
    for item in items.itertuples():
        cell = cells.loc[(item.region_code, item.ppks_category_id)]
        assert cell["gap"], item.title
        # Enough people to lift coverage to 50 %, rounded up to tens: e.g. need 674, reached 110 →
        # 674 × 0.5 − 110 = 227 → 230 jiwa.
        quantity = -(-(cell["need"] * 0.5 - cell["reached"]) // 10) * 10
        assert item.quantity == quantity, item.title
        assert f"{int(quantity):,} jiwa × Rp{item.unit_cost_idr:,} = Rp{item.amount_idr:,}.".replace(",", ".") in (
            item.basis
        )
    funded = adoptions[adoptions["status"] != "batal"].groupby("item_id")["amount_idr"].agg(["sum", "count"])
    amounts = items.set_index("id")["amount_idr"]
    assert (funded["sum"] == amounts[funded.index]).sum() == 1  # one item fully funded
    assert (funded["count"] == 2).sum() == 1  # one co-funded by two companies
    assert (funded["sum"] <= amounts[funded.index]).all()  # none over-funded
    linked = adoptions[adoptions["program_id"].notna()]
    assert len(linked) == 1
    program = store.query(
        "SELECT p.year, p.status, p.partner_id, sum(a.budget_idr) AS budget FROM programs p "
        "JOIN program_allocations a ON a.program_id = p.id WHERE p.id = ? GROUP BY 1, 2, 3",
        [int(linked["program_id"].iloc[0])],
    ).iloc[0]
    assert (program["year"], program["status"], program["partner_id"]) == (
        PROPOSAL_YEAR,
        "usulan",
        linked["partner_id"].iloc[0],
    )
    assert program["budget"] == linked["amount_idr"].iloc[0]


def test_companies_aligned_and_not(default_sample):
    store = default_sample
    cells = area_categories(Reader(store), Filters(2025)).table.set_index(["area_code", "ppks_category_id"])
    money = store.query(
        "SELECT c.name, c.operating_regions, p.ppks_category_id, r.kabkota_code, a.funding_source, "
        "coalesce(a.spent_idr, a.budget_idr) AS amount FROM program_allocations a "
        "JOIN programs p ON p.id = a.program_id JOIN partners c ON c.id = p.partner_id "
        "JOIN regions r ON r.code = a.region_code WHERE p.year = 2025"
    )
    money["gap"] = [
        not pd.isna(c) and bool(cells["gap"].get((k, int(c)), False))
        for k, c in zip(money["kabkota_code"], money["ppks_category_id"], strict=True)
    ]
    money["inside"] = [
        k in regions.split(";") for k, regions in zip(money["kabkota_code"], money["operating_regions"], strict=True)
    ]
    gap_share = money[money["gap"]].groupby("name")["amount"].sum() / money.groupby("name")["amount"].sum()
    gap_share = gap_share.fillna(0)
    for aligned in ("PT Rimba Lestari Kalimantan", "PT Sawit Benua Etam", "PT Bara Sangatta Sejahtera"):
        assert gap_share[aligned] > 0.75, aligned
    for not_aligned in ("PT Kilang LNG Etam", "PT Batubara Paser Lestari", "PT Migas Delta Mahakam"):
        assert gap_share[not_aligned] == 0, not_aligned
    outside = money[~money["inside"]]
    assert set(outside["name"]) == {"PT Tambang Mahakam Berjaya"}
    assert set(money["funding_source"]) == {"CSR", "PPM"}


def test_removing_the_sample_removes_the_catalogue(tmp_path):
    store = open_store(f"duckdb:///{tmp_path / 'remove.duckdb'}")
    build_demo(store, seed=5, beneficiaries=2_000)
    assert store.count("catalogue_items") == 6 and store.count("catalogue_adoptions") == 4
    remove_sample(store)
    assert store.count("catalogue_items") == 0 and store.count("catalogue_adoptions") == 0
    assert store.count("programs") == 0
    store.close()


def test_the_sidebar_opens_on_the_latest_year_with_realised_data(default_sample, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", default_sample.url)
    at = app_test()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    year = next(box for box in at.selectbox if box.key == "tahun")
    assert str(year.value) == "2025" and year.options == ["2022", "2023", "2024", "2025", "2026"]

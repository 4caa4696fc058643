"""`python -m data_loaders summary` on a hand-made store: jiwa and KK programs, a co-financed
program, a lembaga program, a PPM pledge, another year, and need sent at kecamatan level and again
as a kabupaten/kota total. Every expected value is worked out by hand below."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from data_loaders.__main__ import main
from data_loaders.store import open_store

PROGRAMS = [
    # id, code, year, name, implementer, ppks, unit
    (1, "PKH", 2025, "PKH", "Kementerian Sosial", 24, "KK"),
    (2, "RLH", 2025, "Rumah Layak Huni", "Dinas Sosial Provinsi", 24, "KK"),
    (3, "ATENSI", 2025, "ATENSI Fakir Miskin", "Kementerian Sosial", 24, "jiwa"),
    (4, "PANTI", 2025, "Panti Sosial", "Dinas Sosial Provinsi", 8, "lembaga"),
    (5, "SANTUNAN", 2024, "Santunan", "Dinas Sosial Kukar", 9, "jiwa"),
    (6, "PPM-BEA", 2025, "Beasiswa PPM", "PT Tambang Contoh", 2, "jiwa"),
]
ALLOCATIONS = [
    # program, region, source, budget, committed, spent, target, reached
    (1, "64.02", "APBN", 1_000_000_000, None, 900_000_000, 400, 380),  # KK, placed at kab/kota level
    (2, "64.08.04", "APBD_PROV", 400_000_000, None, 350_000_000, 10, 8),  # KK, co-financed:
    (2, "64.08.04", "CSR", 600_000_000, 600_000_000, 500_000_000, 10, 8),  # people count once
    (3, "64.72.01", "APBN", 300_000_000, None, 250_000_000, 200, 150),  # jiwa
    (4, "64.72", "APBD_PROV", 200_000_000, None, 200_000_000, 5, 5),  # lembaga: no people
    (5, "64.02", "APBD_KABKOTA", 100_000_000, None, 100_000_000, 100, 100),  # 2024
    (6, "64.08", "PPM", 50_000_000, 40_000_000, 30_000_000, 100, 90),  # jiwa, a PPM pledge
]
NEED = [
    # year, region, category, count, unit
    (2025, "64.02.06", 24, 3_000, "jiwa"),
    (2025, "64.02.07", 24, 2_000, "jiwa"),
    (2025, "64.02", 24, 5_200, "jiwa"),  # Kukar's total: its 2 of 20 kecamatan do not cover it, so they are set aside
    (2025, "64.72.01", 24, 1_000, "jiwa"),
    (2025, "64.08", 24, 800, "KK"),  # need counted in households
    (2024, "64.02", 24, 4_000, "jiwa"),
]

# 2025, province, all sources:
BUDGET = 1_000_000_000 + 400_000_000 + 600_000_000 + 300_000_000 + 200_000_000 + 50_000_000  # 2.55 M
SPENT = 900_000_000 + 350_000_000 + 500_000_000 + 250_000_000 + 200_000_000 + 30_000_000  # 2.23 M
COMMITTED = 600_000_000 + 40_000_000  # CSR and PPM only
PPKS_JIWA = 5_200 + 1_000  # Kukar's total, not also its two kecamatan; Samarinda's kecamatan
REACHED_JIWA = 150 + 90
REACHED_KK = 380 + 8  # the co-financed RLH counts its 8 households once


@pytest.fixture
def summary_store(tmp_path, monkeypatch) -> str:
    url = f"duckdb:///{tmp_path / 'summary.duckdb'}"
    store = open_store(url)
    programs = pd.DataFrame(
        PROGRAMS, columns=["id", "program_code", "year", "name", "implementer", "ppks_category_id", "beneficiary_unit"]
    )
    allocations = pd.DataFrame(
        ALLOCATIONS,
        columns=[
            "program_id",
            "region_code",
            "funding_source",
            "budget_idr",
            "committed_idr",
            "spent_idr",
            "target_beneficiaries",
            "reached_beneficiaries",
        ],
    )
    need = pd.DataFrame(NEED, columns=["year", "region_code", "ppks_category_id", "count", "unit"])
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (1, 'program', 'rekap_2025.xlsx', 'test', ?, FALSE)",
            [dt.datetime(2026, 2, 1, 8, 0)],
        )
        tx.insert_frame("programs", programs.assign(import_id=1))
        tx.insert_frame("program_allocations", allocations.assign(import_id=1))
        tx.insert_frame("ppks_counts", need.assign(import_id=1))
    store.close()
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def summary(capsys, *args: str) -> dict:
    assert main(["summary", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_summary_of_the_province(summary_store, capsys):
    record = summary(capsys, "--year", "2025")
    assert record["year"] == 2025
    assert record["region_code"] == "64"
    assert record["budget_idr"] == BUDGET == 2_550_000_000
    assert record["spent_idr"] == SPENT == 2_230_000_000
    assert record["committed_idr"] == COMMITTED
    assert record["realisation"] == pytest.approx(2_230 / 2_550)
    assert record["programs"] == 5
    assert record["ppks_jiwa"] == PPKS_JIWA == 6_200
    assert record["ppks_kk"] == 800
    assert (record["need_set_aside_jiwa"], record["need_set_aside_kk"]) == (5_000, 0)
    assert record["need_levels"] == ["kabupaten_kota", "kecamatan"]
    assert record["reached_jiwa"] == REACHED_JIWA == 240
    assert record["reached_kk"] == REACHED_KK == 388
    assert record["target_jiwa"] == 300
    assert record["target_kk"] == 410
    # Only ATENSI (the poor, 150 persons in Samarinda) meets need of its category and unit; the PPM
    # scholarship (category 2, no need recorded) does not count toward coverage.
    assert (record["reached_in_need_jiwa"], record["reached_in_need_kk"]) == (150, 8)
    assert record["coverage_basis"] == "jiwa"
    assert record["coverage"] == pytest.approx(150 / 6_200)
    assert record["coverage_kk"] == pytest.approx(8 / 800)  # Kutim's KK need meets the RLH households
    assert record["data_as_of"] == "2026-02-01T08:00:00"


def test_summary_of_one_kabupaten_by_alias_and_source(summary_store, capsys):
    kukar = summary(capsys, "--year", "2025", "--wilayah", "Kukar")
    assert kukar["region_code"] == "64.02"
    assert kukar["ppks_jiwa"] == 5_200  # the kab/kota total, not also its two kecamatan
    assert kukar["reached_kk"] == 380
    assert kukar["coverage_basis"] == "jiwa"
    assert kukar["coverage"] == 0.0  # households reached are not compared with persons in need
    kutim_csr = summary(capsys, "--year", "2025", "--wilayah", "64.08", "--sumber", "CSR/TJSL")
    assert kutim_csr["budget_idr"] == 600_000_000
    assert kutim_csr["committed_idr"] == 600_000_000
    assert kutim_csr["reached_kk"] == 8
    assert kutim_csr["ppks_kk"] == 800
    assert kutim_csr["coverage_basis"] == "KK"
    assert kutim_csr["coverage"] == pytest.approx(8 / 800)
    earlier = summary(capsys, "--year", "2024", "--wilayah", "Kutai Kartanegara")
    assert earlier["budget_idr"] == 100_000_000
    assert earlier["reached_jiwa"] == 100
    assert earlier["ppks_jiwa"] == 4_000
    assert earlier["coverage"] == 0.0  # Santunan serves persons with disabilities, the need is the poor


def test_summary_refuses_unknown_region_and_year(summary_store, capsys):
    assert main(["summary", "--year", "2025", "--wilayah", "Kutai Kartanegaraa"]) == 1
    assert "Kabupaten Kutai Kartanegara" in capsys.readouterr().err
    assert main(["summary", "--year", "2019"]) == 1
    assert "2024, 2025" in capsys.readouterr().err
    assert main(["summary", "--year", "2025", "--wilayah", "Kecamatan Anggana"]) == 1
    assert "kabupaten/kota" in capsys.readouterr().err


def test_summary_table_reads_in_indonesian(summary_store, capsys):
    assert main(["summary", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Rp2.550.000.000" in out
    assert "2,4 %" in out  # coverage, 150 ÷ 6.200

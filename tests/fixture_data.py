"""A small hand-made data set with sums worked out by hand, for tests that check figures.

2025, whole province, all sources:
  planned   1,000,000,000 + 500,000,000 (PKH) + 400,000,000 + 600,000,000 (RLH) + 100,000,000 (beasiswa)
          = 2,600,000,000
  spent     900,000,000 + 450,000,000 + 350,000,000 + 500,000,000 = 2,200,000,000
  committed 600,000,000 + 100,000,000 = 700,000,000
  programs  3 (PKH in two places counts once; RLH with two sources counts once)
  people    target 400 + 200 + 10 (RLH, once) + 50 = 660; reached 380 + 190 + 8 = 578
  PPKS      5,000 + 3,000 + 1,000 = 9,000
2024: one program (Santunan, 200,000,000 planned and spent, 100 of 100 people), PPKS 5,200.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from data_loaders.store import Store

PROGRAMS = [
    # id, code, year, name, implementer, ppks, assistance, unit, status
    (1, "PKH", 2025, "Program Keluarga Harapan (PKH)", "Kementerian Sosial", 24, "Tunai", "KK", "selesai"),
    (
        2,
        "RLH",
        2025,
        "Rumah Layak Huni Terpadu",
        "Dinas Sosial Provinsi Kalimantan Timur",
        24,
        "Rumah (RTLH)",
        "KK",
        "berjalan",
    ),
    (
        3,
        "SANTUNAN",
        2024,
        "Santunan Penyandang Disabilitas",
        "Dinas Sosial Kabupaten Kutai Kartanegara",
        9,
        "Tunai",
        "jiwa",
        "selesai",
    ),
    (4, "BEASISWA", 2025, "Beasiswa Anak", "PT Contoh Sejahtera", 2, "Lainnya", "jiwa", "komitmen"),
]
ALLOCATIONS = [
    # program, region, source, budget, committed, spent, target, reached
    (1, "64.02", "APBN", 1_000_000_000, None, 900_000_000, 400, 380),
    (1, "64.72", "APBN", 500_000_000, None, 450_000_000, 200, 190),
    (2, "64.08.04", "APBD_PROV", 400_000_000, None, 350_000_000, 10, 8),
    (2, "64.08.04", "CSR", 600_000_000, 600_000_000, 500_000_000, 10, 8),
    (3, "64.02", "APBD_KABKOTA", 200_000_000, None, 200_000_000, 100, 100),
    (4, "64.72.01", "CSR", 100_000_000, 100_000_000, None, 50, None),
]
PPKS = [
    (2025, "64.02.06", 24, 5_000),
    (2025, "64.72.01", 24, 3_000),
    (2025, "64.72.01", 2, 1_000),
    (2024, "64.02.06", 24, 5_200),
]
IMPORTED_AT = dt.datetime(2026, 3, 2, 9, 30)


def build_fixture(store: Store) -> None:
    programs = pd.DataFrame(
        PROGRAMS,
        columns=[
            "id",
            "program_code",
            "year",
            "name",
            "implementer",
            "ppks_category_id",
            "assistance_type",
            "beneficiary_unit",
            "status",
        ],
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
    ppks = pd.DataFrame(PPKS, columns=["year", "region_code", "ppks_category_id", "count"]).assign(
        unit="jiwa", data_source="Pendataan Dinsos 2025"
    )
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (1, 'program', 'program_2025.xlsx', 'test', ?, FALSE)",
            [IMPORTED_AT],
        )
        tx.insert_frame("programs", programs.assign(import_id=1))
        tx.insert_frame("program_allocations", allocations.assign(import_id=1))
        tx.insert_frame("ppks_counts", ppks.assign(import_id=1))

"""Loads the shipped reference data (regions, population and poverty facts, PPKS categories,
funding sources) into the store, so queries can join on them."""

from __future__ import annotations

import csv

import pandas as pd

from common.colors import FUNDING_SOURCES
from data_loaders.regions import PROVINCE_CODE, REFERENCE_DIR, all_regions, kabkota_facts
from data_loaders.store import Store

# Bump when a reference file changes, so existing stores reload it on their next start.
REFERENCE_VERSION = "2026-11-28.2"

SOURCE_SP2020 = "BPS, Sensus Penduduk 2020"
SOURCE_POP_2023 = "BPS, estimasi pertengahan 2023 (Kalimantan Timur Dalam Angka 2024)"
SOURCE_POVERTY_2024 = "BPS, Susenas Maret 2024"

# Province totals: kaltim-facts §2.1 (sums of the ten kab/kota match BPS) and §3.1 (BPS release 2024/07/01/1126).
PROVINCE_STATS = (
    (2020, "population", 3_766_039, SOURCE_SP2020),
    (2023, "population", 4_030_488, SOURCE_POP_2023),
    (2024, "poor_people", 221_340, SOURCE_POVERTY_2024),
    (2024, "poverty_rate_pct", 5.78, SOURCE_POVERTY_2024),
)


def ppks_categories() -> pd.DataFrame:
    with open(REFERENCE_DIR / "ppks_categories.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return pd.DataFrame(
        {
            "id": [int(row["id"]) for row in rows],
            "name": [row["name"] for row in rows],
            "abbreviation": [row["abbreviation"] or None for row in rows],
            "abbreviation_official": [row["abbreviation_official"] == "true" for row in rows],
        }
    )


def region_stats() -> pd.DataFrame:
    rows = [(PROVINCE_CODE, year, metric, value, True, source) for year, metric, value, source in PROVINCE_STATS]
    for fact in kabkota_facts():
        rows.append(
            (fact.code, 2020, "population", fact.population_2020, not fact.is_unverified("pop 2020"), SOURCE_SP2020)
        )
        rows.append(
            (
                fact.code,
                fact.population_latest_year,
                "population",
                fact.population_latest,
                not fact.is_unverified("pop 2023"),
                SOURCE_POP_2023,
            )
        )
        if fact.poor_people_thousand is not None:
            rows.append(
                (
                    fact.code,
                    fact.poverty_year,
                    "poor_people",
                    fact.poor_people_thousand * 1000,
                    not fact.is_unverified("poverty"),
                    SOURCE_POVERTY_2024,
                )
            )
        rows.append(
            (
                fact.code,
                fact.poverty_year,
                "poverty_rate_pct",
                fact.poverty_rate_pct,
                not fact.is_unverified("poverty"),
                SOURCE_POVERTY_2024,
            )
        )
    return pd.DataFrame(rows, columns=["region_code", "year", "metric", "value", "verified", "source"])


def regions_frame() -> pd.DataFrame:
    area = {fact.code: fact.area_km2 for fact in kabkota_facts()}
    area[PROVINCE_CODE] = sum(area.values())
    return pd.DataFrame(
        [
            {
                "code": region.code,
                "bps_code": region.bps_code,
                "name": region.name,
                "kind": region.kind,
                "level": region.level,
                "parent_code": region.parent_code,
                "kabkota_code": region.kabkota_code,
                "area_km2": area.get(region.code),
                "lat": region.lat,
                "lng": region.lng,
            }
            for region in all_regions()
        ]
    )


def ensure_reference_data(store: Store) -> bool:
    """Load the reference tables if the store has none or an older version; True if it loaded."""
    current = store.scalar("SELECT value FROM meta WHERE key = 'reference_version'")
    if current == REFERENCE_VERSION:
        return False
    sources = pd.DataFrame(
        [(code, name, order) for order, (code, name, _) in enumerate(FUNDING_SOURCES)],
        columns=["code", "name", "sort_order"],
    )
    with store.transaction() as tx:
        for table in ("regions", "region_stats", "ppks_categories", "funding_sources", "indicator_definitions"):
            tx.execute(f"DELETE FROM {table}")
        tx.insert_frame("regions", regions_frame())
        tx.insert_frame("region_stats", region_stats())
        tx.insert_frame("ppks_categories", ppks_categories())
        tx.insert_frame("funding_sources", sources)
        tx.insert_frame("indicator_definitions", pd.read_csv(REFERENCE_DIR / "spm_indicators.csv"))
        tx.execute(
            "INSERT INTO meta VALUES ('reference_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [REFERENCE_VERSION],
        )
    if store.count("regions") != len(all_regions()):
        raise RuntimeError("Reference regions did not persist.")
    return True

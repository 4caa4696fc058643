"""Gaps, overlaps and the coordination agenda on the hand-made fixture (tests/fixture_data.py):
Kukar needs 5.000 Fakir Miskin and PKH reaches 380; Samarinda needs 3.000 FM (PKH reaches 190) and
1.000 Anak Terlantar (a CSR scholarship with no reach reported yet); Kutim has a co-financed house
programme and no recorded need."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from domain.filters import Filters, Scope
from domain.gaps import Thresholds, agenda, area_category, explain, flag, source_pairs, suppress

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def test_area_by_category_and_flags(fixture_store):
    frame = flag(area_category(fixture_store, Filters(2025), Scope())).set_index(["region", "category_name"])
    kukar = frame.loc[("Kutai Kartanegara", "Fakir Miskin")]
    assert (kukar["need"], kukar["reached"], kukar["programs"], kukar["budget"]) == (5000, 380, 1, 1e9)
    assert kukar["coverage"] == pytest.approx(0.076) and kukar["gap"] and not kukar["overlap"]
    assert kukar["unmet"] == 4620
    children = frame.loc[("Samarinda", "Anak Terlantar")]
    assert (children["need"], children["reached"], children["coverage"], children["gap"]) == (1000, 0, 0, True)
    kutim = frame.loc[("Kutai Timur", "Fakir Miskin")]
    assert (kutim["need"], kutim["reached"], kutim["sources"]) == (0, 8, 2)  # co-financed: one programme, 8 KK
    assert not kutim["gap"] and not kutim["overlap"]  # no recorded need: nothing to flag
    assert frame["gap"].sum() == 3 and frame["overlap"].sum() == 0


def test_thresholds_are_settings(fixture_store):
    frame = area_category(fixture_store, Filters(2025), Scope())
    assert flag(frame, Thresholds(gap_coverage=0.05))["gap"].sum() == 1  # only the 0 % scholarship remains
    assert flag(frame, Thresholds(min_need=2000))["gap"].sum() == 2


def test_an_overlap_and_the_agenda(fixture_store):
    programs = pd.DataFrame(
        [
            (10, "AT-A", 2025, "Beasiswa A", "PT A", 2, "jiwa"),
            (11, "AT-B", 2025, "Beasiswa B", "Dinsos Samarinda", 2, "jiwa"),
        ],
        columns=["id", "program_code", "year", "name", "implementer", "ppks_category_id", "beneficiary_unit"],
    )
    allocations = pd.DataFrame(
        [(10, "64.72.02", "CSR", 100_000_000, 800), (11, "64.72", "APBD_KABKOTA", 50_000_000, 600)],
        columns=["program_id", "region_code", "funding_source", "budget_idr", "reached_beneficiaries"],
    )
    with fixture_store.transaction() as tx:
        tx.insert_frame("programs", programs.assign(import_id=1))
        tx.insert_frame("program_allocations", allocations.assign(import_id=1))
    flagged = flag(area_category(fixture_store, Filters(2025), Scope()))
    children = flagged.set_index(["region", "category_name"]).loc[("Samarinda", "Anak Terlantar")]
    assert (children["reached"], children["programs"], children["sources"]) == (1400, 3, 2)
    assert children["overlap"] and not children["gap"] and children["excess"] == 400
    items = agenda(flagged)
    assert list(items["kind"]) == ["gap", "overlap", "gap"]
    assert explain(items.iloc[0], "id") == (
        "Kutai Kartanegara — Fakir Miskin: 1 program (APBN) menjangkau 380 dari 5.000 jiwa (7,6 %); celah 4.620 jiwa."
    )
    assert explain(items.iloc[1], "id") == (
        "Samarinda — Anak Terlantar: 3 program (APBD Kabupaten/Kota, CSR/TJSL) "
        "menjangkau 1.400 jiwa dari 1.000 kebutuhan; kemungkinan tumpang tindih."
    )
    assert explain(items.iloc[1], "en").endswith("a likely overlap.")


def test_no_program_at_all():
    row = pd.Series(
        {
            "region": "Mahakam Ulu",
            "category_name": "Komunitas Adat Terpencil",
            "need": 539.0,
            "reached": 0.0,
            "programs": 0,
            "kind": "gap",
        }
    )
    assert explain(row, "id") == "Mahakam Ulu — Komunitas Adat Terpencil: 539 jiwa membutuhkan, belum ada program."


def test_small_counts_are_suppressed():
    assert [suppress(v, 5) for v in (0, 1, 4, 5, 1234)] == ["0", "< 5", "< 5", "5", "1.234"]


def test_source_pairs_without_lists(fixture_store):
    assert source_pairs(fixture_store, 2025).empty


def test_page(fixture_url):
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/celah.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Celah & tumpang tindih 2025"
    assert {m.label: m.value for m in at.metric} == {
        "Celah": "3",
        "Tumpang tindih": "0",
        "PPKS belum terjangkau": "8.430",
        "Orang di 2+ program": "0",
    }
    agenda_table = at.table[0].value
    assert agenda_table["Jenis"].tolist() == ["✕ Celah"] * 3  # every row keeps its own label
    assert agenda_table.iloc[0]["Penjelasan"].startswith("Kutai Kartanegara — Fakir Miskin: 1 program (APBN)")
    heat = at.dataframe[0].value
    assert heat.loc["Kutai Kartanegara", "Fakir Miskin"] == "8 % ✕"
    assert any("Belum ada daftar penerima" in i.value for i in at.info)
    advice = next(df.value for df in at.dataframe if df.value.columns[1] == "Kategori PPKS")
    assert advice.iloc[0]["Wilayah"] == "Kutai Kartanegara"
    at.number_input(key="ambang_celah").set_value(5).run()
    assert {m.label: m.value for m in at.metric}["Celah"] == "1"


def test_recommendations_spend_the_budget_on_the_largest_gaps(fixture_store):
    from domain.gaps import recommend

    flagged = flag(area_category(fixture_store, Filters(2025), Scope()))
    # Fakir Miskin costs Rp1.5 M planned ÷ 570 reached + RLH... : planned 2.5 M over 578 people reached.
    advice = recommend(flagged, 1_000_000_000)
    assert advice["region"].tolist() == ["Kutai Kartanegara"]
    unit = 2_500_000_000 / 578
    assert advice.iloc[0]["unit_cost"] == pytest.approx(unit)
    assert advice.iloc[0]["people"] == pytest.approx(1_000_000_000 / unit)
    assert not advice.iloc[0]["closes"]
    big = recommend(flagged, 100_000_000_000)
    assert big["region"].tolist() == ["Kutai Kartanegara", "Samarinda"]  # the scholarship has no known cost yet
    assert big["closes"].all()
    assert big["amount"].sum() == pytest.approx((4620 + 2810) * unit)


def test_kecamatan_inside_a_selected_kabkota(fixture_store):
    frame = flag(area_category(fixture_store, Filters(2025, kabkota="64.72"), Scope()))
    rows = frame.set_index(["region", "category_name"])
    # Palaran holds the PPKS of Samarinda in the fixture; PKH went to the city as a whole and has no kecamatan.
    assert (
        rows.loc[("Palaran", "Fakir Miskin"), "need"] == 3000 and rows.loc[("Palaran", "Fakir Miskin"), "reached"] == 0
    )
    assert rows.loc[("Palaran", "Anak Terlantar"), "programs"] == 1  # the scholarship was placed in Palaran
    assert set(frame["region"]) == {"Palaran"}


def test_thresholds_from_a_shared_link(fixture_url):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["ambang_celah"] = "5"
    at.run()
    at.switch_page("app_pages/celah.py").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Celah"] == "1"

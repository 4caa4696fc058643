"""Gaps, overlaps and the coordination agenda on the hand-made fixture (tests/fixture_data.py):
Kukar needs 5.000 jiwa Fakir Miskin and PKH — counted in KK — reaches 380 KK; Samarinda needs
3.000 jiwa FM (PKH reaches 190 KK) and 1.000 jiwa Anak Terlantar (a CSR scholarship counted in jiwa
with no reach reported yet); Kutim has a co-financed house programme (8 KK) and no recorded need.

Coverage is taken in the need's unit (jiwa here), so the KK reached by PKH are shown beside it and
never count against the jiwa need. Corrections of issue 10 against the values before (documented):
Kukar FM coverage 7,6 % → 0 % (380 KK are not 380 jiwa), its gap 4.620 → 5.000 jiwa; people in need
not reached 8.430 → 9.000 jiwa; Kutim FM need 0 → missing (NaN); with the gap threshold at 5 %
three gaps instead of one; no cost per jiwa is known in the fixture (PKH and RLH count KK), so the
recommendations need a jiwa program (added in that test); in a kecamatan view the programs placed
at the kabupaten/kota as a whole form a row of their own instead of being left out.

Missing is not zero (review of the Celah page): the scholarship counts jiwa but reports no reach, so
Samarinda's Anak Terlantar cell has no people figure — reached/coverage 0 → NaN, "reaches 0 persons
of 1,000" → "reach not reported", no longer a gap (3 → 2 gaps; not reached 9.000 → 8.000 jiwa, the
cell left out). A cell whose programs count only unit/lembaga is a gap (no program counts people)
but says so instead of "reaches 0"."""

import re
from pathlib import Path

import pandas as pd
import pytest

from common.i18n import t
from data_loaders.store import open_store
from domain.filters import Filters, Scope
from domain.gaps import (
    Thresholds,
    agenda,
    area_categories,
    explain,
    heat,
    quadrant,
    recommendations,
    suppress,
)
from domain.overlap import (
    OverlapCounts,
    check_list,
    overlaps_by_region,
    poorest_left_out,
    program_pairs,
    source_pairs,
    targeting,
)
from domain.reader import Reader
from tests.conftest import app_test

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def cells(store, filters=None, thresholds=None, scope=None):
    reader = Reader(store, scope or Scope())
    return area_categories(reader, filters or Filters(2025), thresholds or Thresholds()).table.set_index(
        ["area_name", "ppks_category_id"]
    )


def test_area_by_category_and_flags(fixture_store):
    frame = cells(fixture_store)
    kukar = frame.loc[("Kutai Kartanegara", 24)]
    assert (kukar["unit"], kukar["need"], kukar["reached"], kukar["reached_kk"]) == ("jiwa", 5000, 0, 380)
    assert (kukar["programs"], kukar["budget"], kukar["source_codes"]) == (1, 1e9, ("APBN",))
    assert kukar["coverage"] == 0 and kukar["gap"] and not kukar["overlap"] and kukar["unmet"] == 5000
    assert kukar["per_person"] == pytest.approx(200_000)  # Rp1 M ÷ 5.000 jiwa
    assert (kukar["people_programs"], kukar["reach_reported"]) == (1, True)  # PKH (KK) reports: 0 jiwa is known
    children = frame.loc[("Samarinda", 2)]  # the scholarship counts jiwa and reports no reach
    assert children["need"] == 1000 and pd.isna(children["reached"]) and pd.isna(children["coverage"])
    assert (children["people_programs"], children["reach_reported"], children["gap"]) == (1, False, False)
    assert pd.isna(children["unmet"]) and pd.isna(children["reached_jiwa"])
    kutim = frame.loc[("Kutai Timur", 24)]
    assert pd.isna(kutim["need"]) and pd.isna(kutim["unit"])  # no need data: missing, not 0
    assert (kutim["reached_kk"], kutim["sources"], kutim["programs"]) == (8, 2, 1)  # co-financed: one programme
    assert kutim["source_codes"] == ("APBD_PROV", "CSR")  # in the sources' order
    need_only = cells(fixture_store, Filters(2025, kabkota="64.72")).loc[("Palaran", 24)]
    assert (need_only["programs"], need_only["source_codes"]) == (0, ())  # need, no program: no source
    assert not kutim["gap"] and not kutim["overlap"]  # no recorded need: nothing to flag
    result = area_categories(Reader(fixture_store), Filters(2025))
    assert (result.gaps, result.overlaps, result.unmet("jiwa"), result.unmet("KK")) == (2, 0, 8000, 0)
    assert result.unreported == 1
    assert result.need_levels == ("kecamatan",) and not result.need_missing


def test_thresholds_are_settings(fixture_store):
    assert cells(fixture_store, thresholds=Thresholds(gap_coverage=0.05))["gap"].sum() == 2  # both at 0 % (jiwa)
    assert cells(fixture_store, thresholds=Thresholds(min_need=2000))["gap"].sum() == 2


def add_programs(store, programs, allocations):
    with store.transaction() as tx:
        tx.insert_frame(
            "programs",
            pd.DataFrame(
                programs,
                columns=["id", "program_code", "year", "name", "implementer", "ppks_category_id", "beneficiary_unit"],
            ).assign(import_id=1),
        )
        tx.insert_frame(
            "program_allocations",
            pd.DataFrame(
                allocations,
                columns=["program_id", "region_code", "funding_source", "budget_idr", "reached_beneficiaries"],
            ).assign(import_id=1),
        )


def test_an_overlap_and_the_agenda(fixture_store):
    add_programs(
        fixture_store,
        [
            (10, "AT-A", 2025, "Beasiswa A", "PT A", 2, "jiwa"),
            (11, "AT-B", 2025, "Beasiswa B", "Dinsos Samarinda", 2, "jiwa"),
        ],
        [(10, "64.72.02", "CSR", 100_000_000, 800), (11, "64.72", "APBD_KABKOTA", 50_000_000, 600)],
    )
    children = cells(fixture_store).loc[("Samarinda", 2)]
    assert (children["reached"], children["programs"], children["sources"]) == (1400, 3, 2)
    assert children["overlap"] and not children["gap"] and children["excess"] == 400
    items = agenda(Reader(fixture_store), Filters(2025)).items
    assert list(items["kind"]) == ["gap", "overlap", "gap"]
    assert list(items["area_name"]) == ["Kutai Kartanegara", "Samarinda", "Samarinda"]
    assert explain(items.iloc[0], "id") == (
        "Kutai Kartanegara — Fakir Miskin: 1 program (APBN) menjangkau 0 jiwa dari 5.000 jiwa (0,0 %); "
        "celah 5.000 jiwa. Selain itu program yang dihitung dalam satuan lain menjangkau 380 KK (tidak dijumlahkan)."
    )
    assert explain(items.iloc[1], "id") == (
        "Samarinda — Anak Terlantar: 3 program (APBD Kabupaten/Kota, CSR/TJSL) "
        "menjangkau 1.400 jiwa dari kebutuhan 1.000 jiwa; kemungkinan tumpang tindih."
    )
    english = explain(items.iloc[0], "en")
    assert english.startswith(
        "Kutai Kartanegara — The poor (fakir miskin): 1 program (APBN) reaches 0 persons of 5,000"
    )
    assert "380 households (not added)" in english
    assert explain(items.iloc[1], "en").endswith("a likely overlap.")


def test_no_program_at_all():
    item = pd.Series(
        {
            "area_name": "Mahakam Ulu",
            "whole_region": False,
            "ppks_category_id": 26,
            "unit": "KK",
            "need": 539.0,
            "reached": 0.0,
            "programs": 0,
            "kind": "gap",
            "region_programs": 0,
        }
    )
    assert explain(item, "id") == "Mahakam Ulu — Komunitas Adat Terpencil: 539 KK membutuhkan, belum ada program."
    assert explain(item, "en") == "Mahakam Ulu — Remote indigenous communities: 539 households in need, no program yet."


def test_a_reach_not_reported_is_not_zero(fixture_store):
    # Before: "Samarinda — Anak Terlantar: 1 program (CSR/TJSL) menjangkau 0 jiwa dari 1.000 jiwa (0,0 %);
    # celah 1.000 jiwa." — and a gap.
    children = area_categories(Reader(fixture_store), Filters(2025)).table.set_index(["area_name", "ppks_category_id"])
    item = children.loc[("Samarinda", 2)].copy()
    item["area_name"], item["ppks_category_id"] = "Samarinda", 2
    assert explain(item, "id") == (
        "Samarinda — Anak Terlantar: 1 program (CSR/TJSL) untuk 1.000 jiwa membutuhkan; jangkauan tidak dilaporkan."
    )
    assert explain(item, "en") == (
        "Samarinda — Neglected children: 1 program (CSR/TJSL) for 1,000 persons in need; reach not reported."
    )


def test_programs_counted_in_units_are_no_people(fixture_store):
    # A house programme (counted in 'unit', 5 houses) in Palaran, where Fakir Miskin needs 3.000 jiwa:
    # no program there counts people, so the cell is a gap with no people figure (not "reaches 0").
    add_programs(
        fixture_store,
        [(13, "BEDAH", 2025, "Bedah Rumah", "Dinsos Samarinda", 24, "unit")],
        [(13, "64.72.01", "APBD_KABKOTA", 200_000_000, 5)],
    )
    result = area_categories(Reader(fixture_store), Filters(2025, kabkota="64.72"))
    palaran = result.table.set_index(["area_name", "ppks_category_id"]).loc[("Palaran", 24)]
    assert (palaran["programs"], palaran["people_programs"], palaran["reach_reported"]) == (1, 0, False)
    assert pd.isna(palaran["reached"]) and pd.isna(palaran["coverage"]) and pd.isna(palaran["unmet"])
    assert palaran["gap"] and palaran["kind"] == "gap"
    assert result.unmet("jiwa") == 0 and result.unreported == 2  # Palaran FM and the scholarship
    items = agenda(Reader(fixture_store), Filters(2025, kabkota="64.72")).items
    assert list(items["area_name"]) == ["Palaran"] and items.iloc[0]["weight"] == 3000  # weighed by its need
    assert explain(items.iloc[0], "id") == (
        "Palaran — Fakir Miskin: 3.000 jiwa membutuhkan; 1 program (APBD Kabupaten/Kota) dihitung dalam "
        "unit/lembaga; tidak ada penerima (orang) yang dilaporkan. Dialokasikan di tingkat kabupaten/kota "
        "(seluruh wilayah, tidak dibagi ke kecamatan): 1 program menjangkau 190 KK."
    )
    assert explain(items.iloc[0], "en") == (
        "Palaran — The poor (fakir miskin): 3,000 persons in need; 1 program (APBD Kabupaten/Kota) is counted in "
        "units or institutions; no people reached are reported. Allocated at regency/city level (the whole area, "
        "not spread over subdistricts): 1 program reaches 190 households."
    )
    text = heat(Reader(fixture_store), Filters(2025, kabkota="64.72")).cells("id").set_index("area_name")
    assert text.loc["Palaran", 24] == "– ✕" and text.loc["Palaran", 2] == "–"
    assert recommendations(Reader(fixture_store), Filters(2025, kabkota="64.72")).empty  # no people figure to cost


def test_province_level_programs_are_named_as_such(fixture_store):
    # A program allocated to the province as a whole (region 64), 51 jiwa Fakir Miskin reached.
    add_programs(
        fixture_store,
        [(14, "PROV-FM", 2025, "Santunan Provinsi", "Dinsos Provinsi", 24, "jiwa")],
        [(14, "64", "APBD_PROV", 80_000_000, 51)],
    )
    table = area_categories(Reader(fixture_store), Filters(2025)).table
    province = table[table["whole_region"]].iloc[0]
    assert (province["area_name"], province["whole_level"], province["reached_jiwa"]) == (
        "Kalimantan Timur",
        "provinsi",
        51,
    )
    kukar = table.set_index(["area_name", "ppks_category_id"]).loc[("Kutai Kartanegara", 24)]
    assert (kukar["region_programs"], kukar["region_reached_jiwa"], kukar["region_level"]) == (1, 51, "provinsi")
    item = agenda(Reader(fixture_store), Filters(2025)).items.iloc[0]
    assert explain(item, "id").endswith(
        "Dialokasikan di tingkat provinsi (seluruh provinsi, tidak dibagi ke kabupaten/kota): "
        "1 program menjangkau 51 jiwa."
    )
    assert explain(item, "en").endswith(
        "Allocated at province level (the whole province, not spread over regencies/cities): "
        "1 program reaches 51 persons."
    )
    whole = province.copy()
    whole["need"], whole["unit"], whole["kind"] = 100.0, "jiwa", "gap"  # a need recorded for the province itself
    assert explain(whole, "id").startswith("Kalimantan Timur (tingkat provinsi) — Fakir Miskin:")
    assert explain(whole, "en").startswith("Kalimantan Timur (province level) — The poor (fakir miskin):")


def test_small_counts_are_suppressed():
    assert [suppress(v, 5) for v in (0, 1, 4, 5, 1234)] == ["0", "< 5", "< 5", "5", "1.234"]
    assert suppress(1234, 5, "en") == "1,234"


def test_source_pairs_without_lists(fixture_store):
    assert source_pairs(Reader(fixture_store), Filters(2025)).empty


def test_quadrant_and_heat(fixture_store):
    points = quadrant(Reader(fixture_store), Filters(2025)).table
    assert sorted(points["need"]) == [1000, 3000, 5000] and set(points["kind"]) == {"gap", "none"}
    table = heat(Reader(fixture_store), Filters(2025))
    assert table.categories == (24, 2)  # largest need first
    text = table.cells("id").set_index("area_name")
    assert text.loc["Kutai Kartanegara", 24] == "0 % ✕" and text.loc["Kutai Kartanegara", 2] == "–"
    assert text.loc["Samarinda", 2] == "–"  # the scholarship reports no reach: no coverage, no flag


def run_page(query=None, tab: str | None = None):
    """The page with the filters of `query`, on the tab of i18n key `tab` (chosen by the address)."""
    at = app_test()
    query = dict(query or {})
    if tab:
        query["bagian"] = t(tab, query.get("lang", "id"))
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/celah.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page(fixture_url):
    at = run_page()
    assert at.title[0].value == "Celah & tumpang tindih 2025"
    assert {m.label: m.value for m in at.metric} == {
        "Celah": "2",
        "Tumpang tindih": "0",
        "PPKS belum terjangkau": "8.000 jiwa",
        "Orang di 2+ program": "0",
    }
    agenda_table = at.table[0].value
    assert agenda_table["Jenis"].tolist() == ["✕ Celah"] * 2  # every row keeps its own label
    assert agenda_table.iloc[0]["Penjelasan"].startswith("Kutai Kartanegara — Fakir Miskin: 1 program (APBN)")
    heat_table = at.dataframe[0].value.set_index("Wilayah")
    assert heat_table.loc["Kutai Kartanegara", "Fakir Miskin"] == "0 % ✕"
    assert at.subheader[2].value == "Cakupan per kabupaten/kota dan kategori PPKS"
    assert any(c.value.startswith("1 wilayah × kategori dengan PPKS belum punya angka penerima") for c in at.caption)
    numbers = next(df.value for df in at.dataframe if "Tercapai (KK)" in df.value.columns).set_index("Wilayah")
    assert numbers.loc["Kutai Kartanegara", "Tercapai (KK)"] == 380  # a number, beside the jiwa figures
    assert numbers.loc["Kutai Kartanegara", "PPKS (jiwa)"] == 5000
    assert not any("Belum ada daftar penerima" in i.value for i in at.info)  # only the open tab runs
    at.number_input(key="ambang_min").set_value(2000).run()
    assert {m.label: m.value for m in at.metric}["Celah"] == "2"
    assert any("Belum ada daftar penerima" in i.value for i in run_page(tab="gaps_tab_overlaps").info)
    advice = run_page(tab="gaps_tab_recommend").info
    assert any("Tidak ada celah dengan biaya per orang yang diketahui" in i.value for i in advice)


def test_page_in_english_names_units(fixture_url):
    at = run_page({"lang": "en"})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["People in need not reached"] == "8,000 persons"
    assert at.table[0].value.iloc[0]["Explanation"].endswith("reach 380 households (not added).")


def test_missing_need_is_not_zero(fixture_url):
    store = open_store(fixture_url)
    with store.transaction() as tx:
        tx.execute("DELETE FROM ppks_counts WHERE year = 2025")
    result = area_categories(Reader(store), Filters(2025))
    store.close()
    assert result.need_missing and result.programs == 3 and result.gaps == 0
    at = run_page()
    warning = " ".join(w.value for w in at.warning)
    assert "Data kebutuhan (PPKS) 2025 belum ada" in warning
    assert "python -m data_loaders import BERKAS --kind ppks" in warning and "Kelola data" in warning
    assert not any("Tidak ada celah atau tumpang tindih" in i.value for i in at.info)
    assert {m.label: m.value for m in at.metric}["PPKS belum terjangkau"] == "–"


def test_recommendations_spend_the_budget_on_the_largest_gaps(fixture_store):
    # Only programs counted in the need's unit (jiwa) give a cost per person: one is added here,
    # Rp300 jt reaching 600 jiwa Fakir Miskin in Kutim → Rp500.000 per jiwa.
    add_programs(fixture_store, [(12, "BLT-FM", 2025, "BLT", "Dinsos", 24, "jiwa")], [(12, "64.08", "APBN", 3e8, 600)])
    advice = recommendations(Reader(fixture_store), Filters(2025), budget=1_000_000_000).table
    assert advice["area_name"].tolist() == ["Kutai Kartanegara"]
    assert (advice.iloc[0]["unit"], advice.iloc[0]["unit_cost"]) == ("jiwa", pytest.approx(500_000))
    assert advice.iloc[0]["people"] == pytest.approx(2000) and not advice.iloc[0]["closes"]
    big = recommendations(Reader(fixture_store), Filters(2025), budget=100_000_000_000).table
    assert big["area_name"].tolist() == ["Kutai Kartanegara", "Samarinda"]  # the scholarship has no known cost yet
    assert big["closes"].all() and big["amount"].sum() == pytest.approx((5000 + 3000) * 500_000)


def test_kecamatan_inside_a_selected_kabkota(fixture_store):
    result = area_categories(Reader(fixture_store), Filters(2025, kabkota="64.72"))
    rows = result.table.set_index(["area_name", "ppks_category_id"])
    assert result.level == "kecamatan"
    # Palaran holds the PPKS of Samarinda in the fixture; PKH went to the city as a whole: its own row.
    palaran = rows.loc[("Palaran", 24)]
    assert (palaran["need"], palaran["reached"], palaran["programs"]) == (3000, 0, 0)
    assert (palaran["region_programs"], palaran["region_reached_kk"]) == (1, 190)
    assert rows.loc[("Palaran", 2), "programs"] == 1  # the scholarship was placed in Palaran
    city = rows.loc[("Samarinda", 24)]
    assert city["whole_region"] and city["reached_kk"] == 190 and pd.isna(city["need"])
    assert set(result.table["area_name"]) == {"Palaran", "Samarinda"}
    item = agenda(Reader(fixture_store), Filters(2025, kabkota="64.72")).items.iloc[0]
    assert explain(item, "id").endswith(
        "Dialokasikan di tingkat kabupaten/kota (seluruh wilayah, tidak dibagi ke kecamatan): "
        "1 program menjangkau 190 KK."
    )


def test_kecamatan_page_names_its_level(fixture_url):
    at = run_page({"lang": "en", "wilayah": "Samarinda"})
    assert "Coverage by subdistrict and PPKS category" in [s.value for s in at.subheader]
    # PKH placed in Samarinda as a whole: its own row, marked in level-neutral words in every table.
    assert list(at.dataframe[0].value["Area"]) == ["Palaran", "Samarinda (region as a whole)"]
    numbers = next(df.value for df in at.dataframe if "Reached (households)" in df.value.columns).set_index("Area")
    assert numbers.loc["Samarinda (region as a whole)", "Reached (households)"] == 190
    assert any("(region as a whole)" in c.value for c in at.caption)


def test_thresholds_from_a_shared_link(fixture_url):
    at = run_page({"ambang_min": "2000"})
    assert {m.label: m.value for m in at.metric}["Celah"] == "2"


# --- scope: every view returns only in-scope rows on the sample data -----------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from data_loaders.demo import build_demo

    store = open_store(f"duckdb:///{tmp_path_factory.mktemp('sample') / 'sample.duckdb'}")
    build_demo(store, beneficiaries=30_000)
    yield store
    store.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The sample data set exactly as `python -m data_loaders demo` builds it (the reviewer's figures)."""
    from data_loaders.demo import build_demo

    store = open_store(f"duckdb:///{tmp_path_factory.mktemp('demo') / 'demo.duckdb'}")
    build_demo(store)
    yield store
    store.close()


def test_houses_are_not_people(demo):
    # Review of the Celah page (?wilayah=Bontang, on an earlier sample): "Bontang Utara — Fakir Miskin:
    # 3 program (…) menjangkau 0 jiwa dari 3.161 jiwa (0,0 %); celah 3.161 jiwa." Programs that count
    # houses ('unit') give the cell no people figure; still a gap (no program counts people). In this
    # sample: Kuaro (Paser), whose one program, RS-RTLH, builds houses.
    reader, filters = Reader(demo), Filters(2025, kabkota="64.01")
    result = area_categories(reader, filters)
    table = result.table
    cell = table[(table["area_name"] == "Kuaro") & (table["ppks_category_id"] == 24)].iloc[0]
    assert (cell["need"], cell["programs"], cell["people_programs"], cell["reach_reported"]) == (725, 1, 0, False)
    assert pd.isna(cell["reached"]) and pd.isna(cell["coverage"]) and pd.isna(cell["unmet"]) and cell["gap"]
    assert result.unreported == 4  # Kuaro, Long Ikis, Long Kali, Paser Belengkong: houses only
    # Region-wide: PKH 1.377 + Sembako 1.818 + BLT Dana Desa 605 = 3.800 KK; PBI-JK 1.186 + PBI Daerah
    # 277 = 1.463 jiwa; five programs, never added across units.
    assert explain(cell, "id") == (
        "Kuaro — Fakir Miskin: 725 KK membutuhkan; 1 program (APBN) dihitung dalam unit/lembaga; tidak ada "
        "penerima (orang) yang dilaporkan. Dialokasikan di tingkat kabupaten/kota (seluruh wilayah, tidak dibagi "
        "ke kecamatan): 5 program menjangkau 1.463 jiwa · 3.800 KK."
    )
    assert explain(cell, "en") == (
        "Kuaro — The poor (fakir miskin): 725 households in need; 1 program (APBN) is counted in units or "
        "institutions; no people reached are reported. Allocated at regency/city level (the whole area, not "
        "spread over subdistricts): 5 programs reach 1,463 persons · 3,800 households."
    )
    items = agenda(reader, Filters(2025, kabkota="64.74")).items
    older = items[(items["area_name"] == "Bontang Utara") & (items["ppks_category_id"] == 8)].iloc[0]
    # one region-wide program (Permakanan Lanjut Usia): singular in English
    assert explain(older, "en").endswith("not spread over subdistricts): 1 program reaches 30 persons.")


def partner_with_programs(store) -> tuple[int, set[str]]:
    partner = int(store.scalar("SELECT min(partner_id) FROM programs WHERE year = 2025 AND partner_id IS NOT NULL"))
    places = store.query(
        "SELECT DISTINCT r.kabkota_code FROM programs p JOIN program_allocations a ON a.program_id = p.id "
        "JOIN regions r ON r.code = a.region_code WHERE p.partner_id = ? AND r.kabkota_code IS NOT NULL",
        [partner],
    )
    return partner, set(places["kabkota_code"])


def test_views_under_a_kabkota_scope(sample):
    reader, filters = Reader(sample, Scope(kabkota=("64.02",))), Filters(2025)
    table = area_categories(reader, filters).table
    assert not table.empty and all(code.startswith("64.02") for code in table["area_code"])
    whole = area_categories(Reader(sample), Filters(2025, kabkota="64.02")).table
    inside = area_categories(Reader(sample), filters).table.set_index(["area_code", "ppks_category_id"])
    assert table["budget"].sum() == pytest.approx(inside.loc["64.02", "budget"].sum())
    assert table["budget"].sum() == pytest.approx(whole["budget"].sum())
    assert set(agenda(reader, filters).items["area_code"]) <= {"64.02"}
    assert set(quadrant(reader, filters).table["area_name"]) <= {"Kutai Kartanegara"}
    assert set(heat(reader, filters).coverage["area_name"]) <= {"Kutai Kartanegara"}
    assert set(recommendations(reader, filters).table["area_name"]) <= {"Kutai Kartanegara"}


def test_views_under_a_partner_scope(sample):
    partner, places = partner_with_programs(sample)
    reader, filters = Reader(sample, Scope(partner_id=partner)), Filters(2025)
    table = area_categories(reader, filters).table
    own = sample.scalar(
        "SELECT sum(a.budget_idr) FROM program_allocations a JOIN programs p ON p.id = a.program_id "
        "JOIN regions r ON r.code = a.region_code "
        "WHERE p.partner_id = ? AND p.year = 2025 AND p.ppks_category_id IS NOT NULL AND r.kabkota_code IS NOT NULL",
        [partner],
    )
    assert table["budget"].sum() == pytest.approx(float(own))  # only the partner's programs
    assert set(table["area_code"]) <= places  # need only where the partner works
    assert set(agenda(reader, filters).items["area_code"]) <= places
    areas = set(table["area_name"])
    assert set(quadrant(reader, filters).table["area_name"]) <= areas
    assert set(heat(reader, filters).coverage["area_name"]) <= areas
    assert set(recommendations(reader, filters).table["area_name"]) <= areas


def test_people_views_under_a_kabkota_scope(sample):
    scoped, filters = Reader(sample, Scope(kabkota=("64.02",))), Filters(2025)
    filtered = Reader(sample), Filters(2025, kabkota="64.02")
    people = overlaps_by_region(scoped, filters)
    listed = sample.scalar(
        "SELECT count(DISTINCT nik_hash) FROM beneficiaries WHERE year = 2025 AND region_code LIKE '64.02.%'"
    )
    assert list(people.table["region_code"]) == ["64.02"] and people.total.people == listed > 0
    assert people.total == overlaps_by_region(*filtered).total  # the scope and the filter agree
    for view in (source_pairs, program_pairs):
        assert view(scoped, filters).table.equals(view(*filtered).table)
    assert targeting(scoped, filters).by_program.equals(targeting(*filtered).by_program)
    assert poorest_left_out(scoped, filters).people <= poorest_left_out(Reader(sample), filters).people
    outside = sample.query(
        "SELECT DISTINCT nik_hash FROM beneficiaries WHERE year = 2025 AND region_code LIKE '64.72.%' LIMIT 20"
    )
    hashes = tuple(outside["nik_hash"])
    assert check_list(scoped, hashes, filters).found == 0 and check_list(Reader(sample), hashes, filters).found > 0


def test_people_views_under_a_partner_scope(sample):
    partner, places = partner_with_programs(sample)
    reader, filters = Reader(sample, Scope(partner_id=partner)), Filters(2025)
    province = overlaps_by_region(Reader(sample), filters).total
    people = overlaps_by_region(reader, filters)
    # Before issue 10 the partner saw the province's figures (e.g. all listed people); now it sees its
    # own beneficiaries only: the 30 households of its food package (0.4 % of 30.000 ÷ 4 = 7.500 rows
    # a year), all in Kutai Timur, none in two of its programs.
    assert province.people > 30 and people.total == OverlapCounts(people=30)
    assert set(people.table.loc[people.table["people"] > 0, "region_code"]) == {"64.08"} <= places
    assert source_pairs(reader, filters).empty and program_pairs(reader, filters).empty
    assert targeting(reader, filters).by_program["listed"].tolist() == [30]
    anyone = tuple(sample.query("SELECT DISTINCT nik_hash FROM beneficiaries WHERE year = 2025 LIMIT 20")["nik_hash"])
    assert check_list(reader, anyone, filters).found == 0


def test_people_in_both_units_are_two_lines_of_the_card(demo, monkeypatch):
    """'44.640 jiwa · 23.345 KK' did not fit a card at 1920 px: the first unit is the card's value,
    the KK its own line, never added (the sample data has need in both units)."""
    monkeypatch.setenv("DATABASE_URL", demo.url)
    at = app_test(None)
    at.run()
    at.switch_page("app_pages/celah.py").run()
    assert not at.exception
    card = next(metric for metric in at.metric if metric.label == "PPKS belum terjangkau")
    assert re.fullmatch(r"[\d.]+ jiwa", card.value) and re.fullmatch(r"[\d.]+ KK", card.delta)

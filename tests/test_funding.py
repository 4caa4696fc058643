"""Funding views against the hand-made fixture and the sample data set, and the Pendanaan page."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from common.i18n import t
from data_loaders.demo import build_demo
from data_loaders.store import open_store
from domain import funding
from domain.filters import Filters, Scope
from domain.overview import figures, funding_by_source
from domain.reader import Reader
from tests.conftest import app_test
from ui import funding_views

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
VIEWS = (
    funding.stages,
    funding.by_region,
    funding.by_ppks_category,
    funding.by_assistance_type,
    funding.flows,
    funding.trends,
    funding.implementers,
    funding.program_table,
)


def test_by_category_assistance_region_and_implementer(fixture_store):
    reader, f = Reader(fixture_store), Filters(2025)
    category = funding.by_ppks_category(reader, f).table.groupby("ppks_category_id")["budget"].sum()
    assert category.to_dict() == {24: 2_500_000_000, 2: 100_000_000}
    assistance = funding.by_assistance_type(reader, f).table.groupby("assistance_type")["budget"].sum()
    assert assistance.to_dict() == {"Tunai": 1_500_000_000, "Rumah (RTLH)": 1_000_000_000, "Lainnya": 100_000_000}
    region = funding.by_region(reader, f)
    per_region = region.areas.set_index("region_name")["budget"].to_dict()
    assert per_region == {"Kutai Kartanegara": 1_000_000_000, "Kutai Timur": 1_000_000_000, "Samarinda": 600_000_000}
    # The co-financed house programme is split by source, not counted twice.
    kutim = region.table[region.table["region_code"] == "64.08"].set_index("source")["budget"].to_dict()
    assert kutim == {"APBD_PROV": 400_000_000, "CSR": 600_000_000}
    people = funding.implementers(reader, f).table.set_index("implementer")
    assert people.loc["Dinas Sosial Provinsi Kalimantan Timur", "programs"] == 1
    assert people.loc["Dinas Sosial Provinsi Kalimantan Timur", "sources"] == ("APBD_PROV", "CSR")
    assert people.loc["Kementerian Sosial", "budget"] == 1_500_000_000


def test_codes_not_labels(fixture_store):
    """Lintas PPKS programs and programs without an assistance type come back as None, and the
    categories beyond the largest joined in the flows as 'other' — the page translates them."""
    with fixture_store.transaction() as tx:
        tx.execute(
            "UPDATE programs SET ppks_category_id = NULL, assistance_type = NULL WHERE program_code = 'BEASISWA'"
        )
    reader, f = Reader(fixture_store), Filters(2025)
    assert None in funding.by_ppks_category(reader, f).table["ppks_category_id"].tolist()
    assert None in funding.by_assistance_type(reader, f).table["assistance_type"].tolist()
    flows = funding.flows(reader, f, top_categories=1).table
    assert set(flows["ppks_category_id"]) == {24, funding.OTHER}
    assert flows.loc[flows["ppks_category_id"] == funding.OTHER, "budget"].sum() == 100_000_000


def test_per_resident_and_per_ppks_use_one_unit_and_one_level(fixture_store):
    reader, f = Reader(fixture_store), Filters(2025)
    areas = funding.by_region(reader, f).areas.set_index("region_code")
    assert areas.loc["64.02", "per_ppks"] == pytest.approx(1_000_000_000 / 5_000)
    assert areas.loc["64.72", "per_ppks"] == pytest.approx(600_000_000 / 4_000)
    assert areas.loc["64.02", "per_resident"] == pytest.approx(1_000_000_000 / areas.loc["64.02", "population"])
    # A kab/kota total stored beside its kecamatan rows, and need counted in KK, change nothing.
    with fixture_store.transaction() as tx:
        tx.execute(
            "INSERT INTO ppks_counts (year, region_code, ppks_category_id, count, unit, data_source, import_id) "
            "VALUES (2025, '64.02', 24, 5000, 'jiwa', 'x', 1), (2025, '64.02.06', 25, 700, 'KK', 'x', 1)"
        )
    region = funding.by_region(Reader(fixture_store), f)
    areas = region.areas.set_index("region_code")
    assert areas.loc["64.02", "ppks_jiwa"] == 5_000  # before the correction: 10.700 (levels and units added)
    assert areas.loc["64.02", "ppks_kk"] == 700
    assert areas.loc["64.02", "per_ppks"] == pytest.approx(1_000_000_000 / 5_000)
    # Kukar's total is kept (its one kecamatan of 20 does not cover it); Samarinda's kecamatan stay.
    assert region.need_levels == ("kabupaten_kota", "kecamatan")
    assert region.left_out("per_ppks") == ("Kutai Timur",)  # no PPKS recorded there: not shown per PPKS
    per_source = region.table.set_index(["region_code", "source"])
    assert per_source.loc[("64.72", "CSR"), "per_ppks"] == pytest.approx(100_000_000 / 4_000)


def test_flows_add_up_and_trends_cover_every_year(fixture_store):
    reader = Reader(fixture_store)
    flows = funding.flows(reader, Filters(2025)).table
    assert flows["budget"].sum() == 2_600_000_000
    assert set(flows["region_name"]) == {"Kutai Kartanegara", "Kutai Timur", "Samarinda"}
    trend = funding.trends(reader, Filters(2025))
    assert trend.table.groupby("year")["budget"].sum().to_dict() == {2024: 200_000_000, 2025: 2_600_000_000}
    share = trend.shares.set_index("year")["share"]
    assert share[2024] == 0 and share[2025] == pytest.approx(700 / 2600)


def test_program_table_counts_people_once_and_keeps_missing_realisation_missing(fixture_store):
    reader = Reader(fixture_store)
    table = funding.program_table(reader, Filters(2025)).table.set_index("program_code")
    assert list(table.index) == ["PKH", "RLH", "BEASISWA"]  # largest first
    assert (table.loc["PKH", "places"], table.loc["PKH", "budget"], table.loc["PKH", "target"]) == (2, 1.5e9, 600)
    assert (table.loc["RLH", "places"], table.loc["RLH", "budget"], table.loc["RLH", "target"]) == (1, 1e9, 10)
    assert table.loc["RLH", "sources"] == ("APBD_PROV", "CSR")
    assert table.loc["RLH", "committed"] == 600_000_000
    assert table.loc["PKH", "committed"] != table.loc["PKH", "committed"]  # APBN does not pledge: NaN
    assert table.loc["BEASISWA", "spent"] != table.loc["BEASISWA", "spent"]  # NaN: not reported, not zero
    assert table["budget"].sum() == figures(reader, Filters(2025)).budget_idr
    detail = funding.program_detail(reader, int(table.loc["RLH", "program_id"]))
    assert detail.places[["source", "budget"]].values.tolist() == [["APBD_PROV", 400_000_000], ["CSR", 600_000_000]]
    assert (detail.target, detail.reached, detail.beneficiary_unit, detail.status) == (10, 8, "KK", "berjalan")
    scoped = funding.program_detail(
        Reader(fixture_store, Scope(kabkota=("64.72",))), int(table.loc["PKH", "program_id"])
    )
    assert scoped.places["budget"].tolist() == [500_000_000]
    assert (scoped.target, scoped.reached) == (200, 190)


def test_filter_programs_by_text_and_status(fixture_store):
    table = funding.program_table(Reader(fixture_store), Filters(2025)).table
    assert funding.filter_programs(table, " harapan ", ())["program_code"].tolist() == ["PKH"]
    assert funding.filter_programs(table, "contoh", ())["program_code"].tolist() == ["BEASISWA"]  # implementer
    assert funding.filter_programs(table, "", ("komitmen", "berjalan"))["program_code"].tolist() == ["RLH", "BEASISWA"]
    assert funding.filter_programs(table, "pkh", ("komitmen",)).empty


def test_filters_apply_to_every_view(fixture_store):
    reader = Reader(fixture_store)
    f = Filters(2025, kabkota="64.72", sources=("CSR",))
    assert funding.by_ppks_category(reader, f).table["budget"].sum() == 100_000_000
    assert funding.program_table(reader, f).table["program_code"].tolist() == ["BEASISWA"]
    assert funding.flows(reader, Filters(2025, ppks=9)).empty


def test_every_total_equals_the_store_on_the_sample_data(store_url):
    store = open_store(store_url)
    build_demo(store, beneficiaries=2_000)
    reader = Reader(store)
    for filters in (
        Filters(2025),
        Filters(2024, kabkota="64.08"),
        Filters(2023, sources=("CSR", "PPM")),
        Filters(2025, ppks=24),
    ):
        direct = store.scalar(
            "SELECT coalesce(sum(a.budget_idr), 0)::DOUBLE PRECISION FROM program_allocations a "
            "JOIN programs p ON p.id = "
            "a.program_id JOIN regions r ON r.code = a.region_code WHERE p.year = ? AND (CAST(? AS VARCHAR) IS NULL OR "
            "r.kabkota_code = ?) AND (CAST(? AS INTEGER) IS NULL OR p.ppks_category_id = ?) AND (? OR "
            "a.funding_source IN ('CSR', 'PPM'))",
            [filters.year, filters.kabkota, filters.kabkota, filters.ppks, filters.ppks, not filters.sources],
        )
        stages = funding.stages(reader, filters)
        assert stages.totals.budget_idr == pytest.approx(direct)
        assert stages.by_source.table["budget"].sum() == pytest.approx(direct)
        assert funding_by_source(reader, filters).table["budget"].sum() == pytest.approx(direct)
        for view in (funding.by_region, funding.by_ppks_category, funding.by_assistance_type, funding.flows):
            assert view(reader, filters).table["budget"].sum() == pytest.approx(direct)
        assert funding.by_region(reader, filters).areas["budget"].sum() == pytest.approx(direct)
        assert funding.program_table(reader, filters).table["budget"].sum() == pytest.approx(direct)
        implementers = funding.implementers(reader, filters)
        assert implementers.table["budget"].sum() == pytest.approx(direct)
        assert implementers.by_source["budget"].sum() == pytest.approx(direct)
        trend = funding.trends(reader, filters).table
        assert trend.loc[trend["year"] == filters.year, "budget"].sum() == pytest.approx(direct)
    store.close()


def _region_codes(result) -> set[str]:
    codes: set[str] = set()
    for frame in (getattr(result, "table", None), getattr(result, "areas", None)):
        if frame is not None and "region_code" in frame:
            codes |= set(frame["region_code"])
    return codes


def test_every_view_keeps_to_the_scope(store_url):
    store = open_store(store_url)
    build_demo(store, beneficiaries=2_000)
    everything = Reader(store)
    for year in (2024, 2025):
        f = Filters(year)
        # A kabupaten/kota scope: only rows located in it, and the same figures as the filter.
        kabkota = Reader(store, Scope(kabkota=("64.02",)))
        for view in VIEWS:
            assert all(code.startswith("64.02") for code in _region_codes(view(kabkota, f))), view.__name__
        scoped, filtered = funding.by_region(kabkota, f), funding.by_region(everything, Filters(year, kabkota="64.02"))
        assert set(scoped.areas["region_code"]) == {"64.02"}
        assert scoped.areas["per_ppks"].tolist() == pytest.approx(filtered.areas["per_ppks"].tolist())
        assert funding.stages(kabkota, f).totals.budget_idr == pytest.approx(
            funding.stages(everything, Filters(year, kabkota="64.02")).totals.budget_idr
        )
        trend = funding.trends(kabkota, f).table
        assert trend["budget"].sum() == pytest.approx(
            funding.trends(everything, Filters(year, kabkota="64.02")).table["budget"].sum()
        )
        programs = funding.program_table(kabkota, f).table
        for program_id in programs["program_id"]:
            places = funding.program_detail(kabkota, int(program_id)).places
            assert all(code.startswith("64.02") for code in places["region_code"])
        # A partner scope: only that partner's programs, their places and their money.
        partner_id = int(store.scalar("SELECT min(partner_id) FROM programs WHERE year = ?", [year]))
        own = store.query("SELECT id, implementer FROM programs WHERE partner_id = ? AND year = ?", [partner_id, year])
        places = set(
            store.query(
                "SELECT DISTINCT coalesce(r.kabkota_code, r.code) AS code FROM program_allocations a "
                "JOIN programs p ON p.id = a.program_id JOIN regions r ON r.code = a.region_code "
                "WHERE p.partner_id = ? AND p.year = ?",
                [partner_id, year],
            )["code"]
        )
        partner = Reader(store, Scope(partner_id=partner_id))
        programs = funding.program_table(partner, f).table
        assert set(programs["program_id"]) == set(own["id"])
        assert set(funding.implementers(partner, f).table["implementer"]) == set(own["implementer"])
        for view in VIEWS:
            assert _region_codes(view(partner, f)) <= places, view.__name__
        budget = store.scalar(
            "SELECT sum(a.budget_idr)::DOUBLE PRECISION FROM program_allocations a "
            "JOIN programs p ON p.id = a.program_id "
            "WHERE p.partner_id = ? AND p.year = ?",
            [partner_id, year],
        )
        assert funding.stages(partner, f).totals.budget_idr == pytest.approx(budget)
        assert funding.flows(partner, f).table["budget"].sum() == pytest.approx(budget)
        other = store.scalar("SELECT min(id) FROM programs WHERE partner_id IS DISTINCT FROM ?", [partner_id])
        assert not funding.program_detail(partner, int(other)).found
    store.close()


TABS = {lang: tuple(t(key, lang) for key in funding_views.TABS) for lang in ("id", "en")}


def run_page(query=None, tab: int = 0) -> AppTest:
    """The page with the filters of `query`, on its `tab`-th tab (chosen by the address, as a link does)."""
    at = app_test()
    query = dict(query or {})
    if tab:
        query["bagian"] = TABS[query.get("lang", "id")][tab]
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/pendanaan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_shows_the_fixture_totals(fixture_url):
    at = run_page()
    assert at.title[0].value == "Pendanaan 2025"
    values = {m.label: m.value.replace("\u00a0", " ") for m in at.metric}
    assert values == {
        "Pagu": "Rp2,6 M",
        "Komitmen CSR/PPM": "Rp700 jt",
        "Realisasi": "Rp2,2 M",
        "Realisasi anggaran": "84,6 %",
    }
    stages = at.dataframe[0].value.set_index("Sumber dana")
    assert stages.loc["CSR/TJSL", "Komitmen CSR/PPM (Rp)"] == 700_000_000  # a number, so the column sorts
    assert stages.loc["APBN", "Komitmen CSR/PPM (Rp)"] != stages.loc["APBN", "Komitmen CSR/PPM (Rp)"]  # none
    assert stages.loc["APBN", "Realisasi (%)"] == pytest.approx(0.9)
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(specs) == 2  # only the open tab runs: by source and by region
    assert "Jumlah: Rp1.000.000.000" in specs[1]["data"][0]["hovertext"][0]
    assert [tab.label for tab in at.tabs] == list(TABS["id"])
    specs = [json.loads(chart.proto.spec) for chart in run_page(tab=1).get("plotly_chart")]
    sankey = next(spec for spec in specs if spec["data"][0]["type"] == "sankey")
    assert sum(sankey["data"][0]["link"]["value"]) == 2 * 2_600_000_000  # two steps, each the whole budget
    assert "Fakir Miskin" in sankey["data"][0]["node"]["label"]
    programs = run_page(tab=3).dataframe[-1].value
    assert programs["Kode"].tolist() == ["PKH", "RLH", "BEASISWA"]
    assert programs["Pagu (Rp)"].sum() == 2_600_000_000
    assert programs["Satuan"].tolist() == ["KK", "KK", "jiwa"]
    assert programs["Sumber dana"].tolist() == ["APBN", "APBD Provinsi, CSR/TJSL", "CSR/TJSL"]


def test_english_page_shows_no_indonesian_values(fixture_url):
    english = {"lang": "en"}
    pages = [run_page(english, tab) for tab in range(4)]
    assert {m.label for m in pages[0].metric} == {"Planned", "Committed, CSR/PPM", "Spent", "Budget realisation"}
    programs = pages[3].dataframe[-1].value
    assert programs["Status"].tolist() == ["completed", "running", "committed"]
    assert programs["Unit"].tolist() == ["households", "households", "persons"]
    assert programs["Category"].tolist() == ["The poor (fakir miskin)"] * 2 + ["Neglected children"]
    assert set(pages[2].dataframe[-1].value["Registered partner"]) == {"no"}
    specs = [json.loads(chart.proto.spec) for at in pages for chart in at.get("plotly_chart")]
    hover = " ".join(text for spec in specs for trace in spec["data"] for text in trace.get("hovertext") or [])
    assert "Total:" in hover and "Jumlah" not in hover
    captions = [c.value for at in pages for c in at.caption]
    assert any("Other categories" in c for c in captions)
    assert not any("Kategori lain" in c for c in captions)


def test_per_resident_and_per_ppks(fixture_url):
    at = run_page()
    at.segmented_control(key="ukuran_dana").set_value("ppks").run()
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    per_ppks = {trace["name"]: dict(zip(trace["y"], trace["x"], strict=True)) for trace in spec["data"]}
    assert per_ppks["APBN"]["Kutai Kartanegara"] == pytest.approx(1_000_000_000 / 5_000)
    assert "Kutai Timur" not in per_ppks["APBN"]  # no PPKS recorded there: not shown per PPKS
    assert spec["layout"]["xaxis"]["title"]["text"] == "Pagu per PPKS (Rp per jiwa)"
    captions = [c.value for c in at.caption]
    assert any("PPKS 2025 dalam jiwa" in c and "tingkat kecamatan" in c for c in captions)
    assert any(c == "Tidak ditampilkan karena datanya belum ada: Kutai Timur." for c in captions)


def test_search_status_and_program_details(fixture_url):
    at = run_page({"cari": "harapan"})
    table = at.dataframe[-1].value
    assert table["Kode"].tolist() == ["PKH"]
    at = run_page({"status": "komitmen"})
    assert at.dataframe[-1].value["Kode"].tolist() == ["BEASISWA"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Unduh daftar (.csv)", "Unduh daftar (.xlsx)"]


def test_an_empty_selection_says_so(fixture_url):
    at = run_page({"sumber": "Dana Desa"})
    assert any("Tidak ada program pada filter ini" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_detail_of_a_co_financed_program(fixture_url):
    at = run_page(tab=3)
    at.session_state["program_table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert any(x.value == "Rincian: Rumah Layak Huni Terpadu" for x in at.text)
    assert any("status berjalan" in x.value for x in at.text)
    places = at.dataframe[-1].value
    assert places["Sumber dana"].tolist() == ["APBD Provinsi", "CSR/TJSL"]
    assert places["Pagu (Rp)"].tolist() == [400_000_000, 600_000_000]
    assert places["Tingkat"].tolist() == ["kecamatan", "kecamatan"]
    assert any("Target 10 KK, tercapai 8 KK" in c.value for c in at.caption)


def test_a_tab_stays_open_after_a_search_link_and_across_languages(fixture_url):
    at = run_page({"cari": "harapan"})  # a link that searches opens the program list
    assert at.dataframe[-1].value["Kode"].tolist() == ["PKH"]
    at.session_state["bagian"] = TABS["id"][1]  # then the categories tab, as a click does
    at.run()
    at.run()
    assert "ukuran_dana" not in [control.key for control in at.get("segmented_control")]  # the first tab's
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert any(spec["data"][0]["type"] == "sankey" for spec in specs)
    at.segmented_control(key="lang").set_value("en").run()  # the language changes: the same tab, in English
    assert at.session_state["bagian"] == TABS["en"][1]
    assert any(json.loads(c.proto.spec)["data"][0]["type"] == "sankey" for c in at.get("plotly_chart"))

"""Funding aggregates against the hand-made fixture and the sample data set, and the Pendanaan page."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_loaders.demo import build_demo
from data_loaders.store import open_store
from domain import funding
from domain.filters import Filters, Scope
from domain.overview import funding_by_source, kpis

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def test_by_category_assistance_region_and_implementer(fixture_store):
    f = Filters(2025)
    category = funding.by_dimension(fixture_store, f, Scope(), "ppks").groupby("category")["budget"].sum()
    assert category.to_dict() == {"Fakir Miskin": 2_500_000_000, "Anak Terlantar": 100_000_000}
    assistance = funding.by_dimension(fixture_store, f, Scope(), "assistance").groupby("category")["budget"].sum()
    assert assistance.to_dict() == {"Tunai": 1_500_000_000, "Rumah (RTLH)": 1_000_000_000, "Lainnya": 100_000_000}
    region = funding.by_dimension(fixture_store, f, Scope(), "region")
    per_region = region.groupby("category")["budget"].sum().to_dict()
    assert per_region == {"Kutai Kartanegara": 1_000_000_000, "Kutai Timur": 1_000_000_000, "Samarinda": 600_000_000}
    # The co-financed house programme is split by source, not counted twice.
    kutim = region[region["category"] == "Kutai Timur"].set_index("source")["budget"].to_dict()
    assert kutim == {"APBD_PROV": 400_000_000, "CSR": 600_000_000}
    people = funding.implementers(fixture_store, f, Scope()).set_index("implementer")
    assert people.loc["Dinas Sosial Provinsi Kalimantan Timur", "programs"] == 1
    assert people.loc["Dinas Sosial Provinsi Kalimantan Timur", "sources"] == "APBD Provinsi, CSR/TJSL"
    assert people.loc["Kementerian Sosial", "budget"] == 1_500_000_000


def test_flows_add_up_and_trends_cover_every_year(fixture_store):
    flows = funding.flows(fixture_store, Filters(2025), Scope())
    assert flows["budget"].sum() == 2_600_000_000
    assert set(flows["region"]) == {"Kutai Kartanegara", "Kutai Timur", "Samarinda"}
    trend = funding.trends(fixture_store, Filters(2025), Scope())
    assert trend.groupby("year")["budget"].sum().to_dict() == {2024: 200_000_000, 2025: 2_600_000_000}
    share = trend.groupby("year")["company_share"].first()
    assert share[2024] == 0 and share[2025] == pytest.approx(700 / 2600)


def test_program_table_counts_people_once_and_keeps_missing_realisation_missing(fixture_store):
    table = funding.programs(fixture_store, Filters(2025), Scope()).set_index("program_code")
    assert list(table.index) == ["PKH", "RLH", "BEASISWA"]  # largest first
    assert (table.loc["PKH", "places"], table.loc["PKH", "budget"], table.loc["PKH", "target"]) == (2, 1.5e9, 600)
    assert (table.loc["RLH", "places"], table.loc["RLH", "budget"], table.loc["RLH", "target"]) == (1, 1e9, 10)
    assert table.loc["RLH", "sources"] == "APBD Provinsi, CSR/TJSL"
    assert table.loc["BEASISWA", "spent"] != table.loc["BEASISWA", "spent"]  # NaN: not reported, not zero
    assert table["budget"].sum() == kpis(fixture_store, Filters(2025)).budget
    places = funding.program_places(fixture_store, int(table.loc["RLH", "id"]), Scope())
    assert places[["source", "budget"]].values.tolist() == [["APBD_PROV", 400_000_000], ["CSR", 600_000_000]]
    assert funding.program_places(fixture_store, int(table.loc["PKH", "id"]), Scope(kabkota=("64.72",)))[
        "budget"
    ].tolist() == [500_000_000]


def test_filters_apply_to_every_aggregate(fixture_store):
    f = Filters(2025, kabkota="64.72", sources=("CSR",))
    assert funding.by_dimension(fixture_store, f, Scope(), "ppks")["budget"].sum() == 100_000_000
    assert funding.programs(fixture_store, f, Scope())["program_code"].tolist() == ["BEASISWA"]
    assert funding.flows(fixture_store, Filters(2025, ppks=9), Scope()).empty


def test_every_total_equals_the_store_on_the_sample_data(store_url):
    store = open_store(store_url)
    build_demo(store, beneficiaries=2_000)
    for filters in (
        Filters(2025),
        Filters(2024, kabkota="64.08"),
        Filters(2023, sources=("CSR", "PPM")),
        Filters(2025, ppks=24),
    ):
        direct = store.scalar(
            "SELECT coalesce(sum(a.budget_idr), 0)::DOUBLE FROM program_allocations a JOIN programs p ON p.id = "
            "a.program_id JOIN regions r ON r.code = a.region_code WHERE p.year = ? AND (? IS NULL OR "
            "r.kabkota_code = ?) AND (? IS NULL OR p.ppks_category_id = ?) AND (? OR a.funding_source IN ('CSR', "
            "'PPM'))",
            [filters.year, filters.kabkota, filters.kabkota, filters.ppks, filters.ppks, not filters.sources],
        )
        assert kpis(store, filters).budget == pytest.approx(direct)
        assert funding_by_source(store, filters)["budget"].sum() == pytest.approx(direct)
        for dimension in ("ppks", "assistance", "region", "implementer"):
            assert funding.by_dimension(store, filters, Scope(), dimension)["budget"].sum() == pytest.approx(direct)
        assert funding.programs(store, filters, Scope())["budget"].sum() == pytest.approx(direct)
        flows = funding.flows(store, filters, Scope())
        assert (flows["budget"].sum() if not flows.empty else 0) == pytest.approx(direct)
        assert funding.implementers(store, filters, Scope())["budget"].sum() == pytest.approx(direct)
    store.close()


def run_page(query=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/pendanaan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_shows_the_fixture_totals(fixture_url):
    at = run_page()
    assert at.title[0].value == "Pendanaan 2025"
    values = {m.label: m.value.replace("\u00a0", " ") for m in at.metric}
    assert values == {"Pagu": "Rp2,6 M", "Komitmen": "Rp700 jt", "Realisasi": "Rp2,2 M", "Realisasi anggaran": "84,6 %"}
    stages = at.dataframe[0].value.set_index("Sumber dana")
    assert stages.loc["CSR/TJSL", "Komitmen (Rp)"] == "Rp700.000.000"
    assert stages.loc["APBN", "Realisasi (%)"] == "90,0 %"
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    sankey = next(spec for spec in specs if spec["data"][0]["type"] == "sankey")
    assert sum(sankey["data"][0]["link"]["value"]) == 2 * 2_600_000_000  # two steps, each the whole budget
    programs = at.dataframe[-1].value
    assert programs["Kode"].tolist() == ["PKH", "RLH", "BEASISWA"]
    assert programs["Pagu (Rp)"].sum() == 2_600_000_000


def test_per_resident_and_per_ppks(fixture_url):
    at = run_page()
    at.segmented_control(key="ukuran_dana").set_value("ppks").run()
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    per_ppks = {trace["name"]: dict(zip(trace["y"], trace["x"], strict=True)) for trace in spec["data"]}
    assert per_ppks["APBN"]["Kutai Kartanegara"] == pytest.approx(1_000_000_000 / 5_000)
    assert "Kutai Timur" not in per_ppks["APBN"]  # no PPKS recorded there: not shown per PPKS
    assert spec["layout"]["xaxis"]["title"]["text"] == "Pagu per PPKS (Rp)"


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
    at = run_page()
    at.session_state["program_table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert any(m.value == "**Rincian: Rumah Layak Huni Terpadu**" for m in at.markdown)
    places = at.dataframe[-1].value
    assert places["Sumber dana"].tolist() == ["APBD Provinsi", "CSR/TJSL"]
    assert places["Pagu (Rp)"].tolist() == ["Rp400.000.000", "Rp600.000.000"]
    assert any("Target 10 KK, tercapai 8 KK" in c.value for c in at.caption)

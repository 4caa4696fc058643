"""Map metrics, boundaries, the click-to-filter mapping, and the Peta page in AppTest."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape
from streamlit.testing.v1 import AppTest

from data_loaders.geo import BUDGET, boundaries, encoded_size
from data_loaders.regions import children_of, kabkota_facts
from domain.filters import Filters, Scope
from domain.map_metrics import (
    area_figures,
    classify,
    metric_values,
    metrics_for,
    quantile_breaks,
    unplaced_budget,
)
from domain.maps import selected_region

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


# --- metrics ------------------------------------------------------------------------------------


def figures(**columns) -> pd.DataFrame:
    base = {"code": ["a", "b", "c"], "name": ["A", "B", "C"]}
    return pd.DataFrame({**base, **columns})


def test_ratio_with_zero_or_missing_denominator_is_no_data():
    frame = figures(ppks=[10.0, 5.0, np.nan], population=[1000.0, 0.0, 500.0])
    values = metric_values(frame, "ppks_per_1000")
    assert values["value"].tolist()[0] == 10.0
    assert values["value"].isna().tolist() == [False, True, True]
    assert values["rank"].tolist()[0] == 1


def test_counted_figures_are_zero_where_other_regions_have_data():
    values = metric_values(figures(budget=[100.0, np.nan, 50.0]), "budget")
    assert values["value"].tolist() == [100.0, 0.0, 50.0]
    assert values["rank"].tolist() == [1, 3, 2]
    nothing = metric_values(figures(budget=[np.nan, np.nan, np.nan]), "budget")
    assert nothing["value"].isna().all()


def test_money_per_ppks_is_zero_when_need_has_no_money():
    values = metric_values(figures(budget=[1000.0, np.nan, 10.0], ppks=[10.0, 20.0, 0.0]), "budget_per_ppks")
    assert values["value"].tolist()[:2] == [100.0, 0.0]
    assert np.isnan(values["value"].tolist()[2])


def test_coverage_and_need_stay_missing_without_need():
    values = metric_values(figures(reached=[50.0, np.nan, 5.0], ppks=[100.0, 80.0, np.nan]), "coverage")
    assert values["value"].tolist()[:2] == [0.5, 0.0]
    assert np.isnan(values["value"].tolist()[2])


def test_quantile_classes_and_no_data_class():
    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, np.nan])
    breaks = quantile_breaks(values, classes=5)
    assert breaks == pytest.approx([1.8, 2.6, 3.4, 4.2, 5.0])
    assert classify(values, breaks).tolist() == [0, 1, 2, 3, 4, -1]
    assert quantile_breaks(pd.Series([np.nan, np.nan])) == []
    assert classify(pd.Series([np.nan]), []).tolist() == [-1]
    same = pd.Series([7.0, 7.0, 7.0])
    assert classify(same, quantile_breaks(same)).tolist() == [0, 0, 0]


def test_metrics_per_level():
    assert "ppks_per_1000" in metrics_for("kabupaten_kota")
    assert "ppks_per_1000" not in metrics_for("kecamatan")  # no kecamatan population in the reference data
    assert "beneficiaries" in metrics_for("desa_kelurahan")


def test_area_figures_match_the_store(fixture_store):
    kab = area_figures(fixture_store, Filters(2025), Scope(), "kabupaten_kota", None).set_index("code")
    assert len(kab) == 10
    assert kab.loc["64.02", "budget"] == 1_000_000_000 and kab.loc["64.08", "budget"] == 1_000_000_000
    assert kab.loc["64.72", "budget"] == 600_000_000 and np.isnan(kab.loc["64.01", "budget"])
    assert kab.loc["64.72", "ppks"] == 4_000 and kab.loc["64.02", "ppks"] == 5_000
    assert kab.loc["64.02", "population"] == 788_113 and kab.loc["64.02", "population_year"] == 2023
    assert kab.loc["64.08", "programs"] == 1 and kab.loc["64.08", "reached"] == 8  # co-financed: counted once
    kec = area_figures(fixture_store, Filters(2025, kabkota="64.72"), Scope(), "kecamatan", "64.72").set_index("code")
    assert len(kec) == len(children_of("64.72"))
    assert kec.loc["64.72.01", "budget"] == 100_000_000  # Palaran
    # PKH Samarinda (Rp500 jt) is allocated to the city as a whole: not on the kecamatan map, said in words.
    assert unplaced_budget(fixture_store, Filters(2025, kabkota="64.72"), Scope(), "kecamatan", "64.72") == 500_000_000
    assert unplaced_budget(fixture_store, Filters(2025), Scope(), "kabupaten_kota", None) == 0


def test_population_falls_back_to_the_earliest_year(fixture_store):
    kab = area_figures(fixture_store, Filters(2021), Scope(), "kabupaten_kota", None).set_index("code")
    assert kab.loc["64.07", "population"] == 172_288 and not kab.loc["64.07", "population_verified"]


# --- boundaries ---------------------------------------------------------------------------------


def test_boundaries_all_levels_within_budget():
    kab = boundaries("kabupaten_kota")
    assert [f["id"] for f in kab["features"]] == sorted(fact.code for fact in kabkota_facts())
    assert encoded_size(kab) <= BUDGET["kabupaten_kota"]
    for fact in kabkota_facts():
        kecamatan = boundaries("kecamatan", fact.code)
        assert len(kecamatan["features"]) == fact.kecamatan_count
        assert encoded_size(kecamatan) <= BUDGET["kecamatan"]
        desa = boundaries("desa_kelurahan", fact.code)
        assert encoded_size(desa) <= BUDGET["desa_kelurahan"], fact.name
    assert sum(len(boundaries("desa_kelurahan", f.code)["features"]) for f in kabkota_facts()) == 1038


def test_boundaries_are_rounded_valid_and_counter_clockwise():
    collection = boundaries("kecamatan", "64.02")
    text = json.dumps(collection)
    assert not any(
        len(number.split(".")[1]) > 5
        for number in text.replace("[", " ").replace("]", " ").replace(",", " ").split()
        if "." in number
    )
    for feature in collection["features"]:
        geometry = shape(feature["geometry"])
        assert geometry.is_valid
        polygons = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
        assert all(shapely.is_ccw(polygon.exterior) for polygon in polygons)


# --- clicks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"selection": {"points": [{"customdata": ["64.07"], "location": "64.07"}]}}, "64.07"),
        ({"selection": {"points": [{"location": "64.02.06"}]}}, "64.02.06"),
        ({"selection": {"points": [{"customdata": "64.74"}]}}, "64.74"),
        ({"selection": {"points": []}}, None),
        ({"selection": {}}, None),
        ({}, None),
        (None, None),
    ],
)
def test_click_to_region(event, expected):
    assert selected_region(event) == expected


# --- page ---------------------------------------------------------------------------------------


def run_map(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/peta.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def map_spec(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def features_drawn(spec: dict) -> list[str]:
    return [f["id"] for trace in spec["data"] if trace["type"] == "choroplethmap" for f in trace["geojson"]["features"]]


def test_province_map_has_the_ten_kabkota_and_a_tile_grid(fixture_url):
    at = run_map({"metrik": "Pagu (Rp)"})
    spec = map_spec(at)
    assert len(features_drawn(spec)) == 10
    names = [trace["name"] for trace in spec["data"]]
    assert names[-1] == "Tidak ada data"
    assert spec["layout"]["map"]["style"] == "white-bg"
    hover = {c[0]: h for trace in spec["data"] for c, h in zip(trace["customdata"], trace["hovertext"], strict=True)}
    assert "Pagu (Rp): Rp1 M" in hover["64.02"].replace("\u00a0", " ")
    assert "peringkat 1 dari 10" in hover["64.02"]
    assert "Pagu (Rp): Rp0" in hover["64.01"]
    tiles = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert len(tiles["data"][0]["x"]) == 10
    assert at.title[0].value == "Pagu (Rp), 2025"
    ranked = at.dataframe[0].value
    assert ranked.iloc[0]["Wilayah"] in ("Kutai Kartanegara", "Kutai Timur")
    assert len(ranked) == 10


def test_drill_down_to_kecamatan_and_desa(fixture_url):
    at = run_map({"wilayah": "Samarinda"})
    assert sorted(features_drawn(map_spec(at))) == sorted(r.code for r in children_of("64.72"))
    assert any("dialokasikan untuk Samarinda secara keseluruhan" in c.value.replace("\u00a0", " ") for c in at.caption)
    at.selectbox(key="kecamatan").select("64.72.01").run()
    assert not at.exception
    assert sorted(features_drawn(map_spec(at))) == sorted(r.code for r in children_of("64.72.01"))


def test_default_measure_has_data_and_no_data_is_said(fixture_url):
    at = run_map({"wilayah": "Kutai Timur"})
    assert at.selectbox(key="metrik").value in ("ppks", "budget")
    at.selectbox(key="metrik").select("beneficiaries").run()
    assert any("Ukuran yang berisi data" in i.value for i in at.info)


def test_english_and_downloads(fixture_url):
    at = run_map({"lang": "en"})
    assert at.title[0].value == "PPKS per 1,000 population, 2025"
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the table (.csv)", "Download the table (.xlsx)"]


def test_program_locations_on_request(fixture_url):
    at = run_map({"metrik": "Pagu (Rp)"})
    assert all(trace["type"] == "choroplethmap" for trace in map_spec(at)["data"])
    at.toggle(key="lokasi").set_value(True).run()
    points = [trace for trace in map_spec(at)["data"] if trace["type"] == "scattermap"]
    assert len(points) == 1
    places = sorted(c[0] for c in points[0]["customdata"])
    assert places == ["64.02", "64.08.04", "64.72", "64.72.01"]  # where the fixture's programs are placed
    hover = dict(zip((c[0] for c in points[0]["customdata"]), points[0]["hovertext"], strict=True))
    assert hover["64.08.04"].replace("\u00a0", " ").startswith("1 program · pagu Rp1 M")  # co-financed: once

"""Map figures (domain.map_metrics views on the fixture and the sample data), their scope, the
page's texts (domain.maps), boundaries, the click-to-filter mapping, and the Peta page in AppTest."""

import functools
import itertools
import json
import os
import re
import threading
from pathlib import Path

import geopandas
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io
import pytest
import shapely
from shapely.geometry import shape
from streamlit.testing.v1 import AppTest

from data_loaders.demo import build_demo
from data_loaders.geo import BUDGET, boundaries, bounds, encoded_size, geojson_text, rings
from data_loaders.regions import children_of, kabkota_facts
from data_loaders.store import open_store
from domain import map_metrics, maps
from domain.filters import Filters, Scope
from domain.map_metrics import (
    areas,
    classify,
    metric_values,
    metrics_for,
    program_points,
    quantile_breaks,
)
from domain.maps import selected_region
from domain.overview import People
from domain.reader import Reader
from tests.conftest import app_test, region_map_spec
from tests.fixture_data import build_fixture
from ui import data, region_map

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


# --- metrics ------------------------------------------------------------------------------------


def figures(**columns) -> pd.DataFrame:
    base = {"code": ["a", "b", "c"], "name": ["A", "B", "C"]}
    return pd.DataFrame({**base, **columns})


def test_ratio_with_zero_or_missing_denominator_is_no_data():
    frame = figures(ppks_jiwa=[10.0, 5.0, np.nan], population=[1000.0, 0.0, 500.0])
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
    values = metric_values(figures(budget=[1000.0, np.nan, 10.0], ppks_jiwa=[10.0, 20.0, 0.0]), "budget_per_ppks")
    assert values["value"].tolist()[:2] == [100.0, 0.0]
    assert np.isnan(values["value"].tolist()[2])


def test_coverage_and_need_stay_missing_without_need():
    frame = figures(reached_need_jiwa=[50.0, np.nan, 5.0], ppks_jiwa=[100.0, 80.0, np.nan])
    values = metric_values(frame, "coverage")
    assert values["value"].tolist()[:2] == [0.5, 0.0]
    assert np.isnan(values["value"].tolist()[2])


def test_coverage_is_taken_per_unit_and_never_adds_kk_to_jiwa():
    frame = figures(
        reached_need_jiwa=[50.0, np.nan, np.nan],
        reached_need_kk=[20.0, np.nan, np.nan],
        need_programs_jiwa=[2.0, 1.0, 0.0],  # b: a KK program of a category with jiwa need
        need_programs_kk=[2.0, np.nan, np.nan],
        ppks_jiwa=[100.0, 100.0, 100.0],
        ppks_kk=[40.0, np.nan, np.nan],
    )
    jiwa = metric_values(frame, "coverage")["value"].tolist()
    assert jiwa[0] == 0.5  # 50 jiwa ÷ 100 jiwa; the 20 KK are not added
    assert np.isnan(jiwa[1])  # only a KK program: persons reached unknown, not 0
    assert jiwa[2] == 0.0  # no program counting people at all: nobody reached
    kk = metric_values(frame, "coverage_kk")["value"].tolist()
    assert kk[0] == 0.5 and np.isnan(kk[1]) and np.isnan(kk[2])


def test_coverage_is_no_data_where_the_only_programs_sit_above():
    frame = figures(reached_need_jiwa=[50.0, np.nan, np.nan], ppks_jiwa=[100.0, 3_161.0, 80.0])
    assert metric_values(frame, "coverage")["value"].tolist()[1] == 0.0
    above = metric_values(frame, "coverage", people_above=True)["value"]
    assert above.tolist()[0] == 0.5 and above.isna().tolist() == [False, True, True]


def test_coverage_counts_only_the_programs_of_the_categories_in_need():
    # All reached persons (reached_jiwa) are not the numerator: only those of the categories with need.
    frame = figures(
        reached_jiwa=[500.0, 1_000.0, 80.0],
        reached_need_jiwa=[100.0, np.nan, np.nan],
        need_programs_jiwa=[1.0, 0.0, 1.0],  # c: its program of a category in need reports no reach
        people_programs=[2.0, 1.0, 1.0],
        ppks_jiwa=[1_000.0, 2_000.0, 400.0],
    )
    assert metric_values(frame, "coverage")["value"].tolist()[:2] == [0.1, 0.0]  # not 0.5 and 0.5
    assert np.isnan(metric_values(frame, "coverage")["value"].tolist()[2])


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
    assert "coverage" in metrics_for("kecamatan") and "coverage" not in metrics_for("desa_kelurahan")
    assert "coverage_kk" not in metrics_for("kabupaten_kota")  # household measures only where need is in KK
    assert {"coverage_kk", "ppks_kk"} <= set(metrics_for("kabupaten_kota", kk=True))


def test_areas_match_the_store(fixture_store):
    reader = Reader(fixture_store)
    province = areas(reader, Filters(2025), "kabupaten_kota", None)
    kab = province.table.set_index("code")
    assert len(kab) == 10
    assert kab.loc["64.02", "budget"] == 1_000_000_000 and kab.loc["64.08", "budget"] == 1_000_000_000
    assert kab.loc["64.72", "budget"] == 600_000_000 and np.isnan(kab.loc["64.01", "budget"])
    assert kab.loc["64.72", "ppks_jiwa"] == 4_000 and kab.loc["64.02", "ppks_jiwa"] == 5_000
    assert kab.loc["64.02", "need_levels"] == "kecamatan"  # the kab/kota figure comes from kecamatan rows
    assert kab.loc["64.02", "population"] == 788_113 and kab.loc["64.02", "population_year"] == 2023
    # RLH is counted in KK and co-financed: its 8 households are counted once, and never as jiwa.
    assert kab.loc["64.08", "programs"] == 1 and kab.loc["64.08", "reached_kk"] == 8
    assert np.isnan(kab.loc["64.08", "reached_jiwa"])
    assert kab.loc["64.72", "reached_kk"] == 190 and np.isnan(
        kab.loc["64.72", "reached_jiwa"]
    )  # Beasiswa: not reported
    assert province.above == ()  # nothing is placed at province level
    samarinda = areas(reader, Filters(2025, kabkota="64.72"), "kecamatan", "64.72")
    kec = samarinda.table.set_index("code")
    assert len(kec) == len(children_of("64.72"))
    assert kec.loc["64.72.01", "budget"] == 100_000_000  # Palaran
    # PKH Samarinda (Rp500 jt, 190 KK) is allocated to the city as a whole: not on the kecamatan map, said apart.
    (city,) = samarinda.above
    assert (city.code, city.level, city.budget, city.programs) == ("64.72", "kabupaten_kota", 500_000_000, 1)
    assert city.reached == People(jiwa=0, kk=190) and samarinda.people_above


def test_kecamatan_coverage_is_no_data_where_money_sits_at_kabkota_level(fixture_store):
    kukar = areas(Reader(fixture_store), Filters(2025, kabkota="64.02"), "kecamatan", "64.02")
    (whole,) = kukar.above
    assert (whole.name, whole.budget, whole.reached) == ("Kutai Kartanegara", 1_000_000_000, People(jiwa=0, kk=380))
    values = kukar.values("coverage").set_index("code")
    assert values.loc["64.02.06", "ppks_jiwa"] == 5_000
    assert np.isnan(values.loc["64.02.06", "value"])  # PKH is placed at kab/kota level: no data, not 0
    lines = maps.notes(kukar, "coverage", "id")
    assert (
        lines[0]
        .replace("\u00a0", " ")
        .startswith("Rp1 M untuk Kutai Kartanegara dialokasikan di tingkat kabupaten/kota")
    )
    assert "tidak ada data" in lines[1]
    assert "allocated at regency/city level" in maps.notes(kukar, "coverage", "en")[0]
    table, formats = maps.ranking(kukar, maps.layer(kukar, "coverage", "en"), "en")
    last = table.iloc[-1]
    assert last["Area"] == "Kutai Kartanegara (allocated at regency/city level)"
    assert (last["Planned"], last["Households reached"]) == (1_000_000_000, 380)
    assert formats["Planned"] == "money" and pd.isna(last["Rank"])


def test_coverage_leaves_out_programs_of_categories_without_need_in_the_area(fixture_store):
    # 2024: Santunan (category 9, disabilities, 100 of 100 jiwa) in Kutai Kartanegara, whose need is
    # only category 24 (5,200 jiwa at Tenggarong). It no longer counts: 100 ÷ 5,200 = 1.9 % before, no data now.
    kab = areas(Reader(fixture_store), Filters(2024), "kabupaten_kota", None)
    table = kab.table.set_index("code")
    assert table.loc["64.02", "reached_jiwa"] == 100 and table.loc["64.02", "ppks_jiwa"] == 5_200
    assert np.isnan(table.loc["64.02", "reached_need_jiwa"]) and np.isnan(table.loc["64.02", "need_programs_jiwa"])
    assert kab.values("coverage")["value"].isna().all()
    assert "coverage" not in kab.metrics_with_data()
    # 2025: Samarinda's jiwa need is categories 24 and 2 (4,000); Beasiswa (category 2, jiwa) is placed in
    # Palaran but reports no reach, PKH (category 24) counts KK: no data, as before.
    samarinda = areas(Reader(fixture_store), Filters(2025), "kabupaten_kota", None).table.set_index("code")
    assert samarinda.loc["64.72", "need_programs_jiwa"] == 2 and np.isnan(samarinda.loc["64.72", "reached_need_jiwa"])


@pytest.fixture
def mixed_store(tmp_path):
    """The fixture plus 2025 jiwa programs at Tenggarong (64.02.06, need: category 24, 5,000 jiwa) of
    category 24 (500 reached), 9 (1,000; no need of it anywhere), 2 (300; need of it only in Samarinda)
    and of no category (Lintas PPKS, 700), and one of category 2 at Palaran (64.72.01, 200 reached)."""
    store = open_store(f"duckdb:///{tmp_path / 'mixed.duckdb'}")
    build_fixture(store)
    extra = [  # id, category, region, reached
        (11, 24, "64.02.06", 500),
        (12, 9, "64.02.06", 1_000),
        (13, 2, "64.02.06", 300),
        (14, None, "64.02.06", 700),
        (15, 2, "64.72.01", 200),
    ]
    programs = pd.DataFrame(
        {
            "id": [row[0] for row in extra],
            "program_code": [f"X{row[0]}" for row in extra],
            "year": 2025,
            "name": [f"Program {row[0]}" for row in extra],
            "implementer": "Dinas Sosial",
            "ppks_category_id": pd.array([row[1] for row in extra], dtype="Int64"),
            "beneficiary_unit": "jiwa",
            "status": "selesai",
            "import_id": 1,
        }
    )
    allocations = pd.DataFrame(
        {
            "program_id": [row[0] for row in extra],
            "region_code": [row[2] for row in extra],
            "funding_source": "APBD_PROV",
            "budget_idr": 10_000_000,
            "target_beneficiaries": [row[3] for row in extra],
            "reached_beneficiaries": [row[3] for row in extra],
            "import_id": 1,
        }
    )
    with store.transaction() as tx:
        tx.insert_frame("programs", programs)
        tx.insert_frame("program_allocations", allocations)
    yield store
    store.close()


def test_coverage_counts_only_the_categories_with_need_in_the_area(mixed_store):
    reader = Reader(mixed_store)
    kab = areas(reader, Filters(2025), "kabupaten_kota", None)
    table = kab.table.set_index("code")
    assert table.loc["64.02", "reached_jiwa"] == 2_500  # every jiwa program placed in Kutai Kartanegara
    assert table.loc["64.02", "reached_need_jiwa"] == 500  # only category 24's
    coverage = kab.values("coverage").set_index("code")["value"]
    assert coverage["64.02"] == pytest.approx(500 / 5_000)  # not 2,500 ÷ 5,000
    assert coverage["64.72"] == pytest.approx(200 / 4_000)  # category 2 counts in Samarinda
    assert np.isnan(coverage["64.08"]) and np.isnan(coverage["64.01"])  # no need: no data
    # Kecamatan areas: programs placed in the kecamatan or below; PKH at the kab/kota as a whole is not.
    kukar = areas(reader, Filters(2025, kabkota="64.02"), "kecamatan", "64.02")
    kec = kukar.values("coverage").set_index("code")["value"]
    assert kec["64.02.06"] == pytest.approx(0.1) and kec.drop("64.02.06").isna().all()
    samarinda = areas(reader, Filters(2025, kabkota="64.72"), "kecamatan", "64.72")
    assert samarinda.values("coverage").set_index("code").loc["64.72.01", "value"] == pytest.approx(200 / 4_000)
    # Filtering on category 9 leaves Kutai Kartanegara no need of it: no coverage anywhere.
    nine = areas(reader, Filters(2025, ppks=9), "kabupaten_kota", None)
    assert nine.values("coverage")["value"].isna().all()
    hover = maps.layer(kab, "coverage", "en").values.set_index("code").loc["64.02", "hover"]
    assert "People reached 2,500 persons" in hover and "(counted for coverage: 500)" in hover


def test_population_falls_back_to_the_earliest_year(fixture_store):
    kab = areas(Reader(fixture_store), Filters(2021), "kabupaten_kota", None).table.set_index("code")
    assert kab.loc["64.07", "population"] == 172_288 and not kab.loc["64.07", "population_verified"]


def test_an_unknown_level_is_refused(fixture_store):
    with pytest.raises(ValueError):
        areas(Reader(fixture_store), Filters(2025), "provinsi", None)


# --- scope --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    store = open_store(f"duckdb:///{tmp_path_factory.mktemp('sample') / 'sample.duckdb'}")
    build_demo(store, beneficiaries=3_000)
    yield store
    store.close()


def _in_kukar(code: str) -> bool:
    return code == "64.02" or code.startswith("64.02.")


@pytest.mark.parametrize("which", ["fixture", "sample"])
def test_a_kabkota_scope_returns_only_its_own_regions_and_counts(which, fixture_store, sample_store):
    store = fixture_store if which == "fixture" else sample_store
    scoped, whole = Reader(store, Scope(kabkota=("64.02",))), Reader(store)
    for filters, level, parent in (
        (Filters(2025), "kabupaten_kota", None),
        (Filters(2025, kabkota="64.02"), "kecamatan", "64.02"),
        (Filters(2025, kabkota="64.02"), "desa_kelurahan", "64.02.06"),
        (Filters(2025, kabkota="64.72"), "kecamatan", "64.72"),  # another kab/kota: nothing
    ):
        result = areas(scoped, filters, level, parent)
        assert all(_in_kukar(code) for code in result.table["code"]), (level, parent)
        assert all(_in_kukar(region.code) for region in result.above), (level, parent)
        assert all(_in_kukar(code) for code in program_points(scoped, filters, parent).table["code"])
        # Every count of an area in scope is the whole province's count for that area.
        full = areas(whole, filters, level, parent).table.set_index("code")
        columns = ["budget", "spent", "programs", "reached_jiwa", "reached_kk", "ppks_jiwa", "beneficiaries"]
        mine = result.table.set_index("code")[columns]
        pd.testing.assert_frame_equal(mine, full.loc[mine.index, columns], check_index_type=not mine.empty)
    province = areas(scoped, Filters(2025), "kabupaten_kota", None).table
    assert province["code"].tolist() == ["64.02"]
    listed = store.scalar(
        "SELECT count(DISTINCT b.nik_hash) FROM beneficiaries b JOIN regions r ON r.code = b.region_code "
        "WHERE r.kabkota_code = '64.02' AND b.year = 2025"
    )
    assert province["beneficiaries"].fillna(0).sum() == listed  # only Kukar's people, not the other nine


def test_a_partner_scope_holds_only_its_programs_money(sample_store):
    partner = int(
        sample_store.scalar("SELECT min(partner_id) FROM programs WHERE partner_id IS NOT NULL AND year = 2025")
    )
    reader = Reader(sample_store, Scope(partner_id=partner))
    result = areas(reader, Filters(2025), "kabupaten_kota", None)
    own = sample_store.query(
        "SELECT r.kabkota_code, sum(a.budget_idr) AS budget FROM program_allocations a "
        "JOIN programs p ON p.id = a.program_id JOIN regions r ON r.code = a.region_code "
        "WHERE p.partner_id = ? AND p.year = 2025 GROUP BY 1",
        [partner],
    )
    assert own["budget"].sum() > 0
    table = result.table.set_index("code")
    assert set(table.index) <= set(own["kabkota_code"])  # only the kab/kota where its programs are placed
    assert table["budget"].sum() + sum(r.budget for r in result.above) == pytest.approx(own["budget"].sum())
    partner_programs = sample_store.scalar(
        "SELECT count(DISTINCT id) FROM programs WHERE partner_id = ? AND year = 2025", [partner]
    )
    assert table["programs"].max() <= partner_programs
    points = program_points(reader, Filters(2025), None).table
    assert points["budget"].sum() == pytest.approx(own["budget"].sum())


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


def test_boundary_rings_are_arrays_that_plotly_sends_as_the_same_json():
    collection = boundaries("kabupaten_kota")
    every_ring = [ring for f in collection["features"] for ring in rings(f["geometry"])]
    assert every_ring and all(isinstance(r, np.ndarray) and r.ndim == 2 and r.shape[1] == 2 for r in every_ring)
    as_lists = json.loads(geojson_text(collection))
    trace = {"type": "choroplethmap", "featureidkey": "id", "locations": ["64.02"], "z": [1]}
    sent = plotly.io.to_json(go.Figure(data=[{**trace, "geojson": collection}]), validate=False)
    assert sent == plotly.io.to_json(go.Figure(data=[{**trace, "geojson": as_lists}]), validate=False)


def test_bounds_are_the_extremes_of_every_point():
    for collection in (boundaries("kabupaten_kota"), boundaries("desa_kelurahan", "64.02")):
        frame = geopandas.GeoDataFrame.from_features(collection)
        assert bounds(collection) == tuple(float(value) for value in frame.total_bounds)
    west, south, east, north = bounds(boundaries("kabupaten_kota"))
    assert 113 < west < east < 120 and -3 < south < north < 3  # Kalimantan Timur, in degrees
    with pytest.raises(ValueError):
        bounds({"type": "FeatureCollection", "features": []})


def test_boundaries_are_rounded_valid_and_counter_clockwise():
    collection = boundaries("kecamatan", "64.02")
    text = geojson_text(collection)
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


# --- the region map's frame ---------------------------------------------------------------------


def test_the_frame_folder_holds_the_page_and_the_installed_plotly_js(tmp_path):
    folder = region_map.fill_frame_folder(tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == ["index.html", "plotly.min.js"]
    assert (folder / "plotly.min.js").read_bytes() == region_map.PLOTLY_JS.read_bytes()
    assert (folder / "index.html").read_bytes() == region_map.FRAME_PAGE.read_bytes()
    # The served folder is this process's own: no other account may place files in it.
    served = Path(region_map._FOLDER.name)
    assert served.stat().st_mode & 0o077 == 0 and served.stat().st_uid == os.getuid()
    # The page loads nothing from outside: plotly.js from its own folder, no other address.
    page = region_map.FRAME_PAGE.read_text(encoding="utf-8")
    assert re.findall(r'(?:src|href)="([^"]*)"', page) == ["plotly.min.js"]
    assert "http" not in page and "import(" not in page and "innerHTML" not in page


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("64.07", ("64.07", None)),  # a kab/kota on the province map or its tile
        ("64.72.01", ("64.72", "64.72.01")),  # a kecamatan, also from a figure drawn before this one
        ("64.72.01.1001", None),  # a desa/kelurahan: nothing below it to open
        ("64", None),
        ("64.99", None),  # no such kab/kota
        ("64.07.99", None),  # no such kecamatan
        (None, None),
    ],
)
def test_click_target(code, expected):
    assert maps.click_target(code) == expected


# --- page ---------------------------------------------------------------------------------------


def run_map(query: dict[str, str]) -> AppTest:
    at = app_test()
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/peta.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def features_drawn(spec: dict) -> list[str]:
    return [f["id"] for trace in spec["data"] if trace["type"] == "choroplethmap" for f in trace["geojson"]["features"]]


def legend_names(spec: dict) -> list[str]:
    """The map's classes as its legend names them: one empty marker trace each."""
    return [trace["name"] for trace in spec["data"] if trace["type"] == "scattermap" and trace["lat"] == [None]]


def classes_drawn(spec: dict) -> dict[str, list[str]]:
    """Region codes per legend class, read from the one choropleth trace's class places (`z`), after
    checking that each place's step of the colour scale has its legend entry's colour."""
    (regions,) = [trace for trace in spec["data"] if trace["type"] == "choroplethmap"]
    legend = [trace for trace in spec["data"] if trace["type"] == "scattermap" and trace["lat"] == [None]]
    count, steps = len(legend), regions["colorscale"]
    assert (regions["zmin"], regions["zmax"]) == (-0.5, count - 0.5)
    drawn: dict[str, list[str]] = {}
    for code, place in zip(regions["locations"], regions["z"], strict=True):
        position = (place + 0.5) / count
        step = next(colour for (low, colour), (high, _) in itertools.pairwise(steps) if low <= position <= high)
        assert step == legend[place]["marker"]["color"], code
        drawn.setdefault(legend[place]["name"], []).append(code)
    return drawn


def test_province_map_has_the_ten_kabkota_and_a_tile_grid(fixture_url):
    at = run_map({"metrik": "Pagu (Rp)"})
    spec = region_map_spec(at)
    assert len(features_drawn(spec)) == 10
    assert legend_names(spec)[-1] == "Tidak ada data"
    by_class = classes_drawn(spec)
    assert sorted(code for codes in by_class.values() for code in codes) == sorted(features_drawn(spec))
    assert "64.02" not in by_class.get("Tidak ada data", [])  # Kukar has a budget
    assert spec["layout"]["map"]["style"] == "white-bg"
    hover = {c[0]: h for trace in spec["data"] for c, h in zip(trace["customdata"], trace["hovertext"], strict=True)}
    assert "Pagu (Rp): Rp1 M" in hover["64.02"].replace("\u00a0", " ")
    assert "peringkat 1 dari 10" in hover["64.02"]
    assert "Pagu (Rp): Rp0" in hover["64.01"]
    (tiles,) = (json.loads(chart.proto.spec) for chart in at.get("plotly_chart"))
    assert len(tiles["data"][0]["x"]) == 10
    assert at.title[0].value == "Pagu (Rp), 2025"
    ranked = at.dataframe[0].value
    assert ranked.iloc[0]["Wilayah"] in ("Kutai Kartanegara", "Kutai Timur")
    assert len(ranked) == 10


def test_the_province_map_computes_every_kabkotas_map_before_a_click(fixture_url, monkeypatch):
    computed: list[str | None] = []
    original = map_metrics.areas

    @functools.wraps(original)
    def counted(reader, filters, level, parent=None):
        computed.append(parent)
        return original(reader, filters, level, parent)

    monkeypatch.setattr(map_metrics, "areas", counted)
    at = run_map({})
    assert data.wait_for_prefetch()
    assert sorted(code for code in computed if code) == sorted(r.code for r in children_of("64"))
    computed.clear()
    asked: list[object] = []
    monkeypatch.setattr(data._PREFETCHER, "ask", asked.append)
    at.run()  # a warm rerun of the province map: every map is kept, so no thread opens the store again
    assert asked == [] and computed == []
    at.selectbox(key="wilayah").set_value("64.72").run()  # as a click on Samarinda sets it
    assert computed == []  # its kecamatan map was ready
    assert sorted(features_drawn(region_map_spec(at))) == sorted(r.code for r in children_of("64.72"))


def test_a_prefetch_stops_when_the_session_goes_elsewhere(fixture_url, monkeypatch):
    computed: list[str] = []
    original = map_metrics.areas

    @functools.wraps(original)
    def counted(reader, filters, level, parent=None):
        if parent:
            computed.append(parent)
        return original(reader, filters, level, parent)

    monkeypatch.setattr(map_metrics, "areas", counted)
    released = threading.Event()
    monkeypatch.setattr(data, "_pause", lambda: released.wait(60))  # the delay ends on cue
    at = run_map({})
    at.selectbox(key="wilayah").set_value("64.72").run()  # a click on Samarinda: no prefetch of its own
    released.set()
    assert data.wait_for_prefetch()
    assert computed == ["64.72"]  # the page's own read; none of the province map's request


def test_a_newer_prefetch_replaces_an_older_one(fixture_url, monkeypatch):
    computed: list[tuple[int, str]] = []
    original = map_metrics.areas

    @functools.wraps(original)
    def counted(reader, filters, level, parent=None):
        if parent:
            computed.append((filters.year, parent))
        return original(reader, filters, level, parent)

    monkeypatch.setattr(map_metrics, "areas", counted)
    released = threading.Event()
    monkeypatch.setattr(data, "_pause", lambda: released.wait(60))
    at = run_map({})
    assert at.selectbox(key="tahun").value != 2024
    at.selectbox(key="tahun").select(2024).run()  # another year before the first prefetch began
    released.set()
    assert data.wait_for_prefetch()
    assert sorted(computed) == sorted((2024, r.code) for r in children_of("64"))  # only the year shown


def test_drill_down_to_kecamatan_and_desa(fixture_url):
    at = run_map({"wilayah": "Samarinda"})
    assert sorted(features_drawn(region_map_spec(at))) == sorted(r.code for r in children_of("64.72"))
    captions = [c.value.replace("\u00a0", " ") for c in at.caption]
    assert any(c.startswith("Rp500 jt untuk Samarinda dialokasikan di tingkat kabupaten/kota") for c in captions)
    assert at.dataframe[0].value.iloc[-1]["Wilayah"] == "Samarinda (dialokasikan di tingkat kabupaten/kota)"
    at.selectbox(key="kecamatan").select("64.72.01").run()
    assert not at.exception
    assert sorted(features_drawn(region_map_spec(at))) == sorted(r.code for r in children_of("64.72.01"))


def test_default_measure_has_data_and_no_data_is_said(fixture_url):
    at = run_map({"wilayah": "Kutai Timur"})
    assert at.selectbox(key="metrik").value in ("ppks", "budget")
    at.selectbox(key="metrik").select("beneficiaries").run()
    assert any("Ukuran yang berisi data" in i.value for i in at.info)


def test_english_kabkota_page_has_no_indonesian_labels(fixture_url):
    at = run_map({"lang": "en", "wilayah": "Samarinda"})
    assert at.selectbox(key="kecamatan").label == "Subdistrict"
    assert at.selectbox(key="kecamatan").options[0] == "All subdistricts"
    coverage = "Coverage: persons reached in the recorded PPKS categories ÷ PPKS persons"
    at.selectbox(key="metrik").select("coverage").run()
    assert at.title[0].value == f"{coverage}, 2025"
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Coverage is taken per area and per unit") for c in captions)
    assert not any("kecamatan" in text.lower() for text in [at.title[0].value, *captions])


def test_english_and_downloads(fixture_url):
    at = run_map({"lang": "en"})
    assert at.title[0].value == "PPKS per 1,000 population, 2025"
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the table (.csv)", "Download the table (.xlsx)"]


def test_program_locations_on_request(fixture_url):
    at = run_map({"metrik": "Pagu (Rp)"})
    assert not [trace for trace in region_map_spec(at)["data"] if trace["type"] == "scattermap" and trace["customdata"]]
    at.toggle(key="lokasi").set_value(True).run()
    traces = region_map_spec(at)["data"]
    points = [t for t in traces if t["type"] == "scattermap" and t["showlegend"] and t["customdata"]]
    assert [trace["name"] for trace in points] == ["Titik tengah wilayah (program tanpa koordinat)"]  # no sites
    places = sorted(c[0] for c in points[0]["customdata"])
    assert places == ["64.02", "64.08.04", "64.72", "64.72.01"]  # where the fixture's programs are placed
    hover = dict(zip((c[0] for c in points[0]["customdata"]), points[0]["hovertext"], strict=True))
    assert hover["64.08.04"].replace("\u00a0", " ").startswith("1 program · pagu Rp1 M")  # co-financed: once

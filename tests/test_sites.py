"""Program sites (issue 11, item 9): `lintang`/`bujur` read, checked against the boundary of the
row's region with a geopandas spatial join, stored with the allocation (and rolled back with it),
and drawn on the Peta page at the site, or at the region's centroid where a file gave none.

Coordinates below are real places: (-0.42117, 116.99045) lies in Kelurahan Melayu, Kecamatan
Tenggarong, Kutai Kartanegara; (-0.43, 117.01) in Kecamatan Tenggarong Seberang; (-0.5022, 117.1536)
in Kecamatan Samarinda Kota, Kota Samarinda; (-0.49686, 116.94157) in Kelurahan Jahab (Tenggarong);
(-6.1754, 106.8272) is Jakarta."""

import base64
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data_loaders import importer
from data_loaders.demo import build_demo
from data_loaders.kinds import kind_of
from data_loaders.problems import ERROR, WARNING, ValueProblem
from data_loaders.regions import region_by_code, resolve_region
from data_loaders.sites import check_sites, coordinate
from data_loaders.store import open_store
from data_loaders.validation import validate
from domain import maps
from domain.filters import Filters
from domain.map_metrics import program_points
from domain.reader import Reader
from tests.conftest import app_test, region_map_spec

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp;lintang;bujur"
TENGGARONG = "-0,42117;116,99045"


def program_file(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def row(code: str, region: str, site: str, source: str = "APBD Provinsi") -> str:
    return f"{code};Rumah Layak Huni;Dinsos;{source};2025;Fakir Miskin;{region};100 juta;{site}"


def site_problems(content: bytes):
    result = validate("lokasi.csv", content, "program")
    return result, [p for p in result.problems if p.key.startswith("imp_site")]


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def stored_sites(store) -> list[tuple]:
    """(program code, region, latitude, longitude) per allocation; None for SQL NULL."""
    return [
        tuple(None if pd.isna(value) else value for value in r)
        for r in store.query(
            "SELECT p.program_code, a.region_code, a.latitude, a.longitude FROM program_allocations a "
            "JOIN programs p ON p.id = a.program_id ORDER BY 1, 2"
        ).itertuples(index=False)
    ]


# --- reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "degrees"),
    [("-0,42117", -0.42117), ("-0.42117", -0.42117), ("116,99045", 116.99045), ("\u22120,5", -0.5), (117, 117.0)],
)
def test_coordinates_with_a_comma_or_a_point(cell, degrees):
    assert coordinate(cell) == degrees


@pytest.mark.parametrize("cell", ["0°25'12\" LS", "1.234,5", "abc", "116.990.450"])
def test_a_coordinate_that_is_not_a_number_is_refused_naming_it(cell):
    with pytest.raises(ValueProblem) as refused:
        coordinate(cell)
    assert refused.value.key == "imp_site_not_number"
    assert refused.value.values["value"] == cell


# --- the check --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "site"),
    [
        ("Kutai Kartanegara", TENGGARONG),
        ("Kec. Tenggarong", TENGGARONG),
        ("64.02.06.1005", TENGGARONG),  # Kelurahan Melayu
        ("Kalimantan Timur", TENGGARONG),
        ("Samarinda", "-0.5022;117.1536"),
    ],
)
def test_a_point_inside_its_region_gives_no_warning(region, site):
    result, problems = site_problems(program_file(row("S-1", region, site)))
    assert result.ok and problems == []


def test_a_point_in_another_region_is_a_warning_naming_that_region():
    result, problems = site_problems(
        program_file(
            row("S-1", "Kec. Tenggarong", "-0,43;117,01"),
            row("S-2", "Kutai Kartanegara", "-0,5022;117,1536"),
            row("S-3", "64.02.06.1005", "-0,49686;116,94157"),
        )
    )
    assert result.ok  # warnings only: the file is stored as written
    assert [(p.severity, p.row, p.column) for p in problems] == [(WARNING, r, "lintang, bujur") for r in (2, 3, 4)]
    assert problems[0].message("id") == (
        "Baris 2, kolom lintang, bujur: Titik (lintang -0,43, bujur 117,01) berada di Kecamatan Tenggarong "
        "Seberang (Kutai Kartanegara), bukan di Kecamatan Tenggarong (Kutai Kartanegara). Periksa koordinat atau "
        "kolom wilayah (tetap diimpor seperti tertulis)."
    )
    assert "lies in Kota Samarinda, not in Kabupaten Kutai Kartanegara" in problems[1].message("en")
    assert "berada di Kelurahan Jahab (Tenggarong), bukan di Kelurahan Melayu (Tenggarong)" in problems[2].message()


def test_one_warning_per_cause_listing_the_other_rows():
    _, problems = site_problems(
        program_file(
            row("S-1", "Kutai Kartanegara", "-0,5022;117,1536"),
            row("S-1", "Kutai Kartanegara", "-0,5022;117,1536", source="CSR"),
            row("S-2", "Kutai Kartanegara", "-0,51;117,15"),
            row("S-3", "Berau", "-6,1754;106,8272"),
            row("S-4", "Paser", "-6,1754;106,8272"),
        )
    )
    assert [(p.key, p.row) for p in problems] == [("imp_site_outside_region", 2), ("imp_site_outside_province", 5)]
    assert problems[0].message().endswith("Hal yang sama juga di 2 baris lain: 3, 4.")
    assert problems[1].message("en").endswith("The same applies to 1 other row(s): 6.")


def test_a_point_outside_the_province_is_a_warning_saying_so():
    result, problems = site_problems(program_file(row("S-1", "Samarinda", "-6,1754;106,8272")))
    assert result.ok
    assert [p.severity for p in problems] == [WARNING]
    assert "lintang -6,1754, bujur 106,8272) berada di luar Kalimantan Timur" in problems[0].message("id")
    assert "lies outside Kalimantan Timur" in problems[0].message("en")


def test_swapped_latitude_and_longitude_are_named_and_nothing_is_stored(store):
    # Kalimantan Timur's longitudes (113.8–119.1) are no latitudes: a swap always leaves −90..90, so it
    # is an error that says what the swap would give.
    result, problems = site_problems(program_file(row("S-1", "Kutai Kartanegara", "116,99045;-0,42117")))
    assert not result.ok
    assert [(p.severity, p.row, p.column, p.value) for p in problems] == [(ERROR, 2, "lintang", "116.99045")]
    assert problems[0].message("id") == (
        "Baris 2, kolom lintang: Lintang 116,99045 di luar −90 sampai 90 — lintang dan bujur tertukar? Bila "
        "ditukar (lintang -0,42117, bujur 116,99045), titiknya ada di Kabupaten Kutai Kartanegara. Tukar isi "
        "kolom lintang dan bujur."
    )
    assert "latitude and longitude swapped?" in problems[0].message("en")
    with pytest.raises(importer.ImportRefused):
        importer.apply(store, result, "tester")
    assert store.count("program_allocations") == 0


@pytest.mark.parametrize(
    ("site", "key", "column", "says"),
    [
        ("95;116,9", "imp_site_latitude_range", "lintang", "Lintang 95 di luar −90 sampai 90"),
        ("-0,5;190", "imp_site_longitude_range", "bujur", "Bujur 190 di luar −180 sampai 180"),
        ("0°25'12\" LS;116,9", "imp_site_not_number", "lintang", "'0°25'12\" LS' bukan angka koordinat"),
        ("-0,5;", "imp_site_half", "bujur", "Kolom bujur kosong padahal lintang terisi"),
    ],
)
def test_an_invalid_point_is_an_error_naming_the_value(site, key, column, says):
    result, problems = site_problems(program_file(row("S-1", "Kutai Kartanegara", site)))
    assert not result.ok
    assert [(p.severity, p.key, p.row, p.column) for p in problems] == [(ERROR, key, 2, column)]
    assert says in problems[0].message("id")


def test_the_templates_example_lies_in_its_region():
    kind = kind_of("program")
    clean = pd.DataFrame(
        {
            "_row": [2],
            "wilayah": [resolve_region(kind.column("wilayah").example)],
            "lintang": [kind.column("lintang").example],
            "bujur": [kind.column("bujur").example],
        }
    )
    said = []
    check_sites(clean, pd.Series([False]), lambda *args, **values: said.append(args))
    assert said == []


# --- storing and rolling back -----------------------------------------------------------------


def store_file(store, content: bytes):
    result = validate("lokasi.csv", content, "program")
    assert result.ok, [p.message() for p in result.errors]
    return importer.apply(store, result, "tester")


def test_points_are_stored_updated_and_rolled_back(store):
    first = store_file(store, program_file(row("S-1", "Kec. Tenggarong", TENGGARONG), row("S-2", "Samarinda", ";")))
    assert stored_sites(store) == [("S-1", "64.02.06", -0.42117, 116.99045), ("S-2", "64.72", None, None)]
    assert store.scalar("SELECT count(*) FROM program_allocations WHERE latitude IS NULL") == 1
    again = store_file(store, program_file(row("S-1", "Kec. Tenggarong", TENGGARONG), row("S-2", "Samarinda", ";")))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    moved = store_file(
        store, program_file(row("S-1", "Kec. Tenggarong", "-0.43689;116.99161"), row("S-2", "Samarinda", ";"))
    )
    assert (moved.added, moved.updated) == (0, 1)
    assert stored_sites(store)[0] == ("S-1", "64.02.06", -0.43689, 116.99161)
    undone = importer.rollback(store, moved.import_id, "tester")
    assert undone.restored == 1
    assert stored_sites(store) == [("S-1", "64.02.06", -0.42117, 116.99045), ("S-2", "64.72", None, None)]
    importer.rollback(store, first.import_id, "tester")
    assert store.count("program_allocations") == 0


# --- the map ----------------------------------------------------------------------------------


def test_the_map_draws_sites_and_centroids_labelled_so(store):
    store_file(store, program_file(row("S-1", "Kec. Tenggarong", TENGGARONG), row("S-2", "Samarinda", ";")))
    points = program_points(Reader(store), Filters(2025), None)
    layer = maps.point_layer(points, "id")
    figure = maps.choropleth(
        {"type": "FeatureCollection", "features": []},
        layer.iloc[:0].assign(klass=[]),
        [],
        "–",
        (113.8, -2.4, 119.0, 2.6),
        layer,
    )
    traces = {  # the point layers in the legend; the classes' legend entries are empty markers
        trace.name: trace
        for trace in figure.data
        if trace.type == "scattermap" and trace.showlegend and trace.lat != (None,)
    }
    assert list(traces) == ["Titik tengah wilayah (program tanpa koordinat)", "Lokasi program"]
    site = traces["Lokasi program"]
    assert (list(site.lat), list(site.lon)) == ([-0.42117], [116.99045])
    assert "lokasi program: lintang -0,42117, bujur 116,99045" in site.hovertext[0]
    centroid = traces["Titik tengah wilayah (program tanpa koordinat)"]
    samarinda = region_by_code("64.72")
    assert (list(centroid.lat), list(centroid.lon)) == ([samarinda.lat], [samarinda.lng])
    assert "titik tengah wilayah" in centroid.hovertext[0]
    english = maps.point_layer(points, "en").attrs["labels"]
    assert english == {True: "Program locations", False: "Region centroid (programs without coordinates)"}


def numbers(array: list | dict) -> list[float]:
    """A plotly array as sent to the browser: a list, or {'dtype', 'bdata'} (base64 of a numpy array)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def test_the_peta_page_shows_the_real_coordinates(store_url, monkeypatch):
    s = open_store(store_url)
    store_file(s, program_file(row("S-1", "Kec. Tenggarong", TENGGARONG), row("S-2", "Samarinda", ";")))
    s.close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    at = app_test()
    at.run()
    at.switch_page("app_pages/peta.py").run()
    at.toggle(key="lokasi").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    spec = region_map_spec(at)
    points = {t["name"]: t for t in spec["data"] if t["type"] == "scattermap" and t["showlegend"]}
    site = points["Lokasi program"]
    assert (numbers(site["lat"]), numbers(site["lon"])) == ([-0.42117], [116.99045])
    assert [c[0] for c in points["Titik tengah wilayah (program tanpa koordinat)"]["customdata"]] == ["64.72"]


def test_sample_programs_have_sites_inside_their_regions(store):
    build_demo(store, beneficiaries=2000)
    allocations = store.query("SELECT region_code, latitude, longitude FROM program_allocations")
    with_site = allocations[allocations["latitude"].notna()].reset_index(drop=True)
    assert 0 < len(with_site) < len(allocations)  # the map shows both kinds
    clean = pd.DataFrame(
        {
            "_row": range(len(with_site)),
            "wilayah": with_site["region_code"].map(region_by_code),
            "lintang": with_site["latitude"].astype(object),
            "bujur": with_site["longitude"].astype(object),
        }
    )
    said = []
    check_sites(clean, pd.Series(False, index=clean.index), lambda *args, **values: said.append(args))
    assert said == []

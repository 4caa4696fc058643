"""Every registered page in AppTest, against the hand-made fixture (tests/fixture_data.py)."""

import gc
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import app_test, chart_specs, tab_queries
from ui.pages import PAGES as REGISTRY

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGES = [spec.script for spec in REGISTRY]


def run_app(query: dict[str, str] | None = None, page: str | None = None, role: str | None = "admin") -> AppTest:
    at = app_test(role)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def role_for(page: str) -> str | None:
    """Who can open `page`: a visitor the sign-in form, the admin every other page."""
    return None if page == "app_pages/masuk.py" else "admin"


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value.replace("\u00a0", " ") for m in at.metric}


def test_pages_folder_holds_only_registered_pages():
    registered = {Path(page).name for page in PAGES}
    on_disk = {path.name for path in (Path(APP).parent / "app_pages").glob("*.py")}
    assert on_disk == registered
    # A folder named pages/ beside dashboard.py would switch on Streamlit's legacy routing.
    assert not (Path(APP).parent / "pages").exists()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_renders(fixture_url, page, lang):
    for tab in tab_queries(page, lang):  # every tab of a page whose tabs run only when open
        at = run_app({"lang": lang, **tab}, page, role=role_for(page))
        assert at.title, page
        assert not at.error


def test_what_lives_after_the_first_page_is_left_out_of_full_collections(fixture_url):
    """ui.data.freeze_what_lasts (issue 16): after a page has run, the process's objects are frozen,
    so the cyclic garbage collector's full passes walk only what later reruns make."""
    at = run_app()
    assert at.title and not at.error
    assert gc.get_freeze_count() > 50_000  # the modules and machinery of a page: about 180.000


def test_overview_shows_the_fixture_figures(fixture_url):
    at = run_app()
    assert at.title[0].value == "Ringkasan 2025"
    assert metrics(at) == {
        "Pagu": "Rp2,6 M",
        "Realisasi": "Rp2,2 M",
        "Realisasi anggaran": "84,6 %",
        "Program": "3",
        "Penerima tercapai": "578 KK",  # households are not added to persons (issue 10)
        "Target penerima tercapai": "94,8 % KK",  # 578 of 610 households, not 578 of 660 mixed
        "PPKS": "9.000 jiwa",
        "Cakupan": "0,0 %",  # persons reached ÷ PPKS persons, not 578 KK ÷ 9.000 jiwa
    }
    deltas = {m.label: m.proto.delta for m in at.metric}
    assert deltas["Pagu"] == "+1.200,0 %"  # 2,6 M against 0,2 M in 2024
    assert deltas["PPKS"] == "+73,1 %"  # 9.000 against 5.200
    assert "per 2 Mar 2026" in at.caption[0].value
    # Imported data, not sample data: no sample notice.
    assert not any("Data contoh" in w.value for w in at.warning)


def test_overview_charts_hold_the_store_values(fixture_url):
    at = run_app()
    by_source, by_region = chart_specs(at)
    planned, spent = by_source["data"]
    assert planned["y"] == ["APBN", "APBD Provinsi", "CSR/TJSL"]
    assert planned["x"] == [1_500_000_000, 400_000_000, 700_000_000]
    assert spent["x"] == [1_350_000_000, 350_000_000, 500_000_000]
    assert planned["marker"]["line"]["color"] == ["#0072B2", "#009E73", "#D55E00"]
    assert "Rp1.500.000.000" in planned["hovertext"][0]
    assert by_source["layout"]["xaxis"]["title"]["text"] == "Jumlah (Rp)"
    labels = [note["text"].replace("\u00a0", " ") for note in by_source["layout"]["annotations"]]
    assert labels[0] == "<b>APBN</b>   Rp1,4 M dari Rp1,5 M (90 %)"
    stacked = {trace["name"]: dict(zip(trace["y"], trace["x"], strict=True)) for trace in by_region["data"]}
    assert stacked["APBN"] == {"Kutai Kartanegara": 1_000_000_000, "Kutai Timur": 0, "Samarinda": 500_000_000}
    assert stacked["CSR/TJSL"]["Kutai Timur"] == 600_000_000
    assert [s.value.replace("\u00a0", " ") for s in at.subheader][:2] == [
        "APBN menanggung 57,7 % pagu 2025",
        "Pagu terbesar di Kutai Kartanegara: Rp1 M",
    ]
    assert sum(c.value == "Sumber: impor program_2025.xlsx, per 2 Mar 2026." for c in at.caption) == 3


def test_filters_from_the_url(fixture_url):
    at = run_app({"wilayah": "Samarinda", "sumber": "CSR/TJSL"})
    assert metrics(at)["Pagu"] == "Rp100 jt"
    assert at.selectbox(key="wilayah").value == "64.72"
    assert at.multiselect(key="sumber").value == ["CSR"]
    assert "Samarinda · CSR/TJSL · Semua kategori" in at.caption[0].value


def test_filters_from_the_widgets_change_the_figures(fixture_url):
    at = run_app()
    at.selectbox(key="wilayah").select("64.08").run()
    assert metrics(at)["Pagu"] == "Rp1 M"
    at.selectbox(key="tahun").select(2024).run()
    assert at.title[0].value == "Ringkasan 2024"
    assert any("Belum ada data program maupun PPKS untuk tahun 2024" in i.value for i in at.info)


def test_an_empty_selection_is_said_in_words(fixture_url):
    at = run_app({"sumber": "Dana Desa"})
    assert metrics(at)["Pagu"] == "Rp0"
    messages = [i.value for i in at.info]
    assert "Tidak ada program untuk sumber dana pada filter ini." in messages
    assert not at.get("plotly_chart")


def test_english_interface(fixture_url):
    at = run_app({"lang": "en"})
    assert at.title[0].value == "Overview 2025"
    assert metrics(at)["Planned"] == "Rp2.6B"
    assert metrics(at)["PPKS (people in need)"] == "9,000 persons"
    assert chart_specs(at)[0]["layout"]["xaxis"]["title"]["text"] == "Amount (Rp)"


def test_reference_page_marks_unverified_facts(fixture_url):
    at = run_app(page="app_pages/referensi.py")
    regions = at.dataframe[0].value
    kubar = regions[regions["Nama"] == "Kutai Barat"].iloc[0]
    assert kubar["Kode Kemendagri"] == "64.07" and kubar["Kode BPS"] == "6402"
    assert kubar["Penduduk 2020 (jiwa)"] == "172.288 ⚠"
    ppu = regions[regions["Nama"] == "Penajam Paser Utara"].iloc[0]
    assert ppu["Penduduk miskin 2024 (jiwa)"] == "tidak tersedia"
    assert any("Belum terverifikasi: Kutai Barat" in c.value for c in at.caption)
    counts = at.dataframe[3].value.set_index("Tabel")["Baris"]
    assert counts["regions"] == 1154 and counts["programs"] == 4  # numbers, shown as 1.154


def test_empty_store_opens_on_sample_data(store_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", store_url)
    at = run_app()
    assert any(w.value.startswith("Data contoh — bukan data resmi") for w in at.warning)
    assert metrics(at)["Program"] != "0"
    at.switch_page("app_pages/referensi.py").run()
    assert any(w.value.startswith("Data contoh") for w in at.warning)

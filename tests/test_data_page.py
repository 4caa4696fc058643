"""The Kelola Data page in AppTest: upload, validation report, confirm, history, rollback."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_loaders.store import open_store
from domain import reference
from domain.filters import Scope
from domain.reader import Reader
from tests.conftest import app_test

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/kelola_data.py"
CORPUS = Path(__file__).resolve().parent / "import_corpus"
GOOD = (
    b"kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
    b"BARU-1;Bantuan Baru;Dinsos;APBN;2025;Fakir Miskin;Berau;300 juta\n"
)


def open_page(lang: str = "id") -> AppTest:
    at = app_test("admin")
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_bad_file_shows_every_problem_and_stores_nothing(fixture_url):
    at = open_page()  # signs in a test user (users, audit_log): count after that
    before = open_store(fixture_url)
    counts = before.table_counts()
    before.close()
    at.file_uploader(key="upload_program").upload(
        "program_unknown_region.csv", (CORPUS / "bad" / "program_unknown_region.csv").read_bytes(), "text/csv"
    ).run()
    assert not at.exception
    assert at.error[0].value.startswith("program_unknown_region.csv: 1 kesalahan. Tidak ada yang akan disimpan.")
    report = at.dataframe[0].value
    problem = report.iloc[0]
    assert (problem["Jenis"], problem["Baris"], problem["Kolom"], problem["Nilai"]) == (
        "Kesalahan",
        2,
        "wilayah",
        "Kutai Kartanegra",
    )
    assert "Maksud Anda 'Kabupaten Kutai Kartanegara'" in problem["Masalah dan cara memperbaiki"]
    assert not [b for b in at.button if b.key == "confirm_import"]
    after = open_store(fixture_url)
    assert after.table_counts() == counts
    after.close()


def test_good_file_previews_then_stores_and_can_be_rolled_back(fixture_url):
    at = open_page()
    at.file_uploader(key="upload_program").upload("program_baru.csv", GOOD, "text/csv").run()
    assert at.success[0].value.startswith("program_baru.csv: 1 baris lolos pemeriksaan")
    preview = at.dataframe[0].value
    assert preview.iloc[0]["wilayah"] == "Berau (64.03)"
    at.button(key="confirm_import").click().run()
    assert not at.exception
    assert any(s.value.startswith("Impor #2 tersimpan: 1 baris baru") for s in at.success)
    store = open_store(fixture_url)
    assert (
        store.scalar(
            "SELECT budget_idr::DOUBLE PRECISION FROM program_allocations a JOIN programs p ON p.id = a.program_id "
            "WHERE p.program_code = 'BARU-1'"
        )
        == 300_000_000
    )
    store.close()
    history = at.dataframe[-1].value
    assert history.iloc[0]["Berkas"] == "program_baru.csv" and history.iloc[0]["Status"] == "tersimpan"
    assert history.iloc[0]["Jenis"] == "Program" and history.iloc[0]["Baru"] == 1  # numbers stay numbers
    at.selectbox(key="rollback_id").select(2)
    at.checkbox(key="rollback_sure").check().run()
    at.button(key="rollback_go").click().run()
    assert any(s.value.startswith("Impor #2 dibatalkan") for s in at.success)
    store = open_store(fixture_url)
    assert store.scalar("SELECT count(*) FROM programs WHERE program_code = 'BARU-1'") == 0
    store.close()


def test_template_download_for_the_chosen_kind(fixture_url):
    at = open_page()
    at.selectbox(key="data_kind").select("ppks").run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Unduh templat PPKS (.xlsx)" in labels


def test_sample_data_must_be_removed_first(store_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", store_url)
    at = open_page()  # an empty store opens on the sample data set
    assert any("Data resmi tidak dicampur dengan data contoh" in m.value for m in at.text)
    at.checkbox(key="confirm_remove_sample").check().run()
    next(b for b in at.button if b.proto.label == "Hapus data contoh").click().run()
    assert not at.exception
    store = open_store(store_url)
    assert not store.has_data()
    store.close()


@pytest.mark.parametrize("lang", ["en"])
def test_english(fixture_url, lang):
    at = open_page(lang)
    assert at.title[0].value == "Manage data"
    at.file_uploader(key="upload_program").upload(
        "x.csv", (CORPUS / "bad" / "program_text_amount.csv").read_bytes(), "text/csv"
    ).run()
    report = at.dataframe[0].value
    assert report.iloc[0]["Problem and how to fix it"].startswith("'satu juta' is not a number")
    history = at.dataframe[-1].value
    assert (history.iloc[0]["Kind"], history.iloc[0]["Status"]) == ("Programs", "stored")


def test_import_history_view_reads_the_import_log(fixture_store):
    imports = reference.imports(Reader(fixture_store))
    assert imports.table[["id", "kind", "file_name", "status"]].values.tolist() == [
        [1, "program", "program_2025.xlsx", "committed"]
    ]
    assert list(imports.official["id"]) == [1] and list(imports.committed["id"]) == [1]
    # The fixture's rows lie in Kutai Kartanegara, Kutai Timur and Samarinda, not in Berau.
    assert reference.imports(Reader(fixture_store, Scope(kabkota=("64.03",)))).empty
    assert list(reference.imports(Reader(fixture_store, Scope(kabkota=("64.02",)))).table["id"]) == [1]


def test_upload_preview_shortens_hashes_and_names_regions():
    class Place:
        level, name, code = "kabupaten_kota", "Berau", "64.03"

    clean = pd.DataFrame({"_row": [2], "wilayah": [Place()], "nik_hash": ["a" * 64], "kategori_ppks": [24]})
    assert reference.upload_preview(clean).iloc[0].tolist() == [2, "Berau (64.03)", "aaaaaaaaaa…", 24]
    named = reference.upload_preview(clean, {24: "24. Fakir Miskin"})
    assert named.iloc[0]["kategori_ppks"] == "24. Fakir Miskin"

"""The import log tells the truth (issue 11, items 6 and 8): every sequence of import, re-import,
correction and rollback leaves a history that matches the rows stored; first-import blockers
(secrets file, hash-nik output, sample data, NIK key notice) and small display faults."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from data_loaders import importer, settings
from data_loaders.__main__ import main
from data_loaders.demo import build_demo
from data_loaders.nik import nik_key, pseudonymise
from data_loaders.periods import lock
from data_loaders.problems import ValueProblem
from data_loaders.store import DATA_TABLES, open_store, shown_url
from data_loaders.templates import build_template
from data_loaders.validation import validate
from domain import reference
from tests.conftest import app_test
from ui import data_admin

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp;realisasi_rp;status\n"
A_KUKAR = "A-1;Bantuan A;Dinsos;APBN;2025;Fakir Miskin;Kukar;100 juta;90 juta;berjalan\n"
A_SAMARINDA = "A-1;Bantuan A;Dinsos;APBN;2025;Fakir Miskin;Samarinda;50 juta;;berjalan\n"
B_BONTANG = "B-1;Bantuan B;Dinsos;CSR;2025;9;Bontang;20 juta;;usulan\n"
FIRST = HEADER + A_KUKAR + A_SAMARINDA + B_BONTANG
# A-1 Kukar changed, A-1 Samarinda dropped (the file lists A-1's places), B-1 unchanged, C-1 new.
CORRECTED = (
    HEADER + "A-1;Bantuan A;Dinsos;APBN;2025;Fakir Miskin;Kukar;120 juta;100 juta;selesai\n" + B_BONTANG
    + "C-1;Bantuan C;Dinsos;APBN;2025;8;Berau;10 juta;;usulan\n"
)  # fmt: skip
# B-1 as stored and a new program: adds one row, changes none.
PARTLY_KNOWN = HEADER + B_BONTANG + "D-1;Bantuan D;Dinsos;APBN;2025;8;Paser;15 juta;;usulan\n"
PENERIMA = "nik,kode_program,tahun,wilayah,nilai_bantuan_rp,desil\n"


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def put(store, text: str, name: str = "program.csv", kind: str = "program") -> importer.ImportResult:
    result = validate(name, text.encode(), kind, nik_key=b"test-key")
    assert result.ok, [p.message() for p in result.errors]
    return importer.apply(store, result, "tester")


def log(store) -> dict[int, tuple]:
    """The import log: id -> (status, added, updated, unchanged, deleted)."""
    rows = importer.history(store)
    return {
        int(r.id): (r.status, r.rows_added, r.rows_updated, r.rows_unchanged, r.rows_deleted) for r in rows.itertuples()
    }


def stored(store) -> set[tuple[str, str, float]]:
    """(program code, region code, budget) of every stored allocation row."""
    rows = store.query(
        "SELECT p.program_code AS code, a.region_code AS region, CAST(a.budget_idr AS DOUBLE PRECISION) AS budget "
        "FROM program_allocations a JOIN programs p ON p.id = a.program_id"
    )
    return set(rows.itertuples(index=False, name=None))


def assert_log_matches_store(store) -> None:
    """Every stored row belongs to a stored ('committed') import, and every import said to be stored
    changed rows that the change log holds."""
    committed = {i for i, entry in log(store).items() if entry[0] == "committed"}
    for table in DATA_TABLES:
        owners = set(store.query(f"SELECT DISTINCT import_id FROM {table}")["import_id"])
        assert owners <= committed, (table, owners, committed)
    for import_id in committed:
        changes = sum(
            store.scalar(
                f"SELECT count(*) FROM {table}_changes WHERE change_import_id = ? AND change_action <> 'keep'",
                [import_id],
            )
            for table in DATA_TABLES
        )
        assert changes > 0, import_id


KUKAR, SAMARINDA, BONTANG = ("A-1", "64.02", 100e6), ("A-1", "64.72", 50e6), ("B-1", "64.74", 20e6)


def test_the_same_file_again_is_logged_as_no_change(store):
    first = put(store, FIRST)
    again = put(store, FIRST)
    assert (again.added, again.updated, again.unchanged, again.deleted, again.status) == (0, 0, 3, 0, "unchanged")
    assert again.same_file_as == first.import_id
    assert again.summary("id").startswith(f"Impor #{again.import_id}: tidak ada perubahan. Semua 3 baris")
    assert log(store) == {first.import_id: ("committed", 3, 0, 0, 0), again.import_id: ("unchanged", 0, 0, 3, 0)}
    for table in DATA_TABLES:  # nothing written for it, not even 'keep' rows
        assert store.scalar(f"SELECT count(*) FROM {table}_changes WHERE change_import_id = ?", [again.import_id]) == 0
    with pytest.raises(importer.ImportRefused, match="tidak mengubah apa pun"):
        importer.rollback(store, again.import_id, "tester")
    assert_log_matches_store(store)


def test_rolling_back_the_first_import_after_a_no_change_reimport(store):
    """The issue's sequence: #1, the same file again, roll back #1."""
    first = put(store, FIRST)
    again = put(store, FIRST)
    undone = importer.rollback(store, first.import_id, "tester")
    assert (undone.table, undone.removed, undone.restored, undone.reinstated) == ("program_allocations", 3, 0, 0)
    assert undone.removed == first.added  # the same unit as the import's report
    assert stored(store) == set() and store.count("programs") == 0
    assert log(store) == {first.import_id: ("rolled_back", 3, 0, 0, 0), again.import_id: ("unchanged", 0, 0, 3, 0)}
    with pytest.raises(importer.ImportRefused) as refused:
        importer.rollback(store, again.import_id, "tester")
    assert refused.value.message("en") == (
        f"Import #{again.import_id} changed nothing (all its rows were already stored as they are), "
        "so there is nothing to roll back."
    )
    assert_log_matches_store(store)


def test_a_corrected_file_and_its_rollback_count_the_same_rows(store):
    first = put(store, FIRST)
    corrected = put(store, CORRECTED, "program_revisi.csv")
    assert (corrected.added, corrected.updated, corrected.unchanged, corrected.deleted) == (1, 1, 1, 1)
    assert stored(store) == {("A-1", "64.02", 120e6), BONTANG, ("C-1", "64.03", 10e6)}
    assert log(store)[corrected.import_id] == ("committed", 1, 1, 1, 1)
    undone = importer.rollback(store, corrected.import_id, "tester")
    assert (undone.removed, undone.restored, undone.reinstated) == (1, 1, 1)
    assert undone.summary("id") == (
        f"Impor #{corrected.import_id} dibatalkan: 1 baris baru dihapus, 1 baris diperbarui dikembalikan ke nilai "
        "sebelumnya, 1 baris terhapus dipulihkan (baris program: satu per wilayah dan sumber dana)."
    )
    assert stored(store) == {KUKAR, SAMARINDA, BONTANG}
    assert log(store) == {first.import_id: ("committed", 3, 0, 0, 0), corrected.import_id: ("rolled_back", 1, 1, 1, 1)}
    assert_log_matches_store(store)


def test_an_earlier_import_waits_for_a_later_one_that_changed_its_rows(store):
    first = put(store, FIRST)
    corrected = put(store, CORRECTED)
    before = stored(store)
    with pytest.raises(importer.ImportRefused, match=f"impor #{corrected.import_id} mengubah baris yang sama"):
        importer.rollback(store, first.import_id, "tester")
    assert stored(store) == before and log(store)[first.import_id][0] == "committed"
    importer.rollback(store, corrected.import_id, "tester")
    assert importer.rollback(store, first.import_id, "tester").removed == 3
    assert stored(store) == set()
    assert_log_matches_store(store)


def test_an_earlier_import_waits_for_a_later_one_whose_file_holds_its_rows(store):
    """#2 stores one new row and finds B-1 as stored: rolling back #1 would take B-1 from under #2."""
    first = put(store, FIRST)
    partly = put(store, PARTLY_KNOWN)
    assert (partly.added, partly.updated, partly.unchanged, partly.status) == (1, 0, 1, "committed")
    with pytest.raises(importer.ImportRefused) as refused:
        importer.rollback(store, first.import_id, "tester")
    assert refused.value.key == "imp_rollback_later_kept"
    assert f"impor #{partly.import_id} sesudahnya tersimpan dan berkasnya memuat baris yang sama" in str(refused.value)
    assert BONTANG in stored(store)
    undone = importer.rollback(store, partly.import_id, "tester")
    assert (undone.removed, undone.restored, undone.reinstated) == (1, 0, 0)
    assert stored(store) == {KUKAR, SAMARINDA, BONTANG}  # B-1 stays: #1 wrote it
    importer.rollback(store, first.import_id, "tester")
    assert stored(store) == set()
    assert_log_matches_store(store)


def test_rollback_then_the_same_file_again_stores_it_anew(store):
    first = put(store, FIRST)
    importer.rollback(store, first.import_id, "tester")
    again = put(store, FIRST)
    assert (again.added, again.unchanged, again.status, again.same_file_as) == (3, 0, "committed", None)
    assert stored(store) == {KUKAR, SAMARINDA, BONTANG}
    assert log(store)[again.import_id] == ("committed", 3, 0, 0, 0)
    assert_log_matches_store(store)


def test_a_correction_imported_again_after_its_rollback(store):
    first = put(store, FIRST)
    corrected = put(store, CORRECTED)
    importer.rollback(store, corrected.import_id, "tester")
    again = put(store, CORRECTED)
    assert (again.added, again.updated, again.unchanged, again.deleted) == (1, 1, 1, 1)
    assert again.same_file_as is None  # the earlier copy is rolled back
    assert importer.rollback(store, again.import_id, "tester").reinstated == 1
    importer.rollback(store, first.import_id, "tester")
    assert stored(store) == set()
    assert [entry[0] for entry in log(store).values()] == ["rolled_back"] * 3
    assert_log_matches_store(store)


def test_a_changed_program_name_counts_its_rows_as_updated_both_ways(store):
    put(store, FIRST)
    renamed = put(store, FIRST.replace("Bantuan A;", "Bantuan A (revisi);"))
    assert (renamed.added, renamed.updated, renamed.unchanged, renamed.status) == (0, 2, 1, "committed")
    undone = importer.rollback(store, renamed.import_id, "tester")
    assert (undone.removed, undone.restored, undone.reinstated) == (0, 2, 0)
    assert store.scalar("SELECT name FROM programs WHERE program_code = 'A-1'") == "Bantuan A"
    assert_log_matches_store(store)


def test_other_kinds_count_rows_of_their_own_table(store):
    ppks = "tahun,wilayah,kategori_ppks,jumlah\n2025,Kukar,Fakir Miskin,100\n2025,Paser,Fakir Miskin,50\n"
    first = put(store, ppks, "ppks.csv", "ppks")
    fixed = put(store, ppks.replace(",100", ",120") + "2025,Berau,Fakir Miskin,7\n", "ppks.csv", "ppks")
    assert (fixed.added, fixed.updated, fixed.unchanged) == (1, 1, 1)
    undone = importer.rollback(store, fixed.import_id, "tester")
    assert (undone.table, undone.removed, undone.restored) == ("ppks_counts", 1, 1)
    assert undone.summary("en").endswith("(PPKS count rows).")
    assert store.query("SELECT count FROM ppks_counts ORDER BY count")["count"].tolist() == [50, 100]
    assert put(store, ppks, "ppks.csv", "ppks").status == "unchanged"
    importer.rollback(store, first.import_id, "tester")
    assert store.count("ppks_counts") == 0
    assert_log_matches_store(store)


def test_sample_data_removal_leaves_no_sample_rows_and_no_stored_sample_import(store):
    build_demo(store, beneficiaries=300)
    result = validate("program.csv", FIRST.encode(), "program")
    assert isinstance(importer.refusal(store, result), importer.ImportRefused)
    importer.remove_sample(store)
    assert not store.has_data()
    assert set(importer.history(store)["status"]) == {"removed"}
    assert importer.refusal(store, result) is None
    first = put(store, FIRST)
    assert log(store)[first.import_id] == ("committed", 3, 0, 0, 0)
    assert_log_matches_store(store)


def test_a_locked_year_is_a_refusal_before_storing(store):
    lock(store, 2025, "admin")
    result = validate("program.csv", FIRST.encode(), "program")
    assert importer.refusal(store, result).key == "imp_period_locked"


# --- command line ---------------------------------------------------------------------------------


@pytest.fixture
def cli_store(store_url, monkeypatch, tmp_path) -> str:
    open_store(store_url).close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    monkeypatch.setattr(settings, "SECRETS_FILES", (tmp_path / "none.toml",))
    return store_url


def test_cli_history_and_rollback_say_what_is_stored(cli_store, tmp_path, capsys):
    assert main(["history"]) == 0
    assert capsys.readouterr().out == f"Belum ada impor di {shown_url(cli_store)}.\n"  # not 'Empty DataFrame'
    path = tmp_path / "program.csv"
    path.write_text(FIRST)
    assert main(["import", str(path), "--kind", "program"]) == 0
    assert main(["import", str(path), "--kind", "program"]) == 0
    assert "Impor #2: tidak ada perubahan" in capsys.readouterr().out
    assert main(["rollback", "1"]) == 0
    assert capsys.readouterr().out.startswith("Impor #1 dibatalkan: 3 baris baru dihapus, 0 baris diperbarui")
    assert main(["rollback", "2"]) == 1
    assert "Impor #2 tidak mengubah apa pun" in capsys.readouterr().err
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "tidak ada perubahan" in out and "dibatalkan" in out and "committed" not in out


def test_cli_reads_the_nik_key_from_the_secrets_file(cli_store, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SINERGI_NIK_KEY", raising=False)
    secrets = tmp_path / "secrets.toml"
    monkeypatch.setattr(settings, "SECRETS_FILES", (tmp_path / "absent.toml", secrets))
    assert nik_key() is None
    secrets.write_text('SINERGI_NIK_KEY = "dari-berkas"\n')
    assert nik_key() == b"dari-berkas"
    assert nik_key({}) is None  # the dashboard passes Streamlit's own secrets
    monkeypatch.setenv("SINERGI_NIK_KEY", "dari-lingkungan")
    assert nik_key() == b"dari-lingkungan"  # the environment wins
    monkeypatch.delenv("SINERGI_NIK_KEY")
    path = tmp_path / "penerima.csv"
    path.write_text(PENERIMA + "6402061234567890,A-1,2025,Kukar,2400000,2\n")
    assert main(["import", str(path), "--kind", "penerima"]) == 0
    store = open_store(cli_store)
    assert store.scalar("SELECT nik_hash FROM beneficiaries") == pseudonymise("6402061234567890", b"dari-berkas")
    store.close()
    secrets.write_text("SINERGI_NIK_KEY = tanpa kutip\n")
    with pytest.raises(ValueProblem, match="tidak dapat dibaca sebagai TOML"):
        nik_key()
    assert main(["import", str(path), "--kind", "penerima"]) == 1
    assert "secrets.toml tidak dapat dibaca sebagai TOML" in capsys.readouterr().err


def test_hash_nik_keeps_the_other_columns_so_the_output_imports(cli_store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    source, out = tmp_path / "daftar.csv", tmp_path / "daftar_hash.csv"
    source.write_text(
        "nik;kode_program;tahun;wilayah;nilai_bantuan_rp;desil\n"
        "6402061234567890;A-1;2025;Kukar;2.400.000;2\n"
        "12345;A-1;2025;Kukar;2.400.000;3\n"
    )
    assert main(["hash-nik", str(source), "--out", str(out)]) == 0
    assert "1 NIK disamarkan" in capsys.readouterr().out
    written = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(written.columns) == ["nik_hash", "kode_program", "tahun", "wilayah", "nilai_bantuan_rp", "desil"]
    assert written["nik_hash"].tolist() == [pseudonymise("6402061234567890", b"test-key"), ""]
    assert written["nilai_bantuan_rp"].tolist() == ["2.400.000", "2.400.000"]
    assert "12345" not in out.read_text()  # an invalid NIK is not carried over either
    result = validate(out.name, out.read_bytes(), "penerima")
    assert [p.row for p in result.errors] == [3]  # the row without a NIK, named by its row
    out.write_text("\n".join(out.read_text().splitlines()[:2]) + "\n")
    assert main(["import", str(out), "--kind", "penerima"]) == 0
    store = open_store(cli_store)
    rows = store.query("SELECT program_code, CAST(benefit_idr AS DOUBLE PRECISION) AS b, decile FROM beneficiaries")
    assert rows.values.tolist() == [["A-1", 2_400_000.0, 2]]
    store.close()


def test_hash_nik_reads_a_filled_template(cli_store, tmp_path, monkeypatch):
    """The penerima template has both `nik` and `nik_hash`: a sender fills `nik` and leaves `nik_hash` empty."""
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    workbook = load_workbook(io.BytesIO(build_template("penerima")))
    sheet = workbook["penerima"]
    headers = [cell.value for cell in sheet[1]]
    row = {"nik": "6402061234567890", "kode_program": "A-1", "tahun": 2025, "wilayah": "Kukar"}
    row |= {"nilai_bantuan_rp": 2400000}
    for index, header in enumerate(headers, start=1):
        sheet.cell(row=2, column=index, value=row.get(header))
    xlsx = tmp_path / "penerima.xlsx"
    workbook.save(xlsx)
    for source in (xlsx, tmp_path / "penerima.csv"):
        if source.suffix == ".csv":  # the same template saved as CSV by Excel
            source.write_text(",".join(headers) + "\n" + ",".join(str(row.get(h, "")) for h in headers) + "\n")
        out = tmp_path / f"hashed_{source.stem}.csv"
        assert main(["hash-nik", str(source), "--out", str(out)]) == 0
        written = pd.read_csv(out, dtype=str, keep_default_na=False)
        assert "nik" not in written.columns
        assert written["nik_hash"].tolist() == [pseudonymise("6402061234567890", b"test-key")]
        result = validate(out.name, out.read_bytes(), "penerima")
        assert result.ok, [p.message() for p in result.errors]


# --- small things -----------------------------------------------------------------------------------


def test_a_year_in_a_message_is_written_as_a_year():
    content = (PENERIMA + "6402061234567890,A-1,2025,Kukar,2400000,2\n6402061234567891,A-1,dua,Kukar,1,2\n").encode()
    result = validate("p.csv", content, "penerima", nik_key=b"k", known_programs=set())
    messages = [p.message() for p in result.problems]
    assert "Baris 2, kolom kode_program: Program 'A-1' tahun 2025 belum ada di basis data" in messages[0]
    assert not any("2025.0" in message for message in messages)
    assert result.clean["tahun"].tolist() == [2025, None]


def test_the_upload_preview_has_no_none_text_and_no_nan():
    text = HEADER + A_KUKAR + "B-1;Bantuan B;Dinsos;CSR;2025;lintas;Bontang;20 juta;;\n"
    result = validate("p.csv", text.encode(), "program")
    preview = reference.upload_preview(result.clean, {24: "24. Fakir Miskin"})  # 'lintas' not named: stays
    cells = [cell for column in preview.columns for cell in preview[column]]
    assert not [cell for cell in cells if isinstance(cell, str) and cell in ("None", "nan", "NaT")]
    assert not [cell for cell in cells if isinstance(cell, float) and cell != cell]  # missing is None
    assert preview["status"].tolist() == ["berjalan", None]
    assert preview["kategori_ppks"].tolist() == ["24. Fakir Miskin", "lintas"]
    mixed = reference.upload_preview(
        pd.DataFrame({"kategori_ppks": [24, 7, None]}, dtype=object), {24: "24. Fakir Miskin"}
    )
    assert mixed["kategori_ppks"].tolist() == ["24. Fakir Miskin", "7", None]  # text, not left to the table


# --- the data page ----------------------------------------------------------------------------------


def open_data_page() -> AppTest:
    at = app_test("admin")
    at.run()
    at.switch_page("app_pages/kelola_data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_never_calls_a_file_ready_while_sample_data_blocks_it(store_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", store_url)
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    store = open_store(store_url)
    build_demo(store, beneficiaries=300)
    store.close()
    at = open_data_page()
    assert not [w for w in at.warning if "SINERGI_NIK_KEY" in w.value]  # a key is set: no notice
    at.file_uploader(key="upload_program").upload("program baru.csv", FIRST.encode(), "text/csv").run()
    assert not at.exception
    assert not [s for s in at.success if "siap disimpan" in s.value]
    assert any(
        w.value.startswith("program baru.csv: 3 baris lolos pemeriksaan, tetapi belum dapat disimpan karena basis "
                           "data masih berisi data contoh. Hapus data contoh dahulu di kotak")
        for w in at.warning
    )  # fmt: skip
    assert at.button(key="confirm_import").disabled


def test_page_tells_the_administrator_how_to_set_the_nik_key(fixture_url, monkeypatch, tmp_path):
    monkeypatch.delenv("SINERGI_NIK_KEY", raising=False)
    at = open_data_page()
    notice = [w.value for w in at.warning if "SINERGI_NIK_KEY" in w.value]
    assert len(notice) == 1
    assert "secrets.token_hex(32)" in notice[0] and ".streamlit/secrets.toml" in notice[0]
    assert "Data contoh memakai kunci demo sendiri" in notice[0]


def test_page_history_shows_no_change_and_offers_only_stored_imports(fixture_url, tmp_path):
    store = open_store(fixture_url)
    first = put(store, FIRST)
    again = put(store, FIRST)
    store.close()
    at = open_data_page()
    history = at.dataframe[-1].value
    statuses = dict(zip(history["#"], history["Status"], strict=True))
    assert statuses[again.import_id] == "tidak ada perubahan" and statuses[first.import_id] == "tersimpan"
    assert at.selectbox(key="rollback_id").options == [f"#{first.import_id} · program.csv", "#1 · program_2025.xlsx"]


def test_the_validation_report_is_named_once_csv():
    assert data_admin.report_file_name("salah.csv") == "laporan_validasi_salah.csv"
    assert data_admin.report_file_name("PMKS 2024.xlsx") == "laporan_validasi_PMKS 2024.csv"

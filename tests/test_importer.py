"""Storing, re-importing, correcting, rolling back, cancelling and killing imports."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from data_loaders import importer
from data_loaders.demo import build_demo
from data_loaders.kinds import KINDS
from data_loaders.store import DATA_TABLES, StoreError, open_store
from data_loaders.templates import build_template
from data_loaders.validation import validate
from tests.conftest import POSTGRES

REPO = Path(__file__).resolve().parent.parent
HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp;realisasi_rp;status\n"
FIRST = (
    HEADER + "A-1;Bantuan A;Dinsos;APBN;2025;Fakir Miskin;Kukar;100 juta;90 juta;berjalan\n"
    "A-1;Bantuan A;Dinsos;APBN;2025;Fakir Miskin;Samarinda;50 juta;;berjalan\n"
    "B-1;Bantuan B;Dinsos;CSR;2025;9;Bontang;20 juta;;usulan\n"
).encode()
CORRECTED = (
    HEADER + "A-1;Bantuan A;Dinsos;APBN;2025;Fakir Miskin;Kukar;120 juta;100 juta;selesai\n"
    "B-1;Bantuan B;Dinsos;CSR;2025;9;Bontang;20 juta;;usulan\n"
    "C-1;Bantuan C;Dinsos;APBN;2025;8;Berau;10 juta;;usulan\n"
).encode()


def snapshot(store) -> dict:
    """Every data table's rows, sorted, so two states can be compared exactly."""
    rows = {}
    for table in DATA_TABLES:
        columns = ", ".join(store.query(f"SELECT * FROM {table} LIMIT 0").columns)
        rows[table] = store.query(f"SELECT * FROM {table} ORDER BY {columns}").to_csv(index=False)
    return rows


def store_file(store, content: bytes, name: str = "program.csv"):
    result = validate(name, content, "program")
    assert result.ok, [p.message() for p in result.errors]
    return importer.apply(store, result, "tester")


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def test_the_same_file_twice_changes_nothing(store):
    first = store_file(store, FIRST)
    assert (first.added, first.updated, first.unchanged) == (3, 0, 0)
    state = snapshot(store)
    changes = store.count("program_allocations_changes")
    again = store_file(store, FIRST)
    assert (again.added, again.updated, again.unchanged, again.deleted) == (0, 0, 3, 0)
    assert again.same_file_as == first.import_id
    assert snapshot(store) == state
    assert store.count("program_allocations_changes") == changes


def test_a_corrected_file_updates_by_key_and_rollback_restores_exactly(store):
    store_file(store, FIRST)
    before = snapshot(store)
    corrected = store_file(store, CORRECTED, "program_revisi.csv")
    # A-1 Kukar changed, A-1 Samarinda gone (the file lists A-1's places), B-1 unchanged, C-1 new.
    assert (corrected.added, corrected.updated, corrected.unchanged, corrected.deleted) == (1, 1, 1, 1)
    kukar = store.query(
        "SELECT a.budget_idr::DOUBLE PRECISION AS b, p.status FROM program_allocations a JOIN programs p "
        "ON p.id = a.program_id WHERE p.program_code = 'A-1'"
    )
    assert kukar.to_dict("list") == {"b": [120_000_000.0], "status": ["selesai"]}
    importer.rollback(store, corrected.import_id, "tester")
    assert snapshot(store) == before
    assert store.scalar("SELECT status FROM imports WHERE id = ?", [corrected.import_id]) == "rolled_back"


def test_rollback_waits_for_later_imports_of_the_same_rows(store):
    first = store_file(store, FIRST)
    second = store_file(store, CORRECTED)
    with pytest.raises(importer.ImportRefused) as refused:
        importer.rollback(store, first.import_id, "tester")
    assert f"impor #{second.import_id} mengubah baris yang sama" in str(refused.value)
    importer.rollback(store, second.import_id, "tester")
    importer.rollback(store, first.import_id, "tester")
    assert all(store.count(table) == 0 for table in ("programs", "program_allocations"))
    with pytest.raises(importer.ImportRefused, match="sudah dibatalkan"):
        importer.rollback(store, first.import_id, "tester")


def test_cancel_before_commit_stores_nothing(store):
    store_file(store, FIRST)
    before = snapshot(store)
    imports = store.count("imports")
    result = validate("p.csv", CORRECTED, "program")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # after the first table is written, before the commit

    with pytest.raises(importer.ImportCancelled):
        importer.apply(store, result, "tester", cancel=cancel)
    assert snapshot(store) == before
    assert store.count("imports") == imports
    assert store.count("programs_changes") == 2


def test_sample_data_must_be_removed_before_importing(store):
    build_demo(store, beneficiaries=500)
    result = validate("p.csv", FIRST, "program")
    with pytest.raises(importer.ImportRefused, match="masih berisi data contoh"):
        importer.apply(store, result, "tester")
    removed = importer.remove_sample(store)
    assert removed > 500
    assert not store.has_data()
    assert store.count("regions") == 1154
    assert store_file(store, FIRST).added == 3


def test_history_records_who_when_what(store):
    store_file(store, FIRST)
    row = importer.history(store).iloc[0]
    assert (row["kind"], row["file_name"], row["imported_by"], row["rows_added"], row["status"]) == (
        "program",
        "program.csv",
        "tester",
        3,
        "committed",
    )
    assert len(row["sha256"]) == 64


@pytest.mark.parametrize("kind", list(KINDS))
def test_templates_are_real_excel_files(kind):
    workbook = load_workbook(__import__("io").BytesIO(build_template(kind)))
    assert workbook.sheetnames == [kind, "petunjuk", "daftar"]
    data = workbook[kind]
    headers = [cell.value for cell in data[1]]
    assert headers == [column.name for column in KINDS[kind].columns]
    assert workbook["daftar"].sheet_state == "hidden"
    guide = workbook["petunjuk"]
    assert guide["A1"].value.startswith("Templat data")
    texts = [cell.value for row in guide.iter_rows() for cell in row if cell.value is not None]
    assert "Kolom" in texts and "Wajib" in texts
    example = [column.example for column in KINDS[kind].columns]
    rows = [[cell.value for cell in row] for row in guide.iter_rows()]
    assert rows[-1][: len(example)] == example  # the example row
    if kind == "program":
        validations = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
        assert any(ref.startswith("D2") for ref in validations)  # sumber_dana dropdown
        assert data["I1"].value == "pagu_rp" and data["I2"].number_format == "#,##0"


def test_a_filled_template_imports(store, tmp_path):
    workbook = load_workbook(__import__("io").BytesIO(build_template("program")))
    for index, column in enumerate(KINDS["program"].columns, start=1):
        workbook["program"].cell(row=2, column=index, value=column.example)
    path = tmp_path / "program.xlsx"
    workbook.save(path)
    result = validate(path.name, path.read_bytes(), "program")
    assert result.ok, [p.message() for p in result.errors]
    assert importer.apply(store, result, "tester").added == 1


def _cli(*args, url, timeout=300):
    env = {**os.environ, "DATABASE_URL": url, "SINERGI_NIK_KEY": "test-key"}
    return subprocess.run(
        [sys.executable, "-m", "data_loaders", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=timeout,
    )


def test_cli_import_dry_run_history_rollback(store_url, tmp_path):
    good, bad = tmp_path / "program.csv", tmp_path / "salah.csv"
    good.write_bytes(FIRST)
    bad.write_bytes(FIRST.replace(b"Kukar", b"Kutai Kartanegra"))
    failed = _cli("import", str(bad), "--kind", "program", url=store_url)
    assert failed.returncode == 1
    assert "salah.csv: Baris 2, kolom wilayah: 'Kutai Kartanegra' tidak dikenal" in failed.stdout
    assert "tidak ada yang disimpan" in failed.stdout
    dry = _cli("import", str(good), "--kind", "program", "--dry-run", url=store_url)
    assert dry.returncode == 0 and "Uji coba: 3 baris" in dry.stdout
    done = _cli("import", str(good), "--kind", "program", url=store_url)
    assert done.returncode == 0, done.stderr
    assert "Impor #1 tersimpan: 3 baris baru, 0 diperbarui, 0 tidak berubah" in done.stdout
    assert "menulis" in done.stderr  # progress
    assert "program.csv" in _cli("history", url=store_url).stdout
    undone = _cli("rollback", "1", url=store_url)
    assert undone.returncode == 0 and "Impor #1 dibatalkan" in undone.stdout
    assert _cli("rollback", "1", url=store_url).returncode == 1
    assert _cli("import", str(good), url=store_url).returncode == 2  # --kind missing
    assert _cli("import", str(tmp_path / "nope.csv"), "--kind", "program", url=store_url).returncode == 2
    template = tmp_path / "templat.xlsx"
    assert _cli("template", "ppks", "--out", str(template), url=store_url).returncode == 0
    assert load_workbook(template).sheetnames[0] == "ppks"


def test_killing_an_import_mid_write_leaves_the_store_as_it_was(store_url, tmp_path):
    store = open_store(store_url)
    store_file(store, FIRST)
    before = snapshot(store)
    counts = store.table_counts()
    store.close()
    rows = 400_000
    path = tmp_path / "penerima.csv"
    with path.open("w") as handle:
        handle.write("nik,kode_program,tahun,wilayah,nilai_bantuan_rp\n")
        for i in range(rows):
            handle.write(f"640206{i:010d},A-1,2025,64.02.06.1001,2400000\n")
    env = {**os.environ, "DATABASE_URL": store_url, "SINERGI_NIK_KEY": "test-key"}
    process = subprocess.Popen(
        [sys.executable, "-m", "data_loaders", "import", str(path), "--kind", "penerima"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    for line in process.stderr:
        if line.startswith("menulis: langkah 0") or time.monotonic() > deadline:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    store = open_store(store_url)
    assert store.table_counts() == counts
    assert snapshot(store) == before
    # The store still works: the same file imports completely afterwards.
    result = validate(path.name, path.read_bytes(), "penerima", nik_key=b"test-key", max_bytes=10**9)
    assert importer.apply(store, result, "tester").added == rows
    store.close()


PENERIMA = "nik,kode_program,tahun,wilayah,nilai_bantuan_rp\n6402060101900001,A-1,2025,64.02.06.1001,100000\n"


def test_beneficiary_keys_stay_unique_and_a_repeated_stored_key_stops_the_import(store):
    """No index refuses a repeated beneficiary key in a DuckDB store (migration 0013): the importer
    keeps keys unique, and if a store holds one twice anyway, an import naming it stores nothing."""
    for benefit in ("100000", "250000", "250000"):  # new, updated, unchanged
        content = PENERIMA.replace("100000", benefit).encode()
        importer.apply(store, validate("penerima.csv", content, "penerima", nik_key=b"k"), "tester")
    repeated = (
        "SELECT count(*) FROM (SELECT 1 FROM beneficiaries GROUP BY nik_hash, program_code, year "
        "HAVING count(*) > 1) AS r"
    )
    assert store.scalar(repeated) == 0 and store.count("beneficiaries") == 1
    repeat = "INSERT INTO beneficiaries SELECT * FROM beneficiaries"
    if POSTGRES:  # PostgreSQL keeps the key as its primary key (`PostgresStore.migration_extras`)
        with pytest.raises(Exception, match="duplicate key"), store.transaction() as tx:
            tx.execute(repeat)
        return
    with store.transaction() as tx:
        tx.execute(repeat)
    state = snapshot(store)
    content = PENERIMA.replace("100000", "300000").encode()
    with pytest.raises(StoreError) as raised:
        importer.apply(store, validate("penerima.csv", content, "penerima", nik_key=b"k"), "tester")
    assert raised.value.key == "store_key_repeated" and "beneficiaries" in raised.value.message("id")
    assert snapshot(store) == state

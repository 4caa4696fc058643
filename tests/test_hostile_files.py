"""Plausibility and hostile files (issue 11, items 5 and 10): amounts written in millions, NIKs that
Excel turned into numbers or that sit in the wrong column, characters that do not print, bounded
error lists, and workbooks too large to hold. Time and memory are measured in
bench/hostile_files.py, not here."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from data_loaders.__main__ import main
from data_loaders.validation import MAX_PER_CAUSE, validate
from tests.conftest import stored

CASES = Path(__file__).resolve().parent / "field_cases"
HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"


def test_village_amounts_written_in_millions_are_warned_with_the_likely_reading(empty_store, capsys):
    assert main(["import", str(CASES / "p01_amounts_in_millions_program.csv"), "--kind", "program"]) == 0
    out = capsys.readouterr().out
    assert "Baris 2, kolom pagu_rp: Kurang dari Rp100.000 untuk sebuah program: ditulis dalam juta?" in out
    assert "Rp800.000.000" in out and "Rp1.250.000.000" in out
    assert out.count("ditulis dalam juta?") == 4  # pagu and realisasi of rows 2 and 3; row 4 is plausible
    amounts = stored(empty_store, "SELECT budget_idr FROM program_allocations ORDER BY budget_idr")["budget_idr"]
    assert amounts.tolist() == [800, 1_250, 95_000_000]  # stored as written, never silently


def test_small_amounts_are_said_in_english_with_english_separators():
    text = HEADER + "P1;Program;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;800\n"
    [warning] = validate("p.csv", text.encode(), "program").warnings
    assert "Rp800,000,000" in warning.message("en") and "written in millions?" in warning.message("en")


def test_a_nik_excel_wrote_in_scientific_form_is_named_as_such(empty_store, capsys, monkeypatch):
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    assert main(["import", str(CASES / "p02_nik_scientific_penerima.csv"), "--kind", "penerima"]) == 1
    out = capsys.readouterr().out
    assert "Baris 2, kolom nik: NIK 6.40206E+15 adalah angka ilmiah buatan Excel" in out
    assert "Format kolom nik sebagai Teks" in out
    assert stored(empty_store, "SELECT count(*) AS n FROM beneficiaries")["n"][0] == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_nik_in_another_column_is_refused_and_never_echoed(empty_store, capsys, monkeypatch, lang):
    monkeypatch.setenv("SINERGI_LANG", lang)
    assert main(["import", str(CASES / "h01_nik_in_program_code_program.csv"), "--kind", "program"]) == 1
    out = capsys.readouterr().out
    assert "6402015505900001" not in out
    assert "…0001" in out  # masked
    assert ("memuat NIK" if lang == "id" else "holds a NIK") in out
    assert stored(empty_store, "SELECT count(*) AS n FROM programs")["n"][0] == 0


def test_a_nik_excel_holds_as_a_number_in_a_code_column_is_refused():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(";"))
    sheet.append([6402015505900001, "Program", "Dinas Sosial", "APBN", 2025, "Fakir Miskin", "Paser", 150_000_000])
    content = io.BytesIO()
    workbook.save(content)
    [error] = validate("p.xlsx", content.getvalue(), "program").errors
    assert (error.key, error.column) == ("imp_nik_like_value", "kode_program")
    assert "6402015505900001" not in error.message("id")


def test_sixteen_digit_numbers_that_are_not_niks_pass():
    text = HEADER + "1000000000000000;Program;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;150000000\n"
    assert validate("p.csv", text.encode(), "program").ok


def test_characters_that_do_not_print_are_removed_with_a_notice(empty_store, capsys):
    assert main(["import", str(CASES / "h02_control_characters_program.csv"), "--kind", "program"]) == 0
    out = capsys.readouterr().out
    assert "Baris 2, kolom nama_program: Karakter yang tidak tercetak" in out
    names = stored(empty_store, "SELECT name FROM programs ORDER BY program_code")["name"].tolist()
    assert names == ["Beasiswa Anak Nelayan", "Posyandu[31m Lansia"]
    assert all(ord(c) >= 32 and c not in "\u202e\x7f" for name in names for c in name)


def test_a_utf16_csv_is_read_and_a_binary_file_is_refused():
    text = HEADER + "P1;Program;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;150000000\n"
    assert validate("u.csv", text.encode("utf-16"), "program").ok
    [error] = validate("b.csv", b"\x00\x01\x02\x00" * 100, "program").errors
    assert error.key == "imp_not_csv"


def test_error_lists_are_bounded_per_column_and_cause_with_a_count_of_the_rest():
    body = "".join(f"P{n};Program;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;sejuta\n" for n in range(500))
    result = validate("banyak.csv", (HEADER + body).encode(), "program")
    listed = [p for p in result.errors if p.column == "pagu_rp" and p.key != "imp_more_rows"]
    assert len(listed) == MAX_PER_CAUSE
    [more] = [p for p in result.errors if p.key == "imp_more_rows"]
    assert more.values["more"] == 500 - MAX_PER_CAUSE
    assert more.message("id").startswith("Kolom pagu_rp: … dan 480 baris lain dengan masalah yang sama seperti baris 2")
    assert result.problems[-1] is more  # the count comes after the rows it continues


def _workbook_with_far_cell() -> bytes:
    """A small workbook with one cell at XFD1048576: its used area is 17 billion cells."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "program"
    sheet.append(HEADER.strip().split(";"))
    sheet.append(["P1", "Program", "Dinas Sosial", "APBN", 2025, "Fakir Miskin", "Paser", 150_000_000])
    sheet["XFD1048576"] = "x"
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def test_a_workbook_whose_used_area_is_too_large_is_refused_before_reading():
    content = _workbook_with_far_cell()
    assert len(content) < 20_000
    [error] = validate("jauh.xlsx", content, "program").errors
    assert error.key == "imp_xlsx_too_many_cells"
    assert "17.179.869.184" in error.message("id")


def test_a_workbook_without_a_dimension_tag_is_read_in_full():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(";"))
    for n in range(300):
        sheet.append([f"P{n}", "Program", "Dinas Sosial", "APBN", 2025, "Fakir Miskin", "Paser", 150_000_000])
    plain = io.BytesIO()
    workbook.save(plain)
    stripped = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
                assert b"<dimension" not in data
            target.writestr(item, data)
    result = validate("tanpa.xlsx", stripped.getvalue(), "program")
    assert result.ok and result.rows_read == 300


def test_a_far_cell_is_found_whatever_the_order_of_its_attributes():
    # <c t="n" r="XFD1048576">: the reference is not the first attribute.
    content = (CASES / "h03_far_cell_attribute_order_program.xlsx").read_bytes()
    [error] = validate("h03.xlsx", content, "ppks").errors
    assert error.key == "imp_xlsx_too_many_cells"


def test_unknown_programs_are_listed_for_at_most_twenty_values_then_counted():
    header = "nik_hash;kode_program;tahun;wilayah;nilai_bantuan_rp\n"
    rows = "".join(f"{n:064x};KODE-{n};2024;Tenggarong;2400000\n" for n in range(300))
    result = validate("banyak.csv", (header + rows).encode(), "penerima", known_programs=set())
    unknown = [p for p in result.warnings if p.key == "imp_unknown_program"]
    assert len(unknown) == MAX_PER_CAUSE
    [more] = [p for p in result.warnings if p.key == "imp_more_rows"]
    assert more.values["more"] == 300 - MAX_PER_CAUSE


def test_a_kabupaten_total_above_its_kecamatan_is_found_once():
    text = (
        "wilayah;kategori_ppks;tahun;jumlah\nKabupaten Paser;Fakir Miskin;2024;30\n"
        "Kec. Tanah Grogot;Fakir Miskin;2024;0\nKec. Kuaro;Fakir Miskin;2024;30\n"
    )
    result = validate("total.csv", text.encode(), "ppks")
    [total] = [p for p in result.warnings if p.key == "imp_total_row"]
    assert (total.row, total.values["parts"], total.values["parts_sum"]) == (2, 2, 30)


def test_niks_written_in_groups_or_inside_names_are_refused_and_masked(empty_store, capsys):
    assert main(["import", str(CASES / "h04_nik_in_groups_program.csv"), "--kind", "program"]) == 1
    out = capsys.readouterr().out
    assert out.count("memuat NIK") == 4  # a name, a company and two codes written in groups
    assert "6402061234567890" not in out and "6402 0612 3456 7892" not in out
    assert stored(empty_store, "SELECT count(*) AS n FROM programs")["n"][0] == 0

"""Table layouts as offices send them (issue 11, item 3): wide tables (one column per PPKS category or
per year), two-row headers under merged group cells, blank and separator-only lines, and header
messages that name the real cause. Each file in tests/field_cases/ is imported through the command
line and the stored values are checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_loaders.__main__ import main
from data_loaders.validation import validate
from tests.conftest import stored

CASES = Path(__file__).resolve().parent / "field_cases"


NEED = (
    "SELECT r.name AS region, k.name AS category, c.year, c.count FROM ppks_counts c "
    "JOIN regions r ON r.code = c.region_code JOIN ppks_categories k ON k.id = c.ppks_category_id"
)


@pytest.mark.parametrize(("lang", "split"), [("id", "Pisahkan menjadi dua kolom"), ("en", "Split it into two columns")])
def test_a_wide_table_with_a_joined_category_column_is_refused_with_split_advice(
    empty_store, capsys, monkeypatch, lang, split
):
    monkeypatch.setenv("SINERGI_LANG", lang)
    assert main(["import", str(CASES / "c03_dinsos_pmks_wide.csv"), "--kind", "ppks"]) == 1
    out = capsys.readouterr().out
    assert "'Pengemis dan Gelandangan'" in out
    assert split in out
    assert "11. Gelandangan" in out and "12. Pengemis" in out
    assert stored(empty_store, "SELECT count(*) AS n FROM ppks_counts")["n"][0] == 0


def test_a_wide_table_is_read_one_row_per_region_and_category(empty_store, capsys):
    assert main(["import", str(CASES / "l01_wide_pmks_split_ppks.csv"), "--kind", "ppks"]) == 0
    assert "7 kolom kategori PPKS" in capsys.readouterr().out
    rows = stored(empty_store, NEED).set_index(["region", "category"])
    assert len(rows) == 70
    assert rows["count"].sum() == 12_960
    assert set(rows["year"]) == {2021}
    assert rows.loc[("Bontang", "Gelandangan"), "count"] == 4  # 8 split into 4 and 4
    assert rows.loc[("Bontang", "Pengemis"), "count"] == 4
    assert rows.loc[("Paser", "Anak Balita Terlantar"), "count"] == 42
    assert rows.loc[("Samarinda", "Korban Tindak Kekerasan"), "count"] == 393


def test_a_wide_table_by_year_skips_blank_and_nil_cells(empty_store, capsys):
    assert main(["import", str(CASES / "l02_wide_years_ppks.csv"), "--kind", "ppks"]) == 0
    out = capsys.readouterr().out
    assert "3 kolom tahun (2021, 2022, 2023)" in out
    rows = stored(empty_store, NEED).set_index(["region", "year"])
    assert len(rows) == 7  # Paser 2023 is '-', Mahakam Ulu 2022 is blank: no figure, no row
    assert rows.loc[("Paser", 2021), "count"] == 512
    assert rows.loc[("Paser", 2022), "count"] == 530
    assert rows.loc[("Berau", 2023), "count"] == 415
    assert ("Paser", 2023) not in rows.index and ("Mahakam Ulu", 2022) not in rows.index
    assert set(rows["category"]) == {"Penyandang Disabilitas"}


PROGRAMS = (
    "SELECT p.program_code, a.region_code, a.budget_idr, a.spent_idr, a.target_beneficiaries AS target, "
    "a.reached_beneficiaries AS reached, p.beneficiary_unit AS unit "
    "FROM programs p JOIN program_allocations a ON a.program_id = p.id"
)


@pytest.mark.parametrize("file", ["l03_two_row_header_program.xlsx", "l04_two_row_header_program.csv"])
def test_two_row_headers_under_merged_group_cells(empty_store, file):
    assert main(["import", str(CASES / file), "--kind", "program"]) == 0
    rows = stored(empty_store, PROGRAMS).set_index("program_code")
    assert len(rows) == 3
    # 'Pagu' and 'Realisasi' under 'Anggaran (Rp)'; 'Target' and 'Realisasi' under 'Penerima Manfaat'
    assert rows.loc["1.06.03.2.01", "budget_idr"] == 640_000_000
    assert rows.loc["1.06.03.2.01", "spent_idr"] == 512_500_000
    assert rows.loc["1.06.03.2.01", "target"] == 120
    assert rows.loc["1.06.03.2.01", "reached"] == 96
    assert rows.loc["1.06.05.2.01", "unit"] == "KK"
    assert rows.loc["1.06.05.2.01", "region_code"] == "64.09"  # Penajam Paser Utara
    assert rows["spent_idr"].isna().tolist() == [False, False, True]


HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
ROW = "P{n};Program {n};Dinas Sosial;APBN;2025;Fakir Miskin;Paser;{amount}\n"


def test_blank_and_separator_only_lines_are_skipped_and_rows_keep_their_line_numbers():
    text = HEADER + ROW.format(n=1, amount=1_000_000) + "\n" * 5000 + ";;;;;;;\n" * 300
    text += ROW.format(n=2, amount="sejuta")  # line 2 + 5000 + 300 + 1 = 5303
    result = validate("kosong.csv", text.encode(), "program")
    assert result.rows_read == 2
    [error] = result.errors
    assert (error.row, error.column, error.value) == (5303, "pagu_rp", "sejuta")


def test_a_header_with_too_few_known_columns_names_the_row_and_what_it_found():
    text = "Laporan CSR 2025\nWilayah;Anggaran;Keterangan\nPaser;100000000;baik\n"
    result = validate("laporan.csv", text.encode(), "program")
    [error] = result.errors
    assert error.key == "imp_header_too_few"
    assert error.row == 2
    assert error.values["found"] == "Wilayah"


def test_a_file_with_no_known_header_lists_the_known_columns():
    result = validate("catatan.csv", b"Laporan triwulan\nsemua baik\n", "program")
    [error] = result.errors
    assert error.key == "imp_no_header"
    assert "pagu_rp" in error.values["expected"]


@pytest.mark.parametrize(
    ("file", "chosen", "other"),
    [
        ("c06_sipd_amounts_program.csv", "ppks", "program"),  # a header of this kind's columns missing
        ("c04_satudata_pmks.csv", "program", "ppks"),  # no header of this kind at all
        ("c09_pipe_delimited_penerima.csv", "indikator", "penerima"),
    ],
)
def test_a_file_of_another_kind_is_named_as_such(file, chosen, other):
    result = validate(file, (CASES / file).read_bytes(), chosen)
    [error] = result.problems
    assert error.key == "imp_other_kind"
    assert error.message("id") == (
        f"Baris 1: Kolom berkas ini adalah kolom jenis '{other}', bukan '{chosen}'. "
        f"Pilih jenis '{other}' lalu periksa lagi."
    )


def test_a_row_with_more_cells_than_the_header_is_refused_not_cut():
    # '1,250' in a comma-separated file is two cells: pandas alone would keep 1 and drop 250.
    text = "wilayah,kategori_ppks,tahun,jumlah\nBerau,Fakir Miskin,2024,1,250\nPaser,Fakir Miskin,2024,2,100\n"
    [error] = validate("koma.csv", text.encode(), "ppks").errors
    assert (error.key, error.row, error.values["found"], error.values["expected"]) == ("imp_csv_fields", 2, 5, 4)
    assert "angka ribuan yang ditulis dengan koma (1,250)" in error.message("id")


@pytest.mark.parametrize(
    ("header", "budget"),
    [
        ("Pagu (Rp juta);Realisasi (Rp juta)", 640_000_000),
        ("Pagu (Rp ribu);Realisasi (Rp ribu)", 640_000),
        ("Pagu (Rp);Realisasi (Rp)", 640),
    ],
)
def test_a_money_header_that_names_its_scale_is_stored_in_rupiah(header, budget):
    text = (
        f"kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;{header}\n"
        "P1;Program;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;640;512\n"
    )
    result = validate("skala.csv", text.encode(), "program")
    assert result.ok
    assert result.clean.loc[0, "pagu_rp"] == budget
    assert result.clean.loc[0, "realisasi_rp"] == budget * 512 / 640
    scaled = [p for p in result.warnings if p.key == "imp_amount_scaled"]
    assert len(scaled) == (0 if budget == 640 else 2)


def test_a_scale_in_a_merged_group_header_applies_to_its_columns():
    text = (
        "Kode Program;Nama Program;Penyelenggara;Sumber Dana;Tahun;Kategori PPKS;Wilayah;Anggaran (Rp ribu);\n"
        ";;;;;;;Pagu;Realisasi\n"
        "P1;Program;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;640.000;512.000\n"
    )
    result = validate("ribu.csv", text.encode(), "program")
    assert result.ok
    assert (result.clean.loc[0, "pagu_rp"], result.clean.loc[0, "realisasi_rp"]) == (640_000_000, 512_000_000)
    [first, _] = [p for p in result.warnings if p.key == "imp_amount_scaled"]
    assert "'Anggaran (Rp ribu) Pagu'" in first.message("id") and "1.000" in first.message("id")


@pytest.mark.parametrize(
    ("header", "unit"), [('"jumlah\n(jiwa)"', "jiwa"), ("Jumlah (KK)", "KK"), ("Jumlah KPM", "KK")]
)
def test_a_count_header_that_names_its_unit_gives_the_unit(header, unit):
    text = f"wilayah,kategori_ppks,tahun,{header}\nBerau,Fakir Miskin,2024,120\n"
    result = validate("unit.csv", text.encode(), "ppks")
    assert result.ok
    assert result.clean.loc[0, "satuan"] == unit
    [notice] = result.warnings
    assert notice.key == "imp_unit_from_header" and "\n" not in notice.message("id")


def test_a_title_cell_spanning_two_lines_above_the_header_counts_as_one_row():
    text = '"Tabel 1 Jumlah PMKS\nKaltim 2024"\nwilayah;kategori_ppks;tahun;jumlah\n'
    text += "Berau;Fakir Miskin;2024;5\nPaser;Fakir Miskin;2024;x\n"
    result = validate("judul.csv", text.encode(), "ppks")
    [error] = result.errors
    assert (error.row, error.column) == (4, "jumlah")  # Excel shows the title as row 1, the header as row 2


def test_a_wide_table_with_total_column_and_total_row_reads_only_the_cells(empty_store, capsys):
    assert main(["import", str(CASES / "l05_wide_total_column_and_row_ppks.csv"), "--kind", "ppks"]) == 0
    out = capsys.readouterr().out
    assert "Baris 6 adalah baris jumlah tabel" in out and "Kolom jumlah di samping" in out
    rows = stored(empty_store, NEED).set_index(["region", "category"])
    assert len(rows) == 6
    assert rows["count"].sum() == 66  # not 132 (the 'Jumlah' row) nor 198 (and the 'Jumlah' column)
    assert rows.loc[("Berau", "Gelandangan"), "count"] == 3


def test_a_wide_table_whose_year_is_only_in_its_title_names_the_missing_year_column():
    result = validate("l06.csv", (CASES / "l06_wide_year_in_title_ppks.csv").read_bytes(), "ppks")
    [error] = result.errors
    assert (error.key, error.column) == ("imp_missing_column", "tahun")


def test_a_header_wider_than_the_limit_is_refused_quickly():
    text = "wilayah;kategori_ppks;tahun;jumlah" + ";x" * 20_000 + "\nPaser;Fakir Miskin;2024;5\n"
    [error] = validate("lebar.csv", text.encode(), "ppks").errors
    assert (error.key, error.row, error.file) == ("imp_too_many_columns", 1, "lebar.csv")
    assert "20.004 kolom" in error.message("id")


def test_a_cell_longer_than_the_limit_names_its_row_column_and_length():
    text = "wilayah;kategori_ppks;tahun;jumlah;sumber_data\nPaser;Fakir Miskin;2024;5;" + "x" * 300_000 + "\n"
    [error] = validate("panjang.csv", text.encode(), "ppks").errors
    assert (error.key, error.row, error.column) == ("imp_too_long", 2, "sumber_data")
    assert "300.000 karakter; batasnya 2.000" in error.message("id")


def test_quoted_cells_with_line_breaks_are_read_and_rows_numbered_as_excel_shows_them():
    text = (
        "\ufeffkode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\r\n"
        'Q1;"Bantuan\r\nSembako";Dinas Sosial;APBN;2025;Fakir Miskin;Paser;100.000.000\r\n'
        "\r\n"
        "Q2;Bantuan Lansia;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;sejuta\r\n"
    )
    result = validate("excel.csv", text.encode(), "program")
    assert result.clean["nama_program"].tolist() == ["Bantuan Sembako", "Bantuan Lansia"]
    [error] = result.errors
    assert (error.row, error.column) == (4, "pagu_rp")  # header 1, Q1 2, blank 3, Q2 4


@pytest.mark.parametrize("rows", [4, 30_000])  # 30.000 rows: more than one block of Arrow's CSV reader
def test_a_quote_left_open_is_refused_not_read_into_one_cell(rows):
    # Arrow's reader would read every line after an open quote in the last column into that one cell,
    # and stops at one straddling its blocks; the file is refused, naming the row where it can.
    lines = [f"Berau,Fakir Miskin,2024,{n}" for n in range(rows)]
    lines[rows // 2] = 'Berau,Fakir Miskin,2024,"5'
    text = "wilayah,kategori_ppks,tahun,jumlah\n" + "\n".join(lines) + "\n"
    result = validate("kutip.csv", text.encode(), "ppks")
    assert [error.key for error in result.errors] == ["imp_csv_fields"] and result.rows_read == 0

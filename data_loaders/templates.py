"""Excel templates for the five kinds: the data sheet (header, dropdowns, number formats), an
instruction sheet in Bahasa Indonesia with an example row, and a hidden sheet of the lists."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from data_loaders.kinds import Kind, kind_of
from data_loaders.reference_data import ppks_categories
from data_loaders.regions import all_regions

DATA_ROWS = 2000
HEADER_FILL = PatternFill("solid", fgColor="0072B2")
HEADER_FONT = Font(bold=True, color="FFFFFF")
REQUIRED_MARK = "wajib"


def _lists(kind: Kind) -> dict[str, list[str]]:
    lists = {column.name: list(column.options) for column in kind.columns if column.options}
    if any(column.name == "kategori_ppks" for column in kind.columns):
        names = ppks_categories()["name"].tolist()
        lists["kategori_ppks"] = names + (["Lintas PPKS"] if kind.name != "ppks" else [])
    if any(column.name == "wilayah" for column in kind.columns):
        # Kabupaten/kota and kecamatan: a list a person can scroll. Desa are typed (name or code).
        # 'Kecamatan X', since 38 kecamatan share their name with a desa or kelurahan.
        lists["wilayah"] = [r.name for r in all_regions() if r.level in ("provinsi", "kabupaten_kota")] + sorted(
            f"Kecamatan {r.name}" for r in all_regions() if r.level == "kecamatan"
        )
    return lists


def build_template(kind_name: str) -> bytes:
    """The .xlsx template of a kind, as bytes (for a download button or a file)."""
    kind = kind_of(kind_name)
    workbook = Workbook()
    data = workbook.active
    data.title = kind.name
    lists_sheet = workbook.create_sheet("daftar")
    guide = workbook.create_sheet("petunjuk")
    workbook.move_sheet(guide, offset=-1)  # data, petunjuk, daftar

    lists = _lists(kind)
    for index, (name, options) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        lists_sheet.cell(row=1, column=index, value=name)
        for row, option in enumerate(options, start=2):
            lists_sheet.cell(row=row, column=index, value=option)
        lists[name] = f"daftar!${letter}$2:${letter}${len(options) + 1}"
    lists_sheet.sheet_state = "hidden"

    for index, column in enumerate(kind.columns, start=1):
        letter = get_column_letter(index)
        cell = data.cell(row=1, column=index, value=column.name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        data.column_dimensions[letter].width = max(14, len(column.name) + 4)
        cells = f"{letter}2:{letter}{DATA_ROWS + 1}"
        if column.name in lists:
            validation = DataValidation(
                type="list",
                formula1=lists[column.name],
                allow_blank=not column.required,
                showErrorMessage=column.name != "wilayah",
            )
            validation.error = "Pilih dari daftar."
            validation.prompt = column.meaning
            data.add_data_validation(validation)
            validation.add(cells)
        number_format = "@" if column.name in ("nik", "nik_hash", "kode_program") else column.number_format
        if number_format:  # '@' is Text: a 16-digit NIK must not become a number
            for row in range(2, DATA_ROWS + 2):
                data.cell(row=row, column=index).number_format = number_format
    data.freeze_panes = "A2"

    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 10
    guide.column_dimensions["C"].width = 70
    guide.column_dimensions["D"].width = 28
    lines = [
        (f"Templat data {kind.title} — Sinergi Kesos Kaltim", None, None, None),
        ("Isi lembar '" + kind.name + "' mulai baris 2, satu baris per " + _unit(kind) + ".", None, None, None),
        ("Nama kolom boleh dalam bahasa Inggris; huruf besar/kecil dan spasi tidak berpengaruh.", None, None, None),
        ("Angka boleh ditulis cara Indonesia: 1.234.567 · 1.234.567,50 · Rp1,2 M · 250 juta.", None, None, None),
        ("Tanggal: 2025-03-01, 01/03/2025 atau 1 Maret 2025.", None, None, None),
        *(
            [
                (
                    "Lintang/bujur (boleh kosong): derajat desimal WGS84, selatan negatif, koma atau titik desimal "
                    "(-0,42117 · 116,99045); titik diperiksa terhadap batas wilayah barisnya.",
                    None,
                    None,
                    None,
                )
            ]
            if any(column.name == "lintang" for column in kind.columns)
            else []
        ),
        (
            "Berkas dengan kesalahan tidak disimpan sama sekali; setiap kesalahan disebut baris dan kolomnya.",
            None,
            None,
            None,
        ),
        (None, None, None, None),
        ("Kolom", "Wajib", "Isi", "Contoh"),
    ]
    header_row = len(lines)
    for column in kind.columns:
        required = REQUIRED_MARK if column.required or column.name in kind.one_of else ""
        if column.name in kind.one_of:
            required = "salah satu"
        lines.append((column.name, required, column.meaning, column.example))
    lines += [(None, None, None, None), ("Contoh baris (salin ke lembar data bila perlu):", None, None, None)]
    for row_index, line in enumerate(lines, start=1):
        for col_index, value in enumerate(line, start=1):
            if value is not None:
                guide.cell(row=row_index, column=col_index, value=value).alignment = Alignment(
                    wrap_text=True, vertical="top"
                )
    guide.cell(row=1, column=1).font = Font(bold=True, size=14)
    for col_index in range(1, 5):
        guide.cell(row=header_row, column=col_index).font = Font(bold=True)
    example_row = len(lines) + 1
    for index, column in enumerate(kind.columns, start=1):
        guide.cell(row=example_row, column=index, value=column.name).font = Font(bold=True)
        cell = guide.cell(row=example_row + 1, column=index, value=column.example)
        if column.number_format and column.number_format != "dd/mm/yyyy":
            cell.number_format = column.number_format

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _unit(kind: Kind) -> str:
    return {
        "program": "program per tahun per wilayah per sumber dana",
        "ppks": "tahun, wilayah dan kategori PPKS",
        "penerima": "penerima per program per tahun",
        "mitra": "perusahaan",
        "indikator": "indikator per tahun, periode dan wilayah",
    }[kind.name]

"""The Excel workbook of a view (reports/workbook.py), the stamp of every page download
(common/exports.py, ui/downloads.py) and `python -m data_loaders report` (issue 14).

The store is test_summary's hand-made one (its figures are worked out by hand there) plus one
program whose texts are spreadsheet formulas: the workbook's first sheet must equal
`summary --format json`, and every other number is checked against hand sums below."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader

from common import exports
from common.exports import CSV_STAMP_ROWS, NUMBER_FORMATS, Stamp
from data_loaders.__main__ import main
from data_loaders.store import open_store
from tests.conftest import app_test, media_content
from tests.test_summary import BUDGET, SPENT, summary_store  # noqa: F401 (a fixture)

MONEY, PERCENT, NUMBER = NUMBER_FORMATS["money"], NUMBER_FORMATS["percent"], NUMBER_FORMATS["number"]
INJECTIONS = ["=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\x00x"]
NEUTRALISED = ["'=1+1", "'+A1", "'-2+3", "'@SUM(A1)", "' x", "' x", "'x"]
SHEETS_ID = ["Ringkasan", "Dana per sumber", "Dana per wilayah", "Program", "Celah & tumpang tindih", "Indikator"]
SHEETS_ID += ["Mitra"]
SHEETS_EN = ["Summary", "Funding by source", "Funding by area", "Programs", "Gaps & overlaps", "Indicators", "Partners"]
EXTRA_BUDGET = 70_000_000  # the formula-named program: Rp70 jt planned in Samarinda from APBN


@pytest.fixture
def pack_store(summary_store):  # noqa: F811 (the fixture imported above)
    """test_summary's store plus program 7 of 2025 (APBN, Samarinda, 20 jiwa targeted, none reported
    reached) whose code, name and implementer are formulas, imported before the other file."""
    store = open_store(summary_store)
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (2, 'program', 'tambahan.xlsx', 'test', ?, FALSE)",
            [dt.datetime(2026, 1, 15, 8, 0)],
        )
        program = {
            "id": 7,
            "program_code": "-2+3",
            "year": 2025,
            "name": "=1+1",
            "implementer": "@SUM(A1)",
            "ppks_category_id": 24,
            "beneficiary_unit": "jiwa",
            "import_id": 2,
        }
        tx.insert_frame("programs", pd.DataFrame([program]))
        allocation = {
            "program_id": 7,
            "region_code": "64.72",
            "funding_source": "APBN",
            "budget_idr": EXTRA_BUDGET,
            "spent_idr": 0,
            "target_beneficiaries": 20,
            "import_id": 2,
        }
        tx.insert_frame("program_allocations", pd.DataFrame([allocation]))
    store.close()
    return summary_store


def report(tmp_path, *args: str) -> tuple[int, openpyxl.Workbook | None]:
    out = tmp_path / "pack.xlsx"
    code = main(["report", "--format", "xlsx", "--out", str(out), *args])
    return code, openpyxl.load_workbook(out) if code == 0 else None


def figures_of(sheet) -> dict[str, object]:
    """The first sheet's figures: key (column A) → the value cell (column C), from row 8."""
    return {row[0].value: row[2] for row in sheet.iter_rows(min_row=8) if row[0].value}


def test_workbook_sheets_stamp_and_figures_equal_the_summary_command(pack_store, tmp_path, capsys):
    assert main(["summary", "--year", "2025", "--format", "json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    code, book = report(tmp_path, "--year", "2025")
    assert code == 0
    assert "pack.xlsx" in capsys.readouterr().out
    assert book.sheetnames == SHEETS_ID
    first = book.worksheets[0]
    assert first["A1"].value == "Sinergi Kesos Kaltim — Bahan Rapat (Excel)"
    stamp = {first.cell(row, 1).value: first.cell(row, 2).value for row in range(2, 6)}
    assert stamp["Filter"] == "Tahun 2025 · Seluruh Kalimantan Timur · Semua sumber dana · Semua kategori"
    assert stamp["Data per"] == "1 Feb 2026"  # the latest import, 1 Feb 2026 08:00
    assert stamp["Sumber data"] == "impor tambahan.xlsx, rekap_2025.xlsx"
    cells = figures_of(first)
    assert list(cells) == list(expected)
    for key, value in expected.items():
        cell = cells[key]
        if isinstance(value, list):
            assert cell.value == (", ".join(value) or None), key
        elif key == "data_as_of":
            assert cell.value == dt.datetime(2026, 2, 1, 8, 0)
        elif isinstance(value, float):  # a cell keeps 16 significant digits (Excel shows 15)
            assert cell.value == pytest.approx(value, rel=1e-15, abs=0), key
        else:
            assert cell.value == value, key
    assert cells["budget_idr"].value == BUDGET + EXTRA_BUDGET == 2_620_000_000
    assert cells["spent_idr"].value == SPENT
    assert isinstance(cells["budget_idr"].value, int | float) and cells["budget_idr"].number_format == MONEY
    assert cells["realisation"].value == pytest.approx(2_230 / 2_620) and cells["realisation"].number_format == PERCENT
    assert cells["programs"].value == 6 and cells["programs"].number_format == NUMBER
    assert cells["target_jiwa"].value == 300 + 20


def test_table_sheets_hold_numbers_with_indonesian_formats_and_inert_text(pack_store, tmp_path):
    _, book = report(tmp_path, "--year", "2025")
    sources = book["Dana per sumber"]
    assert [c.value for c in sources[1]] == ["Sumber dana", "Pagu (Rp)", "Komitmen CSR/PPM (Rp)", "Realisasi (Rp)",
                                            "Realisasi (%)", "Program"]  # fmt: skip
    rows = {row[0].value: row for row in sources.iter_rows(min_row=2)}
    apbn = rows["APBN"]  # PKH Rp1 M, ATENSI Rp300 jt and the formula program's Rp70 jt
    assert apbn[1].value == 1_000_000_000 + 300_000_000 + EXTRA_BUDGET and apbn[1].number_format == MONEY
    assert apbn[3].value == 900_000_000 + 250_000_000
    assert apbn[4].value == pytest.approx(1_150 / 1_370) and apbn[4].number_format == PERCENT
    assert apbn[5].value == 3 and apbn[5].number_format == NUMBER
    assert rows["PPM"][2].value == 40_000_000  # a pledge
    assert rows["APBN"][2].value is None  # APBN does not pledge: an empty cell, not 0 or "–"
    for sheet in book.worksheets[1:]:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
        assert all(sheet.column_dimensions[c.column_letter].width >= 8 for c in sheet[1]), sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)  # no formula anywhere
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.value
                    assert not cell.value.startswith("Rp"), cell.value  # money is a number, never text
    programs = book["Program"]
    headers = [c.value for c in programs[1]]
    formula = next(row for row in programs.iter_rows(min_row=2, values_only=True) if row[0] == "'-2+3")
    assert formula[headers.index("Program")] == "'=1+1"
    assert formula[headers.index("Penyelenggara")] == "'@SUM(A1)"
    assert formula[headers.index("Pagu (Rp)")] == EXTRA_BUDGET
    widest = programs.column_dimensions["B"].width  # "ATENSI Fakir Miskin" is the longest name: 19 + 2
    assert widest == len("ATENSI Fakir Miskin") + 2
    areas = {row[0]: row for row in book["Dana per wilayah"].iter_rows(min_row=2, values_only=True)}
    assert areas["Samarinda"][2] == 300_000_000 + 200_000_000 + EXTRA_BUDGET  # ATENSI, Panti, the formula program


def test_workbook_in_english_for_a_kabupaten(pack_store, tmp_path):
    code, book = report(tmp_path, "--year", "2025", "--wilayah", "Kukar", "--lang", "en")
    assert code == 0
    assert book.sheetnames == SHEETS_EN
    first = book.worksheets[0]
    assert first["B2"].value == "Year 2025 · Kutai Kartanegara · All funding sources · All categories"
    cells = figures_of(first)
    assert cells["region_code"].value == "64.02"
    assert cells["budget_idr"].value == 1_000_000_000  # PKH only
    assert cells["ppks_jiwa"].value == 5_200


def test_neutralise_every_formula_start_but_keep_numbers(tmp_path):
    assert [exports.neutralise(text) for text in INJECTIONS] == NEUTRALISED
    assert exports.neutralise(" =1+1") == "' =1+1"  # after leading spaces too
    assert exports.neutralise("\x01=1+1") == "'=1+1"  # a character that does not print, removed first
    assert exports.neutralise("Rp-an") == "Rp-an" and exports.neutralise(-3.5) == -3.5
    frame = pd.DataFrame({"teks": INJECTIONS, "jumlah": [-1_500.0, -2, 0, 3, 4, 5, 6]})
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(frame, "uji", {"jumlah": "money"})))
    sheet = book.active
    assert [c.value for c in sheet["A"][1:]] == NEUTRALISED
    assert [c.data_type for c in sheet["A"][1:]] == ["s"] * 7
    assert [c.value for c in sheet["B"][1:]] == [-1_500, -2, 0, 3, 4, 5, 6]
    assert sheet["B2"].data_type == "n" and sheet["B2"].number_format == MONEY
    assert sheet.freeze_panes == "A2"
    stamp = Stamp("Judul", (("Filter", "=x"), ("Data per", "1 Feb 2026"), ("Sumber data", "a"), ("Dibuat", "b")))
    csv = exports.stamped(exports.csv_bytes(frame), "uji.csv", stamp)
    assert csv.startswith(b"\xef\xbb\xbf# Judul\n# Filter: =x\n")  # the stamp rows start with '#': never a formula
    read = pd.read_csv(io.BytesIO(csv), skiprows=CSV_STAMP_ROWS + 1, encoding="utf-8-sig")
    assert list(read["teks"]) == NEUTRALISED
    assert list(read["jumlah"]) == [-1_500.0, -2, 0, 3, 4, 5, 6] and read["jumlah"].dtype == float


def download(at, media, name: str) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.label == name)
    return media_content(media, button)


def test_page_downloads_carry_the_stamp(fixture_url, media):
    at = app_test("analis")
    at.run()
    at.switch_page("app_pages/peta.py").run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    csv = download(at, media, next(label for label in labels if ".csv" in label))
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("# Sinergi Kesos Kaltim — peta_")
    assert lines[1] == "# Filter: Tahun 2025 · Seluruh Kalimantan Timur · Semua sumber dana · Semua kategori"
    assert lines[2].startswith("# Data per: ") and lines[3].startswith("# Sumber data: impor ")
    assert lines[CSV_STAMP_ROWS] == ""
    table = pd.read_csv(io.BytesIO(csv), skiprows=CSV_STAMP_ROWS + 1, encoding="utf-8-sig")
    # 2025 (tests/fixture_data.py): Samarinda PKH Rp500 jt + CSR Rp100 jt; Kukar PKH Rp1 M; Kutim RLH Rp400 + 600 jt
    assert pd.api.types.is_numeric_dtype(table["Pagu"])  # money stays a number
    assert sorted(table["Pagu"].dropna()) == [600_000_000, 1_000_000_000, 1_000_000_000]
    xlsx = openpyxl.load_workbook(io.BytesIO(download(at, media, next(label for label in labels if ".xlsx" in label))))
    assert xlsx.sheetnames[0] == "Keterangan" and xlsx.active.title != "Keterangan"  # opens on the table
    about = xlsx["Keterangan"]
    assert about["B2"].value == lines[1].removeprefix("# Filter: ")
    data = xlsx.active
    headers = [c.value for c in data[1]]
    budgets = [row[headers.index("Pagu")] for row in data.iter_rows(min_row=2) if row[headers.index("Pagu")].value]
    assert budgets and all(c.data_type == "n" and c.number_format == MONEY for c in budgets)
    assert sorted(c.value for c in budgets) == [600_000_000, 1_000_000_000, 1_000_000_000]


def test_the_import_template_is_not_stamped(fixture_url, media):
    at = app_test("admin")
    at.run()
    at.switch_page("app_pages/kelola_data.py").run()
    template = next(b for b in at.get("download_button") if b.proto.url.endswith(".xlsx"))  # the only XLSX there
    book = openpyxl.load_workbook(io.BytesIO(media[template.proto.url.rsplit("/", 1)[-1].split(".")[0]]))
    assert "Keterangan" not in book.sheetnames


def test_report_refuses_a_bad_region_or_year(pack_store, tmp_path, capsys, monkeypatch):
    out = tmp_path / "x.xlsx"
    assert main(["report", "--format", "xlsx", "--year", "1999", "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert "tahun 1999" in said and "2024, 2025" in said and "--year" in said
    monkeypatch.setenv("SINERGI_LANG", "en")
    assert main(["report", "--format", "xlsx", "--wilayah", "Atlantis", "--out", str(out)]) == 1
    assert "'Atlantis' is not a known region" in capsys.readouterr().err
    assert main(["report", "--format", "pdf", "--wilayah", "64.72.01", "--out", str(out)]) == 1
    assert "lies below that level" in capsys.readouterr().err
    assert not out.exists()  # nothing written


def test_report_without_any_data(empty_store, tmp_path, capsys):
    assert main(["report", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx")]) == 1
    assert "Belum ada data program atau PPKS" in capsys.readouterr().err


def test_report_writes_pdf_and_pptx(pack_store, tmp_path, capsys):
    pptx_file, pdf_file = tmp_path / "pack.pptx", tmp_path / "pack.pdf"
    assert main(["report", "--format", "pptx", "--year", "2025", "--out", str(pptx_file)]) == 0
    assert main(["report", "--format", "pdf", "--year", "2025", "--lang", "en", "--out", str(pdf_file)]) == 0
    said = capsys.readouterr().out
    assert "PPTX" in said and "PDF" in said
    slides = Presentation(str(pptx_file)).slides
    assert len(slides) >= 5
    first = " ".join(shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame)
    assert "Tahun 2025 · Seluruh Kalimantan Timur" in first
    pages = PdfReader(str(pdf_file)).pages
    assert len(pages) == len(slides)
    assert "Year 2025 · All of East Kalimantan" in pages[0].extract_text()

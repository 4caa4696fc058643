"""Downloads (CSV, XLSX) people open in Excel or read with pandas.

Neutralisation: a text cell that starts with =, +, -, @, a tab, CR or NUL (also after leading spaces,
or once characters that do not print are removed) would run as a formula in a spreadsheet
(CWE-1236, OWASP "CSV Injection"), so it gets a leading apostrophe; characters that do not print
(which Excel refuses in a cell) are removed, tabs and line breaks read as a space. Numbers — negative
ones too — stay numbers.

Numbers as numbers: XLSX cells hold the raw value (Rupiah, counts, ratios 0–1) with an Excel number
format (`NUMBER_FORMATS`). Format codes are stored in Excel's invariant notation (',' groups
thousands, '.' marks decimals) and Excel shows them with the reader's regional settings: under
Indonesian settings `"Rp"#,##0` shows 1234567 as Rp1.234.567 and `0.0 %` shows 0.859 as 85,9 %
(the unquoted '%' multiplies by 100; the space is a literal, as the dashboard writes "85,9 %").

The stamp (`Stamp`): what a file is about — the filters, the data's date and its source, when it was
downloaded. An XLSX gets it as a first sheet (the table's sheet stays a plain table and is the one
Excel opens on); a CSV, which has no sheets, gets it as `CSV_STAMP_ROWS` leading rows — each a
single field starting with '#' — and an empty row before the table's header. A spreadsheet program
shows those rows above the table; pandas reads the table with
`pd.read_csv(file, skiprows=CSV_STAMP_ROWS + 1)`. CSV numbers are written raw ('.' as the decimal
sign, no grouping; ratios 0–1), for programs; people open the XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from common.text import without_control_characters

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\x00", "\r")
# Excel number formats of the display kinds of ui.tables.FORMATS (see the module notes).
NUMBER_FORMATS = {
    "money": '"Rp"#,##0;-"Rp"#,##0',
    "number": "#,##0",
    "decimal": "#,##0.0",
    "percent": "0.0 %",
}
CSV_STAMP_ROWS = 5  # the title, then the four lines of `Stamp.lines`; an empty row follows
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_WIDTH = (8, 60)  # narrowest and widest column, in characters


def neutralise(value: object) -> object:
    """`value` safe for a spreadsheet cell: a text that a spreadsheet would read as a formula (see the
    module notes) gets a leading apostrophe; characters that do not print are removed. Anything that
    is not text (numbers, negative ones too) is returned as it is."""
    if not isinstance(value, str):
        return value
    clean = without_control_characters(value)
    if value.startswith(_FORMULA_STARTS) or clean.lstrip().startswith(_FORMULA_STARTS):
        return "'" + clean
    return clean


@dataclass(frozen=True)
class Stamp:
    """What a downloaded file is about. `title`: the dashboard's name and what the file holds;
    `lines`: (label, text) pairs, exactly four — the filters in force, the data's date, its source,
    when the file was made (see `CSV_STAMP_ROWS`); `sheet`: the XLSX sheet that holds them."""

    title: str
    lines: tuple[tuple[str, str], ...]
    sheet: str = "Keterangan"

    def __post_init__(self) -> None:
        if len(self.lines) != CSV_STAMP_ROWS - 1:
            raise ValueError(f"a stamp has {CSV_STAMP_ROWS - 1} lines, not {len(self.lines)}")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel opens it with the right characters), formulas neutralised in text cells
    and headers, numbers raw."""
    safe = frame.map(neutralise)
    safe.columns = [neutralise(str(column)) for column in frame.columns]
    return safe.to_csv(index=False).encode("utf-8-sig")


def _cell(value: object) -> object:
    """A value as an XLSX cell takes it: missing as an empty cell, numpy numbers as Python numbers,
    a tuple or list as its items joined, text neutralised."""
    if isinstance(value, (tuple, list)):
        return neutralise(", ".join(map(str, value)))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return None
    return neutralise(value) if isinstance(value, str) else value


def sheet_name(name: str) -> str:
    """`name` as Excel allows a sheet name: without []:*?/\\ and at most 31 characters."""
    return _SHEET_NAME_BAD.sub("-", name).strip("'")[:31] or "data"


def _shown_width(value: object, kind: str | None) -> int:
    """About how many characters Excel shows for `value` in a cell of display `kind`."""
    if value is None:
        return 1
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if kind == "percent":
            return len(f"{value * 100:.1f}") + 2
        text = f"{value:,.1f}" if kind == "decimal" else f"{value:,.0f}"
        return len(text) + (3 if kind == "money" else 0)
    return max(len(line) for line in str(value).split("\n"))


def write_table(sheet: Worksheet, frame: pd.DataFrame, formats: Mapping[str, str] | None = None, top: int = 1) -> None:
    """`frame` on `sheet` from row `top`: a bold header row, then one row per record; the columns
    named in `formats` (header → 'money', 'number', 'decimal' or 'percent') get their
    `NUMBER_FORMATS`; text neutralised; columns as wide as their longest shown value (8–60
    characters). Raises KeyError for a kind outside `NUMBER_FORMATS`."""
    formats = dict(formats or {})
    kinds = [formats.get(column) for column in frame.columns]
    codes = [NUMBER_FORMATS[kind] if kind else None for kind in kinds]
    headers = [_cell(str(column)) for column in frame.columns]
    widths = [len(header) for header in headers]
    for column, header in enumerate(headers, start=1):
        sheet.cell(top, column, header).font = Font(bold=True)
    for row, record in enumerate(frame.itertuples(index=False, name=None), start=top + 1):
        for column, raw in enumerate(record, start=1):
            value = _cell(raw)
            cell = sheet.cell(row, column, value)
            if codes[column - 1] and isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = codes[column - 1]
            widths[column - 1] = max(widths[column - 1], _shown_width(value, kinds[column - 1]))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, _WIDTH[0]), _WIDTH[1])


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data", formats: Mapping[str, str] | None = None) -> bytes:
    """An Excel workbook of one sheet named `sheet`: `frame` as `write_table` writes it (numbers as
    numbers with `formats`' number formats, text neutralised), the header row frozen and filterable."""
    book = Workbook()
    table = book.active
    table.title = sheet_name(sheet)
    write_table(table, frame, formats)
    table.freeze_panes = "A2"
    if len(frame.columns):
        table.auto_filter.ref = table.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_stamp(sheet: Worksheet, stamp: Stamp) -> int:
    """The stamp on `sheet`: the title (bold) in A1, then one row per line (label in A, text in B).
    Returns the last row written."""
    sheet.cell(1, 1, neutralise(stamp.title)).font = Font(bold=True, size=13)
    for row, (label, text) in enumerate(stamp.lines, start=2):
        sheet.cell(row, 1, neutralise(label)).font = Font(bold=True)
        sheet.cell(row, 2, neutralise(text))
    sheet.column_dimensions["A"].width = max(len(label) for label, _ in stamp.lines) + 4
    sheet.column_dimensions["B"].width = min(max(len(text) for _, text in stamp.lines) + 4, 100)
    return len(stamp.lines) + 1


def stamped(content: bytes, file_name: str, stamp: Stamp) -> bytes:
    """`content` (a file of `csv_bytes` or `xlsx_bytes`, told apart by `file_name`'s extension) with
    `stamp` (see the module notes): an XLSX gets a first sheet `stamp.sheet` and still opens on its
    table; a CSV gets `CSV_STAMP_ROWS` leading rows and an empty row. Raises ValueError for another
    kind of file."""
    suffix = file_name.rsplit(".", 1)[-1].lower()
    if suffix == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([f"# {without_control_characters(stamp.title)}"])
        for label, text in stamp.lines:
            writer.writerow([f"# {without_control_characters(label)}: {without_control_characters(text)}"])
        writer.writerow([])
        return (buffer.getvalue() + content.decode("utf-8-sig")).encode("utf-8-sig")
    if suffix == "xlsx":
        book = load_workbook(io.BytesIO(content))
        opened = book.active.title
        names = set(book.sheetnames)
        name = sheet_name(stamp.sheet if stamp.sheet not in names else f"{stamp.sheet} (1)")
        write_stamp(book.create_sheet(name, 0), stamp)
        book.active = book.sheetnames.index(opened)
        for sheet in book.worksheets:
            sheet.sheet_view.tabSelected = sheet.title == opened
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    raise ValueError(f"no stamp for a .{suffix} file ({file_name}); only .csv and .xlsx")


def made_at(now: dt.datetime | None = None) -> str:
    """When a file is made, to the minute, in local time: '2026-12-04 23:40'."""
    return (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")

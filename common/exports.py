"""Downloads (CSV, XLSX) people open in Excel. A cell that starts with =, +, -, @, a tab or NUL would run as a
formula there (CWE-1236), so such cells get a leading apostrophe; characters that do not print (which
Excel refuses in a cell) are removed first."""

from __future__ import annotations

import pandas as pd

from common.text import without_control_characters

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\x00", "\r")


def neutralise(value: object) -> object:
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_STARTS):
        value = "'" + value
    return without_control_characters(value)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel opens it with the right characters), formulas neutralised."""
    safe = frame.map(neutralise)
    return safe.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An Excel workbook of one sheet, formulas neutralised."""
    import io

    buffer = io.BytesIO()
    frame.map(neutralise).to_excel(buffer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()

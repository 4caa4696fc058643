"""Downloads (CSV, XLSX) people open in Excel. A cell that starts with =, +, -, @, a tab or NUL would run as a
formula there (CWE-1236), so such cells get a leading apostrophe."""

from __future__ import annotations

import pandas as pd

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\x00", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


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

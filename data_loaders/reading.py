"""Reading the files people send into a table of cells, with the row numbers they see in Excel.

CSV with comma, semicolon or tab, in UTF-8 (with or without BOM) or Windows-1252; XLSX from the
sheet named after the kind, else the first sheet. Title rows above the header and blank rows are
skipped. Files that are empty, too large, not what their name says, or XLSX archives that unpack
to a suspicious size are refused before any parsing.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from data_loaders.problems import ERROR, FileProblem, Problem

MAX_FILE_BYTES = 50 * 1024 * 1024  # the same limit as server.maxUploadSize
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_UNPACK_RATIO = 100
HEADER_SEARCH_ROWS = 30
ROW_COLUMN = "_row"


@dataclass
class RawTable:
    """Cells as read (text for CSV; text, numbers or dates for XLSX) with one canonical column
    name per recognised header, and `_row`, the row number a person sees in Excel."""

    frame: pd.DataFrame
    sheet: str | None
    header_row: int
    unknown_columns: list[str]


def normalise_header(header: object) -> str:
    """'Pagu (Rp) ' -> 'pagu_rp'; 'Kode Program' -> 'kode_program'."""
    text = re.sub(r"[^a-z0-9]+", "_", str(header or "").strip().lower())
    return text.strip("_")


def _refuse(key: str, file: str, **values: object) -> FileProblem:
    return FileProblem(Problem(ERROR, key, file, values=values))


def _decode(content: bytes, file: str) -> str:
    if b"\x00" in content[:4096]:
        raise _refuse("imp_not_csv", file)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse("imp_bad_encoding", file)


def _check_xlsx(content: bytes, file: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise _refuse("imp_not_xlsx", file) from None
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse("imp_not_xlsx", file)
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_UNPACK_RATIO * max(len(content), 1) + 10_000_000:
        raise _refuse("imp_xlsx_bomb", file, size=unpacked // (1024 * 1024))


def _xlsx_rows(content: bytes, file: str, kind: str) -> tuple[str, Iterable[tuple[int, list]]]:
    import openpyxl  # defusedxml is installed, so openpyxl parses with XML-bomb protection

    _check_xlsx(content, file)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for damaged files
        raise _refuse("imp_not_xlsx", file) from None
    sheets = workbook.worksheets  # data sheets only: chart sheets have no cells
    if not sheets:
        raise _refuse("imp_not_xlsx", file)
    sheet = next((s for s in sheets if s.title.strip().lower() == kind), sheets[0])
    # The stored <dimension> may be wrong (other programs write 'A1' for a full sheet): never trust it.
    sheet.reset_dimensions()

    def rows() -> Iterable[tuple[int, list]]:
        """Cell values; a cell formatted as a percentage (Excel stores 45 % as 0.45) is given as 45,
        the way the same value reads in a CSV file."""
        try:
            for number, row in enumerate(sheet.iter_rows(), start=1):
                yield (
                    number,
                    [
                        cell.value * 100
                        if isinstance(cell.value, int | float)
                        and not isinstance(cell.value, bool)
                        and "%" in (getattr(cell, "number_format", "") or "")
                        else cell.value
                        for cell in row
                    ],
                )
        except FileProblem:
            raise
        except Exception:  # a damaged sheet (truncated XML and the like)
            raise _refuse("imp_not_xlsx", file) from None
        finally:
            workbook.close()

    return sheet.title, rows()


def _is_blank_row(row: list) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def _header(rows: Iterable[tuple[int, list]], aliases: dict[str, str]) -> tuple[int, list[str], list[str]]:
    """The header row: the first of the first 30 rows that names at least two known columns (or
    only known ones).
    Returns its number, the canonical name of each column (`_extra_N` for unknown ones, and for
    a known name that repeats) and the ignored headers as written (unknown or repeated)."""
    for number, row in rows:
        known = [aliases.get(normalise_header(cell)) for cell in row]
        filled = [cell for cell in row if cell is not None and str(cell).strip()]
        found = sum(1 for name in known if name)
        # Two known names, or a row of nothing but known names (a one-column file such as 'nama').
        if found >= 2 or (found == 1 and len(filled) == 1):
            columns, seen, ignored = [], set(), []
            for index, (cell, name) in enumerate(zip(row, known, strict=True)):
                if name and name not in seen:
                    columns.append(name)
                    seen.add(name)
                else:
                    columns.append(f"_extra_{index}")
                    if cell is not None and str(cell).strip():
                        ignored.append(str(cell).strip())
            return number, columns, ignored
        if number >= HEADER_SEARCH_ROWS:
            break
    return 0, [], []


def _csv_frame(content: bytes, file: str, aliases: dict[str, str]) -> tuple[pd.DataFrame, int, list[str]]:
    """CSV through pandas' C parser (fast, compact strings); row numbers are the file's lines."""
    text = _decode(content, file)
    delimiter, (header_row, columns, unknown) = max(
        (
            (sep, _header(enumerate(csv.reader(io.StringIO(text[:200_000]), delimiter=sep), start=1), aliases))
            for sep in (";", ",", "\t", "|")  # '|': DTKS-style exports
        ),
        key=lambda found: sum(1 for column in found[1][1] if not column.startswith("_extra_")),
    )
    if not header_row:
        raise _refuse("imp_no_header", file, expected=", ".join(sorted(set(aliases.values()))))
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            skiprows=header_row,
            names=columns,
            index_col=False,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
        )
    except pd.errors.ParserError as error:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(error))
        expected, line, seen = found.groups() if found else (len(columns), "?", "?")
        raise FileProblem(
            Problem(
                ERROR,
                "imp_csv_fields",
                file,
                row=int(line) if line != "?" else None,
                values={"expected": expected, "found": seen},
            )
        ) from None
    frame[ROW_COLUMN] = range(header_row + 1, header_row + 1 + len(frame))
    cells = frame.drop(columns=ROW_COLUMN)
    blank = (cells.apply(lambda column: column.str.strip().eq("")).all(axis=1)) if len(cells.columns) else True
    return frame[~blank].reset_index(drop=True), header_row, unknown


def _xlsx_frame(
    rows: Iterable[tuple[int, list]], file: str, aliases: dict[str, str], progress: Callable[[int], None] | None
) -> tuple[pd.DataFrame, int, list[str]]:
    rows = iter(rows)
    header_row, columns, unknown = _header(rows, aliases)
    if not header_row:
        raise _refuse("imp_no_header", file, expected=", ".join(sorted(set(aliases.values()))))
    data: list[list] = []
    numbers: list[int] = []
    for number, row in rows:
        if _is_blank_row(row):
            continue
        data.append((row + [None] * len(columns))[: len(columns)])
        numbers.append(number)
        if progress and len(data) % 50_000 == 0:
            progress(len(data))
    frame = pd.DataFrame(data, columns=columns, dtype=object)
    frame[ROW_COLUMN] = numbers
    return frame, header_row, unknown


def read_table(
    file: str,
    content: bytes,
    kind: str,
    aliases: dict[str, str],
    progress: Callable[[int], None] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> RawTable:
    """Read `content` (named `file`) for `kind`. `aliases` maps normalised header spellings
    (Indonesian and English) to canonical column names."""
    if not content:
        raise _refuse("imp_empty_file", file)
    if len(content) > max_bytes:
        raise _refuse("imp_too_large", file, size=len(content) // 2**20, limit=max_bytes // 2**20)
    suffix = file.lower().rsplit(".", 1)[-1] if "." in file else ""
    is_zip = content[:4] == b"PK\x03\x04"
    if suffix == "xls" or content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _refuse("imp_old_xls", file)
    if suffix == "xlsx" or (is_zip and suffix != "csv"):
        sheet, rows = _xlsx_rows(content, file, kind)
        frame, header_row, unknown = _xlsx_frame(rows, file, aliases, progress)
    elif suffix in ("csv", "txt", ""):
        if is_zip:
            raise _refuse("imp_not_csv", file)
        sheet = None
        frame, header_row, unknown = _csv_frame(content, file, aliases)
    else:
        raise _refuse("imp_bad_extension", file, suffix=suffix)
    if frame.empty:
        raise _refuse("imp_no_rows", file)
    frame = frame[[column for column in frame.columns if not column.startswith("_extra_")]]
    if progress:
        progress(len(frame))
    return RawTable(frame=frame, sheet=sheet, header_row=header_row, unknown_columns=unknown)

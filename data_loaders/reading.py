"""Reading the files people send into a table of cells, with the row numbers they see in Excel.

CSV with comma, semicolon or tab, in UTF-8 (with or without BOM) or Windows-1252; XLSX from the
sheet named after the kind, else the first sheet. Title rows above the header and blank rows are
skipped. Files that are empty, too large, not what their name says, or XLSX archives that unpack
to a suspicious size are refused before any parsing.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from data_loaders import values
from data_loaders.problems import ERROR, FileProblem, Problem

MAX_FILE_BYTES = 50 * 1024 * 1024  # the same limit as server.maxUploadSize
MAX_COLUMNS = 500  # no table of this contract has more; a header wider than this is refused
# The header search reads records with the csv module, whose default cell limit (128 KiB) would make
# one long cell fail the whole file; cells are checked for length where they are parsed.
csv.field_size_limit(MAX_FILE_BYTES)
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_UNPACK_RATIO = 100
HEADER_SEARCH_ROWS = 30
PERCENT_PROBE_ROWS = 50
CSV_PIECE_ROWS = 100_000
OVERFLOW_CELLS = 3  # cells a CSV row may have beyond its header and still be told apart
MAX_XLSX_CELLS = 12_000_000  # rows × columns in use: about 1 million rows of 12 columns
YEAR_HEADER = re.compile(r"(tahun_|year_)?((19|20)\d\d)")
ROW_COLUMN = "_row"


@dataclass
class RawTable:
    """Cells as read (text for CSV; text, numbers or dates for XLSX) with one canonical column
    name per recognised header, `_extra_N` for the others, and `_row`, the row number a person sees
    in Excel."""

    frame: pd.DataFrame
    sheet: str | None
    header_row: int
    data_row: int  # the first row after the header (one or two rows)
    extra: dict[str, str]  # `_extra_N` column -> its header as written (unknown or repeated columns)
    units: dict[str, tuple[str, str]]  # column -> (its header, the scale or unit word the header names)

    @property
    def unknown_columns(self) -> list[str]:
        return list(self.extra.values())


def normalise_header(header: object) -> str:
    """'Pagu (Rp) ' -> 'pagu_rp'; 'Kode Program' -> 'kode_program'."""
    text = re.sub(r"[^a-z0-9]+", "_", str(header or "").strip().lower())
    return text.strip("_")


def _refuse(key: str, file: str, **values: object) -> FileProblem:
    return FileProblem(Problem(ERROR, key, file, values=values))


def _decode(content: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's 'Unicode text') or Windows-1252.
    A stray NUL in a cell is text to be cleaned later; many NULs mean a binary file."""
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise _refuse("imp_bad_encoding", file) from None
    head = content[:4096]
    if head.count(b"\x00") > max(len(head) // 10, 2):  # UTF-16 without BOM, a zip, an image
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


def _workbook(content: bytes, file: str):
    from python_calamine import CalamineError, CalamineWorkbook

    _check_xlsx(content, file)
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(content))
    except (CalamineError, ValueError, OSError):  # calamine raises these for damaged archives
        raise _refuse("imp_not_xlsx", file) from None


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PERCENT_BUILT_IN = {"9", "10"}  # ECMA-376 part 1, 18.8.30: built-in formats '0%' and '0.00%'


def _percent_styles(archive: zipfile.ZipFile) -> set[str]:
    """Indices of the cell styles (`s` attributes) whose number format shows a percentage."""
    from defusedxml.ElementTree import fromstring

    if "xl/styles.xml" not in archive.namelist():
        return set()
    styles = fromstring(archive.read("xl/styles.xml"))
    percent_ids = set(_PERCENT_BUILT_IN)
    for number_format in styles.iter(f"{_MAIN}numFmt"):
        if "%" in number_format.get("formatCode", ""):
            percent_ids.add(number_format.get("numFmtId"))
    cell_formats = styles.find(f"{_MAIN}cellXfs")
    if cell_formats is None:
        return set()
    return {str(index) for index, xf in enumerate(cell_formats) if xf.get("numFmtId") in percent_ids}


def _sheet_path(archive: zipfile.ZipFile, name: str) -> str | None:
    from defusedxml.ElementTree import fromstring

    workbook = fromstring(archive.read("xl/workbook.xml"))
    sheet = next((s for s in workbook.iter(f"{_MAIN}sheet") if s.get("name") == name), None)
    if sheet is None or "xl/_rels/workbook.xml.rels" not in archive.namelist():
        return None
    relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target") for r in relations if r.get("Id") == sheet.get(_RELATIONSHIP)), None)
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _column_index(reference: str) -> int:
    """'C7' -> 2."""
    index = 0
    for letter in itertools.takewhile(str.isalpha, reference):
        index = index * 26 + ord(letter.upper()) - 64
    return index - 1


def _percent_columns(content: bytes, sheet: str, rows: int) -> set[int]:
    """Positions (0 = column A) of the columns whose first `rows` rows hold a number formatted as a
    percentage: Excel stores 45 % as 0.45, and a person means 45. Read from the workbook's XML (the
    styles and the first rows of the sheet only, so a sheet of a million rows costs nothing here);
    calamine, which reads the values, does not give formats."""
    from defusedxml.ElementTree import iterparse

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        styles = _percent_styles(archive)
        path = _sheet_path(archive, sheet)
        if not styles or path is None:
            return set()
        found = set()
        with archive.open(path) as source:
            for _, element in iterparse(source):
                if element.tag == f"{_MAIN}row":
                    if int(element.get("r", 0)) >= rows:
                        break
                    element.clear()
                elif element.tag == f"{_MAIN}c" and element.get("s") in styles and element.get("t", "n") == "n":
                    found.add(_column_index(element.get("r", "")))
        return found
    except Exception:  # formats are a courtesy: a workbook whose XML they cannot be read from still has values
        return set()


# A cell tag (`<c …>`, or `<x:c …>` with a namespace prefix), with its reference wherever it stands
# among the attributes; a cell without a reference counts too.
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_CELL_REFERENCE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"')


def _check_extent(content: bytes, sheet: str, file: str) -> None:
    """Refuse a sheet whose used area (last row × last column, as the cells' own references give it)
    exceeds MAX_XLSX_CELLS before reading it: the reader holds that area in memory, and a single
    cell at XFD1048576 would otherwise ask for 17 billion. Streams the sheet's XML in 1 MiB pieces,
    each cut before its last tag so that no tag is split."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    path = _sheet_path(archive, sheet)
    if path is None or path not in archive.namelist():
        return
    cells, last_row, width, tail = 0, 0, 0, b""
    with archive.open(path) as source:
        while True:
            piece = source.read(1 << 20)
            chunk = tail + piece
            cut = chunk.rfind(b"<") if piece else len(chunk)
            cut = len(chunk) if cut <= 0 else cut
            cells += len(_CELL_TAG.findall(chunk, 0, cut))
            references = _CELL_REFERENCE.findall(chunk, 0, cut)
            if references:
                width = max(width, *(_column_index(letters.decode()) + 1 for letters in {c for c, _ in references}))
                last_row = max(last_row, *(int(row) for _, row in references))
            tail = chunk[cut:]
            if not piece:
                break
    area = max(cells, last_row * max(width, 1))
    if area > MAX_XLSX_CELLS:
        raise _refuse("imp_xlsx_too_many_cells", file, sheet=sheet, cells=area, limit=MAX_XLSX_CELLS)


def _xlsx_rows(content: bytes, file: str, kind: str) -> tuple[str, Iterator[tuple[int, list]]]:
    """The sheet named after `kind` (else the first worksheet) as (Excel row number, cells).
    Read with calamine, which finds the used range from the cells themselves: the stored
    `<dimension>` may be wrong (other programs write 'A1' for a full sheet) and is never trusted."""
    from python_calamine import CalamineError, SheetTypeEnum

    workbook = _workbook(content, file)
    names = [meta.name for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
    if not names:
        raise _refuse("imp_not_xlsx", file)
    name = next((n for n in names if n.strip().lower() == kind), names[0])
    _check_extent(content, name, file)
    try:
        sheet = workbook.get_sheet_by_name(name)
    except (CalamineError, ValueError):
        raise _refuse("imp_not_xlsx", file) from None
    first_row = sheet.start[0] + 1 if sheet.start else 1
    percent = _percent_columns(content, name, first_row + PERCENT_PROBE_ROWS)
    offset = sheet.start[1] if sheet.start else 0
    percent = {position - offset for position in percent}

    def rows() -> Iterator[tuple[int, list]]:
        for number, row in enumerate(sheet.iter_rows(), start=first_row):
            if percent:
                row = [
                    cell * 100 if position in percent and isinstance(cell, float) else cell
                    for position, cell in enumerate(row)
                ]
            yield number, row

    return name, rows()


def _is_blank_row(row: list) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


@dataclass(frozen=True)
class Header:
    """Where the header is (`first`..`last`: one row, or two under merged group cells), the
    canonical name of each column (`_extra_N` for unknown or repeated ones), and the ignored
    headers as written, keyed by their `_extra_N` name."""

    first: int
    last: int
    columns: list[str]
    extra: dict[str, str]
    units: dict[str, tuple[str, str]]  # column -> (header as written, unit word it names: 'juta', 'KK' …)


# Words a header adds to a column's name: a money column's scale ('Pagu (Rp juta)'), a count's unit
# ('Jumlah (KK)'). The column is recognised without them, and the word is kept as the column's unit.
SCALE_WORDS = {"ribu": 1_000, "ribuan": 1_000, "rb": 1_000, "000": 1_000, "juta": 10**6, "jutaan": 10**6}
SCALE_WORDS |= {"jt": 10**6, "miliar": 10**9, "milyar": 10**9}
COUNT_UNIT_WORDS = {"jiwa": "jiwa", "orang": "jiwa", "kk": "KK", "kpm": "KK", "rts": "KK", "keluarga": "KK"}


def _unit_word(header: object) -> str | None:
    """The scale or unit word a header names ('juta' in 'Pagu (Rp juta)', 'kk' in 'Jumlah (KK)')."""
    words = normalise_header(header).split("_")
    return next((word for word in words if word in SCALE_WORDS or word in COUNT_UNIT_WORDS), None)


def _known(cell: object, aliases: dict[str, str]) -> str | None:
    """The column `cell` names: as written, else without its scale or unit words and parentheses
    ('Pagu (Rp juta)' is `pagu_rp`, 'Jumlah\n(jiwa)' is `jumlah`)."""
    if not _filled(cell):
        return None
    own = normalise_header(cell)
    plain = "_".join(w for w in own.split("_") if w not in SCALE_WORDS and w not in COUNT_UNIT_WORDS)
    outside = normalise_header(re.sub(r"\([^)]*\)", " ", str(cell)))
    return aliases.get(own) or aliases.get(plain) or aliases.get(outside)


def _filled(cell: object) -> bool:
    return cell is not None and bool(str(cell).strip())


def _spread(cell: object) -> bool:
    """A header a wide table has one column per: a year ('2023', 'Tahun 2023') or a PPKS category
    ('Anak Jalanan', also one joining two that the validation then refuses)."""
    if YEAR_HEADER.fullmatch(normalise_header(cell)):
        return True
    try:
        values.ppks_category(cell)
    except values.ValueProblem as problem:
        return problem.key == "imp_ppks_combined"
    return True


def _narrow(number: int, row: list) -> list:
    """`row` up to its last filled cell; refused when that is beyond MAX_COLUMNS (a sheet padded with
    thousands of columns would make every later step slow)."""
    last = max((index for index, cell in enumerate(row) if _filled(cell)), default=-1)
    if last >= MAX_COLUMNS:
        raise FileProblem(Problem(ERROR, "imp_too_many_columns", "", row=number, values={"count": last + 1}))
    return row[: last + 1]


def _single(number: int, row: list, aliases: dict[str, str]) -> Header | None:
    """`row` as a header: two known names, one known name and two columns of a wide table (years or
    PPKS categories), or a row of nothing but known names (a one-column file such as 'nama')."""
    known = [_known(cell, aliases) for cell in row]
    found = sum(1 for name in known if name)
    filled = sum(1 for cell in row if _filled(cell))
    if found < 2 and not (found == 1 and (filled == 1 or sum(1 for c in row if _filled(c) and _spread(c)) >= 2)):
        return None
    return _named(number, number, row, known)


def _named(first: int, last: int, headers: list, known: list[str | None]) -> Header:
    columns, seen, extra, units = [], set(), {}, {}
    for index, (cell, name) in enumerate(zip(headers, known, strict=True)):
        if name and name not in seen:
            columns.append(name)
            seen.add(name)
            word = _unit_word(cell)
            if word:
                units[name] = (" ".join(str(cell).split()), word)
        else:
            columns.append(f"_extra_{index}")
            if _filled(cell):
                extra[f"_extra_{index}"] = " ".join(str(cell).split())
    return Header(first, last, columns, extra, units)


def _sub_name(group: str, sub: object, aliases: dict[str, str]) -> str | None:
    """The column a cell under a merged group cell names: 'Pagu' under 'Anggaran (Rp)' is `pagu_rp`,
    'Target' under 'Penerima' is `target_penerima`."""
    own = normalise_header(sub)
    candidates = [own, normalise_header(f"{group} {sub}"), normalise_header(f"{sub} {group}")]
    candidates += [f"{own}_{word}" for word in normalise_header(group).split("_") if word]
    return next((aliases[c] for c in candidates if c in aliases), None)


def _two_rows(number: int, top: list, sub: list, aliases: dict[str, str]) -> Header | None:
    """`top` and `sub` as one header: `top` names known columns and group labels, and `sub` fills only
    columns under a group label (the cells under a merged group such as 'Anggaran (Rp)' over 'Pagu' and
    'Realisasi'), naming at least one column there. A data row under a header fills the known columns
    too, so it never fits."""
    width = max(len(top), len(sub))
    top = list(top) + [None] * (width - len(top))
    sub = list(sub) + [None] * (width - len(sub))
    known = [_known(cell, aliases) for cell in top]
    under = [index for index, cell in enumerate(sub) if _filled(cell)]
    if not under or not any(known) or any(known[index] for index in under):
        return None
    group, names, headers = "", list(known), list(top)
    for index in range(width):
        if _filled(top[index]) and not known[index]:
            group = str(top[index])
        elif known[index]:
            group = ""
        if index in under:
            if not group:  # a cell under neither a group nor a known header: not a header row
                return None
            names[index] = _sub_name(group, sub[index], aliases)
            headers[index] = f"{group} {sub[index]}".strip()
    if sum(1 for index in under if names[index]) == 0 or sum(1 for name in names if name) < 2:
        return None
    return _named(number, number + 1, headers, names)


def _header(rows: Iterator[tuple[int, list]], aliases: dict[str, str]) -> tuple[Header | None, Iterator]:
    """The header within the first 30 rows, and the rows after it."""
    previous: tuple[int, list] | None = None
    for number, row in rows:
        row = _narrow(number, row)
        if previous is not None and previous[0] == number - 1:  # `previous` was no header by itself
            pair = _two_rows(previous[0], previous[1], row, aliases)
            if pair:
                return pair, rows
        found = _single(number, row, aliases)
        if found:
            following = next(rows, None)
            if following is not None and following[0] == number + 1:
                pair = _two_rows(number, row, _narrow(*following), aliases)
                if pair:
                    return pair, rows
            return found, itertools.chain([following] if following else [], rows)
        if number >= HEADER_SEARCH_ROWS:
            break
        previous = (number, row)
    return None, rows


def _best_guess(rows: Iterable[tuple[int, list]], aliases: dict[str, str]) -> tuple[int, list[str]] | None:
    """The row of the first 30 with the most known headers (at least one), and those headers as written."""
    best = None
    for number, row in rows:
        found = [str(cell).strip() for cell in row if _known(cell, aliases)]
        if found and (best is None or len(found) > len(best[1])):
            best = (number, found)
        if number >= HEADER_SEARCH_ROWS:
            break
    return best


def _no_header(file: str, aliases: dict[str, str], guess: tuple[int, list[str]] | None) -> FileProblem:
    """The refusal names what was found: a row with one known header and what it lacks, else the
    known columns."""
    expected = ", ".join(sorted(set(aliases.values())))
    if guess is None:
        return _refuse("imp_no_header", file, expected=expected)
    number, found = guess
    return FileProblem(
        Problem(ERROR, "imp_header_too_few", file, row=number, values={"found": ", ".join(found), "expected": expected})
    )


def _delimiter(text: str, aliases: dict[str, str]) -> str:
    """The separator that makes the most known headers in the first rows: ';', ',', tab or '|'."""

    def known_headers(separator: str) -> int:
        lines = csv.reader(io.StringIO(text), delimiter=separator)
        header, _ = _header(enumerate(itertools.islice(lines, HEADER_SEARCH_ROWS + 1), start=1), aliases)
        return sum(1 for column in header.columns if not column.startswith("_extra_")) if header else 0

    return max((";", ",", "\t", "|"), key=known_headers)  # '|': DTKS-style exports


# A line with something other than separators, quotes and spaces: blank lines are dropped while
# reading, never held (a file of 10 MiB of blank lines is 10 million of them).
_DATA_LINE = re.compile(r"^[ \t;,|\r\"']*[^ \t;,|\r\n\"'].*$", re.MULTILINE)


def _line_start(text: str, after: int) -> int | None:
    """Where line `after` + 1 of `text` starts; None when the text has no more lines."""
    start = 0
    for _ in range(after):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    return start


# A blank line: after a line break (the text searched starts with one), only spaces, separators and
# quotes up to the next break or the end. Searched from the breaks, five times faster than '^…$'
# with MULTILINE over a file of 1.000.000 lines (0,5 s → 0,1 s).
_BLANK_LINE = re.compile(r"\n[ \t;,|\r\"']*(?:\n|\Z)")


def _data_lines(text: str, after: int) -> tuple[str, Sequence[int]]:
    """The non-blank lines of `text` after line `after`, joined, and each one's line number. A text
    without blank lines (the usual file) is returned as it is, its numbers as a range."""
    start = _line_start(text, after)
    if start is None:
        return "", []
    body = text[start:].rstrip("\r\n")
    if body and not _BLANK_LINE.search("\n" + body):
        return body, range(after + 1, after + 2 + body.count("\n"))
    kept, numbers, line, position = [], [], after + 1, start
    for match in _DATA_LINE.finditer(text, start):
        line += text.count("\n", position, match.start())
        position = match.start()
        kept.append(match.group(0))
        numbers.append(line)
    return "\n".join(kept), numbers


def _record_frame(text: str, after: int, separator: str, columns: list[str]) -> tuple[pd.DataFrame, list[int]]:
    """The records of `text` after physical line `after`, read with the csv module (slower than pandas,
    but it knows which lines a quoted cell spans), and each one's number counted from 1 as Excel
    shows them; blank records are left out. More cells than `columns` are kept in the last one."""
    start = _line_start(text, after)
    start = len(text) if start is None else start
    width = len(columns)
    rows, numbers = [], []
    for number, record in enumerate(csv.reader(io.StringIO(text[start:]), delimiter=separator), start=1):
        if any(cell.strip() for cell in record):
            padded = [*record, *[""] * width]
            rows.append([*padded[: width - 1], separator.join(record[width - 1 :])])
            numbers.append(number)
    return pd.DataFrame(rows, columns=columns, dtype="str"), numbers


def _csv_frame(content: bytes, file: str, aliases: dict[str, str]) -> tuple[pd.DataFrame, Header]:
    """CSV through Arrow's CSV reader, or pandas' C parser where Arrow stops (`_arrow_frame`); row
    numbers are the file's lines."""
    text = _decode(content, file)
    head = text[:200_000]
    separator = _delimiter(head, aliases)
    reader = csv.reader(io.StringIO(head), delimiter=separator)
    ends: dict[int, int] = {}  # record number -> the physical line it ends on (quoted cells may span lines)

    def records() -> Iterator[tuple[int, list]]:
        for number, row in enumerate(itertools.islice(reader, 200), start=1):
            ends[number] = reader.line_num
            yield number, row

    header, _ = _header(records(), aliases)
    if header is None:
        guess = _best_guess(enumerate(csv.reader(io.StringIO(head), delimiter=separator), start=1), aliases)
        raise _no_header(file, aliases, guess)
    # Rows are numbered as Excel shows the file: one per record, so a title cell spanning two lines
    # above the header counts once.
    spanned = ends[header.last] - header.last
    data, lines = _data_lines(text, ends[header.last])
    numbers = (
        range(lines.start - spanned, lines.stop - spanned)
        if isinstance(lines, range)
        else [line - spanned for line in lines]
    )
    if not numbers:
        return pd.DataFrame(columns=[*header.columns, ROW_COLUMN]), header
    overflow = [f"_overflow_{index}" for index in range(OVERFLOW_CELLS)]
    frame = _arrow_frame(data, separator, header.columns)
    if frame is None or len(frame) != len(numbers):
        # A row with more or fewer cells than the header, a quote left open, or a quoted cell spanning
        # lines: pandas, which names the row of the first two.
        frame = _pandas_frame(data, separator, [*header.columns, *overflow], file, numbers)
    if len(frame) != len(numbers):  # a quoted cell spans lines (Alt+Enter in Excel): read record by record
        frame, numbers = _record_frame(text, ends[header.last], separator, [*header.columns, *overflow])
        numbers = [header.last + number for number in numbers]
    if overflow[0] in frame:
        extra = frame[overflow].fillna("").apply(lambda column: column.str.strip().ne("")).any(axis=1).to_numpy()
        if extra.any():
            first = int(extra.argmax())
            row = frame.loc[first, overflow].fillna("").str.strip().ne("")
            cells = len(header.columns) + int(row[::-1].cummax().sum())
            raise FileProblem(
                Problem(
                    ERROR,
                    "imp_csv_fields",
                    file,
                    row=numbers[first],
                    values={"expected": len(header.columns), "found": cells},
                )
            )
        frame = frame.drop(columns=overflow)
    frame[ROW_COLUMN] = numbers
    cells = frame.drop(columns=ROW_COLUMN)
    blank = (cells.apply(lambda column: column.str.strip().eq("")).all(axis=1)) if len(cells.columns) else True
    return frame[~blank].reset_index(drop=True), header


def _arrow_frame(data: str, separator: str, columns: list[str]) -> pd.DataFrame | None:
    """The records of `data` (the lines after the header, none blank) as text columns, through
    Arrow's CSV reader (1.000.000 rows in about 0,3 s, pandas' C parser 2,2 s: issue 16); None as
    soon as a record has another number of cells than `columns`, or Arrow cannot read the text (a
    quote left open across its blocks), for `_pandas_frame` to read or refuse naming the row."""

    def stop(row: pa_csv.InvalidRow) -> str:
        return "error"  # at the first such record: Arrow raises, and pandas reads the file instead

    try:
        table = pa_csv.read_csv(
            io.BytesIO(data.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=columns),
            parse_options=pa_csv.ParseOptions(delimiter=separator, newlines_in_values=True, invalid_row_handler=stop),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(columns, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None
    # One chunk per column: pandas' string methods on 66 chunks of a million rows took five times longer.
    return table.combine_chunks().to_pandas()


def _pandas_frame(data: str, separator: str, columns: list[str], file: str, numbers: Sequence[int]) -> pd.DataFrame:
    """The records of `data` through pandas' C parser, `columns` ending in the overflow columns: room
    for a few cells more than the header has (pandas would drop them from the first row silently:
    '1,250' in a comma-separated file is two cells), so the caller can name the row. Raises
    FileProblem ('imp_csv_fields') for a row with more cells still."""
    try:
        # In pieces: each piece's cells pass through Python strings before they become compact
        # columns, so a file of millions of rows never holds them all at once.
        pieces = pd.read_csv(
            io.BytesIO(data.encode("utf-8")),
            sep=separator,
            header=None,
            names=columns,
            index_col=False,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
            chunksize=CSV_PIECE_ROWS,
        )
        return pd.concat(list(pieces), ignore_index=True)
    except pd.errors.ParserError as error:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(error))
        expected, line, seen = found.groups() if found else (len(columns) - OVERFLOW_CELLS, None, "?")
        raise FileProblem(
            Problem(
                ERROR,
                "imp_csv_fields",
                file,
                row=numbers[int(line) - 1] if line and int(line) <= len(numbers) else None,
                values={"expected": expected, "found": seen},
            )
        ) from None


def _xlsx_frame(
    rows: Iterator[tuple[int, list]], file: str, aliases: dict[str, str], progress: Callable[[int], None] | None
) -> tuple[pd.DataFrame, Header]:
    probe = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    header, rest = _header(iter(probe), aliases)
    if header is None:
        raise _no_header(file, aliases, _best_guess(iter(probe), aliases))
    width = len(header.columns)
    columns: list[list] = [[] for _ in range(width)]
    numbers: list[int] = []
    for number, row in itertools.chain(rest, rows):
        if _is_blank_row(row):
            continue
        for index, cell in enumerate((row + [None] * width)[:width]):
            columns[index].append(None if cell == "" else cell)
        numbers.append(number)
        if progress and len(numbers) % 50_000 == 0:
            progress(len(numbers))
    frame = pd.DataFrame(
        {name: pd.Series(cells, dtype=object) for name, cells in zip(header.columns, columns, strict=True)}
    )
    frame[ROW_COLUMN] = numbers
    return frame, header


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
    try:
        if suffix == "xlsx" or (is_zip and suffix != "csv"):
            sheet, rows = _xlsx_rows(content, file, kind)
            frame, header = _xlsx_frame(rows, file, aliases, progress)
        elif suffix in ("csv", "txt", ""):
            if is_zip:
                raise _refuse("imp_not_csv", file)
            sheet = None
            frame, header = _csv_frame(content, file, aliases)
        else:
            raise _refuse("imp_bad_extension", file, suffix=suffix)
    except FileProblem as refused:  # problems found below the file's level get its name here
        if refused.problem.file:
            raise
        raise FileProblem(replace(refused.problem, file=file)) from None
    if frame.empty:
        raise _refuse("imp_no_rows", file)
    if progress:
        progress(len(frame))
    return RawTable(
        frame=frame,
        sheet=sheet,
        header_row=header.first,
        data_row=header.last + 1,
        extra=header.extra,
        units=header.units,
    )

"""Validating one file of one kind: every problem is found and reported with its place, and the
clean values are ready for storage. Nothing here writes to the store.

Values are parsed per distinct value of a column (a file of a million beneficiaries names a few
hundred villages and programs), then mapped back to the rows.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from common.i18n import LANGUAGES, t
from common.text import CONTROL_CHARACTERS, without_control_characters
from data_loaders import nik as nik_module
from data_loaders import values
from data_loaders.kinds import KINDS, Kind, kind_of
from data_loaders.memory import release_freed_memory
from data_loaders.problems import ERROR, WARNING, FileProblem, Problem, ValueProblem
from data_loaders.reading import (
    COUNT_UNIT_WORDS,
    MAX_FILE_BYTES,
    ROW_COLUMN,
    SCALE_WORDS,
    YEAR_HEADER,
    normalise_header,
    read_table,
)
from data_loaders.regions import (
    LEVELS,
    FileRegions,
    Region,
    RegionError,
    dotted,
    implementer_kabkota,
    label,
    read_regions,
    readings_of,
    region_by_code,
    split_code,
    written,
)
from data_loaders.sites import check_sites

Progress = Callable[[str, int, int], None]
logger = logging.getLogger(__name__)
MAX_SHOWN_VALUE = 60
MAX_CELL_CHARACTERS = 2_000  # the longest text a cell of the contract needs (a program name is ~200)


@dataclass
class Validation:
    file: str
    kind: Kind
    sha256: str
    size: int
    sheet: str | None = None
    rows_read: int = 0
    problems: list[Problem] = field(default_factory=list)
    clean: pd.DataFrame | None = None  # parsed values, canonical columns, `_row`; NIK already pseudonymised

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return self.clean is not None and not self.errors


# Causes said once: per value (an unknown company or program, however many rows name it) or per
# file (a missing NIK key). Further rows are listed in the first message ("also rows 12, 13, …").
ONCE_PER_VALUE = frozenset({"imp_unknown_partner", "imp_unknown_program"})
ONCE_PER_FILE = frozenset({"imp_no_nik_key"})
MAX_LISTED_ROWS = 10
MAX_PER_CAUSE = 20


class _Collector:
    """Problems of one file, bounded: at most MAX_PER_CAUSE messages per (severity, key, column), and
    for the rest one message that counts them — a file of two million bad rows gets a readable list
    and costs little memory."""

    def __init__(self, validation: Validation) -> None:
        self.validation = validation
        self._first: dict[tuple, int] = {}  # (key, value) -> index of its first problem
        self._more: dict[tuple, list[int]] = {}
        self._said: dict[tuple, int] = {}  # (severity, key, column) -> messages so far
        self._first_row: dict[tuple, int | None] = {}  # the same -> the row of its first message
        self._unsaid: dict[tuple, int] = {}  # the same -> rows not listed

    def finish(self) -> None:
        """One message per cause whose rows were not all listed: '… and 2.158.000 more rows'."""
        for cause, more in self._unsaid.items():
            severity, _, column = cause
            self.validation.problems.append(
                Problem(
                    severity,
                    "imp_more_rows",
                    self.validation.file,
                    self.validation.sheet,
                    None,
                    column,
                    None,
                    {"more": more, "listed": MAX_PER_CAUSE, "first_row": self._first_row.get(cause) or "–"},
                )
            )
        self._unsaid.clear()

    def room(self, severity: str, key: str, column: str | None) -> int:
        """How many more messages of this cause are listed before the rest are only counted."""
        return max(MAX_PER_CAUSE - self._said.get((severity, key, column), 0), 0)

    def count_more(self, severity: str, key: str, column: str | None, rows: int) -> None:
        """`rows` further rows of a cause that is listed in full already: counted, not listed."""
        if rows > 0:
            cause = (severity, key, column)
            self._unsaid[cause] = self._unsaid.get(cause, 0) + rows

    def _repeat(self, key: str, text: str | None, row: int | None) -> bool:
        """True when this cause was said already; its first message then lists the row too."""
        if key not in ONCE_PER_VALUE and key not in ONCE_PER_FILE:
            return False
        cause = (key, None if key in ONCE_PER_FILE else text)
        if cause not in self._first:
            self._first[cause] = len(self.validation.problems)
            self._more[cause] = []
            return False
        if row is not None:
            self._more[cause].append(row)
        more = self._more[cause]
        index = self._first[cause]
        listed = ", ".join(map(str, more[:MAX_LISTED_ROWS])) + (" …" if len(more) > MAX_LISTED_ROWS else "")
        problem = self.validation.problems[index]
        self.validation.problems[index] = replace(
            problem, values={**problem.values, "also_rows": listed, "also_count": len(more)}
        )
        return True

    def add(
        self,
        severity: str,
        key: str,
        row: int | None = None,
        column: str | None = None,
        shown: object = None,
        translated: dict[str, str] | None = None,
        **values_: object,
    ) -> None:
        """`shown` is the cell value as users may see it (NIKs arrive here masked)."""
        cause = (severity, key, column)
        if self._said.get(cause, 0) >= MAX_PER_CAUSE and key not in ONCE_PER_FILE:
            text = None if values.is_blank(shown) else values.text(shown)[:MAX_SHOWN_VALUE]
            if (key, text) in self._first:  # a value said already: its message lists the row
                self._repeat(key, text, row)
            else:
                self._unsaid[cause] = self._unsaid.get(cause, 0) + 1
            return
        text = None if values.is_blank(shown) else values.text(shown)[:MAX_SHOWN_VALUE]
        if self._repeat(key, text, row):
            return
        self._said[cause] = self._said.get(cause, 0) + 1
        self._first_row.setdefault(cause, row)
        self.validation.problems.append(
            Problem(
                severity,
                key,
                self.validation.file,
                self.validation.sheet,
                row,
                column,
                text,
                values_,
                translated,
            )
        )


def _noop(stage: str, done: int, total: int) -> None:
    """Progress is optional."""


# Rows of published tables that are layout, not data: the column numbers BPS prints under the header,
# '(1) (2) (3)…', and the notes under a table ('Sumber: …', 'Catatan: …', 'Keterangan: …').
_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)$")
_NOTE = re.compile(r"^(sumber|catatan|keterangan|ket|note|notes|source)\s*[:.]", re.IGNORECASE)


def _matches(text: pd.Series, pattern: str) -> np.ndarray:
    """Whether each text starts with a match of `pattern`, ignoring case (False where missing): in
    Arrow's regular expressions, 8x faster than pandas' `str.match(case=False)`, which falls back to
    Python per cell (a million cells: 50 ms instead of 390 ms)."""
    unicode_spaces = pattern.replace(r"\s", r"[\s\pZ]")  # RE2's \s is ASCII; Python's also takes NBSP etc.
    found = pc.match_substring_regex(pa.array(text, type=pa.large_string()), unicode_spaces, ignore_case=True)
    return found.fill_null(False).to_numpy(zero_copy_only=False)


def _without_layout_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """`frame` without column-number rows (two or more cells, every one a column number such as '(1)')
    and note rows (one cell, starting 'Sumber:', 'Catatan:' …), and the file's row numbers of those
    left out. Column by column; the patterns are tried only on the rows that may still be such a row,
    so a file of a million data rows costs a few vector operations per column (issue 16)."""
    names = frame.columns.drop(ROW_COLUMN)
    filled = np.zeros(len(frame), dtype=np.int64)
    texts: dict[str, pd.Series] = {}
    has_text: dict[str, np.ndarray] = {}
    for name in names:
        column = frame[name]
        text = column.astype("str").str.strip()
        has = column.notna().to_numpy() & text.ne("").fillna(False).to_numpy()
        has &= ~text.str.lower().isin(values.NIL_MARKERS).fillna(False).to_numpy()
        filled += has
        texts[name], has_text[name] = text, has
    numbered = filled >= 2  # until a filled cell is not a column number
    noted = np.zeros(len(frame), dtype=bool)
    lone = filled == 1
    for name in names:
        check = np.flatnonzero(numbered & has_text[name])
        if len(check):
            numbers = texts[name].iloc[check].str.fullmatch(_COLUMN_NUMBER.pattern).fillna(False).to_numpy(dtype=bool)
            numbered[check[~numbers]] = False
        check = np.flatnonzero(lone & has_text[name])
        if len(check):
            noted[check] = _matches(texts[name].iloc[check], _NOTE.pattern)
    layout = pd.Series(numbered | noted, index=frame.index)
    return frame[~layout].reset_index(drop=True), [int(row) for row in frame.loc[layout, ROW_COLUMN]]


# The column that holds the unit of a count column, filled from the count's header ('Jumlah (KK)')
# when the file has no such column.
UNIT_COLUMN_OF = {"jumlah": "satuan", "target_penerima": "satuan_penerima", "realisasi_penerima": "satuan_penerima"}


def _with_header_units(
    frame: pd.DataFrame, units: dict[str, tuple[str, str]], header_row: int, collect: _Collector
) -> pd.DataFrame:
    """A count column whose header names its unit ('Jumlah (KK)', 'Jumlah\n(jiwa)') gives the unit
    column its value when the file has none, with a notice; a unit column present is left as it is."""
    for column, (header, word) in units.items():
        unit = COUNT_UNIT_WORDS.get(word)
        target = UNIT_COLUMN_OF.get(column)
        if unit is None or target is None or target in frame.columns:
            continue
        frame = frame.assign(**{target: unit})
        collect.add(WARNING, "imp_unit_from_header", row=header_row, column=target, header=header, unit=unit)
    return frame


def _scale_amounts(
    clean: pd.DataFrame, units: dict[str, tuple[str, str]], header_row: int, collect: _Collector
) -> None:
    """A money column whose header names its scale ('Pagu (Rp juta)', 'Anggaran (Rp ribu)') holds
    amounts in that scale: they are stored in Rupiah (× 1.000 or × 1.000.000), with a notice."""
    for column, (header, word) in units.items():
        factor = SCALE_WORDS.get(word)
        if factor is None or not column.endswith("_rp") or column not in clean:
            continue
        clean[column] = pd.Series(
            [None if amount is None else float(amount) * factor for amount in clean[column]],
            index=clean.index,
            dtype=object,
        )
        collect.add(WARNING, "imp_amount_scaled", row=header_row, column=column, header=header, factor=factor)


# What a table's own total row says in its region cell ('Jumlah', 'Total', 'Jumlah Kaltim').
TOTAL_ROW = re.compile(r"(jumlah|total)(\s+(total|keseluruhan|seluruhnya|kaltim|kalimantan timur|provinsi))?", re.I)


def _without_total_rows(frame: pd.DataFrame, collect: _Collector) -> pd.DataFrame:
    """`frame` without the table's own total rows — a region cell that says 'Jumlah' or 'Total' — said
    once: their figures are the sum of rows that are read."""
    if "wilayah" not in frame.columns:
        return frame
    cells = frame["wilayah"]
    # Per distinct cell (a file of a million rows names a few thousand regions).
    totals = [
        cell for cell in cells.dropna().unique() if not values.is_blank(cell) and TOTAL_ROW.fullmatch(values.text(cell))
    ]
    total = cells.isin(totals).to_numpy()
    if total.any():
        rows = ", ".join(str(int(row)) for row in frame.loc[total, ROW_COLUMN])
        collect.add(WARNING, "imp_table_total_rows", column="wilayah", rows=rows)
    return frame[~total].reset_index(drop=True)


NO_HEADER = ("imp_no_header", "imp_header_too_few")


def _header_of_other_kind(file: str, content: bytes, spec: Kind) -> Problem | None:
    """When no header of `spec` is found: the refusal that names the kind whose header the file has
    (a PPKS table uploaded as programs), else None."""
    for other in KINDS.values():
        if other.name == spec.name:
            continue
        try:
            table = read_table(file, content, other.name, other.aliases())
        except FileProblem:
            continue
        known = [c for c in table.frame.columns if not c.startswith("_")]
        if _other_kind(spec, known, table.unknown_columns) == other.name:
            names = {"kind": spec.name, "other": other.name}
            return Problem(ERROR, "imp_other_kind", file, table.sheet, table.header_row, values=names)
    return None


def _other_kind(spec: Kind, known: list[str], unknown: list[str]) -> str | None:
    """The name of another kind whose required columns the header holds in full (a program file
    uploaded as PPKS), else None: the refusal then names that cause, not a list of missing columns."""
    for other in KINDS.values():
        if other.name == spec.name:
            continue
        aliases = other.aliases()
        found = {name for name in known if name in aliases.values()}
        found |= {aliases[normalise_header(header)] for header in unknown if normalise_header(header) in aliases}
        required = {column.name for column in other.columns if column.required}
        if required <= found and (not other.one_of or found & set(other.one_of)):
            return other.name
    return None


def _spread_value(name: str, parse: Callable[[object], object], header: str) -> object:
    """What a wide table's column header says for column `name`: a year ('Tahun 2023' -> 2023) or a
    value of the column ('Anak Jalanan' -> its category). Raises ValueProblem when it says neither."""
    if name == "tahun":
        found = YEAR_HEADER.fullmatch(normalise_header(header))
        if not found:
            raise ValueProblem("imp_bad_year", value=header)
        return values.year(found.group(2))
    return parse(header)


def _long_from_wide(
    frame: pd.DataFrame, extra: dict[str, str], header_row: int, spec: Kind, collect: _Collector
) -> tuple[pd.DataFrame, list[str]]:
    """A wide table (one column per PPKS category or per year, the value column absent) as one row per
    region and column, with a notice; a column that joins two categories is refused with how to split
    it. Blank cells of a wide table are no figure and make no row. Returns the frame and the headers
    of the columns still unknown."""
    if spec.wide_value is None:
        return frame, list(extra.values())
    for name in [n for n in spec.wide_names if n not in frame.columns]:
        parse = spec.column(name).parse
        spread, combined = {}, []
        for column, header in extra.items():
            try:
                _spread_value(name, parse, header)
                spread[column] = header
            except ValueProblem as problem:
                if problem.key == "imp_ppks_combined":
                    combined.append((header, problem))
        if len(spread) + len(combined) < 2:
            continue
        for header, problem in combined:
            collect.add(ERROR, "imp_wide_combined", row=header_row, column=header, shown=header, **problem.values)
        if spec.wide_value in frame.columns:  # a 'Jumlah' column beside the spread ones is the row's total
            collect.add(WARNING, "imp_wide_total_column", row=header_row, column=spec.wide_value)
            frame = frame.drop(columns=spec.wide_value)
        kept = [c for c in frame.columns if c not in extra]
        parts = []
        for column, header in spread.items():
            cells = frame[column]
            filled = ~cells.map(values.is_blank)
            part = frame.loc[filled, kept].copy()
            part[name] = str(_spread_value(name, parse, header)) if name == "tahun" else header
            part[spec.wide_value] = cells[filled]
            parts.append(part)
        long = pd.concat(parts).sort_values(ROW_COLUMN, kind="stable").reset_index(drop=True)
        collect.add(
            WARNING,
            f"imp_wide_read_{name}",
            row=header_row,
            count=len(spread),
            headers=", ".join(spread.values()),
            rows=len(long),
        )
        used = set(spread.values()) | {header for header, _ in combined}
        return long, [header for header in extra.values() if header not in used]
    return frame, list(extra.values())


# Headers of a region code column beside the region name (Satu Data's `kode_kabupaten_kota`): the
# code is read with the name in the same row, and a row whose code and name disagree is refused.
REGION_CODE_HEADERS = frozenset(
    {
        "kode_wilayah",
        "region_code",
        "kode_kabupaten_kota",
        "kode_kab_kota",
        "kode_kabkota",
        "kode_kemendagri",
        "kode_bps",
        "kode_kecamatan",
        "kode_desa",
        "kode_desa_kelurahan",
    }
)
MAX_LISTED_NAMES = 5


def _with_region_code(
    frame: pd.DataFrame, extra: dict[str, str], unknown: list[str], spec: Kind
) -> tuple[pd.DataFrame, list[str]]:
    """The first region code column (`REGION_CODE_HEADERS`) joined to `wilayah` as '6402 KUTAI BARAT',
    the form `regions.resolve_region` reads as a code and a name that must agree (the code alone when
    the file has no name column). Returns the frame and the unknown headers without that column."""
    if "wilayah" not in {column.name for column in spec.columns}:
        return frame, unknown
    found = next(
        (c for c, header in extra.items() if c in frame and normalise_header(header) in REGION_CODE_HEADERS), None
    )
    if found is None:
        return frame, unknown
    frame = frame.copy()
    codes = frame.pop(found)
    names = frame["wilayah"] if "wilayah" in frame else pd.Series(None, index=frame.index, dtype=object)
    joined = [
        " ".join(values.text(cell) for cell in (code, name) if not values.is_blank(cell)) or None
        for code, name in zip(codes, names, strict=True)
    ]
    frame["wilayah"] = pd.Series(joined, index=frame.index, dtype=object)
    return frame, [header for header in unknown if header != extra[found]]


def _say_bps_undecided(texts: list[str], reading: FileRegions, collect: _Collector) -> None:
    """Bare 4-digit codes that name different kab/kota in the two numberings (6402, 6403), in a file
    that shows neither: read as BPS codes, said once with the other reading and the fix."""
    if reading.system_by_codes:
        return
    differ = {}
    for text in texts:
        code, name = split_code(text)
        if code is None or name or not re.fullmatch(r"\d{4}", code):
            continue
        bps, kemendagri = readings_of(code)
        if bps is not None and kemendagri is not None and bps.code != kemendagri.code:
            differ[code] = (bps, kemendagri)
    if differ:
        collect.add(
            WARNING,
            "imp_codes_undecided",
            bps="; ".join(f"{code} = {bps.name}" for code, (bps, _) in sorted(differ.items())),
            kemendagri="; ".join(f"{code} = {kem.name}" for code, (_, kem) in sorted(differ.items())),
            dotted=dotted(min(differ)),
        )


def _region_parser(frame: pd.DataFrame, collect: _Collector) -> Callable[[object], Region]:
    """The parser of this file's `wilayah` cells: all distinct texts are read together
    (`regions.read_regions`), so that 4-digit codes follow the numbering the file shows it uses and a
    name a kecamatan shares with its seat kelurahan is read at the level of the file's other rows.
    Each such decision is said once per file, as a warning."""
    # Distinct cells first: a file of a million beneficiaries names a few hundred villages.
    cells = {
        cell: without_control_characters(values.text(cell)).strip()
        for cell in pd.unique(frame["wilayah"].to_numpy(dtype=object))
    }
    cells = {cell: text for cell, text in cells.items() if not values.is_blank(cell)}
    texts = list(dict.fromkeys(cells.values()))
    implementers: list[tuple[str, str]] = []
    if "penyelenggara" in frame:
        pairs = frame[["wilayah", "penyelenggara"]].drop_duplicates().itertuples(index=False)
        implementers = [(cells[r], values.text(i)) for r, i in pairs if r in cells and not values.is_blank(i)]
    reading = read_regions(texts, implementers)
    if reading.system == "kemendagri":
        code = next(c for c in (split_code(text)[0] for text in texts) if c and re.fullmatch(r"\d{4}", c))
        key = "imp_codes_kemendagri" if reading.system_by_codes else "imp_codes_kemendagri_names"
        collect.add(WARNING, key, example=code, dotted=dotted(code))
    else:
        _say_bps_undecided(texts, reading, collect)
    if reading.by_level:
        chosen = [cell for cell, text in cells.items() if text in reading.by_level]
        rows = [int(row) for row in frame.loc[frame["wilayah"].isin(chosen), ROW_COLUMN]]
        _say_level_chosen(rows, reading, collect)

    def parse(value: object) -> Region:
        found = reading.found[without_control_characters(values.text(value)).strip()]
        if isinstance(found, RegionError):
            raise ValueProblem("imp_region", translated={lang: found.message(lang) for lang in LANGUAGES})
        return found

    return parse


def _say_level_chosen(rows: list[int], reading: FileRegions, collect: _Collector) -> None:
    """One warning for the names read at the level the file uses (in file `rows`), with the fix."""
    shown = list(reading.by_level.items())[:MAX_LISTED_NAMES]
    chosen = ", ".join(f"'{text}' = {label(region)}" for text, (region, _) in shown)
    if len(reading.by_level) > MAX_LISTED_NAMES:
        chosen += f", +{len(reading.by_level) - MAX_LISTED_NAMES}"
    levels = sorted({region.level for region, _ in reading.by_level.values()}, key=LEVELS.index)
    _, others = next(iter(reading.by_level.values()))
    fix = f"'{written(others[0])}'"
    listed = ", ".join(map(str, rows[:MAX_LISTED_ROWS])) + (" …" if len(rows) > MAX_LISTED_ROWS else "")
    collect.add(
        WARNING,
        "imp_region_level_chosen",
        row=rows[0],
        column="wilayah",
        translated={
            lang: t(
                "imp_region_level_chosen",
                lang,
                count=len(reading.by_level),
                chosen=chosen,
                evidence=reading.evidence,
                level=" / ".join(t(f"level_{level}", lang) for level in levels),
                rows=listed,
                fix=fix,
            )
            for lang in LANGUAGES
        },
    )


def _check_implementer_region(clean: pd.DataFrame, bad: pd.Series, collect: _Collector) -> None:
    """A kabupaten/kota office ('Dinas Sosial Kabupaten Berau') runs programs in its own kabupaten/kota:
    a row whose region lies elsewhere is refused, naming both (`regions.implementer_kabkota`)."""
    usable = np.flatnonzero((~bad & clean["wilayah"].notna() & clean["penyelenggara"].notna()).to_numpy())
    implementers, regions = clean["penyelenggara"].to_numpy(object), clean["wilayah"].to_numpy(object)
    homes = {text: implementer_kabkota(text) for text in pd.unique(implementers[usable])}
    elsewhere = [
        i
        for i in usable
        if (home := homes[implementers[i]]) is not None
        and regions[i] != home
        and not regions[i].code.startswith(home.code + ".")
    ]
    rows = clean["_row"].to_numpy()
    _say(
        collect,
        ERROR,
        "imp_implementer_region",
        "wilayah",
        elsewhere,
        lambda i: {
            "row": int(rows[i]),
            "shown": regions[i].name,
            "implementer": implementers[i],
            "home": label(homes[implementers[i]]),
            "home_name": homes[implementers[i]].name,
            "home_code": homes[implementers[i]].code,
            "region": label(regions[i]),
        },
    )
    bad.iloc[elsewhere] = True


def validate(
    file: str,
    content: bytes,
    kind: str,
    nik_key: bytes | None = None,
    known_programs: set[tuple[str, int]] | None = None,
    partner_keys: set[str] | None = None,
    progress: Progress | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> Validation:
    """Check `content` (the bytes of `file`) as a file of `kind`. `known_programs` (code, year) and
    `partner_keys` come from the store and turn unknown references into warnings."""
    spec = kind_of(kind)
    progress = progress or _noop
    result = Validation(file=file, kind=spec, sha256=hashlib.sha256(content).hexdigest(), size=len(content))
    collect = _Collector(result)
    try:
        table = read_table(file, content, spec.name, spec.aliases(), lambda n: progress("read", n, 0), max_bytes)
    except FileProblem as refused:
        other = _header_of_other_kind(file, content, spec) if refused.problem.key in NO_HEADER else None
        result.problems.append(other or refused.problem)
        return result
    except Exception as error:  # a file no reader expected: say so rather than show a traceback
        logger.warning("Unreadable upload %s (%s)", file, type(error).__name__)
        result.problems.append(Problem(ERROR, "imp_unreadable", file))
        return result
    release_freed_memory()  # the text's copies the reader made (data_loaders/memory.py)
    result.sheet = table.sheet
    frame, skipped = _without_layout_rows(table.frame)
    if skipped:
        collect.add(WARNING, "imp_layout_rows_skipped", rows=", ".join(map(str, skipped)))
    frame = _without_total_rows(frame, collect)
    frame, unknown = _long_from_wide(frame, table.extra, table.header_row, spec, collect)
    frame, unknown = _with_region_code(frame, table.extra, unknown, spec)
    frame = frame[[column for column in frame.columns if not column.startswith("_extra_")]]
    result.rows_read = len(frame)
    if unknown:
        collect.add(WARNING, "imp_extra_columns", row=table.header_row, columns=", ".join(unknown))
    missing = [c.name for c in spec.columns if c.required and c.name not in frame.columns]
    other = _other_kind(spec, [c for c in frame.columns if not c.startswith("_")], unknown) if missing else None
    if other:  # the cause, said instead of the columns of this kind it lacks
        result.problems.clear()
        collect.add(ERROR, "imp_other_kind", row=table.header_row, kind=spec.name, other=other)
        return result
    for name in missing:
        collect.add(ERROR, "imp_missing_column", row=table.header_row, column=name, english=spec.column(name).english)
    if spec.one_of and not any(name in frame.columns for name in spec.one_of):
        collect.add(ERROR, "imp_missing_one_of", row=table.header_row, columns=" / ".join(spec.one_of))
    if result.errors:
        return result

    frame = _with_header_units(frame, table.units, table.header_row, collect)
    parsers = {"wilayah": _region_parser(frame, collect)} if "wilayah" in frame.columns else {}
    rows = frame[ROW_COLUMN].to_numpy()
    clean = pd.DataFrame({ROW_COLUMN: rows})
    bad = pd.Series(False, index=frame.index)
    present = [c for c in spec.columns if c.name in frame.columns]
    for done, column in enumerate(present, start=1):
        parsed, column_bad = _parse_column(
            frame[column.name],
            column.name,
            parsers.get(column.name, column.parse),
            column.required,
            rows,
            collect,
            nik_key,
        )
        clean[column.name] = parsed
        bad |= column_bad
        progress("validate", done, len(present))
    units, header_row = table.units, table.header_row
    del frame, table  # the file's text, about 110 MB a million rows: parsed now
    release_freed_memory()
    for column in spec.columns:
        if column.name not in clean:  # optional columns the file leaves out are empty
            clean[column.name] = None
    _scale_amounts(clean, units, header_row, collect)
    if spec.one_of:
        # A raw NIK (pseudonymised while parsing) or a ready hash: one column, the raw one dropped.
        from_nik = clean.pop("nik")
        clean["nik_hash"] = from_nik.where(from_nik.notna(), clean["nik_hash"])
        missing_id = clean["nik_hash"].isna() & ~bad
        for row in rows[missing_id.to_numpy()]:
            collect.add(ERROR, "imp_missing_nik", row=int(row), column="nik")
        bad |= missing_id
    _CHECKS.get(spec.name, _no_checks)(clean, bad, collect, known_programs, partner_keys)
    _duplicates(clean, bad, spec, collect)
    collect.finish()
    result.problems.sort(key=lambda problem: (problem.key == "imp_more_rows", problem.row or 0))
    result.clean = clean
    return result


def _parse_column(
    series: pd.Series, name: str, parse: Callable, required: bool, rows, collect: _Collector, nik_key: bytes | None
) -> tuple[pd.Series, pd.Series]:
    if isinstance(series.dtype, pd.StringDtype):  # CSV: text only, checked column-wide
        stripped = series.str.strip()
        blank = stripped.eq("") | series.isna() | stripped.str.lower().isin(values.NIL_MARKERS).fillna(False)
        keys = series
    else:  # XLSX: text, numbers and dates mixed
        blank = series.map(values.is_blank)
        keys = series.map(_hashable)
    bad = pd.Series(False, index=series.index)
    if required:
        empty = rows[blank.to_numpy()]
        room = collect.room(ERROR, "imp_required", name)
        for row, cell in zip(empty[:room], series[blank].iloc[:room], strict=True):
            collect.add(ERROR, "imp_required", row=int(row), column=name, shown=cell)
        collect.count_more(ERROR, "imp_required", name, len(empty) - room)
        bad |= blank
    if name == "nik" and nik_key is not None and isinstance(series.dtype, pd.StringDtype):
        plain = series.str.fullmatch(_PLAIN_NIK.pattern).fillna(False).to_numpy(dtype=bool)
        if (plain | blank.to_numpy(dtype=bool)).all():  # every NIK as its 16 digits, as CSVs almost always
            return _plain_nik_column(series, plain, nik_key), bad
    if name == "nik":
        parse = _nik_parser(nik_key, collect)
    elif name == "nik_hash":
        parse = nik_module.check_hash
    parsed_values: dict[object, object] = {}
    problems: dict[object, ValueProblem] = {}
    cleaned: list[object] = []  # values that held characters that do not print
    distinct_values = series[~blank].unique()
    if name == "nik" and nik_key is not None and isinstance(series.dtype, pd.StringDtype):
        distinct_values = distinct_values.to_numpy(dtype=object)  # not cell by cell from Arrow
        parsed_values = _plain_niks(distinct_values, nik_key)
        distinct_values = [value for value in distinct_values if value not in parsed_values]
    for value in distinct_values:
        key = _hashable(value)
        found = None if name in ("nik", "nik_hash") else nik_module.nik_inside(value)
        if found:  # a NIK outside the nik column is never stored, nor echoed in full
            problems[key] = ValueProblem("imp_nik_like_value", value=nik_module.mask(found))
            continue
        if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
            problems[key] = ValueProblem("imp_too_long", length=len(value), limit=MAX_CELL_CHARACTERS)
            continue
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            cleaned.append(key)
        if isinstance(value, str):
            value = without_control_characters(value)  # line breaks in a cell become spaces, quietly
        try:
            parsed_values[key] = parse(value)
        except ValueProblem as problem:
            problems[key] = problem
    if cleaned:
        affected = np.flatnonzero(keys.isin(cleaned).to_numpy())
        collect.add(WARNING, "imp_control_characters", row=int(rows[affected[0]]), column=name, count=len(affected))
    # Built as objects through the distinct values: Series.map would turn whole numbers into floats next
    # to a missing value (the year 2025 shown as 'tahun 2025.0' in messages).
    codes, distinct = pd.factorize(keys)
    per_value = np.array([parsed_values.get(key) for key in distinct] + [None], dtype=object)
    parsed = pd.Series(per_value[codes], index=series.index, dtype=object)  # code -1 (missing) -> None
    parsed = parsed.where(~blank, None)
    failed = keys.isin(list(problems)) & ~blank
    where = np.flatnonzero(failed.to_numpy())
    # Per cause, the first rows are listed and the rest counted: a column of two million bad cells
    # costs one pass, not two million messages.
    cause_of = np.array([problems[key].key if key in problems else "" for key in distinct] + [""], dtype=object)
    causes = cause_of[codes[where]]
    for cause in dict.fromkeys(causes):
        at = where[causes == cause]
        room = collect.room(ERROR, cause, name)
        for index in at[:room]:
            problem, cell = problems[keys.iloc[index]], series.iloc[index]
            if problem.key == "imp_nik_like_value":
                shown = problem.values["value"]
            elif name in ("nik", "nik_hash"):
                shown = nik_module.mask(values.text(cell))
            else:
                shown = without_control_characters(cell) if isinstance(cell, str) else cell
            collect.add(
                ERROR,
                problem.key,
                row=int(rows[index]),
                column=name,
                shown=shown,
                translated=problem.translated,
                **problem.values,
            )
        collect.count_more(ERROR, cause, name, len(at) - room)
    return parsed.astype(object).where(parsed.notna(), None), bad | failed


NIK_BLOCK = 100_000  # NIKs hashed at a time: their Python strings and digests take about 15 MB
_PLAIN_NIK = re.compile(r"[0-9]{16}")  # ASCII digits: other scripts' digits take the general path


def _plain_nik_column(series: pd.Series, plain: np.ndarray, nik_key: bytes) -> pd.Series:
    """The parsed `nik` column (`_parsed_nik`, missing where `plain` is False, i.e. blank) of a CSV whose
    every NIK is exactly 16 digits, as Arrow text: each value is 69 characters, so the column is built
    from one block of bytes, NIK_BLOCK rows at a time — a million NIKs without a Python string per
    value held at once (issue 16). A NIK listed twice is hashed twice, about 1 µs, cheaper than keeping
    the distinct ones for a file of distinct NIKs."""
    width = 4 + 1 + 64  # as `_parsed_nik` writes it: 'dddd:' and the keyed hash
    at = np.flatnonzero(plain)
    parsed = np.empty((len(at), width), dtype=np.uint8)
    parsed[:, 4] = ord(":")
    for start in range(0, len(at), NIK_BLOCK):
        niks = series.iloc[at[start : start + NIK_BLOCK]].to_numpy(dtype=object)
        block = parsed[start : start + len(niks)]
        block[:, :4] = np.frombuffer("".join(niks).encode("ascii"), dtype=np.uint8).reshape(-1, 16)[:, :4]
        block[:, 5:] = nik_module.pseudonymise_all(niks, nik_key)
    offsets = np.arange(0, width * (len(at) + 1), width, dtype=np.int64)
    texts = pa.LargeStringArray.from_buffers(len(at), pa.py_buffer(offsets), pa.py_buffer(parsed))
    if len(at) < len(series):
        place = np.cumsum(plain) - 1  # each plain row's place among the plain rows; blank rows get none
        texts = texts.take(pa.array(place, mask=~plain))
    return _text_series(texts, series.index)


def _plain_niks(texts: np.ndarray, nik_key: bytes) -> dict[object, str]:
    """The parsed value (`_nik_parser`) of every text in `texts` that is exactly 16 digits, as almost
    every NIK of a CSV is: the same result as the general path, without its checks per cell (a
    million NIKs in about 2 s instead of 13 s, issue 16). Other texts are left to the general path."""
    plain = [text for text in texts if isinstance(text, str) and _PLAIN_NIK.fullmatch(text)]
    keyed = nik_module.pseudonymiser(nik_key)
    return {text: _parsed_nik(text, keyed) for text in plain}


def _parsed_nik(digits: str, keyed: Callable[[str], str]) -> str:
    """A valid NIK as parsing keeps it: its keyed hash (`keyed`, `nik.pseudonymiser` of the key) after
    its province and kabupaten/kota digits, which survive as a separate, coarse field for the checks
    across columns (`_check_penerima`)."""
    return f"{digits[:4]}:{keyed(digits)}"


def _hashable(value: object) -> object:
    return value if isinstance(value, str | int | float) or value is None else repr(value)


def _nik_parser(nik_key: bytes | None, collect: _Collector) -> Callable[[object], str]:
    def parse(value: object) -> str:
        if isinstance(value, int | float):
            # Excel keeps 15 significant digits: a NIK typed as a number has lost its last digit.
            raise ValueProblem("imp_nik_number", value=nik_module.mask(values.text(value)))
        digits = nik_module.check_nik(values.text(value))
        if nik_key is None:
            raise ValueProblem("imp_no_nik_key", setting=nik_module.KEY_SETTING)
        return _parsed_nik(digits, nik_module.pseudonymiser(nik_key))

    return parse


def _no_checks(clean, bad, collect, known_programs, partner_keys) -> None:
    """Kinds without checks across columns."""


def _present(clean: pd.DataFrame, *columns: str) -> pd.Series:
    result = pd.Series(True, index=clean.index)
    for column in columns:
        result &= clean[column].notna()
    return result


# Below this a program amount is more likely written in thousands or millions of Rupiah than meant:
# the smallest village programs in the realisation tables we were sent are several million Rupiah.
MIN_PLAUSIBLE_AMOUNT = 100_000


def _check_small_amounts(clean: pd.DataFrame, bad: pd.Series, collect: _Collector) -> None:
    """Warn for program amounts above 0 and under Rp 100.000 with the likely reading: 'Rp 800' for a
    village program is Rp 800 juta written in millions. Stored as written (a warning, not an error):
    only the sender knows, and the warning says how to correct it."""
    rows = clean["_row"].to_numpy()
    for column in ("pagu_rp", "komitmen_rp", "realisasi_rp"):
        amounts = pd.to_numeric(clean[column], errors="coerce")
        small = np.flatnonzero(((amounts > 0) & (amounts < MIN_PLAUSIBLE_AMOUNT) & ~bad).to_numpy())
        figures = amounts.to_numpy()
        _say(
            collect,
            WARNING,
            "imp_amount_too_small",
            column,
            small,
            lambda i, f=figures: {
                "row": int(rows[i]),
                "shown": f[i],
                "millions": round(float(f[i]) * 1_000_000),
                "thousands": round(float(f[i]) * 1_000),
            },
        )


def _mark_program_totals(clean: pd.DataFrame, bad: pd.Series, collect: _Collector) -> None:
    """A row whose region holds the regions of other rows of the same program, year and funding
    source is their total (a kabupaten row above its kecamatan rows): warned, and marked `_total` so
    that it is stored as sent and never added to its parts."""
    clean["_total"] = False
    rows = clean["_row"]
    usable = clean[~bad & clean["wilayah"].notna()]
    keys = ["kode_program", "tahun", "sumber_dana"]
    usable = usable[usable.duplicated(keys, keep=False).to_numpy()]  # programs with one row have no total
    for _, group in usable.groupby(keys, sort=False):
        for i, parts in _parts_of_totals(group["wilayah"]).items():
            clean.at[i, "_total"] = True
            total = float(clean.at[i, "pagu_rp"] or 0)
            parts_sum = float(sum(clean.at[j, "pagu_rp"] or 0 for j in parts))
            collect.add(
                WARNING,
                "imp_program_total_row",
                row=int(rows[i]),
                column="wilayah",
                shown=clean.at[i, "wilayah"].name,
                value=clean.at[i, "wilayah"].name,
                parts=len(parts),
                total=round(total),
                parts_sum=round(parts_sum),
            )


def _say(collect: _Collector, severity: str, key: str, column: str, labels, details: Callable[[int], dict]) -> None:
    """One message for each of the first rows (index labels) of a cause, with `details(label)` (row,
    shown value and the message's values), and a count of the rest: a file of a million rows with the
    same fault costs a count, not a million messages."""
    labels = list(labels)
    room = collect.room(severity, key, column)
    for label_ in labels[:room]:
        collect.add(severity, key, column=column, **details(label_))
    collect.count_more(severity, key, column, len(labels) - room)


# What describes a program: every row of one program (same code and year) must say the same.
PROGRAM_DESCRIPTION = (
    "nama_program",
    "penyelenggara",
    "kategori_ppks",
    "bentuk_bantuan",
    "satuan_penerima",
    "status",
    "tanggal_mulai",
    "tanggal_selesai",
)


def _check_program_consistency(clean: pd.DataFrame, bad: pd.Series, collect: _Collector) -> None:
    """Each row of a program that describes it otherwise than the program's first row is refused,
    naming both rows; compared column by column over arrays."""
    usable = np.flatnonzero(~bad.to_numpy())
    if not len(usable):
        return
    codes_and_years = zip(
        clean["kode_program"].to_numpy(object)[usable], clean["tahun"].to_numpy(object)[usable], strict=True
    )
    programs = pd.Series(list(codes_and_years))
    codes, _ = pd.factorize(programs)
    _, first = np.unique(codes, return_index=True)
    reference = usable[first[codes]]  # each usable row's program's first row (positions)
    rows = clean["_row"].to_numpy()
    refused = np.zeros(len(clean), dtype=bool)
    for column in PROGRAM_DESCRIPTION:
        cells = clean[column].to_numpy(dtype=object)
        pairs = zip(cells[usable], cells[reference], strict=True)
        differs = np.fromiter((a != b for a, b in pairs), bool, len(usable))
        first_of = dict(zip(usable[differs], reference[differs], strict=True))
        _say(
            collect,
            ERROR,
            "imp_program_inconsistent",
            column,
            clean.index[usable[differs]],
            lambda i, cells=cells, first_of=first_of: {
                "row": int(rows[i]),
                "shown": cells[i],
                "first_row": int(rows[first_of[i]]),
                "other": cells[first_of[i]],
            },
        )
        refused[usable[differs]] = True
    bad.iloc[np.flatnonzero(refused)] = True


def _check_program(clean, bad, collect, known_programs, partner_keys) -> None:
    check_sites(clean, bad, collect.add)  # lintang/bujur against the row's region (data_loaders/sites.py)
    rows = clean["_row"].to_numpy()
    _check_implementer_region(clean, bad, collect)
    _check_small_amounts(clean, bad, collect)
    _mark_program_totals(clean, bad, collect)
    for more, less, key in (
        ("realisasi_rp", "pagu_rp", "imp_spent_over_budget"),
        ("realisasi_penerima", "target_penerima", "imp_reached_over_target"),
    ):
        over = _present(clean, more, less) & (pd.to_numeric(clean[more]) > pd.to_numeric(clean[less]))
        figures = clean[more].to_numpy(dtype=object)
        _say(
            collect,
            WARNING,
            key,
            more,
            np.flatnonzero(over.to_numpy()),
            lambda i, f=figures: {"row": int(rows[i]), "shown": f[i]},
        )
    starts, ends = clean["tanggal_mulai"].to_numpy(object), clean["tanggal_selesai"].to_numpy(object)
    both = np.flatnonzero(_present(clean, "tanggal_mulai", "tanggal_selesai").to_numpy())
    backwards = [i for i in both if ends[i] < starts[i]]
    _say(
        collect,
        ERROR,
        "imp_end_before_start",
        "tanggal_selesai",
        backwards,
        lambda i: {"row": int(rows[i]), "shown": ends[i].isoformat(), "start": starts[i].isoformat()},
    )
    bad.iloc[backwards] = True
    _check_program_consistency(clean, bad, collect)
    if partner_keys is not None:
        companies = clean["penyelenggara"].to_numpy(dtype=object)
        known = {}
        for i, company in enumerate(companies):
            if company is None:
                continue
            if company not in known:
                text = values.text(company)
                looks = re.match(r"(?i)^(pt|cv)\b|.*\b(tbk|persero)\b", text) is not None
                known[company] = looks and values.partner_key(text) not in partner_keys
            if known[company]:
                collect.add(WARNING, "imp_unknown_partner", row=int(rows[i]), column="penyelenggara", shown=company)


def _check_penerima(clean, bad, collect, known_programs, partner_keys) -> None:
    rows = clean["_row"].to_numpy()
    out = np.flatnonzero((clean["desil"].notna() & ~clean["desil"].isin(list(range(1, 11)))).to_numpy())
    deciles = clean["desil"].to_numpy(dtype=object)
    _say(
        collect,
        ERROR,
        "imp_bad_decile",
        "desil",
        out,
        lambda i: {"row": int(rows[i]), "shown": deciles[i], "value": deciles[i]},
    )
    bad.iloc[out] = True
    # NIK digits: province (2) and kabupaten/kota (2) compared with the row's region, then dropped.
    # A parsed NIK is 'dddd:<hash>' (`_parsed_nik`); a ready hash holds no ':'. Split in Arrow, column-wide.
    ids = _arrow_text(clean["nik_hash"])
    prefixed = pc.fill_null(pc.equal(pc.utf8_slice_codeunits(ids, 4, 5), ":"), False)
    if pc.any(prefixed).as_py():
        clean["nik_hash"] = _text_series(pc.if_else(prefixed, pc.utf8_slice_codeunits(ids, 5, 69), ids), clean.index)
        provinces = pc.utf8_slice_codeunits(ids, 0, 2)
        outside = prefixed.to_numpy(zero_copy_only=False) & _differs(provinces, nik_module.KALTIM_PROVINCE_CODE)
        _say(
            collect,
            WARNING,
            "imp_nik_outside",
            "nik",
            np.flatnonzero(outside),
            lambda i: {"row": int(rows[i]), "province": provinces[int(i)].as_py()},
        )
        places = clean["wilayah"].to_numpy(dtype=object)
        # Each row's kab/kota as a NIK writes it ('64.01' -> '6401'), found for the file's few hundred
        # distinct regions and spread over the rows; none for the province itself.
        codes = pc.dictionary_encode(pa.array([None if place is None else place.code for place in places]))
        digits = [region_by_code(code).kabkota_code for code in codes.dictionary.to_pylist()]
        kabkota = pa.array([None if code is None else code.replace(".", "") for code in digits]).take(codes.indices)
        mismatch = prefixed.to_numpy(zero_copy_only=False) & ~outside & ~bad.to_numpy(dtype=bool)
        mismatch &= _differs(kabkota, pc.utf8_slice_codeunits(ids, 0, 4))
        _say(
            collect,
            WARNING,
            "imp_nik_region_mismatch",
            "wilayah",
            np.flatnonzero(mismatch),
            lambda i: {"row": int(rows[i]), "shown": places[i].name},
        )
    if known_programs is not None:
        firsts = clean[["kode_program", "tahun", "_row"]].dropna().drop_duplicates(["kode_program", "tahun"])
        for code, year, row in firsts.itertuples(index=False):
            if (code, year) not in known_programs:
                collect.add(
                    WARNING,
                    "imp_unknown_program",
                    row=int(row),
                    column="kode_program",
                    shown=code,
                    value=code,
                    year=year,
                )


def _arrow_text(column: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A text column as Arrow text (missing values null), without a copy when the column is Arrow
    text already (`_plain_nik_column`)."""
    if isinstance(column.array, pd.arrays.ArrowStringArray):
        return pa.array(column.array)
    return pa.array(column.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)


def _text_series(texts: pa.Array | pa.ChunkedArray, index: pd.Index) -> pd.Series:
    """Arrow text as a pandas column (missing values NA), without a copy."""
    return pd.Series(texts, index=index, dtype=pd.StringDtype("pyarrow"))


def _differs(left: pa.Array, right: pa.Array | str) -> np.ndarray:
    """Where both sides are present and differ, as a boolean array."""
    return pc.not_equal(left, right).fill_null(False).to_numpy(zero_copy_only=False)


def _check_ppks(clean, bad, collect, known_programs, partner_keys) -> None:
    """A row whose region contains other rows' regions (same year, category and unit) is their total,
    as BPS and kabupaten tables print it: warned, and stored as it is — the read layer takes need
    at one level per area, so a total is never added to its own parts."""
    rows = clean["_row"]
    usable = clean[~bad & clean["wilayah"].notna()]
    for _, group in usable.groupby(
        [usable["tahun"], usable["kategori_ppks"], usable["satuan"].fillna("jiwa")], sort=False
    ):
        for i, parts in _parts_of_totals(group["wilayah"]).items():
            total, parts_sum = int(clean.at[i, "jumlah"]), int(sum(clean.at[j, "jumlah"] for j in parts))
            collect.add(
                WARNING,
                "imp_total_row" if total == parts_sum else "imp_total_row_differs",
                row=int(rows[i]),
                column="wilayah",
                shown=clean.at[i, "wilayah"].name,
                value=clean.at[i, "wilayah"].name,
                total=total,
                parts=len(parts),
                parts_sum=parts_sum,
            )


def _parts_of_totals(regions: pd.Series) -> dict[int, list[int]]:
    """Rows (index labels) whose region holds other rows' regions, each with those rows: the first row
    of each region is looked up among its own ancestors (at most three), so the cost is rows × depth."""
    first_of: dict[str, int] = {}
    for i, region in regions.items():
        first_of.setdefault(region.code, i)
    parts_of: dict[int, list[int]] = {}
    for code, j in first_of.items():
        for ancestor in _ancestors(code):
            if ancestor in first_of:
                parts_of.setdefault(first_of[ancestor], []).append(j)
    return parts_of


def _ancestors(code: str) -> list[str]:
    """The Kemendagri codes that hold `code`: '64.01.05' -> ['64', '64.01']."""
    parts = code.split(".")
    return [".".join(parts[:depth]) for depth in range(1, len(parts))]


_CHECKS = {"program": _check_program, "penerima": _check_penerima, "ppks": _check_ppks}


def _duplicates(clean: pd.DataFrame, bad: pd.Series, spec: Kind, collect: _Collector) -> None:
    columns = [c for c in spec.key if c in clean]
    if spec.name == "mitra":
        keys = clean["nama"].map(lambda v: values.partner_key(v) if v is not None else None).to_frame()
    else:
        # A region compares by its code; the other key columns hold plain values already.
        keys = pd.DataFrame(
            {c: clean[c].map(lambda v: getattr(v, "code", v)) if c == "wilayah" else clean[c] for c in columns}
        )
    usable = ~bad & keys.notna().all(axis=1)
    keyed = keys[usable]
    repeated = keyed.duplicated(keep="first")
    if not repeated.any():
        return
    first_rows = clean.loc[keyed.index, "_row"].groupby([keyed[c] for c in keyed.columns]).transform("first")
    shown_columns = columns or ["nama"]
    repeats = repeated[repeated].index
    _say(
        collect,
        ERROR,
        "imp_duplicate_key",
        ", ".join("nik" if c == "nik_hash" else c for c in shown_columns),
        repeats,
        lambda i: {
            "row": int(clean.at[i, "_row"]),
            "shown": ", ".join(_shown(clean.at[i, c]) if c != "nik_hash" else "…" for c in shown_columns),
            "first_row": int(first_rows[i]),
        },
    )
    bad.loc[repeats] = True


def _shown(value: object) -> str:
    return value.name if hasattr(value, "level") else values.text(value)


# --- what a limited user may write (issue 12) --------------------------------------------------------

OPERATOR_KINDS = ("program", "ppks", "penerima", "indikator")  # kinds whose every row is located
MITRA_KINDS = ("program", "penerima")


@dataclass(frozen=True)
class Permitted:
    """What one limited user may write, read from the store by `importer.permitted`.

    An operator (`kabkota` set: their kab/kota) writes rows located in it; `foreign_programs` are the
    stored programs (code, year) with places elsewhere (their file replaces a program's places) and
    `foreign_beneficiaries` the stored (nik_hash, program code, year) located elsewhere. A mitra
    (`partner_name` set) writes programs whose implementer is its partner and beneficiaries of
    `own_programs`; `foreign_programs` are then the stored programs of another implementer. Neither
    set (an operator without kab/kota, a mitra without a partner): nothing may be written."""

    role: str  # 'operator' or 'mitra'
    kabkota: Region | None = None
    partner_name: str | None = None
    partner_key: str | None = None
    own_programs: frozenset[tuple[str, int]] = frozenset()
    foreign_programs: dict[tuple[str, int], str] = field(default_factory=dict)  # -> where / whose
    foreign_beneficiaries: frozenset[tuple[str, str, int]] = frozenset()


def _inside(region: Region, kabkota: Region) -> bool:
    return region.code == kabkota.code or region.code.startswith(kabkota.code + ".")


def check_write_limit(validation: Validation, permitted: Permitted) -> list[int]:
    """Add to `validation.problems` one error per row the user may not write (naming row, column,
    value and fix; bounded per cause like every check, the rest counted), or one error for a kind
    the role may not import at all. Returns the file's row numbers refused (all of them, ascending;
    [0] for a refused kind). Rules: issue 12, `Permitted`."""
    clean = validation.clean
    if clean is None:
        return []
    collect = _Collector(validation)
    kind = validation.kind.name
    operator = permitted.role == "operator"
    allowed = OPERATOR_KINDS if operator else MITRA_KINDS
    whom = label(permitted.kabkota) if permitted.kabkota else permitted.partner_name
    if whom is None or kind not in allowed:
        key = f"imp_limit_kind_{permitted.role}" if whom else f"imp_limit_nobody_{permitted.role}"
        named = ", ".join(KINDS[name].title for name in allowed)
        collect.add(ERROR, key, kind=validation.kind.title, allowed=named, whom=whom or "–")
        return [0]
    rows = clean["_row"].to_numpy()
    refused: set[int] = set()
    if operator:
        refused |= _outside_region(clean, rows, permitted.kabkota, collect)
    else:
        refused |= _not_own_partner(clean, rows, permitted, collect)
    programs = list(zip(clean["kode_program"], clean["tahun"], strict=True)) if "kode_program" in clean else []
    if kind == "program":
        key = "imp_limit_program_elsewhere" if operator else "imp_limit_program_other_partner"
        at = [i for i, program in enumerate(programs) if program in permitted.foreign_programs]
        _say(collect, ERROR, key, "kode_program", at, lambda i: {
            "row": int(rows[i]), "shown": programs[i][0], "code": programs[i][0], "year": programs[i][1],
            "other": permitted.foreign_programs[programs[i]], "whom": whom,
        })  # fmt: skip
        refused |= {int(rows[i]) for i in at}
    if kind == "penerima" and operator and permitted.foreign_beneficiaries:
        keys = zip(clean["nik_hash"], clean["kode_program"], clean["tahun"], strict=True)
        at = [i for i, key in enumerate(keys) if key in permitted.foreign_beneficiaries]
        _say(collect, ERROR, "imp_limit_beneficiary_elsewhere", "nik", at, lambda i: {
            "row": int(rows[i]), "code": programs[i][0], "year": programs[i][1], "whom": whom,
        })  # fmt: skip
        refused |= {int(rows[i]) for i in at}
    if kind == "penerima" and not operator:
        at = [i for i, program in enumerate(programs) if None not in program and program not in permitted.own_programs]
        _say(collect, ERROR, "imp_limit_not_own_program", "kode_program", at, lambda i: {
            "row": int(rows[i]), "shown": programs[i][0], "code": programs[i][0], "year": programs[i][1],
            "whom": whom,
        })  # fmt: skip
        refused |= {int(rows[i]) for i in at}
    collect.finish()
    validation.problems.sort(key=lambda problem: (problem.key == "imp_more_rows", problem.row or 0))
    return sorted(refused)


def _outside_region(clean: pd.DataFrame, rows: np.ndarray, kabkota: Region, collect: _Collector) -> set[int]:
    """Rows located outside the operator's kab/kota (province-level rows too), per distinct region."""
    regions = clean["wilayah"].to_numpy(dtype=object)
    outside = {region for region in pd.unique(regions) if region is not None and not _inside(region, kabkota)}
    at = [i for i, region in enumerate(regions) if region in outside]

    def details(i: int) -> dict:
        region = regions[i]
        home = region_by_code(region.kabkota_code) if region.kabkota_code else None
        return {
            "row": int(rows[i]),
            "shown": f"{region.code} {region.name}",
            "code": region.code,
            "name": region.name,
            "own_code": kabkota.code,
            "own_name": f"{kabkota.kind} {kabkota.name}",
            "home": home.name if home else region.name,
        }

    province = [i for i in at if regions[i].kabkota_code is None]
    elsewhere = [i for i in at if regions[i].kabkota_code is not None]
    _say(collect, ERROR, "imp_limit_region", "wilayah", elsewhere, details)
    _say(collect, ERROR, "imp_limit_region_province", "wilayah", province, details)
    return {int(rows[i]) for i in at}


def _not_own_partner(clean: pd.DataFrame, rows: np.ndarray, permitted: Permitted, collect: _Collector) -> set[int]:
    """Program rows whose implementer is not the mitra's partner (matched as programs name their
    partner: `values.partner_key` of `penyelenggara`)."""
    if "penyelenggara" not in clean:
        return set()
    implementers = clean["penyelenggara"].to_numpy(dtype=object)
    keys = {name: values.partner_key(name) for name in pd.unique(implementers) if name is not None}
    at = [i for i, name in enumerate(implementers) if name is not None and keys[name] != permitted.partner_key]
    _say(collect, ERROR, "imp_limit_partner", "penyelenggara", at, lambda i: {
        "row": int(rows[i]), "shown": implementers[i], "value": implementers[i], "whom": permitted.partner_name,
    })  # fmt: skip
    return {int(rows[i]) for i in at}

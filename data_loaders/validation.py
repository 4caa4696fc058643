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

import pandas as pd

from data_loaders import nik as nik_module
from data_loaders import values
from data_loaders.kinds import Kind, kind_of
from data_loaders.problems import ERROR, WARNING, FileProblem, Problem, ValueProblem
from data_loaders.reading import MAX_FILE_BYTES, ROW_COLUMN, read_table
from data_loaders.regions import code_system, dotted

Progress = Callable[[str, int, int], None]
logger = logging.getLogger(__name__)
MAX_SHOWN_VALUE = 60


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


class _Collector:
    def __init__(self, validation: Validation) -> None:
        self.validation = validation
        self._first: dict[tuple, int] = {}  # (key, value) -> index of its first problem
        self._more: dict[tuple, list[int]] = {}

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
        text = None if values.is_blank(shown) else values.text(shown)[:MAX_SHOWN_VALUE]
        if self._repeat(key, text, row):
            return
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


def _without_layout_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """`frame` without column-number rows and note rows, and the file's row numbers of those left out."""
    cells = frame.drop(columns=ROW_COLUMN).map(lambda v: "" if values.is_blank(v) else values.text(v))
    filled = cells.apply(lambda row: [cell for cell in row if cell], axis=1)
    numbering = filled.map(lambda row: len(row) >= 2 and all(_COLUMN_NUMBER.match(cell) for cell in row))
    note = filled.map(lambda row: len(row) == 1 and bool(_NOTE.match(row[0])))
    layout = numbering | note
    return frame[~layout].reset_index(drop=True), [int(row) for row in frame.loc[layout, ROW_COLUMN]]


def _with_code_system(frame: pd.DataFrame, collect: _Collector) -> pd.DataFrame:
    """Bare 4-digit kab/kota codes are read in the numbering the file shows it uses (see
    `regions.code_system`); Kemendagri codes get their dot back, with one notice saying so."""
    texts = [values.text(v) for v in frame["wilayah"] if not values.is_blank(v)]
    if code_system(texts) != "kemendagri":
        return frame
    undotted = frame["wilayah"].map(lambda v: not values.is_blank(v) and bool(re.fullmatch(r"\d{4}", values.text(v))))
    frame = frame.copy()
    frame["wilayah"] = frame["wilayah"].astype(object)
    frame.loc[undotted, "wilayah"] = [dotted(values.text(v)) for v in frame.loc[undotted, "wilayah"]]
    example = next(code for code in frame.loc[undotted, "wilayah"])
    collect.add(WARNING, "imp_codes_kemendagri", example=example.replace(".", ""), dotted=example)
    return frame


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
        result.problems.append(refused.problem)
        return result
    except Exception as error:  # a file no reader expected: say so rather than show a traceback
        logger.warning("Unreadable upload %s (%s)", file, type(error).__name__)
        result.problems.append(Problem(ERROR, "imp_unreadable", file))
        return result
    result.sheet = table.sheet
    frame, skipped = _without_layout_rows(table.frame)
    if skipped:
        collect.add(WARNING, "imp_layout_rows_skipped", rows=", ".join(map(str, skipped)))
    result.rows_read = len(frame)
    if table.unknown_columns:
        collect.add(WARNING, "imp_extra_columns", row=table.header_row, columns=", ".join(table.unknown_columns))
    missing = [c.name for c in spec.columns if c.required and c.name not in frame.columns]
    for name in missing:
        collect.add(ERROR, "imp_missing_column", row=table.header_row, column=name, english=spec.column(name).english)
    if spec.one_of and not any(name in frame.columns for name in spec.one_of):
        collect.add(ERROR, "imp_missing_one_of", row=table.header_row, columns=" / ".join(spec.one_of))
    if result.errors:
        return result

    if "wilayah" in frame.columns:
        frame = _with_code_system(frame, collect)
    rows = frame[ROW_COLUMN].to_numpy()
    clean = pd.DataFrame({ROW_COLUMN: rows})
    bad = pd.Series(False, index=frame.index)
    present = [c for c in spec.columns if c.name in frame.columns]
    for done, column in enumerate(present, start=1):
        parsed, column_bad = _parse_column(
            frame[column.name], column.name, column.parse, column.required, rows, collect, nik_key
        )
        clean[column.name] = parsed
        bad |= column_bad
        progress("validate", done, len(present))
    for column in spec.columns:
        if column.name not in clean:  # optional columns the file leaves out are empty
            clean[column.name] = None
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
    result.problems.sort(key=lambda problem: problem.row or 0)
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
        for row in rows[blank.to_numpy()]:
            collect.add(ERROR, "imp_required", row=int(row), column=name)
        bad |= blank
    if name == "nik":
        parse = _nik_parser(nik_key, collect)
    elif name == "nik_hash":
        parse = nik_module.check_hash
    parsed_values: dict[object, object] = {}
    problems: dict[object, ValueProblem] = {}
    for value in pd.unique(series[~blank].to_numpy(dtype=object)):
        key = _hashable(value)
        try:
            parsed_values[key] = parse(value)
        except ValueProblem as problem:
            problems[key] = problem
    parsed = keys.map(parsed_values).where(~blank, None)
    failed = keys.isin(list(problems)) & ~blank
    for index in failed[failed].index:
        problem = problems[keys[index]]
        shown = nik_module.mask(values.text(series[index])) if name in ("nik", "nik_hash") else series[index]
        collect.add(
            ERROR,
            problem.key,
            row=int(rows[index]),
            column=name,
            shown=shown,
            translated=problem.translated,
            **problem.values,
        )
    return parsed.astype(object).where(parsed.notna(), None), bad | failed


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
        # The province and kabupaten/kota digits survive as a separate, coarse field for the checks below.
        return f"{digits[:4]}:{nik_module.pseudonymise(digits, nik_key)}"

    return parse


def _no_checks(clean, bad, collect, known_programs, partner_keys) -> None:
    """Kinds without checks across columns."""


def _present(clean: pd.DataFrame, *columns: str) -> pd.Series:
    result = pd.Series(True, index=clean.index)
    for column in columns:
        result &= clean[column].notna()
    return result


def _check_program(clean, bad, collect, known_programs, partner_keys) -> None:
    rows = clean["_row"]
    both = _present(clean, "realisasi_rp", "pagu_rp")
    for i in clean.index[both & (clean["realisasi_rp"].astype(float) > clean["pagu_rp"].astype(float))]:
        collect.add(
            WARNING, "imp_spent_over_budget", row=int(rows[i]), column="realisasi_rp", shown=clean.at[i, "realisasi_rp"]
        )
    both = _present(clean, "realisasi_penerima", "target_penerima")
    for i in clean.index[both & (clean["realisasi_penerima"].astype(float) > clean["target_penerima"].astype(float))]:
        collect.add(
            WARNING,
            "imp_reached_over_target",
            row=int(rows[i]),
            column="realisasi_penerima",
            shown=clean.at[i, "realisasi_penerima"],
        )
    both = _present(clean, "tanggal_mulai", "tanggal_selesai")
    for i in clean.index[both]:
        if clean.at[i, "tanggal_selesai"] < clean.at[i, "tanggal_mulai"]:
            collect.add(
                ERROR,
                "imp_end_before_start",
                row=int(rows[i]),
                column="tanggal_selesai",
                shown=clean.at[i, "tanggal_selesai"].isoformat(),
                start=clean.at[i, "tanggal_mulai"].isoformat(),
            )
            bad[i] = True
    # Rows of one program (same code and year) must agree on what describes the program.
    shared = [
        "nama_program",
        "penyelenggara",
        "kategori_ppks",
        "bentuk_bantuan",
        "satuan_penerima",
        "status",
        "tanggal_mulai",
        "tanggal_selesai",
    ]
    first: dict[tuple, int] = {}
    for i in clean.index[~bad]:
        key = (clean.at[i, "kode_program"], clean.at[i, "tahun"])
        if key not in first:
            first[key] = i
            continue
        j = first[key]
        for column in shared:
            if clean.at[i, column] != clean.at[j, column]:
                collect.add(
                    ERROR,
                    "imp_program_inconsistent",
                    row=int(rows[i]),
                    column=column,
                    shown=clean.at[i, column],
                    first_row=int(rows[j]),
                    other=clean.at[j, column],
                )
                bad[i] = True
    if partner_keys is not None:
        companies = clean["penyelenggara"].dropna().map(values.text)
        looks_like_company = companies.str.match(r"(?i)^(pt|cv)\b|\b(tbk|persero)\b")
        for i in companies.index[looks_like_company]:
            if values.partner_key(companies[i]) not in partner_keys:
                collect.add(
                    WARNING, "imp_unknown_partner", row=int(rows[i]), column="penyelenggara", shown=companies[i]
                )


def _check_penerima(clean, bad, collect, known_programs, partner_keys) -> None:
    rows = clean["_row"]
    out = clean["desil"].notna() & ~clean["desil"].isin(list(range(1, 11)))
    for i in clean.index[out]:
        collect.add(
            ERROR,
            "imp_bad_decile",
            row=int(rows[i]),
            column="desil",
            shown=clean.at[i, "desil"],
            value=clean.at[i, "desil"],
        )
        bad[i] = True
    # NIK digits: province (2) and kabupaten/kota (2) compared with the row's region, then dropped.
    prefixed = clean["nik_hash"].notna() & clean["nik_hash"].astype(str).str.contains(":", regex=False)
    if prefixed.any():
        parts = clean.loc[prefixed, "nik_hash"].astype(str).str.split(":", n=1, expand=True)
        prefix = parts[0].reindex(clean.index)
        clean.loc[prefixed, "nik_hash"] = parts[1]
        outside = prefixed & (prefix.str[:2] != nik_module.KALTIM_PROVINCE_CODE)
        for i in outside[outside].index:
            collect.add(WARNING, "imp_nik_outside", row=int(rows[i]), column="nik", province=prefix[i][:2])
        regions = clean["wilayah"]
        kab_digits = {
            region: region.kabkota_code.replace(".", "")
            for region in pd.unique(regions.dropna())
            if region.kabkota_code
        }
        mismatch = prefixed & ~outside & ~bad & regions.map(kab_digits).notna()
        mismatch &= regions.map(kab_digits) != prefix
        for i in mismatch[mismatch].index:
            collect.add(WARNING, "imp_nik_region_mismatch", row=int(rows[i]), column="wilayah", shown=regions[i].name)
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


def _check_ppks(clean, bad, collect, known_programs, partner_keys) -> None:
    """A row whose region contains other rows' regions (same year, category and unit) is their total,
    as BPS and kabupaten tables print it: warned, and stored as it is — the read layer takes need
    at one level per area, so a total is never added to its own parts."""
    rows = clean["_row"]
    usable = clean[~bad & clean["wilayah"].notna()]
    for _, group in usable.groupby(
        [usable["tahun"], usable["kategori_ppks"], usable["satuan"].fillna("jiwa")], sort=False
    ):
        codes = {i: region.code for i, region in group["wilayah"].items()}
        for i, code in codes.items():
            parts = [j for j, other in codes.items() if j != i and _is_inside(other, code)]
            if not parts:
                continue
            collect.add(
                WARNING,
                "imp_total_row",
                row=int(rows[i]),
                column="wilayah",
                shown=clean.at[i, "wilayah"].name,
                value=clean.at[i, "wilayah"].name,
                total=int(clean.at[i, "jumlah"]),
                parts=len(parts),
                parts_sum=int(sum(clean.at[j, "jumlah"] for j in parts)),
            )


def _is_inside(code: str, region: str) -> bool:
    """True when Kemendagri `code` lies inside `region` ('64' holds every kab/kota)."""
    return code.startswith(region + ".") or (region == "64" and code != "64")


_CHECKS = {"program": _check_program, "penerima": _check_penerima, "ppks": _check_ppks}


def _duplicates(clean: pd.DataFrame, bad: pd.Series, spec: Kind, collect: _Collector) -> None:
    columns = [c for c in spec.key if c in clean]
    if spec.name == "mitra":
        keys = clean["nama"].map(lambda v: values.partner_key(v) if v is not None else None).to_frame()
    else:
        keys = pd.DataFrame({c: clean[c].map(lambda v: getattr(v, "code", v)) for c in columns})
    usable = ~bad & keys.notna().all(axis=1)
    keyed = keys[usable]
    repeated = keyed.duplicated(keep="first")
    if not repeated.any():
        return
    first_rows = clean.loc[keyed.index, "_row"].groupby([keyed[c] for c in keyed.columns]).transform("first")
    shown_columns = columns or ["nama"]
    for i in repeated[repeated].index:
        shown = ", ".join(_shown(clean.at[i, c]) if c != "nik_hash" else "…" for c in shown_columns)
        collect.add(
            ERROR,
            "imp_duplicate_key",
            row=int(clean.at[i, "_row"]),
            column=", ".join("nik" if c == "nik_hash" else c for c in shown_columns),
            shown=shown,
            first_row=int(first_rows[i]),
        )
        bad[i] = True


def _shown(value: object) -> str:
    return value.name if hasattr(value, "level") else values.text(value)

"""The Excel workbook of the current view (issue 14, "Bahan Rapat"), and the stamp every download carries.

One number, one computation: every sheet renders a view function of the pages —
the first sheet the `summary` command's record (`domain.overview.figures` and `data_status`), then
funding by source and by kabupaten/kota (`domain.funding`), the programs (`funding.program_table`),
gaps and overlaps (`gaps.area_categories`), indicators (`evaluation.indicators`, of the kab/kota
filter, else the province) and partners (`partners.registry`). Numbers are stored as numbers with
Indonesian display formats and text is neutralised (`common.exports`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from common import exports, formatting
from common.exports import NUMBER_FORMATS, Stamp
from common.i18n import STRINGS, t, value
from data_loaders.regions import region_by_code
from domain import evaluation, funding, gaps, meeting, partners
from domain.filters import LINTAS_PPKS, Filters
from domain.overview import DataStatus, SourceFunding, data_status, figures, funding_by_source
from domain.reader import Reader

Spec = Mapping[str, tuple[str, str]]  # column -> (header key, kind), as ui.tables.show_columns reads it
FIGURES_HEADER_ROW = 7  # the first sheet: the stamp in rows 1–5, the figures' header in row 7
# The number format of each figure of the summary record (the others are text, a year or a yes/no).
FIGURE_KINDS = {"budget_idr": "money", "committed_idr": "money", "spent_idr": "money"}
FIGURE_KINDS |= dict.fromkeys(["realisation", "reach_jiwa", "reach_kk", "coverage", "coverage_kk"], "percent")
FIGURE_KINDS |= dict.fromkeys(
    [
        "programs",
        "target_jiwa",
        "target_kk",
        "reached_jiwa",
        "reached_kk",
        "reached_in_need_jiwa",
        "reached_in_need_kk",
        "ppks_jiwa",
        "ppks_kk",
        "need_set_aside_jiwa",
        "need_set_aside_kk",
    ],
    "number",
)
AREAS: Spec = {
    "region_name": ("col_place", "text"),
    "region_level": ("col_place_level", "level"),
    "budget": ("col_budget", "money"),
    "spent": ("col_spent", "money"),
    "population": ("wb_col_population", "number"),
    "ppks_jiwa": ("col_need_jiwa", "number"),
    "per_resident": ("wb_col_per_resident", "money"),
    "per_ppks": ("wb_col_per_ppks", "money"),
}
PROGRAMS: Spec = {
    "program_code": ("col_program_code", "text"),
    "program_name": ("col_program", "text"),
    "implementer": ("col_implementer", "text"),
    "ppks_category_id": ("filter_ppks", "ppks"),
    "sources": ("col_sources", "sources"),
    "status": ("col_status", "status"),
    "places": ("col_places", "number"),
    "budget": ("col_budget", "money"),
    "committed": ("col_committed", "money"),
    "spent": ("col_spent", "money"),
    "target": ("col_target", "number"),
    "reached": ("col_reached", "number"),
    "beneficiary_unit": ("col_unit", "unit"),
}
# The Evaluasi page's indicator columns (domain.evaluation.COLUMNS["spm"]), with the code and place.
_SPM = evaluation.COLUMNS["spm"]
INDICATORS: Spec = {
    "code": ("col_program_code", "text"),
    "name": _SPM["name"],
    "region_name": ("col_place", "text"),
    **_SPM,
}
PARTNERS: Spec = {
    "name": ("partners_col_name", "text"),
    "sector": ("partners_col_sector", "text"),
    "kind": ("partners_col_kind", "kind"),
    "region_names": ("partners_col_regions", "text"),
    "forum_member": ("partners_col_forum", "yesno"),
    "programs": ("col_programs", "number"),
    "budget": ("col_budget", "money"),
    "committed": ("col_committed", "money"),
    "spent": ("col_spent", "money"),
    "realisation": ("col_realisation", "percent"),
}
_VOCABULARIES = ("unit", "source", "status", "period", "level", "kind", "assistance")


def source_text(status: DataStatus, lang: str) -> str:
    """Where the figures come from, as the pages' source line names it: 'data contoh (sintetis)', or
    'impor a.xlsx, b.csv' (the latest three files); a dash without imports."""
    if status.is_sample:
        return t("source_sample", lang)
    if not status.has_imports:
        return formatting.MISSING
    return t("source_imports", lang, files=", ".join(status.files[-3:]))


def stamp(title: str, filters_text: str, status: DataStatus, lang: str, now: dt.datetime | None = None) -> Stamp:
    """The stamp of a file of the view (`common.exports.Stamp`): `filters_text`
    (`domain.meeting.filters_text`: 'Tahun 2025 · Kutai Timur · APBN · Semua kategori'), the data's
    date (the latest import, `status.as_of`), its source (`source_text`) and when the file was made
    (`now`, default the clock, local time)."""
    return Stamp(
        title=title,
        lines=(
            (t("stamp_filters", lang), filters_text),
            (t("stamp_as_of", lang), formatting.date(status.as_of, lang)),
            (t("stamp_source", lang), source_text(status, lang)),
            (t("stamp_made", lang), exports.made_at(now)),
        ),
        sheet=t("stamp_sheet", lang),
    )


def summary_record(reader: Reader, filters: Filters) -> dict[str, object]:
    """The record of `python -m data_loaders summary --format json` for `filters`: region_code,
    region_name, sources, the raw figures of `domain.overview.figures` (`Figures.as_record`:
    Rupiah, jiwa, KK, ratios 0–1 or None), data_as_of (ISO time of the latest import or None) and
    is_sample."""
    status = data_status(reader)
    region = filters.kabkota or evaluation.PROVINCE
    return {
        "region_code": region,
        "region_name": region_by_code(region).name,
        "sources": list(filters.sources),
        **figures(reader, filters).as_record(),
        "data_as_of": status.as_of.isoformat() if status.as_of else None,
        "is_sample": status.is_sample,
    }


def _text(kind: str, lang: str) -> Callable[[object], str] | None:
    """How cells of a kind that is not a number become words, or None for text kept as it is."""
    if kind == "ppks":
        return lambda code: t("lintas_ppks", lang) if code in (None, LINTAS_PPKS) else value("ppks", int(code), lang)
    if kind == "sources":
        return lambda codes: ", ".join(value("source", code, lang) for code in codes or ())
    if kind == "light":
        return lambda code: t(f"light_{code}", lang)
    if kind == "flag":
        return lambda code: t(f"flag_{code}", lang)
    if kind == "yesno":
        return lambda flag: formatting.MISSING if flag is None else t("yes" if flag else "no", lang)
    if kind in _VOCABULARIES:
        return lambda code: value(kind, code, lang)
    return None


def displayed(frame: pd.DataFrame, spec: Spec, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """`frame`'s columns of `spec` under their headers in `lang`, codes turned into words, numbers
    kept as numbers; and the number kind ('money', 'number', 'decimal', 'percent') per header. The
    'place' kind marks the rows of money or need of a region as a whole (`whole_region`)."""
    out: dict[str, list[object]] = {}
    kinds: dict[str, str] = {}
    for column, (key, kind) in spec.items():
        header = t(key, lang) if key in STRINGS else key
        cells = list(frame[column])
        if kind == "place":
            whole = t("whole_region", lang)
            cells = [f"{n} {whole}" if w else n for n, w in zip(cells, frame["whole_region"], strict=True)]
        elif (words := _text(kind, lang)) is not None:
            cells = [words(cell) for cell in cells]
        if kind in NUMBER_FORMATS:
            kinds[header] = kind
        out[header] = cells
    return pd.DataFrame(out, columns=list(out)), kinds


def _indicators(reader: Reader, filters: Filters, lang: str) -> pd.DataFrame:
    """The indicators of the kab/kota filter, else the province, with a shipped definition's name in `lang`."""
    table = evaluation.indicators(reader, filters, filters.kabkota or evaluation.PROVINCE).table
    names = [
        value("indicator", c, lang) if value("indicator", c, lang) != c else n
        for c, n in zip(table["code"], table["name"], strict=True)
    ]
    return table.assign(name=names)


def tables(reader: Reader, filters: Filters, lang: str) -> list[tuple[str, pd.DataFrame, dict[str, str]]]:
    """The workbook's table sheets: (sheet name, display frame, number kinds per header), in order —
    funding by source, funding by kabupaten/kota, programs, gaps and overlaps, indicators, partners."""
    sheets = [
        ("wb_sheet_sources", funding_by_source(reader, filters).table, SourceFunding.columns),
        ("wb_sheet_areas", funding.by_region(reader, filters).areas, AREAS),
        ("wb_sheet_programs", funding.program_table(reader, filters).table, PROGRAMS),
        ("wb_sheet_gaps", gaps.area_categories(reader, filters).table, _gaps_spec()),
        ("wb_sheet_indicators", _indicators(reader, filters, lang), INDICATORS),
        ("wb_sheet_partners", partners.registry(reader, filters).table, PARTNERS),
    ]
    return [(t(key, lang), *displayed(frame, spec, lang)) for key, frame, spec in sheets]


def _gaps_spec() -> Spec:
    """The columns of the gaps sheet: those of the Celah page (`AreaCategories.columns`) with the need's unit."""
    return {**gaps.AreaCategories.columns, "unit": ("col_unit", "unit")}


def _figures_sheet(sheet: object, record: Mapping[str, object], heading: Stamp, lang: str) -> None:
    """The first sheet: the stamp, then one row per figure of `record`: key (as the `summary` command
    names it), label in `lang`, value (a number with its number format; lists as text)."""
    exports.write_stamp(sheet, heading)
    headers = (t("wb_col_key", lang), t("wb_col_figure", lang), t("wb_col_value", lang))
    for column, header in enumerate(headers, start=1):
        sheet.cell(FIGURES_HEADER_ROW, column, header).font = Font(bold=True)
    for row, (key, raw) in enumerate(record.items(), start=FIGURES_HEADER_ROW + 1):
        sheet.cell(row, 1, key)
        sheet.cell(row, 2, t(f"wb_fig_{key}", lang))
        if isinstance(raw, list):
            raw = ", ".join(map(str, raw))
        elif key == "data_as_of" and raw is not None:
            raw = dt.datetime.fromisoformat(str(raw))
        cell = sheet.cell(row, 3, exports.neutralise(raw))
        if key in FIGURE_KINDS and raw is not None:
            cell.number_format = NUMBER_FORMATS[FIGURE_KINDS[key]]
        elif key == "data_as_of" and raw is not None:
            cell.number_format = "yyyy-mm-dd hh:mm"
    sheet.column_dimensions["A"].width = max(sheet.column_dimensions["A"].width, 24)
    sheet.column_dimensions["B"].width = max(sheet.column_dimensions["B"].width, 44)
    sheet.column_dimensions["C"].width = 24
    sheet.freeze_panes = f"A{FIGURES_HEADER_ROW + 1}"


def workbook(reader: Reader, filters: Filters, lang: str, now: dt.datetime | None = None) -> bytes:
    """The XLSX of the view `filters` in `lang`: a first sheet with the stamp (filters, the data's
    date and source, when it was made) and the `summary` command's figures (`summary_record`), then
    one sheet per table of `tables`, each with a frozen, filterable header row and readable widths."""
    book = Workbook()
    first = book.active
    first.title = exports.sheet_name(t("wb_sheet_summary", lang))
    heading = stamp(t("wb_title", lang), meeting.filters_text(reader, filters, lang), data_status(reader), lang, now)
    _figures_sheet(first, summary_record(reader, filters), heading, lang)
    for name, frame, kinds in tables(reader, filters, lang):
        sheet = book.create_sheet(exports.sheet_name(name))
        exports.write_table(sheet, frame, kinds)
        sheet.freeze_panes = "A2"
        if len(frame.columns):
            sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

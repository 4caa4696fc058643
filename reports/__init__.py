"""Bahan Rapat (meeting packs, issue 14): the PowerPoint (`reports.pptx.write_pptx`) and PDF
(`reports.pdf.write_pdf`) renderings of one `domain.meeting.Deck`. Both writers draw the same
16:9 page from the same boxes (`layout`), the same footer (`footer`) and the same table cells
(`table_cells`), so the two packs show the same slides. Charts are PNG images rendered locally
(`reports.images`). Texts of the data are written as text: nothing is read as Markdown or HTML."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from common import formatting
from common.colors import LIGHT_MARKS
from common.i18n import t
from domain.meeting import Deck, Slide, Table

PAGE_WIDTH, PAGE_HEIGHT = 13.333, 7.5  # inches: a 16:9 slide (PowerPoint's widescreen size)
MARGIN = 0.5
TITLE_TOP, TITLE_HEIGHT = 0.3, 0.9
BODY_TOP = 1.35
FOOTER_TOP, FOOTER_HEIGHT = 6.95, 0.4
GAP = 0.25

# Type sizes in points. At 1920 px across 13.333 in, 1 pt = 2 px: body ≥ 24 px and headline figures
# ≥ 64 px (docs/design.md, meeting mode) need ≥ 12 pt and ≥ 32 pt.
TITLE_PT, HEADLINE_PT, LABEL_PT, NOTE_PT, BODY_PT, FOOTER_PT = 30, 40, 16, 13, 18, 12
TABLE_PT, TABLE_MIN_PT = 14, 12

TEXT = "#1F2933"
MUTED = "#52606D"
RULE = "#E4E7EB"
LIGHTS = LIGHT_MARKS  # the symbol (white) on its colour: common/colors.py

# The kinds of `Table.formats`, formatted as `ui.tables` shows them on the pages.
FORMATS: dict[str, Callable[[float, str], str]] = {
    "money": formatting.money_exact,
    "number": formatting.number,
    "percent": formatting.percent,
    "decimal": lambda value, lang: formatting.number(value, lang, 1),
}


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in inches from the top left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Layout:
    """Where each part of a slide goes: `qr` is the QR code (title slide); `table_rows` how many of
    the table's rows fit in `table`."""

    title: Box
    headlines: tuple[Box, ...]
    lights: tuple[Box, ...]
    lines: Box | None
    figures: tuple[Box, ...]
    table: Box | None
    table_rows: int
    qr: Box | None


@dataclass(frozen=True)
class Cells:
    """A table as text: headers, the rows that fit, which columns are numbers (right-aligned), each
    column's width share (sums to 1) and how many rows were left out."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    shares: tuple[float, ...]
    hidden: int


def row_height(points: float) -> float:
    """The height in inches of one table row set in `points`."""
    return points * 1.75 / 72


def line_height(points: float) -> float:
    """The height in inches of one line of text set in `points`."""
    return points * 1.35 / 72


def wrapped_lines(text: str, width: float, points: float) -> int:
    """About how many lines `text` takes in a box `width` inches wide at `points` (an average glyph
    of DejaVu Sans is about 0.55 em wide)."""
    per_line = max(1, int(width * 72 / (points * 0.55)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def layout(slide: Slide) -> Layout:
    """The boxes of `slide`: stacked from the top — headline figures (up to four a row),
    lights (two columns past four), text lines — then the figures side by side, with the table at
    their right (or across the page alone); the QR code takes a column at the right."""
    width = PAGE_WIDTH - 2 * MARGIN
    qr = None
    if slide.qr_url:
        size = 3.3
        qr = Box(PAGE_WIDTH - MARGIN - size, BODY_TOP + 0.2, size, size)
        width -= size + GAP
    top = BODY_TOP
    headlines: list[Box] = []
    for start in range(0, len(slide.headlines), 4):
        row = slide.headlines[start : start + 4]
        cell = (width - GAP * (len(row) - 1)) / len(row)
        height = 1.45 if any(h.note for h in row) else 1.2
        headlines += [Box(MARGIN + i * (cell + GAP), top, cell, height) for i in range(len(row))]
        top += height + GAP
    lights: list[Box] = []
    if slide.lights:
        columns = 1 if len(slide.lights) <= 4 else 2
        cell = (width - GAP * (columns - 1)) / columns
        rows = math.ceil(len(slide.lights) / columns)
        lights = [
            Box(MARGIN + (i // rows) * (cell + GAP), top + (i % rows) * 0.5, cell, 0.45)
            for i in range(len(slide.lights))
        ]
        top += rows * 0.5 + GAP
    text = None
    if slide.lines:
        count = sum(wrapped_lines(line, width, BODY_PT) for line in slide.lines)
        height = min(count * line_height(BODY_PT) + 0.1, FOOTER_TOP - GAP - top)
        text = Box(MARGIN, top, width, height)
        top += height + GAP
    bottom = FOOTER_TOP - GAP
    space = max(bottom - top, 1.0)
    figures: tuple[Box, ...] = ()
    table = None
    table_width = width
    if slide.figures:
        share = 0.58 if slide.table is not None else 1.0
        area = width * share - (GAP if slide.table is not None else 0)
        cell = (area - GAP * (len(slide.figures) - 1)) / len(slide.figures)
        figures = tuple(Box(MARGIN + i * (cell + GAP), top, cell, space) for i in range(len(slide.figures)))
        table_width = width - area - GAP
    rows = 0
    if slide.table is not None:
        table = Box(MARGIN + width - table_width, top, table_width, space)
        rows = max(1, int(space / row_height(TABLE_MIN_PT)) - 2)  # the header and a "more rows" note
    return Layout(
        title=Box(MARGIN, TITLE_TOP, PAGE_WIDTH - 2 * MARGIN, TITLE_HEIGHT),
        headlines=tuple(headlines),
        lights=tuple(lights),
        lines=text,
        figures=figures,
        table=table,
        table_rows=rows,
        qr=qr,
    )


def table_points(cells: Cells, box: Box) -> float:
    """The table's type size: `TABLE_PT`, smaller (down to `TABLE_MIN_PT`) when the rows need it."""
    fits = box.h / ((len(cells.rows) + 2) * 1.75 / 72)
    return max(TABLE_MIN_PT, min(TABLE_PT, math.floor(fits)))


def table_cells(table: Table, lang: str, rows: int, width: float) -> Cells:
    """`table` as text: numbers in their column's format (`FORMATS`, as on the pages), missing values
    as a dash, text as it is; the first `rows` rows; columns sized by their longest text (between 6
    and 40 characters), and a text longer than its column at the smallest table size cut with '…'
    (the workbook holds every value in full)."""
    frame = table.frame
    headers = tuple(str(column) for column in frame.columns)
    shown = frame.head(rows)
    columns = []
    numeric = []
    for column in frame.columns:
        kind = table.formats.get(column)
        format_cell = FORMATS.get(kind) if kind else None
        values = []
        for cell in shown[column]:
            missing = cell is None or (isinstance(cell, float) and math.isnan(cell))
            values.append(formatting.MISSING if missing else format_cell(cell, lang) if format_cell else str(cell))
        columns.append(values)
        numeric.append(format_cell is not None)
    lengths = [
        min(40, max(6, len(header), *(len(v) for v in values))) + 2
        for header, values in zip(headers, columns, strict=True)
    ]
    shares = tuple(length / sum(lengths) for length in lengths)
    fitted = []
    for share, values in zip(shares, columns, strict=True):
        limit = max(4, int(share * width * 72 / (TABLE_MIN_PT * 0.55)) - 1)
        fitted.append([value if len(value) <= limit else value[: limit - 1] + "…" for value in values])
    body = tuple(zip(*fitted, strict=True)) if fitted else ()
    return Cells(headers, tuple(tuple(row) for row in body), tuple(numeric), shares, max(0, len(frame) - rows))


def footer(deck: Deck, page: int) -> tuple[str, str]:
    """The footer of page `page` (1-based): the filters and the data's date, and the page number."""
    stamp = " · ".join(part for part in (deck.meeting, deck.filters_text, deck.as_of_text) if part)
    return stamp, t("pack_page", deck.lang, n=page, total=len(deck.slides))


def more_rows(count: int, lang: str) -> str:
    """The note under a table cut to fit its slide."""
    return t("pack_more_rows", lang, count=formatting.number(count, lang))

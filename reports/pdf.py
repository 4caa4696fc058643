"""The PDF meeting pack: the same 16:9 pages as the PowerPoint pack (`reports.layout`), with real,
selectable text set in the embedded DejaVu Sans (assets/fonts, so the PDF looks the same on every
machine), charts as images, and the footer with the filters, the data's date and the page number.
Texts of the data are written as plain text (fpdf2's Markdown mode stays off)."""

from __future__ import annotations

import io
from pathlib import Path

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from domain.meeting import Deck, Headline, Light, Slide
from reports import (
    BODY_PT,
    FOOTER_HEIGHT,
    FOOTER_PT,
    FOOTER_TOP,
    HEADLINE_PT,
    LABEL_PT,
    LIGHTS,
    MARGIN,
    MUTED,
    NOTE_PT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TEXT,
    TITLE_PT,
    Box,
    Cells,
    footer,
    layout,
    line_height,
    more_rows,
    row_height,
    table_cells,
    table_points,
)
from reports.images import render

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FAMILY = "DejaVuSans"


def _colour(pdf: FPDF, colour: str, fill: bool = False) -> None:
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    (pdf.set_fill_color if fill else pdf.set_text_color)(*rgb)


MIN_SCALE = 0.4  # text is shrunk to fit its box down to this share of its size, never cut


def _lines(pdf: FPDF, box: Box, paragraphs: list[tuple[str, float, bool, str]], scale: float, align: str) -> list:
    """(lines, points, bold, colour) of each paragraph at `scale` of its size, wrapped to the box."""
    wrapped = []
    for text, points, bold, colour in paragraphs:
        pdf.set_font(FAMILY, "B" if bold else "", points * scale)
        lines = pdf.multi_cell(box.w, line_height(points * scale), text, align=align, dry_run=True, output="LINES")
        wrapped.append((lines, points * scale, bold, colour))
    return wrapped


def _write(pdf: FPDF, box: Box, paragraphs: list[tuple[str, float, bool, str]], align: str = "L") -> None:
    """`paragraphs` (text, points, bold, colour) from the top of `box`, wrapped to its width. Text that
    would not fit is made smaller (to `MIN_SCALE` of its size at the least) rather than left out: a
    figure without its unit ("Rp228,5" for "Rp228,5 M") would be a wrong figure."""
    scale = 1.0
    wrapped = _lines(pdf, box, paragraphs, scale, align)
    while scale > MIN_SCALE and sum(len(lines) * line_height(points) for lines, points, _, _ in wrapped) > box.h:
        scale *= 0.9
        wrapped = _lines(pdf, box, paragraphs, scale, align)
    pdf.set_xy(box.x, box.y)
    for lines, points, bold, colour in wrapped:
        pdf.set_font(FAMILY, "B" if bold else "", points)
        _colour(pdf, colour)
        for line in lines:
            pdf.set_x(box.x)
            pdf.cell(box.w, line_height(points), line, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT)


def _fitting(pdf: FPDF, text: str, points: float, width: float, bold: bool = True) -> float:
    """The largest size up to `points` at which `text` fits `width` on one line (a figure never wraps)."""
    pdf.set_font(FAMILY, "B" if bold else "", points)
    while points > 8 and pdf.get_string_width(text) > width - 2 * pdf.c_margin:  # a cell keeps its padding
        points *= 0.95
        pdf.set_font(FAMILY, "B" if bold else "", points)
    return points


def _headline(pdf: FPDF, box: Box, headline: Headline) -> None:
    value_points = _fitting(pdf, headline.value, HEADLINE_PT, box.w)
    paragraphs = [(headline.value, value_points, True, TEXT), (headline.label, LABEL_PT, False, TEXT)]
    if headline.note:
        paragraphs.append((headline.note, NOTE_PT, False, MUTED))
    _write(pdf, box, paragraphs)


def _light(pdf: FPDF, box: Box, light: Light) -> None:
    symbol, colour = LIGHTS.get(light.light, LIGHTS["none"])
    _colour(pdf, colour, fill=True)
    pdf.circle(box.x + box.h / 2, box.y + box.h / 2, box.h / 2, style="F")
    pdf.set_font(FAMILY, "B", LABEL_PT)
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(box.x, box.y)
    pdf.cell(box.h, box.h, symbol, align="C")
    pdf.set_font(FAMILY, "", BODY_PT)
    _colour(pdf, TEXT)
    pdf.set_xy(box.x + box.h + 0.15, box.y)
    pdf.cell(box.w - box.h - 0.15, box.h, f"{light.label}: {light.value}")


def _table(pdf: FPDF, box: Box, cells: Cells, points: float, note: str | None) -> None:
    height = row_height(points)
    widths = [box.w * share for share in cells.shares]
    _colour(pdf, RULE, fill=True)
    pdf.set_draw_color(203, 210, 217)
    pdf.set_line_width(0.01)
    for index, row in enumerate((cells.headers, *cells.rows)):
        pdf.set_font(FAMILY, "B" if index == 0 else "", points)
        _colour(pdf, TEXT)
        pdf.set_xy(box.x, box.y + index * height)
        for text, width, numeric in zip(row, widths, cells.numeric, strict=True):
            pdf.cell(width, height, text, border=1, align="R" if numeric else "L", fill=index == 0)
    if note:
        bottom = box.y + (len(cells.rows) + 1) * height
        _write(pdf, Box(box.x, bottom + 0.05, box.w, 0.35), [(note, NOTE_PT, False, MUTED)])


def _qr(pdf: FPDF, box: Box, url: str) -> None:
    image = io.BytesIO()
    segno.make(url, error="m").save(image, kind="png", scale=12, border=2)
    image.seek(0)
    pdf.image(image, box.x, box.y, box.w, box.h, alt_text=url)
    caption = Box(box.x, box.y + box.h + 0.05, box.w, 1.0)
    _write(pdf, caption, [(url, 10, False, MUTED)], align="C")


def _page(pdf: FPDF, deck: Deck, slide: Slide, page: int, images: list[bytes]) -> None:
    boxes = layout(slide)
    pdf.add_page()
    pdf.start_section(slide.title)
    _write(pdf, boxes.title, [(slide.title, TITLE_PT, True, TEXT)])
    for box, headline in zip(boxes.headlines, slide.headlines, strict=True):
        _headline(pdf, box, headline)
    for box, light in zip(boxes.lights, slide.lights, strict=True):
        _light(pdf, box, light)
    if boxes.lines:
        _write(pdf, boxes.lines, [(line, BODY_PT, False, TEXT) for line in slide.lines])
    for box, image in zip(boxes.figures, images, strict=True):
        pdf.image(io.BytesIO(image), box.x, box.y, box.w, box.h)
    if slide.table is not None and boxes.table:
        cells = table_cells(slide.table, deck.lang, boxes.table_rows, boxes.table.w)
        note = more_rows(cells.hidden, deck.lang) if cells.hidden else None
        _table(pdf, boxes.table, cells, table_points(cells, boxes.table), note)
    if slide.qr_url and boxes.qr:
        _qr(pdf, boxes.qr, slide.qr_url)
    pdf.set_draw_color(228, 231, 235)
    pdf.set_line_width(0.015)
    pdf.line(MARGIN, FOOTER_TOP, PAGE_WIDTH - MARGIN, FOOTER_TOP)
    stamp, number = footer(deck, page)
    width = PAGE_WIDTH - 2 * MARGIN
    top = FOOTER_TOP + 0.08
    _write(pdf, Box(MARGIN, top, width * 0.78, FOOTER_HEIGHT), [(stamp, FOOTER_PT, False, MUTED)])
    _write(pdf, Box(MARGIN + width * 0.78, top, width * 0.22, FOOTER_HEIGHT), [(number, FOOTER_PT, False, MUTED)], "R")


def write_pdf(deck: Deck) -> bytes:
    """The deck as a PDF (bytes): one 16:9 page (13.333 × 7.5 in) per `deck.slides`, in `deck.lang`,
    with an outline entry per slide. Charts are rendered once for the pack (`reports.images.render`,
    which raises ImageError without a browser)."""
    plans = [layout(slide) for slide in deck.slides]
    requests = [
        (figure, box.w, box.h)
        for slide, plan in zip(deck.slides, plans, strict=True)
        for figure, box in zip(slide.figures, plan.figures, strict=True)
    ]
    images = iter(render(requests))
    pdf = FPDF(orientation="L", unit="in", format=(PAGE_HEIGHT, PAGE_WIDTH))
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.c_margin = 0.05
    pdf.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_title(deck.meeting)
    pdf.set_lang(deck.lang)
    pdf.set_creator("Sinergi Kesos Kaltim")
    for page, slide in enumerate(deck.slides, start=1):
        _page(pdf, deck, slide, page, [next(images) for _ in slide.figures])
    return bytes(pdf.output())

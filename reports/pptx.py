"""The PowerPoint meeting pack: one 16:9 slide per deck slide, laid out by `reports.layout` — a real
title (the slide's title placeholder), headline figures in large type, lights as coloured marks with
their symbol, tables as PowerPoint tables, charts as pictures, and a footer with the filters, the
data's date and the page number. Every text of the data goes in as plain text runs."""

from __future__ import annotations

import io

import segno
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

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
    footer,
    layout,
    more_rows,
    row_height,
    table_cells,
    table_points,
)
from reports.images import render

TITLE_ONLY = 5  # the default template's "Title Only" layout


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def _text(slide, box: Box, paragraphs: list[tuple[str, float, bool, str]], align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP):
    """A text box of `paragraphs` (text, points, bold, colour); each text goes in as one plain run."""
    shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    for index, (text, points, bold, colour) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(points)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)
    return shape


def _headline(slide, box: Box, headline: Headline) -> None:
    paragraphs = [(headline.value, HEADLINE_PT, True, TEXT), (headline.label, LABEL_PT, False, TEXT)]
    if headline.note:
        paragraphs.append((headline.note, NOTE_PT, False, MUTED))
    _text(slide, box, paragraphs)


def _light(slide, box: Box, light: Light) -> None:
    symbol, colour = LIGHTS.get(light.light, LIGHTS["none"])
    size = box.h
    mark = slide.shapes.add_shape(MSO_SHAPE.OVAL, Inches(box.x), Inches(box.y), Inches(size), Inches(size))
    mark.fill.solid()
    mark.fill.fore_color.rgb = _rgb(colour)
    mark.line.fill.background()
    mark.text_frame.margin_left = mark.text_frame.margin_right = 0
    mark.text_frame.margin_top = mark.text_frame.margin_bottom = 0
    paragraph = mark.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    run = paragraph.add_run()
    run.text = symbol
    run.font.size = Pt(LABEL_PT)
    run.font.bold = True
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    label = Box(box.x + size + 0.15, box.y - 0.03, box.w - size - 0.15, box.h + 0.06)
    _text(slide, label, [(f"{light.label}: {light.value}", BODY_PT, False, TEXT)], anchor=MSO_ANCHOR.MIDDLE)


def _table(slide, box: Box, cells, points: float, note: str | None) -> None:
    height = box.h - (0.35 if note else 0)
    rows = len(cells.rows) + 1
    size = Inches(box.x), Inches(box.y), Inches(box.w), Inches(min(height, rows * row_height(points)))
    frame = slide.shapes.add_table(rows, len(cells.headers), *size)
    table = frame.table
    for index, share in enumerate(cells.shares):
        table.columns[index].width = Inches(box.w * share)
    for row_index, row in enumerate((cells.headers, *cells.rows)):
        for column, text in enumerate(row):
            cell = table.cell(row_index, column)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT if cells.numeric[column] else PP_ALIGN.LEFT
            run = paragraph.add_run()
            run.text = text
            run.font.size = Pt(points)
            run.font.bold = row_index == 0
    if note:
        _text(slide, Box(box.x, box.y + box.h - 0.35, box.w, 0.35), [(note, NOTE_PT, False, MUTED)])


def _qr(slide, box: Box, url: str) -> None:
    image = io.BytesIO()
    segno.make(url, error="m").save(image, kind="png", scale=12, border=2)
    image.seek(0)
    slide.shapes.add_picture(image, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    caption = Box(box.x, box.y + box.h + 0.05, box.w, 1.0)
    _text(slide, caption, [(url, 10, False, MUTED)], align=PP_ALIGN.CENTER)


def _slide(presentation, deck: Deck, slide: Slide, page: int, images: list[bytes]) -> None:
    boxes = layout(slide)
    out = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
    title = out.shapes.title
    title.left, title.top = Inches(boxes.title.x), Inches(boxes.title.y)
    title.width, title.height = Inches(boxes.title.w), Inches(boxes.title.h)
    title.text_frame.word_wrap = True
    paragraph = title.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    run = paragraph.add_run()
    run.text = slide.title
    run.font.size, run.font.bold, run.font.color.rgb = Pt(TITLE_PT), True, _rgb(TEXT)
    for box, headline in zip(boxes.headlines, slide.headlines, strict=True):
        _headline(out, box, headline)
    for box, light in zip(boxes.lights, slide.lights, strict=True):
        _light(out, box, light)
    if boxes.lines:
        _text(out, boxes.lines, [(line, BODY_PT, False, TEXT) for line in slide.lines])
    for box, image in zip(boxes.figures, images, strict=True):
        out.shapes.add_picture(io.BytesIO(image), Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    if slide.table is not None and boxes.table:
        cells = table_cells(slide.table, deck.lang, boxes.table_rows, boxes.table.w)
        note = more_rows(cells.hidden, deck.lang) if cells.hidden else None
        _table(out, boxes.table, cells, table_points(cells, boxes.table), note)
    if slide.qr_url and boxes.qr:
        _qr(out, boxes.qr, slide.qr_url)
    line = Inches(MARGIN), Inches(FOOTER_TOP), Inches(PAGE_WIDTH - MARGIN), Inches(FOOTER_TOP)
    rule = out.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *line)
    rule.line.color.rgb = _rgb(RULE)
    stamp, number = footer(deck, page)
    width = PAGE_WIDTH - 2 * MARGIN
    _text(out, Box(MARGIN, FOOTER_TOP + 0.05, width * 0.78, FOOTER_HEIGHT), [(stamp, FOOTER_PT, False, MUTED)])
    _text(
        out,
        Box(MARGIN + width * 0.78, FOOTER_TOP + 0.05, width * 0.22, FOOTER_HEIGHT),
        [(number, FOOTER_PT, False, MUTED)],
        align=PP_ALIGN.RIGHT,
    )


def write_pptx(deck: Deck) -> bytes:
    """The deck as a .pptx file (bytes): one 16:9 slide per `deck.slides`, in `deck.lang`. Charts are
    rendered once for the pack (`reports.images.render`, which raises ImageError without a browser)."""
    plans = [layout(slide) for slide in deck.slides]
    requests = [
        (figure, box.w, box.h)
        for slide, plan in zip(deck.slides, plans, strict=True)
        for figure, box in zip(slide.figures, plan.figures, strict=True)
    ]
    images = iter(render(requests))
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(PAGE_WIDTH), Inches(PAGE_HEIGHT)
    presentation.core_properties.title = deck.meeting
    presentation.core_properties.language = deck.lang
    for page, slide in enumerate(deck.slides, start=1):
        _slide(presentation, deck, slide, page, [next(images) for _ in slide.figures])
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()

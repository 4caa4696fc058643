"""The meeting packs of one view, as the dashboard and the `report` command make them: the deck of
`domain.meeting.deck` written as PDF or PowerPoint, or the workbook of `reports.workbook`. Each
function has the shape of a view (`reader` first), so the dashboard caches a pack per data version
like any figure, and a second click downloads it at once."""

from __future__ import annotations

import datetime as dt

from domain.filters import Filters
from domain.meeting import PROJECTOR_LIGHT, deck
from domain.reader import Reader
from reports.pdf import write_pdf
from reports.pptx import write_pptx
from reports.workbook import workbook

MIME = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def pack(reader: Reader, kind: str, filters: Filters, lang: str, meeting: str, date: dt.date, link: str) -> bytes:
    """The pack of `kind` ('pdf', 'pptx' or 'xlsx') for `filters` in `lang`: the slides of the
    meeting `meeting` on `date` (its QR code opening `link`), or the workbook of the view. Raises
    ValueError for another kind; a PDF or PowerPoint raises what `reports.images` raises when
    Chromium cannot render the charts."""
    if kind == "xlsx":
        return workbook(reader, filters, lang)
    slides = deck(reader, filters, lang, meeting, date, link, PROJECTOR_LIGHT)
    if kind == "pdf":
        return write_pdf(slides)
    if kind == "pptx":
        return write_pptx(slides)
    raise ValueError(f"unknown pack kind {kind!r}")

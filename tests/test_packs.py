"""The meeting packs (issue 14, Bahan Rapat): the PowerPoint and the PDF of a hand-made deck are
opened again (python-pptx, pypdf) and read back — slide count, titles, headline values, the footer
stamp and page numbers on every page, charts as pictures, hostile text kept literal — and a deck
built on the fixture store carries the `summary` command's figures."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from common import formatting
from data_loaders.__main__ import main
from data_loaders.store import open_store
from domain.filters import Filters
from domain.meeting import Deck, Headline, Light, Slide, Table, deck
from domain.reader import Reader
from reports import table_cells
from reports.pdf import write_pdf
from reports.pptx import write_pptx

HOSTILE = ('=HYPERLINK("http://evil.example","klik")', "**tebal** _miring_ [tautan](http://x)", "<b>Paser</b><script>")
STAMP = "Tahun 2025 · Kutai Timur · APBN, CSR/TJSL · Fakir Miskin"
AS_OF = "data per 4 Des 2026"


def _chart(spent: float = 600_000_000) -> go.Figure:
    figure = go.Figure(go.Bar(x=["APBN", "CSR/TJSL"], y=[1_000_000_000, spent]))
    figure.update_layout(height=480)
    return figure


def _deck(lang: str = "id") -> Deck:
    table = Table(
        pd.DataFrame(
            {
                "Wilayah": ["Paser", HOSTILE[0], HOSTILE[2]],
                "Pagu": [1_234_567.0, None, 5_000_000_000.0],
                "Realisasi": [0.5, 0.125, None],
            }
        ),
        {"Pagu": "money", "Realisasi": "percent"},
    )
    slides = (
        Slide(
            "title", "Rapat Koordinasi Kesos", lines=("Kamis, 4 Des 2026",), qr_url="http://localhost:8501/rapat?t=2025"
        ),
        Slide(
            "headline",
            "Angka utama 2025",
            headlines=(
                Headline("Pagu", "Rp2,6 M"),
                Headline("Realisasi", "87,5 %"),
                Headline("PPKS", "6.200", "800 KK"),
            ),
        ),
        Slide("funding", "Pendanaan per sumber", figures=(_chart(),)),
        Slide("agenda-1", "Agenda 1: celah", table=table),
        Slide("map", "Peta", figures=(_chart(), _chart(500_000_000))),
        Slide(
            "evaluation",
            "Evaluasi",
            lights=(
                Light("Realisasi", "green", "87,5 %"),
                Light("Penerima", "amber", "70,0 %"),
                Light("Lapor", "red", "2"),
            ),
            lines=HOSTILE[1:],
        ),
    )
    return Deck("Rapat Koordinasi Kesos", dt.date(2026, 12, 4), STAMP, AS_OF, lang, slides)


@pytest.fixture(scope="module")
def packs() -> tuple[Deck, Presentation, PdfReader]:
    made = _deck()
    return made, Presentation(io.BytesIO(write_pptx(made))), PdfReader(io.BytesIO(write_pdf(made)))


def _texts(slide) -> list[str]:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts += [paragraph.text for paragraph in shape.text_frame.paragraphs]
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def test_pptx_has_one_slide_per_deck_slide_with_titles_and_footer(packs):
    made, presentation, _ = packs
    assert len(presentation.slides) == 6
    assert presentation.slide_width / presentation.slide_height == pytest.approx(16 / 9, abs=0.01)
    assert [slide.shapes.title.text for slide in presentation.slides] == [s.title for s in made.slides]
    for page, slide in enumerate(presentation.slides, start=1):
        texts = _texts(slide)
        assert f"Rapat Koordinasi Kesos · {STAMP} · {AS_OF}" in texts
        assert f"Halaman {page} dari 6" in texts


def test_pptx_headlines_lights_table_and_pictures(packs):
    _, presentation, _ = packs
    slides = list(presentation.slides)
    texts = _texts(slides[1])
    for value in ("Rp2,6 M", "87,5 %", "6.200", "800 KK"):
        assert value in texts
    value_run = next(s for s in slides[1].shapes if s.has_text_frame and s.text_frame.paragraphs[0].text == "Rp2,6 M")
    assert value_run.text_frame.paragraphs[0].runs[0].font.size.pt >= 32  # ≥ 64 px at 1920 wide
    table = next(shape.table for shape in slides[3].shapes if shape.has_table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Wilayah", "Pagu", "Realisasi"],
        ["Paser", "Rp1.234.567", "50,0 %"],
        [HOSTILE[0], "–", "12,5 %"],
        [HOSTILE[2], "Rp5.000.000.000", "–"],
    ]
    pictures = [sum(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes) for slide in slides]
    assert pictures == [1, 0, 1, 0, 2, 0]  # the QR code, then one picture per chart
    marks = [s.text_frame.text for s in slides[5].shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE]
    assert marks == ["✓", "!", "✕"]
    assert {"Realisasi: 87,5 %", "Penerima: 70,0 %", "Lapor: 2"} <= set(_texts(slides[5]))


def test_pptx_keeps_hostile_text_literal(packs):
    _, presentation, _ = packs
    texts = [text for slide in presentation.slides for text in _texts(slide)]
    for hostile in HOSTILE:
        assert hostile in texts


def test_pdf_pages_titles_footer_and_text(packs):
    made, _, pdf = packs
    assert len(pdf.pages) == 6
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert width / height == pytest.approx(16 / 9, abs=0.01)
    fonts = {font["/BaseFont"] for font in pdf.pages[1]["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in str(name) for name in fonts)
    for page, (slide, sheet) in enumerate(zip(made.slides, pdf.pages, strict=True), start=1):
        text = sheet.extract_text()
        assert text.startswith(slide.title)
        assert f"Rapat Koordinasi Kesos · {STAMP} · {AS_OF}" in text
        assert f"Halaman {page} dari 6" in text
    headline = pdf.pages[1].extract_text()
    for value in ("Rp2,6 M", "87,5 %", "6.200", "800 KK"):
        assert value in headline
    funding = pdf.pages[3].extract_text()
    assert "Rp1.234.567" in funding and "12,5 %" in funding and "Rp5.000.000.000" in funding
    evaluation = pdf.pages[5].extract_text()
    assert "✓ Realisasi: 87,5 %" in evaluation and "✕ Lapor: 2" in evaluation


def test_pdf_charts_are_images_and_hostile_text_literal(packs):
    _, _, pdf = packs
    assert [len(page.images) for page in pdf.pages] == [1, 0, 1, 0, 2, 0]
    text = "\n".join(page.extract_text() for page in pdf.pages)
    for hostile in HOSTILE:
        assert hostile in text


def test_english_pack_numbers_its_pages_in_english():
    made = _deck("en")
    plain = Deck(made.meeting, made.date, made.filters_text, made.as_of_text, "en", (made.slides[1], made.slides[5]))
    presentation = Presentation(io.BytesIO(write_pptx(plain)))
    assert "Page 2 of 2" in _texts(presentation.slides[1])
    assert "Page 1 of 2" in PdfReader(io.BytesIO(write_pdf(plain))).pages[0].extract_text()


def test_long_rows_and_texts_are_cut_to_the_slide():
    """60 rows of a 40-character name and an amount, across the page: 7.3 in for 12-pt rows (0.29 in
    each) hold 25 rows less the header and the note, 23; the 12-pt limit of the name's column
    (42 of 59 characters' width × 12.333 in) is 112 characters, so a 150-character name is cut."""
    frame = pd.DataFrame({"Program": ["P" * 40] * 59 + ["Q" * 150], "Pagu": [1_000.0] * 60})
    cells = table_cells(Table(frame, {"Pagu": "money"}), "id", 23, 12.333)
    assert len(cells.rows) == 23 and cells.hidden == 37
    assert cells.rows[0] == ("P" * 40, "Rp1.000") and cells.numeric == (False, True)
    last = table_cells(Table(frame.tail(1), {"Pagu": "money"}), "id", 23, 12.333).rows[0][0]
    assert last.endswith("…") and len(last) < 150 and last[:-1] == "Q" * (len(last) - 1)


def test_fixture_deck_carries_the_summary_figures(fixture_url, capsys):
    store = open_store(fixture_url)
    try:
        made = deck(Reader(store), Filters(2025), "id", "Rapat Uji", dt.date(2026, 12, 4), "http://localhost/rapat")
    finally:
        store.close()
    assert main(["summary", "--year", "2025", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    expected = [
        formatting.money(record["budget_idr"], "id"),
        formatting.money(record["spent_idr"], "id"),
        formatting.percent(record["spent_idr"] / record["budget_idr"], "id"),
        formatting.number(record["programs"], "id"),
    ]
    headline = next(index for index, slide in enumerate(made.slides) if slide.key == "headline")
    assert [h.value for h in made.slides[headline].headlines[:4]] == expected
    presentation = Presentation(io.BytesIO(write_pptx(made)))
    assert len(presentation.slides) == len(made.slides)
    assert all(value in _texts(presentation.slides[headline]) for value in expected)
    pdf = PdfReader(io.BytesIO(write_pdf(made)))
    assert len(pdf.pages) == len(made.slides)
    page = pdf.pages[headline].extract_text()
    assert all(value.replace("\xa0", " ") in page for value in expected)  # text extraction reads U+00A0 as a space
    for number, sheet in enumerate(pdf.pages, start=1):
        assert f"Halaman {number} dari {len(made.slides)}" in sheet.extract_text()


def test_a_pdf_never_cuts_a_figure_or_the_footer_that_do_not_fit():
    """Eight long headline figures with notes and a long stamp: every figure keeps its unit and the
    footer its data date (text is made smaller, never left out)."""
    values = [("Pagu", "Rp228.519.548.000", None), ("PPKS", "79.264 jiwa", "60.964 KK · 94,0 % KK")] * 4
    headlines = tuple(Headline(label, value, note) for label, value, note in values)
    stamp = (
        "Tahun 2025 · Kabupaten Penajam Paser Utara · APBN, APBD Provinsi, APBD Kabupaten/Kota, CSR/TJSL · "
        "Semua kategori"
    )
    made = Deck("Rapat Koordinasi Forum CSR Kesejahteraan Sosial", dt.date(2026, 12, 4), stamp, AS_OF, "id",
                (Slide("headline", "Angka utama 2025", headlines=headlines),))  # fmt: skip
    text = " ".join(PdfReader(io.BytesIO(write_pdf(made))).pages[0].extract_text().split())
    for _, value, note in values:
        assert value in text and (note is None or note in text)
    assert AS_OF in text and "Halaman 1 dari 1" in text

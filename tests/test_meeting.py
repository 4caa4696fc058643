"""Mode Rapat (issue 14): the deck's slides, its figures equal to the `summary` command's, the filter
stamp on every slide, the projector colours' contrast, and the page stepped with its buttons."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest

from common import formatting
from data_loaders.__main__ import main as cli
from data_loaders.store import open_store
from domain import meeting
from domain.filters import Filters
from domain.reader import Reader
from tests.conftest import app_test, media_content
from ui import meeting_views
from ui.pages import PAGES

KEYS = ("title", "headline", "map", "funding", "agenda-1", "agenda-2", "evaluation", "forum", "closing")


@pytest.fixture
def fixture_deck(fixture_url):
    store = open_store(fixture_url)
    try:
        yield meeting.deck(
            Reader(store), Filters(2025), "id", "Rapat Uji", dt.date(2026, 1, 5), "http://127.0.0.1:8501/?tahun=2025"
        )
    finally:
        store.close()


def test_the_deck_of_the_fixture_has_its_slides_in_order(fixture_deck):
    # The fixture flags two gaps (Kutai Kartanegara and Samarinda, Fakir Miskin) and no overlap.
    assert tuple(s.key for s in fixture_deck.slides) == KEYS
    assert fixture_deck.slides[0].title == "Rapat Uji"
    assert fixture_deck.slides[0].qr_url == "http://127.0.0.1:8501/?tahun=2025"
    assert all(len(s.figures) <= 3 for s in fixture_deck.slides)
    assert "Kutai Kartanegara — Fakir Miskin" in fixture_deck.slides[4].lines[0]


def test_the_page_computes_one_slide_the_same_as_the_deck(fixture_url, fixture_deck):
    # The page reads the outline and only the slide on screen; every slide equals the packs' deck's.
    store = open_store(fixture_url)
    try:
        reader, link = Reader(store), "http://127.0.0.1:8501/?tahun=2025"
        plan = meeting.outline(reader, Filters(2025), "id", "Rapat Uji", dt.date(2026, 1, 5))
        assert plan.keys == KEYS and plan.filters_text == fixture_deck.filters_text
        for key, made in zip(plan.keys, fixture_deck.slides, strict=True):
            one = meeting.slide(reader, Filters(2025), "id", plan, key, link)
            assert (one.key, one.title, one.lines, one.headlines, one.lights) == (
                made.key, made.title, made.lines, made.headlines, made.lights,
            )  # fmt: skip
            assert [f.to_json() for f in one.figures] == [f.to_json() for f in made.figures]
        with pytest.raises(KeyError):
            meeting.slide(reader, Filters(2025), "id", plan, "agenda-3", link)
    finally:
        store.close()


def test_headline_figures_equal_the_summary_command(fixture_deck, capsys):
    assert cli(["summary", "--year", "2025", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    shown = {h.label: h.value for h in fixture_deck.slides[1].headlines}
    assert shown["Pagu"] == formatting.money(record["budget_idr"], "id") == "Rp2,6\xa0M"
    assert shown["Realisasi"] == formatting.money(record["spent_idr"], "id") == "Rp2,2\xa0M"
    assert shown["Realisasi anggaran"] == formatting.percent(record["realisation"], "id") == "84,6 %"
    assert shown["Program"] == str(record["programs"]) == "3"
    assert shown["PPKS"] == "9.000 jiwa" and record["ppks_jiwa"] == 9000


def test_every_slide_carries_the_filters_and_the_data_date(fixture_deck):
    assert fixture_deck.filters_text == "Tahun 2025 · Seluruh Kalimantan Timur · Semua sumber dana · Semua kategori"
    assert fixture_deck.as_of_text.startswith("per ")
    # The page and the packs draw the stamp from the deck on every slide; the title slide names it too.
    assert any(fixture_deck.filters_text in line for line in fixture_deck.slides[0].lines)


def test_the_evaluation_slide_shows_lights_as_codes_for_marks(fixture_deck):
    lights = {light.label: (light.light, light.value) for light in fixture_deck.slides[6].lights}
    assert lights["Realisasi anggaran"] == ("amber", "84,6 %")  # 84,6 % is between 60 % and 90 %
    assert lights["Cakupan"] == ("red", "0,0 %")
    assert {symbol for symbol, _ in meeting_views.MARKS.values()} == {"✓", "!", "✕", "–"}


@pytest.mark.parametrize("variant", ["terang", "gelap"])
def test_text_contrast_meets_wcag_aa_in_both_variants(variant):
    colours = meeting_views.PALETTES[variant]
    for role in ("text", "muted"):
        assert meeting_views.contrast(colours[role], colours["background"]) >= 4.5
        assert meeting_views.contrast(colours[role], colours["panel"]) >= 4.5
    for _, colour in meeting_views.MARKS.values():
        assert meeting_views.contrast("#FFFFFF", colour) >= 4.5


def test_contrast_formula():
    assert meeting_views.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert meeting_views.contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_the_page_is_registered_for_everyone():
    spec = next(spec for spec in PAGES if spec.stem == "rapat")
    assert spec.action is None


@pytest.mark.parametrize(
    ("lang", "next_label", "title"), [("id", "Berikutnya", "Angka utama 2025"), ("en", "Next", "Headline figures 2025")]
)
def test_the_page_steps_with_its_buttons_and_keeps_the_slide_in_the_url(fixture_url, lang, next_label, title):
    at = app_test(None)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/rapat.py").run()
    assert not at.exception
    assert at.button(key="rapat_next").label == next_label
    at.button(key="rapat_next").click().run()
    assert at.query_params["slide"] == "2"
    assert [x.value for x in at.title] == [title]
    for _ in range(3):
        at.button(key="rapat_hidden_pagedown").click().run()
    assert str(at.session_state["slide"]) == "5"
    at.button(key="rapat_previous").click().run()
    at.button(key="rapat_hidden_pageup").click().run()
    assert str(at.session_state["slide"]) == "3"
    assert "slide" in at.query_params and not at.exception


def test_the_title_slide_makes_the_workbook_pack_and_offers_it_for_download(fixture_url, media):
    at = app_test("analis")
    at.run()
    at.switch_page("app_pages/rapat.py").run()
    at.segmented_control(key="rapat_pack_kind").set_value("xlsx").run()
    at.button(key="rapat_pack_make").click().run()
    assert not at.exception, [e.value for e in at.exception]
    button = next(b for b in at.get("download_button") if b.proto.label == "Unduh XLSX")
    book = openpyxl.load_workbook(io.BytesIO(media_content(media, button)))
    assert book.sheetnames[0] == "Ringkasan"  # the workbook of the view, as `report --format xlsx` writes it


@pytest.mark.parametrize("raw", ["gelap", "Gelap", "Dark"])
def test_a_link_with_the_dark_variant_reopens_it_in_either_spelling(fixture_url, raw):
    at = app_test("analis")
    at.query_params["tema"] = raw
    at.run()
    at.switch_page("app_pages/rapat.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["tema"] == "gelap"
    at.run()  # and it stays so on the next rerun
    assert at.session_state["tema"] == "gelap"

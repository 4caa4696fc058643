"""Text from the data is shown as written: never as Markdown, HTML, a link, an image or a formula
(issue 12). A store whose program names, implementers, data sources and import file name are what an
attacker would write goes through every page, in AppTest and in a browser."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest
import streamlit as st

from common.text import inert_markdown, plain_label
from data_loaders.store import open_store
from tests.conftest import chart_specs, dashboard_server, tab_queries
from tests.fixture_data import build_fixture
from tests.test_pages import PAGES, role_for, run_app
from ui.tables import without_formulas

HOST = "outside.invalid"
IMAGE = f"![i](http://{HOST}/px.png)"
LINK = f'<a href="http://{HOST}/">klik</a><b>B</b>'
DIRECTIVES = ":red[x] $x$ :material/warning:"
FILE_NAME = f"{IMAGE}.xlsx"
# What is left of active Markdown or HTML once every backslash-escaped character is taken out.
ACTIVE = ("![", "](", ":red[", "$x$", ":material/", "<a", "<b>", "://")
COLUMNS = [
    "indicator_code",
    "name",
    "year",
    "period",
    "region_code",
    "baseline",
    "target",
    "actual",
    "unit",
    "direction",
    "data_source",
]
MARKDOWN_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error")


@pytest.fixture
def hostile_url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The hand-made fixture with hostile texts wherever the data carries text."""
    store = open_store(store_url)
    build_fixture(store)
    indicator = pd.DataFrame(
        [("SPM-HOSTIL", f"{IMAGE} {DIRECTIVES}", 2025, "Tahunan", "64", 1.0, 2.0, 1.5, "%", "naik", IMAGE)],
        columns=COLUMNS,
    )
    with store.transaction() as tx:
        tx.execute("UPDATE imports SET file_name = ?", [FILE_NAME])
        tx.execute("UPDATE programs SET name = ? || ' ' || name, implementer = ? || implementer", [IMAGE, LINK])
        tx.execute("UPDATE ppks_counts SET data_source = ?", [f"{IMAGE} {DIRECTIVES} {LINK}"])
        tx.insert_frame("indicators", indicator.assign(import_id=1))
    store.close()
    st.cache_resource.clear()
    monkeypatch.setenv("DATABASE_URL", store_url)
    return store_url


def active(text: str) -> list[str]:
    """The Markdown or HTML openings of `text` that no backslash escapes."""
    plain = re.sub(r"\\.", "", text)
    return [mark for mark in ACTIVE if mark in plain]


def strings(node: object) -> list[str]:
    """Every string in a plotly figure's JSON."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in strings(value)]
    return []


def test_inert_markdown_escapes_every_directive_and_plain_label_every_tag():
    joiner = "\u2060"  # after ':' and '@' touching a character, and 'www.': no link, no icon
    assert inert_markdown(IMAGE) == rf"!\[i\](http:{joiner}//outside.invalid/px.png)"
    assert inert_markdown(":red[x] $x$ <b>") == rf":{joiner}red\[x\] \$x\$ \<b\>"
    assert inert_markdown("www.x.id a@b.id") == f"www{joiner}.x.id a@{joiner}b.id"
    assert inert_markdown("# a\\b\n- c") == r"\# a\\b - c"  # a line break cannot start a list
    assert inert_markdown("2025. Laporan _x_ *y*") == r"2025\. Laporan \_x\_ \*y\*"
    # ordinary text reads the same in AppTest and on screen
    assert (
        inert_markdown("Sumber: impor program_2025.xlsx, per 2 Mar 2026.")
        == "Sumber: impor program_2025.xlsx, per 2 Mar 2026."
    )
    assert active(inert_markdown(f"{IMAGE} {LINK} {DIRECTIVES}")) == []
    assert plain_label(LINK) == f'&lt;a href="http://{HOST}/"&gt;klik&lt;/a&gt;&lt;b&gt;B&lt;/b&gt;'
    assert plain_label("A & B") == "A &amp; B"


def test_tables_neutralise_formulas_in_text_but_keep_numbers():
    frame = pd.DataFrame({'=HYPERLINK("http://x")': ["=1+1", "-2+3", "@SUM(A1)", "\tx", "ok"], "n": [-5, 1, 2, 3, 4]})
    safe = without_formulas(frame)
    assert list(safe.columns) == ['\'=HYPERLINK("http://x")', "n"]
    assert list(safe.iloc[:, 0]) == ["'=1+1", "'-2+3", "'@SUM(A1)", "' x", "ok"]
    assert list(safe["n"]) == [-5, 1, 2, 3, 4] and safe["n"].dtype == frame["n"].dtype


@pytest.mark.parametrize("page", PAGES)
def test_hostile_names_stay_text_on_every_page(hostile_url, page):
    runs = [run_app({"lang": "id", **tab}, page, role=role_for(page)) for tab in tab_queries(page)]
    shown = [(kind, element.value) for at in runs for kind in MARKDOWN_ELEMENTS for element in getattr(at, kind)]
    shown += [("table", str(cell)) for at in runs for table in at.get("table") for cell in _table_cells(table)]
    drawn = [figure for at in runs for figure in chart_specs(at)]
    assert shown, page
    assert [(kind, text) for kind, text in shown if active(text)] == []
    for figure in drawn:
        texts = strings(figure.get("data", [])) + strings(figure.get("layout", {}))
        made = [s for s in texts if "<a" in s or "<b>B</b>" in s or IMAGE in s]
        assert not made, (page, made[:2])
    if page in ("app_pages/ringkasan.py", "app_pages/pendanaan.py", "app_pages/celah.py"):
        # the "Sumber: impor …" caption names the file, escaped
        assert any(inert_markdown(FILE_NAME) in text for kind, text in shown if kind == "caption"), page
    if page == "app_pages/pendanaan.py":
        # the implementer chart shows the tag as text
        assert any("&lt;a href" in s for figure in drawn for s in strings(figure["data"]))
    if page == "app_pages/evaluasi.py":
        assert any(inert_markdown(IMAGE) in text for kind, text in shown if kind == "caption")


def test_a_hostile_file_name_stays_text_in_the_import_messages(fixture_url):
    from tests.test_data_page import GOOD, open_page

    at = open_page()
    at.file_uploader(key="upload_program").upload(FILE_NAME.replace(".xlsx", ".csv"), GOOD, "text/csv").run()
    ready = at.success[0].value
    assert ready.startswith(inert_markdown(f"{IMAGE}.csv: 1 baris lolos pemeriksaan")) and not active(ready)
    at.button(key="confirm_import").click().run()
    messages = [m.value for kind in MARKDOWN_ELEMENTS for m in getattr(at, kind)]
    assert any(m.startswith(inert_markdown("Impor #2 tersimpan")) for m in messages)
    assert [m for m in messages if active(m)] == []
    assert any(inert_markdown(IMAGE) in m for m in messages)  # the import message names the file


def _table_cells(table) -> list[object]:
    frame = table.value
    return [*frame.columns, *frame.to_numpy().ravel().tolist()]


@pytest.mark.browser
def test_no_element_or_request_is_made_from_hostile_names_in_a_browser(hostile_url):
    from tests.test_browser import CHROMIUM, _require_browser, _wait_until_done

    _require_browser()
    from playwright.sync_api import sync_playwright

    with dashboard_server(hostile_url) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        outside: list[str] = []

        def only_loopback(route):
            if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_loopback)
        for stem in [Path(script).stem for script in PAGES]:
            page.goto(f"{base}/{'' if stem == 'ringkasan' else stem}")
            _wait_until_done(page)
            found = page.locator(f"img[src*='{HOST}'], a[href*='{HOST}'], svg a, .katex")
            made = [found.nth(i).evaluate("e => e.outerHTML") for i in range(found.count())]
            assert not made, (stem, made)
            assert not [text for text in page.locator("a").all_inner_texts() if "klik" in text], stem
            if stem == "ringkasan":  # the "Sumber: impor …" caption reads as the file is named
                assert IMAGE in page.inner_text("body").replace("\u2060", "")
        browser.close()
    assert [url for url in outside if HOST in url] == []

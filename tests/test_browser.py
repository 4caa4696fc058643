"""The real server in headless Chromium: every public page by its direct link on a freshly started
server, the signed-in pages after signing in through the form, with every non-loopback request
blocked, and no error on screen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import TEST_PASSWORD, dashboard_server, test_user
from ui.pages import PAGES as REGISTRY

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = REPO / "artifacts" / "screenshots"
# The title each registered page shows on the sample data.
TITLES = {
    "referensi": "Data referensi",
    "kelola_data": "Kelola data",
    "pengguna": "Pengguna",
    "jejak_audit": "Jejak audit",
    "masuk": "Masuk",
    "mitra": "Mitra CSR 2025",
    "etalase": "Etalase program",
    "rencana": "Rencana tahun depan",
    "apresiasi": "Apresiasi & penghargaan 2025",
    "peta": "PPKS per 1.000 penduduk, 2025",
    "pendanaan": "Pendanaan 2025",
    "celah": "Celah & tumpang tindih 2025",
    "evaluasi": "Evaluasi 2025",
    "ringkasan": "Ringkasan 2025",
    "rapat": "Rapat Koordinasi Forum CSR Kesejahteraan Sosial",
}
# Direct links from the one page registry: the default page is the app's root, every other page its
# file stem. The default page goes last, so the first request of a fresh server is another page.
# A visitor opens the public pages; the others are reached after signing in (a reload would end the
# session, so they are opened from the sidebar).
ORDER = sorted(REGISTRY, key=lambda spec: spec.default)
PUBLIC_PAGES = {spec.url_path: TITLES[spec.stem] for spec in ORDER if spec.action is None}
SIGNED_IN_PAGES = {spec.stem: TITLES[spec.stem] for spec in ORDER if spec.action is not None}

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("SINERGI_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; install the Debian packages chromium and chromium-driver.")
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")


@pytest.fixture
def server(fixture_url: str) -> Iterator[str]:
    _require_browser()
    with dashboard_server(fixture_url) as base:
        yield base


@pytest.fixture
def browser_page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        outside: list[str] = []

        def only_loopback(route):
            host = urlparse(route.request.url).hostname
            if host in ("127.0.0.1", "localhost"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_loopback)
        page.outside_requests = outside
        yield page
        browser.close()


def _wait_until_done(page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    page.wait_for_timeout(500)


def _assert_no_error(page, where: str) -> None:
    text = page.inner_text("body")
    assert "Page not found" not in text, where
    assert "This app has encountered an error" not in text, where
    assert page.locator("[data-testid='stException']").count() == 0, where


def sign_in(page, server: str, username: str, query: str = "") -> None:
    """Sign in through the form, the way a user does (the session lives until the page reloads);
    `query` the address's filters and language ('?lang=en&wilayah=Samarinda')."""
    page.goto(f"{server}/masuk{query}")
    _wait_until_done(page)
    english = "lang=en" in query
    page.get_by_label("Username" if english else "Nama pengguna").fill(username)
    page.get_by_label("Password" if english else "Kata sandi", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in" if english else "Masuk").last.click()
    page.get_by_text("Signed in." if english else "Berhasil masuk.").wait_for(timeout=30_000)
    _wait_until_done(page)


def test_every_page_by_direct_link_on_a_fresh_server(server, browser_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # The first request a fresh server gets is a direct link to a page that is not the default.
    for name, title in PUBLIC_PAGES.items():
        browser_page.goto(f"{server}/{name}")
        _wait_until_done(browser_page)
        _assert_no_error(browser_page, name)
        assert browser_page.locator("h1").first.inner_text().strip() == title
        browser_page.screenshot(path=str(SCREENSHOTS / f"{name or 'ringkasan'}.png"), full_page=True)
    browser_page.goto(f"{server}/?lang=en")
    _wait_until_done(browser_page)
    _assert_no_error(browser_page, "root in English")
    assert browser_page.locator("h1").first.inner_text().strip() == "Overview 2025"
    assert not browser_page.outside_requests


def test_signing_in_keeps_the_language_and_filters_of_the_address(server, browser_page):
    test_user("analis")
    sign_in(browser_page, server, "uji-analis", "?lang=en&wilayah=Samarinda")
    _assert_no_error(browser_page, "signed in with filters")
    assert browser_page.locator("h1").first.inner_text().strip() == "Account"
    assert "wilayah=Samarinda" in browser_page.url and "lang=en" in browser_page.url
    browser_page.get_by_role("link", name="Open the overview").click()
    _wait_until_done(browser_page)
    assert browser_page.locator("h1").first.inner_text().strip() == "Overview 2025"
    assert browser_page.get_by_text("Samarinda · All funding sources").count() >= 1


def test_signed_in_pages_are_closed_to_a_visitor_and_open_after_signing_in(server, browser_page):
    page = browser_page
    for stem in SIGNED_IN_PAGES:  # a visitor's direct link runs the overview, never the page
        page.goto(f"{server}/{stem}")
        _wait_until_done(page)
        assert page.locator("h1").first.inner_text().strip() == "Ringkasan 2025", stem
        assert page.locator("[data-testid='stFileUploader']").count() == 0
        page.keyboard.press("Escape")  # the "page not found" notice
    test_user("admin")
    sign_in(page, server, "uji-admin")
    assert page.locator("h1").first.inner_text().strip() == "Akun"
    assert page.get_by_text("Masuk sebagai uji-admin — Admin").count() == 1
    for stem, title in SIGNED_IN_PAGES.items():
        page.locator(f"[data-testid='stSidebarNav'] a[href$='/{stem}']").click()
        page.wait_for_url(f"**/{stem}**")
        _wait_until_done(page)
        _assert_no_error(page, stem)
        assert page.locator("h1").first.inner_text().strip() == title
        page.screenshot(path=str(SCREENSHOTS / f"{stem}.png"), full_page=True)
    page.get_by_role("button", name="Keluar").click()
    _wait_until_done(page)
    # The navigation is redrawn by the rerun after signing out, which may end after the link appears.
    from playwright.sync_api import expect

    sidebar = "[data-testid='stSidebar']"
    expect(page.locator(f"{sidebar} a[href$='masuk']")).to_have_count(1, timeout=20_000)  # the sign-in link, once
    expect(page.locator("[data-testid='stSidebarNav'] a[href$='/kelola_data']")).to_have_count(0, timeout=20_000)
    # The navigation does not list the sign-in page again beside the account box's link (ui.pages).
    expect(page.locator("[data-testid='stSidebarNav'] a[href$='masuk']")).to_have_count(0)
    assert not page.outside_requests


def test_a_copied_link_reopens_the_view_and_filters_follow_to_other_pages(server, browser_page):
    browser_page.goto(f"{server}/?wilayah=Samarinda&lang=en")
    _wait_until_done(browser_page)
    from playwright.sync_api import expect

    # Retried until the first card shows the money: the first run's cards may still be drawing.
    expect(browser_page.locator("[data-testid='stMetric']").first).to_contain_text("Rp600M", timeout=20_000)
    browser_page.get_by_role("link", name="Reference data").click()
    browser_page.wait_for_url("**/referensi**")
    _wait_until_done(browser_page)
    assert "wilayah=Samarinda" in browser_page.url and "lang=en" in browser_page.url
    assert browser_page.locator("h1").first.inner_text().strip() == "Reference data"
    _assert_no_error(browser_page, "referensi after navigation")
    # A tab that runs only when open is in the address too: a link reopens it, a click changes it.
    browser_page.goto(f"{server}/pendanaan?lang=en&bagian=Programs")
    _wait_until_done(browser_page)
    expect(browser_page.get_by_role("tab", name="Programs")).to_have_attribute("aria-selected", "true")
    assert browser_page.get_by_label("Search program, code or implementer").count() == 1
    browser_page.get_by_role("tab", name="Trends and implementers").click()
    browser_page.wait_for_url("**bagian=Trends+and+implementers**")
    _wait_until_done(browser_page)
    assert browser_page.get_by_label("Search program, code or implementer").count() == 0
    _assert_no_error(browser_page, "pendanaan tabs")


# The Peta page's map is drawn in a frame of its own (ui/region_map.py); its chart is found there.
JS_MAP = (
    "[...document.querySelectorAll('iframe')].map(f => f.contentDocument && f.contentDocument.querySelector("
    "'.js-plotly-plot')).find(g => g && g._fullLayout && g._fullLayout.map)"
)
# The page's coordinates of a place (lon, lat) on that map: the frame's offset plus the map's own.
JS_MAP_POINT = (
    f"([lon, lat]) => {{ const gd = {JS_MAP}; const m = gd._fullLayout.map._subplot.map; "
    "const p = m.project([lon, lat]); const r = m.getCanvas().getBoundingClientRect(); "
    "const f = gd.ownerDocument.defaultView.frameElement.getBoundingClientRect(); "
    "return [f.left + r.left + p.x, f.top + r.top + p.y]; }"
)


def js_map_drawn(regions: int, inside: str | None = None) -> str:
    """A script true once the map holds `regions` regions (the parts of region `inside`, if given) and
    MapLibre has drawn them and stands still (a click redraws the same map, so that it merely exists
    says nothing)."""
    parts = f"gd.data[0].locations.every(code => code.startsWith('{inside}.'))" if inside else "true"
    return (
        f"() => {{ const gd = {JS_MAP}; if (!gd || gd.data[0].locations.length !== {regions} || !{parts}) "
        "return false; const m = gd._fullLayout.map._subplot.map; "
        "return m.loaded() && !m.isMoving() && m.areTilesLoaded(); }"
    )


def _map_ready(page, regions: int, inside: str | None = None) -> None:
    page.wait_for_function(js_map_drawn(regions, inside), timeout=60_000)
    page.wait_for_timeout(1000)


def _polygons_drawn(page) -> int:
    """Distinct regions MapLibre actually rendered in the fill layers (software WebGL)."""
    return page.evaluate(
        f"() => {{ const m = ({JS_MAP})._fullLayout.map._subplot.map; "
        "const fills = m.getStyle().layers.filter(l => l.type === 'fill').map(l => l.id); "
        "const f = m.queryRenderedFeatures({layers: fills}); "
        "return new Set(f.map(x => JSON.stringify(x.properties.ct))).size; }"
    )


def test_map_draws_every_region_offline_and_a_click_filters_every_page(server, browser_page):
    page = browser_page
    page.goto(f"{server}/peta?metrik=Pagu+%28Rp%29")
    _wait_until_done(page)
    _map_ready(page, 10)
    assert _polygons_drawn(page) == 10
    assert not page.outside_requests  # no tile server, no CDN: nothing but loopback was asked for
    page.screenshot(path=str(SCREENSHOTS / "peta.png"), full_page=True)
    # The same MapLibre map draws every level (ui/region_map.py): a mark on it outlives the clicks.
    page.evaluate(f"() => {{ ({JS_MAP})._fullLayout.map._subplot.map.keptMark = 'kept'; }}")
    for round_ in range(2):  # the second click on the same region counts too
        # Click the middle of Kutai Barat on the real map.
        x, y = page.evaluate(JS_MAP_POINT, [115.82, -0.50])
        page.mouse.click(x, y)
        page.wait_for_function("() => location.search.includes('wilayah=Kutai+Barat')", timeout=30_000)
        _wait_until_done(page)
        _map_ready(page, 16, inside="64.07")
        assert _polygons_drawn(page) == 16  # the kecamatan of Kutai Barat
        assert page.get_by_text("Kutai Barat · Semua sumber dana").count() >= 1  # the shared filter follows
        if round_ == 0:  # back to the province by the breadcrumb
            page.get_by_role("button", name="Kalimantan Timur").click()
            page.wait_for_function("() => !location.search.includes('wilayah=Kutai+Barat')", timeout=30_000)
            _wait_until_done(page)
            _map_ready(page, 10)
    assert page.evaluate(f"() => ({JS_MAP})._fullLayout.map._subplot.map.keptMark") == "kept"
    page.get_by_role("link", name="Ringkasan").click()
    _wait_until_done(page)
    assert "wilayah=Kutai+Barat" in page.evaluate("() => location.search")
    assert page.get_by_text("Kutai Barat · Semua sumber dana").count() >= 1
    assert not page.outside_requests


def _slide_in_url(page) -> str:
    return page.evaluate("() => new URLSearchParams(location.search).get('slide')")


def _font_px(page, selector: str) -> float:
    """The computed font size of the innermost element holding the text of `selector`'s first match."""
    script = f"""() => {{
        let node = document.querySelector({selector!r});
        while (node.firstElementChild) node = node.firstElementChild;
        return parseFloat(getComputedStyle(node).fontSize);
    }}"""
    return page.evaluate(script)


def test_meeting_mode_steps_with_the_keyboard_and_keeps_the_slide_in_the_url(server, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{server}/rapat")
    _wait_until_done(page)
    _assert_no_error(page, "rapat")
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    assert page.locator("header[data-testid='stHeader']").is_hidden()
    page.mouse.click(960, 540)  # focus the page, not an input
    for key, expected in (("ArrowRight", "2"), ("PageDown", "3"), ("Space", "4"), ("ArrowLeft", "3")):
        page.keyboard.press(key)
        page.wait_for_function(
            f"() => new URLSearchParams(location.search).get('slide') === '{expected}'", timeout=30_000
        )
        _wait_until_done(page)
        assert _slide_in_url(page) == expected, key
    page.goto(f"{server}/rapat?slide=2")
    _wait_until_done(page)
    assert _font_px(page, "[data-testid='stMetricValue']") >= 64
    assert _font_px(page, ".st-key-rapat_footer p") >= 24
    assert _font_px(page, "[data-testid='stMain'] label p") >= 24
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for variant in ("terang", "gelap"):
        number = 1
        while True:
            page.goto(f"{server}/rapat?slide={number}&tema={variant}")
            _wait_until_done(page)
            _assert_no_error(page, f"rapat slide {number} {variant}")
            page.screenshot(path=str(SCREENSHOTS / f"rapat-{variant}-{number:02d}.png"))
            if page.get_by_role("button", name="Berikutnya").is_disabled():
                break
            number += 1
    assert number == 9  # the fixture's deck: title … two agenda items … closing

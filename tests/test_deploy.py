"""The deployment of issue 15 end to end: a private PostgreSQL, two dashboard servers, and nginx with
deploy/nginx/sinergi.conf in front; headless Chromium through the proxy. Checks the sticky route
cookie, that two browsers reach both servers, and that a write from the command line shows on both
servers' pages at their next rerun. Skips without nginx (fails when SINERGI_REQUIRE_NGINX=1)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.load import CHROMIUM, CHROMIUM_ARGS, READY_JS, render_site, start_nginx
from tests.conftest import dashboard_server
from tests.postgres_server import start_server

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser
HEADER = (
    "Kode Program,Nama Program,Implementer,Funding Source,Tahun,Kategori PPKS,Wilayah,Pagu (Rp),"
    "Realisasi (Rp),Target Penerima,Realisasi Penerima,Tanggal Mulai\n"
)
# The first import: one program, Rp1.000.000.000 planned. The second adds Rp1.500.000.000 more.
FIRST = HEADER + (
    "UJI-01,Program Uji,Dinas Sosial Provinsi Kalimantan Timur,APBD Prov,2025,FM,Kota Samarinda,"
    "1.000.000.000,900.000.000,10,9,1 Maret 2025\n"
)
SECOND = FIRST + (
    "UJI-02,Program Uji Dua,Dinas Sosial Provinsi Kalimantan Timur,APBN,2025,FM,Kota Balikpapan,"
    "1.500.000.000,1.000.000.000,20,15,1 April 2025\n"
)


def _require_nginx() -> None:
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        if os.environ.get("SINERGI_REQUIRE_NGINX") == "1":
            pytest.fail("nginx is not installed: apt-get install -y nginx")
        pytest.skip("nginx is not installed (apt-get install -y nginx)")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")


def _import(url: str, path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "-m", "data_loaders", "import", str(path), "--kind", "program"]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _get(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    """(X-Upstream, the proxy's route Set-Cookie or None) of a GET through the proxy."""
    request = urllib.request.Request(url, headers={"Cookie": f"sinergi_route={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        routes = [c for c in response.headers.get_all("Set-Cookie") or [] if c.startswith("sinergi_route=")]
        return response.headers["X-Upstream"], (routes[0] if routes else None)


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(proxy URL, database URL, the two servers' 'host:port') with FIRST imported."""
    _require_nginx()
    postgres = start_server()
    try:
        (tmp_path / "first.csv").write_text(FIRST, encoding="utf-8")
        _import(postgres.url, tmp_path / "first.csv")
        with dashboard_server(postgres.url) as one, dashboard_server(postgres.url) as two:
            upstreams = [base.removeprefix("http://") for base in (one, two)]
            nginx = start_nginx([int(u.rsplit(":", 1)[1]) for u in upstreams])
            try:
                yield nginx.url, postgres.url, upstreams
                assert "[emerg]" not in nginx.error_log() and "[crit]" not in nginx.error_log()
            finally:
                nginx.stop()
    finally:
        postgres.stop()
        postgres.remove()


def test_the_site_renders_with_other_ports() -> None:
    site = render_site([9101, 9102, 9103], 9080)
    assert re.findall(r"server (127\.0\.0\.1:\d+)", site) == ["127.0.0.1:9101", "127.0.0.1:9102", "127.0.0.1:9103"]
    assert "listen 9080;" in site and "127.0.0.1:8501" not in site and "listen 8080" not in site
    assert "client_max_body_size 60m;" in site  # above server.maxUploadSize = 50 (MB)


def _ready(page, title: str) -> None:
    """Wait until the page shows `title` as its heading and the script has finished."""
    page.wait_for_function(READY_JS, arg=title, timeout=60_000, polling=100)


def _expect_budget(page, amount: str) -> None:
    """The overview's Pagu card shows `amount` ("Pagu\\n\\nRp1\\u00a0M\\n\\nvs 2024"), waiting while
    the page still draws its cards (a single read once saw the second card, Realisasi, first)."""
    from playwright.sync_api import expect

    card = page.locator("[data-testid='stMetric']").filter(has_text=re.compile(r"^Pagu")).first
    expect(card).to_contain_text(amount, timeout=30_000)


def test_two_servers_behind_the_proxy(deployment, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    proxy, database, upstreams = deployment
    # A new browser gets a route cookie; with it every request reaches the same server.
    first_upstream, cookie = _get(proxy + "/")
    route = re.match(r"sinergi_route=([0-9a-f]{32}); Path=/; HttpOnly; SameSite=Lax", cookie).group(1)
    assert first_upstream in upstreams
    for path in ("/", "/_stcore/health", "/peta", "/_stcore/host-config"):
        assert _get(proxy + path, route) == (first_upstream, None)  # pinned, and no new cookie
    # Routes to each server (consistent hashing: the same route always reaches the same server).
    routes = {}
    for number in range(64):
        routes.setdefault(_get(proxy + "/_stcore/health", f"route{number}")[0], f"route{number}")
    assert set(routes) == set(upstreams)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = {}
        for upstream, value in routes.items():
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.add_cookies([{"name": "sinergi_route", "value": value, "url": proxy}])
            page = context.new_page()
            seen: list[str] = []
            page.on("response", lambda response, seen=seen: seen.append(response.headers.get("x-upstream")))
            page.goto(proxy + "/")
            _ready(page, "Ringkasan 2025")
            _expect_budget(page, "Rp1\u00a0M")
            assert [u for u in seen if u] and set(u for u in seen if u) == {upstream}  # every response
            pages[upstream] = page
        # A browser without a cookie is given one by the proxy, and stays on one server with it.
        fresh = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        seen = []
        fresh.on("response", lambda response: seen.append(response.headers.get("x-upstream")))
        fresh.goto(proxy + "/")
        _ready(fresh, "Ringkasan 2025")
        assert "sinergi_route" in [c["name"] for c in fresh.context.cookies()]
        assert len(set(u for u in seen if u)) == 1

        # A write from the command line: both servers' pages show it at their next rerun.
        (tmp_path / "second.csv").write_text(SECOND, encoding="utf-8")
        _import(database, tmp_path / "second.csv")
        for page in pages.values():
            page.locator("[data-testid='stSidebarNav'] a[href$='/referensi']").click()
            _ready(page, "Data referensi")
            page.locator(f"[data-testid='stSidebarNav'] a[href='{proxy}/']").click()
            _ready(page, "Ringkasan 2025")
            _expect_budget(page, "Rp2,5\u00a0M")
        browser.close()

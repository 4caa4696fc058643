"""One benchmark command (issue 16): every figure of the issue at each sample size, beside the plain
way measured in the same run, against the issue's goals.

    python bench/run.py [--sizes 200000,1000000,5000000] [--quick] [--only part,part] [--out FILE]

For each size the sample data set is built with the demo generator (`python -m data_loaders demo
--beneficiaries N` into a DuckDB file) and kept under /tmp/sinergi-bench-stores/, named by size and
by a hash of the generator and the migrations, so that a rerun does not rebuild it. Every part runs
in a subprocess of its own (`--child`) on a copy of that store, and reports its own peak memory
(VmHWM of /proc/self/status: the peak of that process since its exec, never a parent's or a sibling's;
`ru_maxrss` of RUSAGE_CHILDREN would be the maximum over every child ever waited for).

Parts (`--only`):
- pages: every page an administrator sees, in AppTest (bench/pages.py's timing): the switch to the
  page with Streamlit's data caches empty ("cold", the baseline of the warm figure), warm reruns
  (median and P95), and the first
  rerun after a filter change (year; kab/kota), each after the data caches were emptied and the page
  rerun at its current filters (so the views of the new filter are a cache miss, as for the first user
  who picks that filter on a running server, and the rest is cached), and after an import of a small
  program file (`python -m data_loaders import`, which changes the data version: every view a miss).
- browser: one `streamlit run` server (bench/load.py) and headless Chromium: page-ready of the overview,
  map, funding and gaps pages, cold (first visit after the server started) and warm (a new session),
  switching page from the sidebar (baseline: opening the same page by its address, warm), and a map
  click on Kutai Barat until the kecamatan map is drawn (cold: first click after the server started).
- server: a fresh server's VmRSS after one visitor opened every public page, and with 10 concurrent
  browser sessions clicking through the pages (baseline: the server right after it started).
- read: the read layer's main views called without any cache (a new Reader per call) beside the
  plain way (pandas over raw rows read from the store on every call): domain.overview.figures
  (bench/overview.py's baseline), domain.funding.by_region, domain.gaps.area_categories,
  domain.evaluation.indicators, and the `summary` command (a whole process) beside a process doing the
  overview baseline; the overlap engine and its pandas form (bench/overlap.py) in processes of their
  own, with their own peak memory.
- packs: the PDF and the PowerPoint of the full-province deck beside the deck's charts exported one by
  one with plotly.io.to_image (bench/packs.py); noted and skipped when kaleido/Chromium fails.
Once per run, independent of the size:
- map: the boundaries each map level sends against the unsimplified source (bench/map_payload.py).
- import: 1,000,000 beneficiary rows from CSV (`--quick`: 50,000) through `python -m data_loaders
  import` (time, peak memory) beside the row-by-row baseline (bench/import_beneficiaries.py) run on
  a part of the rows in its own process and scaled to all rows.

Prints one table per size (figure, value, baseline, ratio = baseline / value, so above 1 is better,
goal, pass/fail) and the machine (cores, load average before and after, Python, DuckDB, Streamlit,
git commit); writes everything as JSON to bench/results/<YYYY-MM-DD>[-quick].json (or --out).
`--quick`: one size (20,000 beneficiaries), 5 repetitions instead of 20, 50,000 import rows.
Goals (issue 16, 2 cores): page rerun P95 <= 200 ms up to 1,000,000 rows and <= 300 ms up to
5,000,000, also the first rerun after a filter change; overview page-ready <= 2 s warm; sidebar
switch <= 0.8 s; map click <= 0.7 s cold or warm; overlap <= 0.7 s at 5,000,000 rows and >= 8x the
pandas baseline; import of 1,000,000 rows <= 10 s and <= 1 GB; server <= 600 MB with 10 sessions.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import importlib.util
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

STORES = Path(tempfile.gettempdir()) / "sinergi-bench-stores"
RESULTS = BENCH / "results"
SIZE_PARTS = ("pages", "browser", "server", "read", "packs")
ONCE_PARTS = ("map", "import")
PARTS = SIZE_PARTS + ONCE_PARTS
QUICK_SIZE = 20_000
BROWSER_PAGES = {"ringkasan": "", "peta": "peta", "pendanaan": "pendanaan", "celah": "celah"}
CHILD_TIMEOUT = 3600  # seconds a part may take before it is stopped and noted
SESSIONS = 10
KUTAI_BARAT = (115.82, -0.50)  # a point inside Kutai Barat (tests/test_browser.py clicks the same)


def _bench_module(name: str):
    """A benchmark file of bench/ as a module (bench/ is not a package; nothing is added to sys.path)."""
    key = f"bench_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


# --- figures -------------------------------------------------------------------------------------


def figure(
    part: str,
    name: str,
    value: float | None,
    unit: str,
    baseline: float | None = None,
    baseline_label: str = "",
    goal: float | None = None,
    goal_text: str = "",
    lower_is_better: bool = True,
    judged: bool = True,
) -> dict:
    """One row of the table: `value` and `baseline` in `unit`; ratio = baseline / value for lower-is-
    better figures (value / baseline otherwise), so a ratio above 1 means better than the baseline;
    `pass` is None without a goal, or when the goal is for another size (`judged` False)."""
    ratio = None
    if value and baseline:
        ratio = baseline / value if lower_is_better else value / baseline
    passed = None
    if goal is not None and value is not None and judged:
        passed = value <= goal if lower_is_better else value >= goal
    return {
        "part": part,
        "figure": name,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "baseline_label": baseline_label,
        "ratio": ratio,
        "goal": goal,
        "goal_text": goal_text,
        "pass": passed,
    }


def p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile (with 5 samples: the largest)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def own_peak_mb() -> float:
    """This process's peak resident memory since its exec (VmHWM), MB."""
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def page_goal(size: int) -> float:
    """The issue's rerun goal (ms) for a sample of `size` beneficiary rows."""
    return 200.0 if size <= 1_000_000 else 300.0


# --- the sample stores ----------------------------------------------------------------------------


def generator_version() -> str:
    """A hash of what decides the sample store's content: the generator and the migrations."""
    digest = hashlib.sha256()
    decides = [REPO / "data_loaders" / "demo.py", REPO / "data_loaders" / "derived.py"]
    for path in [*decides, *sorted((REPO / "data_loaders" / "migrations").glob("*.sql"))]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def sample_store(size: int) -> tuple[Path, float | None]:
    """The cached sample store of `size` beneficiaries, built when missing; (path, seconds of the build
    or None when it was cached). Raises SystemExit with the generator's output when the build fails."""
    STORES.mkdir(parents=True, exist_ok=True)
    path = STORES / f"sample-{size}-{generator_version()}.duckdb"
    if path.exists():
        return path, None
    building = path.with_suffix(f".building-{os.getpid()}.duckdb")
    env = {**os.environ, "DATABASE_URL": f"duckdb:///{building}"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "data_loaders", "demo", "--beneficiaries", str(size)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode:
        building.unlink(missing_ok=True)
        raise SystemExit(f"demo build of {size:,} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    building.rename(path)
    return path, seconds


def private_copy(store: Path, folder: Path, importable: bool = False) -> str:
    """A copy of the cached store in `folder` (the parts' servers and imports never change the cache);
    with `importable`, its sample import is relabelled as imported data so that imports are accepted
    (as bench/load.py does). Returns the copy's DATABASE_URL."""
    copy = folder / "store.duckdb"
    shutil.copyfile(store, copy)
    url = f"duckdb:///{copy}"
    if importable:
        from data_loaders.store import open_store

        opened = open_store(url)
        try:
            with opened.transaction() as tx:
                tx.execute("UPDATE imports SET is_sample = FALSE WHERE is_sample")
        finally:
            opened.close()
    return url


# --- part: pages (AppTest) --------------------------------------------------------------------------


def _import_program(url: str, folder: Path, n: int) -> None:
    """`python -m data_loaders import` of bench/load.py's one-program file (budget differing per `n`)."""
    load = _bench_module("load")
    path = folder / f"program-{n}.csv"
    budget = f"{(1000 + n) * 1_000_000:,}".replace(",", ".")  # 1.000.000.000, 1.001.000.000, ...
    path.write_text(load.IMPORT_FILE.format(budget=budget, spent="900.000.000"), encoding="utf-8")
    command = [sys.executable, "-m", "data_loaders", "import", str(path), "--kind", "program"]
    done = subprocess.run(command, cwd=REPO, env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"import of {path.name} failed: {done.stdout[-800:]}{done.stderr[-800:]}")


def part_pages(store: Path, size: int, repeat: int, folder: Path) -> dict:
    """Every page an administrator sees, in AppTest: cold, warm median/P95, first rerun after a year,
    a kab/kota and an import."""
    import streamlit as st
    from streamlit import config

    from common.i18n import t
    from tests.conftest import app_test
    from ui import catalogue_views, data, evaluation_views, funding_views, gaps_views, partner_views
    from ui.shell import ALL

    pages_bench = _bench_module("pages")
    url = private_copy(store, folder, importable=True)
    os.environ["DATABASE_URL"] = url
    config.get_config_options()
    config.set_option("client.showErrorDetails", "full")
    stems = sorted(p.stem for p in (REPO / "app_pages").glob("*.py"))
    pages = [p for p in pages_bench.PAGES if p in stems] + [p for p in stems if p not in pages_bench.PAGES]
    goal = page_goal(size)
    figures, notes, rows = [], [], {}
    at = app_test("admin", timeout=300)  # an administrator sees every page
    at.run()
    for page in list(pages):  # warm-up: imports, the store, the boundary files
        try:
            at.switch_page(f"app_pages/{page}.py").run()
        except ValueError:  # not a page of a signed-in administrator (the sign-in page)
            pages.remove(page)
    views = [(page, None) for page in pages]
    # The tabs after the first of the pages that run only their open tab, measured as pages of their own.
    tabbed = {
        "pendanaan": funding_views.TABS,
        "celah": gaps_views.TABS,
        "evaluasi": evaluation_views.TABS,
        "mitra": partner_views.TABS,
        "etalase": catalogue_views.TABS,
    }
    views += [(page, t(key, "id")) for page, keys in tabbed.items() if page in pages for key in keys[1:]]
    for n, (page, tab) in enumerate(views):
        data.wait_for_prefetch()  # what the page before left in the background (Peta's kab/kota maps)
        at = app_test("admin", timeout=300)
        if tab:
            at.query_params["bagian"] = tab
        at.run()
        st.cache_data.clear()
        data.clear_kept()
        at.switch_page(f"app_pages/{page}.py")
        row = {"cold": pages_bench._timed_run(at, 300)}
        errors = pages_bench._errors(at)
        if tab and at.session_state["bagian"] != tab:
            errors.append(f"the tab {tab!r} did not open")
        row["warm"] = [pages_bench._timed_run(at, 300) for _ in range(repeat)]
        errors += pages_bench._errors(at)
        years = pages_bench._other_year(at)
        if years:
            _uncached(at)
            at.selectbox(key="tahun").select(years[1])
            row["tahun"] = pages_bench._timed_run(at, 300)
            errors += pages_bench._errors(at)
            at.selectbox(key="tahun").select(years[0]).run()
        try:
            region = at.selectbox(key="wilayah")
        except KeyError:
            region = None
        if region is not None and len(region.options) > 1:
            # A different kab/kota per page (the caches emptied before): the code, as the widget holds it.
            codes = sorted(_kabkota_codes())
            _uncached(at)
            at.selectbox(key="wilayah").set_value(codes[n % len(codes)])
            row["wilayah"] = pages_bench._timed_run(at, 300)
            errors += pages_bench._errors(at)
            row["wilayah_code"] = codes[n % len(codes)]
            at.selectbox(key="wilayah").set_value(ALL).run()
        _import_program(url, folder, n)
        row["import"] = pages_bench._timed_run(at, 300)
        row["errors"] = list(dict.fromkeys(errors + pages_bench._errors(at)))
        name = f"{page} [{tab}]" if tab else page
        rows[name] = row
        warm = row["warm"]
        label = f"page {name}"
        figures.append(
            figure(
                "pages",
                f"{label}: warm rerun median",
                statistics.median(warm),
                "ms",
                row["cold"],
                "same page, data caches empty",
            )
        )
        figures.append(figure("pages", f"{label}: warm rerun P95 (n={repeat})", p95(warm), "ms", goal=goal))
        for key, text in (
            ("tahun", "after year change"),
            ("wilayah", "after kab/kota change"),
            ("import", "after import"),
        ):
            if key in row:
                figures.append(figure("pages", f"{label}: first rerun {text}", row[key], "ms", goal=goal))
        if row["errors"]:
            notes.append(f"page {name} showed exceptions, its times measure an error page: {row['errors'][:2]}")
    notes.append("pages: signed in as admin; data caches and kept figures emptied, page rerun, then the filter changed")
    return {"figures": figures, "notes": notes, "raw": rows}


def _uncached(at) -> None:
    """Empty Streamlit's data caches and rerun the page at its current filters, so that the next rerun
    after a filter change computes what depends on that filter — as for the first user who picks it
    on a running server — while the rest (the sidebar's lists, the years) is cached again."""
    import streamlit as st

    from ui import data

    st.cache_data.clear()
    data.clear_kept()
    at.run()


def _kabkota_codes() -> list[str]:
    from data_loaders.regions import kabkota_facts

    return [fact.code for fact in kabkota_facts()]


# --- part: browser and server memory (headless Chromium) ----------------------------------------


async def _open(browser, url: str, load) -> tuple[object, float]:
    """A new session opening `url`; (context, seconds until the page is ready)."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url)
    await load._settled_title(page, None)
    seconds = time.perf_counter() - start
    if error := await load._check(page):
        raise RuntimeError(f"{url}: {error}")
    return context, seconds


async def _map_drawn(page, regions: int, inside: str | None = None) -> None:
    """Until the Peta map holds `regions` regions (parts of `inside`, if given) and MapLibre has drawn
    them (tests/test_browser.py)."""
    from tests.test_browser import js_map_drawn

    await page.wait_for_function(js_map_drawn(regions, inside), timeout=120_000, polling=50)


async def _map_click(browser, base: str, load) -> float:
    """Seconds from a click on Kutai Barat on the province map until its 16 kecamatan are drawn."""
    from tests.test_browser import JS_MAP_POINT

    context, _ = await _open(browser, f"{base}/peta", load)
    page = context.pages[0]
    await _map_drawn(page, 10)
    x, y = await page.evaluate(JS_MAP_POINT, list(KUTAI_BARAT))
    start = time.perf_counter()
    await page.mouse.click(x, y)
    await page.wait_for_function("() => location.search.includes('wilayah=')", timeout=120_000, polling=50)
    await page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=120_000)
    await _map_drawn(page, 16, inside="64.07")
    seconds = time.perf_counter() - start
    await context.close()
    return seconds


async def _switches(browser, base: str, load, repeat: int) -> dict[str, list[float]]:
    """Seconds from a sidebar click until the page is ready, per page, `repeat` rounds in one session."""
    context, _ = await _open(browser, base + "/", load)
    page = context.pages[0]
    title = (await page.locator("[data-testid='stMain'] h1").first.inner_text()).strip()
    found: dict[str, list[float]] = {name: [] for name in BROWSER_PAGES}
    for _ in range(repeat):
        for name, path in [*list(BROWSER_PAGES.items())[1:], ("ringkasan", "")]:
            link = page.locator(f"[data-testid='stSidebarNav'] a[href='{base}/{path}']")
            start = time.perf_counter()
            await link.click()
            title = await load._settled_title(page, title)
            found[name].append(time.perf_counter() - start)
    await context.close()
    return found


async def _browser(base: str, repeat: int) -> dict:
    from playwright.async_api import async_playwright

    load = _bench_module("load")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=load.CHROMIUM, args=load.CHROMIUM_ARGS)
        cold, warm = {}, {name: [] for name in BROWSER_PAGES}
        for name, path in BROWSER_PAGES.items():
            context, cold[name] = await _open(browser, f"{base}/{path}", load)
            await context.close()
        click_cold = await _map_click(browser, base, load)
        for _ in range(repeat):
            for name, path in BROWSER_PAGES.items():
                context, seconds = await _open(browser, f"{base}/{path}", load)
                warm[name].append(seconds)
                await context.close()
        click_warm = [await _map_click(browser, base, load) for _ in range(repeat)]
        switch = await _switches(browser, base, load, repeat)
        await browser.close()
    return {"cold": cold, "warm": warm, "switch": switch, "click_cold": click_cold, "click_warm": click_warm}


def part_browser(store: Path, size: int, repeat: int, folder: Path) -> dict:
    """Page-ready, sidebar switch and map click in headless Chromium on one fresh server."""
    load = _bench_module("load")
    url = private_copy(store, folder)
    server = load.start_dashboards(url, 1, folder)[0]
    try:
        raw = asyncio.run(_browser(f"http://127.0.0.1:{server.port}", repeat))
    finally:
        server.stop()
    figures = []
    for name in BROWSER_PAGES:
        warm = statistics.median(raw["warm"][name])
        goal = 2.0 if name == "ringkasan" else None
        figures.append(figure("browser", f"page-ready {name}: cold", raw["cold"][name], "s"))
        figures.append(figure("browser", f"page-ready {name}: warm median", warm, "s", goal=goal))
        figures.append(
            figure(
                "browser",
                f"sidebar switch to {name}: median",
                statistics.median(raw["switch"][name]),
                "s",
                warm,
                "opening it by its address, warm",
                goal=0.8,
            )
        )
    figures.append(figure("browser", "map click to kecamatan map: cold", raw["click_cold"], "s", goal=0.7))
    click = statistics.median(raw["click_warm"])
    figures.append(figure("browser", "map click to kecamatan map: warm median", click, "s", goal=0.7))
    notes = ["page-ready = from goto/click until the script is done, no status widget and the page's h1 shows"]
    return {"figures": figures, "notes": notes, "raw": raw}


async def _server_memory(server, base: str) -> dict:
    """VmRSS after one session opened every public page, then with SESSIONS concurrent sessions."""
    from playwright.async_api import async_playwright

    load = _bench_module("load")
    found = {"launch_mb": server.rss_at_launch}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=load.CHROMIUM, args=load.CHROMIUM_ARGS)
        context, _ = await _open(browser, base + "/", load)
        page = context.pages[0]
        links = page.locator("[data-testid='stSidebarNav'] a")
        hrefs = [await links.nth(i).get_attribute("href") for i in range(await links.count())]
        hrefs = [href for href in hrefs if not href.rstrip("/").endswith("/rapat")]  # rapat hides the sidebar
        title = (await page.locator("[data-testid='stMain'] h1").first.inner_text()).strip()
        for href in hrefs[1:]:
            await page.locator(f"[data-testid='stSidebarNav'] a[href='{href}']").click()
            title = await load._settled_title(page, title)
        await context.close()
        found["pages_opened"] = len(hrefs)
        found["every_page_mb"] = server.rss_mb()

        async def one(index: int) -> object:
            context, _ = await _open(browser, base + "/", load)
            page = context.pages[0]
            heading = (await page.locator("[data-testid='stMain'] h1").first.inner_text()).strip()
            for href in hrefs[1 + index % 3 :: 3][:3]:  # every session three pages, not all the same
                await page.locator(f"[data-testid='stSidebarNav'] a[href='{href}']").click()
                heading = await load._settled_title(page, heading)
            return context

        contexts = await asyncio.gather(*(one(i) for i in range(SESSIONS)))
        found["sessions_mb"] = server.rss_mb()
        status = Path(f"/proc/{server.process.pid}/status").read_text().splitlines()
        found["peak_mb"] = next(int(row.split()[1]) / 1024 for row in status if row.startswith("VmHWM:"))
        for context in contexts:
            await context.close()
        await browser.close()
    return found


def part_server(store: Path, size: int, repeat: int, folder: Path) -> dict:
    """A fresh server's memory after every page, and with SESSIONS concurrent sessions open."""
    load = _bench_module("load")
    url = private_copy(store, folder)
    server = load.start_dashboards(url, 1, folder)[0]
    try:
        raw = asyncio.run(_server_memory(server, f"http://127.0.0.1:{server.port}"))
    finally:
        server.stop()
    launch = raw["launch_mb"]
    label = "server right after start"
    figures = [
        figure(
            "server",
            f"server VmRSS after every page ({raw['pages_opened']})",
            raw["every_page_mb"],
            "MB",
            launch,
            label,
        ),
        figure(
            "server",
            f"server VmRSS with {SESSIONS} sessions",
            raw["sessions_mb"],
            "MB",
            launch,
            label,
            goal=600.0,
            goal_text="<= 600 MB at 5,000,000 rows",
            judged=size >= 5_000_000,
        ),
        figure("server", "server peak (VmHWM) over the whole part", raw["peak_mb"], "MB", launch, label),
    ]
    return {"figures": figures, "notes": [], "raw": raw}


# --- part: read layer ----------------------------------------------------------------------------------


def _timed(function, repeat: int) -> tuple[object, float]:
    """(the last result, median seconds of `repeat` calls)."""
    samples, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - start)
    return result, statistics.median(samples)


def plain_funding(store, year: int) -> float:
    """Planned money per kab/kota and source in pandas over the raw rows; returns the total (Rupiah)."""
    programs = store.query("SELECT id, year FROM programs")
    allocations = store.query(
        "SELECT program_id, region_code, funding_source, budget_idr, spent_idr FROM program_allocations"
    )
    regions = store.query("SELECT code, kabkota_code FROM regions")
    rows = allocations.merge(programs, left_on="program_id", right_on="id").merge(
        regions, left_on="region_code", right_on="code", how="left"
    )
    rows = rows[rows.year == year]
    table = rows.groupby(["kabkota_code", "funding_source"], dropna=False)[["budget_idr", "spent_idr"]].sum()
    return float(table["budget_idr"].astype(float).sum())


def plain_gaps(store, year: int) -> int:
    """Need and reach per kab/kota x PPKS category in pandas over the raw rows; returns the cells."""
    regions = store.query("SELECT code, kabkota_code FROM regions")
    need = store.query("SELECT year, region_code, ppks_category_id, count, unit FROM ppks_counts")
    people = store.query("SELECT nik_hash, year, region_code, ppks_category_id FROM beneficiaries")
    need = need[need.year == year].merge(regions, left_on="region_code", right_on="code")
    people = people[people.year == year].merge(regions, left_on="region_code", right_on="code")
    need = need.groupby(["kabkota_code", "ppks_category_id", "unit"])["count"].sum().reset_index()
    reach = people.groupby(["kabkota_code", "ppks_category_id"])["nik_hash"].nunique().rename("reached").reset_index()
    return len(need.merge(reach, on=["kabkota_code", "ppks_category_id"], how="outer"))


def plain_evaluation(store, year: int) -> int:
    """Indicator achievement (actual / target) per indicator and region in pandas; returns the rows."""
    table = store.query("SELECT year, target, actual FROM indicators")
    table = table[table.year == year].copy()
    table["achievement"] = table["actual"].astype(float) / table["target"].astype(float)
    return len(table)


def _child_json(code: str, env: dict | None = None) -> dict:
    """Run `code` in a new Python process; its last stdout line as JSON, plus the process's VmHWM
    (printed by a line appended to `code`) as 'peak_mb'."""
    suffix = (
        "\nimport json as _j, pathlib as _p\n"
        "print(_j.dumps({'peak_mb': [int(r.split()[1]) / 1024 for r in "
        "_p.Path('/proc/self/status').read_text().splitlines() if r.startswith('VmHWM:')][0]}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code + suffix], capture_output=True, text=True, cwd=REPO, env=env, timeout=CHILD_TIMEOUT
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    lines = done.stdout.strip().splitlines()
    return {**json.loads(lines[-2]), **json.loads(lines[-1])}


def part_read(store: Path, size: int, repeat: int, folder: Path) -> dict:
    """The read layer's main views beside the plain way, the summary command, the overlap engine."""
    from data_loaders.store import open_store
    from domain.evaluation import indicators
    from domain.filters import Filters
    from domain.funding import by_region
    from domain.gaps import area_categories
    from domain.overview import figures as overview_figures
    from domain.reader import Reader

    overview_bench = _bench_module("overview")
    overlap_bench = _bench_module("overlap")
    url = f"duckdb:///{store}"
    opened = open_store(url, read_only=True)
    year = 2025
    filters = Filters(year)
    found, notes = [], []
    try:
        sql, view_s = _timed(lambda: overview_figures(Reader(opened), filters), repeat)
        plain, plain_s = _timed(lambda: overview_bench.naive_kpis(opened, filters), repeat)
        if (sql.budget_idr, sql.spent_idr, sql.programs) != plain[:3]:
            notes.append(f"overview money/programs differ from the pandas baseline: {plain[:3]}")
        if sql.ppks.jiwa != plain[3]:
            # bench/overview.py's baseline sums need over every region level; the view takes one level.
            notes.append(f"overview need: view {sql.ppks.jiwa:,.0f} jiwa, bench/overview.py baseline {plain[3]:,.0f}")
        found.append(
            figure("read", "domain.overview.figures", view_s * 1000, "ms", plain_s * 1000, "pandas over raw rows")
        )
        view, view_s = _timed(lambda: by_region(Reader(opened), filters), repeat)
        total, plain_s = _timed(lambda: plain_funding(opened, year), repeat)
        if abs(float(view.table["budget"].sum()) - total) > 1:
            notes.append(f"funding by region total {view.table['budget'].sum()} differs from pandas {total}")
        found.append(
            figure("read", "domain.funding.by_region", view_s * 1000, "ms", plain_s * 1000, "pandas over raw rows")
        )
        _, view_s = _timed(lambda: area_categories(Reader(opened), filters), repeat)
        _, plain_s = _timed(lambda: plain_gaps(opened, year), repeat)
        found.append(
            figure("read", "domain.gaps.area_categories", view_s * 1000, "ms", plain_s * 1000, "pandas need x reach")
        )
        _, view_s = _timed(lambda: indicators(Reader(opened), filters), repeat)
        _, plain_s = _timed(lambda: plain_evaluation(opened, year), repeat)
        found.append(figure("read", "domain.evaluation.indicators", view_s * 1000, "ms", plain_s * 1000, "pandas"))
    finally:
        opened.close()

    env = {**os.environ, "DATABASE_URL": url}
    summary = []
    for _ in range(max(1, repeat // 2)):
        start = time.perf_counter()
        command = [sys.executable, "-m", "data_loaders", "summary", "--year", str(year), "--format", "json"]
        subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
        summary.append(time.perf_counter() - start)
    plain_code = (
        f"import sys; sys.path.insert(0, {str(REPO)!r})\n"
        "import importlib.util, json\n"
        f"spec = importlib.util.spec_from_file_location('o', {str(BENCH / 'overview.py')!r})\n"
        "o = importlib.util.module_from_spec(spec); spec.loader.exec_module(o)\n"
        "from data_loaders.store import open_store\nfrom domain.filters import Filters\n"
        f"s = open_store({url!r}, read_only=True); print(json.dumps({{'kpis': o.naive_kpis(s, Filters({year}))}}))\n"
    )
    plain_runs = []
    for _ in range(max(1, repeat // 2)):
        start = time.perf_counter()
        _child_json(plain_code)
        plain_runs.append(time.perf_counter() - start)
    found.append(
        figure(
            "read",
            "summary command (whole process)",
            statistics.median(summary),
            "s",
            statistics.median(plain_runs),
            "a process doing the pandas overview",
        )
    )

    sql = _child_json(overlap_bench.SQL.format(repo=str(REPO), url=url))
    pandas = _child_json(overlap_bench.PANDAS.format(repo=str(REPO), url=url))
    if sql["province"] != pandas["province"]:
        notes.append(f"overlap counts differ: SQL {sql['province']}, pandas {pandas['province']}")
    at_5m = size >= 5_000_000
    found.append(
        figure(
            "read",
            "overlap engine (own process)",
            sql["seconds"],
            "s",
            pandas["seconds"],
            "pandas",
            0.7,
            "<= 0.7 s at 5 M",
            judged=at_5m,
        )
    )
    speedup = pandas["seconds"] / sql["seconds"] if sql["seconds"] else None
    found.append(
        figure(
            "read",
            "overlap engine: times faster than pandas",
            speedup,
            "x",
            goal=8.0,
            goal_text=">= 8x at 5 M",
            lower_is_better=False,
            judged=at_5m,
        )
    )
    found.append(figure("read", "overlap engine: peak memory", sql["peak_mb"], "MB", pandas["peak_mb"], "pandas peak"))
    found.append(
        figure(
            "read",
            "overlap view of the province (stored figures)",
            sql["view_seconds"] * 1000,
            "ms",
            sql["seconds"] * 1000,
            "the engine on the year's rows",
        )
    )
    notes.append(
        "read views: median of calls with a new Reader each (no cache); the funding/gaps/evaluation "
        "baselines compute the view's main table in pandas, not every column of the view"
    )
    return {"figures": found, "notes": notes}


# --- part: packs --------------------------------------------------------------------------------------


def part_packs(store: Path, size: int, repeat: int, folder: Path) -> dict:
    """The PDF and PPTX of the full-province deck beside the charts exported one by one."""
    import plotly.io as pio

    from data_loaders.store import open_store
    from domain.filters import Filters
    from domain.meeting import deck
    from domain.reader import Reader
    from reports.images import browser_path
    from reports.pdf import write_pdf
    from reports.pptx import write_pptx

    packs = _bench_module("packs")
    os.environ.setdefault("BROWSER_PATH", browser_path())
    opened = open_store(f"duckdb:///{store}", read_only=True)
    try:
        made, deck_s = packs.timed(
            lambda: deck(
                Reader(opened), Filters(2025), "id", "Rapat Koordinasi", dt.date.today(), "http://localhost:8501"
            )
        )
    finally:
        opened.close()
    charts = [chart for slide in made.slides for chart in slide.figures]
    try:
        _, pdf_s = packs.timed(lambda: write_pdf(made))
        _, pptx_s = packs.timed(lambda: write_pptx(made))
        _, plain_s = packs.timed(lambda: [pio.to_image(f, format="png", width=1776, height=790) for f in charts])
    except Exception as error:  # kaleido or Chromium failing is noted, not fatal for the other parts
        return {"figures": [], "notes": [f"packs skipped: {type(error).__name__}: {str(error)[:300]}"]}
    label = f"{len(charts)} charts via plotly.io.to_image"
    return {
        "figures": [
            figure("packs", "PDF pack (deck + PDF)", deck_s + pdf_s, "s", plain_s, label, 30.0, "<= 30 s"),
            figure("packs", "PPTX pack (deck + PPTX)", deck_s + pptx_s, "s", plain_s, label, 30.0, "<= 30 s"),
        ],
        "notes": [],
    }


# --- once per run: map payload, import ------------------------------------------------------------------


def part_map(store: Path | None, size: int, repeat: int, folder: Path) -> dict:
    """The largest boundary payload per map level against the unsimplified source."""
    from data_loaders.geo import BUDGET, boundaries, encoded_size
    from data_loaders.regions import kabkota_facts

    map_bench = _bench_module("map_payload")
    levels = [("kabupaten_kota", [None]), ("kecamatan", [f.code for f in kabkota_facts()])]
    levels.append(("desa_kelurahan", [f.code for f in kabkota_facts()]))
    found = []
    for level, parents in levels:
        sent = [encoded_size(boundaries(level, parent)) for parent in parents]
        raw = [map_bench.raw_size(level, parent) for parent in parents]
        worst = max(range(len(parents)), key=sent.__getitem__)
        found.append(
            figure(
                "map",
                f"map payload {level} (largest map)",
                sent[worst] / 1000,
                "kB",
                raw[worst] / 1000,
                "unsimplified boundaries",
                BUDGET[level] / 1000,
                "the level's budget (data_loaders/geo.py)",
            )
        )
    return {"figures": found, "notes": []}


IMPORT_CHILD = """
import runpy, sys, atexit, pathlib, json
def _peak():
    rows = pathlib.Path("/proc/self/status").read_text().splitlines()
    peak = [int(r.split()[1]) / 1024 for r in rows if r.startswith("VmHWM:")][0]
    pathlib.Path({peak_file!r}).write_text(json.dumps(peak))
atexit.register(_peak)
sys.argv = ["data_loaders", "import", {csv!r}, "--kind", "penerima"]
runpy.run_module("data_loaders", run_name="__main__")
"""

NAIVE_CHILD = """
import importlib.util, json, sys
sys.path.insert(0, {repo!r})
spec = importlib.util.spec_from_file_location("ib", {bench!r})
ib = importlib.util.module_from_spec(spec); spec.loader.exec_module(ib)
from pathlib import Path
print(json.dumps({{"rate": ib.naive(Path({csv!r}), {rows}, {url!r})}}))
"""


def part_import(store: Path | None, size: int, repeat: int, folder: Path, rows: int = 1_000_000) -> dict:
    """Import of `rows` beneficiary rows (time, own peak) beside the row-by-row baseline."""
    import_bench = _bench_module("import_beneficiaries")
    csv = folder / "penerima.csv"
    import_bench.write_csv(csv, rows)
    peak_file = folder / "peak.json"
    env = {**os.environ, "DATABASE_URL": f"duckdb:///{folder}/import.duckdb", "SINERGI_NIK_KEY": import_bench.KEY}
    start = time.perf_counter()
    code = IMPORT_CHILD.format(peak_file=str(peak_file), csv=str(csv))
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"import failed: {done.stdout[-1500:]}{done.stderr[-1500:]}")
    peak = json.loads(peak_file.read_text())
    naive_rows = min(rows, 5_000 if rows < 1_000_000 else 20_000)
    naive = _child_json(
        NAIVE_CHILD.format(
            repo=str(REPO),
            bench=str(BENCH / "import_beneficiaries.py"),
            csv=str(csv),
            rows=naive_rows,
            url=f"duckdb:///{folder}/naive.duckdb",
        ),
        env=env,
    )
    naive_s = rows / naive["rate"]
    at_full = rows >= 1_000_000
    label = f"row by row, {naive_rows:,} rows scaled"
    return {
        "figures": [
            figure(
                "import",
                f"import {rows:,} beneficiary rows",
                seconds,
                "s",
                naive_s,
                label,
                10.0,
                "<= 10 s at 1,000,000",
                judged=at_full,
            ),
            figure(
                "import",
                "import rate",
                rows / seconds,
                "rows/s",
                naive["rate"],
                "row by row",
                100_000.0,
                ">= 100,000/s (1,000,000 in 10 s)",
                lower_is_better=False,
                judged=at_full,
            ),
            figure(
                "import",
                "import peak memory (own process)",
                peak,
                "MB",
                naive["peak_mb"],
                "row-by-row process peak",
                1024.0,
                "<= 1 GB at 1,000,000",
                judged=at_full,
            ),
        ],
        "notes": [f"import process: {done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ''}"],
    }


CHILDREN = {
    "pages": part_pages,
    "browser": part_browser,
    "server": part_server,
    "read": part_read,
    "packs": part_packs,
    "map": part_map,
    "import": part_import,
}


def child(args: argparse.Namespace) -> None:
    """Run one part in this process and write its result, with this process's own peak, to --out."""
    store = Path(args.store) if args.store else None
    with tempfile.TemporaryDirectory(prefix=f"sinergi-bench-{args.child}-") as folder:
        if args.child == "import":
            result = part_import(store, args.size, args.repeat, Path(folder), rows=args.import_rows)
        else:
            result = CHILDREN[args.child](store, args.size, args.repeat, Path(folder))
    result["peak_mb"] = own_peak_mb()
    Path(args.out).write_text(json.dumps(result, default=str))


# --- driver ---------------------------------------------------------------------------------------------


def run_part(part: str, store: Path | None, size: int, args: argparse.Namespace, folder: Path) -> dict:
    """One part in its own subprocess; a failure becomes a note (the other parts still run)."""
    out = folder / f"{part}-{size}.json"
    command = [sys.executable, "-P", str(Path(__file__).resolve()), "--child", part, "--size", str(size)]
    command += ["--repeat", str(args.repeat), "--out", str(out), "--import-rows", str(args.import_rows)]
    if store is not None:
        command += ["--store", str(store)]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"figures": [], "notes": [f"{part}: stopped after {CHILD_TIMEOUT} s"], "seconds": CHILD_TIMEOUT}
    seconds = time.perf_counter() - start
    if done.returncode or not out.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-6:]
        return {
            "figures": [],
            "notes": [f"{part} failed (exit {done.returncode}): {' | '.join(tail)}"],
            "seconds": seconds,
        }
    result = json.loads(out.read_text())
    result["seconds"] = seconds
    return result


def machine() -> dict:
    """Cores, CPU model, Python, DuckDB, Streamlit and the git commit (read-only query)."""
    import duckdb
    import streamlit

    pages_bench = _bench_module("pages")
    info = pages_bench.machine_info()
    return {
        "cores": len(os.sched_getaffinity(0)),
        "cpu_count": os.cpu_count(),
        "description": info[0],
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "streamlit": streamlit.__version__,
        "platform": platform.platform(),
        "commit": pages_bench.describe(REPO),
        "load_before": list(os.getloadavg()),
    }


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def print_table(title: str, block: dict) -> None:
    """One table: figure, value, baseline, ratio, goal, pass/fail; then the notes."""
    print(f"\n== {title}")
    print(f"{'figure':<54}{'value':>11} {'unit':<7}{'baseline':>11} {'ratio':>7} {'goal':>9} {'pass':<5} baseline is")
    for row in block["figures"]:
        passed = {True: "pass", False: "FAIL", None: "-"}[row["pass"]]
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}"
        print(
            f"{row['figure'][:53]:<54}{_cell(row['value']):>11} {row['unit']:<7}{_cell(row['baseline']):>11} "
            f"{ratio:>7} {_cell(row['goal']):>9} {passed:<5} {row['baseline_label']}"
        )
    for note in block["notes"]:
        print(f"   note: {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200000,1000000,5000000", help="beneficiary rows, comma-separated")
    parser.add_argument("--quick", action="store_true", help=f"one size ({QUICK_SIZE:,}), 5 repetitions")
    parser.add_argument("--only", help=f"parts, comma-separated, of: {','.join(PARTS)}")
    parser.add_argument("--out", type=Path, help="the JSON file (default bench/results/<date>[-quick].json)")
    parser.add_argument("--repeat", type=int, help="repetitions (default 20; 5 with --quick)")
    parser.add_argument("--child", choices=PARTS, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--import-rows", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.repeat is None:
        args.repeat = 5 if args.quick else 20
    if args.import_rows is None:
        args.import_rows = 50_000 if args.quick else 1_000_000
    if args.child:
        child(args)
        return 0
    parts = PARTS if not args.only else tuple(p.strip() for p in args.only.split(",") if p.strip())
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"--only: unknown part {', '.join(unknown)}; the parts are {', '.join(PARTS)}")
    try:
        sizes = (
            [QUICK_SIZE] if args.quick else [int(s.replace(".", "").replace("_", "")) for s in args.sizes.split(",")]
        )
    except ValueError:
        parser.error(f"--sizes {args.sizes!r}: give whole numbers separated by commas, e.g. 200000,1000000")

    started = time.perf_counter()
    result = {
        "command": " ".join(["python", "bench/run.py", *sys.argv[1:]]),
        "quick": args.quick,
        "repeat": args.repeat,
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "sizes": [],
        "once": None,
    }
    m = result["machine"]
    print(f"bench/run.py: sizes {', '.join(f'{s:,}' for s in sizes)}; parts {', '.join(parts)}; repeat {args.repeat}")
    print(m["description"])
    print(f"python {m['python']}, duckdb {m['duckdb']}, streamlit {m['streamlit']}; {m['commit']}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in m['load_before'])}")
    with tempfile.TemporaryDirectory(prefix="sinergi-bench-run-") as folder:
        for size in sizes:
            block = {"size": size, "figures": [], "notes": [], "parts": {}}
            wanted = [p for p in parts if p in SIZE_PARTS]
            if wanted:
                store, build_s = sample_store(size)
                block.update(store=str(store), build_s=build_s)
                how = "cached" if build_s is None else f"built in {build_s:.0f} s"
                block["notes"].append(f"sample store {store.name} ({how})")
            for part in wanted:
                done = run_part(part, store, size, args, Path(folder))
                block["parts"][part] = {k: v for k, v in done.items() if k not in ("figures", "notes")}
                block["figures"] += done["figures"]
                block["notes"] += done["notes"]
                block["notes"].append(
                    f"{part}: {done['seconds']:.0f} s, part process peak {done.get('peak_mb', 0):.0f} MB"
                )
            if wanted:
                result["sizes"].append(block)
                print_table(f"{size:,} beneficiary rows", block)
        once = [p for p in parts if p in ONCE_PARTS]
        if once:
            block = {"figures": [], "notes": [], "parts": {}}
            for part in once:
                done = run_part(part, None, 0, args, Path(folder))
                block["parts"][part] = {k: v for k, v in done.items() if k not in ("figures", "notes")}
                block["figures"] += done["figures"]
                block["notes"] += done["notes"]
                block["notes"].append(f"{part}: {done['seconds']:.0f} s")
            result["once"] = block
            print_table("independent of the sample size (map boundaries, import)", block)
    m["load_after"] = list(os.getloadavg())
    result["duration_s"] = time.perf_counter() - started
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in m['load_after'])}; cores {m['cores']}")
    out = args.out or RESULTS / f"{dt.date.today().isoformat()}{'-quick' if args.quick else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    print(f"total {result['duration_s']:.0f} s; JSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

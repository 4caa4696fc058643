"""Load benchmark (issue 15): simultaneous headless-Chromium sessions clicking through the pages of
two or more dashboard servers behind nginx, all on one PostgreSQL, while imports run in a loop.

    python bench/load.py [--sessions 20] [--seconds 90] [--servers 2] [--url postgresql://…]

Without `--url` it starts a private PostgreSQL (tests/postgres_server.py) and fills it with the
sample data (`build_demo`, --beneficiaries, default 200.000). The store then gets one import of
`BENCH-01` so that the later imports are accepted (a store holding sample data refuses imports, see
`importer.sample_imports`): the sample import row is relabelled as imported data in this private
database. With `--url` the database is used as it is (it must accept program imports).

Then: `--servers` `streamlit run dashboard.py` processes on free ports, nginx with
deploy/nginx/sinergi.conf pointed at them (needs nginx: `apt-get install nginx`), and one Chromium
with one browser context per session. The sessions start `--ramp` s apart (default 1: a
meeting's users do not all press Enter in the same second). Each session opens the proxy's root
(again after an error, as a user would reload) and then clicks the public pages of the sidebar in
turn (its own starting page; the meeting page is left out: it hides the sidebar) with `--think`
seconds between clicks, until `--seconds` have passed. Meanwhile
`python -m data_loaders import` runs in a loop with two versions of one program file (each import
changes figures, so every server's caches go stale and every page reads again).

Page ready = from the click until the page's main heading (h1) shows the title that page showed
in the warm-up, Streamlit's app element says the script is not running, the status widget
("Running…") is gone — and no exception element or error text is on the page. A visit that shows an
error, or is not ready within `--timeout` s, is an error.

Memory: VmRSS of each server process (/proc/<pid>/status) once it answers, after the warm-up (one
visit of every page per server) and at the end; growth = end − after warm-up. CPU seconds used
during the run by the servers, by Chromium and by the import processes (/proc/<pid>/stat,
getrusage), against cores × seconds available: on a small machine the browsers are most of the load,
so page-ready there measures the machine as much as the dashboard.

Prints a table and writes bench/results/load-<UTC date and time>.json.
Goals (issue 15): 100 % ready without error, P95 page-ready < 5 s, RSS growth < 100 MB per server.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SITE = REPO / "deploy" / "nginx" / "sinergi.conf"
RESULTS = REPO / "bench" / "results"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY_JS = """(title) => {
    const app = document.querySelector("[data-testid='stApp']");
    const h1 = document.querySelector("[data-testid='stMain'] h1");
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector("[data-testid='stStatusWidget']")
        && !!h1 && h1.innerText.trim() === title;
}"""
SETTLED_JS = """(previous) => {
    const app = document.querySelector("[data-testid='stApp']");
    const h1 = document.querySelector("[data-testid='stMain'] h1");
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector("[data-testid='stStatusWidget']")
        && !!h1 && h1.innerText.trim() !== '' && h1.innerText.trim() !== previous;
}"""
POLL_MS = 200  # how often a session looks whether its page is ready: the resolution of page-ready
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")  # nginx's temporary files, in its folder
ERROR_TEXTS = ("This app has encountered an error", "Data sementara tidak tersedia", "Page not found")
IMPORT_FILE = (
    "Kode Program,Nama Program,Implementer,Funding Source,Tahun,Kategori PPKS,Wilayah,Pagu (Rp),"
    "Realisasi (Rp),Target Penerima,Realisasi Penerima,Tanggal Mulai\n"
    "BENCH-01,Program Uji Beban,Dinas Sosial Provinsi Kalimantan Timur,APBD Prov,2025,FM,Kota Samarinda,"
    "{budget},{spent},10,9,1 Maret 2025\n"
)


# --- nginx and servers (tests/test_deploy.py uses these too) -----------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render_site(ports: list[int], listen: int) -> str:
    """deploy/nginx/sinergi.conf with one upstream line per port in `ports` and `listen` instead of
    8080. Raises ValueError when the file no longer holds the lines this rewrites."""
    text = SITE.read_text(encoding="utf-8")
    line = re.compile(r"^(\s*)server 127\.0\.0\.1:8501 (.*);\n\s*server 127\.0\.0\.1:8502 .*;\n", re.M)
    match = line.search(text)
    if match is None or "listen 8080;" not in text:
        raise ValueError(f"{SITE}: the upstream lines 127.0.0.1:8501/8502 or 'listen 8080;' are missing")
    indent, options = match.group(1), match.group(2)
    servers = "".join(f"{indent}server 127.0.0.1:{port} {options};\n" for port in ports)
    return text[: match.start()] + servers + text[match.end() :].replace("listen 8080;", f"listen {listen};")


@dataclass
class Nginx:
    """nginx running in the foreground with its prefix, logs and temporary files in `folder`."""

    folder: Path
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def error_log(self) -> str:
        log = self.folder / "error.log"
        return log.read_text(errors="replace") if log.exists() else ""

    def stop(self) -> None:
        """Stop nginx and delete its folder."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_nginx(ports: list[int], listen: int | None = None) -> Nginx:
    """nginx (`nginx -p <tmp> -c <tmp>/nginx.conf -g 'daemon off;'`) serving the site file pointed at
    `ports`, on `listen` (default: a free port); returns once it answers. Raises FileNotFoundError
    without nginx, RuntimeError when it does not start within 10 s (with its error log)."""
    program = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(program).exists():
        raise FileNotFoundError("nginx is not installed: apt-get install -y nginx")
    listen = listen or free_port()
    folder = Path(tempfile.mkdtemp(prefix="sinergi-nginx-"))
    folder.chmod(0o755)  # nginx's workers (user nobody when started as root) write temporary files here
    (folder / "sinergi.conf").write_text(render_site(ports, listen), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"{user}worker_processes 1;\nerror_log {folder}/error.log warn;\npid {folder}/nginx.pid;\n"
        "events { worker_connections 4096; }\n"
        f"http {{\n    access_log {folder}/access.log;\n"
        + "".join(f"    {kind}_temp_path {folder}/{kind};\n" for kind in TEMP_PATHS)
        + f"    include {folder}/sinergi.conf;\n}}\n",
        encoding="utf-8",
    )
    command = [program, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")]
    process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    nginx = Nginx(folder, listen, process)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", listen), timeout=1):
                return nginx
        except OSError:
            time.sleep(0.1)
    errors = process.stderr.read().decode(errors="replace") if process.poll() is not None else ""
    log = nginx.error_log()
    nginx.stop()
    raise RuntimeError(f"nginx did not start: {errors}{log}")


@dataclass
class Dashboard:
    """One `streamlit run dashboard.py` process on 127.0.0.1:`port`."""

    port: int
    process: subprocess.Popen
    log: Path
    rss_at_launch: float = 0.0  # MB, once it answered, before any page was opened

    def rss_mb(self) -> float:
        """The process's resident memory (VmRSS of /proc/<pid>/status), MB."""
        for row in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if row.startswith("VmRSS:"):
                return int(row.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for process {self.process.pid}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_dashboards(database_url: str, count: int, folder: Path, timeout: float = 90) -> list[Dashboard]:
    """`count` dashboard processes on free ports with DATABASE_URL = `database_url`, their output in
    `folder`/dashboard-<port>.log; returns once all answer /_stcore/health. Raises RuntimeError
    (with the log's end) when one does not answer within `timeout` s."""
    servers = []
    for _ in range(count):
        port = free_port()
        log = folder / f"dashboard-{port}.log"
        command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        env = {**os.environ, "DATABASE_URL": database_url}
        with log.open("wb") as out:
            process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
        servers.append(Dashboard(port, process, log))
    deadline = time.monotonic() + timeout
    for server in servers:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/_stcore/health", timeout=2):
                    break
            except OSError as error:
                if time.monotonic() > deadline or server.process.poll() is not None:
                    for each in servers:
                        each.stop()
                    log = server.log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"dashboard did not start: {log}") from error
                time.sleep(0.3)
        server.rss_at_launch = server.rss_mb()
    return servers


# --- the load ------------------------------------------------------------------------------------


@dataclass
class Visit:
    session: int
    page: str
    upstream: str
    seconds: float
    error: str | None
    opened: bool = False  # True: the root opened by its address (a new session); False: a sidebar click


@dataclass
class Imports:
    done: int = 0
    failed: int = 0
    seconds: list[float] = field(default_factory=list)
    last_error: str = ""


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) process `pid` has used so far, s (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def browser_cpu_seconds() -> float:
    """CPU time of the Chromium processes this process started (through Playwright's driver), s."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
    total = 0.0
    for pid in parents:
        ancestor, depth = parents.get(pid), 0
        while ancestor not in (None, 0, 1, os.getpid()) and depth < 10:
            ancestor, depth = parents.get(ancestor), depth + 1
        if ancestor == os.getpid():
            try:
                if b"chrom" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    total += _cpu_seconds(pid)
            except OSError:
                continue
    return total


def postgres_cpu_seconds(folder: Path | None) -> float | None:
    """CPU time of the PostgreSQL server in `folder` (its postmaster and that one's children), s;
    None for a server this run did not start."""
    if folder is None:
        return None
    postmaster = int((folder / "data" / "postmaster.pid").read_text().split()[0])
    total = _cpu_seconds(postmaster)
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == postmaster:
                total += _cpu_seconds(int(entry.name))
        except OSError:
            continue
    return total


def _page_error(text: str) -> str | None:
    return next((f"error text: {e}" for e in ERROR_TEXTS if e in text), None)


async def _ready(page, title: str, timeout: float) -> None:
    await page.wait_for_function(READY_JS, arg=title, timeout=timeout * 1000, polling=POLL_MS)


async def _check(page) -> str | None:
    if await page.locator("[data-testid='stException']").count():
        return "exception element"
    return _page_error(await page.locator("[data-testid='stMain']").inner_text())


async def _settled_title(page, previous: str | None) -> str:
    """The main heading once the script has finished and the heading is not `previous` any more."""
    await page.wait_for_function(SETTLED_JS, arg=previous, timeout=120_000, polling=100)
    return (await page.locator("[data-testid='stMain'] h1").first.inner_text()).strip()


async def warm_up(browser, proxy: str, servers: int) -> dict[str, str]:
    """Open every public page of the sidebar once on each server (new contexts until every server
    was reached); returns the pages' titles {path: h1 text}, '' the root. Raises RuntimeError when a
    page shows an error."""
    titles: dict[str, str] = {}
    reached: set[str] = set()
    for _ in range(servers * 8):
        context = await browser.new_context(viewport={"width": 1400, "height": 900})
        page = await context.new_page()
        response = await page.goto(proxy + "/")
        upstream = response.headers.get("x-upstream", "")
        if upstream in reached:
            await context.close()
            continue
        reached.add(upstream)
        title = titles.setdefault("", await _settled_title(page, None))
        links = page.locator("[data-testid='stSidebarNav'] a")
        hrefs = [await links.nth(i).get_attribute("href") for i in range(await links.count())]
        for href in hrefs:
            path = href.removeprefix(proxy).strip("/")
            if path in ("rapat", ""):
                continue
            await page.locator(f"[data-testid='stSidebarNav'] a[href='{href}']").click()
            title = titles.setdefault(path, await _settled_title(page, title))
            if error := await _check(page):
                raise RuntimeError(f"warm-up: /{path} on {upstream}: {error}")
        await context.close()
        if len(reached) >= servers:
            break
    return titles


async def session(
    browser,
    number: int,
    proxy: str,
    titles: dict[str, str],
    until: float,
    args: argparse.Namespace,
    visits: list[Visit],
) -> None:
    """One user: waits `number` × `args.ramp` s, opens the root (again after an error), then clicks
    the pages of the sidebar in turn, pausing `args.think` s between clicks, until `until`."""
    await asyncio.sleep(number * args.ramp)
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    upstream = ""
    order = list(titles)
    order = order[number % len(order) :] + order[: number % len(order)]
    current = None  # the page on screen; None: open the root
    step = 0
    while time.monotonic() < until:
        if current is None:
            target = ""
        else:
            step += 1
            target = order[step % len(order)]
            if target == current:
                continue
            await asyncio.sleep(args.think)
        start = time.monotonic()
        try:
            if current is None:
                response = await page.goto(proxy + "/", wait_until="commit", timeout=args.timeout * 1000)
                upstream = response.headers.get("x-upstream", "")
            else:
                link = page.locator(f"[data-testid='stSidebarNav'] a[href='{proxy}/{target}']")
                await link.click(timeout=args.timeout * 1000)
            await _ready(page, titles[target], args.timeout)
            error = await _check(page)
        except Exception as failure:  # a timeout or a lost page is a measured error
            error = f"{type(failure).__name__}: {str(failure).splitlines()[0]}"[:300]
        visits.append(Visit(number, target, upstream, time.monotonic() - start, error, opened=current is None))
        current = None if error else target  # after an error the user reloads the root
    await context.close()


async def import_loop(database_url: str, folder: Path, until: float, imports: Imports) -> None:
    """Import the two versions of the BENCH-01 program file in turn until `until`."""
    files = []
    for number, (budget, spent) in enumerate((("1.000.000.000", "900.000.000"), ("1.500.000.000", "1.200.000.000"))):
        path = folder / f"bench-program-{number}.csv"
        path.write_text(IMPORT_FILE.format(budget=budget, spent=spent), encoding="utf-8")
        files.append(path)
    env = {**os.environ, "DATABASE_URL": database_url}
    turn = 1
    while time.monotonic() < until:
        start = time.monotonic()
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "data_loaders",
            "import",
            str(files[turn % 2]),
            "--kind",
            "program",
            cwd=REPO,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await process.communicate()
        if process.returncode == 0:
            imports.done += 1
            imports.seconds.append(time.monotonic() - start)
        else:
            imports.failed += 1
            imports.last_error = output.decode(errors="replace")[-500:]
        turn += 1


def fill(database_url: str, beneficiaries: int, folder: Path) -> None:
    """The sample data in `database_url`, relabelled as imported data, and a first BENCH-01 import."""
    from data_loaders.demo import build_demo
    from data_loaders.store import open_store

    store = open_store(database_url)
    try:
        build_demo(store, beneficiaries=beneficiaries)
        with store.transaction() as tx:
            tx.execute("UPDATE imports SET is_sample = FALSE WHERE is_sample")
    finally:
        store.close()
    path = folder / "bench-program-first.csv"
    path.write_text(IMPORT_FILE.format(budget="1.000.000.000", spent="900.000.000"), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "-m", "data_loaders", "import", str(path), "--kind", "program"]
    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)


def _rusage_seconds(end: resource.struct_rusage, start: resource.struct_rusage) -> float:
    return end.ru_utime + end.ru_stime - start.ru_utime - start.ru_stime


def _spread(seconds: list[float]) -> dict[str, float | None]:
    """P50, P95 and max of `seconds` (None when empty)."""
    if not seconds:
        return {"p50": None, "p95": None, "max": None}
    return {
        "p50": round(statistics.median(seconds), 2),
        "p95": round(percentile(seconds, 0.95), 2),
        "max": round(max(seconds), 2),
    }


def percentile(values: list[float], share: float) -> float:
    """The `share` (0–1) percentile of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


async def run_load(
    args, proxy: str, database_url: str, folder: Path, servers: list[Dashboard], postgres: Path | None
) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm = time.monotonic()
        titles = await warm_up(browser, proxy, len(servers))
        warm = time.monotonic() - warm
        rss_start = [server.rss_mb() for server in servers]  # after the warm-up: modules and caches loaded
        cpu_start = [_cpu_seconds(server.process.pid) for server in servers]
        browser_start = browser_cpu_seconds()
        postgres_start = postgres_cpu_seconds(postgres)
        children_start = resource.getrusage(resource.RUSAGE_CHILDREN)
        visits: list[Visit] = []
        imports = Imports()
        begin = time.monotonic()
        until = begin + args.seconds
        tasks = [session(browser, n, proxy, titles, until, args, visits) for n in range(args.sessions)]
        if args.imports:
            tasks.append(import_loop(database_url, folder, until, imports))
        await asyncio.gather(*tasks)
        elapsed = time.monotonic() - begin
        cpu = {
            "servers": round(sum(_cpu_seconds(s.process.pid) for s in servers) - sum(cpu_start), 1),
            "chromium": round(browser_cpu_seconds() - browser_start, 1),
            "imports": round(_rusage_seconds(resource.getrusage(resource.RUSAGE_CHILDREN), children_start), 1),
            "postgres": None if postgres is None else round(postgres_cpu_seconds(postgres) - postgres_start, 1),
            "available": round(elapsed * (os.cpu_count() or 1), 1),
        }
        await browser.close()
    rss_end = [server.rss_mb() for server in servers]
    ready = [v.seconds for v in visits if v.error is None]
    errors = [v for v in visits if v.error]
    per_upstream: dict[str, int] = {}
    for visit in visits:
        per_upstream[visit.upstream] = per_upstream.get(visit.upstream, 0) + 1
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sessions": args.sessions,
        "servers": len(servers),
        "seconds": round(elapsed, 1),
        "think_s": args.think,
        "ramp_s": args.ramp,
        "import_loop": args.imports,
        "beneficiaries": None if args.url else args.beneficiaries,
        "warm_up_s": round(warm, 1),
        "pages": titles,
        "visits": len(visits),
        "errors": len(errors),
        "ready_without_error_pct": round(100 * len(ready) / len(visits), 2) if visits else 0.0,
        "page_ready_s": _spread(ready),
        "page_ready_clicks_s": _spread([v.seconds for v in visits if not v.error and not v.opened]),
        "page_ready_new_sessions_s": _spread([v.seconds for v in visits if not v.error and v.opened]),
        "page_ready_p95_by_page_s": {
            page or "/": round(percentile([v.seconds for v in visits if v.page == page and not v.error], 0.95), 2)
            for page in titles
            if any(v.page == page and not v.error for v in visits)
        },
        "visits_per_upstream": per_upstream,
        "visit_log": [[v.session, v.page or "/", v.upstream, round(v.seconds, 2), v.error] for v in visits],
        "error_samples": [f"{v.page or '/'} via {v.upstream}: {v.error}" for v in errors[:10]],
        "rss_mb": [
            {
                "port": s.port,
                "launch": round(s.rss_at_launch, 1),
                "start": round(a, 1),
                "end": round(b, 1),
                "growth": round(b - a, 1),
            }
            for s, a, b in zip(servers, rss_start, rss_end, strict=True)
        ],
        "imports_done": imports.done,
        "imports_failed": imports.failed,
        "import_s_median": round(statistics.median(imports.seconds), 1) if imports.seconds else None,
        "import_last_error": imports.last_error,
        "cpu_s_during_run": cpu,
        "cores": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def print_table(result: dict) -> None:
    rows = [
        ("sessions × servers", f"{result['sessions']} × {result['servers']}"),
        ("clicking for", f"{result['seconds']} s, {result['think_s']} s pause, sessions {result['ramp_s']} s apart"),
        ("visits", result["visits"]),
        ("errors", result["errors"]),
        ("ready without error", f"{result['ready_without_error_pct']} %  (goal 100 %)"),
        ("page ready P50 / P95 / max", "{p50} / {p95} / {max} s  (goal P95 < 5 s)".format(**result["page_ready_s"])),
        ("  sidebar clicks", "{p50} / {p95} / {max} s".format(**result["page_ready_clicks_s"])),
        ("  new sessions (root)", "{p50} / {p95} / {max} s".format(**result["page_ready_new_sessions_s"])),
        *(
            (
                f"RSS server :{r['port']}",
                f"{r['launch']} at launch, {r['start']} after warm-up → {r['end']} MB at end:"
                f" growth {r['growth']} MB  (goal < 100 MB)",
            )
            for r in result["rss_mb"]
        ),
        ("visits per upstream", ", ".join(f"{k}: {v}" for k, v in result["visits_per_upstream"].items())),
        ("imports done / failed", f"{result['imports_done']} / {result['imports_failed']}"),
        ("import time, median", f"{result['import_s_median']} s"),
        (
            "CPU s during the run",
            ", ".join(f"{k} {v}" for k, v in result["cpu_s_during_run"].items()) + " (cores × seconds)",
        ),
        ("cores, load average", f"{result['cores']}, {' '.join(map(str, result['load_average']))}"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for sample in result["error_samples"]:
        print("error:", sample)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="simultaneous browser sessions")
    parser.add_argument("--seconds", type=float, default=90, help="how long the sessions click")
    parser.add_argument("--servers", type=int, default=2, help="dashboard processes behind nginx")
    parser.add_argument("--url", help="an existing PostgreSQL database with data (default: a private one)")
    parser.add_argument("--beneficiaries", type=int, default=200_000, help="size of the sample data")
    parser.add_argument("--think", type=float, default=1.0, help="seconds a user pauses between clicks")
    parser.add_argument(
        "--no-imports", dest="imports", action="store_false", help="no import loop (to compare: cached pages)"
    )
    parser.add_argument("--ramp", type=float, default=1.0, help="seconds between the starts of two sessions")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds after which a visit is an error")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still stops its servers
    folder = Path(tempfile.mkdtemp(prefix="sinergi-load-"))
    postgres = None
    servers: list[Dashboard] = []
    nginx = None
    try:
        database_url = args.url
        if database_url is None:
            from tests.postgres_server import start_server

            postgres = start_server()
            database_url = postgres.url
            started = time.monotonic()
            fill(database_url, args.beneficiaries, folder)
            print(f"sample data ({args.beneficiaries} beneficiaries) in {time.monotonic() - started:.0f} s")
        servers = start_dashboards(database_url, args.servers, folder)
        nginx = start_nginx([s.port for s in servers])
        pg_folder = postgres.folder if postgres is not None else None
        result = asyncio.run(run_load(args, nginx.url, database_url, folder, servers, pg_folder))
    finally:
        if nginx is not None:
            nginx.stop()
        for server in servers:
            server.stop()
        if postgres is not None:
            postgres.stop()
            postgres.remove()
        shutil.rmtree(folder, ignore_errors=True)
    print_table(result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"load-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Faults of a shared deployment on PostgreSQL (issue 15, "Faults and load it must survive"), each on
a private server (tests/postgres_server.py):

1. Two imports started together from two processes: different files of one kind both land; the same
   rows (identical content, or the same keys with other values) land one after the other, never
   mixed; the import log agrees with the table and its `*_changes` log. The imports are large
   (50.000 beneficiary rows); a gate holds the write lock until both have started to write, so
   their writes overlap whatever the machine's load, and a monitor of `pg_stat_activity`/`pg_locks`
   shows it: one import held the write lock while the other waited for it. An import that waits
   longer than `SINERGI_DB_WAIT` is told to try again and stores nothing.
2. An import killed (SIGKILL) while its COPY runs leaves every table, the data version and the import
   log as before, and no lock; the next import works.
3. PostgreSQL stopped ("fast" and "immediate") while a browser shows the overview: the page says
   "Data sementara tidak tersedia" at its next rerun and shows the overview again by itself once the
   server is back, after a short outage and after a longer one (40 s); `stats` says the same in one
   line and exits 1.
4. A sign-in (an unversioned write) does not wait for an import holding the write lock.

The figures measured are printed (`pytest -s`): times, row counts, overlap samples.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import psycopg
import pytest

from bench.load import CHROMIUM_ARGS
from data_loaders import importer, users
from data_loaders.nik import pseudonymise
from data_loaders.store import StoreBusyError, StoreError, StoreUnavailableError, open_store
from data_loaders.store_postgres import WRITE_LOCK, PostgresStore
from data_loaders.validation import validate
from tests.conftest import TEST_PASSWORD, dashboard_server
from tests.fixture_data import build_fixture
from tests.postgres_server import PostgresServer, start_server
from tests.test_browser import CHROMIUM, _require_browser, _wait_until_done

REPO = Path(__file__).resolve().parent.parent
NIK_KEY = "kunci-uji-postgres-faults"
ROWS = 20_000
HEADER = "nik,kode_program,tahun,wilayah,nilai_bantuan_rp,desil,kategori_ppks\n"
# pg_locks shows a 64-bit advisory key as classid (high 32 bits) and objid (low 32 bits).
LOCK_CLASSID, LOCK_OBJID = WRITE_LOCK >> 32, WRITE_LOCK & 0xFFFF_FFFF
UNAVAILABLE = "Data sementara tidak tersedia"
OVERVIEW = "Ringkasan 2025"  # the overview's heading on the fixture data (tests/test_browser.py)
MESSAGE_WITHIN = 20.0  # seconds until the page names the fault after a click
BACK_WITHIN = 20.0  # seconds from the server's start until the page is back by itself (probe every 5 s,
# a connection attempt waits up to 5 s: 10 s, and a margin)


def nik(number: int) -> str:
    """A 16-digit NIK of Kutai Kartanegara (64.02.06) with serial `number`."""
    return f"640206{number:010d}"


def beneficiary_file(path: Path, first: int, count: int, benefit: int) -> Path:
    """A `penerima` CSV of `count` people (NIKs `first`…`first + count - 1`), each given `benefit`
    Rupiah by PKH-01 in 2025 in desa 64.02.06.1001."""
    lines = [f"{nik(n)},PKH-01,2025,64.02.06.1001,{benefit},1,Fakir Miskin\n" for n in range(first, first + count)]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def hashes(first: int, count: int) -> set[str]:
    """The keyed hashes the importer stores for NIKs `first`…`first + count - 1`."""
    key = NIK_KEY.encode()
    return {pseudonymise(nik(n), key) for n in range(first, first + count)}


def cli_env(url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url, "SINERGI_NIK_KEY": NIK_KEY, "SINERGI_LANG": "id", **extra}


@dataclass
class Run:
    """One `python -m data_loaders` process, with the monotonic times of its stderr lines."""

    process: subprocess.Popen
    started: float
    lines: list[tuple[float, str]] = field(default_factory=list)
    out: str = ""
    ended: float = 0.0

    def time_of(self, text: str) -> float:
        """When the process first wrote a stderr line holding `text` (seconds since the epoch of
        time.monotonic)."""
        return next(at for at, line in self.lines if text in line)


def start_cli(url: str, *args: str, **extra: str) -> Run:
    """`python -m data_loaders ARGS` against `url`; its stderr is read line by line as it comes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "data_loaders", *args],
        cwd=REPO,
        env=cli_env(url, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    run = Run(process, time.monotonic())

    def read_stderr() -> None:
        for line in process.stderr:
            run.lines.append((time.monotonic(), line.rstrip("\n")))
        process.wait()
        run.ended = time.monotonic()

    run.reader = threading.Thread(target=read_stderr, daemon=True)
    run.reader.start()
    return run


def finish(run: Run, timeout: float = 180) -> Run:
    run.out = run.process.stdout.read()
    run.process.wait(timeout=timeout)
    run.reader.join(10)
    return run


def stderr_text(run: Run) -> str:
    return "\n".join(line for _, line in run.lines)


# The statement of a backend retrying for the write lock (`PostgresStore._session_lock`).
ASKING = "%pg_try_advisory_lock(%"


def _asking(url: str, ignore: int) -> set[int]:
    """The backends whose last statement asked for a session-level advisory lock."""
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE %s "
            "AND pid NOT IN (pg_backend_pid(), %s)",
            [ASKING, ignore],
        ).fetchall()
    return {row[0] for row in rows}


class LockMonitor:
    """Samples the server every 10 ms from its own connection: which backend holds the write lock
    (`pg_locks`), and which other backends are asking for it (`pg_stat_activity`: last statement
    `pg_try_advisory_lock`, the import's `Store.serialised()` retrying)."""

    def __init__(self, url: str, ignore: int) -> None:
        self.url = url
        self.ignore = ignore  # the gate's backend (see `run_two_imports`)
        self.samples = 0
        self.overlapping = 0  # samples with a holder and another backend waiting for the lock
        self.holders: set[int] = set()
        self.first_overlap: float | None = None
        self.last_overlap: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> LockMonitor:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)

    def _watch(self) -> None:
        with psycopg.connect(self.url, autocommit=True) as connection:
            while not self._stop.is_set():
                holders = {
                    row[0]
                    for row in connection.execute(
                        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                        "AND classid = %s AND objid = %s",
                        [LOCK_CLASSID, LOCK_OBJID],
                    ).fetchall()
                } - {self.ignore}
                waiting = (
                    {
                        row[0]
                        for row in connection.execute(
                            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                            "AND query LIKE %s AND pid <> pg_backend_pid()",
                            [ASKING],
                        ).fetchall()
                    }
                    - holders
                    - {self.ignore}
                )
                self.samples += 1
                self.holders |= holders
                if holders and waiting:
                    self.overlapping += 1
                    self.last_overlap = time.monotonic()
                    if self.first_overlap is None:
                        self.first_overlap = self.last_overlap
                time.sleep(0.01)


@pytest.fixture
def server() -> Iterator[PostgresServer]:
    """A private PostgreSQL server with the migrated, empty store in database `sinergi`."""
    pg = start_server()
    try:
        open_store(pg.url).close()
        yield pg
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped by the test
            pg.stop("immediate")
        pg.remove()


def state(url: str) -> dict[str, object]:
    """Every table's row count, the data version and the import log's (id, status) pairs."""
    store = open_store(url)
    try:
        return {
            "counts": store.table_counts(),
            "version": store.data_version(),
            "imports": [tuple(r) for r in store.query("SELECT id, status FROM imports ORDER BY id").itertuples(False)],
        }
    finally:
        store.close()


def run_two_imports(url: str, first: Path, second: Path) -> tuple[Run, Run, LockMonitor]:
    """Start two `import --kind penerima` processes at the same moment and wait for both, while a
    `LockMonitor` watches the server. Reading and checking a file takes each process 4–15 s here,
    depending on the machine's load, so a gate holds the write lock until both ask for it (an import
    makes its checks and its write under the lock, `Store.serialised()`) and lets go: their imports
    overlap whatever the load."""
    with psycopg.connect(url) as gate:
        gate.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        gate_pid = gate.info.backend_pid
        with LockMonitor(url, ignore=gate_pid) as monitor:
            runs = [
                start_cli(url, "import", str(path), "--kind", "penerima", SINERGI_DB_WAIT="120")
                for path in (first, second)
            ]
            deadline = time.monotonic() + 120
            while len(_asking(url, gate_pid)) < 2:
                assert time.monotonic() < deadline and all(run.process.poll() is None for run in runs)
                time.sleep(0.05)
            time.sleep(0.5)  # both are in their retry loop for the lock
            gate.rollback()
            for run in runs:
                finish(run)
    return runs[0], runs[1], monitor


def report_overlap(name: str, one: Run, two: Run, monitor: LockMonitor) -> None:
    """Print, and assert, that the two imports overlapped in time: both processes ran at once, and
    the monitor saw one hold the write lock while the other asked for it (the second then checks
    and writes after the first committed, `Store.serialised()`)."""
    base = min(one.started, two.started)
    times = [
        f"start {run.started - base:.2f} s, write from {run.time_of('menulis: langkah 0') - base:.2f} s, "
        f"end {run.ended - base:.2f} s"
        for run in (one, two)
    ]
    waited = (monitor.first_overlap or base) - base, (monitor.last_overlap or base) - base
    print(
        f"\n[{name}] process A: {times[0]}; process B: {times[1]}; lock samples {monitor.samples}, "
        f"{monitor.overlapping} with one holding the write lock and one waiting for it, "
        f"from {waited[0]:.2f} s to {waited[1]:.2f} s; {len(monitor.holders)} backends held it in turn"
    )
    assert one.started < two.ended and two.started < one.ended
    assert monitor.overlapping > 0, "the second import never waited for the first one's write lock"
    assert len(monitor.holders) == 2  # each import held the lock in turn


def imports_log(url: str) -> list[dict[str, object]]:
    store = open_store(url)
    try:
        frame = store.query(
            "SELECT id, file_name, status, rows_added, rows_updated, rows_unchanged, rows_deleted "
            "FROM imports ORDER BY id"
        )
        return frame.to_dict("records")
    finally:
        store.close()


# --- 1. two imports at the same time ------------------------------------------------------------


def test_two_imports_of_different_files_both_land(server, tmp_path):
    url = server.url
    one = beneficiary_file(tmp_path / "penerima_a.csv", 1, ROWS, 2_400_000)
    two = beneficiary_file(tmp_path / "penerima_b.csv", ROWS + 1, ROWS, 1_800_000)
    version = state(url)["version"]
    a, b, monitor = run_two_imports(url, one, two)
    for run in (a, b):
        assert run.process.returncode == 0, run.out + stderr_text(run)
        assert "Traceback" not in stderr_text(run)
        assert f"{ROWS} baris baru, 0 diperbarui" in run.out
    report_overlap("different files", a, b, monitor)
    log = imports_log(url)
    assert sorted((row["file_name"], row["status"], row["rows_added"], row["rows_updated"]) for row in log) == [
        ("penerima_a.csv", "committed", ROWS, 0),
        ("penerima_b.csv", "committed", ROWS, 0),
    ]
    store = open_store(url)
    try:
        stored = store.query("SELECT nik_hash, benefit_idr, import_id FROM beneficiaries")
        changes = store.query(
            "SELECT change_import_id AS id, change_action AS action, count(*) AS n FROM beneficiaries_changes "
            "GROUP BY 1, 2 ORDER BY 1, 2"
        )
        version_after = store.data_version()
    finally:
        store.close()
    ids = {row["file_name"]: row["id"] for row in log}
    assert len(stored) == 2 * ROWS  # the union: no NIK is in both files
    assert set(stored["nik_hash"]) == hashes(1, ROWS) | hashes(ROWS + 1, ROWS)
    assert stored["benefit_idr"].sum() == ROWS * 2_400_000 + ROWS * 1_800_000  # 48 000 000 000 + 36 000 000 000
    by_import = stored.groupby("import_id")["benefit_idr"].agg(["count", "min", "max"])
    assert by_import.loc[ids["penerima_a.csv"]].tolist() == [ROWS, 2_400_000, 2_400_000]
    assert by_import.loc[ids["penerima_b.csv"]].tolist() == [ROWS, 1_800_000, 1_800_000]
    assert [tuple(r) for r in changes.itertuples(False)] == sorted(
        [(ids["penerima_a.csv"], "insert", ROWS), (ids["penerima_b.csv"], "insert", ROWS)]
    )
    assert version_after == version + 2
    history = subprocess.run(
        [sys.executable, "-m", "data_loaders", "history"], cwd=REPO, env=cli_env(url), capture_output=True, text=True
    )
    assert history.returncode == 0 and "penerima_a.csv" in history.stdout and "penerima_b.csv" in history.stdout
    print(f"[different files] beneficiaries {len(stored)}, changes {changes.to_dict('records')}")


@pytest.mark.parametrize("second_benefit", [2_400_000, 1_800_000], ids=["same-content", "same-keys-other-values"])
def test_two_imports_of_the_same_rows_land_one_after_the_other(server, tmp_path, second_benefit):
    """The same 50.000 people in two files: identical content under two names, or other amounts.
    The import that took the lock second sees the first one's rows: 'unchanged' for identical
    content, else every row 'updated' to its values, the first's kept in `beneficiaries_changes`."""
    url = server.url
    one = beneficiary_file(tmp_path / "penerima_satu.csv", 1, ROWS, 2_400_000)
    two = beneficiary_file(tmp_path / "penerima_dua.csv", 1, ROWS, second_benefit)
    version = state(url)["version"]
    a, b, monitor = run_two_imports(url, one, two)
    for run in (a, b):
        assert run.process.returncode == 0, run.out + stderr_text(run)
        assert "Traceback" not in stderr_text(run)
    report_overlap(f"same rows, second {second_benefit}", a, b, monitor)
    log = imports_log(url)
    assert len(log) == 2
    first, second = log  # ids are drawn under the write lock: the lower id wrote first
    benefit = {"penerima_satu.csv": 2_400_000, "penerima_dua.csv": second_benefit}
    assert (first["status"], first["rows_added"], first["rows_updated"], first["rows_unchanged"]) == (
        "committed",
        ROWS,
        0,
        0,
    )
    same = second_benefit == 2_400_000
    expected_second = ("unchanged", 0, 0, ROWS) if same else ("committed", 0, ROWS, 0)
    assert (second["status"], second["rows_added"], second["rows_updated"], second["rows_unchanged"]) == (
        expected_second
    )
    store = open_store(url)
    try:
        stored = store.query("SELECT nik_hash, benefit_idr, import_id FROM beneficiaries")
        changes = store.query(
            "SELECT change_import_id AS id, change_action AS action, count(*) AS n, min(benefit_idr) AS low, "
            "max(benefit_idr) AS high, min(import_id) AS of_import FROM beneficiaries_changes GROUP BY 1, 2 ORDER BY 1"
        )
        version_after = store.data_version()
    finally:
        store.close()
    # The final rows are entirely one file's: the one stored last (or, identical content, either).
    winner = first if same else second
    assert len(stored) == ROWS and set(stored["nik_hash"]) == hashes(1, ROWS)
    assert stored["benefit_idr"].min() == stored["benefit_idr"].max() == benefit[winner["file_name"]]
    assert set(stored["import_id"]) == {winner["id"]}
    rows = [tuple(r) for r in changes.itertuples(False)]
    first_benefit = benefit[first["file_name"]]
    expected = [(first["id"], "insert", ROWS, first_benefit, first_benefit, first["id"])]
    if not same:  # the second import's update log keeps the first one's values
        expected.append((second["id"], "update", ROWS, first_benefit, first_benefit, first["id"]))
    assert rows == expected
    assert version_after == version + 2  # each versioned write bumps it, an 'unchanged' import too
    print(f"[same rows, second {second_benefit}] log {log}; changes {rows}; version {version} -> {version_after}")


def test_an_import_that_waits_longer_than_the_bound_is_told_to_retry(server, tmp_path):
    """While another writer holds the write lock past `SINERGI_DB_WAIT`, an import stops with the
    one-line 'try again' message and stores nothing."""
    url = server.url
    path = beneficiary_file(tmp_path / "penerima_kecil.csv", 1, 100, 2_400_000)
    before = state(url)
    holder = PostgresStore(url)
    try:
        with holder.transaction() as tx:  # a long import in another process, as far as the CLI knows
            tx.execute("SELECT 1")
            started = time.monotonic()
            run = finish(start_cli(url, "import", str(path), "--kind", "penerima", SINERGI_DB_WAIT="2"))
            took = time.monotonic() - started
            raise _Rollback  # the holder stores nothing
    except _Rollback:
        pass
    finally:
        holder.close()
    err = stderr_text(run)
    print(f"\n[busy] import gave up after {took:.2f} s (SINERGI_DB_WAIT=2): {err.splitlines()[-1]!r}")
    assert run.process.returncode == 1
    assert "Traceback" not in err
    assert "2 detik" in err.splitlines()[-1]
    assert state(url) == before


class _Rollback(Exception):
    """Leaves a transaction without committing it."""


# --- 2. an import killed in the middle ------------------------------------------------------------


def _wait_for_copy(url: str, timeout: float = 60) -> tuple[int, float]:
    """The pid of a backend running COPY … FROM STDIN and when it was seen; fails after `timeout`."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as connection:
        while time.monotonic() < deadline:
            row = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
                "AND query LIKE 'COPY %FROM STDIN%' AND pid <> pg_backend_pid()"
            ).fetchone()
            if row:
                return row[0], time.monotonic()
            time.sleep(0.005)
    pytest.fail("no COPY seen within the time")


def test_an_import_killed_while_it_writes_leaves_the_store_as_before(server, tmp_path):
    url = server.url
    first = beneficiary_file(tmp_path / "penerima_awal.csv", 1, 1_000, 2_400_000)
    assert finish(start_cli(url, "import", str(first), "--kind", "penerima")).process.returncode == 0
    before = state(url)
    big = beneficiary_file(tmp_path / "penerima_besar.csv", 1, 5 * ROWS, 1_800_000)  # updates 1.000, adds 99.000
    run = start_cli(url, "import", str(big), "--kind", "penerima")
    backend, seen = _wait_for_copy(url)
    with psycopg.connect(url, autocommit=True) as connection:
        held = connection.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = %s", [backend]
        ).fetchone()[0]
    os.kill(run.process.pid, signal.SIGKILL)
    finish(run)
    killed_after = seen - run.started
    assert run.process.returncode == -signal.SIGKILL
    assert held == 1  # it was killed while holding the write lock
    # The server ends the dead client's backend; its transaction and lock go with it.
    deadline = time.monotonic() + 30
    with psycopg.connect(url, autocommit=True) as connection:
        while True:
            left = connection.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            ).fetchone()[0]
            alive = connection.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [backend]).fetchone()[0]
            if (left, alive) == (0, 0) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    gone_after = time.monotonic() - seen
    assert (left, alive) == (0, 0), f"advisory locks left {left}, backend alive {alive}"
    after = state(url)
    assert after == before  # every table's row count, the data version and the import log
    print(
        f"\n[killed] COPY seen {killed_after:.2f} s after start, killed; backend and lock gone within "
        f"{gone_after:.2f} s; counts beneficiaries {after['counts']['beneficiaries']}, changes "
        f"{after['counts']['beneficiaries_changes']}, imports {after['imports']}, version {after['version']}"
    )
    # The next import works: the same large file, now stored whole.
    started = time.monotonic()
    again = finish(start_cli(url, "import", str(big), "--kind", "penerima"))
    assert again.process.returncode == 0, again.out + stderr_text(again)
    assert f"{5 * ROWS - 1_000} baris baru, 1000 diperbarui" in again.out
    final = state(url)
    assert final["counts"]["beneficiaries"] == 5 * ROWS
    assert final["version"] == before["version"] + 1
    assert [status for _, status in final["imports"]] == ["committed", "committed"]
    print(f"[killed] next import stored {5 * ROWS} rows in {time.monotonic() - started:.2f} s")


# --- 3. PostgreSQL restarted while the dashboard is open -----------------------------------------


def _body(page) -> str:
    return page.inner_text("body")


def _wait_for_text(page, text: str, timeout: float) -> float | None:
    """Seconds until `text` is on the page (checked every 0.25 s without touching the page), or None."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if text in _body(page):
            return time.monotonic() - started
        page.wait_for_timeout(250)
    return None


def _programs_card(page) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text="Program").first
    return card.locator("[data-testid='stMetricValue']").inner_text().strip()


def _overview_back(page, timeout: float) -> float | None:
    """Seconds until the overview's heading is back and the fault message gone, or None."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        headings = page.locator("h1")
        if headings.count() and headings.first.inner_text().strip() == OVERVIEW and UNAVAILABLE not in _body(page):
            return time.monotonic() - started
        page.wait_for_timeout(250)
    return None


@dataclass(frozen=True)
class Outage:
    """What a browser on the overview saw while the server was down and after it started again."""

    shown: float | None  # seconds from the click to the fault message
    down: float  # seconds the server was stopped
    back: float | None  # seconds from the server's start to the overview, by itself
    programs: str | None  # the overview's Program card once back
    errors: int  # exception elements on the page at the end


def _outage(server: PostgresServer, mode: str, down: float, watch: float) -> Outage:
    """Open the overview, stop the server (`mode`), click the overview's link in the sidebar (a
    rerun), keep the server down about `down` seconds, start it, and watch up to `watch` seconds for
    the overview to come back without any click or reload."""
    from playwright.sync_api import sync_playwright

    _require_browser()
    store = open_store(server.url)
    try:
        build_fixture(store)
    finally:
        store.close()
    with dashboard_server(server.url) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(base)
        _wait_until_done(page)
        assert page.locator("h1").first.inner_text().strip() == OVERVIEW
        server.stop(mode)
        stopped = time.monotonic()
        page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Ringkasan").first.click()
        shown = _wait_for_text(page, UNAVAILABLE, MESSAGE_WITHIN)
        page.wait_for_timeout(max(0.0, down - (time.monotonic() - stopped)) * 1000)
        still = UNAVAILABLE in _body(page)  # the probe ran meanwhile and kept the message
        server.start()
        outage = Outage(
            shown=shown,
            down=time.monotonic() - stopped,
            back=_overview_back(page, watch),
            programs=None,
            errors=0,
        )
        if outage.back is not None:
            outage = replace(outage, programs=_programs_card(page))
        outage = replace(outage, errors=page.locator("[data-testid='stException']").count())
        browser.close()
    print(
        f"\n[restart {mode}, {outage.down:.1f} s down] message "
        f"{'never' if shown is None else f'{shown:.2f} s'} after the click; overview back by itself "
        f"{'not within ' + str(watch) if outage.back is None else f'{outage.back:.2f}'} s after the server started"
    )
    assert shown is not None, f"no '{UNAVAILABLE}' within {MESSAGE_WITHIN} s after the click"
    assert still
    return outage


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_the_page_says_data_unavailable_and_comes_back_by_itself(server, mode):
    outage = _outage(server, mode, down=12, watch=BACK_WITHIN)
    assert outage.back is not None and outage.back <= BACK_WITHIN
    assert outage.programs == "3"  # the fixture's programs of 2025 (tests/fixture_data.py)
    assert outage.errors == 0


@pytest.mark.browser
def test_the_page_comes_back_as_soon_after_a_longer_outage(server):
    """A restart of a minute or more (an upgrade, a host reboot): the page still comes back within
    `BACK_WITHIN` seconds of the server's start, as after a short one."""
    outage = _outage(server, "fast", down=40, watch=80)  # lagged 23 s before the bound
    assert outage.back is not None and outage.back <= BACK_WITHIN, (
        f"back {outage.back} s after the server started ({outage.down:.0f} s down)"
    )
    assert outage.programs == "3"
    assert outage.errors == 0


def test_stats_while_the_server_is_down_says_so_in_one_line(server):
    server.stop("fast")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "data_loaders", "stats"],
        cwd=REPO,
        env=cli_env(server.url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    took = time.monotonic() - started
    print(f"\n[stats down] exit {result.returncode} after {took:.2f} s: {result.stderr.strip()!r}")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith(UNAVAILABLE)
    assert f"127.0.0.1:{server.port}/sinergi" in result.stderr
    assert result.stdout == ""
    assert took < 30


# --- 4. a sign-in does not wait for an import ------------------------------------------------------


def test_a_sign_in_does_not_wait_for_an_import_holding_the_write_lock(server):
    url = server.url
    store = open_store(url)
    try:
        users.add_user(store, "uji-analis", "analis", TEST_PASSWORD, "cli:pytest")
    finally:
        store.close()
    importing = PostgresStore(url)
    dashboard = PostgresStore(url, wait=1)
    try:
        with importing.transaction() as tx:  # an import between its first and last statement
            tx.execute("UPDATE meta SET value = value WHERE key = 'data_version'")
            started = time.monotonic()
            user = users.verify_sign_in(dashboard, "uji-analis", TEST_PASSWORD, address="10.0.0.7")
            signed_in = time.monotonic() - started
            waited = time.monotonic()
            with pytest.raises(StoreBusyError), dashboard.transaction() as other:
                other.execute("SELECT 1")  # a versioned write does wait, up to its bound
            busy = time.monotonic() - waited
        signs = dashboard.query("SELECT actor, action, address FROM audit_log WHERE action = 'sign_in'")
    finally:
        importing.close()
        dashboard.close()
    print(
        f"\n[sign-in] took {signed_in * 1000:.0f} ms while the write lock was held; "
        f"a versioned write gave up after {busy:.2f} s"
    )
    assert user.username == "uji-analis"
    assert [tuple(r) for r in signs.itertuples(False)] == [("uji-analis", "sign_in", "10.0.0.7")]
    assert signed_in < 1.0
    assert 1.0 <= busy < 5


PROGRAM_HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"


def _program(store, name: str, budget: str) -> importer.ImportResult:
    text = PROGRAM_HEADER + f"R-1;Bantuan R;Dinsos;APBN;2025;8;Kukar;{budget}\n"
    return importer.apply(store, validate(name, text.encode(), "program"), "tester")


def test_a_rollback_checks_under_the_write_lock_so_a_later_import_is_never_undone(server):
    """A rollback that starts while another writer holds the lock makes its checks after that writer
    committed: an import of the same rows landing meanwhile makes it refuse (roll that one back
    first), instead of undoing the later import's rows while the log calls them stored."""
    first = open_store(server.url)
    _program(first, "r1.csv", "10 juta")
    second = _program(first, "r2.csv", "20 juta")
    other = open_store(server.url)
    outcome: dict[str, object] = {}
    try:
        with other.serialised():  # another server's import is writing
            rolling = threading.Thread(
                target=lambda: outcome.update(result=_try(lambda: importer.rollback(first, second.import_id, "a")))
            )
            rolling.start()
            time.sleep(1.0)
            assert rolling.is_alive()  # the rollback waits for the lock before it checks anything
            third = _program(other, "r3.csv", "30 juta")  # lands on the same rows meanwhile
        rolling.join(timeout=60)
        refused = outcome["result"]
        assert isinstance(refused, importer.ImportRefused) and refused.key == "imp_rollback_later", refused
        assert first.scalar("SELECT status FROM imports WHERE id = ?", [third.import_id]) == "committed"
        assert first.scalar("SELECT CAST(budget_idr AS BIGINT) FROM program_allocations") == 30_000_000
    finally:
        first.close()
        other.close()


def _try(call):
    try:
        return call()
    except Exception as error:  # the refusal is the result the test reads
        return error


def test_a_wrong_database_name_is_a_setting_to_fix_not_an_outage(server):
    wrong = server.url.rsplit("/", 1)[0] + "/tidak_ada"
    with pytest.raises(StoreError) as refused:
        open_store(wrong)
    assert not isinstance(refused.value, StoreUnavailableError)
    assert 'database "tidak_ada" does not exist' in refused.value.message("id")
    assert "Periksa DATABASE_URL" in refused.value.message("id")

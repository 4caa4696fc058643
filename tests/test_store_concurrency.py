"""The embedded store shared by the dashboard and the command line (issue 11, item 7).

DuckDB lets one process hold a file read-write, or many hold it read-only. The dashboard holds the
file only while a rerun runs, so commands run while it is open: they wait a moment if needed (bounded
by SINERGI_DB_WAIT) and never fail because the dashboard is running; the next rerun shows their data.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from data_loaders.store import DuckDBStore, StoreBusyError, StoreWriteError, open_store
from domain.reader import Reader
from tests.conftest import dashboard_server, new_store_url, stored
from tests.test_browser import CHROMIUM, _require_browser, _wait_until_done

REPO = Path(__file__).resolve().parent.parent
PROGRAM = (
    "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
    "BARU1;Program Baru Dari Baris Perintah;Dinas Sosial Provinsi Kalimantan Timur;APBD Provinsi;2025;"
    "Fakir Miskin;Kutai Kartanegara;10 juta\n"
)


def cli(*args: str, url: str, wait: float | None = None, lang: str = "id") -> subprocess.Popen:
    """`python -m data_loaders ARGS` in its own process against the store at `url`."""
    env = {**os.environ, "DATABASE_URL": url, "SINERGI_LANG": lang}
    if wait is not None:
        env["SINERGI_DB_WAIT"] = str(wait)
    return subprocess.Popen(
        [sys.executable, "-m", "data_loaders", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def test_a_command_reads_while_this_process_reads(fixture_url):
    """Readers do not wait for readers: `stats` runs while a dashboard-like session is open."""
    store = open_store(fixture_url, hold=False)
    with store.session():
        programs = store.count("programs")
        started = time.monotonic()
        code, out, err = finish(cli("stats", "--json", url=fixture_url))
        took = time.monotonic() - started
    assert code == 0, err
    assert f'"programs": {programs}' in out
    assert took < 15  # a second process with imports of pandas and DuckDB, no waiting for the lock


def test_a_command_writes_after_a_rerun_ends(fixture_url, tmp_path):
    """An import started while the dashboard's rerun holds the file waits for it, then stores."""
    path = tmp_path / "program.csv"
    path.write_text(PROGRAM, encoding="utf-8")
    store = open_store(fixture_url, hold=False)
    with store.session():
        programs = store.count("programs")
        started = time.monotonic()
        process = cli("import", str(path), "--kind", "program", url=fixture_url)
        time.sleep(4)  # a long rerun: the import is read and checked, and now waits to write
        assert process.poll() is None
    code, out, err = finish(process)
    waited = time.monotonic() - started
    assert code == 0, out + err
    assert "Impor #" in out
    assert 4 <= waited < 30
    assert store.count("programs") == programs + 1
    assert store.scalar("SELECT name FROM programs WHERE program_code = 'BARU1'") == "Program Baru Dari Baris Perintah"


def test_a_command_gives_up_after_the_wait_with_one_line(fixture_url):
    store = open_store(fixture_url)  # read-write and held, like a long import in another process
    started = time.monotonic()
    code, _, err = finish(cli("stats", url=fixture_url, wait=1, lang="en"))
    took = time.monotonic() - started
    store.close()
    assert code == 1
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0
    assert "still in use by another process" in err and "after waiting 1 seconds" in err
    assert took < 15


def read_in_a_thread(store: DuckDBStore, seconds: float) -> tuple[threading.Thread, threading.Event]:
    """A thread that reads `store` in a session held for `seconds`, started and reading when this
    returns; the event is set once its session has ended."""
    reading, done = threading.Event(), threading.Event()

    def read() -> None:
        with store.session():
            store.count("programs")
            reading.set()
            time.sleep(seconds)
        done.set()

    thread = threading.Thread(target=read)
    thread.start()
    reading.wait(10)
    return thread, done


def test_threads_of_one_process_share_the_connection_and_a_write_waits_for_readers(fixture_url):
    """In the dashboard's process, a write reopens the file read-write once the other threads'
    reruns are done; it does not fail."""
    store = open_store(fixture_url, hold=False)
    thread, done = read_in_a_thread(store, seconds=1.5)  # another session's rerun
    with store.session():
        assert store.scalar("SELECT status FROM programs WHERE id = 2") != "selesai"
        with store.transaction() as tx:
            assert done.is_set()  # the write waited for the other thread's rerun
            tx.execute("UPDATE programs SET status = 'selesai' WHERE id = 2")
    thread.join()
    assert store.scalar("SELECT status FROM programs WHERE id = 2") == "selesai"


def test_a_write_waits_no_longer_than_the_bound(fixture_url):
    other = open_store(fixture_url, read_only=True)  # another reader holding the file in this process
    store = DuckDBStore(other.url, other.path, hold=False, wait=0.5)
    holder = threading.Event()
    release = threading.Event()

    def reader() -> None:
        with store.session():
            store.count("programs")
            holder.set()
            release.wait(10)

    thread = threading.Thread(target=reader)
    thread.start()
    holder.wait(10)
    with pytest.raises(StoreBusyError), store.transaction() as tx:
        tx.execute("DELETE FROM ppks_counts")
    release.set()
    thread.join()
    other.close()
    assert store.count("ppks_counts") > 0


def test_a_new_store_waits_while_another_store_object_of_the_process_reads(fixture_url):
    """A prefetch thread (ui.data.prefetch) reads through the dashboard's store while something else
    in the process opens the file read-write through a new Store object: that waits, it does not fail."""
    dashboard = open_store(fixture_url, hold=False)
    thread, done = read_in_a_thread(dashboard, seconds=1.0)  # the prefetch
    other = open_store(fixture_url)  # read-write, for its migrations check
    try:
        assert done.is_set()  # it waited for the reading thread's connection to close
        assert other.count("programs") == dashboard.count("programs")
    finally:
        other.close()
        thread.join()


def test_reads_attach_the_file_instead_of_starting_a_database_each(fixture_url, monkeypatch, tmp_path):
    """A rerun's read attaches the file to the process's one in-memory instance and detaches it
    afterwards: no `duckdb.connect` (a new DuckDB instance, 16–20 ms) per rerun, and the file is free
    for other processes between reruns."""
    store = open_store(fixture_url, hold=False)
    with store.session():
        programs = store.count("programs")  # the process's instance exists from here on
    started = []
    connect = duckdb.connect
    monkeypatch.setattr(duckdb, "connect", lambda *args, **kwargs: started.append(args) or connect(*args, **kwargs))
    for _ in range(3):
        with store.session():
            assert store._con_kind == "attached"
            assert store.count("programs") > 0
    assert started == []
    assert import_from_a_command(fixture_url, tmp_path) == programs + 1
    assert store.count("programs") == programs + 1


def import_from_a_command(url: str, folder: Path) -> int:
    """Import PROGRAM with the command line in its own process (which needs the file read-write, so
    nothing in this process may hold it) and return the stored programs."""
    path = folder / "program.csv"
    path.write_text(PROGRAM, encoding="utf-8")
    code, out, err = finish(cli("import", str(path), "--kind", "program", url=url, wait=5))
    assert code == 0, out + err
    return int(stored(url, "SELECT count(*) AS n FROM programs")["n"][0])


def test_a_read_shares_the_file_another_store_object_of_the_process_writes(fixture_url, tmp_path):
    """While a Store object of this process holds the file read-write (a script, the command line
    in tests), a reading one uses that writer's instance: it neither waits nor reads an older state.
    Once the writer is gone the reader attaches the file again and gives it up after each read."""
    writer = open_store(fixture_url)
    reader = open_store(fixture_url, hold=False)
    try:
        with writer.transaction() as tx:
            tx.execute("UPDATE programs SET status = 'selesai' WHERE id = 2")
        with reader.session():
            assert reader._con_kind == "writer"
            assert reader.scalar("SELECT status FROM programs WHERE id = 2") == "selesai"
    finally:
        writer.close()
    with reader.session():
        assert reader._con_kind == "attached"
        programs = reader.count("programs")
    assert import_from_a_command(fixture_url, tmp_path) == programs + 1


def test_two_files_read_at_once_each_see_only_their_own_tables(fixture_url, tmp_path):
    """Two stores attached to the process's instance at the same time: each one's schema checks and
    counts see its own file only (information_schema lists every attached database)."""
    other_url = new_store_url(tmp_path, "other")
    open_store(other_url).close()
    first, second = open_store(fixture_url, hold=False), open_store(other_url, hold=False)
    with first.session(), second.session():
        assert first._con_kind == second._con_kind == "attached"
        assert first.is_current() and second.is_current()
        assert first.table_counts()["programs"] > 0 and second.table_counts()["programs"] == 0
        assert list(first.table_counts()) == list(second.table_counts())


def test_one_file_under_two_names_is_one_file(fixture_url, tmp_path):
    """A store named through another spelling of the same path (a symlink) is the same file: its
    write waits for the other's read and is then stored, instead of failing on DuckDB's refusal of a
    second instance of an open file."""
    store = open_store(fixture_url, hold=False)
    link = tmp_path / "link.duckdb"
    link.symlink_to(store.path)
    other = DuckDBStore(f"duckdb:///{link}", str(link), hold=False, wait=10)
    thread, done = read_in_a_thread(store, seconds=1.0)
    with other.transaction() as tx:
        assert done.is_set()  # it waited for the reading thread's connection to close
        tx.execute("UPDATE programs SET status = 'selesai' WHERE id = 2")
    thread.join()
    assert store.scalar("SELECT status FROM programs WHERE id = 2") == "selesai"


def test_an_invalidated_instance_is_replaced_and_the_next_read_works(fixture_url, tmp_path):
    """After a fatal error on an attached read (DuckDB invalidates the whole instance), the error is
    one user message, the next read attaches to a new instance, and the file is free again."""
    store = open_store(fixture_url, hold=False)
    with pytest.raises(StoreWriteError):
        store.query("SELECT error('FATAL Error: database has been invalidated')")
    with store.session():
        assert store._con_kind == "attached"
        programs = store.count("programs")
    assert import_from_a_command(fixture_url, tmp_path) == programs + 1


@pytest.mark.parametrize(("year", "calls", "second_gets"), [(2025, [2025], 4050), (1999, [1999, 1999], "failed")])
def test_a_view_another_thread_computes_is_waited_for_not_computed_again(fixture_store, year, calls, second_gets):
    """`Reader.shared`: a thread asking for a view another thread is computing (`ui.data.start`, a
    prefetch) waits for that result; if the other thread fails (year 1999 here), it computes the
    view itself."""
    reader = Reader(fixture_store)
    entered, release, made = threading.Event(), threading.Event(), []

    def slow(reader: Reader, year: int) -> int:
        made.append(year)
        entered.set()
        if len(made) == 1:
            release.wait(10)
        if year == 1999:
            raise RuntimeError("no figures for 1999")
        return year * 2

    def ask(into: list[object]) -> None:
        try:
            into.append(reader.shared(slow, year))
        except RuntimeError:
            into.append("failed")

    first_gets: list[object] = []
    got: list[object] = []
    first = threading.Thread(target=ask, args=(first_gets,))
    first.start()
    entered.wait(10)
    second = threading.Thread(target=ask, args=(got,))
    second.start()
    time.sleep(0.2)
    assert got == []  # it waits for the first thread
    release.set()
    first.join()
    second.join()
    assert made == calls and got == [second_gets]


# --- a running dashboard ---------------------------------------------------------------------


@pytest.fixture
def dashboard(fixture_url: str) -> Iterator[str]:
    _require_browser()
    with dashboard_server(fixture_url) as base:
        yield base


def _programs_card(page) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text="Program").first
    return card.locator("[data-testid='stMetricValue']").inner_text().strip()


def test_commands_run_while_the_dashboard_runs_and_it_shows_the_import(dashboard, fixture_url, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "program.csv"
    path.write_text(PROGRAM, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(dashboard)
        _wait_until_done(page)
        assert _programs_card(page) == "3"
        # The commands run while the browser keeps the dashboard rerunning (every reload is a rerun).
        for args in (("import", str(path), "--kind", "program"), ("stats",), ("history",)):
            process = cli(*args, url=fixture_url)
            reruns = 0
            while process.poll() is None:
                page.reload()
                _wait_until_done(page)
                reruns += 1
            code, out, err = finish(process)
            assert code == 0, f"{args}: {out}{err}"
            assert "Traceback" not in err
            if args[0] == "history":
                assert "program.csv" in out
        page.reload()
        _wait_until_done(page)
        assert _programs_card(page) == "4"  # the import is on screen without a restart
        assert page.locator("[data-testid='stException']").count() == 0
        browser.close()

"""Store faults (issue 11, item 11): a failed write, a damaged store file, a read-only store and a
DATABASE_URL without a path each give one clear message — on the page and on the command line —
and never a traceback; after a failed write the dashboard keeps working without a restart."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_loaders import importer
from data_loaders.store import StoreError, StoreReadOnlyError, StoreUnreadableError, StoreWriteError, open_store
from tests.conftest import app_test

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "dashboard.py")
GOOD = (
    b"kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
    b"BARU-1;Bantuan Baru;Dinsos;APBN;2025;Fakir Miskin;Berau;300 juta\n"
)


def run_cli(*args: str, url: str, lang: str = "id", restricted: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "SINERGI_LANG": lang, "SINERGI_DB_WAIT": "2"}
    return subprocess.run(
        [*_restricted(restricted), sys.executable, "-m", "data_loaders", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line(result: subprocess.CompletedProcess, text: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert text in result.stderr


def _restricted(restricted: bool) -> list[str]:
    """As root, file permissions do not apply; without the capabilities that override them they do."""
    if not restricted or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be tried")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def app_in_process(url: str, restricted: bool) -> dict:
    """Run the dashboard in AppTest in another process (restricted as in `_restricted`) and report
    what it shows."""
    script = (
        "import json\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({APP!r}, default_timeout=120)\n"
        "at.run()\n"
        "print(json.dumps({'exception': [e.value for e in at.exception], 'error': [e.value for e in at.error],"
        " 'info': [i.value for i in at.info], 'title': [t.value for t in at.title],"
        " 'metrics': {m.label: m.value for m in at.metric}}))\n"
    )
    result = subprocess.run(
        [*_restricted(restricted), sys.executable, "-c", script],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def open_app(page: str | None = None, role: str | None = "admin") -> AppTest:
    """The dashboard signed in as `role` (None: a visitor, for a store that cannot be opened)."""
    at = app_test(role)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def full_disk_possible() -> Iterator[None]:
    """A write past the file size limit fails with an error (EFBIG) instead of ending the process;
    set in the main thread, since AppTest runs the script in another."""
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    yield
    signal.signal(signal.SIGXFSZ, previous)


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """No file of this process may grow past `size` bytes: a write past it fails as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def fail_like_a_full_disk(store) -> None:
    """Commit a change, then make DuckDB's checkpoint fail as on a full disk: a real FATAL error
    that invalidates the database instance."""
    with store.transaction() as tx:
        tx.execute("CREATE TABLE filler AS SELECT range AS i, repeat('x', 40) AS s FROM range(40000)")
    with file_size_limit(Path(store.path).stat().st_size):
        store.scalar("CHECKPOINT")


# --- (a) a failed write ----------------------------------------------------------------------


def test_a_fatal_write_error_is_a_message_and_the_next_call_reopens(fixture_url, full_disk_possible):
    store = open_store(fixture_url, hold=False)
    with store.session(write=True):
        with pytest.raises(StoreWriteError) as failed:
            fail_like_a_full_disk(store)
        assert "nothing was stored" in str(failed.value) and "File too large" in failed.value.message("en")
        assert store.count("programs") > 0  # not "database has been invalidated"
    with store.transaction() as tx:
        tx.execute("UPDATE programs SET status = 'selesai' WHERE id = 2")
    assert store.scalar("SELECT status FROM programs WHERE id = 2") == "selesai"


def test_a_held_store_reopens_after_a_fatal_error_too(fixture_url, full_disk_possible):
    store = open_store(fixture_url)
    with pytest.raises(StoreWriteError):
        fail_like_a_full_disk(store)
    assert store.count("programs") > 0
    store.close()


def test_a_failed_import_on_the_page_leaves_every_page_working(fixture_url, full_disk_possible, monkeypatch):
    at = open_app("app_pages/kelola_data.py")
    at.file_uploader(key="upload_program").upload("program_baru.csv", GOOD, "text/csv").run()
    with monkeypatch.context() as patch:
        patch.setattr(importer, "apply", lambda store, *args, **kwargs: fail_like_a_full_disk(store))
        at.button(key="confirm_import").click().run()
    assert not at.exception, [e.stack_trace for e in at.exception]
    assert any("Penulisan ke basis data gagal" in e.value for e in at.error)
    at.switch_page("app_pages/ringkasan.py").run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Program"] == "3"
    at.switch_page("app_pages/kelola_data.py").run()
    at.file_uploader(key="upload_program").upload("program_baru.csv", GOOD, "text/csv").run()
    at.button(key="confirm_import").click().run()
    assert any(s.value.startswith("Impor #2 tersimpan: 1 baris baru") for s in at.success)


# --- (b) a damaged store file ------------------------------------------------------------------


def _damage(path: Path, how: str) -> None:
    content = path.read_bytes()
    if how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(content[: len(content) // 3])
    else:
        path.write_bytes(b"not a database, a note someone saved here\n" * 100)


@pytest.mark.parametrize("how", ["empty", "truncated", "not_a_database"])
def test_a_damaged_store_file_is_one_message_on_the_page_and_the_command_line(fixture_url, how):
    path = Path(fixture_url.removeprefix("duckdb:///"))
    _damage(path, how)
    with pytest.raises(StoreUnreadableError):
        open_store(fixture_url)
    at = open_app(role=None)
    assert [e.value for e in at.error] and "rusak, terpotong atau kosong" in at.error[0].value
    assert str(path) in at.error[0].value
    assert_one_line(run_cli("stats", url=fixture_url), "rusak, terpotong atau kosong")
    assert_one_line(run_cli("lock", "2025", url=fixture_url, lang="en"), "is corrupt, truncated or empty")


# --- (c) DATABASE_URL without a path -------------------------------------------------------


def test_a_url_without_a_path_is_refused(monkeypatch):
    with pytest.raises(StoreError) as refused:
        open_store("duckdb:///")
    assert "names no file" in refused.value.message("en")
    monkeypatch.setenv("DATABASE_URL", "duckdb:///")
    at = open_app(role=None)
    assert "tidak menyebut berkas" in at.error[0].value
    assert_one_line(run_cli("stats", url="duckdb:///"), "tidak menyebut berkas")
    assert_one_line(run_cli("stats", url="duckdb:///", lang="en"), "names no file")


# --- (d) a read-only store -----------------------------------------------------------------


@pytest.fixture
def read_only_folder(fixture_url: str) -> Iterator[str]:
    """The fixture store in a folder nobody may write (restored afterwards so it can be removed)."""
    folder = Path(fixture_url.removeprefix("duckdb:///")).parent
    mode = folder.stat().st_mode
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    yield fixture_url
    folder.chmod(mode)


def test_a_read_only_folder_is_viewed_and_writes_say_why_not(read_only_folder):
    stats = run_cli("stats", "--json", url=read_only_folder, restricted=True)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["programs"] > 0
    assert_one_line(run_cli("lock", "2025", url=read_only_folder, restricted=True), "hanya bisa dibaca")
    path = Path(read_only_folder.removeprefix("duckdb:///")).parent / "program.csv"
    shown = app_in_process(read_only_folder, restricted=True)
    assert not shown["exception"] and not shown["error"], shown
    assert shown["title"] == ["Ringkasan 2025"] and shown["metrics"]["Program"] == "3"
    assert any("hanya bisa dibaca" in text for text in shown["info"])
    missing = f"duckdb:///{path.with_name('new.duckdb')}"
    assert_one_line(run_cli("stats", url=missing, restricted=True), "foldernya tidak dapat ditulis")


def test_a_read_only_file_is_viewed_and_an_import_is_refused(fixture_url, tmp_path):
    path = Path(fixture_url.removeprefix("duckdb:///"))
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    upload = tmp_path / "upload" / "program.csv"
    upload.parent.mkdir()
    upload.write_bytes(GOOD)
    result = run_cli("import", str(upload), "--kind", "program", url=fixture_url, lang="en", restricted=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "can only be read" in result.stderr.strip().splitlines()[-1]  # after the progress lines
    history = run_cli("history", url=fixture_url, restricted=True)
    assert history.returncode == 0, history.stderr
    shown = app_in_process(fixture_url, restricted=True)
    assert not shown["exception"] and not shown["error"], shown
    assert any("hanya bisa dibaca" in text for text in shown["info"])
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_store_opened_read_only_refuses_writes_before_touching_the_file(fixture_url):
    store = open_store(fixture_url, read_only=True)
    assert store.read_only
    with pytest.raises(StoreReadOnlyError), store.transaction() as tx:
        tx.execute("DELETE FROM programs")
    assert store.count("programs") > 0
    store.close()

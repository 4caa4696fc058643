from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import psycopg
import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from common.i18n import t
from data_loaders import users
from data_loaders.settings import database_url
from data_loaders.store import Store, open_store
from tests.fixture_data import build_fixture
from ui import auth, catalogue_views, data, evaluation_views, funding_views, gaps_views, partner_views

REPO = Path(__file__).resolve().parent.parent
# A PostgreSQL database the tests may fill (`.ci/run` sets it for its second run): every store a
# test makes is then a schema of its own there instead of a DuckDB file.
POSTGRES = os.environ.get("SINERGI_TEST_POSTGRES", "").strip()
_SCHEMAS: list[str] = []
# A test of how the embedded DuckDB file behaves (its file, its lock between processes).
duckdb_only = pytest.mark.skipif(bool(POSTGRES), reason="DuckDB file behaviour; the PostgreSQL run skips it")
APP = str(REPO / "dashboard.py")
TEST_PASSWORD = "uji-kata-sandi-panjang"  # every test user's password (12+ characters)


def test_user(role: str, kabkota: str | None = None, partner_id: int | None = None) -> users.User:
    """The user 'uji-<role>[-<kabkota or partner>]' in the store at DATABASE_URL, made when missing
    (password TEST_PASSWORD)."""
    suffix = kabkota or (str(partner_id) if partner_id is not None else "")
    username = f"uji-{role}" + (f"-{suffix}" if suffix else "")
    store = open_store(database_url())
    try:
        user = users.active_user(store, username)
        if user is None:
            user = users.add_user(
                store, username, role, TEST_PASSWORD, "cli:pytest", kabkota_code=kabkota, partner_id=partner_id
            )
        return user
    finally:
        store.close()


test_user.__test__ = False  # a helper, not a test, also where a test module imports it


# Pages whose tabs run only when open (ui.components.lazy_tabs): the i18n keys of their tabs.
TABBED_PAGES = {
    "app_pages/pendanaan.py": funding_views.TABS,
    "app_pages/celah.py": gaps_views.TABS,
    "app_pages/evaluasi.py": evaluation_views.TABS,
    "app_pages/mitra.py": partner_views.TABS,
    "app_pages/etalase.py": catalogue_views.TABS,
}


def tab_queries(script: str, lang: str = "id") -> list[dict[str, str]]:
    """The address parameters that open each tab of the page `script` (one empty dict for a page
    without lazy tabs), so a test reads every tab."""
    return [{"bagian": t(key, lang)} for key in TABBED_PAGES.get(script, ())] or [{}]


def open_tab(at: AppTest, key: str, lang: str = "id") -> None:
    """Open the tab `key` (its translation key) of a page with lazy tabs, as a click on it does, and
    rerun the page."""
    at.session_state["bagian"] = t(key, lang)
    at.run()


def app_test(
    role: str | None = "analis",
    kabkota: str | None = None,
    partner_id: int | None = None,
    script: str = APP,
    timeout: float = 120,
) -> AppTest:
    """An AppTest of `script`, signed in as `role` (a store user made by `test_user`); None = a
    public visitor. Most page tests read as 'analis', who sees every figure in full."""
    at = AppTest.from_file(script, default_timeout=timeout)
    if role is not None:
        at.session_state[auth.ACCESS_KEY] = test_user(role, kabkota, partner_id).access
        at.session_state[auth.SEEN_KEY] = time.time()
    return at


def _region_maps(at: AppTest) -> list[dict]:
    """The figures of the region maps (ui.region_map) a page drew: components whose arguments carry
    their figure's JSON."""
    maps = [c for c in at.get("component_instance") if c.proto.component_name.endswith(".region_map")]
    return [json.loads(json.loads(map_.proto.json_args)["figure"]) for map_ in maps]


def chart_specs(at: AppTest) -> list[dict]:
    """Every plotly figure a page drew, as its JSON: the `st.plotly_chart`s, then the region maps."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")] + _region_maps(at)


def region_map_spec(at: AppTest) -> dict:
    """The figure of the page's one region map (ui.region_map), as its JSON."""
    (figure,) = _region_maps(at)
    return figure


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> Iterator[None]:
    """Caches are shared between AppTest runs in one process: start every test with none, and with no
    prefetch of an earlier test still reading its store."""
    data.clear_caches()
    yield
    data.clear_caches()


def new_store_url(folder: Path, name: str = "test") -> str:
    """The URL of a new, empty store: a DuckDB file `name`.duckdb in `folder`, or with
    SINERGI_TEST_POSTGRES a new schema in that database (dropped when the test session ends)."""
    if not POSTGRES:
        return f"duckdb:///{folder / name}.duckdb"
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    _SCHEMAS.append(schema)
    return f"{POSTGRES}{'&' if '?' in POSTGRES else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session", autouse=True)
def _drop_test_schemas() -> Iterator[None]:
    """The PostgreSQL schemas the tests made go when the session ends."""
    yield
    if POSTGRES and _SCHEMAS:
        st.cache_resource.clear()  # closes the dashboard's pooled connections first
        with psycopg.connect(POSTGRES, autocommit=True) as connection:
            for schema in _SCHEMAS:
                connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return new_store_url(tmp_path)


@pytest.fixture
def empty_store(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty, migrated store; the command line and the app see it through DATABASE_URL."""
    open_store(store_url).close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    return store_url


def stored(url: str, sql: str) -> pd.DataFrame:
    """The rows `sql` reads from the store at `url` (opened and closed again)."""
    store = open_store(url)
    try:
        return store.query(sql)
    finally:
        store.close()


def filled_url(store_url: str, monkeypatch: pytest.MonkeyPatch, build: Callable[[Store], object]) -> str:
    """`store_url` holding what `build(store)` writes; the app and the command line see it through
    DATABASE_URL. No connection is left open, so the app under test can open the file."""
    store = open_store(store_url)
    try:
        build(store)
    finally:
        store.close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    return store_url


@pytest.fixture
def fixture_url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store holding the hand-made data set of tests/fixture_data.py."""
    return filled_url(store_url, monkeypatch, build_fixture)


@pytest.fixture
def fixture_store(fixture_url: str) -> Iterator[Store]:
    store = open_store(fixture_url)
    yield store
    store.close()


@contextmanager
def dashboard_server(database_url: str) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free local port with `database_url`; yields its base URL once
    it answers (fails the test after 60 s) and stops it afterwards."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    env = {**os.environ, "DATABASE_URL": database_url}
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("The dashboard did not start: " + process.stdout.read().decode(errors="replace")[-2000:])
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def media(monkeypatch) -> dict[str, bytes | Callable[[], bytes]]:
    """Every file a page hands to the browser in AppTest (downloads), by its media id: the bytes, or
    for a file made when clicked (a deferred download) the function that makes it."""
    files: dict[str, bytes | Callable[[], bytes]] = {}
    load, defer = MemoryMediaFileStorage.load_and_get_id, MediaFileManager.add_deferred

    def keep(self, path_or_data, mimetype, kind, filename=None):
        file_id = load(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            files[file_id] = path_or_data
        return file_id

    def keep_deferred(self, data_callable, *args, **kwargs):
        file_id = defer(self, data_callable, *args, **kwargs)
        files[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    monkeypatch.setattr(MediaFileManager, "add_deferred", keep_deferred)
    return files


def media_content(media: dict[str, bytes | Callable[[], bytes]], button: object) -> bytes:
    """The file a download button (AppTest element) hands out, from the `media` fixture; a deferred
    file is made here, as a click would make it."""
    if button.proto.deferred_file_id:
        return media[button.proto.deferred_file_id]()
    return media[button.proto.url.rsplit("/", 1)[-1].split(".")[0]]

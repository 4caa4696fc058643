from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from data_loaders.store import Store, open_store
from tests.fixture_data import build_fixture

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> Iterator[None]:
    """Caches are shared between AppTest runs in one process: start every test with none."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"duckdb:///{tmp_path / 'test.duckdb'}"


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


@pytest.fixture
def fixture_url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store holding the hand-made data set of tests/fixture_data.py; the app sees it through
    DATABASE_URL. No connection is left open, so the app under test can open the file."""
    store = open_store(store_url)
    build_fixture(store)
    store.close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    return store_url


@pytest.fixture
def fixture_store(fixture_url: str) -> Iterator[Store]:
    store = open_store(fixture_url)
    yield store
    store.close()

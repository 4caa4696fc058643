"""Settings read from the environment, so one deployment differs from another only by its env."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"duckdb:///{REPO_ROOT / 'data' / 'sinergi.duckdb'}"


def database_url() -> str:
    """The store to use: `DATABASE_URL`, else the embedded DuckDB file under `data/`."""
    return os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL


def memory_limit() -> str:
    """DuckDB's memory ceiling (`SINERGI_DB_MEMORY`, default 1.5 GB): large queries spill to disk
    rather than take the machine's memory, which a shared server needs."""
    return os.environ.get("SINERGI_DB_MEMORY", "").strip() or "1500MB"

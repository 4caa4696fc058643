"""Settings read from the environment, so one deployment differs from another only by its env."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"duckdb:///{REPO_ROOT / 'data' / 'sinergi.duckdb'}"
# The secrets files Streamlit reads (the user's, then the project's, which wins), so the command line
# finds the same secrets as the dashboard started from the repository.
SECRETS_FILES = (Path.home() / ".streamlit" / "secrets.toml", REPO_ROOT / ".streamlit" / "secrets.toml")


def database_url() -> str:
    """The store to use: `DATABASE_URL`, else the embedded DuckDB file under `data/`."""
    return os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL


def memory_limit() -> str:
    """DuckDB's memory ceiling (`SINERGI_DB_MEMORY`, default 512 MB): large queries spill to disk
    rather than take the machine's memory, which a shared server needs. Within the ceiling DuckDB
    also keeps blocks it could drop: with 1,5 GB an import of a million beneficiaries peaked at
    1.030 MB, with 512 MB at about 910 MB at the same speed. The largest read, the overlap engine at
    5.000.000 rows, peaks at about 450 MB for its whole process with this ceiling (0,62 s; 0,68 s
    with 1,5 GB: bench/overlap.py; issue 16)."""
    return os.environ.get("SINERGI_DB_MEMORY", "").strip() or "512MB"


def store_wait_seconds() -> float:
    """How long (seconds, `SINERGI_DB_WAIT`, default 30) a command or a page waits for a store file
    another process holds before it gives up with a message. Not a number: the default."""
    try:
        return max(0.0, float(os.environ.get("SINERGI_DB_WAIT", "").strip() or 30))
    except ValueError:
        return 30.0


class SecretsFileError(ValueError):
    """A secrets file that is not valid TOML: `path` and `detail` (the parser's words, with the line)."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")


def file_secrets() -> dict[str, object]:
    """The top-level values of the `SECRETS_FILES` that exist, merged (later files win), read with
    tomllib as Streamlit reads them. Raises SecretsFileError for a file that is not valid TOML."""
    merged: dict[str, object] = {}
    for path in SECRETS_FILES:
        if not path.is_file():
            continue
        try:
            merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise SecretsFileError(path, str(error)) from None
    return merged


def session_idle_minutes() -> float:
    """Minutes without a click after which a signed-in session ends (`SINERGI_SESSION_IDLE_MINUTES`,
    default 30; at least 1). Not a number: the default."""
    try:
        return max(1.0, float(os.environ.get("SINERGI_SESSION_IDLE_MINUTES", "").strip() or 30))
    except ValueError:
        return 30.0

"""A private PostgreSQL server for tests that must stop, restart or share it between processes.

Debian's packages (`postgresql-15`) put the programs in /usr/lib/postgresql/<major>/bin. PostgreSQL
refuses to run as root, so when the tests run as root (CI) the server runs as the `postgres` user
the package creates. Without the programs the tests that need a server are skipped, or fail when
`SINERGI_REQUIRE_POSTGRES=1` (`.ci/run` sets it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest


def _bin_dir() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else the newest Debian one."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


def require_postgres() -> Path:
    """The PostgreSQL programs' folder; skips the test without them (fails under SINERGI_REQUIRE_POSTGRES)."""
    folder = _bin_dir()
    if folder is None:
        message = "PostgreSQL server programs (initdb, pg_ctl) are not installed: apt-get install postgresql"
        if os.environ.get("SINERGI_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return folder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    """A server on 127.0.0.1:`port` with its data in `folder`; `url` names its database `sinergi`."""

    folder: Path
    port: int
    bin_dir: Path

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/sinergi"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}"
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def remove(self) -> None:
        """Delete the stopped server's folder."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`fast`: ends the sessions; `immediate`: as if the machine failed)."""
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop")


def start_server() -> PostgresServer:
    """A new cluster in a new folder under the temporary directory (trust authentication, loopback
    only), started, with an empty database `sinergi`. Call `.stop()` and `.remove()` when done. (A
    pytest `tmp_path` will not do: as root its parents are closed to the `postgres` user.)"""
    bin_dir = require_postgres()
    folder = Path(tempfile.mkdtemp(prefix="sinergi-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    server = PostgresServer(folder, _free_port(), bin_dir)
    server._run(
        str(bin_dir / "initdb"),
        "-D",
        str(folder / "data"),
        "-A",
        "trust",
        "-U",
        "postgres",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
    )
    server.start()
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(f"postgresql://postgres@127.0.0.1:{server.port}/postgres", autocommit=True) as con:
                con.execute("CREATE DATABASE sinergi")
            return server
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

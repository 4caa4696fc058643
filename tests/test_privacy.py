"""Raw NIKs appear nowhere (issue 12, "Must hold"): after importing a beneficiary file with raw NIKs,
the store's files, the command line's output, the import history, the audit log and the logs are
scanned for them."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from data_loaders.__main__ import main

CASES = Path(__file__).resolve().parent / "field_cases"


def test_raw_niks_are_nowhere_after_an_import(empty_store, capsys, caplog, monkeypatch):
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    file = CASES / "c09_pipe_delimited_penerima.csv"
    niks = set(re.findall(r"(?<!\d)\d{16}(?!\d)", file.read_text()))
    assert len(niks) == 2
    caplog.set_level(logging.DEBUG)
    assert main(["import", str(file), "--kind", "penerima"]) == 0
    for command in (["history"], ["audit", "--limit", "0"], ["stats"]):
        assert main(command) == 0
    said = capsys.readouterr()
    folder = Path(empty_store.removeprefix("duckdb:///")).parent
    stored = b"".join(path.read_bytes() for path in folder.iterdir() if path.is_file())
    for nik in niks:
        assert nik.encode() not in stored  # the store file and its WAL hold only keyed hashes
        assert nik not in said.out and nik not in said.err
        assert nik not in caplog.text

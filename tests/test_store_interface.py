"""The store is an interface a PostgreSQL store can satisfy: DuckDB keeps its specifics inside
`DuckDBStore`, ids come from sequences, and the SQL in the code is the SQL both databases share."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from data_loaders import importer
from data_loaders.store import SEQUENCES, DuckDBStore, Store, Transaction, open_store
from data_loaders.store_postgres import PostgresStore
from data_loaders.validation import validate

REPO = Path(__file__).resolve().parent.parent
PROGRAM = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"

# SQL that DuckDB runs and PostgreSQL does not (or runs differently), with the portable form.
DUCKDB_ONLY = {
    r"::DOUBLE\b(?!\s+PRECISION)": "CAST(x AS DOUBLE PRECISION)",
    r"\bhash\(": "no hashing in SQL (DuckDB's hash() does not exist in PostgreSQL)",
    r"table_schema\s*=\s*'main'": "table_schema = current_schema()",
    r"\?\s+IS\s+NULL": "a typed parameter: CAST(? AS TEXT) IS NULL",
    r"\bstarts_with\(": "LIKE ? || '%'",
    r"ORDER BY ALL": "the columns by name or position",
    r"AS DOUBLE\)": "CAST(x AS DOUBLE PRECISION)",
}


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    yield s
    s.close()


def store_file(store: Store, text: str, kind: str = "program") -> importer.ImportResult:
    result = validate("f.csv", text.encode(), kind)
    assert result.ok, [p.message() for p in result.errors]
    return importer.apply(store, result, "tester")


def test_the_store_satisfies_the_store_interface(store, store_url):
    assert isinstance(store, PostgresStore if store_url.startswith("postgresql") else DuckDBStore)
    assert isinstance(store, Store)
    with store.transaction() as tx:
        assert isinstance(tx, Transaction)


def test_the_interface_names_every_method_the_code_uses():
    for name in ("query", "query_frame", "scalar", "count", "transaction", "data_version", "schema_version"):
        assert callable(getattr(Store, name))
    for name in ("migrate", "table_counts", "has_data", "close"):
        assert callable(getattr(Store, name))
    for name in ("execute", "query", "insert_frame", "next_id", "next_ids"):
        assert callable(getattr(Transaction, name))


def test_sequences_give_increasing_ids(store):
    with store.transaction() as tx:
        first = tx.next_id("programs_id_seq")
        more = tx.next_ids("programs_id_seq", 3)
        assert tx.next_ids("programs_id_seq", 0) == []
    assert more == [first + 1, first + 2, first + 3]
    with pytest.raises(ValueError, match="Unknown sequence"), store.transaction() as tx:
        tx.next_id("programs; DROP TABLE programs")


def test_ids_of_a_failed_transaction_are_not_given_again(store):
    with pytest.raises(RuntimeError, match="abort"), store.transaction() as tx:
        taken = tx.next_id("imports_id_seq")
        raise RuntimeError("abort")
    with store.transaction() as tx:
        assert tx.next_id("imports_id_seq") > taken


def test_ids_are_not_reused_after_an_import_is_rolled_back(store):
    first = store_file(store, PROGRAM + "A1;A;Dinsos;APBN;2025;FM;Kukar;10 juta\n")
    first_program = store.scalar("SELECT id FROM programs WHERE program_code = 'A1'")
    importer.rollback(store, first.import_id, "tester")
    assert store.count("programs") == 0
    second = store_file(store, PROGRAM + "B1;B;Dinsos;APBN;2025;FM;Kukar;10 juta\n")
    assert second.import_id > first.import_id
    assert store.scalar("SELECT id FROM programs WHERE program_code = 'B1'") > first_program


def test_reopening_moves_sequences_past_ids_written_without_them(store_url):
    """A store made before the sequences existed (or rows written with explicit ids) keeps working:
    migrating moves each sequence past the highest stored id, and draws no id itself."""
    store = open_store(store_url)
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (7, 'program', 'old.csv', 'test', current_timestamp, FALSE)"
        )
        tx.execute(
            "INSERT INTO programs (id, program_code, year, name, implementer, import_id) "
            "VALUES (40, 'OLD', 2024, 'old', 'Dinsos', 7)"
        )
    store.close()
    store = open_store(store_url)
    assert store.migrate() == []
    result = store_file(store, PROGRAM + "N1;N;Dinsos;APBN;2025;FM;Kukar;10 juta\n")
    assert result.import_id == 8
    assert store.scalar("SELECT id FROM programs WHERE program_code = 'N1'") == 41
    store.close()


def test_every_sequence_exists_after_migrating(store):
    names = set(
        store.query("SELECT sequencename FROM pg_catalog.pg_sequences WHERE schemaname = current_schema()")[
            "sequencename"
        ]
    )
    assert set(SEQUENCES) <= names


def _sql_texts(path: Path) -> list[tuple[int, str]]:
    """The string literals of a Python file (where its SQL lives; docstrings excluded), or a whole
    .sql file. Python code such as `hash(self.code)` is not SQL and is not looked at."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".sql":
        return [(1, text)]
    tree = ast.parse(text)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("folder", ["data_loaders", "domain", "tests"])
def test_no_duckdb_only_sql(folder):
    found = []
    for path in sorted((REPO / folder).rglob("*")):
        if path.suffix not in (".py", ".sql") or path.name == Path(__file__).name:
            continue  # (this file names the patterns)
        for line, text in _sql_texts(path):
            for pattern, instead in DUCKDB_ONLY.items():
                if re.search(pattern, text, flags=re.IGNORECASE):
                    found.append(f"{path.relative_to(REPO)}:{line}: {pattern} (use {instead})")
    assert not found, "\n".join(found)

"""Conventions kept by tests rather than written down (issue 10): import boundaries, the one page
registry, the one cache, and no base table outside the scoped reader."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from data_loaders.store import ALL_TABLES
from domain.reader import RELATIONS
from ui.pages import PAGES

REPO = Path(__file__).resolve().parent.parent
BASE_TABLES = ALL_TABLES  # every table the store has


def _sources(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Every module name a file imports (top level or inside functions)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _strings(path: Path) -> list[str]:
    return [
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_streamlit_is_imported_only_by_pages_and_ui():
    for folder in ("common", "domain", "data_loaders"):
        for path in _sources(folder):
            streamlit = {name for name in _imports(path) if name.split(".")[0] == "streamlit"}
            assert not streamlit, f"{path.relative_to(REPO)} imports {streamlit}"


def test_store_importer_and_reference_modules_never_import_domain():
    # The command line (data_loaders/__main__.py) is an interface like the pages and may.
    for path in _sources("data_loaders"):
        if path.name == "__main__.py":
            continue
        domain = {name for name in _imports(path) if name.split(".")[0] in ("domain", "ui", "app_pages")}
        assert not domain, f"{path.relative_to(REPO)} imports {domain}"


def test_domain_never_imports_the_interface():
    for path in _sources("domain"):
        interface = {name for name in _imports(path) if name.split(".")[0] in ("ui", "app_pages", "streamlit")}
        assert not interface, f"{path.relative_to(REPO)} imports {interface}"


def test_no_base_table_outside_the_reader():
    pattern = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE)\s+(" + "|".join(BASE_TABLES) + r")\b", re.IGNORECASE)
    for folder in ("domain", "app_pages", "ui"):
        for path in _sources(folder):
            if path == REPO / "domain" / "reader.py":
                continue
            for text in _strings(path):
                found = pattern.findall(text)
                assert not found, f"{path.relative_to(REPO)} reads base table(s) {found}; use the reader's relations"


def test_relations_are_not_named_like_base_tables():
    assert not set(RELATIONS) & set(BASE_TABLES)


def test_one_registry_of_pages():
    stems = [spec.stem for spec in PAGES]
    on_disk = sorted(path.stem for path in (REPO / "app_pages").glob("*.py"))
    assert sorted(stems) == on_disk
    assert sum(spec.default for spec in PAGES) == 1
    dashboard = (REPO / "dashboard.py").read_text(encoding="utf-8")
    assert "pages.navigation(" in dashboard and "st.Page(" not in dashboard
    for test in ("test_pages.py", "test_browser.py"):
        assert "from ui.pages import PAGES" in (REPO / "tests" / test).read_text(encoding="utf-8")
    # A folder named pages/ beside dashboard.py would switch on Streamlit's legacy routing.
    assert not (REPO / "pages").exists()


def test_caching_happens_only_in_ui_data():
    for folder in ("app_pages", "ui", "domain", "common", "data_loaders"):
        for path in _sources(folder):
            if path == REPO / "ui" / "data.py":
                continue
            text = path.read_text(encoding="utf-8")
            assert "cache_data" not in text and "cache_resource" not in text, path.relative_to(REPO)


def test_one_generic_cached_read():
    """ui/data.py reads through `read(view, ...)`; it names no domain view module of its own."""
    imported = {name for name in _imports(REPO / "ui" / "data.py") if name.startswith("domain")}
    assert imported <= {"domain.filters", "domain.reader"}, imported


def test_pages_only_draw():
    for path in _sources("app_pages"):
        text = path.read_text(encoding="utf-8")
        assert "SELECT" not in text, f"{path.name} holds SQL"
        assert len(text.splitlines()) <= 160, f"{path.name} is {len(text.splitlines())} lines; move logic to domain/"


def test_no_data_rendered_as_html():
    for path in [*_sources("app_pages"), *_sources("ui")]:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path.relative_to(REPO)

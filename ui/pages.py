"""The one registry of pages: `dashboard.py` builds the navigation from it, and the AppTest and
browser tests read it, so a page exists in all three or in none.

A page's URL is its file stem (the default page's is `/`); its script lives in `app_pages/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from common.i18n import t

APP_PAGES = Path(__file__).resolve().parent.parent / "app_pages"


@dataclass(frozen=True)
class PageSpec:
    stem: str  # file name in app_pages/ without .py, and the page's URL path
    title_key: str  # translation key of the navigation title
    icon: str
    group_key: str  # translation key of the navigation group
    default: bool = False

    @property
    def script(self) -> str:
        """The path AppTest switches to, relative to the repository: app_pages/<stem>.py."""
        return f"app_pages/{self.stem}.py"

    @property
    def url_path(self) -> str:
        return "" if self.default else self.stem


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan", "page_overview", ":material/dashboard:", "nav_monitor", default=True),
    PageSpec("peta", "page_map", ":material/map:", "nav_monitor"),
    PageSpec("pendanaan", "page_funding", ":material/payments:", "nav_monitor"),
    PageSpec("celah", "page_gaps", ":material/join_inner:", "nav_analyse"),
    PageSpec("evaluasi", "page_evaluation", ":material/fact_check:", "nav_analyse"),
    PageSpec("kelola_data", "page_data", ":material/upload_file:", "nav_manage"),
    PageSpec("referensi", "page_reference", ":material/menu_book:", "nav_reference"),
)


def navigation(lang: str) -> dict[str, list[st.Page]]:
    """The pages grouped for `st.navigation`, titled in `lang`, in registry order."""
    groups: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        page = st.Page(
            APP_PAGES / f"{spec.stem}.py", title=t(spec.title_key, lang), icon=spec.icon, default=spec.default
        )
        groups.setdefault(t(spec.group_key, lang), []).append(page)
    return groups

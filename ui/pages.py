"""The one registry of pages: `dashboard.py` builds the navigation from it, and the AppTest and
browser tests read it, so a page exists in all three or in none.

A page's URL is its file stem (the default page's is `/`); its script lives in `app_pages/`.
A page with an `action` is in the navigation only for a role that may take it
(data_loaders/roles.py), so a visitor who types its URL gets the overview instead; the page checks
again itself (`shell.require`). A page may carry another title for signed-in users
(`signed_in_title_key`: the sign-in page is their account page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from common.i18n import t
from data_loaders import roles
from data_loaders.roles import Access

APP_PAGES = Path(__file__).resolve().parent.parent / "app_pages"


@dataclass(frozen=True)
class PageSpec:
    stem: str  # file name in app_pages/ without .py, and the page's URL path
    title_key: str  # translation key of the navigation title
    icon: str
    group_key: str  # translation key of the navigation group
    default: bool = False
    action: str | None = None  # the permission a role needs to see the page; None = everyone
    signed_in_title_key: str | None = None  # its title for a signed-in user, when another
    # False: a visitor reaches the page by its link in the account box, not through the navigation,
    # so the sidebar does not offer it twice (the sign-in page); its URL still opens it.
    listed_for_visitors: bool = True

    def visible_to(self, access: Access) -> bool:
        """Whether the page is in `access`'s navigation."""
        return self.action is None or access.may(self.action)

    def title(self, access: Access, lang: str) -> str:
        """The navigation title for `access` in `lang`."""
        key = self.signed_in_title_key if access.signed_in and self.signed_in_title_key else self.title_key
        return t(key, lang)

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
    PageSpec("rapat", "page_meeting", ":material/co_present:", "nav_analyse"),
    PageSpec("mitra", "page_partners", ":material/handshake:", "nav_forum"),
    PageSpec("etalase", "page_catalogue", ":material/storefront:", "nav_forum"),
    PageSpec("rencana", "page_planning", ":material/event_upcoming:", "nav_forum"),
    PageSpec("apresiasi", "page_awards", ":material/military_tech:", "nav_forum"),
    PageSpec("kelola_data", "page_data", ":material/upload_file:", "nav_manage", action=roles.DATA_PAGE),
    PageSpec("pengguna", "page_users", ":material/group:", "nav_manage", action=roles.MANAGE_USERS),
    PageSpec("jejak_audit", "page_audit", ":material/history:", "nav_manage", action=roles.READ_AUDIT),
    PageSpec("referensi", "page_reference", ":material/menu_book:", "nav_reference"),
    PageSpec(
        "masuk",
        "page_sign_in",
        ":material/login:",
        "nav_account",
        signed_in_title_key="page_account",
        listed_for_visitors=False,
    ),
)


def navigation(lang: str, access: Access) -> dict[str, list[st.Page]]:
    """The pages `access` may open, grouped for `st.navigation`, titled in `lang`, in registry order."""
    groups: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        if not spec.visible_to(access):
            continue
        page = st.Page(
            APP_PAGES / f"{spec.stem}.py",
            title=spec.title(access, lang),
            icon=spec.icon,
            default=spec.default,
            visibility="visible" if access.signed_in or spec.listed_for_visitors else "hidden",
        )
        groups.setdefault(t(spec.group_key, lang), []).append(page)
    return groups

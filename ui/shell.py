"""The frame around every page: language, who is signed in, the shared URL-bound filters, the
sample-data notice.

`dashboard.py` calls `render_sidebar()` once per run before the page runs; pages read the result
with `view()`. Widget keys are the URL's query parameters (`?lang=en&tahun=2024&wilayah=...`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from common import formatting
from common.colors import FUNDING_SOURCES
from common.i18n import DEFAULT_LANGUAGE, LANGUAGES, t, value
from common.text import inert_markdown, without_control_characters
from data_loaders.roles import Access
from domain import reference
from domain.filters import LINTAS_PPKS, Filters, Scope, scope_of
from domain.overview import DataStatus, Figures, available_years, data_status, default_year
from domain.reference import categories, kabupaten_kota
from ui import auth, data

ALL = "all"
VIEW_KEY = "_sinergi_view"


@dataclass(frozen=True)
class View:
    lang: str
    filters: Filters
    scope: Scope
    access: Access


def language() -> str:
    """`?lang=en` or the toggle; Bahasa Indonesia by default."""
    lang = st.sidebar.segmented_control(
        t("language", DEFAULT_LANGUAGE),
        LANGUAGES,
        default=DEFAULT_LANGUAGE,
        required=True,
        key="lang",
        bind="query-params",
    )
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def ppks_labels(lang: str) -> dict[int, str]:
    """'24. Fakir Miskin' (or its English name) for every PPKS category in the store."""
    return {i: f"{i}. {value('ppks', i, lang)}" for i in data.read(categories).ids}


def render_filters(lang: str, view_scope: Scope) -> Filters:
    sidebar = st.sidebar
    sidebar.subheader(t("filters", lang))
    years = list(data.read(available_years)) or [dt.date.today().year]
    opened = data.read(default_year)  # the latest year with realised data, not a year of proposals only
    index = years.index(opened) if opened in years else len(years) - 1
    year = sidebar.selectbox(t("filter_year", lang), years, index=index, key="tahun", bind="query-params")
    regions = data.read(kabupaten_kota).names  # the scope's: an operator's one kab/kota
    limited = view_scope.kabkota is not None
    region = sidebar.selectbox(
        t("filter_region", lang),
        sorted(regions, key=regions.get) if limited else [ALL, *sorted(regions, key=regions.get)],
        format_func=lambda code: t("all_regions", lang) if code == ALL else regions[code],
        key="wilayah",
        bind="query-params",
    )
    sources = {code: value("source", code, lang) for code, _, _ in FUNDING_SOURCES}
    chosen = sidebar.multiselect(
        t("filter_source", lang),
        list(sources),
        format_func=sources.get,
        key="sumber",
        placeholder=t("all_sources", lang),
        bind="query-params",
    )
    labels = {ALL: t("all_ppks", lang), **ppks_labels(lang), LINTAS_PPKS: t("lintas_ppks", lang)}
    ppks = sidebar.selectbox(
        t("filter_ppks", lang), list(labels), format_func=labels.get, key="ppks", bind="query-params"
    )
    sidebar.caption(t("filters_link_hint", lang))
    return Filters(
        year=int(year),
        kabkota=None if region in (ALL, None) else region,
        sources=tuple(chosen),
        ppks=None if ppks == ALL else ppks,
    )


def region_label(code: str) -> str:
    """'Paser' for an operator's kab/kota code (the code itself where the store has no such region)."""
    return data.read(kabupaten_kota).names.get(code, code)


def render_account(access: Access, lang: str) -> None:
    """Who is signed in, with their role and a sign-out button; for a visitor, the sign-in button."""
    sidebar = st.sidebar
    if auth.expired_notice():
        sidebar.info(t("session_expired", lang), icon=":material/timer_off:")
    if not access.signed_in:  # a link, not switch_page: the URL's filters and language come along
        sidebar.page_link("app_pages/masuk.py", label=t("sign_in_button", lang), icon=":material/login:")
        return
    sidebar.caption(t("signed_in_as", lang))
    sidebar.text(without_control_characters(access.display_name or access.username))
    place = f" · {region_label(access.kabkota_code)}" if access.kabkota_code else ""
    sidebar.caption(t(f"role_{access.role}", lang) + place)
    if sidebar.button(t("sign_out_button", lang), icon=":material/logout:", key="sign_out"):
        auth.sign_out()
        st.rerun()


def render_sidebar(lang: str, access: Access) -> View:
    """The account box and the shared filters; the reader applies the access's scope."""
    scope = scope_of(access)
    data.start_run(scope)
    render_account(access, lang)
    filters = render_filters(lang, scope)
    view = View(lang=lang, filters=filters, scope=scope, access=access)
    st.session_state[VIEW_KEY] = view
    return view


def require(action: str) -> None:
    """Stop the page unless this rerun's role may take `action` (data_loaders/roles.py): a page the
    navigation hides checks again, whatever URL was opened."""
    if not view().access.may(action):
        st.error(t("not_allowed", view().lang), icon=":material/block:")
        st.stop()


def view() -> View:
    """The language, filters and scope of this run, as set by `dashboard.py`."""
    return st.session_state[VIEW_KEY]


def status() -> DataStatus:
    """Where this rerun's figures come from (sample data or imports, and the latest import time)."""
    return data.read(data_status)


def sample_notice(lang: str) -> None:
    if status().is_sample:
        st.warning(t("sample_banner", lang), icon=":material/science:")


def view_summary(filters: Filters, lang: str) -> str:
    """'Kutai Timur · APBN, CSR/TJSL · Fakir Miskin': what the figures on screen are about."""
    return data.read(reference.filters_words, filters, lang)


def page_header(title: str, view_: View) -> None:
    """The title, then what the figures are about and how recent they are — the same on every page."""
    st.title(title)
    as_of = t("as_of", view_.lang, date=formatting.date(status().as_of, view_.lang))
    st.caption(inert_markdown(view_summary(view_.filters, view_.lang) + " · " + as_of))


def people_note(figures: Figures, lang: str) -> str:
    """Under the people cards: the units (jiwa and KK are never added), the coverage basis, the
    level the need figures come from, and stored need set aside by the one-level rule."""
    parts = [t("note_units", lang)]
    if figures.coverage_basis:
        parts.append(t(f"note_coverage_{figures.coverage_basis}", lang))
    if figures.need_levels:
        levels = ", ".join(value("level", level, lang) for level in figures.need_levels)
        parts.append(t("note_need_levels", lang, levels=levels))
    if figures.need_set_aside.any:
        aside = formatting.people(figures.need_set_aside.jiwa, figures.need_set_aside.kk, lang)
        parts.append(t("note_need_set_aside", lang, count=aside))
    return " ".join(parts)

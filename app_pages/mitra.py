"""Mitra (Partners), in two tabs of which only the open one runs: the registry of CSR/PPM partners with
their money per year and, for an administrator, merging two partner records; and one partner's profile
(programs, places, PPKS categories, people reached, realisation, reporting, alignment with need), which
opens first for a mitra user. Figures: domain/partners.py."""

import streamlit as st

from common.i18n import t
from domain import charts, partners
from ui import data, partner_views, shell
from ui.components import chart, empty_state, lazy_tabs, source_caption

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
shell.page_header(t("partners_title", lang, year=filters.year), view)
TOP = 10

registry = data.read(partners.registry, filters)
opens = "partners_profile" if view.access.partner_id in set(registry.table["partner_id"]) else None  # a mitra's own
if registry.table.empty:
    empty_state(t("partners_empty", lang))
    st.stop()


def registry_tab() -> None:
    """The registry, searchable, with the largest spenders and the money per year."""
    search = st.text_input(t("partners_search", lang), key="cari", bind="query-params")
    shown = registry.find(search)
    if shown.empty:
        empty_state(t("partners_no_match", lang, text=search))
    else:
        partner_views.show(shown, partner_views.REGISTRY, lang, key="partner_table")
        st.caption(t("partners_registry_note", lang, year=filters.year))
        source_caption(status, lang)
        top = partner_views.top_chart_frame(shown, TOP)
        if not top.empty:
            st.subheader(t("partners_top", lang, year=filters.year))
            axis = t("axis_amount", lang) + " — " + t("series_spent", lang).lower()
            chart(charts.stacked_by_source, top, lang, "label", t("partners_col_name", lang), "spent", axis, top=TOP)
            st.caption(t("partners_top_note", lang, count=min(TOP, top["label"].nunique())))
            source_caption(status, lang)
        with st.expander(t("partners_years", lang)):
            partner_views.years_table(registry, shown, lang)
            st.caption(t("partners_registry_note", lang, year=filters.year))

    partner_views.merge_controls(view, registry)


def profile_tab() -> None:
    partner_views.profile_tab(view, registry, filters, lang, status)


lazy_tabs(dict(zip(partner_views.TABS, (registry_tab, profile_tab), strict=True)), lang, opens=opens)

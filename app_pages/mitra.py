"""Mitra (Partners): the registry of CSR/PPM partners with their money per year, one partner's profile
(programs, places, PPKS categories, people reached, realisation, reporting, alignment with need) and,
for an administrator, merging two partner records. Figures: domain/partners.py."""

import streamlit as st

from common import formatting
from common.i18n import t
from domain import charts, partners
from ui import data, partner_views, shell
from ui.components import chart, empty_state, kpi, source_caption

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
shell.page_header(t("partners_title", lang, year=filters.year), view)
TOP = 10

registry = data.read(partners.registry, filters)
st.subheader(t("partners_registry", lang))
if registry.table.empty:
    empty_state(t("partners_empty", lang))
    st.stop()
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

st.subheader(t("partners_profile", lang))
names = dict(zip(registry.table["partner_id"], registry.table["name"], strict=True))
ids = list(names)
own = view.access.partner_id
start = ids.index(own) if own in names else 0
chosen = st.selectbox(t("partners_pick", lang), ids, index=start, format_func=names.get, key="profile_partner")
profile = data.read(partners.profile, int(chosen), filters)
if profile.empty:
    empty_state(t("partners_profile_empty", lang, name=names[chosen], year=filters.year))
    st.stop()
note = t("partners_profile_note", lang, year=filters.year)
cards = st.columns(4)
with cards[0]:
    kpi(t("partners_m_budget", lang), formatting.money(profile.budget, lang), note)
with cards[1]:
    kpi(t("partners_m_spent", lang), formatting.money(profile.spent, lang), note)
with cards[2]:
    kpi(
        t("partners_m_realisation", lang),
        formatting.percent(profile.realisation, lang),
        t("partners_m_realisation_help", lang),
    )
with cards[3]:
    kpi(
        t("partners_m_reporting", lang),
        f"{formatting.number(profile.reported, lang)} / {formatting.number(profile.reported_of, lang)}",
        t("partners_m_reporting_help", lang),
    )
cards = st.columns(4)
with cards[0]:
    kpi(t("partners_m_jiwa", lang), formatting.number(profile.reached_jiwa, lang), t("partners_m_people_help", lang))
with cards[1]:
    kpi(t("partners_m_kk", lang), formatting.number(profile.reached_kk, lang), t("partners_m_people_help", lang))
row = profile.alignment
with cards[2]:
    gap = None if row is None else row["gap_share"]
    kpi(t("partners_m_gap", lang), formatting.percent(gap, lang), t("partners_m_gap_help", lang))
with cards[3]:
    inside = None if row is None else row["inside_share"]
    kpi(t("partners_m_inside", lang), formatting.percent(inside, lang), t("partners_m_inside_help", lang))
if row is not None:
    st.caption(partner_views.alignment_line(profile, lang))

st.markdown(f"**{t('partners_programs', lang)}**")
partner_views.show(profile.programs, partner_views.PROGRAMS, lang, key="partner_programs")
left, right = st.columns(2)
with left:
    partner_views.places_map(profile, lang)
    st.markdown(f"**{t('partners_places', lang)}**")
    partner_views.show(profile.places, partner_views.PLACES, lang, key="partner_places")
with right:
    st.markdown(f"**{t('partners_categories', lang)}**")
    partner_views.show(profile.categories, partner_views.CATEGORIES, lang, key="partner_categories")
st.caption(note)
source_caption(status, lang)

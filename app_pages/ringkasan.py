"""Ringkasan (Overview): the executive view — money by source, programs, people reached, need."""

import streamlit as st

from common import formatting
from common.i18n import t, value
from domain import charts, overview
from ui import data, shell, tables
from ui.components import chart, empty_state, headline_cards, kpi, public_note, source_caption

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
shell.page_header(t("overview_title", lang, year=filters.year), view)

headline = data.read(overview.headline, filters)
now, before = headline.current, headline.previous
if not now.has_data:
    empty_state(t("no_data_year", lang, year=filters.year))
    st.stop()
cards = headline_cards(headline, lang)
for row in (cards[:4], cards[4:]):
    for column, card in zip(st.columns(4), row, strict=True):
        with column:
            kpi(card.label, card.value, card.help, card.change, card.versus, card.inverse, card.detail)
st.caption(shell.people_note(now, lang))
public_note(view)

by_source = data.read(overview.funding_by_source, filters)
by_area = data.read(overview.funding_by_area, filters)
left, right = st.columns(2, gap="large")
with left:
    if by_source.empty:
        empty_state(t("no_programs", lang, what=t("filter_source", lang).lower()))
    else:
        top = by_source.largest
        st.subheader(
            t(
                "chart_by_source_title",
                lang,
                top=value("source", top["source"], lang),
                share=formatting.percent(top["share"], lang),
                year=filters.year,
            )
        )
        chart(charts.funding_by_source, by_source.table, lang)
        source_caption(status, lang)
with right:
    if by_area.empty:
        empty_state(t("no_programs", lang, what=t("filter_region", lang).lower()))
    else:
        name, amount, whole = by_area.largest()
        top_name = f"{name} {t('whole_region', lang)}" if whole else name
        st.subheader(t("chart_by_region_title", lang, top=top_name, amount=formatting.money(amount, lang)))
        frame = by_area.table.assign(area_name=tables.place_names(by_area.table, lang))
        axis = t("axis_kecamatan" if filters.kabkota else "axis_region", lang)
        chart(charts.stacked_by_source, frame, lang, "area_name", axis)
        source_caption(status, lang)

with st.expander(t("show_numbers", lang)):
    tables.show_columns(by_source.table, by_source.columns, lang)
    st.caption(t("committed_note", lang))
    source_caption(status, lang)

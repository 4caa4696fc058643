"""Ringkasan (Overview): the executive view — money by source, programs, people reached, need."""

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t, value
from domain import charts, overview
from ui import data, shell, tables
from ui.components import empty_state, headline_cards, kpi, source_caption

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
            kpi(card.label, card.value, card.help, card.change, card.versus, inverse=card.inverse)
st.caption(shell.people_note(now, lang))

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
        st.plotly_chart(charts.funding_by_source(by_source.table, lang), config=charts.CONFIG)
        source_caption(status, lang)
with right:
    if by_area.empty:
        empty_state(t("no_programs", lang, what=t("filter_region", lang).lower()))
    else:
        name, amount, whole = by_area.largest()
        top_name = f"{name} {t('whole_region', lang)}" if whole else name
        st.subheader(t("chart_by_region_title", lang, top=top_name, amount=formatting.money(amount, lang)))
        frame = by_area.table.assign(
            area_name=lambda f: f["area_name"].where(~f["whole_region"], f["area_name"] + " " + t("whole_region", lang))
        )
        axis = t("axis_kecamatan" if filters.kabkota else "axis_region", lang)
        st.plotly_chart(charts.stacked_by_source(frame, lang, "area_name", axis), config=charts.CONFIG)
        source_caption(status, lang)

with st.expander(t("show_numbers", lang)):
    table = by_source.table
    tables.show(
        pd.DataFrame(
            {
                t("col_source", lang): [value("source", code, lang) for code in table["source"]],
                t("col_budget", lang): table["budget"],
                t("col_committed", lang): table["committed"],
                t("col_spent", lang): table["spent"],
                t("col_realisation", lang): table["realisation"],
                t("col_programs", lang): table["programs"],
            }
        ),
        {
            t(k, lang): f
            for k, f in (
                ("col_budget", "money"),
                ("col_committed", "money"),
                ("col_spent", "money"),
                ("col_realisation", "percent"),
                ("col_programs", "number"),
            )
        },
        lang,
    )
    st.caption(t("committed_note", lang))
    source_caption(status, lang)

"""Ringkasan (Overview): the executive view — money by source, programs, people reached, need."""

import streamlit as st

from common import formatting
from common.colors import SOURCE_NAMES
from common.i18n import t
from ui import charts, data, shell
from ui.components import empty_state, kpi, relative_change, source_caption

view = shell.view()
lang, filters, scope = view.lang, view.filters, view.scope
status = data.status()

st.title(t("overview_title", lang, year=filters.year))
st.caption(shell.view_summary(filters, lang) + " · " + t("as_of", lang, date=formatting.date(status.as_of, lang)))

now = data.kpis(filters, scope)
before = data.kpis(filters.previous_year(), scope)
if not now.has_data:
    empty_state(t("no_data_year", lang, year=filters.year))
    st.stop()

previous = filters.year - 1
versus = t("vs_prev_year", lang, year=previous)


def relative(current: float, earlier: float) -> str | None:
    change = relative_change(current, earlier)
    return None if change is None else formatting.change(change, lang)


def points(current: float | None, earlier: float | None) -> str | None:
    return None if current is None or earlier is None else formatting.points(current - earlier, lang)


money_row = st.columns(4)
with money_row[0]:
    kpi(
        t("kpi_budget", lang),
        formatting.money(now.budget, lang),
        t("kpi_budget_help", lang, prev=previous),
        relative(now.budget, before.budget),
        versus,
    )
with money_row[1]:
    kpi(
        t("kpi_spent", lang),
        formatting.money(now.spent, lang),
        t("kpi_spent_help", lang, prev=previous),
        relative(now.spent, before.spent),
        versus,
    )
with money_row[2]:
    kpi(
        t("kpi_realisation", lang),
        formatting.percent(now.realisation, lang),
        t("kpi_realisation_help", lang),
        points(now.realisation, before.realisation),
        versus,
    )
with money_row[3]:
    kpi(
        t("kpi_programs", lang),
        formatting.number(now.programs, lang),
        t("kpi_programs_help", lang),
        relative(now.programs, before.programs),
        versus,
    )
people_row = st.columns(4)
with people_row[0]:
    kpi(
        t("kpi_reached", lang),
        formatting.number(now.reached, lang),
        t("kpi_reached_help", lang),
        relative(now.reached, before.reached),
        versus,
    )
with people_row[1]:
    kpi(
        t("kpi_target_share", lang),
        formatting.percent(now.reached_share, lang),
        t("kpi_target_share_help", lang),
        points(now.reached_share, before.reached_share),
        versus,
    )
with people_row[2]:
    kpi(
        t("kpi_ppks", lang),
        formatting.number(now.ppks, lang),
        t("kpi_ppks_help", lang),
        relative(now.ppks, before.ppks),
        versus,
        inverse=True,
    )
with people_row[3]:
    kpi(
        t("kpi_coverage", lang),
        formatting.percent(now.coverage, lang),
        t("kpi_coverage_help", lang),
        points(now.coverage, before.coverage),
        versus,
    )

by_source = data.funding_by_source(filters, scope)
by_region = data.funding_by_area(filters, scope)
whole = t("whole_region", lang)
by_region["region_name"] = by_region.region_name.where(~by_region.whole_region, by_region.region_name + " " + whole)
left, right = st.columns(2, gap="large")
with left:
    if by_source.empty:
        empty_state(t("no_programs", lang, what=t("filter_source", lang).lower()))
    else:
        top = by_source.sort_values("budget", ascending=False).iloc[0]
        st.subheader(
            t(
                "chart_by_source_title",
                lang,
                top=top.source_name,
                share=formatting.percent(top.budget / by_source.budget.sum(), lang),
                year=filters.year,
            )
        )
        st.plotly_chart(charts.funding_by_source(by_source, lang), config={"displayModeBar": False})
        source_caption(status, lang)
with right:
    if by_region.empty:
        empty_state(t("no_programs", lang, what=t("filter_region", lang).lower()))
    else:
        totals = by_region.groupby("region_name")["budget"].sum().sort_values(ascending=False)
        st.subheader(
            t("chart_by_region_title", lang, top=totals.index[0], amount=formatting.money(totals.iloc[0], lang))
        )
        axis = t("axis_kecamatan" if filters.kabkota else "axis_region", lang)
        st.plotly_chart(charts.funding_by_region(by_region, lang, axis), config={"displayModeBar": False})
        source_caption(status, lang)

with st.expander(t("show_numbers", lang)):
    st.dataframe(
        {
            t("col_source", lang): by_source.source.map(SOURCE_NAMES),
            t("col_budget", lang): [formatting.money_exact(v, lang) for v in by_source.budget],
            t("col_committed", lang): [formatting.money_exact(v, lang) for v in by_source.committed],
            t("col_spent", lang): [formatting.money_exact(v, lang) for v in by_source.spent],
            t("col_realisation", lang): [
                formatting.percent(s / b if b else None, lang)
                for s, b in zip(by_source.spent, by_source.budget, strict=True)
            ],
            t("col_programs", lang): [formatting.number(v, lang) for v in by_source.programs],
        },
        hide_index=True,
    )
    source_caption(status, lang)

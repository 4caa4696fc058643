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

shell.page_header(t("overview_title", lang, year=filters.year), view)

now = data.kpis(filters, scope)
before = data.kpis(filters.previous_year(), scope)
if not now.has_data:
    empty_state(t("no_data_year", lang, year=filters.year))
    st.stop()

previous = filters.year - 1
versus = t("vs_prev_year", lang, year=previous)


FORMATS = {"money": formatting.money, "percent": formatting.percent, "number": formatting.number}
# One row about money, one about people: (label key, Kpis attribute, format). Ratios change in
# percentage points, amounts and counts in percent. More people in need is bad news (red).
CARDS = (
    (
        ("kpi_budget", "budget", "money"),
        ("kpi_spent", "spent", "money"),
        ("kpi_realisation", "realisation", "percent"),
        ("kpi_programs", "programs", "number"),
    ),
    (
        ("kpi_reached", "reached", "number"),
        ("kpi_target_share", "reached_share", "percent"),
        ("kpi_ppks", "ppks", "number"),
        ("kpi_coverage", "coverage", "percent"),
    ),
)


def change_text(current: float | None, earlier: float | None, kind: str) -> str | None:
    if current is None or earlier is None:
        return None
    if kind == "percent":
        return formatting.points(current - earlier, lang)
    change = relative_change(current, earlier)
    return None if change is None else formatting.change(change, lang)


for row in CARDS:
    for column, (key, attribute, kind) in zip(st.columns(len(row)), row, strict=True):
        current, earlier = getattr(now, attribute), getattr(before, attribute)
        with column:
            kpi(
                t(key, lang),
                FORMATS[kind](current, lang),
                t(f"{key}_help", lang, prev=previous),
                change_text(current, earlier, kind),
                versus,
                inverse=attribute == "ppks",
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
        st.plotly_chart(
            charts.stacked_by_source(by_region, lang, "region_name", axis), config={"displayModeBar": False}
        )
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

"""Pendanaan (Funding): who pays for what, where — every source side by side, from planned to spent,
by region (also per resident and per person in need), category, assistance type, implementer and
program, with the flows between them and the trend over the years."""

import pandas as pd
import streamlit as st

from common import formatting
from common.colors import SOURCE_NAMES
from common.exports import csv_bytes, xlsx_bytes
from common.i18n import t
from domain import charts
from ui import data, shell
from ui.components import empty_state, kpi, source_caption

CHART = {"displayModeBar": False}


def _date(value: object) -> object:
    return None if pd.isna(value) else pd.Timestamp(value).date()


view = shell.view()
lang, filters, scope = view.lang, view.filters, view.scope
status = data.status()

shell.page_header(t("funding_title", lang, year=filters.year), view)

totals = data.kpis(filters, scope)
by_source = data.funding_by_source(filters, scope)
if by_source.empty:
    empty_state(t("funding_empty", lang, what=shell.view_summary(filters, lang)))
    st.stop()

# --- stages ------------------------------------------------------------------------------------
st.subheader(t("funding_stages", lang))
cards = st.columns(4)
with cards[0]:
    kpi(t("kpi_budget", lang), formatting.money(totals.budget, lang), t("kpi_budget_help", lang, prev=filters.year - 1))
with cards[1]:
    kpi(t("kpi_committed", lang), formatting.money(totals.committed, lang), t("kpi_committed_help", lang))
with cards[2]:
    kpi(t("kpi_spent", lang), formatting.money(totals.spent, lang), t("kpi_spent_help", lang, prev=filters.year - 1))
with cards[3]:
    kpi(t("kpi_realisation", lang), formatting.percent(totals.realisation, lang), t("kpi_realisation_help", lang))
left, right = st.columns([3, 2], gap="large")
with left:
    st.plotly_chart(charts.funding_by_source(by_source, lang), config=CHART)
with right:
    st.dataframe(
        {
            t("col_source", lang): by_source["source"].map(SOURCE_NAMES),
            t("col_budget", lang): [formatting.money_exact(v, lang) for v in by_source["budget"]],
            t("col_committed", lang): [formatting.money_exact(v, lang) for v in by_source["committed"]],
            t("col_spent", lang): [formatting.money_exact(v, lang) for v in by_source["spent"]],
            t("col_realisation", lang): [
                formatting.percent(s / b if b else None, lang)
                for s, b in zip(by_source["spent"], by_source["budget"], strict=True)
            ],
        },
        hide_index=True,
    )
source_caption(status, lang)

# --- by region, also per resident and per person in need ----------------------------------------
st.subheader(t("funding_by_region", lang))
measure = st.segmented_control(
    t("funding_measure", lang),
    ["total", "capita", "ppks"],
    default="total",
    required=True,
    key="ukuran_dana",
    format_func=lambda m: t(
        {"total": "funding_total", "capita": "funding_per_capita", "ppks": "funding_per_ppks"}[m], lang
    ),
)
regions = data.funding_data("dimension", filters, scope, "region")
if measure != "total":
    figures = data.area_figures(filters, scope, "kabupaten_kota", None).set_index("code")
    divisor = figures["population" if measure == "capita" else "ppks"]
    regions = regions.assign(budget=regions["budget"] / regions["region_code"].map(divisor.where(divisor > 0)))
    regions = regions.dropna(subset=["budget"])
axis = {"total": None, "capita": t("axis_per_capita", lang), "ppks": t("axis_per_ppks", lang)}[measure]
if regions.empty:
    empty_state(t("funding_empty", lang, what=t("funding_by_region", lang).lower()))
else:
    st.plotly_chart(
        charts.stacked_by_source(regions, lang, "category", t("axis_region", lang), value_title=axis), config=CHART
    )
if measure != "total":
    st.caption(t("funding_per_note", lang, year=int(figures["population_year"].max()), ppks_year=filters.year))
source_caption(status, lang)

# --- by category and by assistance type ---------------------------------------------------------
left, right = st.columns(2, gap="large")
for column, dimension, title, axis_key in (
    (left, "ppks", "funding_by_ppks", "filter_ppks"),
    (right, "assistance", "funding_by_assistance", "col_assistance"),
):
    with column:
        st.subheader(t(title, lang))
        frame = data.funding_data("dimension", filters, scope, dimension)
        st.plotly_chart(charts.stacked_by_source(frame, lang, "category", t(axis_key, lang)), config=CHART)
        source_caption(status, lang)

# --- flows -------------------------------------------------------------------------------------
st.subheader(t("funding_flows", lang))
st.plotly_chart(charts.sankey(data.funding_data("flows", filters, scope), lang), config=CHART)
st.caption(t("funding_flows_note", lang))
source_caption(status, lang)

# --- trends ------------------------------------------------------------------------------------
trend = data.funding_data("trends", filters, scope)
left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("funding_trends", lang))
    st.plotly_chart(charts.trend_lines(trend, lang), config=CHART)
with right:
    st.subheader(t("funding_share", lang))
    st.plotly_chart(charts.share_line(trend, lang), config=CHART)
st.caption(t("funding_trend_note", lang))
source_caption(status, lang)

# --- implementers ------------------------------------------------------------------------------
st.subheader(t("funding_implementers", lang))
by_implementer = data.funding_data("dimension", filters, scope, "implementer")
st.plotly_chart(
    charts.stacked_by_source(by_implementer, lang, "category", t("col_implementer", lang), top=10), config=CHART
)
implementers = data.funding_data("implementers", filters, scope)
st.dataframe(
    {
        t("col_implementer", lang): implementers["implementer"],
        t("col_budget", lang): [formatting.money_exact(v, lang) for v in implementers["budget"]],
        t("col_spent", lang): [formatting.money_exact(v, lang) for v in implementers["spent"]],
        t("col_programs", lang): implementers["programs"],
        t("col_sources", lang): implementers["sources"],
        t("col_partner", lang): [t("yes", lang) if v else t("no", lang) for v in implementers["partner"]],
    },
    hide_index=True,
)
source_caption(status, lang)

# --- programs ----------------------------------------------------------------------------------
st.subheader(t("funding_programs", lang))
programs = data.funding_data("programs", filters, scope)
controls = st.columns([3, 2])
search = controls[0].text_input(t("funding_search", lang), key="cari", bind="query-params")
statuses = sorted(programs["status"].dropna().unique())
chosen = controls[1].multiselect(
    t("funding_status", lang), statuses, key="status", bind="query-params", placeholder=t("all_statuses", lang)
)
shown = programs
if search:
    needle = search.strip().lower()
    shown = shown[
        shown[["program_code", "name", "implementer"]]
        .apply(lambda column: column.str.lower().str.contains(needle, regex=False))
        .any(axis=1)
    ]
if chosen:
    shown = shown[shown["status"].isin(chosen)]
table = pd.DataFrame(
    {
        t("col_program_code", lang): shown["program_code"],
        t("col_program", lang): shown["name"],
        t("col_implementer", lang): shown["implementer"],
        t("col_category", lang): shown["ppks"],
        t("col_sources", lang): shown["sources"],
        t("col_places", lang): shown["places"],
        t("col_budget", lang): shown["budget"],
        t("col_committed", lang): shown["committed"],
        t("col_spent", lang): shown["spent"],
        t("col_target", lang): shown["target"],
        t("col_reached", lang): shown["reached"],
        t("col_unit", lang): shown["beneficiary_unit"],
        t("funding_status", lang): shown["status"],
    }
)
if table.empty:
    empty_state(t("funding_no_match", lang))
else:
    money = st.column_config.NumberColumn(format="localized")
    picked = st.dataframe(
        table,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="program_table",
        column_config={t(c, lang): money for c in ("col_budget", "col_committed", "col_spent")},
    )
    downloads = st.columns(4)
    name = f"program_{filters.year}"
    downloads[0].download_button(
        t("funding_download_csv", lang), csv_bytes(table), f"{name}.csv", "text/csv", icon=":material/download:"
    )
    downloads[1].download_button(
        t("funding_download_xlsx", lang),
        xlsx_bytes(table, "program"),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )
    rows = picked.selection.rows if picked else []
    if not rows:
        st.caption(t("funding_pick", lang))
    else:
        program = shown.iloc[rows[0]]
        places = data.program_places(int(program["id"]), scope)
        with st.container(border=True):
            st.markdown(f"**{t('funding_detail', lang, name=program['name'])}**")
            st.caption(
                t(
                    "funding_detail_meta",
                    lang,
                    code=program["program_code"],
                    implementer=program["implementer"],
                    year=int(program["year"]),
                    status=program["status"] or "–",
                    start=formatting.date(_date(program["start_date"]), lang),
                    end=formatting.date(_date(program["end_date"]), lang),
                )
            )
            st.dataframe(
                {
                    t("col_place", lang): places["place"],
                    t("col_source", lang): places["source_name"],
                    t("col_budget", lang): [formatting.money_exact(v, lang) for v in places["budget"]],
                    t("col_committed", lang): [formatting.money_exact(v, lang) for v in places["committed"]],
                    t("col_spent", lang): [formatting.money_exact(v, lang) for v in places["spent"]],
                    t("col_target", lang): places["target"],
                    t("col_reached", lang): places["reached"],
                },
                hide_index=True,
            )
            st.caption(
                t(
                    "funding_detail_people",
                    lang,
                    target=formatting.number(program["target"], lang),
                    reached=formatting.number(program["reached"], lang),
                    unit=program["beneficiary_unit"] or "",
                )
            )
source_caption(status, lang)

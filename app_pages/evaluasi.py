"""Evaluasi (Evaluation): SPM indicators against their targets with traffic lights, program indicators
from the store by source, region, implementer and program, scorecards, reporting compliance, a
narrative made from rules, and period locking."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common import formatting
from common.colors import SOURCE_COLORS
from common.i18n import t
from data_loaders.regions import region_by_code
from domain.evaluation import LightThresholds, light, narrative, on_time_share
from domain import charts
from ui import data, shell
from ui.components import empty_state, kpi, light_card, source_caption

USER = "dasbor"
view = shell.view()
lang, filters, scope = view.lang, view.filters, view.scope
status = data.status()
thresholds = LightThresholds()
region_code = filters.kabkota or "64"
region_name = region_by_code(region_code).name


def light_text(value: str) -> str:
    return t(f"light_{value}", lang)


def share(value: float | None) -> str:
    return formatting.percent(value, lang, 0) if value is not None and pd.notna(value) else "–"


shell.page_header(t("eval_title", lang, year=filters.year), view)

totals = data.kpis(filters, scope)
spm = data.evaluation_data("indicators", filters, scope, region_code)
spm = spm[spm["code"].str.startswith("SPM")]
report = data.evaluation_data("reporting", filters, scope)
st.info(narrative(region_name, filters.year, totals, spm, report, lang, thresholds), icon=":material/description:")

cards = st.columns(4)
with cards[0]:
    light_card(
        t("kpi_realisation", lang),
        share(totals.realisation),
        light_text(light(totals.realisation)),
        t("kpi_realisation_help", lang),
    )
with cards[1]:
    kpi(t("kpi_target_share", lang), share(totals.reached_share), t("kpi_target_share_help", lang))
with cards[2]:
    kpi(t("kpi_coverage", lang), share(totals.coverage), t("kpi_coverage_help", lang))
with cards[3]:
    kpi(t("kpi_on_time", lang), share(on_time_share(report, filters.year)), t("kpi_on_time_help", lang))
st.caption(t("eval_lights", lang, green=share(thresholds.green), amber=share(thresholds.amber)))

tabs = st.tabs(
    [
        t(k, lang)
        for k in (
            "eval_tab_indicators",
            "eval_tab_programs",
            "eval_tab_scorecards",
            "eval_tab_reporting",
            "eval_tab_periods",
        )
    ]
)

with tabs[0]:
    if spm.empty:
        empty_state(t("eval_no_indicators", lang))
    else:
        st.dataframe(
            {
                t("col_indicator", lang): spm["name"],
                t("col_period", lang): spm["period"],
                t("col_baseline", lang): [formatting.number(v, lang, 1) for v in spm["baseline"]],
                t("col_indicator_target", lang): [formatting.number(v, lang, 1) for v in spm["target"]],
                t("col_actual", lang): [formatting.number(v, lang, 1) for v in spm["actual"]],
                t("col_achievement", lang): [share(v) for v in spm["achievement"]],
                t("col_light", lang): spm["light"].map(light_text),
            },
            hide_index=True,
            column_config={t("col_indicator", lang): st.column_config.TextColumn(width="large")},
        )
        st.caption(f"{region_name} · " + "; ".join(sorted(set(spm["source"].dropna()))))
    source_caption(status, lang)

with tabs[1]:
    by = st.segmented_control(
        t("eval_by", lang),
        ["source", "region", "implementer", "program"],
        default="source",
        required=True,
        key="eval_by",
        format_func=lambda k: t(f"eval_by_{k}", lang),
    )
    table = data.evaluation_data("programs", filters, scope, by)
    if table.empty:
        empty_state(t("funding_empty", lang, what=shell.view_summary(filters, lang)))
    else:
        st.dataframe(
            {
                t(f"eval_by_{by}", lang): table["name"],
                t("col_programs", lang): table["programs"],
                t("col_budget", lang): [formatting.money_exact(v, lang) for v in table["budget"]],
                t("col_spent", lang): [formatting.money_exact(v, lang) for v in table["spent"]],
                t("col_realisation", lang): [share(v) for v in table["realisation"]],
                t("col_realisation_light", lang): table["realisation_light"].map(light_text),
                t("col_reached_share", lang): [share(v) for v in table["reached_share"]],
                t("col_reached_light", lang): table["reached_light"].map(light_text),
            },
            hide_index=True,
        )
    st.markdown(f"**{t('eval_trend', lang)}**")
    trend = data.funding_data("trends", filters, scope)
    if not trend.empty:
        figure = go.Figure()
        for code in (code for code in SOURCE_COLORS if code in set(trend["source"])):
            rows = trend[trend["source"] == code]
            values = (rows["spent"] / rows["budget"] * 100).round(1)
            figure.add_scatter(
                x=rows["year"],
                y=values,
                name=rows["source_name"].iloc[0],
                mode="lines+markers",
                line={"color": SOURCE_COLORS[code], "width": 3},
                hovertext=[
                    f"{n} {y}: {share(v / 100)}"
                    for n, y, v in zip(rows["source_name"], rows["year"], values, strict=True)
                ],
                hoverinfo="text",
            )
        figure.update_xaxes(title_text=t("axis_year", lang), tickvals=sorted(trend["year"].unique()))
        figure.update_yaxes(title_text=t("col_realisation", lang), ticksuffix=" %" if lang == "id" else "%")
        st.plotly_chart(charts.base_layout(figure, 360), config={"displayModeBar": False})
    source_caption(status, lang)

with tabs[2]:
    st.markdown(f"**{t('eval_scorecard_region', lang, region=region_name)}**")
    regional = data.evaluation_data("indicators", filters, scope, region_code)
    programs_report = report[report["year"] == filters.year]
    st.write(narrative(region_name, filters.year, totals, spm, report, lang, thresholds))
    st.caption(
        t(
            "eval_completeness",
            lang,
            reported=int(programs_report["reported"].sum()),
            programs=int(programs_report["programs"].sum()),
            indicators=int(regional["actual"].notna().sum()),
            defined=len(regional),
        )
    )
    st.markdown(f"**{t('eval_scorecard_implementer', lang)}**")
    implementers = data.evaluation_data("programs", filters, scope, "implementer")
    if implementers.empty:
        empty_state(t("funding_empty", lang, what=shell.view_summary(filters, lang)))
    else:
        chosen = st.selectbox(t("eval_pick_implementer", lang), implementers["name"].tolist(), key="penyelenggara")
        row = implementers.set_index("name").loc[chosen]
        cols = st.columns(4)
        cols[0].metric(t("col_programs", lang), formatting.number(row["programs"], lang), border=True)
        cols[1].metric(t("kpi_budget", lang), formatting.money(row["budget"], lang), border=True)
        with cols[2]:
            light_card(t("kpi_realisation", lang), share(row["realisation"]), light_text(row["realisation_light"]))
        with cols[3]:
            light_card(t("col_reached_share", lang), share(row["reached_share"]), light_text(row["reached_light"]))
        own = data.funding_data("programs", filters, scope)
        own = own[own["implementer"] == chosen]
        st.dataframe(
            {
                t("col_program", lang): own["name"],
                t("col_budget", lang): [formatting.money_exact(v, lang) for v in own["budget"]],
                t("col_spent", lang): [formatting.money_exact(v, lang) for v in own["spent"]],
                t("col_target", lang): own["target"],
                t("col_reached", lang): own["reached"],
                t("funding_status", lang): own["status"],
            },
            hide_index=True,
        )
        done = report[(report["implementer"] == chosen) & (report["year"] == filters.year)]
        if not done.empty:
            st.caption(
                t("eval_reported", lang, reported=int(done["reported"].sum()), programs=int(done["programs"].sum()))
            )
    source_caption(status, lang)

with tabs[3]:
    if report.empty:
        empty_state(t("funding_empty", lang, what=shell.view_summary(filters, lang)))
    else:
        matrix = (
            report.assign(cell=report["status"].map(lambda s: t(f"status_{s}", lang)))
            .pivot_table(index="implementer", columns="year", values="cell", aggfunc="first")
            .fillna("")
        )
        st.dataframe(matrix.rename_axis(index=t("col_implementer", lang), columns=None))
        st.caption(t("eval_reporting_note", lang))
        missing = report[(report["year"] == filters.year) & (report["status"] == "missing")]
        st.markdown(f"**{t('eval_missing_title', lang, year=filters.year)}**")
        if missing.empty:
            st.success(t("eval_missing_none", lang, year=filters.year))
        else:
            st.dataframe(
                {
                    t("col_implementer", lang): missing["implementer"],
                    t("col_programs", lang): missing["programs"],
                    t("col_programs_reported", lang): missing["reported"].astype(int),
                },
                hide_index=True,
            )
    source_caption(status, lang)

with tabs[4]:
    locked = data.locked_years()
    st.write(t("eval_locked", lang, years=", ".join(map(str, locked))) if locked else t("eval_none_locked", lang))
    cols = st.columns([1, 1, 1, 3], vertical_alignment="bottom")
    year = cols[0].selectbox(t("eval_lock_year", lang), data.years() or [filters.year], key="kunci_tahun")
    if cols[1].button(t("eval_lock", lang), key="kunci", disabled=year in locked):
        data.set_lock(int(year), True, USER)
        st.rerun()
    if cols[2].button(t("eval_unlock", lang), key="buka_kunci", disabled=year not in locked):
        data.set_lock(int(year), False, USER)
        st.rerun()
    st.caption(t("eval_lock_note", lang))

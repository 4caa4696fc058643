"""Evaluasi (Evaluation): a narrative made from rules and the headline lights, then five tabs of which
only the open one runs (`ui.evaluation_views.TABS`): SPM indicators against their targets with
traffic lights; program indicators by source, region, implementer and program; scorecards; reporting
compliance; and period locking. Every figure comes from domain/evaluation.py; this page only draws."""

from functools import partial

import streamlit as st

from common import formatting
from common.i18n import t, value
from common.text import inert_markdown
from data_loaders.regions import region_by_code
from domain import charts, evaluation
from ui import data, evaluation_views, shell, tables
from ui.components import chart, empty_state, kpi, lazy_tabs, light_card, public_note, source_caption

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
thresholds = evaluation.LightThresholds()
region_name = region_by_code(filters.kabkota or evaluation.PROVINCE).name
no_programs = t("funding_empty", lang, what=shell.view_summary(filters, lang))
share = partial(formatting.percent, lang=lang)  # a ratio as a percentage, as on every page


def light_text(code: str) -> str:
    return t(f"light_{code}", lang)


def report_text(code: str | None) -> str:
    return "–" if code is None else t(f"status_{code}", lang)  # "–": no program that year


TEXT = {"light": light_text, "report": report_text}  # kinds of cells ui.tables.show_columns turns into words


shell.page_header(t("eval_title", lang, year=filters.year), view)
summary = data.read(evaluation.summary, filters)
now = summary.figures
st.info(inert_markdown(evaluation.narrative(summary, region_name, lang, thresholds)), icon=":material/description:")

cards = st.columns(5)
with cards[0]:
    realisation_light = evaluation.light(now.realisation, thresholds)
    light_card(
        t("kpi_realisation", lang), share(now.realisation), realisation_light, lang, t("kpi_realisation_help", lang)
    )
reach = f"{t('kpi_target_share', lang)} ({{}})"  # per unit: jiwa and KK are never added
rest = [
    (reach.format(value("unit", "jiwa", lang)), now.reach_jiwa, "kpi_target_share_help"),
    (reach.format(value("unit", "KK", lang)), now.reach_kk, "kpi_target_share_help"),
    (t("kpi_coverage", lang), now.coverage, "kpi_coverage_help"),
    (t("kpi_on_time", lang), summary.on_time_share, "kpi_on_time_help"),
]
for card, (label, ratio, help_key) in zip(cards[1:], rest, strict=True):
    with card:
        kpi(label, share(ratio), t(help_key, lang))
notes = [t("eval_lights", lang, green=share(thresholds.green), amber=share(thresholds.amber))]
notes += [t(f"eval_on_time_{summary.on_time_reason}", lang)] if summary.on_time_reason else []
st.caption(" ".join([*notes, shell.people_note(now, lang)]))
public_note(view)


def indicators() -> None:
    if summary.spm.empty:
        empty_state(t("eval_no_indicators", lang))
    else:
        rows = summary.spm.table  # a shipped definition's name in the interface language, else the imported one
        rows = rows.assign(name=[n if value("indicator", c, lang) == c else value("indicator", c, lang)
                                 for c, n in zip(rows["code"], rows["name"], strict=True)])  # fmt: skip
        wide = {t("col_indicator", lang): st.column_config.TextColumn(width="large")}
        tables.show_columns(rows, evaluation.COLUMNS["spm"], lang, TEXT, column_config=wide)
        st.caption(inert_markdown(f"{region_name} · " + "; ".join(summary.spm.sources)))
    source_caption(status, lang)


def programs() -> None:
    label_by = {key: t(f"eval_by_{key}", lang) for key in ("source", "region", "implementer", "program")}
    by = st.segmented_control(t("eval_by", lang), list(label_by), default="source", required=True, key="eval_by",
                              format_func=label_by.get, bind="query-params")  # fmt: skip
    groups = data.read(evaluation.program_indicators, filters, by)
    if groups.empty:
        empty_state(no_programs)
    else:
        first = {"key": ("eval_by_source", "source")} if by == "source" else {"name": (f"eval_by_{by}", "text")}
        spec = {**first, **evaluation.COLUMNS["groups"]}
        for unit in groups.units:
            code, named = unit.lower(), {"unit": value("unit", unit, lang)}
            spec[f"reach_{code}"] = (t("col_reach_unit", lang, **named), "percent")
            spec[f"reach_{code}_light"] = (t("col_reach_light_unit", lang, **named), "light")
        tables.show_columns(groups.table, spec, lang, TEXT)
        st.caption(t("eval_reach_note", lang))
    st.subheader(t("eval_trend", lang))
    trend = data.read(evaluation.realisation_trend, filters)
    if not trend.empty:
        chart(charts.realisation_trend, trend.table, lang)
    source_caption(status, lang)


def scorecards() -> None:
    st.subheader(inert_markdown(t("eval_scorecard_region", lang, region=region_name)))
    st.caption(t("eval_completeness", lang, **summary.completeness))
    st.subheader(t("eval_scorecard_implementer", lang))
    evaluation_views.implementer_card(filters, lang, TEXT, no_programs)
    source_caption(status, lang)


def reporting() -> None:
    report = summary.reporting
    if report.empty:
        empty_state(no_programs)
    else:
        matrix = report.matrix()
        years = {year: (year, "report") for year in matrix.columns[1:]}
        tables.show_columns(matrix, {"implementer": ("col_implementer", "text"), **years}, lang, TEXT)
        sample_note = [t("eval_reporting_sample_note", lang)] if report.has_undated else []
        st.caption(" ".join([t("eval_reporting_note", lang), *sample_note]))
        missing = report.missing(filters.year)
        st.subheader(t("eval_missing_title", lang, year=filters.year))
        if missing.empty:
            st.success(t("eval_missing_none", lang, year=filters.year))
        else:
            tables.show_columns(missing, evaluation.COLUMNS["missing"], lang, TEXT)
    source_caption(status, lang)


sections = (indicators, programs, scorecards, reporting, partial(evaluation_views.periods, view, filters, lang))
lazy_tabs(dict(zip(evaluation_views.TABS, sections, strict=True)), lang)

"""Pendanaan (Funding): who pays for what, where — every source from planned to spent, by region, category,
assistance type, implementer and program, with flows and trends. Figures: domain/funding.py."""

from functools import partial

import streamlit as st

from common import formatting
from common.i18n import t, value
from domain import charts, funding
from ui import data, funding_views, shell, tables
from ui.components import chart, empty_state, kpi, lazy_tabs, public_note, source_caption

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
shell.page_header(t("funding_title", lang, year=filters.year), view)


stages = data.read(funding.stages, filters)
if stages.empty:
    empty_state(t("funding_empty", lang, what=shell.view_summary(filters, lang)))
    st.stop()
totals, by_source = stages.totals, stages.by_source.table
st.subheader(t("funding_stages", lang))
pledged = formatting.money(totals.committed_budget_idr, lang)
cards = (
    ("kpi_budget", formatting.money(totals.budget_idr, lang), t("kpi_budget_help", lang, prev=filters.year - 1)),
    ("kpi_committed", formatting.money(totals.committed_idr, lang), t("kpi_committed_help", lang, budget=pledged)),
    ("kpi_spent", formatting.money(totals.spent_idr, lang), t("kpi_spent_help", lang, prev=filters.year - 1)),
    ("kpi_realisation", formatting.percent(totals.realisation, lang), t("kpi_realisation_help", lang)),
)
for column, (label, text, help_text) in zip(st.columns(4), cards, strict=True):
    with column:
        kpi(t(label, lang), text, help_text)


def sources_and_regions() -> None:
    """Each source from planned to spent, and the money per kabupaten/kota."""
    left, right = st.columns(2, gap="large")
    chart(charts.funding_by_source, by_source, lang, place=left)
    with right:
        tables.show(*funding_views.display(by_source, "source budget committed spent realisation", lang), lang)
        st.caption(t("committed_note", lang))
    source_caption(status, lang)

    st.subheader(t("funding_by_region", lang))
    labels = {"total": "funding_total", "capita": "funding_per_capita", "ppks": "funding_per_ppks"}
    pick = {"default": "total", "required": True, "key": "ukuran_dana", "format_func": lambda m: t(labels[m], lang)}
    pick["bind"] = "query-params"  # kept while another tab is open, and in a copied link
    measure = st.segmented_control(t("funding_measure", lang), list(labels), **pick)
    regions = data.read(funding.by_region, filters)
    column = {"total": "budget", "capita": "per_resident", "ppks": "per_ppks"}[measure]
    axis = {"capita": t("axis_per_capita", lang), "ppks": t("axis_per_ppks_jiwa", lang)}.get(measure)
    if regions.table[column].notna().any():
        chart(charts.stacked_by_source, regions.table, lang, "region_name", t("axis_region", lang), column, axis)
    else:
        what = t("what_population" if measure == "capita" else "what_ppks_jiwa", lang)
        empty_state(t("funding_per_missing", lang, what=what))
    if measure == "capita":
        st.caption(t("funding_per_capita_note", lang, year=regions.population_year or "–"))
    elif measure == "ppks":
        levels = ", ".join(value("level", level, lang) for level in regions.need_levels) or "–"
        st.caption(t("funding_per_ppks_note", lang, year=filters.year, levels=levels))
        public_note(view)
    if measure != "total" and regions.left_out(column):
        st.caption(t("funding_left_out", lang, regions=", ".join(regions.left_out(column))))
    source_caption(status, lang)


def categories_and_flows() -> None:
    """The money per PPKS category and per assistance type, and how it flows to the regions."""
    breakdowns = (
        (funding.by_ppks_category, "funding_by_ppks", "filter_ppks", "ppks"),
        (funding.by_assistance_type, "funding_by_assistance", "col_assistance", "assistance"),
    )
    for place, (view_fn, title, axis_key, kind) in zip(st.columns(2, gap="large"), breakdowns, strict=True):
        with place:
            st.subheader(t(title, lang))
            breakdown = data.read(view_fn, filters)
            frame = breakdown.table.assign(label=funding_views.names(kind, breakdown.table[breakdown.key], lang))
            chart(charts.stacked_by_source, frame, lang, "label", t(axis_key, lang))
            source_caption(status, lang)

    st.subheader(t("funding_flows", lang))
    flows = data.read(funding.flows, filters).table
    categories = funding_views.names("ppks", flows["ppks_category_id"], lang)
    flows = flows.assign(category=categories, region=flows["region_name"])
    chart(charts.sankey, flows, lang)
    st.caption(t("funding_flows_joined", lang, other=value("ppks", funding.OTHER, lang)))
    source_caption(status, lang)


def trends_and_implementers() -> None:
    """Every year's money per source, and who carries the programs out."""
    trend = data.read(funding.trends, filters)
    left, right = st.columns(2, gap="large")
    left.subheader(t("funding_trends", lang))
    chart(charts.trend_lines, trend.table, lang, place=left)
    right.subheader(t("funding_share", lang))
    chart(charts.share_line, trend.shares, lang, place=right)
    st.caption(t("funding_trend_note", lang))
    source_caption(status, lang)

    st.subheader(t("funding_implementers", lang))
    implementers = data.read(funding.implementers, filters)
    chart(charts.stacked_by_source, implementers.by_source, lang, "implementer", t("col_implementer", lang), top=10)
    columns = "implementer budget spent programs sources partner"
    tables.show(*funding_views.display(implementers.table, columns, lang), lang)
    source_caption(status, lang)


# Only the open tab runs (issue 16): a rerun draws two charts, not eight. A link that searches the
# program list opens it.
sections = (sources_and_regions, categories_and_flows, trends_and_implementers)
sections += (partial(funding_views.program_list, view, status),)
searched = any(key in st.query_params for key in ("cari", "status"))
lazy_tabs(dict(zip(funding_views.TABS, sections, strict=True)), lang, opens="funding_programs" if searched else None)

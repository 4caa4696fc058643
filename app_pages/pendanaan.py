"""Pendanaan (Funding): who pays for what, where — every source from planned to spent, by region, category,
assistance type, implementer and program, with flows and trends. Figures: domain/funding.py."""

from functools import partial

import pandas as pd
import streamlit as st

from common import formatting
from common.exports import csv_bytes, xlsx_bytes
from common.i18n import t, value
from data_loaders.roles import EXPORT
from domain import charts, funding
from ui import data, downloads, shell, tables
from ui.components import chart, empty_state, kpi, public_note, source_caption

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
shell.page_header(t("funding_title", lang, year=filters.year), view)

NONE = {"ppks": "lintas", "assistance": "none"}  # what a missing code means, per kind
RENAME = {"program_name": "program", "ppks_category_id": "category", "beneficiary_unit": "unit", "region_name": "place"}
RENAME |= {"region_level": "place_level"}
KINDS = {"source": "source", "sources": "sources", "category": "ppks", "unit": "unit", "status": "status"}
KINDS |= {"place_level": "level", "partner": "yes_no"}  # columns of codes, and how each is translated
FORMATS = dict.fromkeys(["budget", "committed", "spent"], "money") | {"realisation": "percent"}
FORMATS |= dict.fromkeys(["programs", "places", "target", "reached"], "number")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROGRAM = "program_code program implementer category sources places budget committed spent target reached unit status"


def names(kind: str, codes: pd.Series) -> list[str]:
    """Codes in `lang`: None reads as Lintas PPKS or 'not given'; a tuple of source codes is joined."""
    if kind == "yes_no":
        return [t("yes" if code else "no", lang) for code in codes]
    if kind == "sources":
        return [", ".join(value("source", code, lang) for code in group) for group in codes]
    return [value(kind, NONE.get(kind) if code is None else code, lang) for code in codes]


def display(frame: pd.DataFrame, columns: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The named columns, codes translated, under their headers (col_<name>), and their number formats."""
    frame = frame.rename(columns=RENAME)[columns.split()]
    frame = frame.assign(**{column: names(KINDS[column], frame[column]) for column in frame.columns if column in KINDS})
    headers = {column: t(f"col_{column}", lang) for column in frame.columns}
    return frame.rename(columns=headers), {headers[c]: FORMATS[c] for c in frame.columns if c in FORMATS}


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
        tables.show(*display(by_source, "source budget committed spent realisation"), lang)
        st.caption(t("committed_note", lang))
    source_caption(status, lang)

    st.subheader(t("funding_by_region", lang))
    labels = {"total": "funding_total", "capita": "funding_per_capita", "ppks": "funding_per_ppks"}
    pick = {"default": "total", "required": True, "key": "ukuran_dana", "format_func": lambda m: t(labels[m], lang)}
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
            frame = breakdown.table.assign(label=names(kind, breakdown.table[breakdown.key]))
            chart(charts.stacked_by_source, frame, lang, "label", t(axis_key, lang))
            source_caption(status, lang)

    st.subheader(t("funding_flows", lang))
    flows = data.read(funding.flows, filters).table
    flows = flows.assign(category=names("ppks", flows["ppks_category_id"]), region=flows["region_name"])
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
    tables.show(*display(implementers.table, "implementer budget spent programs sources partner"), lang)
    source_caption(status, lang)


def program_list() -> None:
    """The programs in view, searchable, with their files and one program's detail."""
    programs = data.read(funding.program_table, filters)
    controls = st.columns([3, 2])
    search = controls[0].text_input(t("funding_search", lang), key="cari", bind="query-params")
    pick = {"key": "status", "bind": "query-params", "format_func": lambda code: value("status", code, lang)}
    pick["placeholder"] = t("all_statuses", lang)
    chosen = controls[1].multiselect(t("col_status", lang), programs.statuses, **pick)
    shown = funding.filter_programs(programs.table, search, tuple(chosen))
    if shown.empty:
        empty_state(t("funding_no_match", lang))
        source_caption(status, lang)
        return
    export, formats = display(shown, PROGRAM)
    picked = tables.show(export, formats, lang, on_select="rerun", selection_mode="single-row", key="program_table")
    if view.access.may(EXPORT):  # the program list as a file: for roles that may export
        xlsx = partial(xlsx_bytes, export, "program", formats)  # the files are made when clicked
        files = (("csv", partial(csv_bytes, export), "text/csv"), ("xlsx", xlsx, XLSX))
        for place, (ext, content, mime) in zip(st.columns(4)[:2], files, strict=True):
            label, name = t(f"funding_download_{ext}", lang), f"program_{filters.year}.{ext}"
            downloads.button(label, content, name, mime, what="program_table", rows=len(export), container=place)
    if not (rows := picked.selection.rows if picked else []):
        st.caption(t("funding_pick", lang))
    else:
        row = shown.iloc[rows[0]]  # the program as in view: its people in the places the filters keep
        detail = data.read(funding.program_detail, int(row["program_id"]))
        places, unit = detail.places, value("unit", detail.beneficiary_unit, lang)
        with st.container(border=True):
            st.text(t("funding_detail", lang, name=detail.program_name))
            dates = {"start": formatting.date(detail.start_date, lang), "end": formatting.date(detail.end_date, lang)}
            meta = {"code": detail.program_code, "implementer": detail.implementer, "year": detail.year, **dates}
            st.text(t("funding_detail_meta", lang, status=value("status", detail.status, lang), **meta))
            tables.show(*display(places, "place place_level source budget committed spent target reached"), lang)
            people = {key: formatting.number(row[key], lang) for key in ("target", "reached")}
            st.caption(t("funding_detail_people", lang, unit=unit, **people))
    source_caption(status, lang)


# Only the open tab runs (issue 16): a rerun draws two charts, not eight. The tab is in the address
# (`bagian`, its label), so a copied link reopens it; a link that searches the program list opens it.
SECTIONS = {
    "funding_tab_sources": sources_and_regions,
    "funding_tab_categories": categories_and_flows,
    "funding_tab_trends": trends_and_implementers,
    "funding_programs": program_list,
}
labels = [t(key, lang) for key in SECTIONS]
searched = any(key in st.query_params for key in ("cari", "status"))
tabs = st.tabs(labels, key="bagian", on_change="rerun", bind="query-params", default=labels[-1] if searched else None)
for tab, section in zip(tabs, SECTIONS.values(), strict=True):
    if tab.open:
        with tab:
            section()

"""Drawing helpers of the Pendanaan page: its tables in the user's language (codes translated, numbers
kept as numbers under their formats) and the program list with its files and one program's detail."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from common import formatting
from common.exports import csv_bytes, xlsx_bytes
from common.i18n import t, value
from data_loaders.roles import EXPORT
from domain import funding
from domain.filters import Filters
from domain.overview import DataStatus
from ui import data, downloads, tables
from ui.components import empty_state, source_caption
from ui.shell import View

TABS = ("funding_tab_sources", "funding_tab_categories", "funding_tab_trends", "funding_programs")  # i18n keys
NONE = {"ppks": "lintas", "assistance": "none"}  # what a missing code means, per kind
RENAME = {"program_name": "program", "ppks_category_id": "category", "beneficiary_unit": "unit", "region_name": "place"}
RENAME |= {"region_level": "place_level"}
KINDS = {"source": "source", "sources": "sources", "category": "ppks", "unit": "unit", "status": "status"}
KINDS |= {"place_level": "level", "partner": "yes_no"}  # columns of codes, and how each is translated
FORMATS = dict.fromkeys(["budget", "committed", "spent"], "money") | {"realisation": "percent"}
FORMATS |= dict.fromkeys(["programs", "places", "target", "reached"], "number")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROGRAM = "program_code program implementer category sources places budget committed spent target reached unit status"


def names(kind: str, codes: pd.Series, lang: str) -> list[str]:
    """Codes in `lang`: None reads as Lintas PPKS or 'not given'; a tuple of source codes is joined."""
    if kind == "yes_no":
        return [t("yes" if code else "no", lang) for code in codes]
    if kind == "sources":
        return [", ".join(value("source", code, lang) for code in group) for group in codes]
    return [value(kind, NONE.get(kind) if code is None else code, lang) for code in codes]


def display(frame: pd.DataFrame, columns: str, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The named columns, codes translated, under their headers (col_<name>), and their number formats."""
    frame = frame.rename(columns=RENAME)[columns.split()]
    frame = frame.assign(
        **{column: names(KINDS[column], frame[column], lang) for column in frame.columns if column in KINDS}
    )
    headers = {column: t(f"col_{column}", lang) for column in frame.columns}
    return frame.rename(columns=headers), {headers[c]: FORMATS[c] for c in frame.columns if c in FORMATS}


def program_list(view: View, status: DataStatus) -> None:
    """The programs in view, searchable by text and status (both in the address), the list as CSV/XLSX
    for roles that may export, and the detail of the program picked in the table."""
    lang, filters = view.lang, view.filters
    programs = data.read(funding.program_table, filters)
    controls = st.columns([3, 2])
    search = controls[0].text_input(t("funding_search", lang), key="cari", bind="query-params")
    pick = {"key": "status", "bind": "query-params", "format_func": lambda code: value("status", code, lang)}
    pick["placeholder"] = t("all_statuses", lang)
    chosen = controls[1].multiselect(t("col_status", lang), programs.statuses, **pick)
    shown = funding.filter_programs(programs.table, search, tuple(chosen))
    if shown.empty:
        empty_state(t("funding_no_match", lang))
    else:
        export, formats = display(shown, PROGRAM, lang)
        picked = tables.show(export, formats, lang, on_select="rerun", selection_mode="single-row", key="program_table")
        if view.access.may(EXPORT):
            _program_files(export, formats, filters, lang)
        if not (rows := picked.selection.rows if picked else []):
            st.caption(t("funding_pick", lang))
        else:  # the program as in view: its people in the places the filters keep
            _program_detail(shown.iloc[rows[0]], lang)
    source_caption(status, lang)


def _program_files(export: pd.DataFrame, formats: dict[str, str], filters: Filters, lang: str) -> None:
    """The program list as CSV and XLSX, made when clicked."""
    files = (
        ("csv", partial(csv_bytes, export), "text/csv"),
        ("xlsx", partial(xlsx_bytes, export, "program", formats), XLSX),
    )
    for place, (ext, content, mime) in zip(st.columns(4)[:2], files, strict=True):
        label, name = t(f"funding_download_{ext}", lang), f"program_{filters.year}.{ext}"
        downloads.button(label, content, name, mime, what="program_table", rows=len(export), container=place)


def _program_detail(row: pd.Series, lang: str) -> None:
    """One program: its status, code, implementer and dates, its places and sources, its people."""
    detail = data.read(funding.program_detail, int(row["program_id"]))
    places, unit = detail.places, value("unit", detail.beneficiary_unit, lang)
    with st.container(border=True):
        st.text(t("funding_detail", lang, name=detail.program_name))
        dates = {"start": formatting.date(detail.start_date, lang), "end": formatting.date(detail.end_date, lang)}
        meta = {"code": detail.program_code, "implementer": detail.implementer, "year": detail.year, **dates}
        st.text(t("funding_detail_meta", lang, status=value("status", detail.status, lang), **meta))
        tables.show(*display(places, "place place_level source budget committed spent target reached", lang), lang)
        people = {key: formatting.number(row[key], lang) for key in ("target", "reached")}
        st.caption(t("funding_detail_people", lang, unit=unit, **people))

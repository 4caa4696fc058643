"""Celah & Tumpang Tindih (Gaps & overlaps): need against reach by area × PPKS category, the flags
and their reasons, the coordination agenda, people listed in more than one program, and a
partner's own list checked without storing it."""

from functools import partial

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t, value
from common.text import inert_markdown
from data_loaders.regions import region_by_code
from domain import charts, gaps, overlap
from domain.reader import holds_beneficiaries
from ui import data, gaps_views, shell
from ui.components import chart, empty_state, hidden_section, kpi, lazy_tabs, public_note, source_caption

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
shell.page_header(t("gaps_title", lang, year=filters.year), view)
region = region_by_code(filters.kabkota).name if filters.kabkota else t("all_regions", lang)
detail = holds_beneficiaries(view.scope)  # beneficiary-level sections (a mitra's: its own programs')


thresholds, hide = gaps_views.thresholds_panel(lang)


def show(frame: pd.DataFrame, spec: dict[str, tuple[str, str]], **options: object) -> None:
    gaps_views.show(frame, spec, lang, hide, **options)


cells = data.read(gaps.area_categories, filters, thresholds)
people = data.read(overlap.overlaps_by_region, filters)
nothing = t("gaps_no_need_data", lang, year=filters.year) if cells.need_missing else t("agenda_none", lang)
if cells.need_missing:
    page = t("page_data", lang)
    st.warning(t("gaps_need_missing", lang, year=filters.year, region=region, programs=cells.programs, page=page))
if filters.kabkota:
    st.caption(t("gaps_kecamatan_whole", lang, region=region, whole=t("whole_region", lang)))
cards = {"gaps": formatting.number(cells.gaps, lang), "overlaps": formatting.number(cells.overlaps, lang)}
cards["unmet"] = "–" if cells.need_missing else formatting.people(cells.unmet("jiwa"), cells.unmet("KK"), lang)
cards["multi"] = formatting.number(people.total.multi_program, lang) if detail else "–"
for box, (key, figure) in zip(st.columns(4), cards.items(), strict=True):
    # Jiwa and KK: the first unit is the value, the second its own line (both never fit at 1920 px).
    shown, second_line = formatting.split_units(figure)
    with box:
        help_text = t("kpi_unmet_help_units" if key == "unmet" else f"kpi_{key}_help", lang)
        kpi(t(f"kpi_{key}", lang), shown, help_text, detail=second_line)
if cells.need_levels:
    levels = ", ".join(value("level", level, lang) for level in cells.need_levels)
    st.caption(t("note_units", lang) + " " + t("note_need_levels", lang, levels=levels))
if cells.unreported:
    st.caption(t("gaps_unreported", lang, count=formatting.number(cells.unreported, lang)))
public_note(view)


def gaps_and_agenda() -> None:
    """The coordination agenda, need against reach per area and category, and the numbers behind them."""
    st.subheader(t("agenda_title", lang))
    agenda = data.read(gaps.agenda, filters, thresholds)
    if agenda.empty and not agenda.need_missing:
        empty_state(nothing)
    elif not agenda.empty:  # a static table wraps the long lines; its cells are Markdown
        lines = {
            t("col_kind_flag", lang): [t(f"flag_{kind}", lang) for kind in agenda.items["kind"]],
            t("col_explanation", lang): [
                inert_markdown(gaps.explain(item, lang)) for _, item in agenda.items.iterrows()
            ],
        }
        st.table(pd.DataFrame(lines, index=range(1, len(agenda.items) + 1)))
    source_caption(status, lang)

    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(t("quadrant_title", lang))
        points = data.read(gaps.quadrant, filters, thresholds)
        if points.empty:
            empty_state(nothing)
        else:
            chart(charts.quadrant, points.table, lang)
            st.caption(t("quadrant_note", lang))
    with right:
        st.subheader(t(f"heat_title_{cells.level}", lang))
        heat = data.read(gaps.heat, filters, thresholds)
        if heat.empty:
            empty_state(nothing)
        else:
            columns = {c: (value("ppks", c, lang), "text") for c in heat.categories}
            show(heat.cells(lang), {"area_name": ("col_place", "place"), **columns}, height=420)
            st.caption(t("heat_note_units", lang) + " " + t("heat_note_people", lang))
    with st.expander(t("show_numbers", lang)):
        show(cells.table, cells.columns)
    source_caption(status, lang)


def people_overlaps() -> None:
    """People listed in more than one program: per kabupaten/kota, per pair of sources and of programs,
    and how well the lists reach the poorest deciles."""
    st.subheader(t("people_overlap_title", lang))
    if not detail:
        hidden_section(view)
        return
    if people.empty:
        empty_state(t("no_beneficiaries", lang))
        source_caption(status, lang)
        return
    if view.scope.own_partner_id is not None:
        st.caption(t("mitra_own_only", lang))
    show(people.with_total(t("people_total", lang)), people.columns)
    pairs = data.read(overlap.source_pairs, filters)
    if not pairs.empty:
        st.text(t("pairs_title", lang))
        show(pairs.table, pairs.columns)
    st.caption(t("people_overlap_note", lang, threshold=hide))
    source_caption(status, lang)
    left, right = st.columns(2, gap="large")
    with left:
        st.text(t("program_pairs_title", lang))
        program_pairs = data.read(overlap.program_pairs, filters)
        show(program_pairs.table, program_pairs.columns)
    with right:
        st.text(t("targeting_title", lang))
        aim = data.read(overlap.targeting, filters)
        show(aim.by_source, aim.source_columns)
        show(aim.by_program, aim.program_columns)
        left_out = data.read(overlap.poorest_left_out, filters).people
        st.caption(t("targeting_note", lang, count=formatting.number(left_out, lang)))


def recommendations() -> None:
    """Where a partner's budget would close the largest gaps first."""
    st.subheader(t("recommend_title", lang))
    budget = st.number_input(
        t("recommend_budget", lang), 0, value=1_000_000_000, step=100_000_000, key="anggaran_csr", bind="query-params"
    )
    advice = data.read(gaps.recommendations, filters, thresholds, float(budget))
    if advice.empty:
        empty_state(t("recommend_none", lang))
    else:
        show(advice.table, advice.columns)
    st.caption(t("recommend_note_units", lang))
    source_caption(status, lang)


# Only the open tab runs (issue 16): the overlap engine's pairs and targeting only when asked for.
sections = (gaps_and_agenda, people_overlaps, recommendations, partial(gaps_views.list_check, view, hide))
lazy_tabs(dict(zip(gaps_views.TABS, sections, strict=True)), lang)

"""Drawing helpers of the Evaluasi page: its tabs (`TABS`, translation keys, the first opens by
default), one implementer's scorecard, and locking reporting years."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from common import formatting
from common.i18n import t
from data_loaders.roles import LOCK_PERIODS
from domain import evaluation, overview
from domain.filters import Filters
from ui import data, tables
from ui.components import empty_state, light_card
from ui.shell import View

TABS = ("eval_tab_indicators", "eval_tab_programs", "eval_tab_scorecards", "eval_tab_reporting", "eval_tab_periods")


def implementer_card(filters: Filters, lang: str, text: dict[str, Callable[[str], str]], no_programs: str) -> None:
    """Pick an implementer (penyelenggara) and show its scorecard: programs, pagu, realisation and
    reach with their lights, and its programs (`evaluation.implementer_scorecard`); `no_programs`
    when the view has none. `text` turns the table's light and report codes into words."""
    share = partial(formatting.percent, lang=lang)
    implementers = data.read(evaluation.program_indicators, filters, "implementer")
    if implementers.empty:
        empty_state(no_programs)
        return
    chosen = st.selectbox(
        t("eval_pick_implementer", lang),
        list(implementers.table["name"]),
        key="penyelenggara",
        bind="query-params",  # kept while another tab is open
    )
    card = data.read(evaluation.implementer_scorecard, filters, chosen)
    row, cols = card.figures, st.columns(4)
    cols[0].metric(t("col_programs", lang), formatting.number(row["programs"], lang), border=True)
    cols[1].metric(t("kpi_budget", lang), formatting.money(row["budget"], lang), border=True)
    with cols[2]:
        light_card(t("kpi_realisation", lang), share(row["realisation"]), row["realisation_light"], lang)
    with cols[3]:
        reached = formatting.shares(row["reach_jiwa"], row["reach_kk"], lang)
        light_card(t("col_reached_share", lang), reached, tuple(card.reach_lights), lang)
    tables.show_columns(card.programs, evaluation.COLUMNS["programs"], lang, text)
    if card.total:
        st.caption(t("eval_reported", lang, reported=card.reported, programs=card.total))


def periods(view: View, filters: Filters, lang: str) -> None:
    """The locked reporting years, and for an administrator the buttons that lock and unlock one."""
    locked = data.locked_years()
    st.text(t("eval_locked", lang, years=", ".join(map(str, locked))) if locked else t("eval_none_locked", lang))
    if not view.access.may(LOCK_PERIODS):  # locking and unlocking years: an administrator's
        st.caption(t("eval_lock_admin_only", lang))
        return
    cols = st.columns([1, 1, 1, 3], vertical_alignment="bottom")
    years = data.read(overview.available_years) or (filters.year,)
    at = years.index(filters.year) if filters.year in years else len(years) - 1
    year = cols[0].selectbox(t("eval_lock_year", lang), years, index=at, key="kunci_tahun")
    buttons = ((cols[1], "eval_lock", "kunci", True), (cols[2], "eval_unlock", "buka_kunci", False))
    for col, label, key, lock in buttons:
        if col.button(t(label, lang), key=key, disabled=(year in locked) == lock):
            data.set_lock(int(year), lock, view.access)
            st.rerun()
    st.caption(t("eval_lock_note", lang))

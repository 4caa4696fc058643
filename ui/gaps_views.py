"""Drawing helpers of the Celah page: the thresholds a user may change (kept in the address), and its
tables with flags, yes/no and small counts of people in the user's language."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from common.i18n import t
from data_loaders.roles import LIST_CHECK
from domain import gaps
from ui import tables
from ui.components import hidden_section, list_check_panel
from ui.shell import View

TABS = ("gaps_tab_agenda", "gaps_tab_overlaps", "gaps_tab_recommend", "gaps_tab_check")  # i18n keys of the tabs
SUPPRESS_BELOW = 5  # people: counts below this are shown as '< 5' unless the user lowers it


def thresholds_panel(lang: str) -> tuple[gaps.Thresholds, int]:
    """The collapsed panel of thresholds (coverage below which an area × category is a gap, above which
    it overlaps, in %; the least need counted, in jiwa or KK; and below how many people a count is
    hidden), each in the address. Returns the thresholds and that last count (persons)."""
    with st.expander(t("gaps_settings", lang)):
        default = gaps.Thresholds()
        settings = [  # label, lowest, highest, default, step, URL key
            ("gaps_gap_threshold", 0, 100, int(default.gap_coverage * 100), 5, "ambang_celah"),
            ("gaps_overlap_threshold", 50, 500, int(default.overlap_coverage * 100), 10, "ambang_tumpang"),
            ("gaps_min_need_unit", 0, 10_000, default.min_need, 10, "ambang_min"),
            ("gaps_suppress", 1, 50, SUPPRESS_BELOW, 1, "sembunyi"),
        ]
        gap_pct, overlap_pct, min_need, hide = (
            int(box.number_input(t(label, lang), low, high, start, step, key=key, bind="query-params"))
            for box, (label, low, high, start, step, key) in zip(st.columns(4), settings, strict=True)
        )
        st.caption(t("gaps_note_units", lang))
    return gaps.Thresholds(gap_pct / 100, overlap_pct / 100, min_need), hide


def show(frame: pd.DataFrame, spec: dict[str, tuple[str, str]], lang: str, hide: int, **options: object) -> None:
    """`tables.show_columns` with the page's kinds of text: flags, yes/no, and counts of people below
    `hide` shown as '< hide'."""
    texts = {
        "flag": lambda v: t(f"flag_{v}", lang),
        "yesno": lambda v: t("yes" if v else "no", lang),
        "hidden": lambda v: gaps.suppress(v, hide, lang),
    }
    tables.show_columns(frame, spec, lang, texts, **options)


def list_check(view: View, hide: int) -> None:
    """A partner's own list checked against the lists, counts only and the file not stored, for the
    roles that may (counts below `hide` persons shown as '< hide')."""
    st.subheader(t("check_title", view.lang))
    if view.access.may(LIST_CHECK):
        list_check_panel(view, hide)
    else:
        hidden_section(view)

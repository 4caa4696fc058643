"""Small building blocks that every page uses the same way: KPI cards, source lines, notices."""

from __future__ import annotations

import streamlit as st

from common import formatting
from common.i18n import t
from domain.overview import DataStatus


def source_line(status: DataStatus, lang: str) -> str:
    """'Sumber: data contoh (sintetis), per 28 Nov 2026.' — under every chart and table."""
    if status.is_sample:
        source = t("source_sample", lang)
    else:
        source = t("source_imports", lang, files=", ".join(status.files[-3:]))
    return t("source_line", lang, source=source, date=formatting.date(status.as_of, lang))


def source_caption(status: DataStatus, lang: str) -> None:
    st.caption(source_line(status, lang))


def relative_change(current: float | None, previous: float | None) -> float | None:
    if current is None or not previous:
        return None
    return (current - previous) / previous


def kpi(
    label: str,
    value: str,
    help_text: str,
    delta: str | None = None,
    description: str | None = None,
    inverse: bool = False,
) -> None:
    """A KPI card: big number, one line of change, the definition behind the (?) icon. `inverse`
    colours a rise red (more people in need is bad news)."""
    st.metric(
        label,
        value,
        delta=delta,
        help=help_text,
        border=True,
        delta_description=description,
        delta_color="inverse" if inverse else "normal",
    )


def empty_state(message: str) -> None:
    """Empty selections are said in words, never drawn as an empty chart."""
    st.info(message, icon=":material/info:")


def light_card(label: str, value: str, light: str, help_text: str | None = None) -> None:
    """A KPI card whose second line is a traffic light (a word and a symbol, not a change): no
    arrow and no colour that would read as up or down."""
    st.metric(label, value, delta=light, help=help_text, border=True, delta_color="off", delta_arrow="off")

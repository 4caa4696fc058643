"""Small building blocks that every page uses the same way: KPI cards, source lines, notices."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from common import formatting
from common.i18n import t
from common.text import inert_markdown
from domain import measures
from domain.overview import DataStatus, Headline


def source_line(status: DataStatus, lang: str) -> str:
    """'Sumber: data contoh (sintetis), per 28 Nov 2026.' — under every chart and table."""
    if status.is_sample:
        source = t("source_sample", lang)
    else:
        source = t("source_imports", lang, files=", ".join(status.files[-3:]))
    return t("source_line", lang, source=source, date=formatting.date(status.as_of, lang))


def source_caption(status: DataStatus, lang: str) -> None:
    st.caption(inert_markdown(source_line(status, lang)))


@dataclass(frozen=True)
class Card:
    """What a KPI card shows: its label, value, definition, and the change against a year before."""

    label: str
    value: str
    help: str
    change: str | None = None
    versus: str | None = None
    inverse: bool = False  # a rise is bad news (more people in need): drawn red
    detail: str | None = None  # a plain second line instead of a change (the KK beside the jiwa)


def _people_card(label: str, text: str, help_text: str, change: str | None = None, **kwargs: object) -> Card:
    """A card of a count or ratio in jiwa and KK: the first unit is the value, the second its own line
    (two units never fit one line at 1920 px, and are never added)."""
    value, detail = formatting.split_units(text)
    if detail:
        return Card(label, value, help_text, detail=detail)
    return Card(label, value, help_text, change, **kwargs)


def _money_change(current: float | None, earlier: float | None, lang: str) -> str | None:
    change = measures.relative_change(current, earlier)
    return None if change is None else formatting.change(change, lang)


def _points_change(current: float | None, earlier: float | None, lang: str) -> str | None:
    return None if current is None or earlier is None else formatting.points(current - earlier, lang)


def headline_cards(headline: Headline, lang: str) -> list[Card]:
    """The overview's eight cards, money first, then people. Amounts and counts change in percent,
    ratios in percentage points; PPKS and coverage are compared only in the same unit."""
    now, before = headline.current, headline.previous
    versus = t("vs_prev_year", lang, year=before.year)
    same_basis = now.coverage_basis == before.coverage_basis
    return [
        Card(
            t("kpi_budget", lang),
            formatting.money(now.budget_idr, lang),
            t("kpi_budget_help", lang, prev=before.year),
            _money_change(now.budget_idr, before.budget_idr, lang),
            versus,
        ),
        Card(
            t("kpi_spent", lang),
            formatting.money(now.spent_idr, lang),
            t("kpi_spent_help", lang, prev=before.year),
            _money_change(now.spent_idr, before.spent_idr, lang),
            versus,
        ),
        Card(
            t("kpi_realisation", lang),
            formatting.percent(now.realisation, lang),
            t("kpi_realisation_help", lang),
            _points_change(now.realisation, before.realisation, lang),
            versus,
        ),
        Card(
            t("kpi_programs", lang),
            formatting.number(now.programs, lang),
            t("kpi_programs_help", lang, prev=before.year),
            _money_change(now.programs, before.programs, lang),
            versus,
        ),
        _people_card(
            t("kpi_reached", lang),
            formatting.people(now.reached.jiwa, now.reached.kk, lang),
            t("kpi_reached_help", lang),
        ),
        _people_card(
            t("kpi_target_share", lang),
            formatting.shares(now.reach_jiwa, now.reach_kk, lang),
            t("kpi_target_share_help", lang),
        ),
        _people_card(
            t("kpi_ppks", lang),
            formatting.people(now.ppks.jiwa, now.ppks.kk, lang),
            t("kpi_ppks_help", lang),
            _money_change(now.ppks_in_basis, before.ppks_in_basis, lang) if same_basis else None,
            versus=versus,
            inverse=True,
        ),
        Card(
            t("kpi_coverage", lang),
            formatting.percent(now.coverage, lang),
            t("kpi_coverage_help", lang),
            _points_change(now.coverage, before.coverage, lang) if same_basis else None,
            versus,
        ),
    ]


def kpi(
    label: str,
    value: str,
    help_text: str,
    delta: str | None = None,
    description: str | None = None,
    inverse: bool = False,
    detail: str | None = None,
) -> None:
    """A KPI card: big number, one line of change, the definition behind the (?) icon. `inverse`
    colours a rise red (more people in need is bad news); `detail` is a plain second line (no arrow,
    no colour) instead of a change."""
    if detail:
        st.metric(label, value, delta=detail, help=help_text, border=True, delta_color="off", delta_arrow="off")
        return
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

"""Small building blocks that every page uses the same way: KPI cards, source lines, notices."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from common import formatting
from common.colors import LIGHT_METRIC_COLORS
from common.i18n import LANGUAGES, t
from common.text import inert_markdown
from data_loaders.problems import ValueProblem
from domain import charts, measures, overlap
from domain.gaps import suppress
from domain.overview import DataStatus, Headline
from domain.reader import MIN_LISTED, SMALL_COUNT, ListTooShort
from ui import data, tables
from ui.audit_ui import MAX_COUNT_CHECKS_PER_DAY, may_check, record_list_check
from ui.shell import View


def chart(build: Callable[..., go.Figure], *args: Any, place: Any = st, **kwargs: Any) -> None:
    """The figure `build(*args, **kwargs)` of `domain.charts` in `place` (a column or container; the
    page by default), without chart chrome, built once per content (`ui.data.figure`)."""
    place.plotly_chart(data.figure(build, *args, **kwargs), config=charts.CONFIG)


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


TAB_KEY = "bagian"  # the address parameter and Session State key of a page's lazy tabs (one set a page)


def lazy_tabs(sections: Mapping[str, Callable[[], None]], lang: str, opens: str | None = None) -> None:
    """Tabs labelled by the translation keys of `sections`, of which only the open one runs its
    function (issue 16: a rerun draws that tab's charts only). The open tab is in the address
    (`bagian`, its label), so a copied link reopens it, and it stays open when the language changes.
    `opens` is the key of the tab a link opens when it names none (e.g. a link that searches the
    program list), or when the open tab is another page's; the widget's arguments never change
    between reruns, so its state is kept. A single section is drawn without a tab bar."""
    if len(sections) == 1:  # one section (a visitor's Etalase): no tab bar
        next(iter(sections.values()))()
        return
    labels = {key: t(key, lang) for key in sections}
    chosen = st.session_state.get(TAB_KEY)
    if chosen is not None and chosen not in labels.values():  # a label of the other language, or of another page
        same = [key for key in sections if chosen in {t(key, other) for other in LANGUAGES}]
        st.session_state[TAB_KEY] = labels[same[0] if same else opens or next(iter(sections))]
    elif chosen is None and opens is not None and TAB_KEY not in st.query_params:
        st.session_state[TAB_KEY] = labels[opens]
    tabs = st.tabs(list(labels.values()), key=TAB_KEY, on_change="rerun", bind="query-params")
    for tab, section in zip(tabs, sections.values(), strict=True):
        if tab.open:
            with tab:
                section()


def empty_state(message: str) -> None:
    """Empty selections are said in words, never drawn as an empty chart. The message often names
    data or what a user typed (a search, a partner), so it is shown inert (common/text.py)."""
    st.info(inert_markdown(message), icon=":material/info:")


LIGHT_ORDER = ("red", "amber", "none", "green")  # a card of several lights takes the first of these


def light_card(label: str, value: str, lights: str | tuple[str, ...], lang: str, help_text: str | None = None) -> None:
    """A KPI card whose second line is its traffic light(s) — light codes 'green', 'amber', 'red',
    'none' — as the symbol and its meaning in the light's colour (common/colors.py), never a colour
    word and no arrow that would read as up or down; several lights take the colour of the worst."""
    codes = (lights,) if isinstance(lights, str) else lights or ("none",)
    text = " · ".join(t(f"light_{code}", lang) for code in codes)
    worst = next(code for code in LIGHT_ORDER if code in codes)
    colour = LIGHT_METRIC_COLORS[worst]
    st.metric(label, value, delta=text, help=help_text, border=True, delta_color=colour, delta_arrow="off")


def hidden_section(view: View) -> None:
    """One short line where a section is left out for this user: for signed-in users (a visitor),
    or not for this role."""
    st.caption(t("not_for_role" if view.access.signed_in else "signed_in_only", view.lang))


def public_note(view: View) -> None:
    """Under need figures in the public view: need below `SMALL_COUNT` is not published."""
    if view.scope.public:
        st.caption(t("public_small_note", view.lang, count=SMALL_COUNT))


def _band(count: int | None, lang: str) -> str:
    """'< 10' for a withheld count, '20–29' for a count the reader rounded down to 20."""
    if count is None:
        return f"< {SMALL_COUNT}"
    return f"{formatting.number(count, lang)}–{formatting.number(count + SMALL_COUNT - 1, lang)}"


def list_check_panel(view: View, hide: int) -> None:
    """The uploader and result of a list check (the caller checks `roles.LIST_CHECK`). A full scope
    sees people found per kabupaten/kota and assistance type (counts below `hide` shown as '< hide');
    the public view of a mitra counts only, per funding source, with counts below `SMALL_COUNT`
    withheld by the reader (`domain.reader`). Every check that gives a result is audited."""
    lang, counts_only = view.lang, view.scope.public
    intro = t("check_counts_intro", lang, count=SMALL_COUNT, minimum=MIN_LISTED)
    st.caption(intro if counts_only else t("check_intro", lang))
    own_list = st.file_uploader(t("check_upload", lang), type=["csv"], key="daftar_mitra")
    if own_list is None:
        return
    content = own_list.getvalue()
    digest = hashlib.sha256(content).hexdigest()  # the same list uploaded again is the same check
    if counts_only and not may_check(digest):
        st.error(t("check_limit", lang, count=MAX_COUNT_CHECKS_PER_DAY))
        return
    check_fn = overlap.check_list_counts if counts_only else overlap.check_list
    try:
        check = check_fn(data.reader(), tuple(data.hashes_of_list(content)), view.filters)
    except ValueProblem as problem:
        st.error(inert_markdown(t("check_bad", lang, detail=t(problem.key, lang, **problem.values))))
        return
    except ListTooShort as short:
        st.error(t("check_too_short", lang, listed=short.listed, minimum=MIN_LISTED))
        return
    except ValueError:  # not a CSV at all
        st.error(t("check_bad", lang, detail=""))
        return
    record_list_check(digest, counts_only, check.listed, check.found)
    if counts_only:  # counts rounded down to tens by the reader: shown as the range they stand for
        found = _band(check.found, lang)
        people = [_band(n, lang) for n in check.table["people"]]
        table = check.table.assign(people=people)
        spec = {"funding_source": ("col_source", "source"), "people": ("col_people", "text")}
    else:
        found, table, spec = suppress(check.found, hide, lang), check.table, check.columns
    st.info(t("check_result", lang, found=found, total=formatting.number(check.listed, lang), year=check.year))
    if not table.empty:
        tables.show_columns(table, spec, lang, {"hidden": lambda v: suppress(v, hide, lang)})

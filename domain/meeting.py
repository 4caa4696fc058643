"""The meeting deck (issue 14, "Mode Rapat"): one plain-data presentation of the current view that
the meeting page, the PowerPoint and PDF packs and the Excel workbook all render. Every figure comes
from the same view functions as the pages (one number, one computation): `domain.overview.figures`
(the `summary` command's figures), `domain.map_metrics` + `domain.maps`, `domain.funding`,
`domain.gaps.agenda`/`explain`, `domain.evaluation.summary`, `domain.partners`, `domain.catalogue`.
Texts are plain (never Markdown/HTML) and in the deck's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from common import formatting
from common.i18n import t, value
from data_loaders.geo import boundaries, bounds
from data_loaders.regions import region_by_code
from domain import catalogue, charts, evaluation, gaps, map_metrics, maps, overview, partners, reference
from domain.charts import Look
from domain.filters import Filters
from domain.overview import Figures
from domain.reader import Reader

PROJECTOR_LIGHT = Look(scale=1.6)
PROJECTOR_DARK = Look(scale=1.6, dark=True)


@dataclass(frozen=True)
class Headline:
    """One big number: `value` formatted by common.formatting ("Rp228,5 M", "88,0 %")."""

    label: str
    value: str
    note: str | None = None


@dataclass(frozen=True)
class Light:
    """A traffic light, drawn as a coloured mark with its symbol, never the word.
    `light`: 'green' | 'amber' | 'red' | 'none' (symbols ✓ ! ✕ –)."""

    label: str
    light: str
    value: str


@dataclass(frozen=True)
class Table:
    """A table: display columns (headers translated), numbers as numbers; `formats` maps a column to
    its ui.tables/common.formatting kind ('money', 'number', 'percent', …)."""

    frame: pd.DataFrame
    formats: dict[str, str]


@dataclass(frozen=True)
class Slide:
    """One slide: at most 3 visuals (`figures`); `lines` are plain text; `qr_url` only on the title
    slide (the link the QR code opens)."""

    key: str
    title: str
    headlines: tuple[Headline, ...] = ()
    figures: tuple[go.Figure, ...] = ()
    table: Table | None = None
    lines: tuple[str, ...] = ()
    lights: tuple[Light, ...] = ()
    qr_url: str | None = None


@dataclass(frozen=True)
class Deck:
    """The meeting's slides with the stamp every slide carries: `filters_text` (ui.shell.view_summary's
    words) and `as_of_text` ("data per 4 Des 2026")."""

    meeting: str
    date: dt.date
    filters_text: str
    as_of_text: str
    lang: str
    slides: tuple[Slide, ...]


AGENDA_SLIDES = 6  # agenda items shown, one slide each (the meeting's time, not the data, limits it)
TOP_PARTNERS = 5
OPEN_ITEMS = 4


def filters_text(reader: Reader, filters: Filters, lang: str) -> str:
    """'Tahun 2024 · Kutai Timur · APBN, CSR/TJSL · Fakir Miskin': the year, then the page header's
    words for the filters (`domain.reference.filters_words`)."""
    return f"{t('meeting_year_stamp', lang, year=filters.year)} · {reference.filters_words(reader, filters, lang)}"


def headlines(now: Figures, lang: str) -> tuple[Headline, ...]:
    """The Ringkasan page's eight cards (ui.components.headline_cards: same labels, same formatting)
    of `overview.figures`: pagu, realisasi (Rupiah), realisation %, programs, people reached, reach
    share, PPKS, coverage %. Counts in jiwa and KK keep the KK on the `note` line, never added."""

    def people(label_key: str, text: str) -> Headline:
        main, detail = formatting.split_units(text)
        return Headline(t(label_key, lang), main, detail)

    return (
        Headline(t("kpi_budget", lang), formatting.money(now.budget_idr, lang)),
        Headline(t("kpi_spent", lang), formatting.money(now.spent_idr, lang)),
        Headline(t("kpi_realisation", lang), formatting.percent(now.realisation, lang)),
        Headline(t("kpi_programs", lang), formatting.number(now.programs, lang)),
        people("kpi_reached", formatting.people(now.reached.jiwa, now.reached.kk, lang)),
        people("kpi_target_share", formatting.shares(now.reach_jiwa, now.reach_kk, lang)),
        people("kpi_ppks", formatting.people(now.ppks.jiwa, now.ppks.kk, lang)),
        Headline(t("kpi_coverage", lang), formatting.percent(now.coverage, lang)),
    )


def _map_slide(reader: Reader, filters: Filters, lang: str, look: Look) -> Slide:
    """The Peta page's opening map: areas one level below the kab/kota filter (the province's
    kabupaten/kota without it), the first metric with data."""
    level = map_metrics.CHILD_LEVEL[None if filters.kabkota is None else "kabupaten_kota"]
    area_map = map_metrics.areas(reader, filters, level, filters.kabkota)
    with_data = area_map.metrics_with_data()
    metric = with_data[0] if with_data else area_map.metrics()[0]
    shown = maps.layer(area_map, metric, lang)
    geojson = boundaries(level, filters.kabkota)
    figure = maps.choropleth(
        geojson, shown.values, list(shown.classes), t("map_no_data", lang), bounds(geojson), width=700, height=300,
        look=look,
    )  # fmt: skip
    top = shown.top()
    lines = (t("map_top", lang, name=top[0], value=top[1]),) if top else ()
    title = t("map_title", lang, metric=maps.metric_label(metric, lang), year=filters.year)
    return Slide("map", title, figures=(figure,), lines=lines + tuple(maps.notes(area_map, metric, lang))[:2])


def _funding_slide(reader: Reader, filters: Filters, lang: str, look: Look) -> Slide:
    """The Ringkasan page's funding-by-source chart, titled with the largest source's share."""
    by_source = overview.funding_by_source(reader, filters)
    title = t("meeting_funding_title", lang, year=filters.year)
    if by_source.empty:
        return Slide("funding", title, lines=(t("no_programs", lang, what=t("filter_source", lang).lower()),))
    top = by_source.largest
    line = t(
        "chart_by_source_title",
        lang,
        top=value("source", top["source"], lang),
        share=formatting.percent(top["share"], lang),
        year=filters.year,
    )
    return Slide("funding", title, figures=(charts.funding_by_source(by_source.table, lang, look),), lines=(line,))


def _agenda_slides(agenda: gaps.Agenda, filters: Filters, lang: str) -> tuple[Slide, ...]:
    """One slide per agenda item (at most `AGENDA_SLIDES`), its line from `gaps.explain`; one slide
    saying why there is none otherwise."""
    if agenda.empty:
        key = "gaps_no_need_data" if agenda.need_missing else "agenda_none"
        return (Slide("agenda-1", t("meeting_agenda_none", lang), lines=(t(key, lang, year=filters.year),)),)
    slides = []
    for number, (_, item) in enumerate(agenda.items.head(AGENDA_SLIDES).iterrows(), start=1):
        title = t("meeting_agenda_title", lang, number=number, kind=t(f"flag_{item['kind']}", lang))
        slides.append(Slide(f"agenda-{number}", title, lines=(gaps.explain(item, lang),)))
    return tuple(slides)


def _evaluation_slide(reader: Reader, filters: Filters, lang: str) -> Slide:
    """The Evaluasi page's lights (realisation, reach per unit, coverage) and its narrative."""
    summary = evaluation.summary(reader, filters)
    now = summary.figures
    region = region_by_code(filters.kabkota or evaluation.PROVINCE).name
    reach = t("kpi_target_share", lang)
    rows = [
        (t("kpi_realisation", lang), now.realisation),
        (f"{reach} ({value('unit', 'jiwa', lang)})", now.reach_jiwa),
        (f"{reach} ({value('unit', 'KK', lang)})", now.reach_kk),
        (t("kpi_coverage", lang), now.coverage),
    ]
    lights = tuple(Light(label, evaluation.light(ratio), formatting.percent(ratio, lang)) for label, ratio in rows)
    title = t("meeting_evaluation_title", lang, year=filters.year)
    return Slide("evaluation", title, lights=lights, lines=(evaluation.narrative(summary, region, lang),))


def _forum_slide(reader: Reader, filters: Filters, lang: str) -> tuple[Slide, float]:
    """The partners with the largest CSR/PPM spending (`partners.registry`) and the published
    catalogue items still open (`catalogue.catalogue`); also returns the open amount (Rupiah)."""
    table = partners.registry(reader, filters).table
    top = table[table["spent"] > 0].sort_values(["spent", "name"], ascending=[False, True]).head(TOP_PARTNERS)
    frame = pd.DataFrame(
        {
            t("meeting_top_partners", lang): top["name"].astype(str).tolist(),
            t("kpi_spent", lang): top["spent"].astype(float).tolist(),
            t("kpi_realisation", lang): top["realisation"].astype(float).tolist(),
        }
    )
    kinds = {t("kpi_spent", lang): "money", t("kpi_realisation", lang): "percent"}
    items = catalogue.catalogue(reader, filters)
    open_amount = items.totals()["open"]
    published = items.items[(items.items["status"] == "terbit") & (items.items["open"] > 0)]
    lines = [t("meeting_open_items", lang, amount=formatting.money(open_amount, lang))] if len(published) else []
    largest = published.sort_values("open", ascending=False, kind="stable").head(OPEN_ITEMS)
    lines += [
        t("meeting_open_item", lang, title=title, place=place, amount=formatting.money(amount, lang))
        for title, place, amount in zip(largest["title"], largest["region_name"], largest["open"], strict=True)
    ]
    if top.empty:
        lines.insert(0, t("meeting_no_partners", lang))
    if published.empty:
        lines.append(t("meeting_no_open_items", lang))
    table_part = None if top.empty else Table(frame, kinds)
    return Slide("forum", t("meeting_forum_title", lang), table=table_part, lines=tuple(lines)), open_amount


@dataclass(frozen=True)
class Outline:
    """The deck without its slides, for a page that shows one slide at a time: the stamp every slide
    carries (as in `Deck`) and the slides' keys in order ('title', 'headline', 'map', 'funding',
    'agenda-1' … 'agenda-n', 'evaluation', 'forum', 'closing')."""

    meeting: str
    date: dt.date
    filters_text: str
    as_of_text: str
    lang: str
    keys: tuple[str, ...]


def outline(reader: Reader, filters: Filters, lang: str, meeting: str, date: dt.date) -> Outline:
    """The deck's stamp and slide keys for `filters` in `lang` (one agenda slide per item of
    `gaps.agenda`, at most `AGENDA_SLIDES`, or one saying why there is none)."""
    return _outline(_Parts(reader, filters, lang), meeting, date)


def _outline(parts: _Parts, meeting: str, date: dt.date) -> Outline:
    status = overview.data_status(parts.reader)
    agenda_keys = tuple(f"agenda-{n}" for n in range(1, max(1, min(len(parts.agenda.items), AGENDA_SLIDES)) + 1))
    return Outline(
        meeting=meeting,
        date=date,
        filters_text=filters_text(parts.reader, parts.filters, parts.lang),
        as_of_text=t("as_of", parts.lang, date=formatting.date(status.as_of, parts.lang)),
        lang=parts.lang,
        keys=("title", "headline", "map", "funding", *agenda_keys, "evaluation", "forum", "closing"),
    )


class _Parts:
    """The views more than one slide needs, each computed once when first asked for."""

    def __init__(self, reader: Reader, filters: Filters, lang: str) -> None:
        self.reader, self.filters, self.lang = reader, filters, lang

    @cached_property
    def figures(self) -> Figures:
        return overview.figures(self.reader, self.filters)

    @cached_property
    def agenda(self) -> gaps.Agenda:
        return gaps.agenda(self.reader, self.filters)

    @cached_property
    def forum(self) -> tuple[Slide, float]:
        return _forum_slide(self.reader, self.filters, self.lang)


def _closing_slide(parts: _Parts, lang: str) -> Slide:
    """Money spent of the budget, the agenda's gaps and overlaps, the catalogue's open amount."""
    now = parts.figures
    shown = parts.agenda.items.head(AGENDA_SLIDES)  # the items the agenda slides discuss
    kinds = shown["kind"].value_counts() if not parts.agenda.empty else pd.Series(dtype=int)
    return Slide(
        "closing",
        t("meeting_closing_title", lang),
        headlines=headlines(now, lang)[1:3],
        lines=(
            t(
                "meeting_closing_money",
                lang,
                spent=formatting.money(now.spent_idr, lang),
                budget=formatting.money(now.budget_idr, lang),
                share=formatting.percent(now.realisation, lang),
            ),
            t(
                "meeting_closing_agenda",
                lang,
                gaps=formatting.number(int(kinds.get("gap", 0)), lang),
                overlaps=formatting.number(int(kinds.get("overlap", 0)), lang),
            ),
            t("meeting_closing_open", lang, amount=formatting.money(parts.forum[1], lang)),
        ),
    )


def _slide(parts: _Parts, plan: Outline, key: str, link: str, look: Look) -> Slide:
    """The slide `key` of `plan` (see `slide`)."""
    reader, filters, lang = parts.reader, parts.filters, parts.lang
    if key == "title":
        lines = (
            t("meeting_date_line", lang, date=formatting.date(plan.date, lang)),
            t("meeting_filters_line", lang, filters=plan.filters_text),
            plan.as_of_text,
            t("meeting_qr_note", lang),
        )
        return Slide("title", plan.meeting, lines=lines, qr_url=link)
    if key == "headline":
        return Slide(
            "headline", t("meeting_headline_title", lang, year=filters.year), headlines=headlines(parts.figures, lang)
        )
    if key == "map":
        return _map_slide(reader, filters, lang, look)
    if key == "funding":
        return _funding_slide(reader, filters, lang, look)
    if key.startswith("agenda-"):
        slides = _agenda_slides(parts.agenda, filters, lang)  # fewer than `plan` has: data changed between
        return slides[min(int(key.removeprefix("agenda-")), len(slides)) - 1]
    if key == "evaluation":
        return _evaluation_slide(reader, filters, lang)
    if key == "forum":
        return parts.forum[0]
    if key == "closing":
        return _closing_slide(parts, lang)
    raise KeyError(key)


def slide(
    reader: Reader,
    filters: Filters,
    lang: str,
    plan: Outline,
    key: str,
    link: str,
    look: Look = PROJECTOR_LIGHT,
) -> Slide:
    """One slide of the deck `plan` outlines, computing only the views it shows (the meeting page's
    rerun after a filter change at 5.000.000 rows: the whole deck about 0,7 s). Raises KeyError for a
    key `plan` does not hold."""
    if key not in plan.keys:
        raise KeyError(key)
    return _slide(_Parts(reader, filters, lang), plan, key, link, look)


def deck(
    reader: Reader,
    filters: Filters,
    lang: str,
    meeting: str,
    date: dt.date,
    link: str,
    look: Look = PROJECTOR_LIGHT,
) -> Deck:
    """The meeting's slides for `filters` in `lang`: title (meeting, date, filters, data date, QR of
    `link`), headline figures (`overview.figures`, the `summary` command's), the map, funding by
    source, one slide per agenda item (`gaps.agenda` + `gaps.explain`, at most `AGENDA_SLIDES`),
    evaluation highlights, partners and the catalogue, closing summary. Figures are drawn with
    `look` (projector size; `PROJECTOR_DARK` for the dark variant)."""
    parts = _Parts(reader, filters, lang)  # the agenda and figures, once for the outline and the slides
    plan = _outline(parts, meeting, date)
    slides = tuple(_slide(parts, plan, key, link, look) for key in plan.keys)
    return Deck(
        meeting=meeting, date=date, filters_text=plan.filters_text, as_of_text=plan.as_of_text, lang=lang, slides=slides
    )

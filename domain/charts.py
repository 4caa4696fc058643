"""Plotly figures for the pages, the meeting view and reports. Plain functions of data frames (no
Streamlit), so tests can read the values a chart shows; each takes a `Look` (size and theme), so a
projector slide or a report image reuses the same builder. Every chart: funding-source colours
from `common.colors`, Indonesian number formats from `common.formatting`, units on its axes, exact
values on hover. Names in hover and label texts are escaped: plotly reads a subset of HTML there,
and names may come from imported files."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from common import formatting
from common.colors import CLASS_COLORS, GRID, MUTED_TEXT, NO_DATA, SOURCE_COLORS, TEXT
from common.i18n import t, value
from common.text import plain_label

# "Source Sans" is the app's own typeface (Streamlit 1.67 serves it; ui/region_map.py's frame borrows
# it); the rest are what a machine without it has.
FONT = '"Source Sans", "Source Sans Pro", "Segoe UI", Helvetica, Arial, sans-serif'
CONFIG = {"displayModeBar": False}  # what a page passes to st.plotly_chart and region_map: no chart chrome


@dataclass(frozen=True)
class Look:
    """Size and theme of a figure: `scale` multiplies type sizes and heights (1.0 on a page, about
    1.6 on a projector slide at 1920×1080); `dark` draws light text on a dark background."""

    scale: float = 1.0
    dark: bool = False

    @property
    def background(self) -> str:
        return "#111827" if self.dark else "white"

    @property
    def text(self) -> str:
        return "#F9FAFB" if self.dark else TEXT


SCREEN = Look()


def source_name(code: str, lang: str) -> str:
    """The funding source's name in `lang` (legends, labels, hover texts)."""
    return value("source", code, lang)


def base_layout(height: int, look: Look = SCREEN) -> dict:
    """Large, calm type that still reads on a projector; no chart chrome a reader must decode. A
    layout in plotly's nested form, for `_figure`."""
    axis = {"gridcolor": GRID, "title": {"font": {"color": MUTED_TEXT}}}
    return {
        "height": round(height * look.scale),
        "font": {"family": FONT, "size": round(16 * look.scale), "color": look.text},
        "paper_bgcolor": look.background,
        "plot_bgcolor": look.background,
        "margin": {"l": 24, "r": 24, "t": 16, "b": 8},
        "hoverlabel": {"font": {"size": 15}},
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "xanchor": "left",
            "x": 0,
            "title": {"text": None},
            "traceorder": "normal",
        },
        "xaxis": axis | {"zerolinecolor": GRID},
        "yaxis": axis,
    }


def _merged(layout: dict, over: dict) -> dict:
    """`layout` with `over` laid on it, nested dictionaries merged key by key."""
    merged = dict(layout)
    for key, change in over.items():
        below = merged.get(key)
        merged[key] = _merged(below, change) if isinstance(change, dict) and isinstance(below, dict) else change
    return merged


def _figure(traces: list[dict], layout: dict, height: int, look: Look = SCREEN) -> go.Figure:
    """A figure of `traces` (dicts with their `type`) and `layout` (nested form) under `base_layout`,
    validated once as a whole: building it with `add_*`/`update_*` calls cost 4–6 ms a call on
    plotly 7 (each call parses every key's path); this costs a fifth to a half of that (issue 16: stacked
    bars 35 → 16 ms, funding by source 30 → 5 ms)."""
    return go.Figure(data=traces, layout=_merged(layout, base_layout(height, look)))


def money_ticks(maximum: float, lang: str, count: int = 4) -> tuple[list[float], list[str]]:
    """Round tick values up to `maximum`, labelled the Indonesian way (Rp1,2 M)."""
    if not maximum or maximum <= 0:
        return [0.0], [formatting.money(0, lang)]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    values = [step * i for i in range(int(maximum // step) + 2)]
    return values, [formatting.money(value, lang) for value in values]


def funding_by_source(frame: pd.DataFrame, lang: str, look: Look = SCREEN) -> go.Figure:
    """Planned (outline) against spent (filled) per funding source, in the sources' own colours.
    `frame` is `overview.SourceFunding.table` (source, budget, spent, realisation, programs). Each bar
    carries its name and amounts on a line above it, so nothing is clipped on a narrow column and the
    figures read from a distance."""
    names = [source_name(code, lang) for code in frame["source"]]
    realisation = frame["realisation"].tolist()
    colours = [SOURCE_COLORS[code] for code in frame["source"]]
    budget = frame["budget"].fillna(0).tolist()
    spent = frame["spent"].fillna(0).tolist()
    hover = [
        f"<b>{plain_label(name)}</b><br>{t('hover_budget', lang)}: {formatting.money_exact(b, lang)}"
        f"<br>{t('hover_spent', lang)}: {formatting.money_exact(s, lang)}"
        f" ({formatting.percent(r, lang)})"
        f"<br>{t('hover_programs', lang)}: {formatting.number(p, lang)}"
        for name, b, s, r, p in zip(names, budget, spent, realisation, frame["programs"], strict=True)
    ]
    bars = {"type": "bar", "y": names, "orientation": "h", "hovertext": hover, "hoverinfo": "text"}
    traces = [
        bars
        | {
            "name": t("series_budget", lang),
            "x": budget,
            "marker": {"color": "white", "line": {"color": colours, "width": 2}},
            "width": 0.45,
        },
        bars | {"name": t("series_spent", lang), "x": spent, "marker": {"color": colours}, "width": 0.3},
    ]
    notes = [
        {
            "x": 0,
            "y": name,
            "xref": "x",
            "yref": "y",
            "xanchor": "left",
            "yanchor": "bottom",
            "yshift": 16,
            "showarrow": False,
            "align": "left",
            "font": {"size": round(16 * look.scale), "color": look.text},
            "text": f"<b>{plain_label(name)}</b>   {formatting.money(s, lang)} {t('of_budget', lang)} "
            f"{formatting.money(b, lang)} ({formatting.percent(r, lang, decimals=0)})",
        }
        for name, b, s, r in zip(names, budget, spent, realisation, strict=True)
    ]
    values, labels = money_ticks(max(budget + spent + [0]), lang, count=3)
    amounts = {"title": {"text": t("axis_amount", lang)}, "tickvals": values, "ticktext": labels, "tickangle": 0}
    layout = {
        "barmode": "overlay",
        "showlegend": False,
        "annotations": notes,
        "xaxis": amounts | {"range": [0, values[-1] * 1.02]},
        "yaxis": {"autorange": "reversed", "showticklabels": False, "title": {"text": None}},
    }
    return _figure(traces, layout, max(260, 78 * len(names) + 70), look)


def stacked_by_source(
    frame: pd.DataFrame,
    lang: str,
    category: str,
    category_title: str,
    value: str = "budget",
    value_title: str | None = None,
    top: int | None = None,
    look: Look = SCREEN,
) -> go.Figure:
    """An amount per category (region, PPKS category, implementer, …) stacked by funding source,
    largest first; `top` keeps the largest categories. Amounts are Rupiah (also per person); rows
    whose amount is missing (no divisor for a per-person figure) are left out, not drawn as zero.
    `frame` has `category` (labels, already in `lang`), source (codes) and `value`."""
    frame = frame[frame[value].notna()]
    totals = frame.groupby(category)[value].sum().sort_values(ascending=False)
    if top:
        totals = totals.head(top)
    order = totals.index.tolist()
    traces = []
    present = set(frame["source"])
    for code in (code for code in SOURCE_COLORS if code in present):  # the sources' fixed order in every legend
        group = frame[frame["source"] == code]
        name = source_name(code, lang)
        per_category = group.groupby(category)[value].sum().reindex(order)
        hover = [
            f"<b>{plain_label(item)}</b><br>{plain_label(name)}: {formatting.money_exact(amount, lang)}"
            f"<br>{t('hover_total', lang)}: {formatting.money_exact(totals[item], lang)}"
            for item, amount in per_category.items()
        ]
        traces.append(
            {
                "type": "bar",
                "name": name,
                "y": [plain_label(item) for item in order],
                "x": per_category.fillna(0).tolist(),
                "orientation": "h",
                "marker": {"color": SOURCE_COLORS[code]},
                "hovertext": hover,
                "hoverinfo": "text",
            }
        )
    values, labels = money_ticks(float(totals.max()) if len(totals) else 0, lang)
    title = value_title or t("axis_amount", lang) + " — " + t("series_budget", lang).lower()
    tickfont = {"size": round(15 * look.scale), "color": look.text}
    layout = {
        "barmode": "stack",
        "legend": {"entrywidth": 170, "entrywidthmode": "pixels"},
        "xaxis": {"title": {"text": title}, "tickvals": values, "ticktext": labels, "range": [0, values[-1] * 1.02]},
        "yaxis": {"autorange": "reversed", "title": {"text": category_title}, "tickfont": tickfont},
    }
    return _figure(traces, layout, max(300, 38 * len(order) + 120), look)


def sankey(frame: pd.DataFrame, lang: str, look: Look = SCREEN) -> go.Figure:
    """Source → PPKS category → kabupaten/kota. `frame` has source (codes), category and region
    (labels, already in `lang`) and budget (Rupiah). Sources keep their colours; links take the
    colour of the source they carry money from."""
    frame = frame.assign(source_name=[source_name(code, lang) for code in frame["source"]])
    sources = frame.groupby(["source", "source_name"])["budget"].sum().reset_index()
    categories = frame.groupby("category")["budget"].sum().sort_values(ascending=False).index.tolist()
    regions = frame.groupby("region")["budget"].sum().sort_values(ascending=False).index.tolist()
    labels = [*sources["source_name"], *categories, *regions]
    index = {("s", name): i for i, name in enumerate(sources["source_name"])}
    index |= {("c", name): len(sources) + i for i, name in enumerate(categories)}
    index |= {("r", name): len(sources) + len(categories) + i for i, name in enumerate(regions)}
    colours = [SOURCE_COLORS[code] for code in sources["source"]] + [MUTED_TEXT] * (len(categories) + len(regions))
    first = frame.groupby(["source", "source_name", "category"])["budget"].sum().reset_index()
    second = frame.groupby(["source", "category", "region"])["budget"].sum().reset_index()
    link_source = [index[("s", n)] for n in first["source_name"]] + [index[("c", c)] for c in second["category"]]
    link_target = [index[("c", c)] for c in first["category"]] + [index[("r", r)] for r in second["region"]]
    amounts = first["budget"].tolist() + second["budget"].tolist()
    link_colours = [_transparent(SOURCE_COLORS[code]) for code in [*first["source"], *second["source"]]]
    sankey_trace = {
        "type": "sankey",
        "arrangement": "snap",
        "node": {
            "label": [plain_label(str(label)) for label in labels],
            "color": colours,
            "pad": 14,
            "thickness": 16,
            "customdata": [
                formatting.money_exact(v, lang) for v in _node_totals(labels, link_source, link_target, amounts)
            ],
            "hovertemplate": "%{label}: %{customdata}<extra></extra>",
        },
        "link": {
            "source": link_source,
            "target": link_target,
            "value": amounts,
            "color": link_colours,
            "customdata": [formatting.money_exact(v, lang) for v in amounts],
            "hovertemplate": "%{source.label} → %{target.label}: %{customdata}<extra></extra>",
        },
    }
    return _figure([sankey_trace], {}, max(420, 26 * max(len(categories), len(regions)) + 120), look)


def _node_totals(labels: list, sources: list[int], targets: list[int], amounts: list[float]) -> list[float]:
    """A node's amount: what flows into it, or out of it for the sources on the left."""
    totals = [0.0] * len(labels)
    for target, amount in zip(targets, amounts, strict=True):
        totals[target] += amount
    outgoing = [0.0] * len(labels)
    for source, amount in zip(sources, amounts, strict=True):
        outgoing[source] += amount
    return [max(incoming, out) for incoming, out in zip(totals, outgoing, strict=True)]


def _transparent(colour: str, alpha: float = 0.35) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def trend_lines(frame: pd.DataFrame, lang: str, look: Look = SCREEN) -> go.Figure:
    """Planned amount per year, one line per funding source. `frame`: year, source (codes), budget
    (Rupiah)."""
    traces = []
    years = sorted(frame["year"].unique())
    for code, group in frame.groupby("source", sort=False):
        name = source_name(code, lang)
        series = group.set_index("year")["budget"].reindex(years)
        traces.append(
            {
                "type": "scatter",
                "x": years,
                "y": series.tolist(),
                "name": name,
                "mode": "lines+markers",
                "line": {"color": SOURCE_COLORS[code], "width": 3},
                "marker": {"size": 8},
                "hovertext": [
                    f"{plain_label(name)} {year}: {formatting.money_exact(v, lang)}" for year, v in series.items()
                ],
                "hoverinfo": "text",
            }
        )
    values, labels = money_ticks(float(frame["budget"].max()) if len(frame) else 0, lang)
    title = t("axis_amount", lang) + " — " + t("series_budget", lang).lower()
    layout = {
        "xaxis": {"title": {"text": t("axis_year", lang)}, "tickvals": years, "ticktext": [str(y) for y in years]},
        "yaxis": {"title": {"text": title}, "tickvals": values, "ticktext": labels, "range": [0, values[-1] * 1.05]},
    }
    return _figure(traces, layout, 380, look)


def share_line(frame: pd.DataFrame, lang: str, look: Look = SCREEN) -> go.Figure:
    """The CSR/TJSL + PPM share of the planned total, per year. `frame`: year, share (ratio 0–1;
    NaN for a year without planned money)."""
    shares = frame.set_index("year")["share"]
    line = {
        "type": "scatter",
        "x": shares.index.tolist(),
        "y": (shares * 100).tolist(),
        "mode": "lines+markers+text",
        "line": {"color": SOURCE_COLORS["CSR"], "width": 3},
        "marker": {"size": 9},
        "text": [formatting.percent(v, lang) for v in shares],
        "textposition": "top center",
        "hovertext": [f"{year}: {formatting.percent(v, lang)}" for year, v in shares.items()],
        "hoverinfo": "text",
    }
    top = max(10.0, float((shares * 100).max() or 0) * 1.3)
    years = shares.index.tolist()
    layout = {
        "showlegend": False,
        "xaxis": {"title": {"text": t("axis_year", lang)}, "tickvals": years, "ticktext": [str(y) for y in years]},
        "yaxis": {
            "title": {"text": t("axis_share", lang)},
            "range": [0, top],
            "ticksuffix": " %" if lang == "id" else "%",
        },
    }
    return _figure([line], layout, 380, look)


def quadrant(frame: pd.DataFrame, lang: str, look: Look = SCREEN) -> go.Figure:
    """Need (x, in its own unit) against planned money per person in need (y), one point per area ×
    category of `domain.gaps.Quadrant.table`, coloured and shaped by flag, with median lines that
    split under- from over-served."""
    colours = {"gap": CLASS_COLORS["need"][3], "overlap": CLASS_COLORS["coverage"][3], "none": NO_DATA}
    traces = []
    for kind in ("none", "gap", "overlap"):
        part = frame[frame["kind"] == kind]
        if part.empty:
            continue
        hover = [
            f"<b>{plain_label(r.area_name)}{' ' + t('whole_region', lang) if r.whole_region else ''} — "
            f"{plain_label(value('ppks', r.ppks_category_id, lang))}</b><br>"
            + t(
                "quadrant_hover",
                lang,
                need=f"{formatting.number(r.need, lang)} {value('unit', r.unit, lang)}",
                money=formatting.money(r.per_person, lang),
                coverage=formatting.percent(r.coverage, lang),
            )
            for r in part.itertuples()
        ]
        traces.append(
            {
                "type": "scatter",
                "x": part["need"],
                "y": part["per_person"],
                "mode": "markers",
                "name": t(f"flag_{kind}", lang),
                "marker": {
                    "size": 11,
                    "color": colours[kind],
                    "line": {"color": "white", "width": 1},
                    "symbol": {"none": "circle", "gap": "x", "overlap": "diamond"}[kind],
                },
                "hovertext": hover,
                "hoverinfo": "text",
            }
        )
    shapes = []
    for axis, median in (("x", frame["need"].median()), ("y", frame["per_person"].median())):
        if pd.notna(median):
            line = {"type": "line", "line": {"dash": "dash", "color": MUTED_TEXT, "width": 1}}
            if axis == "x":
                shapes.append(line | {"x0": median, "x1": median, "y0": 0, "y1": 1, "yref": "paper"})
            else:
                shapes.append(line | {"y0": median, "y1": median, "x0": 0, "x1": 1, "xref": "paper"})
    x_ticks = _decades(frame["need"])
    y_ticks = _decades(frame["per_person"])
    units = " / ".join(value("unit", unit, lang) for unit in ("jiwa", "KK") if unit in set(frame["unit"]))
    layout = {
        "shapes": shapes,
        "xaxis": {
            "title": {"text": t("axis_need_unit", lang, unit=units or value("unit", "jiwa", lang))},
            "type": "log",
            "tickvals": x_ticks,
            "ticktext": [formatting.number(v, lang) for v in x_ticks],
        },
        "yaxis": {
            "title": {"text": t("axis_per_ppks", lang)},
            "type": "log",
            "tickvals": y_ticks,
            "ticktext": [formatting.money(v, lang) for v in y_ticks],
        },
    }
    return _figure(traces, layout, 460, look)


def _decades(values: pd.Series) -> list[float]:
    """1, 2 and 5 times the powers of ten covering the positive values: tick marks a log axis can
    label the Indonesian way."""
    positive = values[values > 0].dropna()
    if positive.empty:
        return []
    low, high = math.floor(math.log10(positive.min())), math.ceil(math.log10(positive.max()))
    ticks = [step * 10.0**k for k in range(low, high + 1) for step in (1, 2, 5)]
    return [tick for tick in ticks if positive.min() / 2 <= tick <= positive.max() * 2]


def realisation_trend(frame: pd.DataFrame, lang: str, look: Look = SCREEN) -> go.Figure:
    """Budget realisation (%) per year, one line per funding source in the sources' fixed order.
    `frame`: year, source (code), realisation (ratio 0–1, NaN where nothing was planned), as
    `domain.evaluation.realisation_trend` gives it. Values are plotted in % rounded to 0.1."""
    traces = []
    present = set(frame["source"])
    for code in (code for code in SOURCE_COLORS if code in present):
        rows = frame[frame["source"] == code]
        name = source_name(code, lang)
        hover = [
            f"{plain_label(name)} {year}: {formatting.percent(ratio, lang, 0)}"
            for year, ratio in zip(rows["year"], rows["realisation"], strict=True)
        ]
        traces.append(
            {
                "type": "scatter",
                "x": rows["year"].tolist(),
                "y": (rows["realisation"] * 100).round(1).tolist(),
                "name": name,
                "mode": "lines+markers",
                "line": {"color": SOURCE_COLORS[code], "width": 3},
                "hovertext": hover,
                "hoverinfo": "text",
            }
        )
    years = sorted(frame["year"].unique()) if len(frame) else []
    layout = {
        "xaxis": {"title": {"text": t("axis_year", lang)}, "tickvals": years, "ticktext": [str(y) for y in years]},
        "yaxis": {"title": {"text": t("col_realisation", lang)}, "ticksuffix": " %" if lang == "id" else "%"},
    }
    return _figure(traces, layout, 360, look)

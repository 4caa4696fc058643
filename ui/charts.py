"""Plotly figures for the pages. Plain functions of data frames (no Streamlit), so tests can read
the values a chart shows. Every chart: funding-source colours from `common.colors`, Indonesian
number formats from `common.formatting`, units on its axes, exact values on hover. Names in
hover and label texts are escaped: plotly reads a subset of HTML there, and names may come from
imported files."""

from __future__ import annotations

import math
from html import escape

import pandas as pd
import plotly.graph_objects as go

from common import formatting
from common.colors import GRID, MUTED_TEXT, SOURCE_COLORS, TEXT
from common.i18n import t

FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"


def base_layout(fig: go.Figure, height: int) -> go.Figure:
    """Large, calm type that still reads on a projector; no chart chrome a reader must decode."""
    fig.update_layout(
        height=height,
        font={"family": FONT, "size": 16, "color": TEXT},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 24, "r": 24, "t": 16, "b": 8},
        hoverlabel={"font_size": 15},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "xanchor": "left",
            "x": 0,
            "title": None,
            "traceorder": "normal",
        },
    )
    fig.update_xaxes(gridcolor=GRID, zerolinecolor=GRID, title_font={"color": MUTED_TEXT})
    fig.update_yaxes(gridcolor=GRID, title_font={"color": MUTED_TEXT})
    return fig


def money_ticks(maximum: float, lang: str, count: int = 4) -> tuple[list[float], list[str]]:
    """Round tick values up to `maximum`, labelled the Indonesian way (Rp1,2 M)."""
    if not maximum or maximum <= 0:
        return [0.0], [formatting.money(0, lang)]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    values = [step * i for i in range(int(maximum // step) + 2)]
    return values, [formatting.money(value, lang) for value in values]


def funding_by_source(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Planned (outline) against spent (filled) per funding source, in the sources' own colours.
    Each bar carries its name and amounts on a line above it, so nothing is clipped on a narrow
    column and the figures read from a distance."""
    names = frame["source_name"].tolist()
    colours = [SOURCE_COLORS[code] for code in frame["source"]]
    budget = frame["budget"].fillna(0).tolist()
    spent = frame["spent"].fillna(0).tolist()
    hover = [
        f"<b>{escape(name)}</b><br>{t('hover_budget', lang)}: {formatting.money_exact(b, lang)}"
        f"<br>{t('hover_spent', lang)}: {formatting.money_exact(s, lang)}"
        f" ({formatting.percent(s / b if b else None, lang)})"
        f"<br>{t('hover_programs', lang)}: {formatting.number(p, lang)}"
        for name, b, s, p in zip(names, budget, spent, frame["programs"], strict=True)
    ]
    fig = go.Figure()
    fig.add_bar(
        name=t("series_budget", lang),
        y=names,
        x=budget,
        orientation="h",
        marker={"color": "white", "line": {"color": colours, "width": 2}},
        hovertext=hover,
        hoverinfo="text",
        width=0.45,
    )
    fig.add_bar(
        name=t("series_spent", lang),
        y=names,
        x=spent,
        orientation="h",
        marker={"color": colours},
        width=0.3,
        hovertext=hover,
        hoverinfo="text",
    )
    for name, b, s in zip(names, budget, spent, strict=True):
        fig.add_annotation(
            x=0,
            y=name,
            xref="x",
            yref="y",
            xanchor="left",
            yanchor="bottom",
            yshift=16,
            showarrow=False,
            align="left",
            font={"size": 16, "color": TEXT},
            text=f"<b>{escape(name)}</b>   {formatting.money(s, lang)} {t('of_budget', lang)} "
            f"{formatting.money(b, lang)} ({formatting.percent(s / b if b else None, lang, decimals=0)})",
        )
    values, labels = money_ticks(max(budget + spent + [0]), lang, count=3)
    fig.update_layout(barmode="overlay", showlegend=False)
    fig.update_xaxes(
        title_text=t("axis_amount", lang), tickvals=values, ticktext=labels, range=[0, values[-1] * 1.02], tickangle=0
    )
    fig.update_yaxes(autorange="reversed", showticklabels=False, title_text=None)
    return base_layout(fig, height=max(260, 78 * len(names) + 70))


def funding_by_region(frame: pd.DataFrame, lang: str, axis_title: str) -> go.Figure:
    """Planned amount per area, stacked by funding source, largest first."""
    totals = frame.groupby("region_name")["budget"].sum().sort_values(ascending=False)
    order = totals.index.tolist()
    fig = go.Figure()
    for (code, name), group in frame.groupby(["source", "source_name"], sort=False):
        by_region = group.set_index("region_name")["budget"].reindex(order)
        fig.add_bar(
            name=name,
            y=order,
            x=by_region.fillna(0).tolist(),
            orientation="h",
            marker={"color": SOURCE_COLORS[code]},
            hovertext=[
                f"<b>{escape(region)}</b><br>{escape(name)}: {formatting.money_exact(value, lang)}"
                f"<br>{t('hover_budget', lang)} total: {formatting.money_exact(totals[region], lang)}"
                for region, value in by_region.items()
            ],
            hoverinfo="text",
        )
    values, labels = money_ticks(float(totals.max()) if len(totals) else 0, lang)
    fig.update_layout(barmode="stack", legend={"entrywidth": 0.33, "entrywidthmode": "fraction"})
    fig.update_xaxes(
        title_text=t("axis_amount", lang) + " — " + t("series_budget", lang).lower(),
        tickvals=values,
        ticktext=labels,
        range=[0, values[-1] * 1.02],
    )
    fig.update_yaxes(autorange="reversed", title_text=axis_title, tickfont={"size": 15, "color": TEXT})
    return base_layout(fig, height=max(300, 38 * len(order) + 120))

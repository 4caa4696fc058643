"""Map figures (plotly only, no Streamlit): a classed choropleth on a tile map that needs no tiles
(`white-bg`, so it works with no internet), a tile grid of the ten kabupaten/kota, and the mapping
from a click on either to the region it names."""

from __future__ import annotations

import math
from html import escape

import pandas as pd
import plotly.graph_objects as go

from common.colors import MAP_LINE, NO_DATA, TEXT
from domain.charts import FONT

# Ten equal squares in roughly their geographic places, so that the small cities read as well as the
# large kabupaten on a projector: (column, row from the top, short name).
TILES = {
    "64.03": (2, 0, "Berau"),
    "64.11": (0, 1, "Mahulu"),
    "64.08": (2, 1, "Kutim"),
    "64.74": (3, 1, "Bontang"),
    "64.07": (0, 2, "Kubar"),
    "64.02": (1, 2, "Kukar"),
    "64.72": (2, 2, "Samarinda"),
    "64.01": (0, 3, "Paser"),
    "64.09": (1, 3, "PPU"),
    "64.71": (2, 3, "Balikpapan"),
}


def selected_region(event: object) -> str | None:
    """The Kemendagri code of the region a map or tile click selected, or None.

    Streamlit hands the selection as {"selection": {"points": [...]}}; each point of our figures
    carries the region code as its first custom value (choropleths also as `location`)."""
    if not isinstance(event, dict):
        event = getattr(event, "__dict__", {}) or {}
    selection = event.get("selection") or {}
    points = selection.get("points") if isinstance(selection, dict) else getattr(selection, "points", None)
    for point in points or []:
        custom = point.get("customdata")
        if isinstance(custom, list | tuple) and custom:
            return str(custom[0])
        if isinstance(custom, str) and custom:
            return custom
        if point.get("location"):
            return str(point["location"])
    return None


def _zoom(bounds: tuple[float, float, float, float], width: int, height: int) -> tuple[dict, float]:
    west, south, east, north = bounds
    center = {"lon": (west + east) / 2, "lat": (south + north) / 2}
    lon_zoom = math.log2(width * 360 / (512 * max(east - west, 1e-6)))  # MapLibre: 512-px tiles
    lat_zoom = math.log2(height * 360 / (512 * max(north - south, 1e-6)))  # Mercator near the equator
    return center, max(0.0, min(lon_zoom, lat_zoom) - 0.15)


def choropleth(
    geojson: dict,
    values: pd.DataFrame,
    classes: list[tuple[str, str]],
    no_data_label: str,
    bounds: tuple[float, float, float, float],
    points: pd.DataFrame | None = None,
    height: int = 620,
    width: int = 900,
) -> go.Figure:
    """`values` has code, name, klass (-1 = no data) and hover; `classes` the label and colour of each
    class. One trace per class, so the legend reads as classes and 'no data' is its own class."""
    fig = go.Figure()
    legend = [(index, label, colour) for index, (label, colour) in enumerate(classes)] + [(-1, no_data_label, NO_DATA)]
    features = {feature["id"]: feature for feature in geojson["features"]}
    for index, label, colour in legend:
        part = values[values["klass"] == index]
        # Each trace carries only its own regions' shapes, so every boundary is sent once.
        own = {"type": "FeatureCollection", "features": [features[code] for code in part["code"] if code in features]}
        fig.add_trace(
            go.Choroplethmap(
                geojson=own,
                featureidkey="id",
                locations=part["code"].tolist(),
                z=[1] * len(part),
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                name=label,
                showlegend=True,
                marker={"line": {"color": MAP_LINE, "width": 1}, "opacity": 0.95},
                customdata=part[["code"]].to_numpy().tolist(),
                hovertext=part["hover"].tolist(),
                hoverinfo="text",
            )
        )
    if points is not None and not points.empty:
        fig.add_trace(
            go.Scattermap(
                lat=points["lat"],
                lon=points["lng"],
                mode="markers",
                name=points.attrs.get("label", ""),
                marker={"size": (8 + 4 * points["programs"].clip(upper=12)).tolist(), "color": TEXT, "opacity": 0.75},
                customdata=points[["code"]].to_numpy().tolist(),
                hovertext=points["hover"].tolist(),
                hoverinfo="text",
            )
        )
    center, zoom = _zoom(bounds, width, height)  # `width`: the narrowest the map's column gets
    fig.update_layout(
        map={"style": "white-bg", "center": center, "zoom": zoom},
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 70},
        font={"family": FONT, "size": 15, "color": TEXT},
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.01,
            "xanchor": "left",
            "x": 0,
            "title": None,
            "font": {"size": 15},
        },
        hoverlabel={"font_size": 15},
        clickmode="event+select",
    )
    return fig


def tile_grid(
    values: pd.DataFrame, colours: dict[int, str], texts: dict[str, str], dark: set[int], height: int = 420
) -> go.Figure:
    """The ten kabupaten/kota as equal squares, coloured by the same classes as the map; `dark`
    classes get white text, so every label keeps its contrast."""
    rows = values.set_index("code")
    codes = [code for code in TILES if code in rows.index]
    fig = go.Figure(
        go.Scatter(
            x=[TILES[c][0] for c in codes],
            y=[-TILES[c][1] for c in codes],
            mode="markers+text",
            marker={
                "symbol": "square",
                "size": 86,
                "color": [colours[int(rows.at[c, "klass"])] for c in codes],
                "line": {"color": "white", "width": 2},
            },
            text=[f"<b>{escape(TILES[c][2])}</b><br>{escape(texts.get(c, ''))}" for c in codes],
            textfont={"size": 14, "color": ["white" if int(rows.at[c, "klass"]) in dark else TEXT for c in codes]},
            customdata=[[c] for c in codes],
            hovertext=[rows.at[c, "hover"] for c in codes],
            hoverinfo="text",
        )
    )
    fig.update_xaxes(visible=False, range=[-0.6, 3.6])
    fig.update_yaxes(visible=False, range=[-3.6, 0.6], scaleanchor="x")
    fig.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        font={"family": FONT},
        clickmode="event+select",
        dragmode=False,
    )
    return fig

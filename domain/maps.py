"""Map figures (plotly only, no Streamlit): a classed choropleth on a tile map that needs no tiles
(`white-bg`, so it works with no internet), a tile grid of the ten kabupaten/kota, and the mapping
from a click on either to the region it names. Also what the Peta page shows beside them, built in
the interface's language from an `AreaMap` (`domain.map_metrics`): the classes and their labels,
hover texts, the notes under the map and the ranking table.

Names from the data are escaped in hover and label texts: plotly reads a subset of HTML there."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from common import formatting
from common.colors import CLASS_COLORS, GRID, MAP_LINE, NO_DATA, PLACE_COLORS, TEXT
from common.i18n import t, value
from common.text import plain_label
from data_loaders.regions import region_by_code
from domain.charts import FONT, SCREEN, Look
from domain.map_metrics import (
    COVERAGE_BREAKS,
    METRICS,
    AreaMap,
    ProgramPoints,
    classify,
    quantile_breaks,
)

SITE_DECIMALS = 5  # degrees of a program site in hover texts: about 1 m
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


def click_target(code: str | None) -> tuple[str, str | None] | None:
    """What a click on region `code` opens, by the region's own level: (its kab/kota, its kecamatan or
    None), or None for a click that opens nothing (the province, a desa/kelurahan, no region). The map
    keeps its frame between levels (ui/region_map.py), so a click may come from the figure drawn
    before: a kecamatan clicked there still opens that kecamatan, inside its own kab/kota."""
    try:
        region = region_by_code(code) if code else None
    except KeyError:  # no region of the province
        return None
    if region is None or region.level not in ("kabupaten_kota", "kecamatan"):
        return None
    return (region.code, None) if region.level == "kabupaten_kota" else (region.parent_code, region.code)


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
    look: Look = SCREEN,
) -> go.Figure:
    """`values` has code, name, klass (-1 = no data) and hover; `classes` the label and colour of each
    class. The regions are one choropleth trace, coloured by class through a stepped colour scale; the
    legend names the classes with one empty marker trace each ('no data' last), which draws nothing.
    One trace is one MapLibre source and its layers: with one trace per class a click to the next
    level took 0,87–1,02 s to redraw in the benchmark's browser at 5.000.000 rows, with one trace
    0,65–0,84 s (seven clicks each; issue 16). `width`/`height` in pixels (the narrowest the map's
    column gets), scaled by `look`."""
    legend = [(index, label, colour) for index, (label, colour) in enumerate(classes)] + [(-1, no_data_label, NO_DATA)]
    place = {index: position for position, (index, _, _) in enumerate(legend)}
    count = len(legend)
    colours = [colour for _, _, colour in legend]
    steps = [[edge / count, colour] for position, colour in enumerate(colours) for edge in (position, position + 1)]
    features = {feature["id"]: feature for feature in geojson["features"]}
    drawn = values[values["code"].isin(features.keys())]
    traces = [
        {
            "type": "choroplethmap",
            "geojson": {"type": "FeatureCollection", "features": [features[code] for code in drawn["code"]]},
            "featureidkey": "id",
            "locations": drawn["code"].tolist(),
            "z": [place[klass] for klass in drawn["klass"]],  # the class's place in the legend
            "zmin": -0.5,
            "zmax": count - 0.5,
            "colorscale": steps,
            "showscale": False,
            "showlegend": False,
            "marker": {"line": {"color": MAP_LINE, "width": 1}, "opacity": 0.95},
            "customdata": drawn[["code"]].to_numpy().tolist(),
            "hovertext": drawn["hover"].tolist(),
            "hoverinfo": "text",
        }
    ]
    traces += [
        {
            "type": "scattermap",
            "lat": [None],
            "lon": [None],
            "mode": "markers",
            "name": label,
            "showlegend": True,
            "marker": {"size": 14, "color": colour},
            "customdata": [],
            "hovertext": [],
            "hoverinfo": "skip",
        }
        for _, label, colour in legend
    ]
    # Program sites are solid dark dots; region centroids (an approximate place) light discs in a dark
    # ring, so both read on light and dark classes. Centroids first, so sites are drawn on top.
    for site in (False, True) if points is not None else ():
        part = points[points["site"] == site]
        size = 8 + 4 * part["programs"].clip(upper=12)
        layers = [(size, TEXT, 0.9, True)] if site else [(size + 3, TEXT, 0.8, False), (size, GRID, 0.75, True)]
        for sizes, colour, opacity, in_legend in layers if not part.empty else ():
            traces.append(
                {
                    "type": "scattermap",
                    "lat": part["lat"],
                    "lon": part["lng"],
                    "mode": "markers",
                    "name": points.attrs.get("labels", {}).get(site, ""),
                    "legendgroup": f"points-{site}",
                    "showlegend": in_legend,
                    "marker": {"size": sizes.tolist(), "color": colour, "opacity": opacity},
                    "customdata": part[["code"]].to_numpy().tolist(),
                    "hovertext": part["hover"].tolist(),
                    "hoverinfo": "text",
                }
            )
    height, width = round(height * look.scale), round(width * look.scale)
    center, zoom = _zoom(bounds, width, height)  # `width`: the narrowest the map's column gets
    layout = {
        "map": {"style": "white-bg", "center": center, "zoom": zoom},
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 0, "b": round(70 * look.scale)},
        "paper_bgcolor": look.background,
        "font": {"family": FONT, "size": round(15 * look.scale), "color": look.text},
        "legend": {
            "orientation": "h",
            "yanchor": "top",
            "y": -0.01,
            "xanchor": "left",
            "x": 0,
            "title": {"text": None},
            "font": {"size": round(15 * look.scale)},
            "itemclick": False,  # a class's entry names its colour; it hides no region
            "itemdoubleclick": False,
        },
        "hoverlabel": {"font": {"size": 15}},
        "clickmode": "event",  # a click is sent as it is (ui/region_map.py), nothing is selected
    }
    return go.Figure(data=traces, layout=layout)  # validated once: see domain.charts._figure


def tile_grid(
    values: pd.DataFrame,
    colours: dict[int, str],
    texts: dict[str, str],
    dark: set[int] | frozenset[int],
    height: int = 420,
    look: Look = SCREEN,
) -> go.Figure:
    """The ten kabupaten/kota as equal squares, coloured by the same classes as the map; `dark`
    classes get white text, so every label keeps its contrast. `values` has code, klass and hover;
    `texts` the short value per code."""
    rows = values.set_index("code")
    codes = [code for code in TILES if code in rows.index]
    fig = go.Figure(
        go.Scatter(
            x=[TILES[c][0] for c in codes],
            y=[-TILES[c][1] for c in codes],
            mode="markers+text",
            marker={
                "symbol": "square",
                "size": round(86 * look.scale),
                "color": [colours[int(rows.at[c, "klass"])] for c in codes],
                "line": {"color": "white", "width": 2},
            },
            text=[f"<b>{plain_label(TILES[c][2])}</b><br>{plain_label(texts.get(c, ''))}" for c in codes],
            textfont={
                "size": round(14 * look.scale),
                "color": ["white" if int(rows.at[c, "klass"]) in dark else TEXT for c in codes],
            },
            customdata=[[c] for c in codes],
            hovertext=[rows.at[c, "hover"] for c in codes],
            hoverinfo="text",
        )
    )
    fig.update_xaxes(visible=False, range=[-0.6, 3.6])
    fig.update_yaxes(visible=False, range=[-3.6, 0.6], scaleanchor="x")
    fig.update_layout(
        height=round(height * look.scale),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        plot_bgcolor=look.background,
        paper_bgcolor=look.background,
        showlegend=False,
        font={"family": FONT},
        clickmode="event+select",
        dragmode=False,
    )
    return fig


# --- what the Peta page shows beside the figures, in the interface's language -------------------

_LABEL_KEYS = {"coverage": "metric_coverage_jiwa"}  # jiwa reached (need's categories) ÷ PPKS jiwa
_SAME_COLUMN = {"ppks": "ppks_jiwa", "ppks_kk": "ppks_kk", "budget": "budget", "programs": "programs"}
_TABLE_FORMATS = {"money": "money", "percent": "percent", "per_mille": "decimal", "percent_value": "decimal"}


def metric_label(metric_key: str, lang: str) -> str:
    """The measure's name in `lang` (selector, title, legend, table header)."""
    return t(_LABEL_KEYS.get(metric_key, f"metric_{metric_key}"), lang)


def format_value(amount: float | None, metric_key: str, lang: str) -> str:
    """A metric's value as the map shows it (Rp1,2 M · 12,5 % · 8,63 % · 4,2 · 1.234), or 'no data'."""
    if amount is None or pd.isna(amount):
        return t("map_no_data", lang)
    unit = METRICS[metric_key].unit
    if unit == "money":
        return formatting.money(amount, lang)
    if unit == "percent":
        return formatting.percent(amount, lang)
    if unit == "percent_value":
        return formatting.number(amount, lang, 2) + (" %" if lang == "id" else "%")
    if unit == "per_mille":
        return formatting.number(amount, lang, 1)
    return formatting.number(amount, lang)


def _coverage_labels(lang: str) -> list[str]:
    """'< 50 %', '50–75 %', '75–100 %', '≥ 100 %' (the fixed coverage classes, COVERAGE_BREAKS)."""
    labels, low = [], None
    for high in COVERAGE_BREAKS:
        if low is None:
            labels.append(f"< {formatting.percent(high, lang, 0)}")
        elif math.isinf(high):
            labels.append(f"≥ {formatting.percent(low, lang, 0)}")
        else:
            labels.append(f"{formatting.number(low * 100, lang)}–{formatting.percent(high, lang, 0)}")
        low = high
    return labels


@dataclass(frozen=True)
class Layer:
    """One measure on the map: `values` (an `AreaMap.values` frame plus klass (-1 = no data), hover
    and text, the short value for the tiles), `classes` (label, colour) from lowest to highest,
    `dark` the classes that need white text, `total` the areas with a value."""

    metric_key: str
    values: pd.DataFrame
    classes: tuple[tuple[str, str], ...]
    dark: frozenset[int]
    total: int

    @property
    def colours(self) -> dict[int, str]:
        return {i: colour for i, (_, colour) in enumerate(self.classes)} | {-1: NO_DATA}

    @property
    def texts(self) -> dict[str, str]:
        return dict(zip(self.values["code"], self.values["text"], strict=True))

    def top(self) -> tuple[str, str] | None:
        """(name, formatted value) of the area with the highest value, or None without values."""
        if not self.total:
            return None
        best = self.values.sort_values("value", ascending=False).iloc[0]
        return str(best["name"]), str(best["text"])


def layer(area_map: AreaMap, metric_key: str, lang: str) -> Layer:
    """Classes, colours, hover texts and tile texts of `metric_key` on `area_map`. Coverage uses
    the fixed classes (COVERAGE_BREAKS); other measures up to five quantile classes, spread over
    the whole colour scale."""
    metric = METRICS[metric_key]
    values = area_map.values(metric_key)
    if metric.kind == "coverage":
        breaks, colours, labels = COVERAGE_BREAKS, list(CLASS_COLORS["coverage"]), _coverage_labels(lang)
    else:
        breaks = quantile_breaks(values["value"])
        scale = CLASS_COLORS[metric.kind]
        colours = [scale[round(i * (len(scale) - 1) / max(len(breaks) - 1, 1))] for i in range(len(breaks))]
        labels = []
    values["klass"] = classify(values["value"], breaks)
    if not labels:
        for index in range(len(breaks)):
            members = values.loc[values["klass"] == index, "value"]
            low, high = format_value(members.min(), metric_key, lang), format_value(members.max(), metric_key, lang)
            labels.append(low if low == high else f"{low} – {high}")
    total = int(values["value"].notna().sum())
    values["text"] = [format_value(amount, metric_key, lang) for amount in values["value"]]
    values["hover"] = [_hover(row, area_map, metric_key, total, lang) for row in values.to_dict("records")]
    count = len(breaks)
    return Layer(
        metric_key=metric_key,
        values=values,
        classes=tuple(zip(labels, colours, strict=True)),
        dark=frozenset(i for i in range(count) if count > 2 and i >= count - 2),
        total=total,
    )


def _levels(codes: object, lang: str) -> str:
    """'kecamatan' or 'kabupaten/kota, kecamatan' from comma-separated level codes; '' when none."""
    if not isinstance(codes, str) or not codes:
        return ""
    return ", ".join(value("level", code, lang) for code in codes.split(","))


def _hover(row: dict, area_map: AreaMap, metric_key: str, total: int, lang: str) -> str:
    lines = [f"<b>{plain_label(str(row['name']))}</b>", f"{metric_label(metric_key, lang)}: {row['text']}"]
    if pd.notna(row["rank"]):
        lines.append(t("map_rank", lang, rank=int(row["rank"]), total=total))
    parts = []
    if pd.notna(row["ppks_jiwa"]) or pd.notna(row["ppks_kk"]):
        need = f"{t('hover_ppks', lang)} {formatting.people(row['ppks_jiwa'], row['ppks_kk'], lang)}"
        if levels := _levels(row["need_levels"], lang):
            need += f" ({t('hover_need_level', lang, levels=levels)})"
        parts.append(need)
    if pd.notna(row["population"]):
        population = formatting.number(row["population"], lang)
        parts.append(f"{t('hover_population', lang)} {population} ({int(row['population_year'])})")
    if pd.notna(row["budget"]):
        parts.append(f"{t('kpi_budget', lang)} {formatting.money(row['budget'], lang)}")
    if METRICS[metric_key].kind == "coverage" and (pd.notna(row["reached_jiwa"]) or pd.notna(row["reached_kk"])):
        reached = f"{t('hover_reached', lang)} {formatting.people(row['reached_jiwa'], row['reached_kk'], lang)}"
        counted = row.get("reached_need_kk" if metric_key == "coverage_kk" else "reached_need_jiwa")
        if counted is not None and pd.notna(counted):  # the numerator of coverage (map_metrics.COVERAGE_RULE)
            reached += f" ({t('hover_reached_counted', lang)}: {formatting.number(counted, lang)})"
        parts.append(reached)
    if parts:
        lines.append(" · ".join(plain_label(part) for part in parts))
    if METRICS[metric_key].kind == "coverage" and pd.isna(row["value"]):
        for region in area_map.above:
            if region.people_programs:
                level = value("level", region.level, lang)
                lines.append(plain_label(t("map_hover_above", lang, level=level, programs=region.people_programs)))
    return "<br>".join(lines)


def point_layer(points: ProgramPoints, lang: str) -> pd.DataFrame:
    """The program points with a hover text each ('3 program · pagu Rp1 M', the place, and whether
    the point is the program site a file gave or the region's centroid); `attrs["labels"]` holds the
    legend label of each kind (True: sites, False: centroids)."""
    frame = points.table.copy()
    frame["hover"] = [
        "<br>".join(
            (
                t("map_points_hover", lang, programs=int(p), budget=formatting.money(b, lang)),
                plain_label(str(n)),
                t(
                    "map_points_hover_site",
                    lang,
                    latitude=formatting.number(lat, lang, SITE_DECIMALS),
                    longitude=formatting.number(lng, lang, SITE_DECIMALS),
                )
                if site
                else t("map_points_hover_centroid", lang),
            )
        )
        for p, b, n, lat, lng, site in zip(
            frame["programs"], frame["budget"], frame["name"], frame["lat"], frame["lng"], frame["site"], strict=True
        )
    ]
    frame.attrs["labels"] = {True: t("map_points_label", lang), False: t("map_points_centroid", lang)}
    return frame


def notes(area_map: AreaMap, metric_key: str, lang: str) -> list[str]:
    """The plain sentences under the map: money and need placed at the selected region (or above it)
    as a whole, how coverage is counted, and the population's year and unverified figures."""
    lines = []
    coverage = METRICS[metric_key].kind == "coverage"
    for region in area_map.money_above:
        lines.append(
            t(
                "map_above",
                lang,
                amount=formatting.money(region.budget, lang),
                place=region.name,
                level=value("level", region.level, lang),
                programs=formatting.number(region.programs, lang),
                people=formatting.people(region.reached.jiwa, region.reached.kk, lang),
            )
        )
        if coverage and region.people_programs:
            lines.append(t("map_above_coverage", lang))
    for region in area_map.need_above:
        lines.append(
            t(
                "map_need_above",
                lang,
                place=region.name,
                level=value("level", region.level, lang),
                people=formatting.people(region.ppks.jiwa, region.ppks.kk, lang),
            )
        )
    if coverage:
        lines.append(t("map_coverage_help" if metric_key == "coverage" else "map_coverage_kk_help", lang))
    table = area_map.table
    if area_map.level == "kabupaten_kota" and table["population_year"].notna().any():
        unverified = table.loc[table["population_verified"].eq(False), "name"].tolist()
        lines.append(
            t(
                "map_population_note",
                lang,
                year=int(table["population_year"].max()),
                unverified=f" (⚠ {', '.join(unverified)}: {t('unverified', lang)})" if unverified else "",
            )
        )
    return lines


def ranking(area_map: AreaMap, shown: Layer, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ranking table (areas by the measure, highest first; then the regions holding money as a
    whole, unranked) with headers in `lang`, and the `ui.tables.show` format of each number column.
    Numbers stay numbers: rank, the measure, PPKS (jiwa, and KK where recorded), planned (Rupiah),
    programs, people reached (jiwa, KK)."""
    ranked = shown.values.sort_values(["rank", "name"], na_position="last")
    rows = pd.DataFrame(
        {
            "rank": ranked["rank"],
            "name": ranked["name"],
            "code": ranked["code"],
            "value": ranked["value"],
            "ppks_jiwa": ranked["ppks_jiwa"],
            "ppks_kk": ranked["ppks_kk"],
            "need_level": [_levels(codes, lang) or None for codes in ranked["need_levels"]],
            "budget": ranked["budget"],
            "programs": ranked["programs"],
            "reached_jiwa": ranked["reached_jiwa"],
            "reached_kk": ranked["reached_kk"],
        }
    )
    whole = [
        {
            "name": t("map_above_row", lang, place=region.name, level=value("level", region.level, lang)),
            "code": region.code,
            "ppks_jiwa": region.ppks.jiwa or None,
            "ppks_kk": region.ppks.kk or None,
            "need_level": value("level", region.level, lang) if region.ppks.any else None,
            "budget": region.budget if region.has_money else None,
            "programs": region.programs or None,
            "reached_jiwa": region.reached.jiwa or None,
            "reached_kk": region.reached.kk or None,
        }
        for region in area_map.above
    ]
    if whole:
        rows = pd.concat([rows, pd.DataFrame(whole)], ignore_index=True)
    same = _SAME_COLUMN.get(shown.metric_key)
    if same:  # the measure is one of the figure columns: show it once, the whole-region rows' figure too
        rows["value"] = rows["value"].where(rows["rank"].notna(), rows[same])
        rows = rows.drop(columns=same)
    if "ppks_kk" in rows and not area_map.has_kk_need and not any(region.ppks.kk for region in area_map.above):
        rows = rows.drop(columns="ppks_kk")
    headers = {
        "rank": t("col_rank", lang),
        "name": t("col_place", lang),
        "code": t("col_code", lang),
        "value": metric_label(shown.metric_key, lang),
        "ppks_jiwa": t("map_col_ppks_jiwa", lang),
        "ppks_kk": t("map_col_ppks_kk", lang),
        "need_level": t("map_col_need_level", lang),
        "budget": t("kpi_budget", lang),
        "programs": t("kpi_programs", lang),
        "reached_jiwa": t("map_col_reached_jiwa", lang),
        "reached_kk": t("map_col_reached_kk", lang),
    }
    kinds = {
        "rank": "number",
        "value": _TABLE_FORMATS.get(METRICS[shown.metric_key].unit, "number"),
        "ppks_jiwa": "number",
        "ppks_kk": "number",
        "budget": "money",
        "programs": "number",
        "reached_jiwa": "number",
        "reached_kk": "number",
    }
    table = rows.rename(columns=headers)
    formats = {headers[column]: kind for column, kind in kinds.items() if headers[column] in table}
    return table, formats


PLACE_CLASSES = ("inside", "outside", "idle")


def partner_places(
    places: pd.DataFrame, operating: tuple[str, ...], names: dict[str, str], lang: str
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """A partner's kab/kota for `choropleth`: `places` as in `domain.partners.Profile.places`
    (spent in Rupiah per place; places inside a kab/kota are added to it, province-wide places are
    left out — the page states them apart), `operating` its operating kab/kota codes, `names` code →
    name of every kab/kota. Returns (values: code, name, klass, hover; classes: label and colour of
    'spent inside its operating regions', 'spent outside them', 'operating region without spending');
    a kab/kota that is none of these (no program, not an operating region) has klass -1."""
    located = places.dropna(subset=["kabkota_code"])
    spent = located.groupby("kabkota_code")["spent"].sum()
    programs = located.groupby("kabkota_code")["programs"].sum()
    rows = []
    for code, name in names.items():
        money = float(spent.get(code, 0.0))
        if money > 0:
            klass = 0 if code in operating else 1
            count = formatting.number(programs.get(code, 0), lang)
            detail = t("partners_map_hover_spent", lang, spent=formatting.money(money, lang), programs=count)
        elif code in operating:
            klass, detail = 2, t("partners_map_hover_idle", lang)
        else:
            klass, detail = -1, t("partners_map_none", lang)
        rows.append({"code": code, "name": name, "klass": klass, "hover": plain_label(f"{name}: {detail}")})
    classes = [(t(f"partners_map_{kind}", lang), PLACE_COLORS[kind]) for kind in PLACE_CLASSES]
    return pd.DataFrame(rows, columns=["code", "name", "klass", "hover"]), classes

"""Peta (Map): need, funding and coverage by kabupaten/kota, down to kecamatan and desa/kelurahan.
A click on a region selects it in the shared filter (and the URL); the map then shows its parts."""

import pandas as pd
import streamlit as st

from common import formatting
from common.colors import CLASS_COLORS, NO_DATA
from common.exports import csv_bytes, xlsx_bytes
from common.i18n import t
from data_loaders.geo import boundaries, bounds
from data_loaders.regions import children_of, region_by_code
from domain.map_metrics import (
    CHILD_LEVEL,
    COVERAGE_BREAKS,
    METRICS,
    classify,
    metric_values,
    metrics_for,
    quantile_breaks,
)
from domain import maps
from ui import data, shell
from ui.components import empty_state, source_caption
from ui.shell import ALL

view = shell.view()
lang, filters, scope = view.lang, view.filters, view.scope
status = data.status()

title = st.empty()  # filled once the measure is known; the controls sit under the title

# Where we are: the province, one kabupaten/kota, or one kecamatan of it (a page-level, URL-bound choice).
kab = filters.kabkota
kecamatan = None
top_row = st.columns([2, 2, 1], vertical_alignment="bottom")
if kab:
    options = {region.code: region.name for region in children_of(kab)}
    choice = top_row[1].selectbox(
        t("map_kecamatan", lang),
        [ALL, *options],
        format_func=lambda c: options.get(c, t("map_all_kecamatan", lang)),
        key="kecamatan",
        bind="query-params",
    )
    kecamatan = None if choice == ALL else choice
parent = kecamatan or kab
level = CHILD_LEVEL[None if parent is None else region_by_code(parent).level]
figures = data.area_figures(filters, scope, level, parent)

available = metrics_for(level)
with_data = [key for key in available if metric_values(figures, key)["value"].notna().any()]
metric_key = top_row[0].selectbox(
    t("map_metric", lang),
    available,
    index=available.index(with_data[0]) if with_data else 0,
    format_func=lambda k: t(f"metric_{k}", lang),
    key="metrik",
    bind="query-params",
)
show_points = top_row[2].toggle(t("map_points", lang), key="lokasi", bind="query-params")
metric = METRICS[metric_key]


def fmt(value: float | None) -> str:
    if value is None or pd.isna(value):
        return t("map_no_data", lang)
    return {
        "money": formatting.money(value, lang),
        "percent": formatting.percent(value, lang),
        "percent_value": formatting.number(value, lang, 2) + (" %" if lang == "id" else "%"),
        "per_mille": formatting.number(value, lang, 1),
    }.get(metric.unit, formatting.number(value, lang))


def go_to(level_key: str | None, code: str | None) -> None:
    """Breadcrumb and click targets: set the shared filter (and the page's kecamatan) and rerun."""
    if level_key == "province":
        st.session_state["wilayah"] = ALL
        st.session_state["kecamatan"] = ALL
    elif level_key == "kabupaten_kota":
        st.session_state["wilayah"] = code
        st.session_state["kecamatan"] = ALL
    elif level_key == "kecamatan":
        st.session_state["kecamatan"] = code


def on_click(key: str) -> None:
    code = maps.selected_region(st.session_state.get(key))
    if code and level in ("kabupaten_kota", "kecamatan"):
        go_to(level, code)


title.title(t("map_title", lang, metric=t(f"metric_{metric_key}", lang), year=filters.year))
crumbs = st.columns([1, 1, 1, 3])
crumbs[0].button(
    t("map_breadcrumb_top", lang),
    on_click=go_to,
    args=("province", None),
    type="tertiary",
    icon=":material/public:",
    disabled=kab is None,
)
if kab:
    crumbs[1].button(
        f"› {region_by_code(kab).name}",
        on_click=go_to,
        args=("kabupaten_kota", kab),
        type="tertiary",
        disabled=kecamatan is None,
    )
if kecamatan:
    crumbs[2].button(f"› {region_by_code(kecamatan).name}", type="tertiary", disabled=True)
st.caption(
    shell.view_summary(filters, lang)
    + " · "
    + t("map_click_hint" if level != "desa_kelurahan" else "map_desa_hint", lang)
)

values = metric_values(figures, metric_key)
if metric.kind == "coverage":
    breaks = COVERAGE_BREAKS
    colours = list(CLASS_COLORS["coverage"])
else:
    breaks = quantile_breaks(values["value"])
    scale = CLASS_COLORS[metric.kind]  # fewer classes than colours: spread them over the whole scale
    colours = [scale[round(i * (len(scale) - 1) / max(len(breaks) - 1, 1))] for i in range(len(breaks))]
values["klass"] = classify(values["value"], breaks)
total = int(values["value"].notna().sum())


def class_label(index: int) -> str:
    if metric.kind == "coverage":
        labels = (
            ["< 50 %", "50–75 %", "75–100 %", "≥ 100 %"] if lang == "id" else ["< 50%", "50–75%", "75–100%", "≥ 100%"]
        )
        return labels[index]
    members = values.loc[values["klass"] == index, "value"]
    low, high = members.min(), members.max()
    return fmt(low) if low == high else f"{fmt(low)} – {fmt(high)}"


def hover(row: pd.Series) -> str:
    lines = [f"<b>{row['name']}</b>", f"{t(f'metric_{metric_key}', lang)}: {fmt(row['value'])}"]
    if pd.notna(row["rank"]):
        lines.append(t("map_rank", lang, rank=int(row["rank"]), total=total))
    parts = []
    if "ppks" in row and pd.notna(row["ppks"]):
        parts.append(f"{t('hover_ppks', lang)} {formatting.number(row['ppks'], lang)}")
    if "population" in row and pd.notna(row.get("population")):
        parts.append(
            f"{t('hover_population', lang)} {formatting.number(row['population'], lang)} "
            f"({int(row['population_year'])})"
        )
    if pd.notna(row.get("budget")):
        parts.append(f"{t('kpi_budget', lang)} {formatting.money(row['budget'], lang)}")
    if pd.notna(row.get("reached")) and metric_key == "coverage":
        parts.append(f"{t('hover_reached', lang)} {formatting.number(row['reached'], lang)}")
    if parts:
        lines.append(" · ".join(parts))
    return "<br>".join(lines)


values["hover"] = values.apply(hover, axis=1)
class_list = [(class_label(i), colours[i]) for i in range(len(breaks))]

geojson = boundaries(level, parent)
points = None
if show_points:
    points = data.program_points(filters, scope, parent)
    points["hover"] = [
        t("map_points_hover", lang, programs=int(p), budget=formatting.money(b, lang)) + f"<br>{n}"
        for p, b, n in zip(points["programs"], points["budget"], points["name"], strict=True)
    ]
    points.attrs["label"] = t("map_points_label", lang)

if total:
    best = values.sort_values("value", ascending=False).iloc[0]
    st.subheader(t("map_top", lang, name=best["name"], value=fmt(best["value"])))
else:
    empty_state(t("map_all_missing", lang, measures=", ".join(t(f"metric_{k}", lang) for k in with_data) or "–"))

figure = maps.choropleth(
    geojson,
    values,
    class_list,
    t("map_no_data", lang),
    bounds(geojson),
    points,
    width=520 if level == "kabupaten_kota" else 1000,
)
if level == "kabupaten_kota":
    map_column, tile_column = st.columns([3, 2], gap="large")
else:
    map_column, tile_column = st.container(), None
with map_column:
    st.plotly_chart(
        figure,
        key="peta_map",
        on_select=lambda: on_click("peta_map"),
        selection_mode="points",
        config={"displayModeBar": False, "scrollZoom": True},
    )
if tile_column is not None:
    with tile_column:
        st.markdown(f"**{t('map_tiles_title', lang)}**")
        tile_colours = {i: c for i, (_, c) in enumerate(class_list)} | {-1: NO_DATA}
        texts = {row.code: fmt(row.value) for row in values.itertuples()}
        dark = {i for i in range(len(class_list)) if len(class_list) > 2 and i >= len(class_list) - 2}
        st.plotly_chart(
            maps.tile_grid(values, tile_colours, texts, dark),
            key="peta_tiles",
            on_select=lambda: on_click("peta_tiles"),
            selection_mode="points",
            config={"displayModeBar": False},
        )
unplaced = data.unplaced_budget(filters, scope, level, parent)
if unplaced:
    place = region_by_code(parent).name if parent else t("map_breadcrumb_top", lang)
    st.caption(t("map_unplaced", lang, amount=formatting.money(unplaced, lang), place=place))
if level == "kabupaten_kota" and "population_year" in values:
    unverified = values.loc[~values["population_verified"].fillna(True).astype(bool), "name"].tolist()
    st.caption(
        t(
            "map_population_note",
            lang,
            year=int(values["population_year"].max()),
            unverified=f" (⚠ {', '.join(unverified)}: {t('unverified', lang)})" if unverified else "",
        )
    )
source_caption(status, lang)

st.subheader(t("map_ranked", lang))
ranked = values.sort_values(["rank", "name"], na_position="last")
table = pd.DataFrame(
    {
        t("col_rank", lang): ranked["rank"].map(lambda r: "" if pd.isna(r) else int(r)),
        t("col_place", lang): ranked["name"],
        t("col_code", lang): ranked["code"],
        t(f"metric_{metric_key}", lang): ranked["value"].map(fmt),
        t("hover_ppks", lang): ranked["ppks"].map(lambda v: "" if pd.isna(v) else formatting.number(v, lang)),
        t("kpi_budget", lang): ranked["budget"].map(lambda v: "" if pd.isna(v) else formatting.money_exact(v, lang)),
        t("kpi_programs", lang): ranked["programs"].map(lambda v: "" if pd.isna(v) else formatting.number(v, lang)),
    }
)
st.dataframe(table, hide_index=True)
downloads = st.columns(4)
name = f"peta_{metric_key}_{filters.year}_{parent or '64'}"
downloads[0].download_button(
    t("map_download_csv", lang), csv_bytes(table), f"{name}.csv", "text/csv", icon=":material/download:"
)
downloads[1].download_button(
    t("map_download_xlsx", lang),
    xlsx_bytes(table, metric_key),
    f"{name}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
)
source_caption(status, lang)

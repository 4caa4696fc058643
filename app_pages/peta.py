"""Peta (Map): need, funding and coverage by kabupaten/kota, down to kecamatan and desa/kelurahan.
A click on a region selects it in the shared filter (and the URL); the map then shows its parts."""

from dataclasses import replace
from functools import partial

import streamlit as st

from common.exports import csv_bytes, xlsx_bytes
from common.i18n import t
from common.text import inert_markdown
from data_loaders.geo import boundaries, bounds
from data_loaders.regions import children_of, kabupaten_kota, region_by_code
from domain import charts, map_metrics, maps
from ui import data, downloads, shell, tables
from ui.components import empty_state, public_note, source_caption
from ui.region_map import region_map
from ui.shell import ALL

view = shell.view()
lang, filters = view.lang, view.filters
status = shell.status()
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
level = map_metrics.CHILD_LEVEL[None if parent is None else region_by_code(parent).level]
area_map = data.read(map_metrics.areas, filters, level, parent)

available, with_data = area_map.metrics(), area_map.metrics_with_data()
metric_key = top_row[0].selectbox(
    t("map_metric", lang),
    available,
    index=available.index(with_data[0]) if with_data else 0,
    format_func=lambda k: maps.metric_label(k, lang),
    key="metrik",
    bind="query-params",
)
show_points = top_row[2].toggle(t("map_points", lang), key="lokasi", bind="query-params")


def go_to(kabkota: str | None, kecamatan_code: str | None = None) -> None:
    """Breadcrumb and click targets: set the shared filter and the page's kecamatan (then it reruns)."""
    st.session_state["wilayah"] = kabkota or ALL
    st.session_state["kecamatan"] = kecamatan_code or ALL


def on_click(key: str) -> None:
    if target := maps.click_target(maps.selected_region(st.session_state.get(key))):
        go_to(*target)


title.title(t("map_title", lang, metric=maps.metric_label(metric_key, lang), year=filters.year))
crumbs = st.columns([1, 1, 1, 3])
crumbs[0].button(
    t("map_breadcrumb_top", lang),
    on_click=go_to,
    args=(None,),
    type="tertiary",
    icon=":material/public:",
    disabled=kab is None,
)
if kab:
    crumbs[1].button(
        f"› {region_by_code(kab).name}",
        on_click=go_to,
        args=(kab,),
        type="tertiary",
        disabled=kecamatan is None,
    )
if kecamatan:
    crumbs[2].button(f"› {region_by_code(kecamatan).name}", type="tertiary", disabled=True)
hint = "map_click_hint" if level != "desa_kelurahan" else "map_desa_hint"
st.caption(inert_markdown(shell.view_summary(filters, lang) + " · " + t(hint, lang)))

shown = maps.layer(area_map, metric_key, lang)
points = maps.point_layer(data.read(map_metrics.program_points, filters, parent), lang) if show_points else None
if top := shown.top():
    st.subheader(inert_markdown(t("map_top", lang, name=top[0], value=top[1])))
else:
    labels = ", ".join(maps.metric_label(k, lang) for k in with_data) or "–"
    empty_state(t("map_all_missing", lang, measures=labels))

geojson = boundaries(level, parent)
figure = maps.choropleth(  # not kept (ui.data.figure): its boundaries would be pickled for the key every rerun
    geojson,
    shown.values,
    list(shown.classes),
    t("map_no_data", lang),
    bounds(geojson),
    points,
    width=520 if level == "kabupaten_kota" else 1000,
)
# The map sits in the first of a row of columns at every level, so the page keeps its frame (and the
# MapLibre map in it) when a click goes to the next level (ui/region_map.py).
map_column, *tile_columns = st.columns([3, 2] if level == "kabupaten_kota" else [1], gap="large")
with map_column:
    zoom = charts.CONFIG | {"scrollZoom": True, "responsive": True}
    region_map(figure, zoom, key="peta_map", on_click=partial(on_click, "peta_map"))
for tile_column in tile_columns:
    with tile_column:
        st.markdown(f"**{t('map_tiles_title', lang)}**")
        tiles = data.figure(maps.tile_grid, shown.values, shown.colours, shown.texts, shown.dark)
        on_tile = partial(on_click, "peta_tiles")
        st.plotly_chart(tiles, key="peta_tiles", on_select=on_tile, selection_mode="points", config=charts.CONFIG)
if level == "kabupaten_kota":  # what a click opens next: each kab/kota's kecamatan, computed meanwhile
    codes = [region.code for region in kabupaten_kota()]
    data.prefetch(map_metrics.areas, [(replace(filters, kabkota=code), "kecamatan", code) for code in codes])
for line in maps.notes(area_map, metric_key, lang):
    st.caption(inert_markdown(line))
public_note(view)
source_caption(status, lang)

st.subheader(t("map_ranked", lang))
table, formats = maps.ranking(area_map, shown, lang)
tables.show(table, formats, lang)
# The ranked table as shown (aggregates of areas): a download for every role, each one audited.
places = st.columns(4)
name = f"peta_{metric_key}_{filters.year}_{parent or '64'}"
xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
made = (partial(csv_bytes, table), partial(xlsx_bytes, table, metric_key, formats))  # made when clicked
files = (("csv", made[0], "text/csv"), ("xlsx", made[1], xlsx))
for place, (ext, content, mime) in zip(places[:2], files, strict=True):
    label = t(f"map_download_{ext}", lang)
    downloads.button(label, content, f"{name}.{ext}", mime, what="map_ranking", rows=len(table), container=place)
source_caption(status, lang)

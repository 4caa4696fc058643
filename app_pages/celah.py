"""Celah & Tumpang Tindih (Gaps & overlaps): need against reach by kabupaten/kota × PPKS category,
the flags and their reasons, the coordination agenda, and people listed in more than one program."""

import pandas as pd
import streamlit as st

from common import formatting
from common.colors import CLASS_COLORS, NO_DATA
from common.i18n import t
from data_loaders.problems import ValueProblem
from data_loaders.regions import region_by_code
from domain.gaps import Thresholds, agenda, explain, flag, recommend, suppress
from domain import charts
from ui import data, shell
from ui.components import empty_state, kpi, source_caption

view = shell.view()
lang, filters, scope = view.lang, view.filters, view.scope
status = data.status()

shell.page_header(t("gaps_title", lang, year=filters.year), view)

with st.expander(t("gaps_settings", lang)):
    columns = st.columns(4)
    defaults = Thresholds()
    gap_pct = columns[0].number_input(
        t("gaps_gap_threshold", lang),
        0,
        100,
        int(defaults.gap_coverage * 100),
        5,
        key="ambang_celah",
        bind="query-params",
    )
    overlap_pct = columns[1].number_input(
        t("gaps_overlap_threshold", lang),
        50,
        500,
        int(defaults.overlap_coverage * 100),
        10,
        key="ambang_tumpang",
        bind="query-params",
    )
    min_need = columns[2].number_input(
        t("gaps_min_need", lang), 0, 10_000, defaults.min_need, 10, key="ambang_min", bind="query-params"
    )
    hide_below = columns[3].number_input(t("gaps_suppress", lang), 1, 50, 5, 1, key="sembunyi", bind="query-params")
    st.caption(t("gaps_note", lang))
thresholds = Thresholds(gap_pct / 100, overlap_pct / 100, int(min_need))

flagged = flag(data.area_category(filters, scope), thresholds)
if filters.kabkota:
    st.caption(t("gaps_kecamatan_note", lang, region=region_by_code(filters.kabkota).name))
people = data.people_overlaps(filters.year, scope)
province = people.iloc[-1]

cards = st.columns(4)
with cards[0]:
    kpi(t("kpi_gaps", lang), formatting.number(int(flagged["gap"].sum()), lang), t("kpi_gaps_help", lang))
with cards[1]:
    kpi(t("kpi_overlaps", lang), formatting.number(int(flagged["overlap"].sum()), lang), t("kpi_overlaps_help", lang))
with cards[2]:
    kpi(t("kpi_unmet", lang), formatting.number(flagged["unmet"].sum(), lang), t("kpi_unmet_help", lang))
with cards[3]:
    kpi(t("kpi_multi", lang), formatting.number(province["penerima_multi_program"], lang), t("kpi_multi_help", lang))

st.subheader(t("agenda_title", lang))
items = agenda(flagged)
if items.empty:
    empty_state(t("agenda_none", lang))
else:
    # A static table wraps the long explanations (and, like every table here, never renders HTML).
    st.table(
        pd.DataFrame(
            {
                t("col_kind_flag", lang): [t(f"flag_{kind}", lang) for kind in items["kind"]],
                t("col_explanation", lang): [explain(row, lang) for _, row in items.iterrows()],
            },
            index=range(1, len(items) + 1),
        )
    )
source_caption(status, lang)

shown = flagged[flagged["need"] > 0].assign(
    kind=lambda f: f["gap"].map({True: "gap", False: "none"}).where(~f["overlap"], "overlap")
)
left, right = st.columns([1, 1], gap="large")
with left:
    st.subheader(t("quadrant_title", lang))
    plotted = shown[shown["per_person"] > 0]
    if plotted.empty:
        empty_state(t("agenda_none", lang))
    else:
        labels = {kind: t(f"flag_{kind}", lang) for kind in ("gap", "overlap", "none")}
        colours = {"gap": CLASS_COLORS["need"][3], "overlap": CLASS_COLORS["coverage"][3], "none": NO_DATA}
        st.plotly_chart(charts.quadrant(plotted, lang, labels, colours), config={"displayModeBar": False})
        st.caption(t("quadrant_note", lang))
with right:
    st.subheader(t("heat_title", lang))
    top = shown.groupby("category_name")["need"].sum().nlargest(10).index
    cells = flagged[flagged["category_name"].isin(top)].copy()

    def cell(row: pd.Series) -> str:
        if row["need"] <= 0:
            return "–"
        mark = " ✕" if row["gap"] else (" !" if row["overlap"] else "")
        return formatting.percent(row["coverage"] if pd.notna(row["coverage"]) else 0.0, lang, 0) + mark

    if cells.empty:
        empty_state(t("agenda_none", lang))
    else:
        cells["cell"] = cells.apply(cell, axis=1)
        heat = cells.pivot_table(index="region", columns="category_name", values="cell", aggfunc="first")
        heat = heat.reindex(columns=list(top)).fillna("–").rename_axis(index=t("col_place", lang), columns=None)
        st.dataframe(heat, height=420)
        st.caption(t("heat_note", lang))
source_caption(status, lang)

st.subheader(t("people_overlap_title", lang))
if province["penerima"] == 0:
    empty_state(t("no_beneficiaries", lang))
else:
    threshold = int(hide_below)
    st.dataframe(
        {
            t("col_place", lang): people["nama"],
            t("col_people", lang): [suppress(v, threshold, lang) for v in people["penerima"]],
            t("col_multi_program", lang): [suppress(v, threshold, lang) for v in people["penerima_multi_program"]],
            t("col_cross_source", lang): [suppress(v, threshold, lang) for v in people["penerima_lintas_sumber"]],
            t("col_same_kind", lang): [suppress(v, threshold, lang) for v in people["penerima_bantuan_sejenis_ganda"]],
        },
        hide_index=True,
    )
    pairs = data.source_pairs(filters.year, scope)
    if not pairs.empty:
        st.markdown(f"**{t('pairs_title', lang)}**")
        st.dataframe(
            {
                t("col_pair", lang): pairs["source_a"] + " × " + pairs["source_b"],
                t("col_people", lang): [suppress(v, threshold, lang) for v in pairs["people"]],
            },
            hide_index=True,
        )
    st.caption(t("people_overlap_note", lang, threshold=threshold))
source_caption(status, lang)

# --- recommendations for CSR partners -----------------------------------------------------------
st.subheader(t("recommend_title", lang))
budget = st.number_input(
    t("recommend_budget", lang), min_value=0, value=1_000_000_000, step=100_000_000, key="anggaran_csr"
)
advice = recommend(flagged, float(budget))
if advice.empty:
    empty_state(t("recommend_none", lang))
else:
    st.dataframe(
        {
            t("col_place", lang): advice["region"],
            t("filter_ppks", lang): advice["category_name"],
            t("col_unmet", lang): [formatting.number(v, lang) for v in advice["unmet"]],
            t("col_unit_cost", lang): [formatting.money_exact(v, lang) for v in advice["unit_cost"]],
            t("col_amount", lang): [formatting.money_exact(v, lang) for v in advice["amount"]],
            t("col_people_covered", lang): [formatting.number(v, lang) for v in advice["people"]],
            t("col_closes", lang): [t("yes", lang) if v else t("no", lang) for v in advice["closes"]],
        },
        hide_index=True,
    )
st.caption(t("recommend_note", lang))
source_caption(status, lang)

# --- more on people: program pairs, on-target shares, a partner's own list ----------------------
if province["penerima"]:
    threshold = int(hide_below)
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown(f"**{t('program_pairs_title', lang)}**")
        pairs = data.people_detail("pairs", filters.year, scope)
        st.dataframe(
            {
                t("col_pair", lang): pairs["program_a"] + " × " + pairs["program_b"],
                t("col_people", lang): [suppress(v, threshold, lang) for v in pairs["people"]],
            },
            hide_index=True,
        )
    with right:
        st.markdown(f"**{t('targeting_title', lang)}**")
        shares = pd.concat(
            [data.people_detail("source", filters.year, scope), data.people_detail("program", filters.year, scope)]
        )
        st.dataframe(
            {
                t("col_name_program_source", lang): shares["name"],
                t("col_listed", lang): [suppress(v, threshold, lang) for v in shares["listed"]],
                t("col_poorest", lang): [formatting.percent(v, lang) for v in shares["share_poorest"]],
            },
            hide_index=True,
        )
        st.caption(
            t(
                "targeting_note",
                lang,
                count=formatting.number(data.people_detail("left_out", filters.year, scope), lang),
            )
        )

st.subheader(t("check_title", lang))
st.caption(t("check_intro", lang))
own_list = st.file_uploader(t("check_upload", lang), type=["csv"], key="daftar_mitra")
if own_list is not None:
    try:
        found, people_found, total = data.check_list(own_list.getvalue(), filters.year, scope)
    except ValueProblem as problem:
        st.error(t("check_bad", lang, detail=t(problem.key, lang, **problem.values)))
    except ValueError:  # not a CSV at all
        st.error(t("check_bad", lang, detail=""))
    else:
        threshold = int(hide_below)
        st.info(
            t(
                "check_result",
                lang,
                found=suppress(people_found, threshold, lang),
                total=formatting.number(total, lang),
                year=filters.year,
            )
        )
        if not found.empty:
            st.dataframe(
                {
                    t("col_place", lang): found["region"],
                    t("col_assistance", lang): found["assistance"],
                    t("col_people", lang): [suppress(v, threshold, lang) for v in found["people"]],
                },
                hide_index=True,
            )

"""Data referensi (Reference data): region codes in both systems, population and poverty with
their sources and verification state, the 26 PPKS categories, and what the store holds."""

import streamlit as st

from common import formatting
from common.i18n import t
from data_loaders.regions import kabkota_facts
from ui import data, shell

view = shell.view()
lang = view.lang

st.title(t("reference_title", lang))
st.caption(t("reference_intro", lang))

st.subheader(t("regions_heading", lang))
facts = kabkota_facts()
unverified: list[str] = []


def fact_text(value: float | None, unverified_fact: bool, label: str, decimals: int = 0) -> str:
    if value is None:
        return t("not_available", lang)
    text = formatting.number(value, lang, decimals)
    if unverified_fact:
        unverified.append(label)
        return f"{text} ⚠"
    return text


pop_year = facts[0].population_latest_year
poverty_year = facts[0].poverty_year
rows = {
    t("col_code_kemendagri", lang): [f.code for f in facts],
    t("col_code_bps", lang): [f.bps_code for f in facts],
    t("col_name", lang): [f.name for f in facts],
    t("col_kind", lang): [f.kind for f in facts],
    t("col_capital", lang): [f.capital for f in facts],
    t("col_area", lang): [formatting.number(f.area_km2, lang, 1) for f in facts],
    t("col_kecamatan", lang): [f.kecamatan_count for f in facts],
    t("col_population", lang, year=2020): [
        fact_text(f.population_2020, f.is_unverified("pop 2020"), f"{f.name}, {t('col_population', lang, year=2020)}")
        for f in facts
    ],
    t("col_population", lang, year=pop_year): [
        fact_text(f.population_latest, f.is_unverified("pop 2023"), f.name) for f in facts
    ],
    t("col_poverty_rate", lang, year=poverty_year): [
        fact_text(f.poverty_rate_pct, f.is_unverified("poverty"), f.name, 2) for f in facts
    ],
    t("col_poor_people", lang, year=poverty_year): [
        fact_text(
            None if f.poor_people_thousand is None else f.poor_people_thousand * 1000,
            f.is_unverified("poverty"),
            f.name,
        )
        for f in facts
    ],
}
st.dataframe(rows, hide_index=True)
if unverified:
    st.caption(t("unverified_note", lang, items="; ".join(unverified)))
st.caption(t("codes_note", lang))
st.caption(t("regions_source", lang))
with st.expander(t("row_sources", lang)):
    st.dataframe(
        {t("col_name", lang): [f.name for f in facts], t("row_sources", lang): [f.sources for f in facts]},
        hide_index=True,
    )

left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("ppks_heading", lang))
    categories = data.table("SELECT id, name, abbreviation, abbreviation_official FROM ppks_categories ORDER BY id")
    st.dataframe(
        {
            t("col_number", lang): categories["id"],
            t("col_category", lang): categories["name"],
            t("col_abbreviation", lang): [
                "" if abbr is None else (abbr if official else f"{abbr} †")
                for abbr, official in zip(categories["abbreviation"], categories["abbreviation_official"], strict=True)
            ],
        },
        hide_index=True,
        height=420,
    )
    st.caption(t("ppks_source", lang))
with right:
    st.subheader(t("store_heading", lang))
    counts = data.table_counts()
    st.dataframe(
        {
            t("col_table", lang): list(counts),
            t("col_rows", lang): [formatting.number(v, lang) for v in counts.values()],
        },
        hide_index=True,
    )
    st.subheader(t("imports_heading", lang))
    imports = data.table("SELECT file_name, kind, imported_at, is_sample FROM imports ORDER BY id DESC")
    st.dataframe(
        {
            t("col_file", lang): imports["file_name"],
            t("col_kind_import", lang): imports["kind"],
            t("col_imported_at", lang): [formatting.date(v, lang) for v in imports["imported_at"]],
            t("col_sample", lang): [t("yes", lang) if v else t("no", lang) for v in imports["is_sample"]],
        },
        hide_index=True,
    )
    st.subheader(t("boundaries_heading", lang))
    st.caption(t("boundaries_note", lang))

"""Data referensi (Reference data): region codes in both systems, population and poverty with
their sources and verification state, the 26 PPKS categories, and what the store holds. The
figures come from domain/reference.py; this page only draws."""

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t, value
from domain import reference
from domain.filters import Scope
from ui import data, shell, tables
from ui.components import hidden_section

view = shell.view()
lang = view.lang

st.title(t("reference_title", lang))
st.caption(t("reference_intro", lang))


def flagged(values: pd.Series, unverified: pd.Series, decimals: int = 0) -> list[str]:
    """A fact as text with ⚠ where the source marks it unverified; a missing fact in words."""
    return [
        t("not_available", lang) if pd.isna(v) else formatting.number(v, lang, decimals) + (" ⚠" if doubt else "")
        for v, doubt in zip(values, unverified, strict=True)
    ]


st.subheader(t("regions_heading", lang))
facts = reference.region_facts()
rows = facts.table
population_2020 = t("col_population", lang, year=2020)
columns = {
    t("col_code_kemendagri", lang): rows["code"],
    t("col_code_bps", lang): rows["bps_code"],
    t("col_name", lang): rows["name"],
    t("col_kind", lang): [value("kind", kind, lang) for kind in rows["kind"]],
    t("col_capital", lang): rows["capital"],
    t("col_area", lang): rows["area_km2"],
    t("col_kecamatan", lang): rows["kecamatan"],
    population_2020: flagged(rows["population_2020"], rows["population_2020_unverified"]),
    t("col_population", lang, year=facts.population_year): flagged(
        rows["population_latest"], rows["population_latest_unverified"]
    ),
    t("col_poverty_rate", lang, year=facts.poverty_year): flagged(rows["poverty_rate"], rows["poverty_unverified"], 2),
    t("col_poor_people", lang, year=facts.poverty_year): flagged(rows["poor_people"], rows["poverty_unverified"]),
}
tables.show(pd.DataFrame(columns), {t("col_area", lang): "decimal", t("col_kecamatan", lang): "number"}, lang)
unverified = [f"{name}, {population_2020}" if fact == "population_2020" else name for name, fact in facts.unverified]
if unverified:
    st.caption(t("unverified_note", lang, items="; ".join(unverified)))
st.caption(t("codes_note", lang))
st.caption(t("regions_source", lang))
with st.expander(t("row_sources", lang)):
    tables.show(pd.DataFrame({t("col_name", lang): rows["name"], t("row_sources", lang): rows["sources"]}), {}, lang)

left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("ppks_heading", lang))
    categories = data.read(reference.categories).table
    abbreviations = [
        None if pd.isna(abbr) else (abbr if official else f"{abbr} †")
        for abbr, official in zip(categories["abbreviation"], categories["abbreviation_official"], strict=True)
    ]
    frame = pd.DataFrame(
        {
            t("col_number", lang): categories["id"],
            t("col_category", lang): [value("ppks", int(i), lang) for i in categories["id"]],
            t("col_abbreviation", lang): abbreviations,
        }
    )
    tables.show(frame, {}, lang, height=420)  # numbers 1–26 need no thousands separator
    st.caption(t("ppks_source", lang))
with right:
    st.subheader(t("store_heading", lang))
    if view.scope == Scope():  # rows of every table, whatever their place or owner: the full view only
        counts = data.table_counts()
        frame = pd.DataFrame({t("col_table", lang): list(counts), t("col_rows", lang): list(counts.values())})
        tables.show(frame, {t("col_rows", lang): "number"}, lang)
    else:
        hidden_section(view)
    st.subheader(t("imports_heading", lang))
    imports = data.read(reference.imports).table
    frame = pd.DataFrame(
        {
            t("col_file", lang): imports["file_name"],
            t("col_kind_import", lang): [value("kind", kind, lang) for kind in imports["kind"]],
            t("col_imported_at", lang): [formatting.date(v, lang) for v in imports["imported_at"]],
            t("col_sample", lang): [t("yes", lang) if v else t("no", lang) for v in imports["is_sample"]],
        }
    )
    tables.show(frame, {}, lang)
    st.subheader(t("boundaries_heading", lang))
    st.caption(t("boundaries_note", lang))

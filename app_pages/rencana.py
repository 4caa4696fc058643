"""Rencana tahun depan (next year's plan): proposed programs and adopted catalogue items of the coming
year against the gaps of the latest year with need figures — covered, uncovered and possible
overlaps. The rules are in domain/planning.py."""

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t, value
from common.text import inert_markdown
from domain import planning
from ui import data, shell, tables
from ui.components import empty_state, kpi

view = shell.view()
lang, filters = view.lang, view.filters
shell.page_header(t("page_planning", lang), view)
plan = data.read(planning.plan, filters)
st.markdown(inert_markdown(plan.summary(lang)))
if plan.year is None:
    st.stop()
st.caption(t("plan_rule", lang, year=plan.year, base=plan.base_year))

cards = [
    ("plan_kpi_gaps", plan.gaps),
    ("plan_kpi_covered", plan.covered),
    ("plan_kpi_uncovered", plan.uncovered),
    ("plan_kpi_double", plan.doubles),
]
for column, (key, count) in zip(st.columns(4), cards, strict=True):
    with column:
        kpi(t(key, lang), formatting.number(count, lang), t(f"{key}_help", lang, year=plan.year, base=plan.base_year))


def ppks(category: object) -> str:
    return "–" if pd.isna(category) else value("ppks", int(category), lang)


def state(row: pd.Series) -> str:
    if row["gap"]:
        return t("plan_state_covered" if row["covered"] else "plan_state_uncovered", lang)
    return t("plan_state_no_gap", lang)


cells = plan.cells
if cells.empty:
    empty_state(t("plan_no_cells", lang, year=plan.year, base=plan.base_year))
else:
    st.subheader(t("plan_cells_heading", lang))
    frame = pd.DataFrame(
        {
            t("col_place", lang): cells["area_name"],
            t("filter_ppks", lang): [ppks(c) for c in cells["ppks_category_id"]],
            t("plan_col_state", lang): [state(row) for _, row in cells.iterrows()],
            t("plan_col_unmet", lang): cells["unmet"].astype(float),
            t("cat_col_unit", lang): [value("unit", u, lang) if isinstance(u, str) else "–" for u in cells["unit"]],
            t("plan_col_proposals", lang): cells["proposals"].astype(int),
            t("plan_col_proposal_budget", lang): cells["proposal_budget"].astype(float),
            t("plan_col_adoptions", lang): cells["adoptions"].astype(int),
            t("plan_col_adopted", lang): cells["adopted"].astype(float),
            t("plan_col_double", lang): [t("plan_double_mark", lang) if d else "" for d in cells["double"]],
        }
    )
    formats = {
        t("plan_col_unmet", lang): "number",
        t("plan_col_proposals", lang): "number",
        t("plan_col_proposal_budget", lang): "money",
        t("plan_col_adoptions", lang): "number",
        t("plan_col_adopted", lang): "money",
    }
    tables.show(frame, formats, lang, key="plan_cells")
    st.caption(t("plan_money_note", lang))

left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("plan_proposals_heading", lang, year=plan.year))
    proposals = plan.proposals
    if proposals.empty:
        empty_state(t("plan_no_proposals", lang, year=plan.year))
    else:
        tables.show(
            pd.DataFrame(
                {
                    t("col_program", lang): proposals["program_name"],
                    t("col_implementer", lang): proposals["implementer"],
                    t("col_place", lang): proposals["area_name"],
                    t("filter_ppks", lang): [ppks(c) for c in proposals["ppks_category_id"]],
                    t("col_source", lang): [
                        ", ".join(value("source", s, lang) for s in str(codes).split(", "))
                        for codes in proposals["funding_source"]
                    ],
                    t("col_budget", lang): proposals["budget"].astype(float),
                }
            ),
            {t("col_budget", lang): "money"},
            lang,
            key="plan_proposals",
        )
with right:
    st.subheader(t("plan_adoptions_heading", lang, year=plan.year))
    adoptions = plan.adoptions
    if adoptions.empty:
        empty_state(t("plan_no_adoptions", lang, year=plan.year))
    else:
        tables.show(
            pd.DataFrame(
                {
                    t("cat_col_item", lang): [
                        f"#{int(i)} · {title}"
                        for i, title in zip(adoptions["item_id"], adoptions["title"], strict=True)
                    ],
                    t("col_place", lang): adoptions["area_name"],
                    t("filter_ppks", lang): [ppks(c) for c in adoptions["ppks_category_id"]],
                    t("cat_col_partner", lang): adoptions["partner_name"],
                    t("cat_col_amount", lang): adoptions["amount"].astype(float),
                    t("cat_col_status", lang): [value("status", s, lang) for s in adoptions["status"]],
                    t("plan_col_counted", lang): [t("yes" if c else "plan_linked", lang) for c in adoptions["counted"]],
                }
            ),
            {t("cat_col_amount", lang): "money"},
            lang,
            key="plan_adoptions",
        )

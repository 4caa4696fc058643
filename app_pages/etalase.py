"""Etalase Program (catalogue of priority needs), in tabs of which only the open one runs: published
items with what is adopted and still open, for everyone; drafts from the gap engine and item
management for Dinas Sosial; adoption for partners. Rules and refusals live in
data_loaders/catalogue.py and domain/catalogue.py."""

from functools import partial

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t, value
from common.text import inert_markdown
from data_loaders import catalogue as writes
from data_loaders import roles, users
from domain import catalogue
from ui import catalogue_views as views
from ui import data, shell
from ui.components import empty_state, kpi, lazy_tabs

view = shell.view()
lang, filters, access = view.lang, view.filters, view.access
shell.page_header(t("page_catalogue", lang), view)
st.caption(t("cat_intro", lang))
views.notice()

shown = data.read(catalogue.catalogue, filters)
items = shown.items
published = items[items["status"] == "terbit"]
totals = shown.totals()
for column, (key, figure) in zip(
    st.columns(4),
    [
        ("cat_kpi_items", formatting.number(len(published), lang)),
        ("cat_kpi_amount", formatting.money(totals["amount"], lang)),
        ("cat_kpi_funded", formatting.money(totals["funded"], lang)),
        ("cat_kpi_open", formatting.money(totals["open"], lang)),
    ],
    strict=True,
):
    with column:
        kpi(t(key, lang), figure, t(f"{key}_help", lang))


def published_tab() -> None:
    if published.empty:
        empty_state(t("cat_none_published", lang))
    else:
        views.show_items(published, lang, key="cat_items_table")
        views.export_button(shown, lang)
    st.caption(t("cat_rule_note", lang))


def drafts_tab() -> None:
    drafted = data.read(catalogue.drafts, filters)
    if drafted.year is None or drafted.table.empty:
        empty_state(t("cat_no_drafts", lang, year=filters.year))
    else:
        st.caption(t("cat_drafts_note", lang, gap_year=drafted.gap_year, year=drafted.year))
        views.show_drafts(drafted, lang)
        table = drafted.table
        labels = {i: f"{r.area_name} · {value('ppks', int(r.ppks_category_id), lang)}" for i, r in table.iterrows()}
        chosen = st.selectbox(t("cat_pick_draft", lang), list(labels), format_func=labels.get, key="cat_draft",
                          bind="query-params")  # fmt: skip
        row = table.loc[chosen]
        st.caption(inert_markdown(drafted.basis(row, lang)))
        with st.form("cat_create", border=False):
            title = st.text_input(t("cat_col_title", lang), row["title"], max_chars=200, key="cat_create_title")
            cost = 0 if pd.isna(row["unit_cost"]) else int(row["unit_cost"])
            unit_cost = st.number_input(t("cat_col_unit_cost", lang), 0, None, cost, 1000, key="cat_create_cost")
            create = st.form_submit_button(t("cat_create_button", lang), type="primary")
        if create:
            by_draft = cost and int(unit_cost) == cost
            views.change(
                lambda store: writes.create_item(
                    store, access, year=drafted.year, region_code=row["area_code"],
                    ppks_category_id=int(row["ppks_category_id"]), assistance_type=row["assistance_type"],
                    title=title, quantity=float(row["quantity"]), unit=row["unit"], unit_cost=int(unit_cost),
                    basis={"id": drafted.basis(row, "id"), "en": drafted.basis(row, "en")} if by_draft else None,
                ),
                t("cat_created", lang),
                lang,
            )  # fmt: skip


def adopt_tab() -> None:
    adoptable = published[published["open"] > 0]
    if adoptable.empty:
        empty_state(t("cat_none_open", lang))
    else:
        labels = {int(r["id"]): views.item_label(r, lang) for _, r in adoptable.iterrows()}
        item_id = st.selectbox(t("cat_pick_item", lang), list(labels), format_func=labels.get, key="cat_adopt_item")
        open_amount = int(adoptable.set_index("id").loc[item_id, "open"])
        partner = access.partner_id
        if access.role != "mitra":
            partners = users.partners(data.store())
            partner = st.selectbox(
                t("cat_col_partner", lang), list(partners), format_func=partners.get, key="cat_adopt_partner"
            )
        with st.form("cat_adopt", border=False):
            amount = st.number_input(
                t("cat_adopt_amount", lang), 0, None, open_amount, 1_000_000, key="cat_adopt_amount"
            )
            st.caption(t("cat_adopt_note", lang, open=formatting.money_exact(open_amount, lang)))
            adopt = st.form_submit_button(t("cat_adopt_button", lang), type="primary")
        if adopt:
            views.change(
                lambda store: writes.adopt(store, access, item_id, int(amount), partner), t("cat_adopted", lang), lang
            )

    views.mine_panel(shown.adoptions, access, lang)


drawn = {"cat_published_heading": published_tab, "cat_tab_drafts": drafts_tab, "cat_adopt_heading": adopt_tab}
drawn["cat_tab_manage"] = partial(views.manage_panel, items, access, lang)
needs = {
    "cat_tab_drafts": roles.CATALOGUE_EDIT,
    "cat_tab_manage": roles.CATALOGUE_EDIT,
    "cat_adopt_heading": roles.CATALOGUE_ADOPT,
}
lazy_tabs({key: drawn[key] for key in views.TABS if key not in needs or access.may(needs[key])}, lang)

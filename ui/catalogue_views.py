"""Drawing helpers of the Etalase Program and planning pages (issue 13): tables in the user's
language with numbers kept as numbers, the XLSX export of the items, and one way to run a catalogue
write (data_loaders/catalogue.py checks the role and writes the audit row)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from common import formatting
from common.exports import xlsx_bytes
from common.i18n import t, value
from common.text import inert_markdown
from data_loaders import catalogue as writes
from data_loaders.roles import Access
from data_loaders.store import Store, StoreError
from domain import catalogue
from domain.catalogue import Catalogue, Drafts
from ui import data, downloads, tables
from ui.components import empty_state

# The Etalase page's tabs (translation keys) in order; a role sees those it may use (the first: everyone).
TABS = ("cat_published_heading", "cat_tab_drafts", "cat_tab_manage", "cat_adopt_heading")
_NOTICE = "_catalogue_notice"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def change(write: Callable[[Store], object], done: str, lang: str) -> None:
    """Run one catalogue write in a short write session. On success the page reruns (so every figure
    shows the write) and says `done`; a refusal is shown in `lang` and nothing is stored."""
    store = data.store()
    try:
        with store.session(write=True):
            write(store)
    except StoreError as error:  # CatalogueError included: the rule that refused, in `lang`
        st.error(inert_markdown(error.message(lang)), icon=":material/error:")
        return
    st.session_state[_NOTICE] = done
    st.rerun()


def notice() -> None:
    """The message of the write made on the previous rerun, once."""
    done = st.session_state.pop(_NOTICE, None)
    if done:
        st.success(inert_markdown(done), icon=":material/check_circle:")


def _ppks(category: object, lang: str) -> str:
    return "–" if pd.isna(category) else value("ppks", int(category), lang)


def item_label(row: pd.Series, lang: str) -> str:
    """'#12 · Kutai Barat · Fakir Miskin · Rp48 jt' for a select box."""
    category = _ppks(row["ppks_category_id"], lang)
    return f"#{int(row['id'])} · {row['region_name']} · {category} · {formatting.money(row['amount'], lang)}"


def items_frame(items: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The items with headers in `lang`; money and quantities stay numbers (for sorting and XLSX)."""
    return pd.DataFrame(
        {
            t("cat_col_id", lang): items["id"].astype(int),
            t("cat_col_year", lang): items["year"].astype(int),
            t("col_place", lang): items["region_name"],
            t("filter_ppks", lang): [_ppks(c, lang) for c in items["ppks_category_id"]],
            t("col_assistance", lang): [value("assistance", a, lang) for a in items["assistance_type"]],
            t("cat_col_title", lang): items["title"],
            t("cat_col_quantity", lang): items["quantity"].astype(float),
            t("cat_col_unit", lang): [value("unit", u, lang) for u in items["unit"]],
            t("cat_col_unit_cost", lang): items["unit_cost"].astype(float),
            t("cat_col_amount", lang): items["amount"].astype(float),
            t("cat_col_funded", lang): items["funded"].astype(float),
            t("cat_col_open", lang): items["open"].astype(float),
            t("cat_col_adopters", lang): items["adopters"],
            t("cat_col_status", lang): [
                f"{value('catstatus', s, lang)} · {t(f'cat_funding_{f}', lang)}"
                for s, f in zip(items["status"], items["funding"], strict=True)
            ],
        }
    )


def _formats(lang: str) -> dict[str, str]:
    money = ("cat_col_unit_cost", "cat_col_amount", "cat_col_funded", "cat_col_open")
    return {t(key, lang): "money" for key in money} | {t("cat_col_quantity", lang): "number"}


def show_items(items: pd.DataFrame, lang: str, **options: object) -> object:
    return tables.show(items_frame(items, lang), _formats(lang), lang, **options)


def export_bytes(catalogue: Catalogue, lang: str) -> tuple[bytes, int]:
    """The published items as an XLSX workbook (money and quantities as numbers, the arithmetic as
    text) and its row count."""
    published = catalogue.items[catalogue.items["status"] == "terbit"]
    frame = items_frame(published, lang)
    frame[t("cat_col_basis", lang)] = [Catalogue.basis(b, lang) for b in published["basis"]]
    return xlsx_bytes(frame, "etalase"), len(frame)


def export_button(catalogue: Catalogue, lang: str) -> None:
    """The XLSX of `export_bytes` for the forum's meeting, downloaded through the audited button."""
    content, rows = export_bytes(catalogue, lang)
    downloads.button(
        t("cat_download", lang), content, "etalase_program.xlsx", XLSX, what="catalogue_items", rows=rows,
        key="cat_download",
    )  # fmt: skip


def show_drafts(drafts: Drafts, lang: str) -> None:
    table = drafts.table
    frame = pd.DataFrame(
        {
            t("col_place", lang): tables.place_names(table, lang),
            t("filter_ppks", lang): [_ppks(c, lang) for c in table["ppks_category_id"]],
            t("col_assistance", lang): [value("assistance", a, lang) for a in table["assistance_type"]],
            t("cat_col_quantity", lang): table["quantity"].astype(float),
            t("cat_col_unit", lang): [value("unit", u, lang) for u in table["unit"]],
            t("cat_col_unit_cost", lang): table["unit_cost"].astype(float),
            t("cat_col_amount", lang): table["amount"].astype(float),
            t("cat_col_in_catalogue", lang): ["–" if pd.isna(i) else f"#{int(i)}" for i in table["item_id"]],
            t("cat_col_basis", lang): [drafts.basis(row, lang) for _, row in table.iterrows()],
        }
    )
    tables.show(frame, _formats(lang), lang, key="cat_drafts_table")


def adoptions_frame(adoptions: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("cat_col_adoption", lang): adoptions["id"].astype(int),
            t("cat_col_item", lang): [
                f"#{int(i)} · {title}" for i, title in zip(adoptions["item_id"], adoptions["item_title"], strict=True)
            ],
            t("cat_col_partner", lang): adoptions["partner_name"],
            t("cat_col_amount", lang): adoptions["amount"].astype(float),
            t("cat_col_status", lang): [value("status", s, lang) for s in adoptions["status"]],
            t("cat_col_program", lang): ["–" if pd.isna(p) else str(p) for p in adoptions["program_name"]],
        }
    )


def show_adoptions(adoptions: pd.DataFrame, lang: str, **options: object) -> object:
    return tables.show(adoptions_frame(adoptions, lang), {t("cat_col_amount", lang): "money"}, lang, **options)


def manage_panel(items: pd.DataFrame, access: Access, lang: str) -> None:
    """Every item in scope, and the edit, publish and withdraw controls of one (CATALOGUE_EDIT)."""
    if items.empty:
        empty_state(t("cat_no_items", lang))
    else:
        show_items(items, lang, key="cat_all_items")
        labels = {int(r["id"]): item_label(r, lang) for _, r in items.iterrows()}
        item_id = st.selectbox(t("cat_pick_item", lang), list(labels), format_func=labels.get, key="cat_item")
        item = items.set_index("id").loc[item_id]
        st.caption(inert_markdown(catalogue.Catalogue.basis(item["basis"], lang)))
        with st.form("cat_edit", border=False):
            left, right = st.columns(2)
            quantity = left.number_input(
                t("cat_col_quantity", lang), 0.0, None, float(item["quantity"]), key="cat_edit_qty"
            )
            unit_cost = right.number_input(
                t("cat_col_unit_cost", lang), 0, None, int(item["unit_cost"]), 1000, key="cat_edit_cost"
            )
            title = st.text_input(t("cat_col_title", lang), item["title"], max_chars=200, key="cat_edit_title")
            save = st.form_submit_button(t("cat_save_button", lang))
        if save:
            change(
                lambda store: writes.edit_item(
                    store, access, item_id, quantity=quantity, unit_cost=int(unit_cost), title=title
                ),
                t("cat_saved", lang),
                lang,
            )  # fmt: skip
        buttons = st.columns(2)
        if buttons[0].button(t("cat_publish_button", lang), key="cat_publish", disabled=item["status"] != "draf"):
            change(lambda store: writes.publish(store, access, item_id), t("cat_published", lang), lang)
        if buttons[1].button(t("cat_withdraw_button", lang), key="cat_withdraw", disabled=item["status"] != "terbit"):
            change(lambda store: writes.withdraw(store, access, item_id), t("cat_withdrawn", lang), lang)


def mine_panel(adoptions: pd.DataFrame, access: Access, lang: str) -> None:
    """The adoptions `access` may manage (its own partner's; an admin every one) with the status
    buttons and the program link."""
    mine = adoptions[[writes.may_manage(access, int(p)) for p in adoptions["partner_id"]]]
    st.subheader(t("cat_mine_heading", lang))
    if mine.empty:
        empty_state(t("cat_no_adoptions", lang))
    else:
        show_adoptions(mine, lang, key="cat_mine_table")
        labels = {
            int(r["id"]): f"#{int(r['id'])} · {r['item_title']} · {value('status', r['status'], lang)}"
            for _, r in mine.iterrows()
        }
        adoption_id = st.selectbox(
            t("cat_pick_adoption", lang), list(labels), format_func=labels.get, key="cat_adoption"
        )
        chosen = mine.set_index("id").loc[adoption_id]
        steps = writes.next_statuses(chosen["status"])
        for column, step in zip(st.columns(max(len(steps), 1)), steps, strict=False):
            if column.button(t("cat_move_button", lang, status=value("status", step, lang)), key=f"cat_move_{step}"):
                change(lambda store, s=step: writes.move(store, access, adoption_id, s), t("cat_moved", lang), lang)
        programs = data.read(catalogue.partner_programs, int(chosen["partner_id"]), int(chosen["year"]))
        if programs and chosen["status"] != "batal":
            program = st.selectbox(
                t("cat_pick_program", lang), list(programs), format_func=programs.get, key="cat_program"
            )
            if st.button(t("cat_link_button", lang), key="cat_link"):
                change(
                    lambda store: writes.link_program(store, access, adoption_id, program), t("cat_linked", lang), lang
                )
        elif chosen["status"] != "batal":
            st.caption(t("cat_no_programs", lang, year=int(chosen["year"])))

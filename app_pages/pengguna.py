"""Pengguna (users, admin only): who may sign in and with which role; add a user, disable or enable
one, reset a password, change a role. The rules and the audit rows live in data_loaders/users.py."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t
from common.text import inert_markdown
from data_loaders import roles, users
from data_loaders.store import Store, StoreError
from domain.reference import kabupaten_kota
from ui import data, shell, tables

shell.require(roles.MANAGE_USERS)
view = shell.view()
lang = view.lang
actor = view.access.username

st.title(t("page_users", lang))
st.caption(t("users_intro", lang))
listing = st.container()  # drawn last, so it shows the changes made on this rerun
regions = data.read(kabupaten_kota).names
partners = users.partners(data.store())


def change(write: Callable[[Store], None], done: str) -> None:
    """Run one user change in a short write session; show `done` or why nothing was changed."""
    store = data.store()
    try:
        with store.session(write=True):
            write(store)
    except StoreError as error:  # users.UserError included: the rule that refused, in `lang`
        st.error(inert_markdown(error.message(lang)), icon=":material/error:")
    else:
        st.success(inert_markdown(done), icon=":material/check_circle:")


def place_fields(role: str, key: str) -> tuple[str | None, int | None, bool]:
    """The kab/kota select of an operator, the partner select of a mitra: (kabkota_code, partner_id,
    ready); `ready` is False for a mitra while no partner is stored."""
    if role == "operator":
        code = st.selectbox(t("users_kabkota", lang), list(regions), format_func=regions.get, key=f"{key}_kabkota")
        return code, None, True
    if role == "mitra":
        if not partners:
            st.info(t("users_no_partners", lang), icon=":material/info:")
            return None, None, False
        partner = st.selectbox(t("users_partner", lang), list(partners), format_func=partners.get, key=f"{key}_partner")
        return None, partner, True
    return None, None, True


def role_select(key: str, index: int = 0) -> str:
    label = t("users_role", lang)
    return st.selectbox(label, users.ROLES, index=index, format_func=lambda r: t(f"role_{r}", lang), key=key)


def passwords(key: str) -> tuple[str, str]:
    new = {"type": "password", "autocomplete": "new-password"}
    first = st.text_input(t("users_password", lang), key=f"{key}_password", **new)
    again = st.text_input(t("users_password_again", lang), key=f"{key}_again", **new)
    st.caption(t("users_password_policy", lang, minimum=users.MIN_PASSWORD_LENGTH))
    return first, again


def stamp(value: object) -> str | None:
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M") if pd.notna(value) else None


def table(listed: pd.DataFrame) -> pd.DataFrame:
    """The users in words, in `lang`: role by name, kab/kota and partner by name; never the hash."""
    columns = {
        "users_col_username": listed["username"],
        "users_col_display_name": listed["display_name"],
        "users_col_role": [t(f"role_{role}", lang) for role in listed["role"]],
        "users_col_kabkota": [regions.get(code) if isinstance(code, str) else None for code in listed["kabkota_code"]],
        "users_col_partner": [partners.get(int(p)) if pd.notna(p) else None for p in listed["partner_id"]],
        "users_col_disabled": [t("yes" if disabled else "no", lang) for disabled in listed["disabled"]],
        "users_col_locked_until": [stamp(v) for v in listed["locked_until"]],
        "users_col_created": [stamp(v) for v in listed["created_at"]],
        "users_col_password_changed": [stamp(v) for v in listed["password_changed_at"]],
    }
    return pd.DataFrame({t(key, lang): list(values) for key, values in columns.items()}, dtype=object)


left, right = st.columns(2, gap="large")
with left, st.container(border=True):
    st.subheader(t("users_add_heading", lang))
    new_role = role_select("users_add_role", index=users.ROLES.index("analis"))
    with st.form("users_add", clear_on_submit=True, border=False):
        username = st.text_input(t("users_username", lang), key="users_add_username", max_chars=64)
        display_name = st.text_input(t("users_display_name", lang), key="users_add_display_name", max_chars=120)
        kabkota, partner, ready = place_fields(new_role, "users_add")
        password, again = passwords("users_add")
        added = st.form_submit_button(t("users_add_button", lang), type="primary", disabled=not ready)
    if added and password != again:
        st.error(t("users_password_mismatch", lang), icon=":material/error:")
    elif added:
        name = username.strip().lower()
        change(
            lambda store: users.add_user(
                store, name, new_role, password, actor, display_name.strip() or None, kabkota, partner
            ),
            t("users_added", lang, username=name, role=t(f"role_{new_role}", lang)),
        )

with right, st.container(border=True):
    st.subheader(t("users_manage_heading", lang))
    names = list(users.list_users(data.store())["username"])
    chosen = st.selectbox(t("users_pick", lang), names, key="users_pick")
    buttons = st.columns(2)
    if buttons[0].button(t("users_disable_button", lang), key="users_disable", icon=":material/person_off:"):
        change(lambda store: users.disable_user(store, chosen, actor), t("users_disabled", lang, username=chosen))
    if buttons[1].button(t("users_enable_button", lang), key="users_enable", icon=":material/person_check:"):
        change(lambda store: users.enable_user(store, chosen, actor), t("users_enabled", lang, username=chosen))

    st.markdown(f"**{t('users_reset_heading', lang)}**")
    with st.form("users_reset", clear_on_submit=True, border=False):
        password, again = passwords("users_reset")
        reset = st.form_submit_button(t("users_reset_button", lang), icon=":material/key:")
    if reset and password != again:
        st.error(t("users_password_mismatch", lang), icon=":material/error:")
    elif reset:
        change(
            lambda store: users.reset_password(store, chosen, password, actor),
            t("users_password_reset", lang, username=chosen),
        )

    st.markdown(f"**{t('users_role_heading', lang)}**")
    role = role_select("users_role")
    kabkota, partner, ready = place_fields(role, "users_role")
    if st.button(t("users_role_button", lang), key="users_role_save", disabled=not ready, icon=":material/badge:"):
        change(
            lambda store: users.change_role(store, chosen, role, actor, kabkota, partner),
            t("users_role_changed", lang, username=chosen, role=t(f"role_{role}", lang)),
        )

with listing:
    listed = users.list_users(data.store())
    st.caption(t("users_count", lang, count=formatting.number(len(listed), lang)))
    tables.show(table(listed), lang=lang)

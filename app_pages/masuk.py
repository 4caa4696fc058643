"""Masuk (sign in) for a visitor: username and password, checked against the store's users; for a
signed-in user, their account: who, which role, and the way back to the overview."""

import streamlit as st

from common.i18n import t
from common.text import inert_markdown
from data_loaders.settings import session_idle_minutes
from data_loaders.users import UserError
from ui import auth, shell

view = shell.view()
lang, access = view.lang, view.access

if access.signed_in:
    st.title(t("page_account", lang))
    if auth.just_signed_in():
        st.success(t("sign_in_done", lang), icon=":material/check_circle:")
    who = access.display_name or access.username
    place = f" · {shell.region_label(access.kabkota_code)}" if access.kabkota_code else ""
    st.text(t("account_who", lang, name=who, role=t(f"role_{access.role}", lang) + place))
    st.caption(t("account_session", lang, minutes=int(session_idle_minutes())))
    st.page_link("app_pages/ringkasan.py", label=t("account_to_overview", lang), icon=":material/dashboard:")
    st.stop()

st.title(t("sign_in_title", lang))
st.caption(t("sign_in_intro", lang))
with st.columns([1, 1])[0]:
    with st.form("sign_in", border=True):
        username = st.text_input(t("sign_in_username", lang), key="sign_in_username", autocomplete="username")
        password = st.text_input(
            t("sign_in_password", lang), type="password", key="sign_in_password", autocomplete="current-password"
        )
        submitted = st.form_submit_button(t("sign_in_button", lang), type="primary", icon=":material/login:")
    if submitted:
        try:
            auth.sign_in(username, password)
        except UserError as error:
            st.error(inert_markdown(error.message(lang)), icon=":material/error:")
        else:
            st.rerun()  # the same page, now the account; the URL's filters and language stay
    if auth.oidc_configured():
        if st.button(t("sign_in_oidc", lang), icon=":material/badge:", key="sign_in_oidc"):
            st.login()
        email = auth.unregistered_email()
        if email:
            st.warning(inert_markdown(t("sign_in_oidc_unregistered", lang, email=email)), icon=":material/person_off:")
            if st.button(t("sign_out_button", lang), key="provider_sign_out"):
                auth.provider_sign_out()
    st.caption(t("sign_in_public_note", lang))

"""Masuk (sign in): username and password, checked against the store's users."""

import streamlit as st

from common.i18n import t
from common.text import inert_markdown
from data_loaders.users import UserError
from ui import auth, shell

view = shell.view()
lang = view.lang

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
            st.switch_page("app_pages/ringkasan.py")
    if auth.oidc_configured():
        if st.button(t("sign_in_oidc", lang), icon=":material/badge:", key="sign_in_oidc"):
            st.login()
        email = auth.unregistered_email()
        if email:
            st.warning(inert_markdown(t("sign_in_oidc_unregistered", lang, email=email)), icon=":material/person_off:")
            if st.button(t("sign_out_button", lang), key="provider_sign_out"):
                auth.provider_sign_out()
    st.caption(t("sign_in_public_note", lang))

"""pengguna (helper is building it)."""

import streamlit as st

from common.i18n import t
from data_loaders import roles
from ui import shell

shell.require(roles.MANAGE_USERS)
st.title(t("page_users", shell.view().lang))

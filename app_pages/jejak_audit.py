"""jejak_audit (helper is building it)."""

import streamlit as st

from common.i18n import t
from data_loaders import roles
from ui import shell

shell.require(roles.READ_AUDIT)
st.title(t("page_audit", shell.view().lang))

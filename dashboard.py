"""Entry point: `streamlit run dashboard.py`. Page config, the shared filters, the navigation."""

from pathlib import Path

import streamlit as st

from common.i18n import t
from data_loaders.store import StoreError
from ui import data, pages, shell

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Sinergi Kesos Kaltim", page_icon=HERE / "assets" / "icon.png", layout="wide")

lang = shell.language()
# Pages live in app_pages/, not pages/: a folder named pages/ next to the entry script switches on
# Streamlit's legacy routing, which runs a page without this script (see README, "Layout").
navigation = st.navigation(pages.navigation(lang))
st.logo(HERE / "assets" / "logo.svg", size="large")
# The rerun holds the store only while it runs (see ui/data.py); a store fault is one message on the
# page, and the next rerun opens the store afresh.
try:
    with st.spinner(t("building_demo", lang)):
        store = data.store()
    with data.session(lang):
        shell.render_sidebar(lang)
        shell.sample_notice(lang)
        if store.read_only:
            st.info(t("store_read_only_notice", lang), icon=":material/lock:")
        navigation.run()
except StoreError as error:
    st.error(error.message(lang), icon=":material/database:")

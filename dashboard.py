"""Entry point: `streamlit run dashboard.py`. Page config, who is signed in, the shared filters, the
navigation of the pages their role may open."""

from pathlib import Path

import streamlit as st

from common.i18n import t
from data_loaders.roles import PUBLIC_ACCESS
from data_loaders.store import StoreError, StoreUnavailableError
from ui import auth, data, pages, shell

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Sinergi Kesos Kaltim", page_icon=HERE / "assets" / "icon.png", layout="wide")

lang = shell.language()
st.logo(HERE / "assets" / "logo.svg", size="large")
# Pages live in app_pages/, not pages/: a folder named pages/ next to the entry script switches on
# Streamlit's legacy routing, which runs a page without this script (see README, "Layout").
navigation = None
# The rerun holds the store only while it runs (see ui/data.py); a store fault is one message on the
# page, and the next rerun opens the store afresh.
try:
    with st.spinner(t("building_demo", lang)):
        store = data.store()
    with data.session(lang):
        access = auth.current()
        # Every page the role may open stays listed: no "View more" fold hides the data or admin pages.
        navigation = st.navigation(pages.navigation(lang, access), expanded=True)
        shell.render_sidebar(lang, access)
        shell.sample_notice(lang)
        if store.read_only:
            st.info(t("store_read_only_notice", lang), icon=":material/lock:")
        navigation.run()
except StoreError as error:
    if navigation is None:  # the public pages stay listed; none runs until the store opens
        st.navigation(pages.navigation(lang, PUBLIC_ACCESS))
    st.error(error.message(lang), icon=":material/database:")
    if isinstance(error, StoreUnavailableError):  # a shared server restarting: back by itself
        data.retry_when_back()
data.freeze_what_lasts()

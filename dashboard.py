"""Entry point: `streamlit run dashboard.py`. Page config, the shared filters, the navigation."""

from pathlib import Path

import streamlit as st

from common.i18n import t
from ui import data, pages, shell

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Sinergi Kesos Kaltim", page_icon=HERE / "assets" / "icon.png", layout="wide")

lang = shell.language()
with st.spinner(t("building_demo", lang)):
    data.store()

# Pages live in app_pages/, not pages/: a folder named pages/ next to the entry script switches on
# Streamlit's legacy routing, which runs a page without this script (see README, "Layout").
navigation = st.navigation(pages.navigation(lang))
st.logo(HERE / "assets" / "logo.svg", size="large")
shell.render_sidebar(lang)
shell.sample_notice(lang)
navigation.run()

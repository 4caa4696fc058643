"""Entry point: `streamlit run dashboard.py`. Page config, the shared filters, the navigation."""

from pathlib import Path

import streamlit as st

from common.i18n import t
from ui import data, shell

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Sinergi Kesos Kaltim", page_icon=HERE / "assets" / "icon.png", layout="wide")

lang = shell.language()
with st.spinner(t("building_demo", lang)):
    data.store()

# Pages live in app_pages/, not pages/: a folder named pages/ next to the entry script switches on
# Streamlit's legacy routing, which runs a page without this script (see README, "Layout").
# Each page's URL is its file stem.
navigation = st.navigation(
    {
        t("nav_monitor", lang): [
            st.Page(
                HERE / "app_pages" / "ringkasan.py",
                title=t("page_overview", lang),
                icon=":material/dashboard:",
                default=True,
            ),
            st.Page(HERE / "app_pages" / "peta.py", title=t("page_map", lang), icon=":material/map:"),
            st.Page(HERE / "app_pages" / "pendanaan.py", title=t("page_funding", lang), icon=":material/payments:"),
        ],
        t("nav_analyse", lang): [
            st.Page(HERE / "app_pages" / "celah.py", title=t("page_gaps", lang), icon=":material/join_inner:"),
            st.Page(HERE / "app_pages" / "evaluasi.py", title=t("page_evaluation", lang), icon=":material/fact_check:"),
        ],
        t("nav_manage", lang): [
            st.Page(HERE / "app_pages" / "kelola_data.py", title=t("page_data", lang), icon=":material/upload_file:"),
        ],
        t("nav_reference", lang): [
            st.Page(HERE / "app_pages" / "referensi.py", title=t("page_reference", lang), icon=":material/menu_book:"),
        ],
    }
)
st.logo(HERE / "assets" / "logo.svg", size="large")
shell.render_sidebar(lang)
shell.sample_notice(lang)
navigation.run()

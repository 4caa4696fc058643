"""Entry point: `streamlit run dashboard.py`. Page config, the shared filters, the navigation."""

from pathlib import Path

import streamlit as st

from common.i18n import t
from ui import data, shell

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Sinergi Kesos Kaltim", page_icon=":material/diversity_3:", layout="wide")

lang = shell.language()
with st.spinner(t("building_demo", lang)):
    data.store()

# Each page's URL is its file stem (no custom url_path): see the pages/ routing note in README.md.
navigation = st.navigation(
    {
        t("nav_monitor", lang): [
            st.Page(
                HERE / "pages" / "ringkasan.py",
                title=t("page_overview", lang),
                icon=":material/dashboard:",
                default=True,
            ),
        ],
        t("nav_reference", lang): [
            st.Page(HERE / "pages" / "referensi.py", title=t("page_reference", lang), icon=":material/menu_book:"),
        ],
    }
)
st.logo(HERE / "assets" / "logo.svg", size="large")
shell.render_sidebar(lang)
shell.sample_notice(lang)
navigation.run()

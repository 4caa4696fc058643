"""Mode Rapat (meeting mode): the deck of domain/meeting.py full screen on a projector, one slide at
a time. Next: →, PageDown, Space or the button; previous: ←, PageUp or the button. The slide is in
the URL (`?slide=3`), the variant too (`?tema=gelap`); optional auto-advance every few seconds."""

import datetime as dt

import streamlit as st

from common.i18n import t
from domain import meeting
from ui import data, meeting_views, shell

view = shell.view()
lang, filters = view.lang, view.filters
st.set_page_config(initial_sidebar_state="collapsed")

variants = {"terang": t("meeting_light", lang), "gelap": t("meeting_dark", lang)}
# Before the widget runs, the URL says the variant: its code or its label ("Gelap", "Dark") as the
# widget writes it; the session's value wins once the widget has run.
variant = meeting_views.variant_of(st.session_state.get("tema") or st.query_params.get("tema"))
st.html(meeting_views.style(variant) + meeting_views.mark_css())

number_box = st.empty()
slide_number = meeting_views.slide_number(st.session_state.get("slide") or st.query_params.get("slide"))

name = st.session_state.get("rapat_nama") or t("meeting_default_name", lang)
date = st.session_state.get("rapat_tanggal") or dt.date.today()
link = meeting_views.view_link(
    st.context.url, {key: st.query_params.get_all(key) for key in meeting_views.FILTER_PARAMS}
)
look = meeting.PROJECTOR_DARK if variant == "gelap" else meeting.PROJECTOR_LIGHT
plan = data.read(meeting.outline, filters, lang, name, date)
total = len(plan.keys)
slide_number = min(max(slide_number, 1), total)


def step(by: int) -> None:
    """Move `by` slides, staying within the deck."""
    st.session_state["slide"] = min(max(int(st.session_state.get("slide") or 1) + by, 1), total)


current = data.read(meeting.slide, filters, lang, plan, plan.keys[slide_number - 1], link, look)  # only this one
if current.key == "title":
    left, right = st.columns([3, 1], vertical_alignment="center")
    with left:
        meeting_views.slide(current, lang)
        inputs = st.columns([3, 1])
        inputs[0].text_input(t("meeting_name", lang), value=t("meeting_default_name", lang), key="rapat_nama")
        inputs[1].date_input(t("meeting_date", lang), value=dt.date.today(), key="rapat_tanggal", format="DD/MM/YYYY")
    right.image(meeting_views.qr_png(current.qr_url or link), width=320)
    meeting_views.packs(filters, lang, name, date, link)
else:
    meeting_views.slide(current, lang)

meeting_views.footer(plan, slide_number)
controls = st.columns([1, 1, 1, 2, 2], vertical_alignment="bottom")
controls[0].button(
    t("meeting_previous", lang), icon=":material/arrow_back:", on_click=step, args=(-1,), shortcut="Left",
    key="rapat_previous", disabled=slide_number == 1,
)  # fmt: skip
controls[1].button(
    t("meeting_next", lang), icon=":material/arrow_forward:", on_click=step, args=(1,), shortcut="Right",
    key="rapat_next", disabled=slide_number == total, type="primary",
)  # fmt: skip
with number_box.container(key="rapat_hidden_keys"):  # the clickers' keys: one hidden button per extra key
    st.button("PageDown", on_click=step, args=(1,), shortcut="PageDown", key="rapat_hidden_pagedown")
    st.button("Space", on_click=step, args=(1,), shortcut="Space", key="rapat_hidden_space")
    st.button("PageUp", on_click=step, args=(-1,), shortcut="PageUp", key="rapat_hidden_pageup")
controls[2].number_input(t("meeting_slide", lang), 1, total, key="slide", bind="query-params")
controls[3].segmented_control(
    t("meeting_theme", lang), list(variants), format_func=variants.get, default=variant, required=True, key="tema",
    bind="query-params",
)  # fmt: skip
seconds = controls[4].number_input(t("meeting_auto", lang), 0, 600, 0, 5, key="maju")
st.caption(t("meeting_keys", lang))
st.session_state["_rapat_fresh"] = True


@st.fragment(run_every=seconds or None)
def advance() -> None:
    """Every `seconds`: the next slide (the first run, with the page, only arms the timer)."""
    if st.session_state.get("_rapat_fresh"):
        st.session_state["_rapat_fresh"] = False
    elif slide_number < total:
        step(1)
        st.rerun(scope="app")


if seconds:
    advance()

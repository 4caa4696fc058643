"""Drawing the meeting deck (domain/meeting.py) on the Mode Rapat page: the slide, its footer, the
projector palette (light and dark, each checked for WCAG AA contrast in tests/test_meeting.py), the
static CSS that hides the Streamlit chrome and sets projector type sizes, and the QR code."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import urlencode, urlsplit

import pandas as pd
import segno
import streamlit as st

from common import formatting
from common.colors import LIGHT_MARKS
from common.i18n import t
from common.text import inert_markdown
from domain import charts
from domain.filters import Filters
from domain.meeting import Light, Outline, Slide, Table
from reports.packs import MIME, pack
from ui import data, downloads

# Text and background colours of each variant: body, muted (footer) and the marks' symbols.
PALETTES = {
    "terang": {"background": "#FFFFFF", "text": "#1F2933", "muted": "#52606D", "panel": "#F3F5F7"},
    "gelap": {"background": "#111827", "text": "#F9FAFB", "muted": "#D1D5DB", "panel": "#1F2937"},
}
MARKS = LIGHT_MARKS  # the symbol (white) on its colour: common/colors.py
BODY_PX, HEADLINE_PX, TITLE_PX = 28, 72, 48
FILTER_PARAMS = ("lang", "tahun", "wilayah", "sumber", "ppks")  # the shared filters' URL keys (ui/shell.py)


def luminance(colour: str) -> float:
    """Relative luminance of a '#RRGGBB' colour (WCAG 2.1, 1.4.3)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio (1–21) of two '#RRGGBB' colours; AA body text needs at least 4.5."""
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def style(variant: str) -> str:
    """Static CSS (no data text) of the presentation: no header, toolbar or sidebar; the variant's
    colours; body text `BODY_PX`, headline figures `HEADLINE_PX` at 1920×1080."""
    p = PALETTES[variant]
    return f"""<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [class*="st-key-rapat_hidden"] {{display: none;}}
.stApp, [data-testid="stMain"] {{background: {p["background"]}; color: {p["text"]};}}
[data-testid="stMainBlockContainer"] {{padding: 1.5rem 3rem 1rem 3rem; max-width: 100%;}}
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] td, [data-testid="stMain"] th,
[data-testid="stMain"] label, [data-testid="stMain"] input, [data-testid="stMain"] button
{{font-size: {BODY_PX}px !important; color: {p["text"]};}}
[data-testid="stMain"] h1 {{font-size: {TITLE_PX}px; color: {p["text"]};}}
[data-testid="stMetricLabel"] p {{font-size: {BODY_PX}px !important;}}
[data-testid="stMain"] [data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] *
{{font-size: {HEADLINE_PX}px !important;
 line-height: 1.1; color: {p["text"]};}}
[data-testid="stMain"] button:not([data-testid="stBaseButton-primary"]) {{background: {p["panel"]};
 color: {p["text"]}; border-color: {p["muted"]};}}
[data-testid="stMain"] button:not([data-testid="stBaseButton-primary"]) * {{color: {p["text"]};}}
[data-testid="stMetric"] {{background: {p["panel"]};}}
[data-testid="stMain"] input {{background: {p["panel"]};}}
[data-testid="stMain"] [data-testid="stAlertContainer"], [data-testid="stMain"] details,
[data-testid="stMain"] summary, [data-testid="stMain"] [data-baseweb="input"]
{{background: {p["panel"]} !important; color: {p["text"]};}}
.st-key-rapat_footer p {{color: {p["muted"]}; font-size: {BODY_PX}px !important;}}
.rapat-mark {{display: inline-block; min-width: 1.6em; text-align: center; color: #FFFFFF;
 border-radius: 0.3em; font-weight: 700; margin-right: 0.4em;}}
</style>"""


def mark_css() -> str:
    """Static CSS of the traffic-light marks' colours (class per light)."""
    return "<style>" + "".join(f".rapat-{k} {{background: {c};}}" for k, (_, c) in MARKS.items()) + "</style>"


def qr_png(link: str) -> bytes:
    """The QR code of `link` as PNG bytes, made locally (segno), large enough to scan from a phone."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def view_link(base_url: str | None, params: dict[str, list[str]]) -> str:
    """The overview with the same filters: the origin of `base_url` plus the filters' query
    parameters (only `FILTER_PARAMS`; a multi-valued one repeated)."""
    parts = urlsplit(base_url or "http://localhost:8501")
    pairs = [(key, v) for key in FILTER_PARAMS for v in params.get(key, [])]
    return f"{parts.scheme}://{parts.netloc}/" + (f"?{urlencode(pairs)}" if pairs else "")


def variant_of(raw: object) -> str:
    """'gelap' or 'terang' from the URL's or the widget's value: a code, or a label in either
    language ('Gelap', 'Dark', 'Terang', 'Light'); anything else is the light variant."""
    text = str(raw or "").strip().lower()
    labels = {t(f"meeting_{key}", lang).lower(): code for key, code in (("dark", "gelap"), ("light", "terang"))
              for lang in ("id", "en")}  # fmt: skip
    return text if text in PALETTES else labels.get(text, "terang")


def slide_number(raw: object) -> int:
    """The slide asked for (`?slide=3`), 1 for a missing or unreadable value; the page clamps it."""
    try:
        return int(float(str(raw)))
    except ValueError:
        return 1


def _light(light: Light) -> None:
    symbol, _ = MARKS[light.light]
    st.html(f'<p><span class="rapat-mark rapat-{light.light}">{symbol}</span></p>')
    st.metric(light.label, light.value)


def _table(table: Table, lang: str) -> None:
    kinds = {"money": formatting.money, "percent": formatting.percent, "number": formatting.number}
    shown = pd.DataFrame(
        {
            column: [
                inert_markdown(kinds[table.formats[column]](v, lang) if column in table.formats else str(v))
                for v in table.frame[column]
            ]
            for column in table.frame.columns
        }
    )
    st.table(shown.set_index(shown.columns[0]))


def slide(current: Slide, lang: str) -> None:
    """Draw one slide in `lang`: title, headline figures (4 per row), lights, up to 3 figures, table,
    lines."""
    st.title(inert_markdown(current.title))
    for start in range(0, len(current.headlines), 4):
        row = current.headlines[start : start + 4]
        for column, headline in zip(st.columns(4), row, strict=False):
            column.metric(headline.label, headline.value, delta=headline.note, delta_color="off", delta_arrow="off")
    if current.lights:
        for column, light in zip(st.columns(len(current.lights)), current.lights, strict=True):
            with column:
                _light(light)
    if current.figures:
        for column, figure in zip(st.columns(len(current.figures)), current.figures[:3], strict=True):
            column.plotly_chart(figure, config=charts.CONFIG, theme=None)  # drawn in the slide's look, background too
    if current.table is not None:
        _table(current.table, lang)
    for line in current.lines:
        st.markdown(inert_markdown(line))


def footer(plan: Outline, number: int) -> None:
    """The stamp every slide carries: filters, data date, slide number."""
    with st.container(key="rapat_footer"):
        total = len(plan.keys)
        stamp = (
            f"{plan.filters_text} · {plan.as_of_text} · {t('meeting_slide_of', plan.lang, number=number, total=total)}"
        )
        st.markdown(inert_markdown(stamp))


def packs(filters: Filters, lang: str, meeting: str, date: dt.date, link: str) -> None:
    """Bahan rapat: the PDF, PowerPoint and Excel pack of this view, made on request with a progress
    line (the charts are drawn by Chromium: some seconds) and then offered for download (audited).
    A pack is made in this browser tab's own thread, so other users of the server go on meanwhile."""
    with st.expander(t("meeting_packs", lang), icon=":material/folder_zip:"):
        kind = st.segmented_control(
            t("meeting_pack_kind", lang), list(MIME), format_func=str.upper, default="pdf", required=True,
            key="rapat_pack_kind",
        )  # fmt: skip
        wanted = (kind, filters, lang, meeting, date)
        if st.button(t("meeting_pack_make", lang), icon=":material/build:", key="rapat_pack_make"):
            with st.status(t("meeting_pack_making", lang, kind=kind.upper()), expanded=False) as status:
                st.session_state["_rapat_pack"] = (wanted, data.read(pack, kind, filters, lang, meeting, date, link))
                status.update(label=t("meeting_pack_ready", lang, kind=kind.upper()), state="complete")
        made = st.session_state.get("_rapat_pack")
        if made and made[0] == wanted:
            name = f"bahan_rapat_{filters.year}.{kind}"
            label = t("meeting_pack_download", lang, kind=kind.upper())
            downloads.button(label, made[1], name, MIME[kind], what=f"meeting_pack_{kind}", rows=0, stamped=False)

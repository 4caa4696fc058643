"""The one way pages show a table: numbers stay numbers (so a column sorts by value) while they read
in the interface's format (Rp1.234.567, 12,5 %, 1.234), and a missing value reads as a dash — never
None, NaN or NaT. Text cells are shown as text, never as HTML or Markdown, and never as a live spreadsheet formula."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from common import formatting
from common.colors import LIGHT_MARKS
from common.exports import neutralise
from common.i18n import STRINGS, t, value

FORMATS: dict[str, Callable[[float, str], str]] = {
    "money": formatting.money_exact,
    "number": formatting.number,
    "percent": formatting.percent,
    "decimal": lambda value, lang: formatting.number(value, lang, 1),
}


def styled(frame: pd.DataFrame, formats: Mapping[str, str], lang: str) -> pd.io.formats.style.Styler:
    """`frame` with each column named in `formats` ('money', 'number', 'percent', 'decimal') shown in
    `lang`'s format; every missing cell shows '–'."""
    formatters = {column: (lambda v, f=FORMATS[kind]: f(v, lang)) for column, kind in formats.items()}
    return frame.style.format(formatters, na_rep=formatting.MISSING)


_MARK_STYLES = {symbol: f"background-color: {colour}; color: white" for symbol, colour in LIGHT_MARKS.values()}


def _light_style(text: object) -> str:
    """The cell style of a traffic light's text ('✓ sesuai target'): white on the light's colour."""
    return _MARK_STYLES.get(str(text)[:1], "")


def show(
    frame: pd.DataFrame,
    formats: Mapping[str, str] | None = None,
    lang: str = "id",
    lights: tuple[str, ...] = (),
    **options: object,
) -> object:
    """Draw `frame` with `st.dataframe` (no index), formatted as `styled` does; the columns named in
    `lights` hold traffic lights' texts, drawn as coloured marks (common/colors.py LIGHT_MARKS). Extra
    keyword arguments go to `st.dataframe` (height, on_select, selection_mode, key, column_config)."""
    options.setdefault("hide_index", True)
    options.setdefault("placeholder", formatting.MISSING)  # Streamlit would draw an empty cell as "None"
    frame = without_formulas(frame)
    # A Styler costs several milliseconds per table on every rerun: only tables with numbers or lights get one.
    if not formats and not lights:
        return st.dataframe(frame, **options)
    table = styled(frame, formats or {}, lang)
    if lights:
        table = table.map(_light_style, subset=list(lights))
    return st.dataframe(table, **options)


def without_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every text cell and header that a spreadsheet would read as a formula ('=', '+',
    '-', '@', tab, CR first) prefixed with an apostrophe, as the page's downloads do
    (`common.exports.neutralise`): the table toolbar's "Download as CSV" writes what is shown.
    Numbers (negative ones too) stay numbers; only text columns are copied."""
    text = [i for i, dtype in enumerate(frame.dtypes) if pd.api.types.is_string_dtype(dtype)]
    headers = [neutralise(column) for column in frame.columns]
    if not text and headers == list(frame.columns):
        return frame
    safe = frame.copy()
    for i in text:
        safe.isetitem(i, safe.iloc[:, i].map(neutralise))
    safe.columns = headers
    return safe


def place_names(frame: pd.DataFrame, lang: str, column: str = "area_name") -> list[str]:
    """The area names of `frame`, marked where the row is money or need of the region as a whole
    (`whole_region`), not of one of its parts."""
    whole = t("whole_region", lang)
    return [f"{n} {whole}" if w else n for n, w in zip(frame[column], frame["whole_region"], strict=True)]


VOCABULARIES = ("ppks", "unit", "assistance", "source", "status", "period", "level", "kind")


def show_columns(
    frame: pd.DataFrame,
    spec: Mapping[str, tuple[str, str]],
    lang: str,
    text: Mapping[str, Callable[[object], str]] | None = None,
    **options: object,
) -> object:
    """Select, translate and draw `frame`'s columns. `spec` maps a column to (header — a translation
    key or a text —, kind): the kinds of `FORMATS` stay numbers; 'place' adds the whole-region mark
    where `frame.whole_region` is true; 'pair' and 'source_pair' join `<name>_a` × `<name>_b`;
    a vocabulary (`VOCABULARIES`) is translated with `value`; a kind in `text` is turned into text by
    that function; anything else is shown as it is."""
    out = {}
    for column, (key, kind) in spec.items():
        cells = list(frame[column])
        if kind == "place":
            cells = place_names(frame, lang, column)
        elif kind in ("pair", "source_pair"):
            name = (lambda v: value("source", v, lang)) if kind == "source_pair" else str
            cells = [f"{name(a)} × {name(b)}" for a, b in zip(cells, frame[column[:-1] + "b"], strict=True)]
        elif text and kind in text:
            cells = [text[kind](v) for v in cells]
        elif kind in VOCABULARIES:
            cells = [value(kind, v, lang) for v in cells]
        out[t(key, lang) if key in STRINGS else key] = cells
    headers = {t(k, lang) if k in STRINGS else k: kind for k, kind in spec.values() if kind in FORMATS}
    lights = tuple(t(k, lang) if k in STRINGS else k for k, kind in spec.values() if kind == "light")
    return show(pd.DataFrame(out), headers, lang, lights, **options)

"""The one way pages show a table: numbers stay numbers (so a column sorts by value) while they read
in the interface's format (Rp1.234.567, 12,5 %, 1.234), and a missing value reads as a dash — never
None, NaN or NaT. Text cells are shown as text, never as HTML or Markdown."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from common import formatting

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


def show(frame: pd.DataFrame, formats: Mapping[str, str] | None = None, lang: str = "id", **options: object) -> object:
    """Draw `frame` with `st.dataframe` (no index), formatted as `styled` does. Extra keyword arguments
    go to `st.dataframe` (height, on_select, selection_mode, key, column_config)."""
    options.setdefault("hide_index", True)
    return st.dataframe(styled(frame, formats or {}, lang), **options)

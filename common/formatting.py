"""The one place for number, money and date formatting (Babel, Indonesian by default).

Indonesian readers expect `1.234.567`, `Rp1,2 M` (miliar) and `Rp350 jt`; English readers get
the same values as `1,234,567` and `Rp1.2B`. Missing values are shown as a dash, never as zero.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

from babel.dates import format_date as _babel_date
from babel.numbers import format_compact_decimal, get_decimal_symbol, get_group_symbol

from common.i18n import value

LOCALES = {"id": "id_ID", "en": "en"}
MISSING = "–"


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@lru_cache(maxsize=8)
def _symbols(lang: str) -> tuple[str, str]:
    """The locale's grouping and decimal signs, from Babel's locale data: ('.', ',') for id."""
    return get_group_symbol(_locale(lang)), get_decimal_symbol(_locale(lang))


def number(value: float | None, lang: str = "id", decimals: int = 0) -> str:
    """A full number with thousands separators: 1.234.567 (id) or 1,234,567 (en), rounded half to
    even on the decimal value as Babel's `format_decimal` does. Tables format thousands of cells per
    rerun, so the digits come from Python's own formatting and only the signs from Babel."""
    if _missing(value):
        return MISSING
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    group, point = _symbols(lang)
    return f"{rounded:,.{decimals}f}".replace(",", "\0").replace(".", point).replace("\0", group)


def compact(value: float | None, lang: str = "id") -> str:
    """A short number for cards and axis labels: 1,2 jt (id) or 1.2M (en)."""
    if _missing(value):
        return MISSING
    return format_compact_decimal(value, locale=_locale(lang), fraction_digits=1)


def money(value: float | None, lang: str = "id") -> str:
    """Rupiah, short: Rp1,2 M, Rp350 jt (id); Rp1.2B, Rp350M (en)."""
    if _missing(value):
        return MISSING
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{compact(abs(value), lang)}"


def money_exact(value: float | None, lang: str = "id") -> str:
    """Rupiah to the last digit, for hover texts and tables: Rp1.234.567."""
    if _missing(value):
        return MISSING
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{number(abs(value), lang)}"


def percent(ratio: float | None, lang: str = "id", decimals: int = 1) -> str:
    """A ratio (0.125) as a percentage: 12,5 % (id) or 12.5% (en)."""
    if _missing(ratio):
        return MISSING
    text = number(ratio * 100, lang, decimals)
    return f"{text} %" if lang == "id" else f"{text}%"


def change(ratio: float | None, lang: str = "id") -> str:
    """A signed relative change, e.g. +4,2 % against the previous year (an ASCII minus, which
    Streamlit reads to point a metric's arrow down)."""
    if _missing(ratio):
        return MISSING
    sign = "+" if ratio > 0 else ("-" if ratio < 0 else "±")
    return sign + percent(abs(ratio), lang)


def points(difference: float | None, lang: str = "id") -> str:
    """A signed change of a ratio in percentage points: +4,8 poin (id), +4.8 pts (en)."""
    if _missing(difference):
        return MISSING
    sign = "+" if difference > 0 else ("-" if difference < 0 else "±")
    unit = "poin" if lang == "id" else "pts"
    return f"{sign}{number(abs(difference) * 100, lang, 1)} {unit}"


def date(value: dt.date | dt.datetime | None, lang: str = "id") -> str:
    """28 Nov 2026 (id) or Nov 28, 2026 (en)."""
    if value is None:
        return MISSING
    return _babel_date(value, format="medium", locale=_locale(lang))


def people(jiwa: float | None, kk: float | None, lang: str = "id") -> str:
    """A count of people in both units, never added: '1.234 jiwa · 578 KK' (id), '1,234 persons ·
    578 households' (en); a unit with no count is left out; zero in both reads '0', and two missing
    counts read as a dash."""
    parts = [
        f"{number(count, lang)} {value('unit', unit, lang)}"
        for count, unit in ((jiwa, "jiwa"), (kk, "KK"))
        if not _missing(count) and count
    ]
    if parts:
        return " · ".join(parts)
    # Counted and none found reads as zero; nothing counted at all reads as a dash.
    return number(0, lang) if not (_missing(jiwa) and _missing(kk)) else MISSING


def shares(jiwa: float | None, kk: float | None, lang: str = "id") -> str:
    """Ratios taken per unit: '90,0 % jiwa · 94,8 % KK'; a unit without a ratio is left out."""
    parts = [
        f"{percent(ratio, lang)} {value('unit', unit, lang)}"
        for ratio, unit in ((jiwa, "jiwa"), (kk, "KK"))
        if not _missing(ratio)
    ]
    return " · ".join(parts) or MISSING


def split_units(text: str) -> tuple[str, str | None]:
    """'1.234 jiwa · 578 KK' as two lines for a card: ('1.234 jiwa', '578 KK'); one unit stays whole."""
    first, _, second = text.partition(" · ")
    return first, second or None

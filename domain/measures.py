"""Every ratio the dashboard shows, defined once. Each works on plain numbers and on pandas Series
(element-wise); a zero or missing denominator gives None/NaN ("no data"), never 0 or infinity.

Units: money in Rupiah, people in jiwa (persons) or KK (households) — never added together. A
coverage or reach ratio is only taken between figures of the same unit.
"""

from __future__ import annotations

import math
from typing import TypeVar, overload

import numpy as np
import pandas as pd

PEOPLE_UNITS = ("jiwa", "KK")  # programs counted in 'unit' or 'lembaga' never count people
# Only these funding sources pledge amounts before spending (Pergub Kaltim 27/2021: CSR/TJSL and PPM).
PLEDGING_SOURCES = ("CSR", "PPM")

Number = TypeVar("Number", float, pd.Series)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@overload
def ratio(numerator: pd.Series, denominator: pd.Series | float | None) -> pd.Series: ...
@overload
def ratio(numerator: float | None, denominator: pd.Series) -> pd.Series: ...
@overload
def ratio(numerator: float | None, denominator: float | None) -> float | None: ...
def ratio(numerator, denominator):
    """numerator ÷ denominator; None (scalars) or NaN (Series) where the denominator is zero,
    negative or missing, or the numerator is missing."""
    if isinstance(numerator, pd.Series) or isinstance(denominator, pd.Series):
        num = pd.to_numeric(numerator, errors="coerce") if isinstance(numerator, pd.Series) else numerator
        den = pd.to_numeric(denominator, errors="coerce") if isinstance(denominator, pd.Series) else denominator
        if isinstance(den, pd.Series):
            den = den.where(den > 0)
        elif _missing(den) or den <= 0:
            den = np.nan
        result = num / den
        return result.replace([np.inf, -np.inf], np.nan).astype(float)
    if _missing(numerator) or _missing(denominator) or denominator <= 0:
        return None
    return float(numerator) / float(denominator)


def realisation(spent, budget):
    """Budget realisation (realisasi anggaran): spent ÷ planned (pagu), both in Rupiah."""
    return ratio(spent, budget)


def reach(reached, target):
    """People reached ÷ people targeted, both in the same unit (jiwa or KK), over rows that report
    the reached figure."""
    return ratio(reached, target)


def coverage(reached, need):
    """Cakupan: people reached ÷ people in need (PPKS), both in the same unit (jiwa or KK)."""
    return ratio(reached, need)


def per_resident(amount, population):
    """Rupiah per resident (per jiwa of the BPS population)."""
    return ratio(amount, population)


def per_ppks(amount, need):
    """Rupiah per person (or household) in need, in the need's unit."""
    return ratio(amount, need)


def cost_per_person(budget, reached):
    """Rupiah planned per person reached (jiwa or KK, in the programs' own unit): what reaching one
    more person costs at today's programs."""
    return ratio(budget, reached)


def people_for(amount, cost):
    """How many people `amount` Rupiah reaches at `cost` Rupiah per person."""
    return ratio(amount, cost)


def per_thousand(count, population):
    """A count per 1,000 residents (e.g. PPKS per 1,000 population)."""
    value = ratio(count, population)
    return value * 1000 if isinstance(value, pd.Series) else (None if value is None else value * 1000)


def share(part, whole):
    """part ÷ whole, e.g. the CSR/TJSL + PPM share of the planned total."""
    return ratio(part, whole)


def relative_change(current: float | None, previous: float | None) -> float | None:
    """(current − previous) ÷ previous; None where either is missing or the previous value is zero."""
    if _missing(current) or _missing(previous) or not previous:
        return None
    return (float(current) - float(previous)) / float(previous)


def achievement(actual: float | None, target: float | None, direction: str) -> float | None:
    """How far an indicator's target is met (1.0 = met). Higher is better ('naik'): actual ÷ target;
    lower is better ('turun'): target ÷ actual. A zero target is met by any actual when higher is
    better, and only by zero when lower is better. Missing values give None ('no data').
    Source of the rule: Permendagri 86/2017 capaian kinerja (positive and negative polarity)."""
    if _missing(actual) or _missing(target):
        return None
    if direction == "turun":
        if actual <= 0:
            return 1.0
        return 0.0 if target <= 0 else target / actual
    if target <= 0:
        return 1.0
    return actual / target

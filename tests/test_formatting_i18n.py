import datetime as dt
import re
import string

import pytest

from common import formatting
from common.i18n import LANGUAGES, STRINGS, t


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1_200_000_000, "id", "Rp1,2\u00a0M"),
        (350_000_000, "id", "Rp350\u00a0jt"),
        (2_500_000_000_000, "id", "Rp2,5\u00a0T"),
        (999, "id", "Rp999"),
        (1_200_000_000, "en", "Rp1.2B"),
        (350_000_000, "en", "Rp350M"),
        (-5_000_000, "id", "-Rp5\u00a0jt"),
        (None, "id", "–"),
        (float("nan"), "id", "–"),
    ],
)
def test_money(value, lang, expected):
    assert formatting.money(value, lang) == expected


def test_numbers_dates_percentages():
    assert formatting.number(1_234_567) == "1.234.567"
    assert formatting.number(1_234_567, "en") == "1,234,567"
    assert formatting.number(12.375, "id", 2) == "12,38"
    assert formatting.money_exact(1_234_567.5) == "Rp1.234.568"
    assert formatting.percent(0.125) == "12,5 %"
    assert formatting.percent(0.125, "en") == "12.5%"
    assert formatting.percent(None) == "–"
    assert formatting.change(0.042) == "+4,2 %"
    assert formatting.change(-0.1, "en") == "-10.0%"
    assert formatting.points(-0.048) == "-4,8 poin"
    assert formatting.points(0.05, "en") == "+5.0 pts"
    assert formatting.date(dt.date(2026, 11, 28)) == "28 Nov 2026"
    assert formatting.date(dt.date(2026, 11, 28), "en") == "Nov 28, 2026"


def test_every_string_has_both_languages_and_the_same_placeholders():
    fields = string.Formatter()
    for key, entry in STRINGS.items():
        assert set(entry) == set(LANGUAGES), key
        placeholders = [{name for _, name, _, _ in fields.parse(entry[lang]) if name} for lang in LANGUAGES]
        assert placeholders[0] == placeholders[1], key
        assert all(text.strip() for text in entry.values()), key


def test_t_fills_placeholders_and_defaults_to_indonesian():
    assert t("overview_title", year=2025) == "Ringkasan 2025"
    assert t("overview_title", "en", year=2025) == "Overview 2025"
    assert t("overview_title", "fr", year=2025) == "Ringkasan 2025"


def test_labels_are_sentence_case():
    for key, entry in STRINGS.items():
        for text in entry.values():
            words = [w for w in re.findall(r"[A-Za-z]+", text) if not w.isupper()]  # acronyms (PPKS, CSR) aside
            # A label of several words never capitalises every word ("Funding Source").
            if len(words) >= 3 and key.startswith(("col_", "kpi_", "filter_", "axis_")):
                assert not all(word[0].isupper() for word in words), (key, text)

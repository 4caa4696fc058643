"""Parsers for the values agencies write in their sheets: Indonesian numbers and money, dates,
funding sources, PPKS categories, regions and the closed lists of the data contract.

Each parser takes what a cell holds (text, a number, a date) and returns the clean value or raises
`ValueProblem` whose message says what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from functools import lru_cache

from common.colors import SOURCE_NAMES
from common.i18n import LANGUAGES
from data_loaders.problems import ValueProblem
from data_loaders.reference_data import ppks_categories
from data_loaders.regions import Region, RegionError, resolve_region

MIN_YEAR, MAX_YEAR = 2015, 2035

_MULTIPLIERS = {
    "rb": 1e3,
    "ribu": 1e3,
    "k": 1e3,
    "jt": 1e6,
    "juta": 1e6,
    "m": 1e9,
    "miliar": 1e9,
    "milyar": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "triliun": 1e12,
    "trilyun": 1e12,
    "trillion": 1e12,
}
_NUMBER = re.compile(r"^(-)?(\d[\d.,]*)\s*([a-z]*)$")
MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "pebruari": 2,
    "maret": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
    "december": 12,
}
EXCEL_EPOCH = dt.date(1899, 12, 30)


# What offices write for "nothing here" in a cell (BPS and SIPD tables use '-', Satu Data 'N/A').
NIL_MARKERS = frozenset({"-", "–", "—", "n/a", "n.a.", "n.a", "na", "#n/a"})


def is_blank(value: object) -> bool:
    """True for an empty cell, NaN, or a nil marker such as '-', 'N/A' or 'n.a.'."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and (not value.strip() or value.strip().lower() in NIL_MARKERS)


def text(value: object) -> str:
    """A cell as trimmed text; Excel's whole numbers lose their '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_GROUPS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
MAX_AMOUNT = 1e16  # DECIMAL(18, 2) holds up to 10^16 Rupiah
MAX_COUNT = 2**62


def _decimal_text(digits: str, raw: str) -> str:
    """'1.234.567,50' -> '1234567.50'; '1,2' -> '1.2'; '1.234.567' -> '1234567'; '12.5' -> '12.5'.

    One separator followed by exactly three digits is read the Indonesian way when it is a dot
    (1.500 = 1500); a comma there (1,500) is refused as ambiguous, since English files mean 1500
    and Indonesian ones 1,5."""
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole = digits[: digits.rfind(decimal)]
        if not _GROUPS.match(whole) and thousands in whole:
            raise ValueProblem("imp_not_number", value=raw)
        return whole.replace(thousands, "") + "." + digits[digits.rfind(decimal) + 1 :]
    for separator in (",", "."):
        if separator in digits:
            parts = digits.split(separator)
            if len(parts) > 2:
                if not _GROUPS.match(digits):
                    raise ValueProblem("imp_not_number", value=raw)  # 1.2.3 or 01.03.2025
                return digits.replace(separator, "")  # thousands: 1.234.567 or 1,234,567
            if len(parts[1]) == 3 and parts[0] not in ("0", ""):
                if separator == ",":
                    raise ValueProblem("imp_ambiguous_number", value=raw)
                return digits.replace(separator, "")  # 1.500 = 1500
            return digits.replace(separator, ".")  # decimal: 1,2 or 12.5 or 0.125
    return digits


def number(value: object) -> float:
    """Indonesian numbers and money: 1.234.567,50 · Rp 1.234.567 · Rp. 1.500.000 · Rp 1.000,- · Rp1,2 M ·
    250 juta · 1,2 miliar · 45%."""
    if isinstance(value, bool):
        raise ValueProblem("imp_not_number", value=str(value))
    if isinstance(value, int | float):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            raise ValueProblem("imp_not_number", value=str(value))
        return float(value)
    raw = text(value)
    cleaned = raw.lower().replace("\u00a0", " ").strip()
    cleaned = re.sub(r"[,.]-$", "", cleaned)  # 'Rp 1.000,-'
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("()-").strip()
    cleaned = re.sub(r"^(rp\.?|idr)\s*", "", cleaned).replace("%", "").strip()
    cleaned = re.sub(r"(?<=\d) (?=\d{3}\b)", "", cleaned)  # '1 234 567'
    match = _NUMBER.match(cleaned)
    if not match or match.group(1) or (match.group(3) and match.group(3) not in _MULTIPLIERS):
        raise ValueProblem("imp_not_number", value=raw)
    _, digits, unit = match.groups()
    plain = _decimal_text(digits.rstrip(".,"), raw)
    try:
        result = float(plain)
    except ValueError:
        raise ValueProblem("imp_not_number", value=raw) from None
    result *= _MULTIPLIERS.get(unit, 1.0)
    return -result if negative else result


def amount(value: object) -> float:
    """Rupiah, never negative."""
    result = number(value)
    if result < 0:
        raise ValueProblem("imp_negative", value=text(value))
    if result >= MAX_AMOUNT:
        raise ValueProblem("imp_too_big", value=text(value))
    return round(result, 2)


def count(value: object) -> int:
    """A whole number of people, households or units, never negative."""
    result = number(value)
    if result < 0:
        raise ValueProblem("imp_negative", value=text(value))
    if not float(result).is_integer():
        raise ValueProblem("imp_not_whole", value=text(value))
    if result >= MAX_COUNT:
        raise ValueProblem("imp_too_big", value=text(value))
    return int(result)


def year(value: object) -> int:
    raw = text(value)
    if not re.fullmatch(r"\d{4}(\.0)?", raw):
        raise ValueProblem("imp_bad_year", value=raw, low=MIN_YEAR, high=MAX_YEAR)
    result = int(float(raw))
    if not MIN_YEAR <= result <= MAX_YEAR:
        raise ValueProblem("imp_year_range", value=raw, low=MIN_YEAR, high=MAX_YEAR)
    return result


def date(value: object) -> dt.date:
    """ISO, dd/mm/yyyy, dd-mm-yyyy, '1 Maret 2025', Excel dates and Excel serial numbers."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and 20_000 < value < 80_000:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    raw = text(value)
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}( 00:00:00)?", raw):
            return dt.date.fromisoformat("-".join(part.zfill(2) for part in raw[:10].split("-")))
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
        if match:
            day, month, year_ = (int(part) for part in match.groups())
            return dt.date(year_, month, day)
        match = re.fullmatch(r"(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})", raw)
        if match and match.group(2).lower() in MONTHS:
            return dt.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
        if re.fullmatch(r"\d{5}(\.0)?", raw) and 20_000 < float(raw) < 80_000:
            return EXCEL_EPOCH + dt.timedelta(days=int(float(raw)))
    except ValueError:
        pass
    raise ValueProblem("imp_bad_date", value=raw)


def _key(value: object) -> str:
    return re.sub(r"[^a-z0-9]", "", text(value).lower())


def _choice(value: object, options: dict[str, str], problem: str, shown: list[str]) -> str:
    """Match against a closed list (case, spaces and punctuation ignored); suggest the closest."""
    key = _key(value)
    if key in options:
        return options[key]
    close = difflib.get_close_matches(key, list(options), n=1, cutoff=0.6)
    hint = options[close[0]] if close else None
    raise ValueProblem(
        problem if hint is None else problem + "_hint", value=text(value), options=", ".join(shown), hint=hint or ""
    )


FUNDING_SOURCE_VARIANTS = {
    "APBN": ["apbn", "apbnkemensos", "nasional"],
    "APBD_PROV": ["apbdprovinsi", "apbdprov", "apbdi", "apbd1", "apbdprovinsikaltim", "apbdprovkaltim", "provinsi"],
    "APBD_KABKOTA": [
        "apbdkabupatenkota",
        "apbdkabkota",
        "apbdkab",
        "apbdkota",
        "apbdii",
        "apbd2",
        "apbdkabupaten",
        "kabupatenkota",
    ],
    "DANA_DESA": ["danadesa", "dd", "apbdes", "apbdesa"],
    "CSR": ["csrtjsl", "csr", "tjsl", "tjslcsr", "tanggungjawabsosialdanlingkungan"],
    "PPM": ["ppm", "pengembangandanpemberdayaanmasyarakat"],
    "LAINNYA": ["lainnya", "lain", "lainlain", "other", "others"],
}
_SOURCES = {variant: code for code, variants in FUNDING_SOURCE_VARIANTS.items() for variant in variants}
SOURCE_LABELS = list(SOURCE_NAMES.values())


def funding_source(value: object) -> str:
    """A funding source code (APBN, APBD_PROV, …) from any of its usual spellings."""
    try:
        return _choice(value, _SOURCES, "imp_bad_source", SOURCE_LABELS)
    except ValueProblem as problem:
        if not problem.values.get("hint"):
            raise
        raise ValueProblem(problem.key, **{**problem.values, "hint": SOURCE_NAMES[problem.values["hint"]]}) from None


LINTAS_PPKS = "lintas"


@lru_cache(maxsize=1)
def _ppks_index() -> dict[str, int]:
    index: dict[str, int] = {}
    for row in ppks_categories().itertuples():
        index[_key(row.name)] = int(row.id)
        index[str(row.id)] = int(row.id)
        if row.abbreviation:
            index[_key(row.abbreviation)] = int(row.id)
    index[_key("Orang dengan HIV AIDS")] = 16
    index[_key("Korban Trafficking")] = 18
    index[_key("Perdagangan Orang")] = 18
    index[_key("Korban NAPZA")] = 17
    index[_key("PMKS Fakir Miskin")] = 24
    # Names of the PMKS list before Permensos 8/2012, still in offices' tables.
    for name, category in OLD_PPKS_NAMES.items():
        index[_key(name)] = category
    return index


OLD_PPKS_NAMES = {
    "Penyandang Cacat": 9,
    "Anak Cacat": 5,
    "Wanita Rawan Sosial Ekonomi": 23,
    "Keluarga Fakir Miskin": 24,
    "Eks Narapidana": 15,
    "Bekas Narapidana": 15,
    "Korban Penyalahgunaan Narkoba": 17,
    "Lansia Terlantar": 8,
    "Anak Korban Tindak Kekerasan": 6,
    "Masyarakat yang Tinggal di Daerah Rawan Bencana": 21,
}


def ppks_category(value: object) -> int | str:
    """A category id 1–26 (by number, name or abbreviation), or LINTAS_PPKS."""
    raw = text(value)
    key = _key(raw)
    if key in ("lintasppks", "lintas", "semuappks"):
        return LINTAS_PPKS
    if re.fullmatch(r"[\d.,\s]+", raw):  # a number: 24, 24.0 — but never 2.4 read as 24
        try:
            number_ = number(raw)
        except ValueProblem:
            number_ = -1.0
        if number_.is_integer() and 1 <= number_ <= 26:
            return int(number_)
        raise ValueProblem("imp_bad_ppks", value=raw)
    index = _ppks_index()
    if key in index:
        return index[key]
    numbered = re.fullmatch(r"(\d{1,2})\s*[.)]\s*(.+)", raw)  # '24. Fakir Miskin', as hints print it
    if numbered and index.get(_key(numbered.group(2))) == int(numbered.group(1)):
        return int(numbered.group(1))
    parts = [part for part in re.split(r"\s+(?:dan|&|/|atau)\s+|\s*[/&]\s*", raw) if part.strip()]
    if len(parts) == 2 and all(_key(part) in index for part in parts):
        first, second = (index[_key(part)] for part in parts)
        if first != second:  # two categories in one figure cannot be told apart again
            names = ppks_categories().set_index("id")["name"]
            raise ValueProblem(
                "imp_ppks_combined", value=raw, first=f"{first}. {names[first]}", second=f"{second}. {names[second]}"
            )
    close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.6)
    if close:
        category = index[close[0]]
        name = ppks_categories().set_index("id").loc[category, "name"]
        raise ValueProblem("imp_bad_ppks_hint", value=raw, hint=f"{category}. {name}")
    raise ValueProblem("imp_bad_ppks", value=raw)


def region(value: object) -> Region:
    try:
        return resolve_region(text(value))
    except RegionError as error:
        raise ValueProblem("imp_region", translated={lang: error.message(lang) for lang in LANGUAGES}) from None


def closed_list(options: list[str], problem: str = "imp_bad_option", aliases: dict[str, str] | None = None):
    """A parser for one of `options` (matched loosely, returned in its official spelling); `aliases`
    maps other spellings offices use (any case, spaces and punctuation ignored) to an option."""
    index = {_key(option): option for option in options}
    index |= {_key(alias): option for alias, option in (aliases or {}).items()}

    def parse(value: object) -> str:
        return _choice(value, index, problem, options)

    return parse


def yes_no(value: object) -> bool:
    key = _key(value)
    if key in ("ya", "y", "yes", "true", "1", "anggota"):
        return True
    if key in ("tidak", "no", "n", "false", "0", "bukan"):
        return False
    raise ValueProblem("imp_bad_yes_no", value=text(value))


_COMPANY_WORDS = re.compile(r"\b(pt|tbk|persero|perseroan|terbatas|cv)\b")


def partner_key(name: object) -> str:
    """One key for a company's name variants: 'PT. X', 'X, PT', 'PT X Tbk', 'X (Persero)'."""
    words = re.sub(r"[^a-z0-9 ]", " ", text(name).lower())
    return re.sub(r"\s+", " ", _COMPANY_WORDS.sub(" ", words)).strip()

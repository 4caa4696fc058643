"""Kalimantan Timur's regions and the resolver that turns what people write into one region.

Agencies write regions as Kemendagri codes (`64.02`), BPS codes (`6403`), official names,
names with or without "Kabupaten"/"Kab."/"Kota", or aliases (Kukar, PPU). Kemendagri and BPS
codes differ for four kabupaten, so a plain 4-digit code is always read as BPS and converted.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from common.i18n import DEFAULT_LANGUAGE, t

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
GEO_DIR = REFERENCE_DIR / "geo"
PROVINCE_CODE = "64"
PROVINCE_NAME = "Kalimantan Timur"
PROVINCE_ALIASES = ("Kaltim", "East Kalimantan", "Provinsi Kalimantan Timur", "Benua Etam")

LEVELS = ("provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan")
LEVEL_LABELS = {
    "provinsi": "Provinsi",
    "kabupaten_kota": "Kabupaten/Kota",
    "kecamatan": "Kecamatan",
    "desa_kelurahan": "Desa/Kelurahan",
}
# Words people put before a name; stripped as a second try so that "Kota Bangun" (a kecamatan)
# still matches on its full name first.
_PREFIXES = re.compile(r"^(provinsi|prov|kabupaten|kab|kota|kecamatan|kec|desa|ds|kelurahan|kel|kampung)\s+")
SPELLING_CUTOFF = 0.9  # how close an old spelling must be to the one name of the kind it could be
# The region kinds a leading word names: 'Kec. Penajam' is the kecamatan, not its seat kelurahan.
_PREFIX_KINDS = {
    "kabupaten": ("Kabupaten",),
    "kab": ("Kabupaten",),
    "kota": ("Kota",),
    "kecamatan": ("Kecamatan",),
    "kec": ("Kecamatan",),
    "desa": ("Desa",),
    "ds": ("Desa",),
    "kampung": ("Desa",),
    "kelurahan": ("Kelurahan",),
    "kel": ("Kelurahan",),
}


@dataclass(frozen=True)
class Region:
    code: str  # Kemendagri code, the key used everywhere in the store
    bps_code: str | None
    name: str
    kind: str  # Provinsi, Kabupaten, Kota, Kecamatan, Desa, Kelurahan
    level: str
    parent_code: str | None
    lat: float | None = None
    lng: float | None = None

    def __hash__(self) -> int:
        """Codes are unique; hashing only the code keeps per-row lookups cheap."""
        return hash(self.code)

    @property
    def kabkota_code(self) -> str | None:
        """The kabupaten/kota this region lies in (itself for a kabupaten/kota)."""
        return self.code[:5] if self.level != "provinsi" else None


class RegionError(ValueError):
    """A region text that cannot be resolved. The message exists in every interface language
    (`message(lang)`; `str()` is Indonesian); `suggestions` holds the closest names."""

    def __init__(self, key: str, suggestions: tuple[str, ...] = (), **values: object) -> None:
        self.key = key
        self.values = values
        self.suggestions = suggestions
        super().__init__(self.message(DEFAULT_LANGUAGE))

    def message(self, lang: str) -> str:
        values = dict(self.values)
        if "within" in values:
            values["within"] = t("region_within", lang, place=values["within"]) if values["within"] else ""
        if self.suggestions:
            values["suggestions"] = t("or", lang).join(f"'{name}'" for name in self.suggestions)
        return t(self.key, lang, **values)


class UnknownRegionError(RegionError):
    pass


class AmbiguousRegionError(RegionError):
    def __init__(self, candidates: tuple[Region, ...], **values: object) -> None:
        self.candidates = candidates
        super().__init__("region_ambiguous", **values)


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces: the form names are compared in."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[.,'`()/]", " ", text.lower())
    text = text.replace("-", " ")
    return re.sub(r"\s+", " ", text).strip()


def _strip_prefix(key: str) -> str:
    return _PREFIXES.sub("", key)


@dataclass(frozen=True)
class KabKotaFacts:
    """One row of kaltim_regions.csv: real facts, with their sources and verification state."""

    bps_code: str
    code: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    capital: str
    area_km2: float
    kecamatan_count: int
    population_2020: int
    population_latest: int
    population_latest_year: int
    poor_people_thousand: float | None
    poverty_rate_pct: float
    poverty_year: int
    sources: str

    def is_unverified(self, fact: str) -> bool:
        """The CSV marks doubtful facts in its sources text, e.g. 'UNVERIFIED pop 2020'."""
        return f"UNVERIFIED {fact}".lower() in self.sources.lower()


def _aliases(text: str) -> tuple[str, ...]:
    """Alias cells look like 'Pasir (name before 2007); Tana Paser'; descriptions start lower-case."""
    result = []
    for item in text.split(";"):
        item = re.sub(r"\(.*?\)", "", item).strip()
        if item and item[0].isupper():
            result.append(item)
    return tuple(result)


@lru_cache(maxsize=1)
def kabkota_facts() -> tuple[KabKotaFacts, ...]:
    with open(REFERENCE_DIR / "kaltim_regions.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        KabKotaFacts(
            bps_code=row["bps_code"],
            code=row["kemendagri_code"],
            name=row["name"],
            kind=row["type"],
            aliases=_aliases(row["aliases"]),
            capital=row["capital"],
            area_km2=float(row["area_km2"]),
            kecamatan_count=int(row["kecamatan_count"]),
            population_2020=int(row["population_2020"]),
            population_latest=int(row["population_latest"]),
            population_latest_year=int(row["population_latest_year"]),
            poor_people_thousand=float(row["poor_people_thousand"]) if row["poor_people_thousand"] else None,
            poverty_rate_pct=float(row["poverty_rate_pct"]),
            poverty_year=int(row["poverty_year"]),
            sources=row["sources"],
        )
        for row in rows
    )


def _geo_features(level_file: str) -> list[dict]:
    with open(GEO_DIR / f"kaltim_{level_file}.geojson", encoding="utf-8") as handle:
        return json.load(handle)["features"]


@lru_cache(maxsize=1)
def all_regions() -> tuple[Region, ...]:
    """Every region of the province, from the shipped boundary files and the facts table."""
    facts = {fact.code: fact for fact in kabkota_facts()}
    regions = [Region(PROVINCE_CODE, PROVINCE_CODE, PROVINCE_NAME, "Provinsi", "provinsi", None)]
    for feature in _geo_features("kabupaten_kota"):
        props = feature["properties"]
        fact = facts[props["kode_kemendagri"]]
        regions.append(
            Region(
                fact.code,
                fact.bps_code,
                fact.name,
                fact.kind,
                "kabupaten_kota",
                PROVINCE_CODE,
                props["lat"],
                props["lng"],
            )
        )
    for feature in _geo_features("kecamatan"):
        props = feature["properties"]
        code = props["kode_kemendagri"]
        regions.append(
            Region(code, None, props["nama"], "Kecamatan", "kecamatan", code[:5], props["lat"], props["lng"])
        )
    for feature in _geo_features("desa_kelurahan"):
        props = feature["properties"]
        code = props["kode_kemendagri"]
        regions.append(
            Region(
                code,
                None,
                props["nama"],
                props["jenis"].capitalize(),
                "desa_kelurahan",
                code[:8],
                props["lat"],
                props["lng"],
            )
        )
    return tuple(sorted(regions, key=lambda region: region.code))


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Region]:
    return {region.code: region for region in all_regions()}


@lru_cache(maxsize=1)
def _by_bps_code() -> dict[str, Region]:
    return {region.bps_code: region for region in all_regions() if region.bps_code}


@lru_cache(maxsize=1)
def _name_index() -> tuple[dict[str, list[Region]], dict[str, list[Region]]]:
    """Two indexes: full normalised names and aliases, and the same without a leading
    'Kabupaten'/'Kota'/'Kec.'... word."""
    full: dict[str, list[Region]] = {}
    by_code = _by_code()
    for region in all_regions():
        for key in {normalise(region.name), normalise(f"{region.kind} {region.name}")}:
            full.setdefault(key, []).append(region)
    aliases = [(alias, PROVINCE_CODE) for alias in PROVINCE_ALIASES]
    aliases += [(alias, fact.code) for fact in kabkota_facts() for alias in fact.aliases]
    for alias, code in aliases:
        bucket = full.setdefault(normalise(alias), [])
        if by_code[code] not in bucket:
            bucket.append(by_code[code])
    stripped: dict[str, list[Region]] = {}
    for key, regions in full.items():
        for region in regions:
            bucket = stripped.setdefault(_strip_prefix(key), [])
            if region not in bucket:
                bucket.append(region)
    return full, stripped


def region_by_code(code: str) -> Region:
    """The region with this Kemendagri code (KeyError if there is none)."""
    return _by_code()[code]


def parent_of(region: Region) -> Region | None:
    return _by_code().get(region.parent_code) if region.parent_code else None


def describe(region: Region) -> str:
    """'Kecamatan Tanjung Harapan (Paser)': a name a person can tell apart from its namesakes."""
    parent = parent_of(region)
    label = f"{region.kind} {region.name}"
    if parent and parent.level != "provinsi":
        return f"{label} ({parent.name})"
    return label


def children_of(code: str) -> tuple[Region, ...]:
    return tuple(region for region in all_regions() if region.parent_code == code)


def kabupaten_kota() -> tuple[Region, ...]:
    return children_of(PROVINCE_CODE)


def _is_within(region: Region, ancestor: Region) -> bool:
    return region.code.startswith(ancestor.code + ".") or ancestor.level == "provinsi"


def _resolve_code(text: str) -> Region | None:
    compact = text.replace(" ", "")
    if re.fullmatch(r"\d{2}(\.\d{2}){1,2}(\.\d{4})?", compact):
        region = _by_code().get(compact)
        if region is None:
            raise UnknownRegionError("region_bad_kemendagri", code=text)
        return region
    if compact == PROVINCE_CODE:
        return _by_code()[PROVINCE_CODE]
    if re.fullmatch(r"\d{4}", compact):
        region = _by_bps_code().get(compact)
        if region is None:
            raise UnknownRegionError("region_bad_bps", code=text, codes=", ".join(sorted(_by_bps_code())[1:]))
        return region
    if re.fullmatch(r"\d+", compact):
        raise UnknownRegionError("region_bad_number", code=text)
    return None


def code_system(texts: Iterable[str]) -> str:
    """Which numbering the 4-digit kab/kota codes of one file use: 'kemendagri' when the file holds a
    code that exists only as an undotted Kemendagri code (6407, 6408) and none that exists only in
    BPS numbering (6404, 6405); else 'bps', the reading of a bare 4-digit code everywhere else.
    Needed because the two systems give 6402 and 6403 to different kabupaten (Kutai Barat and Kutai
    Kartanegara; Kutai Kartanegara and Berau)."""
    codes = {text.replace(" ", "") for text in texts if re.fullmatch(r"\d{4}", text.replace(" ", ""))}
    kemendagri = {code.replace(".", "") for code in _by_code() if re.fullmatch(r"\d{2}\.\d{2}", code)}
    bps = {code for code in _by_bps_code() if len(code) == 4}
    only_kemendagri, only_bps = codes & (kemendagri - bps), codes & (bps - kemendagri)
    return "kemendagri" if only_kemendagri and not only_bps else "bps"


def dotted(code: str) -> str:
    """An undotted Kemendagri kab/kota code with its dot: '6408' → '64.08'."""
    return f"{code[:2]}.{code[2:]}"


def _candidates(text: str) -> list[Region]:
    """The regions a name may mean; a leading 'Kec.', 'Kel.', 'Ds.', 'Kab.' or 'Kota' keeps those of
    that kind when there are any."""
    full, stripped = _name_index()
    key = normalise(text)
    if key in full:
        return list(full[key])
    found = list(stripped.get(_strip_prefix(key), []))
    prefix = _PREFIXES.match(key)
    if not prefix or prefix.group(1) not in _PREFIX_KINDS:
        return found
    kinds = _PREFIX_KINDS[prefix.group(1)]
    of_kind = [region for region in found if region.kind in kinds]
    if of_kind:
        return of_kind
    # The word names the kind, so a place of another kind is never taken for it; an old spelling of
    # that kind's name is ('Kec. Pasir Belengkong' for Kecamatan Paser Belengkong, renamed in 2007).
    names = {normalise(region.name): region for region in all_regions() if region.kind in kinds}
    close = difflib.get_close_matches(_strip_prefix(key), list(names), n=2, cutoff=SPELLING_CUTOFF)
    return [names[close[0]]] if len(close) == 1 else []


def _suggest(text: str, within: Region | None = None) -> tuple[str, ...]:
    full, _ = _name_index()
    key = _strip_prefix(normalise(text))
    pool = {
        describe(region): normalise(region.name)
        for regions in full.values()
        for region in regions
        if within is None or _is_within(region, within)
    }
    names_by_key: dict[str, list[str]] = {}
    for label, name_key in pool.items():
        names_by_key.setdefault(name_key, []).append(label)
    close = difflib.get_close_matches(key, list(names_by_key), n=3, cutoff=0.6)
    return tuple(label for name_key in close for label in sorted(names_by_key[name_key]))[:3]


def resolve_region(text: str, parent: str | None = None) -> Region:
    """The one region `text` names: a Kemendagri code, a BPS code, or a name or alias at any level.

    A name shared by several regions (a kecamatan and a desa, two desa) needs its parent, given as
    `parent=` or after a comma ("Tanjung Harapan, Paser"). Raises `UnknownRegionError` with the
    closest names, or `AmbiguousRegionError` listing the candidates.
    """
    original = str(text).strip()
    if not original:
        raise UnknownRegionError("region_empty")
    if parent is None and "," in original:
        original, parent = (part.strip() for part in original.split(",", 1))
    by_code = _resolve_code(original)
    if by_code is not None:
        return by_code
    within = resolve_region(parent) if parent else None
    candidates = _candidates(original)
    if within is not None:
        candidates = [region for region in candidates if _is_within(region, within)]
    if len(candidates) > 1:
        # An unqualified name shared by a kabupaten/kota and a smaller place means the kabupaten/kota.
        top = [region for region in candidates if region.level in ("provinsi", "kabupaten_kota")]
        if len(top) == 1:
            return top[0]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        # The example must itself resolve: the kind ('Kecamatan Anggana') tells a kecamatan from the
        # desa of the same name inside it; otherwise the parent does.
        first = candidates[0]
        kinds = [region.kind for region in candidates]
        example = (
            f"{first.kind} {first.name}" if kinds.count(first.kind) == 1 else f"{first.name}, {parent_of(first).name}"
        )
        raise AmbiguousRegionError(
            tuple(candidates),
            text=original,
            options="; ".join(describe(region) for region in candidates),
            example=example,
        )
    suggestions = _suggest(original, within)
    key = "region_unknown_suggest" if suggestions else "region_unknown"
    raise UnknownRegionError(key, suggestions, text=original, within=describe(within) if within else None)

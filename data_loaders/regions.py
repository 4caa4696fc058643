"""Kalimantan Timur's regions and the resolver that turns what people write into one region.

Agencies write regions as Kemendagri codes (`64.02`, or `6402` without dots), BPS codes (`6403`),
official names in any case, names with or without "Kabupaten"/"Kab."/"Kec."/"Kel.", aliases (Kukar,
PPU), names qualified by their parents ("Kel. Tanah Grogot, Kec. Tanah Grogot, Kab. Paser") and a
code and a name together ("64.03 - Kab. Berau"). Kemendagri and BPS codes differ for four kabupaten,
so the numbering of 4-digit codes is decided per file (`code_system`), and a file's region texts are
read together (`read_regions`): a bare name shared by a kecamatan and its seat kelurahan is read at
the level the rest of the file uses.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import orjson

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


@dataclass(frozen=True)
class Phrase:
    """A part of a message that is itself said in the reader's language (a level, a reason)."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def say(self, lang: str) -> str:
        return t(self.key, lang, **{name: _said(value, lang) for name, value in self.values})


def _said(value: object, lang: str) -> object:
    return value.say(lang) if isinstance(value, Phrase) else value


class RegionError(ValueError):
    """A region text that cannot be resolved. The message exists in every interface language
    (`message(lang)`; `str()` is Indonesian); `suggestions` holds the closest names."""

    def __init__(self, key: str, suggestions: tuple[str, ...] = (), **values: object) -> None:
        self.key = key
        self.values = values
        self.suggestions = suggestions
        super().__init__(self.message(DEFAULT_LANGUAGE))

    def message(self, lang: str) -> str:
        values = {name: _said(value, lang) for name, value in self.values.items()}
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
    """The features of one shipped boundary file, read with orjson: the desa/kelurahan file (8 MB)
    takes 72 ms instead of 200 ms with the standard library, paid by a server process's first map of
    a kecamatan's desa/kelurahan (issue 16)."""
    return orjson.loads((GEO_DIR / f"kaltim_{level_file}.geojson").read_bytes())["features"]


@lru_cache(maxsize=len(LEVELS))
def regions_at(level: str) -> tuple[Region, ...]:
    """The regions of one level of `LEVELS`, sorted by code, from that level's shipped boundary file
    (and the facts table for kabupaten/kota). Only that file is read: a kabupaten's kecamatan do not
    wait for the 8 MB desa/kelurahan file. Raises KeyError for another level."""
    if level == "provinsi":
        return (Region(PROVINCE_CODE, PROVINCE_CODE, PROVINCE_NAME, "Provinsi", "provinsi", None),)
    if level == "kabupaten_kota":
        facts = {fact.code: fact for fact in kabkota_facts()}
        regions = []
        for feature in _geo_features("kabupaten_kota"):
            props = feature["properties"]
            fact = facts[props["kode_kemendagri"]]
            regions.append(
                Region(fact.code, fact.bps_code, fact.name, fact.kind, level, PROVINCE_CODE, props["lat"], props["lng"])
            )
    elif level == "kecamatan":
        regions = []
        for feature in _geo_features(level):
            props = feature["properties"]
            code = props["kode_kemendagri"]
            regions.append(Region(code, None, props["nama"], "Kecamatan", level, code[:5], props["lat"], props["lng"]))
    elif level == "desa_kelurahan":
        regions = []
        for feature in _geo_features(level):
            props = feature["properties"]
            code, kind = props["kode_kemendagri"], props["jenis"].capitalize()
            regions.append(Region(code, None, props["nama"], kind, level, code[:8], props["lat"], props["lng"]))
    else:
        raise KeyError(level)
    return tuple(sorted(regions, key=lambda region: region.code))


@lru_cache(maxsize=1)
def all_regions() -> tuple[Region, ...]:
    """Every region of the province, sorted by code, from the shipped boundary files and the facts
    table."""
    return tuple(sorted((region for level in LEVELS for region in regions_at(level)), key=lambda r: r.code))


def level_of_code(code: object) -> str | None:
    """The level a Kemendagri code is written for, from its parts ('64' province, '64.02' kabupaten/
    kota, '64.02.01' kecamatan, '64.02.01.2001' desa/kelurahan); None for more parts or no text."""
    if not isinstance(code, str):
        return None
    parts = code.count(".")
    return LEVELS[parts] if parts < len(LEVELS) else None


@lru_cache(maxsize=len(LEVELS))
def _by_code_at(level: str) -> dict[str, Region]:
    return {region.code: region for region in regions_at(level)}


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
    """The region with this Kemendagri code (KeyError if there is none). Only its level's file is
    read (`regions_at`)."""
    level = level_of_code(code)
    if level is None:
        raise KeyError(code)
    return _by_code_at(level)[code]


def parent_of(region: Region) -> Region | None:
    """The region `region` lies in (None for the province)."""
    level = level_of_code(region.parent_code)
    return _by_code_at(level).get(region.parent_code) if level else None


def describe(region: Region) -> str:
    """'Kecamatan Tanjung Harapan (Paser)': a name a person can tell apart from its namesakes."""
    parent = parent_of(region)
    label = f"{region.kind} {region.name}"
    if parent and parent.level != "provinsi":
        return f"{label} ({parent.name})"
    return label


def children_of(code: str) -> tuple[Region, ...]:
    """The regions one level below `code`, sorted by code; () for a code without any. Only the
    level below is read (`regions_at`)."""
    level = level_of_code(code)
    if level is None or level == LEVELS[-1]:
        return ()
    return tuple(region for region in regions_at(LEVELS[LEVELS.index(level) + 1]) if region.parent_code == code)


def kabupaten_kota() -> tuple[Region, ...]:
    return regions_at("kabupaten_kota")


def _is_within(region: Region, ancestor: Region) -> bool:
    return region.code.startswith(ancestor.code + ".") or ancestor.level == "provinsi"


def _is_or_within(region: Region, ancestor: Region) -> bool:
    return region == ancestor or _is_within(region, ancestor)


def label(region: Region) -> str:
    """'Kelurahan Tanah Grogot (Tanah Grogot, 64.01.04.1001)': a region as messages name it, with
    the name of its parent (below the province) and its Kemendagri code."""
    parent = parent_of(region)
    inside = f"{parent.name}, " if parent and parent.level != "provinsi" else ""
    return f"{region.kind} {region.name} ({inside}{region.code})"


def written(region: Region) -> str:
    """The shortest text that names `region` alone, as a fix to suggest: 'Kecamatan Kuaro',
    'Kelurahan Kuaro', 'Desa Tanjung Harapan, Kecamatan Sebulu'; its Kemendagri code when no such
    name exists."""
    name = f"{region.kind} {region.name}"
    if _candidates(name) == [region]:
        return name
    parent = parent_of(region)
    if parent and [found for found in _candidates(name) if _is_within(found, parent)] == [region]:
        return f"{name}, {parent.kind} {parent.name}"
    return region.code


def _resolve_code(text: str, system: str = "bps") -> Region | None:
    compact = text.replace(" ", "")
    if re.fullmatch(r"\d{2}(\.\d{2}){1,2}(\.\d{4})?", compact):
        region = _by_code().get(compact)
        if region is None:
            raise UnknownRegionError("region_bad_kemendagri", code=text)
        return region
    if compact == PROVINCE_CODE:
        return _by_code()[PROVINCE_CODE]
    if re.fullmatch(r"\d{4}", compact) and system == "kemendagri":
        region = _by_code().get(dotted(compact))
        if region is None:
            raise UnknownRegionError("region_bad_kemendagri", code=text)
        return region
    if re.fullmatch(r"\d{4}", compact):
        region = _by_bps_code().get(compact)
        if region is None:
            raise UnknownRegionError("region_bad_bps", code=text, codes=", ".join(sorted(_by_bps_code())[1:]))
        return region
    if re.fullmatch(r"64\d{4}|64\d{8}", compact):
        # Kemendagri kecamatan and desa codes without dots (640105, 6401052002). BPS numbers a
        # kecamatan with 7 digits and a desa's last 4 digits never start with 1 or 2 as Kemendagri's
        # do, so these readings are the only ones.
        parts = [compact[:2], compact[2:4], compact[4:6]] + ([compact[6:]] if len(compact) == 10 else [])
        region = _by_code().get(".".join(parts))
        if region is not None:
            return region
    if re.fullmatch(r"\d+", compact):
        raise UnknownRegionError("region_bad_number", code=text)
    return None


_CODE = r"\d{2}(?:\.\d{2}){1,2}(?:\.\d{4})?|\d+"
_CODE_FIRST = re.compile(rf"[\[(]?({_CODE})[\])]?\s*[-–—:|.]?\s*([^\d\s].*)")  # '64.03 - Kab. Berau'
_CODE_LAST = re.compile(rf"(.*?[^\d\s])\s*[\[(]({_CODE})[\])]")  # 'Berau (6405)'
_PARENT_IN_BRACKETS = re.compile(r"(.+?)\s*\(([^()\d]+)\)")  # 'Kecamatan Kuaro (Paser)', as messages print it


def split_code(text: str) -> tuple[str | None, str]:
    """A region text as its code and its name: '64.03 - Kab. Berau' → ('64.03', 'Kab. Berau'),
    'Berau (6405)' → ('6405', 'Berau'), '6403' → ('6403', ''), 'Berau' → (None, 'Berau')."""
    text = text.strip()
    if re.fullmatch(r"[\d.\s]+", text):
        return text, ""
    found = _CODE_FIRST.fullmatch(text)
    if found:
        return found.group(1), found.group(2).strip()
    found = _CODE_LAST.fullmatch(text)
    if found:
        return found.group(2), found.group(1).strip()
    return None, text


@lru_cache(maxsize=1)
def _kabkota_numbers() -> tuple[dict[str, Region], dict[str, Region]]:
    """Each kab/kota by its 4-digit number in Kemendagri numbering (its code without the dot) and in BPS's."""
    kabkota = [region for region in all_regions() if region.level == "kabupaten_kota"]
    return (
        {region.code.replace(".", ""): region for region in kabkota},
        {region.bps_code: region for region in kabkota if region.bps_code},
    )


def readings_of(code: str) -> tuple[Region | None, Region | None]:
    """The kab/kota a bare 4-digit `code` names in BPS numbering and in Kemendagri numbering
    ('6402': Kutai Barat, Kutai Kartanegara); None where a numbering has no such code."""
    kemendagri, bps = _kabkota_numbers()
    return bps.get(code), kemendagri.get(code)


def _agrees(by_code: Region | None, named: Region) -> bool:
    return by_code is not None and _is_or_within(named, by_code)


def _quietly(text: str) -> Region | None:
    try:
        return resolve_region(text)
    except RegionError:
        return None


def _system_evidence(texts: Iterable[str], implementers: Iterable[tuple[str, str]]) -> tuple[str, bool]:
    """`code_system`'s answer, and whether a code that exists in one numbering only decided it."""
    kemendagri, bps = _kabkota_numbers()
    codes: set[str] = set()
    named: list[tuple[str, Region]] = []
    for text in texts:
        code, name = split_code(text)
        if code is None or not re.fullmatch(r"\d{4}", code):
            continue
        codes.add(code)
        region = _quietly(name) if name else None
        if region is not None:
            named.append((code, region))
    for text, implementer in implementers:
        code, _ = split_code(text)
        home = implementer_kabkota(implementer)
        if code is not None and re.fullmatch(r"\d{4}", code) and home is not None:
            named.append((code, home))
    only_kemendagri = codes & (kemendagri.keys() - bps.keys())
    only_bps = codes & (bps.keys() - kemendagri.keys())
    kemendagri_names = [c for c, r in named if _agrees(kemendagri.get(c), r) and not _agrees(bps.get(c), r)]
    bps_names = [c for c, r in named if _agrees(bps.get(c), r) and not _agrees(kemendagri.get(c), r)]
    if (only_kemendagri or kemendagri_names) and not (only_bps or bps_names):
        return "kemendagri", bool(only_kemendagri)
    return "bps", bool(only_bps)


def code_system(texts: Iterable[str], implementers: Iterable[tuple[str, str]] = ()) -> str:
    """Which numbering the 4-digit kab/kota codes of one file use: 'kemendagri' or 'bps'.

    `texts` are the file's region texts (a code, a name, or both: '6403 Berau'); `implementers`
    pairs a region text with the implementer written on the same row ('Dinas Sosial Kabupaten
    Berau'). Evidence for a numbering is a code that exists only in it (Kemendagri 6407, 6408; BPS
    6404, 6405), or a code whose region in it, and only in it, agrees with the name written with the
    code or with the implementer's kabupaten/kota. The answer is 'kemendagri' when there is evidence
    for it and none for BPS; else 'bps', the reading of a bare 4-digit code everywhere else. Needed
    because the two give 6402 and 6403 to different kabupaten (Kutai Barat and Kutai Kartanegara;
    Kutai Kartanegara and Berau)."""
    return _system_evidence(texts, implementers)[0]


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


def _ambiguous(candidates: list[Region], text: str) -> AmbiguousRegionError:
    # The example must itself resolve: the kind ('Kecamatan Anggana') tells a kecamatan from the
    # desa of the same name inside it; otherwise the parent does.
    first = candidates[0]
    kinds = [region.kind for region in candidates]
    example = f"{first.kind} {first.name}" if kinds.count(first.kind) == 1 else f"{first.name}, {parent_of(first).name}"
    return AmbiguousRegionError(
        tuple(candidates), text=text, options="; ".join(label(region) for region in candidates), example=example
    )


def _resolve_parent(text: str, system: str) -> Region:
    """The region a qualifier names; a desa or kelurahan holds no other region, so 'Kec.' may be left
    out of 'Kel. Kuaro, Kuaro'."""
    try:
        return resolve_region(text, system=system)
    except AmbiguousRegionError as ambiguous:
        containers = [region for region in ambiguous.candidates if region.level != "desa_kelurahan"]
        if len(containers) == 1:
            return containers[0]
        raise


def _with_name(by_code: Region, code: str, name: str, system: str) -> Region:
    """The region a code and a name written together mean: the name's region when it is the code's
    or lies inside it (the code then tells namesakes apart); else both readings are refused."""
    try:
        readings: tuple[Region, ...] = (resolve_region(name, system=system),)
    except AmbiguousRegionError as ambiguous:
        readings = ambiguous.candidates
    except UnknownRegionError:
        suggestions = _suggest(name, by_code)
        key = "region_unknown_suggest" if suggestions else "region_unknown"
        raise UnknownRegionError(key, suggestions, text=name, within=describe(by_code)) from None
    inside = [region for region in readings if _is_or_within(region, by_code)]
    if len(inside) == 1:
        return inside[0]
    if inside:
        raise _ambiguous(inside, name)
    hint: object = ""
    if re.fullmatch(r"\d{4}", code):
        other_system = "bps" if system == "kemendagri" else "kemendagri"
        other = _resolve_quietly_code(code, other_system)
        if other is not None and any(_is_or_within(region, other) for region in readings):
            hint = Phrase(
                "region_code_other_system",
                (("code", code), ("system", _SYSTEM_NAMES[other_system]), ("region", label(other))),
            )
    shown = f"{code} ({_SYSTEM_NAMES[system]})" if re.fullmatch(r"\d{4}", code) else code
    raise RegionError(
        "region_code_name_disagree",
        code=shown,
        code_region=label(by_code),
        name=name,
        name_region=" / ".join(label(region) for region in readings),
        hint=hint,
    )


_SYSTEM_NAMES = {"bps": "BPS", "kemendagri": "Kemendagri"}


def _resolve_quietly_code(code: str, system: str) -> Region | None:
    try:
        return _resolve_code(code, system)
    except RegionError:
        return None


def resolve_region(text: str, parent: str | None = None, system: str = "bps") -> Region:
    """The one region `text` names: a Kemendagri code, a BPS code, or a name or alias at any level.

    A name shared by several regions (a kecamatan and a desa, two desa) needs its parent, given as
    `parent=`, after commas ("Kel. Tanah Grogot, Kec. Tanah Grogot, Kab. Paser") or in brackets
    ("Kecamatan Kuaro (Paser)"). `system` is the numbering of 4-digit codes ('bps' or 'kemendagri',
    see `code_system`). A code and a name written together ("64.03 - Kab. Berau") must agree.
    Raises `UnknownRegionError` with the closest names, `AmbiguousRegionError` listing the
    candidates, or `RegionError` 'region_not_in_parent' (the parent does not hold the name; both
    are named) or 'region_code_name_disagree' (the code and the name mean different regions; both
    readings are named).
    """
    original = str(text).strip()
    if not original:
        raise UnknownRegionError("region_empty")
    code, name = split_code(original)
    by_code = _resolve_code(code, system) if code is not None else None
    if by_code is not None:
        return _with_name(by_code, code, name, system) if name else by_code
    if parent is None:
        bracketed = _PARENT_IN_BRACKETS.fullmatch(original)
        if bracketed:
            original, parent = (part.strip() for part in bracketed.groups())
        elif "," in original:
            original, parent = (part.strip() for part in original.split(",", 1))
    within = _resolve_parent(parent, system) if parent else None
    candidates = _candidates(original)
    if within is not None:
        inside = [region for region in candidates if _is_within(region, within)]
        elsewhere = [region for region in candidates if region not in inside and region != within]
        if elsewhere and not inside:
            raise RegionError(
                "region_not_in_parent",
                text=original,
                parent=label(within),
                found="; ".join(label(region) for region in elsewhere),
                example=written(elsewhere[0]),
            )
        # 'Kutai Kartanegara (Kukar)': a qualifier that names the region itself.
        candidates = inside or [region for region in candidates if region == within]
    if len(candidates) > 1:
        # An unqualified name shared by a kabupaten/kota and a smaller place means the kabupaten/kota.
        top = [region for region in candidates if region.level in ("provinsi", "kabupaten_kota")]
        if len(top) == 1:
            return top[0]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise _ambiguous(candidates, original)
    suggestions = _suggest(original, within)
    key = "region_unknown_suggest" if suggestions else "region_unknown"
    raise UnknownRegionError(key, suggestions, text=original, within=describe(within) if within else None)


# Words that make an implementer a government office, whose programs lie in its own kabupaten/kota.
_OFFICE = re.compile(
    r"\b(dinas|dinsos|pemerintah|pemkab|pemkot|badan|bappeda|sekretariat|setda|kantor|upt|uptd|bagian)\b"
)
_GOVERNMENT = re.compile(r"\b(kabupaten|kab|pemkab|kota|pemkot)\b\s*(.*)")


def implementer_kabkota(text: str) -> Region | None:
    """The kabupaten/kota whose government an implementer is part of: 'Dinas Sosial Kabupaten Berau',
    'Dinsos Kab. Kukar', 'Pemkot Samarinda'. None for the province, ministries, companies and
    foundations, and for names after 'Kota' that are not a city ('UPT Kota Bangun')."""
    key = normalise(text)
    if not _OFFICE.search(key):
        return None
    _, stripped = _name_index()
    for found in _GOVERNMENT.finditer(key):
        kind = "Kota" if found.group(1) in ("kota", "pemkot") else "Kabupaten"
        words = found.group(2).split()
        for count in range(len(words), 0, -1):
            regions = [
                region
                for region in stripped.get(" ".join(words[:count]), [])
                if region.level == "kabupaten_kota" and region.kind == kind
            ]
            if len(regions) == 1:
                return regions[0]
    return None


@dataclass(frozen=True)
class FileRegions:
    """The region texts of one file, read together (see `read_regions`)."""

    system: str  # the numbering of its 4-digit codes: 'bps' or 'kemendagri'
    system_by_codes: bool  # a code that exists in that numbering only decided it (else names did)
    found: dict[str, Region | RegionError]  # each distinct text: its region, or why it has none
    # Names shared across levels, read at the level the file uses: text -> (that region, the others).
    by_level: dict[str, tuple[Region, tuple[Region, ...]]]
    levels: frozenset[str]  # the levels of the texts that name one region each
    evidence: int  # how many texts name one region each


def read_regions(texts: Iterable[str], implementers: Iterable[tuple[str, str]] = ()) -> FileRegions:
    """Every distinct region text of one file, read as the file uses them: 4-digit codes in the file's
    numbering (`code_system`; `implementers` as there), and a name that regions of different levels
    share ('Tanah Grogot': Kecamatan 64.01.04 and its seat, Kelurahan 64.01.04.1001) at the one of
    those levels that the file's other regions use. Where the file uses none or several of them, the
    name is refused with the candidates, their codes and the texts that name each alone."""
    texts = list(dict.fromkeys(texts))
    system, by_codes = _system_evidence(texts, implementers)
    found: dict[str, Region | RegionError] = {}
    for text in texts:
        try:
            found[text] = resolve_region(text, system=system)
        except RegionError as error:
            found[text] = error
    resolved = [region for region in found.values() if isinstance(region, Region)]
    levels = frozenset(region.level for region in resolved)
    by_level: dict[str, tuple[Region, tuple[Region, ...]]] = {}
    for text, result in list(found.items()):
        if not isinstance(result, AmbiguousRegionError) or len({r.level for r in result.candidates}) < 2:
            continue
        fitting = [region for region in result.candidates if region.level in levels]
        if len(fitting) == 1:
            found[text] = fitting[0]
            by_level[text] = (fitting[0], tuple(r for r in result.candidates if r != fitting[0]))
        else:
            found[text] = _level_unknown(text, result.candidates, fitting)
    return FileRegions(system, by_codes, found, by_level, levels, len(resolved))


def _level_unknown(text: str, candidates: tuple[Region, ...], fitting: list[Region]) -> RegionError:
    fitting_levels = sorted({region.level for region in fitting}, key=LEVELS.index)
    if not fitting:
        why = Phrase("region_level_no_evidence")
    elif len(fitting_levels) > 1:
        why = Phrase(
            "region_level_both",
            (("first", Phrase(f"level_{fitting_levels[0]}")), ("second", Phrase(f"level_{fitting_levels[1]}"))),
        )
    else:
        why = Phrase("region_level_same", (("level", Phrase(f"level_{fitting_levels[0]}")),))
    return RegionError(
        "region_ambiguous_level",
        text=text,
        options="; ".join(label(region) for region in candidates),
        why=why,
        examples=", ".join(f"'{written(region)}'" for region in candidates),
    )

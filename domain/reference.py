"""Reference data as the pages show it: the PPKS categories, the region facts the dashboard ships,
and the import history, read through the scoped reader."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from common.i18n import t, value
from data_loaders.regions import kabkota_facts
from domain.filters import LINTAS_PPKS, Filters
from domain.reader import Reader


@dataclass(frozen=True)
class Categories:
    """The 26 PPKS categories of Permensos 8/2012: `table` has id, name (as in the regulation;
    pages show `common.i18n.value('ppks', id, lang)`), abbreviation (None where there is none),
    abbreviation_official (True when the regulation gives it, False for common usage)."""

    table: pd.DataFrame

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(int(i) for i in self.table["id"])


def categories(reader: Reader) -> Categories:
    """The PPKS categories in number order."""
    return Categories(
        table=reader.query("SELECT id, name, abbreviation, abbreviation_official FROM ppks_category_list ORDER BY id")
    )


@dataclass(frozen=True)
class Imports:
    """The import log in scope, newest first. `table`: id, kind (import kind code: program, ppks,
    penerima, mitra, indikator, demo), file_name, imported_by, imported_at (timestamp), is_sample,
    rows_added, rows_updated, rows_unchanged, rows_deleted (rows of the kind's main table, one per row
    of the file), status (code: committed — stored, unchanged — the file changed nothing and wrote
    nothing, rolled_back, removed)."""

    table: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.table.empty

    @property
    def official(self) -> pd.DataFrame:
        """The imports of real data (the sample data set left out)."""
        return self.table[~self.table["is_sample"].astype(bool)]

    @property
    def committed(self) -> pd.DataFrame:
        """Imports of real data that are stored and can be rolled back."""
        official = self.official
        return official[official["status"] == "committed"]


def imports(reader: Reader) -> Imports:
    """Every import whose rows are in scope (see `domain.reader`), newest first."""
    return Imports(
        table=reader.query(
            """SELECT id, kind, file_name, imported_by, imported_at, is_sample, rows_added, rows_updated,
                      rows_unchanged, rows_deleted, status
               FROM import_rows ORDER BY id DESC"""
        )
    )


@dataclass(frozen=True)
class RegionFacts:
    """The ten kabupaten/kota as the dashboard ships them (reference/kaltim_regions.csv), not the
    store: `table` has code (Kemendagri), bps_code, name, kind ('Kabupaten'/'Kota' — pages show
    `value('kind', …)`), capital, area_km2, kecamatan (count), population_2020,
    population_latest (jiwa), poverty_rate (%), poor_people (jiwa, None where BPS gives none),
    sources (text), and one flag per fact that the CSV marks unverified: population_2020_unverified,
    population_latest_unverified, poverty_unverified. `population_year` and `poverty_year` are the
    years of the latest population and of the poverty figures."""

    table: pd.DataFrame
    population_year: int
    poverty_year: int

    @property
    def unverified(self) -> tuple[tuple[str, str], ...]:
        """(region name, fact) of every shown fact the CSV marks unverified, fact by fact in table
        order; fact is population_2020, population_latest, poverty_rate or poor_people (a missing
        figure is not listed)."""
        rows, found = self.table, []
        for fact, flag in (
            ("population_2020", "population_2020_unverified"),
            ("population_latest", "population_latest_unverified"),
            ("poverty_rate", "poverty_unverified"),
            ("poor_people", "poverty_unverified"),
        ):
            found += [(name, fact) for name in rows.loc[rows[flag] & rows[fact].notna(), "name"]]
        return tuple(found)


def region_facts() -> RegionFacts:
    """The shipped facts of the ten kabupaten/kota (see `RegionFacts`); the same for every scope."""
    facts = kabkota_facts()
    table = pd.DataFrame(
        {
            "code": [f.code for f in facts],
            "bps_code": [f.bps_code for f in facts],
            "name": [f.name for f in facts],
            "kind": [f.kind for f in facts],
            "capital": [f.capital for f in facts],
            "area_km2": [f.area_km2 for f in facts],
            "kecamatan": [f.kecamatan_count for f in facts],
            "population_2020": [f.population_2020 for f in facts],
            "population_2020_unverified": [f.is_unverified("pop 2020") for f in facts],
            "population_latest": [f.population_latest for f in facts],
            "population_latest_unverified": [f.is_unverified("pop 2023") for f in facts],
            "poverty_rate": [f.poverty_rate_pct for f in facts],
            "poor_people": [None if f.poor_people_thousand is None else f.poor_people_thousand * 1000 for f in facts],
            "poverty_unverified": [f.is_unverified("poverty") for f in facts],
            "sources": [f.sources for f in facts],
        }
    )
    return RegionFacts(table=table, population_year=facts[0].population_latest_year, poverty_year=facts[0].poverty_year)


def _missing(value: object) -> bool:
    """None, NaN, NA or NaT (a cell may also hold a list or a date, which pd.isna does not answer for)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def upload_preview(clean: pd.DataFrame, categories: dict[object, str] | None = None, rows: int = 20) -> pd.DataFrame:
    """The first `rows` rows of a validated upload as they will be stored: regions as 'Name (code)',
    NIK hashes shortened to their first 10 characters, PPKS category ids ('kategori_ppks': 1–26 or
    'lintas') shown through `categories` (the page's names for them; an id it lacks stays as it is),
    other values unchanged; the source row number stays in `_row`. A missing value is None in every
    column (never NaN or the text 'None'), so the table draws its dash; a column that mixes numbers
    and text is given as text, so the table never converts it (and its missing cells) by itself."""
    shown = clean.head(rows)
    shown = shown[[c for c in shown.columns if c == "_row" or not str(c).startswith("_")]]  # marks for storage
    out = {}
    for column in shown.columns:
        # Lists, not Series.map: map would turn whole numbers next to a missing value into floats.
        cells = [None if _missing(v) else v for v in shown[column].astype(object)]
        cells = [f"{v.name} ({v.code})" if hasattr(v, "level") else v for v in cells]
        if column == "nik_hash":
            cells = [f"{v[:10]}…" if isinstance(v, str) else v for v in cells]
        if column == "kategori_ppks" and categories:
            cells = [categories.get(v, v) if v is not None else v for v in cells]
        numbers = {isinstance(v, int | float) and not isinstance(v, bool) for v in cells if v is not None}
        if len(numbers) > 1:  # numbers and text in one column
            cells = [None if v is None else str(v) for v in cells]
        out[column] = pd.Series(cells, index=shown.index, dtype=object)
    return pd.DataFrame(out)


@dataclass(frozen=True)
class KabKota:
    """The kabupaten/kota in scope, for the region filter: `table` has code (Kemendagri) and name,
    in name order."""

    table: pd.DataFrame

    @property
    def names(self) -> dict[str, str]:
        return dict(zip(self.table["code"], self.table["name"], strict=True))


def kabupaten_kota(reader: Reader) -> KabKota:
    """The kabupaten/kota the user's scope holds (all ten for the whole province)."""
    return KabKota(
        table=reader.query("SELECT code, name FROM region_rows WHERE level = 'kabupaten_kota' ORDER BY name")
    )


def filters_words(reader: Reader, filters: Filters, lang: str) -> str:
    """'Kutai Timur · APBN, CSR/TJSL · Fakir Miskin': what the figures of a view are about (region,
    funding sources, PPKS category) in `lang` — the words of every page header, slide and download
    stamp."""
    regions = kabupaten_kota(reader).names
    region = regions.get(filters.kabkota, filters.kabkota) if filters.kabkota else t("all_regions", lang)
    names = [value("source", code, lang) for code in filters.sources]
    sources = ", ".join(names) if names else t("all_sources", lang)
    if filters.ppks is None:
        ppks = t("all_ppks", lang)
    elif filters.ppks == LINTAS_PPKS:
        ppks = t("lintas_ppks", lang)
    else:
        ppks = value("ppks", int(filters.ppks), lang)
    return t("view_summary", lang, region=region, sources=sources, ppks=ppks)

"""The one translation table: every interface string, in Bahasa Indonesia (default) and English.

Keys are stable identifiers; `t(key, lang, **values)` fills `{placeholders}`. A test checks that
every key has both languages and the same placeholders in each.
"""

from __future__ import annotations

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

STRINGS: dict[str, dict[str, str]] = {
    # --- app frame ------------------------------------------------------------------------
    "app_title": {"id": "Sinergi Kesos Kaltim", "en": "Sinergi Kesos Kaltim"},
    "app_tagline": {
        "id": "Koordinasi program kesejahteraan sosial Kalimantan Timur",
        "en": "Coordinating social-welfare programs in East Kalimantan",
    },
    "nav_monitor": {"id": "Pantau", "en": "Monitor"},
    "nav_reference": {"id": "Referensi", "en": "Reference"},
    "page_overview": {"id": "Ringkasan", "en": "Overview"},
    "page_reference": {"id": "Data referensi", "en": "Reference data"},
    "language": {"id": "Bahasa / Language", "en": "Bahasa / Language"},
    "sample_banner": {
        "id": "Data contoh — bukan data resmi. Angka program, PPKS dan penerima adalah data sintetis; "
        "kode wilayah, penduduk dan kemiskinan adalah data BPS/Kemendagri.",
        "en": "Sample data — not official figures. Program, PPKS and beneficiary figures are synthetic; "
        "region codes, population and poverty are BPS/Kemendagri data.",
    },
    "empty_store": {
        "id": "Belum ada data di basis data ini. Impor data melalui halaman Kelola Data atau jalankan "
        "`python -m data_loaders demo` untuk data contoh.",
        "en": "This store holds no data yet. Import data, or run `python -m data_loaders demo` for sample data.",
    },
    "building_demo": {
        "id": "Basis data masih kosong: menyiapkan data contoh…",
        "en": "The store is empty: preparing the sample data set…",
    },
    # --- filters --------------------------------------------------------------------------
    "filters": {"id": "Filter", "en": "Filters"},
    "filter_year": {"id": "Tahun", "en": "Year"},
    "filter_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "filter_source": {"id": "Sumber dana", "en": "Funding source"},
    "filter_ppks": {"id": "Kategori PPKS", "en": "PPKS category"},
    "all_regions": {"id": "Seluruh Kalimantan Timur", "en": "All of East Kalimantan"},
    "all_sources": {"id": "Semua sumber dana", "en": "All funding sources"},
    "all_ppks": {"id": "Semua kategori", "en": "All categories"},
    "lintas_ppks": {"id": "Lintas PPKS", "en": "Lintas PPKS"},
    "filters_link_hint": {
        "id": "Filter tersimpan di alamat halaman: salin tautan untuk membagikan tampilan ini.",
        "en": "Filters are kept in the page address: copy the link to share this view.",
    },
    # --- sources and dates ----------------------------------------------------------------
    "source_line": {"id": "Sumber: {source}, per {date}.", "en": "Source: {source}, as of {date}."},
    "source_sample": {"id": "data contoh (sintetis)", "en": "sample data (synthetic)"},
    "source_imports": {"id": "impor {files}", "en": "imports {files}"},
    "as_of": {"id": "per {date}", "en": "as of {date}"},
    # --- overview -------------------------------------------------------------------------
    "overview_title": {"id": "Ringkasan {year}", "en": "Overview {year}"},
    "kpi_budget": {"id": "Pagu", "en": "Planned"},
    "kpi_budget_help": {
        "id": "Anggaran yang direncanakan (pagu) untuk program pada filter ini. Perubahan: dibanding {prev}.",
        "en": "Planned budget of the programs in this view. Change: against {prev}.",
    },
    "kpi_spent": {"id": "Realisasi", "en": "Spent"},
    "kpi_spent_help": {
        "id": "Anggaran yang sudah dibelanjakan (realisasi). Perubahan: dibanding {prev}.",
        "en": "Amount spent so far. Change: against {prev}.",
    },
    "kpi_realisation": {"id": "Realisasi anggaran", "en": "Budget realisation"},
    "kpi_realisation_help": {"id": "Realisasi ÷ pagu.", "en": "Spent ÷ planned."},
    "kpi_programs": {"id": "Program", "en": "Programs"},
    "kpi_programs_help": {
        "id": "Jumlah program; program di beberapa tempat atau dengan beberapa sumber dihitung sekali.",
        "en": "Number of programs; a program in several places or with several sources counts once.",
    },
    "kpi_reached": {"id": "Penerima tercapai", "en": "People reached"},
    "kpi_reached_help": {
        "id": "Penerima (jiwa atau KK) yang sudah menerima bantuan; program dengan satuan unit atau lembaga "
        "tidak dihitung.",
        "en": "Beneficiaries (persons or households) reached; programs counted in units or institutions are left out.",
    },
    "kpi_target_share": {"id": "Target penerima tercapai", "en": "Beneficiary target reached"},
    "kpi_target_share_help": {
        "id": "Penerima tercapai ÷ target penerima (jiwa/KK).",
        "en": "People reached ÷ people targeted (persons/households).",
    },
    "kpi_ppks": {"id": "PPKS", "en": "PPKS (people in need)"},
    "kpi_ppks_help": {
        "id": "Pemerlu Pelayanan Kesejahteraan Sosial (jiwa) pada tahun dan wilayah ini. Sumber dana tidak "
        "berlaku untuk kebutuhan.",
        "en": "People in need of social-welfare services in this year and region. Funding source does not "
        "apply to need.",
    },
    "kpi_coverage": {"id": "Cakupan", "en": "Coverage"},
    "kpi_coverage_help": {"id": "Penerima tercapai ÷ PPKS.", "en": "People reached ÷ PPKS."},
    "vs_prev_year": {"id": "vs {year}", "en": "vs {year}"},
    "chart_by_source_title": {
        "id": "{top} menanggung {share} pagu {year}",
        "en": "{top} carries {share} of the {year} budget",
    },
    "chart_by_region_title": {
        "id": "Pagu terbesar di {top}: {amount}",
        "en": "Largest budget in {top}: {amount}",
    },
    "axis_amount": {"id": "Jumlah (Rp)", "en": "Amount (Rp)"},
    "axis_source": {"id": "Sumber dana", "en": "Funding source"},
    "axis_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "axis_kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "whole_region": {"id": "(tingkat kabupaten/kota)", "en": "(regency/city level)"},
    "of_budget": {"id": "dari", "en": "of"},
    "series_budget": {"id": "Pagu", "en": "Planned"},
    "series_spent": {"id": "Realisasi", "en": "Spent"},
    "hover_budget": {"id": "Pagu", "en": "Planned"},
    "hover_spent": {"id": "Realisasi", "en": "Spent"},
    "hover_programs": {"id": "Program", "en": "Programs"},
    "no_programs": {
        "id": "Tidak ada program untuk {what} pada filter ini.",
        "en": "There are no programs for {what} in this view.",
    },
    "no_data_year": {
        "id": "Belum ada data program maupun PPKS untuk tahun {year} dengan filter ini.",
        "en": "There is no program or PPKS data for {year} in this view.",
    },
    "show_numbers": {"id": "Lihat angka", "en": "Show figures"},
    "col_source": {"id": "Sumber dana", "en": "Funding source"},
    "col_budget": {"id": "Pagu (Rp)", "en": "Planned (Rp)"},
    "col_committed": {"id": "Komitmen (Rp)", "en": "Committed (Rp)"},
    "col_spent": {"id": "Realisasi (Rp)", "en": "Spent (Rp)"},
    "col_realisation": {"id": "Realisasi (%)", "en": "Realisation (%)"},
    "col_programs": {"id": "Program", "en": "Programs"},
    "col_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "view_summary": {"id": "{region} · {sources} · {ppks}", "en": "{region} · {sources} · {ppks}"},
    # --- region resolver ------------------------------------------------------------------
    "region_empty": {
        "id": "Wilayah kosong. Isi nama atau kode wilayah.",
        "en": "The region is empty. Enter a region name or code.",
    },
    "region_bad_kemendagri": {
        "id": "Kode Kemendagri '{code}' tidak ada di Kalimantan Timur. Periksa kode pada daftar wilayah "
        "(Kepmendagri 2025).",
        "en": "Kemendagri code '{code}' does not exist in East Kalimantan. Check the code against the region "
        "list (Kepmendagri 2025).",
    },
    "region_bad_bps": {
        "id": "Kode BPS '{code}' bukan kabupaten/kota di Kalimantan Timur. Kode BPS kabupaten/kota Kaltim: {codes}.",
        "en": "BPS code '{code}' is not a regency/city of East Kalimantan. Kaltim's BPS regency/city codes: {codes}.",
    },
    "region_bad_number": {
        "id": "Kode '{code}' tidak dikenali. Gunakan kode Kemendagri bertitik (mis. 64.02.06) atau kode BPS 4 angka "
        "untuk kabupaten/kota (mis. 6403), atau tulis nama wilayahnya.",
        "en": "Code '{code}' is not recognised. Use a dotted Kemendagri code (e.g. 64.02.06), a 4-digit BPS code "
        "for a regency/city (e.g. 6403), or the region's name.",
    },
    "region_ambiguous": {
        "id": "'{text}' cocok dengan beberapa wilayah: {options}. Tuliskan juga induknya, mis. '{example}'.",
        "en": "'{text}' matches several regions: {options}. Add its parent, e.g. '{example}'.",
    },
    "region_unknown_suggest": {
        "id": "'{text}' tidak dikenal sebagai wilayah{within}. Maksud Anda {suggestions}?",
        "en": "'{text}' is not a known region{within}. Did you mean {suggestions}?",
    },
    "region_unknown": {
        "id": "'{text}' tidak dikenal sebagai wilayah{within}. Periksa ejaan atau gunakan kode Kemendagri.",
        "en": "'{text}' is not a known region{within}. Check the spelling or use the Kemendagri code.",
    },
    "region_within": {"id": " di {place}", "en": " in {place}"},
    "or": {"id": " atau ", "en": " or "},
    # --- reference page -------------------------------------------------------------------
    "reference_title": {"id": "Data referensi", "en": "Reference data"},
    "reference_intro": {
        "id": "Kode wilayah, penduduk dan kemiskinan yang dipakai dasbor, dengan sumbernya. Angka bertanda ⚠ "
        "belum terverifikasi.",
        "en": "The region codes, population and poverty figures the dashboard uses, with their sources. "
        "Figures marked ⚠ are unverified.",
    },
    "regions_heading": {"id": "Kabupaten/kota", "en": "Regencies and cities"},
    "col_code_kemendagri": {"id": "Kode Kemendagri", "en": "Kemendagri code"},
    "col_code_bps": {"id": "Kode BPS", "en": "BPS code"},
    "col_name": {"id": "Nama", "en": "Name"},
    "col_kind": {"id": "Jenis", "en": "Type"},
    "col_capital": {"id": "Ibu kota", "en": "Capital"},
    "col_area": {"id": "Luas (km²)", "en": "Area (km²)"},
    "col_population": {"id": "Penduduk {year} (jiwa)", "en": "Population {year}"},
    "col_poverty_rate": {"id": "Penduduk miskin {year} (%)", "en": "Poverty rate {year} (%)"},
    "col_poor_people": {"id": "Penduduk miskin {year} (jiwa)", "en": "Poor people {year}"},
    "col_kecamatan": {"id": "Kecamatan", "en": "Districts"},
    "unverified": {"id": "⚠ belum terverifikasi", "en": "⚠ unverified"},
    "not_available": {"id": "tidak tersedia", "en": "not available"},
    "unverified_note": {
        "id": "⚠ Belum terverifikasi: {items}.",
        "en": "⚠ Unverified: {items}.",
    },
    "codes_note": {
        "id": "Kode Kemendagri dan kode BPS berbeda untuk empat kabupaten: 6402 (BPS) adalah Kutai Barat, "
        "sedangkan 64.02 (Kemendagri) adalah Kutai Kartanegara. Dasbor menyimpan kode Kemendagri.",
        "en": "Kemendagri and BPS codes differ for four regencies: 6402 (BPS) is Kutai Barat while 64.02 "
        "(Kemendagri) is Kutai Kartanegara. The dashboard stores Kemendagri codes.",
    },
    "regions_source": {
        "id": "Sumber: Kepmendagri 300.2.2-2138/2025 (kode, jumlah kecamatan); BPS MFD (kode BPS); BIG 2024 "
        "(luas); BPS SP2020 dan estimasi pertengahan 2023 (penduduk); BPS Susenas Maret 2024 "
        "(kemiskinan). Rincian per baris di bawah.",
        "en": "Source: Kepmendagri 300.2.2-2138/2025 (codes, district counts); BPS MFD (BPS codes); BIG 2024 "
        "(area); BPS SP2020 and mid-2023 estimate (population); BPS Susenas March 2024 (poverty). "
        "Per-row details below.",
    },
    "row_sources": {"id": "Sumber per kabupaten/kota", "en": "Sources per regency/city"},
    "ppks_heading": {"id": "26 kategori PPKS", "en": "The 26 PPKS categories"},
    "col_number": {"id": "No.", "en": "No."},
    "col_category": {"id": "Kategori", "en": "Category"},
    "col_abbreviation": {"id": "Singkatan", "en": "Abbreviation"},
    "ppks_source": {
        "id": "Sumber: Permensos 8/2012. Singkatan bertanda † adalah singkatan umum, bukan dari peraturan.",
        "en": "Source: Permensos 8/2012. Abbreviations marked † are common usage, not from the regulation.",
    },
    "boundaries_heading": {"id": "Batas wilayah", "en": "Boundaries"},
    "boundaries_note": {
        "id": "Batas 10 kabupaten/kota, 105 kecamatan dan 1.038 desa/kelurahan: repositori publik "
        "cahyadsn/wilayah_boundaries (Kepmendagri 300.2.2-2430/2025), lisensi MIT, © 2024 Cahya DSN.",
        "en": "Boundaries of the 10 regencies/cities, 105 districts and 1,038 villages: public repository "
        "cahyadsn/wilayah_boundaries (Kepmendagri 300.2.2-2430/2025), MIT licence, © 2024 Cahya DSN.",
    },
    "store_heading": {"id": "Isi basis data", "en": "What the store holds"},
    "col_table": {"id": "Tabel", "en": "Table"},
    "col_rows": {"id": "Baris", "en": "Rows"},
    "imports_heading": {"id": "Riwayat impor", "en": "Import history"},
    "col_file": {"id": "Berkas", "en": "File"},
    "col_kind_import": {"id": "Jenis", "en": "Kind"},
    "col_imported_at": {"id": "Waktu", "en": "Time"},
    "col_sample": {"id": "Data contoh", "en": "Sample"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled from `values`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text

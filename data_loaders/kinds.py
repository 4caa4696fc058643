"""The five kinds of file agencies send (docs/data-contract.md): their columns, how each value is
read, which columns form the key, and the checks that look at several columns of a row."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from data_loaders import sites, values
from data_loaders.reading import normalise_header
from data_loaders.regions import kabupaten_kota

ASSISTANCE_TYPES = [
    "Tunai",
    "Sembako/Pangan",
    "Jaminan Sosial",
    "Rehabilitasi Sosial",
    "Rumah (RTLH)",
    "Pemberdayaan/Pelatihan",
    "Sarana",
    "Lainnya",
]
BENEFICIARY_UNITS = ["jiwa", "KK", "unit", "lembaga"]
STATUSES = ["usulan", "komitmen", "berjalan", "selesai", "batal"]
PPKS_UNITS = ["jiwa", "KK"]
SECTORS = [
    "Pertambangan Batubara",
    "Migas",
    "Pupuk/Petrokimia",
    "Perkebunan Sawit",
    "Kehutanan",
    "Perbankan",
    "Jasa",
    "BUMN",
    "BUMD",
    "Lainnya",
]
PARTNER_KINDS = ["BUMN", "BUMD", "Swasta", "Lainnya"]
PERIODS = ["Tahunan", "Semester 1", "Semester 2", "Triwulan 1", "Triwulan 2", "Triwulan 3", "Triwulan 4"]
# Spellings offices use: 'Triwulan I', 'TW III', 'Semester II', 'Smt 1', 'Tahun', and unit words of
# Satu Data and DTKS tables ('ORANG', 'KPM' = keluarga penerima manfaat, 'RTS' = rumah tangga sasaran).
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
PERIOD_ALIASES = {"Tahun": "Tahunan", "Annual": "Tahunan"}
PERIOD_ALIASES |= {
    f"{word} {number}": f"Triwulan {n}"
    for n in range(1, 5)
    for word in ("Triwulan", "TW", "Trw", "Q")
    for number in (n, _ROMAN[n])
}
PERIOD_ALIASES |= {
    f"{word} {number}": f"Semester {n}"
    for n in (1, 2)
    for word in ("Semester", "Smt", "Sem", "S")
    for number in (n, _ROMAN[n])
}
UNIT_ALIASES = {
    "orang": "jiwa",
    "org": "jiwa",
    "jiwa": "jiwa",
    "KPM": "KK",
    "keluarga": "KK",
    "kepala keluarga": "KK",
    "RTS": "KK",
    "RT": "KK",
    "rumah tangga": "KK",
}
SECTOR_ALIASES = {
    "Batubara": "Pertambangan Batubara",
    "Batu Bara": "Pertambangan Batubara",
    "Tambang Batubara": "Pertambangan Batubara",
    "Pertambangan Batu Bara": "Pertambangan Batubara",
    "Minyak dan Gas": "Migas",
    "Minyak & Gas": "Migas",
    "Minyak dan Gas Bumi": "Migas",
    "Pupuk": "Pupuk/Petrokimia",
    "Petrokimia": "Pupuk/Petrokimia",
    "Sawit": "Perkebunan Sawit",
    "Kelapa Sawit": "Perkebunan Sawit",
    "Perkebunan Kelapa Sawit": "Perkebunan Sawit",
    "Bank": "Perbankan",
}
DIRECTIONS = ["naik", "turun"]


def _ppks_need(value: object) -> int:
    """Need is counted per category: 'Lintas PPKS' describes programs, not people."""
    category = values.ppks_category(value)
    if category == values.LINTAS_PPKS:
        raise values.ValueProblem("imp_ppks_lintas_need", value=values.text(value))
    return category


# 'Seluruh Kaltim' and its variants: every kabupaten/kota of the province.
WHOLE_PROVINCE = re.compile(r"(seluruh|semua|se)[\s-]*(kab(upaten)?\s*/\s*kota\s*(di\s*)?)?(kaltim|kalimantan timur)?")
LIST_SEPARATORS = re.compile(r"[;,/&]|\s+dan\s+", re.IGNORECASE)


def _kabkota_list(value: object) -> str:
    """Kabupaten/kota separated by ';', ',', '/', '&' or 'dan', stored as their Kemendagri codes
    joined by ';'. 'Seluruh Kaltim', 'Semua kabupaten/kota' or the province's name mean all ten."""
    whole = values.text(value).lower()
    if WHOLE_PROVINCE.fullmatch(whole) and whole not in ("se", "semua", "seluruh"):
        return ";".join(region.code for region in kabupaten_kota())
    codes = []
    for part in [p.strip() for p in LIST_SEPARATORS.split(values.text(value)) if p.strip()]:
        if WHOLE_PROVINCE.fullmatch(part.lower()) and part.lower() not in ("se", "semua", "seluruh"):
            codes += [region.code for region in kabupaten_kota()]
            continue
        region = values.region(part)
        if region.level == "provinsi":
            codes += [region.code for region in kabupaten_kota()]
            continue
        if region.level != "kabupaten_kota":
            raise values.ValueProblem("imp_not_kabkota", value=part)
        codes.append(region.code)
    if not codes:
        raise values.ValueProblem("imp_required")
    return ";".join(dict.fromkeys(codes))


@dataclass(frozen=True)
class Column:
    name: str  # canonical, Indonesian: the header in templates
    english: str
    required: bool
    parse: Callable[[object], object]
    meaning: str  # for the template's instruction sheet (Bahasa Indonesia)
    example: object
    options: tuple[str, ...] = ()  # a dropdown in the template
    number_format: str | None = None
    other_headers: tuple[str, ...] = ()  # headers of published tables (Satu Data, BPS) that mean this column


@dataclass(frozen=True)
class Kind:
    name: str
    title: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # columns that identify a row within one file (duplicates are errors)
    one_of: tuple[str, ...] = ()  # at least one of these columns is required
    # A wide table (the province's PMKS table: one column per category; BPS: one per year) spreads
    # `wide_value` over columns headed by values of one of `wide_names`; it is read one row per cell.
    wide_value: str | None = None
    wide_names: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)

    def aliases(self) -> dict[str, str]:
        """Every accepted header spelling (normalised) -> canonical name."""
        result = {}
        for column in self.columns:
            for spelling in (column.name, column.english, *column.other_headers):
                result[normalise_header(spelling)] = column.name
        return result


MONEY = "#,##0"
DEGREES = "0.00000"  # latitude/longitude: about 1 m
DATE = "dd/mm/yyyy"
REGION_MEANING = "Nama atau kode Kemendagri/BPS kabupaten/kota, kecamatan atau desa/kelurahan"
# Satu Data Kaltim tables name the region in these columns; their code column, when present, is read
# beside the name and the two must agree (data_loaders/regions.py).
SATU_DATA_REGION_HEADERS = ("nama_kabupaten_kota", "nama_kab_kota", "kabupaten_kota", "nama_wilayah")

PROGRAM = Kind(
    "program",
    "Program",
    (
        Column("kode_program", "program_code", True, values.text, "Kode program dari pengirim", "DINSOS-PKH-01"),
        Column("nama_program", "program_name", True, values.text, "Nama program", "Program Keluarga Harapan"),
        Column(
            "penyelenggara",
            "implementer",
            True,
            values.text,
            "Instansi (OPD/kementerian) atau perusahaan",
            "Dinas Sosial Provinsi Kalimantan Timur",
        ),
        Column(
            "sumber_dana",
            "funding_source",
            True,
            values.funding_source,
            "Sumber dana",
            "APBN",
            tuple(values.SOURCE_LABELS),
        ),
        Column("tahun", "year", True, values.year, f"Tahun anggaran ({values.MIN_YEAR}–{values.MAX_YEAR})", 2025),
        Column(
            "kategori_ppks",
            "ppks_category",
            True,
            values.ppks_category,
            "Salah satu dari 26 kategori PPKS (nama, singkatan atau nomor 1–26) atau Lintas PPKS",
            "Fakir Miskin",
        ),
        Column(
            "bentuk_bantuan",
            "assistance_type",
            False,
            values.closed_list(ASSISTANCE_TYPES),
            "Bentuk bantuan",
            "Tunai",
            tuple(ASSISTANCE_TYPES),
        ),
        Column("wilayah", "region", True, values.region, REGION_MEANING, "Kutai Kartanegara"),
        Column(
            "pagu_rp",
            "budget_idr",
            True,
            values.amount,
            "Anggaran yang direncanakan (Rupiah, ≥ 0)",
            1_500_000_000,
            number_format=MONEY,
        ),
        Column(
            "komitmen_rp",
            "committed_idr",
            False,
            values.amount,
            "Dana yang dijanjikan (janji CSR), Rupiah",
            None,
            number_format=MONEY,
        ),
        Column(
            "realisasi_rp",
            "spent_idr",
            False,
            values.amount,
            "Dana yang sudah dibelanjakan, Rupiah",
            1_250_000_000,
            number_format=MONEY,
        ),
        Column(
            "target_penerima",
            "target_beneficiaries",
            False,
            values.count,
            "Target penerima (bilangan bulat)",
            600,
            number_format="#,##0",
        ),
        Column(
            "realisasi_penerima",
            "reached_beneficiaries",
            False,
            values.count,
            "Penerima yang sudah menerima (bilangan bulat)",
            575,
            number_format="#,##0",
        ),
        Column(
            "satuan_penerima",
            "beneficiary_unit",
            False,
            values.closed_list(BENEFICIARY_UNITS, aliases=UNIT_ALIASES),
            "Satuan penerima",
            "KK",
            tuple(BENEFICIARY_UNITS),
        ),
        Column("status", "status", False, values.closed_list(STATUSES), "Status program", "berjalan", tuple(STATUSES)),
        Column(
            "tanggal_mulai",
            "start_date",
            False,
            values.date,
            "Tanggal mulai (mis. 01/03/2025)",
            "01/03/2025",
            number_format=DATE,
        ),
        Column("tanggal_selesai", "end_date", False, values.date, "Tanggal selesai", "31/12/2025", number_format=DATE),
        Column(
            "lintang",
            "latitude",
            False,
            sites.coordinate,
            "Lintang lokasi program, derajat desimal WGS84 (selatan negatif; koma atau titik desimal); "
            "diperiksa terhadap batas wilayah baris ini",
            -0.42117,
            number_format=DEGREES,
            other_headers=("lat",),
        ),
        Column(
            "bujur",
            "longitude",
            False,
            sites.coordinate,
            "Bujur lokasi program, derajat desimal WGS84; isi bersama lintang atau kosongkan keduanya",
            116.99045,
            number_format=DEGREES,
            other_headers=("lon", "lng", "long"),
        ),
    ),
    key=("kode_program", "tahun", "wilayah", "sumber_dana"),
)

PPKS = Kind(
    "ppks",
    "PPKS",
    (
        Column("tahun", "year", True, values.year, "Tahun data", 2025),
        Column(
            "wilayah",
            "region",
            True,
            values.region,
            REGION_MEANING,
            "Tenggarong",
            other_headers=SATU_DATA_REGION_HEADERS,
        ),
        Column(
            "kategori_ppks",
            "ppks_category",
            True,
            _ppks_need,
            "Salah satu dari 26 kategori PPKS",
            "Lanjut Usia Terlantar",
            other_headers=("jenis_pmks", "jenis_ppks", "kategori_pmks", "jenis_kategori"),
        ),
        Column(
            "jumlah",
            "count",
            True,
            values.count,
            "Jumlah PPKS (bilangan bulat ≥ 0)",
            412,
            number_format="#,##0",
            other_headers=("jumlah_pmks", "jumlah_ppks"),
        ),
        Column(
            "satuan",
            "unit",
            False,
            values.closed_list(PPKS_UNITS, aliases=UNIT_ALIASES),
            "jiwa atau KK",
            "jiwa",
            tuple(PPKS_UNITS),
        ),
        Column("sumber_data", "data_source", False, values.text, "Asal data", "Pendataan Dinsos 2025"),
    ),
    key=("tahun", "wilayah", "kategori_ppks"),
    wide_value="jumlah",
    wide_names=("kategori_ppks", "tahun"),
)

PENERIMA = Kind(
    "penerima",
    "Penerima manfaat",
    (
        Column(
            "nik",
            "nik",
            False,
            values.text,
            "NIK 16 angka (disamarkan saat impor, tidak pernah disimpan)",
            "6402xxxxxxxxxxxx",
        ),
        Column(
            "nik_hash",
            "nik_hash",
            False,
            values.text,
            "Atau: NIK yang sudah disamarkan (64 karakter heksadesimal)",
            None,
        ),
        Column(
            "kode_program",
            "program_code",
            True,
            values.text,
            "Kode program yang sama dengan berkas program",
            "DINSOS-PKH-01",
        ),
        Column("tahun", "year", True, values.year, "Tahun", 2025),
        Column(
            "wilayah",
            "region",
            True,
            values.region,
            "Sebaiknya desa/kelurahan: nama (dengan induknya bila ada nama yang sama) atau kode Kemendagri",
            "64.02.06.1001",
        ),
        Column(
            "nilai_bantuan_rp",
            "benefit_idr",
            False,
            values.amount,
            "Nilai bantuan per penerima, Rupiah",
            2_400_000,
            number_format=MONEY,
        ),
        Column("desil", "decile", False, values.count, "Desil kesejahteraan DTSEN (1–10)", 2),
        Column(
            "kategori_ppks",
            "ppks_category",
            False,
            values.ppks_category,
            "Kategori PPKS (boleh kosong)",
            "Fakir Miskin",
        ),
    ),
    key=("nik_hash", "kode_program", "tahun"),
    one_of=("nik", "nik_hash"),
)

MITRA = Kind(
    "mitra",
    "Mitra CSR",
    (
        Column(
            "nama",
            "name",
            True,
            values.text,
            "Nama perusahaan (variasi PT./Tbk/Persero dianggap sama)",
            "PT Contoh Energi Kaltim",
            other_headers=("nama_perusahaan", "perusahaan", "nama_mitra", "nama_badan_usaha", "company"),
        ),
        Column(
            "sektor",
            "sector",
            False,
            values.closed_list(SECTORS, aliases=SECTOR_ALIASES),
            "Sektor usaha",
            "Migas",
            tuple(SECTORS),
        ),
        Column(
            "jenis",
            "kind",
            False,
            values.closed_list(PARTNER_KINDS),
            "BUMN, BUMD, Swasta atau Lainnya",
            "Swasta",
            tuple(PARTNER_KINDS),
        ),
        Column(
            "wilayah_operasi",
            "operating_regions",
            False,
            _kabkota_list,
            "Kabupaten/kota operasi, dipisah titik koma atau koma; 'Seluruh Kaltim' untuk kesepuluhnya",
            "Kutai Kartanegara; Balikpapan",
            other_headers=("wilayah_operasional", "daerah_operasi", "lokasi_operasi"),
        ),
        Column(
            "anggota_forum",
            "forum_member",
            False,
            values.yes_no,
            "Anggota Forum CSR Kesos: ya/tidak",
            "ya",
            ("ya", "tidak"),
        ),
    ),
    key=("nama",),
)

INDIKATOR = Kind(
    "indikator",
    "Indikator",
    (
        Column("kode_indikator", "indicator_code", True, values.text, "Kode indikator", "SPM-PROV-1"),
        Column(
            "nama_indikator",
            "indicator_name",
            True,
            values.text,
            "Nama indikator",
            "Persentase penyandang disabilitas telantar yang terpenuhi kebutuhan dasarnya di dalam panti",
        ),
        Column("tahun", "year", True, values.year, "Tahun", 2025),
        Column(
            "periode",
            "period",
            True,
            values.closed_list(PERIODS, aliases=PERIOD_ALIASES),
            "Tahunan, Semester 1/2 atau Triwulan 1–4",
            "Tahunan",
            tuple(PERIODS),
        ),
        Column("wilayah", "region", True, values.region, REGION_MEANING, "Kalimantan Timur"),
        Column("baseline", "baseline", False, values.number, "Nilai awal", 72.5),
        Column("target", "target", False, values.number, "Target", 100),
        Column("realisasi", "actual", False, values.number, "Capaian", 86.4),
        Column("satuan", "unit", False, values.text, "%, jiwa, KK, Rp, …", "%"),
        Column(
            "arah",
            "direction",
            True,
            values.closed_list(DIRECTIONS),
            "naik = makin tinggi makin baik; turun = makin rendah makin baik",
            "naik",
            tuple(DIRECTIONS),
        ),
        Column("sumber_data", "data_source", False, values.text, "Asal data", "Laporan SPM Dinsos 2025"),
    ),
    key=("kode_indikator", "tahun", "periode", "wilayah"),
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (PROGRAM, PPKS, PENERIMA, MITRA, INDIKATOR)}


def kind_of(name: str) -> Kind:
    return KINDS[name.strip().lower()]


def key_frame(frame: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """The key columns as comparable values (regions by code)."""
    return pd.DataFrame(
        {column: frame[column].map(lambda v: getattr(v, "code", v)) for column in kind.key if column in frame}
    )

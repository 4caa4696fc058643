"""A deterministic, realistic sample data set ("Data contoh") for demonstrations and tests.

Region codes, population and poverty are real (reference data); everything else is synthetic:
PPKS counts are scaled from the real population and poverty figures, companies are fictional,
and NIK-like numbers are random. The sample is one import marked `is_sample`, so it is never
mixed silently with imported data.

The sample tells the forum's story (issue 13): national programs (PKH, Program Sembako, BLT Dana
Desa) reach about half of the poor households in every kabupaten/kota, the poorest deciles first;
a service per PPKS category reaches its people in most places but leaves planned gaps (`SERVICES`:
the remote interior, Kutai Barat and Mahakam Ulu; the elderly, persons with disabilities and street
children in some kabupaten); companies spend partly on those gaps and partly where need is already
met (`COMPANIES`), which makes a few overlaps; a CSR food package shares its people with Program
Sembako in two places; the year after the last sample year holds only proposals (`PROPOSALS`); and
a catalogue of priority needs drafted from the last year's gaps is partly adopted (`CATALOGUE`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data_loaders.catalogue import encode_basis
from data_loaders.geo import boundary_frame
from data_loaders.regions import Region, all_regions, kabkota_facts
from data_loaders.store import DATA_TABLES, Store, StoreError, Transaction
from data_loaders.values import partner_key

YEARS = (2022, 2023, 2024, 2025)
PROPOSAL_YEAR = YEARS[-1] + 1  # next year: proposals (status 'usulan') and the catalogue only
DEFAULT_SEED = 2026
DEFAULT_BENEFICIARIES = 200_000
# Sample NIKs are random numbers, so a fixed key is harmless here; imported NIKs use the
# deployment's secret key instead (never stored in the repository).
DEMO_NIK_KEY = b"sinergi-kesos-kaltim/sample-data-only"
SAMPLE_SOURCE = "Data contoh (sintetis)"
PROVINCE_POOR_RATE = 5.78  # % poor people, Kaltim, March 2024 (BPS)
SITE_DECIMALS = 5  # program sites in degrees: about 1 m
# Fakir miskin are registered as households (DTKS/DTSEN): poor people ÷ this household size (a sample
# assumption near the Susenas average for Kalimantan Timur; no household size is shipped).
HOUSEHOLD_SIZE = 3.6
# How strongly the national programs prefer the poorest: selection weight by decile 1…10.
DECILE_WEIGHTS = np.array([3.0, 2.6, 2.0, 1.4, 0.8, 0.5, 0.3, 0.2, 0.1, 0.1])
SAMPLE_AUTHOR = "python -m data_loaders demo"
SAMPLE_WRITTEN_AT = dt.datetime(YEARS[-1], 11, 20, 9, 0)  # catalogue rows: fixed, so the sample repeats

# PPKS per 1,000 population in an average kabupaten/kota, and how each category responds to
# poverty and to urban settings. Made-up but plausible orders of magnitude for a sample.
PPKS_RATES = {
    # id: (per 1,000, poverty-driven, urban factor)
    1: (0.4, True, 1.0),
    2: (2.0, True, 1.0),
    3: (0.15, False, 1.5),
    4: (0.2, False, 3.0),
    5: (1.1, False, 1.0),
    6: (0.3, False, 1.3),
    7: (0.8, True, 1.0),
    8: (2.6, True, 0.9),
    9: (4.2, False, 1.0),
    10: (0.15, False, 2.0),
    11: (0.1, True, 3.0),
    12: (0.12, True, 3.0),
    13: (0.35, True, 2.5),
    14: (0.05, False, 1.0),
    15: (0.3, False, 1.4),
    16: (0.35, False, 1.6),
    17: (0.6, False, 1.5),
    18: (0.03, False, 1.5),
    19: (0.25, False, 1.2),
    20: (0.08, True, 1.0),
    21: (1.5, False, 1.0),
    22: (0.1, False, 1.0),
    23: (3.0, True, 1.0),
    25: (0.5, False, 1.2),
    26: (0.0, False, 0.0),
}
FAKIR_MISKIN = 24
KAT = 26
# Komunitas Adat Terpencil live in the interior: per 1,000 population by kabupaten (sample).
KAT_RATES = {"64.07": 9.0, "64.11": 14.0, "64.08": 3.0, "64.03": 3.5, "64.01": 2.0, "64.02": 0.8}

KEMENSOS = "Kementerian Sosial"
DINSOS_PROV = "Dinas Sosial Provinsi Kalimantan Timur"


@dataclass(frozen=True)
class PersonProgram:
    """A program paid per person: its beneficiaries are generated person by person."""

    code: str
    name: str
    implementer: str | None  # None: the kabupaten/kota's own Dinas Sosial (one program per kab/kota)
    source: str
    ppks: int | None
    assistance: str
    unit: str
    value_idr: float  # per beneficiary per year
    max_decile: int
    share: float  # of all beneficiary rows in a year
    desa_only: bool = False


PERSON_PROGRAMS = (
    PersonProgram(
        "PKH", "Program Keluarga Harapan (PKH)", KEMENSOS, "APBN", FAKIR_MISKIN, "Tunai", "KK", 2_400_000, 4, 0.25
    ),
    PersonProgram(
        "SEMBAKO", "Program Sembako", KEMENSOS, "APBN", FAKIR_MISKIN, "Sembako/Pangan", "KK", 2_400_000, 5, 0.30
    ),
    PersonProgram(
        "PBI-JK",
        "Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK)",
        KEMENSOS,
        "APBN",
        FAKIR_MISKIN,
        "Jaminan Sosial",
        "jiwa",
        504_000,
        5,
        0.22,
    ),
    PersonProgram(
        "BLT-DD",
        "BLT Dana Desa",
        "Pemerintah Desa",
        "DANA_DESA",
        FAKIR_MISKIN,
        "Tunai",
        "KK",
        3_600_000,
        4,
        0.07,
        desa_only=True,
    ),
    PersonProgram(
        "ATENSI",
        "Asistensi Rehabilitasi Sosial (ATENSI)",
        KEMENSOS,
        "APBN",
        None,
        "Rehabilitasi Sosial",
        "jiwa",
        1_800_000,
        6,
        0.03,
    ),
    PersonProgram(
        "PERMAKANAN-LANSIA",
        "Permakanan Lanjut Usia Terlantar",
        DINSOS_PROV,
        "APBD_PROV",
        8,
        "Sembako/Pangan",
        "jiwa",
        1_200_000,
        6,
        0.02,
    ),
    PersonProgram(
        "SANTUNAN", "Santunan Penyandang Disabilitas", None, "APBD_KABKOTA", 9, "Tunai", "jiwa", 2_400_000, 6, 0.03
    ),
    PersonProgram(
        "PBI-DAERAH",
        "PBI Jaminan Kesehatan Daerah",
        None,
        "APBD_KABKOTA",
        FAKIR_MISKIN,
        "Jaminan Sosial",
        "jiwa",
        504_000,
        5,
        0.05,
    ),
)


@dataclass(frozen=True)
class Service:
    """A social service for one PPKS category, reported per kabupaten/kota (no person lists): it
    reaches a share of the category's need (`reach`, a range drawn per place and year) in every
    kabupaten/kota except those in `absent` — the sample's planned gaps."""

    ppks: int
    code: str
    name: str
    owner: str  # 'kemensos' (APBN, one program), 'prov' (APBD Provinsi, one program), 'kab' (one per kab/kota)
    assistance: str
    value_idr: float  # per person reached per year
    reach: tuple[float, float]  # share of need reached, low and high
    absent: tuple[str, ...] = ()  # kabupaten/kota codes the service does not reach


KUBAR, MAHULU = "64.07", "64.11"
REHSOS, PELATIHAN = "Rehabilitasi Sosial", "Pemberdayaan/Pelatihan"
PASER, KUKAR, BERAU, KUTIM, PPU = "64.01", "64.02", "64.03", "64.08", "64.09"
BALIKPAPAN, SAMARINDA, BONTANG = "64.71", "64.72", "64.74"

SERVICES = (
    # category, code, name, owner, assistance, Rupiah per person reached, reach, absent
    Service(1, "DAYCARE-BALITA", "Pengasuhan Balita Terlantar", "prov", REHSOS, 3_000_000,
            (0.35, 0.6), (KUBAR, MAHULU)),
    Service(2, "ATENSI-ANAK", "ATENSI Anak Terlantar", "kemensos", REHSOS, 2_500_000, (0.3, 0.5), (MAHULU,)),
    Service(3, "PENDAMPINGAN-ABH", "Pendampingan Anak Berhadapan dengan Hukum", "kemensos", REHSOS, 3_000_000,
            (0.4, 0.8), ()),
    Service(4, "ANJAL", "Penjangkauan Anak Jalanan", "kab", REHSOS, 2_000_000,
            (0.35, 0.7), (PASER, BERAU, KUBAR, PPU, MAHULU)),
    Service(5, "ATENSI-ADK", "ATENSI Anak dengan Kedisabilitasan", "kemensos", REHSOS, 3_500_000,
            (0.3, 0.55), (KUBAR, MAHULU)),
    Service(6, "PPA-ANAK", "Layanan UPTD PPA Anak Korban Kekerasan", "kab", REHSOS, 2_500_000, (0.5, 0.9), (MAHULU,)),
    Service(7, "PERLINDUNGAN-ANAK", "Perlindungan Khusus Anak", "prov", REHSOS, 2_500_000,
            (0.3, 0.6), (KUBAR, PPU, MAHULU)),
    Service(8, "ATENSI-LANSIA", "ATENSI Lanjut Usia", "kemensos", REHSOS, 2_700_000,
            (0.2, 0.35), (PASER, KUBAR, KUTIM, MAHULU)),
    Service(9, "ASPD", "Asistensi Sosial Penyandang Disabilitas Berat", "kemensos", "Tunai", 3_000_000,
            (0.2, 0.35), (KUBAR, KUTIM, PPU, MAHULU)),
    Service(10, "REHSOS-TS", "Rehabilitasi Sosial Tuna Susila", "prov", REHSOS, 4_000_000, (0.3, 0.6), (KUBAR, PPU)),
    Service(11, "GELANDANGAN", "Penanganan Gelandangan", "kab", REHSOS, 2_000_000, (0.35, 0.7), (BERAU, KUBAR, MAHULU)),
    Service(12, "PENGEMIS", "Penanganan Pengemis", "kab", REHSOS, 2_000_000, (0.35, 0.7), (KUBAR, PPU, MAHULU)),
    Service(13, "PEMULUNG", "Pemberdayaan Pemulung", "prov", PELATIHAN, 3_000_000,
            (0.3, 0.5), (PASER, BERAU, KUBAR, MAHULU)),
    Service(14, "MINORITAS", "Pemberdayaan Kelompok Minoritas", "prov", PELATIHAN, 3_000_000, (0.3, 0.6), (BERAU, PPU)),
    Service(15, "REINTEGRASI-BWBLP", "Reintegrasi Sosial Bekas Warga Binaan", "kemensos", REHSOS, 3_000_000,
            (0.3, 0.6), (KUBAR, MAHULU)),
    Service(16, "ODHA", "Pendampingan Orang dengan HIV/AIDS", "kab", REHSOS, 2_500_000, (0.4, 0.7), (MAHULU,)),
    Service(17, "IPWL-NAPZA", "Rehabilitasi Sosial Korban NAPZA (IPWL)", "kemensos", REHSOS, 5_000_000,
            (0.3, 0.5), (KUBAR, PPU, MAHULU)),
    Service(18, "TPPO", "Pemulangan Korban Perdagangan Orang", "kemensos", REHSOS, 5_000_000, (0.5, 0.9), ()),
    Service(19, "PPA-KTK", "Layanan UPTD PPA Korban Tindak Kekerasan", "kab", REHSOS, 2_500_000, (0.4, 0.8), (MAHULU,)),
    Service(20, "PEMULANGAN-PMBS", "Pemulangan Pekerja Migran Bermasalah Sosial", "prov", REHSOS, 3_000_000,
            (0.4, 0.8), ()),
    Service(21, "LOGISTIK-BENCANA", "Bantuan Logistik Korban Bencana Alam", "kemensos", "Sembako/Pangan", 600_000,
            (0.4, 0.8), (MAHULU,)),
    Service(22, "BENCANA-SOSIAL", "Penanganan Korban Bencana Sosial", "prov", "Sembako/Pangan", 1_000_000,
            (0.3, 0.6), (MAHULU,)),
    Service(23, "PRSE", "Pemberdayaan Perempuan Rawan Sosial Ekonomi", "kab", PELATIHAN, 3_000_000,
            (0.3, 0.5), (BERAU, KUBAR, PPU, MAHULU)),
    Service(25, "PUSPAGA", "Konseling Keluarga (Puspaga)", "kab", REHSOS, 1_500_000, (0.3, 0.6), (KUBAR, MAHULU)),
    Service(26, "PEMBERDAYAAN-KAT", "Pemberdayaan Komunitas Adat Terpencil", "kemensos", PELATIHAN, 5_000_000,
            (0.3, 0.5), (KUBAR, MAHULU)),
)  # fmt: skip


@dataclass(frozen=True)
class Activity:
    """A company program run every sample year: a `CSR_TEMPLATES` slug in one kabupaten/kota, sized
    as a share of the category's need there (`need_share`) or by the company's scale (None)."""

    slug: str
    kabkota: str
    need_share: float | None = None


@dataclass(frozen=True)
class Company:
    name: str
    sector: str
    kind: str
    regions: tuple[str, ...]  # operating kabupaten/kota (Kemendagri codes)
    source: str  # CSR or PPM (mining companies report PPM)
    forum_member: bool
    scale: float  # relative size of its social budget
    activities: tuple[Activity, ...]
    variants: tuple[str, ...] = ()  # other spellings its reports use, one per later year (resolve to one partner)


# Aligned with need: Bara Sangatta, Sawit Benua Etam, Rimba Lestari spend on gap cells inside their
# regions. Not aligned: Batubara Paser Lestari and Kilang LNG Etam spend where need is met; Tambang
# Mahakam Berjaya spends outside its regions. Mixed: Migas Delta Mahakam, Pupuk Etam, Bank Daerah.
COMPANIES = (
    Company("PT Bara Sangatta Sejahtera", "Pertambangan Batubara", "Swasta", (KUTIM,), "PPM", True, 3.0,
            (Activity("ALAT-BANTU", KUTIM, 0.06), Activity("LANSIA", KUTIM, 0.05), Activity("PANGAN", KUTIM)),
            ("Bara Sangatta Sejahtera, PT",)),
    Company("PT Batubara Paser Lestari", "Pertambangan Batubara", "Swasta", (PASER,), "PPM", True, 2.0,
            (Activity("RLH", PASER), Activity("SEMBAKO", PASER), Activity("BEASISWA", PASER))),
    Company("PT Tambang Mahakam Berjaya", "Pertambangan Batubara", "Swasta", (KUKAR, KUBAR), "PPM", False, 1.2,
            (Activity("SEMBAKO", SAMARINDA), Activity("BEASISWA", SAMARINDA), Activity("AMBULANS", KUKAR))),
    Company("PT Migas Delta Mahakam", "Migas", "BUMN", (KUKAR, BALIKPAPAN), "CSR", True, 2.2,
            (Activity("ODHA", BALIKPAPAN, 0.7), Activity("UMKM-PEREMPUAN", KUKAR, 0.8), Activity("BEASISWA", KUKAR)),
            ("PT. Migas Delta Mahakam", "Migas Delta Mahakam (Persero), PT")),
    Company("PT Kilang LNG Etam", "Migas", "Swasta", (BONTANG,), "CSR", True, 1.5,
            (Activity("LANSIA", BONTANG, 0.6), Activity("SEMBAKO", BONTANG))),
    Company("PT Pupuk Etam Nusantara", "Pupuk/Petrokimia", "BUMN", (BONTANG, KUTIM), "CSR", True, 1.8,
            (Activity("LANSIA", BONTANG, 0.6), Activity("ALAT-BANTU", KUTIM, 0.03), Activity("PANGAN", BONTANG)),
            ("PT. Pupuk Etam Nusantara", "Pupuk Etam Nusantara, PT", "PT Pupuk Etam Nusantara (Persero)")),
    Company("PT Sawit Benua Etam", "Perkebunan Sawit", "Swasta", (KUTIM, BERAU, PASER), "CSR", False, 0.8,
            (Activity("UMKM-PEREMPUAN", BERAU), Activity("LANSIA", PASER, 0.05))),
    Company("PT Rimba Lestari Kalimantan", "Kehutanan", "Swasta", (KUBAR, MAHULU, BERAU), "CSR", False, 0.5,
            (Activity("KAT", KUBAR), Activity("KAT", MAHULU), Activity("ALAT-BANTU", KUBAR))),
    Company("PT Bank Daerah Benua Etam", "Perbankan", "BUMD", (SAMARINDA, BALIKPAPAN, KUKAR, PPU), "CSR", True, 0.7,
            (Activity("ANJAL", SAMARINDA, 0.8), Activity("UMKM-PEREMPUAN", PPU), Activity("BEASISWA", SAMARINDA)),
            ("Bank Daerah Benua Etam, PT",)),
)  # fmt: skip


@dataclass(frozen=True)
class Template:
    """A kind of company program: its PPKS category (None: Lintas PPKS), unit, Rupiah per unit
    reached, and its size per 1.0 of company scale (in `unit`; 0 for programs always sized by need,
    `Activity.need_share`, or by their beneficiary list, the food package)."""

    name: str
    ppks: int | None
    assistance: str
    unit: str
    value_idr: float
    per_scale: int


CSR_TEMPLATES = {
    "RLH": Template("Bedah Rumah Layak Huni", FAKIR_MISKIN, "Rumah (RTLH)", "unit", 35_000_000, 25),
    "BEASISWA": Template("Beasiswa Anak Kurang Mampu", 2, "Lainnya", "jiwa", 6_000_000, 60),
    "SEMBAKO": Template("Paket Sembako Ramadan", FAKIR_MISKIN, "Sembako/Pangan", "KK", 350_000, 1500),
    "PANGAN": Template("Paket Pangan Keluarga Miskin", FAKIR_MISKIN, "Sembako/Pangan", "KK", 600_000, 0),
    "ALAT-BANTU": Template("Alat Bantu Penyandang Disabilitas", 9, "Sarana", "jiwa", 3_500_000, 40),
    "UMKM-PEREMPUAN": Template(
        "Pelatihan Usaha Perempuan Rawan Sosial Ekonomi", 23, "Pemberdayaan/Pelatihan", "jiwa", 4_000_000, 50
    ),
    "AMBULANS": Template("Ambulans Desa", None, "Sarana", "unit", 450_000_000, 1),
    "LANSIA": Template("Santunan Lanjut Usia", 8, "Tunai", "jiwa", 1_800_000, 0),
    "ODHA": Template("Pendampingan Orang dengan HIV/AIDS", 16, "Rehabilitasi Sosial", "jiwa", 2_500_000, 0),
    "ANJAL": Template("Rumah Singgah Anak Jalanan", 4, "Rehabilitasi Sosial", "jiwa", 3_000_000, 0),
    "KAT": Template("Pemberdayaan Komunitas Adat Terpencil", KAT, "Pemberdayaan/Pelatihan", "jiwa", 5_000_000, 40),
}
# The food packages whose people are Program Sembako households of the same kabupaten/kota (a real
# overlap of people from two sources): per package, this share of a year's beneficiary rows.
SHARED_PACKAGE_SHARE = 0.004


@dataclass(frozen=True)
class Proposal:
    """A program proposed for `PROPOSAL_YEAR` (status 'usulan'): planned money and target only."""

    code: str
    name: str
    implementer: str  # a company's name, KEMENSOS, DINSOS_PROV or 'kab' (that kab/kota's Dinas Sosial)
    source: str
    ppks: int
    assistance: str
    value_idr: float  # per person targeted
    kabkota: tuple[str, ...]
    need_share: float  # target: this share of the category's need in the last sample year


# Next year's proposals against the last year's gaps; two target Kutai Barat's Komunitas Adat
# Terpencil (the same region × category), one (Bontang's elderly) targets a cell already met.
PROPOSALS = (
    Proposal(
        "ATENSI-LANSIA",
        "ATENSI Lanjut Usia",
        KEMENSOS,
        "APBN",
        8,
        "Rehabilitasi Sosial",
        2_700_000,
        (KUTIM, PASER),
        0.2,
    ),
    Proposal(
        "ANJAL-PASER",
        "Penjangkauan Anak Jalanan Paser",
        DINSOS_PROV,
        "APBD_PROV",
        4,
        "Rehabilitasi Sosial",
        2_000_000,
        (PASER,),
        0.4,
    ),
    Proposal(
        "PEMBERDAYAAN-KAT",
        "Pemberdayaan Komunitas Adat Terpencil Kutai Barat",
        "kab",
        "APBD_KABKOTA",
        KAT,
        "Pemberdayaan/Pelatihan",
        5_000_000,
        (KUBAR,),
        0.15,
    ),
    Proposal(
        "KAT",
        "Pemberdayaan Komunitas Adat Terpencil",
        "PT Rimba Lestari Kalimantan",
        "CSR",
        KAT,
        "Pemberdayaan/Pelatihan",
        5_000_000,
        (KUBAR,),
        0.1,
    ),
    Proposal(
        "ALAT-BANTU",
        "Alat Bantu Penyandang Disabilitas",
        "PT Bara Sangatta Sejahtera",
        "PPM",
        9,
        "Sarana",
        3_500_000,
        (KUTIM,),
        0.1,
    ),
    Proposal(
        "LANSIA", "Santunan Lanjut Usia", "PT Pupuk Etam Nusantara", "CSR", 8, "Tunai", 1_800_000, (BONTANG,), 0.5
    ),
    Proposal(
        "UMKM-PEREMPUAN",
        "Pelatihan Usaha Perempuan Rawan Sosial Ekonomi",
        "PT Sawit Benua Etam",
        "CSR",
        23,
        "Pemberdayaan/Pelatihan",
        4_000_000,
        (BERAU,),
        0.1,
    ),
)


@dataclass(frozen=True)
class CatalogueItem:
    """A catalogue item for `PROPOSAL_YEAR` drafted from a gap of the last sample year: enough
    people (`unit` jiwa) to lift the cell's coverage to `target` (a ratio), at `unit_cost_idr`;
    `adoptions` are (company name, share of the item's amount, status, linked): a linked adoption is
    carried out by the company's proposal for the cell and adopts that program's planned amount
    (its share is then None)."""

    kabkota: str
    ppks: int
    assistance: str
    title: str
    unit_cost_idr: int
    status: str
    adoptions: tuple[tuple[str, float | None, str, bool], ...] = ()
    target: float = 0.5


CATALOGUE = (
    # Fully funded by one company.
    CatalogueItem(
        KUBAR,
        9,
        "Sarana",
        "Alat bantu penyandang disabilitas di Kutai Barat",
        3_500_000,
        "terbit",
        (("PT Rimba Lestari Kalimantan", 1.0, "komitmen", False),),
    ),
    # Co-funded by two companies, not yet fully.
    CatalogueItem(
        KUTIM,
        8,
        "Tunai",
        "Santunan lanjut usia terlantar di Kutai Timur",
        2_400_000,
        "terbit",
        (("PT Bara Sangatta Sejahtera", 0.4, "komitmen", False), ("PT Sawit Benua Etam", 0.25, "usulan", False)),
    ),
    # Adopted in part, carried out by the company's proposed program.
    CatalogueItem(
        BERAU,
        23,
        "Pemberdayaan/Pelatihan",
        "Pelatihan usaha perempuan rawan sosial ekonomi di Berau",
        4_000_000,
        "terbit",
        (("PT Sawit Benua Etam", None, "komitmen", True),),
    ),
    CatalogueItem(
        MAHULU,
        KAT,
        "Pemberdayaan/Pelatihan",
        "Pemberdayaan komunitas adat terpencil di Mahakam Ulu",
        5_000_000,
        "terbit",
    ),
    CatalogueItem(PASER, 4, "Rehabilitasi Sosial", "Penjangkauan anak jalanan di Paser", 2_000_000, "terbit"),
    CatalogueItem(
        PPU, 17, "Rehabilitasi Sosial", "Rehabilitasi sosial korban NAPZA di Penajam Paser Utara", 5_000_000, "draf"
    ),
)


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    import_id: int
    counts: dict[str, int]


def _hmac_nik(nik: str) -> str:
    return hmac.new(DEMO_NIK_KEY, nik.encode(), hashlib.sha256).hexdigest()


def _slug(region: Region) -> str:
    return region.name.upper().replace(" ", "-")


def _company_code(company: Company, slug: str) -> str:
    """'BARA-SANGATTA-SEJAHTERA-ALAT-BANTU': a company program's code."""
    return f"{company.name.removeprefix('PT ').upper().replace(' ', '-')}-{slug}"


def _dots(number: int) -> str:
    """1.234.567: a whole number in Indonesian notation (the basis text of catalogue items)."""
    return f"{number:,}".replace(",", ".")


class _Builder:
    def __init__(self, seed: int, beneficiaries: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.seed = seed
        self.beneficiaries = beneficiaries
        regions = all_regions()
        self.kabkota = [r for r in regions if r.level == "kabupaten_kota"]
        self.kecamatan = [r for r in regions if r.level == "kecamatan"]
        self.desa = [r for r in regions if r.level == "desa_kelurahan"]
        self.facts = {fact.code: fact for fact in kabkota_facts()}
        self.programs: list[dict] = []
        self.allocations: list[dict] = []
        self.need: dict[tuple[int, str, int], int] = {}  # (year, kab/kota code, category) -> need in its unit
        self.need_kecamatan: dict[tuple[int, str, int], int] = {}  # the same per kecamatan
        self.kecamatan_of = {
            kab.code: [k.code for k in self.kecamatan if k.parent_code == kab.code] for kab in self.kabkota
        }
        self._kec_weights()

    # --- need -----------------------------------------------------------------------------
    def _kec_weights(self) -> None:
        """Synthetic population shares of kecamatan within their kabupaten/kota (BPS publishes
        kecamatan populations, but they are not in the shipped reference data)."""
        desa_count: dict[str, int] = {}
        for village in self.desa:
            desa_count[village.parent_code] = desa_count.get(village.parent_code, 0) + 1
        raw = {
            kec.code: max(desa_count.get(kec.code, 1), 1) * float(self.rng.lognormal(0, 0.35)) for kec in self.kecamatan
        }
        self.kec_share: dict[str, float] = {}
        for kab in self.kabkota:
            codes = [k.code for k in self.kecamatan if k.parent_code == kab.code]
            total = sum(raw[c] for c in codes)
            for code in codes:
                self.kec_share[code] = raw[code] / total

    def population(self, kab_code: str, year: int) -> float:
        fact = self.facts[kab_code]
        growth = (fact.population_latest / fact.population_2020) ** (1 / (fact.population_latest_year - 2020))
        return fact.population_2020 * growth ** (year - 2020)

    def poor_people(self, kab_code: str, year: int) -> float:
        fact = self.facts[kab_code]
        poor = (
            fact.poor_people_thousand * 1000
            if fact.poor_people_thousand
            else (fact.poverty_rate_pct / 100 * self.population(kab_code, fact.poverty_year))
        )
        return poor * 1.025 ** (fact.poverty_year - year)

    def ppks_counts(self) -> pd.DataFrame:
        """PPKS per kecamatan and year; fakir miskin in KK (households), every other category in jiwa.
        Also fills `self.need`, which sizes the services, proposals and catalogue items."""
        rows = []
        disaster = {year: float(self.rng.uniform(0.5, 2.0)) for year in YEARS}
        for kab in self.kabkota:
            fact = self.facts[kab.code]
            poverty_factor = fact.poverty_rate_pct / PROVINCE_POOR_RATE
            urban = fact.kind == "Kota"
            for year in YEARS:
                pop = self.population(kab.code, year)
                trend = 0.97 ** (year - YEARS[0])
                for category in range(1, 27):
                    if category == FAKIR_MISKIN:
                        expected = self.poor_people(kab.code, year) / HOUSEHOLD_SIZE
                    elif category == KAT:
                        expected = KAT_RATES.get(kab.code, 0.0) * pop / 1000
                    else:
                        rate, poverty_driven, urban_factor = PPKS_RATES[category]
                        expected = rate * pop / 1000 * trend
                        expected *= poverty_factor if poverty_driven else 1.0
                        expected *= urban_factor if urban else 1 / max(urban_factor, 1.0) ** 0.5
                        if category == 21:
                            expected *= disaster[year]
                    for kec_code in (k.code for k in self.kecamatan if k.parent_code == kab.code):
                        count = int(self.rng.poisson(expected * self.kec_share[kec_code]))
                        if count:
                            rows.append((year, kec_code, category, count))
                            key = (year, kab.code, category)
                            self.need[key] = self.need.get(key, 0) + count
                            self.need_kecamatan[(year, kec_code, category)] = count
        frame = pd.DataFrame(rows, columns=["year", "region_code", "ppks_category_id", "count"])
        frame["unit"] = np.where(frame["ppks_category_id"] == FAKIR_MISKIN, "KK", "jiwa")
        frame["data_source"] = SAMPLE_SOURCE + ", diskalakan dari penduduk dan kemiskinan BPS"
        return frame

    # --- programs -------------------------------------------------------------------------
    def _program(
        self,
        code: str,
        year: int,
        name: str,
        implementer: str,
        ppks: int | None,
        assistance: str,
        unit: str,
        status: str,
        partner_id: int | None = None,
    ) -> int:
        program_id = len(self.programs) + 1
        start_month = int(self.rng.integers(1, 4))
        self.programs.append(
            {
                "id": program_id,
                "program_code": code,
                "year": year,
                "name": name,
                "implementer": implementer,
                "partner_id": partner_id,
                "ppks_category_id": ppks,
                "assistance_type": assistance,
                "beneficiary_unit": unit,
                "status": status,
                "start_date": dt.date(year, start_month, 1),
                "end_date": dt.date(year, 12, 31),
            }
        )
        return program_id

    def _allocate(
        self,
        program_id: int,
        region_code: str,
        source: str,
        budget: float,
        spent: float | None,
        target: int | None,
        reached: int | None,
        committed: float | None = None,
    ) -> None:
        self.allocations.append(
            {
                "program_id": program_id,
                "region_code": region_code,
                "funding_source": source,
                "budget_idr": round(budget, -3),
                "committed_idr": committed,
                "spent_idr": None if spent is None else round(spent, -3),
                "target_beneficiaries": target,
                "reached_beneficiaries": reached,
            }
        )

    def _status(self, year: int) -> str:
        return "selesai" if year < YEARS[-1] else str(self.rng.choice(["selesai", "berjalan"], p=[0.7, 0.3]))

    def person_programs(self, beneficiaries: pd.DataFrame) -> None:
        """Person-level programs: reached = their beneficiary rows, so both views agree."""
        reached = beneficiaries.groupby(["program_code", "year", "kabkota"]).size()
        for spec in PERSON_PROGRAMS:
            for year in YEARS:
                owners = (
                    [(spec.code, spec.implementer, None)]
                    if spec.implementer
                    else [
                        (f"{_slug(kab)}-{spec.code}", f"Dinas Sosial {kab.kind} {kab.name}", kab)
                        for kab in self.kabkota
                    ]
                )
                for code, implementer, own_kab in owners:
                    name = spec.name if own_kab is None else f"{spec.name} {own_kab.name}"
                    program_id = self._program(
                        code, year, name, implementer, spec.ppks, spec.assistance, spec.unit, self._status(year)
                    )
                    for kab in self.kabkota if own_kab is None else [own_kab]:
                        count = int(reached.get((code, year, kab.code), 0))
                        if count == 0:
                            continue
                        target = int(np.ceil(count / self.rng.uniform(0.86, 1.0)))
                        budget = target * spec.value_idr
                        spent = count * spec.value_idr * self.rng.uniform(0.97, 1.0)
                        self._allocate(program_id, kab.code, spec.source, budget, spent, target, count)

    def area_programs(self) -> None:
        """Programs reported per place (houses, groups, disaster relief), without person lists."""
        for year in YEARS:
            rtlh = self._program(
                "RS-RTLH",
                year,
                "Rehabilitasi Sosial Rumah Tidak Layak Huni (RS-RTLH)",
                KEMENSOS,
                FAKIR_MISKIN,
                "Rumah (RTLH)",
                "unit",
                self._status(year),
            )
            for kab in self.rng.choice(self.kabkota, size=6, replace=False):
                self._area_allocation(rtlh, kab, "APBN", 20_000_000, int(self.rng.integers(15, 60)), 2)
            kube = self._program(
                "KUBE-FM",
                year,
                "Pemberdayaan KUBE Fakir Miskin",
                DINSOS_PROV,
                FAKIR_MISKIN,
                "Pemberdayaan/Pelatihan",
                "KK",
                self._status(year),
            )
            for kab in self.rng.choice(self.kabkota, size=5, replace=False):
                self._area_allocation(kube, kab, "APBD_PROV", 3_000_000, int(self.rng.integers(60, 200)), 2)
            panti = self._program(
                "PANTI-ANAK",
                year,
                "Rehabilitasi Sosial Anak Terlantar di Panti (UPTD)",
                DINSOS_PROV,
                2,
                "Rehabilitasi Sosial",
                "jiwa",
                self._status(year),
            )
            self._area_allocation(panti, self.by_code("64.72"), "APBD_PROV", 15_000_000, 120, 1)
            disaster = self._program(
                "BANSOS-BENCANA",
                year,
                "Bantuan Sosial Korban Bencana Alam",
                DINSOS_PROV,
                21,
                "Sembako/Pangan",
                "KK",
                self._status(year),
            )
            for kab in self.rng.choice(self.kabkota, size=3, replace=False):
                self._area_allocation(disaster, kab, "APBD_PROV", 2_500_000, int(self.rng.integers(100, 600)), 2)
            for kab in self.kabkota:
                bedah = self._program(
                    f"{_slug(kab)}-BEDAH-RUMAH",
                    year,
                    f"Bedah Rumah {kab.name}",
                    f"Dinas Sosial {kab.kind} {kab.name}",
                    FAKIR_MISKIN,
                    "Rumah (RTLH)",
                    "unit",
                    self._status(year),
                )
                self._area_allocation(bedah, kab, "APBD_KABKOTA", 25_000_000, int(self.rng.integers(10, 40)), 2)
            # Co-financed: the province and the CSR forum build houses together (Pergub Kaltim 27/2021).
            rlh = self._program(
                "RLH-TERPADU",
                year,
                "Rumah Layak Huni Terpadu (Pergub 27/2021)",
                DINSOS_PROV,
                FAKIR_MISKIN,
                "Rumah (RTLH)",
                "unit",
                self._status(year),
            )
            for kab in self.rng.choice(self.kabkota, size=4, replace=False):
                units = int(self.rng.integers(10, 30))
                kec = self.pick_kecamatan(kab, 1)[0]
                for source, share in (("APBD_PROV", 0.4), ("CSR", 0.6)):
                    budget = units * 40_000_000 * share
                    self._allocate(
                        rlh,
                        kec,
                        source,
                        budget,
                        budget * self.rng.uniform(0.8, 1.0),
                        units,
                        int(units * self.rng.uniform(0.8, 1.0)),
                        budget if source == "CSR" else None,
                    )

    def by_code(self, code: str) -> Region:
        return next(kab for kab in self.kabkota if kab.code == code)

    def pick_kecamatan(self, kab: Region, count: int) -> list[str]:
        codes = [k.code for k in self.kecamatan if k.parent_code == kab.code]
        return [str(c) for c in self.rng.choice(codes, size=min(count, len(codes)), replace=False)]

    def _area_allocation(
        self, program_id: int, kab: Region, source: str, unit_value: float, target: int, places: int
    ) -> None:
        for kec in self.pick_kecamatan(kab, places):
            place_target = max(1, target // places)
            budget = place_target * unit_value
            self._allocate(
                program_id,
                kec,
                source,
                budget,
                budget * self.rng.uniform(0.7, 1.0),
                place_target,
                int(place_target * self.rng.uniform(0.75, 1.05)),
            )

    def services(self) -> None:
        """One program per `SERVICES` entry and year (per kabupaten/kota for 'kab' services): in each
        kabupaten/kota it serves, one share of the category's need drawn from `reach` is reached in
        every kecamatan with need; absent kabupaten/kota are the planned gaps."""
        for year in YEARS:
            for service in SERVICES:
                if service.owner == "kab":
                    owners = [
                        (f"{_slug(kab)}-{service.code}", f"{service.name} {kab.name}",
                         f"Dinas Sosial {kab.kind} {kab.name}", "APBD_KABKOTA", [kab])
                        for kab in self.kabkota if kab.code not in service.absent
                    ]  # fmt: skip
                else:
                    implementer, source = (
                        (KEMENSOS, "APBN") if service.owner == "kemensos" else (DINSOS_PROV, "APBD_PROV")
                    )
                    places = [kab for kab in self.kabkota if kab.code not in service.absent]
                    owners = [(service.code, service.name, implementer, source, places)]
                for code, name, implementer, source, places in owners:
                    program_id = self._program(
                        code, year, name, implementer, service.ppks, service.assistance, "jiwa", self._status(year)
                    )
                    for kab in places:
                        share = self.rng.uniform(*service.reach)
                        for kec in self.kecamatan_of[kab.code]:
                            reached = round(self.need_kecamatan.get((year, kec, service.ppks), 0) * share)
                            if reached == 0:
                                continue
                            target = int(np.ceil(reached / self.rng.uniform(0.85, 1.0)))
                            spent = reached * service.value_idr * self.rng.uniform(0.95, 1.0)
                            self._allocate(program_id, kec, source, target * service.value_idr, spent, target, reached)

    def company_programs(self, beneficiaries: pd.DataFrame) -> pd.DataFrame:
        """Each company's `activities` every sample year, one program per template (its places in
        one kecamatan of each activity's kabupaten/kota); the shared food packages reach exactly
        their beneficiary rows. Reports spell the company's name as its `variants` in later years."""
        packages = beneficiaries.groupby(["program_code", "year", "kabkota"]).size()
        partners = []
        for partner_id, company in enumerate(COMPANIES, start=1):
            partners.append(
                {
                    "id": partner_id,
                    "name": company.name,
                    "name_key": partner_key(company.name),
                    "sector": company.sector,
                    "kind": company.kind,
                    "operating_regions": ";".join(company.regions),
                    "forum_member": company.forum_member,
                }
            )
            spellings = (company.name, *company.variants)
            for year_index, year in enumerate(YEARS):
                for slug in dict.fromkeys(activity.slug for activity in company.activities):
                    template = CSR_TEMPLATES[slug]
                    activities = [activity for activity in company.activities if activity.slug == slug]
                    sized = any(activity.need_share for activity in activities)
                    latest = year == YEARS[-1]
                    status = "selesai"
                    if latest:
                        # Programs counting people report their reach in the last year too, so the
                        # gaps they work in stay visible; houses and ambulances may be only committed.
                        counts_people = template.unit in ("jiwa", "KK")
                        choices = ["berjalan", "selesai"] if counts_people else ["komitmen", "berjalan"]
                        status = "berjalan" if sized or slug == "PANGAN" else str(self.rng.choice(choices))
                    code = _company_code(company, slug)
                    program_id = self._program(
                        code, year, template.name, spellings[year_index % len(spellings)], template.ppks,
                        template.assistance, template.unit, status, partner_id,
                    )  # fmt: skip
                    for activity in activities:
                        kec = self.pick_kecamatan(self.by_code(activity.kabkota), 1)[0]
                        if slug == "PANGAN":
                            reached = int(packages.get((code, year, activity.kabkota), 0))
                            target = reached
                        elif activity.need_share:
                            need = self.need.get((year, activity.kabkota, template.ppks), 0)
                            target = max(1, int(need * activity.need_share))
                            reached = int(target * self.rng.uniform(0.9, 1.0))
                        else:
                            target = max(1, int(template.per_scale * company.scale * self.rng.uniform(0.5, 1.5)))
                            reached = int(target * self.rng.uniform(0.8, 1.05))
                        if target == 0:
                            continue
                        budget = target * template.value_idr
                        if status == "komitmen":
                            self._allocate(program_id, kec, company.source, budget, None, target, None, budget)
                        else:
                            spent = budget * self.rng.uniform(0.75, 1.02)
                            self._allocate(program_id, kec, company.source, budget, spent, target, reached, budget)
        return pd.DataFrame(partners)

    def proposals(self) -> None:
        """`PROPOSALS` for `PROPOSAL_YEAR`: status 'usulan', planned money and target only, sized on
        the category's need in the last sample year."""
        partner_ids = {company.name: i for i, company in enumerate(COMPANIES, start=1)}
        for proposal in PROPOSALS:
            owners: list[tuple[str, str, list[str]]]
            if proposal.implementer == "kab":
                owners = [
                    (f"{_slug(kab)}-{proposal.code}", f"Dinas Sosial {kab.kind} {kab.name}", [kab.code])
                    for kab in map(self.by_code, proposal.kabkota)
                ]
            else:
                owners = [(proposal.code, proposal.implementer, list(proposal.kabkota))]
            partner_id = partner_ids.get(proposal.implementer)
            for code, implementer, places in owners:
                if partner_id is not None:
                    code = _company_code(COMPANIES[partner_id - 1], proposal.code)
                program_id = self._program(
                    code, PROPOSAL_YEAR, proposal.name, implementer, proposal.ppks, proposal.assistance, "jiwa",
                    "usulan", partner_id,
                )  # fmt: skip
                for kab_code in places:
                    need = self.need.get((YEARS[-1], kab_code, proposal.ppks), 0)
                    target = max(1, int(round(need * proposal.need_share, -1)))
                    place = kab_code if partner_id is None else self.pick_kecamatan(self.by_code(kab_code), 1)[0]
                    self._allocate(program_id, place, proposal.source, target * proposal.value_idr, None, target, None)

    def reached_in_need_unit(self, year: int, kab_code: str, ppks: int, unit: str) -> int:
        """People reached in one kabupaten/kota × category by programs counted in `unit`, each
        program counted once per place (as the gap engine counts them)."""
        programs = {
            p["id"]
            for p in self.programs
            if p["year"] == year and p["ppks_category_id"] == ppks and p["beneficiary_unit"] == unit
        }
        per_place: dict[tuple[int, str], int] = {}
        for row in self.allocations:
            code = row["region_code"]
            if (
                row["program_id"] in programs
                and row["reached_beneficiaries"] is not None
                and (code == kab_code or code.startswith(kab_code + "."))
            ):
                key = (row["program_id"], code)
                per_place[key] = max(per_place.get(key, 0), int(row["reached_beneficiaries"]))
        return sum(per_place.values())

    def catalogue(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """`CATALOGUE` items for `PROPOSAL_YEAR`, each sized on its cell's gap in the last sample
        year with the arithmetic in `basis`, and their adoptions (builder partner and program ids).
        Raises ValueError if a planned item's cell is not short of its target coverage in the sample of
        `DEFAULT_BENEFICIARIES`; in larger data sets (benchmarks), whose generated people may already
        cover a cell, such an item is left out."""
        year = YEARS[-1]
        partner_ids = {company.name: i for i, company in enumerate(COMPANIES, start=1)}
        items, adoptions = [], []
        for number, item in enumerate(CATALOGUE, start=1):
            need = self.need.get((year, item.kabkota, item.ppks), 0)
            reached = self.reached_in_need_unit(year, item.kabkota, item.ppks, "jiwa")
            short = need * item.target - reached
            if short <= 0 and self.beneficiaries > DEFAULT_BENEFICIARIES:
                continue
            if short <= 0:
                raise ValueError(f"Catalogue item {item.title!r}: coverage {reached}/{need} already meets its target.")
            quantity = int(np.ceil(short / 10) * 10)
            amount = quantity * item.unit_cost_idr
            rounded, cover, target = _dots(int(np.ceil(short))), f"{reached / need:.0%}", f"{item.target:.0%}"
            basis_id = (
                f"Kebutuhan {year}: {_dots(need)} jiwa; terjangkau {_dots(reached)} jiwa (cakupan {cover}). "
                f"Untuk cakupan {target}: {_dots(need)} × {target} − {_dots(reached)} = {rounded} jiwa, dibulatkan "
                f"ke atas per 10: {_dots(quantity)} jiwa. {_dots(quantity)} jiwa × Rp{_dots(item.unit_cost_idr)} "
                f"= Rp{_dots(amount)}."
            ).replace("%", " %")
            basis_en = (
                f"Need {year}: {need:,} persons; reached {reached:,} persons (coverage {cover}). For coverage "
                f"{target}: {need:,} × {target} − {reached:,} = {int(np.ceil(short)):,} persons, rounded up to "
                f"tens: {quantity:,} persons. {quantity:,} persons × Rp{item.unit_cost_idr:,} = Rp{amount:,}."
            ).replace("%", " %")
            basis = encode_basis({"id": basis_id, "en": basis_en})
            items.append(
                {
                    "number": number,
                    "year": PROPOSAL_YEAR,
                    "region_code": item.kabkota,
                    "ppks_category_id": item.ppks,
                    "assistance_type": item.assistance,
                    "title": item.title,
                    "quantity": float(quantity),
                    "unit": "jiwa",
                    "unit_cost_idr": item.unit_cost_idr,
                    "amount_idr": amount,
                    "basis": basis,
                    "status": item.status,
                }
            )
            for company, share, status, linked in item.adoptions:
                partner_id = partner_ids[company]
                program_id, adopted = None, round(amount * (share or 0))
                if linked:
                    program_id = next(
                        p["id"]
                        for p in self.programs
                        if p["year"] == PROPOSAL_YEAR
                        and p["partner_id"] == partner_id
                        and p["ppks_category_id"] == item.ppks
                    )
                    adopted = round(sum(a["budget_idr"] for a in self.allocations if a["program_id"] == program_id))
                adoptions.append(
                    {
                        "number": number,
                        "partner_id": partner_id,
                        "amount_idr": adopted,
                        "status": status,
                        "program_id": program_id,
                    }
                )
        return pd.DataFrame(items), pd.DataFrame(adoptions)

    def program_sites(self) -> None:
        """Company programs and the co-financed house building report where they work: each of their
        places gets a site (`latitude`, `longitude`), the representative point of the place's first
        desa/kelurahan by code, so it lies inside the place; other programs stay at their region."""
        with_sites = {
            program["id"]
            for program in self.programs
            if program["partner_id"] is not None or program["program_code"] == "RLH-TERPADU"
        }
        desa = boundary_frame("desa_kelurahan").sort_values("kode_kemendagri")
        points = desa.set_index("kode_kemendagri").geometry.representative_point()
        for allocation in self.allocations:
            site = None
            if allocation["program_id"] in with_sites:
                code = allocation["region_code"]
                site = points[(points.index == code) | points.index.str.startswith(code + ".")].iloc[0]
            allocation["latitude"] = None if site is None else round(site.y, SITE_DECIMALS)
            allocation["longitude"] = None if site is None else round(site.x, SITE_DECIMALS)

    # --- beneficiaries --------------------------------------------------------------------
    def beneficiaries_frame(self) -> pd.DataFrame:
        per_year = self.beneficiaries // len(YEARS)
        pool_size = max(int(per_year / 1.8), 50)
        rng = self.rng
        kab_weights = np.array([self.poor_people(kab.code, 2024) for kab in self.kabkota])
        person_kab = rng.choice(len(self.kabkota), size=pool_size, p=kab_weights / kab_weights.sum())
        desa_by_kab = {
            i: [d for d in self.desa if d.code.startswith(kab.code + ".")] for i, kab in enumerate(self.kabkota)
        }
        person_desa = np.empty(pool_size, dtype=object)
        for i in range(len(self.kabkota)):
            members = np.flatnonzero(person_kab == i)
            villages = desa_by_kab[i]
            person_desa[members] = [villages[j] for j in rng.integers(0, len(villages), size=len(members))]
        deciles = rng.choice(
            np.arange(1, 11), size=pool_size, p=[0.2, 0.2, 0.17, 0.14, 0.1, 0.07, 0.05, 0.03, 0.02, 0.02]
        )
        niks = self._niks(person_desa)
        hashes = np.array([_hmac_nik(nik) for nik in niks])
        in_desa = np.array([village.kind == "Desa" for village in person_desa])
        kab_codes = np.array([self.kabkota[i].code for i in person_kab])
        desa_codes = np.array([village.code for village in person_desa])
        frames = []
        quotas = [round(spec.share * per_year) for spec in PERSON_PROGRAMS]
        quotas[1] += per_year - sum(quotas)
        kab_index = {kab.code: i for i, kab in enumerate(self.kabkota)}
        packages = [
            (_company_code(company, "PANGAN"), kab_index[activity.kabkota])
            for company in COMPANIES
            for activity in company.activities
            if activity.slug == "PANGAN"
        ]
        package_size = round(SHARED_PACKAGE_SHARE * per_year)
        for year_index, year in enumerate(YEARS):
            extra = self.beneficiaries - per_year * len(YEARS) if year_index == len(YEARS) - 1 else 0
            # The food packages' households also receive Program Sembako (they count within its quota).
            shared = []
            for code, kab in packages:
                households = np.flatnonzero((person_kab == kab) & (deciles <= 5))
                chosen = np.sort(rng.choice(households, size=min(package_size, len(households)), replace=False))
                shared.append((code, chosen))
            in_packages = np.unique(np.concatenate([chosen for _, chosen in shared])).astype(int)
            for spec, quota in zip(PERSON_PROGRAMS, quotas, strict=True):
                quota += extra if spec.code == "SEMBAKO" else 0
                eligible = np.flatnonzero((deciles <= spec.max_decile) & (in_desa | (not spec.desa_only)))
                if spec.code == "SEMBAKO":
                    quota -= sum(len(chosen) for _, chosen in shared)
                    others = np.setdiff1d(eligible, in_packages)
                    size = min(quota - len(in_packages), len(others))
                    chosen = np.concatenate([in_packages, self._poorest_first(others, deciles, size)])
                elif spec.ppks == FAKIR_MISKIN:
                    chosen = self._poorest_first(eligible, deciles, min(quota, len(eligible)))
                else:
                    chosen = rng.choice(eligible, size=min(quota, len(eligible)), replace=False)
                codes = (
                    np.full(len(chosen), spec.code, dtype=object)
                    if spec.implementer
                    else np.array([f"{_slug(self.kabkota[person_kab[i]])}-{spec.code}" for i in chosen], dtype=object)
                )
                frames.append(
                    pd.DataFrame(
                        {
                            "nik_hash": hashes[chosen],
                            "program_code": codes,
                            "year": year,
                            "region_code": desa_codes[chosen],
                            "kabkota": kab_codes[chosen],
                            "benefit_idr": spec.value_idr,
                            "decile": deciles[chosen].astype("int16"),
                            "ppks_category_id": spec.ppks,
                        }
                    )
                )
            for code, chosen in shared:
                frames.append(
                    pd.DataFrame(
                        {
                            "nik_hash": hashes[chosen],
                            "program_code": code,
                            "year": year,
                            "region_code": desa_codes[chosen],
                            "kabkota": kab_codes[chosen],
                            "benefit_idr": CSR_TEMPLATES["PANGAN"].value_idr,
                            "decile": deciles[chosen].astype("int16"),
                            "ppks_category_id": FAKIR_MISKIN,
                        }
                    )
                )
        return pd.concat(frames, ignore_index=True)

    def _poorest_first(self, eligible: np.ndarray, deciles: np.ndarray, size: int) -> np.ndarray:
        """`size` of the `eligible` people drawn without replacement, weighted by `DECILE_WEIGHTS`
        (weighted random keys, Efraimidis–Spirakis), so national programs reach the poorest first."""
        keys = self.rng.random(len(eligible)) ** (1 / DECILE_WEIGHTS[deciles[eligible] - 1])
        return eligible[np.argsort(-keys, kind="stable")[: max(size, 0)]]

    def _niks(self, person_desa: np.ndarray) -> list[str]:
        """NIK-like numbers: region (from the village, or another province for ~1.5 %), birth
        date (+40 on the day for women), serial. Unique within the sample."""
        rng = self.rng
        size = len(person_desa)
        days = rng.integers(1, 29, size=size) + np.where(rng.random(size) < 0.52, 40, 0)
        months = rng.integers(1, 13, size=size)
        years = rng.integers(0, 100, size=size)
        serials = rng.integers(1, 10_000, size=size)
        migrant = rng.random(size) < 0.015
        niks, seen = [], set()
        for i, village in enumerate(person_desa):
            parts = village.code.split(".")
            region = f"{parts[0]}{parts[1]}{parts[2]}"
            if migrant[i]:
                region = str(rng.choice(["630101", "350101", "730101"]))
            nik = f"{region}{days[i]:02d}{months[i]:02d}{years[i]:02d}{serials[i]:04d}"
            while nik in seen:
                nik = nik[:-4] + f"{int(rng.integers(1, 10_000)):04d}"
            seen.add(nik)
            niks.append(nik)
        return niks

    # --- indicators -----------------------------------------------------------------------
    def indicators(self) -> pd.DataFrame:
        spm = (
            "penyandang disabilitas telantar",
            "anak telantar",
            "lanjut usia telantar",
            "gelandangan dan pengemis",
            "korban bencana",
        )
        rows = []
        for number, group in enumerate(spm, start=1):
            for region_code, place, prefix in [("64", "di dalam panti", "SPM-PROV")] + [
                (kab.code, "di luar panti", "SPM-KAB") for kab in self.kabkota
            ]:
                baseline = float(self.rng.uniform(55, 85))
                for year in YEARS:
                    actual = min(100.0, baseline + (year - YEARS[0]) * float(self.rng.uniform(1, 6)))
                    rows.append(
                        (
                            f"{prefix}-{number}",
                            f"Persentase {group} yang terpenuhi kebutuhan dasarnya {place}",
                            year,
                            region_code,
                            round(baseline, 1),
                            100.0,
                            round(actual, 1),
                            "%",
                            "naik",
                        )
                    )
        for kab in self.kabkota:
            baseline = float(self.rng.uniform(4, 12))
            for year in YEARS:
                actual = max(0.5, baseline - (year - YEARS[0]) * float(self.rng.uniform(0.2, 1.2)))
                rows.append(
                    (
                        "IKU-RTLH",
                        "Persentase rumah tangga miskin yang menghuni rumah tidak layak huni",
                        year,
                        kab.code,
                        round(baseline, 1),
                        round(baseline * 0.7, 1),
                        round(actual, 1),
                        "%",
                        "turun",
                    )
                )
        frame = pd.DataFrame(
            rows,
            columns=[
                "indicator_code",
                "name",
                "year",
                "region_code",
                "baseline",
                "target",
                "actual",
                "unit",
                "direction",
            ],
        )
        frame["period"] = "Tahunan"
        frame["data_source"] = SAMPLE_SOURCE
        return frame


def _take_ids_from_sequences(tx: Transaction, tables: dict[str, pd.DataFrame]) -> tuple[dict[int, int], dict[int, int]]:
    """Replace the builder's partner and program ids (1, 2, …) by ids from the store's sequences, in
    place, so that no id of the sample is ever handed out again to imported data. Returns the two
    maps (builder id -> stored id: partners, programs)."""
    partners, programs = tables["partners"], tables["programs"]
    partner_ids = dict(zip(partners["id"], tx.next_ids("partners_id_seq", len(partners)), strict=True))
    program_ids = dict(zip(programs["id"], tx.next_ids("programs_id_seq", len(programs)), strict=True))
    tables["partners"] = partners.assign(id=partners["id"].map(partner_ids))
    tables["programs"] = programs.assign(
        id=programs["id"].map(program_ids), partner_id=programs["partner_id"].map(partner_ids)
    )
    allocations = tables["program_allocations"]
    tables["program_allocations"] = allocations.assign(program_id=allocations["program_id"].map(program_ids))
    return partner_ids, program_ids


def _insert_catalogue(
    tx: Transaction,
    items: pd.DataFrame,
    adoptions: pd.DataFrame,
    partner_ids: dict[int, int],
    program_ids: dict[int, int],
) -> None:
    """The sample's catalogue items and adoptions (`is_sample`), with the stored partner and program ids."""
    item_ids = {}
    for item in items.to_dict("records"):
        number = item.pop("number")
        columns = [*item, "created_at", "created_by", "updated_at", "updated_by", "is_sample"]
        values = [*item.values(), SAMPLE_WRITTEN_AT, SAMPLE_AUTHOR, SAMPLE_WRITTEN_AT, SAMPLE_AUTHOR, True]
        marks = ", ".join("?" for _ in columns)
        inserted = tx.query(f"INSERT INTO catalogue_items ({', '.join(columns)}) VALUES ({marks}) RETURNING id", values)
        item_ids[number] = int(inserted["id"].iloc[0])
    for adoption in adoptions.to_dict("records"):
        program = adoption["program_id"]
        tx.execute(
            "INSERT INTO catalogue_adoptions (item_id, partner_id, amount_idr, status, program_id, created_at, "
            "created_by, updated_at, updated_by, is_sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)",
            [
                item_ids[adoption["number"]],
                partner_ids[adoption["partner_id"]],
                int(adoption["amount_idr"]),
                adoption["status"],
                None if pd.isna(program) else program_ids[int(program)],
                SAMPLE_WRITTEN_AT,
                SAMPLE_AUTHOR,
                SAMPLE_WRITTEN_AT,
                SAMPLE_AUTHOR,
            ],
        )


def build_demo(store: Store, seed: int = DEFAULT_SEED, beneficiaries: int = DEFAULT_BENEFICIARIES) -> DemoSummary:
    """Replace the sample data set in `store` with a fresh one — the data tables, its import row and the
    catalogue's sample items and adoptions (`is_sample`, with any adoption of a sample item) — in one
    transaction. Raises StoreError when the store holds imported data (never mixed) or when the
    sample did not persist completely."""
    real = store.scalar("SELECT count(*) FROM imports WHERE NOT is_sample")
    if real:
        raise StoreError(
            "Basis data ini berisi data impor resmi; data contoh tidak dicampur dengan data resmi. "
            "Gunakan DATABASE_URL lain untuk data contoh. / This store holds imported data; sample data "
            "is never mixed with it. Use another DATABASE_URL for the sample data set."
        )
    builder = _Builder(seed, beneficiaries)
    need = builder.ppks_counts()
    people = builder.beneficiaries_frame()
    builder.person_programs(people)
    builder.area_programs()
    builder.services()
    partners = builder.company_programs(people)
    builder.proposals()
    builder.program_sites()
    items, adoptions = builder.catalogue()
    tables = {
        "partners": partners,
        "programs": pd.DataFrame(builder.programs),
        "program_allocations": pd.DataFrame(builder.allocations),
        "ppks_counts": need,
        "beneficiaries": people.drop(columns=["kabkota"]),
        "indicators": builder.indicators(),
    }
    with store.transaction() as tx:
        for table in DATA_TABLES:
            tx.execute(f"DELETE FROM {table}")
        tx.execute("DELETE FROM imports")
        tx.execute(
            "DELETE FROM catalogue_adoptions "
            "WHERE is_sample OR item_id IN (SELECT id FROM catalogue_items WHERE is_sample)"
        )
        tx.execute("DELETE FROM catalogue_items WHERE is_sample")
        import_id = tx.next_id("imports_id_seq")
        partner_ids, program_ids = _take_ids_from_sequences(tx, tables)
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample, rows_added, note) "
            "VALUES (?, 'demo', ?, ?, current_timestamp, TRUE, ?, ?)",
            [
                import_id,
                f"data contoh (seed {seed})",
                SAMPLE_AUTHOR,
                sum(len(f) for f in tables.values()),
                f"seed={seed}; beneficiaries={beneficiaries}",
            ],
        )
        for table, frame in tables.items():
            tx.insert_frame(table, frame.assign(import_id=import_id))
        _insert_catalogue(tx, items, adoptions, partner_ids, program_ids)
    counts = {table: store.count(table) for table in tables}
    expected = {table: len(frame) for table, frame in tables.items()}
    if counts != expected:
        raise StoreError(f"Sample data did not persist completely: expected {expected}, found {counts}.")
    return DemoSummary(seed=seed, import_id=import_id, counts=counts)

"""A deterministic, realistic sample data set ("Data contoh") for demonstrations and tests.

Region codes, population and poverty are real (reference data); everything else is synthetic:
PPKS counts are scaled from the real population and poverty figures, companies are fictional,
and NIK-like numbers are random. The sample is one import marked `is_sample`, so it is never
mixed silently with imported data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data_loaders.geo import boundary_frame
from data_loaders.regions import Region, all_regions, kabkota_facts
from data_loaders.store import DATA_TABLES, Store, StoreError, Transaction
from data_loaders.values import partner_key

YEARS = (2022, 2023, 2024, 2025)
DEFAULT_SEED = 2026
DEFAULT_BENEFICIARIES = 200_000
# Sample NIKs are random numbers, so a fixed key is harmless here; imported NIKs use the
# deployment's secret key instead (never stored in the repository).
DEMO_NIK_KEY = b"sinergi-kesos-kaltim/sample-data-only"
SAMPLE_SOURCE = "Data contoh (sintetis)"
PROVINCE_POOR_RATE = 5.78  # % poor people, Kaltim, March 2024 (BPS)
SITE_DECIMALS = 5  # program sites in degrees: about 1 m

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
        0.03,
    ),
    PersonProgram(
        "SANTUNAN", "Santunan Penyandang Disabilitas", None, "APBD_KABKOTA", 9, "Tunai", "jiwa", 2_400_000, 6, 0.05
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
class Company:
    name: str
    sector: str
    kind: str
    regions: tuple[str, ...]  # operating kabupaten/kota (Kemendagri codes)
    source: str  # CSR or PPM (mining companies report PPM)
    forum_member: bool
    scale: float  # relative size of its social budget


COMPANIES = (
    Company("PT Bara Sangatta Sejahtera", "Pertambangan Batubara", "Swasta", ("64.08",), "PPM", True, 3.0),
    Company("PT Batubara Paser Lestari", "Pertambangan Batubara", "Swasta", ("64.01",), "PPM", True, 2.0),
    Company("PT Tambang Mahakam Berjaya", "Pertambangan Batubara", "Swasta", ("64.02", "64.07"), "PPM", False, 1.2),
    Company("PT Migas Delta Mahakam", "Migas", "BUMN", ("64.02", "64.71"), "CSR", True, 2.2),
    Company("PT Kilang LNG Etam", "Migas", "Swasta", ("64.74",), "CSR", True, 1.5),
    Company("PT Pupuk Etam Nusantara", "Pupuk/Petrokimia", "BUMN", ("64.74", "64.08"), "CSR", True, 1.8),
    Company("PT Sawit Benua Etam", "Perkebunan Sawit", "Swasta", ("64.08", "64.03", "64.01"), "CSR", False, 0.8),
    Company("PT Rimba Lestari Kalimantan", "Kehutanan", "Swasta", ("64.07", "64.11", "64.03"), "CSR", False, 0.5),
    Company("PT Bank Daerah Benua Etam", "Perbankan", "BUMD", ("64.72", "64.71", "64.02", "64.09"), "CSR", True, 0.7),
)

# (slug, name, ppks, assistance, unit, unit value, target per 1.0 of company scale)
CSR_TEMPLATES = (
    ("RLH", "Bedah Rumah Layak Huni", FAKIR_MISKIN, "Rumah (RTLH)", "unit", 35_000_000, 25),
    ("BEASISWA", "Beasiswa Anak Kurang Mampu", 2, "Lainnya", "jiwa", 6_000_000, 60),
    ("SEMBAKO", "Paket Sembako Ramadan", FAKIR_MISKIN, "Sembako/Pangan", "KK", 350_000, 1500),
    ("ALAT-BANTU", "Alat Bantu Penyandang Disabilitas", 9, "Sarana", "jiwa", 3_500_000, 40),
    (
        "UMKM-PEREMPUAN",
        "Pelatihan Usaha Perempuan Rawan Sosial Ekonomi",
        23,
        "Pemberdayaan/Pelatihan",
        "jiwa",
        4_000_000,
        50,
    ),
    ("AMBULANS", "Ambulans Desa", None, "Sarana", "unit", 450_000_000, 1),
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
                        expected = self.poor_people(kab.code, year)
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
        frame = pd.DataFrame(rows, columns=["year", "region_code", "ppks_category_id", "count"])
        frame["unit"] = "jiwa"
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

    def company_programs(self) -> pd.DataFrame:
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
            for year in YEARS:
                chosen = self.rng.choice(len(CSR_TEMPLATES), size=int(self.rng.integers(2, 4)), replace=False)
                for index in sorted(chosen):
                    slug, name, ppks, assistance, unit, value, per_scale = CSR_TEMPLATES[index]
                    code = f"{company.name.removeprefix('PT ').upper().replace(' ', '-')}-{slug}"
                    latest = year == YEARS[-1]
                    status = str(self.rng.choice(["komitmen", "berjalan", "selesai"])) if latest else "selesai"
                    program_id = self._program(
                        code, year, name, company.name, ppks, assistance, unit, status, partner_id
                    )
                    kab = self.by_code(str(self.rng.choice(company.regions)))
                    places = self.pick_kecamatan(kab, int(self.rng.integers(1, 4)))
                    for kec in places:
                        target = max(1, int(per_scale * company.scale * self.rng.uniform(0.5, 1.5) / len(places)))
                        budget = target * value
                        if status == "komitmen":
                            self._allocate(program_id, kec, company.source, budget, None, target, None, budget)
                        else:
                            spent = budget * self.rng.uniform(0.75, 1.02)
                            self._allocate(
                                program_id,
                                kec,
                                company.source,
                                budget,
                                spent,
                                target,
                                int(target * self.rng.uniform(0.8, 1.05)),
                                budget,
                            )
        self._bontang_elderly_overlap()
        return pd.DataFrame(partners)

    def _bontang_elderly_overlap(self) -> None:
        """Two Bontang companies both support the elderly of Bontang Utara each year, together reaching
        more people than the kecamatan has in need: the kind of overlap the coordination meeting is for."""
        for partner_id, company in enumerate(COMPANIES, start=1):
            if company.regions[0] != "64.74":
                continue
            for year in YEARS:
                code = f"{company.name.removeprefix('PT ').upper().replace(' ', '-')}-LANSIA"
                program_id = self._program(
                    code,
                    year,
                    "Santunan Lanjut Usia",
                    company.name,
                    8,
                    "Tunai",
                    "jiwa",
                    "selesai" if year < YEARS[-1] else "berjalan",
                    partner_id,
                )
                target = int(self.rng.integers(220, 300))
                budget = target * 1_800_000
                self._allocate(
                    program_id,
                    "64.74.01",
                    company.source,
                    budget,
                    budget * self.rng.uniform(0.9, 1.0),
                    target,
                    int(target * self.rng.uniform(0.9, 1.0)),
                    budget,
                )

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
        for year_index, year in enumerate(YEARS):
            extra = self.beneficiaries - per_year * len(YEARS) if year_index == len(YEARS) - 1 else 0
            for spec, quota in zip(PERSON_PROGRAMS, quotas, strict=True):
                quota += extra if spec.code == "SEMBAKO" else 0
                eligible = np.flatnonzero((deciles <= spec.max_decile) & (in_desa | (not spec.desa_only)))
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
        return pd.concat(frames, ignore_index=True)

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


def _take_ids_from_sequences(tx: Transaction, tables: dict[str, pd.DataFrame]) -> None:
    """Replace the builder's partner and program ids (1, 2, …) by ids from the store's sequences, in
    place, so that no id of the sample is ever handed out again to imported data."""
    partners, programs = tables["partners"], tables["programs"]
    partner_ids = dict(zip(partners["id"], tx.next_ids("partners_id_seq", len(partners)), strict=True))
    program_ids = dict(zip(programs["id"], tx.next_ids("programs_id_seq", len(programs)), strict=True))
    tables["partners"] = partners.assign(id=partners["id"].map(partner_ids))
    tables["programs"] = programs.assign(
        id=programs["id"].map(program_ids), partner_id=programs["partner_id"].map(partner_ids)
    )
    allocations = tables["program_allocations"]
    tables["program_allocations"] = allocations.assign(program_id=allocations["program_id"].map(program_ids))


def build_demo(store: Store, seed: int = DEFAULT_SEED, beneficiaries: int = DEFAULT_BENEFICIARIES) -> DemoSummary:
    """Replace the sample data set in `store` with a fresh one; refuses to touch imported data."""
    real = store.scalar("SELECT count(*) FROM imports WHERE NOT is_sample")
    if real:
        raise StoreError(
            "Basis data ini berisi data impor resmi; data contoh tidak dicampur dengan data resmi. "
            "Gunakan DATABASE_URL lain untuk data contoh. / This store holds imported data; sample data "
            "is never mixed with it. Use another DATABASE_URL for the sample data set."
        )
    builder = _Builder(seed, beneficiaries)
    people = builder.beneficiaries_frame()
    builder.person_programs(people)
    builder.area_programs()
    partners = builder.company_programs()
    builder.program_sites()
    tables = {
        "partners": partners,
        "programs": pd.DataFrame(builder.programs),
        "program_allocations": pd.DataFrame(builder.allocations),
        "ppks_counts": builder.ppks_counts(),
        "beneficiaries": people.drop(columns=["kabkota"]),
        "indicators": builder.indicators(),
    }
    with store.transaction() as tx:
        for table in DATA_TABLES:
            tx.execute(f"DELETE FROM {table}")
        tx.execute("DELETE FROM imports")
        import_id = tx.next_id("imports_id_seq")
        _take_ids_from_sequences(tx, tables)
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample, rows_added, note) "
            "VALUES (?, 'demo', ?, 'python -m data_loaders demo', current_timestamp, TRUE, ?, ?)",
            [
                import_id,
                f"data contoh (seed {seed})",
                sum(len(f) for f in tables.values()),
                f"seed={seed}; beneficiaries={beneficiaries}",
            ],
        )
        for table, frame in tables.items():
            tx.insert_frame(table, frame.assign(import_id=import_id))
    counts = {table: store.count(table) for table in tables}
    expected = {table: len(frame) for table, frame in tables.items()}
    if counts != expected:
        raise StoreError(f"Sample data did not persist completely: expected {expected}, found {counts}.")
    return DemoSummary(seed=seed, import_id=import_id, counts=counts)

"""Files as offices send them (tests/field_cases/) and the vocabulary they use (issue 11, item 4):
each file is imported through the command line and the stored values are checked."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from data_loaders import kinds, values
from data_loaders.__main__ import main
from data_loaders.problems import ValueProblem
from data_loaders.regions import code_system
from tests.conftest import stored

CASES = Path(__file__).resolve().parent / "field_cases"


def test_sipd_realisation_table(empty_store, capsys):
    assert main(["import", str(CASES / "c06_sipd_amounts_program.csv"), "--kind", "program"]) == 0
    assert "0 peringatan" in capsys.readouterr().out
    rows = stored(
        empty_store,
        "SELECT p.program_code, p.beneficiary_unit AS unit, a.region_code, a.budget_idr, a.spent_idr, "
        "a.target_beneficiaries AS target, a.reached_beneficiaries AS reached "
        "FROM programs p JOIN program_allocations a ON a.program_id = p.id ORDER BY p.program_code",
    ).set_index("program_code")
    assert rows.loc["1.06.02.2.01", "budget_idr"] == 1_250_000_000  # 'Rp 1.250.000.000,00'
    assert rows.loc["1.06.02.2.01", "spent_idr"] == 1_087_500_000
    assert rows.loc["1.06.04.2.01", "budget_idr"] == 750_000_000  # 'Rp. 750.000.000,-'
    assert rows.loc["1.06.04.2.01", "spent_idr"] != rows.loc["1.06.04.2.01", "spent_idr"]  # '-' is empty (NaN)
    assert rows["reached"].isna().tolist() == [False, True, False]  # '-' is empty, not zero
    assert rows.loc["1.06.05.2.02", "unit"] == "KK"  # 'KPM': keluarga penerima manfaat
    assert rows.loc["1.06.05.2.02", "region_code"] == "64.11"  # Mahakam Ulu
    assert rows.loc["1.06.05.2.02", "budget_idr"] == 2_500_000_000  # 'Rp2,5 M'


def test_spm_report_with_roman_periods(empty_store):
    assert main(["import", str(CASES / "c11_spm_roman_periods_indikator.csv"), "--kind", "indikator"]) == 0
    rows = stored(empty_store, "SELECT indicator_code, period, baseline, target, actual FROM indicators ORDER BY 1, 2")
    assert rows["period"].tolist() == ["Semester 2", "Triwulan 1", "Tahunan", "Triwulan 3"]
    assert rows["baseline"].isna().tolist() == [True, True, False, False]  # '-' and 'N/A'
    assert rows["actual"].tolist() == [92.5, 87.25, 96.4, 95.0]  # '92,5%', '87,25 %'


def test_kecamatan_written_with_kec_prefix(empty_store):
    # Several of these kecamatan share their name with their seat kelurahan (Penajam, Sepaku, Waru):
    # 'Kec.' says which one is meant.
    assert main(["import", str(CASES / "c01b_kec_prefix_ppks.csv"), "--kind", "ppks"]) == 0
    rows = stored(
        empty_store, "SELECT c.region_code, r.level FROM ppks_counts c JOIN regions r ON r.code = c.region_code"
    )
    assert len(rows) == 14
    assert set(rows["level"]) == {"kecamatan"}
    assert {"64.01.05", "64.09.01", "64.09.04", "64.09.02"} <= set(rows["region_code"])  # Kuaro, Penajam, Sepaku, Waru


def test_satu_data_table_with_bps_codes_and_upper_case_names(empty_store):
    assert main(["import", str(CASES / "c04_satudata_pmks.csv"), "--kind", "ppks"]) == 0
    rows = stored(empty_store, "SELECT region_code, count, unit FROM ppks_counts").set_index("region_code")
    assert len(rows) == 10
    assert rows["count"].sum() == 1_715
    assert set(rows["unit"]) == {"jiwa"}  # 'ORANG'
    assert rows.loc["64.07", "count"] == 126  # 'KABUPATEN KUTAI BARAT', BPS code 6402


def test_workbook_with_a_wrong_dimension_tag(empty_store):
    assert main(["import", str(CASES / "c07_wrong_dimension_ppks.xlsx"), "--kind", "ppks"]) == 0
    assert len(stored(empty_store, "SELECT * FROM ppks_counts")) == 10


def test_pipe_delimited_beneficiary_export(empty_store, monkeypatch):
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    assert main(["import", str(CASES / "c09_pipe_delimited_penerima.csv"), "--kind", "penerima"]) == 0
    rows = stored(empty_store, "SELECT nik_hash, region_code, benefit_idr FROM beneficiaries")
    assert len(rows) == 2
    assert set(rows["region_code"]) == {"64.02.06"}  # 'Tenggarong, Kutai Kartanegara'
    assert rows["benefit_idr"].tolist() == [2_400_000, 2_400_000]
    assert not rows["nik_hash"].str.startswith("6402").any()  # only the keyed hash is stored


def _summary(capsys, *args: str) -> dict:
    capsys.readouterr()
    assert main(["summary", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_bps_table_with_column_numbers_a_note_and_a_province_total(empty_store, capsys):
    assert main(["import", str(CASES / "c05_bps_table_ppks.xlsx"), "--kind", "ppks"]) == 0
    out = capsys.readouterr().out
    assert "Baris 4, 16 dilewati" in out  # the (1) (2) … row and the 'Sumber:' note
    assert "'Kalimantan Timur' (2.773) adalah jumlah dari 10 baris lain" in out
    assert _summary(capsys, "--year", "2024")["ppks_jiwa"] == 2_773  # not 5.546: the total is not added again
    assert _summary(capsys, "--year", "2024", "--wilayah", "Kutai Kartanegara")["ppks_jiwa"] == 655


def test_kecamatan_rows_with_their_kabupaten_subtotal(empty_store, capsys):
    assert main(["import", str(CASES / "c05c_kecamatan_with_subtotal_ppks.csv"), "--kind", "ppks"]) == 0
    assert "'Paser' (160) adalah jumlah dari 3 baris lain" in capsys.readouterr().out
    paser = _summary(capsys, "--year", "2023", "--wilayah", "Paser")
    assert paser["ppks_jiwa"] == 160  # not 320
    assert _summary(capsys, "--year", "2023")["ppks_jiwa"] == 160


def test_company_report_warns_once_and_names_the_closest_desa(empty_store, capsys):
    assert main(["import", str(CASES / "c10_csr_kpc_bengalon_program.csv"), "--kind", "program"]) == 1
    out = capsys.readouterr().out
    # One warning for the unregistered company, naming the other rows; not one per row.
    assert out.count("belum terdaftar sebagai mitra") == 1
    assert "Hal yang sama juga di 10 baris lain: 3, 4, 5, 6, 7, 8, 9, 10, 11, 12." in out
    # Colloquial desa names are refused with the closest real ones; nothing is stored.
    assert "'Desa Sepaso Induk' tidak dikenal" in out and "Desa Sepaso (Bengalon)" in out
    assert stored(empty_store, "SELECT count(*) AS n FROM programs")["n"][0] == 0


def test_kemendagri_codes_without_dots(empty_store, capsys):
    # 6408 exists only as Kutai Timur's Kemendagri code: the file numbers by Kemendagri, so 6402 is
    # Kutai Kartanegara (64.02), not the BPS code of Kutai Barat, and 6403 is Berau.
    assert main(["import", str(CASES / "c02_kemendagri_undotted_program.csv"), "--kind", "program"]) == 0
    assert capsys.readouterr().out.count("kode Kemendagri tanpa titik") == 1
    rows = stored(
        empty_store,
        "SELECT p.program_code, a.region_code FROM programs p JOIN program_allocations a ON a.program_id = p.id",
    ).set_index("program_code")["region_code"]
    assert rows.to_dict() == {"BRU-RTLH-24": "64.03", "KKR-LUT-24": "64.02", "KTM-AJ-24": "64.08"}


@pytest.mark.parametrize(
    ("codes", "system"),
    [
        (["6408", "6402"], "kemendagri"),  # 6408 exists only in Kemendagri numbering
        (["6402", "6403"], "bps"),  # shared numbers: a bare 4-digit code stays BPS
        (["6404", "6402"], "bps"),  # 6404 exists only in BPS numbering
        (["6408", "6404"], "bps"),  # both systems in one file: no silent switch
        (["Kutai Timur", "64.08"], "bps"),
    ],
)
def test_the_code_system_of_a_file(codes, system):
    assert code_system(codes) == system


def test_history_is_readable_and_names_each_files_sha256(empty_store, capsys):
    assert main(["import", str(CASES / "c06_sipd_amounts_program.csv"), "--kind", "program"]) == 0
    capsys.readouterr()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    digest = hashlib.sha256((CASES / "c06_sipd_amounts_program.csv").read_bytes()).hexdigest()
    assert digest in out
    assert not any(word in out.split() for word in ("NaT", "NaN", "None", "nan"))


def test_a_missing_nik_key_is_said_once(empty_store, capsys, monkeypatch):
    monkeypatch.delenv("SINERGI_NIK_KEY", raising=False)
    assert main(["import", str(CASES / "c09_pipe_delimited_penerima.csv"), "--kind", "penerima"]) == 1
    out = capsys.readouterr().out
    assert out.count("SINERGI_NIK_KEY") == 1
    assert "1 kesalahan" in out


@pytest.mark.parametrize("text", ["-", "–", "N/A", "n.a.", "n.a", "NA", "#N/A", " - "])
def test_nil_markers_are_empty(text):
    assert values.is_blank(text)


@pytest.mark.parametrize("text", ["0", "Rp 0", "nama", "-5"])
def test_values_are_not_nil(text):
    assert not values.is_blank(text)


PERIOD = values.closed_list(kinds.PERIODS, aliases=kinds.PERIOD_ALIASES)
UNIT = values.closed_list(kinds.BENEFICIARY_UNITS, aliases=kinds.UNIT_ALIASES)
SECTOR = values.closed_list(kinds.SECTORS, aliases=kinds.SECTOR_ALIASES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Triwulan I", "Triwulan 1"),
        ("TRIWULAN IV", "Triwulan 4"),
        ("TW III", "Triwulan 3"),
        ("tw 2", "Triwulan 2"),
        ("Semester II", "Semester 2"),
        ("Smt I", "Semester 1"),
        ("Tahunan", "Tahunan"),
        ("Tahun", "Tahunan"),
    ],
)
def test_periods_as_offices_write_them(text, expected):
    assert PERIOD(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ORANG", "jiwa"), ("Jiwa", "jiwa"), ("KPM", "KK"), ("RTS", "KK"), ("RT", "KK"), ("Rumah Tangga", "KK")],
)
def test_units_as_offices_write_them(text, expected):
    assert UNIT(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Batu Bara", "Pertambangan Batubara"), ("Minyak dan Gas", "Migas"), ("Pupuk", "Pupuk/Petrokimia")],
)
def test_sectors_as_offices_write_them(text, expected):
    assert SECTOR(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Penyandang Cacat", 9),
        ("Wanita Rawan Sosial Ekonomi", 23),
        ("Keluarga Fakir Miskin", 24),
        ("Eks Narapidana", 15),
        ("24. Fakir Miskin", 24),  # the form the import hints print, typed back
        ("9) Penyandang Disabilitas", 9),
    ],
)
def test_old_names_and_numbered_names_of_ppks(text, expected):
    assert values.ppks_category(text) == expected


def test_a_numbered_name_must_agree_with_its_number():
    with pytest.raises(ValueProblem):
        values.ppks_category("23. Fakir Miskin")


def test_a_combined_category_is_refused_with_split_advice():
    with pytest.raises(ValueProblem) as refused:
        values.ppks_category("Pengemis dan Gelandangan")
    assert refused.value.key == "imp_ppks_combined"
    assert {refused.value.values["first"], refused.value.values["second"]} == {"11. Gelandangan", "12. Pengemis"}


def test_forum_members_with_sector_and_operating_region_variants(empty_store):
    assert main(["import", str(CASES / "m01_forum_members_mitra.csv"), "--kind", "mitra"]) == 0
    rows = stored(empty_store, "SELECT name, sector, operating_regions, forum_member FROM partners").set_index("name")
    assert rows.loc["PT. Kaltim Prima Coal", "sector"] == "Pertambangan Batubara"  # 'Batu Bara'
    assert rows.loc["PT. Kaltim Prima Coal", "operating_regions"] == "64.08;64.74"  # 'Kutai Timur, Bontang'
    assert rows.loc["PT Pertamina Hulu Mahakam", "sector"] == "Migas"  # 'Minyak dan Gas'
    assert rows.loc["PT Pertamina Hulu Mahakam", "operating_regions"] == "64.02;64.09"  # '… dan …'
    assert rows.loc["PT Pupuk Kalimantan Timur (Persero)", "sector"] == "Pupuk/Petrokimia"
    assert rows.loc["Bankaltimtara", "operating_regions"].split(";") == [
        "64.01",
        "64.02",
        "64.03",
        "64.07",
        "64.08",
        "64.09",
        "64.11",
        "64.71",
        "64.72",
        "64.74",
    ]  # 'Seluruh Kaltim'
    assert rows["forum_member"].tolist() == [True, True, True, False, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seluruh Kalimantan Timur", 10),
        ("Semua kabupaten/kota", 10),
        ("Se-Kaltim", 10),
        ("Kalimantan Timur", 10),
        ("Berau / Kutim", 2),
        ("Samarinda; Balikpapan; Bontang", 3),
    ],
)
def test_operating_regions_as_offices_write_them(text, expected):
    assert len(kinds._kabkota_list(text).split(";")) == expected


def test_a_province_figure_sets_aside_no_kabupaten_figure_in_that_kabupatens_view(empty_store, capsys):
    assert main(["import", str(CASES / "t01_province_and_kabupaten_ppks.csv"), "--kind", "ppks"]) == 0
    province = _summary(capsys, "--year", "2023")
    assert (province["ppks_jiwa"], province["need_set_aside_jiwa"]) == (100, 100)  # Paser and Berau inside it
    for name, need in (("Paser", 60), ("Berau", 40)):
        kabupaten = _summary(capsys, "--year", "2023", "--wilayah", name)
        assert (kabupaten["ppks_jiwa"], kabupaten["need_set_aside_jiwa"]) == (need, 0)


def test_a_total_row_named_jumlah_is_skipped(empty_store, capsys):
    assert main(["import", str(CASES / "t02_total_row_named_jumlah_ppks.csv"), "--kind", "ppks"]) == 0
    assert "Baris 4 adalah baris jumlah tabel" in capsys.readouterr().out
    assert _summary(capsys, "--year", "2023")["ppks_jiwa"] == 100  # Paser 60 + Berau 40, the 'Jumlah' row not read


def test_a_kabupaten_total_that_its_kecamatan_do_not_add_up_to_is_said_to_differ(empty_store, capsys):
    assert main(["import", str(CASES / "t03_kabupaten_total_disagrees_ppks.csv"), "--kind", "ppks"]) == 0
    out = capsys.readouterr().out
    assert "'Paser' (200) adalah wilayah induk dari 2 baris lain, tetapi rinciannya berjumlah 64, tidak sama" in out
    assert _summary(capsys, "--year", "2023", "--wilayah", "Paser")["ppks_jiwa"] == 200  # the kabupaten's own figure


def test_a_nul_inside_a_region_name_is_removed(empty_store, capsys):
    assert main(["import", str(CASES / "h05_nul_in_region_program.csv"), "--kind", "program"]) == 0
    assert stored(empty_store, "SELECT region_code FROM program_allocations")["region_code"].tolist() == ["64.01"]


@pytest.mark.parametrize(
    ("text", "code"), [("640105", "64.01.05"), ("6401012009", "64.01.01.2009"), ("64 01 05", "64.01.05")]
)
def test_kemendagri_codes_below_kabupaten_without_dots(text, code):
    assert values.region(text).code == code


def test_a_dry_run_says_when_the_store_would_still_refuse_the_file(empty_store, capsys):
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["import", str(CASES / "c06_sipd_amounts_program.csv"), "--kind", "program", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Uji coba: 3 baris lolos pemeriksaan" in out and "Hapus data contoh dahulu" in out


def test_a_programs_kabupaten_row_above_its_kecamatan_rows_is_a_total(empty_store, capsys):
    file = str(CASES / "t04_program_kabupaten_and_kecamatan_program.csv")
    assert main(["import", file, "--kind", "program"]) == 0
    assert "Disimpan sebagai jumlah" in capsys.readouterr().out
    rows = stored(empty_store, "SELECT region_code, is_total FROM program_allocations ORDER BY region_code")
    assert rows.values.tolist() == [["64.01", True], ["64.01.05", False], ["64.01.06", False]]
    assert _summary(capsys, "--year", "2023", "--wilayah", "Paser")["budget_idr"] == 300_000_000  # not 600 M
    assert main(["rollback", "1"]) == 0
    assert stored(empty_store, "SELECT count(*) AS n FROM program_allocations")["n"][0] == 0

"""The import corpus: each bad file gives its one expected message (file, row, column, what and
how to fix) and changes nothing; each messy but valid file imports with known totals."""

from pathlib import Path

import pytest

from data_loaders import importer
from data_loaders.store import open_store
from data_loaders.validation import validate

CORPUS = Path(__file__).resolve().parent / "import_corpus"
KEY = b"test-key-not-a-secret"

# file: (kind, message key, Excel row, column, words the Indonesian message must contain)
BAD = {
    "program_missing_column.csv": ("program", "imp_missing_column", 1, "pagu_rp", "Kolom wajib tidak ada"),
    "program_unknown_region.csv": (
        "program",
        "imp_region",
        2,
        "wilayah",
        "'Kutai Kartanegra' tidak dikenal sebagai wilayah. Maksud Anda 'Kabupaten Kutai Kartanegara'",
    ),
    "program_unknown_bps_code.csv": ("program", "imp_region", 2, "wilayah", "Kode BPS '6499' bukan kabupaten/kota"),
    "program_unknown_source.csv": (
        "program",
        "imp_bad_source_hint",
        2,
        "sumber_dana",
        "Sumber dana 'APBD III' tidak dikenal. Maksud Anda 'APBD Kabupaten/Kota'?",
    ),
    "program_unknown_ppks.csv": ("program", "imp_bad_ppks_hint", 2, "kategori_ppks", "Maksud Anda '24. Fakir Miskin'?"),
    "program_text_amount.csv": ("program", "imp_not_number", 2, "pagu_rp", "'satu juta' bukan angka"),
    "program_negative_amount.csv": ("program", "imp_negative", 2, "pagu_rp", "'-1.000.000' negatif"),
    "program_year_out_of_range.csv": ("program", "imp_year_range", 2, "tahun", "Tahun 2040 di luar rentang 2015–2035"),
    "program_year_not_a_year.csv": ("program", "imp_bad_year", 2, "tahun", "'dua ribu' bukan tahun"),
    "program_end_before_start.csv": (
        "program",
        "imp_end_before_start",
        2,
        "tanggal_selesai",
        "Tanggal selesai lebih awal dari tanggal mulai (2025-06-01)",
    ),
    "program_bad_date.csv": ("program", "imp_bad_date", 2, "tanggal_mulai", "'31/02/2025' bukan tanggal"),
    "program_duplicate_key.csv": (
        "program",
        "imp_duplicate_key",
        3,
        "kode_program, tahun, wilayah, sumber_dana",
        "mengulang kunci baris 2",
    ),
    "program_inconsistent_rows.csv": (
        "program",
        "imp_program_inconsistent",
        3,
        "nama_program",
        "berbeda dengan baris 2 ('Program Keluarga Harapan')",
    ),
    "program_bad_status.csv": (
        "program",
        "imp_bad_option_hint",
        2,
        "status",
        "'jalan' tidak ada dalam daftar. Maksud Anda 'berjalan'?",
    ),
    "program_required_blank.csv": ("program", "imp_required", 2, "nama_program", "Kolom wajib ini kosong"),
    "program_fraction_of_people.csv": ("program", "imp_not_whole", 2, "target_penerima", "'12,5' bukan bilangan bulat"),
    "penerima_nik_too_short.csv": ("penerima", "imp_nik_length", 2, "nik", "terdiri dari 15 angka, bukan 16"),
    "penerima_nik_not_digits.csv": ("penerima", "imp_nik_digits", 2, "nik", "berisi selain angka"),
    "penerima_no_nik_column.csv": ("penerima", "imp_missing_one_of", 1, None, "Tidak ada kolom nik / nik_hash"),
    "penerima_bad_decile.csv": ("penerima", "imp_bad_decile", 2, "desil", "Desil '11' harus antara 1 dan 10"),
    "penerima_duplicate.csv": (
        "penerima",
        "imp_duplicate_key",
        3,
        "nik, kode_program, tahun",
        "mengulang kunci baris 2",
    ),
    "ppks_lintas_category.csv": ("ppks", "imp_ppks_lintas_need", 2, "kategori_ppks", "hanya dipakai untuk program"),
    "ppks_ambiguous_region.csv": (
        "ppks",
        "imp_region",
        2,
        "wilayah",
        "Tulis lebih lengkap, mis. 'Kecamatan Tanjung Harapan'",
    ),
    "mitra_operating_region_not_kabkota.csv": (
        "mitra",
        "imp_not_kabkota",
        2,
        "wilayah_operasi",
        "'Tenggarong' bukan kabupaten/kota",
    ),
    "mitra_bad_yes_no.csv": ("mitra", "imp_bad_yes_no", 2, "anggota_forum", "'mungkin' harus 'ya' atau 'tidak'"),
    "indikator_bad_direction.csv": ("indikator", "imp_bad_option", 2, "arah", "'atas' tidak ada dalam daftar"),
    "empty.csv": ("program", "imp_empty_file", None, None, "Berkas kosong"),
    "only_header.csv": ("program", "imp_no_rows", None, None, "tidak berisi baris data"),
    "no_header.csv": ("program", "imp_no_header", None, None, "Baris judul kolom tidak ditemukan"),
    "program_really_excel.csv": ("program", "imp_not_csv", None, None, "bukan CSV teks"),
    "program_really_text.xlsx": ("program", "imp_not_xlsx", None, None, "bukan Excel .xlsx yang sah"),
    "program_old_format.xls": ("program", "imp_old_xls", None, None, "simpan sebagai .xlsx"),
    "program_zip_bomb.xlsx": ("program", "imp_xlsx_bomb", None, None, "membengkak menjadi 64 MB"),
}


def test_every_bad_file_is_in_the_table():
    assert {p.name for p in (CORPUS / "bad").iterdir()} == set(BAD)
    assert len(BAD) >= 25


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gives_its_message_and_changes_nothing(name, fixture_store):
    kind, key, row, column, words = BAD[name]
    before = fixture_store.table_counts()
    result = validate(name, (CORPUS / "bad" / name).read_bytes(), kind, nik_key=KEY)
    assert not result.ok
    problem = result.errors[0]
    assert (problem.key, problem.row, problem.column, problem.file) == (key, row, column, name)
    assert words in problem.message("id")
    assert problem.message("en") != problem.message("id")
    with pytest.raises(importer.ImportRefused):
        importer.apply(fixture_store, result, "test")
    assert fixture_store.table_counts() == before


def test_a_file_over_the_size_limit_is_refused():
    content = (CORPUS / "good" / "program_semicolon_decimal_comma.csv").read_bytes()
    result = validate("big.csv", content, "program", max_bytes=100)
    assert result.errors[0].key == "imp_too_large"
    assert "melebihi batas" in result.errors[0].message()


def test_messages_in_english():
    result = validate("x.csv", (CORPUS / "bad" / "program_unknown_region.csv").read_bytes(), "program")
    assert (
        result.errors[0]
        .message("en")
        .startswith(
            "Row 2, column wilayah: 'Kutai Kartanegra' is not a known region. "
            "Did you mean 'Kabupaten Kutai Kartanegara'"
        )
    )


def test_a_raw_nik_never_appears_in_messages_or_the_store(store_url):
    store = open_store(store_url)
    for name in ("penerima_nik_too_short.csv", "penerima_nik_not_digits.csv", "penerima_duplicate.csv"):
        result = validate(name, (CORPUS / "bad" / name).read_bytes(), "penerima", nik_key=KEY)
        for problem in result.problems:
            for text in (problem.message("id"), problem.message("en"), problem.value or ""):
                assert "640206410790001" not in text and "64O2064107900001" not in text
    good = validate("p.csv", (CORPUS / "good" / "penerima_with_warnings.csv").read_bytes(), "penerima", nik_key=KEY)
    importer.apply(store, good, "test")
    stored = store.query("SELECT * FROM beneficiaries").astype(str).to_numpy().ravel().tolist()
    changes = store.query("SELECT * FROM beneficiaries_changes").astype(str).to_numpy().ravel().tolist()
    assert not any("6402064107900001" in value for value in stored + changes)
    store.close()


def test_without_a_key_raw_niks_are_refused():
    result = validate("p.csv", (CORPUS / "good" / "penerima_with_warnings.csv").read_bytes(), "penerima", nik_key=None)
    assert {p.key for p in result.errors} == {"imp_no_nik_key"}
    assert "SINERGI_NIK_KEY" in result.errors[0].message()


def _import(store, name: str, kind: str) -> importer.ImportResult:
    result = validate(
        name,
        (CORPUS / "good" / name).read_bytes(),
        kind,
        nik_key=KEY,
        partner_keys=set(store.query("SELECT name_key FROM partners")["name_key"]),
    )
    assert result.ok, [p.message() for p in result.errors]
    return importer.apply(store, result, "test")


def test_semicolon_csv_with_decimal_commas(store_url):
    store = open_store(store_url)
    done = _import(store, "program_semicolon_decimal_comma.csv", "program")
    assert (done.added, done.updated, done.unchanged) == (3, 0, 0)
    totals = store.query(
        "SELECT sum(budget_idr)::DOUBLE PRECISION AS b, sum(spent_idr)::DOUBLE PRECISION AS s FROM program_allocations"
    )
    assert totals.iloc[0].tolist() == [
        1_234_567.50 + 1_200_000_000 + 250_000_000,
        1_000_000.25 + 1_100_000_000 + 1_500_000,
    ]
    programs = store.query("SELECT program_code, ppks_category_id, start_date FROM programs ORDER BY 1")
    assert programs["program_code"].tolist() == ["ATENSI-02", "RLH-01"]
    assert programs["ppks_category_id"].isna().tolist() == [True, False]  # Lintas PPKS
    assert programs["start_date"][1].date().isoformat() == "2025-03-01"
    regions = set(store.query("SELECT region_code FROM program_allocations")["region_code"])
    assert regions == {"64.08", "64.02"}  # 'Kab. Kutai Timur' and BPS 6403 = Kutai Kartanegara
    store.close()


def test_windows_1252_partner_names_and_name_variants(store_url):
    store = open_store(store_url)
    _import(store, "mitra_windows1252.csv", "mitra")
    partners = store.query("SELECT name, name_key, operating_regions, forum_member FROM partners ORDER BY id")
    assert partners["name"].tolist() == ["PT. Sinar Énergi Mahakam Tbk", "Yayasan Ora\u2019 Etam"]
    assert partners["operating_regions"].tolist() == ["64.02;64.71", "64.72"]
    assert partners["forum_member"].tolist() == [True, False]
    # A program by 'Sinar Énergi Mahakam, PT' is linked to the same partner.
    csv = (
        "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
        "SEM-1;Beasiswa;Sinar Énergi Mahakam, PT;CSR;2025;Anak Terlantar;Balikpapan;50 juta\n"
    ).encode()
    result = validate("p.csv", csv, "program", partner_keys=set(partners["name_key"]))
    assert not result.warnings
    importer.apply(store, result, "test")
    assert store.scalar("SELECT partner_id FROM programs WHERE program_code = 'SEM-1'") == 1
    store.close()


def test_title_rows_blank_rows_and_excel_dates(store_url):
    store = open_store(store_url)
    done = _import(store, "program_title_rows_excel_dates.xlsx", "program")
    assert done.added == 2
    rows = store.query(
        "SELECT p.program_code, p.start_date, p.end_date, a.region_code, a.budget_idr::DOUBLE PRECISION AS b "
        "FROM programs p JOIN program_allocations a ON a.program_id = p.id ORDER BY 1"
    )
    assert rows["b"].tolist() == [150_000_000, 75_000_000]
    assert [d.date().isoformat() for d in rows["start_date"]] == ["2025-02-01", "2025-01-15"]
    assert [d.date().isoformat() for d in rows["end_date"]] == ["2025-06-30", "2025-12-31"]  # Excel serial 45838
    assert rows["region_code"].tolist() == ["64.01.04", "64.01"]
    assert store.scalar("SELECT sheet FROM imports") == "program"
    store.close()


def test_english_headers_with_stray_spaces(store_url):
    store = open_store(store_url)
    _import(store, "ppks_english_headers.csv", "ppks")
    rows = store.query("SELECT region_code, ppks_category_id, count, unit FROM ppks_counts ORDER BY 1")
    assert rows.to_dict("list") == {
        "region_code": ["64.72", "64.72.01", "64.74"],
        "ppks_category_id": [2, 2, 24],
        "count": [120, 30, 4_500],
        "unit": ["jiwa", "jiwa", "KK"],
    }
    store.close()


def test_beneficiary_warnings_do_not_block(store_url):
    store = open_store(store_url)
    result = validate(
        "p.csv",
        (CORPUS / "good" / "penerima_with_warnings.csv").read_bytes(),
        "penerima",
        nik_key=KEY,
        known_programs=set(),
    )
    assert [p.key for p in result.warnings] == ["imp_unknown_program", "imp_nik_outside", "imp_nik_region_mismatch"]
    assert result.ok
    done = importer.apply(store, result, "test")
    assert (done.added, done.warnings) == (4, 3)
    assert store.scalar("SELECT sum(benefit_idr)::DOUBLE PRECISION FROM beneficiaries") == 4 * 2_400_000
    store.close()

"""Regions as offices write them (issue 11, item 2): the r* files of tests/field_cases/ are imported
through the command line; stored region codes and the messages, in Indonesian and English, are checked.

Kinds of case: bare names shared by a kecamatan and its seat (r01–r05), names qualified by their
parents (r06, r07), BPS upper-case names (r02, r09), and codes that disagree with a name or with the
implementer's kabupaten/kota (r08–r11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data_loaders.__main__ import main
from data_loaders.regions import (
    RegionError,
    code_system,
    implementer_kabkota,
    read_regions,
    resolve_region,
    split_code,
)
from data_loaders.store import open_store
from data_loaders.validation import validate

CASES = Path(__file__).resolve().parent / "field_cases"


@pytest.fixture
def store_url(tmp_path, monkeypatch) -> str:
    url = f"duckdb:///{tmp_path / 'regions.duckdb'}"
    open_store(url).close()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("SINERGI_LANG", raising=False)
    return url


def _import(name: str, capsys) -> tuple[int, str]:
    kind = name.removesuffix(".csv").rsplit("_", 1)[1]
    capsys.readouterr()
    code = main(["import", str(CASES / name), "--kind", kind])
    return code, capsys.readouterr().out


def _english(name: str) -> list[str]:
    kind = name.removesuffix(".csv").rsplit("_", 1)[1]
    result = validate(name, (CASES / name).read_bytes(), kind)
    return [problem.message("en") for problem in result.problems]


def _query(url: str, sql: str):
    store = open_store(url)
    try:
        return store.query(sql)
    finally:
        store.close()


def _ppks(url: str) -> dict[str, int]:
    rows = _query(url, "SELECT region_code, count FROM ppks_counts ORDER BY 1")
    return dict(zip(rows["region_code"], rows["count"], strict=True))


def _allocations(url: str) -> dict[str, int]:
    rows = _query(url, "SELECT region_code, budget_idr::BIGINT AS b FROM program_allocations ORDER BY 1")
    return dict(zip(rows["region_code"], rows["b"], strict=True))


def _nothing_stored(url: str) -> bool:
    return _query(url, "SELECT count(*) AS n FROM imports")["n"][0] == 0


# --- (c) a bare name shared by a kecamatan and its seat ---------------------------------------------


def test_kecamatan_file_reads_bare_shared_names_as_kecamatan_with_one_warning(store_url, capsys):
    code, out = _import("r01_bare_names_kecamatan_ppks.csv", capsys)
    assert code == 0
    assert _ppks(store_url) == {
        "64.01.01": 12,  # Batu Sopang
        "64.01.02": 8,  # Kec. Tanjung Harapan
        "64.01.03": 15,  # Paser Belengkong
        "64.01.04": 41,  # TANAH GROGOT: the kecamatan, not Kelurahan 64.01.04.1001
        "64.01.05": 19,  # Kuaro
        "64.01.06": 23,  # Long Ikis
        "64.01.07": 11,  # Kec. Muara Komam
        "64.01.08": 14,  # Long Kali
        "64.01.09": 9,  # Batu Engau
        "64.01.10": 6,  # Muara Samu
    }
    assert out.count("ditulis tanpa 'Kec.'") == 1  # one warning for the file, not one per row
    assert (
        "Baris 5, kolom wilayah: 4 nama wilayah yang dipakai kecamatan dan juga desa/kelurahan ditulis tanpa "
        "'Kec.', 'Kel.' atau 'Desa': 'TANAH GROGOT' = Kecamatan Tanah Grogot (Paser, 64.01.04), "
        "'Kuaro' = Kecamatan Kuaro (Paser, 64.01.05)"
    ) in out
    assert "wilayah lain di berkas ini (6 nama) hanya memakai tingkat kecamatan" in out
    assert "(baris 5, 6, 7, 9). Bila maksudnya lain, tulis mis. 'Kelurahan Tanah Grogot'." in out
    (english,) = _english("r01_bare_names_kecamatan_ppks.csv")
    assert "4 region names that a subdistrict and a village share are written without 'Kec.'" in english
    assert "use only subdistrict level, so these are read at subdistrict level (rows 5, 6, 7, 9)" in english
    assert "write e.g. 'Kelurahan Tanah Grogot'" in english


def test_bps_upper_case_kecamatan_table_with_its_kabupaten_total(store_url, capsys):
    code, out = _import("r02_bps_upper_kecamatan_ppks.csv", capsys)
    assert code == 0
    stored = _ppks(store_url)
    assert len(stored) == 14
    assert stored["64.03"] == 232  # KABUPATEN BERAU, the total row
    assert stored["64.03.05"] == 58  # TANJUNG REDEB: the kecamatan, not Kelurahan 64.03.05.1004
    assert stored["64.03.08"] == 7  # BIDUK BIDUK (Biduk-Biduk), not Desa 64.03.08.2001
    assert stored["64.03.12"] == 10  # BATU PUTIH, not Desa 64.03.12.2003
    assert all(code.count(".") == 2 for code in stored if code != "64.03")
    assert "8 nama wilayah yang dipakai kecamatan" in out
    assert "'PULAU DERAWAN' = Kecamatan Pulau Derawan (Berau, 64.03.07), +3." in out
    assert "'Berau' (232) adalah jumlah dari 13 baris lain" in out
    capsys.readouterr()
    assert main(["summary", "--year", "2023", "--wilayah", "Berau", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["ppks_jiwa"] == 232  # not 464


def test_desa_file_reads_bare_shared_names_as_the_seat_kelurahan(store_url, capsys):
    code, out = _import("r03_bare_seat_names_desa_program.csv", capsys)
    assert code == 0
    stored = _allocations(store_url)
    assert stored["64.09.01.1011"] == 200_000_000  # Penajam: Kelurahan, not Kecamatan 64.09.01
    assert stored["64.09.02.1003"] == 175_000_000  # Waru
    assert stored["64.09.04.1005"] == 225_000_000  # Sepaku
    assert stored["64.09.02.2001"] == 50_000_000  # 'Api-api, Waru': the desa in Waru, not the Bontang kelurahan
    assert len(stored) == 9 and all(code.count(".") == 3 for code in stored)
    assert sum(stored.values()) == 1_200_000_000
    assert "3 nama wilayah" in out and "'Penajam' = Kelurahan Penajam (Penajam, 64.09.01.1011)" in out
    assert "hanya memakai tingkat desa/kelurahan" in out and "tulis mis. 'Kecamatan Penajam'" in out
    (english,) = _english("r03_bare_seat_names_desa_program.csv")
    assert "use only village level, so these are read at village level (rows 4, 6, 8)" in english


def test_only_bare_shared_names_are_refused_with_both_candidates(store_url, capsys):
    code, out = _import("r04_bare_names_no_evidence_ppks.csv", capsys)
    assert code == 1
    assert _nothing_stored(store_url)
    assert (
        "Baris 2, kolom wilayah: 'TANAH GROGOT' bisa berarti Kecamatan Tanah Grogot (Paser, 64.01.04); "
        "Kelurahan Tanah Grogot (Tanah Grogot, 64.01.04.1001). Baris lain di berkas ini tidak menunjukkan "
        "tingkat wilayah yang dipakai. Tulis lebih lengkap, mis. 'Kecamatan Tanah Grogot', 'Kelurahan Tanah Grogot'."
    ) in out
    assert "'KUARO' bisa berarti Kecamatan Kuaro (Paser, 64.01.05); Kelurahan Kuaro (Kuaro, 64.01.05.1001)" in out
    assert "3 kesalahan" in out
    english = _english("r04_bare_names_no_evidence_ppks.csv")
    assert english[2] == (
        "Row 4, column wilayah: 'LONG IKIS' may mean Kecamatan Long Ikis (Paser, 64.01.06); Kelurahan Long Ikis "
        "(Long Ikis, 64.01.06.1001). No other row of this file shows which region level it uses. Be more "
        "specific, e.g. 'Kecamatan Long Ikis', 'Kelurahan Long Ikis'."
    )


def test_a_file_of_both_levels_gives_no_evidence_for_a_bare_shared_name(store_url, capsys):
    code, out = _import("r05_mixed_levels_bare_name_ppks.csv", capsys)
    assert code == 1
    assert _nothing_stored(store_url)
    assert "Baris 4, kolom wilayah: 'Tanah Grogot' bisa berarti Kecamatan Tanah Grogot (Paser, 64.01.04)" in out
    assert "Berkas ini memakai tingkat kecamatan dan desa/kelurahan sekaligus." in out
    (english,) = _english("r05_mixed_levels_bare_name_ppks.csv")
    assert "This file uses both subdistrict and village level." in english


def test_the_level_of_other_rows_never_picks_between_two_villages():
    # A desa file: 'Tanjung Harapan' is a kecamatan of Paser, a desa of Sebulu and a kelurahan of Samboja.
    reading = read_regions(["Nipah-Nipah", "Tanjung Harapan", "Api-api"])
    assert reading.found["Nipah-Nipah"].code == "64.09.01.1009"
    refused = reading.found["Tanjung Harapan"]
    assert isinstance(refused, RegionError)
    assert "Desa Tanjung Harapan (Sebulu, 64.02.07.2002); Kelurahan Tanjung Harapan (Samboja, 64.02.13.1009)" in (
        refused.message("id")
    )
    assert "This file uses village level, and more than one village has this name." in refused.message("en")
    # A desa in Waru and a kelurahan in Bontang: the same level, so the level never decides.
    assert "Desa Api-api (Waru, 64.09.02.2001); Kelurahan Api-api (Bontang Utara, 64.74.01.1006)" in (
        reading.found["Api-api"].message("id")
    )
    assert not reading.by_level


# --- (a) names qualified by their parents ------------------------------------------------------------


def test_names_qualified_by_their_parents(store_url, capsys):
    code, out = _import("r06_qualified_names_ppks.csv", capsys)
    assert code == 0
    assert "0 peringatan" in out
    assert _ppks(store_url) == {
        "64.01.04.1001": 310,  # Kel. Tanah Grogot, Kec. Tanah Grogot, Kab. Paser
        "64.01.05.1001": 140,  # Kuaro, Kec. Kuaro: the kelurahan inside the kecamatan
        "64.02.07.2002": 95,  # Desa Tanjung Harapan, Kec. Sebulu
        "64.02.13.1009": 120,  # Tanjung Harapan, Samboja
        "64.02.14.1008": 75,  # Kelurahan Muara Jawa (Muara Jawa), as messages print it
        "64.08.09.2001": 88,  # Sepaso, Kec. Bengalon
        "64.74.01.1006": 60,  # Api-api, Bontang Utara
    }


def test_a_qualifier_that_contradicts_the_name_is_refused_naming_both(store_url, capsys):
    code, out = _import("r07_qualifier_contradicts_ppks.csv", capsys)
    assert code == 1
    assert _nothing_stored(store_url)
    assert (
        "Baris 3, kolom wilayah: 'Kel. Tanah Grogot' tidak terletak di Kecamatan Kuaro (Paser, 64.01.05); "
        "yang bernama demikian: Kelurahan Tanah Grogot (Tanah Grogot, 64.01.04.1001). Periksa nama atau "
        "induknya, mis. 'Kelurahan Tanah Grogot'."
    ) in out
    assert (
        "Baris 4, kolom wilayah: 'Kec. Long Ikis' tidak terletak di Kabupaten Berau (64.03); yang bernama "
        "demikian: Kecamatan Long Ikis (Paser, 64.01.06)."
    ) in out
    assert "2 kesalahan" in out
    english = _english("r07_qualifier_contradicts_ppks.csv")
    assert english[0] == (
        "Row 3, column wilayah: 'Kel. Tanah Grogot' does not lie in Kecamatan Kuaro (Paser, 64.01.05); the place "
        "of that name is Kelurahan Tanah Grogot (Tanah Grogot, 64.01.04.1001). Check the name or its parent, "
        "e.g. 'Kelurahan Tanah Grogot'."
    )


# --- (d) a code and a name, or an implementer, that disagree ----------------------------------------


def test_a_code_column_and_a_name_that_disagree(store_url, capsys):
    code, out = _import("r08_code_name_disagree_program.csv", capsys)
    assert code == 1
    assert _nothing_stored(store_url)
    assert (
        "Baris 3, kolom wilayah: Kode dan nama wilayah tidak cocok: kode 64.03 = Kabupaten Berau (64.03), "
        "nama 'Kutai Kartanegara' = Kabupaten Kutai Kartanegara (64.02). Periksa mana yang benar, lalu "
        "perbaiki kode atau namanya."
    ) in out
    assert "1 kesalahan" in out
    assert "kode_wilayah" not in out  # the code column is read, not ignored as unknown
    (english,) = _english("r08_code_name_disagree_program.csv")
    assert english == (
        "Row 3, column wilayah: The region code and name disagree: code 64.03 = Kabupaten Berau (64.03), "
        "name 'Kutai Kartanegara' = Kabupaten Kutai Kartanegara (64.02). Check which is right, then correct "
        "the code or the name."
    )


def test_satu_data_table_in_kemendagri_numbering_with_one_row_that_disagrees(store_url, capsys):
    name = "r09_satudata_kemendagri_codes_ppks.csv"
    code, out = _import(name, capsys)
    assert code == 1
    assert _nothing_stored(store_url)
    assert out.count("dibaca sebagai kode Kemendagri tanpa titik") == 1
    assert (
        "Baris 5, kolom wilayah: Kode dan nama wilayah tidak cocok: kode 6407 (Kemendagri) = Kabupaten Kutai "
        "Barat (64.07), nama 'KABUPATEN KUTAI KARTANEGARA' = Kabupaten Kutai Kartanegara (64.02)."
    ) in out
    result = validate(name, (CASES / name).read_bytes(), "ppks")
    assert [p.row for p in result.errors] == [5]
    good = result.clean.drop(index=3)  # the other nine rows, read in Kemendagri numbering
    assert dict(zip(good["wilayah"].map(lambda r: r.code), good["jumlah"], strict=True)) == {
        "64.01": 14,
        "64.02": 38,  # 6402: Kutai Kartanegara, not BPS 6402 Kutai Barat
        "64.03": 12,  # 6403: Berau, not BPS 6403 Kutai Kartanegara
        "64.08": 17,
        "64.09": 9,
        "64.11": 2,
        "64.71": 41,
        "64.72": 66,
        "64.74": 11,
    }
    assert "code 6407 (Kemendagri) = Kabupaten Kutai Barat (64.07), name 'KABUPATEN KUTAI KARTANEGARA'" in (
        result.errors[0].message("en")
    )


def test_codes_both_numberings_use_follow_the_names_written_with_them(store_url, capsys):
    code, out = _import("r10_code_and_name_in_one_cell_program.csv", capsys)
    assert code == 0
    assert _allocations(store_url) == {"64.02": 300_000_000, "64.03": 180_000_000, "64.72": 220_000_000}
    assert out.count("dibaca sebagai kode Kemendagri tanpa titik (6402 = 64.02), karena nama wilayah") == 1
    (english,) = _english("r10_code_and_name_in_one_cell_program.csv")
    assert "as the region names or implementers written with them match Kemendagri numbering" in english


def test_rows_outside_the_implementers_own_kabupaten_are_refused(store_url, capsys):
    name = "r11_implementer_region_program.csv"
    code, out = _import(name, capsys)
    assert code == 1
    assert _nothing_stored(store_url)
    assert (
        "Baris 4, kolom wilayah: Penyelenggara 'Dinas Sosial Kabupaten Paser' adalah instansi Kabupaten Paser "
        "(64.01), tetapi wilayah baris ini dibaca sebagai Kecamatan Tenggarong (Kutai Kartanegara, 64.02.06), "
        "di luar Paser. Periksa wilayahnya (kode Kemendagri 64.01 = Paser) atau penyelenggaranya."
    ) in out
    assert "Baris 5, kolom wilayah: Penyelenggara 'Dinsos Kota Samarinda' adalah instansi Kota Samarinda" in out
    result = validate(name, (CASES / name).read_bytes(), "program")
    assert [p.row for p in result.errors] == [4, 5]
    # The implementers told the numbering: 6402 and 6403 are Kutai Kartanegara's and Berau's Kemendagri codes.
    assert [region.code for region in result.clean["wilayah"][:2]] == ["64.02", "64.03"]
    assert result.errors[1].message("en") == (
        "Row 5, column wilayah: Implementer 'Dinsos Kota Samarinda' is an office of Kota Samarinda (64.72), but "
        "this row's region reads as Kota Balikpapan (64.71), outside Samarinda. Check the region (Kemendagri code "
        "64.72 = Samarinda) or the implementer."
    )


# --- the resolver itself ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TANAH GROGOT, PASER", None),  # still two levels inside Paser: no single answer
        ("KUTAI KARTANEGARA", "64.02"),
        ("KOTA SAMARINDA", "64.72"),
        ("KABUPATEN MAHAKAM HULU", "64.11"),
        ("KAB. KUTAI KARTANEGARA", "64.02"),
        ("Kel. Tanah Grogot, Kec. Tanah Grogot, Kab. Paser", "64.01.04.1001"),
        ("Tanah Grogot, Kec. Tanah Grogot", "64.01.04.1001"),
        ("Kel. Kuaro, Kuaro", "64.01.05.1001"),  # a kelurahan holds nothing: 'Kuaro' here is the kecamatan
        ("Kecamatan Tanjung Harapan (Paser)", "64.01.02"),
        ("64.03 - Kab. Berau", "64.03"),
        ("Berau (6405)", "64.03"),
        ("6401 Tanjung Harapan", "64.01.02"),  # the code tells the namesakes apart
        ("6402 Kutai Barat", "64.07"),
        ("Kutai Kartanegara (Kukar)", "64.02"),  # the bracket names the region itself
    ],
)
def test_written_forms(text, code):
    if code is None:
        with pytest.raises(RegionError):
            resolve_region(text)
    else:
        assert resolve_region(text).code == code


def test_a_bps_code_with_a_name_that_fits_kemendagri_numbering_says_so():
    with pytest.raises(RegionError) as refused:
        resolve_region("6403 Berau")
    assert refused.value.message("id") == (
        "Kode dan nama wilayah tidak cocok: kode 6403 (BPS) = Kabupaten Kutai Kartanegara (64.02), nama 'Berau' = "
        "Kabupaten Berau (64.03). (Dalam penomoran Kemendagri, 6403 adalah Kabupaten Berau (64.03).) Periksa mana "
        "yang benar, lalu perbaiki kode atau namanya."
    )
    assert "(In Kemendagri numbering, 6403 is Kabupaten Berau (64.03).)" in refused.value.message("en")
    assert resolve_region("6403 Berau", system="kemendagri").code == "64.03"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("64.03 - Kab. Berau", ("64.03", "Kab. Berau")),
        ("6402 KUTAI BARAT", ("6402", "KUTAI BARAT")),
        ("Berau (6405)", ("6405", "Berau")),
        ("64.02.06", ("64.02.06", "")),
        ("Tenggarong", (None, "Tenggarong")),
    ],
)
def test_split_code(text, parts):
    assert split_code(text) == parts


@pytest.mark.parametrize(
    ("texts", "implementers", "system"),
    [
        (["6402 Kutai Kartanegara", "6403 Berau"], [], "kemendagri"),  # the names fit Kemendagri only
        (["6402 KABUPATEN KUTAI BARAT", "6403 Kutai Kartanegara"], [], "bps"),
        (["6402", "6403"], [("6403", "Dinas Sosial Kabupaten Berau")], "kemendagri"),
        (["6402", "6403"], [("6403", "Dinas Sosial Provinsi Kalimantan Timur")], "bps"),  # no evidence
        (["6402 Kutai Kartanegara", "6402 Kutai Barat"], [], "bps"),  # evidence both ways: no switch
    ],
)
def test_names_and_implementers_as_evidence_of_the_numbering(texts, implementers, system):
    assert code_system(texts, implementers) == system


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Dinas Sosial Kabupaten Berau", "64.03"),
        ("Dinsos Kab. Kukar", "64.02"),
        ("Pemkot Samarinda", "64.72"),
        ("Dinas Sosial Kota Balikpapan", "64.71"),
        ("Dinas Sosial Provinsi Kalimantan Timur", None),
        ("UPT Puskesmas Kota Bangun", None),  # Kota Bangun is a kecamatan, not a city
        ("Yayasan Peduli Kota Samarinda", None),  # not a government office
        ("PT Kaltim Prima Coal", None),
    ],
)
def test_implementer_kabkota(text, code):
    found = implementer_kabkota(text)
    assert (found.code if found else None) == code

import pytest

from data_loaders import regions
from data_loaders.regions import (
    AmbiguousRegionError,
    UnknownRegionError,
    all_regions,
    children_of,
    kabkota_facts,
    parent_of,
    region_by_code,
    resolve_region,
)

# (Kemendagri, BPS, name): the two code systems differ for four kabupaten.
KABKOTA = [
    ("64.01", "6401", "Paser"),
    ("64.02", "6403", "Kutai Kartanegara"),
    ("64.03", "6405", "Berau"),
    ("64.07", "6402", "Kutai Barat"),
    ("64.08", "6404", "Kutai Timur"),
    ("64.09", "6409", "Penajam Paser Utara"),
    ("64.11", "6411", "Mahakam Ulu"),
    ("64.71", "6471", "Balikpapan"),
    ("64.72", "6472", "Samarinda"),
    ("64.74", "6474", "Bontang"),
]


def test_counts_match_the_kepmendagri_list():
    levels = [region.level for region in all_regions()]
    assert levels.count("provinsi") == 1
    assert levels.count("kabupaten_kota") == 10
    assert levels.count("kecamatan") == 105
    assert levels.count("desa_kelurahan") == 1038


def test_children_parents_and_codes_agree_with_the_whole_list():
    everything = all_regions()
    for region in everything:
        assert region_by_code(region.code) == region
        assert children_of(region.code) == tuple(r for r in everything if r.parent_code == region.code)
        assert parent_of(region) == next((r for r in everything if r.code == region.parent_code), None)
    for code in ("64.02.01.2001.1", "65", "64.99"):
        with pytest.raises(KeyError):
            region_by_code(code)
    assert children_of("64.99") == () and children_of("64.02.01.2001.1") == ()


def test_a_kabupatens_kecamatan_are_read_without_the_desa_file(monkeypatch):
    read: list[str] = []
    original = regions._geo_features
    monkeypatch.setattr(regions, "_geo_features", lambda level: read.append(level) or original(level))
    regions.regions_at.cache_clear()
    regions._by_code_at.cache_clear()
    try:
        assert [r.name for r in children_of("64.07")][:2] == ["Long Iram", "Melak"]
        assert region_by_code("64.07").name == "Kutai Barat"
        assert read == ["kecamatan", "kabupaten_kota"]
    finally:
        regions.regions_at.cache_clear()
        regions._by_code_at.cache_clear()


@pytest.mark.parametrize(("code", "bps", "name"), KABKOTA)
def test_every_kabkota_by_both_codes_and_name(code, bps, name):
    by_kemendagri = resolve_region(code)
    assert (by_kemendagri.code, by_kemendagri.bps_code, by_kemendagri.name) == (code, bps, name)
    assert by_kemendagri.level == "kabupaten_kota"
    assert by_kemendagri.parent_code == "64"
    assert resolve_region(bps) == by_kemendagri
    assert resolve_region(name) == by_kemendagri
    assert resolve_region(name.upper()) == by_kemendagri
    assert resolve_region(f"  {name.lower()}  ") == by_kemendagri
    assert resolve_region(f"{by_kemendagri.kind} {name}") == by_kemendagri
    if by_kemendagri.kind == "Kabupaten":
        assert resolve_region(f"Kab. {name}") == by_kemendagri
        assert resolve_region(f"KAB {name}") == by_kemendagri


def test_bps_6402_is_kutai_barat_but_kemendagri_64_02_is_kutai_kartanegara():
    assert resolve_region("6402").name == "Kutai Barat"
    assert resolve_region("64.02").name == "Kutai Kartanegara"


ALIASES = [(alias, fact.code) for fact in kabkota_facts() for alias in fact.aliases]


def test_alias_list_has_the_common_abbreviations():
    aliases = {alias for alias, _ in ALIASES}
    assert {"Kukar", "Kutim", "Kubar", "PPU", "Mahulu", "Pasir"} <= aliases


@pytest.mark.parametrize(("alias", "code"), ALIASES)
def test_every_alias(alias, code):
    assert resolve_region(alias).code == code
    assert resolve_region(alias.lower()).code == code


@pytest.mark.parametrize("text", ["64", "Kalimantan Timur", "kaltim", "Provinsi Kalimantan Timur", "East Kalimantan"])
def test_province(text):
    region = resolve_region(text)
    assert (region.code, region.level, region.parent_code) == ("64", "provinsi", None)


def test_kecamatan_by_code_and_name():
    region = resolve_region("64.02.06")
    assert (region.name, region.level, region.parent_code, region.kabkota_code) == (
        "Tenggarong",
        "kecamatan",
        "64.02",
        "64.02",
    )
    assert resolve_region("Kecamatan Tenggarong") == region
    assert resolve_region("kec. tenggarong") == region


def test_a_kecamatan_whose_name_starts_with_kota_is_not_stripped():
    assert resolve_region("Kota Bangun").code == "64.02.08"


def test_desa_by_code_and_name():
    region = resolve_region("64.01.01.2009")
    assert (region.name, region.kind, region.level, region.parent_code, region.kabkota_code) == (
        "Samurangau",
        "Desa",
        "desa_kelurahan",
        "64.01.01",
        "64.01",
    )
    assert resolve_region("Desa Samurangau") == region


def test_ambiguous_name_asks_for_the_parent():
    with pytest.raises(AmbiguousRegionError) as error:
        resolve_region("Tanjung Harapan")
    message = str(error.value)
    # Each candidate with its parent and code, so the writer can choose.
    assert "Kecamatan Tanjung Harapan (Paser, 64.01.02); Desa Tanjung Harapan (Sebulu, 64.02.07.2002)" in message
    assert "Tulis lebih lengkap, mis. 'Kecamatan Tanjung Harapan'" in message
    assert len(error.value.candidates) >= 2


def test_ambiguous_name_with_parent_resolves():
    assert resolve_region("Tanjung Harapan, Paser").code == "64.01.02"
    assert resolve_region("Tanjung Harapan", parent="Sebulu").level == "desa_kelurahan"


def test_misspelt_name_suggests_the_closest():
    with pytest.raises(UnknownRegionError) as error:
        resolve_region("Kutai Kartanegra")
    assert "Maksud Anda 'Kabupaten Kutai Kartanegara'" in str(error.value)
    assert error.value.suggestions[0] == "Kabupaten Kutai Kartanegara"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "kosong"),
        ("   ", "kosong"),
        ("Atlantis", "tidak dikenal"),
        ("64.99", "Kode Kemendagri '64.99' tidak ada"),
        ("6499", "Kode BPS '6499' bukan kabupaten/kota"),
        ("3201", "Kode BPS '3201'"),
        ("6403060", "tidak dikenali"),
    ],
)
def test_wrong_inputs_explain_themselves(text, expected):
    with pytest.raises(UnknownRegionError, match=expected):
        resolve_region(text)


def test_unverified_fact_is_marked():
    kubar = next(fact for fact in kabkota_facts() if fact.name == "Kutai Barat")
    assert kubar.is_unverified("pop 2020")
    assert not kubar.is_unverified("pop 2023")
    ppu = next(fact for fact in kabkota_facts() if fact.code == "64.09")
    assert ppu.poor_people_thousand is None


def test_messages_exist_in_english_too():
    with pytest.raises(UnknownRegionError) as error:
        resolve_region("Kutai Kartanegra")
    assert error.value.message("en").startswith(
        "'Kutai Kartanegra' is not a known region. Did you mean 'Kabupaten Kutai Kartanegara'"
    )
    with pytest.raises(AmbiguousRegionError) as error:
        resolve_region("Tanjung Harapan")
    assert "Be more specific, e.g. 'Kecamatan Tanjung Harapan'" in error.value.message("en")
    with pytest.raises(UnknownRegionError) as error:
        resolve_region("Xyzzy", parent="Paser")
    assert error.value.message("id") == (
        "'Xyzzy' tidak dikenal sebagai wilayah di Kabupaten Paser. Periksa ejaan atau gunakan kode Kemendagri."
    )

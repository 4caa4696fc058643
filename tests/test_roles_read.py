"""What each role sees on the pages (issue 12): the public view, pimpinan/analis/admin in full, an
operator's kabupaten/kota (also under a forged `?wilayah=`), a mitra's public view plus its own
programs' people, the list check (full for analis, counts only for a mitra, audited), and need
below `reader.SMALL_COUNT` left out of the public map at every level.

The hand-made fixture (tests/fixture_data.py) gets two partners and people worked out here (2025):
  PKH (APBN): h1–h12 in Kukar (64.02.06.1001), h20–h22 in Samarinda (64.72.01.1001)
  RLH (APBD Provinsi + CSR): h5 in Kutim (64.08.04.1010)
  BEASISWA (CSR, mitra A = partner 1): h1, h2, h30 in Samarinda
  BANTUAN_B (CSR, mitra B = partner 2, new program 5, Rp 50 jt in 64.08.04): h1–h11 in Kutim
Mitra A's count-only check of h1–h12 + h30 and 10 strangers (23 people; A's own BEASISWA is not
counted): found 12 (h1–h12) → "10–19"; APBN 12 → "10–19"; CSR 11 (h1–h11 in B's program, h5 in RLH)
→ "10–19"; APBD Provinsi 1 (h5) and every other source 0 → "< 10". Its 13-person list alone is too
short (fewer than 20). Need added in Berau: 4 (desa 64.03.01.2001) and 12 (desa 64.03.02.2002), 2025.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from common.i18n import t
from data_loaders.store import open_store
from domain import funding, map_metrics, overlap
from domain.filters import Filters, Scope
from domain.reader import SMALL_COUNT, Reader
from tests.conftest import app_test, stored

A, B = 1, 2
KUKAR, SAMARINDA, KUTIM = "64.02.06.1001", "64.72.01.1001", "64.08.04.1010"
BERAU_SMALL, BERAU_LARGE = "64.03.01.2001", "64.03.02.2002"


def h(number: int) -> str:
    return f"ab{number:062x}"  # a keyed hash of letters and digits (all digits reads as a raw NIK)


PEOPLE = (
    [(h(i), "PKH", KUKAR) for i in range(1, 13)]
    + [(h(i), "PKH", SAMARINDA) for i in (20, 21, 22)]
    + [(h(5), "RLH", KUTIM)]
    + [(h(i), "BEASISWA", SAMARINDA) for i in (1, 2, 30)]
    + [(h(i), "BANTUAN_B", KUTIM) for i in range(1, 12)]
)
MITRA_A_LIST = [h(i) for i in [*range(1, 13), 30]]
STRANGERS = [h(i) for i in range(100, 110)]  # in no program


@pytest.fixture
def roles_url(fixture_url: str) -> str:
    store = open_store(fixture_url)
    people = pd.DataFrame(PEOPLE, columns=["nik_hash", "program_code", "region_code"]).assign(year=2025)
    need = pd.DataFrame(
        [(2025, BERAU_SMALL, 24, 4, "jiwa"), (2025, BERAU_LARGE, 24, 12, "jiwa")],
        columns=["year", "region_code", "ppks_category_id", "count", "unit"],
    ).assign(data_source="uji")
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (2, 'penerima', 'penerima.csv', 'test', current_timestamp, FALSE)"
        )
        tx.execute(
            "INSERT INTO partners (id, name, name_key, import_id) VALUES "
            "(1, 'PT Contoh Sejahtera', 'contoh sejahtera', 2), (2, 'PT Lain Makmur', 'lain makmur', 2)"
        )
        tx.execute("UPDATE programs SET partner_id = 1 WHERE program_code = 'BEASISWA'")
        tx.execute(
            "INSERT INTO programs (id, program_code, year, name, implementer, partner_id, ppks_category_id, "
            "assistance_type, beneficiary_unit, status, import_id) VALUES (5, 'BANTUAN_B', 2025, "
            "'Bantuan Mitra B', 'PT Lain Makmur', 2, 24, 'Tunai', 'jiwa', 'berjalan', 2)"
        )
        tx.execute(
            "INSERT INTO program_allocations (program_id, region_code, funding_source, budget_idr, import_id) "
            "VALUES (5, '64.08.04', 'CSR', 50000000, 2)"
        )
        tx.insert_frame("beneficiaries", people.assign(import_id=2))
        tx.insert_frame("ppks_counts", need.assign(import_id=2))
    store.close()
    return fixture_url


PROGRAM_TAB = t("funding_programs", "id")  # the Pendanaan tab with the program list and its files
OVERLAPS_TAB, CHECK_TAB = t("gaps_tab_overlaps", "id"), t("gaps_tab_check", "id")  # Celah's tabs
PERIODS_TAB = t("eval_tab_periods", "id")  # Evaluasi's last tab: locking years
RECOMMEND_TAB = t("gaps_tab_recommend", "id")


def page(role, script, kabkota=None, partner_id=None, **params):
    at = app_test(role, kabkota=kabkota, partner_id=partner_id)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"app_pages/{script}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def frames_text(at) -> str:
    return " ".join(frame.value.astype(str).to_string() for frame in at.dataframe)


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def upload(at, hashes: list[str]):
    content = ("nik_hash\n" + "\n".join(hashes) + "\n").encode()
    at.file_uploader(key="daftar_mitra").set_value(("daftar.csv", content, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def list_checks(url: str) -> pd.DataFrame:
    return stored(url, "SELECT actor, rows, detail FROM audit_log WHERE action = 'list_check' ORDER BY id")


# --- the public view ----------------------------------------------------------------------------


def test_a_visitor_sees_no_beneficiary_section_and_no_list_check(roles_url):
    at = page(None, "celah", bagian=OVERLAPS_TAB)
    assert metric(at, "Orang di 2+ program") == "–"
    assert "hanya untuk pengguna yang masuk" in captions(at) and not at.dataframe
    assert f"di bawah {SMALL_COUNT} jiwa/KK" in captions(at)
    for tab in (None, RECOMMEND_TAB):  # the tabs a visitor reads: tables of places, never of programs
        at = page(None, "celah", **({"bagian": tab} if tab else {}))
        assert "Bantuan Mitra B" not in frames_text(at) and "PKH" not in frames_text(at)
    assert at.dataframe or at.info  # the recommendations, or why there are none
    assert page(None, "celah").dataframe  # the heat and numbers tables were read above
    at = page(None, "celah", bagian=CHECK_TAB)
    assert not at.get("file_uploader") and "hanya untuk pengguna yang masuk" in captions(at)


def test_a_visitor_gets_no_program_download_but_the_map_ranking(roles_url):
    funding_page = page(None, "pendanaan", bagian=PROGRAM_TAB)
    assert metric(funding_page, "Pagu") == "Rp2,6\xa0M"  # every program's money is public (aggregates)
    assert not funding_page.get("download_button")
    map_page = page(None, "peta")
    assert "beneficiaries" not in map_page.selectbox(key="metrik").options
    assert len(map_page.get("download_button")) == 2


def test_the_public_map_leaves_small_need_out_at_every_level(roles_url):
    store = open_store(roles_url)
    try:
        for scope, berau, small, large in ((Scope(), 16, 4, 12), (Scope(public=True), 12, None, 12)):
            reader = Reader(store, scope)
            kab = map_metrics.areas(reader, Filters(2025), "kabupaten_kota", None).table.set_index("code")
            kec = map_metrics.areas(reader, Filters(2025), "kecamatan", "64.03").table.set_index("code")
            desa = map_metrics.areas(reader, Filters(2025), "desa_kelurahan", "64.03.01").table.set_index("code")
            assert kab.loc["64.03", "ppks_jiwa"] == berau
            assert kec.loc["64.03.02", "ppks_jiwa"] == large
            for table, code in ((kec, "64.03.01"), (desa, BERAU_SMALL)):
                value = table.loc[code, "ppks_jiwa"]
                assert pd.isna(value) if small is None else value == small, (scope, code, value)
    finally:
        store.close()
    at = page(None, "peta", metrik="ppks")
    ranked = at.dataframe[0].value.set_index("Kode Kemendagri")
    assert ranked.loc["64.03", "PPKS (jiwa)"] == 12  # 12 + 4 for a signed-in user
    analis = page("analis", "peta", metrik="ppks").dataframe[0].value.set_index("Kode Kemendagri")
    assert analis.loc["64.03", "PPKS (jiwa)"] == 16


def test_a_visitor_cannot_lock_years_nor_see_store_counts(roles_url):
    at = page(None, "evaluasi", bagian=PERIODS_TAB)
    assert not [b for b in at.button if b.key in ("kunci", "buka_kunci")]
    assert "Hanya admin" in captions(at)
    reference = page(None, "referensi")
    assert "hanya untuk pengguna yang masuk" in captions(reference)
    assert "audit_log" not in frames_text(reference)


# --- full views -------------------------------------------------------------------------------


def test_analis_sees_everything_and_the_full_list_check_is_audited(roles_url):
    at = page("analis", "celah", bagian=OVERLAPS_TAB)
    assert metric(at, "Orang di 2+ program") == "11"  # h1–h11 (PKH + B; h1, h2 also A's, h5 also RLH)
    assert "Bantuan Mitra B" in frames_text(at)  # program pairs
    at = page("analis", "celah", bagian=CHECK_TAB)
    upload(at, MITRA_A_LIST)
    assert "13 dari 13 orang" in at.info[-1].value
    result = at.dataframe[-1].value
    assert set(result.iloc[:, 0]) == {"Kutai Kartanegara", "Kutai Timur", "Samarinda"}
    checks = list_checks(roles_url)
    assert checks["actor"].tolist() == ["uji-analis"] and checks["rows"].tolist() == [13]
    detail = json.loads(checks["detail"].iloc[0])
    assert detail["counts_only"] is False and detail["found"] == 13 and detail["filters"]["year"] == 2025
    assert h(1) not in checks["detail"].iloc[0]
    at.run()  # the same file and filters again: no second row
    upload(at, MITRA_A_LIST)  # nor when the same list is uploaded again (a new upload of the same content)
    assert len(list_checks(roles_url)) == 1
    funding_page = page("analis", "pendanaan", bagian=PROGRAM_TAB)
    assert len(funding_page.get("download_button")) == 2


def test_pimpinan_sees_every_figure_but_no_list_check_and_no_export(roles_url):
    at = page("pimpinan", "celah", bagian=CHECK_TAB)
    assert metric(at, "Orang di 2+ program") == "11"
    assert not at.get("file_uploader")
    assert "tidak tersedia untuk peran Anda" in captions(at)
    assert not page("pimpinan", "pendanaan", bagian=PROGRAM_TAB).get("download_button")


def test_admin_may_lock_years(roles_url):
    at = page("admin", "evaluasi", bagian=PERIODS_TAB)
    assert at.session_state["bagian"] == PERIODS_TAB
    at.selectbox(key="kunci_tahun").select(2025).run()
    at.button(key="kunci").click().run()
    assert any(m.value == "Tahun terkunci: 2025." for m in at.text)
    locks = stored(roles_url, "SELECT actor FROM audit_log WHERE action = 'period_lock'")
    assert locks["actor"].tolist() == ["uji-admin"]  # the signed-in user, not a shared name
    analis = page("analis", "evaluasi", bagian=PERIODS_TAB)
    assert "Hanya admin" in captions(analis) and not [b for b in analis.button if b.key == "kunci"]


# --- operator -----------------------------------------------------------------------------------


def test_an_operator_sees_only_their_kabkota_even_with_a_forged_wilayah(roles_url):
    at = page("operator", "pendanaan", kabkota="64.72", wilayah="64.02")
    region = at.selectbox(key="wilayah")
    assert region.options == ["Samarinda"] and region.value == "64.72"  # their kab/kota only, never "all"
    assert metric(at, "Pagu") == "Rp600\xa0jt"  # PKH Samarinda 500 jt + BEASISWA 100 jt; Kukar's 1 M absent
    assert "Kutai Kartanegara" not in frames_text(at)
    at = page("operator", "pendanaan", kabkota="64.72", wilayah="64.02", bagian=PROGRAM_TAB)
    programs = at.dataframe[-1].value
    assert sorted(programs.iloc[:, 0]) == ["BEASISWA", "PKH"]
    assert "Kutai Kartanegara" not in frames_text(at)
    gaps_page = page("operator", "celah", kabkota="64.72", wilayah="64.02", bagian=OVERLAPS_TAB)
    # h1, h2 get PKH in Kukar and BEASISWA in Samarinda: in the operator's scope only the latter is seen
    assert metric(gaps_page, "Orang di 2+ program") == "0"
    assert "Kutai" not in frames_text(gaps_page) and "Samarinda" in frames_text(gaps_page)
    gaps_page = page("operator", "celah", kabkota="64.72", wilayah="64.02")  # the agenda, heat and numbers
    assert "Kutai" not in frames_text(gaps_page) and "Samarinda" in frames_text(gaps_page)


# --- mitra --------------------------------------------------------------------------------------


def test_a_mitra_sees_its_own_people_only_and_counts_only_in_the_list_check(roles_url):
    at = page("mitra", "celah", partner_id=A, bagian=OVERLAPS_TAB)
    assert metric(at, "Orang di 2+ program") == "0"  # A's people are each in one of A's programs
    assert "hanya menghitung penerima program perusahaan Anda" in captions(at)
    assert "Bantuan Mitra B" not in frames_text(at) and "PKH" not in frames_text(at)
    at = page("mitra", "celah", partner_id=A, bagian=CHECK_TAB)
    upload(at, MITRA_A_LIST)
    assert "13 orang" in at.error[-1].value and "paling sedikit 20" in at.error[-1].value  # too short
    upload(at, [*MITRA_A_LIST, *STRANGERS])
    assert any("10–19 dari 23 orang" in info.value for info in at.info)
    result = at.dataframe[-1].value
    assert result.columns.tolist() == ["Sumber dana", "Penerima"]
    withheld = f"< {SMALL_COUNT}"
    assert dict(zip(result.iloc[:, 0], result.iloc[:, 1], strict=True)) == {
        "APBD Kabupaten/Kota": withheld,
        "APBD Provinsi": withheld,
        "APBN": "10–19",
        "CSR/TJSL": "10–19",
        "Dana Desa": withheld,
        "Lainnya": withheld,
        "PPM": withheld,
    }
    detail = json.loads(list_checks(roles_url)["detail"].iloc[0])
    assert detail["counts_only"] is True and detail["role"] == "mitra"
    assert not page("mitra", "pendanaan", partner_id=A, bagian=PROGRAM_TAB).get("download_button")


def test_a_mitra_makes_at_most_five_count_checks_a_day(roles_url):
    at = page("mitra", "celah", partner_id=A, bagian=CHECK_TAB)
    for extra in range(5):  # five different lists: each one checked and audited
        upload(at, [*MITRA_A_LIST, *STRANGERS, h(200 + extra)])
        assert any("dari 24 orang" in info.value for info in at.info)
    upload(at, [*MITRA_A_LIST, *STRANGERS, h(300)])
    assert "batas harian" in at.error[-1].value
    assert len(list_checks(roles_url)) == 5


def test_company_a_views_company_b_program(roles_url):
    store = open_store(roles_url)
    try:
        reader = Reader(store, Scope(public=True, own_partner_id=A))
        detail = funding.program_detail(reader, 5)
        assert detail.program_name == "Bantuan Mitra B"  # the program's public money and places
        assert detail.places["region_code"].tolist() == ["64.08.04"]
        listed = overlap.overlaps_by_region(reader, Filters(2025))
        assert listed.total.people == 3  # h1, h2, h30 of A's BEASISWA; none of B's eleven
        assert overlap.program_pairs(reader, Filters(2025)).table.empty
        b_scope = Reader(store, Scope(public=True, own_partner_id=B))
        assert overlap.overlaps_by_region(b_scope, Filters(2025)).total.people == 11
    finally:
        store.close()
    at = page("mitra", "celah", partner_id=A, bagian=OVERLAPS_TAB)
    assert "Bantuan Mitra B" not in frames_text(at)


def test_a_mitra_with_a_tiny_list_learns_nothing_of_one_person(roles_url):
    at = upload(page("mitra", "celah", partner_id=A, bagian=CHECK_TAB), [h(5)])
    assert "Daftar berisi 1 orang" in at.error[-1].value  # refused: a one-person list is a question about one person
    assert not any("dari 1 orang" in info.value for info in at.info)
    assert stored(roles_url, "SELECT count(*) AS n FROM audit_log WHERE action = 'list_check'")["n"][0] == 0

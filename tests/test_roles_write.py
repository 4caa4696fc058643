"""What each role may write (issue 12): an operator imports and rolls back rows of their kab/kota
only, a mitra its own programs and their beneficiaries, an admin anything; the limit lives in the
write path (data_loaders), so a validation made without it cannot be applied, and the data page
shows each role only the controls it may use."""

from __future__ import annotations

import json

import pytest

from data_loaders import importer
from data_loaders.roles import Access, WriteLimit
from data_loaders.store import open_store
from data_loaders.validation import validate
from domain.filters import Scope
from tests.conftest import app_test, stored
from ui import auth, data

PAGE = "app_pages/kelola_data.py"
HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
SAMARINDA = WriteLimit(kabkota_code="64.72")
# Row 2 in Samarinda, row 3 in Kutai Kartanegara, row 4 the province: the operator of Samarinda may
# import row 2 only.
CRAFTED = (
    HEADER
    + "S-1;Bantuan S;Dinsos;APBD_KABKOTA;2025;Fakir Miskin;Samarinda;10 juta\n"
    + "S-2;Bantuan K;Dinsos;APBD_KABKOTA;2025;Fakir Miskin;Kutai Kartanegara;20 juta\n"
    + "S-3;Bantuan P;Dinsos;APBD_KABKOTA;2025;Fakir Miskin;Kalimantan Timur;30 juta\n"
)
OWN = HEADER + "S-1;Bantuan S;Dinsos;APBD_KABKOTA;2025;Fakir Miskin;Samarinda;10 juta\n"
PARTNERS = "nama;sektor\nPT Contoh Sejahtera;Migas\nPT Lain Energi;Migas\n"
MITRA_PROGRAMS = (
    HEADER
    + "CS-1;Beasiswa CS;PT. Contoh Sejahtera Tbk;CSR;2025;2;Samarinda;100 juta\n"
    + "LE-1;Sembako LE;PT Lain Energi;CSR;2025;24;Berau;50 juta\n"
)
NIK_A, NIK_B = "6472010101900001", "6403010101900002"
PENERIMA = f"nik,kode_program,tahun,wilayah\n{NIK_A},CS-1,2025,Samarinda\n{NIK_B},LE-1,2025,Berau\n"


def checked(store, text: str, kind: str, limit: WriteLimit, name: str = "berkas.csv"):
    """The validation of `text` with the rows outside `limit` added as errors, and those rows."""
    validation = validate(name, text.encode(), kind, nik_key=b"test-key")
    return validation, importer.check_limit(store, validation, limit)


def admin_put(store, text: str, kind: str = "program", name: str = "admin.csv") -> importer.ImportResult:
    validation = validate(name, text.encode(), kind, nik_key=b"test-key")
    assert validation.ok, [p.message() for p in validation.errors]
    return importer.apply(store, validation, "admin1", role="admin")


@pytest.fixture
def store(empty_store):
    s = open_store(empty_store)
    yield s
    s.close()


def partner_id(store, name_key: str) -> int:
    return int(store.scalar("SELECT id FROM partners WHERE name_key = ?", [name_key]))


# --- an operator ------------------------------------------------------------------------------------


def test_an_operator_imports_rows_of_their_region(store):
    validation, outside = checked(store, OWN, "program", SAMARINDA)
    assert outside == [] and validation.ok
    done = importer.apply(store, validation, "op-smd", limit=SAMARINDA, role="operator")
    assert done.added == 1
    assert store.query("SELECT region_code FROM program_allocations")["region_code"].tolist() == ["64.72"]
    assert store.scalar("SELECT imported_by FROM imports WHERE id = ?", [done.import_id]) == "op-smd"
    entry = store.query("SELECT actor, detail FROM audit_log WHERE action = 'import'").iloc[0]
    detail = json.loads(entry["detail"])
    assert entry["actor"] == "op-smd"
    assert (detail["role"], detail["limit"]) == ("operator", {"kabkota_code": "64.72", "partner_id": None})


def test_a_crafted_upload_with_other_regions_is_refused_row_by_row(store):
    counts = store.table_counts()
    validation, outside = checked(store, CRAFTED, "program", SAMARINDA)
    assert outside == [3, 4] and not validation.ok
    messages = [p.message("id") for p in validation.errors]
    assert messages == [
        "Baris 3, kolom wilayah: wilayah 64.02 (Kutai Kartanegara) di luar wilayah Anda (64.72 Kota Samarinda). "
        "Hapus baris ini atau minta operator Kutai Kartanegara mengimpornya.",
        "Baris 4, kolom wilayah: wilayah 64 (Kalimantan Timur) tingkat provinsi, di luar wilayah Anda "
        "(64.72 Kota Samarinda). Hapus baris ini atau minta admin provinsi mengimpornya.",
    ]
    assert validation.errors[0].message("en").startswith("Row 3, column wilayah: region 64.02 (Kutai Kartanegara)")
    assert (validation.errors[0].file, validation.errors[0].value) == ("berkas.csv", "64.02 Kutai Kartanegara")
    with pytest.raises(importer.ImportRefused):
        importer.apply(store, validation, "op-smd", limit=SAMARINDA)
    assert store.table_counts() == counts


def test_apply_checks_the_limit_again_whatever_the_validation_was_made_with(store):
    counts = store.table_counts()
    unlimited = validate("berkas.csv", CRAFTED.encode(), "program")
    assert unlimited.ok
    with pytest.raises(importer.ImportRefused) as refused:
        importer.apply(store, unlimited, "op-smd", limit=SAMARINDA, role="operator")
    assert refused.value.key == "imp_limit_refused"
    assert "2 baris di luar batas yang boleh Anda ubah (baris 3, 4)" in str(refused.value)
    assert refused.value.message("en").startswith("berkas.csv: import refused, 2 rows lie outside")
    assert store.table_counts() == counts
    assert unlimited.ok  # the caller's validation is left as it was


def test_an_operator_cannot_rewrite_a_program_with_places_elsewhere(store):
    admin_put(store, HEADER + "P-1;Bantuan;Kemensos;APBN;2025;24;Kutai Kartanegara;10 juta\n")
    text = HEADER + "P-1;Bantuan;Kemensos;APBN;2025;24;Samarinda;10 juta\n"  # would drop the Kukar place
    validation, outside = checked(store, text, "program", SAMARINDA)
    assert outside == [2]
    assert "program P-1 (2025) sudah tersimpan dengan lokasi di luar wilayah Anda (64.02)" in (
        validation.errors[0].message("id")
    )


def test_an_operator_cannot_import_partners(store):
    validation, outside = checked(store, PARTNERS, "mitra", SAMARINDA)
    assert outside == [0]
    [error] = validation.errors
    assert error.message("id").startswith("Berkas Mitra CSR tidak dapat diimpor oleh operator Kota Samarinda (64.72)")


def test_an_operator_rolls_back_their_own_import_but_not_another_regions(store):
    other = admin_put(store, HEADER + "K-1;Bantuan K;Dinsos;APBD_KABKOTA;2025;24;Kutai Kartanegara;20 juta\n")
    own = importer.apply(store, checked(store, OWN, "program", SAMARINDA)[0], "op-smd", limit=SAMARINDA)
    with pytest.raises(importer.ImportRefused) as refused:
        importer.rollback(store, other.import_id, "op-smd", limit=SAMARINDA, role="operator")
    assert refused.value.key == "imp_rollback_limit_region"
    assert f"Impor #{other.import_id} tidak dapat Anda batalkan" in str(refused.value)
    assert "di luar wilayah Anda (Kota Samarinda (64.72)): 64.02" in str(refused.value)
    assert store.scalar("SELECT status FROM imports WHERE id = ?", [other.import_id]) == "committed"
    assert importer.rollback(store, own.import_id, "op-smd", limit=SAMARINDA, role="operator").removed == 1
    entry = store.query("SELECT actor, detail FROM audit_log WHERE action = 'rollback'").iloc[0]
    assert entry["actor"] == "op-smd" and json.loads(entry["detail"])["role"] == "operator"


def test_an_admin_rolls_back_anyones_import(store):
    own = importer.apply(store, checked(store, OWN, "program", SAMARINDA)[0], "op-smd", limit=SAMARINDA)
    assert importer.rollback(store, own.import_id, "admin1", role="admin").removed == 1
    assert store.scalar("SELECT rolled_back_by FROM imports WHERE id = ?", [own.import_id]) == "admin1"


# --- a mitra ----------------------------------------------------------------------------------------


def test_a_mitra_imports_its_own_programs_and_their_beneficiaries_only(store):
    admin_put(store, PARTNERS, "mitra", "mitra.csv")
    mine = WriteLimit(partner_id=partner_id(store, "contoh sejahtera"))
    counts = store.table_counts()
    validation, outside = checked(store, MITRA_PROGRAMS, "program", mine)
    assert outside == [3]
    [error] = validation.errors
    assert error.message("id") == (
        "Baris 3, kolom penyelenggara: penyelenggara 'PT Lain Energi' bukan PT Contoh Sejahtera. Anda hanya dapat "
        "mengimpor program PT Contoh Sejahtera: tulis 'PT Contoh Sejahtera' sebagai penyelenggara atau hapus baris ini."
    )
    assert store.table_counts() == counts
    own_rows = HEADER + MITRA_PROGRAMS.splitlines(keepends=True)[1]
    validation, outside = checked(store, own_rows, "program", mine)
    assert outside == [] and validation.ok
    importer.apply(store, validation, "mitra-cs", limit=mine, role="mitra")
    assert store.scalar("SELECT partner_id FROM programs WHERE program_code = 'CS-1'") == mine.partner_id
    admin_put(store, HEADER + MITRA_PROGRAMS.splitlines(keepends=True)[2])  # the other partner's program
    validation, outside = checked(store, PENERIMA, "penerima", mine)
    assert outside == [3]
    assert "program LE-1 (2025) bukan program PT Contoh Sejahtera" in validation.errors[0].message("id")
    one = f"nik,kode_program,tahun,wilayah\n{NIK_A},CS-1,2025,Samarinda\n"
    validation, outside = checked(store, one, "penerima", mine)
    assert outside == [] and validation.ok
    assert importer.apply(store, validation, "mitra-cs", limit=mine, role="mitra").added == 1


def test_a_mitra_cannot_take_over_another_partners_program_code(store):
    admin_put(store, PARTNERS, "mitra", "mitra.csv")
    admin_put(store, HEADER + MITRA_PROGRAMS.splitlines(keepends=True)[2])
    mine = WriteLimit(partner_id=partner_id(store, "contoh sejahtera"))
    text = HEADER + "LE-1;Sembako LE;PT Contoh Sejahtera;CSR;2025;24;Berau;50 juta\n"
    validation, outside = checked(store, text, "program", mine)
    assert outside == [2]
    assert "sudah tersimpan atas nama penyelenggara lain (PT Lain Energi)" in validation.errors[0].message("id")


def test_a_mitra_need_file_is_refused_naming_the_kind(store):
    admin_put(store, PARTNERS, "mitra", "mitra.csv")
    mine = WriteLimit(partner_id=partner_id(store, "contoh sejahtera"))
    text = "tahun;wilayah;kategori_ppks;jumlah\n2025;Samarinda;Fakir Miskin;12\n"
    validation, outside = checked(store, text, "ppks", mine)
    assert outside == [0]
    [error] = validation.errors
    assert error.message("id").startswith("Berkas PPKS tidak dapat diimpor oleh mitra PT Contoh Sejahtera")
    assert error.message("en").startswith("A PPKS file cannot be imported by the partner PT Contoh Sejahtera")
    with pytest.raises(importer.ImportRefused):
        importer.apply(store, validate("p.csv", text.encode(), "ppks"), "mitra-cs", limit=mine)
    assert store.count("ppks_counts") == 0


def test_a_mitra_rolls_back_imports_of_its_own_programs_only(store):
    admin_put(store, PARTNERS, "mitra", "mitra.csv")
    other = admin_put(store, HEADER + MITRA_PROGRAMS.splitlines(keepends=True)[2])
    mine = WriteLimit(partner_id=partner_id(store, "contoh sejahtera"))
    with pytest.raises(importer.ImportRefused, match="mengubah program mitra lain"):
        importer.rollback(store, other.import_id, "mitra-cs", limit=mine)
    validation, _ = checked(store, HEADER + MITRA_PROGRAMS.splitlines(keepends=True)[1], "program", mine)
    own = importer.apply(store, validation, "mitra-cs", limit=mine)
    assert importer.rollback(store, own.import_id, "mitra-cs", limit=mine).removed == 1


# --- the dashboard's write functions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda access: data.set_lock(2025, True, access), "not_allowed_lock_periods"),
        (lambda access: data.remove_sample(access), "not_allowed_remove_sample"),
        (lambda access: data.rollback(1, access), "not_allowed_rollback"),
        (lambda access: data.validate_upload("x.csv", OWN.encode(), "program", access), "not_allowed_import"),
    ],
)
@pytest.mark.parametrize("role", ["publik", "pimpinan", "analis"])
def test_roles_without_the_permission_are_refused_by_the_write_functions(empty_store, call, key, role):
    counts = stored(empty_store, "SELECT count(*) AS n FROM audit_log")
    with pytest.raises(importer.ImportRefused) as refused:
        call(Access(role=role, username=f"x-{role}"))
    assert refused.value.key == key and role in refused.value.message("en")
    assert stored(empty_store, "SELECT count(*) AS n FROM audit_log").equals(counts)


def test_an_operator_may_not_lock_periods_nor_remove_sample_data(empty_store):
    operator = Access(role="operator", username="op", kabkota_code="64.72")
    for call in (lambda: data.set_lock(2025, True, operator), lambda: data.remove_sample(operator)):
        with pytest.raises(importer.ImportRefused):
            call()
    assert stored(empty_store, "SELECT count(*) AS n FROM locked_periods").iloc[0]["n"] == 0


# --- the data page per role -------------------------------------------------------------------------


def open_page(role: str, **limit):
    at = app_test(role, **limit)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("role", [None, "pimpinan", "analis"])
def test_roles_without_the_data_page_cannot_open_it(fixture_url, role):
    at = app_test(role)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
    assert not at.get("file_uploader")


def test_a_role_changed_while_on_the_data_page_loses_it(fixture_url):
    at = open_page("admin")
    assert at.get("file_uploader")
    at.session_state[auth.ACCESS_KEY] = app_test("analis").session_state[auth.ACCESS_KEY]
    at.run()
    assert not at.get("file_uploader") and not [b for b in at.button if b.key == "rollback_go"]


def test_an_operator_on_the_page_imports_own_rows_and_is_refused_others(fixture_url):
    at = open_page("operator", kabkota="64.72")
    assert any("operator Kota Samarinda (64.72)" in info.value for info in at.info)
    assert not [b for b in at.button if b.proto.label == "Hapus data contoh"]
    counts = stored(fixture_url, "SELECT count(*) AS n FROM program_allocations")
    at.file_uploader(key="upload_program").upload("silang.csv", CRAFTED.encode(), "text/csv").run()
    assert at.error[0].value.startswith("silang.csv: 2 kesalahan. Tidak ada yang akan disimpan.")
    report = at.dataframe[0].value
    assert report["Baris"].tolist() == [3, 4]
    assert "di luar wilayah Anda (64.72 Kota Samarinda)" in report.iloc[0]["Masalah dan cara memperbaiki"]
    assert not [b for b in at.button if b.key == "confirm_import"]
    assert stored(fixture_url, "SELECT count(*) AS n FROM program_allocations").equals(counts)
    at.file_uploader(key="upload_program").upload("sendiri.csv", OWN.encode(), "text/csv").run()
    at.button(key="confirm_import").click().run()
    assert any(s.value.startswith("Impor #2 tersimpan: 1 baris baru") for s in at.success)
    log = stored(fixture_url, "SELECT imported_by FROM imports WHERE id = 2")
    assert log.iloc[0]["imported_by"] == "uji-operator-64.72"
    # Only the operator's own import is offered for rollback, not the fixture's (Kukar, Kutai Timur).
    assert at.selectbox(key="rollback_id").options == ["#2 · sendiri.csv"]
    at.checkbox(key="rollback_sure").check().run()
    at.button(key="rollback_go").click().run()
    assert any(s.value.startswith("Impor #2 dibatalkan") for s in at.success)
    audit = stored(fixture_url, "SELECT actor, action, detail FROM audit_log WHERE action IN ('import', 'rollback')")
    assert audit["actor"].tolist() == ["uji-operator-64.72", "uji-operator-64.72"]
    assert {json.loads(d)["limit"]["kabkota_code"] for d in audit["detail"]} == {"64.72"}


def test_an_admin_on_the_page_rolls_back_an_operators_import(fixture_url):
    store = open_store(fixture_url)
    own = importer.apply(store, validate("op.csv", OWN.encode(), "program"), "uji-operator-64.72", limit=SAMARINDA)
    store.close()
    at = open_page("admin")
    assert not any("operator" in info.value for info in at.info)  # no limit line for an admin
    assert set(at.selectbox(key="rollback_id").options) == {f"#{own.import_id} · op.csv", "#1 · program_2025.xlsx"}
    at.selectbox(key="rollback_id").select(own.import_id)
    at.checkbox(key="rollback_sure").check().run()
    at.button(key="rollback_go").click().run()
    assert any(s.value.startswith(f"Impor #{own.import_id} dibatalkan") for s in at.success)
    entry = stored(fixture_url, "SELECT actor, detail FROM audit_log WHERE action = 'rollback'").iloc[0]
    assert entry["actor"] == "uji-admin" and json.loads(entry["detail"])["role"] == "admin"


def test_a_mitra_on_the_page_sees_its_limit_and_cannot_import_need(empty_store):
    store = open_store(empty_store)
    admin_put(store, PARTNERS, "mitra", "mitra.csv")
    mine = partner_id(store, "contoh sejahtera")
    store.close()
    at = open_page("mitra", partner_id=mine)
    assert any("mitra PT Contoh Sejahtera" in info.value for info in at.info)
    at.selectbox(key="data_kind").select("ppks").run()
    text = "tahun;wilayah;kategori_ppks;jumlah\n2025;Samarinda;Fakir Miskin;12\n"
    at.file_uploader(key="upload_ppks").upload("kebutuhan.csv", text.encode(), "text/csv").run()
    report = at.dataframe[0].value
    assert report.iloc[0]["Masalah dan cara memperbaiki"].startswith("Berkas PPKS tidak dapat diimpor oleh mitra")
    assert not [b for b in at.button if b.key == "confirm_import"]


def test_an_admin_locks_a_year_and_the_audit_row_names_them_and_their_role(empty_store):
    data.start_run(Scope())  # as dashboard.py does before a page runs
    data.set_lock(2025, True, Access(role="admin", username="kadis"))
    assert stored(empty_store, "SELECT year FROM locked_periods")["year"].tolist() == [2025]
    entry = stored(empty_store, "SELECT actor, detail FROM audit_log WHERE action = 'period_lock'").iloc[0]
    assert entry["actor"] == "kadis" and json.loads(entry["detail"]) == {"year": 2025, "role": "admin"}

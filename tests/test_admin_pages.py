"""The admin pages of issue 12 in AppTest: Pengguna (add, disable, enable, reset a password, change
a role, with the rules that keep an administrator) and Jejak audit (the log with filters, a logged
download, no way to edit). Other roles neither see these pages nor can open them."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from common.i18n import t
from data_loaders import users
from data_loaders.store import open_store
from domain.filters import Filters, scope_of
from tests.conftest import REPO, app_test, media_content, stored, test_user
from ui import shell
from ui.pages import PAGES

USERS_PAGE = "app_pages/pengguna.py"
AUDIT_PAGE = "app_pages/jejak_audit.py"
PASSWORD = "kata-sandi-cukup-panjang"
NEW_PASSWORD = "kata-sandi-baru-panjang"


def on_page(page: str, lang: str = "id") -> AppTest:
    """An AppTest signed in as 'uji-admin', on `page`, with no exception."""
    at = app_test("admin")
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def add(url: str, username: str, role: str, **place: object) -> None:
    store = open_store(url)
    try:
        users.add_user(store, username, role, PASSWORD, "cli:pytest", **place)
    finally:
        store.close()


def user_row(url: str, username: str) -> dict:
    rows = stored(url, f"SELECT * FROM users WHERE username = '{username}'")
    return rows.iloc[0].to_dict()


def log(url: str, action: str) -> list[tuple[str, dict]]:
    """(actor, detail) of the audit rows of `action`, oldest first."""
    rows = stored(url, f"SELECT actor, detail FROM audit_log WHERE action = '{action}' ORDER BY id")
    return [(actor, json.loads(detail)) for actor, detail in rows.itertuples(index=False)]


def signs_in(url: str, username: str, password: str) -> bool:
    store = open_store(url)
    try:
        users.verify_sign_in(store, username, password)
        return True
    except users.UserError:
        return False
    finally:
        store.close()


def pick(at: AppTest, username: str) -> AppTest:
    return at.selectbox(key="users_pick").set_value(username).run()


def messages(at: AppTest) -> tuple[list[str], list[str]]:
    return [e.value for e in at.error], [s.value for s in at.success]


def test_admin_adds_an_operator_through_the_form(fixture_url):
    at = on_page(USERS_PAGE)
    at.selectbox(key="users_add_role").set_value("operator").run()
    at.selectbox(key="users_add_kabkota").set_value("64.03")
    at.text_input(key="users_add_username").input("op.berau")
    at.text_input(key="users_add_display_name").input("Operator Berau")
    at.text_input(key="users_add_password").input(PASSWORD)
    at.text_input(key="users_add_again").input(PASSWORD)
    at.button(key="FormSubmitter:users_add-Tambah pengguna").click().run()
    assert messages(at) == ([], ["Pengguna op.berau (Operator kab/kota) ditambahkan."])
    row = user_row(fixture_url, "op.berau")
    assert (row["role"], row["kabkota_code"], row["display_name"], row["disabled"]) == (
        "operator", "64.03", "Operator Berau", False
    )  # fmt: skip
    assert log(fixture_url, "user_add")[-1] == (
        "uji-admin", {"username": "op.berau", "role": "operator", "kabkota_code": "64.03", "partner_id": None}
    )  # fmt: skip
    assert signs_in(fixture_url, "op.berau", PASSWORD)
    table = at.dataframe[0].value
    assert table.loc[table["Nama pengguna"] == "op.berau", "Kabupaten/kota"].tolist() == ["Berau"]
    assert "password_hash" not in table.columns and not table.isin([row["password_hash"]]).any().any()


def test_a_refused_user_is_not_stored(fixture_url):
    at = on_page(USERS_PAGE, "en")
    at.text_input(key="users_add_username").input("analis2")
    at.text_input(key="users_add_password").input(PASSWORD)
    at.text_input(key="users_add_again").input(PASSWORD + "x")
    at.button(key="FormSubmitter:users_add-Add user").click().run()
    assert messages(at) == (["The two passwords differ; nothing was changed."], [])
    at.text_input(key="users_add_username").input("analis2")
    at.text_input(key="users_add_password").input("pendek")
    at.text_input(key="users_add_again").input("pendek")
    at.button(key="FormSubmitter:users_add-Add user").click().run()
    assert messages(at)[0] == [t("user_password_short", "en", minimum=users.MIN_PASSWORD_LENGTH)]
    assert stored(fixture_url, "SELECT count(*) AS n FROM users WHERE username = 'analis2'")["n"][0] == 0
    assert log(fixture_url, "user_add") == [log(fixture_url, "user_add")[0]]  # only the test's own admin


def test_disable_then_enable_a_user(fixture_url):
    add(fixture_url, "analis1", "analis")
    at = pick(on_page(USERS_PAGE), "analis1")
    at.button(key="users_disable").click().run()
    assert messages(at) == ([], ["Pengguna analis1 dinonaktifkan: tidak dapat masuk lagi."])
    assert user_row(fixture_url, "analis1")["disabled"] and not signs_in(fixture_url, "analis1", PASSWORD)
    at.button(key="users_enable").click().run()
    assert messages(at) == ([], ["Pengguna analis1 dapat masuk lagi."])
    assert not user_row(fixture_url, "analis1")["disabled"] and signs_in(fixture_url, "analis1", PASSWORD)
    assert log(fixture_url, "user_disable") == [("uji-admin", {"username": "analis1"})]
    assert log(fixture_url, "user_enable") == [("uji-admin", {"username": "analis1"})]


def test_reset_password_then_sign_in_with_the_new_one(fixture_url):
    add(fixture_url, "analis1", "analis")
    at = pick(on_page(USERS_PAGE), "analis1")
    at.text_input(key="users_reset_password").input(NEW_PASSWORD)
    at.text_input(key="users_reset_again").input(NEW_PASSWORD)
    at.button(key="FormSubmitter:users_reset-Ganti kata sandi").click().run()
    assert messages(at) == ([], ["Kata sandi analis1 diganti; kunci karena percobaan gagal dibuka."])
    assert signs_in(fixture_url, "analis1", NEW_PASSWORD) and not signs_in(fixture_url, "analis1", PASSWORD)
    assert log(fixture_url, "user_reset_password") == [("uji-admin", {"username": "analis1"})]


def test_change_a_role_with_its_region(fixture_url):
    add(fixture_url, "analis1", "analis")
    at = pick(on_page(USERS_PAGE), "analis1")
    at.selectbox(key="users_role").set_value("operator").run()
    at.selectbox(key="users_role_kabkota").set_value("64.72").run()
    at.button(key="users_role_save").click().run()
    assert messages(at) == ([], ["Peran analis1 sekarang Operator kab/kota."])
    row = user_row(fixture_url, "analis1")
    assert (row["role"], row["kabkota_code"]) == ("operator", "64.72")
    assert log(fixture_url, "user_role") == [
        ("uji-admin", {"username": "analis1", "old_role": "analis", "role": "operator", "kabkota_code": "64.72",
                       "partner_id": None})
    ]  # fmt: skip
    assert signs_in(fixture_url, "analis1", PASSWORD)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_admin_cannot_disable_or_demote_themselves(fixture_url, lang):
    at = pick(on_page(USERS_PAGE, lang), "uji-admin")
    at.button(key="users_disable").click().run()
    assert messages(at) == ([t("user_disable_self", lang)], [])
    at.selectbox(key="users_role").set_value("analis").run()
    at.button(key="users_role_save").click().run()
    assert messages(at) == ([t("user_role_self", lang)], [])
    row = user_row(fixture_url, "uji-admin")
    assert (row["role"], row["disabled"]) == ("admin", False)
    assert not log(fixture_url, "user_disable") and not log(fixture_url, "user_role")


def test_the_last_active_admin_is_kept(fixture_url):
    add(fixture_url, "kadis", "admin")
    at = pick(on_page(USERS_PAGE, "en"), "kadis")
    at.button(key="users_disable").click().run()  # two active admins: allowed
    assert messages(at)[0] == []
    store = open_store(fixture_url)
    try:
        with pytest.raises(users.UserError) as refused:  # the command line acts as neither admin
            users.disable_user(store, "uji-admin", "cli:pytest")
        assert refused.value.message("en") == t("user_last_admin", "en", username="uji-admin")
        with pytest.raises(users.UserError, match="only active administrator"):
            users.change_role(store, "uji-admin", "analis", "cli:pytest")
    finally:
        store.close()
    row = user_row(fixture_url, "uji-admin")
    assert (row["role"], row["disabled"]) == ("admin", False)


@pytest.mark.parametrize("role", ["analis", "operator"])
@pytest.mark.parametrize("page", [USERS_PAGE, AUDIT_PAGE])
def test_other_roles_neither_see_nor_open_the_admin_pages(fixture_url, role, page):
    kabkota = "64.03" if role == "operator" else None
    at = app_test(role, kabkota=kabkota)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)  # not in the role's navigation
    access = test_user(role, kabkota).access
    assert [spec.stem for spec in PAGES if spec.script == page and spec.visible_to(access)] == []
    # The page checks again itself, whatever URL was opened.
    direct = AppTest.from_file(str(REPO / page))
    view = shell.View(lang="en", filters=Filters(year=2025), scope=scope_of(access), access=access)
    direct.session_state[shell.VIEW_KEY] = view
    direct.run()
    assert [e.value for e in direct.error] == [t("not_allowed", "en")]
    assert not direct.dataframe and not direct.button


def test_audit_page_filters_the_log(fixture_url):
    add(fixture_url, "analis1", "analis")
    store = open_store(fixture_url)
    try:
        users.disable_user(store, "analis1", "kadis", now=dt.datetime(2025, 1, 10, 8))
        users.enable_user(store, "analis1", "kadis", now=dt.datetime(2025, 1, 12, 8))
    finally:
        store.close()
    at = on_page(AUDIT_PAGE)
    assert at.title[0].value == "Jejak audit"
    table = at.dataframe[0].value
    assert list(table.columns) == ["Waktu", "Oleh", "Tindakan", "Baris", "Alamat jaringan", "Rincian"]
    # newest first: the page's own admin was added last (by app_test)
    assert table["Tindakan"].tolist() == ["user_add", "user_enable", "user_disable", "user_add"]
    assert "4 catatan sesuai filter." in [c.value for c in at.caption]
    at.selectbox(key="audit_action").set_value("user_add").run()
    assert set(at.dataframe[0].value["Tindakan"]) == {"user_add"}
    at.selectbox(key="audit_action").set_value("__all__")
    at.selectbox(key="audit_actor").set_value("kadis").run()
    assert at.dataframe[0].value["Tindakan"].tolist() == ["user_enable", "user_disable"]
    at.date_input(key="audit_dates").set_value((dt.date(2025, 1, 1), dt.date(2025, 1, 10))).run()
    shown = at.dataframe[0].value
    assert shown[["Waktu", "Tindakan"]].values.tolist() == [["2025-01-10 08:00:00", "user_disable"]]
    assert shown["Rincian"].tolist() == ['{"username": "analis1"}']
    assert "1 catatan sesuai filter." in [c.value for c in at.caption]


def test_downloading_the_log_writes_an_audit_row(fixture_url, media, monkeypatch):
    at = on_page(AUDIT_PAGE, "en")
    rows = len(at.dataframe[0].value)
    download = at.get("download_button")
    assert [d.label for d in download] == ["Download the audit trail (.csv)", "Download the audit trail (.xlsx)"]
    with monkeypatch.context() as failing:  # a file that fails to be made leaves no row
        failing.setattr("common.exports.stamped", lambda *_: (_ for _ in ()).throw(OSError("disk full")))
        with pytest.raises(OSError):
            media_content(media, download[0])
    assert log(fixture_url, "download") == []
    assert media_content(media, download[1]).startswith(b"PK")  # the file, made as a click makes it
    actor, detail = log(fixture_url, "download")[-1]
    assert (actor, detail["what"], detail["file"], detail["role"]) == (
        "uji-admin",
        "audit_log",
        "jejak_audit.xlsx",
        "admin",
    )
    counted = stored(fixture_url, "SELECT rows FROM audit_log WHERE action = 'download'")["rows"].tolist()
    assert counted == [rows]


def test_nothing_can_edit_the_audit_log():
    """Only migrations may name audit_log in an UPDATE, DELETE, TRUNCATE, DROP or ALTER; no page
    offers an editor of it."""
    writes = re.compile(
        r"\b(?:UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|DROP\s+TABLE|ALTER\s+TABLE)\s+audit_log\b", re.I
    )
    for path in sorted(Path(REPO).rglob("*.py")):
        if ".venv" in path.parts or "site-packages" in path.parts:
            continue
        assert not writes.search(path.read_text(encoding="utf-8")), path.relative_to(REPO)
    for page in (USERS_PAGE, AUDIT_PAGE):
        text = (REPO / page).read_text(encoding="utf-8")
        assert "data_editor" not in text and "audit.record" not in text

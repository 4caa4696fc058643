"""Users, sign-in limits and the audit trail (issue 12: the store and command-line foundation):
argon2 hashes, the per-user and per-address attempt limits, roles' region/partner rules, the `user`,
`admin-init` and `audit` commands, and an audit row for every audited write — never with a NIK."""

from __future__ import annotations

import datetime as dt
import getpass
import io
import json
import re

import duckdb
import pandas as pd
import psycopg
import pytest

from data_loaders import audit, importer, periods, settings, users
from data_loaders.__main__ import main
from data_loaders.store import open_store
from data_loaders.validation import validate

PASSWORD = "kata-sandi-panjang"
T0 = dt.datetime(2026, 3, 1, 9, 0, 0)
PROGRAMS = (
    "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp;realisasi_rp;status\n"
    "A-1;Bantuan A;Dinsos;APBN;2025;Fakir Miskin;Kukar;100 juta;90 juta;berjalan\n"
)
NIKS = ("6402061234567890", "6472015507900001")
PENERIMA = "nik,kode_program,tahun,wilayah,nilai_bantuan_rp,desil\n" + "".join(
    f"{nik},A-1,2025,Kukar,2400000,2\n" for nik in NIKS
)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def cli_store(store_url, monkeypatch, tmp_path) -> str:
    open_store(store_url).close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    monkeypatch.setenv("SINERGI_LANG", "en")
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    monkeypatch.setattr(settings, "SECRETS_FILES", (tmp_path / "none.toml",))
    return store_url


def log(store) -> list[tuple[str, str, dict, object]]:
    """The audit log, oldest first: (actor, action, detail, rows)."""
    rows = audit.entries(store).iloc[::-1]
    return [
        (r.actor, r.action, json.loads(r.detail), None if pd.isna(r.rows) else int(r.rows)) for r in rows.itertuples()
    ]


def stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_passwords_are_stored_as_argon2_hashes_and_verify(store):
    user = users.add_user(store, "analis1", "analis", PASSWORD, "cli:test", display_name="Analis Satu", now=T0)
    stored_hash = store.scalar("SELECT password_hash FROM users WHERE username = 'analis1'")
    assert stored_hash.startswith("$argon2id$") and PASSWORD not in stored_hash
    assert users.verify_sign_in(store, "analis1", PASSWORD, "10.0.0.5", now=T0) == user
    assert (user.role, user.display_name, user.kabkota_code, user.partner_id) == ("analis", "Analis Satu", None, None)
    assert "password_hash" not in users.list_users(store).columns
    with pytest.raises(users.UserError, match="at least 12 characters"):
        users.add_user(store, "pendek", "analis", "elevenchars", "cli:test")
    with pytest.raises(users.UserError, match="sudah dipakai"):
        users.add_user(store, "analis1", "pimpinan", PASSWORD, "cli:test")
    assert store.count("users") == 1


def test_wrong_passwords_lock_the_user_for_fifteen_minutes(store):
    users.add_user(store, "op", "operator", PASSWORD, "cli:test", kabkota_code="64.03", now=T0)
    for attempt in range(1, users.MAX_FAILURES):
        with pytest.raises(users.UserError) as refused:
            users.verify_sign_in(store, "op", "salah-salah-salah", "10.0.0.5", now=T0)
        assert refused.value.key == "user_sign_in_failed"
        assert store.scalar("SELECT failed_attempts FROM users WHERE username = 'op'") == attempt
    with pytest.raises(users.UserError) as refused:
        users.verify_sign_in(store, "op", "salah-salah-salah", "10.0.0.5", now=T0)
    assert refused.value.key == "user_locked"
    assert store.scalar("SELECT locked_until FROM users WHERE username = 'op'") == T0 + dt.timedelta(minutes=15)
    with pytest.raises(users.UserError) as refused:  # the right password does not help while locked
        users.verify_sign_in(store, "op", PASSWORD, "10.0.0.5", now=T0 + dt.timedelta(minutes=14))
    assert refused.value.key == "user_locked"
    user = users.verify_sign_in(store, "op", PASSWORD, "10.0.0.5", now=T0 + dt.timedelta(minutes=15, seconds=1))
    assert (user.username, user.kabkota_code) == ("op", "64.03")
    assert store.scalar("SELECT failed_attempts FROM users WHERE username = 'op'") == 0
    assert store.scalar("SELECT locked_until FROM users WHERE username = 'op'") is None
    actions = [(actor, action, detail.get("reason")) for actor, action, detail, _ in log(store)]
    assert actions == [
        ("cli:test", "user_add", None),
        *[("op", "sign_in_failed", "wrong_password")] * 5,
        ("op", "sign_in_failed", "locked"),
        ("op", "sign_in", None),
    ]
    assert set(audit.entries(store)["address"].dropna()) == {"10.0.0.5"}


def test_failures_from_one_address_are_limited_across_usernames(store):
    for _ in range(users.MAX_ADDRESS_FAILURES):
        with pytest.raises(users.UserError):
            users.verify_sign_in(store, "siapa-saja", "tebakan-panjang-sekali", "203.0.113.9", now=T0)
    users.add_user(store, "pimpinan", "pimpinan", PASSWORD, "cli:test", now=T0)
    with pytest.raises(users.UserError) as refused:
        users.verify_sign_in(store, "pimpinan", PASSWORD, "203.0.113.9", now=T0 + dt.timedelta(minutes=5))
    assert refused.value.key == "user_address_locked"
    assert users.verify_sign_in(store, "pimpinan", PASSWORD, "10.0.0.7", now=T0).username == "pimpinan"
    later = T0 + dt.timedelta(minutes=15, seconds=1)
    assert users.verify_sign_in(store, "pimpinan", PASSWORD, "203.0.113.9", now=later).username == "pimpinan"
    unknown = [detail for actor, action, detail, _ in log(store) if detail.get("reason") == "unknown"]
    assert len(unknown) == users.MAX_ADDRESS_FAILURES
    assert "siapa-saja" not in audit.entries(store)["detail"].str.cat()  # a typed name is not logged


def test_a_disabled_user_cannot_sign_in(store):
    users.add_user(store, "mantan", "analis", PASSWORD, "cli:test")
    users.disable_user(store, "mantan", "admin1")
    with pytest.raises(users.UserError) as refused:
        users.verify_sign_in(store, "mantan", PASSWORD, "10.0.0.5")
    assert refused.value.key == "user_sign_in_failed"
    assert log(store)[-1][:3] == ("mantan", "sign_in_failed", {"reason": "disabled"})
    with pytest.raises(users.UserError, match="tidak ada"):
        users.disable_user(store, "tidak-ada", "admin1")


def test_an_operator_needs_a_region_and_a_mitra_a_partner(store):
    with pytest.raises(users.UserError) as refused:
        users.add_user(store, "op", "operator", PASSWORD, "cli:test")
    assert refused.value.key == "user_operator_region"
    with pytest.raises(users.UserError) as refused:
        users.add_user(store, "analis", "analis", PASSWORD, "cli:test", kabkota_code="64.03")
    assert refused.value.key == "user_region_not_operator"
    with pytest.raises(users.UserError) as refused:
        users.add_user(store, "op", "operator", PASSWORD, "cli:test", kabkota_code="64.03.01")
    assert refused.value.key == "user_bad_region"
    with pytest.raises(users.UserError) as refused:
        users.add_user(store, "pt", "mitra", PASSWORD, "cli:test")
    assert refused.value.key == "user_mitra_partner"
    with pytest.raises(users.UserError) as refused:
        users.add_user(store, "pt", "mitra", PASSWORD, "cli:test", partner_id=99)
    assert refused.value.key == "user_bad_partner"
    with pytest.raises((duckdb.ConstraintException, psycopg.IntegrityError)), store.transaction() as tx:  # the rule
        tx.execute(
            "INSERT INTO users (username, role, password_hash, created_at, password_changed_at) "
            "VALUES ('x', 'operator', 'h', current_timestamp, current_timestamp)"
        )
    assert store.count("users") == 0 and store.count("audit_log") == 0


def test_cli_adds_lists_disables_and_resets_users(cli_store, monkeypatch, capsys):
    stdin(monkeypatch, PASSWORD + "\n")
    assert main(["user", "add", "op.berau", "--role", "operator", "--wilayah", "Berau", "--name", "Op Berau",
                 "--password-stdin"]) == 0  # fmt: skip
    assert capsys.readouterr().out == "User op.berau (operator) added.\n"
    stdin(monkeypatch, PASSWORD + "\n")
    assert main(["user", "add", "op2", "--role", "operator", "--password-stdin"]) == 1
    assert "add --wilayah NAME" in capsys.readouterr().err
    stdin(monkeypatch, "pendek\n")
    assert main(["user", "add", "op3", "--role", "operator", "--wilayah", "Paser", "--password-stdin"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
    stdin(monkeypatch, PASSWORD + "\n")
    assert main(["user", "add", "pt", "--role", "mitra", "--mitra", "PT Tidak Ada", "--password-stdin"]) == 1
    assert "Partner 'PT Tidak Ada' is not in the store" in capsys.readouterr().err
    assert main(["user", "list"]) == 0
    listing = capsys.readouterr().out
    assert "op.berau" in listing and "Op Berau" in listing and "Berau" in listing and "$argon2" not in listing
    assert main(["user", "disable", "op.berau"]) == 0
    stdin(monkeypatch, "kata-sandi-yang-baru\n")
    assert main(["user", "reset-password", "op.berau", "--password-stdin"]) == 0
    assert main(["user", "disable", "hantu"]) == 1
    assert "There is no user 'hantu'" in capsys.readouterr().err
    store = open_store(cli_store)
    try:
        row = store.query("SELECT * FROM users").iloc[0]
        assert (row["username"], row["role"], row["kabkota_code"], bool(row["disabled"])) == (
            "op.berau", "operator", "64.03", True,
        )  # fmt: skip
        with pytest.raises(users.UserError):
            users.verify_sign_in(store, "op.berau", "kata-sandi-yang-baru")  # disabled
        cli = f"cli:{getpass.getuser()}"
        assert [(actor, action) for actor, action, _, _ in log(store)] == [
            (cli, "user_add"), (cli, "user_disable"), (cli, "user_reset_password"), ("op.berau", "sign_in_failed"),
        ]  # fmt: skip
    finally:
        store.close()


def test_cli_password_prompt_asks_twice(cli_store, monkeypatch, capsys):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["user", "add", "analis", "--role", "analis"]) == 1
    assert "The two passwords differ" in capsys.readouterr().err
    answers = iter([PASSWORD, PASSWORD])
    assert main(["user", "add", "analis", "--role", "analis"]) == 0


def test_admin_init_refuses_a_second_administrator(cli_store, monkeypatch, capsys):
    assert main(["user", "list"]) == 0
    assert "admin-init" in capsys.readouterr().out
    stdin(monkeypatch, PASSWORD + "\n")
    assert main(["admin-init", "kadis", "--name", "Kepala Dinas", "--password-stdin"]) == 0
    stdin(monkeypatch, PASSWORD + "\n")
    assert main(["admin-init", "kadis2", "--password-stdin"]) == 1
    assert "An administrator exists already" in capsys.readouterr().err
    store = open_store(cli_store)
    try:
        assert store.query("SELECT username, role FROM users").values.tolist() == [["kadis", "admin"]]
        with pytest.raises(users.UserError):
            users.first_admin(store, "kadis3", PASSWORD, "cli:test")
        assert users.verify_sign_in(store, "kadis", PASSWORD).role == "admin"
    finally:
        store.close()


def test_imports_rollbacks_locks_and_sample_removal_are_audited(store):
    from data_loaders.demo import build_demo

    build_demo(store, beneficiaries=50)
    removed = importer.remove_sample(store, "admin1")
    done = importer.apply(store, validate("program.csv", PROGRAMS.encode(), "program"), "op1")
    undone = importer.rollback(store, done.import_id, "admin1")
    periods.lock(store, 2025, "admin1")
    periods.unlock(store, 2025, "admin1")
    entries = log(store)
    assert [(actor, action, rows) for actor, action, _, rows in entries] == [
        ("admin1", "sample_remove", removed),
        ("op1", "import", 1),
        ("admin1", "rollback", 1),
        ("admin1", "period_lock", None),
        ("admin1", "period_unlock", None),
    ]
    assert entries[1][2] == {
        "import_id": done.import_id, "kind": "program", "file": "program.csv", "sheet": None, "status": "committed",
        "added": 1, "updated": 0, "unchanged": 0, "deleted": 0, "warnings": 0,
    }  # fmt: skip
    assert entries[2][2] == {"import_id": done.import_id, "removed": undone.removed, "restored": 0, "reinstated": 0}
    assert entries[3][2] == {"year": 2025}


def test_a_refused_import_writes_no_audit_row(store):
    periods.lock(store, 2025, "admin1")
    with pytest.raises(importer.ImportRefused):
        importer.apply(store, validate("program.csv", PROGRAMS.encode(), "program"), "op1")
    assert [action for _, action, _, _ in log(store)] == ["period_lock"]


def test_no_nik_in_the_audit_log_after_importing_raw_niks(cli_store, tmp_path, capsys):
    programs = tmp_path / "program.csv"
    programs.write_text(PROGRAMS.replace(";", ",").replace("100 juta", "100000000").replace("90 juta", "90000000"))
    assert main(["import", str(programs), "--kind", "program"]) == 0
    beneficiaries = tmp_path / f"penerima_{NIKS[0]}.csv"  # a file named after a person's NIK
    beneficiaries.write_text(PENERIMA)
    assert main(["import", str(beneficiaries), "--kind", "penerima"]) == 0
    assert main(["rollback", "2"]) == 0
    assert main(["lock", "2025"]) == 0
    assert main(["audit", "--limit", "10"]) == 0
    printed = capsys.readouterr().out
    assert "penerima_[NIK?].csv" in printed and "period_lock" in printed
    store = open_store(cli_store)
    try:
        text = store.query("SELECT * FROM audit_log").astype(str).to_csv()
        assert [action for _, action, _, _ in log(store)] == ["import", "import", "rollback", "period_lock"]
        assert log(store)[1][3] == 2  # two beneficiary rows stored
    finally:
        store.close()
    assert not re.search(r"\d{16}", text)
    assert not any(nik in text for nik in NIKS)


def test_a_sign_in_leaves_the_data_version_and_so_the_cached_figures_alone(tmp_path):
    from data_loaders import users
    from data_loaders.store import open_store

    store = open_store(f"duckdb:///{tmp_path / 'version.duckdb'}")
    users.first_admin(store, "admin", "kata-sandi-yang-panjang", "cli:test")
    before = store.data_version()
    with pytest.raises(users.UserError):
        users.verify_sign_in(store, "admin", "salah-sekali-kata-sandi", "127.0.0.1")
    users.verify_sign_in(store, "admin", "kata-sandi-yang-panjang", "127.0.0.1")
    assert store.count("audit_log") == 3  # the admin added, a failed and a good sign-in
    assert store.data_version() == before
    store.close()


def test_enable_and_change_role_are_logged_and_keep_the_role_rules(store):
    users.add_user(store, "analis1", "analis", PASSWORD, "cli:test", now=T0)
    users.disable_user(store, "analis1", "admin1", now=T0)
    users.enable_user(store, "analis1", "admin1", now=T0)
    assert users.verify_sign_in(store, "analis1", PASSWORD, now=T0).role == "analis"
    with pytest.raises(users.UserError, match="add --wilayah NAME"):
        users.change_role(store, "analis1", "operator", "admin1")
    with pytest.raises(users.UserError, match="not the code of a kabupaten/kota"):
        users.change_role(store, "analis1", "operator", "admin1", kabkota_code="64")
    with pytest.raises(users.UserError, match="Partner #7 is not in the store"):
        users.change_role(store, "analis1", "mitra", "admin1", partner_id=7)
    users.change_role(store, "analis1", "operator", "admin1", kabkota_code="64.72", now=T0)
    assert users.active_user(store, "analis1").access.kabkota_code == "64.72"
    users.change_role(store, "analis1", "pimpinan", "admin1", now=T0)
    user = users.active_user(store, "analis1")
    assert (user.role, user.kabkota_code, user.partner_id) == ("pimpinan", None, None)
    assert [entry for entry in log(store) if entry[1] in ("user_enable", "user_role")] == [
        ("admin1", "user_enable", {"username": "analis1"}, 1),
        ("admin1", "user_role", {"username": "analis1", "old_role": "analis", "role": "operator",
                                 "kabkota_code": "64.72", "partner_id": None}, 1),
        ("admin1", "user_role", {"username": "analis1", "old_role": "operator", "role": "pimpinan",
                                 "kabkota_code": None, "partner_id": None}, 1),
    ]  # fmt: skip
    with pytest.raises(users.UserError, match="There is no user 'hantu'"):
        users.enable_user(store, "hantu", "admin1")


def test_an_administrator_is_always_kept(store):
    users.first_admin(store, "kadis", PASSWORD, "cli:test", now=T0)
    before = store.count("audit_log")
    with pytest.raises(users.UserError, match="cannot disable your own account"):
        users.disable_user(store, "kadis", "kadis")
    with pytest.raises(users.UserError, match="cannot change your own role"):
        users.change_role(store, "kadis", "analis", "kadis")
    with pytest.raises(users.UserError, match="kadis is the only active administrator"):
        users.disable_user(store, "kadis", "cli:test")
    with pytest.raises(users.UserError, match="kadis is the only active administrator"):
        users.change_role(store, "kadis", "pimpinan", "cli:test")
    assert store.count("audit_log") == before
    users.add_user(store, "wakil", "admin", PASSWORD, "kadis", now=T0)
    users.disable_user(store, "wakil", "kadis", now=T0)  # two admins, one of them disabled:
    with pytest.raises(users.UserError, match="only active administrator"):
        users.disable_user(store, "kadis", "wakil")
    users.enable_user(store, "wakil", "kadis", now=T0)
    users.change_role(store, "kadis", "analis", "wakil", now=T0)  # another active admin remains
    roles = dict(store.query("SELECT username, role FROM users").itertuples(index=False))
    assert roles == {"kadis": "analis", "wakil": "admin"}


def test_cli_enables_users_and_changes_roles(cli_store, monkeypatch, capsys):
    stdin(monkeypatch, PASSWORD + "\n")
    assert main(["user", "add", "analis1", "--role", "analis", "--password-stdin"]) == 0
    assert main(["user", "disable", "analis1"]) == 0
    assert main(["user", "enable", "analis1"]) == 0
    assert main(["user", "role", "analis1", "--role", "operator", "--wilayah", "Berau"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "User analis1 may sign in again.", "analis1 now has the role operator."
    ]  # fmt: skip
    assert main(["user", "role", "analis1", "--role", "operator"]) == 1
    assert "add --wilayah NAME" in capsys.readouterr().err
    assert main(["user", "role", "analis1", "--role", "mitra", "--mitra", "PT Tidak Ada"]) == 1
    assert "Partner 'PT Tidak Ada' is not in the store" in capsys.readouterr().err
    store = open_store(cli_store)
    try:
        row = store.query("SELECT role, kabkota_code, disabled FROM users").iloc[0]
        assert (row["role"], row["kabkota_code"], bool(row["disabled"])) == ("operator", "64.03", False)
        cli = f"cli:{getpass.getuser()}"
        assert [(actor, action) for actor, action, _, _ in log(store)] == [
            (cli, "user_add"), (cli, "user_disable"), (cli, "user_enable"), (cli, "user_role"),
        ]  # fmt: skip
    finally:
        store.close()

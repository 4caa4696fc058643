"""Signing in on the dashboard (issue 12): the form, what the sidebar shows, the pages a visitor
cannot reach by URL, the attempt limit as the user sees it, the end of a session after inactivity
or when the user is disabled, and signing out — each with its audit row."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from data_loaders import audit, users
from data_loaders.store import open_store
from tests.conftest import APP, TEST_PASSWORD, app_test, test_user
from ui import auth


def actions(url: str) -> list[tuple[str, str]]:
    """(actor, action) of every audit row, oldest first."""
    store = open_store(url)
    try:
        rows = audit.entries(store)
        return list(zip(rows["actor"], rows["action"], strict=True))[::-1]
    finally:
        store.close()


def visitor() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    """Open the sign-in page (the sidebar's link) and submit the form."""
    assert [link.label for link in at.sidebar.get("page_link")] == ["Masuk"]
    at.switch_page("app_pages/masuk.py").run()
    assert at.title[0].value == "Masuk"
    at.text_input(key="sign_in_username").input(username)
    at.text_input(key="sign_in_password").input(password)
    at.main.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_visitor_signs_in_and_the_sidebar_shows_who_and_which_role(fixture_url):
    user = test_user("operator", kabkota="64.72")
    at = visitor()
    at = sign_in(at, "  UJI-operator-64.72 ", TEST_PASSWORD)  # names are trimmed and lower-cased
    assert at.title[0].value == "Akun" and at.success[0].value == "Berhasil masuk."
    assert "Masuk sebagai uji-operator-64.72 — Operator kab/kota · Samarinda" in [x.value for x in at.text]
    assert at.session_state[auth.ACCESS_KEY] == user.access
    assert "uji-operator-64.72" in [t.value for t in at.sidebar.text]
    assert "Operator kab/kota · Samarinda" in [c.value for c in at.sidebar.caption]
    assert [b.label for b in at.sidebar.button] == ["Keluar"]
    assert actions(fixture_url)[-1] == ("uji-operator-64.72", "sign_in")


def test_a_wrong_password_is_refused_with_one_message_and_five_lock_the_account(fixture_url):
    test_user("analis")
    at = visitor()
    at = sign_in(at, "uji-analis", "salah-kata-sandi-ini")
    assert at.error[0].value == "Nama pengguna atau kata sandi salah, atau akun dinonaktifkan."
    assert auth.ACCESS_KEY not in at.session_state
    unknown = sign_in(visitor(), "tidak-ada", "salah-kata-sandi-ini")
    assert unknown.error[0].value == at.error[0].value  # an unknown name reads the same: names cannot be probed
    for _ in range(users.MAX_FAILURES - 1):
        at.main.button[0].click().run()
    assert "akun dikunci 15 menit" in at.error[0].value
    at.text_input(key="sign_in_password").input(TEST_PASSWORD)
    at.main.button[0].click().run()
    assert "akun dikunci 15 menit" in at.error[0].value  # the right password does not open a locked account
    assert auth.ACCESS_KEY not in at.session_state
    failed = [actor for actor, action in actions(fixture_url) if action == "sign_in_failed"]
    assert failed == ["uji-analis", "publik", "uji-analis", "uji-analis", "uji-analis", "uji-analis", "uji-analis"]


@pytest.mark.parametrize("script", ["app_pages/kelola_data.py", "app_pages/pengguna.py", "app_pages/jejak_audit.py"])
def test_a_visitor_cannot_open_the_data_or_admin_pages(fixture_url, script):
    at = visitor()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(script)  # not registered for a visitor: the URL leads to the overview (browser test)
    assert not at.get("file_uploader")


@pytest.mark.parametrize(
    ("role", "extra"),
    [
        ("pimpinan", []),
        ("analis", []),
        ("operator", ["kelola_data"]),
        ("admin", ["kelola_data", "pengguna", "jejak_audit"]),
    ],
)
def test_the_navigation_lists_the_pages_of_the_role(fixture_url, role, extra):
    at = app_test(role, kabkota="64.72" if role == "operator" else None)
    at.run()
    public = ["ringkasan", "peta", "pendanaan", "celah", "evaluasi", "referensi"]
    for stem in public + extra:
        at.switch_page(f"app_pages/{stem}.py")
    at.switch_page("app_pages/masuk.py")  # the account page, for everyone signed in
    for stem in {"kelola_data", "pengguna", "jejak_audit"} - set(extra):
        with pytest.raises(ValueError):
            at.switch_page(f"app_pages/{stem}.py")


def test_a_session_ends_after_the_idle_time_and_says_so(fixture_url, monkeypatch):
    monkeypatch.setenv("SINERGI_SESSION_IDLE_MINUTES", "30")
    at = app_test("analis")
    at.run()
    assert at.session_state[auth.ACCESS_KEY].role == "analis"
    at.session_state[auth.SEEN_KEY] = time.time() - 29 * 60  # a click within the limit keeps the session
    at.run()
    assert at.session_state[auth.ACCESS_KEY].role == "analis"
    at.session_state[auth.SEEN_KEY] = time.time() - 31 * 60
    at.run()
    assert auth.ACCESS_KEY not in at.session_state
    assert at.sidebar.info[0].value == "Sesi berakhir karena lama tidak digunakan. Silakan masuk lagi."
    assert [link.label for link in at.sidebar.get("page_link")] == ["Masuk"]
    assert actions(fixture_url)[-1] == ("uji-analis", "session_expired")


def test_a_disabled_user_loses_the_session_at_the_next_click(fixture_url):
    at = app_test("analis")
    at.run()
    store = open_store(fixture_url)
    try:
        users.disable_user(store, "uji-analis", "uji-admin")
    finally:
        store.close()
    at.run()
    assert auth.ACCESS_KEY not in at.session_state
    assert [link.label for link in at.sidebar.get("page_link")] == ["Masuk"]


def test_a_changed_role_takes_effect_at_the_next_click(fixture_url):
    at = app_test("analis")
    at.run()
    store = open_store(fixture_url)
    try:
        with store.transaction(versioned=False) as tx:
            tx.execute("UPDATE users SET role = 'pimpinan' WHERE username = 'uji-analis'")
    finally:
        store.close()
    at.run()
    assert at.session_state[auth.ACCESS_KEY].role == "pimpinan"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_signing_out_returns_to_the_public_view(fixture_url, lang):
    at = app_test("admin")
    at.query_params["lang"] = lang
    at.run()
    at.sidebar.button(key="sign_out").click().run()
    assert auth.ACCESS_KEY not in at.session_state
    assert [link.label for link in at.sidebar.get("page_link")] == ["Masuk" if lang == "id" else "Sign in"]
    assert actions(fixture_url)[-1] == ("uji-admin", "sign_out")


# A stand-in identity provider: AppTest seeds `st.user` and the `[auth]` secrets as st.login would
# leave them after the provider's redirect (the provider itself is never contacted).
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "uji-rahasia-cookie-yang-panjang",
    "client_id": "sinergi-kesos",
    "client_secret": "uji",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def provider_app(email: str | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": email is not None, **({"email": email} if email else {})}
    return at


def add_email_user(url: str, email: str, role: str) -> None:
    store = open_store(url)
    try:
        users.add_user(store, email, role, TEST_PASSWORD, "cli:pytest")  # a provider's address as the username
    finally:
        store.close()


def test_the_sign_in_page_offers_the_provider_only_when_it_is_configured(fixture_url):
    at = provider_app(None)
    at.run()
    at.switch_page("app_pages/masuk.py").run()
    assert [b.label for b in at.main.button] == ["Masuk", "Masuk dengan akun kantor"]
    plain = visitor()
    plain.switch_page("app_pages/masuk.py").run()
    assert [b.label for b in plain.main.button] == ["Masuk"]


def test_a_provider_sign_in_takes_the_role_of_the_user_with_that_address(fixture_url):
    add_email_user(fixture_url, "budi@kaltimprov.go.id", "pimpinan")
    at = provider_app("Budi@Kaltimprov.go.id")
    at.run()
    assert not at.exception
    assert at.session_state[auth.ACCESS_KEY].role == "pimpinan"
    assert "budi@kaltimprov.go.id" in [t.value for t in at.sidebar.text]
    assert actions(fixture_url)[-1] == ("budi@kaltimprov.go.id", "sign_in")


def test_a_provider_address_without_a_user_gets_the_public_view_and_a_message(fixture_url):
    at = provider_app("orang@lain.example")
    at.run()
    assert auth.ACCESS_KEY not in at.session_state
    at.switch_page("app_pages/masuk.py").run()
    assert "Akun orang@lain.example belum terdaftar" in at.warning[0].value.replace("\u2060", "")  # no mail link
    failed = [(actor, action) for actor, action in actions(fixture_url) if action == "sign_in_failed"]
    assert failed == [("publik", "sign_in_failed")]  # once per session, without the address


@pytest.mark.parametrize("query", [{"wilayah": "Samarinda"}, {"lang": "en"}, {"tahun": "2024", "sumber": "APBN"}])
def test_signing_in_keeps_the_filters_and_language_of_the_address(fixture_url, query):
    test_user("analis")
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("app_pages/masuk.py").run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="sign_in_username").input("uji-analis")
    at.text_input(key="sign_in_password").input(TEST_PASSWORD)
    at.main.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[auth.ACCESS_KEY].role == "analis"
    assert {key: at.query_params[key] for key in query} == query

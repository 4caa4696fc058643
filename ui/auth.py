"""Who is signed in: the sign-in check, the session's expiry after inactivity, and signing out.

Optionally a province with an identity provider signs users in through OpenID Connect with
Streamlit's `st.login` (configured by an `[auth]` section in `.streamlit/secrets.toml`, see README):
the provider's e-mail address must be the username of an active user in the store, whose role then
applies; an address that is not registered gets no access.

A session keeps the signed-in user's `Access` in `st.session_state` (on the server, per browser
tab; a reload of the page starts a new, public session). On every rerun `current()` ends a session
idle longer than `settings.session_idle_minutes()` and re-reads the user, so a user an administrator
disables, or whose role changes, has the new rights at their next click. Passwords are checked by
`data_loaders.users.verify_sign_in` (argon2id through argon2-cffi, attempt limits per user and per
address, every attempt in the audit log).
"""

from __future__ import annotations

import time

import streamlit as st

from data_loaders import audit, users
from data_loaders.roles import PUBLIC_ACCESS, Access
from data_loaders.settings import session_idle_minutes
from ui import data

ACCESS_KEY = "_sinergi_access"  # the signed-in user's Access
SEEN_KEY = "_sinergi_seen"  # time.time() of the session's last rerun
EXPIRED_KEY = "_sinergi_expired"  # set when a session ended by inactivity, for one notice
OIDC_KEY = "_sinergi_oidc"  # True while the session came from the identity provider
UNREGISTERED_KEY = "_sinergi_unregistered"  # the provider's address that matches no active user
JUST_SIGNED_IN_KEY = "_sinergi_just_signed_in"  # set by a sign-in, for one notice on the account page


def client_address() -> str | None:
    """The browser's network address as the server sees it (None in tests and behind no socket)."""
    try:
        address = st.context.ip_address
    except Exception:  # no script context: the address is unknown
        return None
    return address if isinstance(address, str) else None  # AppTest gives a stand-in object


def oidc_configured() -> bool:
    """True when `.streamlit/secrets.toml` has an `[auth]` section for `st.login`."""
    return isinstance(data.secrets().get("auth"), dict)


def _oidc_email() -> str | None:
    """The e-mail address the identity provider vouches for, when signed in through it."""
    if not oidc_configured() or not st.user.is_logged_in:
        return None
    email = st.user.get("email")
    return str(email).strip().lower() if email else None


def _record(actor: str, action: str, detail: dict) -> None:
    if not data.store().read_only:
        with data.store().session(write=True):
            audit.record(data.store(), actor, action, detail, address=client_address())


def _end(reason: str) -> None:
    access = st.session_state.pop(ACCESS_KEY, None)
    st.session_state.pop(SEEN_KEY, None)
    if access is not None:
        _record(access.username, reason, {"role": access.role})
    if st.session_state.pop(OIDC_KEY, False):
        st.logout()  # the provider's cookie would sign the session in again


def _from_provider() -> Access | None:
    """Start a session for the identity provider's user when the address is an active user."""
    email = _oidc_email()
    if email is None:
        return None
    user = users.active_user(data.store(), email)
    if user is None:
        if st.session_state.get(UNREGISTERED_KEY) != email:
            st.session_state[UNREGISTERED_KEY] = email
            _record(audit.PUBLIC, "sign_in_failed", {"reason": "oidc_unregistered", "method": "oidc"})
        return None
    st.session_state.pop(UNREGISTERED_KEY, None)
    st.session_state[OIDC_KEY] = True
    st.session_state[SEEN_KEY] = time.time()
    st.session_state[ACCESS_KEY] = user.access
    _record(user.username, "sign_in", {"role": user.role, "method": "oidc"})
    return user.access


def current() -> Access:
    """The access of this rerun: the signed-in user's (re-read from the store), or the public one
    after inactivity longer than the limit, for a disabled or deleted user, or when nobody signed in."""
    access: Access | None = st.session_state.get(ACCESS_KEY)
    if access is None:
        return _from_provider() or PUBLIC_ACCESS
    seen = st.session_state.get(SEEN_KEY, 0.0)
    if time.time() - seen > session_idle_minutes() * 60:
        _end("session_expired")
        st.session_state[EXPIRED_KEY] = True
        return PUBLIC_ACCESS
    user = users.active_user(data.store(), access.username)
    if user is None:
        _end("session_ended")
        return PUBLIC_ACCESS
    st.session_state[SEEN_KEY] = time.time()
    st.session_state[ACCESS_KEY] = user.access
    return user.access


def sign_in(username: str, password: str) -> Access:
    """Check the password and start the session. Raises users.UserError with the message to show
    (the same for an unknown name, a wrong password and a disabled user; a lock names its minutes)."""
    with data.store().session(write=True):
        user = users.verify_sign_in(data.store(), username.strip().lower(), password, address=client_address())
    st.session_state[ACCESS_KEY] = user.access
    st.session_state[SEEN_KEY] = time.time()
    st.session_state.pop(EXPIRED_KEY, None)
    st.session_state[JUST_SIGNED_IN_KEY] = True
    return user.access


def just_signed_in() -> bool:
    """True once, on the rerun right after a sign-in (the account page says so)."""
    return bool(st.session_state.pop(JUST_SIGNED_IN_KEY, False))


def sign_out() -> None:
    """End the session (logged as 'sign_out'); the next rerun is public."""
    _end("sign_out")


def unregistered_email() -> str | None:
    """The identity provider's address that matches no active user (the sign-in page says so)."""
    return st.session_state.get(UNREGISTERED_KEY)


def provider_sign_out() -> None:
    """Forget the identity provider's sign-in of an address that has no access here."""
    st.session_state.pop(UNREGISTERED_KEY, None)
    st.logout()


def expired_notice() -> bool:
    """True once after a session ended by inactivity (the sidebar says so)."""
    return bool(st.session_state.pop(EXPIRED_KEY, False))

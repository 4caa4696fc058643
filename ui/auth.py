"""Who is signed in: the sign-in check, the session's expiry after inactivity, and signing out.

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


def client_address() -> str | None:
    """The browser's network address as the server sees it (None in tests and behind no socket)."""
    try:
        address = st.context.ip_address
    except Exception:  # no script context: the address is unknown
        return None
    return address if isinstance(address, str) else None  # AppTest gives a stand-in object


def _end(reason: str) -> None:
    access = st.session_state.pop(ACCESS_KEY, None)
    st.session_state.pop(SEEN_KEY, None)
    if access is not None and not data.store().read_only:
        with data.store().session(write=True):
            audit.record(data.store(), access.username, reason, {"role": access.role}, address=client_address())


def current() -> Access:
    """The access of this rerun: the signed-in user's (re-read from the store), or the public one
    after inactivity longer than the limit, for a disabled or deleted user, or when nobody signed in."""
    access: Access | None = st.session_state.get(ACCESS_KEY)
    if access is None:
        return PUBLIC_ACCESS
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
    return user.access


def sign_out() -> None:
    """End the session (logged as 'sign_out'); the next rerun is public."""
    _end("sign_out")


def expired_notice() -> bool:
    """True once after a session ended by inactivity (the sidebar says so)."""
    return bool(st.session_state.pop(EXPIRED_KEY, False))

"""Users who may sign in, their roles, and the sign-in check with its attempt limits (issue 12).

Passwords are hashed with argon2id through `argon2-cffi` (its default parameters, RFC 9106's
low-memory profile); a hash made with older parameters is replaced at the next sign-in. Only the
hash is stored (`users.password_hash`, migration 0008).

Attempt limits, both kept in the store so they hold across restarts and processes:
- per user: `MAX_FAILURES` wrong passwords in a row lock the user for `LOCK_TIME`
  (`users.failed_attempts`, `users.locked_until`); a successful sign-in resets the count;
- per address: `MAX_ADDRESS_FAILURES` failed sign-ins from one address within `LOCK_TIME`, counted
  in the audit log, refuse every further sign-in from it until the oldest of them is older.

Every change of a user and every sign-in, successful or not, writes an audit row (data_loaders/audit.py).
A failed sign-in for a username that does not exist is logged as 'publik' without the typed name
(people type passwords into the name field).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NoReturn

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from data_loaders import audit
from data_loaders.regions import kabupaten_kota
from data_loaders.roles import ROLES, Access
from data_loaders.store import Store, StoreError, Transaction

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024  # hashing a longer text only costs the server time
USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,63}")  # an e-mail address serves OIDC sign-in
MAX_FAILURES = 5
MAX_ADDRESS_FAILURES = 20
LOCK_TIME = dt.timedelta(minutes=15)

_HASHER = PasswordHasher()
# Verified against when the username is unknown, so an unknown name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("sinergi-kesos-no-such-user")


class UserError(StoreError):
    """A user change or sign-in that is refused; `message(lang)` says why and what to do."""


@dataclass(frozen=True)
class User:
    """A signed-in user: `kabkota_code` for an operator, `partner_id` for a mitra, else None."""

    id: int
    username: str
    display_name: str | None
    role: str
    kabkota_code: str | None
    partner_id: int | None

    @property
    def access(self) -> Access:
        """What this user may see and do (data_loaders/roles.py)."""
        return Access(
            role=self.role,
            username=self.username,
            kabkota_code=self.kabkota_code,
            partner_id=self.partner_id,
            display_name=self.display_name,
        )


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now()).replace(microsecond=0)


def hash_password(password: str) -> str:
    """The argon2id hash of `password` (a PHC string '$argon2id$v=19$…'). Raises UserError when the
    password breaks the policy: at least `MIN_PASSWORD_LENGTH` characters (NIST SP 800-63B, 3.1.1.2)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(key="user_password_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError(key="user_password_long", maximum=MAX_PASSWORD_LENGTH)
    return _HASHER.hash(password)


def _matches(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _row(store: Store, username: str) -> pd.Series | None:
    rows = store.query("SELECT * FROM users WHERE username = ?", [username])
    return None if rows.empty else rows.iloc[0]


def _existing(store: Store, username: str) -> pd.Series:
    row = _row(store, username)
    if row is None:
        raise UserError(key="user_unknown", username=username)
    return row


def _check_role(store: Store, role: str, kabkota_code: str | None, partner_id: int | None) -> None:
    """Raise UserError unless `role` is known and has a region exactly when it is an operator and a
    stored partner exactly when it is a mitra — one not merged into another (migration 0009)."""
    if role not in ROLES:
        raise UserError(key="user_bad_role", role=role, roles=", ".join(ROLES))
    if (role == "operator") != (kabkota_code is not None):
        raise UserError(key="user_operator_region" if role == "operator" else "user_region_not_operator")
    if (role == "mitra") != (partner_id is not None):
        raise UserError(key="user_mitra_partner" if role == "mitra" else "user_partner_not_mitra")
    if kabkota_code is not None and kabkota_code not in {region.code for region in kabupaten_kota()}:
        raise UserError(key="user_bad_region", code=kabkota_code)
    if partner_id is not None:
        found = store.query(
            "SELECT p.merged_into, k.name FROM partners p LEFT JOIN partners k ON k.id = p.merged_into WHERE p.id = ?",
            [partner_id],
        )
        if found.empty:
            raise UserError(key="user_bad_partner", partner_id=partner_id)
        if not pd.isna(found.iloc[0]["merged_into"]):  # its programs now belong to the partner it was merged into
            kept = int(found.iloc[0]["merged_into"])
            raise UserError(
                key="user_merged_partner", partner_id=partner_id, kept=kept, name=str(found.iloc[0]["name"])
            )


def add_user(
    store: Store,
    username: str,
    role: str,
    password: str,
    actor: str,
    display_name: str | None = None,
    kabkota_code: str | None = None,
    partner_id: int | None = None,
    now: dt.datetime | None = None,
) -> User:
    """Create a user and log it (action 'user_add', by `actor`). An operator needs `kabkota_code`
    (a kabupaten/kota code such as '64.72'), a mitra needs `partner_id` (a stored partner); other
    roles take neither. Raises UserError: a username that is not 2–64 lowercase letters, digits,
    '.', '_', '@' or '-' (an e-mail address for OIDC sign-in), or is taken; an unknown role; a
    missing or superfluous region or partner; a password against the policy (see `hash_password`)."""
    if not USERNAME.fullmatch(username):
        raise UserError(key="user_bad_username", username=username)
    _check_role(store, role, kabkota_code, partner_id)
    if _row(store, username) is not None:
        raise UserError(key="user_exists", username=username)
    password_hash = hash_password(password)
    at = _now(now)
    with store.transaction(versioned=False) as tx:
        tx.execute(
            "INSERT INTO users (username, display_name, role, kabkota_code, partner_id, password_hash, disabled, "
            "created_at, password_changed_at, failed_attempts) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, 0)",
            [username, display_name, role, kabkota_code, partner_id, password_hash, at, at],
        )
        detail = {"username": username, "role": role, "kabkota_code": kabkota_code, "partner_id": partner_id}
        audit.record(tx, actor, "user_add", detail, rows=1, now=at)
    return _user(_existing(store, username))


def first_admin(
    store: Store,
    username: str,
    password: str,
    actor: str,
    display_name: str | None = None,
    now: dt.datetime | None = None,
) -> User:
    """Create the first administrator of a fresh install (logged as 'user_add'). Raises UserError
    when any admin exists already (disabled or not: more admins are added with `add_user`), and as
    `add_user` does."""
    if store.scalar("SELECT count(*) FROM users WHERE role = 'admin'"):
        raise UserError(key="user_admin_exists")
    return add_user(store, username, "admin", password, actor, display_name=display_name, now=now)


def _keep_an_admin(tx: Transaction, username: str) -> None:
    """Raise UserError('user_last_admin') when `username` is the only active (not disabled) admin;
    called inside the transaction that would disable or demote them, so nothing is changed then."""
    admins = tx.query("SELECT username FROM users WHERE role = 'admin' AND NOT disabled")["username"]
    if list(admins) == [username]:
        raise UserError(key="user_last_admin", username=username)


def disable_user(store: Store, username: str, actor: str, now: dt.datetime | None = None) -> None:
    """Stop `username` from signing in (the row stays, for the audit trail); logs 'user_disable'.
    Raises UserError for an unknown username, for `actor` disabling themselves ('user_disable_self')
    and for the last active admin ('user_last_admin': someone must be able to manage users)."""
    with store.serialised():  # two admins at once keep an admin
        _existing(store, username)
        if username == actor:
            raise UserError(key="user_disable_self")
        with store.transaction(versioned=False) as tx:
            _keep_an_admin(tx, username)
            tx.execute("UPDATE users SET disabled = TRUE WHERE username = ?", [username])
            audit.record(tx, actor, "user_disable", {"username": username}, rows=1, now=now)


def enable_user(store: Store, username: str, actor: str, now: dt.datetime | None = None) -> None:
    """Let a disabled `username` sign in again (their password and role unchanged); logs
    'user_enable'. Raises UserError for an unknown username."""
    _existing(store, username)
    with store.transaction(versioned=False) as tx:
        tx.execute("UPDATE users SET disabled = FALSE WHERE username = ?", [username])
        audit.record(tx, actor, "user_enable", {"username": username}, rows=1, now=now)


def change_role(
    store: Store,
    username: str,
    role: str,
    actor: str,
    kabkota_code: str | None = None,
    partner_id: int | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Give `username` the role `role` with its kab/kota (operator) or partner (mitra), as `add_user`
    requires them; a signed-in session of theirs gets it on its next rerun (`active_user`). Logs
    'user_role' with the old and new role. Raises UserError for an unknown username, for `actor`
    changing their own role ('user_role_self'), for demoting the last active admin
    ('user_last_admin'), and as `add_user` does for the role, region and partner."""
    with store.serialised():  # two admins at once keep an admin
        old = _existing(store, username)
        if username == actor:
            raise UserError(key="user_role_self")
        _check_role(store, role, kabkota_code, partner_id)
        with store.transaction(versioned=False) as tx:
            if role != "admin":
                _keep_an_admin(tx, username)
            tx.execute(
                "UPDATE users SET role = ?, kabkota_code = ?, partner_id = ? WHERE username = ?",
                [role, kabkota_code, partner_id, username],
            )
            detail = {
                "username": username,
                "old_role": old["role"],
                "role": role,
                "kabkota_code": kabkota_code,
                "partner_id": partner_id,
            }
            audit.record(tx, actor, "user_role", detail, rows=1, now=now)


def reset_password(store: Store, username: str, password: str, actor: str, now: dt.datetime | None = None) -> None:
    """Give `username` a new password and lift a lock from failed attempts; logs 'user_reset_password'.
    Raises UserError for an unknown username or a password against the policy."""
    _existing(store, username)
    password_hash = hash_password(password)
    at = _now(now)
    with store.transaction(versioned=False) as tx:
        tx.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, locked_until = NULL "
            "WHERE username = ?",
            [password_hash, at, username],
        )
        audit.record(tx, actor, "user_reset_password", {"username": username}, rows=1, now=at)


def list_users(store: Store) -> pd.DataFrame:
    """Every user without the hash: id, username, display_name, role, kabkota_code, partner_id,
    disabled, created_at, password_changed_at, failed_attempts, locked_until; by username."""
    return store.query(
        "SELECT id, username, display_name, role, kabkota_code, partner_id, disabled, created_at, "
        "password_changed_at, failed_attempts, locked_until FROM users ORDER BY username"
    )


def partners(store: Store) -> dict[int, str]:
    """The stored partner companies a mitra user may belong to: id → name, by name."""
    rows = store.query("SELECT id, name FROM partners ORDER BY name, id")
    return {int(i): str(name) for i, name in rows.itertuples(index=False)}


def _user(row: pd.Series) -> User:
    return User(
        id=int(row["id"]),
        username=str(row["username"]),
        display_name=None if pd.isna(row["display_name"]) else str(row["display_name"]),
        role=str(row["role"]),
        kabkota_code=None if pd.isna(row["kabkota_code"]) else str(row["kabkota_code"]),
        partner_id=None if pd.isna(row["partner_id"]) else int(row["partner_id"]),
    )


def active_user(store: Store, username: str) -> User | None:
    """The user `username` when they exist and are not disabled, else None: a signed-in session
    reads this on every rerun, so disabling a user or changing their role takes effect at once."""
    row = _row(store, username)
    if row is None or bool(row["disabled"]):
        return None
    return _user(row)


def _address_failures(store: Store, address: str, since: dt.datetime) -> int:
    return int(
        store.scalar(
            "SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND address = ? AND logged_at > ?",
            [address, since],
        )
    )


def _refuse(
    store: Store, actor: str, reason: str, address: str | None, at: dt.datetime, key: str, **values: object
) -> NoReturn:
    """Log a failed sign-in with its reason, then raise UserError(key, values)."""
    audit.record(store, actor, "sign_in_failed", {"reason": reason}, address=address, now=at)
    raise UserError(key=key, **values)


def verify_sign_in(
    store: Store, username: str, password: str, address: str | None = None, now: dt.datetime | None = None
) -> User:
    """The user `username` when `password` is theirs and they may sign in now; logs 'sign_in' or
    'sign_in_failed' (with the reason: unknown, wrong_password, disabled, locked, address_limit).
    `address` is the client's network address (None when unknown: no per-address limit then);
    `now` the time (default now). Raises UserError: 'user_sign_in_failed' for an unknown name, a
    wrong password or a disabled user (one message, so names cannot be probed), 'user_locked' while
    locked after `MAX_FAILURES` wrong passwords (for `LOCK_TIME`), 'user_address_locked' after
    `MAX_ADDRESS_FAILURES` failures from `address` within `LOCK_TIME`."""
    at = _now(now)
    minutes = int(LOCK_TIME.total_seconds() // 60)
    if address is not None and _address_failures(store, address, at - LOCK_TIME) >= MAX_ADDRESS_FAILURES:
        _refuse(store, audit.PUBLIC, "address_limit", address, at, "user_address_locked", minutes=minutes)
    row = _row(store, username)
    if row is None:
        _matches(_DUMMY_HASH, password)
        _refuse(store, audit.PUBLIC, "unknown", address, at, "user_sign_in_failed")
    if not pd.isna(row["locked_until"]) and pd.Timestamp(row["locked_until"]) > pd.Timestamp(at):
        _refuse(store, username, "locked", address, at, "user_locked", minutes=minutes)
    if not _matches(row["password_hash"], password):
        failures = int(row["failed_attempts"]) + 1
        locked = failures >= MAX_FAILURES
        with store.transaction(versioned=False) as tx:
            tx.execute(
                "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE username = ?",
                [0 if locked else failures, at + LOCK_TIME if locked else None, username],
            )
            detail = {"reason": "wrong_password", "failed_attempts": failures, "locked": locked}
            audit.record(tx, username, "sign_in_failed", detail, address=address, now=at)
        raise UserError(key="user_locked", minutes=minutes) if locked else UserError(key="user_sign_in_failed")
    if bool(row["disabled"]):
        _refuse(store, username, "disabled", address, at, "user_sign_in_failed")
    with store.transaction(versioned=False) as tx:
        tx.execute("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = ?", [username])
        if _HASHER.check_needs_rehash(row["password_hash"]):
            tx.execute("UPDATE users SET password_hash = ? WHERE username = ?", [_HASHER.hash(password), username])
        audit.record(tx, username, "sign_in", {"role": row["role"]}, address=address, now=at)
    return _user(row)

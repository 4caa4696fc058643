"""The audit trail: one row in `audit_log` per audited action (migration 0008).

Rows are only ever added (`record`); nothing in the code updates or deletes them. `detail` is JSON
of what identifies the action (filters, counts, file name, import id) and never a NIK: any run of 16
digits (a NIK, also when written with spaces, dots or dashes) is masked before it is stored, so
even a file named after a person's NIK leaves none in the log.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd

from data_loaders.nik import without_niks
from data_loaders.store import Store, Transaction

# Who acts when nobody is signed in (the dashboard before sign-in, a public visitor).
PUBLIC = "publik"


def _insert(
    tx: Transaction, actor: str, action: str, detail: str, rows: int | None, address: str | None, at: dt.datetime
) -> None:
    tx.execute(
        "INSERT INTO audit_log (logged_at, actor, action, detail, rows, address) VALUES (?, ?, ?, ?, ?, ?)",
        [at, without_niks(actor), action, detail, rows, address],
    )


def record(
    target: Store | Transaction,
    actor: str,
    action: str,
    detail: dict[str, Any] | None = None,
    rows: int | None = None,
    address: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Append one audit row. `target` is the transaction of the audited write (so the row is stored
    with it or not at all) or a store (the row gets a transaction of its own). `actor` is a username,
    'publik' or 'cli:<os user>'; `action` a short word ('import', 'rollback', 'sign_in', …); `detail`
    JSON-serialisable values (non-JSON values are written as text); `rows` the rows the action
    touched or read; `address` the client's network address when known; `now` the time (default
    now, to the second). Raises StoreError (read-only store, failed write)."""
    at = (now or dt.datetime.now()).replace(microsecond=0)
    text = without_niks(json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str))
    if isinstance(target, Transaction):
        _insert(target, actor, action, text, rows, address, at)
    else:
        with target.transaction(versioned=False) as tx:
            _insert(tx, actor, action, text, rows, address, at)


def _where(
    action: str | None, actor: str | None, since: dt.date | None, until: dt.date | None
) -> tuple[str, list[Any]]:
    """The WHERE clause (or '') and its parameters for the filters of `entries`."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, wanted in (("action", action), ("actor", actor)):
        if wanted is not None:
            clauses.append(f"{column} = ?")
            params.append(wanted)
    if since is not None:
        clauses.append("logged_at >= ?")
        params.append(dt.datetime.combine(since, dt.time()))
    if until is not None:
        clauses.append("logged_at < ?")
        params.append(dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def entries(
    store: Store,
    limit: int | None = None,
    *,
    action: str | None = None,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """The audit log, newest first: id, logged_at, actor, action, rows, address, detail (JSON text);
    at most `limit` rows when given. The filters are applied in the query: `action` and `actor`
    exactly, `since` and `until` as dates of `logged_at`, both days included."""
    where, params = _where(action, actor, since, until)
    sql = "SELECT id, logged_at, actor, action, rows, address, detail FROM audit_log" + where + " ORDER BY id DESC"
    if limit is None:
        return store.query(sql, params)
    return store.query(sql + " LIMIT ?", [*params, int(limit)])


def count(
    store: Store,
    *,
    action: str | None = None,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """The number of audit rows the filters of `entries` select (without a limit)."""
    where, params = _where(action, actor, since, until)
    return int(store.scalar("SELECT count(*) FROM audit_log" + where, params))


def choices(store: Store) -> tuple[list[str], list[str]]:
    """The actions and the actors that occur in the log, each sorted: the choices of the filters."""
    actions = store.query("SELECT DISTINCT action FROM audit_log ORDER BY action")["action"]
    actors = store.query("SELECT DISTINCT actor FROM audit_log ORDER BY actor")["actor"]
    return list(actions), list(actors)

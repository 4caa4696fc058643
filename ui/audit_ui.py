"""Audit rows written by the pages themselves (issue 12): a list check leaves who, which filters, how
many persons were listed and found, and whether counts only were shown — never a NIK or a hash.

The row is written in a short write session of its own, like `ui.downloads`; a rerun that shows the
same result again (same file, same filters) writes no second row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

import streamlit as st

from data_loaders import audit
from ui import auth, data, shell

_LAST_CHECK = "_sinergi_list_check"
# Count-only checks (a mitra's) per user per day: comparing many checks that differ by a few people
# is how counts give one person away, so their number is bounded (and each is in the audit trail).
MAX_COUNT_CHECKS_PER_DAY = 5


def _key(file_id: str) -> tuple:
    filters = asdict(shell.view().filters)
    return (file_id, tuple(sorted((name, str(value)) for name, value in filters.items())))


def may_check(file_id: str) -> bool:
    """Whether a count-only list check of `file_id` may run now: the same file under the same
    filters as the session's last check always may (it is shown again); a new one while the user
    has made fewer than MAX_COUNT_CHECKS_PER_DAY list checks today (audit log)."""
    if st.session_state.get(_LAST_CHECK) == _key(file_id):
        return True
    done = audit.count(data.store(), action="list_check", actor=shell.view().access.username, since=dt.date.today())
    return done < MAX_COUNT_CHECKS_PER_DAY


def record_list_check(file_id: str, counts_only: bool, listed: int, found: int | None) -> None:
    """Log 'list_check' for the uploaded file `file_id` (Streamlit's upload id, not stored): the
    rerun's filters and role, `counts_only` (a mitra's view), `found` (persons of the list found;
    None when withheld as a small count) and `listed` as the row count. Does nothing on a read-only
    store, and nothing when this session already logged the same file under the same filters."""
    view = shell.view()
    filters = asdict(view.filters)
    key = _key(file_id)
    if st.session_state.get(_LAST_CHECK) == key:
        return
    store = data.store()
    if store.read_only:
        return
    detail = {"filters": filters, "role": view.access.role, "counts_only": counts_only, "found": found}
    with store.session(write=True):
        audit.record(store, view.access.username, "list_check", detail, rows=listed, address=auth.client_address())
    st.session_state[_LAST_CHECK] = key

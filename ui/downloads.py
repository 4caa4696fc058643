"""Download buttons that leave a row in the audit trail (issue 12): who downloaded which file, of
which view, with which filters and how many rows.

The audit row is written by the button's click callback, which Streamlit runs at the start of the
next rerun, before the page script; it opens its own short write session on the store.
"""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from data_loaders import audit
from data_loaders.roles import PUBLIC_ACCESS
from ui import auth, data, shell


def _record(what: str, file_name: str, rows: int) -> None:
    access = st.session_state.get(auth.ACCESS_KEY) or PUBLIC_ACCESS
    view = st.session_state.get(shell.VIEW_KEY)
    filters = asdict(view.filters) if view is not None else {}
    store = data.store()
    if store.read_only:
        return  # a read-only store keeps no audit trail; the download itself is not refused
    with store.session(write=True):
        detail = {"what": what, "file": file_name, "filters": filters, "role": access.role}
        audit.record(store, access.username, "download", detail, rows=rows, address=auth.client_address())


def button(
    label: str,
    content: bytes,
    file_name: str,
    mime: str,
    *,
    what: str,
    rows: int,
    key: str | None = None,
    container: object = st,
) -> None:
    """`container.download_button(label, content, file_name, mime)` with a download icon, logging
    'download' with `what` (a short name of the table, e.g. 'program_table'), `file_name`, the
    rerun's filters and role, and `rows` (the data rows in the file)."""
    container.download_button(
        label,
        content,
        file_name=file_name,
        mime=mime,
        key=key,
        icon=":material/download:",
        on_click=_record,
        args=(what, file_name, int(rows)),
    )

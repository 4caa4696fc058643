"""Download buttons that leave a row in the audit trail (issue 12): who downloaded which file, of
which view, with which filters and how many rows. Every CSV/XLSX they hand out carries the stamp of
the view (issue 14, `common.exports.Stamp`): the filters, the data's date and source, when it was made.

A stamped file is made when it is clicked (Streamlit's deferred download) and writes its audit row
once it is made, so a file that fails to be made leaves no row; a file handed out as it is (a
template) writes its row from the button's click callback. Either opens its own short write session
on the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

import streamlit as st

from common import exports
from common.i18n import t
from data_loaders import audit
from data_loaders.roles import PUBLIC_ACCESS
from domain import meeting
from reports import workbook
from ui import auth, data, shell


def _details(what: str, file_name: str, rows: int) -> Callable[[], None]:
    """A function writing the 'download' audit row of this rerun's user, view and store; its details
    are taken now, in the script, so that it may run later in a thread without a Streamlit command."""
    access = st.session_state.get(auth.ACCESS_KEY) or PUBLIC_ACCESS
    view = st.session_state.get(shell.VIEW_KEY)
    detail = {"what": what, "file": file_name, "filters": asdict(view.filters) if view is not None else {}}
    detail["role"] = access.role
    store, address = data.store(), auth.client_address()

    def record() -> None:
        if store.read_only:
            return  # a read-only store keeps no audit trail; the download itself is not refused
        with store.session(write=True):
            audit.record(store, access.username, "download", detail, rows=rows, address=address)

    return record


def _record(what: str, file_name: str, rows: int) -> None:
    """The click callback of a file handed out as it is: its audit row."""
    _details(what, file_name, rows)()


def stamp(file_name: str) -> exports.Stamp:
    """The stamp of this rerun's view for the file `file_name` (`reports.workbook.stamp`): the
    filters in the words every page and slide uses, the data's date and source, when it was made."""
    view = shell.view()
    words = data.read(meeting.filters_text, view.filters, view.lang)
    return workbook.stamp(t("stamp_title", view.lang, file=file_name), words, shell.status(), view.lang)


def button(
    label: str,
    content: bytes | Callable[[], bytes],
    file_name: str,
    mime: str,
    *,
    what: str,
    rows: int,
    key: str | None = None,
    container: object = st,
    stamped: bool = True,
) -> None:
    """`container.download_button(label, content, file_name, mime)` with a download icon, logging
    'download' with `what` (a short name of the table, e.g. 'program_table'), `file_name`, the
    rerun's filters and role, and `rows` (the data rows in the file). `content` (a .csv or .xlsx of
    `common.exports`, or a function making one) gets this view's `stamp` unless `stamped` is False
    (a form to fill in and import, such as a template, stays as it is).

    A stamped file is made when it is clicked (Streamlit's deferred download, in a thread of its own
    with no Streamlit command in it), not on every rerun: stamping an XLSX reads and writes the
    workbook again, 40–80 ms a file (issue 16). The stamp itself is taken at render time, so the
    file names the filters, data date and source the page showed. A click does not rerun the page,
    so it does not count as activity for the idle timeout. Raises nothing itself: a failure to make
    the file reaches the browser and writes no audit row, and a file whose audit row cannot be
    written is not handed out."""
    if not stamped:
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
        return
    mark, make = stamp(file_name), content if callable(content) else (lambda: content)
    record = _details(what, file_name, int(rows))

    def stamped_file() -> bytes:  # made on click; the audit row once the file is made
        made = exports.stamped(make(), file_name, mark)
        record()
        return made

    container.download_button(
        label, stamped_file, file_name=file_name, mime=mime, key=key, icon=":material/download:", on_click="ignore"
    )

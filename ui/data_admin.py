"""Parts of the data page (Kelola Data) that concern the administrator and the import log: the notice
when no NIK key is set, whether the store would take a checked file now, and the import history with
its rollback. The history shows the log as stored: statuses in words, row counts in rows of each
kind's main table (one per row of the file), and only stored imports as rollback choices."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t, value
from common.text import inert_markdown
from data_loaders import importer
from data_loaders.nik import KEY_SETTING, nik_key
from data_loaders.roles import ROLLBACK, ROLLBACK_ANY, Access
from data_loaders.store import StoreError
from data_loaders.validation import Validation
from domain import reference
from ui import data, tables
from ui.components import empty_state


def nik_key_notice(lang: str) -> None:
    """Tell the administrator, once per page view, that no NIK key is set and how to create one."""
    if nik_key(data.secrets()) is None:
        st.warning(t("data_no_nik_key", lang, setting=KEY_SETTING), icon=":material/key:")


def limit_notice(access: Access, lang: str) -> None:
    """For an operator or a mitra, the line saying which rows they may import (issue 12)."""
    limit = access.write_limit
    if limit.unlimited:
        return
    whom = importer.limit_name(data.store(), limit)
    text = t(f"data_limit_{access.role}", lang, whom=whom) if whom else t("data_limit_nobody", lang)
    st.info(inert_markdown(text), icon=":material/lock:")


def rollback_choices(committed: pd.DataFrame, access: Access) -> pd.DataFrame:
    """The stored imports `access` may roll back: none without ROLLBACK/ROLLBACK_ANY, else those
    within its limit (`importer.rollback_refusal`)."""
    if not (access.may(ROLLBACK) or access.may(ROLLBACK_ANY)):
        return committed.iloc[:0]
    limit = data.rollback_limit(access)
    allowed = [importer.rollback_refusal(data.store(), int(i), limit) is None for i in committed["id"]]
    return committed[allowed]


def refusal_text(validation: Validation, rows: str, lang: str) -> str | None:
    """None when the store would take the checked (error-free) file now; else the sentence saying why
    it cannot yet and what to do — for sample data, where on this page to remove it."""
    refused = importer.refusal(data.store(), validation)
    if refused is None:
        return None
    if refused.key == "imp_store_has_sample":
        return t("data_ready_sample", lang, file=validation.file, rows=rows)
    return t("data_ready_refused", lang, file=validation.file, rows=rows, reason=refused.message(lang))


def report_file_name(file: str) -> str:
    """The validation report's download name: 'laporan_validasi_<file without its extension>.csv'."""
    return f"laporan_validasi_{Path(file).stem}.csv"


def _history_frame(real: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The import log in the page's words, and the names of its row-count columns."""
    numbers = {
        t(key, lang): real[key.replace("col_", "rows_")] for key in ("col_added", "col_updated", "col_unchanged")
    }
    frame = pd.DataFrame(
        {
            "#": real["id"],
            t("col_kind_import", lang): [value("kind", kind, lang) for kind in real["kind"]],
            t("col_file", lang): real["file_name"],
            t("col_imported_at", lang): [formatting.date(v, lang) + v.strftime(" %H:%M") for v in real["imported_at"]],
            t("col_by", lang): real["imported_by"],
            **numbers,
            t("col_status", lang): [t(f"status_{status}", lang) for status in real["status"]],
        }
    )
    return frame, list(numbers)


def history(lang: str, access: Access) -> None:
    """The import history of real data (as the read layer scopes it for `access`), newest first, and
    the rollback of a stored import that `access` may roll back."""
    log = data.read(reference.imports)
    real = log.official
    if real.empty:
        empty_state(t("data_no_history", lang))
        return
    frame, numbers = _history_frame(real, lang)
    tables.show(frame, dict.fromkeys(numbers, "number"), lang)
    st.caption(t("data_history_rows", lang))
    committed = rollback_choices(log.committed, access)
    if committed.empty:
        return
    with st.expander(t("data_rollback_heading", lang)):
        files = {i: f"#{i} · {name}" for i, name in zip(committed["id"], committed["file_name"], strict=True)}
        choice = st.selectbox(t("data_rollback_choice", lang), list(files), format_func=files.get, key="rollback_id")
        sure = st.checkbox(t("data_rollback_confirm", lang), key="rollback_sure")
        if st.button(t("data_rollback", lang), disabled=not sure, key="rollback_go"):
            try:
                result = data.rollback(int(choice), access)
            except importer.ImportRefused as refused:
                st.error(inert_markdown(refused.message(lang)))
            except StoreError as error:
                st.error(inert_markdown(error.message(lang)))
            else:
                st.success(inert_markdown(result.summary(lang)))

"""Kelola Data (Data): templates, upload with a validation report, confirm, history and rollback."""

import hashlib

import pandas as pd
import streamlit as st

from common import formatting
from common.exports import csv_bytes
from common.i18n import t, value
from common.text import inert_markdown
from data_loaders import roles
from data_loaders.importer import ImportRefused
from data_loaders.kinds import KINDS
from data_loaders.problems import ERROR
from data_loaders.store import StoreError
from domain import reference
from ui import data, data_admin, downloads, shell, tables
from ui.components import empty_state

shell.require(roles.DATA_PAGE)
view = shell.view()
lang, access = view.lang, view.access
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

st.title(t("data_title", lang))
st.caption(t("data_intro", lang))

if shell.status().is_sample:
    with st.container(border=True):
        st.markdown(f"**{t('data_sample_heading', lang)}**")
        st.text(t("data_sample_blocks_import", lang))
        may_remove = access.may(roles.REMOVE_SAMPLE)
        confirm = may_remove and st.checkbox(t("data_remove_sample_confirm", lang), key="confirm_remove_sample")
        if may_remove and st.button(t("data_remove_sample", lang), disabled=not confirm, type="primary"):
            removed = data.remove_sample(access)
            st.session_state.pop("validation", None)  # checked against the sample's programs: check again
            st.success(t("data_sample_removed", lang, rows=formatting.number(removed, lang)))
            st.rerun()

data_admin.nik_key_notice(lang)
st.subheader(t("data_step_template", lang))
kinds = {code: t(f"kind_{code}", lang) for code in KINDS}
kind = st.columns([1, 2])[0].selectbox(t("data_kind", lang), list(kinds), format_func=kinds.get, key="data_kind")
label, name = t("data_download_template", lang, kind=kinds[kind]), f"templat_{kind}.xlsx"
downloads.button(label, data.template(kind), name, XLSX, what=f"template_{kind}", rows=0, stamped=False)

uploaded = None
if access.may(roles.IMPORT):
    st.subheader(t("data_step_upload", lang))
    data_admin.limit_notice(access, lang)
    upload_label = t("data_upload", lang, kind=kinds[kind])
    uploaded = st.file_uploader(upload_label, type=["csv", "xlsx"], key=f"upload_{kind}")


def problems_frame(problems) -> pd.DataFrame:
    """The validation report: one row per problem, in the interface language."""
    rows = [
        (t("sev_error" if p.severity == ERROR else "sev_warning", lang), p.sheet or "", p.row, p.column or "",
         p.value or "", p.detail(lang))
        for p in problems
    ]  # fmt: skip
    keys = ("col_severity", "col_sheet", "col_row", "col_column", "col_value", "col_problem")
    return pd.DataFrame(rows, columns=[t(key, lang) for key in keys])


def moves(bar: object, text: str, stage: str | None = None) -> object:
    """A progress callback (stage, done, total) that moves `bar`, for `stage` only when one is given."""

    def report(current: str, done: int, total: int) -> None:
        if total and stage in (None, current):
            bar.progress(done / total, text=text)

    return report


if uploaded is None:
    if access.may(roles.IMPORT):
        empty_state(t("data_waiting", lang))
else:
    content = uploaded.getvalue()
    report_key = ("validation", kind, access.username, hashlib.sha256(content).hexdigest())
    validation = st.session_state.get("validation")
    if validation is None or st.session_state.get("validation_key") != report_key:
        bar = st.progress(0.0, text=t("data_checking", lang))
        progress = moves(bar, t("data_checking", lang), "validate")
        validation = data.validate_upload(uploaded.name, content, kind, access, progress=progress)
        bar.empty()
        st.session_state["validation"], st.session_state["validation_key"] = validation, report_key

    cards = st.columns(3)
    cards[0].metric(t("data_rows_read", lang), formatting.number(validation.rows_read, lang), border=True)
    cards[1].metric(t("data_errors", lang), formatting.number(len(validation.errors), lang), border=True)
    cards[2].metric(t("data_warnings", lang), formatting.number(len(validation.warnings), lang), border=True)
    if validation.errors:
        message = t("data_has_errors", lang, file=validation.file, errors=len(validation.errors))
        st.error(inert_markdown(message), icon=":material/error:")
    if validation.problems:
        report = problems_frame(validation.problems)
        wide = {t("col_problem", lang): st.column_config.TextColumn(width="large")}
        tables.show(report, {t("col_row", lang): "number"}, lang, column_config=wide)
        name, label = data_admin.report_file_name(validation.file), t("data_download_report", lang)
        downloads.button(label, csv_bytes(report), name, "text/csv", what="validation_report", rows=len(report))
    if validation.ok:
        rows = formatting.number(validation.rows_read, lang)
        blocked = data_admin.refusal_text(validation, rows, lang)  # e.g. sample data still stored
        if blocked:
            st.warning(inert_markdown(blocked), icon=":material/block:")
        else:
            ready = t("data_ready", lang, file=validation.file, rows=rows)
            st.success(inert_markdown(ready), icon=":material/check_circle:")
        st.markdown(f"**{t('data_preview', lang)}**")
        categories = {**shell.ppks_labels(lang), "lintas": value("ppks", "lintas", lang)}
        preview = reference.upload_preview(validation.clean, categories)
        tables.show(preview.rename(columns={"_row": t("col_row", lang)}), {}, lang)
        if st.button(t("data_confirm", lang), type="primary", key="confirm_import", disabled=bool(blocked)):
            running = st.empty()
            with running.container():
                st.button(t("data_cancel", lang), key="cancel_import")  # clicking it reruns, which rolls back
                bar = st.progress(0.0, text=t("data_writing", lang))
            try:
                result = data.import_validated(validation, access, progress=moves(bar, t("data_writing", lang)))
                running.empty()
            except ImportRefused as refused:
                st.error(inert_markdown(refused.message(lang)))
            except StoreError as error:
                st.error(inert_markdown(error.message(lang)))
            else:
                st.session_state.pop("validation", None)
                st.success(inert_markdown(result.summary(lang)), icon=":material/task_alt:")
                if result.same_file_as:
                    st.info(t("cli_same_file", lang, id=result.same_file_as))
        if st.session_state.get("cancel_import"):
            st.info(t("data_cancelled", lang))

st.subheader(t("data_step_history", lang))
data_admin.history(lang, access)

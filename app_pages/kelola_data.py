"""Kelola Data (Data): templates, upload with a validation report, confirm, history and rollback."""

import hashlib

import pandas as pd
import streamlit as st

from common import formatting
from common.exports import csv_bytes
from common.i18n import t
from data_loaders.importer import ImportRefused
from data_loaders.kinds import KINDS
from data_loaders.problems import ERROR
from data_loaders.store import StoreError
from ui import data, shell
from ui.components import empty_state

view = shell.view()
lang = view.lang
USER = "dasbor"  # no sign-in yet; the import log records the dashboard as the importer

st.title(t("data_title", lang))
st.caption(t("data_intro", lang))

if data.status().is_sample:
    with st.container(border=True):
        st.markdown(f"**{t('data_sample_heading', lang)}**")
        st.write(t("data_sample_blocks_import", lang))
        confirm = st.checkbox(t("data_remove_sample_confirm", lang), key="confirm_remove_sample")
        if st.button(t("data_remove_sample", lang), disabled=not confirm, type="primary"):
            removed = data.remove_sample()
            st.success(t("data_sample_removed", lang, rows=formatting.number(removed, lang)))
            st.rerun()

st.subheader(t("data_step_template", lang))
kind = st.columns([1, 2])[0].selectbox(
    t("data_kind", lang), list(KINDS), format_func=lambda k: t(f"kind_{k}", lang), key="data_kind"
)
st.download_button(
    t("data_download_template", lang, kind=t(f"kind_{kind}", lang)),
    data.template(kind),
    file_name=f"templat_{kind}.xlsx",
    icon=":material/download:",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)

st.subheader(t("data_step_upload", lang))
uploaded = st.file_uploader(
    t("data_upload", lang, kind=t(f"kind_{kind}", lang)), type=["csv", "xlsx", "xls"], key=f"upload_{kind}"
)


def problems_frame(problems) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_severity", lang): [t("sev_error" if p.severity == ERROR else "sev_warning", lang) for p in problems],
            t("col_sheet", lang): [p.sheet or "" for p in problems],
            t("col_row", lang): [p.row for p in problems],
            t("col_column", lang): [p.column or "" for p in problems],
            t("col_value", lang): [p.value or "" for p in problems],
            t("col_problem", lang): [p.detail(lang) for p in problems],
        }
    )


def preview_frame(clean: pd.DataFrame) -> pd.DataFrame:
    """The first rows as they will be stored: regions by name and code, NIKs only as a hash prefix."""
    shown = clean.head(20).copy()
    for column in shown.columns:
        shown[column] = shown[column].map(lambda v: f"{v.name} ({v.code})" if hasattr(v, "level") else v)
    if "nik_hash" in shown:
        shown["nik_hash"] = shown["nik_hash"].map(lambda v: f"{v[:10]}…" if isinstance(v, str) else v)
    if "kategori_ppks" in shown:
        names = data.ppks_labels()
        shown["kategori_ppks"] = shown["kategori_ppks"].map(lambda v: names.get(v, t("lintas_ppks", lang)) if v else v)
    return shown.rename(columns={"_row": t("col_row", lang)})


if uploaded is None:
    empty_state(t("data_waiting", lang))
else:
    content = uploaded.getvalue()
    report_key = ("validation", kind, hashlib.sha256(content).hexdigest())
    validation = st.session_state.get("validation")
    if validation is None or st.session_state.get("validation_key") != report_key:
        bar = st.progress(0.0, text=t("data_checking", lang))

        def checking(stage: str, done: int, total: int) -> None:
            if stage == "validate" and total:
                bar.progress(done / total, text=t("data_checking", lang))

        validation = data.validate_upload(uploaded.name, content, kind, progress=checking)
        bar.empty()
        st.session_state["validation"], st.session_state["validation_key"] = validation, report_key

    cards = st.columns(3)
    cards[0].metric(t("data_rows_read", lang), formatting.number(validation.rows_read, lang), border=True)
    cards[1].metric(t("data_errors", lang), formatting.number(len(validation.errors), lang), border=True)
    cards[2].metric(t("data_warnings", lang), formatting.number(len(validation.warnings), lang), border=True)
    if validation.errors:
        st.error(
            t("data_has_errors", lang, file=validation.file, errors=len(validation.errors)), icon=":material/error:"
        )
    if validation.problems:
        report = problems_frame(validation.problems)
        st.dataframe(
            report, hide_index=True, column_config={t("col_problem", lang): st.column_config.TextColumn(width="large")}
        )
        st.download_button(
            t("data_download_report", lang),
            csv_bytes(report),
            file_name=f"laporan_validasi_{validation.file}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
    if validation.ok:
        st.success(
            t("data_ready", lang, file=validation.file, rows=formatting.number(validation.rows_read, lang)),
            icon=":material/check_circle:",
        )
        st.markdown(f"**{t('data_preview', lang)}**")
        st.dataframe(preview_frame(validation.clean), hide_index=True)
        if st.button(t("data_confirm", lang), type="primary", key="confirm_import"):
            running = st.empty()
            with running.container():
                st.button(t("data_cancel", lang), key="cancel_import")  # clicking it reruns, which rolls back
                bar = st.progress(0.0, text=t("data_writing", lang))

            def writing(stage: str, done: int, total: int) -> None:
                bar.progress(done / total if total else 0.0, text=t("data_writing", lang))

            try:
                result = data.import_validated(validation, USER, progress=writing)
                running.empty()
            except ImportRefused as refused:
                st.error(refused.message(lang))
            except StoreError as error:
                st.error(str(error))
            else:
                st.session_state.pop("validation", None)
                st.success(
                    result.summary(lang),
                    icon=":material/task_alt:",
                )
                if result.same_file_as:
                    st.info(t("cli_same_file", lang, id=result.same_file_as))
        if st.session_state.get("cancel_import"):
            st.info(t("data_cancelled", lang))

st.subheader(t("data_step_history", lang))
history = data.history()
real = history[~history["is_sample"]]
if real.empty:
    empty_state(t("data_no_history", lang))
else:
    st.dataframe(
        {
            "#": real["id"],
            t("col_kind_import", lang): real["kind"].map(lambda k: t(f"kind_{k}", lang) if k in KINDS else k),
            t("col_file", lang): real["file_name"],
            t("col_imported_at", lang): [formatting.date(v, lang) + v.strftime(" %H:%M") for v in real["imported_at"]],
            t("col_by", lang): real["imported_by"],
            t("col_added", lang): real["rows_added"],
            t("col_updated", lang): real["rows_updated"],
            t("col_unchanged", lang): real["rows_unchanged"],
            t("col_status", lang): real["status"].map(lambda s: t(f"status_{s}", lang)),
        },
        hide_index=True,
    )
    committed = real[real["status"] == "committed"]
    if not committed.empty:
        with st.expander(t("data_rollback_heading", lang)):
            choice = st.selectbox(
                t("data_rollback_choice", lang),
                committed["id"].tolist(),
                format_func=lambda i: f"#{i} · {committed.set_index('id').at[i, 'file_name']}",
                key="rollback_id",
            )
            sure = st.checkbox(t("data_rollback_confirm", lang), key="rollback_sure")
            if st.button(t("data_rollback", lang), disabled=not sure, key="rollback_go"):
                try:
                    restored = data.rollback(int(choice), USER)
                except ImportRefused as refused:
                    st.error(refused.message(lang))
                except StoreError as error:
                    st.error(str(error))
                else:
                    st.success(t("cli_rolled_back", lang, id=choice, rows=sum(restored.values())))

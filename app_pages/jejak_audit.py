"""Jejak audit (audit trail, admin only): the log newest first, filtered by action, actor and dates,
with a CSV and an XLSX download (each download is itself logged). Nothing here changes the log."""

from functools import partial

import pandas as pd
import streamlit as st

from common import formatting
from common.exports import csv_bytes, xlsx_bytes
from common.i18n import t
from data_loaders import audit, roles
from ui import data, downloads, shell, tables
from ui.components import empty_state

shell.require(roles.READ_AUDIT)
view = shell.view()
lang = view.lang
LIMIT = 5000  # rows read, shown and downloaded at most: the newest that match the filters
ALL = "__all__"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = {
    "logged_at": "audit_col_logged_at",
    "actor": "audit_col_actor",
    "action": "audit_col_action",
    "rows": "audit_col_rows",
    "address": "audit_col_address",
    "detail": "audit_col_detail",
}

st.title(t("page_audit", lang))
st.caption(t("audit_intro", lang))
store = data.store()
actions, actors = audit.choices(store)


def choice(column: object, label_key: str, options: list[str], key: str) -> str | None:
    everything = t("audit_all", lang)
    picked = column.selectbox(
        t(label_key, lang), [ALL, *options], format_func=lambda o: everything if o == ALL else o, key=key
    )
    return None if picked == ALL else picked


columns = st.columns([1, 1, 1])
action = choice(columns[0], "audit_filter_action", actions, "audit_action")
actor = choice(columns[1], "audit_filter_actor", actors, "audit_actor")
dates = columns[2].date_input(t("audit_filter_dates", lang), value=(), key="audit_dates", format="YYYY-MM-DD")
since = dates[0] if len(dates) > 0 else None
until = dates[1] if len(dates) > 1 else since
filters = {"action": action, "actor": actor, "since": since, "until": until}

total = audit.count(store, **filters)
log = audit.entries(store, LIMIT, **filters)
st.caption(t("audit_count", lang, count=formatting.number(total, lang)))
if total > len(log):
    st.info(t("audit_limited", lang, shown=formatting.number(len(log), lang)), icon=":material/info:")


def shown(entries: pd.DataFrame) -> pd.DataFrame:
    """The entries as text and numbers, columns named in `lang` (the detail stays its JSON text)."""
    frame = entries[list(COLUMNS)].copy()
    frame["logged_at"] = [pd.Timestamp(v).strftime("%Y-%m-%d %H:%M:%S") for v in frame["logged_at"]]
    frame["rows"] = frame["rows"].astype("Int64")
    return frame.rename(columns={column: t(key, lang) for column, key in COLUMNS.items()})


if log.empty:
    empty_state(t("audit_empty", lang))
else:
    table = shown(log)
    wide = {t("audit_col_detail", lang): st.column_config.TextColumn(width="large")}
    tables.show(table, {t("audit_col_rows", lang): "number"}, lang, column_config=wide)
    buttons = st.columns(2)
    rows = len(table)
    downloads.button(
        t("audit_download_csv", lang), partial(csv_bytes, table), "jejak_audit.csv", "text/csv",
        what="audit_log", rows=rows, key="audit_csv", container=buttons[0],
    )  # fmt: skip
    workbook = partial(xlsx_bytes, table, "jejak_audit", {t("audit_col_rows", lang): "number"})
    downloads.button(
        t("audit_download_xlsx", lang), workbook, "jejak_audit.xlsx", XLSX,
        what="audit_log", rows=rows, key="audit_xlsx", container=buttons[1],
    )  # fmt: skip

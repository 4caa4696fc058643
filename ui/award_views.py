"""What the Apresiasi page draws from a `domain.awards.Ranking`: the weight inputs, the ranking and
breakdown tables in the interface language, and the certificate list as XLSX. Figures come only from
the ranking; this module translates and formats them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from common import formatting
from common.exports import xlsx_bytes
from common.i18n import t
from domain.awards import Award, Criterion, Ranking
from ui import tables

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _key(award: Award, criterion: Criterion) -> str:
    return f"bobot_{award.code}_{criterion.code}"


def _restore(award: Award) -> None:
    for criterion in award.criteria:
        st.session_state[_key(award, criterion)] = float(criterion.weight)


def value_text(criterion: Criterion, value: float | None, lang: str) -> str:
    """A criterion's value in its unit: Rupiah, a percentage (ratios) or years; '–' where missing."""
    if value is None or pd.isna(value):
        return formatting.MISSING
    if criterion.unit == "Rupiah":
        return formatting.money_exact(value, lang)
    if criterion.unit == "tahun":
        return t("awards_years", lang, count=formatting.number(value, lang))
    return formatting.percent(value, lang)


def weight_inputs(award: Award, lang: str) -> tuple[tuple[str, float], ...]:
    """The criteria of `award` with their definitions and published weights, and one number input
    per criterion (starting at the published weight; a button restores them). Returns the weights
    entered, as (criterion code, points) pairs."""
    with st.expander(t("awards_criteria", lang)):
        rows = {
            t("awards_col_criterion", lang): [c.name(lang) for c in award.criteria],
            t("awards_col_definition", lang): [c.definition(lang) for c in award.criteria],
            t("awards_col_direction", lang): [t(f"awards_direction_{c.direction}", lang) for c in award.criteria],
            t("awards_col_published", lang): [c.weight for c in award.criteria],
        }
        wide = {t("awards_col_definition", lang): st.column_config.TextColumn(width="large")}
        tables.show(pd.DataFrame(rows), {t("awards_col_published", lang): "number"}, lang, column_config=wide)
        st.caption(t("awards_weights_hint", lang))
        weights = []
        for column, criterion in zip(st.columns(len(award.criteria)), award.criteria, strict=True):
            key = _key(award, criterion)
            st.session_state.setdefault(key, float(criterion.weight))
            entered = column.number_input(
                t("awards_weight", lang, name=criterion.name(lang)), min_value=0.0, max_value=100.0, step=5.0, key=key
            )
            weights.append((criterion.code, float(entered)))
        st.button(t("awards_reset", lang), on_click=_restore, args=(award,), key=f"bobot_{award.code}_reset")
    return tuple(weights)


def published_text(award: Award, lang: str) -> str:
    """'Dana CSR/PPM tersalur 25, Porsi dana ke celah 20, …': the published weights in words."""
    return ", ".join(f"{c.name(lang)} {formatting.number(c.weight, lang)}" for c in award.criteria)


def ranking_table(ranking: Ranking, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ranking as shown: rank, partner, total, tie, people reached (jiwa and KK apart, not
    scored) and each criterion's score; with the `ui.tables.show` formats of its number columns."""
    table = ranking.table
    people = [formatting.people(j, k, lang) for j, k in zip(table["reached_jiwa"], table["reached_kk"], strict=True)]
    frame = pd.DataFrame(
        {
            t("col_rank", lang): table["rank"],
            t("awards_col_partner", lang): table["partner"],
            t("awards_col_total", lang): table["total"],
            t("awards_col_tied", lang): [t("yes", lang) if tied else "" for tied in table["tied"]],
            t("awards_col_people", lang): people,
        }
    )
    formats = {t("col_rank", lang): "number", t("awards_col_total", lang): "decimal"}
    for criterion in ranking.award.criteria:
        if criterion.code in ranking.left_out:  # not scored this year: no column of zeros
            continue
        header = t("awards_col_score_of", lang, name=criterion.name(lang))
        frame[header] = table[f"{criterion.code}_score"].to_numpy()
        formats[header] = "decimal"
    return frame, formats


def breakdown_table(ranking: Ranking, lang: str, partner: str | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    """Every partner's (or only `partner`'s) score per criterion: value and best in the criterion's
    unit, score, normalised weight and contribution (weight × score), with the number formats."""
    rows = ranking.breakdown()
    if partner is not None:
        rows = rows[rows["partner"] == partner]
    criteria = {c.code: c for c in ranking.award.criteria}
    frame = pd.DataFrame(
        {
            t("col_rank", lang): rows["rank"].to_numpy(),
            t("awards_col_partner", lang): rows["partner"].to_numpy(),
            t("awards_col_criterion", lang): [criteria[c].name(lang) for c in rows["criterion"]],
            t("col_value", lang): [
                value_text(criteria[c], v, lang) for c, v in zip(rows["criterion"], rows["value"], strict=True)
            ],
            t("awards_col_best", lang): [
                value_text(criteria[c], v, lang) for c, v in zip(rows["criterion"], rows["best"], strict=True)
            ],
            t("awards_col_score", lang): rows["score"].to_numpy(),
            t("awards_col_weight", lang): rows["weight"].to_numpy(),
            t("awards_col_contribution", lang): rows["contribution"].to_numpy(),
        }
    )
    formats = {
        t("col_rank", lang): "number",
        t("awards_col_score", lang): "decimal",
        t("awards_col_weight", lang): "percent",
        t("awards_col_contribution", lang): "decimal",
    }
    return frame, formats


def certificate_xlsx(ranking: Ranking, lang: str) -> bytes:
    """The certificate list as an XLSX sheet: rank, partner, award, total (rounded to 2 decimals) and
    year, in rank order; rank, total and year are numeric cells."""
    table = ranking.table
    frame = pd.DataFrame(
        {
            t("col_rank", lang): table["rank"].astype(int),
            t("awards_col_partner", lang): table["partner"],
            t("awards_col_award", lang): ranking.award.name(lang),
            t("awards_col_total", lang): table["total"].round(2),
            t("col_year", lang): ranking.year,
        }
    )
    return xlsx_bytes(frame, ranking.award.code)

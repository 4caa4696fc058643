"""Parts of the Mitra page (app_pages/mitra.py): the registry table, the profile's tables and the
admin's merge controls. Figures: domain/partners.py; merges: data_loaders/partners.py."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from common import formatting
from common.i18n import t, value
from common.text import inert_markdown
from data_loaders import partners as merges
from data_loaders.geo import boundaries, bounds
from data_loaders.roles import MERGE_PARTNERS
from data_loaders.store import StoreError
from domain import charts, maps, partners, reference
from domain.filters import Filters
from domain.overview import DataStatus
from domain.partners import Profile, Registry
from ui import data, tables
from ui.components import empty_state, kpi, source_caption
from ui.shell import View

TABS = ("partners_registry", "partners_profile")  # the page's tabs (translation keys); the first opens
_DONE_KEY = "_partners_done"  # a merge's message, shown after the rerun that reloads the figures
REGISTRY = {
    "name": ("partners_col_name", "text"),
    "sector": ("partners_col_sector", "text"),
    "kind": ("partners_col_kind", "kind"),
    "region_names": ("partners_col_regions", "text"),
    "forum_member": ("partners_col_forum", "text"),
    "programs": ("col_programs", "number"),
    "variants": ("partners_col_variants", "number"),
    "budget": ("col_budget", "money"),
    "committed": ("col_committed", "money"),
    "spent": ("col_spent", "money"),
    "spent_csr": ("partners_col_spent_csr", "money"),
    "spent_ppm": ("partners_col_spent_ppm", "money"),
    "realisation": ("col_realisation", "percent"),
}
PROGRAMS = {
    "program_code": ("col_program_code", "text"),
    "program_name": ("col_program", "text"),
    "ppks_category_id": ("filter_ppks", "ppks"),
    "assistance_type": ("col_assistance", "assistance"),
    "status": ("col_status", "status"),
    "budget": ("col_budget", "money"),
    "committed": ("col_committed", "money"),
    "spent": ("col_spent", "money"),
    "reached": ("col_reached", "number"),
    "beneficiary_unit": ("col_unit", "unit"),
}
PLACES = {
    "region_name": ("col_place", "text"),
    "region_level": ("col_place_level", "level"),
    "programs": ("col_programs", "number"),
    "budget": ("col_budget", "money"),
    "spent": ("col_spent", "money"),
}
CATEGORIES = {"ppks_category_id": ("filter_ppks", "ppks"), "programs": ("col_programs", "number")}
CATEGORIES |= {"spent": ("col_spent", "money")}
YEARS = {
    "name": ("partners_col_name", "text"),
    "year": ("col_year", "text"),
    "funding_source": ("col_source", "source"),
}
YEARS |= {"budget": ("col_budget", "money"), "committed": ("col_committed", "money"), "spent": ("col_spent", "money")}


def _code(kind: str, raw: object, lang: str) -> str:
    """A code of the data's vocabulary in `lang`; a missing PPKS category is Lintas PPKS."""
    if kind == "ppks" and (raw is None or pd.isna(raw)):
        return value("ppks", "lintas", lang)
    return value(kind, int(raw) if kind == "ppks" else raw, lang)


def show(frame: pd.DataFrame, spec: dict[str, tuple[str, str]], lang: str, **options: object) -> None:
    """`frame`'s columns of `spec` with translated headers: numbers stay numbers (sortable), codes
    are translated, yes/no read as words."""
    out, formats = {}, {}
    for column, (key, kind) in spec.items():
        header = t(key, lang)
        if kind in tables.FORMATS:
            out[header], formats[header] = frame[column], kind
        elif column == "forum_member":
            out[header] = frame[column].map(lambda v: "–" if v is None or pd.isna(v) else t("yes" if v else "no", lang))
        elif kind == "text":
            out[header] = frame[column].map(lambda v: formatting.MISSING if v is None or pd.isna(v) else str(v))
        else:
            out[header] = frame[column].map(lambda v, k=kind: _code(k, v, lang))
    tables.show(pd.DataFrame(out), formats, lang, **options)


def years_table(registry: Registry, shown: pd.DataFrame, lang: str) -> None:
    """The per-year, per-source money of the partners in `shown`, newest year first."""
    names = shown.set_index("partner_id")["name"]
    years = registry.years[registry.years["partner_id"].isin(names.index)]
    years = years.assign(name=years["partner_id"].map(names), year=years["year"].astype(int).astype(str))
    show(years.sort_values(["name", "year", "funding_source"], ascending=[True, False, True]), YEARS, lang)


def top_chart_frame(shown: pd.DataFrame, top: int) -> pd.DataFrame:
    """label (partner name), source ('CSR'/'PPM'), spent — the `top` partners by spending, for
    `domain.charts.stacked_by_source`."""
    best = shown[shown["spent"] > 0].nlargest(top, "spent")
    parts = [best.assign(source=code, amount=best[f"spent_{code.lower()}"]) for code in ("CSR", "PPM")]
    frame = pd.concat(parts) if parts else pd.DataFrame()
    return frame.rename(columns={"name": "label"})[["label", "source", "amount"]].rename(columns={"amount": "spent"})


def alignment_line(profile: Profile, lang: str) -> str:
    """One sentence of the profile's alignment figures (Rupiah and shares)."""
    row = profile.alignment
    money = {key: formatting.money(row[key], lang) for key in ("spent_in_gaps", "spent_province_wide")}
    listed = not pd.isna(row["spent_inside"])
    inside = formatting.money(row["spent_inside"], lang) if listed else t("partners_no_regions", lang)
    outside = formatting.money(row["spent_outside"], lang) if listed else "–"
    gaps = f"{money['spent_in_gaps']} ({formatting.percent(row['gap_share'], lang)})"
    return t(
        "partners_alignment_note",
        lang,
        year=profile.year,
        gaps=gaps,
        inside=inside,
        outside=outside,
        province=money["spent_province_wide"],
    )


def merge_controls(view: View, registry: Registry) -> None:
    """The admin's merge and undo controls; nothing for any other role. The write itself is
    `data_loaders.partners` (refusals shown in the user's language)."""
    lang, access = view.lang, view.access
    if not access.may(MERGE_PARTNERS):
        return
    if message := st.session_state.pop(_DONE_KEY, None):
        st.success(inert_markdown(message), icon=":material/check_circle:")
    names = dict(zip(registry.table["partner_id"], registry.table["name"], strict=True))
    with st.expander(t("partners_merge_title", lang), icon=":material/merge:"):
        st.caption(t("partners_merge_note", lang))
        left, right = st.columns(2)
        ids = list(names)
        kept = left.selectbox(t("partners_merge_kept", lang), ids, format_func=names.get, key="merge_kept")
        merged = right.selectbox(t("partners_merge_merged", lang), ids, format_func=names.get, key="merge_merged")
        pair = {"merged": names[merged], "kept": names[kept]}
        if st.button(t("partners_merge_button", lang), key="merge_go"):
            _write(
                lambda store: merges.merge(store, kept, merged, access.username, role=access.role),
                lambda merge_id: t("partners_merge_done", lang, **pair, merge_id=merge_id),
                lang,
            )
        done = merges.merges(data.store())
        open_ = done[done["undone_at"].isna()]
        if open_.empty:
            return
        labels = {
            int(r.id): t("partners_merge_label", lang, merge_id=int(r.id), merged=r.merged, kept=r.kept)
            for r in open_.itertuples()
        }
        chosen = st.selectbox(t("partners_unmerge_pick", lang), list(labels), format_func=labels.get, key="unmerge")
        if st.button(t("partners_unmerge_button", lang), key="unmerge_go"):
            _write(
                lambda store: merges.unmerge(store, chosen, access.username, role=access.role),
                lambda moved: t("partners_unmerge_done", lang, merge_id=chosen, programs=moved),
                lang,
            )


def _write(write, done, lang: str) -> None:
    """Run one merge or undo in a short write session; on success keep `done(result)` for the rerun
    that reloads the figures, else show why nothing was changed."""
    store = data.store()
    try:
        with store.session(write=True):
            result = write(store)
    except StoreError as error:  # merges.PartnerError included: the refusal, in `lang`
        st.error(inert_markdown(error.message(lang)), icon=":material/error:")
        return
    st.session_state[_DONE_KEY] = done(result)
    st.rerun()


def places_map(profile: Profile, lang: str) -> None:
    """The partner's kab/kota on a map: spent inside or outside its operating regions, or an
    operating region without spending (domain.maps.partner_places), with its note."""
    operating = tuple(profile.partner["operating_regions"] or ()) if profile.partner is not None else ()
    names = data.read(reference.kabupaten_kota).names
    values, classes = maps.partner_places(profile.places, operating, names, lang)
    geojson = boundaries("kabupaten_kota", None)
    figure = maps.choropleth(
        geojson, values, classes, t("partners_map_none", lang), bounds(geojson), width=520, height=520
    )
    st.markdown(f"**{t('partners_map_title', lang, year=profile.year)}**")
    st.plotly_chart(figure, key="partner_map", config=charts.CONFIG)
    st.caption(t("partners_map_note", lang))


def profile_tab(view: View, registry: Registry, filters: Filters, lang: str, status: DataStatus) -> None:
    """One partner's profile for `filters.year` (`domain.partners.profile`): money, realisation,
    reporting, people reached, alignment with need, its programs, places (with a map) and PPKS
    categories. A mitra user's own partner is picked first."""
    names = dict(zip(registry.table["partner_id"], registry.table["name"], strict=True))
    ids = list(names)
    own = view.access.partner_id
    start = ids.index(own) if own in names else 0
    chosen = st.selectbox(
        t("partners_pick", lang),
        ids,
        index=start,
        format_func=names.get,
        key="profile_partner",
        bind="query-params",  # kept while another tab is open
    )
    data.start(partners.alignment, filters.year)  # on the other core while the profile's own views run
    profile = data.read(partners.profile, int(chosen), filters)
    if profile.empty:
        empty_state(t("partners_profile_empty", lang, name=names[chosen], year=filters.year))
        return
    note = t("partners_profile_note", lang, year=filters.year)
    cards = st.columns(4)
    with cards[0]:
        kpi(t("partners_m_budget", lang), formatting.money(profile.budget, lang), note)
    with cards[1]:
        kpi(t("partners_m_spent", lang), formatting.money(profile.spent, lang), note)
    with cards[2]:
        kpi(
            t("partners_m_realisation", lang),
            formatting.percent(profile.realisation, lang),
            t("partners_m_realisation_help", lang),
        )
    with cards[3]:
        kpi(
            t("partners_m_reporting", lang),
            f"{formatting.number(profile.reported, lang)} / {formatting.number(profile.reported_of, lang)}",
            t("partners_m_reporting_help", lang),
        )
    cards = st.columns(4)
    with cards[0]:
        kpi(
            t("partners_m_jiwa", lang), formatting.number(profile.reached_jiwa, lang), t("partners_m_people_help", lang)
        )
    with cards[1]:
        kpi(t("partners_m_kk", lang), formatting.number(profile.reached_kk, lang), t("partners_m_people_help", lang))
    row = profile.alignment
    with cards[2]:
        gap = None if row is None else row["gap_share"]
        kpi(t("partners_m_gap", lang), formatting.percent(gap, lang), t("partners_m_gap_help", lang))
    with cards[3]:
        inside = None if row is None else row["inside_share"]
        kpi(t("partners_m_inside", lang), formatting.percent(inside, lang), t("partners_m_inside_help", lang))
    if row is not None:
        st.caption(alignment_line(profile, lang))

    st.markdown(f"**{t('partners_programs', lang)}**")
    show(profile.programs, PROGRAMS, lang, key="partner_programs")
    left, right = st.columns(2)
    with left:
        places_map(profile, lang)
        st.markdown(f"**{t('partners_places', lang)}**")
        show(profile.places, PLACES, lang, key="partner_places")
    with right:
        st.markdown(f"**{t('partners_categories', lang)}**")
        show(profile.categories, CATEGORIES, lang, key="partner_categories")
    st.caption(note)
    source_caption(status, lang)

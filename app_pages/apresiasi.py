"""Apresiasi & penghargaan (Appreciation & awards): the partners ranked per award category from the
published criteria and adjustable weights, every score broken down per criterion, and the list for
the certificates. Every figure comes from domain/awards.py; this page only draws."""

from functools import partial

import streamlit as st

from common import formatting
from common.i18n import t
from domain import awards, partners
from ui import award_views, data, downloads, shell, tables
from ui.components import empty_state, source_caption

view = shell.view()
lang, year = view.lang, view.filters.year
status = shell.status()

st.title(t("awards_title", lang, year=year))
as_of = t("as_of", lang, date=formatting.date(status.as_of, lang))
st.caption(t("awards_scope", lang, year=year) + " · " + as_of)

choices = awards.awards()
code = st.segmented_control(
    t("awards_pick", lang),
    list(choices),
    default=awards.DEFAULT_AWARD,
    required=True,
    format_func=lambda choice: choices[choice].name(lang),
    key="penghargaan",
)
award = choices[code]
weights = award_views.weight_inputs(award, lang)
st.caption(t("awards_rule", lang))

data.start(partners.alignment, year)  # the ranking's gap share, on the other core while the rest is read
try:
    ranking = data.read(awards.ranking, year, code, weights)
except awards.NoWeights:
    ranking = None
    st.warning(t("awards_no_weight", lang, criteria=", ".join(c.name(lang) for c in award.criteria)))

if ranking is not None and ranking.empty:
    empty_state(t("awards_empty", lang, year=year))
elif ranking is not None:
    names = {c.code: c.name(lang) for c in award.criteria}
    notes = [t("awards_adjusted", lang, weights=award_views.published_text(award, lang))] if ranking.adjusted else []
    if ranking.left_out:
        notes.append(t("awards_left_out", lang, criteria=", ".join(names[c] for c in ranking.left_out)))
    if notes:
        st.info(" ".join(notes), icon=":material/tune:")

    st.subheader(t("awards_ranking", lang))
    frame, formats = award_views.ranking_table(ranking, lang)
    tables.show(frame, formats, lang, key="peringkat")
    content = partial(award_views.certificate_xlsx, ranking, lang)  # made when clicked
    name = f"penghargaan_{code}_{year}.xlsx"
    label = t("awards_download", lang)
    downloads.button(label, content, name, award_views.XLSX, what="award_list", rows=len(ranking.table))

    st.subheader(t("awards_breakdown", lang))
    everyone = t("awards_all_partners", lang)
    partner = st.selectbox(t("awards_pick_partner", lang), [everyone, *ranking.table["partner"]], key="rincian_mitra")
    frame, formats = award_views.breakdown_table(ranking, lang, None if partner == everyone else partner)
    tables.show(frame, formats, lang, key="rincian")
    st.caption(t("awards_breakdown_note", lang))
source_caption(status, lang)

"""Partners (issue 13): the registry, the profile, alignment with need, merges and their undo.

The hand-made data set below (2025 unless said otherwise; jt = Rp1.000.000):

  partner 1 'PT Alfa Energi' (BUMN, operates in 64.02 Kutai Kartanegara), program ALFA-1 (cat 24, jiwa):
      64.02 CSR  planned 700 jt, committed 700 jt, spent 600 jt, reached 100 of need 1.000 → 10 %: gap
      64.72 CSR  planned 500 jt, committed 500 jt, spent 300 jt, reached 0   (Samarinda, outside)
      64    CSR  planned 100 jt, committed 100 jt, spent 100 jt              (province-wide)
    spent 1.000 jt, in gap cells 600 jt (60 %), inside 600 jt (60 %), outside 300 jt, province 100 jt.
    2024: program ALFA-0, 64.02 CSR planned 200 jt, spent 150 jt.
  partner 2 'PT Beta Tambang' (Swasta, operates in 64.72 and 64.01):
      BETA-1 (cat 24, jiwa) 64.72 PPM planned 400 jt, committed 400 jt, spent 200 jt, reached 500
        → 64.72 × 24 reached 500 of need 1.000 = 50 %: no gap
      BETA-2 (cat 9, unit) 64.01 PPM planned 80 jt, committed 80 jt, spent 40 jt, and APBD_PROV
        planned 50 jt, spent 50 jt (not the partner's money). Need 64.01 × 9 = 8 + 8 (two kecamatan):
        16 ≥ 10 with only a unit program → gap for the forum; in the public view both figures are
        below 10 and left out, so the cell has no need and no flag there.
    spent 240 jt, in gap cells 40 jt (1/6), inside 240 jt (100 %).
  partner 3 'CV Gamma' (Lainnya, no operating region): GAMMA-1 (cat 9, jiwa) 64.02 CSR planned 50 jt,
    spent 50 jt, reached 5; files named it 'CV Gamma' and 'Gamma, CV' (two name variants).
"""

from __future__ import annotations

import datetime as dt
import functools
import json

import pandas as pd
import pytest

from common import formatting
from common.i18n import t
from data_loaders import importer, users
from data_loaders import partners as merge_module
from data_loaders.store import Store, open_store
from data_loaders.validation import validate
from domain import maps, partners
from domain.filters import Filters, Scope
from domain.gaps import area_categories
from domain.reader import Reader
from tests.conftest import app_test, filled_url, open_tab
from tests.test_map import classes_drawn
from ui import data

JT = 1_000_000
PARTNERS = [
    # id, name, name_key, sector, kind, operating_regions, forum_member
    (1, "PT Alfa Energi", "alfa energi", "Energi", "BUMN", "64.02", True),
    (2, "PT Beta Tambang", "beta tambang", "Pertambangan", "Swasta", "64.72;64.01", False),
    (3, "CV Gamma", "gamma", "Perdagangan", "Lainnya", None, True),
]
PROGRAMS = [
    # id, code, year, name, implementer, partner, ppks, unit
    (1, "ALFA-1", 2025, "Rumah Sehat Alfa", "PT. Alfa Energi", 1, 24, "jiwa"),
    (2, "ALFA-0", 2024, "Rumah Sehat Alfa 2024", "PT Alfa Energi", 1, 24, "jiwa"),
    (3, "BETA-1", 2025, "Beta Peduli", "PT Beta Tambang", 2, 24, "jiwa"),
    (4, "BETA-2", 2025, "Beta Sarana", "PT Beta Tambang", 2, 9, "unit"),
    (5, "GAMMA-1", 2025, "Gamma Sehat", "CV Gamma", 3, 9, "jiwa"),
    (6, "GAMMA-2", 2025, "Gamma Sehat 2", "Gamma, CV", 3, 9, "jiwa"),
]
ALLOCATIONS = [
    # program, region, source, budget, committed, spent, target, reached
    (1, "64.02", "CSR", 700 * JT, 700 * JT, 600 * JT, 200, 100),
    (1, "64.72", "CSR", 500 * JT, 500 * JT, 300 * JT, 100, 0),
    (1, "64", "CSR", 100 * JT, 100 * JT, 100 * JT, None, None),
    (2, "64.02", "CSR", 200 * JT, 200 * JT, 150 * JT, 50, 50),
    (3, "64.72", "PPM", 400 * JT, 400 * JT, 200 * JT, 500, 500),
    (4, "64.01", "PPM", 80 * JT, 80 * JT, 40 * JT, 2, 2),
    (4, "64.01", "APBD_PROV", 50 * JT, None, 50 * JT, 2, 2),
    (5, "64.02", "CSR", 30 * JT, 30 * JT, 30 * JT, 5, 5),
    (6, "64.02", "CSR", 20 * JT, 20 * JT, 20 * JT, 5, 5),
]
NEED = [(2025, "64.02", 24, 1000), (2025, "64.72", 24, 1000), (2025, "64.01.01", 9, 8), (2025, "64.01.02", 9, 8)]


def build_partners(store: Store) -> None:
    """Store the data set of the module docstring (one import, id 1)."""
    programs = pd.DataFrame(
        PROGRAMS,
        columns=[
            "id",
            "program_code",
            "year",
            "name",
            "implementer",
            "partner_id",
            "ppks_category_id",
            "beneficiary_unit",
        ],
    ).assign(assistance_type="Lainnya", status="berjalan", import_id=1)
    allocations = pd.DataFrame(
        ALLOCATIONS,
        columns=[
            "program_id", "region_code", "funding_source", "budget_idr", "committed_idr", "spent_idr",
            "target_beneficiaries", "reached_beneficiaries",
        ],
    ).assign(import_id=1)  # fmt: skip
    frame = pd.DataFrame(
        PARTNERS, columns=["id", "name", "name_key", "sector", "kind", "operating_regions", "forum_member"]
    ).assign(import_id=1)
    need = pd.DataFrame(NEED, columns=["year", "region_code", "ppks_category_id", "count"]).assign(
        unit="jiwa", data_source="uji", import_id=1
    )
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (1, 'program', 'mitra.xlsx', 'test', ?, FALSE)",
            [dt.datetime(2026, 1, 10)],
        )
        tx.insert_frame("partners", frame)
        tx.insert_frame("programs", programs)
        tx.insert_frame("program_allocations", allocations)
        tx.insert_frame("ppks_counts", need)


@pytest.fixture
def partners_url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    return filled_url(store_url, monkeypatch, build_partners)


@pytest.fixture
def store(partners_url: str):
    opened = open_store(partners_url)
    yield opened
    opened.close()


# --- alignment ------------------------------------------------------------------------------------


def test_alignment_shares_by_hand(store: Store) -> None:
    table = partners.alignment(Reader(store), 2025).table.set_index("partner_id")
    alfa = table.loc[1]
    assert alfa["spent"] == 1000 * JT
    assert alfa["spent_in_gaps"] == 600 * JT
    assert alfa["gap_share"] == pytest.approx(0.60)  # 600 of 1.000 jt in gap cells
    assert (alfa["spent_inside"], alfa["spent_outside"], alfa["spent_province_wide"]) == (600 * JT, 300 * JT, 100 * JT)
    assert alfa["inside_share"] == pytest.approx(0.60)
    beta = table.loc[2]
    assert beta["spent"] == 240 * JT  # PPM 200 + 40; the APBD share of BETA-2 is not Beta's money
    assert beta["spent_in_gaps"] == 40 * JT
    assert beta["gap_share"] == pytest.approx(40 / 240)
    assert (beta["spent_inside"], beta["spent_outside"], beta["inside_share"]) == (240 * JT, 0, 1.0)
    gamma = table.loc[3]
    assert gamma["spent"] == 50 * JT and gamma["gap_share"] == 0
    assert pd.isna(gamma["spent_inside"]) and pd.isna(gamma["inside_share"])  # no operating region listed


def test_alignment_is_the_same_for_a_mitra_and_the_forum(store: Store) -> None:
    forum = partners.alignment(Reader(store), 2025).table
    mitra = partners.alignment(Reader(store, Scope(public=True, own_partner_id=2)), 2025).table
    pd.testing.assert_frame_equal(forum, mitra)
    assert mitra.set_index("partner_id").loc[2, "spent_in_gaps"] == 40 * JT  # the forum's gap flag, not the public one
    public = area_categories(Reader(store, Scope(public=True, own_partner_id=2)), Filters(year=2025)).table
    assert not public[(public["area_code"] == "64.01") & (public["ppks_category_id"] == 9)]["gap"].any()


def test_alignment_of_a_year_without_spending(store: Store) -> None:
    assert partners.alignment(Reader(store), 2030).table.empty


# --- the registry ---------------------------------------------------------------------------------


def test_registry_amounts_csr_and_ppm_apart_and_together(store: Store) -> None:
    registry = partners.registry(Reader(store), Filters(year=2025))
    table = registry.table.set_index("partner_id")
    assert list(registry.table["name"]) == ["CV Gamma", "PT Alfa Energi", "PT Beta Tambang"]  # by name
    alfa, beta, gamma = table.loc[1], table.loc[2], table.loc[3]
    assert (alfa["budget_csr"], alfa["spent_csr"], alfa["budget_ppm"]) == (1300 * JT, 1000 * JT, 0)
    assert (alfa["budget"], alfa["committed"], alfa["spent"]) == (1300 * JT, 1300 * JT, 1000 * JT)
    assert alfa["realisation"] == pytest.approx(1000 / 1300)
    assert (beta["budget_ppm"], beta["spent_ppm"], beta["spent_csr"]) == (480 * JT, 240 * JT, 0)
    assert beta["budget"] == 480 * JT  # the APBD share of BETA-2 (50 jt) is not Beta's money
    assert (alfa["programs"], beta["programs"], gamma["programs"]) == (1, 2, 2)
    assert alfa["kind"] == "BUMN" and alfa["region_names"] == "Kutai Kartanegara" and alfa["forum_member"]
    assert beta["operating_regions"] == ("64.72", "64.01") and beta["region_names"] == "Samarinda, Paser"
    assert gamma["variants"] == 2 and alfa["variants"] == 2  # 'CV Gamma'/'Gamma, CV'; 'PT. Alfa'/'PT Alfa'
    years = registry.years
    alfa_2024 = years[(years["partner_id"] == 1) & (years["year"] == 2024)].iloc[0]
    assert (alfa_2024["funding_source"], alfa_2024["budget"], alfa_2024["spent"]) == ("CSR", 200 * JT, 150 * JT)


def test_registry_search_reads_name_variants_as_one_partner(store: Store) -> None:
    registry = partners.registry(Reader(store), Filters(year=2025))
    for text in ("PT. Alfa Energi", "Alfa Energi, PT", "PT Alfa Energi Tbk", "alfa"):
        assert list(registry.find(text)["partner_id"]) == [1], text
    assert list(registry.find("pertambangan")["partner_id"]) == [2]  # the sector
    assert len(registry.find("")) == 3 and registry.find("Delta").empty


# --- the profile ----------------------------------------------------------------------------------


def test_profile_figures_by_hand(store: Store) -> None:
    profile = partners.profile(Reader(store), 2, Filters(year=2025))
    assert list(profile.programs["program_code"]) == ["BETA-1", "BETA-2"]
    assert (profile.budget, profile.spent) == (480 * JT, 240 * JT)
    assert profile.realisation == pytest.approx(0.5)
    assert profile.reached_jiwa == 500 and pd.isna(profile.reached_kk)  # BETA-2 counts units, not people
    assert list(profile.places["region_code"]) == ["64.01", "64.72"]
    assert list(profile.categories["ppks_category_id"]) == [9, 24]
    assert (profile.reported, profile.reported_of) == (2, 2)
    assert profile.alignment["gap_share"] == pytest.approx(40 / 240)


def _profile_values(profile: partners.Profile) -> tuple:
    return (
        profile.programs.to_dict("list"), profile.places.to_dict("list"), profile.categories.to_dict("list"),
        profile.budget, profile.spent, profile.realisation, profile.reached_jiwa, profile.reached_kk,
        profile.reported, profile.reported_of, profile.reporting.table.to_dict("list"),
        profile.alignment.to_dict(), profile.partner.to_dict(),
    )  # fmt: skip


@pytest.mark.parametrize("partner_id", [1, 2])
def test_a_mitra_sees_the_same_profile_as_the_forum(store: Store, partner_id: int) -> None:
    forum = partners.profile(Reader(store), partner_id, Filters(year=2025))
    mitra = partners.profile(
        Reader(store, Scope(public=True, own_partner_id=partner_id)), partner_id, Filters(year=2025)
    )
    assert repr(_profile_values(mitra)) == repr(_profile_values(forum))


# --- merges ---------------------------------------------------------------------------------------


def _audit(store: Store, action: str) -> pd.DataFrame:
    return store.query("SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY id", [action])


def test_merge_and_undo(store: Store) -> None:
    merge_id = merge_module.merge(store, 1, 3, "admin-uji")
    owners = store.query("SELECT id, partner_id FROM programs ORDER BY id").set_index("id")["partner_id"]
    assert list(owners) == [1, 1, 2, 2, 1, 1]  # GAMMA-1 and GAMMA-2 now belong to Alfa
    assert store.scalar("SELECT merged_into FROM partners WHERE id = 3") == 1
    moved = store.query("SELECT program_id FROM partner_merge_programs WHERE merge_id = ? ORDER BY 1", [merge_id])
    assert list(moved["program_id"]) == [5, 6]
    assert _audit(store, "partner_merge")["actor"].tolist() == ["admin-uji"]
    registry = partners.registry(Reader(store), Filters(year=2025)).table.set_index("partner_id")
    assert 3 not in registry.index and registry.loc[1, "spent"] == 1050 * JT and registry.loc[1, "programs"] == 3
    with pytest.raises(users.UserError) as refused:  # a company user cannot be bound to the merged record
        users.add_user(store, "gamma", "mitra", "kata-sandi-panjang", "admin-uji", partner_id=3)
    assert "digabung ke #1 PT Alfa Energi" in refused.value.message("id")

    assert merge_module.unmerge(store, merge_id, "admin-uji") == 2
    owners = store.query("SELECT id, partner_id FROM programs ORDER BY id").set_index("id")["partner_id"]
    assert list(owners) == [1, 1, 2, 2, 3, 3]
    assert pd.isna(store.scalar("SELECT merged_into FROM partners WHERE id = 3"))
    undone = store.query("SELECT undone_by, undone_at FROM partner_merges WHERE id = ?", [merge_id]).iloc[0]
    assert undone["undone_by"] == "admin-uji" and not pd.isna(undone["undone_at"])
    assert '"programs": 2' in _audit(store, "partner_unmerge")["detail"].iloc[0]


def test_merge_refusals_change_nothing(store: Store) -> None:
    before = store.query("SELECT id, partner_id FROM programs ORDER BY id")
    refusals = [
        (lambda: merge_module.merge(store, 1, 1, "a"), "partner_merge_same"),
        (lambda: merge_module.merge(store, 1, 99, "a"), "partner_unknown"),
        (lambda: merge_module.unmerge(store, 42, "a"), "partner_merge_unknown"),
    ]
    for call, key in refusals:
        with pytest.raises(merge_module.PartnerError) as refused:
            call()
        assert refused.value.key == key
        assert "99" in str(refused.value) or key != "partner_unknown"
    merge_id = merge_module.merge(store, 1, 3, "a")
    for call, key in [
        (lambda: merge_module.merge(store, 2, 3, "a"), "partner_already_merged"),
        (lambda: merge_module.merge(store, 3, 2, "a"), "partner_already_merged"),
        (lambda: merge_module.merge(store, 2, 1, "a"), "partner_merge_chain"),
    ]:
        with pytest.raises(merge_module.PartnerError) as refused:
            call()
        assert refused.value.key == key
    merge_module.unmerge(store, merge_id, "a")
    with pytest.raises(merge_module.PartnerError) as refused:
        merge_module.unmerge(store, merge_id, "a")
    assert refused.value.key == "partner_merge_undone"
    assert refused.value.message("en").startswith(f"Merge #{merge_id} was already undone")
    assert store.query("SELECT id, partner_id FROM programs ORDER BY id").equals(before)
    assert len(_audit(store, "partner_merge")) == 1 and len(_audit(store, "partner_unmerge")) == 1


def test_merge_refused_while_a_mitra_user_is_bound_to_the_merged_partner(store: Store) -> None:
    users.add_user(store, "gamma-mitra", "mitra", "kata-sandi-panjang-sekali", "cli:uji", partner_id=3)
    with pytest.raises(merge_module.PartnerError) as refused:
        merge_module.merge(store, 1, 3, "a")
    assert refused.value.key == "partner_merge_users" and "gamma-mitra" in refused.value.message("id")
    assert pd.isna(store.scalar("SELECT merged_into FROM partners WHERE id = 3"))
    assert store.count("partner_merges") == 0


def test_a_program_file_naming_a_merged_partner_lands_on_the_kept_one(store: Store) -> None:
    merge_module.merge(store, 1, 3, "a")
    content = (
        b"kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp;realisasi_rp;status\n"
        b"GAMMA-9;Gamma Baru;Gamma, CV;CSR;2025;9;Kukar;10 juta;5 juta;berjalan\n"
    )
    result = validate("program.csv", content, "program")
    assert result.ok, [p.message() for p in result.errors]
    importer.apply(store, result, "tester")
    assert store.scalar("SELECT partner_id FROM programs WHERE program_code = 'GAMMA-9'") == 1


# --- the page -------------------------------------------------------------------------------------


def _page(role: str | None, partner_id: int | None = None, lang: str = "id"):
    at = app_test(role, partner_id=partner_id)
    at.query_params["tahun"] = "2025"
    if lang == "en":
        at.query_params["lang"] = "en"
    at.run()
    at.switch_page("app_pages/mitra.py").run()
    assert not at.exception, at.exception
    return at


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_shows_the_registry_and_the_profile(partners_url: str, lang: str) -> None:
    at = _page("analis", lang=lang)
    registry = at.dataframe[0].value
    name = t("partners_col_name", lang)
    names = list(registry.data[name]) if hasattr(registry, "data") else list(registry[name])
    assert names == ["CV Gamma", "PT Alfa Energi", "PT Beta Tambang"]
    spent = registry.data[t("col_spent", lang)] if hasattr(registry, "data") else registry[t("col_spent", lang)]
    assert list(spent) == [50 * JT, 1000 * JT, 240 * JT]
    assert not [s for s in at.selectbox if s.key == "profile_partner"]  # only the open tab runs
    open_tab(at, "partners_profile", lang)
    at.selectbox(key="profile_partner").set_value(1).run()
    metrics = _metrics(at)
    assert metrics[t("partners_m_gap", lang)] == formatting.percent(0.6, lang)
    assert metrics[t("partners_m_inside", lang)] == formatting.percent(0.6, lang)
    assert metrics[t("partners_m_spent", lang)] == formatting.money(1000 * JT, lang)
    assert not [b for b in at.button if b.key in ("merge_go", "unmerge_go")]  # analis: no merge controls
    place_map = next(
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if '"Choroplethmap"' in c.proto.spec or "choroplethmap" in c.proto.spec
    )
    drawn = classes_drawn(place_map)
    assert drawn[t("partners_map_inside", lang)] == ["64.02"]  # Alfa operates in Kukar and spends 600 jt there


def test_the_profile_starts_the_alignment_and_computes_it_once(partners_url: str, monkeypatch) -> None:
    computed: list[int] = []
    original = partners.alignment

    @functools.wraps(original)
    def counted(reader, year):
        computed.append(year)
        return original(reader, year)

    monkeypatch.setattr(partners, "alignment", counted)
    started = []
    monkeypatch.setattr(data, "_compute_started", _spy(data._compute_started, started))
    at = _page("analis")
    open_tab(at, "partners_profile")
    at.selectbox(key="profile_partner").set_value(1).run()
    assert data.wait_for_prefetch()
    assert [args[1].__qualname__ for args in started] == ["alignment"]  # begun beside the profile's views
    assert computed == [2025]  # once, whichever thread got there first
    assert _metrics(at)[t("partners_m_gap", "id")] == formatting.percent(0.6, "id")


def _spy(function, calls: list):
    @functools.wraps(function)
    def spy(*args):
        calls.append(args)
        return function(*args)

    return spy


def test_a_mitra_sees_its_own_profile_with_the_forums_figures(partners_url: str) -> None:
    forum = _page("analis")
    open_tab(forum, "partners_profile")
    forum.selectbox(key="profile_partner").set_value(2).run()
    mitra = _page("mitra", partner_id=2)
    assert mitra.session_state["bagian"] == t("partners_profile", "id")  # a mitra's page opens on its profile
    assert mitra.selectbox(key="profile_partner").value == 2  # its own, by default
    assert _metrics(mitra) == _metrics(forum)
    assert _metrics(mitra)[t("partners_m_gap", "id")] == formatting.percent(40 / 240, "id")
    for table in range(3):  # the profile's programs, places and categories
        pd.testing.assert_frame_equal(_frame(mitra.dataframe[table].value), _frame(forum.dataframe[table].value))


def _frame(value) -> pd.DataFrame:
    return value.data if hasattr(value, "data") else value


def test_admin_merges_and_undoes_on_the_page(partners_url: str) -> None:
    at = _page("admin")
    at.selectbox(key="merge_kept").set_value(1)
    at.selectbox(key="merge_merged").set_value(3)
    at.button(key="merge_go").click().run()
    assert not at.exception
    assert any("CV Gamma" in s.value and "PT Alfa Energi" in s.value for s in at.success)
    names = list(_frame(at.dataframe[0].value)[t("partners_col_name", "id")])
    assert names == ["PT Alfa Energi", "PT Beta Tambang"]
    at.button(key="unmerge_go").click().run()
    names = list(_frame(at.dataframe[0].value)[t("partners_col_name", "id")])
    assert names == ["CV Gamma", "PT Alfa Energi", "PT Beta Tambang"]
    at.selectbox(key="merge_kept").set_value(2)
    at.selectbox(key="merge_merged").set_value(2)
    at.button(key="merge_go").click().run()
    assert t("partner_merge_same", "id", partner_id=2) in at.error[0].value


def test_the_places_map_shows_spending_inside_and_outside_the_operating_regions():
    places = pd.DataFrame(
        {
            "kabkota_code": ["64.02", "64.02", "64.72", None],
            "spent": [400e6, 200e6, 300e6, 100e6],  # two kecamatan of Kukar, Samarinda, the province as a whole
            "programs": [1, 1, 1, 1],
        }
    )
    names = {"64.02": "Kutai Kartanegara", "64.72": "Samarinda", "64.03": "Berau", "64.11": "Mahakam Ulu"}
    values, classes = maps.partner_places(places, ("64.02", "64.03"), names, "id")
    assert dict(zip(values["code"], values["klass"], strict=True)) == {"64.02": 0, "64.72": 1, "64.03": 2, "64.11": -1}
    assert values.set_index("code").loc["64.02", "hover"] == "Kutai Kartanegara: realisasi Rp600\xa0jt (2 program)"
    assert [label for label, _ in classes] == [
        "Realisasi di wilayah operasi",
        "Realisasi di luar wilayah operasi",
        "Wilayah operasi tanpa realisasi",
    ]


def test_the_profile_keeps_its_partner_while_another_tab_is_open(partners_url: str) -> None:
    at = _page("analis")
    open_tab(at, "partners_profile")
    at.selectbox(key="profile_partner").set_value(2).run()
    open_tab(at, "partners_registry")  # the profile's widgets are not drawn
    open_tab(at, "partners_profile")
    assert at.selectbox(key="profile_partner").value == 2 and at.query_params["profile_partner"] == "PT Beta Tambang"

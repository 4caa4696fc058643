"""Apresiasi & penghargaan (issue 13, item 5): scores, totals and ranks computed by hand on a small
hand-made store, ties, adjusted weights, the `awards` command's JSON, and the page in both languages.

The store (built by `build_awards_store`), 2025, CSR/TJSL and PPM rows of four partners:

  partner   programs (region, PPKS, unit)                  planned  spent   target → reached  reported
  1 Alfa    P1 64.02 Fakir Miskin jiwa, CSR                400 M    300 M   100 → 50           on time
            P4 64.02 Lintas PPKS 'unit', CSR               100 M    –       –                   not reported
  2 Beta    P2 64.72 Fakir Miskin jiwa, PPM                200 M    200 M   100 → 90 jiwa      on time
            P10 64.72 Fakir Miskin KK, PPM                  50 M     50 M    10 → 7 KK          on time
  3 Gamma   P3 64.02 Fakir Miskin jiwa, CSR                100 M    100 M    20 → 20           late
  4 Delta   P8 64.02 Fakir Miskin jiwa, CSR                100 M    100 M    20 → 20           late

Need 2025 (jiwa): 64.02 × Fakir Miskin 1,000 (reached 50 + 20 + 20 = 90, coverage 9 % < 25 %: a gap);
64.72 × Fakir Miskin 100 (reached 90, coverage 90 %: no gap). Earlier years (an import of sample
data, which has no due date): 2024 Alfa P5 (100 M planned, 80 M spent, 10 → 10 jiwa) and Beta P6
(100 M, 100 M, 50 → 50); 2023 Beta P7 (50 M, 50 M); 2022 one Dinas Sosial program, no partner.

Values 2025 (best in brackets):
  spent        Alfa 300 M, Beta 250 M, Gamma 100 M, Delta 100 M              [300 M]
  gap_share    Alfa 300/300 = 1, Beta 0, Gamma 1, Delta 1                    [1]
  reach        Alfa 50/100 = 0.5, Beta mean(90/100, 7/10) = 0.8, Gamma 1, Delta 1  [1]
  realisation  Alfa 300/500 = 0.6, Beta 1, Gamma 1, Delta 1                  [1]
  on_time      Alfa 1/2 = 0.5, Beta 2/2 = 1, Gamma 0, Delta 0                [1]
  continuity   Alfa 2 (2024, 2025), Beta 3 (2023–2025), Gamma 1, Delta 1     [3]
"""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pandas as pd
import pytest

from data_loaders.__main__ import main
from data_loaders.store import Store, open_store
from domain import awards
from domain.filters import Scope
from domain.reader import Reader
from tests.conftest import app_test, filled_url
from ui import award_views

M = 1_000_000
PARTNERS = [(1, "PT Alfa Energi", "64.02"), (2, "PT Beta Sejahtera", "64.72"), (3, "PT Gamma Mandiri", "64.02"),
            (4, "PT Delta Nusantara", "64.02")]  # fmt: skip
# id, code, year, implementer (partner id), ppks, unit, import
PROGRAMS = [
    (1, "P1", 2025, 1, 24, "jiwa", 1),
    (4, "P4", 2025, 1, None, "unit", 1),
    (2, "P2", 2025, 2, 24, "jiwa", 1),
    (10, "P10", 2025, 2, 24, "KK", 1),
    (3, "P3", 2025, 3, 24, "jiwa", 2),
    (8, "P8", 2025, 4, 24, "jiwa", 2),
    (5, "P5", 2024, 1, 24, "jiwa", 3),
    (6, "P6", 2024, 2, 24, "jiwa", 3),
    (7, "P7", 2023, 2, 24, "jiwa", 3),
    (9, "P9", 2022, None, 24, "jiwa", 3),
]
# program, region, source, budget, spent, target, reached
ALLOCATIONS = [
    (1, "64.02", "CSR", 400 * M, 300 * M, 100, 50),
    (4, "64.02", "CSR", 100 * M, None, None, None),
    (2, "64.72", "PPM", 200 * M, 200 * M, 100, 90),
    (10, "64.72", "PPM", 50 * M, 50 * M, 10, 7),
    (3, "64.02", "CSR", 100 * M, 100 * M, 20, 20),
    (8, "64.02", "CSR", 100 * M, 100 * M, 20, 20),
    (5, "64.02", "CSR", 100 * M, 80 * M, 10, 10),
    (6, "64.72", "PPM", 100 * M, 100 * M, 50, 50),
    (7, "64.72", "PPM", 50 * M, 50 * M, 5, 5),
    (9, "64.02", "APBD_PROV", 100 * M, 90 * M, 10, 10),
]
# import id, imported at, sample: 2025 realisation is due by 31 January 2026
IMPORTS = [
    (1, dt.datetime(2026, 1, 15), False),
    (2, dt.datetime(2026, 3, 1), False),
    (3, dt.datetime(2025, 1, 10), True),
]


def build_awards_store(store: Store) -> None:
    """The store of the module docstring."""
    names = dict((i, n) for i, n, _ in PARTNERS)
    partners = pd.DataFrame(
        [(i, n, n.lower(), "Pertambangan Batubara", "Swasta", r, True, 1) for i, n, r in PARTNERS],
        columns=["id", "name", "name_key", "sector", "kind", "operating_regions", "forum_member", "import_id"],
    )
    programs = pd.DataFrame(
        [
            (
                i,
                code,
                year,
                f"Program {code}",
                names.get(p, "Dinas Sosial Provinsi Kalimantan Timur"),
                p,
                ppks,
                "Lainnya",
                unit,
                "selesai",
                imp,
            )
            for i, code, year, p, ppks, unit, imp in PROGRAMS
        ],
        columns=[
            "id",
            "program_code",
            "year",
            "name",
            "implementer",
            "partner_id",
            "ppks_category_id",
            "assistance_type",
            "beneficiary_unit",
            "status",
            "import_id",
        ],
    )
    programs["partner_id"] = programs["partner_id"].astype("Int64")
    programs["ppks_category_id"] = programs["ppks_category_id"].astype("Int64")
    imports_of = {i: imp for i, *_, imp in PROGRAMS}
    allocations = pd.DataFrame(
        [(*row, imports_of[row[0]]) for row in ALLOCATIONS],
        columns=["program_id", "region_code", "funding_source", "budget_idr", "spent_idr", "target_beneficiaries",
                 "reached_beneficiaries", "import_id"],
    )  # fmt: skip
    for column in ("spent_idr", "target_beneficiaries", "reached_beneficiaries"):
        allocations[column] = allocations[column].astype("Int64")
    need = pd.DataFrame(
        [(2025, "64.02", 24, 1000, "jiwa", "Dinsos", 1), (2025, "64.72", 24, 100, "jiwa", "Dinsos", 1)],
        columns=["year", "region_code", "ppks_category_id", "count", "unit", "data_source", "import_id"],
    )
    with store.transaction() as tx:
        for import_id, at, sample in IMPORTS:
            tx.execute(
                "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
                "VALUES (?, 'program', ?, 'test', ?, ?)",
                [import_id, f"program_{import_id}.xlsx", at, sample],
            )
        tx.insert_frame("partners", partners)
        tx.insert_frame("programs", programs)
        tx.insert_frame("program_allocations", allocations)
        tx.insert_frame("ppks_counts", need)


@pytest.fixture
def awards_url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    return filled_url(store_url, monkeypatch, build_awards_store)


@pytest.fixture
def reader(awards_url: str):
    store = open_store(awards_url, read_only=True)
    yield Reader(store)
    store.close()


def order(ranking: awards.Ranking) -> list[str]:
    return [name.split()[1] for name in ranking.table["partner"]]


def totals(ranking: awards.Ranking) -> dict[str, float]:
    return {
        name.split()[1]: total for name, total in zip(ranking.table["partner"], ranking.table["total"], strict=True)
    }


# --- values, scores, totals and ranks by hand ------------------------------------------------------


def test_values_and_scores_of_the_overall_award(reader):
    ranking = awards.ranking(reader, 2025)
    rows = ranking.table.set_index(ranking.table["partner"].str.split().str[1])
    assert rows.loc["Alfa", "spent_value"] == 300 * M
    assert rows.loc["Beta", "spent_value"] == 250 * M
    assert rows.loc["Alfa", "gap_share_value"] == 1.0
    assert rows.loc["Beta", "gap_share_value"] == 0.0
    assert rows.loc["Alfa", "reach_value"] == pytest.approx(0.5)
    assert rows.loc["Beta", "reach_value"] == pytest.approx((0.9 + 0.7) / 2)  # jiwa and KK apart, never added
    assert rows.loc["Alfa", "realisation_value"] == pytest.approx(0.6)  # P4 planned, nothing reported spent
    assert rows.loc["Alfa", "on_time_value"] == pytest.approx(0.5)  # P4 not reported: not on time
    assert rows.loc["Beta", "on_time_value"] == 1.0
    assert rows.loc["Gamma", "on_time_value"] == 0.0  # imported after 31 January 2026
    assert list(rows.loc[["Alfa", "Beta", "Gamma", "Delta"], "continuity_value"]) == [2, 3, 1, 1]
    assert list(rows.loc[["Alfa", "Beta"], "reached_jiwa"]) == [50, 90]
    assert rows.loc["Beta", "reached_kk"] == 7
    # value ÷ best × 100
    assert rows.loc["Beta", "spent_score"] == pytest.approx(250 / 300 * 100)
    assert rows.loc["Gamma", "spent_score"] == pytest.approx(100 / 300 * 100)
    assert rows.loc["Alfa", "continuity_score"] == pytest.approx(2 / 3 * 100)
    assert rows.loc["Beta", "reach_score"] == pytest.approx(80)
    assert dict(ranking.best)["spent"] == 300 * M
    assert ranking.left_out == ()


def test_people_not_reported_are_missing_not_zero(awards_url):
    store = open_store(awards_url)
    try:
        with store.transaction() as tx:  # Gamma's one program (P3, jiwa) reports no reach
            tx.execute("UPDATE program_allocations SET reached_beneficiaries = NULL WHERE program_id = 3")
        ranking = awards.ranking(Reader(store), 2025)
    finally:
        store.close()
    rows = ranking.table.set_index(ranking.table["partner"].str.split().str[1])
    assert pd.isna(rows.loc["Gamma", "reached_jiwa"]) and pd.isna(rows.loc["Gamma", "reach_value"])
    assert pd.isna(rows.loc["Alfa", "reached_kk"])  # no program counted in KK
    assert rows.loc["Beta", "reached_kk"] == 7 and rows.loc["Delta", "reached_jiwa"] == 20


def test_totals_and_ranks_of_each_award(reader):
    overall = awards.ranking(reader, 2025, "mitra_terbaik")  # weights 25, 20, 15, 15, 15, 10
    assert totals(overall) == pytest.approx(
        {
            "Alfa": (25 * 100 + 20 * 100 + 15 * 50 + 15 * 60 + 15 * 50 + 10 * 200 / 3) / 100,  # 75.67
            "Beta": (25 * 250 / 3 + 0 + 15 * 80 + 15 * 100 + 15 * 100 + 10 * 100) / 100,  # 72.83
            "Gamma": (25 * 100 / 3 + 20 * 100 + 15 * 100 + 15 * 100 + 0 + 10 * 100 / 3) / 100,  # 61.67
            "Delta": (25 * 100 / 3 + 20 * 100 + 15 * 100 + 15 * 100 + 0 + 10 * 100 / 3) / 100,
        }
    )
    # Gamma and Delta tie on total and on amount spent: the name decides (Delta before Gamma, although
    # Gamma's partner id is lower).
    assert order(overall) == ["Alfa", "Beta", "Delta", "Gamma"]
    assert list(overall.table["rank"]) == [1, 2, 3, 4]
    assert list(overall.table["tied"]) == [False, False, True, True]

    targeted = awards.ranking(reader, 2025, "tepat_sasaran")  # gap_share 60, reach 25, realisation 15
    assert totals(targeted) == pytest.approx({"Alfa": 81.5, "Beta": 35.0, "Gamma": 100.0, "Delta": 100.0})
    assert order(targeted) == ["Delta", "Gamma", "Alfa", "Beta"]

    steady = awards.ranking(reader, 2025, "konsistensi")  # continuity 50, on_time 30, realisation 20
    assert totals(steady) == pytest.approx(
        {"Alfa": (50 * 200 / 3 + 30 * 50 + 20 * 60) / 100, "Beta": 100.0, "Gamma": (50 * 100 / 3 + 20 * 100) / 100,
         "Delta": (50 * 100 / 3 + 20 * 100) / 100}
    )  # fmt: skip
    assert order(steady) == ["Beta", "Alfa", "Delta", "Gamma"]


def test_ties_are_broken_by_money_spent_then_by_name(reader):
    only_realisation = tuple((code, 1.0 if code == "realisation" else 0.0) for code in awards.CRITERIA)
    ranking = awards.ranking(reader, 2025, "mitra_terbaik", only_realisation)
    # Beta, Gamma and Delta all score 100: Beta spent 250 M, Gamma and Delta 100 M each.
    assert totals(ranking) == pytest.approx({"Beta": 100, "Delta": 100, "Gamma": 100, "Alfa": 60})
    assert order(ranking) == ["Beta", "Delta", "Gamma", "Alfa"]
    assert list(ranking.table["tied"]) == [True, True, True, False]


def test_adjusted_weights_change_the_rank(reader):
    # Without the amount spent: 20, 15, 15, 15, 10 of 75.
    ranking = awards.ranking(reader, 2025, "mitra_terbaik", (("spent", 0.0),))
    assert ranking.adjusted
    assert dict(ranking.weights)["gap_share"] == 20  # a criterion not named keeps its published weight
    assert totals(ranking) == pytest.approx(
        {"Alfa": (2000 + 750 + 900 + 750 + 2000 / 3) / 75, "Beta": (1200 + 1500 + 1500 + 1000) / 75,
         "Gamma": (2000 + 1500 + 1500 + 1000 / 3) / 75, "Delta": (2000 + 1500 + 1500 + 1000 / 3) / 75}
    )  # fmt: skip
    assert order(ranking) == ["Delta", "Gamma", "Beta", "Alfa"]  # Alfa was first with the published weights
    assert not awards.ranking(reader, 2025, "mitra_terbaik").adjusted


def test_a_criterion_without_any_value_is_left_out(reader):
    # 2024 comes from sample data, which has no due date: reporting on time has no value at all.
    ranking = awards.ranking(reader, 2024)
    assert ranking.left_out == ("on_time",)
    used = dict(ranking.used)
    assert used["on_time"] == 0
    assert used["spent"] == pytest.approx(25 / 85)
    assert sum(used.values()) == pytest.approx(1)
    # No need in 2024, so no gap: gap_share is 0 for both, and the best of 0 scores everyone 0.
    assert totals(ranking) == pytest.approx(
        {
            "Alfa": (25 * 80 + 15 * 100 + 15 * 80 + 10 * 50) / 85,
            "Beta": (25 * 100 + 15 * 100 + 15 * 100 + 10 * 100) / 85,
        }
    )
    assert order(ranking) == ["Beta", "Alfa"]


def test_weights_that_leave_nothing_to_score_are_refused(reader):
    with pytest.raises(awards.NoWeights):
        awards.ranking(reader, 2024, "mitra_terbaik", tuple((code, 0.0) for code in awards.CRITERIA))
    with pytest.raises(ValueError, match="0 or more"):
        awards.ranking(reader, 2025, "mitra_terbaik", (("spent", -1.0),))
    with pytest.raises(ValueError, match="not criteria of 'konsistensi'"):
        awards.ranking(reader, 2025, "konsistensi", (("spent", 1.0),))
    with pytest.raises(ValueError, match="unknown award category"):
        awards.ranking(reader, 2025, "terbaik_sekali")


def test_a_year_without_partners_ranks_nobody(reader):
    assert awards.ranking(reader, 2022).empty
    assert awards.ranking(reader, 2019).records() == []


def test_scores_rule():
    values = pd.Series([4.0, 2.0, None, 0.0])
    assert list(awards.scores(values, "naik")) == [100.0, 50.0, 0.0, 0.0]
    assert list(awards.scores(pd.Series([2.0, 4.0, None]), "turun")) == [100.0, 50.0, 0.0]
    assert list(awards.scores(pd.Series([0.0, 3.0]), "turun")) == [100.0, 0.0]
    assert list(awards.scores(pd.Series([0.0, 0.0]), "naik")) == [0.0, 0.0]
    assert list(awards.scores(pd.Series([None, None], dtype=float), "naik")) == [0.0, 0.0]


def test_the_published_criteria_file():
    found = awards.awards()
    assert list(found) == ["mitra_terbaik", "tepat_sasaran", "konsistensi"]
    assert [c.code for c in found["mitra_terbaik"].criteria] == list(awards.CRITERIA)
    names = {}
    for award in found.values():
        assert sum(c.weight for c in award.criteria) == 100
        for c in award.criteria:  # one name and definition per criterion, whatever the award
            assert names.setdefault(c.code, (c.name_id, c.name_en, c.definition_en)) == (
                c.name_id, c.name_en, c.definition_en)  # fmt: skip


# --- JSON and the command line --------------------------------------------------------------------


def test_records_hold_the_weighted_sum(reader):
    records = awards.ranking(reader, 2024).records()
    assert [r["rank"] for r in records] == [1, 2]
    for record in records:
        weighted = sum(c["weight"] * c["score"] for c in record["criteria"].values())
        assert record["total"] == weighted  # summed in the same order: exactly
    assert records[1]["criteria"]["on_time"] == {"value": None, "score": 0.0, "weight": 0.0}


def test_awards_command_json(awards_url, capsys):
    assert main(["awards", "--year", "2025", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    expected = ["PT Alfa Energi", "PT Beta Sejahtera", "PT Delta Nusantara", "PT Gamma Mandiri"]
    assert [(r["rank"], r["partner"]) for r in records] == list(enumerate(expected, start=1))
    assert records[0]["total"] == pytest.approx(75 + 2 / 3)
    assert set(records[0]["criteria"]) == set(awards.CRITERIA)
    assert records[0]["criteria"]["spent"] == {"value": 300 * M, "score": 100.0, "weight": 0.25}
    for record in records:
        assert set(record) == {"partner", "partner_id", "rank", "total", "criteria"}
        assert record["total"] == pytest.approx(sum(c["weight"] * c["score"] for c in record["criteria"].values()))
        assert sum(c["weight"] for c in record["criteria"].values()) == pytest.approx(1)
    assert [r["total"] for r in records] == sorted((r["total"] for r in records), reverse=True)

    assert main(["awards", "--year", "2025", "--format", "json", "--category", "tepat_sasaran"]) == 0
    targeted = json.loads(capsys.readouterr().out)
    assert [r["partner"] for r in targeted][:2] == ["PT Delta Nusantara", "PT Gamma Mandiri"]
    assert set(targeted[0]["criteria"]) == {"gap_share", "reach", "realisation"}


def test_awards_command_table_and_exit_codes(awards_url, capsys, monkeypatch):
    assert main(["awards", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Mitra terbaik 2025" in out
    assert "PT Alfa Energi 75,67" in " ".join(out.split())
    assert main(["awards", "--year", "2019"]) == 1
    assert "Tidak ada data program atau PPKS untuk tahun 2019. Tahun yang ada: 2022, 2023, 2024, 2025" in (
        capsys.readouterr().err
    )
    assert main(["awards", "--year", "2022"]) == 1  # data, but no partner's program
    assert "Tidak ada mitra dengan dana CSR/TJSL atau PPM pada tahun 2022" in capsys.readouterr().err
    monkeypatch.setenv("SINERGI_LANG", "en")
    assert main(["awards", "--year", "2022"]) == 1
    assert "No partner has CSR/TJSL or PPM money in 2022" in capsys.readouterr().err
    assert main(["awards", "--year", "2019", "--format", "json"]) == 1
    assert "Years with data: 2022, 2023, 2024, 2025. Choose one with --year." in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["awards", "--year", "2025", "--category", "terbaik_sekali"])
    assert exit_info.value.code == 2


# --- the page and the certificate list ------------------------------------------------------------


def test_certificate_list_has_numeric_cells(reader):
    ranking = awards.ranking(reader, 2025, "tepat_sasaran")
    sheet = openpyxl.load_workbook(io.BytesIO(award_views.certificate_xlsx(ranking, "en"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Rank", "Partner", "Award", "Total score", "Year")
    assert rows[1] == (1, "PT Delta Nusantara", "Best targeted", 100, 2025)
    assert rows[3] == (3, "PT Alfa Energi", "Best targeted", 81.5, 2025)
    assert all(isinstance(row[0], int) and isinstance(row[3], int | float) for row in rows[1:])


def page(lang: str):
    at = app_test("analis")
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/apresiasi.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("lang", "title", "partner", "total", "award"),
    [("id", "Apresiasi & penghargaan 2025", "Mitra", "Total skor", "Mitra terbaik"),
     ("en", "Appreciation & awards 2025", "Partner", "Total score", "Best partner overall")],
)  # fmt: skip
def test_page_shows_the_ranking(awards_url, lang, title, partner, total, award):
    at = page(lang)
    assert at.title[0].value == title
    criteria, ranking, breakdown = (frame.value for frame in at.dataframe)
    assert list(ranking[partner]) == ["PT Alfa Energi", "PT Beta Sejahtera", "PT Delta Nusantara", "PT Gamma Mandiri"]
    assert list(ranking[total]) == pytest.approx([75 + 2 / 3, 72 + 5 / 6, 61 + 2 / 3, 61 + 2 / 3])
    assert len(breakdown) == 4 * 6
    contributions = breakdown.groupby(breakdown.columns[1], sort=False)[breakdown.columns[-1]].sum()
    assert list(contributions) == pytest.approx(list(ranking[total]))
    assert len(criteria) == 6
    assert at.get("button_group")[0].proto.options[0].content == award
    assert [w.icon for w in at.warning] == [":material/science:"]  # only the sample-data notice (2024's import)


def test_page_weights_change_the_rank(awards_url):
    at = page("en")
    at.number_input(key="bobot_mitra_terbaik_spent").set_value(0.0).run()
    ranking = at.dataframe[1].value
    assert list(ranking["Partner"]) == ["PT Delta Nusantara", "PT Gamma Mandiri", "PT Beta Sejahtera", "PT Alfa Energi"]
    assert any("the published weights" in info.value for info in at.info)
    at.button(key="bobot_mitra_terbaik_reset").click().run()
    assert at.dataframe[1].value["Partner"].iloc[0] == "PT Alfa Energi"


def test_an_operator_and_a_company_see_the_forums_ranking(awards_url: str) -> None:
    store = open_store(awards_url, read_only=True)
    try:
        forum = awards.ranking(Reader(store), 2025).table
        for scope in (Scope(kabkota=("64.72",)), Scope(public=True, own_partner_id=1)):
            pd.testing.assert_frame_equal(awards.ranking(Reader(store, scope), 2025).table, forum)
    finally:
        store.close()

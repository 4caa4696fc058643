"""Indicator formulas, traffic lights, program indicators, reporting compliance, the narrative
rules and period locking, on the hand-made fixture (tests/fixture_data.py)."""

import datetime as dt
import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from data_loaders import importer, periods
from data_loaders.demo import build_demo
from data_loaders.store import open_store
from data_loaders.validation import validate
from domain import charts, evaluation
from domain.evaluation import (
    LightThresholds,
    achievement,
    deadline,
    implementer_scorecard,
    indicators,
    light,
    narrative,
    program_indicators,
    realisation_trend,
    reporting,
    summary,
)
from domain.filters import Filters, Scope
from domain.reader import Reader
from tests.conftest import app_test, open_tab

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("actual", "target", "direction", "expected"),
    [
        (90, 100, "naik", 0.9),
        (120, 100, "naik", 1.2),
        (5, 0, "naik", 1.0),
        (0, 0, "naik", 1.0),
        (8, 4, "turun", 0.5),
        (4, 8, "turun", 1.0 * 2),
        (0, 4, "turun", 1.0),
        (3, 0, "turun", 0.0),
        (None, 100, "naik", None),
        (50, None, "naik", None),
        (float("nan"), 100, "turun", None),
    ],
)
def test_achievement(actual, target, direction, expected):
    assert achievement(actual, target, direction) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.3, "green"),
        (0.9, "green"),
        (0.8999, "amber"),
        (0.6, "amber"),
        (0.5999, "red"),
        (0.0, "red"),
        (None, "none"),
        (float("nan"), "none"),
    ],
)
def test_light_thresholds(value, expected):
    assert light(value) == expected


def test_light_thresholds_are_settings():
    assert light(0.85, LightThresholds(green=0.8, amber=0.5)) == "green"


def test_lower_is_better_gets_the_inverted_light():
    assert light(achievement(12, 10, "turun")) == "amber"  # 10 ÷ 12 = 0.83
    assert light(achievement(10, 12, "turun")) == "green"
    assert light(achievement(20, 10, "turun")) == "red"


def add_indicators(store) -> None:
    rows = pd.DataFrame(
        [
            ("SPM-PROV-1", "x", 2025, "Tahunan", "64", 70.0, 100.0, 95.0, "%", "naik"),
            ("SPM-PROV-2", "x", 2025, "Tahunan", "64", 60.0, 100.0, 80.0, "%", "naik"),
            ("SPM-PROV-3", "x", 2025, "Tahunan", "64", 50.0, 100.0, None, "%", "naik"),
            ("IKU-RTLH", "Persentase RTLH", 2025, "Tahunan", "64.02", 10.0, 7.0, 14.0, "%", "turun"),
        ],
        columns=[
            "indicator_code",
            "name",
            "year",
            "period",
            "region_code",
            "baseline",
            "target",
            "actual",
            "unit",
            "direction",
        ],
    )
    with store.transaction() as tx:
        tx.insert_frame("indicators", rows.assign(import_id=1))


def test_indicators_join_their_shipped_definitions(fixture_store):
    add_indicators(fixture_store)
    reader = Reader(fixture_store)
    frame = indicators(reader, Filters(2025)).table.set_index("code")
    assert frame.loc["SPM-PROV-1", "name"].startswith("Persentase penyandang disabilitas telantar")
    assert frame.loc["SPM-PROV-1", "formula"] == "X ÷ Y × 100 %"
    assert "Permensos 9/2018" in frame.loc["SPM-PROV-1", "source"]
    assert frame.loc["SPM-PROV-1", "period"] == "Tahunan"  # a code: the page translates it
    assert frame["light"].to_dict() == {
        "SPM-PROV-1": "green",
        "SPM-PROV-2": "amber",
        "SPM-PROV-3": "none",
        "IKU-RTLH": "red",
    }  # lower is better: 7 ÷ 14 = 0.5
    assert frame.loc["IKU-RTLH", "achievement"] == 0.5
    assert list(indicators(reader, Filters(2025), region="64.02").table["code"]) == ["IKU-RTLH"]
    spm = indicators(reader, Filters(2025), region="64").spm()
    assert (spm.with_achievement, spm.below_target, spm.measured) == (2, 2, 2)
    assert fixture_store.count("indicator_definitions") == 10


def test_program_indicators_by_source(fixture_store):
    reader = Reader(fixture_store)
    by_source = program_indicators(reader, Filters(2025), "source")
    frame = by_source.table.set_index("key")
    assert list(frame.index) == ["APBN", "APBD_PROV", "CSR"]  # the sources' fixed order, as codes
    assert frame.loc["APBN", "realisation"] == pytest.approx(0.9) and frame.loc["APBN", "realisation_light"] == "green"
    assert frame.loc["APBD_PROV", "realisation_light"] == "amber"  # 350 of 400
    assert frame.loc["CSR", "realisation"] == pytest.approx(500 / 700)
    assert frame.loc["APBN", "reach_kk"] == pytest.approx(570 / 600)  # PKH counts KK
    assert pd.isna(frame.loc["APBN", "reach_jiwa"]) and frame.loc["APBN", "reach_jiwa_light"] == "none"
    # Correction: CSR mixed 8 KK (RLH) with 50 jiwa targeted (beasiswa, nothing reported) as 8 ÷ 60.
    # Now reach is per unit, over places that report reached: 8 ÷ 10 KK, and no jiwa figure.
    assert frame.loc["CSR", "reach_kk"] == pytest.approx(0.8)
    assert pd.isna(frame.loc["CSR", "reach_jiwa"]) and frame.loc["CSR", "target_jiwa"] != 50
    assert by_source.units == ("KK",)
    implementers = program_indicators(reader, Filters(2025), "implementer").table.set_index("key")
    assert implementers.loc["PT Contoh Sejahtera", "realisation_light"] == "none"  # nothing spent reported
    regions = program_indicators(reader, Filters(2025), "region").table.set_index("key")
    assert regions["name"].to_dict() == {"64.02": "Kutai Kartanegara", "64.08": "Kutai Timur", "64.72": "Samarinda"}
    with pytest.raises(KeyError):
        program_indicators(reader, Filters(2025), "colour")


def test_realisation_trend_and_its_chart(fixture_store):
    trend = realisation_trend(Reader(fixture_store), Filters(2025)).table
    rows = {(r.year, r.source): r.realisation for r in trend.itertuples()}
    assert rows[(2024, "APBD_KABKOTA")] == 1.0 and rows[(2025, "APBN")] == pytest.approx(0.9)
    figure = charts.realisation_trend(trend, "en", charts.Look(scale=1.5)).to_dict()
    lines = {trace["name"]: trace for trace in figure["data"]}
    assert list(lines) == ["APBN", "APBD Provinsi", "APBD Kabupaten/Kota", "CSR/TJSL"]
    assert list(lines["APBN"]["y"]) == [90.0] and lines["CSR/TJSL"]["hovertext"][0] == "CSR/TJSL 2025: 71%"
    assert figure["layout"]["height"] == 540 and figure["layout"]["yaxis"]["ticksuffix"] == "%"


def test_reporting_compliance(fixture_store):
    report = reporting(Reader(fixture_store), Filters(2025))
    table = report.table.set_index(["implementer", "year"])
    assert table.loc[("PT Contoh Sejahtera", 2025), "status"] == "missing"
    assert table.loc[("Kementerian Sosial", 2025), "status"] == "late"  # imported 2 Mar 2026, due 31 Jan
    assert deadline(2025) == dt.datetime(2026, 1, 31, 23, 59, 59)
    assert report.on_time_share(2025) == 0.0
    assert report.on_time_share(2019) is None
    assert report.totals(2025) == (2, 3) and not report.has_undated
    assert report.matrix().set_index("implementer").loc["Kementerian Sosial", "2024"] is None


@pytest.mark.parametrize(
    ("imported_at", "status"),
    [(dt.datetime(2026, 1, 31, 23, 59, 59), "on_time"), (dt.datetime(2026, 2, 1, 0, 0, 0), "late")],
)
def test_reporting_is_on_time_up_to_the_deadline_itself(fixture_store, imported_at, status):
    import_ids = fixture_store.query(
        "SELECT DISTINCT a.import_id FROM program_allocations a JOIN programs p ON p.id = a.program_id "
        "WHERE p.implementer = 'Kementerian Sosial' AND p.year = 2025"
    )["import_id"].tolist()
    with fixture_store.transaction() as tx:
        for import_id in import_ids:
            tx.execute("UPDATE imports SET imported_at = ? WHERE id = ?", [imported_at, import_id])
    report = reporting(Reader(fixture_store), Filters(2025))
    row = report.table.set_index(["implementer", "year"]).loc[("Kementerian Sosial", 2025)]
    assert row["status"] == status and row["on_time"] == (status == "on_time") and row["dated"] == row["programs"]


def test_the_scorecard_shares_the_tabs_indicators_whether_or_not_defaults_are_named(fixture_store, monkeypatch):
    made = []
    original = evaluation.program_indicators

    @functools.wraps(original)
    def counted(reader, *args):
        made.append(args[1])
        return original(reader, *args)

    monkeypatch.setattr(evaluation, "program_indicators", counted)
    reader = Reader(fixture_store)
    table = reader.shared(evaluation.program_indicators, Filters(2025), "implementer")  # as the tab reads it
    card = implementer_scorecard(reader, Filters(2025), "Kementerian Sosial")  # names the default thresholds
    assert made == ["implementer"]
    assert card.figures.equals(table.row("Kementerian Sosial"))


def test_implementer_scorecard(fixture_store):
    card = implementer_scorecard(Reader(fixture_store), Filters(2025), "Kementerian Sosial")
    assert card.figures["budget"] == 1_500_000_000 and card.figures["reach_kk"] == pytest.approx(570 / 600)
    assert card.programs[["program_code", "target", "reached", "unit", "status"]].values.tolist() == [
        ["PKH", 600.0, 570.0, "KK", "selesai"]
    ]
    assert (card.reported, card.total) == (1, 1)


def test_narrative_rules(fixture_store):
    add_indicators(fixture_store)
    reader = Reader(fixture_store)
    now = summary(reader, Filters(2025))
    # Correction: "Penerima tercapai 88 %" mixed 578 KK reached with 660 KK + jiwa targeted; reach is
    # now per unit: 578 ÷ 610 KK (the jiwa program reports no reached figure, so it has none).
    assert narrative(now, "Kalimantan Timur", "id") == (
        "Realisasi anggaran Kalimantan Timur 2025 mencapai 85 % (perlu perhatian). Penerima tercapai 95 % dari "
        "target (KK). 2 dari 2 indikator SPM di bawah target. 1 penyelenggara belum melaporkan realisasi."
    )
    english = narrative(now, "Kalimantan Timur", "en")
    assert english.startswith("Budget realisation in Kalimantan Timur 2025 reached 85% (needs attention).")
    assert "People reached are 95% of target (households)." in english
    empty = narrative(summary(reader, Filters(2019)), "Paser", "id")
    assert empty == "Belum ada anggaran tercatat untuk Paser 2019. Belum ada data indikator SPM."
    assert now.on_time_share == 0.0 and now.on_time_reason is None


CSV = (
    b"kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
    b"X-1;X;Dinsos;APBN;2025;FM;Berau;10 juta\n"
)


def test_a_locked_period_refuses_imports_and_rollbacks(store_url):
    from data_loaders.store import open_store

    store = open_store(store_url)
    done = importer.apply(store, validate("x.csv", CSV, "program"), "tester")
    periods.lock(store, 2025, "admin")
    assert periods.locked_years(store) == [2025]
    with pytest.raises(importer.ImportRefused) as refused:
        importer.apply(store, validate("y.csv", CSV.replace(b"10 juta", b"20 juta"), "program"), "tester")
    assert "Periode 2025 sudah dikunci" in str(refused.value)
    assert refused.value.message("en").startswith("Period 2025 has been locked")
    with pytest.raises(importer.ImportRefused, match="dikunci"):
        importer.rollback(store, done.import_id, "tester")
    assert store.scalar("SELECT budget_idr::DOUBLE PRECISION FROM program_allocations") == 10_000_000
    periods.unlock(store, 2025)
    assert importer.apply(store, validate("y.csv", CSV.replace(b"10 juta", b"20 juta"), "program"), "t").updated == 1
    store.close()


def test_lock_from_the_command_line(store_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": store_url}

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "data_loaders", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=120,
        )

    assert "Tahun 2025 dikunci" in run("lock", "2025").stdout
    (tmp_path / "p.csv").write_bytes(CSV)
    refused = run("import", str(tmp_path / "p.csv"), "--kind", "program")
    assert refused.returncode == 1 and "sudah dikunci" in refused.stderr
    assert "dibuka" in run("unlock", "2025").stdout
    assert run("import", str(tmp_path / "p.csv"), "--kind", "program").returncode == 0


def test_page(fixture_url):
    at = app_test("admin")  # locks a year: admin only
    at.run()
    at.switch_page("app_pages/evaluasi.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Evaluasi 2025"
    assert at.info[0].value.startswith("Realisasi anggaran Kalimantan Timur 2025 mencapai 85 % (perlu perhatian).")
    cards: dict[str, tuple[str, str]] = {}
    for m in at.metric:  # the page's cards come first; the implementer scorecard repeats some labels
        cards.setdefault(m.label, (m.value, m.proto.delta))
    assert cards["Program dilaporkan tepat waktu"][0] == "0,0 %"
    assert cards["Realisasi anggaran"] == ("84,6 %", "! perlu perhatian")  # as on the Ringkasan page
    assert cards["Target penerima tercapai (KK)"][0] == "94,8 %"  # 578 of 610 KK
    assert cards["Target penerima tercapai (jiwa)"][0] == "–"  # the one jiwa program reports no reached figure
    assert len(at.tabs) == 5 and not at.get("plotly_chart")  # only the open tab runs: SPM indicators
    open_tab(at, "eval_tab_reporting")
    matrix = next(df.value for df in at.dataframe if "Penyelenggara" in df.value.columns and "2025" in df.value)
    matrix = matrix.set_index("Penyelenggara")
    assert matrix.loc["PT Contoh Sejahtera", "2025"] == "✕ belum lengkap"
    assert matrix.loc["Kementerian Sosial", "2025"] == "! terlambat"
    open_tab(at, "eval_tab_programs")
    by_source = next(df.value for df in at.dataframe if "Sumber dana" in df.value.columns).set_index("Sumber dana")
    assert by_source.loc["CSR/TJSL", "Penerima ÷ target (KK)"] == pytest.approx(0.8)
    assert by_source.loc["CSR/TJSL", "Lampu penerima (KK)"] == "! perlu perhatian"
    # Lights are coloured marks: white on the light's colour (common/colors.py), not only words.
    styles = " ".join(frame.proto.arrow_data.styler.styles for frame in at.dataframe)
    assert "{ background-color: #92400E; color: white }" in styles  # amber: "! perlu perhatian"
    assert "Penerima ÷ target (jiwa)" not in by_source  # no jiwa program reports a reached figure
    trend = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace["name"] for trace in trend["data"]] == ["APBN", "APBD Provinsi", "APBD Kabupaten/Kota", "CSR/TJSL"]
    at.segmented_control(key="eval_by").set_value("implementer").run()
    open_tab(at, "eval_tab_scorecards")
    assert {m.label: m.value for m in at.metric}["Program"] == "1"  # the first implementer's scorecard
    open_tab(at, "eval_tab_programs")  # back: the grouping chosen is kept
    assert at.segmented_control(key="eval_by").value == "implementer"
    open_tab(at, "eval_tab_periods")
    at.selectbox(key="kunci_tahun").select(2025).run()
    at.button(key="kunci").click().run()
    assert any(m.value == "Tahun terkunci: 2025." for m in at.text)


def test_page_in_english_on_sample_data(sample_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", sample_url)
    at = app_test()
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("app_pages/evaluasi.py").run()
    assert not at.exception, [e.value for e in at.exception]
    # Missing is not zero: sample data has no due date, so no on-time share — a dash and the reason.
    assert {m.label: m.value for m in at.metric}["Programs reported on time"] == "–"
    assert any("Not computed: sample data has no reporting due date." in c.value for c in at.caption)
    spm = next(df.value for df in at.dataframe if "Indicator" in df.value.columns)
    assert set(spm["Period"]) == {"Annual"}
    assert set(spm["Light"]) <= {"✓ on target", "! needs attention", "✕ behind", "– no data"}
    open_tab(at, "eval_tab_reporting", "en")
    matrix = next(df.value for df in at.dataframe if "Implementer" in df.value.columns and "2025" in df.value)
    assert "✓ reported" in set(matrix["2025"])
    shown = [text for df in at.dataframe for text in displayed(df.proto)]
    assert "–" in shown  # missing reach of a source counted in one unit only
    for word in ("Tahunan", "kuning", "hijau", "tanpa data", "dilaporkan", "None", "nan", "NaN", "NaT"):
        assert not any(word == v or f" {word}" in v for v in shown), word


def displayed(proto) -> list[str]:
    """The texts a dataframe element shows (its Styler's display values)."""
    styler = proto.arrow_data.styler
    frame = pa.ipc.open_stream(styler.display_values or proto.arrow_data.data).read_all().to_pandas()
    return [str(v) for v in frame.to_numpy().ravel()]


# --- scope: every view returns only rows in scope (sample data) -------------------------------------


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory) -> str:
    url = f"duckdb:///{tmp_path_factory.mktemp('sample') / 'sample.duckdb'}"
    store = open_store(url)
    build_demo(store, beneficiaries=2_000)
    store.close()
    return url


@pytest.fixture
def sample_store(sample_url):
    store = open_store(sample_url)
    yield store
    store.close()


def test_views_under_a_kabkota_scope(sample_store):
    scoped, whole = Reader(sample_store, Scope(kabkota=("64.02",))), Reader(sample_store)
    year, kukar = Filters(2025), Filters(2025, kabkota="64.02")
    rows = indicators(scoped, year).table
    assert not rows.empty and set(rows["kabkota_code"]) == {"64.02"}
    assert "64" not in set(rows["region_code"])  # the province row is not located in Kutai Kartanegara
    assert indicators(scoped, year, region="64").empty
    regions = program_indicators(scoped, year, "region").table
    assert list(regions["key"]) == ["64.02"]
    for by in ("source", "implementer", "program"):
        pd.testing.assert_frame_equal(
            program_indicators(scoped, year, by).table, program_indicators(whole, kukar, by).table
        )
    pd.testing.assert_frame_equal(realisation_trend(scoped, year).table, realisation_trend(whole, kukar).table)
    pd.testing.assert_frame_equal(reporting(scoped, year).table, reporting(whole, kukar).table)
    assert summary(scoped, year).figures == summary(whole, kukar).figures
    inside = set(program_indicators(whole, kukar, "implementer").table["key"])
    assert set(reporting(scoped, year).table["implementer"]) <= inside | set(
        reporting(whole, Filters(2022, kabkota="64.02")).table["implementer"]
    )


def test_views_under_a_partner_scope(sample_store):
    partner = 3  # PT Tambang Mahakam Berjaya: programs in Kutai Kartanegara and (outside its regions) Samarinda
    scoped = Reader(sample_store, Scope(partner_id=partner))
    implementer = sample_store.scalar("SELECT implementer FROM programs WHERE partner_id = ? LIMIT 1", [partner])
    year = Filters(2025)
    assert list(program_indicators(scoped, year, "implementer").table["key"]) == [implementer]
    assert set(program_indicators(scoped, year, "region").table["key"]) == {"64.02", "64.72"}
    assert set(reporting(scoped, year).table["implementer"]) == {implementer}
    now = summary(scoped, year)
    card = implementer_scorecard(scoped, year, implementer)
    assert now.figures.budget_idr == card.figures["budget"] > 0
    places = set(indicators(scoped, year).table["kabkota_code"])
    assert places and places <= {"64.02", "64.72"}
    assert implementer_scorecard(scoped, year, "Kementerian Sosial").figures is None
    assert now.on_time_share is None and now.on_time_reason == "sample"

"""Indicator formulas, traffic lights, program indicators, reporting compliance, the narrative
rules and period locking, on the hand-made fixture (tests/fixture_data.py)."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_loaders import importer, periods
from data_loaders.validation import validate
from domain.evaluation import (
    LightThresholds,
    achievement,
    deadline,
    indicators,
    light,
    narrative,
    on_time_share,
    program_indicators,
    reporting,
)
from domain.filters import Filters, Scope
from domain.overview import kpis

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
    frame = indicators(fixture_store, 2025).set_index("code")
    assert frame.loc["SPM-PROV-1", "name"].startswith("Persentase penyandang disabilitas telantar")
    assert frame.loc["SPM-PROV-1", "formula"] == "X ÷ Y × 100 %"
    assert "Permensos 9/2018" in frame.loc["SPM-PROV-1", "source"]
    assert frame["light"].to_dict() == {
        "SPM-PROV-1": "green",
        "SPM-PROV-2": "amber",
        "SPM-PROV-3": "none",
        "IKU-RTLH": "red",
    }  # lower is better: 7 ÷ 14 = 0.5
    assert frame.loc["IKU-RTLH", "achievement"] == 0.5
    assert list(indicators(fixture_store, 2025, region="64.02")["code"]) == ["IKU-RTLH"]
    assert fixture_store.count("indicator_definitions") == 10


def test_program_indicators_by_source(fixture_store):
    frame = program_indicators(fixture_store, Filters(2025), Scope(), "source").set_index("name")
    assert frame.loc["APBN", "realisation"] == pytest.approx(0.9) and frame.loc["APBN", "realisation_light"] == "green"
    assert frame.loc["APBD Provinsi", "realisation_light"] == "amber"  # 350 of 400
    assert frame.loc["CSR/TJSL", "realisation"] == pytest.approx(500 / 700)
    assert frame.loc["APBN", "reached_share"] == pytest.approx(570 / 600)
    implementers = program_indicators(fixture_store, Filters(2025), Scope(), "implementer").set_index("name")
    assert implementers.loc["PT Contoh Sejahtera", "realisation_light"] == "none"  # nothing spent reported


def test_reporting_compliance(fixture_store):
    report = reporting(fixture_store, Filters(2025), Scope()).set_index(["implementer", "year"])
    assert report.loc[("PT Contoh Sejahtera", 2025), "status"] == "missing"
    assert report.loc[("Kementerian Sosial", 2025), "status"] == "late"  # imported 2 Mar 2026, due 31 Jan
    assert deadline(2025) == dt.datetime(2026, 1, 31, 23, 59, 59)
    assert on_time_share(report.reset_index(), 2025) == 0.0
    assert on_time_share(report.reset_index(), 2019) is None


def test_narrative_rules(fixture_store):
    add_indicators(fixture_store)
    spm = indicators(fixture_store, 2025, region="64")
    report = reporting(fixture_store, Filters(2025), Scope())
    text = narrative("Kalimantan Timur", 2025, kpis(fixture_store, Filters(2025)), spm, report, "id")
    assert text == (
        "Realisasi anggaran Kalimantan Timur 2025 mencapai 85 % (kuning). Penerima tercapai 88 % dari "
        "target. 2 dari 2 indikator SPM di bawah target. 1 penyelenggara belum melaporkan realisasi."
    )
    english = narrative("Kalimantan Timur", 2025, kpis(fixture_store, Filters(2025)), spm, report, "en")
    assert english.startswith("Budget realisation in Kalimantan Timur 2025 reached 85% (amber).")
    empty = narrative("Paser", 2019, kpis(fixture_store, Filters(2019)), spm.iloc[0:0], report, "id")
    assert empty == "Belum ada anggaran tercatat untuk Paser 2019. Belum ada data indikator SPM."


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
    assert store.scalar("SELECT budget_idr::DOUBLE FROM program_allocations") == 10_000_000
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
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    at.run()
    at.switch_page("app_pages/evaluasi.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Evaluasi 2025"
    assert at.info[0].value.startswith("Realisasi anggaran Kalimantan Timur 2025 mencapai 85 % (kuning).")
    assert {m.label: m.value for m in at.metric}["Program dilaporkan tepat waktu"] == "0 %"
    matrix = next(df.value for df in at.dataframe if "Penyelenggara" in (df.value.index.name or ""))
    assert matrix.loc["PT Contoh Sejahtera", 2025] == "✕ belum lengkap"
    assert matrix.loc["Kementerian Sosial", 2025] == "! terlambat"
    at.selectbox(key="kunci_tahun").select(2025).run()
    at.button(key="kunci").click().run()
    assert any(m.value == "Tahun terkunci: 2025." for m in at.markdown)

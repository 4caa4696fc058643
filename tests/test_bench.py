"""Smoke test of the one benchmark command (bench/run.py, issue 16): one small part runs in its own
process and the JSON it writes holds the machine, the figures and their goals. Benchmark figures
are never asserted as times here (the machine is shared); only that they were measured."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_quick_map_part_writes_a_table_and_json_with_the_expected_keys(tmp_path):
    out = tmp_path / "result.json"
    command = [sys.executable, "bench/run.py", "--quick", "--only", "map", "--out", str(out)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert {"command", "quick", "repeat", "machine", "sizes", "once", "duration_s"} <= set(result)
    assert result["quick"] is True and result["repeat"] == 5
    machine = result["machine"]
    assert {"cores", "python", "duckdb", "streamlit", "commit", "load_before", "load_after"} <= set(machine)
    assert machine["cores"] >= 1 and len(machine["load_before"]) == 3
    assert result["sizes"] == []  # the map part needs no sample store: none is built
    rows = result["once"]["figures"]
    # One row per map level: the largest map sent, beside the unsimplified source, against its budget.
    assert [row["figure"] for row in rows] == [
        "map payload kabupaten_kota (largest map)",
        "map payload kecamatan (largest map)",
        "map payload desa_kelurahan (largest map)",
    ]
    keys = {"part", "figure", "value", "unit", "baseline", "baseline_label", "ratio", "goal", "goal_text", "pass"}
    for row in rows:
        assert set(row) == keys
        assert row["unit"] == "kB" and row["value"] > 0 and row["baseline"] > 0
        assert row["ratio"] == row["baseline"] / row["value"]
        assert row["pass"] == (row["value"] <= row["goal"])
    assert "map payload kecamatan (largest map)" in done.stdout
    assert "load average after" in done.stdout


def test_an_unknown_part_is_refused_with_the_list_of_parts(tmp_path):
    out = tmp_path / "result.json"
    command = [sys.executable, "bench/run.py", "--quick", "--only", "mapp", "--out", str(out)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "unknown part mapp" in done.stderr and "pages, browser, server, read, packs, map, import" in done.stderr
    assert not out.exists()


def test_figure_ratio_and_pass_follow_the_direction_and_the_size_of_the_goal():
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    # 150 ms against a 600 ms baseline: 4x better; goal 200 ms met.
    row = run.figure("pages", "x", 150.0, "ms", 600.0, "cold", goal=200.0)
    assert (row["ratio"], row["pass"]) == (4.0, True)
    # A rate (higher is better): 50,000 rows/s against 10,000 is 5x; goal 100,000/s missed.
    row = run.figure("import", "rate", 50_000.0, "rows/s", 10_000.0, goal=100_000.0, lower_is_better=False)
    assert (row["ratio"], row["pass"]) == (5.0, False)
    # A goal for another size is shown but not judged.
    assert run.figure("read", "overlap", 0.9, "s", goal=0.7, judged=False)["pass"] is None
    # Nearest-rank P95: of 20 samples the 19th smallest, of 5 the largest.
    assert run.p95([float(v) for v in range(1, 21)]) == 19.0
    assert run.p95([5.0, 1.0, 3.0, 2.0, 4.0]) == 5.0

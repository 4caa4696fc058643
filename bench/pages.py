"""Benchmark: how long each page takes to rerun, for comparing versions of the app before and after
a change on the same machine in the same invocation.

    python bench/pages.py [--repeat N] [--beneficiaries N] [--repo PATH ...]

Every `--repo` is a checkout of this project (default: the repository this file is in). The first
one is the baseline ("before"); every later one is compared with it ("after/before"). For each repo,
in turn and in a subprocess of its own (cwd and PYTHONPATH = that repo, so that each version imports
its own modules and Streamlit's in-process caches start empty):

1. the sample data set is built with that repo's own code, `python -m data_loaders demo
   --beneficiaries N`, into a temporary DuckDB file (the schema may differ between versions);
2. a warm-up pass runs the app once and opens every page once (imports, the store, the boundary
   files), untimed per page; its total is reported as "warm-up";
3. for each page of app_pages/: a fresh `AppTest` runs the app, Streamlit's data caches are cleared,
   and the switch to the page is timed ("cold": data caches empty, modules and store already there);
   then N plain reruns (`at.run()`, everything cached: "warm" median, with min and max); then the
   year filter is changed to the other year of the sample data ("tahun": a cache miss for the page's
   figures) and set back ("back": cached again).

Times are wall-clock milliseconds of `AppTest.run()` (the script run plus AppTest's own message
parsing, which is the same for both versions). Ratios below 1 mean the later repo is faster. On a
shared machine, compare numbers of one invocation only, and look at min/max before trusting a ratio
under about 10 %.

Example: python bench/pages.py --repo /tmp/before --repo . --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
DEFAULT_REPO = HERE.parent.parent
PAGES = ["ringkasan", "peta", "pendanaan", "celah", "evaluasi", "kelola_data", "referensi"]


# --- worker: runs inside one repo's subprocess ------------------------------------------------


def _errors(at) -> list[str]:
    return [str(getattr(e, "value", e))[:200] for e in at.exception]


def _timed_run(at, timeout: float) -> float:
    start = time.perf_counter()
    at.run(timeout=timeout)
    return (time.perf_counter() - start) * 1000


def _other_year(at) -> tuple[object, object] | None:
    """(current year, another year) of the sidebar's year filter, or None without one."""
    try:
        box = at.selectbox(key="tahun")
    except KeyError:
        return None
    current = box.value
    # AppTest lists the options as shown (strings); select() wants a value of the widget's own type.
    others = [option for option in box.options if option != str(current)]
    if not others:
        return None
    return current, type(current)(others[-1])


def worker(repo: Path, repeat: int, out: Path, timeout: float) -> None:
    """Measure every page of the repo in the current process; write the results as JSON to `out`."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    app = str(repo / "dashboard.py")
    pages = [p for p in PAGES if (repo / "app_pages" / f"{p}.py").is_file()]
    extra = sorted({p.stem for p in (repo / "app_pages").glob("*.py")} - set(PAGES))
    result: dict = {"streamlit": st.__version__, "python": platform.python_version(), "pages": {}}

    start = time.perf_counter()
    at = AppTest.from_file(app, default_timeout=timeout)
    at.run()
    for page in pages + extra:
        at.switch_page(f"app_pages/{page}.py").run()
    result["warmup_ms"] = (time.perf_counter() - start) * 1000
    result["warmup_errors"] = _errors(at)

    for page in pages + extra:
        row: dict = {"errors": []}
        at = AppTest.from_file(app, default_timeout=timeout)
        at.run()
        st.cache_data.clear()  # the store (a cached resource) stays open, as on a running server
        at.switch_page(f"app_pages/{page}.py")
        row["cold"] = _timed_run(at, timeout)
        row["errors"] += _errors(at)
        warm = [_timed_run(at, timeout) for _ in range(repeat)]
        row["errors"] += _errors(at)
        row["warm"] = warm
        years = _other_year(at)
        if years:
            current, other = years
            at.selectbox(key="tahun").select(other)
            row["tahun"] = _timed_run(at, timeout)
            row["errors"] += _errors(at)
            at.selectbox(key="tahun").select(current)
            row["back"] = _timed_run(at, timeout)
            row["errors"] += _errors(at)
            row["years"] = [str(current), str(other)]
        result["pages"][page] = row
        print(f"  {page:<12} cold {row['cold']:7.0f} ms, warm median {statistics.median(warm):7.0f} ms", flush=True)
    out.write_text(json.dumps(result))


# --- driver: builds the data and runs one subprocess per repo ------------------------------------


def _git(repo: Path, *args: str) -> str:
    """A read-only git query (no optional locks, so the index is never rewritten)."""
    try:
        done = subprocess.run(
            ["git", "--no-optional-locks", "-C", str(repo), *args], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return done.stdout.strip() if done.returncode == 0 else "?"


def describe(repo: Path) -> str:
    commit = _git(repo, "rev-parse", "--short", "HEAD")
    dirty = _git(repo, "status", "--porcelain", "--untracked-files=no")
    state = "" if commit == "?" else (" + uncommitted changes" if dirty and dirty != "?" else " (clean)")
    return f"{repo} @ {commit}{state}"


def machine_info() -> list[str]:
    import streamlit

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"machine: nproc {usable} (cpu_count {os.cpu_count()}), {cpu}, {platform.platform()}",
        f"python {platform.python_version()} ({sys.executable}), streamlit {streamlit.__version__}",
        f"load average at start: {load}",
    ]


def measure(repo: Path, args: argparse.Namespace, folder: Path, index: int) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo)
    env["DATABASE_URL"] = f"duckdb:///{folder}/pages_{index}.duckdb"
    env.pop("STREAMLIT_SERVER_PORT", None)
    start = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "data_loaders", "demo", "--beneficiaries", str(args.beneficiaries)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    build_s = time.perf_counter() - start
    if build.returncode != 0:
        raise SystemExit(f"demo build failed in {repo}:\n{build.stdout}\n{build.stderr}")
    print(f"[{repo}] demo build ({args.beneficiaries:,} beneficiaries): {build_s:.1f} s", flush=True)
    out = folder / f"result_{index}.json"
    start = time.perf_counter()
    # -P: the worker imports this repo's modules, never something beside this file.
    command = [sys.executable, "-P", str(HERE), "--worker", str(repo), "--out", str(out)]
    run = subprocess.run(
        [*command, "--repeat", str(args.repeat), "--timeout", str(args.timeout)],
        cwd=repo,
        env=env,
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
    )
    if run.returncode != 0 or not out.exists():
        raise SystemExit(f"measurement failed in {repo} (exit {run.returncode}):\n{run.stderr[-4000:]}")
    result = json.loads(out.read_text())
    result["build_s"] = build_s
    result["total_s"] = time.perf_counter() - start
    result["load"] = os.getloadavg()
    return result


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _ratio(after: float | None, before: float | None) -> str:
    return "-" if not after or not before else f"{after / before:.2f}"


def summary(row: dict | None) -> dict[str, float | None]:
    if not row:
        return {"cold": None, "warm": None, "min": None, "max": None, "tahun": None, "back": None}
    warm = row["warm"]
    return {
        "cold": row["cold"],
        "warm": statistics.median(warm) if warm else None,
        "min": min(warm) if warm else None,
        "max": max(warm) if warm else None,
        "tahun": row.get("tahun"),
        "back": row.get("back"),
    }


def report(repos: list[Path], results: list[dict], args: argparse.Namespace) -> None:
    pages = list(dict.fromkeys(page for result in results for page in result["pages"]))
    for label, repo, result in zip(_labels(repos), repos, results, strict=True):
        print()
        print(f"== {label}: {describe(repo)}")
        print(
            f"   streamlit {result['streamlit']}, python {result['python']}; demo build {result['build_s']:.1f} s; "
            f"warm-up {result['warmup_ms']:.0f} ms; measuring {result['total_s']:.0f} s; "
            f"load average after: {' '.join(f'{x:.2f}' for x in result['load'])}"
        )
        years = next((row["years"] for row in result["pages"].values() if "years" in row), None)
        if years:
            print(f"   tahun = rerun after switching the year filter {years[0]} -> {years[1]}; back = {years[0]} again")
        print(f"   {'page':<12}{'cold':>8}{'warm med':>10}{'min':>8}{'max':>8}{'tahun':>8}{'back':>8}  (ms)")
        for page in pages:
            s = summary(result["pages"].get(page))
            cells = "".join(f"{_fmt(s[k]):>8}" for k in ("cold",)) + f"{_fmt(s['warm']):>10}"
            cells += "".join(f"{_fmt(s[k]):>8}" for k in ("min", "max", "tahun", "back"))
            print(f"   {page:<12}{cells}")
        errors = {p: r["errors"] for p, r in result["pages"].items() if r["errors"]}
        if result["warmup_errors"] or errors:
            print(f"   EXCEPTIONS: warm-up {result['warmup_errors']}, pages {errors}")

    if len(results) < 2:
        print()
        print(
            "Baseline only: run again with --repo BEFORE --repo AFTER to get after/before ratios "
            "measured in one invocation on this machine."
        )
        return
    labels = _labels(repos)
    print()
    print(f"== comparison, median of {args.repeat} warm reruns; ratio = {labels[1]}.../{labels[0]} (< 1 is faster)")
    header = f"{'page':<12}"
    for label in labels:
        header += f"{label + ' cold':>12}{label + ' warm':>12}"
    for label in labels[1:]:
        header += f"{'cold ' + label + '/' + labels[0]:>16}{'warm ' + label + '/' + labels[0]:>16}"
    header += f"{'tahun ' + labels[-1] + '/' + labels[0]:>17}"
    print(header)
    for page in pages:
        stats = [summary(result["pages"].get(page)) for result in results]
        line = f"{page:<12}"
        for s in stats:
            line += f"{_fmt(s['cold']):>12}{_fmt(s['warm']):>12}"
        for s in stats[1:]:
            line += f"{_ratio(s['cold'], stats[0]['cold']):>16}{_ratio(s['warm'], stats[0]['warm']):>16}"
        line += f"{_ratio(stats[-1]['tahun'], stats[0]['tahun']):>17}"
        print(line)


def _labels(repos: list[Path]) -> list[str]:
    if len(repos) == 1:
        return ["before"]
    if len(repos) == 2:
        return ["before", "after"]
    return ["before"] + [f"r{i}" for i in range(1, len(repos))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="warm reruns per page (default 10)")
    parser.add_argument("--beneficiaries", type=int, default=200_000, help="sample data size (default 200,000)")
    parser.add_argument(
        "--repo",
        action="append",
        type=Path,
        help="a checkout to measure; repeat it; the first is the baseline (default: this repository)",
    )
    parser.add_argument("--timeout", type=float, default=120, help="AppTest timeout per run in seconds")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        worker(args.worker.resolve(), args.repeat, args.out, args.timeout)
        return

    repos = [repo.resolve() for repo in (args.repo or [DEFAULT_REPO])]
    for repo in repos:
        if not (repo / "dashboard.py").is_file():
            parser.error(f"{repo} has no dashboard.py")
    print(f"bench/pages.py: {args.repeat} warm reruns per page, {args.beneficiaries:,} beneficiaries")
    for line in machine_info():
        print(line)
    for label, repo in zip(_labels(repos), repos, strict=True):
        print(f"{label}: {describe(repo)}")
    print(f"baseline = {_labels(repos)[0]} ({repos[0]}); every other repo is compared with it.")
    start = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_pages_") as folder:
        for index, repo in enumerate(repos):
            print(f"\n[{repo}] measuring", flush=True)
            results.append(measure(repo, args, Path(folder), index))
    report(repos, results, args)
    print(f"\ntotal {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()

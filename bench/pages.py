"""Benchmark: how long each page takes to rerun, for comparing versions of the app before and after
a change on the same machine in the same invocation.

    python bench/pages.py [--repeat N] [--beneficiaries N] [--rounds N] [--repo PATH ...]

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

With `--rounds R` every repo is measured R times in fresh subprocesses, the order alternating
(before, after, after, before, ...) so that warming of the machine does not favour one side; cold,
tahun and back are then medians over the rounds and warm the median of all R x N reruns.

Times are wall-clock milliseconds of `AppTest.run()` (the script run plus AppTest's own message
parsing, which is the same for both versions); for warm reruns also the CPU time of the worker
process (all threads), which other load on the machine disturbs less than wall-clock time. Ratios
below 1 mean the later repo is faster. Compare numbers of one invocation only. On a shared machine
(load average is printed) look at min/max before trusting a ratio: the same checkout measured twice
in one invocation, with one round while tests ran beside it, differed by up to 2x per page; use
`--rounds 2` or more and prefer the cpu ratio then.

Example: python bench/pages.py --repo /tmp/before --repo . --repeat 5 --rounds 2
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
    """The exceptions a run showed, as 'Type: message (last frame)'."""
    found = []
    for element in at.exception:
        proto = element.proto
        where = proto.stack_trace[-1].strip() if proto.stack_trace else ""
        text = ": ".join(part for part in (proto.type, proto.message) if part)[:300]
        found.append(text + (f" ({where[:200]})" if where else ""))
    return found


_CPU: list[float] = []


def _timed_run(at, timeout: float) -> float:
    """Wall-clock ms of one run; its CPU ms (all threads of the process) go to _CPU."""
    cpu, start = time.process_time(), time.perf_counter()
    at.run(timeout=timeout)
    wall = (time.perf_counter() - start) * 1000
    _CPU.append((time.process_time() - cpu) * 1000)
    return wall


def _other_year(at) -> tuple[object, object] | None:
    """(current year, another year) of the sidebar's year filter, or None without one."""
    try:
        box = at.selectbox(key="tahun")
    except KeyError:
        return None
    current = box.value
    # AppTest lists the options as shown (strings); select() wants a value of the widget's own type.
    others = [type(current)(option) for option in box.options if option != str(current)]
    if not others:
        return None
    # The year before the current one, as a user comparing with last year picks: a year with data
    # (the newest year offered may hold only next year's proposals, and no beneficiaries).
    earlier = [year for year in others if year < current]
    return current, max(earlier) if earlier else others[-1]


def worker(repo: Path, repeat: int, out: Path, timeout: float) -> None:
    """Measure every page of the repo in the current process; write the results as JSON to `out`."""
    import streamlit as st
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    # A page that raises must say what it raised (the repo's config redacts it for browsers).
    config.get_config_options()
    config.set_option("client.showErrorDetails", "full")
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
        _forget_kept()
        at.switch_page(f"app_pages/{page}.py")
        row["cold"] = _timed_run(at, timeout)
        row["errors"] += _errors(at)
        _CPU.clear()
        warm = [_timed_run(at, timeout) for _ in range(repeat)]
        row["errors"] += _errors(at)
        row["warm"] = warm
        row["warm_cpu"] = list(_CPU)
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


def _forget_kept() -> None:
    """Forget the kept figures and the readers' shared views too, in a release that keeps them
    (`ui.data.clear_kept`; `clear_figures` before it), so a cold run is cold in every release."""
    import importlib

    data = importlib.import_module("ui.data")
    for name in ("clear_kept", "clear_figures"):
        if hasattr(data, name):
            getattr(data, name)()
            return


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


def _env(repo: Path, folder: Path, index: int) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo)
    env["DATABASE_URL"] = f"duckdb:///{folder}/pages_{index}.duckdb"
    # Bytecode goes to the temporary folder: nothing is written into the checkouts.
    env["PYTHONPYCACHEPREFIX"] = f"{folder}/pycache_{index}"
    return env


def build(repo: Path, args: argparse.Namespace, folder: Path, index: int) -> float:
    """The sample data set, built by the repo's own code into its own file; seconds taken."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "data_loaders", "demo", "--beneficiaries", str(args.beneficiaries)],
        cwd=repo,
        env=_env(repo, folder, index),
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"demo build failed in {repo}:\n{done.stdout}\n{done.stderr}")
    print(f"[{repo}] demo build ({args.beneficiaries:,} beneficiaries): {seconds:.1f} s", flush=True)
    return seconds


def measure(repo: Path, args: argparse.Namespace, folder: Path, index: int, round_: int) -> dict:
    """One round of the repo's pages in a fresh subprocess."""
    out = folder / f"result_{index}_{round_}.json"
    start = time.perf_counter()
    # -P: the worker imports this repo's modules, never something beside this file.
    command = [sys.executable, "-P", str(HERE), "--worker", str(repo), "--out", str(out)]
    run = subprocess.run(
        [*command, "--repeat", str(args.repeat), "--timeout", str(args.timeout)],
        cwd=repo,
        env=_env(repo, folder, index),
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
    )
    if run.returncode != 0 or not out.exists():
        raise SystemExit(f"measurement failed in {repo} (exit {run.returncode}):\n{run.stderr[-4000:]}")
    result = json.loads(out.read_text())
    result["total_s"] = time.perf_counter() - start
    result["load"] = os.getloadavg()
    return result


def merge(rounds: list[dict], build_s: float) -> dict:
    """The rounds of one repo as one result: every sample of every round kept."""
    merged = {
        "streamlit": rounds[0]["streamlit"],
        "python": rounds[0]["python"],
        "build_s": build_s,
        "warmup_ms": [r["warmup_ms"] for r in rounds],
        "warmup_errors": [e for r in rounds for e in r["warmup_errors"]],
        "total_s": sum(r["total_s"] for r in rounds),
        "load": rounds[-1]["load"],
        "pages": {},
    }
    for result in rounds:
        for page, row in result["pages"].items():
            into = merged["pages"].setdefault(
                page, {"cold": [], "warm": [], "warm_cpu": [], "tahun": [], "back": [], "errors": []}
            )
            into["cold"].append(row["cold"])
            into["warm"] += row["warm"]
            into["warm_cpu"] += row["warm_cpu"]
            into["errors"] += row["errors"]
            for key in ("tahun", "back"):
                if key in row:
                    into[key].append(row[key])
            if "years" in row:
                into["years"] = row["years"]
    return merged


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _ratio(after: float | None, before: float | None) -> str:
    return "-" if not after or not before else f"{after / before:.2f}"


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def summary(row: dict | None) -> dict[str, float | None]:
    if not row:
        return dict.fromkeys(("cold", "warm", "min", "max", "cpu", "tahun", "back"))
    warm = row["warm"]
    return {
        "cold": _median(row["cold"]),
        "warm": _median(warm),
        "min": min(warm) if warm else None,
        "max": max(warm) if warm else None,
        "cpu": _median(row["warm_cpu"]),
        "tahun": _median(row["tahun"]),
        "back": _median(row["back"]),
    }


def report(repos: list[Path], results: list[dict], args: argparse.Namespace) -> None:
    pages = list(dict.fromkeys(page for result in results for page in result["pages"]))
    labels = _labels(repos)
    rounds = f", median of {args.rounds} rounds" if args.rounds > 1 else ""
    for label, repo, result in zip(labels, repos, results, strict=True):
        print()
        print(f"== {label}: {describe(repo)}")
        warmup = "/".join(f"{ms:.0f}" for ms in result["warmup_ms"])
        print(
            f"   streamlit {result['streamlit']}, python {result['python']}; demo build {result['build_s']:.1f} s; "
            f"warm-up {warmup} ms; measuring {result['total_s']:.0f} s; "
            f"load average after: {' '.join(f'{x:.2f}' for x in result['load'])}"
        )
        years = next((row["years"] for row in result["pages"].values() if "years" in row), None)
        if years:
            print(f"   tahun = rerun after switching the year filter {years[0]} -> {years[1]}; back = {years[0]} again")
        print(
            f"   warm = median of {args.repeat * args.rounds} reruns (min, max beside it; cpu = median CPU time of "
            f"the same reruns, all threads, less sensitive to other load on the machine); cold{rounds}"
        )
        print(f"   {'page':<12}{'cold':>8}{'warm':>8}{'min':>8}{'max':>8}{'cpu':>8}{'tahun':>8}{'back':>8}  (ms)")
        for page in pages:
            s = summary(result["pages"].get(page))
            cells = "".join(f"{_fmt(s[k]):>8}" for k in ("cold", "warm", "min", "max", "cpu", "tahun", "back"))
            print(f"   {page:<12}{cells}")
        errors = {p: r["errors"] for p, r in result["pages"].items() if r["errors"]}
        if errors:
            print(f"   EXCEPTIONS, the timings of these pages measure an error page: {', '.join(errors)}")
            for page, found in errors.items():
                for error in dict.fromkeys(found):
                    print(f"     {page}: {error} (x{found.count(error)})")

    if len(results) < 2:
        print()
        print(
            "Baseline only: run again with --repo BEFORE --repo AFTER to get after/before ratios "
            "measured in one invocation on this machine."
        )
        return
    print()
    print(f"== comparison (ms; ratio = later repo / {labels[0]}, below 1 is faster)")
    header = f"{'page':<12}"
    for label in labels:
        header += f"{label + ':cold':>13}{label + ':warm':>13}"
    for label in labels[1:]:
        header += f"{label + '/' + labels[0] + ':cold':>20}{':warm':>7}{':cpu':>7}{':tahun':>8}"
    print(header)
    for page in pages:
        stats = [summary(result["pages"].get(page)) for result in results]
        broken = any(page in result["pages"] and result["pages"][page]["errors"] for result in results)
        line = f"{page + (' !' if broken else ''):<12}"
        for s in stats:
            line += f"{_fmt(s['cold']):>13}{_fmt(s['warm']):>13}"
        for s in stats[1:]:
            line += f"{_ratio(s['cold'], stats[0]['cold']):>20}{_ratio(s['warm'], stats[0]['warm']):>7}"
            line += f"{_ratio(s['cpu'], stats[0]['cpu']):>7}{_ratio(s['tahun'], stats[0]['tahun']):>8}"
        print(line)
    if any(r["errors"] for result in results for r in result["pages"].values()):
        print("! a page raised an exception in at least one repo: its times are not comparable (see above)")


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
    parser.add_argument(
        "--rounds", type=int, default=1, help="runs of every repo, in alternating order (default 1; 2 is fairer)"
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
    with tempfile.TemporaryDirectory(prefix="bench_pages_") as folder:
        builds = [build(repo, args, Path(folder), index) for index, repo in enumerate(repos)]
        rounds: list[list[dict]] = [[] for _ in repos]
        for round_ in range(args.rounds):
            # Alternate the order (A B, B A, ...) so that neither repo always runs first.
            order = list(enumerate(repos))
            for index, repo in order if round_ % 2 == 0 else reversed(order):
                print(f"\n[{repo}] measuring, round {round_ + 1} of {args.rounds}", flush=True)
                rounds[index].append(measure(repo, args, Path(folder), index, round_))
    results = [merge(r, b) for r, b in zip(rounds, builds, strict=True)]
    report(repos, results, args)
    print(f"\ntotal {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()

"""Benchmark: building the sample data set, and the overview's figures computed in the store
(DuckDB SQL) against a naive baseline that loads whole tables into pandas, plus the cached read
that pages get once a data version has been computed.

    python bench/overview.py [--beneficiaries N] [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data_loaders.demo import build_demo
from data_loaders.store import open_store
from domain.filters import Filters, Scope
from domain.overview import figures
from domain.reader import Reader


def naive_kpis(store, filters: Filters) -> tuple[float, float, int, float]:
    """The baseline: pull every table into pandas and filter there, as a page without a data layer would."""
    programs = store.query("SELECT * FROM programs")
    allocations = store.query("SELECT * FROM program_allocations")
    regions = store.query("SELECT code, kabkota_code FROM regions")
    ppks = store.query("SELECT * FROM ppks_counts")
    merged = allocations.merge(programs, left_on="program_id", right_on="id").merge(
        regions, left_on="region_code", right_on="code"
    )
    merged = merged[merged.year == filters.year]
    if filters.kabkota:
        merged = merged[merged.kabkota_code == filters.kabkota]
    need = ppks.merge(regions, left_on="region_code", right_on="code")
    need = need[need.year == filters.year]
    if filters.kabkota:
        need = need[need.kabkota_code == filters.kabkota]
    return (
        float(merged.budget_idr.astype(float).sum()),
        float(merged.spent_idr.astype(float).sum()),
        int(merged.program_id.nunique()),
        float(need["count"].sum()),
    )


def timed(function, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--beneficiaries", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"duckdb:///{folder}/bench.duckdb")
        start = time.perf_counter()
        summary = build_demo(store, beneficiaries=args.beneficiaries)
        build_seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"demo build: {args.beneficiaries:,} beneficiaries, {sum(summary.counts.values()):,} rows "
            f"in {build_seconds:.1f} s; peak RSS {peak_mb:,.0f} MB"
        )

        filters = Filters(2025, kabkota="64.02")
        reader = Reader(store)
        sql = figures(reader, filters)
        baseline = naive_kpis(store, filters)
        # The sample's need is all jiwa at kecamatan level, so the baseline's plain sum is the same figure.
        assert (sql.budget_idr, sql.spent_idr, sql.programs, sql.ppks.jiwa) == baseline, (sql, baseline)
        sql_ms = timed(lambda: figures(reader, filters), args.repeat)
        naive_ms = timed(lambda: naive_kpis(store, filters), args.repeat)
        print(f"overview KPIs, store SQL:     {sql_ms:8.1f} ms (median of {args.repeat})")
        print(f"overview KPIs, naive pandas:  {naive_ms:8.1f} ms  -> SQL is {naive_ms / sql_ms:.1f}x faster")

        import streamlit as st

        @st.cache_data(show_spinner=False)
        def cached(_store, version: int, filters: Filters, scope: Scope):
            return figures(Reader(_store, scope), filters)

        version = store.data_version()
        cached(store, version, filters, Scope())
        cached_ms = timed(lambda: cached(store, store.data_version(), filters, Scope()), args.repeat)
        print(f"overview KPIs, cached read:   {cached_ms:8.1f} ms  -> {sql_ms / cached_ms:.0f}x faster than SQL")
        store.close()


if __name__ == "__main__":
    main()

"""Benchmark: the full-province meeting packs (issue 14) on the sample data — the deck, the PDF and
the PowerPoint — beside the plain baseline in the same run: the deck's charts exported one by one
with plotly's own `plotly.io.to_image` (a browser per call, nothing reused). Goal: each pack under
30 s on 2 cores.

    python bench/packs.py [--beneficiaries N] [--year Y]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import plotly.io as pio

from data_loaders.demo import build_demo
from data_loaders.store import open_store
from domain.filters import Filters
from domain.meeting import deck
from domain.reader import Reader
from reports.images import browser_path
from reports.pdf import write_pdf
from reports.pptx import write_pptx


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--beneficiaries", type=int, default=200_000)
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args()
    os.environ.setdefault("BROWSER_PATH", browser_path())
    print(f"cores: {os.cpu_count()}, load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"duckdb:///{folder}/bench.duckdb")
        _, seconds = timed(lambda: build_demo(store, beneficiaries=args.beneficiaries))
        print(f"sample data ({args.beneficiaries:,} beneficiaries): {seconds:.1f} s")
        reader = Reader(store)
        made, deck_seconds = timed(
            lambda: deck(reader, Filters(args.year), "id", "Rapat Koordinasi", dt.date.today(), "http://localhost:8501")
        )
        charts = [figure for slide in made.slides for figure in slide.figures]
        print(f"deck: {len(made.slides)} slides, {len(charts)} charts, {deck_seconds:.1f} s")
        pdf, pdf_seconds = timed(lambda: write_pdf(made))
        pptx, pptx_seconds = timed(lambda: write_pptx(made))
        _, plain_seconds = timed(lambda: [pio.to_image(f, format="png", width=1776, height=790) for f in charts])
        store.close()
    print(f"PDF : {pdf_seconds:5.1f} s (+ deck {deck_seconds:.1f} s), {len(pdf) / 1024:,.0f} KB")
    print(f"PPTX: {pptx_seconds:5.1f} s (+ deck {deck_seconds:.1f} s), {len(pptx) / 1024:,.0f} KB")
    print(f"baseline, the charts alone through plotly.io.to_image one by one: {plain_seconds:5.1f} s")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()

"""Benchmark: what a map sends to the browser, and how long the map page takes to rerun.

Payloads: the boundary GeoJSON per map after coverage simplification and rounding (against the
source files at full precision, the naive baseline), and the whole plotly figure as Streamlit sends
it. Rerun: the Peta page in AppTest on the sample data set, median of repeated reruns (the first run,
which builds caches, is reported separately).

    python bench/map_payload.py [--reruns N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from data_loaders.geo import BUDGET, boundaries, boundary_frame, encoded_size  # noqa: E402
from data_loaders.regions import children_of, kabkota_facts  # noqa: E402


def raw_size(level: str, parent: str | None) -> int:
    frame = boundary_frame(level)
    if parent is not None:
        frame = frame[frame["kode_kemendagri"].str.startswith(parent + ".")]
    return encoded_size(json.loads(frame.to_json()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reruns", type=int, default=10)
    args = parser.parse_args()
    rows = [("kabupaten/kota (province map)", "kabupaten_kota", None)]
    rows += [(f"kecamatan of {f.name}", "kecamatan", f.code) for f in kabkota_facts()]
    rows += [(f"desa/kelurahan of {f.name}", "desa_kelurahan", f.code) for f in kabkota_facts()]
    print(f"{'map':<42}{'sent kB':>9}{'budget kB':>11}{'source kB':>11}{'ratio':>7}")
    worst = {}
    for label, level, parent in rows:
        sent, raw = encoded_size(boundaries(level, parent)), raw_size(level, parent)
        worst[level] = max(worst.get(level, 0), sent)
        print(f"{label:<42}{sent / 1000:>9.1f}{BUDGET[level] / 1000:>11.0f}{raw / 1000:>11.1f}{raw / sent:>7.1f}")
    per_kecamatan = max(
        encoded_size(boundaries("desa_kelurahan", k.code)) for f in kabkota_facts() for k in children_of(f.code)
    )
    print(
        f"largest: kab/kota {worst['kabupaten_kota'] / 1000:.1f} kB, kecamatan map {worst['kecamatan'] / 1000:.1f} kB, "
        f"desa of one kabupaten {worst['desa_kelurahan'] / 1000:.1f} kB, desa of one kecamatan (what the drill-down "
        f"sends) {per_kecamatan / 1000:.1f} kB"
    )

    from streamlit.testing.v1 import AppTest

    from data_loaders.demo import build_demo
    from data_loaders.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        url = f"duckdb:///{folder}/bench.duckdb"
        store = open_store(url)
        build_demo(store)
        store.close()
        os.environ["DATABASE_URL"] = url
        for query in ({}, {"wilayah": "Kutai Kartanegara"}):
            at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
            for key, value in query.items():
                at.query_params[key] = value
            at.run()
            start = time.perf_counter()
            at.switch_page("app_pages/peta.py").run()
            first = time.perf_counter() - start
            (region_map,) = at.get("component_instance")  # the map (ui.region_map): its figure's JSON
            figure = len(json.loads(region_map.proto.json_args)["figure"])
            samples = []
            for _ in range(args.reruns):
                start = time.perf_counter()
                at.run()
                samples.append(time.perf_counter() - start)
            where = query.get("wilayah", "province")
            print(
                f"Peta page, {where}: first run {first * 1000:.0f} ms, rerun median "
                f"{statistics.median(samples) * 1000:.0f} ms (n={args.reruns}); map figure sent "
                f"{figure / 1000:.1f} kB"
            )


if __name__ == "__main__":
    main()

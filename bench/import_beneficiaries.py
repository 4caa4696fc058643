"""Benchmark: importing 1,000,000 beneficiary rows from CSV through the command line (validation,
NIK pseudonymisation, keyed upsert with change log, one transaction), time and peak memory of the
import process; against a naive baseline (parse every cell of every row, insert row by row) run on
a sample in the same run. Goal: under 60 s and under 2 GB on 2 cores.

    python bench/import_beneficiaries.py [--rows N] [--baseline-rows N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from data_loaders import nik as nik_module  # noqa: E402
from data_loaders import values  # noqa: E402
from data_loaders.regions import all_regions  # noqa: E402
from data_loaders.store import open_store  # noqa: E402

KEY = "bench-key"


def write_csv(path: Path, rows: int) -> None:
    villages = [r.code for r in all_regions() if r.level == "desa_kelurahan"]
    with path.open("w") as handle:
        handle.write("nik,kode_program,tahun,wilayah,nilai_bantuan_rp,desil,kategori_ppks\n")
        for i in range(rows):
            village = villages[i % len(villages)]
            region = village.replace(".", "")[:6]
            handle.write(
                f"{region}{i % 10_000_000:010d},PROG-{i % 40:02d},2025,{village},2.400.000,{1 + i % 10},Fakir Miskin\n"
            )


def naive(path: Path, rows: int, url: str) -> float:
    """Row by row: every cell parsed, every row inserted on its own. Returns rows per second."""
    store = open_store(url)
    cursor = store._con.cursor()
    start = time.perf_counter()
    with path.open() as handle:
        next(handle)
        cursor.execute("BEGIN TRANSACTION")
        for _, line in zip(range(rows), handle, strict=False):
            nik, program, year, region, amount, decile, ppks = line.rstrip("\n").split(",")
            digits = nik_module.check_nik(nik)
            cursor.execute(
                "INSERT INTO beneficiaries (nik_hash, program_code, year, region_code, benefit_idr, decile, "
                "ppks_category_id, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                [
                    nik_module.pseudonymise(digits, KEY.encode()),
                    program,
                    values.year(year),
                    values.region(region).code,
                    values.amount(amount),
                    values.count(decile),
                    values.ppks_category(ppks),
                ],
            )
        cursor.execute("COMMIT")
    elapsed = time.perf_counter() - start
    store.close()
    return rows / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--baseline-rows", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "penerima.csv"
        write_csv(csv, args.rows)
        size_mb = csv.stat().st_size / 2**20
        env = {**os.environ, "DATABASE_URL": f"duckdb:///{folder}/bench.duckdb", "SINERGI_NIK_KEY": KEY}
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "data_loaders", "import", str(csv), "--kind", "penerima"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if done.returncode:
            raise SystemExit(done.stdout[-2000:] + done.stderr[-2000:])
        print(done.stdout.strip().splitlines()[-1])
        rate = args.rows / seconds
        print(
            f"import of {args.rows:,} beneficiary rows ({size_mb:,.0f} MB CSV): {seconds:.1f} s, "
            f"{rate:,.0f} rows/s, peak memory of the import process {peak_mb:,.0f} MB "
            f"(goal: < 60 s, < 2048 MB)"
        )
        baseline = naive(csv, args.baseline_rows, f"duckdb:///{folder}/naive.duckdb")
        print(
            f"naive baseline (row-by-row parse and insert, {args.baseline_rows:,} rows): {baseline:,.0f} rows/s "
            f"-> importer is {rate / baseline:.1f}x faster; the baseline would need "
            f"{args.rows / baseline:,.0f} s for {args.rows:,} rows"
        )


if __name__ == "__main__":
    main()

"""Benchmark: validation of hostile and oversized files just under the 50 MB upload limit (issue 11,
item 10). Each file is validated in its own process, so its time and peak memory (RSS) are its own,
and beside it the plain baseline: pandas reading the same bytes with `read_csv`/`read_excel` and
nothing else. Goal on 2 cores: every file within about 1 GB and 60 s. Peak memory is the process's
VmHWM (Linux keeps ru_maxrss across exec, so it would include this script's own peak).

    python bench/hostile_files.py [--mb 48] [--xlsx-rows 1000000] [--keep DIR]

The files: blank lines; separator-only lines; bad rows (every cell wrong); 16-digit NIK-like values
in a code column; control characters in names; and a workbook without a `<dimension>` tag.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp\n"
GOOD = "P{n};Program {n};Dinas Sosial;APBN;2025;Fakir Miskin;Paser;1000000\n"

VALIDATE = """
import json, sys, time
sys.path.insert(0, {repo!r})
from data_loaders.validation import validate
content = open({path!r}, "rb").read()
start = time.perf_counter()
result = validate({name!r}, content, "program")
seconds = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": seconds, "rss_mb": peak / 1024, "rows": result.rows_read,
                  "messages": len(result.problems), "errors": len(result.errors)}}))
"""

PLAIN = """
import io, json, time
import pandas as pd
content = open({path!r}, "rb").read()
start = time.perf_counter()
if {path!r}.endswith(".xlsx"):
    frame = pd.read_excel(io.BytesIO(content), engine="openpyxl", dtype=object)
else:
    frame = pd.read_csv(io.BytesIO(content), sep=";", dtype=str, keep_default_na=False, skip_blank_lines=False)
seconds = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": seconds, "rss_mb": peak / 1024, "rows": len(frame)}}))
"""


def _fill(path: Path, size: int, line: str) -> None:
    with path.open("w") as out:
        out.write(HEADER + GOOD.format(n=1))
        out.write(line * ((size - len(HEADER)) // len(line)))


def make_files(folder: Path, megabytes: int, xlsx_rows: int) -> list[Path]:
    """Write the hostile files into `folder`; returns their paths."""
    size = megabytes * 2**20
    files = {
        "blank_lines.csv": "\n",
        "separator_lines.csv": ";;;;;;;\n",
        "bad_rows.csv": "X;;;;20x5;Nope;Nowhere;abc\n",
        "nik_in_code.csv": "6402015505900001;Program;Dinas Sosial;APBN;2025;Fakir Miskin;Paser;1000000\n",
        "control_chars.csv": "P\x1b[31m;Nama\x00program\u202e;Dinas\x0bSosial;APBN;2025;Fakir Miskin;Paser;1000000\n",
    }
    paths = []
    for name, line in files.items():
        _fill(folder / name, size, line)
        paths.append(folder / name)
    paths.append(_workbook_without_dimension(folder / "no_dimension.xlsx", xlsx_rows))
    return paths


def _workbook_without_dimension(path: Path, rows: int) -> Path:
    """A program workbook of `rows` rows whose `<dimension>` tag is removed, as some programs write."""
    import openpyxl

    plain = path.with_suffix(".tmp.xlsx")
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("program")
    sheet.append(HEADER.strip().split(";"))
    for n in range(rows):
        sheet.append([f"P{n}", f"Program {n}", "Dinas Sosial", "APBN", 2025, "Fakir Miskin", "Paser", 1_000_000 + n])
    workbook.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            target.writestr(item, data)
    plain.unlink()
    return path


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        return {"failed": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "exit code"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=48, help="size of each CSV file (MiB)")
    parser.add_argument("--xlsx-rows", type=int, default=600_000, help="rows of the workbook")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; files in {folder}")
    print(f"{'file':<22}{'MiB':>6}  {'validate s':>10} {'MB':>6} {'rows':>9} {'messages':>9}  {'plain s':>8} {'MB':>6}")
    for path in make_files(folder, args.mb, args.xlsx_rows):
        ours = _run(VALIDATE.format(repo=str(REPO), path=str(path), name=path.name))
        plain = _run(PLAIN.format(path=str(path)))
        if "failed" in ours or "failed" in plain:
            print(f"{path.name:<22} ours: {ours} plain: {plain}")
            continue
        print(
            f"{path.name:<22}{path.stat().st_size / 2**20:>6.1f}  {ours['seconds']:>10.1f} {ours['rss_mb']:>6.0f} "
            f"{ours['rows']:>9} {ours['messages']:>9}  {plain['seconds']:>8.1f} {plain['rss_mb']:>6.0f}"
        )


if __name__ == "__main__":
    main()

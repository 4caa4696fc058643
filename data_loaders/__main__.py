"""Command line for data staff and automation: `python -m data_loaders COMMAND`.

Exit codes: 0 success, 1 a problem with the data or the store (the message says what to do),
2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys

from data_loaders.demo import DEFAULT_BENEFICIARIES, DEFAULT_SEED, build_demo
from data_loaders.regions import RegionError, describe, resolve_region
from data_loaders.store import StoreError, open_store


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_loaders", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="(re)build the sample data set (Data contoh) in the store")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    demo.add_argument(
        "--beneficiaries",
        type=int,
        default=DEFAULT_BENEFICIARIES,
        help=f"beneficiary rows to generate (default {DEFAULT_BENEFICIARIES:,})",
    )
    stats = commands.add_parser("stats", help="row count of every table")
    stats.add_argument("--json", action="store_true", help="print JSON")
    commands.add_parser("migrate", help="bring the store's schema and reference data up to date")
    resolve = commands.add_parser("resolve", help="show the region a name or code stands for")
    resolve.add_argument("text", help="a name, alias, Kemendagri code or BPS code")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "resolve":
            region = resolve_region(args.text)
            print(f"{region.code}\t{region.bps_code or '-'}\t{describe(region)}\t{region.level}")
            return 0
        store = open_store()
        if args.command == "demo":
            if args.beneficiaries < 0:
                print("--beneficiaries must be 0 or more", file=sys.stderr)
                return 2
            summary = build_demo(store, seed=args.seed, beneficiaries=args.beneficiaries)
            print(f"Data contoh dibuat (seed {summary.seed}) di {store.url}")
            for table, count in summary.counts.items():
                print(f"  {table:<22}{count:>12,}".replace(",", "."))
        elif args.command == "stats":
            counts = store.table_counts()
            if args.json:
                print(json.dumps(counts, indent=2))
            else:
                for table, count in counts.items():
                    print(f"{table:<22}{count:>12,}".replace(",", "."))
        elif args.command == "migrate":
            print(f"Skema versi {store.schema_version()} di {store.url}")
        store.close()
    except (StoreError, RegionError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

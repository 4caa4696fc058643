"""Command line for data staff and automation: `python -m data_loaders COMMAND`.

Exit codes: 0 success, 1 a problem with the data or the store (the message says what to do),
2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from common import formatting
from common.i18n import t
from data_loaders import audit, importer, periods, users
from data_loaders.demo import DEFAULT_BENEFICIARIES, DEFAULT_SEED, build_demo
from data_loaders.kinds import KINDS
from data_loaders.nik import hash_file, nik_key
from data_loaders.problems import ValueProblem
from data_loaders.reading import MAX_FILE_BYTES
from data_loaders.regions import RegionError, describe, region_by_code, resolve_region
from data_loaders.store import Store, StoreError, open_store, shown_url
from data_loaders.store_copy import copy_store
from data_loaders.templates import build_template
from data_loaders.validation import validate
from data_loaders.values import funding_source, partner_key
from domain import awards
from domain.filters import Filters
from domain.overlap import overlaps_by_region
from domain.overview import available_years, data_status, default_year, figures
from domain.reader import Reader

# Data staff on the command line may import larger files than the browser upload allows.
MAX_CLI_FILE_BYTES = 20 * MAX_FILE_BYTES
# Commands that only read open the store read-only, so they run while the dashboard reads it too.
READING_COMMANDS = ("stats", "history", "overlaps", "audit")
REPORT_LINK = "http://localhost:8501"  # the dashboard's address on the meeting's network, for the QR code
STAGES = {"read": "cli_read", "validate": "cli_validate", "write": "cli_write"}
# The overlaps command's column names, kept from its first version (scripts read them).
OVERLAP_COLUMNS = {
    "region_code": "kode_wilayah",
    "region_name": "nama",
    "people": "penerima",
    "multi_program": "penerima_multi_program",
    "cross_source": "penerima_lintas_sumber",
    "same_kind": "penerima_bantuan_sejenis_ganda",
}


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
    demo.add_argument("--remove", action="store_true", help="remove the sample data set instead")
    stats = commands.add_parser("stats", help="row count of every table")
    stats.add_argument("--json", action="store_true", help="print JSON")
    commands.add_parser("migrate", help="bring the store's schema and reference data up to date")
    move = commands.add_parser(
        "migrate-store", help="copy the whole store (DATABASE_URL, or --from) into an empty one, checked"
    )
    move.add_argument("--to", required=True, help="the empty target, e.g. postgresql://user@host:5432/sinergi")
    move.add_argument("--from", dest="source", help="the store to copy (default: DATABASE_URL)")
    resolve = commands.add_parser("resolve", help="show the region a name or code stands for")
    resolve.add_argument("text", help="a name, alias, Kemendagri code or BPS code")
    template = commands.add_parser("template", help="write the Excel template of a kind")
    template.add_argument("kind", choices=list(KINDS))
    template.add_argument("--out", required=True, help="the .xlsx file to write")
    load = commands.add_parser("import", help="validate a CSV/XLSX file and store it (all or nothing)")
    load.add_argument("file")
    load.add_argument("--kind", required=True, choices=list(KINDS))
    load.add_argument("--dry-run", action="store_true", help="validate only; store nothing")
    overlap = commands.add_parser("overlaps", help="people in several programs, per kabupaten/kota (exact counts)")
    overlap.add_argument("--year", type=int, required=True)
    overlap.add_argument("--format", choices=["table", "csv", "json"], default="table")
    summary = commands.add_parser("summary", help="the overview's headline figures (the Ringkasan page's cards)")
    summary.add_argument("--year", type=int, required=True)
    summary.add_argument("--wilayah", help="a kabupaten/kota: name, alias, Kemendagri or BPS code (default: province)")
    summary.add_argument("--sumber", action="append", default=[], help="a funding source (repeatable), e.g. CSR/TJSL")
    summary.add_argument("--format", choices=["table", "json"], default="table")
    report = commands.add_parser("report", help="the meeting pack of a view (Bahan Rapat): PDF, PowerPoint or Excel")
    report.add_argument("--format", choices=["pdf", "pptx", "xlsx"], required=True)
    report.add_argument("--year", type=int, help="default: the year the dashboard opens on")
    report.add_argument("--wilayah", help="a kabupaten/kota: name, alias, Kemendagri or BPS code (default: province)")
    report.add_argument("--lang", choices=["id", "en"], help="the pack's language (default: SINERGI_LANG, else id)")
    report.add_argument("--meeting", help="the meeting's name on the title slide (PDF, PowerPoint)")
    report.add_argument(
        "--link", default=REPORT_LINK, help=f"the dashboard's address the QR code opens ({REPORT_LINK})"
    )
    report.add_argument("--out", required=True, help="the file to write")
    ranked = commands.add_parser("awards", help="the ranking of an award category (the Apresiasi page's)")
    ranked.add_argument("--year", type=int, required=True)
    ranked.add_argument("--format", choices=["table", "json"], default="table")
    ranked.add_argument("--category", choices=list(awards.awards()), default=awards.DEFAULT_AWARD)
    hasher = commands.add_parser(
        "hash-nik", help="replace the NIKs of a file by the keyed hashes this tool uses, keeping the other columns"
    )
    hasher.add_argument("file", help="a CSV or XLSX with a 'nik' column (a filled-in penerima template will do)")
    hasher.add_argument("--out", required=True, help="the CSV to write, with 'nik_hash' in place of 'nik'")
    for name, text in (("lock", "lock a reporting year: imports into it are refused"), ("unlock", "unlock a year")):
        period = commands.add_parser(name, help=text)
        period.add_argument("year", type=int)
    commands.add_parser("history", help="list the imports")
    undo = commands.add_parser("rollback", help="undo an import, restoring the previous values")
    undo.add_argument("import_id", type=int)
    user = commands.add_parser("user", help="manage who may sign in to the dashboard").add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", help="add a user (the password is asked twice, or read from --password-stdin)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=users.ROLES)
    add.add_argument("--wilayah", help="an operator's kabupaten/kota: name, alias, Kemendagri or BPS code")
    add.add_argument("--mitra", help="a mitra user's company: the name of an imported partner")
    add.add_argument("--name", help="the name shown in the dashboard")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    user.add_parser("disable", help="stop a user from signing in").add_argument("username")
    user.add_parser("enable", help="let a disabled user sign in again").add_argument("username")
    role = user.add_parser("role", help="change a user's role (an operator needs --wilayah, a mitra --mitra)")
    role.add_argument("username")
    role.add_argument("--role", required=True, choices=users.ROLES)
    role.add_argument("--wilayah", help="an operator's kabupaten/kota: name, alias, Kemendagri or BPS code")
    role.add_argument("--mitra", help="a mitra user's company: the name of an imported partner")
    reset = user.add_parser("reset-password", help="give a user a new password and lift a lock")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    user.add_parser("list", help="the users and their roles (no password hashes)")
    init = commands.add_parser("admin-init", help="create the first administrator of a fresh install")
    init.add_argument("username")
    init.add_argument("--name", help="the name shown in the dashboard")
    init.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    log = commands.add_parser("audit", help="the audit log, newest first")
    log.add_argument("--limit", type=int, default=50, help="rows to show (default 50; 0 for all)")
    return parser


def _lang() -> str:
    return os.environ.get("SINERGI_LANG", "id")


def _actor() -> str:
    """Who acts from the command line, as the audit log names it."""
    return f"cli:{getpass.getuser()}"


def _progress(stage: str, done: int, total: int) -> None:
    """Progress goes to stderr, so stdout stays the result."""
    print(t(STAGES[stage], _lang(), done=f"{done:,}".replace(",", "."), total=total), file=sys.stderr, flush=True)


def _input_file(name: str, lang: str) -> Path | None:
    """The file a command reads, or None after saying on stderr that it does not exist."""
    path = Path(name)
    if path.is_file():
        return path
    print(t("cli_no_file", lang, file=name), file=sys.stderr)
    return None


def _import(args: argparse.Namespace) -> int:
    lang = _lang()
    path = _input_file(args.file, lang)
    if path is None:
        return 2
    if path.stat().st_size > MAX_CLI_FILE_BYTES:
        print(t("imp_too_large", lang, size=path.stat().st_size // 2**20, limit=MAX_CLI_FILE_BYTES // 2**20))
        return 1
    store = open_store(read_only=True)
    known = {
        (row.program_code, int(row.year))
        for row in store.query("SELECT DISTINCT program_code, year FROM programs").itertuples()
    }
    partners = set(store.query("SELECT name_key FROM partners")["name_key"])
    has_sample = bool(importer.sample_imports(store))
    store.close()  # the store stays free for the dashboard while the file is checked
    result = validate(
        path.name,
        path.read_bytes(),
        args.kind,
        nik_key=nik_key(),
        known_programs=known,
        partner_keys=partners,
        progress=_progress,
        max_bytes=MAX_CLI_FILE_BYTES,
    )
    for problem in result.problems:
        label = t("cli_error" if problem.severity == "error" else "cli_warning", lang)
        print(f"{label}: {problem.full_message(lang)}")
    if not result.ok:
        print(t("cli_not_stored", lang, errors=len(result.errors)))
        return 1
    if args.dry_run:
        print(t("cli_dry_run", lang, rows=result.rows_read, warnings=len(result.warnings)))
        if has_sample:  # the check passed, but the store would not take it yet: say so now
            print(importer.ImportRefused("imp_store_has_sample").message(lang))
        return 0
    store = open_store()  # read-write only for the write (waits while another process holds the file)
    try:
        done = importer.apply(store, result, _actor(), progress=_progress)
    finally:
        store.close()
    print(done.summary(lang))
    if done.same_file_as:
        print(t("cli_same_file", lang, id=done.same_file_as))
    return 0


def _history_table(history: pd.DataFrame, lang: str) -> str:
    """The import log as a readable table: times to the second, statuses in words ('tersimpan',
    'tidak ada perubahan', …), a dash for what is missing (never NaT, NaN or None), and each file's
    SHA-256 so a sender can check which file was stored. Row counts are rows of each kind's main table."""
    shown = history.astype(object).where(history.notna(), "–")
    for column in ("imported_at", "rolled_back_at"):
        shown[column] = [v if v == "–" else pd.Timestamp(v).strftime("%Y-%m-%d %H:%M:%S") for v in shown[column]]
    shown["status"] = [t(f"status_{status}", lang) for status in shown["status"]]
    return shown.to_string(index=False)


def _history(store: Store) -> None:
    """Print the import log, or a sentence when there is none."""
    history = importer.history(store)
    print(
        _history_table(history, _lang())
        if not history.empty
        else t("cli_history_empty", _lang(), url=shown_url(store.url))
    )


def _hash_nik(args: argparse.Namespace) -> int:
    """Write `args.file` with keyed hashes in place of its NIKs and every other column kept."""
    lang = _lang()
    path = _input_file(args.file, lang)
    if path is None:
        return 2
    frame, bad = hash_file(path.name, path.read_bytes(), nik_key())
    frame.to_csv(args.out, index=False)
    shown = ", ".join(map(str, bad[:20])) + (" …" if len(bad) > 20 else "")
    rows = f" ({t('col_row', lang).lower()} {shown})" if bad else ""
    print(t("cli_hashed_rows", lang, count=len(frame) - len(bad), file=args.out, bad=len(bad), rows=rows))
    return 0


def _summary_value(key: str, value: object, lang: str) -> str:
    """One value of the summary table, formatted for reading (JSON keeps the raw values)."""
    if value is None:
        return "–"
    if key.endswith("_idr"):
        return formatting.money_exact(value, lang)
    if key in ("realisation", "reach_jiwa", "reach_kk", "coverage", "coverage_kk"):
        return formatting.percent(value, lang)
    if isinstance(value, float):
        return formatting.number(value, lang)
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "–"
    if key == "data_as_of":
        return str(value)[:19].replace("T", " ")
    return str(value)


def _summary(args: argparse.Namespace) -> int:
    """Print the overview's headline figures, computed by the same view function as the page."""
    lang = _lang()
    region = resolve_region(args.wilayah) if args.wilayah else None
    if region is not None and region.level not in ("provinsi", "kabupaten_kota"):
        print(t("cli_summary_level", lang, name=describe(region)), file=sys.stderr)
        return 1
    kabkota = region.code if region is not None and region.level == "kabupaten_kota" else None
    sources = tuple(dict.fromkeys(funding_source(text) for text in args.sumber))
    store = open_store(read_only=True)
    reader = Reader(store)
    years = available_years(reader)
    if args.year not in years:
        print(t("cli_summary_no_year", lang, year=args.year, years=", ".join(map(str, years)) or "–"), file=sys.stderr)
        store.close()
        return 1
    status = data_status(reader)
    record = {
        "region_code": kabkota or "64",
        "region_name": region_by_code(kabkota or "64").name,
        "sources": list(sources),
        **figures(reader, Filters(year=args.year, kabkota=kabkota, sources=sources)).as_record(),
        "data_as_of": status.as_of.isoformat() if status.as_of else None,
        "is_sample": status.is_sample,
    }
    store.close()
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        width = max(map(len, record)) + 2
        for key, value in record.items():
            print(f"{key:<{width}}{_summary_value(key, value, lang)}")
    return 0


def _report(args: argparse.Namespace) -> int:
    """Write the meeting pack of the view --year/--wilayah in --lang: the XLSX of
    `reports.workbook.workbook`, or the PDF/PPTX of `domain.meeting.deck` — through `reports.packs.pack`,
    as the Mode Rapat page makes them. The region and year are checked as the `summary` command checks them;
    exit 1 with a message (SINERGI_LANG) for a region below kabupaten/kota or a year without data."""
    lang = _lang()
    pack_lang = args.lang or lang
    region = resolve_region(args.wilayah) if args.wilayah else None
    if region is not None and region.level not in ("provinsi", "kabupaten_kota"):
        print(t("cli_report_level", lang, name=describe(region)), file=sys.stderr)
        return 1
    kabkota = region.code if region is not None and region.level == "kabupaten_kota" else None
    store = open_store(read_only=True)
    try:
        reader = Reader(store)
        years = available_years(reader)
        year = args.year if args.year is not None else default_year(reader)
        if year is None:
            print(t("cli_report_no_data", lang), file=sys.stderr)
            return 1
        if year not in years:
            print(t("cli_report_no_year", lang, year=year, years=", ".join(map(str, years)) or "–"), file=sys.stderr)
            return 1
        filters = Filters(year=year, kabkota=kabkota)
        # The packs load plotly, the boundaries and the renderers: only this command imports them.
        from reports.packs import pack

        params = {"lang": pack_lang, "tahun": year} | ({"wilayah": kabkota} if kabkota else {})
        link = f"{args.link.rstrip('/')}/?{urlencode(params)}"
        name = args.meeting or t("cli_report_meeting", pack_lang)
        content = pack(reader, args.format, filters, pack_lang, name, dt.date.today(), link)
    finally:
        store.close()
    Path(args.out).write_bytes(content)
    print(t("cli_report_written", lang, format=args.format.upper(), file=args.out))
    return 0


def _awards(args: argparse.Namespace) -> int:
    """Print the ranking of an award category, computed by the same view function as the Apresiasi
    page (domain.awards.ranking, with the published weights). JSON: a list of {partner, partner_id,
    rank, total, criteria: {code: {value, score, weight}}}, weights normalised so total = Σ weight ×
    score. Exit 1 for a year without data or without partners."""
    lang = _lang()
    store = open_store(read_only=True)
    try:
        reader = Reader(store)
        years = available_years(reader)
        if args.year not in years:
            shown = ", ".join(map(str, years)) or "–"
            print(t("cli_awards_no_year", lang, year=args.year, years=shown), file=sys.stderr)
            return 1
        ranking = awards.ranking(reader, args.year, args.category)
    finally:
        store.close()
    if ranking.empty:
        print(t("cli_awards_no_partners", lang, year=args.year), file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(ranking.records(), ensure_ascii=False, indent=2))
        return 0
    weights = ", ".join(f"{code} {formatting.percent(weight, lang)}" for code, weight in ranking.used)
    print(t("cli_awards_heading", lang, award=ranking.award.name(lang), year=args.year, weights=weights))
    table = ranking.table
    frame = pd.DataFrame({"rank": table["rank"], "partner": table["partner"]})
    for column in ["total", *(f"{code}_score" for code, _ in ranking.used)]:
        frame[column.removesuffix("_score")] = [formatting.number(v, lang, 2) for v in table[column]]
    print(frame.to_string(index=False))
    return 0


def _password(args: argparse.Namespace) -> str | None:
    """The new password: the first line of stdin with --password-stdin, else asked twice without
    echo; None (after saying so) when the two differ."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("cli_password_prompt", _lang()))
    if getpass.getpass(t("cli_password_again", _lang())) != first:
        print(t("cli_password_mismatch", _lang()), file=sys.stderr)
        return None
    return first


def _place(store: Store, args: argparse.Namespace) -> tuple[str | None, int | None] | None:
    """--wilayah as a kabupaten/kota code and --mitra as a partner id (each None when not given);
    None after printing why when either cannot be resolved."""
    lang = _lang()
    kabkota = None
    if args.wilayah:
        region = resolve_region(args.wilayah)
        if region.level != "kabupaten_kota":
            print(t("cli_user_region_level", lang, name=describe(region)), file=sys.stderr)
            return None
        kabkota = region.code
    partner = None
    if args.mitra:
        partner = store.scalar("SELECT id FROM partners WHERE name_key = ?", [partner_key(args.mitra)])
        if partner is None:
            print(t("cli_user_partner_unknown", lang, name=args.mitra), file=sys.stderr)
            return None
    return kabkota, None if partner is None else int(partner)


def _user_add(store: Store, args: argparse.Namespace) -> int:
    """`user add`: resolve --wilayah and --mitra, read the password, add the user."""
    lang = _lang()
    place = _place(store, args)
    if place is None:
        return 1
    kabkota, partner = place
    password = _password(args)
    if password is None:
        return 1
    users.add_user(
        store,
        args.username,
        args.role,
        password,
        _actor(),
        display_name=args.name,
        kabkota_code=kabkota,
        partner_id=partner,
    )
    print(t("cli_user_added", lang, username=args.username, role=args.role))
    return 0


def _user_table(store: Store) -> str:
    """The users as a readable table: region and partner by name, times to the minute, a dash for
    what is missing; never a hash."""
    listed = users.list_users(store)
    partners = dict(store.query("SELECT id, name FROM partners").itertuples(index=False))
    shown = pd.DataFrame(
        {
            "username": listed["username"],
            "display_name": listed["display_name"],
            "role": listed["role"],
            "kabkota": [region_by_code(c).name if isinstance(c, str) else None for c in listed["kabkota_code"]],
            "partner": [partners.get(int(p)) if pd.notna(p) else None for p in listed["partner_id"]],
            "disabled": [t("yes" if d else "no", _lang()) for d in listed["disabled"]],
            "created_at": listed["created_at"],
            "failed_attempts": listed["failed_attempts"],
            "locked_until": listed["locked_until"],
        }
    ).astype(object)
    for column in ("created_at", "locked_until"):
        shown[column] = [pd.Timestamp(v).strftime("%Y-%m-%d %H:%M") if pd.notna(v) else None for v in shown[column]]
    return shown.where(shown.notna(), "–").to_string(index=False)


def _user(store: Store, args: argparse.Namespace) -> int:
    """The `user` commands."""
    lang = _lang()
    if args.user_command == "add":
        return _user_add(store, args)
    if args.user_command == "list":
        print(_user_table(store) if store.count("users") else t("cli_users_empty", lang))
    elif args.user_command == "disable":
        users.disable_user(store, args.username, _actor())
        print(t("cli_user_disabled", lang, username=args.username))
    elif args.user_command == "enable":
        users.enable_user(store, args.username, _actor())
        print(t("cli_user_enabled", lang, username=args.username))
    elif args.user_command == "role":
        place = _place(store, args)
        if place is None:
            return 1
        users.change_role(store, args.username, args.role, _actor(), *place)
        print(t("cli_user_role_changed", lang, username=args.username, role=args.role))
    elif args.user_command == "reset-password":
        if store.scalar("SELECT count(*) FROM users WHERE username = ?", [args.username]) == 0:
            raise users.UserError(key="user_unknown", username=args.username)
        password = _password(args)
        if password is None:
            return 1
        users.reset_password(store, args.username, password, _actor())
        print(t("cli_user_password_reset", lang, username=args.username))
    return 0


def _admin_init(store: Store, args: argparse.Namespace) -> int:
    """`admin-init`: the first administrator, refused (before asking a password) when one exists."""
    if store.scalar("SELECT count(*) FROM users WHERE role = 'admin'"):
        raise users.UserError(key="user_admin_exists")
    password = _password(args)
    if password is None:
        return 1
    users.first_admin(store, args.username, password, _actor(), display_name=args.name)
    print(t("cli_user_added", _lang(), username=args.username, role="admin"))
    return 0


def _audit(store: Store, limit: int) -> None:
    """Print the audit log, newest first (all of it when `limit` is 0)."""
    log = audit.entries(store, limit or None)
    if log.empty:
        print(t("cli_audit_empty", _lang()))
        return
    shown = log.astype(object).where(log.notna(), "–")
    shown["logged_at"] = [pd.Timestamp(v).strftime("%Y-%m-%d %H:%M:%S") for v in shown["logged_at"]]
    print(shown.to_string(index=False))


def _migrate_store(args: argparse.Namespace) -> int:
    """Copy the store into the empty store at `--to`, printing each table as it is checked."""
    lang = _lang()
    source = open_store(args.source, read_only=True)
    try:
        target = open_store(args.to)
        try:
            result = copy_store(
                source, target, progress=lambda table, rows: print(f"  {table:<30}{rows:>12,}".replace(",", "."))
            )
        finally:
            target.close()
    finally:
        source.close()
    print(
        t(
            "cli_store_copied",
            lang,
            tables=len(result.tables),
            rows=f"{result.rows:,}".replace(",", "."),
            source=shown_url(source.url),
            target=shown_url(target.url),
            seconds=f"{result.seconds:.1f}".replace(".", ","),
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "resolve":
            region = resolve_region(args.text)
            print(f"{region.code}\t{region.bps_code or '-'}\t{describe(region)}\t{region.level}")
            return 0
        if args.command == "template":
            Path(args.out).write_bytes(build_template(args.kind))
            print(t("cli_template", _lang(), file=args.out))
            return 0
        if args.command == "import":
            return _import(args)
        if args.command == "summary":
            return _summary(args)
        if args.command == "report":
            return _report(args)
        if args.command == "awards":
            return _awards(args)
        if args.command == "hash-nik":
            return _hash_nik(args)
        if args.command == "migrate-store":
            return _migrate_store(args)
        reading = args.command in READING_COMMANDS or getattr(args, "user_command", None) == "list"
        store = open_store(read_only=reading)
        if args.command in ("user", "admin-init"):
            try:
                return _user(store, args) if args.command == "user" else _admin_init(store, args)
            finally:
                store.close()
        if args.command == "demo" and args.remove:
            print(t("cli_sample_removed", _lang(), rows=importer.remove_sample(store, _actor())))
        elif args.command == "overlaps":
            overlaps = overlaps_by_region(Reader(store), Filters(year=args.year))
            frame = overlaps.table.copy()  # the per-kabupaten/kota rows, then the total (each person once)
            province = {"region_code": "64", "region_name": region_by_code("64").name}
            frame.loc[len(frame)] = {**province, **vars(overlaps.total)}
            frame = frame.rename(columns=OVERLAP_COLUMNS)
            if args.format == "json":
                print(json.dumps(frame.to_dict("records"), ensure_ascii=False, indent=2))
            elif args.format == "csv":
                print(frame.to_csv(index=False), end="")
            else:
                print(frame.to_string(index=False))
        elif args.command == "lock":
            periods.lock(store, args.year, _actor())
            print(t("cli_locked", _lang(), year=args.year))
        elif args.command == "unlock":
            periods.unlock(store, args.year, _actor())
            print(t("cli_unlocked", _lang(), year=args.year))
        elif args.command == "history":
            _history(store)
        elif args.command == "audit":
            if args.limit < 0:
                print("--limit must be 0 or more", file=sys.stderr)
                return 2
            _audit(store, args.limit)
        elif args.command == "rollback":
            print(importer.rollback(store, args.import_id, _actor()).summary(_lang()))
        elif args.command == "demo":
            if args.beneficiaries < 0:
                print("--beneficiaries must be 0 or more", file=sys.stderr)
                return 2
            summary = build_demo(store, seed=args.seed, beneficiaries=args.beneficiaries)
            print(f"Data contoh dibuat (seed {summary.seed}) di {shown_url(store.url)}")
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
            print(f"Skema versi {store.schema_version()} di {shown_url(store.url)}")
        store.close()
    except ValueProblem as exc:
        print(exc, file=sys.stderr)
        return 1
    except importer.ImportRefused as exc:
        print(exc.message(_lang()), file=sys.stderr)
        return 1
    except RegionError as exc:
        print(exc.message(_lang()), file=sys.stderr)
        return 1
    except StoreError as exc:
        print(exc.message(_lang()), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

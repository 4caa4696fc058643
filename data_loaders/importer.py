"""Storing a validated file: one file is one transaction, every changed row is recorded, and an
import can be rolled back to the exact previous values.

Rows are matched on the data contract's keys: a new key is added, a known key with other values is
updated (its previous version is kept in `<table>_changes`), an identical row is left alone — so
importing the same file twice changes nothing.

The import log (`imports`) always matches what is stored. Status per import:
- 'committed' — it changed rows; they are stored and it can be rolled back (latest first);
- 'unchanged' — every row of the file was already stored as it is: nothing was written, so there is
  nothing to roll back;
- 'rolled_back' — its changes were undone;
- 'removed' — the sample data set, removed before the first real import.
Counts (`rows_added`, `rows_updated`, `rows_unchanged`, `rows_deleted`, and a rollback's counts) are
rows of the kind's main table (`KIND_TABLES[kind][-1]`): one per row of the file — for programs one per
place and funding source. A committed import also records the keys of its file's unchanged rows
('keep' in `<table>_changes`), so an earlier import that wrote those rows cannot be rolled back from
under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

import pandas as pd

from common.i18n import t
from data_loaders import audit, derived, values
from data_loaders import nik as nik_module
from data_loaders.periods import locked_years
from data_loaders.regions import label, region_by_code
from data_loaders.roles import WriteLimit
from data_loaders.store import DATA_TABLES, Store, StoreError, Transaction
from data_loaders.validation import Permitted, Progress, Validation, check_write_limit

TABLE_KEYS = {
    "partners": ("name_key",),
    "programs": ("program_code", "year"),
    "program_allocations": ("program_id", "region_code", "funding_source"),
    "ppks_counts": ("year", "region_code", "ppks_category_id"),
    "beneficiaries": ("nik_hash", "program_code", "year"),
    "indicators": ("indicator_code", "year", "period", "region_code"),
}
NO_LIMIT = WriteLimit()  # admin and the command line write anywhere
KIND_TABLES = {
    "program": ("programs", "program_allocations"),
    "ppks": ("ppks_counts",),
    "penerima": ("beneficiaries",),
    "mitra": ("partners",),
    "indikator": ("indicators",),
}


class ImportCancelled(Exception):
    """The user cancelled before the final commit; nothing was stored."""


class ImportRefused(StoreError):
    """An import or rollback the store cannot take; `key`/`values` give the message in any language."""

    def __init__(self, key: str, **values_: object) -> None:
        super().__init__(t(key, "id", **values_))
        self.key = key  # set after StoreError's own __init__, which may set them too
        self.values = values_

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


@dataclass(frozen=True)
class ImportResult:
    """What an import did, in rows of the kind's main table (see the module docstring)."""

    import_id: int
    added: int
    updated: int
    unchanged: int
    deleted: int
    warnings: int
    same_file_as: int | None  # an earlier committed import of the very same file
    status: str = "committed"  # or 'unchanged': every row was stored already, nothing was written

    def summary(self, lang: str) -> str:
        """'Impor #3 tersimpan: 12 baris baru, 2 diperbarui, …' for the page and the command line, or
        'Impor #4: tidak ada perubahan …' when nothing was written."""
        return t(
            "cli_imported" if self.status == "committed" else "cli_imported_unchanged",
            lang,
            id=self.import_id,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            deleted=self.deleted,
            warnings=self.warnings,
        )


# --- from validated values to table rows ----------------------------------------------------------


def _code(region: object) -> str | None:
    return getattr(region, "code", None)


def _ppks_id(value: object) -> int | None:
    return None if value in (None, values.LINTAS_PPKS) else int(value)


def _new_ids(tx: Transaction, sequence: str, keys: list, known: dict) -> None:
    """Give each key not in `known` a new id from `sequence` (in the keys' order), in place. Ids come
    from a sequence, never from max(id) + 1, so they are never reused, not even those of rolled-back
    rows, which other rows may still name."""
    new = list(dict.fromkeys(key for key in keys if key not in known))
    known.update(zip(new, tx.next_ids(sequence, len(new)), strict=True))


def table_frames(reader: Transaction, validation: Validation) -> dict[str, pd.DataFrame]:
    """The rows this file will write, per table, with the store's ids for rows it already knows.
    Called inside the import's transaction, which draws the new rows' ids from the id sequences."""
    clean = validation.clean
    kind = validation.kind.name
    if kind == "ppks":
        return {
            "ppks_counts": pd.DataFrame(
                {
                    "year": clean["tahun"],
                    "region_code": clean["wilayah"].map(_code),
                    "ppks_category_id": clean["kategori_ppks"],
                    "count": clean["jumlah"],
                    "unit": clean["satuan"].fillna("jiwa"),
                    "data_source": clean["sumber_data"],
                }
            )
        }
    if kind == "indikator":
        return {
            "indicators": pd.DataFrame(
                {
                    "indicator_code": clean["kode_indikator"],
                    "name": clean["nama_indikator"],
                    "year": clean["tahun"],
                    "period": clean["periode"],
                    "region_code": clean["wilayah"].map(_code),
                    "baseline": clean["baseline"],
                    "target": clean["target"],
                    "actual": clean["realisasi"],
                    "unit": clean["satuan"],
                    "direction": clean["arah"],
                    "data_source": clean["sumber_data"],
                }
            )
        }
    if kind == "penerima":
        return {
            "beneficiaries": pd.DataFrame(
                {
                    "nik_hash": clean["nik_hash"],
                    "program_code": clean["kode_program"],
                    "year": clean["tahun"],
                    "region_code": clean["wilayah"].map(_code),
                    "benefit_idr": clean["nilai_bantuan_rp"],
                    "decile": clean["desil"],
                    "ppks_category_id": clean["kategori_ppks"].map(_ppks_id),
                },
                copy=False,  # the checked columns as they are: a million hashes are 100 MB (issue 16)
            )
        }
    if kind == "mitra":
        keys = clean["nama"].map(values.partner_key)
        stored = reader.query("SELECT name_key, id, merged_into FROM partners")
        known = stored.set_index("name_key")["id"].to_dict()
        merged = dict(zip(stored["id"], stored["merged_into"], strict=True))  # a file never undoes a merge
        _new_ids(reader, "partners_id_seq", list(keys), known)
        ids = [known[key] for key in keys]
        return {
            "partners": pd.DataFrame(
                {
                    "id": ids,
                    "name": clean["nama"],
                    "name_key": keys,
                    "sector": clean["sektor"],
                    "kind": clean["jenis"],
                    "operating_regions": clean["wilayah_operasi"],
                    "forum_member": clean["anggota_forum"],
                    "merged_into": [merged.get(i) for i in ids],
                }
            )
        }
    return _program_frames(reader, clean)


def _program_frames(reader: Transaction, clean: pd.DataFrame) -> dict[str, pd.DataFrame]:
    first = clean.drop_duplicates(["kode_program", "tahun"])
    known = reader.query("SELECT program_code, year, id FROM programs")
    ids = {(row.program_code, int(row.year)): int(row.id) for row in known.itertuples()}
    # A merged partner's name resolves to the partner it was merged into (data_loaders/partners.py).
    partners = reader.query("SELECT name_key, coalesce(merged_into, id) AS id FROM partners")
    partners = partners.set_index("name_key")["id"].to_dict()
    keys = list(zip(first["kode_program"], first["tahun"], strict=True))
    _new_ids(reader, "programs_id_seq", keys, ids)
    program_ids = [ids[key] for key in keys]
    programs = pd.DataFrame(
        {
            "id": program_ids,
            "program_code": first["kode_program"],
            "year": first["tahun"],
            "name": first["nama_program"],
            "implementer": first["penyelenggara"],
            "partner_id": first["penyelenggara"].map(lambda name: partners.get(values.partner_key(name))),
            "ppks_category_id": first["kategori_ppks"].map(_ppks_id),
            "assistance_type": first["bentuk_bantuan"],
            "beneficiary_unit": first["satuan_penerima"],
            "status": first["status"],
            "start_date": first["tanggal_mulai"],
            "end_date": first["tanggal_selesai"],
        }
    )
    allocations = pd.DataFrame(
        {
            "program_id": [ids[(c, y)] for c, y in zip(clean["kode_program"], clean["tahun"], strict=True)],
            "region_code": clean["wilayah"].map(_code),
            "funding_source": clean["sumber_dana"],
            "budget_idr": clean["pagu_rp"],
            "committed_idr": clean["komitmen_rp"],
            "spent_idr": clean["realisasi_rp"],
            "target_beneficiaries": clean["target_penerima"],
            "reached_beneficiaries": clean["realisasi_penerima"],
            "latitude": clean["lintang"],
            "longitude": clean["bujur"],
            "is_total": clean.get("_total", False),
        }
    )
    return {"programs": programs, "program_allocations": allocations}


# --- writing ----------------------------------------------------------------------------------------


def _columns(store_or_tx: Store | Transaction, table: str) -> list[str]:
    """The columns of `table` a file gives: all but import_id and the derived ones (person_key, which
    `derived.key_people` fills before the write and `derived.refresh` after a rollback)."""
    left_out = {"import_id", *derived.DERIVED_COLUMNS.get(table, ())}
    return [c for c in store_or_tx.query(f"SELECT * FROM {table} LIMIT 0").columns if c not in left_out]


def _match(keys: tuple[str, ...], left: str = "t", right: str = "i") -> str:
    return " AND ".join(f"{left}.{key} = {right}.{key}" for key in keys)


def _staged(table: str) -> str:
    """The temporary table that holds a file's rows for `table` until the import's end."""
    return f"_incoming_{table}"


def _upsert(tx: Transaction, table: str, frame: pd.DataFrame, import_id: int) -> dict[str, int]:
    """Write `frame` into `table` by key, logging inserted rows and previous versions of updated ones.
    The file's rows stay staged (`_staged(table)`) for `_record_keeps`; `apply` drops them."""
    keys = TABLE_KEYS[table]
    columns = _columns(tx, table)
    staged = _staged(table)
    tx.execute(f"CREATE TEMP TABLE {staged} AS SELECT * FROM {table} LIMIT 0")
    tx.insert_frame(staged, frame[columns].assign(import_id=import_id))
    match = _match(keys)
    differs = " OR ".join(f"t.{c} IS DISTINCT FROM i.{c}" for c in columns if c not in keys) or "FALSE"
    all_columns = ", ".join([*columns, "import_id"])
    # One join (a stored row matches on the key, whose columns are never missing then): DuckDB runs an
    # EXISTS inside an aggregate's FILTER by first collecting the file's distinct keys, 270 MB for a
    # million beneficiaries (issue 16).
    counts = tx.query(
        f"""SELECT
              count(*) FILTER (WHERE t.{keys[0]} IS NULL) AS added,
              count(*) FILTER (WHERE t.{keys[0]} IS NOT NULL AND ({differs})) AS updated,
              count(*) AS total
            FROM {staged} i LEFT JOIN {table} t ON {match}"""
    ).iloc[0]
    if int(counts["total"]) != len(frame):  # a stored key matched twice: no figure is written from it
        raise StoreError(key="store_key_repeated", table=table)
    log = f"INSERT INTO {table}_changes (change_import_id, change_action, {all_columns})"
    tx.execute(
        f"{log} SELECT ?, 'update', {', '.join('t.' + c for c in [*columns, 'import_id'])} "
        f"FROM {table} t JOIN {staged} i ON {match} WHERE {differs}",
        [import_id],
    )
    tx.execute(
        f"{log} SELECT ?, 'insert', {all_columns} FROM {staged} i "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {match})",
        [import_id],
    )
    derived_columns = derived.DERIVED_COLUMNS.get(table, ())
    if derived_columns:  # keyed before the write, so each row is written once
        derived.key_people(tx, staged)
    written = ", ".join([*columns, "import_id", *derived_columns])
    tx.execute(f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM {staged} i WHERE {match} AND ({differs}))")
    tx.execute(
        f"INSERT INTO {table} ({written}) SELECT {written} FROM {staged} i "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {match})"
    )
    deleted = 0
    if table == "program_allocations":
        # The file's rows are the whole set of places and sources of each program it names.
        gone = (
            f"FROM program_allocations t WHERE t.program_id IN (SELECT program_id FROM {staged}) "
            f"AND NOT EXISTS (SELECT 1 FROM {staged} i WHERE {match})"
        )
        deleted = int(tx.query(f"SELECT count(*) AS n {gone}").iloc[0]["n"])
        tx.execute(
            f"{log} SELECT ?, 'delete', {', '.join('t.' + c for c in [*columns, 'import_id'])} {gone}", [import_id]
        )
        tx.execute(f"DELETE {gone}")
    return {
        "added": int(counts["added"]),
        "updated": int(counts["updated"]),
        "total": int(counts["total"]),
        "deleted": deleted,
    }


def _record_keeps(tx: Transaction, table: str, import_id: int) -> None:
    """Log the keys of the file's rows that were stored already as they are ('keep'): after the
    write, those are the rows the file names that still carry another import's id."""
    keys = TABLE_KEYS[table]
    tx.execute(
        f"INSERT INTO {table}_changes (change_import_id, change_action, {', '.join(keys)}) "
        f"SELECT ?, 'keep', {', '.join('t.' + key for key in keys)} FROM {table} t "
        f"WHERE t.import_id <> ? AND EXISTS (SELECT 1 FROM {_staged(table)} i WHERE {_match(keys)})",
        [import_id, import_id],
    )


def _touched_allocations(reader: Store | Transaction, import_id: int) -> int:
    """Allocation rows an import did not write itself whose program's name, status or dates it
    changed: they count as updated, and a rollback restores them with their program."""
    return int(
        reader.query(
            "SELECT count(*) AS n FROM program_allocations WHERE import_id <> ? AND program_id IN (SELECT id "
            "FROM programs_changes WHERE change_import_id = ? AND change_action = 'update')",
            [import_id, import_id],
        ).iloc[0]["n"]
    )


def _noop_progress(stage: str, done: int, total: int) -> None:
    """Progress is optional."""


def _never() -> bool:
    return False


def sample_imports(store: Store) -> list[int]:
    return store.query("SELECT id FROM imports WHERE is_sample AND status = 'committed'")["id"].tolist()


def refusal(store: Store, validation: Validation) -> ImportRefused | None:
    """Why the store would refuse to take `validation` now, or None when it would take it: errors in
    the file, sample data still stored, or a locked year. `apply` raises this; the data page shows it
    at validation, so a file is never called ready when it cannot be stored."""
    if not validation.ok:
        return ImportRefused("imp_has_errors", errors=len(validation.errors))
    if sample_imports(store):
        return ImportRefused("imp_store_has_sample")
    years = validation.clean["tahun"].dropna() if "tahun" in validation.clean else []  # partners have no year
    locked = sorted(set(locked_years(store)) & {int(y) for y in years})
    if locked:
        return ImportRefused("imp_period_locked", years=", ".join(map(str, locked)))
    return None


def apply(
    store: Store,
    validation: Validation,
    user: str,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    limit: WriteLimit = NO_LIMIT,
    role: str | None = None,
) -> ImportResult:
    """Store a validated file in one transaction and log it (see the module docstring for statuses
    and units). A file whose rows are all stored already is logged as 'unchanged' and writes no row.
    `user` is the actor logged; `limit` the rows they may write (checked here again, whatever the
    validation was made with); `role` is written to the audit row with the limit.
    Raises ImportRefused (see `refusal`; 'imp_limit_refused' naming the rows outside `limit`),
    ImportCancelled when `cancel()` turns true before the commit (the store is left as it was),
    StoreError when the write did not persist."""
    with store.serialised():  # the checks below hold for the write
        refused = refusal(store, validation)
        if refused is not None:
            raise refused
        outside = limit_rows(store, validation, limit)
        if outside:
            shown = ", ".join(map(str, outside[:MAX_NAMED_ROWS])) + (" …" if len(outside) > MAX_NAMED_ROWS else "")
            raise ImportRefused("imp_limit_refused", file=validation.file, count=len(outside), rows=shown)
        progress = progress or _noop_progress
        cancel = cancel or _never
        tables = KIND_TABLES[validation.kind.name]
        same = store.scalar(
            "SELECT min(id) FROM imports WHERE sha256 = ? AND kind = ? AND status = 'committed'",
            [validation.sha256, validation.kind.name],
        )
        steps = len(tables) + 1
        progress("write", 0, steps)
        with store.transaction() as tx:
            frames = table_frames(tx, validation)
            before = {table: int(tx.query(f"SELECT count(*) AS n FROM {table}").iloc[0]["n"]) for table in tables}
            import_id = tx.next_id("imports_id_seq")
            tx.execute(
                "INSERT INTO imports (id, kind, file_name, sha256, imported_by, imported_at, is_sample, sheet, "
                "warnings) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
                [
                    import_id,
                    validation.kind.name,
                    nik_module.without_niks(validation.file),  # a file named after a person keeps no NIK
                    validation.sha256,
                    user,
                    dt.datetime.now().replace(microsecond=0),
                    validation.sheet,
                    len(validation.warnings),
                ],
            )
            # The file's rows are its years' (a program's allocations belong to the program's year):
            # the derived overlap figures of other years stay as they are (data_loaders/derived.py).
            tx.changed_years = {
                int(year)
                for table in tables
                if "year" in frames[table]
                for year in frames[table]["year"].dropna().unique()
            }
            results = {}
            for step, table in enumerate(tables, start=1):
                if cancel():
                    raise ImportCancelled
                results[table] = _upsert(tx, table, frames.pop(table), import_id)
                progress("write", step, steps)
            main = results[tables[-1]]
            updated = main["updated"]
            if validation.kind.name == "program":
                # A row whose program's name, status or dates changed is updated even if its amounts are not.
                updated += _touched_allocations(tx, import_id)
            added, deleted = main["added"], main["deleted"]
            unchanged = main["total"] - added - updated
            changed = any(result["added"] or result["updated"] or result["deleted"] for result in results.values())
            for table in tables:
                if changed:
                    _record_keeps(tx, table, import_id)
                tx.execute(f"DROP TABLE {_staged(table)}")
            tx.execute(
                "UPDATE imports SET rows_added = ?, rows_updated = ?, rows_unchanged = ?, rows_deleted = ?, status = ? "
                "WHERE id = ?",
                [added, updated, unchanged, deleted, "committed" if changed else "unchanged", import_id],
            )
            detail = {
                "import_id": import_id,
                "kind": validation.kind.name,
                "file": validation.file,
                "sheet": validation.sheet,
                "status": "committed" if changed else "unchanged",
                "added": added,
                "updated": updated,
                "unchanged": unchanged,
                "deleted": deleted,
                "warnings": len(validation.warnings),
                **_who(role, limit),
            }
            audit.record(tx, user, "import", detail, rows=added + updated + deleted)
            if cancel():
                raise ImportCancelled
            progress("write", steps, steps)
        _verify(store, import_id, before, {t: r["added"] - r["deleted"] for t, r in results.items()})
        return ImportResult(
            import_id,
            added,
            updated,
            unchanged,
            deleted,
            len(validation.warnings),
            int(same) if same is not None else None,
            "committed" if changed else "unchanged",
        )


def _verify(store: Store, import_id: int, before: dict[str, int], delta: dict[str, int]) -> None:
    """DuckDB can fail a COMMIT silently: check that the import and its rows are really there. A
    store whose failed COMMIT always raises (`commit_checked`, PostgreSQL) needs no check, and there
    another process may write between the commit and a count."""
    if store.commit_checked:
        return
    if store.scalar("SELECT count(*) FROM imports WHERE id = ?", [import_id]) != 1:
        raise StoreError(f"Import {import_id} did not persist; nothing was stored.")
    for table, count in before.items():
        if store.count(table) != count + delta[table]:
            raise StoreError(
                f"Import {import_id}: {table} holds {store.count(table)} rows, expected {count + delta[table]}."
            )


@dataclass(frozen=True)
class RollbackResult:
    """What a rollback did, in rows of `table`, the kind's main table — the unit of the import's own
    counts, so `removed`, `restored` and `reinstated` equal the import's rows_added, rows_updated and
    rows_deleted."""

    import_id: int
    table: str
    removed: int  # rows the import added, now gone
    restored: int  # rows the import updated, back at their previous values
    reinstated: int  # rows the import removed, back again

    def summary(self, lang: str) -> str:
        """'Impor #3 dibatalkan: 3 baris baru dihapus, …' for the page and the command line."""
        return t(
            "cli_rolled_back_rows",
            lang,
            id=self.import_id,
            removed=self.removed,
            restored=self.restored,
            reinstated=self.reinstated,
            unit=t(f"rows_unit_{self.table}", lang),
        )


def _check_rollback(store: Store, import_id: int) -> tuple[str, ...]:
    """The tables of an import that can be rolled back now; raises ImportRefused naming why not
    (unknown, already rolled back, unchanged, locked year, a later import on the same rows)."""
    row = store.query("SELECT kind, status FROM imports WHERE id = ?", [import_id])
    if row.empty or row.iloc[0]["kind"] not in KIND_TABLES:
        raise ImportRefused("imp_rollback_unknown", import_id=import_id)
    status = row.iloc[0]["status"]
    if status == "unchanged":
        raise ImportRefused("imp_rollback_unchanged", import_id=import_id)
    if status != "committed":
        raise ImportRefused("imp_rollback_done", import_id=import_id)
    tables = KIND_TABLES[row.iloc[0]["kind"]]
    touched = set()
    for table in tables:
        if "year" in _columns(store, table):
            touched |= set(
                store.query(
                    f"SELECT DISTINCT year FROM {table}_changes WHERE change_import_id = ? AND change_action <> 'keep'",
                    [import_id],
                )["year"]
                .dropna()
                .astype(int)
            )
    locked = sorted(touched & set(locked_years(store)))
    if locked:
        raise ImportRefused("imp_period_locked", years=", ".join(map(str, locked)))
    changed, kept = set(), set()
    for table in tables:
        later = store.query(
            f"SELECT DISTINCT b.change_import_id AS id, b.change_action = 'keep' AS kept FROM {table}_changes a "
            f"JOIN {table}_changes b ON {_match(TABLE_KEYS[table], 'a', 'b')} "
            "WHERE a.change_import_id = ? AND a.change_action <> 'keep' AND b.change_import_id > ? "
            "AND b.change_import_id IN (SELECT id FROM imports WHERE status = 'committed')",
            [import_id, import_id],
        )
        changed |= set(later.loc[~later["kept"].astype(bool), "id"])
        kept |= set(later.loc[later["kept"].astype(bool), "id"])
    changed |= set(_later_users(store, import_id, tables))
    if changed or kept:
        key = "imp_rollback_later" if changed else "imp_rollback_later_kept"
        later = ", ".join(f"#{number}" for number in sorted(changed or kept))
        raise ImportRefused(key, import_id=import_id, later=later)
    return tables


def rollback(
    store: Store, import_id: int, user: str, limit: WriteLimit = NO_LIMIT, role: str | None = None
) -> RollbackResult:
    """Restore every row an import changed to its previous version, in one transaction; the import's
    status becomes 'rolled_back'. Refused (ImportRefused) for an unknown, 'unchanged' or already
    rolled-back import, an import with rows outside `limit` (`rollback_refusal`), a locked year, or
    while a later stored import changed or holds the same rows (roll that one back first). `user`
    and `role` are logged with the limit. Raises StoreError when the rollback did not persist."""
    with store.serialised():  # the checks below hold for the write
        outside = rollback_refusal(store, import_id, limit)
        if outside is not None:
            raise outside
        tables = _check_rollback(store, import_id)
        main = tables[-1]
        before = store.count(main)
        with store.transaction() as tx:
            actions = tx.query(
                f"SELECT change_action AS action, count(*) AS n FROM {main}_changes WHERE change_import_id = ? "
                "GROUP BY change_action",
                [import_id],
            )
            counts = dict(zip(actions["action"], actions["n"].astype(int), strict=True))
            touched = _touched_allocations(tx, import_id) if main == "program_allocations" else 0
            result = RollbackResult(
                import_id,
                main,
                removed=counts.get("insert", 0),
                restored=counts.get("update", 0) + touched,
                reinstated=counts.get("delete", 0),
            )
            for table in reversed(tables):
                keys = TABLE_KEYS[table]
                columns = ", ".join([*_columns(tx, table), "import_id"])
                tx.execute(
                    f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM {table}_changes i WHERE {_match(keys)} "
                    "AND i.change_import_id = ? AND i.change_action IN ('insert', 'update'))",
                    [import_id],
                )
                tx.execute(
                    f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}_changes "
                    "WHERE change_import_id = ? AND change_action IN ('update', 'delete')",
                    [import_id],
                )
            tx.execute(
                "UPDATE imports SET status = 'rolled_back', rolled_back_at = ?, rolled_back_by = ? WHERE id = ?",
                [dt.datetime.now().replace(microsecond=0), user, import_id],
            )
            detail = {
                "import_id": import_id,
                "removed": result.removed,
                "restored": result.restored,
                "reinstated": result.reinstated,
                **_who(role, limit),
            }
            audit.record(tx, user, "rollback", detail, rows=result.removed + result.restored + result.reinstated)
        if store.scalar("SELECT status FROM imports WHERE id = ?", [import_id]) != "rolled_back":
            raise StoreError(f"Rollback of import {import_id} did not persist.")
        expected = before - result.removed + result.reinstated
        if store.count(main) != expected:
            raise StoreError(
                f"Rollback of import {import_id}: {main} holds {store.count(main)} rows, expected {expected}."
            )
        return result


# Rows of one table name rows that another import may have added: a later import's places of a
# program, or a later program's partner. Rolling back the first would leave them pointing nowhere.
_REFERENCES = {
    "programs": ("program_allocations", "program_id"),
    "partners": ("programs", "partner_id"),
}


def _later_users(store: Store, import_id: int, tables: tuple[str, ...]) -> list[int]:
    users: set[int] = set()
    for table in tables:
        if table not in _REFERENCES:
            continue
        child, column = _REFERENCES[table]
        users |= set(
            store.query(
                f"SELECT DISTINCT c.change_import_id AS id FROM {child}_changes c "
                f"WHERE c.change_import_id > ? AND c.change_action IN ('insert', 'update') "
                f"AND c.change_import_id IN (SELECT id FROM imports WHERE status = 'committed') "
                f"AND c.{column} IN (SELECT id FROM {table}_changes WHERE change_import_id = ? "
                f"AND change_action = 'insert')",
                [import_id, import_id],
            )["id"]
        )
    return sorted(users)


def known_keys(store: Store) -> tuple[set[tuple[str, int]], set[str]]:
    """The (program_code, year) keys of stored programs and the name keys of stored partners, so a
    beneficiary or program file can warn about unknown programs and partners."""
    programs = {
        (row.program_code, int(row.year))
        for row in store.query("SELECT DISTINCT program_code, year FROM programs").itertuples()
    }
    partners = set(store.query("SELECT name_key FROM partners")["name_key"])
    return programs, partners


def history(store: Store) -> pd.DataFrame:
    return store.query(
        "SELECT id, kind, file_name, sha256, imported_by, imported_at, is_sample, rows_added, rows_updated, "
        "rows_unchanged, rows_deleted, warnings, status, rolled_back_at, rolled_back_by "
        "FROM imports ORDER BY id DESC"
    )


def remove_sample(store: Store, user: str = audit.PUBLIC, role: str | None = None) -> int:
    """Remove the sample data set so that real data can be imported; returns the rows removed.
    The catalogue's sample rows go with it: items and adoptions marked `is_sample`, and the adoptions of
    a sample item (which would otherwise point at nothing). `user` is logged as the actor with `role`
    (the dashboard allows it to roles.REMOVE_SAMPLE only)."""
    with store.serialised():  # the checks below hold for the write
        sample = sample_imports(store)
        sample_items = "SELECT id FROM catalogue_items WHERE is_sample"
        catalogue = {
            "catalogue_adoptions": f"is_sample OR item_id IN ({sample_items})",
            "catalogue_items": "is_sample",
        }  # adoptions first: their condition reads the sample items
        catalogue_rows = sum(int(store.scalar(f"SELECT count(*) FROM {t} WHERE {w}")) for t, w in catalogue.items())
        if not sample and not catalogue_rows:
            return 0
        placeholders = ", ".join("?" for _ in sample) or "NULL"
        removed = catalogue_rows + sum(
            int(store.scalar(f"SELECT count(*) FROM {t} WHERE import_id IN ({placeholders})", sample))
            for t in DATA_TABLES
        )
        with store.transaction() as tx:
            for table, where in catalogue.items():
                tx.execute(f"DELETE FROM {table} WHERE {where}")
            for table in DATA_TABLES:
                tx.execute(f"DELETE FROM {table} WHERE import_id IN ({placeholders})", sample)
            tx.execute(f"UPDATE imports SET status = 'removed' WHERE id IN ({placeholders})", sample)
            detail = {"import_ids": sample, "catalogue_rows": catalogue_rows, **_who(role)}
            audit.record(tx, user, "sample_remove", detail, rows=removed)
        if sample_imports(store):
            raise StoreError("Removing the sample data did not persist.")
        return removed


# --- the write limit of a role (issue 12) -----------------------------------------------------------

MAX_NAMED_ROWS = 10


def _who(role: str | None, limit: WriteLimit = NO_LIMIT) -> dict[str, object]:
    """The role and write limit an audit row names: {'role': …, 'limit': {…} or None for none}; {}
    when no role is given (the command line, whose actor 'cli:<os user>' says who acted)."""
    return {} if role is None else {"role": role, "limit": None if limit.unlimited else asdict(limit)}


def _outside_sql(column: str) -> str:
    """SQL true for a region code not located in the kab/kota given as parameters (code, code)."""
    return f"({column} IS NULL OR ({column} <> ? AND {column} NOT LIKE ? || '.%'))"


def permitted(reader: Store | Transaction, limit: WriteLimit, validation: Validation) -> Permitted | None:
    """What `limit` lets its user write, read from the store for `validation`'s kind (see
    `validation.Permitted`); None for no limit (admin, command line)."""
    if limit.unlimited:
        return None
    kind = validation.kind.name
    if limit.kabkota_code is not None:
        try:
            kabkota = region_by_code(limit.kabkota_code)
        except KeyError:
            return Permitted("operator")
        code = kabkota.code
        foreign: dict[tuple[str, int], str] = {}
        if kind == "program":
            elsewhere = reader.query(
                "SELECT p.program_code AS code, p.year, string_agg(DISTINCT a.region_code, ', ' ORDER BY "
                "a.region_code) AS regions FROM programs p JOIN program_allocations a ON a.program_id = p.id "
                f"WHERE {_outside_sql('a.region_code')} GROUP BY 1, 2",
                [code, code],
            )
            foreign = {(r.code, int(r.year)): r.regions for r in elsewhere.itertuples()}
        beneficiaries: frozenset = frozenset()
        if kind == "penerima" and validation.clean is not None:
            codes = sorted(set(validation.clean["kode_program"].dropna()))
            if codes:
                marks = ", ".join("?" for _ in codes)
                stored = reader.query(
                    "SELECT nik_hash, program_code, year FROM beneficiaries "
                    f"WHERE program_code IN ({marks}) AND {_outside_sql('region_code')}",
                    [*codes, code, code],
                )
                beneficiaries = frozenset((r.nik_hash, r.program_code, int(r.year)) for r in stored.itertuples())
        return Permitted("operator", kabkota, foreign_programs=foreign, foreign_beneficiaries=beneficiaries)
    partner = reader.query("SELECT name, name_key FROM partners WHERE id = ?", [limit.partner_id])
    if partner.empty:
        return Permitted("mitra")
    programs = reader.query("SELECT program_code, year, partner_id, implementer FROM programs")
    own = programs["partner_id"].eq(limit.partner_id).fillna(False).astype(bool)
    return Permitted(
        "mitra",
        partner_name=partner.iloc[0]["name"],
        partner_key=partner.iloc[0]["name_key"],
        own_programs=frozenset((r.program_code, int(r.year)) for r in programs[own].itertuples()),
        foreign_programs={(r.program_code, int(r.year)): r.implementer for r in programs[~own].itertuples()},
    )


def check_limit(store: Store, validation: Validation, limit: WriteLimit) -> list[int]:
    """Add to `validation` one error per row outside `limit` (`validation.check_write_limit`), so the
    file is refused row by row and nothing is stored; returns those rows' numbers ([] for none)."""
    allowed = permitted(store, limit, validation)
    return [] if allowed is None else check_write_limit(validation, allowed)


def limit_rows(store: Store, validation: Validation, limit: WriteLimit) -> list[int]:
    """The rows of `validation` outside `limit`, checked afresh (the validation is left as it is)."""
    return check_limit(store, replace(validation, problems=[]), limit)


def rollback_refusal(store: Store, import_id: int, limit: WriteLimit) -> ImportRefused | None:
    """Why a user with `limit` may not roll back `import_id`, or None when they may: an operator only
    an import every row of which (stored, replaced or removed, and the places of the programs it
    described) lies in their kab/kota; a mitra only an import of its own programs or of their
    beneficiaries. An unknown import is left to `rollback`'s own checks."""
    if limit.unlimited:
        return None
    row = store.query("SELECT kind FROM imports WHERE id = ?", [import_id])
    if row.empty or row.iloc[0]["kind"] not in KIND_TABLES:
        return None
    kind = row.iloc[0]["kind"]
    if limit.kabkota_code is not None:
        if kind == "mitra":
            return ImportRefused("imp_rollback_limit_kind", import_id=import_id, kind=kind)
        code = limit.kabkota_code
        located = [table for table in KIND_TABLES[kind] if table != "programs"]
        sqls = [
            f"SELECT region_code FROM {table}_changes WHERE change_import_id = ? AND change_action <> 'keep' "
            f"AND {_outside_sql('region_code')}"
            for table in located
        ]
        sqls += [f"SELECT region_code FROM {n} WHERE import_id = ? AND {_outside_sql('region_code')}" for n in located]
        if kind == "program":  # the places of every program whose description it wrote
            sqls.append(
                "SELECT region_code FROM program_allocations WHERE program_id IN (SELECT id FROM programs_changes "
                "WHERE change_import_id = ? AND change_action <> 'keep' UNION SELECT id FROM programs "
                f"WHERE import_id = ?) AND {_outside_sql('region_code')}"
            )
        outside: set[str] = set()
        for sql in sqls:
            ids = [import_id] * sql.count("import_id = ?")
            outside |= set(store.query(sql, [*ids, code, code])["region_code"].dropna())
        if outside:
            shown = sorted(outside)
            regions = ", ".join(shown[:5]) + (" …" if len(shown) > 5 else "")
            try:
                own = label(region_by_code(code))
            except KeyError:
                own = code
            return ImportRefused("imp_rollback_limit_region", import_id=import_id, own=own, regions=regions)
        return None
    if kind == "program":
        others = store.query(
            "SELECT DISTINCT program_code AS code FROM (SELECT id, program_code, partner_id FROM programs_changes "
            "WHERE change_import_id = ? AND change_action <> 'keep' UNION ALL SELECT p.id, p.program_code, "
            "p.partner_id FROM programs p WHERE p.import_id = ? OR p.id IN (SELECT program_id FROM "
            "program_allocations_changes WHERE change_import_id = ?)) AS touched WHERE partner_id IS DISTINCT FROM ?",
            [import_id, import_id, import_id, limit.partner_id],
        )
    elif kind == "penerima":
        others = store.query(
            "SELECT DISTINCT c.program_code AS code FROM beneficiaries_changes c WHERE c.change_import_id = ? "
            "AND NOT EXISTS (SELECT 1 FROM programs p WHERE p.program_code = c.program_code AND p.year = c.year "
            "AND p.partner_id = ?)",
            [import_id, limit.partner_id],
        )
    else:
        return ImportRefused("imp_rollback_limit_kind", import_id=import_id, kind=kind)
    if others.empty:
        return None
    codes = sorted(others["code"].dropna().astype(str))
    return ImportRefused("imp_rollback_limit_partner", import_id=import_id, programs=", ".join(codes[:5]))


def limit_name(store: Store, limit: WriteLimit) -> str | None:
    """Whose rows `limit` allows, as messages name it: 'Kota Samarinda (64.72)' for an operator, the
    stored partner's name for a mitra; None for no limit or an unknown region or partner."""
    if limit.kabkota_code is not None:
        try:
            return label(region_by_code(limit.kabkota_code))
        except KeyError:
            return None
    if limit.partner_id is not None:
        return store.scalar("SELECT name FROM partners WHERE id = ?", [limit.partner_id])
    return None

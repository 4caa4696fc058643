"""Partner merges (issue 13): two partner records that are one company become one, undoably.

`merge(store, kept_id, merged_id, actor)` re-points every program of the merged partner to the kept
one, sets `partners.merged_into`, records the merge in `partner_merges` and the programs it moved in
`partner_merge_programs`, and writes a 'partner_merge' audit row — in one versioned transaction.
`unmerge(store, merge_id, actor)` undoes exactly that: the listed programs go back (those still
pointing at the kept partner), `merged_into` is cleared, `undone_at`/`undone_by` are set, and a
'partner_unmerge' audit row is written. The merged record itself stays, so its imports can still be
rolled back; the reader leaves it out of `partner_rows`, and a program file naming it is linked to
the kept partner (`data_loaders/importer.py`).

Refused, with a message in id and en and nothing stored (`PartnerError`):
- the same partner twice; an unknown partner id; a partner already merged into another (kept or
  merged); a merged partner into which others are merged (undo those merges first, so a merge is
  never a chain);
- a merged partner to which a user of role mitra is bound: decided to refuse rather than move the
  account silently, because a moved account would see and import for another company's record;
  the message names the users and the fix (`user role USERNAME --role mitra --mitra KEPT`).
- an unknown merge id, or a merge already undone.

The caller checks the permission (`roles.MERGE_PARTNERS`, admin) before calling; the functions take
the actor's name for the audit trail.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from data_loaders import audit
from data_loaders.store import Store, StoreError, Transaction


class PartnerError(StoreError):
    """A merge or undo that cannot be done; `message(lang)` says which value and the fix."""


def _partner(tx: Transaction, partner_id: int) -> pd.Series:
    """The stored partner `partner_id` (id, name, merged_into); raises PartnerError when unknown."""
    rows = tx.query("SELECT id, name, merged_into FROM partners WHERE id = ?", [int(partner_id)])
    if rows.empty:
        raise PartnerError(key="partner_unknown", partner_id=partner_id)
    return rows.iloc[0]


def merge(store: Store, kept_id: int, merged_id: int, actor: str, role: str | None = None) -> int:
    """Merge partner `merged_id` into `kept_id` (module docstring); returns the merge id. `actor` is
    the username written to `partner_merges.merged_by` and the audit row (with `role` when given).
    Raises PartnerError for the refusals of the module docstring; StoreError when the store cannot
    write."""
    if int(kept_id) == int(merged_id):
        raise PartnerError(key="partner_merge_same", partner_id=kept_id)
    with store.transaction() as tx:
        kept, merged = _partner(tx, kept_id), _partner(tx, merged_id)
        for partner in (kept, merged):
            if not pd.isna(partner["merged_into"]):
                raise PartnerError(key="partner_already_merged", name=partner["name"], into=int(partner["merged_into"]))
        feeding = tx.query(
            "SELECT id FROM partner_merges WHERE kept_id = ? AND undone_at IS NULL ORDER BY id", [int(merged_id)]
        )
        if not feeding.empty:
            raise PartnerError(
                key="partner_merge_chain", name=merged["name"], merges=", ".join(f"#{i}" for i in feeding["id"])
            )
        bound = tx.query(
            "SELECT username FROM users WHERE role = 'mitra' AND partner_id = ? ORDER BY username", [int(merged_id)]
        )
        if not bound.empty:
            raise PartnerError(
                key="partner_merge_users",
                name=merged["name"],
                users=", ".join(bound["username"]),
                kept=kept["name"],
            )
        now = dt.datetime.now().replace(microsecond=0)
        merge_id = int(
            tx.query(
                "INSERT INTO partner_merges (kept_id, merged_id, merged_at, merged_by) "
                "VALUES (?, ?, ?, ?) RETURNING id",
                [int(kept_id), int(merged_id), now, actor],
            )["id"].iloc[0]
        )
        programs = tx.query("SELECT id FROM programs WHERE partner_id = ? ORDER BY id", [int(merged_id)])["id"]
        tx.insert_frame(
            "partner_merge_programs", pd.DataFrame({"merge_id": merge_id, "program_id": programs.astype(int)})
        )
        tx.changed_years = set()  # a program's partner is in no stored overlap figure (data_loaders/derived.py)
        tx.execute("UPDATE programs SET partner_id = ? WHERE partner_id = ?", [int(kept_id), int(merged_id)])
        tx.execute("UPDATE partners SET merged_into = ? WHERE id = ?", [int(kept_id), int(merged_id)])
        detail = {"merge_id": merge_id, "kept_id": int(kept_id), "kept": kept["name"]}
        detail |= {"merged_id": int(merged_id), "merged": merged["name"], "programs": len(programs)}
        audit.record(tx, actor, "partner_merge", detail | ({} if role is None else {"role": role}), rows=len(programs))
    return merge_id


def unmerge(store: Store, merge_id: int, actor: str, role: str | None = None) -> int:
    """Undo merge `merge_id` (module docstring); returns the number of programs moved back. Raises
    PartnerError for an unknown merge id or a merge already undone; StoreError when the store
    cannot write."""
    with store.transaction() as tx:
        rows = tx.query("SELECT kept_id, merged_id, undone_at, undone_by FROM partner_merges WHERE id = ?", [merge_id])
        if rows.empty:
            raise PartnerError(key="partner_merge_unknown", merge_id=merge_id)
        record = rows.iloc[0]
        if not pd.isna(record["undone_at"]):
            raise PartnerError(
                key="partner_merge_undone", merge_id=merge_id, by=record["undone_by"], at=str(record["undone_at"])
            )
        kept_id, merged_id = int(record["kept_id"]), int(record["merged_id"])
        moved = tx.query(
            "SELECT count(*) AS n FROM programs WHERE partner_id = ? "
            "AND id IN (SELECT program_id FROM partner_merge_programs WHERE merge_id = ?)",
            [kept_id, merge_id],
        )["n"].iloc[0]
        tx.changed_years = set()  # a program's partner is in no stored overlap figure (data_loaders/derived.py)
        tx.execute(
            "UPDATE programs SET partner_id = ? WHERE partner_id = ? "
            "AND id IN (SELECT program_id FROM partner_merge_programs WHERE merge_id = ?)",
            [merged_id, kept_id, merge_id],
        )
        tx.execute("UPDATE partners SET merged_into = NULL WHERE id = ?", [merged_id])
        now = dt.datetime.now().replace(microsecond=0)
        tx.execute("UPDATE partner_merges SET undone_at = ?, undone_by = ? WHERE id = ?", [now, actor, merge_id])
        detail = {"merge_id": int(merge_id), "kept_id": kept_id, "merged_id": merged_id, "programs": int(moved)}
        audit.record(tx, actor, "partner_unmerge", detail | ({} if role is None else {"role": role}), rows=int(moved))
    return int(moved)


def merges(store: Store) -> pd.DataFrame:
    """Every merge, newest first: id, kept_id, kept (name), merged_id, merged (name), merged_at,
    merged_by, undone_at, undone_by (None where not undone), programs (count moved)."""
    return store.query(
        """SELECT m.id, m.kept_id, k.name AS kept, m.merged_id, d.name AS merged, m.merged_at, m.merged_by,
                  m.undone_at, m.undone_by,
                  (SELECT count(*) FROM partner_merge_programs x WHERE x.merge_id = m.id) AS programs
           FROM partner_merges m LEFT JOIN partners k ON k.id = m.kept_id LEFT JOIN partners d ON d.id = m.merged_id
           ORDER BY m.id DESC"""
    )

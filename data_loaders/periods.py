"""Reporting periods an administrator has locked: once a year's figures are reported and agreed,
imports into that year (and rollbacks of imports that touched it) are refused."""

from __future__ import annotations

import datetime as dt

from data_loaders import audit
from data_loaders.store import Store


def locked_years(store: Store) -> list[int]:
    """The locked years, ascending."""
    return [int(year) for year in store.query("SELECT year FROM locked_periods ORDER BY year")["year"]]


def lock(store: Store, year: int, user: str, role: str | None = None) -> None:
    """Lock `year` (already locked: kept as it was); logged as 'period_lock' by `user` with `role`
    (the dashboard allows it to roles.LOCK_PERIODS only)."""
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO locked_periods VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING",
            [year, dt.datetime.now().replace(microsecond=0), user],
        )
        audit.record(tx, user, "period_lock", {"year": year} | ({} if role is None else {"role": role}))


def unlock(store: Store, year: int, user: str = audit.PUBLIC, role: str | None = None) -> None:
    """Unlock `year`; logged as 'period_unlock' by `user` with `role` (roles.LOCK_PERIODS only)."""
    with store.transaction() as tx:
        tx.execute("DELETE FROM locked_periods WHERE year = ?", [year])
        audit.record(tx, user, "period_unlock", {"year": year} | ({} if role is None else {"role": role}))

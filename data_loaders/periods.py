"""Reporting periods an administrator has locked: once a year's figures are reported and agreed,
imports into that year (and rollbacks of imports that touched it) are refused."""

from __future__ import annotations

import datetime as dt

from data_loaders.store import Store


def locked_years(store: Store) -> list[int]:
    return [int(year) for year in store.query("SELECT year FROM locked_periods ORDER BY year")["year"]]


def lock(store: Store, year: int, user: str) -> None:
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO locked_periods VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING",
            [year, dt.datetime.now().replace(microsecond=0), user],
        )


def unlock(store: Store, year: int) -> None:
    with store.transaction() as tx:
        tx.execute("DELETE FROM locked_periods WHERE year = ?", [year])

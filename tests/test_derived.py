"""Derived tables (data_loaders/derived.py, issue 16): `need_levels` always holds what the rule
computes from the rows of the same data version, after every kind of write."""

from __future__ import annotations

from data_loaders import derived
from data_loaders.importer import rollback
from data_loaders.store import open_store
from tests.conftest import stored

COLUMNS = "year, region_code, ppks_category_id, set_aside, set_aside_in_kabkota, public_set_aside, "
COLUMNS += "public_set_aside_in_kabkota"


def _fresh_and_stored(url: str):
    fresh = stored(url, f"SELECT {COLUMNS} FROM ({derived.NEED_LEVELS}) AS n ORDER BY 1, 2, 3")
    kept = stored(url, f"SELECT {COLUMNS} FROM need_levels ORDER BY 1, 2, 3")
    return fresh, kept


def test_need_levels_follow_every_write(fixture_url):
    fresh, kept = _fresh_and_stored(fixture_url)
    assert len(kept) > 0 and kept.equals(fresh)
    store = open_store(fixture_url)
    try:
        with store.transaction() as tx:  # one figure below SMALL_COUNT: not in the public view
            last_region = "(SELECT max(region_code) FROM ppks_counts)"
            tx.execute(f"UPDATE ppks_counts SET count = 5 WHERE region_code = {last_region}")
        fresh, kept = _fresh_and_stored(fixture_url)
        assert kept.equals(fresh) and kept["public_set_aside"].isna().sum() >= 1
        with store.transaction() as tx:  # a need figure removed: the rule changes around it
            tx.execute("DELETE FROM ppks_counts WHERE region_code = (SELECT min(region_code) FROM ppks_counts)")
        fresh, kept = _fresh_and_stored(fixture_url)
        assert kept.equals(fresh) and len(kept) == len(fresh)
        last = int(store.scalar("SELECT max(id) FROM imports"))
        with store.session(write=True):
            rollback(store, last, "test")
    finally:
        store.close()
    fresh, kept = _fresh_and_stored(fixture_url)
    assert kept.equals(fresh)


def test_need_levels_written_by_an_older_release_are_repaired_on_open(fixture_url):
    store = open_store(fixture_url)
    try:
        with store.session(write=True), store.transaction(versioned=False) as tx:
            # what a process of the release before migration 0010 leaves: need rows changed, levels not
            tx.execute("UPDATE ppks_counts SET count = count + 1")
            tx.execute("DELETE FROM need_levels WHERE region_code = (SELECT min(region_code) FROM need_levels)")
        version = store.data_version()
        assert not derived.is_current(store)
    finally:
        store.close()
    reopened = open_store(fixture_url)
    try:
        assert derived.is_current(reopened) and reopened.data_version() == version + 1  # caches see the change
    finally:
        reopened.close()
    fresh, kept = _fresh_and_stored(fixture_url)
    assert kept.equals(fresh)

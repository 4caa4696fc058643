"""Derived tables (data_loaders/derived.py, issue 16): `need_levels` always holds what the rule
computes from the rows of the same data version, after every kind of write."""

from __future__ import annotations

from data_loaders import derived
from data_loaders.importer import rollback
from data_loaders.store import open_store
from domain import reader
from tests.conftest import stored

COLUMNS = "year, region_code, ppks_category_id, set_aside, set_aside_in_kabkota, public_set_aside, "
COLUMNS += "public_set_aside_in_kabkota"


def _fresh_and_stored(url: str):
    fresh = stored(url, f"SELECT {COLUMNS} FROM ({derived.NEED_LEVELS}) AS n ORDER BY 1, 2, 3")
    kept = stored(url, f"SELECT {COLUMNS} FROM need_levels ORDER BY 1, 2, 3")
    return fresh, kept


def test_small_count_threshold_is_the_read_layers():
    assert derived.SMALL_COUNT == reader.SMALL_COUNT


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

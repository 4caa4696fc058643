"""Planning for the coming year (issue 13) on the hand-made store of tests/test_catalogue.py.

Base year 2025 (the latest with PPKS figures up to the filter year), coming year 2026. Gaps of 2025:
64.02 × 9 (1.000 jiwa unmet), 64.72 × 24 (500), 64.01 × 24 (300). Proposals of 2026 (status usulan):
P4 (PT Satu, 300 jt) and P5 (APBD Provinsi, 200 jt), both 64.02 × 9 → covered, and a possible overlap.
The test adopts an item of 64.72 × 24 (Rp100 jt, PT Dua) → covered; 64.01 × 24 stays uncovered. An
adoption of the 64.02 × 9 item by PT Satu linked to its proposal P4 is counted through P4 only.
"""

from __future__ import annotations

import pytest

from data_loaders import catalogue as writes
from data_loaders.store import open_store
from domain import planning
from domain.filters import Filters, Scope
from domain.reader import Reader
from tests.conftest import app_test, filled_url
from tests.test_catalogue import ANALIS, MITRA_1, MITRA_2, build_store, new_item


@pytest.fixture
def url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    return filled_url(store_url, monkeypatch, build_store)


@pytest.fixture
def store(url: str):
    opened = open_store(url)
    yield opened
    opened.close()


def adopt_fixture(store) -> None:
    linked_item = new_item(store)  # 64.02 × 9, 2026, Rp2.500.000.000
    adoption = writes.adopt(store, MITRA_1, linked_item, 1_000_000_000)
    writes.link_program(store, MITRA_1, adoption, 4)  # P4, a proposal of the same cell
    item = writes.create_item(
        store, ANALIS, year=2026, region_code="64.72", ppks_category_id=24, assistance_type="Sembako/Pangan",
        title="Paket pangan Samarinda", quantity=500, unit="jiwa", unit_cost=200_000,
    )  # fmt: skip
    writes.publish(store, ANALIS, item)
    writes.adopt(store, MITRA_2, item, 100_000_000)


def test_plan_covered_uncovered_and_double(store):
    adopt_fixture(store)
    result = planning.plan(Reader(store, Scope()), Filters(year=2025))
    assert (result.year, result.base_year) == (2026, 2025)
    cells = result.cells.set_index(["area_code", "ppks_category_id"])
    assert sorted(cells.index) == [("64.01", 24), ("64.02", 9), ("64.72", 24)]
    assert (result.gaps, result.covered, result.uncovered, result.doubles) == (3, 2, 1, 1)
    assert not cells.loc[("64.01", 24), "covered"] and cells.loc[("64.01", 24), "unmet"] == 300
    kukar = cells.loc[("64.02", 9)]
    assert (kukar["proposals"], kukar["proposal_budget"], kukar["double"]) == (2, 500_000_000, True)
    assert (kukar["adoptions"], kukar["adopted"]) == (1, 0)  # linked to P4: counted through P4 only
    samarinda = cells.loc[("64.72", 24)]
    assert (samarinda["proposals"], samarinda["adoptions"], samarinda["adopted"]) == (0, 1, 100_000_000)
    assert result.planned_money() == 600_000_000  # 300 jt + 200 jt + 100 jt; the linked 1 M not again
    assert list(result.adoptions.sort_values("id")["counted"]) == [False, True]
    assert result.cells.iloc[0]["area_code"] == "64.01"  # uncovered gaps first
    assert result.summary("id").replace("\xa0", " ") == (
        "Untuk 2026: 2 dari 3 celah 2025 sudah tertangani usulan program atau adopsi etalase, 1 belum; "
        "1 sel kab/kota × kategori punya 2+ usulan (mungkin tumpang tindih). Rencana bernilai Rp600 jt."
    )
    assert result.summary("en").startswith("For 2026: 2 of 3 gaps of 2025 are covered")


def test_plan_year_follows_the_latest_need_year(store):
    reader = Reader(store, Scope())
    assert planning.plan(reader, Filters(year=2026)).year == 2026  # 2026 has no need: base stays 2025
    assert planning.plan(reader, Filters(year=2024)).year is None  # no need figures up to 2024
    assert planning.plan(reader, Filters(year=2024)).summary("en").startswith("No PPKS figures")


def test_plan_for_one_region(store):
    result = planning.plan(Reader(store, Scope()), Filters(year=2025, kabkota="64.01"))
    assert list(result.cells["area_code"]) == ["64.01"] and result.proposals.empty


@pytest.mark.parametrize("lang", ["id", "en"])
def test_planning_page(url, lang, store):
    adopt_fixture(store)
    store.close()
    at = app_test(None)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/rencana.py").run()
    assert not at.exception, [e.value for e in at.exception]
    summary = at.markdown[0].value.replace("\xa0", " ")
    assert summary.startswith("Untuk 2026: 2 dari 3 celah 2025" if lang == "id" else "For 2026: 2 of 3 gaps of 2025")
    cells, proposals, adoptions = (frame.value for frame in at.dataframe)
    assert len(cells) == 3 and len(proposals) == 2 and len(adoptions) == 2
    assert cells.iloc[0, 2] == ("celah, belum tertangani" if lang == "id" else "gap, uncovered")

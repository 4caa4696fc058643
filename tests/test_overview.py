"""Overview views against the hand-made fixture (sums worked out in tests/fixture_data.py).

Corrections of issue 10 against the figures before the read layer: people are counted per unit
(KK 578 reached of 610 targeted; the jiwa program reports no reached figure) instead of 578 of 660
mixed; coverage is persons reached ÷ PPKS persons (0 of 9,000) instead of 578 KK ÷ 9,000 jiwa;
commitments are CSR/PPM only."""

import pytest

from domain.filters import LINTAS_PPKS, Filters, Scope
from domain.overview import People, available_years, data_status, figures, funding_by_area, funding_by_source, headline
from domain.reader import Reader


@pytest.fixture
def reader(fixture_store):
    return Reader(fixture_store)


def test_province_totals_2025(reader):
    k = figures(reader, Filters(2025))
    assert (k.budget_idr, k.spent_idr, k.committed_idr) == (2_600_000_000, 2_200_000_000, 700_000_000)
    assert k.programs == 3
    assert k.target == People(jiwa=50, kk=610)
    assert k.reached == People(jiwa=0, kk=578)
    assert k.target_reported == People(jiwa=0, kk=610)  # the beasiswa reports no reached figure
    assert k.ppks == People(jiwa=9_000, kk=0)
    assert k.realisation == pytest.approx(2.2 / 2.6)
    assert k.reach_kk == pytest.approx(578 / 610)
    assert k.reach_jiwa is None
    assert k.coverage_basis == "jiwa"
    assert k.coverage == 0.0
    assert k.need_levels == ("kecamatan",)


def test_previous_year_in_the_headline(reader):
    before = headline(reader, Filters(2025)).previous
    assert (before.year, before.budget_idr, before.spent_idr, before.programs) == (2024, 200_000_000, 200_000_000, 1)
    assert (before.reached, before.ppks) == (People(jiwa=100), People(jiwa=5_200))
    # The 100 reached are persons with disabilities (category 9); the need is the poor (24): no coverage.
    assert before.reached_in_need == People()
    assert before.coverage == 0.0


def test_a_year_without_data_has_no_ratios(reader):
    k = figures(reader, Filters(2019))
    assert not k.has_data
    assert (k.realisation, k.reach_jiwa, k.reach_kk, k.coverage, k.coverage_basis) == (None, None, None, None, None)


def test_region_filter_rolls_kecamatan_up_to_their_kabkota(reader):
    kutim = figures(reader, Filters(2025, kabkota="64.08"))
    assert (kutim.budget_idr, kutim.spent_idr, kutim.programs, kutim.ppks) == (1_000_000_000, 850_000_000, 1, People())
    assert kutim.coverage is None
    samarinda = figures(reader, Filters(2025, kabkota="64.72"))
    assert (samarinda.budget_idr, samarinda.programs, samarinda.ppks.jiwa) == (600_000_000, 2, 4_000)


def test_source_filter_splits_a_co_financed_program(reader):
    csr = figures(reader, Filters(2025, sources=("CSR",)))
    assert (csr.budget_idr, csr.spent_idr, csr.committed_idr, csr.programs) == (
        700_000_000,
        500_000_000,
        700_000_000,
        2,
    )
    both = figures(reader, Filters(2025, sources=("CSR", "APBD_PROV")))
    assert (both.budget_idr, both.programs, both.target) == (1_100_000_000, 2, People(jiwa=50, kk=10))
    # Need is not paid by a source: the PPKS total stays the same under a source filter.
    assert csr.ppks.jiwa == 9_000


def test_commitments_only_of_the_sources_that_pledge(fixture_store):
    with fixture_store.transaction() as tx:  # an APBN row with a 'committed' figure must not count
        tx.execute("UPDATE program_allocations SET committed_idr = 1000000000 WHERE funding_source = 'APBN'")
    reader = Reader(fixture_store)
    assert figures(reader, Filters(2025)).committed_idr == 700_000_000
    table = funding_by_source(reader, Filters(2025)).table.set_index("source")
    assert table["committed"].isna().tolist() == [True, True, False]
    assert table.loc["CSR", "committed"] == 700_000_000


def test_ppks_filter(reader):
    children = figures(reader, Filters(2025, ppks=2))
    assert (children.budget_idr, children.programs, children.ppks.jiwa) == (100_000_000, 1, 1_000)
    lintas = figures(reader, Filters(2025, ppks=LINTAS_PPKS))
    assert (lintas.programs, lintas.ppks.jiwa) == (0, 9_000)


def _need(store, *rows) -> None:
    with store.transaction() as tx:
        for year, region, category, count, unit in rows:
            tx.execute(
                "INSERT INTO ppks_counts VALUES (?, ?, ?, ?, ?, 'rekap', 1)", [year, region, category, count, unit]
            )


def test_a_total_beside_some_of_its_parts_is_kept_and_the_parts_set_aside(fixture_store):
    # Kukar (20 kecamatan) sends its total beside the one kecamatan figure of the fixture; Kutim a total only.
    _need(fixture_store, (2025, "64.02", 24, 5_600, "jiwa"), (2025, "64.08", 24, 700, "jiwa"))
    k = figures(Reader(fixture_store), Filters(2025))
    assert k.ppks.jiwa == 5_600 + 4_000 + 700  # Kukar's total, Samarinda's kecamatan, Kutim's total
    assert k.need_set_aside == People(jiwa=5_000)  # Kukar's one kecamatan, not added to its total
    assert k.need_levels == ("kabupaten_kota", "kecamatan")


def test_parts_that_cover_their_region_replace_its_total(fixture_store):
    # Bontang has three kecamatan; all three send figures, and the kab/kota total is sent too.
    _need(
        fixture_store,
        (2025, "64.74", 24, 1_000, "jiwa"),
        (2025, "64.74.01", 24, 300, "jiwa"),
        (2025, "64.74.02", 24, 400, "jiwa"),
        (2025, "64.74.03", 24, 350, "jiwa"),
    )
    bontang = figures(Reader(fixture_store), Filters(2025, kabkota="64.74"))
    assert bontang.ppks.jiwa == 300 + 400 + 350
    assert bontang.need_set_aside == People(jiwa=1_000)
    assert bontang.need_levels == ("kecamatan",)


def test_levels_are_decided_per_unit(fixture_store):
    # A kab/kota total in jiwa and a kecamatan figure in KK are different counts: both stay.
    _need(fixture_store, (2025, "64.08", 24, 10_000, "jiwa"), (2025, "64.08.04", 24, 300, "KK"))
    kutim = figures(Reader(fixture_store), Filters(2025, kabkota="64.08"))
    assert kutim.ppks == People(jiwa=10_000, kk=300)
    assert kutim.need_set_aside == People()
    assert kutim.coverage_basis == "jiwa"
    # The co-financed RLH reaches 8 households of the poor in that kecamatan: KK against KK need.
    assert kutim.coverage_kk == pytest.approx(8 / 300)


def test_coverage_counts_only_programs_of_a_category_with_need(fixture_store):
    with fixture_store.transaction() as tx:  # the beasiswa (category 2, 50 persons) reports 40 reached
        tx.execute("UPDATE program_allocations SET reached_beneficiaries = 40 WHERE program_id = 4")
    k = figures(Reader(fixture_store), Filters(2025))
    assert k.reached == People(jiwa=40, kk=578)
    assert k.reached_in_need == People(jiwa=40)  # Samarinda has need of category 2 in jiwa; no KK need at all
    assert k.coverage == pytest.approx(40 / 9_000)
    lintas = figures(Reader(fixture_store), Filters(2025, ppks="lintas"))
    assert lintas.coverage is None  # Lintas PPKS programs serve no single category


def test_a_partner_sees_its_province_wide_rows(fixture_store):
    with fixture_store.transaction() as tx:
        tx.execute("UPDATE programs SET partner_id = 7 WHERE id = 4")
        tx.execute(
            "INSERT INTO program_allocations (program_id, region_code, funding_source, budget_idr, committed_idr, "
            "import_id) VALUES (4, '64', 'CSR', 50000000, 50000000, 1)"
        )
    partner = figures(Reader(fixture_store, Scope(partner_id=7)), Filters(2025))
    assert partner.budget_idr == 150_000_000  # 100 M in Samarinda and 50 M for the province as a whole
    assert partner.programs == 1
    assert partner.ppks.jiwa == 4_000  # the need of Samarinda, where its program is placed


def test_scope_limits_every_figure(fixture_store):
    kukar_only = Reader(fixture_store, Scope(kabkota=("64.02",)))
    k = figures(kukar_only, Filters(2025))
    assert (k.budget_idr, k.programs, k.ppks.jiwa) == (1_000_000_000, 1, 5_000)
    assert figures(kukar_only, Filters(2025, kabkota="64.72")).budget_idr == 0
    assert set(funding_by_area(kukar_only, Filters(2025)).table["area_code"]) == {"64.02"}
    assert available_years(kukar_only) == (2024, 2025)


def test_funding_by_source_in_fixed_order(reader):
    table = funding_by_source(reader, Filters(2025)).table
    assert table["source"].tolist() == ["APBN", "APBD_PROV", "CSR"]
    assert table["budget"].tolist() == [1_500_000_000, 400_000_000, 700_000_000]
    assert table["spent"].tolist() == [1_350_000_000, 350_000_000, 500_000_000]
    assert table["programs"].tolist() == [1, 1, 2]
    assert table["realisation"].tolist() == pytest.approx([0.9, 0.875, 5 / 7])
    assert table["budget"].sum() == figures(reader, Filters(2025)).budget_idr


def test_funding_by_area_per_kabkota_then_per_kecamatan(reader):
    areas = funding_by_area(reader, Filters(2025))
    totals = areas.table.groupby("area_name")["budget"].sum().to_dict()
    assert totals == {"Kutai Kartanegara": 1_000_000_000, "Samarinda": 600_000_000, "Kutai Timur": 1_000_000_000}
    assert not areas.table["whole_region"].any()
    assert areas.largest() == ("Kutai Kartanegara", 1_000_000_000, False)
    inside = funding_by_area(reader, Filters(2025, kabkota="64.72"))
    rows = inside.table.groupby(["area_name", "whole_region"])["budget"].sum()
    assert rows[("Samarinda", True)] == 500_000_000
    assert rows[("Palaran", False)] == 100_000_000
    assert inside.level == "kecamatan"


def test_years_and_status(reader):
    assert available_years(reader) == (2024, 2025)
    status = data_status(reader)
    assert (status.is_sample, status.files, status.as_of.date().isoformat()) == (
        False,
        ("program_2025.xlsx",),
        "2026-03-02",
    )

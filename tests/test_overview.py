"""Overview aggregates against the hand-made fixture (sums worked out in tests/fixture_data.py)."""

import pytest

from domain.filters import LINTAS_PPKS, Filters, Scope
from domain.overview import available_years, data_status, funding_by_area, funding_by_source, kpis


def test_province_totals_2025(fixture_store):
    k = kpis(fixture_store, Filters(2025))
    assert (k.budget, k.spent, k.committed) == (2_600_000_000, 2_200_000_000, 700_000_000)
    assert k.programs == 3
    assert (k.target, k.reached) == (660, 578)
    assert k.ppks == 9_000
    assert k.realisation == pytest.approx(2.2 / 2.6)
    assert k.reached_share == pytest.approx(578 / 660)
    assert k.coverage == pytest.approx(578 / 9_000)


def test_previous_year(fixture_store):
    k = kpis(fixture_store, Filters(2025).previous_year())
    assert (k.year, k.budget, k.spent, k.programs, k.reached, k.ppks) == (2024, 200_000_000, 200_000_000, 1, 100, 5_200)


def test_a_year_without_data_has_no_ratios(fixture_store):
    k = kpis(fixture_store, Filters(2019))
    assert not k.has_data
    assert (k.realisation, k.reached_share, k.coverage) == (None, None, None)


def test_region_filter_rolls_kecamatan_up_to_their_kabkota(fixture_store):
    kutim = kpis(fixture_store, Filters(2025, kabkota="64.08"))
    assert (kutim.budget, kutim.spent, kutim.programs, kutim.ppks) == (1_000_000_000, 850_000_000, 1, 0)
    assert kutim.coverage is None
    samarinda = kpis(fixture_store, Filters(2025, kabkota="64.72"))
    assert (samarinda.budget, samarinda.programs, samarinda.ppks) == (600_000_000, 2, 4_000)


def test_source_filter_splits_a_co_financed_program(fixture_store):
    csr = kpis(fixture_store, Filters(2025, sources=("CSR",)))
    assert (csr.budget, csr.spent, csr.committed, csr.programs) == (700_000_000, 500_000_000, 700_000_000, 2)
    both = kpis(fixture_store, Filters(2025, sources=("CSR", "APBD_PROV")))
    assert (both.budget, both.programs, both.target) == (1_100_000_000, 2, 60)
    # Need is not paid by a source: the PPKS total stays the same under a source filter.
    assert csr.ppks == 9_000


def test_ppks_filter(fixture_store):
    children = kpis(fixture_store, Filters(2025, ppks=2))
    assert (children.budget, children.programs, children.ppks) == (100_000_000, 1, 1_000)
    lintas = kpis(fixture_store, Filters(2025, ppks=LINTAS_PPKS))
    assert (lintas.programs, lintas.ppks) == (0, 9_000)


def test_scope_limits_every_figure(fixture_store):
    kukar_only = Scope(kabkota=("64.02",))
    k = kpis(fixture_store, Filters(2025), kukar_only)
    assert (k.budget, k.programs, k.ppks) == (1_000_000_000, 1, 5_000)
    assert kpis(fixture_store, Filters(2025, kabkota="64.72"), kukar_only).budget == 0
    assert set(funding_by_area(fixture_store, Filters(2025), kukar_only)["region_code"]) == {"64.02"}


def test_funding_by_source_in_fixed_order(fixture_store):
    frame = funding_by_source(fixture_store, Filters(2025))
    assert frame["source"].tolist() == ["APBN", "APBD_PROV", "CSR"]
    assert frame["budget"].tolist() == [1_500_000_000, 400_000_000, 700_000_000]
    assert frame["spent"].tolist() == [1_350_000_000, 350_000_000, 500_000_000]
    assert frame["programs"].tolist() == [1, 1, 2]
    assert frame["budget"].sum() == kpis(fixture_store, Filters(2025)).budget


def test_funding_by_area_per_kabkota_then_per_kecamatan(fixture_store):
    frame = funding_by_area(fixture_store, Filters(2025))
    totals = frame.groupby("region_name")["budget"].sum().to_dict()
    assert totals == {"Kutai Kartanegara": 1_000_000_000, "Samarinda": 600_000_000, "Kutai Timur": 1_000_000_000}
    assert not frame["whole_region"].any()
    inside = funding_by_area(fixture_store, Filters(2025, kabkota="64.72"))
    rows = inside.set_index("region_name")
    assert rows.loc["Samarinda", "budget"] == 500_000_000
    assert bool(rows.loc["Samarinda", "whole_region"])
    assert rows.loc["Palaran", "budget"] == 100_000_000
    assert not bool(rows.loc["Palaran", "whole_region"])


def test_years_and_status(fixture_store):
    assert available_years(fixture_store) == [2024, 2025]
    status = data_status(fixture_store)
    assert (status.is_sample, status.files, status.as_of.date().isoformat()) == (
        False,
        ("program_2025.xlsx",),
        "2026-03-02",
    )

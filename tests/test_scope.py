"""Scope properties (issue 10): every view function, run on the sample data under
`Scope(kabkota=…)` and `Scope(partner_id=…)`, returns only in-scope rows — region codes inside the
scope, programs of the partner — and the headline figures under a kab/kota scope equal the figures of
the same kab/kota chosen in the filter. View functions are found by their first parameter (a
`Reader`), so a new view is covered as soon as it exists."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator

import pandas as pd
import pytest

import domain
from data_loaders.demo import build_demo
from data_loaders.store import Store, open_store
from domain.filters import Filters, Scope
from domain.meeting import outline
from domain.overlap import check_list_counts, overlaps_by_region
from domain.overview import figures
from domain.reader import MIN_LISTED, SMALL_COUNT, ListTooShort, Reader, holds_beneficiaries

YEAR = 2025
KUKAR = "64.02"
REGION_CODE = re.compile(r"^64(\.\d+){0,3}$")
# Arguments a view may take besides the reader, by parameter name.
ARGUMENTS = {
    "filters": Filters(YEAR),
    "year": YEAR,
    "level": "kabupaten_kota",
    "parent": None,
    "region": None,
    "dimension": "region",
    "by": "source",
    "lang": "id",
    "program_id": 1,
    "meeting": "Rapat koordinasi uji",
    "date": dt.date(2026, 3, 1),
    "link": "http://localhost:8501/",
    "key": "map",  # a meeting slide that every deck has
    "plan": lambda store: outline(Reader(store), Filters(YEAR), "id", "Rapat koordinasi uji", dt.date(2026, 3, 1)),
    # Arguments read from the sample store: a partner's implementer name, and a list of people.
    "implementer": lambda store: store.scalar(
        "SELECT implementer FROM programs WHERE partner_id = (SELECT min(partner_id) FROM programs)"
    ),
    "partner_id": lambda store: int(store.scalar("SELECT min(partner_id) FROM programs")),
    "hashes": lambda store: tuple(
        store.query("SELECT DISTINCT nik_hash FROM beneficiaries WHERE year = ? ORDER BY 1 LIMIT 5000", [YEAR])[
            "nik_hash"
        ]
    ),
}


@pytest.fixture(scope="module")
def sample() -> Iterator[Store]:
    store = open_store("duckdb:///:memory:")
    build_demo(store, beneficiaries=20_000)
    yield store
    store.close()


# Views whose rows every partner sees whatever its scope: the catalogue's items and adoptions, so
# that two companies do not fund the same need (domain/reader.py, `catalogue_item_rows`).
SHARED_WITH_EVERY_PARTNER = {"catalogue"}


def view_functions() -> list:
    """Every public function in domain/ whose first parameter is the reader."""
    found = []
    for module_info in pkgutil.iter_modules(domain.__path__):
        module = importlib.import_module(f"domain.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters.values())
            if parameters and parameters[0].annotation in ("Reader", Reader):
                found.append(function)
    return found


def call(function, reader: Reader) -> object:
    kwargs = {}
    for parameter in list(inspect.signature(function).parameters.values())[1:]:
        if parameter.name in ARGUMENTS:
            argument = ARGUMENTS[parameter.name]
            kwargs[parameter.name] = argument(reader.store) if callable(argument) else argument
        elif parameter.default is inspect.Parameter.empty:
            pytest.fail(f"{function.__qualname__}: add an argument for '{parameter.name}' to ARGUMENTS")
    return function(reader, **kwargs)


def frames(result: object) -> Iterator[pd.DataFrame]:
    """Every DataFrame inside a view's result (dataclass fields, tuples, lists, dicts)."""
    if isinstance(result, pd.DataFrame):
        yield result
    elif dataclasses.is_dataclass(result) and not isinstance(result, type):
        for field in dataclasses.fields(result):
            yield from frames(getattr(result, field.name))
    elif isinstance(result, list | tuple):
        for item in result:
            yield from frames(item)
    elif isinstance(result, dict):
        for item in result.values():
            yield from frames(item)


def loose_codes(result: object) -> set[str]:
    """Region codes held outside tables: in dataclass fields, tuples, lists and dicts."""
    if isinstance(result, str):
        return {result} if REGION_CODE.match(result) else set()
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return set().union(*(loose_codes(getattr(result, f.name)) for f in dataclasses.fields(result)))
    if isinstance(result, list | tuple):
        return set().union(*(loose_codes(item) for item in result)) if result else set()
    if isinstance(result, dict):
        return set().union(*(loose_codes(item) for item in result.values())) if result else set()
    return set()


def region_codes(frame: pd.DataFrame) -> set[str]:
    codes: set[str] = set()
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            codes.update(v for v in values.dropna().astype(str) if REGION_CODE.match(v))
    return codes


def test_views_are_found():
    names = {function.__qualname__ for function in view_functions()}
    assert {"figures", "headline", "funding_by_source", "funding_by_area"} <= names
    assert len(names) >= 15, names


@pytest.mark.parametrize("function", view_functions(), ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_a_kabkota_scope_returns_only_its_rows(sample, function):
    result = call(function, Reader(sample, Scope(kabkota=(KUKAR,))))
    loose = {code for code in loose_codes(result) if code != KUKAR and not code.startswith(KUKAR + ".")}
    assert not loose, f"{function.__qualname__} names {sorted(loose)[:5]} under a {KUKAR} scope"
    for frame in frames(result):
        outside = {code for code in region_codes(frame) if code != KUKAR and not code.startswith(KUKAR + ".")}
        assert not outside, f"{function.__qualname__} returns rows of {sorted(outside)[:5]} under a {KUKAR} scope"


@pytest.mark.parametrize("function", view_functions(), ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_a_partner_scope_returns_only_its_programs(sample, function):
    partner = int(sample.scalar("SELECT min(partner_id) FROM programs WHERE partner_id IS NOT NULL"))
    own = sample.query("SELECT id, program_code FROM programs WHERE partner_id = ?", [partner])
    places = set(
        sample.query(
            "SELECT DISTINCT r.kabkota_code FROM program_allocations a JOIN programs p ON p.id = a.program_id "
            "JOIN regions r ON r.code = a.region_code WHERE p.partner_id = ?",
            [partner],
        )["kabkota_code"]
    )
    result = call(function, Reader(sample, Scope(partner_id=partner)))
    if function.__qualname__ in SHARED_WITH_EVERY_PARTNER:
        return
    for frame in frames(result):
        if "program_id" in frame:
            assert set(frame["program_id"].dropna().astype(int)) <= set(own["id"]), function.__qualname__
        if "program_code" in frame:
            assert set(frame["program_code"].dropna()) <= set(own["program_code"]), function.__qualname__
        outside = {code for code in region_codes(frame) if code[:5] not in places}
        assert not outside, (
            f"{function.__qualname__} returns rows of {sorted(outside)[:5]} outside the partner's places"
        )


def test_a_kabkota_scope_gives_the_figures_of_that_kabkota(sample):
    scoped = figures(Reader(sample, Scope(kabkota=(KUKAR,))), Filters(YEAR))
    filtered = figures(Reader(sample), Filters(YEAR, kabkota=KUKAR))
    assert scoped == filtered
    assert scoped.budget_idr > 0 and scoped.ppks.jiwa > 0


def test_a_partner_scope_counts_only_its_money(sample):
    partner = int(sample.scalar("SELECT min(partner_id) FROM programs WHERE partner_id IS NOT NULL"))
    expected = sample.scalar(
        "SELECT sum(a.budget_idr) FROM program_allocations a JOIN programs p ON p.id = a.program_id "
        "WHERE p.partner_id = ? AND p.year = ?",
        [partner, YEAR],
    )
    assert figures(Reader(sample, Scope(partner_id=partner)), Filters(YEAR)).budget_idr == pytest.approx(
        float(expected)
    )


def test_allocation_import_rows_are_the_imports_of_the_scopes_program_rows(sample):
    partner = int(sample.scalar("SELECT min(partner_id) FROM programs WHERE partner_id IS NOT NULL"))
    every = set(sample.query("SELECT id FROM imports")["id"])
    assert set(Reader(sample).query("SELECT id FROM allocation_import_rows")["id"]) == every
    for scope in (Scope(kabkota=(KUKAR,)), Scope(partner_id=partner), Scope(kabkota=(KUKAR,), partner_id=partner)):
        reader = Reader(sample, scope)
        found = reader.query("SELECT id, imported_at, is_sample FROM allocation_import_rows")
        own = set(reader.query("SELECT DISTINCT import_id FROM allocation_rows")["import_id"])
        assert set(found["id"]) == own, scope
        assert own or (scope.kabkota and scope.partner_id)  # a partner without programs in Kutai Kartanegara
        assert set(found["id"]) <= set(reader.query("SELECT id FROM import_rows")["id"])


# --- the public view and a mitra's (issue 12) ---------------------------------------------------

PUBLIC = Scope(public=True)


@pytest.mark.parametrize("function", view_functions(), ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_every_view_runs_in_the_public_view_without_beneficiaries(sample, function):
    if function.__qualname__ == "check_list_counts":  # a visitor has no list check at all
        with pytest.raises(PermissionError):
            call(function, Reader(sample, PUBLIC))
        return
    result = call(function, Reader(sample, PUBLIC))
    for frame in frames(result):
        assert "nik_hash" not in frame, function.__qualname__


def test_the_public_view_has_no_beneficiary_and_no_small_need(sample):
    reader = Reader(sample, PUBLIC)
    assert reader.scalar("SELECT count(*) FROM beneficiary_rows") == 0
    assert overlaps_by_region(reader, Filters(YEAR)).total.people == 0
    smallest = reader.scalar("SELECT min(count) FROM need_levelled")
    assert smallest >= SMALL_COUNT
    assert sample.scalar("SELECT min(count) FROM ppks_counts") < SMALL_COUNT  # the sample has small ones
    assert not holds_beneficiaries(PUBLIC)
    assert holds_beneficiaries(Scope()) and holds_beneficiaries(Scope(kabkota=(KUKAR,)))


def test_a_mitra_sees_its_own_programs_people_only(fixture_store):
    """Fixture data (tests/fixture_data.py) with BEASISWA made partner 1's, two people in it (one also
    in PKH) and three in PKH only."""
    people = [("a1", "BEASISWA"), ("a2", "BEASISWA"), ("a1", "PKH"), ("p1", "PKH"), ("p2", "PKH")]
    frame = pd.DataFrame([(f"{who:0>64}", code) for who, code in people], columns=["nik_hash", "program_code"])
    with fixture_store.transaction() as tx:
        tx.execute("INSERT INTO partners (id, name, name_key, import_id) VALUES (1, 'PT A', 'a', 1)")
        tx.execute("UPDATE programs SET partner_id = 1 WHERE program_code = 'BEASISWA'")
        tx.insert_frame("beneficiaries", frame.assign(year=YEAR, region_code="64.72.01", import_id=1))
    scope = Scope(public=True, own_partner_id=1)
    reader = Reader(fixture_store, scope)
    rows = reader.query("SELECT nik_hash, program_code FROM beneficiary_rows")
    assert sorted(rows["program_code"]) == ["BEASISWA", "BEASISWA"] and holds_beneficiaries(scope)
    assert overlaps_by_region(reader, Filters(YEAR)).total.multi_program == 0  # a1's PKH row is not A's
    assert overlaps_by_region(Reader(fixture_store), Filters(YEAR)).total.multi_program == 1
    assert (
        Reader(fixture_store, Scope(public=True, own_partner_id=2)).scalar("SELECT count(*) FROM beneficiary_rows") == 0
    )
    # The money of every program stays public (aggregates), as in the visitor's view.
    assert figures(reader, Filters(YEAR)).budget_idr == figures(Reader(fixture_store), Filters(YEAR)).budget_idr


def test_a_mitra_list_check_counts_other_programs_in_bands_and_never_one_person(sample):
    partner = int(sample.scalar("SELECT min(partner_id) FROM programs WHERE partner_id IS NOT NULL"))
    mitra = Reader(sample, Scope(public=True, own_partner_id=partner))
    own_people = list(
        sample.query(
            "SELECT DISTINCT b.nik_hash FROM beneficiaries b JOIN programs p ON p.program_code = b.program_code "
            "AND p.year = b.year WHERE p.partner_id = ? AND b.year = ? ORDER BY 1",
            [partner, YEAR],
        )["nik_hash"]
    )
    others = sample.query(
        "SELECT DISTINCT b.nik_hash FROM beneficiaries b JOIN programs p ON p.program_code = b.program_code "
        "AND p.year = b.year WHERE coalesce(p.partner_id, -1) <> ? AND b.year = ? ORDER BY 1 LIMIT 57",
        [partner, YEAR],
    )["nik_hash"]
    strangers = [f"{i:064x}" for i in range(30)]  # in no program
    hashes = (*others, *strangers)
    counts = check_list_counts(mitra, hashes, Filters(YEAR, kabkota=KUKAR))  # the region filter does not apply
    assert counts.found == 50 and counts.listed == 87  # 57 people helped by others, rounded down to tens
    assert set(counts.table.columns) == {"funding_source", "people"}  # no place, program or person
    assert list(counts.table["funding_source"]) == sorted(sample.query("SELECT code FROM funding_sources")["code"])
    assert all(n is None or n % SMALL_COUNT == 0 for n in counts.table["people"])
    # The partner's own programs do not count: its own people count only for help from other programs.
    helped_elsewhere = sample.scalar(
        "SELECT count(DISTINCT b.nik_hash) FROM beneficiaries b JOIN programs p ON p.program_code = b.program_code "
        "AND p.year = b.year WHERE coalesce(p.partner_id, -1) <> ? AND b.year = ? AND b.nik_hash IN "
        f"({', '.join('?' for _ in own_people)})",
        [partner, YEAR, *own_people],
    )
    padded = check_list_counts(mitra, (*others[:3], *strangers, *own_people), Filters(YEAR))
    expected = (3 + helped_elsewhere) // SMALL_COUNT * SMALL_COUNT
    assert padded.found == (expected or None)
    with pytest.raises(ListTooShort):  # one person's help cannot be read off a short list
        check_list_counts(mitra, hashes[: MIN_LISTED - 1], Filters(YEAR))
    with pytest.raises(PermissionError):
        Reader(sample, PUBLIC).count_listed(hashes, Filters(YEAR))

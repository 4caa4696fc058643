"""The Etalase Program (issue 13): drafts' arithmetic on a hand-made store, the writes with their
roles, transitions, co-funding and refusals, audit rows, funding totals untouched, the XLSX export,
and the page in both languages.

The store (`build_store`), figures worked out by hand:
  2024  P1 Rehabilitasi Sosial, PPKS 9, jiwa, Kutai Kartanegara (64.02): spent 100.000.000, reached 50
        → Rp2.000.000 per person.
  2025  P2 Rehabilitasi Sosial, PPKS 9, jiwa, Samarinda (64.72): spent 60.000.000, reached 20 → Rp3.000.000;
        P3 Tunai, PPKS 9, jiwa, Samarinda: spent 10.000.000, reached 100.
  PPKS 2025 (jiwa): 64.02 × 9 = 1.000 (no program there in 2025 → reached 0, a gap);
        64.72 × 9 = 200 (reached 20 + 100 = 120, coverage 60 % → no gap);
        64.72 × 24 = 500 (no program of category 24 at all → a gap); 64.01 × 24 = 300 (a gap).
  Drafts (gap year 2025, items of 2026):
    64.02 × 9: most common type Rehabilitasi Sosial (2 programs against 1 Tunai); unit cost = median
      (2.000.000, 3.000.000) = 2.500.000; quantity 1.000 − 0 = 1.000; amount 2.500.000.000.
    64.72 × 24, 64.01 × 24: default Rehabilitasi Sosial, no cost basis.
  2026 proposals (status usulan): P4 of PT Satu (partner 1), PPKS 9, 64.02, CSR 300.000.000;
    P5 APBD Provinsi, PPKS 9, 64.02, 200.000.000. P6 of PT Dua (partner 2), 2026, selesai.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from common.i18n import t
from data_loaders import audit, importer
from data_loaders import catalogue as writes
from data_loaders.roles import PUBLIC_ACCESS, Access
from data_loaders.store import Store, open_store
from domain import catalogue, funding
from domain.filters import Filters, Scope
from domain.reader import Reader
from tests.conftest import app_test, filled_url, open_tab
from ui import catalogue_views

ANALIS = Access(role="analis", username="ana")
ADMIN = Access(role="admin", username="adm")
MITRA_1 = Access(role="mitra", username="satu", partner_id=1)
MITRA_2 = Access(role="mitra", username="dua", partner_id=2)
PIMPINAN = Access(role="pimpinan", username="pim")

PROGRAMS = [
    # id, code, year, name, implementer, partner, ppks, assistance, unit, status
    (1, "P1", 2024, "Rehab Disabilitas 2024", "Dinas Sosial", None, 9, "Rehabilitasi Sosial", "jiwa", "selesai"),
    (2, "P2", 2025, "Rehab Disabilitas 2025", "Dinas Sosial", None, 9, "Rehabilitasi Sosial", "jiwa", "selesai"),
    (3, "P3", 2025, "Santunan Disabilitas", "Dinas Sosial", None, 9, "Tunai", "jiwa", "selesai"),
    (4, "P4", 2026, "Bina Disabilitas PT Satu", "PT Satu", 1, 9, "Rehabilitasi Sosial", "jiwa", "usulan"),
    (5, "P5", 2026, "Rehab Disabilitas 2026", "Dinas Sosial", None, 9, "Rehabilitasi Sosial", "jiwa", "usulan"),
    (6, "P6", 2026, "Program PT Dua", "PT Dua", 2, 24, "Sembako/Pangan", "jiwa", "selesai"),
]
ALLOCATIONS = [
    # program, region, source, budget, spent, target, reached
    (1, "64.02", "APBD_PROV", 100_000_000, 100_000_000, 50, 50),
    (2, "64.72", "APBD_PROV", 60_000_000, 60_000_000, 20, 20),
    (3, "64.72", "APBD_PROV", 10_000_000, 10_000_000, 100, 100),
    (4, "64.02", "CSR", 300_000_000, None, 100, None),
    (5, "64.02", "APBD_PROV", 200_000_000, None, 80, None),
    (6, "64.72", "CSR", 50_000_000, 50_000_000, 10, 10),
]
PPKS = [(2025, "64.02", 9, 1_000), (2025, "64.72", 9, 200), (2025, "64.72", 24, 500), (2025, "64.01", 24, 300)]


def build_store(store: Store) -> None:
    """The hand-made data set of the module docstring."""
    programs = pd.DataFrame(
        PROGRAMS,
        columns=["id", "program_code", "year", "name", "implementer", "partner_id", "ppks_category_id",
                 "assistance_type", "beneficiary_unit", "status"],
    )  # fmt: skip
    allocations = pd.DataFrame(
        ALLOCATIONS,
        columns=["program_id", "region_code", "funding_source", "budget_idr", "spent_idr",
                 "target_beneficiaries", "reached_beneficiaries"],
    )  # fmt: skip
    allocations["committed_idr"] = allocations["budget_idr"].where(allocations["funding_source"] == "CSR")
    ppks = pd.DataFrame(PPKS, columns=["year", "region_code", "ppks_category_id", "count"])
    partners = pd.DataFrame({"id": [1, 2], "name": ["PT Satu", "PT Dua"], "name_key": ["satu", "dua"]})
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (1, 'program', 'program.xlsx', 'test', ?, FALSE)",
            [dt.datetime(2026, 3, 2, 9, 30)],
        )
        tx.insert_frame("partners", partners.assign(forum_member=True, import_id=1))
        tx.insert_frame("programs", programs.assign(partner_id=programs["partner_id"].astype("Int64"), import_id=1))
        tx.insert_frame("program_allocations", allocations.assign(import_id=1))
        tx.insert_frame("ppks_counts", ppks.assign(unit="jiwa", data_source="Dinsos", import_id=1))


@pytest.fixture
def url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    return filled_url(store_url, monkeypatch, build_store)


@pytest.fixture
def store(url: str):
    opened = open_store(url)
    yield opened
    opened.close()


def drafts(store: Store) -> catalogue.Drafts:
    return catalogue.drafts(Reader(store, Scope()), Filters(year=2025))


def new_item(store: Store, publish: bool = True) -> int:
    """The item of the 64.02 × PPKS 9 draft (Rp2.500.000.000), published."""
    table = drafts(store)
    row = table.table.set_index(["area_code", "ppks_category_id"]).loc[("64.02", 9)]
    row = pd.concat([row, pd.Series({"area_code": "64.02", "ppks_category_id": 9})])
    item = writes.create_item(
        store, ANALIS, year=table.year, region_code="64.02", ppks_category_id=9,
        assistance_type=row["assistance_type"], title="Rehabilitasi disabilitas Kukar", quantity=row["quantity"],
        unit=row["unit"], unit_cost=int(row["unit_cost"]),
        basis={"id": table.basis(row, "id"), "en": table.basis(row, "en")},
    )  # fmt: skip
    if publish:
        writes.publish(store, ANALIS, item)
    return item


def refused(key: str, call, *args, **kwargs) -> writes.CatalogueError:
    with pytest.raises(writes.CatalogueError) as caught:
        call(*args, **kwargs)
    assert caught.value.key == key, caught.value.message("en")
    return caught.value


def test_drafts_arithmetic_by_hand(store):
    result = drafts(store)
    assert (result.gap_year, result.year) == (2025, 2026)
    table = result.table.set_index(["area_code", "ppks_category_id"])
    assert sorted(table.index) == [("64.01", 24), ("64.02", 9), ("64.72", 24)]  # 64.72 × 9 covered 60 %: no gap
    costed = table.loc[("64.02", 9)]
    assert (costed["need"], costed["reached"], costed["quantity"]) == (1000, 0, 1000)
    assert costed["assistance_type"] == "Rehabilitasi Sosial" and not costed["assistance_default"]
    assert costed["unit_cost"] == 2_500_000  # median of 2.000.000 (P1) and 3.000.000 (P2); P3 is Tunai
    assert (costed["cost_programs"], costed["cost_first"], costed["cost_last"]) == (2, 2024, 2025)
    assert costed["amount"] == 2_500_000_000
    row = result.table.iloc[0]  # the costed draft sorts first (largest amount)
    assert result.basis(row, "id").replace("\xa0", " ") == (
        "Kebutuhan 1.000 jiwa − tercapai 0 = 1.000 jiwa × Rp2,5 jt (median realisasi per orang tercapai, "
        "Rehabilitasi Sosial, 2024–2025, 2 program) = Rp2,5 M"
    )
    english = result.basis(row, "en").replace("\xa0", " ")
    assert english.startswith("Need 1,000 persons − reached 0 = 1,000 persons × Rp2.5M")
    bare = table.loc[("64.72", 24)]
    assert bare["quantity"] == 500 and bare["assistance_default"] and pd.isna(bare["unit_cost"])
    assert pd.isna(bare["amount"])
    text = result.basis(result.table.set_index(["area_code", "ppks_category_id"]).reset_index().iloc[2], "en")
    assert "no basis" in text and "to be costed by Dinas Sosial" in text


def test_drafts_mark_items_already_in_the_catalogue(store):
    item = new_item(store, publish=False)
    table = drafts(store).table.set_index(["area_code", "ppks_category_id"])
    assert table.loc[("64.02", 9), "item_id"] == item
    assert pd.isna(table.loc[("64.72", 24), "item_id"])


def test_roles(store):
    fields = {"year": 2026, "region_code": "64.02", "ppks_category_id": 9, "assistance_type": "Tunai"}
    fields |= {"title": "x", "quantity": 1, "unit": "jiwa", "unit_cost": 1}
    for access in (MITRA_1, PUBLIC_ACCESS, PIMPINAN):
        refused("cat_not_allowed", writes.create_item, store, access, **fields)
    for access in (PUBLIC_ACCESS, PIMPINAN):
        refused("cat_not_allowed", writes.publish, store, access, 1)
    item = new_item(store)
    for access in (ANALIS, PUBLIC_ACCESS, PIMPINAN):
        refused("cat_not_allowed", writes.adopt, store, access, item, 1_000_000, partner_id=1)
    refused("cat_other_partner", writes.adopt, store, MITRA_1, item, 1_000_000, partner_id=2)
    refused("cat_no_partner", writes.adopt, store, ADMIN, item, 1_000_000)
    adoption = writes.adopt(store, ADMIN, item, 1_000_000, partner_id=2)  # an admin adopts for any partner
    refused("cat_not_yours", writes.move, store, MITRA_1, adoption, "komitmen")
    refused("cat_not_allowed", writes.move, store, ANALIS, adoption, "komitmen")
    writes.move(store, MITRA_2, adoption, "komitmen")  # the adopting partner itself
    assert store.count("catalogue_adoptions") == 1


def test_item_lifecycle_and_edit(store):
    item = new_item(store, publish=False)
    refused("cat_adopt_unpublished", writes.adopt, store, MITRA_1, item, 1_000_000)
    refused("cat_status_ditarik", writes.withdraw, store, ANALIS, item)
    assert writes.edit_item(store, ANALIS, item, quantity=800) == 2_000_000_000  # 800 × 2.500.000
    writes.publish(store, ANALIS, item)
    refused("cat_status_terbit", writes.publish, store, ANALIS, item)
    adoption = writes.adopt(store, MITRA_1, item, 1_500_000_000)
    error = refused("cat_below_funded", writes.edit_item, store, ANALIS, item, quantity=500)  # 1.250.000.000
    assert "Rp1.250.000.000" in error.message("id") and "Rp1.500.000.000" in error.message("id")
    refused("cat_withdraw_adopted", writes.withdraw, store, ANALIS, item)
    writes.move(store, MITRA_1, adoption, "batal")
    writes.withdraw(store, ANALIS, item)
    refused("cat_adopt_unpublished", writes.adopt, store, MITRA_1, item, 1_000_000)
    refused("cat_edit_withdrawn", writes.edit_item, store, ANALIS, item, quantity=10)
    stored = store.query("SELECT status, quantity, amount_idr, basis FROM catalogue_items WHERE id = ?", [item])
    assert stored.iloc[0]["status"] == "ditarik" and stored.iloc[0]["amount_idr"] == 2_000_000_000
    assert "800 jiwa × Rp2.500.000" in writes.basis_text(stored.iloc[0]["basis"], "id")


def test_co_funding_counts_once_and_over_funding_is_refused(store):
    item = new_item(store)  # Rp2.500.000.000
    writes.adopt(store, MITRA_1, item, 1_000_000_000)
    error = refused("cat_over_funded", writes.adopt, store, MITRA_2, item, 2_000_000_000)
    assert error.message("id").startswith(
        "Item ini sudah terdanai Rp1.000.000.000 dari Rp2.500.000.000; sisa Rp1.500.000.000."
    )
    assert "already funded Rp1,000,000,000 of Rp2,500,000,000" in error.message("en")
    refused("cat_bad_amount", writes.adopt, store, MITRA_2, item, 0)
    writes.adopt(store, MITRA_2, item, 1_500_000_000)
    refused("cat_fully_funded", writes.adopt, store, MITRA_2, item, 1)
    shown = catalogue.catalogue(Reader(store, Scope(public=True)), Filters(year=2025))
    row = shown.items.set_index("id").loc[item]
    assert (row["amount"], row["funded"], row["open"], row["adoptions"]) == (2.5e9, 2.5e9, 0, 2)
    assert row["adopters"] == "PT Dua; PT Satu" and row["funding"] == "full"
    assert shown.totals() == {"amount": 2.5e9, "funded": 2.5e9, "open": 0.0}  # the item once, not per adoption


def test_adoption_transitions(store):
    item = new_item(store)
    adoption = writes.adopt(store, MITRA_1, item, 1_000_000)
    for bad in ("berjalan", "selesai", "usulan"):  # skipped, skipped, not a step forward
        refused("cat_bad_step", writes.move, store, MITRA_1, adoption, bad)
    for step in ("komitmen", "berjalan"):
        writes.move(store, MITRA_1, adoption, step)
    error = refused("cat_bad_step", writes.move, store, MITRA_1, adoption, "komitmen")  # backwards
    assert "Allowed next: completed, cancelled" in error.message("en")
    writes.move(store, MITRA_1, adoption, "selesai")
    refused("cat_bad_step", writes.move, store, MITRA_1, adoption, "batal")
    assert writes.next_statuses("selesai") == () and writes.next_statuses("usulan") == ("komitmen", "batal")


def test_linking_a_program(store):
    item = new_item(store)  # year 2026
    adoption = writes.adopt(store, MITRA_1, item, 300_000_000)
    refused("cat_link_other_partner", writes.link_program, store, MITRA_1, adoption, 6)  # PT Dua's
    refused("cat_link_other_partner", writes.link_program, store, MITRA_1, adoption, 5)  # no partner
    refused("cat_unknown_program", writes.link_program, store, MITRA_1, adoption, 99)
    refused("cat_not_yours", writes.link_program, store, MITRA_2, adoption, 4)
    writes.link_program(store, MITRA_1, adoption, 4)
    assert store.scalar("SELECT program_id FROM catalogue_adoptions WHERE id = ?", [adoption]) == 4
    options = catalogue.partner_programs(Reader(store, Scope()), 1, 2026)
    assert options == {4: "Bina Disabilitas PT Satu (2026)"}


def test_program_of_another_year_is_refused(store):
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO programs (id, program_code, year, name, implementer, partner_id, import_id) "
            "VALUES (7, 'P7', 2024, 'Lama PT Satu', 'PT Satu', 1, 1)"
        )
    adoption = writes.adopt(store, MITRA_1, new_item(store), 1_000_000)
    error = refused("cat_link_year", writes.link_program, store, MITRA_1, adoption, 7)
    assert "link a program of 2026 or 2027" in error.message("en")


def test_audit_rows(store):
    item = new_item(store)
    adoption = writes.adopt(store, MITRA_1, item, 1_000_000)
    writes.move(store, MITRA_1, adoption, "komitmen")
    writes.link_program(store, MITRA_1, adoption, 4)
    refused("cat_over_funded", writes.adopt, store, MITRA_2, item, 10**12)  # refused: no row
    log = audit.entries(store).sort_values("id")
    assert list(log["action"]) == [
        "catalogue_create", "catalogue_publish", "catalogue_adopt", "catalogue_adoption_status", "catalogue_link",
    ]  # fmt: skip
    assert list(log["actor"]) == ["ana", "ana", "satu", "satu", "satu"]
    assert '"amount": 1000000' in log.iloc[2]["detail"] and '"role": "mitra"' in log.iloc[2]["detail"]


def test_funding_totals_unchanged_by_adoptions(store):
    def totals() -> list[tuple[float, float, float]]:
        reader = Reader(store, Scope())
        out = []
        for year in (2025, 2026):
            figures = funding.stages(reader, Filters(year=year)).totals
            out.append((figures.budget_idr, figures.committed_idr, figures.spent_idr))
        return out

    before = totals()
    item = new_item(store)
    adoption = writes.adopt(store, MITRA_1, item, 2_000_000_000)
    writes.link_program(store, MITRA_1, adoption, 4)
    writes.move(store, MITRA_1, adoption, "komitmen")
    writes.adopt(store, MITRA_2, item, 500_000_000)
    assert totals() == before
    assert before[1][0] == 550_000_000  # 2026: P4 300 jt + P5 200 jt + P6 50 jt (imported); no adoption added


def test_remove_sample_removes_sample_catalogue_rows(store):
    item = new_item(store)
    kept = writes.adopt(store, MITRA_1, item, 1_000_000)
    sample = new_item(store)
    writes.adopt(store, MITRA_2, sample, 1_000_000)
    with store.transaction() as tx:
        tx.execute("UPDATE catalogue_items SET is_sample = TRUE WHERE id = ?", [sample])
    assert importer.remove_sample(store, "adm", role="admin") == 2  # the sample item and its adoption
    assert list(store.query("SELECT id FROM catalogue_items")["id"]) == [item]
    assert list(store.query("SELECT id FROM catalogue_adoptions")["id"]) == [kept]


def test_xlsx_keeps_numbers(store):
    item = new_item(store)
    writes.adopt(store, MITRA_1, item, 1_000_000_000)
    shown = catalogue.catalogue(Reader(store, Scope()), Filters(year=2025))
    content, rows = catalogue_views.export_bytes(shown, "id")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert rows == 1 and sheet.max_row == 2
    assert values["Nilai (Rp)"] == 2_500_000_000 and isinstance(values["Nilai (Rp)"], (int, float))
    assert values["Diadopsi (Rp)"] == 1_000_000_000 and values["Terbuka (Rp)"] == 1_500_000_000
    assert values["Volume"] == 1000 and values["Pengadopsi"] == "PT Satu"
    assert values["Perhitungan"].startswith("Kebutuhan 1.000 jiwa")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_for_dinas_sosial(url, lang):
    store = open_store(url)
    new_item(store)
    store.close()
    at = app_test("analis")
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/etalase.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert [tab.label for tab in at.tabs] == [t(key, lang) for key in catalogue_views.TABS[:3]]  # no adoption
    assert len(at.dataframe) == 1  # the published items: only the open tab runs
    open_tab(at, "cat_tab_drafts", lang)
    drafts_shown = at.dataframe[0].value
    basis = drafts_shown.iloc[:, -1].tolist()
    assert any(text.startswith("Kebutuhan 1.000 jiwa" if lang == "id" else "Need 1,000 persons") for text in basis)
    assert not [button for button in at.button if button.key == "cat_adopt_button"]


def test_page_create_and_publish_through_the_page(url):
    at = app_test("analis")
    at.run()
    at.switch_page("app_pages/etalase.py").run()
    open_tab(at, "cat_tab_drafts")
    at.text_input(key="cat_create_title").set_value("RTLH contoh")
    next(b for b in at.button if b.label == "Buat item (draf)").click().run()
    assert not at.exception
    assert "Item dibuat sebagai draf." in [s.value for s in at.success]
    assert at.session_state["bagian"] == t("cat_tab_drafts", "id")  # the write's rerun keeps the tab
    open_tab(at, "cat_tab_manage")
    at.button(key="cat_publish").click().run()
    assert "Item diterbitkan." in [s.value for s in at.success]
    store = open_store(url)
    rows = store.query("SELECT title, status, amount_idr FROM catalogue_items")
    store.close()
    assert rows.to_dict("records") == [{"title": "RTLH contoh", "status": "terbit", "amount_idr": 2_500_000_000}]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_for_a_partner_adopts_for_itself(url, lang):
    store = open_store(url)
    item = new_item(store)
    store.close()
    at = app_test("mitra", partner_id=1)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/etalase.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert [tab.label for tab in at.tabs] == [t("cat_published_heading", lang), t("cat_adopt_heading", lang)]
    open_tab(at, "cat_adopt_heading", lang)
    assert at.number_input(key="cat_adopt_amount").value == 2_500_000_000  # whole by default
    at.number_input(key="cat_adopt_amount").set_value(1_000_000_000)
    next(b for b in at.button if b.label in ("Adopsi", "Adopt")).click().run()
    assert not at.exception
    store = open_store(url)
    rows = store.query("SELECT item_id, partner_id, amount_idr, status FROM catalogue_adoptions")
    store.close()
    assert rows.to_dict("records") == [
        {"item_id": item, "partner_id": 1, "amount_idr": 1_000_000_000, "status": "usulan"}
    ]
    assert len(at.dataframe) == 1  # my adoptions, in the open tab
    at.button(key="cat_move_komitmen").click().run()
    assert not at.exception
    assert at.dataframe[0].value.iloc[0, 4] == ("komitmen" if lang == "id" else "committed")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_for_a_visitor(url, lang):
    store = open_store(url)
    new_item(store)
    new_item(store, publish=False)
    store.close()
    at = app_test(None)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/etalase.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 1  # the published item only
    assert not at.number_input and not at.text_input


def test_a_program_for_another_need_cannot_carry_an_item(store):
    with store.transaction() as tx:  # PT Satu's 2026 proposal for street children in Samarinda
        tx.execute(
            "INSERT INTO programs (id, program_code, year, name, implementer, partner_id, ppks_category_id, "
            "status, import_id) VALUES (8, 'P8', 2026, 'Anjal PT Satu', 'PT Satu', 1, 9, 'usulan', 1), "
            "(9, 'P9', 2026, 'Lansia PT Satu', 'PT Satu', 1, 2, 'usulan', 1)"
        )
        tx.execute(
            "INSERT INTO program_allocations (program_id, region_code, funding_source, budget_idr, import_id) "
            "VALUES (8, '64.72', 'CSR', 850000000, 1), (9, '64.02', 'CSR', 850000000, 1)"
        )
    adoption = writes.adopt(store, MITRA_1, new_item(store), 1_000_000)  # the item: 64.02 × PPKS 9
    error = refused("cat_link_other_cell", writes.link_program, store, MITRA_1, adoption, 8)  # another region
    assert "does not serve item" in error.message("en")
    refused("cat_link_other_cell", writes.link_program, store, MITRA_1, adoption, 9)  # another category
    assert pd.isna(store.scalar("SELECT program_id FROM catalogue_adoptions WHERE id = ?", [adoption]))

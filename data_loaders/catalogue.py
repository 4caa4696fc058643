"""Writes of the Etalase Program (catalogue of priority needs, issue 13, migration 0009).

Every write takes the actor's `Access` (data_loaders/roles.py), checks it here — whatever page or
call reaches it —, runs in one versioned transaction and appends its audit row in that transaction
(`data_loaders.audit.record`). A refused write changes nothing and raises `CatalogueError`, whose
`message(lang)` names what, which value and what to do, in Bahasa Indonesia or English.

Who may do what:
- items (create, edit, publish, withdraw): roles with CATALOGUE_EDIT (analis, admin);
- adoptions (adopt, move on, link a program): roles with CATALOGUE_ADOPT — a mitra for its own
  `partner_id` only, an admin for any partner.

Lifecycles: an item is 'draf' → 'terbit' (published, open to adoption) → 'ditarik' (withdrawn; refused
while an adoption is active). An adoption is 'usulan' → 'komitmen' → 'berjalan' → 'selesai', one step
at a time, or 'batal' from any step before 'selesai'; nothing moves back.

Money (Rupiah, whole): an item's amount is quantity × unit cost; its funded amount is the sum of its
active adoptions (every status but 'batal'), so an item funded by several partners counts once, and an
adoption is refused when it would take the funded amount above the item's amount.

No double counting with imported programs: an adoption's amount is the partner's commitment to the
catalogue only. When the adoption is linked to a program (`program_id`), the money is counted through
that program's imported allocations (pagu, komitmen, realisasi on the funding pages) and never again
through the adoption; nothing written here is ever added to a funding total (domain/funding.py reads
no catalogue table).

`basis` (the arithmetic behind an item) is stored as JSON {"id": text, "en": text}; `basis_text`
reads it back (a plain text, e.g. written by hand, is shown as it is in both languages).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pandas as pd

from common import formatting
from common.i18n import t, value
from data_loaders import audit
from data_loaders.roles import CATALOGUE_ADOPT, CATALOGUE_EDIT, Access
from data_loaders.store import Store, StoreError, Transaction

ITEM_STATUSES = ("draf", "terbit", "ditarik")
UNITS = ("jiwa", "KK", "unit")
ADOPTION_STEPS = ("usulan", "komitmen", "berjalan", "selesai")
CANCELLED = "batal"


class CatalogueError(StoreError):
    """A catalogue write that is refused; nothing was stored. `money` values (Rupiah) are formatted
    in the language of the message."""

    def __init__(self, key: str, money: Mapping[str, float] | None = None, **values: object) -> None:
        self.money = dict(money or {})
        super().__init__(f"{self._text(key, 'id', values)} / {self._text(key, 'en', values)}")
        self.key = key  # set after StoreError's own __init__, which sets them to None
        self.values = values

    def _text(self, key: str, lang: str, values: Mapping[str, object]) -> str:
        words = dict(values)
        if "status" in words:  # an item's status
            words["status"] = value("catstatus", words["status"], lang)
        for name in ("old", "new"):  # an adoption's statuses
            if name in words:
                words[name] = value("status", words[name], lang)
        if "allowed" in words:
            words["allowed"] = ", ".join(value("status", step, lang) for step in words["allowed"]) or "–"
        amounts = {name: formatting.money_exact(amount, lang) for name, amount in self.money.items()}
        return t(key, lang, **words, **amounts)

    def message(self, lang: str) -> str:
        """The message in `lang` ('id' or 'en')."""
        return self._text(self.key, lang, self.values)


def encode_basis(texts: Mapping[str, str]) -> str:
    """The stored form of an item's arithmetic: JSON {"id": …, "en": …}."""
    return json.dumps({"id": texts["id"], "en": texts["en"]}, ensure_ascii=False)


def basis_text(stored: str, lang: str) -> str:
    """The arithmetic of an item in `lang`, from its stored `basis` (JSON of `encode_basis`, or a
    plain text, shown as it is)."""
    try:
        texts = json.loads(stored)
    except (TypeError, ValueError):
        return stored
    return texts.get(lang) or texts.get("id") or stored if isinstance(texts, dict) else stored


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now()).replace(microsecond=0)


def _require(access: Access, action: str) -> None:
    if not access.may(action):
        raise CatalogueError("cat_not_allowed", role=access.role)


def _item(tx: Transaction, item_id: int) -> pd.Series:
    rows = tx.query("SELECT * FROM catalogue_items WHERE id = ?", [int(item_id)])
    if rows.empty:
        raise CatalogueError("cat_unknown_item", item=item_id)
    return rows.iloc[0]


def _adoption(tx: Transaction, adoption_id: int) -> pd.Series:
    rows = tx.query("SELECT * FROM catalogue_adoptions WHERE id = ?", [int(adoption_id)])
    if rows.empty:
        raise CatalogueError("cat_unknown_adoption", adoption=adoption_id)
    return rows.iloc[0]


def funded(tx: Store | Transaction, item_id: int) -> int:
    """Rupiah of the item's active adoptions (every status but 'batal'), counted once per adoption."""
    total = tx.query(
        "SELECT coalesce(sum(amount_idr), 0) AS total FROM catalogue_adoptions WHERE item_id = ? AND status <> ?",
        [int(item_id), CANCELLED],
    )["total"].iloc[0]
    return int(total)


def _check_figures(quantity: float, unit: str, unit_cost: int) -> tuple[float, int, int]:
    """(quantity, unit cost, amount = round(quantity × unit cost)) or CatalogueError."""
    if not quantity or quantity <= 0:
        raise CatalogueError("cat_bad_quantity", quantity=quantity)
    if unit not in UNITS:
        raise CatalogueError("cat_bad_unit", unit=unit, units=", ".join(UNITS))
    if not unit_cost or int(unit_cost) <= 0:
        raise CatalogueError("cat_bad_unit_cost", money={"cost": float(unit_cost or 0)})
    return float(quantity), int(unit_cost), round(float(quantity) * int(unit_cost))


def _hand_basis(quantity: float, unit: str, unit_cost: int, amount: int, actor: str) -> str:
    """The arithmetic of an item costed by hand, in both languages."""
    return encode_basis(
        {
            lang: t(
                "cat_basis_hand",
                lang,
                quantity=formatting.number(quantity, lang),
                unit=value("unit", unit, lang),
                cost=formatting.money_exact(unit_cost, lang),
                amount=formatting.money_exact(amount, lang),
                actor=actor,
            )
            for lang in ("id", "en")
        }
    )


def create_item(
    store: Store,
    access: Access,
    *,
    year: int,
    region_code: str,
    ppks_category_id: int | None,
    assistance_type: str,
    title: str,
    quantity: float,
    unit: str,
    unit_cost: int,
    basis: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Store a new item as 'draf' (from a draft of `domain.catalogue.drafts`, with its `basis` texts
    {"id", "en"}, or by hand: `basis` None writes the arithmetic 'quantity × unit cost = amount, by
    <user>'); returns its id. Amount (Rupiah) = round(quantity × unit_cost). Logged as
    'catalogue_create'. Raises CatalogueError: no CATALOGUE_EDIT, an empty title, quantity or unit cost
    ≤ 0, an unknown unit or region."""
    _require(access, CATALOGUE_EDIT)
    quantity, unit_cost, amount = _check_figures(quantity, unit, unit_cost)
    if not title.strip():
        raise CatalogueError("cat_no_title")
    at = _now(now)
    with store.transaction() as tx:
        if tx.query("SELECT code FROM regions WHERE code = ?", [region_code]).empty:
            raise CatalogueError("cat_unknown_region", region=region_code)
        text = encode_basis(basis) if basis else _hand_basis(quantity, unit, unit_cost, amount, access.username)
        created = tx.query(
            "INSERT INTO catalogue_items (year, region_code, ppks_category_id, assistance_type, title, quantity, "
            "unit, unit_cost_idr, amount_idr, basis, status, created_at, created_by, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draf', ?, ?, ?, ?) RETURNING id",
            [int(year), region_code, ppks_category_id, assistance_type, title.strip(), quantity, unit, unit_cost,
             amount, text, at, access.username, at, access.username],
        )  # fmt: skip
        item_id = int(created["id"].iloc[0])
        detail = {"item": item_id, "year": int(year), "region": region_code, "amount": amount, "role": access.role}
        audit.record(tx, access.username, "catalogue_create", detail, rows=1, now=at)
    return item_id


def edit_item(
    store: Store,
    access: Access,
    item_id: int,
    *,
    quantity: float | None = None,
    unit_cost: int | None = None,
    title: str | None = None,
    assistance_type: str | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Change an item's quantity, unit cost, title or assistance type (None keeps it); the amount is
    recomputed and, when quantity or unit cost changed, the arithmetic is rewritten as costed by hand.
    Returns the new amount (Rupiah). Logged as 'catalogue_edit' with the old and new amount. Raises
    CatalogueError: no CATALOGUE_EDIT, an unknown or withdrawn item, bad figures, an empty title, or
    a new amount below what partners have already adopted."""
    _require(access, CATALOGUE_EDIT)
    at = _now(now)
    with store.transaction() as tx:
        item = _item(tx, item_id)
        if item["status"] == "ditarik":
            raise CatalogueError("cat_edit_withdrawn", item=item_id)
        new_quantity = item["quantity"] if quantity is None else quantity
        new_cost = int(item["unit_cost_idr"]) if unit_cost is None else unit_cost
        new_quantity, new_cost, amount = _check_figures(new_quantity, item["unit"], new_cost)
        new_title = item["title"] if title is None else title.strip()
        if not new_title:
            raise CatalogueError("cat_no_title")
        taken = funded(tx, item_id)
        if amount < taken:
            raise CatalogueError("cat_below_funded", item=item_id, money={"amount": amount, "funded": taken})
        basis = item["basis"]
        if new_quantity != float(item["quantity"]) or new_cost != int(item["unit_cost_idr"]):
            basis = _hand_basis(new_quantity, item["unit"], new_cost, amount, access.username)
        tx.execute(
            "UPDATE catalogue_items SET quantity = ?, unit_cost_idr = ?, amount_idr = ?, title = ?, "
            "assistance_type = ?, basis = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            [new_quantity, new_cost, amount, new_title, assistance_type or item["assistance_type"], basis, at,
             access.username, int(item_id)],
        )  # fmt: skip
        detail = {"item": int(item_id), "old_amount": int(item["amount_idr"]), "amount": amount, "role": access.role}
        audit.record(tx, access.username, "catalogue_edit", detail, rows=1, now=at)
    return amount


def _set_item_status(store: Store, access: Access, item_id: int, old: str, new: str, now: dt.datetime | None) -> None:
    _require(access, CATALOGUE_EDIT)
    at = _now(now)
    with store.transaction() as tx:
        item = _item(tx, item_id)
        if item["status"] != old:
            raise CatalogueError(f"cat_status_{new}", item=item_id, status=item["status"])
        if new == "ditarik":
            active = funded(tx, item_id)
            if active:
                raise CatalogueError("cat_withdraw_adopted", item=item_id, money={"funded": active})
        tx.execute(
            "UPDATE catalogue_items SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            [new, at, access.username, int(item_id)],
        )
        detail = {"item": int(item_id), "from": old, "to": new, "role": access.role}
        audit.record(
            tx, access.username, "catalogue_publish" if new == "terbit" else "catalogue_withdraw", detail, 1, now=at
        )


def publish(store: Store, access: Access, item_id: int, now: dt.datetime | None = None) -> None:
    """'draf' → 'terbit': the item becomes visible to everyone and open to adoption. Logged as
    'catalogue_publish'. Raises CatalogueError: no CATALOGUE_EDIT, unknown item, not a draft."""
    _set_item_status(store, access, item_id, "draf", "terbit", now)


def withdraw(store: Store, access: Access, item_id: int, now: dt.datetime | None = None) -> None:
    """'terbit' → 'ditarik'. Logged as 'catalogue_withdraw'. Raises CatalogueError: no
    CATALOGUE_EDIT, unknown item, not published, or an active adoption (cancel it first)."""
    _set_item_status(store, access, item_id, "terbit", "ditarik", now)


def _partner_of(access: Access, partner_id: int | None) -> int:
    """The partner `access` acts for: a mitra its own (another is refused), an admin the one named."""
    _require(access, CATALOGUE_ADOPT)
    if access.role == "mitra":
        if access.partner_id is None or (partner_id is not None and int(partner_id) != access.partner_id):
            raise CatalogueError("cat_other_partner", partner=partner_id)
        return int(access.partner_id)
    if partner_id is None:
        raise CatalogueError("cat_no_partner")
    return int(partner_id)


def adopt(
    store: Store,
    access: Access,
    item_id: int,
    amount: int,
    partner_id: int | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Adopt a published item for `partner_id` (a mitra: its own, the default; an admin: the partner
    named) with `amount` Rupiah — the whole open amount or a share. Stored as 'usulan'; returns the
    adoption's id. Logged as 'catalogue_adopt'. Raises CatalogueError: no CATALOGUE_ADOPT, another
    partner's name, an unknown item or partner, an item not published ('draf', 'ditarik'), an amount ≤ 0,
    an item already fully funded, or an amount above what is still open ("sudah terdanai Rp… dari
    Rp…; sisa Rp…")."""
    partner = _partner_of(access, partner_id)
    amount = int(amount)
    if amount <= 0:
        raise CatalogueError("cat_bad_amount", money={"amount": amount})
    at = _now(now)
    with store.transaction() as tx:
        item = _item(tx, item_id)
        if item["status"] != "terbit":
            raise CatalogueError("cat_adopt_unpublished", item=item_id, status=item["status"])
        if tx.query("SELECT id FROM partners WHERE id = ? AND merged_into IS NULL", [partner]).empty:
            raise CatalogueError("cat_unknown_partner", partner=partner)
        total, taken = int(item["amount_idr"]), funded(tx, item_id)
        money = {"funded": taken, "total": total, "open": total - taken, "amount": amount}
        if taken >= total:
            raise CatalogueError("cat_fully_funded", item=item_id, money=money)
        if amount > total - taken:
            raise CatalogueError("cat_over_funded", item=item_id, money=money)
        created = tx.query(
            "INSERT INTO catalogue_adoptions (item_id, partner_id, amount_idr, status, created_at, created_by, "
            "updated_at, updated_by) VALUES (?, ?, ?, 'usulan', ?, ?, ?, ?) RETURNING id",
            [int(item_id), partner, amount, at, access.username, at, access.username],
        )
        adoption_id = int(created["id"].iloc[0])
        detail = {
            "item": int(item_id),
            "adoption": adoption_id,
            "partner": partner,
            "amount": amount,
            "role": access.role,
        }
        audit.record(tx, access.username, "catalogue_adopt", detail, rows=1, now=at)
    return adoption_id


def may_manage(access: Access, partner_id: int) -> bool:
    """Whether `access` may move on or link an adoption of `partner_id`: the adopting mitra, or an
    admin (CATALOGUE_ADOPT without a partner of its own)."""
    if not access.may(CATALOGUE_ADOPT):
        return False
    return access.partner_id == int(partner_id) if access.role == "mitra" else True


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses an adoption in `status` may move to: the next step and 'batal' (none after
    'selesai' or 'batal')."""
    if status not in ADOPTION_STEPS or status == ADOPTION_STEPS[-1]:
        return ()
    return (ADOPTION_STEPS[ADOPTION_STEPS.index(status) + 1], CANCELLED)


def _managed(tx: Transaction, access: Access, adoption_id: int) -> pd.Series:
    _require(access, CATALOGUE_ADOPT)
    adoption = _adoption(tx, adoption_id)
    if not may_manage(access, int(adoption["partner_id"])):
        raise CatalogueError("cat_not_yours", adoption=adoption_id)
    return adoption


def move(store: Store, access: Access, adoption_id: int, status: str, now: dt.datetime | None = None) -> None:
    """Move an adoption one step on (usulan → komitmen → berjalan → selesai) or cancel it ('batal').
    Logged as 'catalogue_adoption_status'. Raises CatalogueError: not the adopting mitra or an admin,
    an unknown adoption, a step backwards, a skipped step, or a move after 'selesai'/'batal'."""
    at = _now(now)
    with store.transaction() as tx:
        adoption = _managed(tx, access, adoption_id)
        old = adoption["status"]
        allowed = next_statuses(old)
        if status not in allowed:
            raise CatalogueError("cat_bad_step", adoption=adoption_id, old=old, new=status, allowed=allowed)
        tx.execute(
            "UPDATE catalogue_adoptions SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            [status, at, access.username, int(adoption_id)],
        )
        detail = {"adoption": int(adoption_id), "from": old, "to": status, "role": access.role}
        audit.record(tx, access.username, "catalogue_adoption_status", detail, rows=1, now=at)


def link_program(
    store: Store, access: Access, adoption_id: int, program_id: int, now: dt.datetime | None = None
) -> None:
    """Link an adoption to the program that carries it out: a program of the adopting partner for the
    item's year or the next. From then on the program's imported amounts count and the adoption's own
    amount is the catalogue's commitment only (module docstring). Logged as 'catalogue_link'. Raises
    CatalogueError: not the adopting mitra or an admin, unknown adoption or program, a cancelled
    adoption, a program of another partner or of another year, or one that does not serve the item's
    PPKS category in the item's kabupaten/kota (its money would count for another need)."""
    at = _now(now)
    with store.transaction() as tx:
        adoption = _managed(tx, access, adoption_id)
        if adoption["status"] == CANCELLED:
            raise CatalogueError("cat_link_cancelled", adoption=adoption_id)
        programs = tx.query("SELECT partner_id, year, ppks_category_id FROM programs WHERE id = ?", [int(program_id)])
        if programs.empty:
            raise CatalogueError("cat_unknown_program", program=program_id)
        program = programs.iloc[0]
        if pd.isna(program["partner_id"]) or int(program["partner_id"]) != int(adoption["partner_id"]):
            raise CatalogueError("cat_link_other_partner", program=program_id)
        item = _item(tx, int(adoption["item_id"]))
        year = int(item["year"])
        if int(program["year"]) not in (year, year + 1):
            raise CatalogueError(
                "cat_link_year", program=program_id, year=int(program["year"]), first=year, last=year + 1
            )
        area = str(item["region_code"])[:5]  # the item's kabupaten/kota
        places = tx.query(
            "SELECT count(*) AS n FROM program_allocations WHERE program_id = ? AND substr(region_code, 1, 5) = ?",
            [int(program_id), area],
        )
        same_category = not pd.isna(program["ppks_category_id"]) and int(program["ppks_category_id"]) == int(
            item["ppks_category_id"]
        )
        if not same_category or not int(places.iloc[0]["n"]):  # it must carry out this need, not another
            raise CatalogueError("cat_link_other_cell", program=program_id, item=int(adoption["item_id"]))
        tx.execute(
            "UPDATE catalogue_adoptions SET program_id = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            [int(program_id), at, access.username, int(adoption_id)],
        )
        detail: dict[str, Any] = {"adoption": int(adoption_id), "program": int(program_id), "role": access.role}
        audit.record(tx, access.username, "catalogue_link", detail, rows=1, now=at)

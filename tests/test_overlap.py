"""Beneficiary overlap on a hand-made set of people whose expected counts are worked out here.

Programs (2025): PKH (APBN, Tunai), SEMBAKO (APBN, Sembako/Pangan), BLT (Dana Desa, Tunai),
RLH (co-financed: APBD Provinsi + CSR, Rumah).
People:
  P1 Kukar: PKH, SEMBAKO, BLT       -> 3 programs; sources APBN + Dana Desa; Tunai twice
  P2 Kukar: PKH, SEMBAKO            -> 2 programs of one source
  P3 Kutim: RLH                     -> one co-financed program: no overlap at all
  P4 Kutim: RLH; Samarinda: PKH     -> 2 programs; sources APBD Provinsi, CSR, APBN; counted in both places
  P5 Samarinda: PKH                 -> one program
  P6 Samarinda: PKH in 2024 only    -> not in 2025

Under a partner's scope only the beneficiaries of that partner's programs count (before issue 10 the
figures under `Scope(partner_id=…)` were the province's: a correction, see the partner test).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from common.i18n import t
from data_loaders.store import open_store
from domain.filters import Filters, Scope
from domain.overlap import overlaps_by_region
from domain.reader import Reader
from tests.conftest import app_test

REPO = Path(__file__).resolve().parent.parent
PROGRAMS = [
    (1, "PKH", "Tunai", ["APBN"]),
    (2, "SEMBAKO", "Sembako/Pangan", ["APBN"]),
    (3, "BLT", "Tunai", ["DANA_DESA"]),
    (4, "RLH", "Rumah (RTLH)", ["APBD_PROV", "CSR"]),
]
KUKAR, KUTIM, SAMARINDA = "64.02.06.1001", "64.08.04.1010", "64.72.01.1001"
ROWS = [
    ("p1", "PKH", KUKAR),
    ("p1", "SEMBAKO", KUKAR),
    ("p1", "BLT", KUKAR),
    ("p2", "PKH", KUKAR),
    ("p2", "SEMBAKO", KUKAR),
    ("p3", "RLH", KUTIM),
    ("p4", "RLH", KUTIM),
    ("p4", "PKH", SAMARINDA),
    ("p5", "PKH", SAMARINDA),
]


def build(store) -> None:
    programs = pd.DataFrame(
        [(pid, code, 2025, code, "Dinsos", kind, "jiwa") for pid, code, kind, _ in PROGRAMS]
        + [(5, "PKH", 2024, "PKH", "Dinsos", "Tunai", "jiwa")],
        columns=["id", "program_code", "year", "name", "implementer", "assistance_type", "beneficiary_unit"],
    )
    allocations = pd.DataFrame(
        [(pid, "64.02", source, 1_000_000) for pid, _, _, sources in PROGRAMS for source in sources]
        + [(5, "64.72", "APBN", 1_000_000)],
        columns=["program_id", "region_code", "funding_source", "budget_idr"],
    )
    people = pd.DataFrame(
        [(f"{person:0>64}", code, 2025, region) for person, code, region in ROWS]
        + [(f"{'p6':0>64}", "PKH", 2024, SAMARINDA)],
        columns=["nik_hash", "program_code", "year", "region_code"],
    )
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO imports (id, kind, file_name, imported_by, imported_at, is_sample) "
            "VALUES (1, 'penerima', 'f.csv', 'test', current_timestamp, FALSE)"
        )
        for table, frame in (("programs", programs), ("program_allocations", allocations), ("beneficiaries", people)):
            tx.insert_frame(table, frame.assign(import_id=1))


def counts(store, year=2025, scope=Scope()):
    result = overlaps_by_region(Reader(store, scope), Filters(year))
    total = [result.total.people, result.total.multi_program, result.total.cross_source, result.total.same_kind]
    return result.table.set_index("region_code"), total


COLUMNS = ["people", "multi_program", "cross_source", "same_kind"]


def test_expected_counts(store_url):
    store = open_store(store_url)
    build(store)
    frame, total = counts(store)
    assert frame.loc["64.02", COLUMNS].tolist() == [2, 2, 1, 1]  # P1, P2
    assert frame.loc["64.08", COLUMNS].tolist() == [2, 1, 1, 0]  # P3, P4
    assert frame.loc["64.72", COLUMNS].tolist() == [2, 1, 1, 0]  # P4, P5
    assert total == [5, 3, 2, 1]  # each person once
    assert frame.loc["64.01", COLUMNS].tolist() == [0, 0, 0, 0]
    assert len(frame) == 10 and frame.loc["64.72", "region_name"] == "Samarinda"
    assert counts(store, 2024)[1][0] == 1
    kukar_only, kukar_total = counts(store, scope=Scope(kabkota=("64.02",)))
    assert list(kukar_only.index) == ["64.02"] and kukar_total[0] == 2
    in_filter = overlaps_by_region(Reader(store), Filters(2025, kabkota="64.72"))
    assert list(in_filter.table["region_code"]) == ["64.72"] and in_filter.total.people == 2
    unregistered = pd.DataFrame(
        [(f"{'p5':0>64}", "XYZ", 2025, SAMARINDA, 1)],
        columns=["nik_hash", "program_code", "year", "region_code", "import_id"],
    )
    with store.transaction() as tx:  # a program code no program row names: a program, without source or type
        tx.insert_frame("beneficiaries", unregistered)
    frame, total = counts(store)
    assert frame.loc["64.72", COLUMNS].tolist() == [2, 2, 1, 0] and total == [5, 4, 2, 1]
    store.close()


def test_a_partner_sees_only_its_own_beneficiaries(store_url):
    store = open_store(store_url)
    build(store)
    with store.transaction() as tx:  # RLH (P3 and P4 in Kutim) becomes a partner's program, placed in Kutim
        tx.execute("INSERT INTO partners (id, name, name_key, import_id) VALUES (7, 'PT Contoh', 'contoh', 1)")
        tx.execute("UPDATE programs SET partner_id = 7 WHERE id = 4")
        tx.execute("UPDATE program_allocations SET region_code = '64.08' WHERE program_id = 4")
    frame, total = counts(store, scope=Scope(partner_id=7))
    # Before issue 10: [5, 3, 2, 1], the whole province. Now P3 and P4 in RLH only: one program each.
    assert total == [2, 0, 0, 0]
    assert list(frame.index) == ["64.08"]
    from domain.overlap import program_pairs, source_pairs, targeting

    reader = Reader(store, Scope(partner_id=7))
    assert program_pairs(reader, Filters(2025)).empty
    # A co-financed program pairs its own sources: P3 and P4 through RLH (APBD Provinsi + CSR).
    assert source_pairs(reader, Filters(2025)).table.values.tolist() == [["APBD_PROV", "CSR", 2]]
    assert targeting(reader, Filters(2025)).empty  # no deciles in this set
    store.close()


def test_command_line_json_shape(store_url):
    store = open_store(store_url)
    build(store)
    store.close()
    result = subprocess.run(
        [sys.executable, "-m", "data_loaders", "overlaps", "--year", "2025", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": store_url},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 11
    assert set(rows[0]) >= {
        "kode_wilayah",
        "penerima",
        "penerima_multi_program",
        "penerima_lintas_sumber",
        "penerima_bantuan_sejenis_ganda",
    }
    assert rows[-1] == {
        "kode_wilayah": "64",
        "nama": "Kalimantan Timur",
        "penerima": 5,
        "penerima_multi_program": 3,
        "penerima_lintas_sumber": 2,
        "penerima_bantuan_sejenis_ganda": 1,
    }
    table = subprocess.run(
        [sys.executable, "-m", "data_loaders", "overlaps", "--year", "2025"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": store_url},
        timeout=120,
    )
    assert "Kutai Kartanegara" in table.stdout


def test_page_suppresses_small_counts(store_url, monkeypatch):

    store = open_store(store_url)
    build(store)
    store.close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    at = app_test()
    at.query_params["bagian"] = t("gaps_tab_overlaps", "id")
    at.run()
    at.switch_page("app_pages/celah.py").run()
    assert not at.exception, [e.value for e in at.exception]
    people = next(df.value for df in at.dataframe if "2+ program" in df.value.columns).set_index("Wilayah")
    assert people.loc["Jumlah (setiap orang sekali)", "Penerima"] == "5"
    assert people.loc["Kutai Kartanegara", "2+ program"] == "< 5"
    assert people.loc["Paser", "Penerima"] == "0"
    pairs = next(df.value for df in at.dataframe if df.value.columns[0] == "Pasangan")  # sources, then programs
    assert set(pairs["Pasangan"]) >= {"APBD Provinsi × APBN", "APBN × Dana Desa"}
    at.number_input(key="sembunyi").set_value(1).run()
    people = next(df.value for df in at.dataframe if "2+ program" in df.value.columns).set_index("Wilayah")
    assert people.loc["Kutai Kartanegara", "2+ program"] == "2"


def test_program_pairs_targeting_and_left_out(store_url):
    from domain.overlap import poorest_left_out, program_pairs, source_pairs, targeting

    store = open_store(store_url)
    build(store)
    with store.transaction() as tx:
        tx.execute("UPDATE beneficiaries SET decile = 1 WHERE nik_hash LIKE '%p1' OR nik_hash LIKE '%p6'")
        tx.execute("UPDATE beneficiaries SET decile = 7 WHERE nik_hash LIKE '%p2'")
    reader = Reader(store)
    pairs = program_pairs(reader, Filters(2025)).table.set_index(["program_a", "program_b"])["people"]
    assert pairs[("PKH", "SEMBAKO")] == 2  # P1 and P2
    assert pairs[("PKH", "RLH")] == 1 and pairs[("BLT", "PKH")] == 1
    shares = targeting(reader, Filters(2025))
    by_program = shares.by_program.set_index("name")
    assert by_program.loc["PKH", "listed"] == 2 and by_program.loc["PKH", "share_poorest"] == 0.5
    by_source = shares.by_source.set_index("source")
    assert by_source.loc["DANA_DESA", "share_poorest"] == 1.0
    assert poorest_left_out(reader, Filters(2025)).people == 1  # P6: desil 1 in 2024, nothing in 2025
    assert reader.stored_overlaps()  # the whole province reads the stored figures …
    with store.transaction(versioned=False) as tx:  # … and, once they are stale, computes the same live
        tx.execute("UPDATE meta SET value = '-1' WHERE key = 'overlap_version'")
    live = Reader(store)
    assert not live.stored_overlaps()
    for view in (overlaps_by_region, source_pairs, program_pairs, targeting, poorest_left_out):
        for filters in (Filters(2025), Filters(2025, kabkota="64.02"), Filters(2025, kabkota="64.72"), Filters(2026)):
            assert repr(view(live, filters)) == repr(view(reader, filters)), (view.__name__, filters)
    store.close()


def test_a_partner_list_returns_counts_only(store_url):
    from data_loaders.nik import hashes_from_csv, pseudonymise
    from domain.overlap import check_list

    store = open_store(store_url)
    build(store)
    key = b"k"
    raw = "6402064107900001"
    with store.transaction() as tx:  # P1's row stands for someone whose real NIK the partner also has
        tx.execute("UPDATE beneficiaries SET nik_hash = ? WHERE nik_hash LIKE '%p1'", [pseudonymise(raw, key)])
    hashes, bad = hashes_from_csv(f"nik\n{raw}\n6402064107900009\nbukan-nik\n".encode(), key)
    assert (len(hashes), bad) == (2, 1)
    before = store.table_counts()
    check = check_list(Reader(store), tuple(hashes), Filters(2025))
    assert (check.found, check.listed) == (1, 2)  # P1 once, though in three programs of two kinds
    assert check.table.set_index(["region_name", "assistance_type"])["people"].to_dict() == {
        ("Kutai Kartanegara", "Sembako/Pangan"): 1,
        ("Kutai Kartanegara", "Tunai"): 1,
    }
    assert store.table_counts() == before  # nothing uploaded is stored
    store.close()


def test_hash_command(store_url, tmp_path):
    source, target = tmp_path / "daftar.csv", tmp_path / "hash.csv"
    source.write_text("nik\n6402064107900001\n12345\n")
    env = {**os.environ, "DATABASE_URL": store_url, "SINERGI_NIK_KEY": "k"}
    done = subprocess.run(
        [sys.executable, "-m", "data_loaders", "hash-nik", str(source), "--out", str(target)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "1 NIK disamarkan" in done.stdout and "1 baris tidak sah" in done.stdout
    lines = target.read_text().splitlines()
    assert lines[0] == "nik_hash" and len(lines[1]) == 64 and "6402064107900001" not in target.read_text()


def test_page_checks_a_partner_list(store_url, monkeypatch):

    store = open_store(store_url)
    build(store)
    with store.transaction() as tx:  # hexadecimal, as real keyed hashes are
        tx.execute("UPDATE beneficiaries SET nik_hash = replace(nik_hash, 'p', 'a')")
    store.close()
    monkeypatch.setenv("DATABASE_URL", store_url)
    at = app_test()
    at.query_params["bagian"] = t("gaps_tab_check", "id")
    at.run()
    at.switch_page("app_pages/celah.py").run()
    at.number_input(key="sembunyi").set_value(1).run()
    content = f"nik_hash\n{'a1':0>64}\n{'a9':0>64}\n".encode()
    at.file_uploader(key="daftar_mitra").upload("daftar.csv", content, "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(i.value == "1 dari 2 orang di daftar Anda sudah menerima bantuan pada 2025." for i in at.info)
    at.file_uploader(key="daftar_mitra").upload("salah.csv", b"nama\nBudi\n", "text/csv").run()
    assert any("perlu kolom nik" in e.value for e in at.error)

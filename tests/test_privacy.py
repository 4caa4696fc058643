"""Raw NIKs appear nowhere (issue 12, "Must hold"): after importing a beneficiary file with raw NIKs,
the store's files, the command line's output, the import history, the audit log and the logs are
scanned for them."""

from __future__ import annotations

import hmac
import io
import logging
import re
import zipfile
from pathlib import Path

from common.i18n import t
from data_loaders import nik as nik_module
from data_loaders import validation
from data_loaders.__main__ import main
from data_loaders.validation import validate
from tests.conftest import app_test, media_content, stored
from ui.pages import PAGES as REGISTRY

CASES = Path(__file__).resolve().parent / "field_cases"
# 16 digits in a row, except the fraction of a decimal number (4.6410280805404005 is a ratio).
SIXTEEN_DIGITS = re.compile(r"(?<!\d)(?<!\d\.)\d{16}(?!\d)")


def test_raw_niks_are_nowhere_after_an_import(empty_store, capsys, caplog, monkeypatch):
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    file = CASES / "c09_pipe_delimited_penerima.csv"
    niks = set(re.findall(r"(?<!\d)\d{16}(?!\d)", file.read_text()))
    assert len(niks) == 2
    caplog.set_level(logging.DEBUG)
    assert main(["import", str(file), "--kind", "penerima"]) == 0
    for command in (["history"], ["audit", "--limit", "0"], ["stats"]):
        assert main(command) == 0
    said = capsys.readouterr()
    folder = Path(empty_store.removeprefix("duckdb:///")).parent
    stored = b"".join(path.read_bytes() for path in folder.iterdir() if path.is_file())
    for nik in niks:
        assert nik.encode() not in stored  # the store file and its WAL hold only keyed hashes
        assert nik not in said.out and nik not in said.err
        assert nik not in caplog.text


def _text_of(content: bytes) -> str:
    """A CSV's text, or every part of an XLSX (a zip of XML) as text."""
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            return "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    return content.decode("utf-8-sig", "replace")


def test_no_page_download_holds_a_run_of_16_digits_after_raw_niks_are_imported(fixture_url, monkeypatch, media):
    monkeypatch.setenv("SINERGI_NIK_KEY", "test-key")
    niks = [f"647201{i:010d}" for i in range(1, 41)]
    rows = "".join(f"{nik},PKH,2025,64.72.01,2400000,1\n" for nik in niks)
    file = Path(fixture_url.removeprefix("duckdb:///")).parent / "penerima_6472011234567890.csv"
    file.write_text("nik,kode_program,tahun,wilayah,nilai_bantuan_rp,desil\n" + rows, encoding="utf-8")
    assert main(["import", str(file), "--kind", "penerima"]) == 0
    checked = 0
    views = [(spec.script, {}) for spec in REGISTRY]
    views.append(("app_pages/pendanaan.py", {"bagian": t("funding_programs", "id")}))  # the program list's tab
    for script, query in views:
        at = app_test("admin")
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(script).run()
        assert not at.exception, script
        for button in at.get("download_button"):
            text = _text_of(media_content(media, button))
            assert not SIXTEEN_DIGITS.search(text), (script, SIXTEEN_DIGITS.search(text).group())
            assert not any(nik in text for nik in niks), script
            checked += 1
    history = stored(fixture_url, "SELECT file_name FROM imports ORDER BY id DESC LIMIT 1")
    assert history.iloc[0]["file_name"] == "penerima_[NIK?].csv"  # the import log keeps no NIK of a file name
    assert checked >= 6  # the map's, the program list's, the template and the audit log's downloads at least


# RFC 4231, HMAC-SHA-256 test cases 1, 2 and 6 (a key longer than SHA-256's 64-byte block).
RFC_4231 = [
    (b"\x0b" * 20, "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    (b"Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    (
        b"\xaa" * 131,
        "Test Using Larger Than Block-Size Key - Hash Key First",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ),
]


def test_the_keyed_hash_is_hmac_sha256():
    for key, message, digest in RFC_4231:
        assert nik_module.pseudonymise(message, key) == digest
    for size in (0, 63, 64, 65, 200):  # 64 bytes: a `secrets.token_hex(32)` key, SHA-256's block exactly
        key, nik = bytes(range(size)), "6472011234567890"
        assert nik_module.pseudonymiser(key)(nik) == hmac.digest(key, nik.encode(), "sha256").hex()
    niks = ["6472011234567890", "6401010101900001", ""]
    hashed = nik_module.pseudonymise_all(niks, b"column-key")
    assert hashed.shape == (3, 64)
    assert [row.tobytes().decode() for row in hashed] == [
        hmac.digest(b"column-key", nik.encode(), "sha256").hex() for nik in niks
    ]


def test_a_column_of_plain_niks_with_blank_cells_is_hashed_row_by_row(monkeypatch):
    """The 16-digit CSV path (validation `_plain_nik_column`) builds the column from one block of bytes,
    blocks of rows at a time: each row keeps its own NIK's hash, a blank cell is a missing NIK."""
    monkeypatch.setattr(validation, "NIK_BLOCK", 3)
    niks = [f"64720112345{i:05d}" for i in range(7)]
    cells = [niks[0], "", niks[1], niks[2], " ", niks[3], niks[4], niks[5], niks[6]]
    content = "nik,kode_program,tahun,wilayah\n" + "".join(f"{cell},PKH,2025,64.72.01.1001\n" for cell in cells)
    result = validate("penerima.csv", content.encode(), "penerima", nik_key=b"k")
    assert [(p.key, p.row) for p in result.errors] == [("imp_missing_nik", 3), ("imp_missing_nik", 6)]
    hashes = list(result.clean["nik_hash"])
    expected = [nik_module.pseudonymise(nik, b"k") for nik in niks]
    assert [hashes[i] for i in (0, 2, 3, 5, 6, 7, 8)] == expected


def test_a_nik_in_another_scripts_digits_is_the_same_person():
    """Arabic-Indic or full-width digits are the NIK's digits: the same keyed hash as in ASCII, and
    its province read as 64; a superscript is not a digit of a NIK."""
    ascii_nik = "6472011234567890"
    arabic = ascii_nik.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    wide = ascii_nik.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    content = "nik,kode_program,tahun,wilayah\n" + "".join(
        f"{nik},{code},2025,64.72.01.1001\n" for nik, code in ((ascii_nik, "A"), (arabic, "B"), (wide, "C"))
    )
    result = validate("penerima.csv", content.encode(), "penerima", nik_key=b"k")
    assert result.ok and not result.warnings
    assert set(result.clean["nik_hash"]) == {nik_module.pseudonymise(ascii_nik, b"k")}
    content = content.replace(wide, ascii_nik[:-1] + "²")
    superscript = validate("penerima.csv", content.encode(), "penerima", nik_key=b"k")
    assert [(p.key, p.row) for p in superscript.errors] == [("imp_nik_digits", 4)]

"""NIK handling. A NIK encodes region, birth date, sex and a serial number, so a plain hash can be
reversed by enumeration: it is replaced by a keyed HMAC whose key lives outside the repository and
the database (environment or Streamlit secrets). Raw NIKs are never stored, logged or shown; at
most their last four digits appear in messages."""

from __future__ import annotations

import binascii
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from data_loaders import values
from data_loaders.kinds import PENERIMA
from data_loaders.problems import FileProblem, ValueProblem
from data_loaders.reading import ROW_COLUMN, read_table
from data_loaders.settings import SecretsFileError, file_secrets

KEY_SETTING = "SINERGI_NIK_KEY"
KALTIM_PROVINCE_CODE = "64"
HASH_PATTERN = re.compile(r"[0-9a-f]{64}")


def nik_key(secrets: Mapping[str, object] | None = None) -> bytes | None:
    """The HMAC key: the `SINERGI_NIK_KEY` environment variable, else the same name in `secrets` (the
    dashboard passes Streamlit's), else — when no `secrets` are given, as on the command line — in the
    secrets files Streamlit reads (`settings.SECRETS_FILES`, README "Settings"). None when nothing
    sets it. Raises ValueProblem ('imp_bad_secrets_file') for a secrets file that is not valid TOML."""
    value = os.environ.get(KEY_SETTING)
    if not value:
        if secrets is None:
            try:
                secrets = file_secrets()
            except SecretsFileError as error:
                raise ValueProblem("imp_bad_secrets_file", file=str(error.path), detail=error.detail) from None
        value = secrets.get(KEY_SETTING)
    return str(value).encode() if value else None


def pseudonymise(nik: str, key: bytes) -> str:
    """The keyed hash stored for `nik`: HMAC-SHA256 (RFC 2104) under `key`, as 64 hexadecimal digits."""
    return pseudonymiser(key)(nik)


@lru_cache(maxsize=4)
def _keyed_digest(key: bytes) -> Callable[[str], bytes]:
    """HMAC-SHA256 under `key` as RFC 2104 defines it, returning the 32-byte digest of a NIK: the inner
    and outer padded keys are hashed once and copied per NIK — a million NIKs in about 1 s instead of
    2,5 s with `hmac.digest`, which sets the key up again for every value (issue 16). RFC 4231's test
    vectors hold for it (tests/test_privacy.py)."""
    block = hashlib.sha256(key).digest() if len(key) > 64 else key  # SHA-256's block is 64 bytes
    block = block.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in block))
    outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in block))

    def digest(nik: str) -> bytes:
        first = inner.copy()
        first.update(nik.encode())
        second = outer.copy()
        second.update(first.digest())
        return second.digest()

    return digest


@lru_cache(maxsize=4)
def pseudonymiser(key: bytes) -> Callable[[str], str]:
    """`pseudonymise` under one `key`, for many NIKs one by one (`_keyed_digest`)."""
    digest = _keyed_digest(key)
    return lambda nik: digest(nik).hex()


def pseudonymise_all(niks: Sequence[str], key: bytes) -> np.ndarray:
    """The keyed hash (`pseudonymise`) of every NIK in `niks`, as an array of shape (len(niks), 64)
    of ASCII hexadecimal digits (uint8): the digests are hex-encoded in one call, so a column of a
    million hashes is built without a Python string per hash (issue 16)."""
    digest = _keyed_digest(key)
    digests = b"".join([digest(nik) for nik in niks])
    return np.frombuffer(binascii.hexlify(digests), dtype=np.uint8).reshape(len(niks), 64)


# Any run of 16 digits, also written with spaces, dots or dashes between them: a NIK, perhaps.
NIK_LIKE = re.compile(r"(?<!\d)(?:\d[ .-]?){15}\d(?!\d)")
NIK_MASK = "[NIK?]"


def without_niks(text: str) -> str:
    """`text` with every NIK-like run of 16 digits replaced by '[NIK?]', for what is stored about
    a file or an action (a file name, an audit detail), which must never hold a NIK."""
    return NIK_LIKE.sub(NIK_MASK, text)


def mask(raw: str) -> str:
    """What a message may show of a NIK: its length and last four characters."""
    raw = raw.strip()
    return f"…{raw[-4:]} ({len(raw)})" if len(raw) > 4 else "…"


def check_nik(raw: str) -> str:
    """A valid NIK is exactly 16 digits (spaces and dots people type are removed). Raises
    ValueProblem; 'imp_nik_scientific' for a NIK Excel turned into a number ('6.40206E+15')."""
    if is_scientific(raw):
        raise ValueProblem("imp_nik_scientific", value=raw.strip())
    digits = re.sub(r"[\s.\-']", "", raw)
    if not digits.isdecimal():  # not str.isdigit, which also takes superscripts such as '²'
        raise ValueProblem("imp_nik_digits", value=mask(raw))
    # Another script's digits (Arabic-Indic '٦٤…', full-width '６４…') are the same NIK in ASCII, so
    # the same person gets the same keyed hash whichever way the file wrote it.
    digits = "".join(str(unicodedata.decimal(digit)) for digit in digits)
    if len(digits) != 16:
        raise ValueProblem("imp_nik_length", value=mask(raw), length=len(digits))
    return digits


def check_hash(raw: object) -> str:
    value = str(raw).strip().lower()
    if re.sub(r"[\s.\-']", "", value).isdigit():
        raise ValueProblem("imp_nik_in_hash_column", value=mask(value))  # a raw NIK in the wrong column
    if not HASH_PATTERN.fullmatch(value):
        raise ValueProblem("imp_bad_nik_hash", value=value[:12] + "…")
    return value


def _text_frame(file: str, content: bytes) -> pd.DataFrame:
    """The cells of a CSV or XLSX file read as the importer reads a `penerima` file
    (`reading.read_table`: separators, encodings, title rows, blank rows, size limits), as text,
    indexed by the row number a person sees. Known headers get their contract names, other columns
    keep theirs. A NIK Excel holds as a number is given in scientific form, so that it fails the
    check (its last digit is lost). Raises ValueProblem for a file that cannot be read."""
    try:
        table = read_table(file, content, PENERIMA.name, PENERIMA.aliases())
    except FileProblem as refused:
        raise ValueProblem(refused.problem.key, **refused.problem.values) from None
    frame = table.frame.rename(columns=table.extra).set_index(ROW_COLUMN)
    frame = frame[[column for column in frame.columns if not str(column).startswith("_extra_")]]

    def cell(value: object, column: str) -> str:
        if value is None or (isinstance(value, float) and value != value) or values.is_blank(value):
            return ""
        if column == "nik" and isinstance(value, float):
            return repr(value)
        return values.text(value)

    return pd.DataFrame(
        {column: [cell(v, column) for v in frame[column]] for column in frame.columns}, index=frame.index
    )


def pseudonymise_frame(frame: pd.DataFrame, key: bytes | None) -> tuple[pd.DataFrame, list[int]]:
    """`frame` (text cells) with its `nik` column replaced by `nik_hash` in the same place — or, in a
    template-shaped file that has both, `nik_hash` filled where `nik` is given and `nik` dropped —
    every other column and row kept, so the result imports as kind `penerima`. A row with a valid NIK
    gets its keyed hash; a row without one keeps a valid `nik_hash` it already had; any other row gets
    an empty `nik_hash` (the importer then names it). Returns the frame and the index labels of those
    rows. Raw NIKs live only in this function's memory. Raises ValueProblem without a `nik`/`nik_hash`
    column, or with NIKs and no key."""
    columns = {str(column).strip().lower(): column for column in frame.columns}
    nik_column, hash_column = columns.get("nik"), columns.get("nik_hash")
    if nik_column is None and hash_column is None:
        raise ValueProblem("imp_missing_one_of", columns="nik / nik_hash")
    blank = pd.Series("", index=frame.index)
    niks = frame[nik_column].str.strip() if nik_column is not None else blank
    given = frame[hash_column].str.strip() if hash_column is not None else blank
    if key is None and niks.ne("").any():
        raise ValueProblem("imp_no_nik_key", setting=KEY_SETTING)
    hashes, bad = [], []
    for label, nik, hashed in zip(frame.index, niks, given, strict=True):
        try:
            hashes.append(pseudonymise(check_nik(nik), key) if nik else check_hash(hashed))
        except ValueProblem:
            hashes.append("")
            bad.append(label)
    out = frame.copy()
    target = hash_column if hash_column is not None else nik_column
    out[target] = hashes
    if hash_column is not None and nik_column is not None:
        out = out.drop(columns=nik_column)
    return out.rename(columns={target: "nik_hash"}), bad


def hash_file(file: str, content: bytes, key: bytes | None) -> tuple[pd.DataFrame, list[int]]:
    """A CSV or XLSX file (named `file`) with its NIKs replaced by keyed hashes, every other column
    kept (see `pseudonymise_frame`), and the row numbers (as a person sees them, header = 1) left
    without a valid NIK or hash. Raises ValueProblem as `pseudonymise_frame` does."""
    frame, bad = pseudonymise_frame(_text_frame(file, content), key)
    return frame.reset_index(drop=True), [int(label) for label in bad]


def hashes_from_csv(content: bytes, key: bytes | None) -> tuple[list[str], int]:
    """Keyed hashes from a CSV with a `nik` (raw, 16 digits) or `nik_hash` column — or both, as the
    template has them — and the number of rows without a valid one. Raw NIKs live only in this
    function's memory."""
    frame, bad = pseudonymise_frame(_text_frame("list.csv", content), key)
    return [value for value in frame["nik_hash"] if value], len(bad)


# Sixteen digits, written together or in groups ('6402 0612 3456 7892', '6402.0612.3456.7893').
_NIK_LIKE = re.compile(r"(?<![\d.,])(\d(?:[ .\-]?\d){15})(?![\d]|[.,]\d)")
_SCIENTIFIC = re.compile(r"\d([.,]\d+)?e\+?1[45]", re.IGNORECASE)


def nik_inside(value: object) -> str | None:
    """The 16 digits of a NIK found in `value` (text, also in groups of digits, or a whole number Excel
    holds), else None. NIK-like: 16 digits whose first two are a province code (11–94; Permendagri
    72/2019 numbers provinces so). No count, amount or code of this contract has 16 such digits."""
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    elif isinstance(value, int):
        value = str(value)
    for found in _NIK_LIKE.findall(str(value)):
        digits = re.sub(r"\D", "", found)
        if 11 <= int(digits[:2]) <= 94:
            return digits
    return None


def is_scientific(raw: str) -> bool:
    """True for a NIK Excel has written as a number in scientific form ('6.40206E+15')."""
    return bool(_SCIENTIFIC.fullmatch(raw.strip()))

"""NIK handling. A NIK encodes region, birth date, sex and a serial number, so a plain hash can be
reversed by enumeration: it is replaced by a keyed HMAC whose key lives outside the repository and
the database (environment or Streamlit secrets). Raw NIKs are never stored, logged or shown; at
most their last four digits appear in messages."""

from __future__ import annotations

import hmac
import os
import re
from collections.abc import Mapping

from data_loaders.problems import ValueProblem

KEY_SETTING = "SINERGI_NIK_KEY"
KALTIM_PROVINCE_CODE = "64"
HASH_PATTERN = re.compile(r"[0-9a-f]{64}")


def nik_key(secrets: Mapping[str, object] | None = None) -> bytes | None:
    """The HMAC key: the `SINERGI_NIK_KEY` environment variable, else the same name in secrets."""
    value = os.environ.get(KEY_SETTING) or (secrets or {}).get(KEY_SETTING)
    return str(value).encode() if value else None


def pseudonymise(nik: str, key: bytes) -> str:
    return hmac.digest(key, nik.encode(), "sha256").hex()


def mask(raw: str) -> str:
    """What a message may show of a NIK: its length and last four characters."""
    raw = raw.strip()
    return f"…{raw[-4:]} ({len(raw)})" if len(raw) > 4 else "…"


def check_nik(raw: str) -> str:
    """A valid NIK is exactly 16 digits (spaces and dots people type are removed)."""
    digits = re.sub(r"[\s.\-']", "", raw)
    if not digits.isdigit():
        raise ValueProblem("imp_nik_digits", value=mask(raw))
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


def hashes_from_csv(content: bytes, key: bytes | None) -> tuple[list[str], int]:
    """Keyed hashes from a CSV with a `nik` (raw, 16 digits) or `nik_hash` column, and the number of
    rows that were not valid. Raw NIKs live only in this function's memory."""
    import io

    import pandas as pd

    text = content.decode("utf-8-sig", errors="replace")
    header = text.splitlines()[0] if text else ""
    separator = next((candidate for candidate in (";", ",", "\t") if candidate in header), ",")
    frame = pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False)
    columns = {str(column).strip().lower(): column for column in frame.columns}
    hashes, bad = [], 0
    if "nik_hash" in columns:
        for value in frame[columns["nik_hash"]]:
            try:
                hashes.append(check_hash(value))
            except ValueProblem:
                bad += 1
    elif "nik" in columns:
        if key is None:
            raise ValueProblem("imp_no_nik_key", setting=KEY_SETTING)
        for value in frame[columns["nik"]]:
            try:
                hashes.append(pseudonymise(check_nik(value), key))
            except ValueProblem:
                bad += 1
    else:
        raise ValueProblem("imp_missing_one_of", columns="nik / nik_hash")
    return hashes, bad

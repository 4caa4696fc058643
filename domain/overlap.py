"""Beneficiary overlap ("tumpang tindih" between people): who receives several programs in one year,
from several funding sources, or the same kind of help twice. Computed in the store over the
pseudonymised NIK, so no raw NIK is ever needed, and in SQL so five million rows stay fast.

A person is counted in the kabupaten/kota of each of their beneficiary rows; the province total
counts every person once. People and programs are compared by 64-bit hashes of their keys, which
keeps five million rows fast; a collision among 5 million people has a chance of about 1 in 10^6.
A co-financed program (one program, several sources) is one program: a person in it alone is not
counted as receiving from several sources."""

from __future__ import annotations

import pandas as pd

from data_loaders.store import Store
from domain.filters import Scope

COLUMNS = ("penerima", "penerima_multi_program", "penerima_lintas_sumber", "penerima_bantuan_sejenis_ganda")


def _scope_sql(scope: Scope) -> tuple[str, list]:
    if scope.kabkota is None:
        return "TRUE", []
    return f"r.kabkota_code IN ({', '.join('?' for _ in scope.kabkota) or 'NULL'})", list(scope.kabkota)


def overlaps_by_region(store: Store, year: int, scope: Scope = Scope()) -> pd.DataFrame:
    """One row per kabupaten/kota (all of them, zero where nobody is listed) and a last row for the
    province (`64`): distinct people, and those in 2+ programs, in programs of 2+ funding sources,
    and in 2+ programs of the same assistance type."""
    inside, params = _scope_sql(scope)
    counts = store.query(
        f"""
        WITH rows AS (
            SELECT hash(b.nik_hash) AS nik_hash, hash(b.program_code) AS program_code, r.kabkota_code AS kab,
                   p.id AS program_id,
                   p.assistance_type
            FROM beneficiaries b
            JOIN regions r ON r.code = b.region_code
            LEFT JOIN programs p ON p.program_code = b.program_code AND p.year = b.year
            WHERE b.year = ? AND {inside}
        ),
        person_programs AS (SELECT DISTINCT nik_hash, program_code, program_id, assistance_type FROM rows),
        sources AS (SELECT DISTINCT program_id, funding_source FROM program_allocations),
        person_sources AS (
            SELECT pp.nik_hash, count(DISTINCT s.funding_source) AS sources
            FROM person_programs pp JOIN sources s ON s.program_id = pp.program_id GROUP BY 1
        ),
        same_type AS (
            SELECT DISTINCT nik_hash FROM person_programs WHERE assistance_type IS NOT NULL
            GROUP BY nik_hash, assistance_type HAVING count(DISTINCT program_code) >= 2
        ),
        people AS (
            SELECT pp.nik_hash,
                   count(DISTINCT pp.program_code) >= 2 AS multi,
                   count(DISTINCT pp.program_code) >= 2 AND coalesce(max(ps.sources), 0) >= 2 AS cross_source,
                   max(CASE WHEN st.nik_hash IS NOT NULL THEN 1 ELSE 0 END) = 1 AS same_kind
            FROM person_programs pp
            LEFT JOIN person_sources ps ON ps.nik_hash = pp.nik_hash
            LEFT JOIN same_type st ON st.nik_hash = pp.nik_hash
            GROUP BY pp.nik_hash
        ),
        placed AS (SELECT DISTINCT rows.kab, people.* FROM rows JOIN people USING (nik_hash))
        SELECT kab AS kode_wilayah,
               count(DISTINCT nik_hash) AS penerima,
               count(DISTINCT nik_hash) FILTER (WHERE multi) AS penerima_multi_program,
               count(DISTINCT nik_hash) FILTER (WHERE cross_source) AS penerima_lintas_sumber,
               count(DISTINCT nik_hash) FILTER (WHERE same_kind) AS penerima_bantuan_sejenis_ganda
        FROM placed GROUP BY GROUPING SETS ((kab), ())
        """,
        [year, *params],
    )
    regions = store.query(
        "SELECT code AS kode_wilayah, name AS nama FROM regions WHERE level = 'kabupaten_kota' ORDER BY code"
    )
    if scope.kabkota is not None:
        regions = regions[regions["kode_wilayah"].isin(scope.kabkota)]
    province = counts[counts["kode_wilayah"].isna()].assign(kode_wilayah="64", nama="Kalimantan Timur")
    per_region = regions.merge(counts.dropna(subset=["kode_wilayah"]), on="kode_wilayah", how="left")
    frame = pd.concat([per_region, province], ignore_index=True)
    for column in COLUMNS:
        frame[column] = frame[column].fillna(0).astype(int)
    return frame[["kode_wilayah", "nama", *COLUMNS]]


def program_pairs(store: Store, year: int, scope: Scope = Scope(), top: int = 10) -> pd.DataFrame:
    """The pairs of programs that share the most people in a year."""
    inside, params = _scope_sql(scope)
    return store.query(
        f"""WITH listed AS (
              SELECT DISTINCT hash(b.nik_hash) AS person, coalesce(p.name, b.program_code) AS program
              FROM beneficiaries b JOIN regions r ON r.code = b.region_code
              LEFT JOIN programs p ON p.program_code = b.program_code AND p.year = b.year
              WHERE b.year = ? AND {inside}
            )
            SELECT a.program AS program_a, b.program AS program_b, count(*) AS people
            FROM listed a JOIN listed b ON a.person = b.person AND a.program < b.program
            GROUP BY 1, 2 ORDER BY people DESC, 1, 2 LIMIT ?""",
        [year, *params, top],
    )


def targeting(store: Store, year: int, scope: Scope = Scope(), by: str = "program") -> pd.DataFrame:
    """'Tepat sasaran' where deciles exist: per program (or funding source), the people listed with
    a decile and the share of them in desil 1–4 (the poorest 40 %)."""
    inside, params = _scope_sql(scope)
    group = "coalesce(p.name, b.program_code)" if by == "program" else "f.name"
    join = (
        ""
        if by == "program"
        else (
            "JOIN (SELECT DISTINCT program_id, funding_source FROM program_allocations) s ON s.program_id = p.id "
            "JOIN funding_sources f ON f.code = s.funding_source"
        )
    )
    return store.query(
        f"""SELECT {group} AS name, count(DISTINCT b.nik_hash) AS listed,
                   count(DISTINCT b.nik_hash) FILTER (WHERE b.decile <= 4)::DOUBLE
                     / count(DISTINCT b.nik_hash) AS share_poorest
            FROM beneficiaries b JOIN regions r ON r.code = b.region_code
            LEFT JOIN programs p ON p.program_code = b.program_code AND p.year = b.year {join}
            WHERE b.year = ? AND b.decile IS NOT NULL AND {inside}
            GROUP BY 1 ORDER BY share_poorest, 1""",
        [year, *params],
    )


def poorest_left_out(store: Store, year: int, scope: Scope = Scope()) -> int:
    """People in desil 1 listed in an earlier year but in no program this year (the lists hold only
    people who received something, so those who never did cannot be counted from them)."""
    inside, params = _scope_sql(scope)
    return int(
        store.scalar(
            f"""SELECT count(DISTINCT b.nik_hash) FROM beneficiaries b JOIN regions r ON r.code = b.region_code
            WHERE b.decile = 1 AND b.year < ? AND {inside}
              AND b.nik_hash NOT IN (SELECT nik_hash FROM beneficiaries WHERE year = ?)""",
            [year, *params, year],
        )
    )


def check_list(store: Store, hashes: list[str], year: int, scope: Scope = Scope()) -> tuple[pd.DataFrame, int]:
    """How many people of a partner's own list (as keyed hashes) already receive help in a year: per
    kabupaten/kota and assistance type, and in all (each person once). Only counts leave this
    function; the list is not stored."""
    inside, params = _scope_sql(scope)
    uploaded = pd.DataFrame({"nik_hash": sorted(set(hashes))})
    matched = f"""FROM uploaded u JOIN beneficiaries b ON b.nik_hash = u.nik_hash
            JOIN regions r ON r.code = b.region_code JOIN regions k ON k.code = r.kabkota_code
            LEFT JOIN programs p ON p.program_code = b.program_code AND p.year = b.year
            WHERE b.year = ? AND {inside}"""
    frame = store.query_frame(
        f"""SELECT k.name AS region, coalesce(p.assistance_type, '–') AS assistance,
                   count(DISTINCT b.nik_hash) AS people {matched} GROUP BY 1, 2 ORDER BY 1, 2""",
        [year, *params],
        uploaded=uploaded,
    )
    total = store.query_frame(f"SELECT count(DISTINCT b.nik_hash) AS n {matched}", [year, *params], uploaded=uploaded)
    return frame, int(total.iloc[0]["n"])

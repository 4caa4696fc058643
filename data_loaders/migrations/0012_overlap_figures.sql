-- Overlap figures (issue 16): the figures of the overlap engine (domain/overlap.py) for every year
-- with beneficiaries, as a reader of the whole province (`Scope()`) sees them, derived from
-- beneficiaries, programs, program_allocations and regions and written again by every versioned
-- transaction that wrote one of them (data_loaders/derived.py), so that no page recomputes them
-- after a change of year, of kab/kota or an import (0,1–1,4 s a view at 5.000.000 rows).
-- kabkota_filter is the kab/kota filter of the view (NULL: none, the whole province). Only a
-- reader of `Scope()` reads them, and only while meta's 'overlap_version' equals its
-- 'data_version' (a process of an older release that wrote beneficiaries leaves them stale: the
-- views then compute live until the next upgrade on open writes them again).

-- People in several programs per year and kabupaten/kota (is_total 0; region_code NULL for rows
-- placed at province level) and in all (is_total 1, region_code NULL); persons.
CREATE TABLE overlap_counts (
    year           INTEGER NOT NULL,
    kabkota_filter TEXT,
    region_code    TEXT,
    is_total       INTEGER NOT NULL,
    people         BIGINT NOT NULL,
    multi_program  BIGINT NOT NULL,
    cross_source   BIGINT NOT NULL,
    same_kind      BIGINT NOT NULL
);

-- Pairs of funding sources (kind 'source') and of programs (kind 'program') sharing people; persons.
CREATE TABLE overlap_pairs (
    year            INTEGER NOT NULL,
    kabkota_filter  TEXT,
    kind            TEXT NOT NULL,
    item_a          TEXT NOT NULL,
    item_b          TEXT NOT NULL,
    people          BIGINT NOT NULL
);

-- People listed with a decile (listed) and those in desil 1-4 (poorest) per year and program
-- (kind 'program') or funding source (kind 'source'); persons.
CREATE TABLE targeting_counts (
    year            INTEGER NOT NULL,
    kabkota_filter  TEXT,
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    listed          BIGINT NOT NULL,
    poorest         BIGINT NOT NULL
);

-- Desil-1 people of earlier years listed in no program of the year (poorest_left_out); persons. A
-- year written with its province row (kabkota_filter NULL, also when 0) is stored, and a kab/kota
-- without a row then has none left out; a year without one is computed from the rows.
CREATE TABLE left_out_counts (
    year            INTEGER NOT NULL,
    kabkota_filter  TEXT,
    people          BIGINT NOT NULL
);

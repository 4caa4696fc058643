-- Initial schema. Written in the SQL that DuckDB and PostgreSQL share, so that the
-- PostgreSQL store planned for shared deployments can run the same migrations.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Administrative regions: province, kabupaten/kota, kecamatan, desa/kelurahan.
-- `code` is always the Kemendagri code; BPS codes exist here only for kabupaten/kota.
CREATE TABLE regions (
    code          TEXT PRIMARY KEY,
    bps_code      TEXT UNIQUE,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,      -- Provinsi, Kabupaten, Kota, Kecamatan, Desa, Kelurahan
    level         TEXT NOT NULL CHECK (level IN ('provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan')),
    parent_code   TEXT,
    kabkota_code  TEXT,               -- the kabupaten/kota a region rolls up to (NULL for the province)
    area_km2      DOUBLE PRECISION,
    lat           DOUBLE PRECISION,
    lng           DOUBLE PRECISION
);

-- Population and poverty facts by region and year, each with its source.
CREATE TABLE region_stats (
    region_code  TEXT NOT NULL,
    year         INTEGER NOT NULL,
    metric       TEXT NOT NULL CHECK (metric IN ('population', 'poor_people', 'poverty_rate_pct')),
    value        DOUBLE PRECISION NOT NULL,
    verified     BOOLEAN NOT NULL,
    source       TEXT NOT NULL,
    PRIMARY KEY (region_code, year, metric)
);

CREATE TABLE ppks_categories (
    id            INTEGER PRIMARY KEY,   -- number 1..26 of Permensos 8/2012
    name          TEXT NOT NULL UNIQUE,
    abbreviation  TEXT,
    abbreviation_official BOOLEAN NOT NULL
);

CREATE TABLE funding_sources (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    sort_order  INTEGER NOT NULL
);

-- Every write of data is an import: a file, or a generated sample data set.
CREATE TABLE imports (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,        -- program, ppks, penerima, mitra, indikator, demo
    file_name       TEXT NOT NULL,
    sha256          TEXT,
    imported_by     TEXT NOT NULL,
    imported_at     TIMESTAMP NOT NULL,
    is_sample       BOOLEAN NOT NULL,
    rows_added      INTEGER NOT NULL DEFAULT 0,
    rows_updated    INTEGER NOT NULL DEFAULT 0,
    rows_unchanged  INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL DEFAULT 'committed',
    note            TEXT
);

CREATE TABLE partners (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    name_key           TEXT NOT NULL UNIQUE,   -- normalised name: 'PT. X', 'X, PT' and 'PT X Tbk' share it
    sector             TEXT,
    kind               TEXT,                   -- BUMN, BUMD, Swasta, Lainnya
    operating_regions  TEXT,                   -- ';'-separated kabupaten/kota codes
    forum_member       BOOLEAN,
    import_id          INTEGER NOT NULL
);

-- One program per sender code and year; where and from which source it is paid is in program_allocations.
CREATE TABLE programs (
    id                INTEGER PRIMARY KEY,
    program_code      TEXT NOT NULL,
    year              INTEGER NOT NULL,
    name              TEXT NOT NULL,
    implementer       TEXT NOT NULL,
    partner_id        INTEGER,
    ppks_category_id  INTEGER,                 -- NULL means 'Lintas PPKS'
    assistance_type   TEXT,
    beneficiary_unit  TEXT,
    status            TEXT,
    start_date        DATE,
    end_date          DATE,
    import_id         INTEGER NOT NULL,
    UNIQUE (program_code, year)
);

-- Amounts per place and per funding source: a co-financed program has one row per source,
-- a program in several places one row per place, so totals never count a program twice.
CREATE TABLE program_allocations (
    program_id             INTEGER NOT NULL,
    region_code            TEXT NOT NULL,
    funding_source         TEXT NOT NULL,
    budget_idr             DECIMAL(18, 2) NOT NULL,
    committed_idr          DECIMAL(18, 2),
    spent_idr              DECIMAL(18, 2),
    target_beneficiaries   BIGINT,
    reached_beneficiaries  BIGINT,
    import_id              INTEGER NOT NULL,
    PRIMARY KEY (program_id, region_code, funding_source)
);

CREATE TABLE ppks_counts (
    year              INTEGER NOT NULL,
    region_code       TEXT NOT NULL,
    ppks_category_id  INTEGER NOT NULL,
    count             BIGINT NOT NULL,
    unit              TEXT NOT NULL,          -- jiwa or KK
    data_source       TEXT,
    import_id         INTEGER NOT NULL,
    PRIMARY KEY (year, region_code, ppks_category_id)
);

-- Beneficiaries are pseudonymised: nik_hash is a keyed HMAC of the NIK; a raw NIK is never stored.
CREATE TABLE beneficiaries (
    nik_hash          TEXT NOT NULL,
    program_code      TEXT NOT NULL,
    year              INTEGER NOT NULL,
    region_code       TEXT NOT NULL,
    benefit_idr       DECIMAL(18, 2),
    decile            SMALLINT,
    ppks_category_id  INTEGER,
    import_id         INTEGER NOT NULL,
    PRIMARY KEY (nik_hash, program_code, year)
);

CREATE TABLE indicators (
    indicator_code  TEXT NOT NULL,
    name            TEXT NOT NULL,
    year            INTEGER NOT NULL,
    period          TEXT NOT NULL,            -- Tahunan, Semester 1/2, Triwulan 1-4
    region_code     TEXT NOT NULL,
    baseline        DOUBLE PRECISION,
    target          DOUBLE PRECISION,
    actual          DOUBLE PRECISION,
    unit            TEXT,
    direction       TEXT NOT NULL CHECK (direction IN ('naik', 'turun')),
    data_source     TEXT,
    import_id       INTEGER NOT NULL,
    PRIMARY KEY (indicator_code, year, period, region_code)
);

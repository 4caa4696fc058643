-- Import history: every import records the rows it changed, so that it can be rolled back
-- exactly. For each data table, <table>_changes holds, per import, the rows it inserted
-- ('insert': the new row), and the previous version of rows it replaced ('update') or removed
-- ('delete'). Columns mirror the data table.

ALTER TABLE imports ADD COLUMN rows_deleted INTEGER DEFAULT 0;
ALTER TABLE imports ADD COLUMN warnings INTEGER DEFAULT 0;
ALTER TABLE imports ADD COLUMN sheet TEXT;
ALTER TABLE imports ADD COLUMN rolled_back_at TIMESTAMP;
ALTER TABLE imports ADD COLUMN rolled_back_by TEXT;

CREATE TABLE partners_changes (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete')),
    id INTEGER,
    name TEXT,
    name_key TEXT,
    sector TEXT,
    kind TEXT,
    operating_regions TEXT,
    forum_member BOOLEAN,
    import_id INTEGER
);
CREATE INDEX partners_changes_import ON partners_changes (change_import_id);

CREATE TABLE programs_changes (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete')),
    id INTEGER,
    program_code TEXT,
    year INTEGER,
    name TEXT,
    implementer TEXT,
    partner_id INTEGER,
    ppks_category_id INTEGER,
    assistance_type TEXT,
    beneficiary_unit TEXT,
    status TEXT,
    start_date DATE,
    end_date DATE,
    import_id INTEGER
);
CREATE INDEX programs_changes_import ON programs_changes (change_import_id);

CREATE TABLE program_allocations_changes (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete')),
    program_id INTEGER,
    region_code TEXT,
    funding_source TEXT,
    budget_idr DECIMAL(18, 2),
    committed_idr DECIMAL(18, 2),
    spent_idr DECIMAL(18, 2),
    target_beneficiaries BIGINT,
    reached_beneficiaries BIGINT,
    import_id INTEGER
);
CREATE INDEX program_allocations_changes_import ON program_allocations_changes (change_import_id);

CREATE TABLE ppks_counts_changes (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete')),
    year INTEGER,
    region_code TEXT,
    ppks_category_id INTEGER,
    count BIGINT,
    unit TEXT,
    data_source TEXT,
    import_id INTEGER
);
CREATE INDEX ppks_counts_changes_import ON ppks_counts_changes (change_import_id);

CREATE TABLE beneficiaries_changes (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete')),
    nik_hash TEXT,
    program_code TEXT,
    year INTEGER,
    region_code TEXT,
    benefit_idr DECIMAL(18, 2),
    decile SMALLINT,
    ppks_category_id INTEGER,
    import_id INTEGER
);
CREATE INDEX beneficiaries_changes_import ON beneficiaries_changes (change_import_id);

CREATE TABLE indicators_changes (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete')),
    indicator_code TEXT,
    name TEXT,
    year INTEGER,
    period TEXT,
    region_code TEXT,
    baseline DOUBLE PRECISION,
    target DOUBLE PRECISION,
    actual DOUBLE PRECISION,
    unit TEXT,
    direction TEXT,
    data_source TEXT,
    import_id INTEGER
);
CREATE INDEX indicators_changes_import ON indicators_changes (change_import_id);

-- Import status (issue 11): the import log says what is stored.
-- An import that changed nothing gets status 'unchanged' and is no rollback target. An import that
-- changed rows also records the keys of the file's rows that were already stored as they are
-- ('keep'), so that an earlier import which wrote those rows waits for it before it can be rolled
-- back. The change tables are rebuilt to allow the new action: a CHECK constraint cannot be altered
-- in place (DuckDB); columns keep their order, so the rows are copied as they are.

CREATE TABLE partners_changes_v5 (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete', 'keep')),
    id INTEGER,
    name TEXT,
    name_key TEXT,
    sector TEXT,
    kind TEXT,
    operating_regions TEXT,
    forum_member BOOLEAN,
    import_id INTEGER
);
INSERT INTO partners_changes_v5 SELECT * FROM partners_changes;
DROP TABLE partners_changes;
ALTER TABLE partners_changes_v5 RENAME TO partners_changes;
CREATE INDEX partners_changes_import ON partners_changes (change_import_id);

CREATE TABLE programs_changes_v5 (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete', 'keep')),
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
INSERT INTO programs_changes_v5 SELECT * FROM programs_changes;
DROP TABLE programs_changes;
ALTER TABLE programs_changes_v5 RENAME TO programs_changes;
CREATE INDEX programs_changes_import ON programs_changes (change_import_id);

CREATE TABLE program_allocations_changes_v5 (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete', 'keep')),
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
INSERT INTO program_allocations_changes_v5 SELECT * FROM program_allocations_changes;
DROP TABLE program_allocations_changes;
ALTER TABLE program_allocations_changes_v5 RENAME TO program_allocations_changes;
CREATE INDEX program_allocations_changes_import ON program_allocations_changes (change_import_id);

CREATE TABLE ppks_counts_changes_v5 (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete', 'keep')),
    year INTEGER,
    region_code TEXT,
    ppks_category_id INTEGER,
    count BIGINT,
    unit TEXT,
    data_source TEXT,
    import_id INTEGER
);
INSERT INTO ppks_counts_changes_v5 SELECT * FROM ppks_counts_changes;
DROP TABLE ppks_counts_changes;
ALTER TABLE ppks_counts_changes_v5 RENAME TO ppks_counts_changes;
CREATE INDEX ppks_counts_changes_import ON ppks_counts_changes (change_import_id);

CREATE TABLE beneficiaries_changes_v5 (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete', 'keep')),
    nik_hash TEXT,
    program_code TEXT,
    year INTEGER,
    region_code TEXT,
    benefit_idr DECIMAL(18, 2),
    decile SMALLINT,
    ppks_category_id INTEGER,
    import_id INTEGER
);
INSERT INTO beneficiaries_changes_v5 SELECT * FROM beneficiaries_changes;
DROP TABLE beneficiaries_changes;
ALTER TABLE beneficiaries_changes_v5 RENAME TO beneficiaries_changes;
CREATE INDEX beneficiaries_changes_import ON beneficiaries_changes (change_import_id);

CREATE TABLE indicators_changes_v5 (
    change_import_id  INTEGER NOT NULL,
    change_action     TEXT NOT NULL CHECK (change_action IN ('insert', 'update', 'delete', 'keep')),
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
INSERT INTO indicators_changes_v5 SELECT * FROM indicators_changes;
DROP TABLE indicators_changes;
ALTER TABLE indicators_changes_v5 RENAME TO indicators_changes;
CREATE INDEX indicators_changes_import ON indicators_changes (change_import_id);

-- Imports recorded before this migration that changed nothing: no change rows, and no stored rows
-- (rows stored before the change tables existed have none).
UPDATE imports SET status = 'unchanged'
WHERE status = 'committed' AND NOT is_sample AND id NOT IN (
    SELECT change_import_id FROM partners_changes
    UNION ALL SELECT change_import_id FROM programs_changes
    UNION ALL SELECT change_import_id FROM program_allocations_changes
    UNION ALL SELECT change_import_id FROM ppks_counts_changes
    UNION ALL SELECT change_import_id FROM beneficiaries_changes
    UNION ALL SELECT change_import_id FROM indicators_changes
    UNION ALL SELECT import_id FROM partners WHERE import_id IS NOT NULL
    UNION ALL SELECT import_id FROM programs WHERE import_id IS NOT NULL
    UNION ALL SELECT import_id FROM program_allocations WHERE import_id IS NOT NULL
    UNION ALL SELECT import_id FROM ppks_counts WHERE import_id IS NOT NULL
    UNION ALL SELECT import_id FROM beneficiaries WHERE import_id IS NOT NULL
    UNION ALL SELECT import_id FROM indicators WHERE import_id IS NOT NULL
);

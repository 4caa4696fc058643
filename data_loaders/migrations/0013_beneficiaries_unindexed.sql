-- Beneficiaries without an index on their key (issue 16). DuckDB keeps a primary key as an ART index
-- over (nik_hash, program_code, year), 64 characters of hash per row: an import of 1.000.000 rows
-- spent 0,9 s inserting into it and 1,0 s writing it at commit, and no read uses it (reads scan by
-- year and region). In a DuckDB store the key stays unique because its writers keep it so: the
-- importer refuses a file that names a key twice ('imp_duplicate_key'), inserts only keys not stored
-- yet and stops if a stored key matches twice (data_loaders/importer.py `_upsert`); a rollback deletes
-- the keys it restores; the sample data names each key once. tests/test_derived.py, test_importer.py
-- and test_demo.py assert that no key is stored twice. A PostgreSQL store adds the primary key back
-- in this migration's transaction (`PostgresStore.migration_extras`).
-- The rows are copied in year order, so a read of one year skips the row groups of the others.

CREATE TABLE beneficiaries_v13 (
    nik_hash          TEXT NOT NULL,
    program_code      TEXT NOT NULL,
    year              INTEGER NOT NULL,
    region_code       TEXT NOT NULL,
    benefit_idr       DECIMAL(18, 2),
    decile            SMALLINT,
    ppks_category_id  INTEGER,
    import_id         INTEGER NOT NULL,
    person_key        BIGINT
);
INSERT INTO beneficiaries_v13
SELECT nik_hash, program_code, year, region_code, benefit_idr, decile, ppks_category_id, import_id, person_key
FROM beneficiaries ORDER BY year, region_code, program_code;
DROP TABLE beneficiaries;
ALTER TABLE beneficiaries_v13 RENAME TO beneficiaries;

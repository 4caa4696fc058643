-- The forum's own records (issue 13): partner merges, the catalogue of priority needs (Etalase
-- Program) and the partners' adoptions of its items.
--
-- Partner merges: two partner records that are one company. The merged record stays (its imports
-- can still be rolled back) with `merged_into` set; its programs are re-pointed to the kept
-- partner, and `partner_merge_programs` lists them so the merge can be undone exactly. The history
-- table mirrors the new column, so a rollback restores it.
ALTER TABLE partners ADD COLUMN merged_into INTEGER;
ALTER TABLE partners_changes ADD COLUMN merged_into INTEGER;

CREATE SEQUENCE partner_merges_id_seq START WITH 1;
CREATE TABLE partner_merges (
    id          INTEGER PRIMARY KEY DEFAULT nextval('partner_merges_id_seq'),
    kept_id     INTEGER NOT NULL,
    merged_id   INTEGER NOT NULL,
    merged_at   TIMESTAMP NOT NULL,
    merged_by   TEXT NOT NULL,
    undone_at   TIMESTAMP,
    undone_by   TEXT
);
CREATE TABLE partner_merge_programs (
    merge_id    INTEGER NOT NULL,
    program_id  INTEGER NOT NULL,
    PRIMARY KEY (merge_id, program_id)
);

-- Catalogue items: a costed need (region × PPKS category × assistance type) for one year, drafted
-- from the gap engine with its arithmetic (`basis`), edited and published by Dinas Sosial.
-- quantity × unit_cost_idr = amount_idr (Rupiah); unit is 'jiwa', 'KK' or 'unit'.
-- status: 'draf' (only Dinas Sosial sees it), 'terbit' (published, open to adoption), 'ditarik'.
CREATE SEQUENCE catalogue_items_id_seq START WITH 1;
CREATE TABLE catalogue_items (
    id                INTEGER PRIMARY KEY DEFAULT nextval('catalogue_items_id_seq'),
    year              INTEGER NOT NULL,
    region_code       TEXT NOT NULL,
    ppks_category_id  INTEGER,
    assistance_type   TEXT NOT NULL,
    title             TEXT NOT NULL,
    quantity          DOUBLE PRECISION NOT NULL CHECK (quantity > 0),
    unit              TEXT NOT NULL CHECK (unit IN ('jiwa', 'KK', 'unit')),
    unit_cost_idr     BIGINT NOT NULL CHECK (unit_cost_idr > 0),
    amount_idr        BIGINT NOT NULL CHECK (amount_idr > 0),
    basis             TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('draf', 'terbit', 'ditarik')),
    created_at        TIMESTAMP NOT NULL,
    created_by        TEXT NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    updated_by        TEXT NOT NULL,
    is_sample         BOOLEAN NOT NULL DEFAULT FALSE  -- part of the sample data set, removed with it
);

-- Adoptions: a partner funds an item, whole or a share (amount_idr, Rupiah). The status moves
-- usulan → komitmen → berjalan → selesai (or 'batal'); `program_id` links the program that carries
-- it out, whose imported amounts then count and this amount does not (no double counting).
CREATE SEQUENCE catalogue_adoptions_id_seq START WITH 1;
CREATE TABLE catalogue_adoptions (
    id          INTEGER PRIMARY KEY DEFAULT nextval('catalogue_adoptions_id_seq'),
    item_id     INTEGER NOT NULL,
    partner_id  INTEGER NOT NULL,
    amount_idr  BIGINT NOT NULL CHECK (amount_idr > 0),
    status      TEXT NOT NULL CHECK (status IN ('usulan', 'komitmen', 'berjalan', 'selesai', 'batal')),
    program_id  INTEGER,
    created_at  TIMESTAMP NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    updated_by  TEXT NOT NULL,
    is_sample   BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX catalogue_adoptions_item ON catalogue_adoptions (item_id);

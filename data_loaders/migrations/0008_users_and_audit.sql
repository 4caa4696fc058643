-- Users and the audit trail (issue 12).
-- `users`: who may sign in, with which role. An operator works for one kabupaten/kota
-- (kabkota_code), a mitra for one partner company (partner_id); the other roles have neither.
-- Neither column is a foreign key: a partner may be rolled back with its import and the regions are
-- reference data refreshed from the repository's files, and neither may be blocked by a user row.
-- Passwords are stored only as argon2 hashes (data_loaders/users.py); failed_attempts and
-- locked_until carry the per-user attempt limit.
-- `audit_log`: append-only record of processing (UU PDP No. 27/2022): who (`actor`: a username,
-- 'publik' or 'cli:<os user>'), when, what (`action`), details as JSON (filters, counts, file name,
-- import id; never a NIK), how many rows and from which address. Only data_loaders/audit.py writes
-- it, and nothing updates or deletes its rows.
-- Ids come from sequences through the column default (nextval works in DuckDB and PostgreSQL).
-- The time column is `logged_at`: AT is a keyword in DuckDB.

CREATE SEQUENCE users_id_seq START WITH 1;
CREATE SEQUENCE audit_log_id_seq START WITH 1;

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY DEFAULT nextval('users_id_seq'),
    username             TEXT NOT NULL UNIQUE,
    display_name         TEXT,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'pimpinan', 'analis', 'operator', 'mitra')),
    kabkota_code         TEXT,
    partner_id           INTEGER,
    password_hash        TEXT NOT NULL,
    disabled             BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMP NOT NULL,
    password_changed_at  TIMESTAMP NOT NULL,
    failed_attempts      INTEGER NOT NULL DEFAULT 0,
    locked_until         TIMESTAMP,
    CHECK ((role = 'operator') = (kabkota_code IS NOT NULL)),
    CHECK ((role = 'mitra') = (partner_id IS NOT NULL))
);

CREATE TABLE audit_log (
    id        BIGINT PRIMARY KEY DEFAULT nextval('audit_log_id_seq'),
    logged_at TIMESTAMP NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    rows      INTEGER,
    address   TEXT
);
CREATE INDEX audit_log_action_at ON audit_log (action, logged_at);

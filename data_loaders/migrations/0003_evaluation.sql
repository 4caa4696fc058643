-- Evaluation: the indicator framework as data (definitions shipped with the reference data, values
-- imported as kind 'indikator'), and reporting periods an administrator has locked.

CREATE TABLE indicator_definitions (
    code       TEXT PRIMARY KEY,
    level      TEXT NOT NULL,
    name       TEXT NOT NULL,
    unit       TEXT,
    direction  TEXT NOT NULL CHECK (direction IN ('naik', 'turun')),
    target     DOUBLE PRECISION,
    formula    TEXT,
    source     TEXT NOT NULL
);

CREATE TABLE locked_periods (
    year       INTEGER PRIMARY KEY,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  TEXT NOT NULL
);

-- Person keys (issue 16): a whole number per person, the same on every beneficiary row with the
-- same nik_hash and different for different ones, so that counting people groups by an integer
-- instead of a 64-character keyed hash (the overlap engine at 5.000.000 rows: 1,0 s → 0,5 s).
-- Derived from nik_hash (data_loaders/derived.py): the importer keys its rows before writing them,
-- and every versioned transaction that wrote beneficiaries keys the rest; opening the store keys
-- rows a process of an older release wrote. Stop every process of an older release before this
-- upgrade: such a process cannot import beneficiaries into this schema.

ALTER TABLE beneficiaries ADD COLUMN person_key BIGINT;

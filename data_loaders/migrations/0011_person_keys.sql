-- Person keys (issue 16): a whole number per person, the same on every beneficiary row with the
-- same nik_hash and different for different ones, so that counting people groups by an integer
-- instead of a 64-character keyed hash (the overlap engine at 5.000.000 rows: 1,1 s → 0,4 s).
-- Derived from nik_hash and written by every versioned transaction (data_loaders/derived.py,
-- `assign_person_keys`); a row an older release wrote has none until the next upgrade on open.

ALTER TABLE beneficiaries ADD COLUMN person_key BIGINT;

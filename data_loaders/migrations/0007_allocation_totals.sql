-- Totals in program files (issue 11): a row whose region holds the regions of other rows of the same
-- program, year and funding source (a kabupaten row above its kecamatan rows) is their total. It is
-- stored as sent, marked here, and the read layer never adds it to its parts. The history table
-- mirrors the column, so a rollback restores it.

ALTER TABLE program_allocations ADD COLUMN is_total BOOLEAN DEFAULT FALSE;
ALTER TABLE program_allocations_changes ADD COLUMN is_total BOOLEAN;

-- Program sites: where a program is carried out, as given in the optional `lintang`/`bujur` columns
-- of a program file (decimal degrees, WGS84; checked against the boundary of the row's region at
-- import). NULL where the file gives no point: maps then use the region's centroid. The history
-- table mirrors the columns, so a rollback restores them.

ALTER TABLE program_allocations ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE program_allocations ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE program_allocations_changes ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE program_allocations_changes ADD COLUMN longitude DOUBLE PRECISION;

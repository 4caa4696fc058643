-- Need levels (issue 16): for every stored need figure (ppks_counts), whether NEED_LEVEL_RULE
-- (domain/reader.py) sets it aside in a province-wide view (set_aside) and in a view of one
-- kabupaten/kota (set_aside_in_kabkota); the public_* pair is the same rule over the figures the
-- public view keeps (count >= SMALL_COUNT), NULL for a figure it leaves out. A table derived from
-- ppks_counts and regions, written again by every versioned transaction (data_loaders/derived.py),
-- so that no page recomputes the rule on every read (25 ms a query before this table).

CREATE TABLE need_levels (
    year                         INTEGER NOT NULL,
    region_code                  TEXT NOT NULL,
    ppks_category_id             INTEGER NOT NULL,
    set_aside                    BOOLEAN,
    set_aside_in_kabkota         BOOLEAN,
    public_set_aside             BOOLEAN,
    public_set_aside_in_kabkota  BOOLEAN,
    PRIMARY KEY (year, region_code, ppks_category_id)
);

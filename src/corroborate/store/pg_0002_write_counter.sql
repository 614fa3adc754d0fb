-- Migration 0002: a counter every write transaction advances, so a reader can tell in one
-- query whether anything changed since it last looked (SQLite's readers look at the file).
CREATE SEQUENCE corroborate_writes;

-- The resolved suite of a run, as gzip-compressed UTF-8 JSON (the same JSON suite_json holds for runs created
-- before this version). Written and read as a stream, so a suite of 100,000 tests never sits in memory as one
-- large text; it is also 10-50 times smaller on disk.
ALTER TABLE runs ADD COLUMN suite_gzip BLOB;

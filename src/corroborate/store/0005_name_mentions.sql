-- Migration 0005: the names each document uses for places and sides, stored with it.
--
-- Aligning a conflict again made its name facts by scanning every text it holds, in the one
-- writer: the longest serial step of a large ingest. Each document's names are now found where
-- it is extracted and kept here, in order of first use (seq), with how often it uses each.
-- names_stored says a document's rows are here (documents stored before are scanned once more).
CREATE TABLE name_mentions (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    canonical TEXT NOT NULL,
    written TEXT NOT NULL,
    times INTEGER NOT NULL,
    PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
ALTER TABLE documents ADD COLUMN names_stored INTEGER NOT NULL DEFAULT 0;

-- Migration 0004 (as SQLite's 0005_name_mentions.sql): the names each document uses for places
-- and sides, found where it is extracted and stored with it, so that aligning a conflict again
-- reads them instead of scanning every text. names_stored says a document's rows are here.
CREATE TABLE name_mentions (
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    canonical TEXT NOT NULL,
    written TEXT NOT NULL,
    times INTEGER NOT NULL,
    PRIMARY KEY (document_id, seq)
);
ALTER TABLE documents ADD COLUMN names_stored INTEGER NOT NULL DEFAULT 0;

-- corroborate's SQLite schema, migration 0001. Offsets are character offsets into documents.text.
CREATE TABLE sources (
    slug TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT,
    url TEXT,
    kind TEXT,
    license TEXT,
    note TEXT,
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(slug),
    location TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    text TEXT NOT NULL,
    segment_count INTEGER NOT NULL,
    claim_count INTEGER,
    extracted_with TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    table_no INTEGER,
    row_no INTEGER,
    column_no INTEGER,
    text TEXT NOT NULL
);
CREATE INDEX segments_document ON segments(document_id, seq);
CREATE VIRTUAL TABLE segments_fts USING fts5(
    text, content='segments', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
    INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    measure TEXT,
    event_type TEXT,
    side TEXT,
    place TEXT,
    evidence_start INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document_id, evidence_start);
CREATE INDEX claims_measure ON claims(measure);

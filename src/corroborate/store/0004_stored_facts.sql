-- Migration 0004: facts kept, not recomputed per read; claims filtered by indexed columns.
--
-- claims is rebuilt with an explicit key (seq: cursors and the evidence index refer to it, and
-- VACUUM never renumbers it), its document's conflict (kept equal by the store when a document's
-- conflict changes), group, the first and last day its time or date can mean (time_start,
-- time_end: 'YYYY' -> YYYY-01-01 .. YYYY-12-31, 'YYYY-MM' -> YYYY-MM-01 .. YYYY-MM-31 (compared
-- as text, day 31 is after every day of the month); an open end is 0000-01-01 or 9999-12-31;
-- NULL when it has neither) and its evidence words (indexed in claims_fts). Evidence words of
-- claims stored before are filled in by Python in the same transaction (store/_backfill.py):
-- slicing each document's text once is linear, SQL's substr per claim would not be.
CREATE TABLE claims_0004 (
    seq INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    conflict TEXT,
    kind TEXT NOT NULL,
    measure TEXT,
    event_type TEXT,
    side TEXT,
    grp TEXT,
    place TEXT,
    time_start TEXT,
    time_end TEXT,
    position INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    figure_start INTEGER,
    figure_end INTEGER,
    evidence_text TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (document_id, id)
);
INSERT INTO claims_0004 (seq, document_id, id, source, conflict, kind, measure, event_type, side,
                         grp, place, time_start, time_end, position, evidence_start, evidence_end,
                         figure_start, figure_end, evidence_text, record)
SELECT c.rowid, c.document_id, c.id, c.source, d.conflict, c.kind, c.measure, c.event_type, c.side,
       json_extract(c.record, '$.group'), c.place,
       CASE WHEN json_type(c.record, '$.time') = 'object' THEN coalesce(
                CASE length(json_extract(c.record, '$.time.start'))
                    WHEN 4 THEN json_extract(c.record, '$.time.start') || '-01-01'
                    WHEN 7 THEN json_extract(c.record, '$.time.start') || '-01'
                    ELSE json_extract(c.record, '$.time.start') END, '0000-01-01')
            ELSE CASE length(json_extract(c.record, '$.date'))
                    WHEN 4 THEN json_extract(c.record, '$.date') || '-01-01'
                    WHEN 7 THEN json_extract(c.record, '$.date') || '-01'
                    ELSE json_extract(c.record, '$.date') END END,
       CASE WHEN json_type(c.record, '$.time') = 'object' THEN coalesce(
                CASE length(json_extract(c.record, '$.time.end'))
                    WHEN 4 THEN json_extract(c.record, '$.time.end') || '-12-31'
                    WHEN 7 THEN json_extract(c.record, '$.time.end') || '-31'
                    ELSE json_extract(c.record, '$.time.end') END, '9999-12-31')
            ELSE CASE length(json_extract(c.record, '$.date'))
                    WHEN 4 THEN json_extract(c.record, '$.date') || '-12-31'
                    WHEN 7 THEN json_extract(c.record, '$.date') || '-31'
                    ELSE json_extract(c.record, '$.date') END END,
       c.position, c.evidence_start, c.evidence_end, c.figure_start, c.figure_end, '', c.record
FROM claims c JOIN documents d ON d.id = c.document_id
ORDER BY c.rowid;
DROP TABLE claims;
ALTER TABLE claims_0004 RENAME TO claims;
CREATE INDEX claims_document ON claims(document_id, position);
-- one index per filter of the API's claim listing; each ends in seq (SQLite adds the key), so a
-- page "WHERE measure = ? AND seq > ? ORDER BY seq LIMIT n" reads n rows, however deep it is
CREATE INDEX claims_measure ON claims(measure);
CREATE INDEX claims_conflict ON claims(conflict);
CREATE INDEX claims_conflict_kind ON claims(conflict, kind);
CREATE INDEX claims_conflict_measure ON claims(conflict, measure);
CREATE INDEX claims_conflict_event_type ON claims(conflict, event_type);
CREATE INDEX claims_source ON claims(source);
CREATE INDEX claims_kind ON claims(kind);
CREATE INDEX claims_event_type ON claims(event_type);
CREATE INDEX claims_side ON claims(side);
CREATE INDEX claims_grp ON claims(grp);
CREATE INDEX claims_place ON claims(place);
CREATE INDEX claims_time_start ON claims(time_start);
CREATE INDEX claims_time_end ON claims(time_end);
-- evidence words, searchable (its content is claims.evidence_text, never updated in place)
CREATE VIRTUAL TABLE claims_fts USING fts5(
    evidence_text, content='claims', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, evidence_text) VALUES (new.seq, new.evidence_text);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, evidence_text)
    VALUES ('delete', old.seq, old.evidence_text);
END;
-- counts per conflict and source read from this index alone, never the documents' rows
CREATE INDEX documents_counts ON documents(conflict, source, claim_count);
-- Stored alignment: one conflict's facts are replaced at once when it is aligned again. scope is
-- the conflict's name, '' for claims of no known conflict. sort_key is the key as JSON with
-- sorted keys (ASCII): facts are listed by (kind, sort_key), as align() sorts them. subject is
-- the measure, event type or entity; spread orders disputes largest first; why says in one line
-- why a fact is a dispute; record is the fact's export record without its claims (name facts
-- keep theirs: they are sources' variants, not claim rows).
CREATE TABLE facts (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    scope TEXT NOT NULL,
    conflict TEXT,
    kind TEXT NOT NULL,
    is_name INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    subject TEXT,
    entity_kind TEXT,
    sort_key TEXT NOT NULL,
    key TEXT NOT NULL,
    record TEXT NOT NULL,
    claim_count INTEGER NOT NULL,
    spread REAL NOT NULL DEFAULT 0,
    why TEXT,
    aligned_at TEXT NOT NULL
);
CREATE INDEX facts_id ON facts(id);
CREATE INDEX facts_order ON facts(is_name, kind, sort_key);
CREATE INDEX facts_scope ON facts(scope, is_name, kind, sort_key);
CREATE INDEX facts_verdict ON facts(verdict, is_name, kind, sort_key);
CREATE INDEX facts_scope_verdict ON facts(scope, verdict, is_name, kind, sort_key);
CREATE INDEX facts_subject ON facts(subject, is_name, kind, sort_key);
CREATE INDEX facts_scope_subject ON facts(scope, subject, is_name, kind, sort_key);
CREATE INDEX facts_verdict_subject ON facts(verdict, subject, is_name, kind, sort_key);
CREATE INDEX facts_spread ON facts(verdict, is_name, spread DESC);
CREATE INDEX facts_scope_spread ON facts(scope, verdict, is_name, spread DESC);
CREATE TABLE fact_claims (
    fact INTEGER NOT NULL REFERENCES facts(seq) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    PRIMARY KEY (fact, position)
) WITHOUT ROWID;
CREATE INDEX fact_claims_claim ON fact_claims(document_id, claim_id);
-- A conflict is stale while generation (raised by every change to its claims, texts or
-- documents, in the transaction making it) is above aligned (the generation its facts are of).
CREATE TABLE alignment_state (
    scope TEXT PRIMARY KEY,
    generation INTEGER NOT NULL,
    aligned INTEGER NOT NULL DEFAULT 0,
    aligned_at TEXT,
    facts INTEGER NOT NULL DEFAULT 0,
    disputes INTEGER NOT NULL DEFAULT 0,
    names INTEGER NOT NULL DEFAULT 0
);
INSERT INTO alignment_state (scope, generation)
SELECT DISTINCT coalesce(conflict, ''), 1 FROM documents;
-- Claims per place, made when a conflict is aligned: per source, and over all sources ('').
-- measures is {measure or event type: count}; refs up to 20 [document_id, claim_id].
CREATE TABLE places (
    source TEXT NOT NULL,
    scope TEXT NOT NULL,
    place TEXT NOT NULL,
    place_country TEXT,
    place_point TEXT,
    claims INTEGER NOT NULL,
    measures TEXT NOT NULL,
    refs TEXT NOT NULL,
    PRIMARY KEY (source, scope, place)
) WITHOUT ROWID;
CREATE INDEX places_scope ON places(scope, source);

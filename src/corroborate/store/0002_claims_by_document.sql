-- Migration 0002: a claim is kept per document, keyed (document_id, id), so one document's claims
-- never replace another's; and its record holds evidence and figure offsets, not their words,
-- which are read back from documents.text. Records written before keep their words and read as
-- they were. "position" is where the claim's figure (else its evidence) starts, for ordering.
CREATE TABLE claims_0002 (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    measure TEXT,
    event_type TEXT,
    side TEXT,
    place TEXT,
    position INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    figure_start INTEGER,
    figure_end INTEGER,
    record TEXT NOT NULL,
    PRIMARY KEY (document_id, id)
);
INSERT INTO claims_0002 (document_id, id, source, kind, measure, event_type, side, place, position,
                         evidence_start, evidence_end, figure_start, figure_end, record)
SELECT document_id, id, source, kind, measure, event_type, side, place, evidence_start,
       json_extract(record, '$.evidence.start'), json_extract(record, '$.evidence.end'),
       json_extract(record, '$.figure.start'), json_extract(record, '$.figure.end'), record
FROM claims;
DROP TABLE claims;
ALTER TABLE claims_0002 RENAME TO claims;
CREATE INDEX claims_document ON claims(document_id, position);
CREATE INDEX claims_measure ON claims(measure);

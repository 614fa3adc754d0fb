-- Migration 0003: a source's publication date (ISO 8601 prefix); a document's conflict (canonical
-- name, NULL when unknown) and whether it was inferred from its text (1) or given (0).
ALTER TABLE sources ADD COLUMN published TEXT;
ALTER TABLE documents ADD COLUMN conflict TEXT;
ALTER TABLE documents ADD COLUMN conflict_inferred INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_conflict ON documents(conflict);
-- sources.toml keys kept in `extra` before this migration move to their columns.
UPDATE sources SET published = json_extract(extra, '$.published')
WHERE json_type(extra, '$.published') = 'text'
  AND json_extract(extra, '$.published') GLOB '[0-9][0-9][0-9][0-9]*';
UPDATE sources SET extra = json_remove(extra, '$.published') WHERE published IS NOT NULL;
UPDATE documents SET conflict = (SELECT json_extract(s.extra, '$.conflict') FROM sources s
                                 WHERE s.slug = documents.source)
WHERE (SELECT json_type(s.extra, '$.conflict') FROM sources s WHERE s.slug = documents.source)
      = 'text';
UPDATE sources SET extra = json_remove(extra, '$.conflict')
WHERE json_type(extra, '$.conflict') = 'text';

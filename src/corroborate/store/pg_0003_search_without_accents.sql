-- Migration 0003: search folds diacritics, as SQLite's tokenizer does ("Susa" finds "Şuşa"): a
-- text search configuration "corroborate", the simple one with the unaccent dictionary before it
-- where the server has the extension and lets this user create it (else it is the simple one).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
        EXCEPTION WHEN insufficient_privilege THEN
            NULL;
        END;
    END IF;
END $$;
CREATE TEXT SEARCH CONFIGURATION corroborate (COPY = simple);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION corroborate
            ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;
    END IF;
END $$;
ALTER TABLE segments DROP COLUMN words;
ALTER TABLE segments ADD COLUMN words tsvector
    GENERATED ALWAYS AS (to_tsvector('corroborate', text)) STORED;
CREATE INDEX segments_words ON segments USING gin (words);
ALTER TABLE claims DROP COLUMN evidence_words;
ALTER TABLE claims ADD COLUMN evidence_words tsvector
    GENERATED ALWAYS AS (to_tsvector('corroborate', evidence_text)) STORED;
CREATE INDEX claims_evidence_words ON claims USING gin (evidence_words);

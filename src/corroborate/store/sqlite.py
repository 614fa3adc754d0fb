"""The SQLite store: WAL mode, foreign keys, named migrations, one transaction per document."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from corroborate.errors import CorroborateError, E
from corroborate.model import (
    Claim,
    Document,
    Segment,
    Source,
    Text,
    claim_from_record,
    claim_to_record,
)

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SQLiteStore", "SearchHit"]


def _schema_sql() -> str:
    return resources.files("corroborate.store").joinpath("schema.sql").read_text("utf-8")


# Named migrations, applied in order and recorded in _migrations; append, never edit.
# Each is SQL run inside the one transaction that also records it.
MIGRATIONS: list[tuple[str, Callable[[], str]]] = [
    ("0001_initial", _schema_sql),
]
SCHEMA_VERSION = len(MIGRATIONS)


class SearchHit(dict[str, Any]):
    """A search result: source, location, segment offsets, snippet with [highlighted] words."""


class SQLiteStore:
    """The embedded store. ``path`` may be ``:memory:``."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None,
                                        check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise CorroborateError(E.E301, self.path, reason=str(exc)) from exc
        except CorroborateError:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()

    # -- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        found = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise CorroborateError(E.E302, self.path, found=found, supported=SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            return
        script = ["BEGIN IMMEDIATE;",
                  "CREATE TABLE IF NOT EXISTS _migrations "
                  "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"]
        for name, sql in MIGRATIONS[found:]:
            script.append(sql())
            script.append(f"INSERT INTO _migrations VALUES ('{name}', '{_now()}');")
        script.append(f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
        try:
            self.conn.executescript("\n".join(script))
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    def is_stored(self, location: str, content_hash: str) -> bool:
        """True when this exact content is already stored at this location."""
        row = self.conn.execute("SELECT content_hash FROM documents WHERE location = ?",
                                (location,)).fetchone()
        return row is not None and row["content_hash"] == content_hash

    def save(self, text: Text, claims: Sequence[Claim] | None = None,
             extractor: str | None = None) -> str:
        """Store one document, its segments and claims in one transaction.

        Returns "added", "replaced" or "unchanged" (identical content is a no-op).
        """
        document = text.document
        if self.is_stored(document.location, document.content_hash):
            return "unchanged"
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise CorroborateError(E.E303, document.location, reason=str(exc)) from exc
        try:
            status = self._save_in_transaction(text, claims, extractor)
            self.conn.execute("COMMIT")
            return status
        except sqlite3.DatabaseError as exc:
            self.conn.execute("ROLLBACK")
            raise CorroborateError(E.E303, document.location, reason=str(exc)) from exc
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _save_in_transaction(self, text: Text, claims: Sequence[Claim] | None,
                             extractor: str | None) -> str:
        document = text.document
        self._upsert_source(document.source)
        deleted = self.conn.execute("DELETE FROM documents WHERE location = ?",
                                    (document.location,)).rowcount
        cursor = self.conn.execute(
            "INSERT INTO documents (source, location, content_hash, text_hash, media_type, "
            "size_bytes, text, segment_count, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document.source.slug, document.location, document.content_hash,
             _hash(text.text), document.media_type, document.size_bytes, text.text,
             len(text.segments), _now()),
        )
        document_id = int(cursor.lastrowid or 0)
        self._insert_segments(document_id, text)
        if claims is not None:
            self._insert_claims(document_id, claims, extractor)
        return "replaced" if deleted else "added"

    def update_source(self, source: Source) -> None:
        """Store a source's metadata (a sources.toml edited while its documents stayed as they were)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._upsert_source(source)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _upsert_source(self, source: Source) -> None:
        self.conn.execute(
            "INSERT INTO sources (slug, title, publisher, url, kind, license, note, extra) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(slug) DO UPDATE SET title=excluded.title, "
            "publisher=excluded.publisher, url=excluded.url, kind=excluded.kind, "
            "license=excluded.license, note=excluded.note, extra=excluded.extra",
            (source.slug, source.title, source.publisher, source.url, source.kind,
             source.license, source.note, json.dumps(source.extra, sort_keys=True, default=str)),
        )

    def _insert_claims(self, document_id: int, claims: Sequence[Claim],
                       extractor: str | None) -> None:
        self.conn.execute("DELETE FROM claims WHERE document_id = ?", (document_id,))
        self.conn.executemany(
            "INSERT OR REPLACE INTO claims (id, document_id, source, kind, measure, event_type, "
            "side, place, evidence_start, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.id, document_id, c.source, c.kind, c.measure, c.event_type, c.side, c.place,
              (c.figure or c.evidence).start, json.dumps(claim_to_record(c), ensure_ascii=False))
             for c in claims],
        )
        self.conn.execute("UPDATE documents SET claim_count = ?, extracted_with = ? WHERE id = ?",
                          (len(claims), extractor, document_id))

    def replace_claims(self, document_id: int, claims: Sequence[Claim], extractor: str,
                       text: Text | None = None) -> None:
        """Replace one document's claims (and its segments, when ``text`` is given) at once."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if text is not None:
                self.conn.execute("DELETE FROM segments WHERE document_id = ?", (document_id,))
                self._insert_segments(document_id, text)
                self.conn.execute("UPDATE documents SET segment_count = ? WHERE id = ?",
                                  (len(text.segments), document_id))
            self._insert_claims(document_id, claims, extractor)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _insert_segments(self, document_id: int, text: Text) -> None:
        self.conn.executemany(
            "INSERT INTO segments (document_id, seq, kind, start, \"end\", table_no, row_no, "
            "column_no, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(document_id, seq, s.kind, s.start, s.end, s.table, s.row, s.column,
              text.text[s.start:s.end]) for seq, s in enumerate(text.segments)],
        )

    # -- reading ------------------------------------------------------------------------------
    def sources(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT s.*, COUNT(d.id) AS documents FROM sources s "
            "LEFT JOIN documents d ON d.source = s.slug GROUP BY s.slug ORDER BY s.slug")
        return [{**dict(r), "extra": json.loads(r["extra"])} for r in rows]

    def documents(self, source: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT id, source, location, content_hash, media_type, size_bytes, "
               "length(text) AS chars, segment_count, claim_count, extracted_with, ingested_at "
               "FROM documents")
        params: tuple[Any, ...] = ()
        if source:
            sql += " WHERE source = ?"
            params = (source,)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY source, location", params)]

    def document(self, document_id: int) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        return None if row is None else dict(row)

    def texts(self, source: str | None = None) -> Iterator[tuple[int, Text]]:
        """Every stored document as (id, Text), rebuilt from the store."""
        sources = {s["slug"]: s for s in self.sources()}
        for meta in self.documents(source):
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?",
                                    (meta["id"],)).fetchone()
            segments = tuple(
                Segment(r["start"], r["end"], r["kind"], r["table_no"], r["row_no"],
                        r["column_no"])
                for r in self.conn.execute(
                    "SELECT * FROM segments WHERE document_id = ? ORDER BY seq", (meta["id"],)))
            s = sources[meta["source"]]
            source_record = Source(s["slug"], s["title"], s["publisher"], s["url"], s["kind"],
                                   s["license"], s["note"], s["extra"])
            document = Document(source_record, meta["location"], row["text"],
                                meta["content_hash"], meta["media_type"], meta["size_bytes"])
            yield meta["id"], Text(document, row["text"], segments)

    def claims(self, source: str | None = None, measure: str | None = None,
               kind: str | None = None) -> list[Claim]:
        clauses, params = [], []
        for column, value in (("source", source), ("measure", measure), ("kind", kind)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.conn.execute(
            f"SELECT record FROM claims{where} ORDER BY source, document_id, evidence_start, id",
            params)
        return [claim_from_record(json.loads(r["record"])) for r in rows]

    def search(self, query: str, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        """Full-text search over segments; words are matched as plain terms unless ``raw``."""
        match = query if raw else " ".join(
            '"' + word.replace('"', '""') + '"' for word in query.split())
        if not match.strip():
            raise CorroborateError(E.E401, "search", reason="the query is empty; give words")
        try:
            rows = self.conn.execute(
                "SELECT d.source, d.location, d.id AS document_id, s.start, s.\"end\", s.kind, "
                "snippet(segments_fts, 0, '[', ']', '…', 16) AS snippet "
                "FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid "
                "JOIN documents d ON d.id = s.document_id "
                "WHERE segments_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise CorroborateError(E.E401, f"search {query!r}", reason=str(exc)) from exc
        return [SearchHit(dict(r)) for r in rows]

    def check(self) -> list[str]:
        """Integrity problems: SQLite's own check and documents whose parts do not add up."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for row in self.conn.execute(
                "SELECT d.id, d.location, d.segment_count, d.text, d.text_hash, "
                "(SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) AS n FROM documents d"):
            if row["n"] != row["segment_count"] or _hash(row["text"]) != row["text_hash"]:
                problems.append(f"{row['location']}: stored incompletely")
        return problems


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

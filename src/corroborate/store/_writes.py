"""The store's writing half, the same on every backend: one document (its segments and claims)
in one transaction, sources, a document's conflict, claims replaced at once."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from corroborate.errors import CorroborateError, E
from corroborate.model import Claim, Source, Text
from corroborate.store._claims import INSERT_CLAIM, claim_rows, in_batches
from corroborate.store._connection import Connection

__all__ = ["Writes", "now", "text_hash"]


class Writes:
    """Write methods of the store (mixed into each backend's store, which opens ``conn`` and
    says how a write transaction is held and how its errors read)."""

    conn: Connection
    path: str
    errors: tuple[type[Exception], ...]  # the driver's errors, turned into one line by _failure
    # whether the backend's schema keeps each document's name mentions (SQLite's migration
    # 0005, PostgreSQL's 0004); a backend that keeps none has them found again when aligning
    stores_name_mentions: bool = True

    def _writing(self, what: str, where: str) -> AbstractContextManager[None]:
        raise NotImplementedError  # the backend's

    def _failure(self, exc: Exception, what: str, where: str) -> CorroborateError:
        raise NotImplementedError  # the backend's

    def _document_writing(self, what: str, where: str) -> AbstractContextManager[None]:
        """The transaction storing one document: a backend whose writers can run side by side
        (PostgreSQL) lets document writers share it, each aligning writer alone."""
        return self._writing(what, where)

    def _mark_stale(self, conflicts: Iterable[str | None]) -> None:
        raise NotImplementedError  # FactStore's (before this class in the store's bases)

    def _text_param(self, text: str) -> object:
        """A document's text as bound to ``CAST(? AS TEXT)``."""
        return text

    def is_stored(self, location: str, content_hash: str) -> bool:
        """True when this exact content is already stored at this location."""
        try:
            row = self.conn.execute("SELECT content_hash FROM documents WHERE location = ?",
                                    (location,)).fetchone()
        except self.errors as exc:
            raise self._failure(exc, location, location) from exc
        return row is not None and row["content_hash"] == content_hash

    def claim_count(self, location: str) -> int | None:
        """How many claims are stored for the document at ``location`` (a repeated reading is
        kept once, so this may be fewer than extraction yielded); None before extraction."""
        row = self.conn.execute("SELECT claim_count FROM documents WHERE location = ?",
                                (location,)).fetchone()
        return None if row is None else row["claim_count"]

    def save(self, text: Text, claims: Iterable[Claim] | None = None,
             extractor: str | None = None,
             names: Iterable[Sequence[object]] | None = None) -> str:
        """Store one document, its segments and claims (any iterable, written in batches) and
        its name mentions ((kind, canonical, written, times) in order of first use) in one
        transaction. Returns "added", "replaced" or "unchanged" (identical content is a no-op).
        """
        document = text.document
        if self.is_stored(document.location, document.content_hash):
            return "unchanged"
        with self._document_writing(document.location, document.location):
            return self._save_in_transaction(text, claims, extractor, names)

    def _save_in_transaction(self, text: Text, claims: Iterable[Claim] | None,
                             extractor: str | None,
                             names: Iterable[Sequence[object]] | None = None) -> str:
        # Rows that every writer shares (its source's, its conflict's alignment state) are
        # written last, so that writers of one source or one conflict on a server that lets
        # them run side by side (PostgreSQL) wait for each other only at the very end.
        document = text.document
        self._insert_source(document.source)  # its row must be there for the document's key
        before = self.conn.execute("SELECT conflict FROM documents WHERE location = ?",
                                   (document.location,)).fetchone()
        deleted = self.conn.execute("DELETE FROM documents WHERE location = ?",
                                    (document.location,)).rowcount
        document_id = int(self.conn.execute(
            "INSERT INTO documents (source, location, content_hash, text_hash, media_type, "
            "size_bytes, text, segment_count, ingested_at, conflict, conflict_inferred) "
            "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?) RETURNING id",
            (document.source.slug, document.location, document.content_hash,
             text_hash(text.text), document.media_type, document.size_bytes,
             self._text_param(text.text),
             len(text.segments), now(), document.conflict, int(document.conflict_inferred)),
        ).fetchone()[0])
        self._insert_segments(document_id, text)
        if claims is not None:
            self._insert_claims(document_id, text.text, claims, extractor, document.conflict)
        if names is not None:
            self._insert_names(document_id, names)
        self._update_source(document.source)
        # its facts and names change: the conflict it was of and the one it is of are stale
        self._mark_stale([document.conflict] + ([] if before is None else [before[0]]))
        return "replaced" if deleted else "added"

    def store_names(self, document_id: int, names: Iterable[Sequence[object]]) -> None:
        """Keep a stored document's name mentions (found again for one stored before them)."""
        with self._writing(f"names of document {document_id}", f"document {document_id}"):
            self._insert_names(document_id, names)

    def _insert_names(self, document_id: int, names: Iterable[Sequence[object]]) -> None:
        if not self.stores_name_mentions:
            return
        self.conn.execute("DELETE FROM name_mentions WHERE document_id = ?", (document_id,))
        rows = ((document_id, seq, *name) for seq, name in enumerate(names))
        for batch in in_batches(rows):
            self.conn.executemany("INSERT INTO name_mentions (document_id, seq, kind, canonical, "
                                  "written, times) VALUES (?, ?, ?, ?, ?, ?)", batch)
        self.conn.execute("UPDATE documents SET names_stored = 1 WHERE id = ?", (document_id,))

    def update_source(self, source: Source, location: str | None = None,
                      conflict: tuple[str | None, bool] | None = None) -> None:
        """Store a source's metadata (a sources.toml edited while its documents stayed as they
        were) and, given a ``location``, its document's ``conflict`` (name, inferred)."""
        with self._writing(f"source {source.slug}", source.slug):
            self._upsert_source(source)
            if location is not None and conflict is not None:
                self._move_document(location, conflict)

    def _move_document(self, location: str, conflict: tuple[str | None, bool]) -> None:
        """Set a document's conflict; when it changes, its claims follow and both conflicts'
        facts are stale."""
        row = self.conn.execute("SELECT id, conflict FROM documents WHERE location = ?",
                                (location,)).fetchone()
        self.conn.execute("UPDATE documents SET conflict = ?, conflict_inferred = ? "
                          "WHERE location = ?", (conflict[0], int(conflict[1]), location))
        if row is not None and row["conflict"] != conflict[0]:
            self.conn.execute("UPDATE claims SET conflict = ? WHERE document_id = ?",
                              (conflict[0], row["id"]))
            self._mark_stale([row["conflict"], conflict[0]])

    def _insert_source(self, source: Source) -> None:
        """A source's row when it has none yet (an existing row is neither changed nor locked)."""
        self.conn.execute("INSERT INTO sources (slug, title, publisher, url, kind, license, note, "
                          "extra, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT(slug) DO NOTHING", _source_row(source))

    def _update_source(self, source: Source) -> None:
        """A source's metadata as given, written only when it changed (an unchanged row is
        not locked: documents of one source are written side by side)."""
        row = self.conn.execute("SELECT slug, title, publisher, url, kind, license, note, extra, "
                                "published FROM sources WHERE slug = ?", (source.slug,)).fetchone()
        if row is None or tuple(row) != _source_row(source):
            self._upsert_source(source)

    def _upsert_source(self, source: Source) -> None:
        self.conn.execute(
            "INSERT INTO sources (slug, title, publisher, url, kind, license, note, extra, "
            "published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(slug) DO UPDATE SET "
            "title=excluded.title, publisher=excluded.publisher, url=excluded.url, "
            "kind=excluded.kind, license=excluded.license, note=excluded.note, "
            "extra=excluded.extra, published=excluded.published",
            _source_row(source),
        )

    def _insert_claims(self, document_id: int, body: str, claims: Iterable[Claim],
                       extractor: str | None, conflict: str | None) -> None:
        """Replace a document's claims, BATCH rows at a time; claim_count is what was kept."""
        self.conn.execute("DELETE FROM claims WHERE document_id = ?", (document_id,))
        for batch in in_batches(claim_rows(document_id, body, claims, conflict)):
            self.conn.executemany(INSERT_CLAIM, batch)
        self.conn.execute(
            "UPDATE documents SET claim_count = (SELECT COUNT(*) FROM claims WHERE "
            "document_id = ?1), extracted_with = ?2 WHERE id = ?1", (document_id, extractor))

    def replace_claims(self, document_id: int, claims: Iterable[Claim], extractor: str,
                       text: Text | None = None,
                       names: Iterable[Sequence[object]] | None = None) -> None:
        """Replace one document's claims (and its segments and text, when ``text`` is given,
        and its name mentions, when ``names`` are) at once; ``claims`` may be any iterable, a
        generator too."""
        where = text.document.location if text is not None else f"document {document_id}"
        with self._writing(f"claims of {where}", where):
            if text is not None:
                body = text.text
                digest = text_hash(body)
                self.conn.execute("UPDATE documents SET text = ?, text_hash = ? "
                                  "WHERE id = ? AND text_hash != ?",
                                  (body, digest, document_id, digest))
                self.conn.execute("DELETE FROM segments WHERE document_id = ?", (document_id,))
                self._insert_segments(document_id, text)
                self.conn.execute("UPDATE documents SET segment_count = ? WHERE id = ?",
                                  (len(text.segments), document_id))
            else:
                row = self.conn.execute("SELECT text FROM documents WHERE id = ?",
                                        (document_id,)).fetchone()
                if row is None:
                    raise CorroborateError(E.E402, where, reason="no such stored document")
                body = row["text"]
            conflict = self.conn.execute("SELECT conflict FROM documents WHERE id = ?",
                                         (document_id,)).fetchone()
            if conflict is None:
                raise CorroborateError(E.E402, where, reason="no such stored document")
            self._mark_stale([conflict[0]])
            self._insert_claims(document_id, body, claims, extractor, conflict[0])
            if names is not None:
                self._insert_names(document_id, names)

    def _insert_segments(self, document_id: int, text: Text) -> None:
        rows = ((document_id, seq, s.kind, s.start, s.end, s.table, s.row, s.column,
                 text.text[s.start:s.end]) for seq, s in enumerate(text.segments))
        for batch in in_batches(rows):  # a batch at a time, never every segment's words at once
            self.conn.executemany(
                "INSERT INTO segments (document_id, seq, kind, start, \"end\", table_no, row_no, "
                "column_no, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)


def _source_row(source: Source) -> tuple[object, ...]:
    return (source.slug, source.title, source.publisher, source.url, source.kind,
            source.license, source.note, json.dumps(source.extra, sort_keys=True, default=str),
            source.published)


def text_hash(text: str, chunk: int = 1 << 20) -> str:
    """SHA-256 of the text's UTF-8, encoded a chunk at a time (never a second whole copy)."""
    digest = hashlib.sha256()
    for start in range(0, len(text), chunk):
        digest.update(text[start:start + chunk].encode("utf-8"))
    return digest.hexdigest()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

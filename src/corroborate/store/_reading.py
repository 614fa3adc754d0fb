"""The store's reading half: sources, documents, texts, claims and conflicts as stored."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from typing import Any

from corroborate.documents.conflicts import UNKNOWN
from corroborate.model import Claim, Document, Segment, Source, Text
from corroborate.store._claims import claim_from_row
from corroborate.store._connection import Connection

__all__ = ["NameRow", "Reading"]

# A stored name mention: source, location, conflict, kind, canonical, written, times.
NameRow = tuple[str, str, str | None, str, str, str, int]


class Reading:
    """Read methods of the store (mixed into SQLiteStore, which opens ``conn``)."""

    conn: Connection

    def sources(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT s.*, COUNT(d.id) AS documents FROM sources s "
            "LEFT JOIN documents d ON d.source = s.slug GROUP BY s.slug ORDER BY s.slug")
        return [{**dict(r), "extra": json.loads(r["extra"])} for r in rows]

    def documents(self, source: str | None = None,
                  conflict: str | None = None) -> list[dict[str, Any]]:
        """Stored documents; ``conflict`` keeps one conflict's (``UNKNOWN``: those of none)."""
        sql = ("SELECT id, source, location, content_hash, media_type, size_bytes, "
               "length(text) AS chars, segment_count, claim_count, extracted_with, ingested_at, "
               "conflict, conflict_inferred FROM documents")
        clauses, params = _conflict_clause(conflict, "conflict")
        if source:
            clauses.append("source = ?")
            params.append(source)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.conn.execute(sql + where + " ORDER BY source, location", params)
        return [{**dict(r), "conflict_inferred": bool(r["conflict_inferred"])} for r in rows]

    def name_mentions(self, conflict: str | None = None) -> list[NameRow]:
        """Stored name mentions (of one conflict's documents) as (source, location, conflict,
        kind, canonical, written, times), by source, location and first use."""
        clauses, params = _conflict_clause(conflict, "d.conflict")
        where = "".join(f" AND {c}" for c in clauses)
        rows = self.conn.execute(
            "SELECT d.source, d.location, d.conflict, m.kind, m.canonical, m.written, m.times "
            "FROM name_mentions m JOIN documents d ON d.id = m.document_id "
            f"WHERE d.names_stored = 1{where} ORDER BY d.source, d.location, m.seq", params)
        return [tuple(r) for r in rows]

    def names_missing(self, conflict: str | None = None) -> set[int]:
        """Ids of stored documents (of one conflict) whose name mentions are not stored."""
        clauses, params = _conflict_clause(conflict, "conflict")
        where = "".join(f" AND {c}" for c in clauses)
        return {r[0] for r in self.conn.execute(
            f"SELECT id FROM documents WHERE names_stored = 0{where}", params)}

    def document(self, document_id: int) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        return None if row is None else dict(row)

    def stored_conflict(self, location: str) -> tuple[str | None, bool] | None:
        """(conflict, inferred) of the document stored at ``location``; None if none is."""
        row = self.conn.execute("SELECT conflict, conflict_inferred FROM documents "
                                "WHERE location = ?", (location,)).fetchone()
        return None if row is None else (row["conflict"], bool(row["conflict_inferred"]))

    def texts(self, source: str | None = None, conflict: str | None = None,
              only: Collection[int] | None = None) -> Iterator[tuple[int, Text]]:
        """Every stored document (of one source, one conflict; ``only`` these ids) as
        (id, Text), rebuilt from the store."""
        sources = {s["slug"]: s for s in self.sources()}
        for meta in self.documents(source, conflict):
            if only is not None and meta["id"] not in only:
                continue
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?",
                                    (meta["id"],)).fetchone()
            segments = tuple(
                Segment(r["start"], r["end"], r["kind"], r["table_no"], r["row_no"],
                        r["column_no"])
                for r in self.conn.execute(
                    "SELECT start, \"end\", kind, table_no, row_no, column_no FROM segments "
                    "WHERE document_id = ? ORDER BY seq", (meta["id"],)))
            s = sources[meta["source"]]
            source_record = Source(s["slug"], s["title"], s["publisher"], s["url"], s["kind"],
                                   s["license"], s["note"], s["extra"], published=s["published"])
            document = Document(source_record, meta["location"], row["text"],
                                meta["content_hash"], meta["media_type"], meta["size_bytes"],
                                conflict=meta["conflict"],
                                conflict_inferred=meta["conflict_inferred"])
            yield meta["id"], Text(document, row["text"], segments)

    def claims(self, source: str | None = None, measure: str | None = None,
               kind: str | None = None, conflict: str | None = None) -> list[Claim]:
        """Stored claims, as claims_with_ids gives them, without their documents' ids."""
        return [claim for _id, claim in self.claims_with_ids(source, measure, kind, conflict)]

    def claims_with_ids(self, source: str | None = None, measure: str | None = None,
                        kind: str | None = None,
                        conflict: str | None = None) -> list[tuple[int, Claim]]:
        """Stored claims with their document's id, each with its document's conflict;
        ``conflict`` keeps one conflict's (``UNKNOWN``: those of none). Evidence and figure
        words are sliced from each document's text (read once per document), so
        ``text[start:end] == evidence.text`` always holds."""
        clauses, params = _conflict_clause(conflict, "d.conflict")
        for column, value in (("c.source", source), ("c.measure", measure), ("c.kind", kind)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.conn.execute(
            "SELECT c.document_id, c.record FROM claims c JOIN documents d ON d.id = c.document_id"
            f"{where} ORDER BY c.source, c.document_id, c.position, c.id", params)
        claims: list[tuple[int, Claim]] = []
        body_of: tuple[int, str, str | None] = (-1, "", None)
        for row in rows:
            if row["document_id"] != body_of[0]:
                found = self.conn.execute("SELECT text, conflict FROM documents WHERE id = ?",
                                          (row["document_id"],)).fetchone()
                body_of = (row["document_id"], found["text"], found["conflict"])
            claims.append((body_of[0], claim_from_row(row["record"], body_of[1], body_of[2])))
        return claims

    def conflict_names(self) -> list[str]:
        """The known conflicts documents are stored under, sorted by name. Read a name at a
        time from the index of documents by conflict (a skip-scan: about 1 ms whatever the
        number of documents), where conflicts() reads every document (0.3 s at 40,000)."""
        rows = self.conn.execute(
            "WITH RECURSIVE names(name) AS (SELECT MIN(conflict) FROM documents UNION ALL "
            "SELECT (SELECT MIN(d.conflict) FROM documents d WHERE d.conflict > names.name) "
            "FROM names WHERE names.name IS NOT NULL) "
            "SELECT name FROM names WHERE name IS NOT NULL")
        return [str(r[0]) for r in rows]

    def conflicts(self) -> list[dict[str, Any]]:
        """Each conflict (None: unknown) with its documents and sources, and which documents'
        conflicts were inferred; known conflicts by name, then the unknown."""
        found: dict[str | None, dict[str, Any]] = {}
        for doc in self.documents():
            entry = found.setdefault(doc["conflict"], {
                "conflict": doc["conflict"], "documents": [], "sources": [], "inferred": 0})
            entry["documents"].append({"location": doc["location"], "source": doc["source"],
                                       "inferred": doc["conflict_inferred"]})
            if doc["source"] not in entry["sources"]:
                entry["sources"].append(doc["source"])
            entry["inferred"] += doc["conflict_inferred"]
        return sorted(found.values(), key=lambda e: (e["conflict"] is None, e["conflict"] or ""))


def _conflict_clause(conflict: str | None, column: str) -> tuple[list[str], list[Any]]:
    if conflict is None:
        return [], []
    if conflict == UNKNOWN:
        return [f"{column} IS NULL"], []
    return [f"{column} = ?"], [conflict]

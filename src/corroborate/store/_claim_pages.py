"""Claims a page at a time, for the API: filtered by indexed columns, in the order they were
stored (keyset on claims.seq, so a page never shifts when documents are added)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corroborate.documents.conflicts import UNKNOWN
from corroborate.errors import CorroborateError, E
from corroborate.store._claims import first_day, last_day
from corroborate.store._connection import Connection
from corroborate.store._cursor import check_limit, decode_cursor, encode_cursor

__all__ = ["CLAIM_COLUMNS", "ClaimPages", "ClaimQuery", "claim_records", "match_words"]

# What claim_records needs of a claims row (aliased c).
CLAIM_COLUMNS = ("c.seq, c.document_id, c.id, c.conflict, c.evidence_start, c.figure_start, "
                 "c.figure_end, c.evidence_text, c.record")
_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class ClaimQuery:
    """Which claims a page lists; None leaves a filter out. ``conflict`` "unknown" keeps claims
    of no known conflict. ``time_from`` / ``time_to`` are ISO prefixes (YYYY, YYYY-MM,
    YYYY-MM-DD): a claim is kept when its time (or date) overlaps [time_from, time_to], an open
    end of its time overlapping everything on that side; a claim with neither is left out by
    either. ``text``: words that must all be in the evidence (as full-text search words)."""

    conflict: str | None = None
    kind: str | None = None
    measure: str | None = None
    event_type: str | None = None
    side: str | None = None
    group: str | None = None
    place: str | None = None
    source: str | None = None
    document_id: int | None = None
    time_from: str | None = None
    time_to: str | None = None
    text: str | None = None


def match_words(text: str) -> str:
    """An FTS5 query of plain words: each one quoted, all required."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def _prefix(value: str, name: str) -> str:
    if not _PREFIX.fullmatch(value):
        raise CorroborateError(E.E403, name, reason=f"{value!r} is not a date; give YYYY, "
                                                     "YYYY-MM or YYYY-MM-DD")
    return value


def _where(query: ClaimQuery) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.conflict is not None:
        if query.conflict == UNKNOWN:
            clauses.append("c.conflict IS NULL")
        else:
            clauses.append("c.conflict = ?")
            params.append(query.conflict)
    for column, value in (("kind", query.kind), ("measure", query.measure),
                          ("event_type", query.event_type), ("side", query.side),
                          ("grp", query.group), ("place", query.place),
                          ("source", query.source), ("document_id", query.document_id)):
        if value is not None:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    if query.time_from is not None:
        clauses.append("c.time_end >= ?")
        params.append(first_day(_prefix(query.time_from, "time_from")))
    if query.time_to is not None:
        clauses.append("c.time_start <= ?")
        params.append(last_day(_prefix(query.time_to, "time_to")))
    return clauses, params


def claim_records(conn: Connection, rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Claim export records (as ``export claims`` writes them) plus "document_id", from rows
    of CLAIM_COLUMNS. Words missing from a record are its evidence_text (the evidence) or the
    document's text at the figure's offsets (a figure is nearly always inside its evidence)."""
    records = []
    for row in rows:
        stored = json.loads(row["record"])
        evidence = stored["evidence"]
        if "text" not in evidence:
            evidence["text"] = row["evidence_text"]
        figure = stored.get("figure")
        if figure is not None and "text" not in figure:
            figure["text"] = _figure_words(conn, row, figure["start"], figure["end"])
        records.append(_export_record(stored, row["conflict"], row["document_id"]))
    return records


def _span(raw: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if raw is None else {"start": int(raw["start"]), "end": int(raw["end"]),
                                     "text": str(raw["text"])}


def _export_record(stored: dict[str, Any], conflict: str | None,
                   document_id: int) -> dict[str, Any]:
    """What claim_to_record(claim_from_record(stored)) gives, key for key and in its order, plus
    "document_id", without building the Claim (pages of 500 claims are read often)."""
    get = stored.get
    value, time, point = get("value"), get("time"), get("place_point")
    return {
        "id": stored["id"], "source": stored["source"], "document": get("document", ""),
        "conflict": conflict, "kind": stored["kind"], "measure": get("measure"),
        "value": None if value is None else
        {"low": value["low"], "high": value["high"], "bound": value["bound"]},
        "unit": get("unit"), "side": get("side"), "side_as_written": get("side_as_written"),
        "group": get("group"), "place": get("place"),
        "place_as_written": get("place_as_written"), "place_country": get("place_country"),
        "place_point": None if point is None else [float(point[0]), float(point[1])],
        "time": None if time is None else {"start": time.get("start"), "end": time.get("end")},
        "event_type": get("event_type"), "event_as_written": get("event_as_written"),
        "date": get("date"), "actor": get("actor"), "actor_as_written": get("actor_as_written"),
        "evidence": _span(stored["evidence"]), "figure": _span(get("figure")),
        "clause": get("clause"), "table_row": get("table_row"),
        "extractor": get("extractor", ""), "document_id": document_id,
    }


def _figure_words(conn: Connection, row: Any, start: int, end: int) -> str:
    at = start - row["evidence_start"]
    words: str = row["evidence_text"]
    if at >= 0 and end - row["evidence_start"] <= len(words):
        return words[at:end - row["evidence_start"]]
    found = conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                         (start + 1, end - start, row["document_id"])).fetchone()
    return str(found[0])


class ClaimPages:
    """Claim paging methods of the store (mixed into SQLiteStore, which opens ``conn``)."""

    conn: Connection
    query_errors: tuple[type[Exception], ...]  # a malformed full-text query: one E401 line

    def _evidence_matching(self, text: str) -> tuple[str, tuple[list[str], list[Any]], str]:
        """Claims whose evidence has all of ``text``'s words: (FROM clause, (WHERE clauses,
        their parameters), the column ordering them in seq order). SQLite's: driven by the
        FTS5 evidence index, whose rowids ascend."""
        return ("claims_fts f JOIN claims c ON c.seq = f.rowid",
                (["claims_fts MATCH ?"], [match_words(text)]), "f.rowid")

    def claim_page(self, query: ClaimQuery, cursor: str | None = None,
                   limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
        """One page of the claims ``query`` keeps, in the order they were stored, and the
        cursor of the next page (None after the last). Records are claim export records plus
        "document_id". ``limit`` is 1..500; a cursor not given by this method is one E403
        line. Every filter has an index, so a page reads about ``limit`` rows however deep it
        is; several filters use the most selective index and check the others."""
        check_limit(limit)
        after = 0 if cursor is None else int(decode_cursor(cursor, "claims", (int,))[0])
        clauses, params = _where(query)
        found = self._evidence_matching(query.text) if query.text and query.text.split() \
            else None
        if found is not None:
            source, match, order = found
            clauses = [*match[0], f"{order} > ?", *clauses]
            params = [*match[1], after, *params]
        else:
            source = "claims c"
            clauses.append("c.seq > ?")
            params.append(after)
            order = "c.seq"
        sql = (f"SELECT {CLAIM_COLUMNS} FROM {source} WHERE {' AND '.join(clauses)} "
               f"ORDER BY {order} LIMIT ?")
        try:
            rows = self.conn.execute(sql, [*params, limit + 1]).fetchall()
        except self.query_errors as exc:
            raise CorroborateError(E.E401, f"claims {query.text!r}", reason=str(exc)) from exc
        following = None
        if len(rows) > limit:
            rows = rows[:limit]
            following = encode_cursor("claims", rows[-1]["seq"])
        return claim_records(self.conn, rows), following

    def claim(self, document_id: int, claim_id: str) -> dict[str, Any] | None:
        """One claim's export record plus "document_id"; None when there is no such claim."""
        rows = self.conn.execute(f"SELECT {CLAIM_COLUMNS} FROM claims c "
                                 "WHERE c.document_id = ? AND c.id = ?",
                                 (document_id, claim_id)).fetchall()
        return claim_records(self.conn, rows)[0] if rows else None

    def facts_of_claim(self, document_id: int, claim_id: str) -> list[str]:
        """The ids of the stored facts a claim is in, in the order facts are listed."""
        rows = self.conn.execute(
            "SELECT f.id FROM fact_claims fc JOIN facts f ON f.seq = fc.fact "
            "WHERE fc.document_id = ? AND fc.claim_id = ? ORDER BY f.kind, f.sort_key, f.seq",
            (document_id, claim_id))
        return [str(r[0]) for r in rows]

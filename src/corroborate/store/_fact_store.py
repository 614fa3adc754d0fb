"""Stored alignment: which conflicts are stale, their facts replaced at once, and facts, places
and counts read back from indexed tables (never by aligning at read time)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from corroborate.align import Fact
from corroborate.documents.conflicts import UNKNOWN
from corroborate.errors import CorroborateError, E
from corroborate.model import Claim, claim_from_record
from corroborate.store._claim_pages import CLAIM_COLUMNS, claim_records
from corroborate.store._connection import Connection
from corroborate.store._cursor import check_limit, decode_cursor, encode_cursor
from corroborate.store._fact_rows import (
    PLACE_REFS,
    DocumentOf,
    documents_of,
    fact_of_row,
    place_rows,
    sort_key,
    spread_and_why,
    stored_record,
    subject_of,
)

__all__ = ["FactStore", "scope_of"]

# fact_claims rows written one by one each put a random page of the (document, claim) index in
# the page cache once the index outgrows it (9 us a row at 2M rows, 13 us at 22M: half of
# aligning 1 GB); dropped, the rows written, and built again by one sort, 1.9 us a row. Worth it
# from this many rows, when they are at least a quarter of the other conflicts' rows (the sort
# rebuilds theirs too).
REBUILD_CLAIM_INDEX_ROWS = 50_000
_CLAIM_INDEX = "CREATE INDEX fact_claims_claim ON fact_claims(document_id, claim_id)"
_ORDERS = ("key", "spread")


def scope_of(conflict: str | None) -> str:
    """A conflict as alignment_state, facts and places key it: '' for none (or "unknown")."""
    return "" if conflict is None or conflict == UNKNOWN else conflict


def _conflict(scope: str) -> str | None:
    return scope or None


class FactStore:
    """Stored-alignment methods of the store (mixed into SQLiteStore, which opens ``conn``)."""

    conn: Connection
    path: str
    # whether a large replace_facts drops the claim index and builds it again after (SQLite;
    # a server's readers would wait on the dropped index)
    rebuilds_claim_index = False

    def _writing(self, what: str, where: str) -> AbstractContextManager[None]:
        raise NotImplementedError  # SQLiteStore's

    # -- staleness ----------------------------------------------------------------------------
    def _mark_stale(self, conflicts: Iterable[str | None]) -> None:
        """Inside the caller's write transaction: these conflicts' facts are out of date."""
        for scope in sorted({scope_of(c) for c in conflicts}):
            self.conn.execute(
                "INSERT INTO alignment_state (scope, generation) VALUES (?, 1) ON CONFLICT (scope) "
                "DO UPDATE SET generation = alignment_state.generation + 1", (scope,))

    def stale_conflicts(self) -> list[tuple[str | None, int]]:
        """(conflict, generation) of each conflict whose claims changed since its facts were
        stored (None: claims of no known conflict); pass the generation to replace_facts."""
        rows = self.conn.execute("SELECT scope, generation FROM alignment_state "
                                 "WHERE generation > aligned ORDER BY scope")
        return [(_conflict(r["scope"]), int(r["generation"])) for r in rows]

    def is_stale(self, conflict: str | None = None) -> bool:
        """Whether the stored facts of ``conflict`` (of every conflict, when None; "unknown":
        of none) are out of date."""
        sql = "SELECT 1 FROM alignment_state WHERE generation > aligned"
        if conflict is None:
            return self.conn.execute(sql + " LIMIT 1").fetchone() is not None
        return self.conn.execute(sql + " AND scope = ?", (scope_of(conflict),)).fetchone() \
            is not None

    # -- writing ------------------------------------------------------------------------------
    def replace_facts(self, conflict: str | None, generation: int, facts: list[Fact],
                      names: list[Fact], claims: list[tuple[int, Claim]],
                      entity_kinds: dict[str, str] | None = None) -> bool:
        """Store one conflict's alignment at once: its ``facts`` (as align() made them from
        ``claims``, (document id, claim) as claims_with_ids gives them), its name facts
        (``names``; ``entity_kinds``: "place" or "actor" per entity) and its places, aligned
        from the claims of ``generation`` (stale_conflicts). False, and nothing written, when
        facts of that generation or a later one are stored already."""
        scope = scope_of(conflict)
        with self._writing(f"facts of {conflict or UNKNOWN}", self.path):
            row = self.conn.execute("SELECT aligned FROM alignment_state WHERE scope = ?",
                                    (scope,)).fetchone()
            if row is not None and row["aligned"] >= generation:
                return False
            documents = documents_of(claims)
            rebuild = self._rebuild_claim_index(scope, sum(len(f.claims) for f in facts))
            if rebuild:
                self.conn.execute("DROP INDEX fact_claims_claim")
            self.conn.execute("DELETE FROM fact_claims WHERE fact IN "
                              "(SELECT seq FROM facts WHERE scope = ?)", (scope,))
            self.conn.execute("DELETE FROM facts WHERE scope = ?", (scope,))
            now = datetime.now(UTC).isoformat(timespec="seconds")
            for fact in [*facts, *names]:
                self._insert_fact(scope, fact, documents, now, (entity_kinds or {}))
            if rebuild:
                self.conn.execute(_CLAIM_INDEX)
            self.conn.execute("DELETE FROM places WHERE scope = ?", (scope,))
            self.conn.executemany(
                "INSERT INTO places (source, scope, place, place_country, place_point, claims, "
                "measures, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                place_rows(scope, claims))
            disputes = sum(f.verdict == "disagree" for f in facts)
            self.conn.execute(
                "INSERT INTO alignment_state (scope, generation, aligned, aligned_at, facts, "
                "disputes, names) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (scope) DO "
                "UPDATE SET aligned = ?2, aligned_at = ?3, facts = ?4, disputes = ?5, names = ?6",
                (scope, generation, now, len(facts), disputes, len(names)))
        return True

    def _rebuild_claim_index(self, scope: str, rows: int) -> bool:
        """Whether writing ``rows`` fact_claims rows of ``scope`` is faster with the claim
        index dropped and built again after (in the same transaction)."""
        if not self.rebuilds_claim_index or rows < REBUILD_CLAIM_INDEX_ROWS:
            return False
        others = self.conn.execute("SELECT COALESCE(SUM(claim_count), 0) FROM facts "
                                   "WHERE scope != ?", (scope,)).fetchone()[0]
        return rows * 4 >= int(others)

    def _insert_fact(self, scope: str, fact: Fact, documents: DocumentOf, now: str,
                     entity_kinds: dict[str, str]) -> None:
        spread, why = spread_and_why(fact)
        entity = fact.key.get("entity") if fact.kind == "name" else None
        seq = self.conn.execute(
            "INSERT INTO facts (id, scope, conflict, kind, is_name, verdict, subject, "
            "entity_kind, sort_key, key, record, claim_count, spread, why, aligned_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
            (fact.id, scope, _conflict(scope), fact.kind, int(fact.kind == "name"),
             fact.verdict, subject_of(fact), entity_kinds.get(str(entity)) if entity else None,
             sort_key(fact), json.dumps(fact.key, ensure_ascii=False, default=str),
             json.dumps(stored_record(fact), ensure_ascii=False, default=str),
             len(fact.claims), spread, why, now)).fetchone()[0]
        self.conn.executemany(
            "INSERT INTO fact_claims (fact, position, document_id, claim_id) VALUES (?, ?, ?, ?)",
            [(seq, i, documents(c), c.id) for i, c in enumerate(fact.claims)])

    # -- reading ------------------------------------------------------------------------------
    def stored_facts(self, conflict: str | None = None, *, names: bool = False) -> list[Fact]:
        """The stored facts (``names``: the name facts) of ``conflict`` (every conflict when
        None; "unknown": of none), as align() (name_variants) made them, in its order. Up to
        date only where is_stale says so."""
        if not names:
            return list(self.iter_facts(conflict))
        clauses, params = self._fact_filter(conflict, names=True)
        where = " AND ".join(clauses)
        found = [fact_of_row(f, ()) for f in self.conn.execute(
            f"SELECT f.seq, f.kind, f.record FROM facts f WHERE {where} "
            "ORDER BY f.kind, f.sort_key, f.seq", params)]
        found.sort(key=lambda f: (f.key["entity"], f.key["conflict"] or ""))
        return found

    def iter_facts(self, conflict: str | None = None, *, verdict: str | None = None,
                   subject: str | None = None, page: int = 500) -> Iterator[Fact]:
        """The stored quantity and event facts of ``conflict`` (of one ``verdict``; about one
        measure or event type, ``subject``) in stored_facts' order, read ``page`` facts at a
        time along the (kind, sort_key) index: the first come at once, and memory holds one
        page, however many facts there are."""
        clauses, params = self._fact_filter(conflict, verdict=verdict, subject=subject)
        where = " AND ".join(clauses)
        after: list[Any] = []
        while True:
            rows = self.conn.execute(
                f"SELECT f.seq, f.kind, f.sort_key, f.record FROM facts f WHERE {where}"
                + (" AND (f.kind, f.sort_key, f.seq) > (?, ?, ?)" if after else "")
                + " ORDER BY f.kind, f.sort_key, f.seq LIMIT ?", [*params, *after, page]).fetchall()
            if not rows:
                return
            claims: dict[int, list[Claim]] = {}
            for seq, record in self._claims_of_facts([r["seq"] for r in rows]):
                del record["document_id"]
                claims.setdefault(seq, []).append(claim_from_record(record))
            yield from (fact_of_row(r, tuple(claims.get(r["seq"], ()))) for r in rows)
            if len(rows) < page:
                return
            last = rows[-1]
            after = [last["kind"], last["sort_key"], last["seq"]]

    def fact_count(self, conflict: str | None = None, *, verdict: str | None = None,
                   subject: str | None = None) -> int:
        """How many quantity and event facts iter_facts would give."""
        clauses, params = self._fact_filter(conflict, verdict=verdict, subject=subject)
        where = " AND ".join(clauses)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM facts f WHERE {where}",
                                     params).fetchone()[0])

    @staticmethod
    def _fact_filter(conflict: str | None, *, names: bool = False, kind: str | None = None,
                     verdict: str | None = None,
                     subject: str | None = None) -> tuple[list[str], list[Any]]:
        """The WHERE clauses (and their parameters) of stored facts by these filters."""
        clauses: list[str] = ["f.is_name = ?"]
        params: list[Any] = [int(names)]
        for column, value in (("kind", kind), ("verdict", verdict), ("subject", subject)):
            if value is not None:
                clauses.append(f"f.{column} = ?")
                params.append(value)
        if conflict is not None:
            clauses.append("f.scope = ?")
            params.append(scope_of(conflict))
        return clauses, params

    def fact_page(self, conflict: str | None = None, kind: str | None = None,
                  verdict: str | None = None, measure: str | None = None,
                  cursor: str | None = None, limit: int = 50,
                  order: str = "key") -> tuple[list[dict[str, Any]], str | None]:
        """One page of stored facts and the next page's cursor (None after the last).

        ``kind`` None lists quantity and event facts; "name" lists name facts. ``measure``
        matches the measure, event type or (names) entity. ``order`` "key" lists facts as
        ``export facts`` does; "spread" largest spread first (disputes: the widest gap between
        sources first). Records are fact export records with full claim records (each with
        "document_id"); a dispute's also has "spread" and "why" (one line). ``limit`` is
        1..500; a cursor not given by this method for this order is one E403 line."""
        check_limit(limit)
        if order not in _ORDERS:
            raise CorroborateError(E.E403, "order", reason=f"{order!r}; choose key or spread")
        clauses, params = self._fact_filter(conflict, names=kind == "name", kind=kind,
                                            verdict=verdict, subject=measure)
        if order == "key":
            if cursor is not None:
                after = decode_cursor(cursor, "facts", (str, str, int))
                clauses.append("(f.kind, f.sort_key, f.seq) > (?, ?, ?)")
                params.extend(after)
            sequence = "f.kind, f.sort_key, f.seq"
        else:
            if cursor is not None:
                spread, seq = decode_cursor(cursor, "disputes", (float, int))
                clauses.append("f.spread <= ? AND (f.spread < ? OR f.seq > ?)")
                params.extend((spread, spread, seq))
            sequence = "f.spread DESC, f.seq"
        rows = self.conn.execute(
            "SELECT f.seq, f.kind, f.sort_key, f.spread, f.verdict, f.why, f.record FROM facts f "
            f"WHERE {' AND '.join(clauses)} ORDER BY {sequence} LIMIT ?",
            [*params, limit + 1]).fetchall()
        following = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            following = (encode_cursor("facts", last["kind"], last["sort_key"], last["seq"])
                         if order == "key" else
                         encode_cursor("disputes", float(last["spread"]), last["seq"]))
        return self._fact_records(rows), following

    def fact(self, fact_id: str) -> dict[str, Any] | None:
        """One stored fact's record (as fact_page gives it); None when there is none."""
        rows = self.conn.execute(
            "SELECT f.seq, f.kind, f.spread, f.verdict, f.why, f.record FROM facts f "
            "WHERE f.id = ? ORDER BY f.seq LIMIT 1", (fact_id,)).fetchall()
        return self._fact_records(rows)[0] if rows else None

    def _fact_records(self, rows: list[Any]) -> list[dict[str, Any]]:
        seqs = [r["seq"] for r in rows if r["kind"] != "name"]
        claims: dict[int, list[dict[str, Any]]] = {}
        if seqs:
            for seq, record in self._claims_of_facts(seqs):
                claims.setdefault(seq, []).append(record)
        records = []
        for row in rows:
            record = json.loads(row["record"])
            if row["kind"] != "name":
                record = {**{k: v for k, v in record.items() if k != "relations"},
                          "claims": claims.get(row["seq"], []),
                          "relations": record.get("relations", [])}
            if row["verdict"] == "disagree":
                record["spread"] = row["spread"]
                record["why"] = row["why"]
            records.append(record)
        return records

    def _claims_of_facts(self, seqs: list[int]) -> list[tuple[int, dict[str, Any]]]:
        """(fact seq, claim record with its document_id) of these facts, in each one's order."""
        found = self.conn.execute(
            f"SELECT fc.fact, {CLAIM_COLUMNS} FROM fact_claims fc "
            "JOIN claims c ON c.document_id = fc.document_id AND c.id = fc.claim_id "
            f"WHERE fc.fact IN ({','.join('?' * len(seqs))}) ORDER BY fc.fact, fc.position",
            seqs).fetchall()
        return [(row["fact"], record)
                for row, record in zip(found, claim_records(self.conn, found), strict=True)]

    def names(self, conflict: str | None = None) -> list[dict[str, Any]]:
        """Stored name facts as {"entity", "kind" ("place" or "actor"), "conflict", "variants":
        [{"source", "written": [...]}]}, by entity."""
        clauses, params = ["is_name = 1"], []
        if conflict is not None:
            clauses.append("scope = ?")
            params.append(scope_of(conflict))
        rows = self.conn.execute(f"SELECT subject, entity_kind, conflict, record FROM facts "
                                 f"WHERE {' AND '.join(clauses)} ORDER BY subject, scope", params)
        return [{"entity": r["subject"], "kind": r["entity_kind"], "conflict": r["conflict"],
                 "variants": [{"source": s, "written": list(used)} for s, used in
                              (json.loads(r["record"]).get("variants") or {}).items()]}
                for r in rows]

    def place_summary(self, conflict: str | None = None,
                      source: str | None = None) -> list[dict[str, Any]]:
        """Claims per place (of one conflict, one source, or all), made when conflicts are
        aligned: {"place", "place_country", "place_point", "claims", "measures": {measure or
        event type: count}, "claim_refs": up to 20 [document_id, claim_id]}; most claims first."""
        clauses, params = ["source = ?"], [source or ""]
        if conflict is not None:
            clauses.append("scope = ?")
            params.append(scope_of(conflict))
        merged: dict[str, dict[str, Any]] = {}
        for row in self.conn.execute(
                "SELECT place, place_country, place_point, claims, measures, refs FROM places "
                f"WHERE {' AND '.join(clauses)}", params):
            entry = merged.get(row["place"])
            measures = json.loads(row["measures"])
            refs = json.loads(row["refs"])
            if entry is None:
                merged[row["place"]] = {
                    "place": row["place"], "place_country": row["place_country"],
                    "place_point": json.loads(row["place_point"] or "null"),
                    "claims": row["claims"], "measures": measures, "claim_refs": refs}
                continue
            entry["claims"] += row["claims"]
            for name, n in measures.items():
                entry["measures"][name] = entry["measures"].get(name, 0) + n
            entry["claim_refs"] = (entry["claim_refs"] + refs)[:PLACE_REFS]
        return sorted(merged.values(), key=lambda e: (-e["claims"], e["place"]))

    def counts(self, conflict: str | None = None) -> dict[str, int]:
        """{"sources", "documents", "claims", "facts", "disputes", "names"} of one conflict
        ("unknown": of none) or all; facts and disputes are quantity and event facts, as of
        the last alignment. Read from indexes and the small tables, never the documents' rows."""
        where, params = "", []
        if conflict is not None and scope_of(conflict) == "":
            where = " AND d.conflict IS NULL"
        elif conflict is not None:
            where, params = " AND d.conflict = ?", [conflict]
        documents, claims = self.conn.execute(
            "SELECT COUNT(*), coalesce(SUM(d.claim_count), 0) FROM documents d "
            f"WHERE 1 = 1{where}", params).fetchone()
        sources = self.conn.execute(
            "SELECT COUNT(*) FROM sources s WHERE EXISTS (SELECT 1 FROM documents d "
            f"WHERE d.source = s.slug{where})", params).fetchone()[0]
        state = "" if conflict is None else " WHERE scope = ?"
        facts = self.conn.execute(
            "SELECT coalesce(SUM(facts), 0), coalesce(SUM(disputes), 0), "
            f"coalesce(SUM(names), 0) FROM alignment_state{state}",
            [] if conflict is None else [scope_of(conflict)]).fetchone()
        return {"sources": int(sources), "documents": int(documents), "claims": int(claims),
                "facts": int(facts[0]), "disputes": int(facts[1]), "names": int(facts[2])}

    def conflict_counts(self) -> list[dict[str, Any]]:
        """Per conflict with documents: {"name" (None: no known conflict), "documents",
        "sources", "claims", "facts", "disputes", "names", "stale"}; known conflicts by name,
        then the unknown."""
        found = []
        for row in self.conn.execute("SELECT scope, generation > aligned AS stale "
                                     "FROM alignment_state").fetchall():
            name = _conflict(row["scope"])
            counts = self.counts(UNKNOWN if name is None else name)
            if counts["documents"]:
                found.append({"name": name, **counts, "stale": bool(row["stale"])})
        return sorted(found, key=lambda c: (c["name"] is None, c["name"] or ""))

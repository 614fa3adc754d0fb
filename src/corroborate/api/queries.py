"""Every library call the API makes, in one module: what is read from the store, and how.

Until the store pages claims and keeps facts itself, a request reads from a ``Snapshot``: every
claim with its document id, the facts and the names, computed once per state of the database
(its documents and claim counts) and shared by every request and thread.
"""

from __future__ import annotations

import bisect
import hashlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from corroborate.align import Fact, name_variants
from corroborate.align.scope import scoped
from corroborate.api.params import first_day, last_day
from corroborate.documents.conflicts import UNKNOWN, canonical_conflict
from corroborate.extract.resolve import find_actors, find_places
from corroborate.model import Claim, claim_to_record
from corroborate.pipeline import facts_of
from corroborate.store import SQLiteStore

__all__ = ["ClaimFilter", "NamedEntity", "Snapshot", "StoredClaim", "claim_record",
           "resolve_conflict", "snapshot"]


@dataclass(frozen=True)
class StoredClaim:
    """A claim with where it is stored: its document's id and its position in that document."""

    document_id: int
    position: int
    claim: Claim

    @property
    def sort_key(self) -> list[Any]:
        return [self.document_id, self.position, self.claim.id]


@dataclass(frozen=True)
class NamedEntity:
    """Which names each source writes for one place or actor of one conflict."""

    entity: str
    kind: str  # place | actor
    conflict: str | None
    variants: dict[str, list[str]]  # source -> names as written, most used first


@dataclass
class Snapshot:
    """What the API reads, computed once per state of the database."""

    signature: str
    claims: list[StoredClaim]
    document_ids: dict[tuple[str, str], int]  # (claim.document, claim.id) -> document id
    _facts: list[Fact] | None = None
    _names: list[NamedEntity] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def facts(self, store: SQLiteStore) -> list[Fact]:
        """Quantity and event facts of every conflict, ordered by id."""
        with self._lock:
            if self._facts is None:
                self._facts = sorted(facts_of(store), key=lambda f: f.id)
            return self._facts

    def names(self, store: SQLiteStore) -> list[NamedEntity]:
        with self._lock:
            if self._names is None:
                self._names = _names(store)
            return self._names

    def facts_of_claim(self, store: SQLiteStore, document: str, claim_id: str) -> list[str]:
        return [f.id for f in self.facts(store)
                if any(c.id == claim_id and c.document == document for c in f.claims)]


_cache: dict[str, Snapshot] = {}
_cache_lock = threading.Lock()
_CACHED_DATABASES = 4  # a process serves one database; tests open many


def snapshot(store: SQLiteStore) -> Snapshot:
    """The snapshot of the database's present state (built once, by one thread)."""
    signature = _signature(store)
    with _cache_lock:
        found = _cache.get(store.path)
        if found is None or found.signature != signature:
            found = _build(store, signature)
            _cache.pop(store.path, None)
            while len(_cache) >= _CACHED_DATABASES:
                del _cache[next(iter(_cache))]  # the one cached longest ago
            _cache[store.path] = found
        return found


def _signature(store: SQLiteStore) -> str:
    """Changes whenever a document is added, replaced, re-extracted or given another conflict."""
    digest = hashlib.sha256()
    for row in store.conn.execute(
            "SELECT id, content_hash, coalesce(claim_count, -1), coalesce(conflict, ''), "
            "coalesce(extracted_with, ''), ingested_at FROM documents ORDER BY id"):
        digest.update(repr(tuple(row)).encode("utf-8"))
    digest.update(repr(store.conn.execute("SELECT count(*) FROM claims").fetchone()[0]).encode())
    return digest.hexdigest()


def _build(store: SQLiteStore, signature: str) -> Snapshot:
    # store.claims() gives no document ids: the same rows in the same order give them
    where = store.conn.execute(
        "SELECT c.document_id, c.position FROM claims c JOIN documents d ON d.id = c.document_id "
        "ORDER BY c.source, c.document_id, c.position, c.id").fetchall()
    stored = [StoredClaim(int(row[0]), int(row[1]), c)
              for row, c in zip(where, store.claims(), strict=True)]
    stored.sort(key=lambda s: (s.document_id, s.position, s.claim.id))
    return Snapshot(signature, stored, {(s.claim.document, s.claim.id): s.document_id
                                        for s in stored})


def _names(store: SQLiteStore) -> list[NamedEntity]:
    """Names as written per source, each entity marked place or actor (names_of drops which)."""
    mentions: dict[tuple[str | None, str], list[tuple[str, str, str, str]]] = {}
    for _id, text in store.texts():
        own = text.document.conflict
        slug = text.document.source.slug
        for m in find_places(text.text):
            mentions.setdefault((own, "place"), []).append((slug, "place", m.canonical, m.written))
        for a in find_actors(text.text):
            if a.role == "name":
                mentions.setdefault((own, "actor"), []).append(
                    (slug, "actor", a.canonical, a.written))
    entities = []
    for (own, kind), said in mentions.items():
        for fact in name_variants(said):
            variants = getattr(fact, "variants", None) or {}
            _fact_id, key = scoped(fact.kind, fact.id, fact.key, own)
            entities.append(NamedEntity(str(key["entity"]), kind, own,
                                        {s: list(used) for s, used in variants.items()}))
    return sorted(entities, key=lambda e: (e.entity, e.kind, e.conflict or ""))


def resolve_conflict(store: SQLiteStore, value: str | None) -> str | None:
    """The stored conflict ``value`` names (its name, another name of it, any case), UNKNOWN for
    "unknown", else ``value`` itself (which then matches nothing)."""
    if value is None:
        return None
    if value.strip().lower() == UNKNOWN:
        return UNKNOWN
    wanted = {canonical_conflict(value).casefold(), value.strip().casefold()}
    for entry in store.conflicts():
        name = entry["conflict"]
        if name is not None and name.casefold() in wanted:
            return str(name)
    return value


def in_conflict(claim: Claim, conflict: str | None) -> bool:
    if conflict is None:
        return True
    return claim.conflict == (None if conflict == UNKNOWN else conflict)


def claim_record(stored: StoredClaim) -> dict[str, Any]:
    """The claim export record plus the document's id."""
    return {**claim_to_record(stored.claim), "document_id": stored.document_id}


@dataclass(frozen=True)
class ClaimFilter:
    """The filters of GET /api/claims; None keeps all."""

    conflict: str | None = None
    kind: str | None = None
    measure: str | None = None
    event_type: str | None = None
    side: str | None = None
    group: str | None = None
    place: str | None = None
    source: str | None = None
    document: int | None = None
    time_from: str | None = None  # first day of the wanted span
    time_to: str | None = None  # last day of the wanted span
    words: tuple[str, ...] = ()

    def predicates(self) -> list[Callable[[StoredClaim], bool]]:
        """One test per filter given."""
        tests: list[Callable[[StoredClaim], bool]] = []
        if self.conflict is not None:
            tests.append(lambda s: in_conflict(s.claim, self.conflict))
        for name in ("kind", "measure", "event_type", "side", "group", "place", "source"):
            wanted = getattr(self, name)
            if wanted is not None:
                tests.append(_field_is(name, wanted))
        if self.document is not None:
            tests.append(lambda s: s.document_id == self.document)
        if self.time_from is not None or self.time_to is not None:
            tests.append(self._in_time)
        if self.words:
            tests.append(lambda s: all(w in s.claim.evidence.text.casefold() for w in self.words))
        return tests

    def _in_time(self, stored: StoredClaim) -> bool:
        claim = stored.claim
        if claim.time is not None and (claim.time.start or claim.time.end):
            start, end = first_day(claim.time.start), last_day(claim.time.end)
        elif claim.date:
            start, end = first_day(claim.date), last_day(claim.date)
        else:
            return False
        return ((self.time_to is None or start is None or start <= self.time_to)
                and (self.time_from is None or end is None or end >= self.time_from))


def _field_is(name: str, wanted: str) -> Callable[[StoredClaim], bool]:
    return lambda stored: bool(getattr(stored.claim, name) == wanted)


def select_claims(snap: Snapshot, wanted: ClaimFilter, after: list[Any] | None,
                  limit: int) -> tuple[list[StoredClaim], list[Any] | None]:
    """One page of the claims ``wanted`` keeps, after the sort key ``after``; and the sort key
    to continue from, None when this is the last page."""
    tests = wanted.predicates()
    page: list[StoredClaim] = []
    for stored in _after(snap.claims, after):
        if all(t(stored) for t in tests):
            if len(page) == limit:
                return page, page[-1].sort_key
            page.append(stored)
    return page, None


def _after(claims: list[StoredClaim], after: list[Any] | None) -> Iterable[StoredClaim]:
    if after is None:
        return claims
    keys = [(s.document_id, s.position, s.claim.id) for s in claims]
    return claims[bisect.bisect_right(keys, tuple(after)):]


def find_claim(snap: Snapshot, document_id: int, claim_id: str) -> StoredClaim | None:
    for stored in snap.claims:
        if stored.document_id == document_id and stored.claim.id == claim_id:
            return stored
    return None


def select_facts(facts: list[Fact], conflict: str | None, kind: str | None,
                 verdict: str | None, measure: str | None) -> list[Fact]:
    """The facts the filters keep (``measure`` matches a measure or an event type)."""
    def keep(f: Fact) -> bool:
        key = f.key
        return ((conflict is None or key.get("conflict") == (None if conflict == UNKNOWN
                                                             else conflict))
                and (kind is None or f.kind == kind)
                and (verdict is None or f.verdict == verdict)
                and (measure is None or measure in (key.get("measure"), key.get("event_type"))))
    return [f for f in facts if keep(f)]


def fact_record(fact: Fact, document_ids: dict[tuple[str, str], int]) -> dict[str, Any]:
    """The fact export record; each claim also carries its document's id."""
    record = fact.record()
    for claim in record["claims"]:
        claim["document_id"] = document_ids.get((claim.get("document", ""), claim.get("id", "")))
    return record

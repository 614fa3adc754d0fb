"""Every library call the API makes, in one module: the store's indexed, paged reads.

Claims, facts, names, places and counts come from the store's tables (stored alignment), a page
at a time with the store's keyset cursors, so a request reads about ``limit`` rows however large
the database is. A database whose facts are out of date (written by an older corroborate, or an
alignment interrupted) is aligned once when the app starts (``realign_stale``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

from corroborate.documents.conflicts import UNKNOWN, canonical_conflict
from corroborate.errors import CorroborateError
from corroborate.pipeline import realign
from corroborate.store import ClaimQuery, SQLiteStore, open_store

__all__ = ["ClaimQuery", "all_claims", "cached", "claim_page", "realign_stale",
           "resolve_conflict"]

PAGE = 500  # the store's largest page
T = TypeVar("T")

# Answers that read every row of a kind (names, the timeline) are kept until the database file
# changes: any commit grows or rewrites the -wal file or the file itself.
_answers: dict[tuple[str, Hashable], tuple[tuple[int, ...], Any]] = {}
_answers_lock = threading.Lock()
_KEPT_ANSWERS = 64


def _state(store: SQLiteStore) -> tuple[int, ...]:
    """What changes whenever the database does: a server store's write counter, else the
    times and sizes of the SQLite file and its -wal."""
    data_version = getattr(store, "data_version", None)
    if callable(data_version):
        return (int(data_version()),)
    return _file_state(store.path)


def _file_state(db: str) -> tuple[int, ...]:
    state: list[int] = []
    for path in (db, db + "-wal"):
        try:
            found = os.stat(path)
        except OSError:
            state.extend((-1, -1))
            continue
        state.extend((found.st_mtime_ns, found.st_size))
    return tuple(state)


def cached(store: SQLiteStore, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its answer kept from a request made since the database last changed."""
    state = _state(store)  # before computing: a write meanwhile means compute again
    with _answers_lock:
        kept = _answers.get((store.path, key))
    if kept is not None and kept[0] == state:
        return kept[1]  # type: ignore[no-any-return]
    answer = compute()
    with _answers_lock:
        while len(_answers) >= _KEPT_ANSWERS:
            del _answers[next(iter(_answers))]
        _answers[(store.path, key)] = (state, answer)
    return answer


def realign_stale(db: str) -> str | None:
    """Align the conflicts whose facts are out of date, once, with a write connection; a line
    saying why not (a read-only or busy file) when that fails, else None."""
    with open_store(db, create=False, readonly=True) as store:
        if not store.is_stale():
            return None
    try:
        with open_store(db, create=False) as store:
            realign(store)
    except CorroborateError as exc:
        return f"{exc.line()} (facts and disputes are those stored before)"
    return None


def resolve_conflict(store: SQLiteStore, value: str | None) -> str | None:
    """The stored conflict ``value`` names (its name, another name of it, any case), UNKNOWN for
    "unknown", else ``value`` itself (which then matches nothing)."""
    if value is None:
        return None
    if value.strip().lower() == UNKNOWN:
        return UNKNOWN
    wanted = {canonical_conflict(value).casefold(), value.strip().casefold()}
    for name in store.conflict_names():  # an index skip-scan, not a read of every document
        if name.casefold() in wanted:
            return name
    return value


def claim_page(store: SQLiteStore, query: ClaimQuery, cursor: str | None,
               limit: int) -> tuple[list[dict[str, Any]], str | None]:
    """One page of claim records (plus "document_id") and the next page's cursor."""
    return store.claim_page(query, cursor, limit)


def events(store: SQLiteStore, conflict: str | None, source: str | None = None,
           event_types: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """The event claims (of one conflict, one source, these event types) as records."""
    if event_types is None:
        return list(all_claims(store, ClaimQuery(conflict=conflict, kind="event", source=source)))
    return [record for event_type in event_types for record in all_claims(
        store, ClaimQuery(conflict=conflict, kind="event", source=source, event_type=event_type))]


def all_claims(store: SQLiteStore, query: ClaimQuery) -> Iterator[dict[str, Any]]:
    """Every claim ``query`` keeps, in stored order, read a page at a time."""
    cursor = None
    while True:
        page, cursor = store.claim_page(query, cursor, PAGE)
        yield from page
        if cursor is None:
            return


def claim(store: SQLiteStore, document_id: int, claim_id: str) -> dict[str, Any] | None:
    """A claim record with the ids of the facts it is in; None when there is no such claim."""
    found = store.claim(document_id, claim_id)
    if found is None:
        return None
    return {**found, "facts": store.facts_of_claim(document_id, claim_id)}


def fact_page(store: SQLiteStore, *, conflict: str | None, kind: str | None,
              verdict: str | None, measure: str | None, cursor: str | None, limit: int,
              largest_first: bool = False) -> tuple[list[dict[str, Any]], str | None]:
    """A page of quantity and event fact records (disputes carry "why" and "spread")."""
    return store.fact_page(conflict, kind, verdict, measure, cursor, limit,
                           "spread" if largest_first else "key")


def fact(store: SQLiteStore, fact_id: str) -> dict[str, Any] | None:
    return store.fact(fact_id)


def names(store: SQLiteStore, conflict: str | None) -> list[dict[str, Any]]:
    return cached(store, ("names", conflict), lambda: store.names(conflict))


def place_summary(store: SQLiteStore, conflict: str | None,
                  source: str | None) -> list[dict[str, Any]]:
    return store.place_summary(conflict, source)


def counts(store: SQLiteStore) -> dict[str, int]:
    return store.counts()


def conflict_counts(store: SQLiteStore) -> list[dict[str, Any]]:
    return store.conflict_counts()

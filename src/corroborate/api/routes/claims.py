"""Claims (filtered, paged, as JSON, CSV or JSON Lines), facts and disputes."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from corroborate.align import Fact
from corroborate.api import queries
from corroborate.api.deps import ReadStore
from corroborate.api.disputes import spread, why
from corroborate.api.models import ClaimDetail, ClaimPage, DisputePage, FactPage, FactRecord
from corroborate.api.params import (
    DEFAULT_LIMIT,
    ClaimKind,
    CursorParam,
    ExportFormat,
    FactKind,
    LimitParam,
    Verdict,
    decode_cursor,
    encode_cursor,
    first_day,
    iso_prefix,
    last_day,
    unprocessable,
)
from corroborate.export import write_records

router = APIRouter(prefix="/api", tags=["claims and facts"])

Text = Annotated[str | None, Query(max_length=200)]
ConflictParam = Annotated[str | None, Query(max_length=200, description=(
    "A conflict: its name, another name of it, or 'unknown' for documents of none."))]
_MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


@router.get("/claims", response_model=ClaimPage, summary="Claims, filtered and paged",
            responses={200: {"content": {_MEDIA["csv"]: {}, _MEDIA["jsonl"]: {}}}})
def claims(store: ReadStore, conflict: ConflictParam = None, kind: ClaimKind | None = None,
           measure: Text = None, event_type: Text = None, side: Text = None,
           group: Text = None, place: Text = None, source: Text = None,
           document: Annotated[int | None, Query(ge=1, le=2**62)] = None,
           time_from: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
           time_to: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
           q: Annotated[str | None, Query(max_length=500, description="Words of the evidence")] = None,
           limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None,
           format: ExportFormat = ExportFormat.json) -> Any:
    """A claim matches time_from/time_to when its time (or date) overlaps them; q keeps claims
    whose evidence holds every word. csv and jsonl put the next cursor in X-Next-Cursor."""
    after = decode_cursor(cursor, "claims", (int, int, str))
    start, end = first_day(iso_prefix(time_from, "time_from")), last_day(iso_prefix(time_to, "time_to"))
    if start and end and start > end:
        raise unprocessable(f"time_from {time_from} is after time_to {time_to}")
    wanted = queries.ClaimFilter(
        conflict=queries.resolve_conflict(store, conflict),
        kind=None if kind is None else kind.value, measure=measure, event_type=event_type,
        side=side, group=group, place=place, source=source, document=document,
        time_from=start, time_to=end, words=tuple(q.casefold().split()) if q else ())
    page, last = queries.select_claims(queries.snapshot(store), wanted, after, limit)
    next_cursor = None if last is None else encode_cursor("claims", last)
    records = [queries.claim_record(s) for s in page]
    if format is ExportFormat.json:
        return {"items": records, "next_cursor": next_cursor}
    body = io.StringIO()
    write_records(records, format.value, body)
    headers = {} if next_cursor is None else {"X-Next-Cursor": next_cursor}
    return Response(body.getvalue(), media_type=_MEDIA[format.value], headers=headers)


@router.get("/claims/{document_id}/{claim_id}", response_model=ClaimDetail,
            summary="One claim, with the facts it is part of")
def claim(store: ReadStore, document_id: Annotated[int, Path(ge=1, le=2**62)],
          claim_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    snap = queries.snapshot(store)
    found = queries.find_claim(snap, document_id, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id} in document {document_id}")
    return {**queries.claim_record(found),
            "facts": snap.facts_of_claim(store, found.claim.document, claim_id)}


def dispute_record(fact: Fact, document_ids: dict[tuple[str, str], int]) -> dict[str, Any]:
    return {**queries.fact_record(fact, document_ids), "why": why(fact), "spread": spread(fact)}


def largest_first(disputes: list[Fact]) -> list[Fact]:
    return sorted(disputes, key=lambda f: (-spread(f), f.id))


def _page(items: list[Fact], key: Any, after: list[Any] | None,
          limit: int) -> tuple[list[Fact], list[Any] | None]:
    keys = [key(f) for f in items]
    begin = 0 if after is None else next((i for i, k in enumerate(keys) if k > after), len(keys))
    page = items[begin:begin + limit]
    more = begin + limit < len(items)
    return page, (keys[begin + limit - 1] if more else None)


@router.get("/facts", response_model=FactPage, summary="Facts, filtered and paged (by id)")
def facts(store: ReadStore, conflict: ConflictParam = None, kind: FactKind | None = None,
          verdict: Verdict | None = None, measure: Text = None,
          limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None) -> dict[str, Any]:
    """measure matches a quantity fact's measure or an event fact's event type."""
    after = decode_cursor(cursor, "facts", (str,))
    snap = queries.snapshot(store)
    kept = queries.select_facts(snap.facts(store), queries.resolve_conflict(store, conflict),
                                None if kind is None else kind.value,
                                None if verdict is None else verdict.value, measure)
    page, last = _page(kept, lambda f: [f.id], after, limit)
    return {"items": [queries.fact_record(f, snap.document_ids) for f in page],
            "next_cursor": None if last is None else encode_cursor("facts", last)}


@router.get("/facts/{fact_id}", response_model=FactRecord, summary="One fact")
def fact(store: ReadStore, fact_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    snap = queries.snapshot(store)
    for found in snap.facts(store):
        if found.id == fact_id:
            return queries.fact_record(found, snap.document_ids)
    raise HTTPException(404, f"no fact {fact_id}")


@router.get("/disputes", response_model=DisputePage,
            summary="Facts on which sources disagree, largest spread first")
def disputes(store: ReadStore, conflict: ConflictParam = None, kind: FactKind | None = None,
             measure: Text = None, limit: LimitParam = DEFAULT_LIMIT,
             cursor: CursorParam = None) -> dict[str, Any]:
    """Each dispute says why it is one, and its spread: the largest figure over the smallest
    (for dates, 1 plus the years between them)."""
    after = decode_cursor(cursor, "disputes", (float, str))
    snap = queries.snapshot(store)
    kept = largest_first(queries.select_facts(
        snap.facts(store), queries.resolve_conflict(store, conflict),
        None if kind is None else kind.value, "disagree", measure))
    page, last = _page(kept, lambda f: [-spread(f), f.id], after, limit)
    return {"items": [dispute_record(f, snap.document_ids) for f in page],
            "next_cursor": None if last is None else encode_cursor("disputes", last)}

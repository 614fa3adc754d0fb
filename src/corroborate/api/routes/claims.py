"""Claims (filtered, paged, as JSON, CSV or JSON Lines), facts and disputes."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse, Response

from corroborate.api import queries
from corroborate.api.deps import ReadStore
from corroborate.api.models import ClaimDetail, ClaimPage, DisputePage, FactPage, FactRecord
from corroborate.api.params import (
    DEFAULT_LIMIT,
    ClaimKind,
    CursorParam,
    ExportFormat,
    FactKind,
    LimitParam,
    Verdict,
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
    start, end = first_day(iso_prefix(time_from, "time_from")), last_day(iso_prefix(time_to, "time_to"))
    if start and end and start > end:
        raise unprocessable(f"time_from {time_from} is after time_to {time_to}")
    wanted = queries.ClaimQuery(
        conflict=queries.resolve_conflict(store, conflict),
        kind=None if kind is None else kind.value, measure=measure, event_type=event_type,
        side=side, group=group, place=place, source=source, document_id=document,
        time_from=time_from, time_to=time_to, text=q if q and q.strip() else None)
    records, next_cursor = queries.claim_page(store, wanted, cursor, limit)
    if format is ExportFormat.json:
        # the store's records are in shape already: sent as they are, not checked again
        return JSONResponse({"items": records, "next_cursor": next_cursor})
    body = io.StringIO()
    write_records(records, format.value, body)
    headers = {} if next_cursor is None else {"X-Next-Cursor": next_cursor}
    return Response(body.getvalue(), media_type=_MEDIA[format.value], headers=headers)


@router.get("/claims/{document_id}/{claim_id}", response_model=ClaimDetail,
            summary="One claim, with the facts it is part of")
def claim(store: ReadStore, document_id: Annotated[int, Path(ge=1, le=2**62)],
          claim_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    found = queries.claim(store, document_id, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id} in document {document_id}")
    return found


@router.get("/facts", response_model=FactPage, summary="Facts, filtered and paged")
def facts(store: ReadStore, conflict: ConflictParam = None, kind: FactKind | None = None,
          verdict: Verdict | None = None, measure: Text = None,
          limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None) -> Any:
    """Quantity and event facts in the order export facts lists them; measure matches a
    quantity fact's measure or an event fact's event type."""
    items, following = queries.fact_page(
        store, conflict=queries.resolve_conflict(store, conflict),
        kind=None if kind is None else kind.value, verdict=None if verdict is None else verdict.value,
        measure=measure, cursor=cursor, limit=limit)
    return JSONResponse({"items": items, "next_cursor": following})


@router.get("/facts/{fact_id}", response_model=FactRecord, summary="One fact")
def fact(store: ReadStore, fact_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    found = queries.fact(store, fact_id)
    if found is None:
        raise HTTPException(404, f"no fact {fact_id}")
    return found


@router.get("/disputes", response_model=DisputePage,
            summary="Facts on which sources disagree, largest spread first")
def disputes(store: ReadStore, conflict: ConflictParam = None, kind: FactKind | None = None,
             measure: Text = None, limit: LimitParam = DEFAULT_LIMIT,
             cursor: CursorParam = None) -> Any:
    """Each dispute says why it is one, and its spread (for figures, the gap between the
    highest low figure and the lowest high one over that high; for dates, the years between)."""
    items, following = queries.fact_page(
        store, conflict=queries.resolve_conflict(store, conflict),
        kind=None if kind is None else kind.value, verdict="disagree", measure=measure,
        cursor=cursor, limit=limit, largest_first=True)
    return JSONResponse({"items": items, "next_cursor": following})

"""What is stored: overview, conflicts, sources, documents, names and full-text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse

from corroborate.api import queries
from corroborate.api.deps import ReadStore
from corroborate.api.models import (
    ConflictList,
    DocumentDetail,
    DocumentList,
    NameList,
    Overview,
    SearchResult,
    SourceList,
)
from corroborate.api.params import LimitParam, unprocessable
from corroborate.documents.conflicts import UNKNOWN
from corroborate.errors import CorroborateError
from corroborate.store import SQLiteStore

router = APIRouter(prefix="/api", tags=["catalog"])

ConflictParam = Annotated[str | None, Query(max_length=200, description=(
    "A conflict: its name, another name of it, or 'unknown' for documents of none."))]


def _published(store: SQLiteStore) -> dict[str, str | None]:
    return {s["slug"]: s["published"] for s in store.sources()}


@router.get("/overview", response_model=Overview, summary="Counts, conflicts, largest disputes")
def overview(store: ReadStore) -> dict[str, Any]:
    largest, _next = queries.fact_page(store, conflict=None, kind=None, verdict="disagree",
                                       measure=None, cursor=None, limit=10, largest_first=True)
    return {
        "counts": queries.counts(store),
        "conflicts": [{**c, "name": c["name"] or UNKNOWN} for c in queries.conflict_counts(store)],
        "largest_disputes": largest,
    }


@router.get("/conflicts", response_model=ConflictList, summary="Conflicts with their documents")
def conflicts(store: ReadStore) -> dict[str, Any]:
    by_id: dict[str | None, list[dict[str, Any]]] = {}
    for doc in store.documents():
        by_id.setdefault(doc["conflict"], []).append(doc)
    items = []
    for entry in store.conflicts():
        docs = by_id.get(entry["conflict"], [])
        items.append({
            "name": entry["conflict"] or UNKNOWN, "inferred": entry["inferred"] > 0,
            "documents": [{"id": d["id"], "location": d["location"], "source": d["source"]}
                          for d in docs],
            "sources": entry["sources"]})
    return {"items": items}


@router.get("/sources", response_model=SourceList, summary="Sources with their counts")
def sources(store: ReadStore) -> dict[str, Any]:
    claims: dict[str, int] = {}
    for doc in store.documents():
        claims[doc["source"]] = claims.get(doc["source"], 0) + (doc["claim_count"] or 0)
    return {"items": [{"slug": s["slug"], "title": s["title"], "publisher": s["publisher"],
                       "url": s["url"], "kind": s["kind"], "license": s["license"],
                       "published": s["published"], "documents": s["documents"],
                       "claims": claims.get(s["slug"], 0)} for s in store.sources()]}


@router.get("/documents", response_model=DocumentList, summary="Stored documents")
def documents(store: ReadStore,
              source: Annotated[str | None, Query(max_length=200)] = None,
              conflict: ConflictParam = None) -> dict[str, Any]:
    published = _published(store)
    scope = queries.resolve_conflict(store, conflict)
    return {"items": [_document_item(d, published) for d in store.documents(source, scope)]}


def _document_item(doc: dict[str, Any], published: dict[str, str | None]) -> dict[str, Any]:
    return {"id": doc["id"], "source": doc["source"], "location": doc["location"],
            "conflict": doc["conflict"], "published": published.get(doc["source"]),
            "claims": doc["claim_count"]}


@router.get("/documents/{document_id}", response_model=DocumentDetail,
            summary="A document's text with its claims' offsets")
def document(store: ReadStore,
             document_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    doc = store.document(document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id}")
    claims = queries.all_claims(store, queries.ClaimQuery(document_id=document_id))
    return {**_document_item(doc, _published(store)), "text": doc["text"],
            "claims": [{**{k: c.get(k) for k in _DOCUMENT_CLAIM_FIELDS},
                        "start": c["evidence"]["start"], "end": c["evidence"]["end"],
                        "figure": None if c.get("figure") is None else
                        {"start": c["figure"]["start"], "end": c["figure"]["end"]}}
                       for c in claims]}


_DOCUMENT_CLAIM_FIELDS = ("id", "kind", "measure", "event_type", "value", "unit", "side", "group",
                          "place", "time", "date", "actor")


@router.get("/names", response_model=NameList, summary="Which names each source uses")
def names(store: ReadStore, conflict: ConflictParam = None) -> Any:
    # a JSONResponse: the list can be long, and each item is the store's, already in shape
    return JSONResponse({"items": queries.names(store, queries.resolve_conflict(store, conflict))})


@router.get("/search", response_model=SearchResult, summary="Full-text search")
def search(store: ReadStore, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: LimitParam = 50) -> dict[str, Any]:
    if not q.strip():
        raise unprocessable("q is empty; give words to search for")
    try:
        hits = store.search(q, limit=limit)
    except CorroborateError as exc:
        raise unprocessable(exc.line()) from None
    texts: dict[int, str] = {}
    items = []
    for hit in hits:
        if hit["document_id"] not in texts:
            found = store.document(hit["document_id"])
            texts[hit["document_id"]] = "" if found is None else found["text"]
        items.append(_placed(hit, texts[hit["document_id"]]))
    return {"items": items}


def _placed(hit: dict[str, Any], body: str) -> dict[str, Any]:
    """A hit whose ``start`` is where its snippet's words are in the document: SQLite's
    snippet is a window of its segment, with an ellipsis where it was cut."""
    text, highlights = hit["text"], hit["highlights"]
    segment = body[hit["start"]:hit["end"]]
    cut = 1 if text.startswith("…") and not segment.startswith("…") else 0
    words = text[cut:len(text) - (1 if text.endswith("…") and not segment.endswith("…") else 0)]
    at = segment.find(words)
    start = hit["start"]
    if at >= 0:
        start += at
        text = words
        highlights = [[a - cut, b - cut] for a, b in highlights]
    return {"document_id": hit["document_id"], "source": hit["source"],
            "location": hit["location"], "text": text, "highlights": highlights, "start": start}

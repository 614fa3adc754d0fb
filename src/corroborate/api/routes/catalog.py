"""What is stored: overview, conflicts, sources, documents, names and full-text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

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
from corroborate.api.routes.claims import dispute_record, largest_first
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
    snap = queries.snapshot(store)
    facts = snap.facts(store)
    disputes = [f for f in facts if f.verdict == "disagree"]
    conflicts = []
    for entry in store.conflicts():
        name = entry["conflict"]
        conflicts.append({
            "name": name or UNKNOWN, "documents": len(entry["documents"]),
            "sources": len(entry["sources"]),
            "claims": sum(1 for s in snap.claims if s.claim.conflict == name),
            "disputes": sum(1 for f in disputes if f.key.get("conflict") == name)})
    return {
        "counts": {"sources": len(store.sources()), "documents": len(store.documents()),
                   "claims": len(snap.claims), "facts": len(facts), "disputes": len(disputes)},
        "conflicts": conflicts,
        "largest_disputes": [dispute_record(f, snap.document_ids)
                             for f in largest_first(disputes)[:10]],
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
    published = _published(store)
    snap = queries.snapshot(store)
    claims = [s.claim for s in snap.claims if s.document_id == document_id]
    return {**_document_item(doc, published), "text": doc["text"],
            "claims": [{
                "id": c.id, "kind": c.kind, "measure": c.measure, "event_type": c.event_type,
                "value": None if c.value is None else vars(c.value), "unit": c.unit,
                "side": c.side, "group": c.group, "place": c.place,
                "time": None if c.time is None else vars(c.time), "date": c.date,
                "actor": c.actor, "start": c.evidence.start, "end": c.evidence.end,
                "figure": None if c.figure is None else
                {"start": c.figure.start, "end": c.figure.end}} for c in claims]}


@router.get("/names", response_model=NameList, summary="Which names each source uses")
def names(store: ReadStore, conflict: ConflictParam = None) -> dict[str, Any]:
    scope = queries.resolve_conflict(store, conflict)
    wanted = None if scope is None else (None if scope == UNKNOWN else scope)
    return {"items": [
        {"entity": e.entity, "kind": e.kind, "conflict": e.conflict,
         "variants": [{"source": s, "written": w} for s, w in e.variants.items()]}
        for e in queries.snapshot(store).names(store)
        if scope is None or e.conflict == wanted]}


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

"""Response models: what /openapi.json documents for each route (records may carry more keys)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "ClaimDetail", "ClaimPage", "ClaimRecord", "ConflictList", "Control", "ControlSourceList",
    "DisputePage", "DisputeRecord", "DocumentDetail", "DocumentList", "FactPage", "FactRecord",
    "FeatureCollection", "IngestResult", "NameList", "Overview", "SearchResult", "SourceList",
    "Timeline",
]


class _Open(BaseModel):
    """A record that may carry keys added after this model was written."""

    model_config = ConfigDict(extra="allow")


class Value(BaseModel):
    low: float
    high: float
    bound: str


class TimeSpan(BaseModel):
    start: str | None = None
    end: str | None = None


class Span(BaseModel):
    start: int
    end: int
    text: str


class Offsets(BaseModel):
    start: int
    end: int


class ClaimRecord(_Open):
    """A claim as in the export contract (shared/spec/claims.md), plus its document's id."""

    id: str
    source: str
    document: str
    document_id: int | None = None
    conflict: str | None = None
    kind: str
    measure: str | None = None
    value: Value | None = None
    unit: str | None = None
    side: str | None = None
    side_as_written: str | None = None
    group: str | None = None
    place: str | None = None
    place_as_written: str | None = None
    place_country: str | None = None
    place_point: list[float] | None = None
    time: TimeSpan | None = None
    event_type: str | None = None
    event_as_written: str | None = None
    date: str | None = None
    actor: str | None = None
    actor_as_written: str | None = None
    evidence: Span
    figure: Span | None = None
    clause: int | None = None
    table_row: str | None = None
    extractor: str | None = None


class ClaimPage(BaseModel):
    items: list[ClaimRecord]
    next_cursor: str | None


class ClaimDetail(ClaimRecord):
    facts: list[str]


class NameClaim(_Open):
    """One source's way of writing a name fact's entity (a name fact's "claims")."""

    source: str
    kind: Literal["name"]
    entity: str | None
    as_written: str
    times: int


class FactRecord(_Open):
    """A fact as in the export contract: its key, verdict, common interval and full claims
    (for a name fact, GET /api/facts/{id} only: each source's spelling)."""

    id: str
    kind: str
    key: dict[str, Any]
    verdict: str
    interval: dict[str, float | None] | None = None
    sources: list[str]
    claims: list[ClaimRecord | NameClaim]
    relations: list[dict[str, str]] = []


class DisputeRecord(FactRecord):
    why: str
    spread: float


class FactPage(BaseModel):
    items: list[FactRecord]
    next_cursor: str | None


class DisputePage(BaseModel):
    items: list[DisputeRecord]
    next_cursor: str | None


class Counts(BaseModel):
    sources: int
    documents: int
    claims: int
    facts: int
    disputes: int


class ConflictSummary(BaseModel):
    name: str
    documents: int
    sources: int
    claims: int
    disputes: int


class Overview(BaseModel):
    counts: Counts
    conflicts: list[ConflictSummary]
    largest_disputes: list[DisputeRecord]


class DocumentRef(BaseModel):
    id: int
    location: str
    source: str


class ConflictItem(BaseModel):
    name: str
    inferred: bool
    documents: list[DocumentRef]
    sources: list[str]


class ConflictList(BaseModel):
    items: list[ConflictItem]


class SourceItem(BaseModel):
    slug: str
    title: str
    publisher: str | None
    url: str | None
    kind: str | None
    license: str | None
    published: str | None
    documents: int
    claims: int


class SourceList(BaseModel):
    items: list[SourceItem]


class DocumentItem(BaseModel):
    id: int
    source: str
    location: str
    conflict: str | None
    published: str | None
    claims: int | None


class DocumentList(BaseModel):
    items: list[DocumentItem]


class DocumentClaim(BaseModel):
    """A claim as the document view needs it: what it says and where its words are."""

    id: str
    kind: str
    measure: str | None
    event_type: str | None
    value: Value | None
    unit: str | None
    side: str | None
    group: str | None
    place: str | None
    time: TimeSpan | None
    date: str | None
    actor: str | None
    start: int
    end: int
    figure: Offsets | None


class DocumentDetail(BaseModel):
    id: int
    source: str
    location: str
    conflict: str | None
    published: str | None
    text: str
    claims: list[DocumentClaim]


class NameVariant(BaseModel):
    source: str
    written: list[str]


class NameItem(BaseModel):
    entity: str
    kind: Literal["place", "actor"]
    conflict: str | None
    variants: list[NameVariant]


class NameList(BaseModel):
    items: list[NameItem]


class SearchItem(BaseModel):
    document_id: int
    source: str
    location: str
    text: str
    highlights: list[list[int]]
    start: int


class SearchResult(BaseModel):
    items: list[SearchItem]


class Feature(BaseModel):
    type: Literal["Feature"]
    geometry: dict[str, Any] | None
    properties: dict[str, Any]


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    features: list[Feature]
    attribution: list[str]


class ControlSource(BaseModel):
    source: str
    events: int
    first: str
    last: str


class ControlSourceList(BaseModel):
    items: list[ControlSource]


class ControlPlace(_Open):
    place: str
    state: Literal["captured", "returned", "unknown"]
    holder: str | None
    since: str | None
    claim_id: str
    document_id: int


class Control(BaseModel):
    date: str
    source: str
    places: list[ControlPlace]


class TimelineItem(BaseModel):
    claim_id: str
    document_id: int
    source: str
    event_type: str
    date: str
    start: str
    end: str
    place: str | None
    actor: str | None
    evidence: str


class Timeline(BaseModel):
    items: list[TimelineItem]


class Outcome(BaseModel):
    location: str
    status: str
    error: str | None
    claims: int | None


class IngestResult(BaseModel):
    outcomes: list[Outcome]

"""Shared records: the one module every stage imports.

Records are plain frozen dataclasses (a segment, built ~10^5 times a large document, a named
tuple) so that every stage can build and read them without depending on another stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "Claim",
    "Document",
    "Evidence",
    "Segment",
    "Source",
    "Text",
    "TimeSpan",
    "Value",
    "claim_from_record",
    "claim_to_record",
]


@dataclass(frozen=True)
class Source:
    """Who said it: one entry of a sources manifest."""

    slug: str
    title: str
    publisher: str | None = None
    url: str | None = None
    kind: str | None = None
    license: str | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    conflict: str | None = None  # the conflict its documents are about, when the manifest says
    published: str | None = None  # ISO 8601 prefix: YYYY, YYYY-MM or YYYY-MM-DD


@dataclass(frozen=True)
class Document:
    """One read document: its normalized text is what every offset refers to."""

    source: Source
    location: str
    text: str
    content_hash: str
    media_type: str
    size_bytes: int
    warnings: tuple[str, ...] = ()
    conflict: str | None = None  # canonical conflict name; None when unknown
    conflict_inferred: bool = False  # True when read from the text, not given


class Segment(NamedTuple):
    """A span of normalized text: a sentence, a heading, a list item or a table cell.

    ``table`` and ``row``/``column`` place a cell inside a table laid out one cell per line.
    (A tuple: a large document has ~10^5 segments, each built in a third of a frozen
    dataclass's time and held in less memory.)
    """

    start: int
    end: int
    kind: str
    table: int | None = None
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Text:
    """A document's normalized text cut into segments; every later offset refers to ``text``."""

    document: Document
    text: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Value:
    low: float
    high: float
    bound: str  # exact | about | at_least | at_most | range


@dataclass(frozen=True)
class TimeSpan:
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Claim:
    """What one source says: a figure or a dated event, with the words that say it."""

    id: str
    source: str
    document: str
    kind: str  # quantity | event
    evidence: Evidence
    extractor: str
    measure: str | None = None
    value: Value | None = None
    unit: str | None = None
    side: str | None = None
    side_as_written: str | None = None
    group: str | None = None
    place: str | None = None
    place_as_written: str | None = None
    place_country: str | None = None  # ISO 3166-1 alpha-2 of the resolved place
    place_point: tuple[float, float] | None = None  # (lon, lat) of the resolved place
    time: TimeSpan | None = None
    event_type: str | None = None
    event_as_written: str | None = None
    date: str | None = None
    actor: str | None = None
    actor_as_written: str | None = None
    figure: Evidence | None = None
    clause: int | None = None  # which clause of the evidence sentence states it (0 = first)
    table_row: str | None = None  # "table 0, row 7" for a figure read from a table cell
    conflict: str | None = None  # its document's conflict (set by the store when read back)


def _span_record(span: Evidence | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def claim_to_record(claim: Claim) -> dict[str, Any]:
    """The claim export contract's JSON object for a claim (see docs/claims.md)."""
    return {
        "id": claim.id,
        "source": claim.source,
        "document": claim.document,
        "conflict": claim.conflict,
        "kind": claim.kind,
        "measure": claim.measure,
        "value": None if claim.value is None else
        {"low": claim.value.low, "high": claim.value.high, "bound": claim.value.bound},
        "unit": claim.unit,
        "side": claim.side,
        "side_as_written": claim.side_as_written,
        "group": claim.group,
        "place": claim.place,
        "place_as_written": claim.place_as_written,
        "place_country": claim.place_country,
        "place_point": None if claim.place_point is None else list(claim.place_point),
        "time": None if claim.time is None else {"start": claim.time.start, "end": claim.time.end},
        "event_type": claim.event_type,
        "event_as_written": claim.event_as_written,
        "date": claim.date,
        "actor": claim.actor,
        "actor_as_written": claim.actor_as_written,
        "evidence": _span_record(claim.evidence),
        "figure": _span_record(claim.figure),
        "clause": claim.clause,
        "table_row": claim.table_row,
        "extractor": claim.extractor,
    }


def _span(raw: dict[str, Any] | None) -> Evidence | None:
    return None if raw is None else Evidence(int(raw["start"]), int(raw["end"]), str(raw["text"]))


def claim_from_record(record: dict[str, Any]) -> Claim:
    """The inverse of ``claim_to_record``."""
    value = record.get("value")
    time = record.get("time")
    evidence = _span(record["evidence"])
    assert evidence is not None
    return Claim(
        id=record["id"], source=record["source"], document=record.get("document", ""),
        kind=record["kind"], evidence=evidence, extractor=record.get("extractor", ""),
        measure=record.get("measure"),
        value=None if value is None else Value(value["low"], value["high"], value["bound"]),
        unit=record.get("unit"), side=record.get("side"),
        side_as_written=record.get("side_as_written"), group=record.get("group"),
        place=record.get("place"), place_as_written=record.get("place_as_written"),
        place_country=record.get("place_country"),
        place_point=None if record.get("place_point") is None else
        (float(record["place_point"][0]), float(record["place_point"][1])),
        time=None if time is None else TimeSpan(time.get("start"), time.get("end")),
        event_type=record.get("event_type"), event_as_written=record.get("event_as_written"),
        date=record.get("date"), actor=record.get("actor"),
        actor_as_written=record.get("actor_as_written"), figure=_span(record.get("figure")),
        clause=record.get("clause"), table_row=record.get("table_row"),
        conflict=record.get("conflict"),
    )

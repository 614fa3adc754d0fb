"""Claim records from readings: a quantity's or an event's ``Claim`` with its id and evidence.
Split from ``__init__.py``."""

from __future__ import annotations

import hashlib
from dataclasses import fields
from typing import Any

from corroborate.extract.events import EventReading
from corroborate.extract.quantities import Reading
from corroborate.extract.window import evidence_span
from corroborate.model import Claim, Evidence, Segment, Text, TimeSpan, Value

__all__ = ["EXTRACTOR_NAME", "event_claim", "quantity_claim"]

EXTRACTOR_NAME = "corroborate.extractor.rules.v1"


def _claim_id(key: str) -> str:
    """A claim's id from its key: its parts joined by "|" as ``str`` writes each (an f-string
    field with no format spec is ``str``'s text; one f-string, not a join of ``str`` calls)."""
    return f"c-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


# Every field of a Claim with its default: a claim is built from these and the fields given.
_CLAIM_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(Claim)}


def _new_claim(**given: Any) -> Claim:
    """``Claim(**given)`` without the frozen dataclass's ``__init__``, which sets each of its 26
    fields through ``object.__setattr__`` (~5 us a claim, a tenth of reading a sentence that
    yields one): the same object, its ``__dict__`` filled at once."""
    claim = object.__new__(Claim)
    object.__setattr__(claim, "__dict__", {**_CLAIM_DEFAULTS, **given})
    return claim


def _document_name(text: Text) -> str:
    """The file name the claim export shows; ids use the full location (``_claim_id``)."""
    location = text.document.location
    return location.rstrip("/").rsplit("/", 1)[-1] or location


# The last text's source slug, location and file name (one entry: a document's claims are
# built one after the other, and each names them).
_last_document: tuple[Text, str, str, str] | None = None


def _document_of(text: Text) -> tuple[str, str, str]:
    """The source slug, location and file name (``_document_name``) of a text's claims."""
    global _last_document
    last = _last_document
    if last is not None and last[0] is text:
        return last[1], last[2], last[3]
    document = text.document
    _last_document = (text, document.source.slug, document.location, _document_name(text))
    return _last_document[1:]


def _evidence(body: str, seg: Segment, focus_start: int, focus_end: int) -> Evidence:
    start, end = evidence_span(body, seg.start, seg.end, focus_start, focus_end)
    return Evidence(start, end, body[start:end])


def quantity_claim(text: Text, seg: Segment, r: Reading) -> Claim:
    body = text.text
    f = r.figure
    # an empty end is an open one ("since 1982")
    time = None if r.time is None else TimeSpan(r.time.start_iso, r.time.end_iso or None)
    side = r.side.canonical if r.side else None
    slug, location, name = _document_of(text)
    return _new_claim(
        id=_claim_id(f"{slug}|{location}|{f.start}|{f.end}|"
                     f"{r.measure}|{side}|{r.group}|{f.low}|{f.high}"),
        source=slug,
        document=name,
        kind="quantity",
        evidence=_evidence(body, seg, f.start, f.end),
        figure=Evidence(f.start, f.end, body[f.start:f.end]),
        extractor=EXTRACTOR_NAME,
        measure=r.measure,
        value=Value(f.low, f.high, f.bound),
        unit=r.unit,
        side=side,
        side_as_written=r.side.written if r.side else None,
        group=r.group,
        place=r.place.canonical if r.place else None,
        place_as_written=r.place.written if r.place else None,
        place_country=r.place.country if r.place else None,
        place_point=r.place.point if r.place else None,
        time=time,
        clause=r.clause,
        table_row=None if seg.table is None else f"table {seg.table}, row {seg.row}",
    )


def event_claim(text: Text, seg: Segment, e: EventReading) -> Claim:
    body = text.text
    start = min(e.trigger[0], e.date.start, e.place.start if e.place else e.trigger[0])
    end = max(e.trigger[1], e.date.end, e.place.end if e.place else e.trigger[1])
    place = e.place.canonical if e.place else None
    slug, location, name = _document_of(text)
    return _new_claim(
        id=_claim_id(f"{slug}|{location}|{e.trigger[0]}|"
                     f"{e.event_type}|{e.date.start_iso}|{place}"),
        source=slug,
        document=name,
        kind="event",
        evidence=_evidence(body, seg, start, end),
        figure=Evidence(start, end, body[start:end]),
        extractor=EXTRACTOR_NAME,
        event_type=e.event_type,
        event_as_written=body[e.trigger[0]:e.trigger[1]],
        date=e.date.start_iso,
        time=TimeSpan(e.date.start_iso, e.date.end_iso) if e.date.is_range else None,
        place=place,
        place_as_written=e.place.written if e.place else None,
        place_country=e.place.country if e.place else None,
        place_point=e.place.point if e.place else None,
        actor=e.actor.canonical if e.actor else None,
        actor_as_written=e.actor.written if e.actor else None,
    )

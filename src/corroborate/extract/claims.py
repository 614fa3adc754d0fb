"""Claim records from readings: a quantity's or an event's ``Claim`` with its id and evidence.
Split from ``__init__.py``."""

from __future__ import annotations

import hashlib
from typing import Any, TypeVar

from corroborate.extract.events import EventReading
from corroborate.extract.quantities import Reading
from corroborate.extract.window import EVIDENCE_MAX, evidence_span
from corroborate.model import Claim, Evidence, Segment, Text, TimeSpan, Value

__all__ = ["EXTRACTOR_NAME", "event_claim", "quantity_claim"]

EXTRACTOR_NAME = "corroborate.extractor.rules.v1"

_T = TypeVar("_T")


_sha1 = hashlib.sha1


def _claim_id(key: str) -> str:
    """A claim's id from its key: its parts joined by "|" as ``str`` writes each (an f-string
    field with no format spec is ``str``'s text; one f-string, not a join of ``str`` calls)."""
    return f"c-{_sha1(key.encode('utf-8')).hexdigest()[:16]}"


_new_object = object.__new__
_set_attribute = object.__setattr__


def _new_claim(fields_of_claim: dict[str, Any]) -> Claim:
    """``Claim(**fields_of_claim)`` without the frozen dataclass's ``__init__``, which sets each
    of its 26 fields through ``object.__setattr__`` (~5 us a claim, a tenth of reading a
    sentence that yields one): the same object, its ``__dict__`` filled at once (the dict given
    holds every field, in the class's order)."""
    claim = _new_object(Claim)
    _set_attribute(claim, "__dict__", fields_of_claim)
    return claim


def _frozen(cls: type[_T], attributes: dict[str, Any]) -> _T:
    """``cls(**attributes)`` for a small frozen dataclass with a ``__dict__`` (``Value``,
    ``TimeSpan``), without its ``__init__``: ``attributes`` must name every field."""
    made = _new_object(cls)
    _set_attribute(made, "__dict__", attributes)
    return made


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


# The last segment's evidence when it is the whole segment (``evidence_span``): the claims of
# one sentence share it (it is frozen), not each a copy of the sentence's text.
_last_evidence: tuple[str, int, int, Evidence] | None = None


def _evidence(body: str, seg: Segment, focus_start: int, focus_end: int) -> Evidence:
    global _last_evidence
    start, end = seg.start, seg.end
    if end - start > EVIDENCE_MAX:
        start, end = evidence_span(body, start, end, focus_start, focus_end)
        return Evidence(start, end, body[start:end])
    last = _last_evidence
    if last is not None and last[0] is body and last[1] == start and last[2] == end:
        return last[3]
    evidence = Evidence(start, end, body[start:end])
    _last_evidence = (body, start, end, evidence)
    return evidence


def quantity_claim(text: Text, seg: Segment, r: Reading) -> Claim:
    body = text.text
    f = r.figure
    time: TimeSpan | None = None
    if r.time is not None:  # an empty end is an open one ("since 1982")
        time = _frozen(TimeSpan, {"start": r.time.start_iso, "end": r.time.end_iso or None})
    side, place = r.side, r.place
    canonical_side = side.canonical if side else None
    slug, location, name = _document_of(text)
    # every field of a Claim, in its order (a test checks that none is missing)
    return _new_claim({
        "id": _claim_id(f"{slug}|{location}|{f.start}|{f.end}|"
                        f"{r.measure}|{canonical_side}|{r.group}|{f.low}|{f.high}"),
        "source": slug,
        "document": name,
        "kind": "quantity",
        "evidence": _evidence(body, seg, f.start, f.end),
        "extractor": EXTRACTOR_NAME,
        "measure": r.measure,
        "value": _frozen(Value, {"low": f.low, "high": f.high, "bound": f.bound}),
        "unit": r.unit,
        "side": canonical_side,
        "side_as_written": side.written if side else None,
        "group": r.group,
        "place": place.canonical if place else None,
        "place_as_written": place.written if place else None,
        "place_country": place.country if place else None,
        "place_point": place.point if place else None,
        "time": time,
        "event_type": None,
        "event_as_written": None,
        "date": None,
        "actor": None,
        "actor_as_written": None,
        "figure": Evidence(f.start, f.end, body[f.start:f.end]),
        "clause": r.clause,
        "table_row": None if seg.table is None else f"table {seg.table}, row {seg.row}",
        "conflict": None,
    })


def event_claim(text: Text, seg: Segment, e: EventReading) -> Claim:
    body = text.text
    trigger_start, trigger_end = e.trigger
    date, place, actor = e.date, e.place, e.actor
    start = min(trigger_start, date.start, place.start if place else trigger_start)
    end = max(trigger_end, date.end, place.end if place else trigger_end)
    canonical_place = place.canonical if place else None
    slug, location, name = _document_of(text)
    return _new_claim({
        "id": _claim_id(f"{slug}|{location}|{trigger_start}|"
                        f"{e.event_type}|{date.start_iso}|{canonical_place}"),
        "source": slug,
        "document": name,
        "kind": "event",
        "evidence": _evidence(body, seg, start, end),
        "extractor": EXTRACTOR_NAME,
        "measure": None,
        "value": None,
        "unit": None,
        "side": None,
        "side_as_written": None,
        "group": None,
        "place": canonical_place,
        "place_as_written": place.written if place else None,
        "place_country": place.country if place else None,
        "place_point": place.point if place else None,
        "time": _frozen(TimeSpan, {"start": date.start_iso, "end": date.end_iso})
        if date.is_range else None,
        "event_type": e.event_type,
        "event_as_written": body[trigger_start:trigger_end],
        "date": date.start_iso,
        "actor": actor.canonical if actor else None,
        "actor_as_written": actor.written if actor else None,
        "figure": Evidence(start, end, body[start:end]),
        "clause": None,
        "table_row": None,
        "conflict": None,
    })

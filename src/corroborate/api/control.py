"""Who held each place, as one source tells it (from its capture and return events at places),
and the timeline of dated events.

For each place a source reports captured or returned, its latest such event dated on or before
the day asked decides: a capture means "captured", held by the capture's actor; a return means
"returned" (the party it went back to is not read from the text yet, so ``holder`` is None; the
return's ``actor`` is whoever handed it back). A place whose first event comes later is
"unknown". A date YYYY or YYYY-MM counts from its first day.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corroborate.api.params import first_day, last_day

__all__ = ["CONTROL_EVENTS", "control", "control_sources", "timeline"]

CONTROL_EVENTS = ("capture", "return")
Record = dict[str, Any]


def _in_order(events: Iterable[Record]) -> list[Record]:
    """Dated events, earliest first (the first day a date covers, then where it is written)."""
    dated = [e for e in events if first_day(e.get("date"))]
    return sorted(dated, key=lambda e: (first_day(e["date"]) or "", e["document_id"],
                                        (e.get("figure") or e["evidence"])["start"]))


def _control_events(claims: Iterable[Record], source: str | None = None) -> list[Record]:
    return _in_order(c for c in claims
                     if c["kind"] == "event" and c.get("event_type") in CONTROL_EVENTS
                     and c.get("place") and (source is None or c["source"] == source))


def control_sources(claims: Iterable[Record]) -> list[Record]:
    """Each source with dated capture or return events at places: how many, first, last."""
    by_source: dict[str, list[Record]] = {}
    for event in _control_events(claims):
        by_source.setdefault(event["source"], []).append(event)
    return [{"source": source, "events": len(events),
             "first": events[0]["date"], "last": events[-1]["date"]}
            for source, events in sorted(by_source.items())]


def control(claims: Iterable[Record], source: str, day: str) -> list[Record]:
    """Each place's state on ``day`` (YYYY-MM-DD) as ``source`` tells it."""
    by_place: dict[str, list[Record]] = {}
    for event in _control_events(claims, source):
        by_place.setdefault(str(event["place"]), []).append(event)
    places = []
    for place in sorted(by_place):
        events = by_place[place]
        before = [e for e in events if (first_day(e["date"]) or "") <= day]
        deciding = before[-1] if before else events[0]
        if not before:
            state, holder, since = "unknown", None, None
        elif deciding["event_type"] == "capture":
            state, holder, since = "captured", deciding.get("actor"), deciding["date"]
        else:
            state, holder, since = "returned", None, deciding["date"]
        places.append({"place": place, "state": state, "holder": holder, "since": since,
                       "claim_id": deciding["id"], "document_id": deciding["document_id"],
                       "actor": deciding.get("actor") if before else None})
    return places


def timeline(claims: Iterable[Record], event_type: str | None = None) -> list[Record]:
    """Every dated event (of one type), earliest first, with the days its date covers."""
    events = _in_order(c for c in claims if c["kind"] == "event"
                       and (event_type is None or c.get("event_type") == event_type))
    return [{"claim_id": e["id"], "document_id": e["document_id"], "source": e["source"],
             "event_type": e.get("event_type"), "date": e["date"],
             "start": first_day(e["date"]), "end": last_day(e["date"]), "place": e.get("place"),
             "actor": e.get("actor"), "evidence": e["evidence"]["text"]} for e in events]

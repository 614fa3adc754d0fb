"""Who held each place, as one source tells it (from its capture and return events at places),
and the timeline of dated events.

For each place a source reports captured or returned, its latest such event dated on or before
the day asked decides: a capture means "captured", held by the capture's actor; a return means
"returned" (the party it went back to is not read from the text yet, so ``holder`` is None; the
return's ``actor`` is whoever handed it back). A place whose first event comes later is
"unknown". A date YYYY or YYYY-MM counts from its first day.
"""

from __future__ import annotations

from typing import Any

from corroborate.api.params import first_day, last_day
from corroborate.api.queries import StoredClaim

__all__ = ["CONTROL_EVENTS", "control", "control_events", "control_sources", "timeline"]

CONTROL_EVENTS = ("capture", "return")


def control_events(claims: list[StoredClaim], source: str | None = None) -> list[StoredClaim]:
    """Dated capture and return events at a place (of one source), earliest first."""
    kept = [s for s in claims
            if s.claim.kind == "event" and s.claim.event_type in CONTROL_EVENTS
            and s.claim.place and first_day(s.claim.date)
            and (source is None or s.claim.source == source)]
    return sorted(kept, key=lambda s: (first_day(s.claim.date) or "", s.document_id, s.position))


def control_sources(claims: list[StoredClaim]) -> list[dict[str, Any]]:
    by_source: dict[str, list[StoredClaim]] = {}
    for stored in control_events(claims):
        by_source.setdefault(stored.claim.source, []).append(stored)
    return [{"source": source, "events": len(events),
             "first": events[0].claim.date, "last": events[-1].claim.date}
            for source, events in sorted(by_source.items())]


def control(claims: list[StoredClaim], source: str, day: str) -> list[dict[str, Any]]:
    """Each place's state on ``day`` (YYYY-MM-DD) as ``source`` tells it."""
    by_place: dict[str, list[StoredClaim]] = {}
    for stored in control_events(claims, source):
        by_place.setdefault(str(stored.claim.place), []).append(stored)
    places = []
    for place in sorted(by_place):
        events = by_place[place]
        before = [s for s in events if (first_day(s.claim.date) or "") <= day]
        deciding = before[-1] if before else events[0]
        c = deciding.claim
        if not before:
            state, holder, since = "unknown", None, None
        elif c.event_type == "capture":
            state, holder, since = "captured", c.actor, c.date
        else:
            state, holder, since = "returned", None, c.date
        places.append({"place": place, "state": state, "holder": holder, "since": since,
                       "claim_id": c.id, "document_id": deciding.document_id,
                       "actor": c.actor if before else None})
    return places


def timeline(claims: list[StoredClaim], source: str | None = None,
             event_type: str | None = None) -> list[dict[str, Any]]:
    """Every dated event (of one source, of one type), earliest first, each with the days its
    date covers."""
    events = [s for s in claims
              if s.claim.kind == "event" and first_day(s.claim.date)
              and (source is None or s.claim.source == source)
              and (event_type is None or s.claim.event_type == event_type)]
    events.sort(key=lambda s: (first_day(s.claim.date) or "", s.document_id, s.position))
    return [{"claim_id": s.claim.id, "document_id": s.document_id, "source": s.claim.source,
             "event_type": s.claim.event_type, "date": s.claim.date,
             "start": first_day(s.claim.date), "end": last_day(s.claim.date),
             "place": s.claim.place, "actor": s.claim.actor,
             "evidence": s.claim.evidence.text} for s in events]

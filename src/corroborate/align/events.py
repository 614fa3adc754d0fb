"""Event facts: events of one type (and place, for a place changing hands) whose dates are
close enough to be one event told several ways."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from corroborate.align.facts import Fact, distinct, fact_id, span_of
from corroborate.align.periods import years
from corroborate.model import Claim

__all__ = ["event_facts"]


def event_facts(claims: list[Claim], window_years: int, event_windows: dict[str, float],
                 place_events: frozenset[str]) -> list[Fact]:
    """Events with a place are compared by type and place. Without a place, a type and a date
    say little, so only dates a day or two apart (or of one month or year) are taken as one event
    told two ways ("9 November" and "10 November 2020" for the ceasefire), unless the type has a
    window of its own in ``event_windows`` (the start of a conflict is one event over years)."""
    groups: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.date:
            # only a place changing hands is told apart by its place; a ceasefire "in
            # Nagorno-Karabakh" and a ceasefire are one kind of event
            place = claim.place if claim.event_type in place_events else None
            groups[(claim.event_type, place)].append(claim)
    facts: list[Fact] = []
    for (event_type, place), members in groups.items():
        members.sort(key=lambda c: c.date or "")
        own = event_windows.get(event_type or "")
        limits = (_PLACED if place else _PLACELESS) if own is None else (own, own, own)
        clusters: list[list[Claim]] = []
        for claim in members:
            if clusters and _dates_close(clusters[-1][0].date or "", claim.date or "",
                                         limits, window_years if place else 0):
                clusters[-1].append(claim)
            else:
                clusters.append([claim])
        facts.extend(_event_fact(event_type, place, distinct(c)) for c in clusters)
    return facts


# How far apart (in years) two dates of a given precision (day, month, year) may be and still
# name one event: with a place, a month for days and two months for months; without, two days.
_PLACED = (31 / 365, 2 / 12, None)


_PLACELESS = (2 / 365, 1 / 12, 0.0)


def _dates_close(a: str, b: str, limits: tuple[float | None, float | None, float | None],
                 window_years: float) -> bool:
    """Whether two dates are within the limit for the coarser one's precision of each other."""
    start, end = years(a, False), years(b, False)
    if start is None or end is None:
        return False
    precision = min(len(a.split("-")), len(b.split("-")))
    limit = {3: limits[0], 2: limits[1], 1: limits[2]}[precision]
    return abs(end - start) <= (window_years if limit is None else limit) + 1e-9


def _compatible(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)


def _chained(dates: set[str]) -> bool:
    """Whether every two of the dates are compatible: each is a prefix of the next longer one
    (2020, 2020-11, 2020-11-09), so comparing neighbours by length is enough."""
    by_length = sorted(dates, key=len)
    return all(_compatible(a, b) for a, b in pairwise(by_length))


def _date_verdict(members: list[Claim]) -> str:
    """``verdict`` with compatible dates as ``fits``, over the distinct dates: two dates of
    one statement alone are never compared."""
    spans: dict[str, set[tuple[str, str, int, int | None]]] = {}
    for claim in members:
        spans.setdefault(claim.date or "", set()).add(span_of(claim))
    if len(set().union(*spans.values())) < 2:
        return "single_source"
    if _chained(set(spans)):
        return "agree"
    dates = list(spans)
    for i, a in enumerate(dates):
        for b in dates[i + 1:]:
            if not _compatible(a, b) and (len(spans[a]) > 1 or spans[a] != spans[b]):
                return "disagree"
    return "agree"


def _event_fact(event_type: str | None, place: str | None, members: list[Claim]) -> Fact:
    dates = [c.date or "" for c in members]
    overlapping = _chained(set(dates))
    finest = max(dates, key=len)
    key = {"event_type": event_type, "place": place,
           "date": finest if overlapping else None}
    key_id = {"event_type": event_type, "place": place, "first_date": min(dates)}
    return Fact(fact_id("event", key_id), "event", key, _date_verdict(members), None,
                tuple(members))

"""Periods: ISO prefixes as fractional years, how much two periods share, and which claims
speak of one period."""

from __future__ import annotations

import math
from collections.abc import Sequence

from corroborate.model import Claim

__all__ = ["extent", "period_overlap", "periods", "span", "time_compare", "time_record", "years"]


def years(iso: str | None, end: bool) -> float | None:
    """An ISO prefix as a fractional year: the start of its period, or the end of it."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    year = float(parts[0])
    if len(parts) == 1:
        return year + (1.0 if end else 0.0)
    month = parts[1]
    if len(parts) == 2:
        return year + (month - (0 if end else 1)) / 12
    return year + (month - 1) / 12 + (parts[2] - (0 if end else 1)) / 365


def period_overlap(a: Claim, b: Claim, slack: float = 0.0) -> float:
    """How much two claims' periods share: the overlap over the span of both (0 to 1), each
    period widened by ``slack`` years at both ends.

    Claims without a time share everything with each other and nothing with a dated claim.
    """
    if a.time is None or b.time is None:
        return 1.0 if a.time is None and b.time is None else 0.0
    a0, a1 = years(a.time.start, False), years(a.time.end, True)
    b0, b1 = years(b.time.start, False), years(b.time.end, True)
    if None in (a0, a1, b0, b1):
        return 1.0 if (a.time.start, a.time.end) == (b.time.start, b.time.end) else 0.0
    assert a0 is not None and a1 is not None and b0 is not None and b1 is not None
    a0, b0, a1, b1 = a0 - slack, b0 - slack, a1 + slack, b1 + slack
    shared = min(a1, b1) - max(a0, b0)
    span = max(a1, b1) - min(a0, b0)
    return max(shared, 0.0) / span if span > 0 else 1.0


def periods(claims: list[Claim], threshold: float, slack: float = 0.0,
             undated_everywhere: bool = False) -> list[list[Claim]]:
    """Claims whose periods share at least ``threshold`` of their span speak of one period:
    1994–September 2020 and 1994–2016 do (82%); 1988–1994 and 1992–1994 do not (33%).

    For states, each period is widened by ``slack`` years first (troops counted on 1 and on 2
    October are one count), and an undated claim is set beside every dated period."""
    dated = [c for c in claims if c.time is not None] if undated_everywhere else claims
    undated = [c for c in claims if c.time is None] if undated_everywhere else []
    clusters: list[list[Claim]] = []
    for claim in sorted(dated, key=lambda c: (c.time.start or "", c.time.end or "")
                        if c.time else ("", "")):
        home = next((c for c in clusters
                     if all(period_overlap(claim, other, slack) >= threshold for other in c)),
                    None)
        if home is None:
            clusters.append([claim])
        else:
            home.append(claim)
    if not undated:
        return clusters
    return [cluster + undated for cluster in clusters] if clusters else [undated]


def time_record(claims: Sequence[Claim]) -> dict[str, str | None] | None:
    timed = [c.time for c in claims if c.time is not None]
    if not timed:
        return None
    starts = [t.start for t in timed if t.start]
    ends = [t.end for t in timed if t.end]
    return {"start": min(starts) if starts else None, "end": max(ends) if ends else None}


def span(start: str | None, end: str | None) -> tuple[float, float]:
    """A period as fractional years, each end at its own precision (2016 is 2016.0–2017.0); an
    open end reaches as far as it can."""
    low, high = years(start, False), years(end, True)
    return (-math.inf if low is None else low), (math.inf if high is None else high)


def extent(claim: Claim) -> tuple[float, float]:
    """The years a count may cover. A count dated by one day ("On 13 September 2022, clashes
    erupted ... at least 49 soldiers were killed") counts from that day, for as long as the
    episode ran: up to the end of that year at most."""
    if claim.time is None:
        return -math.inf, math.inf
    start, end = claim.time.start, claim.time.end
    low, high = span(start, end)
    if start and start == end and start.count("-") == 2:
        high = float(int(start[:4]) + 1)
    return low, high


def time_compare(a1: str | None, a2: str | None, b1: str | None, b2: str | None) -> str:
    """2016 is wider than 1–5 April 2016; no time at all is wider than any."""
    (a_lo, a_hi), (b_lo, b_hi) = span(a1, a2), span(b1, b2)
    if (a_lo, a_hi) == (b_lo, b_hi):
        return "same"
    if a_lo <= b_lo and b_hi <= a_hi:
        return "wider"
    if b_lo <= a_lo and a_hi <= b_hi:
        return "narrower"
    return "different"

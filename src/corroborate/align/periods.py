"""Periods: ISO prefixes as fractional years, how much two periods share, and which claims
speak of one period."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from corroborate.model import Claim

__all__ = ["extent", "period_overlap", "periods", "span", "time_compare", "time_record", "years"]


@lru_cache(maxsize=1 << 16)  # few distinct dates, read for every pair of claims compared
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
    October are one count), and an undated claim is set beside every dated period.

    Each claim joins the first cluster whose every period it shares enough with. A cluster is
    compared by its distinct periods, not its claims, and skipped at once when the claim starts
    after one member ends or ends before one starts (they share nothing)."""
    dated = [c for c in claims if c.time is not None] if undated_everywhere else claims
    undated = [c for c in claims if c.time is None] if undated_everywhere else []
    clusters: list[_Cluster] = []
    last: tuple[object, _Cluster | None] = (_NO_PERIOD, None)
    for claim in sorted(dated, key=lambda c: (c.time.start or "", c.time.end or "")
                        if c.time else ("", "")):
        key = _period_key(claim)
        numeric = _numeric(claim)
        # a claim of the previous claim's period goes where it went: nothing else changed, and
        # two claims of one period share all of it
        home = last[1] if key == last[0] and threshold <= 1.0 else next(
            (c for c in clusters if c.admits(claim, numeric, threshold, slack)), None)
        if home is None:
            home = _Cluster()
            clusters.append(home)
        home.add(claim, key, numeric, slack)
        last = (key, home)
    found = [c.claims for c in clusters]
    if not undated:
        return found
    return [cluster + undated for cluster in found] if found else [undated]


_NO_PERIOD = object()
_MARGIN = 1e-6  # years: far beyond float error, far below a day


def _period_key(claim: Claim) -> tuple[str | None, str | None] | None:
    """What ``period_overlap`` reads of a claim: two claims of one key share all their periods."""
    return None if claim.time is None else (claim.time.start, claim.time.end)


def _numeric(claim: Claim) -> tuple[float, float] | None:
    """A claim's period as years, when it has both ends and the start comes first."""
    if claim.time is None:
        return None
    start, end = years(claim.time.start, False), years(claim.time.end, True)
    return (start, end) if start is not None and end is not None and start < end else None


class _Cluster:
    """Claims of one period, with one claim per distinct period and the earliest end and latest
    start of its members (when every member has both)."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.periods: dict[tuple[str | None, str | None] | None, Claim] = {}
        # latest start and earliest end of the members; None when one has no such period
        self.bounds: tuple[float, float] | None = (-math.inf, math.inf)

    def add(self, claim: Claim, key: tuple[str | None, str | None] | None,
            numeric: tuple[float, float] | None, slack: float) -> None:
        self.claims.append(claim)
        if key in self.periods:
            return
        self.periods[key] = claim
        if numeric is None or self.bounds is None:
            self.bounds = None
        else:
            self.bounds = (max(self.bounds[0], numeric[0] - slack),
                           min(self.bounds[1], numeric[1] + slack))

    def admits(self, claim: Claim, numeric: tuple[float, float] | None, threshold: float,
               slack: float) -> bool:
        if threshold > 0 and numeric is not None and self.bounds is not None and (
                numeric[0] - slack > self.bounds[1] + _MARGIN or
                self.bounds[0] > numeric[1] + slack + _MARGIN):
            return False  # it shares nothing with one member
        return all(period_overlap(claim, other, slack) >= threshold
                   for other in self.periods.values())


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

"""``narrower_exceeds_wider``: a figure for a wider fact that is smaller than a figure for a fact
inside it, found through an index rather than by comparing every two claims of a measure.

Comparing every pair is quadratic (9 million comparisons at 13,632 claims). Instead, the claims
of one measure and unit are filed by side, group, place and period, and by their lowest allowed
value within each. A wider claim looks only where a claim inside it can be: its own side, or
every side when it names none (or one of ``every_group``); the same for groups; its own place and
the places that lie in it, or every place; the periods inside its own (sorted by start: the scan
runs from its start to its end), or for a state its own period; and in each, only the claims
whose lowest value reaches its highest (bisection). Claims that ask the same question (same side,
group, place and period) share one merged, sorted list of candidates. For counts these are
exactly the claims the pairwise comparison found (tests/align/test_indexed_alignment.py holds
the two side by side); a state's candidates are checked as it checked them
(``checks.contains``).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from corroborate.align.checks import ancestors, contains
from corroborate.align.facts import Fact, Rules, distinct, fact_id, span_of
from corroborate.align.intervals import allowed_interval
from corroborate.align.periods import extent, time_record, years
from corroborate.model import Claim

__all__ = ["narrower_exceeds_wider"]

_Entries = list[tuple[float, int]]  # (lowest allowed value, position among the members)
_SAME_YEARS = 1e-6  # years: two periods closer than this at both ends may be one period


def narrower_exceeds_wider(claims: list[Claim], rules: Rules) -> list[Fact]:
    """A figure for a wider fact that is smaller than a figure for a fact inside it: 44 killed
    in 2021–2022 against at least 49 Armenian soldiers killed in September 2022; 4,049 missing
    Azerbaijanis against 4,210 missing Azerbaijani soldiers. Only ``nested_measures`` are
    compared: not shares (75% of a region, 9% of a country), nor money (spent on what?); states
    only at one time (troops in 1994 say nothing of troops in 2020)."""
    by_measure: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in distinct(claims):
        if claim.measure in rules.nested_measures:
            by_measure[(claim.measure, claim.unit)].append(claim)
    facts = []
    for (measure, _unit), members in by_measure.items():
        state = measure in rules.state_measures
        intervals = [allowed_interval(c, rules.about_tolerance) for c in members]
        index = _Index(members, [low for low, _high in intervals], rules, state)
        questions: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        for position, (wide, (_low, high)) in enumerate(zip(members, intervals, strict=True)):
            if not math.isinf(high):
                questions[_question(wide)].append(position)
        spans = [span_of(c) for c in members]
        found: list[tuple[list[int], list[int]]] = []  # (wider claims, the claims exceeding them)
        for positions in questions.values():
            lows, candidates = index.candidates(members[positions[0]])
            by_high: dict[float, list[int]] = defaultdict(list)
            for position in positions:
                by_high[intervals[position][1]].append(position)
            for high, same in by_high.items():
                reaching = sorted(candidates[bisect_left(lows, high):])
                if not reaching:
                    continue
                if state:
                    # a state's candidates are only near its period: each is checked, once for
                    # the question (what contains() reads of the wider claim is its question)
                    wide = members[same[0]]
                    reaching = [n for n in reaching if contains(
                        wide, members[n], rules.within, state, rules.every_group)]
                    if not reaching:
                        continue
                # a count's candidates are exactly the claims inside it. Wider claims of one
                # question and figure are exceeded by the same claims (but those of their own
                # statement): they make one fact, not one each with the same list, which grew
                # with the square of a figure repeated by many sources (wire copies; at 1 GB,
                # populations: 18.5 million claims listed for 2.3 million)
                inside = {spans[n] for n in reaching}
                alike = [p for p in same if spans[p] not in inside]
                if alike:
                    found.append((alike, reaching))
                found.extend(([p], exceeding) for p in same if spans[p] in inside and (
                    exceeding := [n for n in reaching if spans[n] != spans[p]]))
        for wides, exceeding in sorted(found, key=lambda f: f[0][0]):
            wide = members[wides[0]]
            key_record = {"measure": wide.measure, "unit": wide.unit, "side": wide.side,
                          "group": wide.group, "place": wide.place,
                          "time": time_record([wide]), "check": "narrower_exceeds_wider"}
            facts.append(Fact(fact_id("quantity", {**key_record, "wider": wide.id}),
                              "quantity", key_record, "disagree", {"low": None, "high": None},
                              (*(members[p] for p in wides), *(members[n] for n in exceeding))))
    return facts


def _question(claim: Claim) -> tuple[Any, ...]:
    """What decides where a wider claim looks: two claims of one question share candidates."""
    time = None if claim.time is None else (claim.time.start, claim.time.end)
    return claim.side, claim.group, claim.place, time


class _Index:
    """The claims of one measure and unit, filed by side, group, place and period."""

    def __init__(self, members: list[Claim], lows: list[float], rules: Rules,
                 state: bool) -> None:
        self.state = state
        self.every_group = rules.every_group
        self.tree: dict[str | None, dict[str | None, dict[str | None, _Periods]]] = {}
        for position, (claim, low) in enumerate(zip(members, lows, strict=True)):
            by_place = self.tree.setdefault(claim.side, {}).setdefault(claim.group, {})
            if claim.place not in by_place:
                by_place[claim.place] = _StatePeriods() if state else _CountPeriods()
            by_place[claim.place].add(claim, low, position)
        # the places present that lie in each place (following the gazetteer's chain)
        self.inner: dict[str, set[str]] = defaultdict(set)
        for place in {c.place for c in members if c.place is not None}:
            for larger in ancestors(place, rules.within):
                self.inner[larger].add(place)

    def candidates(self, wide: Claim) -> tuple[list[float], list[int]]:
        """The claims that may lie inside ``wide`` (not ``wide``'s own side, group, place and
        period: nothing there is wider), as their lowest values (sorted) and positions."""
        entries: _Entries = []
        own = (wide.side, wide.group, wide.place)
        own_extent = extent(wide)
        for side, by_group in self._matching(self.tree, wide.side):
            for group, by_place in self._matching(by_group, wide.group):
                for place, periods in self._places(by_place, wide.place):
                    same_key = (side, group, place) == own
                    if same_key and self.state:
                        continue  # a state's period is never wider: the key must be
                    entries.extend(periods.inside(wide, own_extent, skip_own=same_key))
        entries.sort()
        return [low for low, _n in entries], [n for _low, n in entries]

    def _matching(self, table: dict[str | None, Any], value: str | None) -> Iterator[
            tuple[str | None, Any]]:
        """Entries of a side (or group) table that ``value`` is the same as or wider than."""
        if value is None or value in self.every_group:
            yield from table.items()
        elif value in table:
            yield value, table[value]

    def _places(self, by_place: dict[str | None, _Periods],
                place: str | None) -> Iterator[tuple[str | None, _Periods]]:
        if place is None:
            yield from by_place.items()
            return
        for inner in {place} | self.inner.get(place, set()):
            if inner in by_place:
                yield inner, by_place[inner]


class _Periods:
    """One side, group and place's claims by period; ``inside`` gives those whose period may
    lie in a wider claim's."""

    def add(self, claim: Claim, low: float, position: int) -> None:
        raise NotImplementedError

    def inside(self, wide: Claim, own: tuple[float, float],
               skip_own: bool) -> Iterator[tuple[float, int]]:
        """``own`` is ``wide``'s extent (``periods.extent``)."""
        raise NotImplementedError


class _CountPeriods(_Periods):
    """For counts: periods as the years a count may cover (``periods.extent``), kept sorted by
    start. A period inside a wider one starts at or after its start and before its end, unless
    it ends before it starts (a period written backwards, kept apart and always scanned)."""

    def __init__(self) -> None:
        self.by_extent: dict[tuple[float, float], _Entries] = {}
        self.starts: list[float] = []
        self.extents: list[tuple[float, float]] = []
        self.backwards: list[tuple[float, float]] = []
        self.ready = False

    def add(self, claim: Claim, low: float, position: int) -> None:
        years_covered = extent(claim)
        if years_covered not in self.by_extent:
            self.by_extent[years_covered] = []
            self.ready = False
        self.by_extent[years_covered].append((low, position))

    def _sort(self) -> None:
        forwards = sorted(e for e in self.by_extent if e[0] <= e[1])
        self.backwards = [e for e in self.by_extent if e[0] > e[1]]
        self.starts = [e[0] for e in forwards]
        self.extents = forwards
        self.ready = True

    def inside(self, wide: Claim, own: tuple[float, float],
               skip_own: bool) -> Iterator[tuple[float, int]]:
        if not self.ready:
            self._sort()
        if wide.time is not None and wide.time.start == wide.time.end:
            # one date bounds nothing: only the same period can be compared with it
            if not skip_own:
                yield from self.by_extent.get(own, ())
            return
        low, high = own
        for k in range(bisect_left(self.starts, low), len(self.starts)):
            inner = self.extents[k]
            if inner[0] > high:
                break
            if inner[1] <= high and not (skip_own and inner == own):
                yield from self.by_extent[inner]
        for inner in self.backwards:
            if low <= inner[0] and inner[1] <= high and not (skip_own and inner == own):
                yield from self.by_extent[inner]


class _StatePeriods(_Periods):
    """For states: the same period only (``period_overlap`` of 1). Undated claims, periods
    whose ends are not both dates (compared as written) and periods in years (compared within
    a millionth of a year, then checked exactly), kept sorted by start."""

    def __init__(self) -> None:
        self.undated: _Entries = []
        self.as_written: dict[tuple[str | None, str | None], _Entries] = defaultdict(list)
        self.by_years: dict[tuple[float, float], _Entries] = defaultdict(list)
        self.starts: list[float] = []
        self.spans: list[tuple[float, float]] = []
        self.ready = False

    def add(self, claim: Claim, low: float, position: int) -> None:
        if claim.time is None:
            self.undated.append((low, position))
            return
        start, end = years(claim.time.start, False), years(claim.time.end, True)
        if start is None or end is None:
            self.as_written[(claim.time.start, claim.time.end)].append((low, position))
        else:
            self.by_years[(start, end)].append((low, position))
            self.ready = False

    def _sort(self) -> None:
        self.spans = sorted(self.by_years)
        self.starts = [s for s, _e in self.spans]
        self.ready = True

    def inside(self, wide: Claim, own: tuple[float, float],
               skip_own: bool) -> Iterator[tuple[float, int]]:
        if wide.time is None:
            yield from self.undated
            return
        start, end = years(wide.time.start, False), years(wide.time.end, True)
        if start is None or end is None:
            yield from self.as_written.get((wide.time.start, wide.time.end), ())
            return
        if not self.ready:
            self._sort()
        if start >= end:
            # a period that ends as it starts (or before) may share "all" with odd periods
            for entries in self.by_years.values():
                yield from entries
            return
        first = bisect_left(self.starts, start - _SAME_YEARS)
        last = bisect_right(self.starts, start + _SAME_YEARS)
        for span_years in self.spans[first:last]:
            if abs(span_years[1] - end) <= _SAME_YEARS:
                yield from self.by_years[span_years]

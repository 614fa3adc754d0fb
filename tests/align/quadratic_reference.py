"""The alignment as it was before its indexes (#11 item 3): every pair compared, frozen here
as the reference the indexed ``corroborate.align.align`` must match fact for fact.

Only what the indexes replaced is copied (the grouping by period, the verdict over all pairs,
the partition of several figures of one statement, the split of counts, the nesting check and
the event facts); helpers whose code did not change are imported. The group that holds every
other group is "mixed", as the code said before that word moved to lang/en/counts.toml.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from corroborate.align.checks import parts_against_wholes
from corroborate.align.counts import (
    EPISODE,
    PARTIAL,
    SUBSET,
    TOTAL,
    CountWords,
    count_of,
    load_count_words,
)
from corroborate.align.facts import Fact, Rules, distinct, fact_id, span_of
from corroborate.align.intervals import allowed_interval, overlaps
from corroborate.align.periods import extent, period_overlap, time_record, years
from corroborate.align.relations import link
from corroborate.align.scope import by_conflict, scoped
from corroborate.model import Claim

_BOUNDED = (EPISODE, PARTIAL, SUBSET)


def reference_align(claims: Iterable[Claim], about_tolerance: float = 0.10,
                    event_window_years: int = 1, period_overlap: float = 0.80,
                    event_windows: dict[str, float] | None = None,
                    place_events: Iterable[str] = ("capture", "return"),
                    state_measures: Iterable[str] = (), state_window_days: float = 31,
                    nested_measures: Iterable[str] = (),
                    within: dict[str, str] | None = None, lang: str | None = "en") -> list[Fact]:
    facts: list[Fact] = []
    for conflict, members in by_conflict(claims).items():
        quantities = [c for c in members if c.kind == "quantity" and c.value is not None]
        events = [c for c in members if c.kind == "event"]
        rules = Rules(about_tolerance, period_overlap, frozenset(state_measures),
                      state_window_days / 365, frozenset(nested_measures),
                      dict(within or {}), load_count_words(lang) if lang else None)
        one = quantity_facts(quantities, rules) + \
            event_facts(events, event_window_years, event_windows or {}, frozenset(place_events))
        ids = {f.id: scoped(f.kind, f.id, f.key, conflict)[0] for f in one}
        for fact in one:
            fact_id_, key = scoped(fact.kind, fact.id, fact.key, conflict)
            relations = tuple({**r, "fact": ids[r["fact"]]} for r in fact.relations)
            facts.append(replace(fact, id=fact_id_, key=key, relations=relations))
    return sorted(facts, key=lambda f: (f.kind, json.dumps(f.key, sort_keys=True, default=str)))


# --- facts.verdict, periods.periods ---------------------------------------------------------

def verdict(claims: Sequence[Claim], fits: Callable[[Claim, Claim], bool]) -> str:
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:]
             if span_of(a) != span_of(b)]
    if not pairs:
        return "single_source"
    return "agree" if all(fits(a, b) for a, b in pairs) else "disagree"


def periods(claims: list[Claim], threshold: float, slack: float = 0.0,
            undated_everywhere: bool = False) -> list[list[Claim]]:
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


# --- quantities ------------------------------------------------------------------------------

def quantity_facts(claims: list[Claim], rules: Rules) -> list[Fact]:
    about_tolerance = rules.about_tolerance
    groups: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.measure, claim.unit, claim.side, claim.group, claim.place)].append(claim)

    def fits(a: Claim, b: Claim) -> bool:
        return overlaps(a, b, about_tolerance)

    facts = []
    for key, same_key in groups.items():
        measure, unit, side, group, place = key
        state = measure in rules.state_measures
        for members in periods(distinct(same_key), rules.period_overlap,
                               rules.state_window_years if state else 0.0, state):
            kept, apart = split_counts(members, rules.counts, about_tolerance)
            key_record = {"measure": measure, "unit": unit, "side": side, "group": group,
                          "place": place, "time": time_record(kept)}
            kept_facts = _facts(kept, key_record, fits, about_tolerance)
            for count, claims_apart in apart.items():
                apart_key = {**key_record, "time": time_record(claims_apart), "counts": count}
                apart_facts, kept_facts = link(
                    count, _facts(claims_apart, apart_key, fits, about_tolerance), kept_facts)
                facts.extend(apart_facts)
            facts.extend(kept_facts)
    return _merged(facts) + parts_against_wholes(claims, about_tolerance) + \
        narrower_exceeds_wider(claims, rules)


def _merged(facts: list[Fact]) -> list[Fact]:
    by_id: dict[str, Fact] = {}
    for fact in facts:
        seen = by_id.get(fact.id)
        if seen is None:
            by_id[fact.id] = fact
        else:
            more = tuple(r for r in fact.relations if r not in seen.relations)
            by_id[fact.id] = replace(seen, relations=seen.relations + more)
    return list(by_id.values())


def _facts(members: list[Claim], key_record: dict[str, Any],
           fits: Callable[[Claim, Claim], bool], about_tolerance: float) -> list[Fact]:
    facts = []
    for part in _partition(members, fits):
        intervals = [allowed_interval(c, about_tolerance) for c in part]
        low, high = max(i[0] for i in intervals), min(i[1] for i in intervals)
        interval: dict[str, float | None] = (
            {"low": low, "high": None if math.isinf(high) else high} if low < high
            else {"low": None, "high": None})
        fact_key = {**key_record, "values": sorted(c.id for c in part)} \
            if len(part) < len(members) else key_record
        facts.append(Fact(fact_id("quantity", fact_key), "quantity", key_record,
                          verdict(part, fits), interval, tuple(part)))
    return facts


def _partition(claims: list[Claim], fits: Callable[[Claim, Claim], bool]) -> list[list[Claim]]:
    by_statement: dict[tuple[str, str, int, int | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_statement[span_of(claim)].append(claim)
    if all(len(group) == 1 for group in by_statement.values()):
        return [claims]
    parts: list[list[Claim]] = []
    for claim in claims:
        home = next((p for p in parts if all(fits(claim, other) for other in p)), None)
        if home is None:
            parts.append([claim])
        else:
            home.append(claim)
    return parts


# --- relations.split_counts ------------------------------------------------------------------

def split_counts(members: list[Claim], words: CountWords | None,
                 about_tolerance: float) -> tuple[list[Claim], dict[str, list[Claim]]]:
    if words is None:
        return members, {}
    counts = [count_of(c, words) for c in members]
    wholes = [c for c, n in zip(members, counts, strict=True) if n in (None, TOTAL)]
    totals = [c for c, n in zip(members, counts, strict=True) if n == TOTAL]
    apart: dict[str, list[Claim]] = defaultdict(list)
    kept = []
    for claim, count in zip(members, counts, strict=True):
        beside = totals if count == EPISODE else wholes if count in _BOUNDED else \
            [c for c, n in zip(members, counts, strict=True) if n != count]
        if count in (None, TOTAL) or not beside or (
                count in _BOUNDED and not all(
                    allowed_interval(claim, about_tolerance)[1]
                    <= allowed_interval(w, about_tolerance)[0] for w in beside)):
            kept.append(claim)
        else:
            apart[count].append(claim)
    return kept, dict(apart)


# --- checks.narrower_exceeds_wider -----------------------------------------------------------

def narrower_exceeds_wider(claims: list[Claim], rules: Rules) -> list[Fact]:
    by_measure: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in distinct(claims):
        if claim.measure in rules.nested_measures:
            by_measure[(claim.measure, claim.unit)].append(claim)
    facts = []
    for (measure, _unit), members in by_measure.items():
        state = measure in rules.state_measures
        intervals = [allowed_interval(c, rules.about_tolerance) for c in members]
        grouped: dict[tuple[Any, ...], list[Claim]] = {}  # wider claims of one question and figure
        for wide, (_low, wide_high) in zip(members, intervals, strict=True):
            if math.isinf(wide_high):
                continue
            reaching = [n for n, (n_low, _high) in zip(members, intervals, strict=True)
                        if n_low >= wide_high and contains(wide, n, rules.within, state)]
            exceeding = [n for n in reaching if span_of(n) != span_of(wide)]
            if not exceeding:
                continue
            key_record = {"measure": wide.measure, "unit": wide.unit, "side": wide.side,
                          "group": wide.group, "place": wide.place,
                          "time": time_record([wide]), "check": "narrower_exceeds_wider"}
            if len(exceeding) == len(reaching):
                # exceeded by the same claims as every wider claim of its question and figure:
                # one fact holds them all (the first one's)
                question = (wide.side, wide.group, wide.place,
                            wide.time and (wide.time.start, wide.time.end), wide_high)
                if question in grouped:
                    grouped[question].append(wide)
                    continue
                grouped[question] = wides = [wide]
                facts.append(_NestedFact(fact_id("quantity", {**key_record, "wider": wide.id}),
                                         "quantity", key_record, "disagree",
                                         {"low": None, "high": None}, (), (), wides, exceeding))
                continue
            facts.append(Fact(fact_id("quantity", {**key_record, "wider": wide.id}),
                              "quantity", key_record, "disagree", {"low": None, "high": None},
                              (wide, *exceeding)))
    return [Fact(f.id, f.kind, f.key, f.verdict, f.interval, (*f.wides, *f.exceeding))
            if isinstance(f, _NestedFact) else f for f in facts]


@dataclass(frozen=True)
class _NestedFact(Fact):
    """A narrower-exceeds-wider fact whose wider claims are still being gathered."""

    wides: list[Claim] = field(default_factory=list)
    exceeding: list[Claim] = field(default_factory=list)


def contains(wide: Claim, narrow: Claim, within: dict[str, str], state: bool) -> bool:
    verdicts = [_compare(wide.side, narrow.side), _compare(wide.group, narrow.group),
                _place_compare(wide.place, narrow.place, within)]
    if state:
        if period_overlap(wide, narrow) < 1.0:
            return False
    else:
        (w_lo, w_hi), (n_lo, n_hi) = extent(wide), extent(narrow)
        if (w_lo, w_hi) == (n_lo, n_hi):
            verdicts.append("same")
        elif w_lo <= n_lo and n_hi <= w_hi and (wide.time is None or
                                                 wide.time.start != wide.time.end):
            verdicts.append("wider")
        else:
            return False
    return all(v in ("same", "wider") for v in verdicts) and "wider" in verdicts


def _compare(a: str | None, b: str | None) -> str:
    if a == b:
        return "same"
    if a is None or a == "mixed":
        return "wider"
    if b is None or b == "mixed":
        return "narrower"
    return "different"


def _place_compare(a: str | None, b: str | None, within: dict[str, str]) -> str:
    if a == b:
        return "same"
    if a is None or _inside(b, a, within):
        return "wider"
    if b is None or _inside(a, b, within):
        return "narrower"
    return "different"


def _inside(place: str | None, larger: str | None, within: dict[str, str]) -> bool:
    seen: set[str] = set()
    while place is not None and place not in seen:
        seen.add(place)
        place = within.get(place)
        if place == larger:
            return True
    return False


# --- events ----------------------------------------------------------------------------------

_PLACED = (31 / 365, 2 / 12, None)
_PLACELESS = (2 / 365, 1 / 12, 0.0)


def event_facts(claims: list[Claim], window_years: int, event_windows: dict[str, float],
                place_events: frozenset[str]) -> list[Fact]:
    groups: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.date:
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


def _dates_close(a: str, b: str, limits: tuple[float | None, float | None, float | None],
                 window_years: float) -> bool:
    start, end = years(a, False), years(b, False)
    if start is None or end is None:
        return False
    precision = min(len(a.split("-")), len(b.split("-")))
    limit = {3: limits[0], 2: limits[1], 1: limits[2]}[precision]
    return abs(end - start) <= (window_years if limit is None else limit) + 1e-9


def _compatible(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)


def _event_fact(event_type: str | None, place: str | None, members: list[Claim]) -> Fact:
    dates = [c.date or "" for c in members]
    overlapping = all(_compatible(a, b) for a in dates for b in dates)
    finest = max(dates, key=len)
    key = {"event_type": event_type, "place": place,
           "date": finest if overlapping else None}
    key_id = {"event_type": event_type, "place": place, "first_date": min(dates)}
    said = verdict(members, lambda a, b: _compatible(a.date or "", b.date or ""))
    return Fact(fact_id("event", key_id), "event", key, said, None, tuple(members))

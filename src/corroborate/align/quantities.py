"""Quantity facts: claims of one key and one period, grouped and given a verdict."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from corroborate.align.checks import narrower_exceeds_wider, parts_against_wholes
from corroborate.align.facts import Fact, Rules, distinct, fact_id, span_of, verdict
from corroborate.align.intervals import allowed_interval, overlaps
from corroborate.align.periods import periods, time_record
from corroborate.align.relations import link, split_counts
from corroborate.model import Claim

__all__ = ["quantity_facts"]


def _quantity_key(claim: Claim) -> tuple[Any, ...]:
    return (claim.measure, claim.unit, claim.side, claim.group, claim.place)


def quantity_facts(claims: list[Claim], rules: Rules) -> list[Fact]:
    about_tolerance = rules.about_tolerance
    groups: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[_quantity_key(claim)].append(claim)

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
    """One fact per id: an undated state set beside two dated periods, and left alone in both
    when the dated figures were set apart, is one fact with the relations of both."""
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
    """The facts of one key's claims: one, or one per group of agreeing figures (``_partition``)."""
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
    """One fact when every statement gives one figure for the key; when a statement gives
    several ("47 children, 247 women and 347 elderly" all read as missing civilians), which of
    them another source's figure speaks to is unknowable, so figures are grouped by agreement
    and no dispute is declared among them."""
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

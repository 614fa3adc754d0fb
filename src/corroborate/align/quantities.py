"""Quantity facts: claims of one key and one period, grouped and given a verdict."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace
from typing import Any

from corroborate.align.checks import parts_against_wholes
from corroborate.align.facts import Fact, Rules, distinct, fact_id, interval_verdict, span_of
from corroborate.align.intervals import allowed_interval
from corroborate.align.nesting import narrower_exceeds_wider
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

    facts = []
    for key, same_key in groups.items():
        measure, unit, side, group, place = key
        state = measure in rules.state_measures
        for members in periods(distinct(same_key), rules.period_overlap,
                               rules.state_window_years if state else 0.0, state):
            kept, apart = split_counts(members, rules.counts, about_tolerance)
            key_record = {"measure": measure, "unit": unit, "side": side, "group": group,
                          "place": place, "time": time_record(kept)}
            kept_facts = _facts(kept, key_record, about_tolerance)
            for count, claims_apart in apart.items():
                apart_key = {**key_record, "time": time_record(claims_apart), "counts": count}
                apart_facts, kept_facts = link(
                    count, _facts(claims_apart, apart_key, about_tolerance), kept_facts)
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
           about_tolerance: float) -> list[Fact]:
    """The facts of one key's claims: one, or one per group of agreeing figures (``_partition``)."""
    facts = []
    for part in _partition(members, about_tolerance):
        intervals = [allowed_interval(c, about_tolerance) for c in part]
        low, high = max(i[0] for i in intervals), min(i[1] for i in intervals)
        interval: dict[str, float | None] = (
            {"low": low, "high": None if math.isinf(high) else high} if low < high
            else {"low": None, "high": None})
        fact_key = {**key_record, "values": sorted(c.id for c in part)} \
            if len(part) < len(members) else key_record
        facts.append(Fact(fact_id("quantity", fact_key), "quantity", key_record,
                          interval_verdict(part, intervals), interval, tuple(part)))
    return facts


def _partition(claims: list[Claim], about_tolerance: float) -> list[list[Claim]]:
    """One fact when every statement gives one figure for the key; when a statement gives
    several ("47 children, 247 women and 347 elderly" all read as missing civilians), which of
    them another source's figure speaks to is unknowable, so figures are grouped by agreement
    and no dispute is declared among them: each joins the first group whose every figure it
    overlaps, which is the group whose common interval (latest start, earliest end) it
    overlaps."""
    by_statement: dict[tuple[str, str, int, int | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_statement[span_of(claim)].append(claim)
    if all(len(group) == 1 for group in by_statement.values()):
        return [claims]
    parts: list[list[Claim]] = []
    common: list[tuple[float, float] | None] = []  # None: a member overlaps nothing
    for claim in claims:
        low, high = allowed_interval(claim, about_tolerance)
        home = None if low >= high else next(
            (i for i, shared in enumerate(common)
             if shared is not None and low < shared[1] and shared[0] < high), None)
        if home is None:
            parts.append([claim])
            common.append((low, high) if low < high else None)
        else:
            parts[home].append(claim)
            shared = common[home]
            assert shared is not None
            common[home] = (max(shared[0], low), min(shared[1], high))
    return parts

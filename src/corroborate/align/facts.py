"""The stage's records: a fact, its id, its verdict, and the rules alignment works by.

A fact is what claims say about one thing; its verdict says whether they allow a common value.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from corroborate.align.counts import CountWords
from corroborate.model import Claim, claim_to_record

__all__ = ["Fact", "Rules", "distinct", "fact_id", "interval_verdict", "span_of", "verdict"]


@dataclass(frozen=True)
class Fact:
    id: str
    kind: str  # quantity | event | name
    key: dict[str, Any]
    verdict: str  # agree | disagree | single_source
    interval: dict[str, float | None] | None
    claims: tuple[Claim, ...]
    # how this fact relates to facts it is not compared with: {"relation": "part_of",
    # "fact": "f-…"} (align/relations.py)
    relations: tuple[dict[str, str], ...] = ()

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.claims})

    def record(self) -> dict[str, Any]:
        """The fact export contract's JSON object."""
        return {"id": self.id, "kind": self.kind, "key": self.key, "verdict": self.verdict,
                "interval": self.interval, "sources": self.sources,
                "claims": [claim_to_record(c) for c in self.claims],
                "relations": [dict(r) for r in self.relations]}


def fact_id(kind: str, key: dict[str, Any]) -> str:
    digest = hashlib.sha1(json.dumps([kind, key], sort_keys=True).encode()).hexdigest()
    return f"f-{digest[:16]}"


def span_of(claim: Claim) -> tuple[str, str, int, int | None]:
    return (claim.source, claim.document, claim.evidence.start, claim.clause)


def verdict(claims: Sequence[Claim], fits: Callable[[Claim, Claim], bool]) -> str:
    """Claims are compared across clauses, sentences and sources: the figures of one clause are
    parts its words did not tell apart ("47 children, 247 women"), never a clause contradicting
    itself; two clauses of one sentence may ("Azerbaijan stated 11,557, while estimates were ...")."""
    if len({span_of(c) for c in claims}) < 2:
        return "single_source"
    pairs = ((a, b) for i, a in enumerate(claims) for b in claims[i + 1:]
             if span_of(a) != span_of(b))
    return "agree" if all(fits(a, b) for a, b in pairs) else "disagree"


def interval_verdict(claims: Sequence[Claim], intervals: Sequence[tuple[float, float]]) -> str:
    """``verdict`` with ``fits`` the overlap of the claims' allowed intervals (open at both
    ends), in linear time: two intervals of different statements share a value when each
    starts below the other's end, so each claim's start is compared with the smallest end among
    the other statements' claims."""
    spans = [span_of(c) for c in claims]
    if len(set(spans)) < 2:
        return "single_source"
    # every claim is in a pair now, and an empty interval shares nothing with anything
    if any(low >= high for low, high in intervals):
        return "disagree"
    least: dict[tuple[str, str, int, int | None], float] = {}
    for span, (_low, high) in zip(spans, intervals, strict=True):
        if span not in least or high < least[span]:
            least[span] = high
    (first_span, first), (_, second) = sorted(least.items(), key=lambda item: item[1])[:2]
    for span, (low, _high) in zip(spans, intervals, strict=True):
        if low >= (second if span == first_span else first):
            return "disagree"
    return "agree"


def distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per source and span: the same words read twice are not two claims."""
    seen: set[tuple[str, str, int, int]] = set()
    kept = []
    for claim in claims:
        anchor = claim.figure or claim.evidence
        key = (claim.source, claim.document, anchor.start, anchor.end)
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return kept


@dataclass(frozen=True)
class Rules:
    """What alignment knows of measures and places, from the settings and the gazetteer."""

    about_tolerance: float = 0.10
    period_overlap: float = 0.80
    state_measures: frozenset[str] = frozenset()
    state_window_years: float = 31 / 365
    nested_measures: frozenset[str] = frozenset()
    within: dict[str, str] = field(default_factory=dict)
    counts: CountWords | None = None  # words telling apart what figures count (None: not read)
    every_group: frozenset[str] = frozenset()  # groups (and sides) wider than any other

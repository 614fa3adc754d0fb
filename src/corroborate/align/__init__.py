"""Stage 4, align: group the claims that speak of the same thing and say whether sources agree.

Public surface: ``align(claims) -> list[Fact]``, ``relation(a, b)``, ``name_variants(mentions)``,
``framing(claims)``, ``allowed_interval(claim)``, ``period_overlap(a, b)``. The stage never picks a
winner: it attributes, aligns and shows. The rules are in docs/alignment.md; each concern has its
module:

* ``facts``: the Fact record, fact ids, verdicts, the rules (thresholds) alignment works by;
* ``intervals``: the values a claim allows (rounding, about, at least, at most);
* ``periods``: ISO prefixes as years, period overlap, claims of one period;
* ``quantities``: quantity facts (one key, one period);
* ``checks``: bounds between different facts (``parts_exceed_total``, whether one claim counts
  all another does) and ``relation`` (same, wider, narrower, different);
* ``nesting``: ``narrower_exceeds_wider``, with the index that finds its candidates;
* ``events``: event facts; ``names``: name facts and framing; ``scope``: one conflict at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from corroborate.align.checks import relation
from corroborate.align.counts import load_count_words
from corroborate.align.events import event_facts
from corroborate.align.facts import Fact, Rules
from corroborate.align.intervals import allowed_interval
from corroborate.align.names import NameFact, framing, name_variants
from corroborate.align.periods import period_overlap
from corroborate.align.quantities import quantity_facts
from corroborate.align.scope import by_conflict, scoped
from corroborate.model import Claim

__all__ = [
    "Fact", "NameFact", "align", "allowed_interval", "framing", "name_variants", "period_overlap",
    "relation",
]


def align(claims: Iterable[Claim], about_tolerance: float = 0.10,
          event_window_years: int = 1, period_overlap: float = 0.80,
          event_windows: dict[str, float] | None = None,
          place_events: Iterable[str] = ("capture", "return"),
          state_measures: Iterable[str] = (), state_window_days: float = 31,
          nested_measures: Iterable[str] = (),
          within: dict[str, str] | None = None, lang: str | None = "en") -> list[Fact]:
    """Facts from claims: quantity facts, then event facts, each sorted by key. Each conflict's
    claims are aligned apart (align/scope.py): a fact never holds claims of two conflicts, and
    its key starts with its ``conflict``.

    ``within`` maps a place to the larger place it lies in (from the gazetteer). The words of
    ``lang`` (lang/<lang>/counts.toml) tell figures that count different things apart
    (align/relations.py); None compares every figure of a key (the groups wider than any other,
    "mixed", are then English's)."""
    facts: list[Fact] = []
    for conflict, members in by_conflict(claims).items():
        one = _align_one(members, about_tolerance, event_window_years, period_overlap,
                         event_windows, place_events, state_measures, state_window_days,
                         nested_measures, within, lang)
        ids = {f.id: scoped(f.kind, f.id, f.key, conflict)[0] for f in one}
        for fact in one:
            fact_id, key = scoped(fact.kind, fact.id, fact.key, conflict)
            relations = tuple({**r, "fact": ids[r["fact"]]} for r in fact.relations)
            facts.append(replace(fact, id=fact_id, key=key, relations=relations))
    return sorted(facts, key=lambda f: (f.kind, json.dumps(f.key, sort_keys=True, default=str)))


def _align_one(claims: list[Claim], about_tolerance: float, event_window_years: int,
               period_overlap: float, event_windows: dict[str, float] | None,
               place_events: Iterable[str], state_measures: Iterable[str],
               state_window_days: float, nested_measures: Iterable[str],
               within: dict[str, str] | None, lang: str | None) -> list[Fact]:
    """The facts of one conflict's claims."""
    quantities = [c for c in claims if c.kind == "quantity" and c.value is not None]
    events = [c for c in claims if c.kind == "event"]
    rules = Rules(about_tolerance, period_overlap, frozenset(state_measures),
                  state_window_days / 365, frozenset(nested_measures),
                  dict(within or {}), load_count_words(lang) if lang else None,
                  load_count_words(lang or "en").every_group)
    return quantity_facts(quantities, rules) + \
        event_facts(events, event_window_years, event_windows or {}, frozenset(place_events))

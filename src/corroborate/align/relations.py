"""Relations between facts that count different things: figures of one key and one period that
are set beside each other, not compared (docs/alignment.md, "Figures that count different things").

* ``part_of``: one episode's toll against the whole period's (3 killed in one clash against 18 in
  the year): only beside a total, and below it;
* ``earlier_count_of``: a count so far against a later one ("by August, 27" against 37 at the
  year's end): below it;
* ``subset_of``: a part against its whole (28 released of 38 captured; 41 km2 occupied of a
  country's 29,000 km2): below it;
* ``in_addition_to``: a count added to another ("eleven more soldiers");
* ``share_of_other_thing``: a share of something other than territory (60% of arms imports)
  against a territorial share.

A part that agrees with its whole stays in the fact (the two may be one count); one that breaks
its bound (a count so far above the final count) stays too, where it disagrees: that is a dispute.
The fact on the other side carries the inverse relation.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from corroborate.align.counts import (
    ADDITIONAL,
    EPISODE,
    OTHER_SHARE,
    PARTIAL,
    SUBSET,
    TOTAL,
    CountWords,
    count_of,
)
from corroborate.align.facts import Fact
from corroborate.align.intervals import allowed_interval
from corroborate.model import Claim

__all__ = ["RELATIONS", "link", "split_counts"]

# what a set-apart figure is to the rest of its key, and the inverse
RELATIONS: dict[str, tuple[str, str]] = {
    EPISODE: ("part_of", "has_part"),
    PARTIAL: ("earlier_count_of", "later_count_of"),
    SUBSET: ("subset_of", "has_subset"),
    ADDITIONAL: ("in_addition_to", "has_addition"),
    OTHER_SHARE: ("share_of_other_thing", "share_of_other_thing"),
}
_BOUNDED = (EPISODE, PARTIAL, SUBSET)


def split_counts(members: list[Claim], words: CountWords | None,
                 about_tolerance: float) -> tuple[list[Claim], dict[str, list[Claim]]]:
    """The claims compared as one fact, and those set apart by what they count. An episode is
    set beside a total; a count so far or a part beside a plain figure or a total; a count added
    to another or a share of another thing beside any other figure. Nothing is set apart alone."""
    if words is None:
        return members, {}
    counts = [count_of(c, words) for c in members]
    intervals = [allowed_interval(c, about_tolerance) for c in members]
    lows, highs = [i[0] for i in intervals], [i[1] for i in intervals]
    # a part is below every claim beside it when it is below the lowest of them
    least_total = min((lo for lo, n in zip(lows, counts, strict=True) if n == TOTAL),
                      default=None)
    least_whole = min((lo for lo, n in zip(lows, counts, strict=True) if n in (None, TOTAL)),
                      default=None)
    how_many = Counter(counts)
    apart: dict[str, list[Claim]] = defaultdict(list)
    kept = []
    for claim, count, high in zip(members, counts, highs, strict=True):
        if count in (None, TOTAL):
            kept.append(claim)
            continue
        if count in _BOUNDED:
            least = least_total if count == EPISODE else least_whole
            beside = least is not None and high <= least
        else:
            beside = how_many[count] < len(members)  # any claim that counts otherwise
        if beside:
            apart[count].append(claim)
        else:
            kept.append(claim)
    return kept, dict(apart)


def link(count: str, apart: list[Fact], kept: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """The set-apart facts and the kept ones, each with its relations to the others."""
    forward, inverse = RELATIONS[count]
    linked_apart = [_with(f, forward, kept) for f in apart]
    return linked_apart, [_with(f, inverse, apart) for f in kept]


def _with(fact: Fact, relation: str, others: list[Fact]) -> Fact:
    added = tuple({"relation": relation, "fact": o.id} for o in others)
    return Fact(fact.id, fact.kind, fact.key, fact.verdict, fact.interval, fact.claims,
                fact.relations + added)

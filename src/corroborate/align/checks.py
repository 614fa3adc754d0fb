"""Checks between different facts, where one bounds the other: whether one claim counts all
another counts (``contains``, for ``narrower_exceeds_wider`` in align/nesting.py), a table row's
total smaller than the sum of its sides (``parts_exceed_total``); and ``relation``, how two
claims' keys relate."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from corroborate.align.counts import load_count_words
from corroborate.align.facts import Fact, fact_id
from corroborate.align.intervals import allowed_interval
from corroborate.align.periods import extent, period_overlap, time_compare, time_record
from corroborate.model import Claim

__all__ = ["ancestors", "contains", "parts_against_wholes", "relation"]


def contains(wide: Claim, narrow: Claim, within: dict[str, str], state: bool,
             every_group: frozenset[str]) -> bool:
    """Whether ``wide`` counts everything ``narrow`` counts, and more: each of side, group, place
    and time the same or wider, one of them wider. A state's time must be the same.
    ``every_group`` names the groups (and sides) wider than any other ("mixed")."""
    verdicts = [_compare(wide.side, narrow.side, every_group),
                _compare(wide.group, narrow.group, every_group),
                _place_compare(wide.place, narrow.place, within)]
    if state:
        if period_overlap(wide, narrow) < 1.0:  # also when only one of them is dated
            return False
    else:
        (w_lo, w_hi), (n_lo, n_hi) = extent(wide), extent(narrow)
        if (w_lo, w_hi) == (n_lo, n_hi):
            verdicts.append("same")
        elif w_lo <= n_lo and n_hi <= w_hi and (wide.time is None or
                                                 wide.time.start != wide.time.end):
            verdicts.append("wider")  # only a period with two ends bounds what happened in it
        else:
            return False
    return all(v in ("same", "wider") for v in verdicts) and "wider" in verdicts


def parts_against_wholes(claims: list[Claim], about_tolerance: float) -> list[Fact]:
    """A total that is smaller than the sum of its sides' figures in one table row
    (a Total column of 77 soldiers against 42 Armenian and 64 Azerbaijani)."""
    wholes: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    parts: dict[tuple[Any, ...], dict[str, Claim]] = defaultdict(dict)
    for claim in claims:
        if claim.table_row is None or claim.value is None:
            continue  # only a table says which figure is the total of which
        key = (claim.source, claim.document, claim.table_row, claim.measure, claim.unit,
               claim.group)
        if claim.side is None:
            wholes[key].append(claim)
        else:
            parts[key].setdefault(claim.side, claim)
    facts = []
    for key, whole_claims in wholes.items():
        sides = parts.get(key, {})
        if len(whole_claims) != 1 or len(sides) < 2:
            continue
        whole = whole_claims[0]
        least = sum(allowed_interval(c, about_tolerance)[0] for c in sides.values())
        if least <= allowed_interval(whole, about_tolerance)[1]:
            continue
        members = (whole, *sides.values())
        key_record = {"measure": whole.measure, "unit": whole.unit, "side": None,
                      "group": whole.group, "place": whole.place,
                      "time": time_record(members), "check": "parts_exceed_total"}
        facts.append(Fact(fact_id("quantity", key_record), "quantity", key_record, "disagree",
                          {"low": None, "high": None}, members))
    return facts


_WITHIN: dict[str, str] = {}


def relation(a: Claim, b: Claim, within: dict[str, str] | None = None,
             every_group: frozenset[str] | None = None) -> str:
    """How claim ``a`` relates to ``b``: "same", "wider", "narrower" or "different".

    ``within`` maps a place to the larger place it lies in (from the gazetteer);
    ``every_group`` the groups wider than any other (default: those of lang/en/counts.toml).
    """
    within = within or _WITHIN
    if every_group is None:
        every_group = load_count_words("en").every_group
    if (a.kind, a.measure, a.unit, a.event_type, a.conflict) != \
            (b.kind, b.measure, b.unit, b.event_type, b.conflict):
        return "different"
    verdicts = [_compare(a.side, b.side, every_group), _compare(a.group, b.group, every_group),
                _place_compare(a.place, b.place, within),
                time_compare(a.time.start if a.time else None, a.time.end if a.time else None,
                              b.time.start if b.time else None, b.time.end if b.time else None)]
    if "different" in verdicts or ("wider" in verdicts and "narrower" in verdicts):
        return "different"
    if "wider" in verdicts:
        return "wider"
    if "narrower" in verdicts:
        return "narrower"
    return "same"


def _compare(a: str | None, b: str | None, every_group: frozenset[str]) -> str:
    if a == b:
        return "same"
    if a is None or a in every_group:
        return "wider"
    if b is None or b in every_group:
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
    """Whether ``place`` lies in ``larger``, following the chain (Shusha, Nagorno-Karabakh, ...)."""
    seen: set[str] = set()
    while place is not None and place not in seen:
        seen.add(place)
        place = within.get(place)
        if place == larger:
            return True
    return False


def ancestors(place: str, within: dict[str, str]) -> list[str]:
    """The larger places ``place`` lies in, nearest first, up to the first repeat:
    ``_inside(place, larger)`` for a place ``larger`` exactly when it is one of them."""
    found: list[str] = []
    seen: set[str] = set()
    current: str | None = place
    while current is not None and current not in seen:
        seen.add(current)
        current = within.get(current)
        if current is not None:
            found.append(current)
    return found

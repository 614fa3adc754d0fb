"""Stage 4, align: group the claims that speak of the same thing and say whether sources agree.

Public surface: ``align(claims) -> list[Fact]``, ``relation(a, b)``, ``name_variants(mentions)``,
``framing(claims)``. The stage never picks a winner: it attributes, aligns and shows.

When are two claims about the same fact? (docs/alignment.md)
* Quantities: same measure and unit, and the same side, group, place and time, each compared as
  written by the extractor after canonical names: "Armenian" and "Artsakh" forces are different
  sides; soldiers and civilians are different groups; a district and Nagorno-Karabakh are different
  places; 2016 and 2020 are different times. A claim whose side, group, place or time is unknown,
  or whose place lies within the other's, or whose period contains the other's, is about a WIDER
  fact: it is related (``relation`` says "wider"/"narrower") but never compared for agreement,
  only for bounds: a wider fact's figure smaller than a narrower one's is a dispute of its own
  (``narrower_exceeds_wider``).
* Events: same event type and place, dates within ``event_window_years`` of each other.
* Verdicts: ``agree`` when the values every claim allows overlap, ``disagree`` when they do not,
  ``single_source`` when one statement says it. A value allows: exact figures their rounding
  (half a unit of the last significant digit: "3,000" is 2,500–3,500, "11,557" is
  11,556.5–11,557.5; counts under 100 are taken as counted, "20" is 19.5–20.5), "about"
  figures ``about_tolerance`` more, "at least" everything above, "at most" everything below,
  ranges their ends with rounding.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from corroborate.align.scope import by_conflict, scoped
from corroborate.model import Claim, claim_to_record

__all__ = [
    "Fact", "align", "allowed_interval", "framing", "name_variants", "period_overlap", "relation",
]


@dataclass(frozen=True)
class Fact:
    id: str
    kind: str  # quantity | event | name
    key: dict[str, Any]
    verdict: str  # agree | disagree | single_source
    interval: dict[str, float | None] | None
    claims: tuple[Claim, ...]

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.claims})

    def record(self) -> dict[str, Any]:
        """The fact export contract's JSON object."""
        return {"id": self.id, "kind": self.kind, "key": self.key, "verdict": self.verdict,
                "interval": self.interval, "sources": self.sources,
                "claims": [claim_to_record(c) for c in self.claims]}


def _rounding(value: float) -> float:
    """Half a unit of the last significant digit of a figure as written."""
    if value == 0:
        return 0.5
    if value != int(value):
        decimals = len(repr(value).split(".")[1])
        return float(0.5 * 10.0 ** -decimals)
    number = int(abs(value))
    if number < 100:
        return 0.5  # "10 civilians", "20 soldiers": small counts are counted, not rounded
    zeros = len(str(number)) - len(str(number).rstrip("0"))
    if zeros < 2:
        return 0.5  # one final zero is as often counted as rounded: "1,840 km2" against "1,835"
    return float(0.5 * 10.0 ** zeros)


def allowed_interval(claim: Claim, about_tolerance: float = 0.10) -> tuple[float, float]:
    """The values a claim allows, given its bound and rounding.

    >>> allowed_interval(_example(3000, 3000, "exact"))
    (2500.0, 3500.0)
    """
    assert claim.value is not None
    value = claim.value
    low = value.low - _rounding(value.low)
    high = value.high + _rounding(value.high)
    if value.bound == "about":
        low, high = low * (1 - about_tolerance), high * (1 + about_tolerance)
    elif value.bound == "at_least":
        high = math.inf
    elif value.bound == "at_most":
        low = 0.0
    return float(low), float(high)


def _example(low: float, high: float, bound: str) -> Claim:
    from corroborate.model import Evidence, Value
    return Claim("x", "s", "d", "quantity", Evidence(0, 0, ""), "e", value=Value(low, high, bound))


def _quantity_key(claim: Claim) -> tuple[Any, ...]:
    return (claim.measure, claim.unit, claim.side, claim.group, claim.place)


def _years(iso: str | None, end: bool) -> float | None:
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
    a0, a1 = _years(a.time.start, False), _years(a.time.end, True)
    b0, b1 = _years(b.time.start, False), _years(b.time.end, True)
    if None in (a0, a1, b0, b1):
        return 1.0 if (a.time.start, a.time.end) == (b.time.start, b.time.end) else 0.0
    assert a0 is not None and a1 is not None and b0 is not None and b1 is not None
    a0, b0, a1, b1 = a0 - slack, b0 - slack, a1 + slack, b1 + slack
    shared = min(a1, b1) - max(a0, b0)
    span = max(a1, b1) - min(a0, b0)
    return max(shared, 0.0) / span if span > 0 else 1.0


def _periods(claims: list[Claim], threshold: float, slack: float = 0.0,
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


def _time_record(claims: Sequence[Claim]) -> dict[str, str | None] | None:
    timed = [c.time for c in claims if c.time is not None]
    if not timed:
        return None
    starts = [t.start for t in timed if t.start]
    ends = [t.end for t in timed if t.end]
    return {"start": min(starts) if starts else None, "end": max(ends) if ends else None}


def _fact_id(kind: str, key: dict[str, Any]) -> str:
    digest = hashlib.sha1(json.dumps([kind, key], sort_keys=True).encode()).hexdigest()
    return f"f-{digest[:16]}"


def _span_of(claim: Claim) -> tuple[str, str, int, int | None]:
    return (claim.source, claim.document, claim.evidence.start, claim.clause)


def _verdict(claims: Sequence[Claim], fits: Callable[[Claim, Claim], bool]) -> str:
    """Claims are compared across clauses, sentences and sources: the figures of one clause are
    parts its words did not tell apart ("47 children, 247 women"), never a clause contradicting
    itself; two clauses of one sentence may ("Azerbaijan stated 11,557, while estimates were ...")."""
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:]
             if _span_of(a) != _span_of(b)]
    if not pairs:
        return "single_source"
    return "agree" if all(fits(a, b) for a, b in pairs) else "disagree"


@dataclass(frozen=True)
class _Rules:
    """What alignment knows of measures and places, from the settings and the gazetteer."""

    about_tolerance: float = 0.10
    period_overlap: float = 0.80
    state_measures: frozenset[str] = frozenset()
    state_window_years: float = 31 / 365
    nested_measures: frozenset[str] = frozenset()
    within: dict[str, str] = field(default_factory=dict)


def _quantity_facts(claims: list[Claim], rules: _Rules) -> list[Fact]:
    about_tolerance = rules.about_tolerance
    groups: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[_quantity_key(claim)].append(claim)

    def fits(a: Claim, b: Claim) -> bool:
        (a_lo, a_hi), (b_lo, b_hi) = (allowed_interval(a, about_tolerance),
                                      allowed_interval(b, about_tolerance))
        # rounding intervals are half-open: "19" (18.5–19.5) and "20" (19.5–20.5) share nothing
        return max(a_lo, b_lo) < min(a_hi, b_hi)

    facts = []
    for key, same_key in groups.items():
        measure, unit, side, group, place = key
        state = measure in rules.state_measures
        for members in _periods(_distinct(same_key), rules.period_overlap,
                                rules.state_window_years if state else 0.0, state):
            key_record = {"measure": measure, "unit": unit, "side": side, "group": group,
                          "place": place, "time": _time_record(members)}
            for part in _partition(members, fits):
                intervals = [allowed_interval(c, about_tolerance) for c in part]
                low, high = max(i[0] for i in intervals), min(i[1] for i in intervals)
                interval: dict[str, float | None] = (
                    {"low": low, "high": None if math.isinf(high) else high} if low < high
                    else {"low": None, "high": None})
                fact_key = {**key_record, "values": sorted(c.id for c in part)} \
                    if len(part) < len(members) else key_record
                facts.append(Fact(_fact_id("quantity", fact_key), "quantity", key_record,
                                  _verdict(part, fits), interval, tuple(part)))
    return facts + _parts_against_wholes(claims, about_tolerance) + \
        _narrower_exceeds_wider(claims, rules)


def _narrower_exceeds_wider(claims: list[Claim], rules: _Rules) -> list[Fact]:
    """A figure for a wider fact that is smaller than a figure for a fact inside it: 44 killed
    in 2021–2022 against at least 49 Armenian soldiers killed in September 2022; 4,049 missing
    Azerbaijanis against 4,210 missing Azerbaijani soldiers. Only ``nested_measures`` are
    compared: not shares (75% of a region, 9% of a country), nor money (spent on what?); states
    only at one time (troops in 1994 say nothing of troops in 2020)."""
    by_measure: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in _distinct(claims):
        if claim.measure in rules.nested_measures:
            by_measure[(claim.measure, claim.unit)].append(claim)
    facts = []
    for (measure, _unit), members in by_measure.items():
        state = measure in rules.state_measures
        intervals = [allowed_interval(c, rules.about_tolerance) for c in members]
        for wide, (_low, wide_high) in zip(members, intervals, strict=True):
            if math.isinf(wide_high):
                continue
            exceeding = [n for n, (n_low, _high) in zip(members, intervals, strict=True)
                         if n_low >= wide_high and _span_of(n) != _span_of(wide)
                         and _contains(wide, n, rules.within, state)]
            if not exceeding:
                continue
            key_record = {"measure": wide.measure, "unit": wide.unit, "side": wide.side,
                          "group": wide.group, "place": wide.place,
                          "time": _time_record([wide]), "check": "narrower_exceeds_wider"}
            facts.append(Fact(_fact_id("quantity", {**key_record, "wider": wide.id}),
                              "quantity", key_record, "disagree", {"low": None, "high": None},
                              (wide, *exceeding)))
    return facts


def _contains(wide: Claim, narrow: Claim, within: dict[str, str], state: bool) -> bool:
    """Whether ``wide`` counts everything ``narrow`` counts, and more: each of side, group, place
    and time the same or wider, one of them wider. A state's time must be the same."""
    verdicts = [_compare(wide.side, narrow.side), _compare(wide.group, narrow.group),
                _place_compare(wide.place, narrow.place, within)]
    if state:
        if period_overlap(wide, narrow) < 1.0:  # also when only one of them is dated
            return False
    else:
        (w_lo, w_hi), (n_lo, n_hi) = _extent(wide), _extent(narrow)
        if (w_lo, w_hi) == (n_lo, n_hi):
            verdicts.append("same")
        elif w_lo <= n_lo and n_hi <= w_hi and (wide.time is None or
                                                 wide.time.start != wide.time.end):
            verdicts.append("wider")  # only a period with two ends bounds what happened in it
        else:
            return False
    return all(v in ("same", "wider") for v in verdicts) and "wider" in verdicts


def _extent(claim: Claim) -> tuple[float, float]:
    """The years a count may cover. A count dated by one day ("On 13 September 2022, clashes
    erupted ... at least 49 soldiers were killed") counts from that day, for as long as the
    episode ran: up to the end of that year at most."""
    if claim.time is None:
        return -math.inf, math.inf
    start, end = claim.time.start, claim.time.end
    low, high = _span(start, end)
    if start and start == end and start.count("-") == 2:
        high = float(int(start[:4]) + 1)
    return low, high


def _span(start: str | None, end: str | None) -> tuple[float, float]:
    """A period as fractional years, each end at its own precision (2016 is 2016.0–2017.0); an
    open end reaches as far as it can."""
    low, high = _years(start, False), _years(end, True)
    return (-math.inf if low is None else low), (math.inf if high is None else high)


def _parts_against_wholes(claims: list[Claim], about_tolerance: float) -> list[Fact]:
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
                      "time": _time_record(members), "check": "parts_exceed_total"}
        facts.append(Fact(_fact_id("quantity", key_record), "quantity", key_record, "disagree",
                          {"low": None, "high": None}, members))
    return facts


def _partition(claims: list[Claim], fits: Callable[[Claim, Claim], bool]) -> list[list[Claim]]:
    """One fact when every statement gives one figure for the key; when a statement gives
    several ("47 children, 247 women and 347 elderly" all read as missing civilians), which of
    them another source's figure speaks to is unknowable, so figures are grouped by agreement
    and no dispute is declared among them."""
    by_statement: dict[tuple[str, str, int, int | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_statement[_span_of(claim)].append(claim)
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


def _distinct(claims: list[Claim]) -> list[Claim]:
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


def _event_facts(claims: list[Claim], window_years: int, event_windows: dict[str, float],
                 place_events: frozenset[str]) -> list[Fact]:
    """Events with a place are compared by type and place. Without a place, a type and a date
    say little, so only dates a day or two apart (or of one month or year) are taken as one event
    told two ways ("9 November" and "10 November 2020" for the ceasefire), unless the type has a
    window of its own in ``event_windows`` (the start of a conflict is one event over years)."""
    groups: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.date:
            # only a place changing hands is told apart by its place; a ceasefire "in
            # Nagorno-Karabakh" and a ceasefire are one kind of event
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
        facts.extend(_event_fact(event_type, place, _distinct(c)) for c in clusters)
    return facts


# How far apart (in years) two dates of a given precision (day, month, year) may be and still
# name one event: with a place, a month for days and two months for months; without, two days.
_PLACED = (31 / 365, 2 / 12, None)
_PLACELESS = (2 / 365, 1 / 12, 0.0)


def _dates_close(a: str, b: str, limits: tuple[float | None, float | None, float | None],
                 window_years: float) -> bool:
    """Whether two dates are within the limit for the coarser one's precision of each other."""
    start, end = _years(a, False), _years(b, False)
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
    verdict = _verdict(members, lambda a, b: _compatible(a.date or "", b.date or ""))
    return Fact(_fact_id("event", key_id), "event", key, verdict, None, tuple(members))


def align(claims: Iterable[Claim], about_tolerance: float = 0.10,
          event_window_years: int = 1, period_overlap: float = 0.80,
          event_windows: dict[str, float] | None = None,
          place_events: Iterable[str] = ("capture", "return"),
          state_measures: Iterable[str] = (), state_window_days: float = 31,
          nested_measures: Iterable[str] = (),
          within: dict[str, str] | None = None) -> list[Fact]:
    """Facts from claims: quantity facts, then event facts, each sorted by key. Each conflict's
    claims are aligned apart (align/scope.py): a fact never holds claims of two conflicts, and
    its key starts with its ``conflict``.

    ``within`` maps a place to the larger place it lies in (from the gazetteer)."""
    facts: list[Fact] = []
    for conflict, members in by_conflict(claims).items():
        for fact in _align_one(members, about_tolerance, event_window_years, period_overlap,
                               event_windows, place_events, state_measures, state_window_days,
                               nested_measures, within):
            fact_id, key = scoped(fact.kind, fact.id, fact.key, conflict)
            facts.append(replace(fact, id=fact_id, key=key))
    return sorted(facts, key=lambda f: (f.kind, json.dumps(f.key, sort_keys=True, default=str)))


def _align_one(claims: list[Claim], about_tolerance: float, event_window_years: int,
               period_overlap: float, event_windows: dict[str, float] | None,
               place_events: Iterable[str], state_measures: Iterable[str],
               state_window_days: float, nested_measures: Iterable[str],
               within: dict[str, str] | None) -> list[Fact]:
    """The facts of one conflict's claims."""
    quantities = [c for c in claims if c.kind == "quantity" and c.value is not None]
    events = [c for c in claims if c.kind == "event"]
    rules = _Rules(about_tolerance, period_overlap, frozenset(state_measures),
                   state_window_days / 365, frozenset(nested_measures),
                   dict(within or {}))
    return _quantity_facts(quantities, rules) + \
        _event_facts(events, event_window_years, event_windows or {}, frozenset(place_events))


_WITHIN: dict[str, str] = {}


def relation(a: Claim, b: Claim, within: dict[str, str] | None = None) -> str:
    """How claim ``a`` relates to ``b``: "same", "wider", "narrower" or "different".

    ``within`` maps a place to the larger place it lies in (from the gazetteer).
    """
    within = within or _WITHIN
    if (a.kind, a.measure, a.unit, a.event_type, a.conflict) != \
            (b.kind, b.measure, b.unit, b.event_type, b.conflict):
        return "different"
    verdicts = [_compare(a.side, b.side), _compare(a.group, b.group),
                _place_compare(a.place, b.place, within),
                _time_compare(a.time.start if a.time else None, a.time.end if a.time else None,
                              b.time.start if b.time else None, b.time.end if b.time else None)]
    if "different" in verdicts or ("wider" in verdicts and "narrower" in verdicts):
        return "different"
    if "wider" in verdicts:
        return "wider"
    if "narrower" in verdicts:
        return "narrower"
    return "same"


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
    """Whether ``place`` lies in ``larger``, following the chain (Shusha, Nagorno-Karabakh, ...)."""
    seen: set[str] = set()
    while place is not None and place not in seen:
        seen.add(place)
        place = within.get(place)
        if place == larger:
            return True
    return False


def _time_compare(a1: str | None, a2: str | None, b1: str | None, b2: str | None) -> str:
    """2016 is wider than 1–5 April 2016; no time at all is wider than any."""
    (a_lo, a_hi), (b_lo, b_hi) = _span(a1, a2), _span(b1, b2)
    if (a_lo, a_hi) == (b_lo, b_hi):
        return "same"
    if a_lo <= b_lo and b_hi <= a_hi:
        return "wider"
    if b_lo <= a_lo and a_hi <= b_hi:
        return "narrower"
    return "different"


def name_variants(mentions: Iterable[tuple[str, str, str, str]]) -> list[Fact]:
    """Name facts from (source, kind, canonical, as written) mentions: which names each source uses."""
    table: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for source, _kind, canonical, written in mentions:
        table[canonical][source][written] += 1
    facts: list[Fact] = []
    for canonical in sorted(table):
        by_source = {s: dict(c.most_common()) for s, c in sorted(table[canonical].items())}
        variants = {w for counts in by_source.values() for w in counts}
        key = {"entity": canonical}
        fact = Fact(_fact_id("name", key), "name", key,
                    "agree" if len(variants) == 1 else "disagree", None, ())
        facts.append(_with_variants(fact, by_source))
    return facts


@dataclass(frozen=True)
class NameFact(Fact):
    variants: dict[str, dict[str, int]] | None = None

    def record(self) -> dict[str, Any]:
        record = super().record()
        record["variants"] = self.variants
        return record


def _with_variants(fact: Fact, variants: dict[str, dict[str, int]]) -> NameFact:
    return NameFact(fact.id, fact.kind, fact.key, fact.verdict, None, (), variants)


def framing(claims: Iterable[Claim]) -> dict[str, dict[str, dict[str, int]]]:
    """The words each source uses for each kind of event: {event_type: {source: {word: n}}}."""
    table: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for claim in claims:
        if claim.kind == "event" and claim.event_type and claim.event_as_written:
            word = claim.event_as_written.lower().rstrip(":")
            table[claim.event_type][claim.source][word] += 1
    return {t: {s: dict(c.most_common()) for s, c in sorted(by.items())}
            for t, by in sorted(table.items())}

"""Facts as stored rows: what a row keeps of a Fact, the spread and the one line of a dispute,
the Fact rebuilt from its row and claims; and the rows written beside facts (each claim's
document, the places of a conflict's claims)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

from corroborate.align import Fact, NameFact
from corroborate.model import Claim

__all__ = ["PLACE_REFS", "DocumentOf", "documents_of", "fact_of_row", "place_rows", "sort_key",
           "spread_and_why", "stored_record", "subject_of"]

# claim refs kept per place
PLACE_REFS = 20

# Words a bound puts before a figure in a dispute's line ("about 3,000").
_BOUND_WORDS = {"about": "about ", "at_least": "at least ", "at_most": "at most "}


def sort_key(fact: Fact) -> str:
    """The text facts are listed by after their kind: align() sorts by exactly this."""
    return json.dumps(fact.key, sort_keys=True, default=str)


def subject_of(fact: Fact) -> str | None:
    """What a fact is about, as the measure filter matches it: measure, event type or entity."""
    key = fact.key
    return key.get("measure") or key.get("event_type") or key.get("entity")


def stored_record(fact: Fact) -> dict[str, Any]:
    """The fact's export record without its claims (kept as fact_claims rows); a name fact's
    claims are its sources' variants and stay in the record."""
    if fact.kind == "name":
        return fact.record()
    # the contract's record with its claims left out, not made and then dropped: a fact of
    # thousands of claims would make each claim's record for nothing
    return {"id": fact.id, "kind": fact.kind, "key": fact.key, "verdict": fact.verdict,
            "interval": fact.interval, "sources": fact.sources,
            "relations": [dict(r) for r in fact.relations]}


def fact_of_row(row: Any, claims: tuple[Claim, ...]) -> Fact:
    """The Fact of a stored row (columns kind, record) and its claims, as align() made it."""
    record = json.loads(row["record"])
    relations = tuple(record.get("relations") or ())
    if row["kind"] == "name":
        return NameFact(record["id"], "name", record["key"], record["verdict"], None, (),
                        relations, variants=record.get("variants"))
    return Fact(record["id"], record["kind"], record["key"], record["verdict"],
                record["interval"], claims, relations)


def _figure(claim: Claim) -> str:
    value = claim.value
    if value is None:
        return claim.date or "?"
    figure = f"{value.low:,.10g}" if value.low == value.high else \
        f"{value.low:,.10g}–{value.high:,.10g}"
    return _BOUND_WORDS.get(value.bound, "") + figure


def _day(prefix: str) -> date | None:
    parts = [int(p) for p in prefix.split("-")[:3] if p.isdigit()]
    try:
        return date(*(parts + [1, 1][: 3 - len(parts)])) if parts else None
    except ValueError:
        return None


def spread_and_why(fact: Fact) -> tuple[float, str | None]:
    """How far apart a dispute's claims are (for "largest first") and one line saying why it is
    one; (0, None) for a fact that is no dispute. Quantities: the gap between the highest low
    and the lowest high, relative to that high; events: the years between the dates; names: how
    many ways beyond one the entity is written."""
    if fact.verdict != "disagree":
        return 0.0, None
    if fact.kind == "name":
        variants = fact.record().get("variants") or {}
        written = {w: s for s, used in sorted(variants.items()) for w in used}
        said = ", ".join(f"{w} ({s})" for w, s in sorted(written.items()))
        return float(len(written) - 1), f"sources write it differently: {said}"
    valued = [c for c in fact.claims if c.value is not None]
    if valued:
        lowest = min(valued, key=lambda c: (c.value.high if c.value else 0.0))
        highest = max(valued, key=lambda c: (c.value.low if c.value else 0.0))
        assert lowest.value is not None and highest.value is not None
        gap = highest.value.low - lowest.value.high
        spread = max(gap, 0.0) / max(abs(lowest.value.high), 1.0)
        return spread, (f"no value is allowed by every source: {_figure(lowest)} "
                        f"({lowest.source}) against {_figure(highest)} ({highest.source})")
    dated = sorted((c for c in fact.claims if c.date), key=lambda c: c.date or "")
    if len(dated) < 2:
        return 0.0, "the sources' claims do not fit together"
    first, last = dated[0], dated[-1]
    days = [_day(first.date or ""), _day(last.date or "")]
    spread = (days[1] - days[0]).days / 365.25 if days[0] and days[1] else 0.0
    return spread, (f"the dates do not fit together: {first.date} ({first.source}) against "
                    f"{last.date} ({last.source})")


class DocumentOf:
    """The stored document id of a claim align() returned: the one it was read with (align
    keeps claim objects), else the one of its source, document name and id."""

    def __init__(self, claims: list[tuple[int, Claim]]) -> None:
        self.by_object = {id(claim): document_id for document_id, claim in claims}
        self.by_name = {(c.source, c.document, c.id): d for d, c in claims}
        self.claims = claims  # keeps the objects alive, so their id() stays theirs

    def __call__(self, claim: Claim) -> int:
        found = self.by_object.get(id(claim))
        return self.by_name[(claim.source, claim.document, claim.id)] if found is None else found


def documents_of(claims: list[tuple[int, Claim]]) -> DocumentOf:
    return DocumentOf(claims)


def place_rows(scope: str, claims: list[tuple[int, Claim]]) -> Iterator[tuple[Any, ...]]:
    """places rows of one conflict's claims: per (source, place) and per ('', place)."""
    table: dict[tuple[str, str], dict[str, Any]] = {}
    for document_id, claim in claims:
        if not claim.place:
            continue
        for source in (claim.source, ""):
            entry = table.setdefault((source, claim.place), {
                "country": None, "point": None, "claims": 0, "measures": Counter(), "refs": []})
            entry["claims"] += 1
            entry["country"] = entry["country"] or claim.place_country
            if entry["point"] is None and claim.place_point is not None:
                entry["point"] = list(claim.place_point)
            what = claim.measure or claim.event_type
            if what:
                entry["measures"][what] += 1
            if len(entry["refs"]) < PLACE_REFS:
                entry["refs"].append([document_id, claim.id])
    for (source, place), e in table.items():
        yield (source, scope, place, e["country"],
               None if e["point"] is None else json.dumps(e["point"]), e["claims"],
               json.dumps(dict(e["measures"]), ensure_ascii=False),
               json.dumps(e["refs"], ensure_ascii=False))

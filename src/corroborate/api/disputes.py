"""Why a fact is a dispute, in one line, and how far apart its claims are (its spread).

Spread: for figures, the largest low figure over the smallest high one (1,150 against 842 is
1.37; 20 % against 9 % is 2.2); for dates, 1 plus the years between the earliest and the latest
first day. Disputes are listed largest spread first.
"""

from __future__ import annotations

from datetime import date

from corroborate.align import Fact
from corroborate.api.params import first_day
from corroborate.model import Claim

__all__ = ["spread", "why"]

_BOUND_WORDS = {"about": "about ", "at_least": "at least ", "at_most": "at most "}
_CHECKS = {
    "narrower_exceeds_wider": "a figure for a narrower scope exceeds the one for the wider scope",
    "parts_exceed_total": "the parts add up to more than the total",
}


def figure_text(claim: Claim) -> str:
    """A claim's figure as a reader would write it: "about 5,000–6,000", "1,150 km2"."""
    if claim.value is None:
        return claim.date or "undated"
    v = claim.value
    number = f"{v.low:,.10g}" if v.low == v.high else f"{v.low:,.10g}–{v.high:,.10g}"
    unit = {"percent": " %", "km2": " km2", "usd": " USD"}.get(claim.unit or "", "")
    return f"{_BOUND_WORDS.get(v.bound, '')}{number}{unit}"


def _said(claims: tuple[Claim, ...]) -> list[str]:
    said: list[str] = []
    for claim in claims:
        text = f"{figure_text(claim)} ({claim.source})"
        if text not in said:
            said.append(text)
    return said


def why(fact: Fact) -> str:
    """One line saying why the claims of ``fact`` disagree."""
    said = _said(fact.claims)
    versus = said[0] + (" against " + ", ".join(said[1:]) if len(said) > 1 else "")
    check = fact.key.get("check")
    if check:
        return f"{_CHECKS.get(str(check), str(check).replace('_', ' '))}: {versus}"
    if fact.kind == "event":
        return f"the sources date it differently: {versus}"
    return f"no value is allowed by every source: {versus}"


def spread(fact: Fact) -> float:
    """How far apart the claims of ``fact`` are (1.0: not at all)."""
    values = [c.value for c in fact.claims if c.value is not None]
    if values:
        low = max(v.low for v in values)
        high = min(v.high for v in values)
        if high <= 0:
            return round(1.0 + max(low, 0.0), 4)
        return round(max(low / high, 1.0), 4)
    days = [_day(c.date) for c in fact.claims if c.date]
    known = [d for d in days if d is not None]
    if len(known) < 2:
        return 1.0
    return round(1.0 + (max(known) - min(known)).days / 365.25, 4)


def _day(iso: str | None) -> date | None:
    first = first_day(iso)
    try:
        return None if first is None else date.fromisoformat(first)
    except ValueError:
        return None

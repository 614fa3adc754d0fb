"""The values a claim allows: its figure widened by its rounding and its bound."""

from __future__ import annotations

import math

from corroborate.model import Claim

__all__ = ["allowed_interval", "overlaps"]


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


def overlaps(a: Claim, b: Claim, about_tolerance: float = 0.10) -> bool:
    """Whether two claims allow a common value. Rounding intervals are half-open: "19"
    (18.5–19.5) and "20" (19.5–20.5) share nothing."""
    (a_lo, a_hi), (b_lo, b_hi) = (allowed_interval(a, about_tolerance),
                                  allowed_interval(b, about_tolerance))
    return max(a_lo, b_lo) < min(a_hi, b_hi)

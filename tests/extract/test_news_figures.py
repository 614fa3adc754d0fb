"""How news prose writes figures: currencies before the number, scale letters glued to it, units
touching the digits, a unit said at both ends of a range (#9 item 7)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.extract.numbers import find_figures
from tests.extract.helpers import quantities


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # currencies written before the number
        ("The defence ministry put the cost at £6m for the first week.",
         [(6e6, 6e6, "exact", "gbp", "£6m")]),
        ("Brussels pledged €50m in aid to the refugees.", [(5e7, 5e7, "exact", "eur", "€50m")]),
        ("The loan was worth US$160 million.",
         [(1.6e8, 1.6e8, "exact", "usd", "US$160 million")]),
        # scale letters glued to the digits
        ("The firm will spend $13.6M to retrofit the plant.",
         [(1.36e7, 1.36e7, "exact", "usd", "$13.6M")]),
        ("Output rises to 1.2m tons next year.", [(1.2e6, 1.2e6, "exact", None, "1.2m")]),
        ("The car is around 25k cheaper.", [(25000, 25000, "about", None, "around 25k")]),
        ("Profit fell to £8.1bn.", [(8.1e9, 8.1e9, "exact", "gbp", "£8.1bn")]),
        # units touching the digits: a unit of claims is read, any other leaves the number alone
        ("Shares trade at a 24pc discount.", [(24, 24, "exact", "percent", "24pc")]),
        ("The district covers 289km2 of farmland.", [(289, 289, "exact", "km2", "289km2")]),
        ("It doubled storage to 256GB from 128GB.",
         [(256, 256, "exact", None, "256"), (128, 128, "exact", None, "128")]),
        ("Winds of 50mph knocked the cone over.", [(50, 50, "exact", None, "50")]),
        # a unit or currency said at both ends of a range
        ("Inflation will run at 5% to 10% this year.",
         [(5, 10, "range", "percent", "5% to 10%")]),
        ("The shares are priced between $62 and $68.",
         [(62, 68, "range", "usd", "$62 and $68")]),
        # the scale word of the second end is the first's only when the first is as small
        ("Estimates run from $750,000 to $1 million.",
         [(750000, 1e6, "range", "usd", "$750,000 to $1 million")]),
        ("Between 5 and 10 million people were affected.",
         [(5e6, 1e7, "range", None, "5 and 10 million")]),
        # hard cases: ordinals, model names and decades are no figures
        ("The 3rd battalion moved its T-72 tanks in the 1990s.", []),
    ],
)
def test_news_figure_shapes(sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = [(f.low, f.high, f.bound, f.unit, sentence[f.start:f.end])
             for f in find_figures(sentence)]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # pounds are money in gbp, kept as written
        ("The war cost Azerbaijan about £2.8 billion.",
         [("money", 2.8e9, 2.8e9, "about", "gbp", "Azerbaijan", None)]),
        # a number glued to a unit of no claim counts nothing
        ("Two soldiers were killed 20km from the border.",
         [("killed", 2, 2, "exact", "people", None, "soldiers")]),
    ],
)
def test_news_figures_in_claims(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert quantities(sentence) == expected


@given(st.integers(1, 10**6), st.integers(0, 10**6), st.sampled_from(["%", "£", "$"]))
def test_repeated_unit_range_is_one_range(low: int, extra: int, unit: str) -> None:
    high = low + extra
    sentence = (f"between {unit}{low:,} and {unit}{high:,}" if unit != "%"
                else f"between {low:,}% and {high:,}%")
    figures = find_figures(sentence)
    assert [(f.low, f.high, f.bound) for f in figures] == [(low, high, "range")]

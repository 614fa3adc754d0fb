"""lang/base/symbols.toml is what the number parser reads: thousands separators ("28,000", "28 000",
a thin or narrow no-break space normalized to " ") and decimal marks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.extract.numbers import find_figures
from tests.extract.helpers import quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 28 000 people were killed", [(28000, 28000, "about", "About 28 000")]),
        ("28,000 to 38 000 fled", [(28000, 38000, "range", "28,000 to 38 000")]),
        ("1 234 567 voters", [(1234567, 1234567, "exact", "1 234 567")]),
        ("1 000.5 km2", [(1000.5, 1000.5, "exact", "1 000.5 km2")]),
        # a space joins only a group of one to three digits and groups of exactly three
        ("lists like 4 5 6", [(4, 4, "exact", "4"), (5, 5, "exact", "5"), (6, 6, "exact", "6")]),
        ("12 3456 and 12 34", [(12, 12, "exact", "12"), (3456, 3456, "exact", "3456"),
                               (12, 12, "exact", "12"), (34, 34, "exact", "34")]),
        # a year is never a first group: "in 1992 2,000 people" is a year and a count
        ("in 1992 2,000 people", [(1992, 1992, "exact", "1992"), (2000, 2000, "exact", "2,000")]),
        ("in 1992 2 000 people", [(1992, 1992, "exact", "1992"), (2000, 2000, "exact", "2 000")]),
        ("in 1992 200 000 people", [(1992, 1992, "exact", "1992"),
                                    (200000, 200000, "exact", "200 000")]),
    ],
)
def test_thousands_separators(text: str, expected: list[tuple[object, ...]]) -> None:
    found = [(f.low, f.high, f.bound, text[f.start:f.end]) for f in find_figures(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 28 000 people were killed.", [("killed", 28000, 28000, "about")]),
        ("About 28\u202f000 people were killed.", [("killed", 28000, 28000, "about")]),
        ("About 28\u2009000 people were killed.", [("killed", 28000, 28000, "about")]),
        ("About 28\u00a0000 people were killed.", [("killed", 28000, 28000, "about")]),
    ],
)
def test_a_space_separated_figure_is_one_claim(text: str,
                                                expected: list[tuple[object, ...]]) -> None:
    assert [q[:4] for q in quantities(text)] == expected


@given(st.integers(min_value=1000, max_value=10**9))
def test_digits_with_space_separators_round_trip(number: int) -> None:
    written = f"{number:,}".replace(",", " ")
    [figure] = find_figures(f"{written} soldiers")
    assert (figure.low, figure.high, figure.bound) == (number, number, "exact")
    assert figure.end - figure.start == len(written)

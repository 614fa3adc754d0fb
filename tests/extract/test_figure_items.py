"""A figure's place is looked for within its item: the part of its sentence between the ";" and
line breaks around it (found once a sentence; quantities._item_of)."""

from __future__ import annotations

import pytest

from corroborate.extract.numbers import Figure
from corroborate.extract.quantities import _Break, _item_of
from tests.extract.helpers import claims_of


@pytest.mark.parametrize(("text", "expected"), [
    ("Casualties by town: in Shusha 40 civilians were killed; in Lachin 12 civilians were "
     "killed; 7 soldiers died.",
     [("killed", 40.0, "Shusha"), ("killed", 12.0, "Lachin"), ("killed", 7.0, None)]),
    ("In Shusha 40 civilians were killed\nand 12 soldiers were wounded.",
     [("killed", 40.0, "Shusha"), ("wounded", 12.0, None)]),
])
def test_a_place_of_another_item_is_not_the_figures(text: str,
                                                    expected: list[tuple[str, float, str]]) -> None:
    assert [(c.measure, c.value.low if c.value else None, c.place)
            for c in claims_of(text)] == expected


def test_an_item_is_between_the_breaks_around_its_figure() -> None:
    figure = Figure(30, 32, 40.0, 40.0, "exact", None)
    breaks = [_Break(5, 6), _Break(20, 21), _Break(31, 32), _Break(50, 51), _Break(60, 61)]
    assert _item_of(breaks, 0, 100, figure) == (21, 50)  # a break inside the figure is none
    assert _item_of(breaks[:2], 0, 100, figure) == (21, 100)
    assert _item_of([], 10, 90, figure) == (10, 90)

"""A figure's place is looked for within its item: the part of its sentence between the ";" and
line breaks around it (found once a sentence, when a figure that counts first needs them;
quantities._item_of), by the spans of its window (window.Spans)."""

from __future__ import annotations

import dataclasses

import pytest

from corroborate.extract.numbers import Figure, find_figures
from corroborate.extract.quantities import Scope, _Break, _item_of, read_figures
from corroborate.extract.vocab import load_vocab
from corroborate.extract.window import Spans
from tests.extract.helpers import CountedPattern, claims_of


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


@pytest.mark.parametrize(("text", "readings", "scans"), [
    ("The talks lasted 3 hours; nothing was agreed.", 0, 0),  # counts nothing: no item read
    ("In Shusha 40 civilians were killed; 12 soldiers were wounded.", 2, 1),  # once a sentence
])
def test_a_sentences_item_breaks_are_found_once_and_only_for_a_figure_that_counts(
        text: str, readings: int, scans: int) -> None:
    vocab = load_vocab("en")
    counted = CountedPattern(vocab.item_break)
    patched = dataclasses.replace(vocab, item_break=counted)
    figures = find_figures(text, 0, len(text))
    scope = Scope(text, 0, len(text), [], [], [])
    assert len(read_figures(patched, scope, figures)) == readings  # type: ignore[arg-type]
    assert counted.calls == scans


def test_spans_within_a_window() -> None:
    spans = Spans([_Break(5, 6), _Break(20, 21), _Break(31, 40)])
    assert spans.within(0, 100) == [(5, 6), (20, 21), (31, 40)]
    assert spans.within(6, 35) == [(20, 21)]  # one starting before, one ending after: out
    assert spans.starting(6, 35) == [(20, 21), (31, 40)]
    assert Spans([]).within(0, 100) == [] == Spans([]).starting(0, 100)

"""window.Spans: a window that holds every span (as most figures' and triggers' windows hold
their whole sentence) takes them all without a search; any other is searched by bisection,
and both give what a filter of every span gives."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

import corroborate.extract.window as window
from corroborate.extract.window import Spans


class _Span(NamedTuple):
    start: int
    end: int


def _filtered(items: list[_Span], lower: int, upper: int) -> list[_Span]:
    return [s for s in items if lower <= s.start < upper and s.end <= upper]


def test_a_window_that_holds_every_span_takes_them_without_a_search(
        monkeypatch: pytest.MonkeyPatch) -> None:
    spans = Spans([_Span(5, 9), _Span(20, 31), _Span(40, 44)])

    def refused(*args: object) -> int:
        raise AssertionError("searched")

    monkeypatch.setattr(window, "bisect_left", refused)
    assert spans.within(0, 400) == [(5, 9), (20, 31), (40, 44)]
    assert spans.within(5, 44) == [(5, 9), (20, 31), (40, 44)]
    with pytest.raises(AssertionError, match="searched"):
        spans.within(6, 44)  # the first starts before the window: a search


def test_a_span_that_ends_last_need_not_start_last() -> None:
    # (names of one sentence may nest: the one that ends last decides whether all are in)
    spans = Spans([_Span(0, 30), _Span(2, 8), _Span(10, 12)])
    assert spans.within(0, 20) == [(2, 8), (10, 12)]
    assert spans.within(0, 30) == [(0, 30), (2, 8), (10, 12)]


def test_an_empty_span_at_the_windows_end_is_not_in_it() -> None:
    assert Spans([_Span(3, 5), _Span(9, 9)]).within(0, 9) == [(3, 5)]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=8),
       st.integers(-5, 80), st.integers(-5, 80))
def test_within_is_a_filter_of_every_span(pairs: list[tuple[int, int]], lower: int,
                                          upper: int) -> None:
    items = sorted(_Span(start, start + length) for start, length in pairs)
    assert Spans(items).within(lower, upper) == _filtered(items, lower, upper)

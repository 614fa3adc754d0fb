"""Work the date reader skips: ``reads_context_year`` (a span whose dates all name their year is
dated the same whatever the context year, so the extractor need not read it again with the
sentence's own year), and the range and opener patterns for two dates far apart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.dates import _grammar, find_dates, reads_context_year
from tests.extract.helpers import CountedPattern

PIECES = ["on 4 March", "in 1992", "in May", "from 1988 to 1994", "4–6 April", "April 2016",
          "between May and June 1999", "on 12 May 2001", "1993", "in spring", "in late 1994",
          "the 1990s", "2018–19", "20 November, 25 November and 1 December 2020", "soldiers",
          "and", "by", "mid-May", "in the summer of 1995", "May 8, 1992", "since", "was"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
       st.sampled_from([None, 1990, 2014]))
def test_a_span_that_reads_no_context_year_is_dated_the_same_with_any(
        pieces: list[str], context: int | None) -> None:
    text = "Fighting began " + " ".join(pieces) + "."
    found = find_dates(text, 0, len(text), context_year=context)
    if not reads_context_year(text, 0, len(text)):
        for other in (None, 1975, 2023):
            assert find_dates(text, 0, len(text), context_year=other) == found


def test_a_date_without_its_year_reads_the_context() -> None:
    text = "The 2008 clashes began on 4 March."
    assert reads_context_year(text, 0, len(text))
    assert [(d.start_iso, d.year_given) for d in find_dates(text, 0, len(text),
                                                            context_year=2007)] == \
        [("2008", True), ("2008-03-04", False)]
    named = "The 2008 clashes ended in April 2009."
    assert not reads_context_year(named, 0, len(named))


def test_only_a_short_gap_between_two_dates_is_read_as_a_range(
        monkeypatch: pytest.MonkeyPatch) -> None:
    g = _grammar("en", "")
    counted = CountedPattern(g.range_gap)
    monkeypatch.setattr(g, "range_gap", counted)
    far = "The war began in 1988 and, after years of fighting, a ceasefire held in 1994."
    assert [d.start_iso for d in find_dates(far, 0, len(far))] == ["1988", "1994"]
    assert counted.calls == 0  # the words between are longer than any dash or joiner
    near = "The war lasted from 1988 to 1994."
    assert [(d.start_iso, d.end_iso) for d in find_dates(near, 0, len(near))] == \
        [("1988", "1994")]
    assert counted.calls == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "–", "-", "to", "until", "and", " ", "through"]),
                min_size=1, max_size=8))
def test_skipping_far_gaps_dates_as_reading_every_gap(pieces: list[str]) -> None:
    text = "Fighting lasted " + " ".join(pieces) + "."
    g = _grammar("en", "")
    skipping = find_dates(text, 0, len(text), context_year=2000)
    reach = g.gap_reach
    try:
        g.gap_reach = 10**6  # every gap read by the range patterns
        assert find_dates(text[:], 0, len(text), context_year=2000) == skipping
    finally:
        g.gap_reach = reach

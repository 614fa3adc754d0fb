"""``Exclusions``: the spans a sentence's dates cover are known; the language's exclusions
(citations, page numbers, ...) are searched only when a number lies outside every date."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract import numbers
from corroborate.extract.numbers import Exclusions, find_figures
from corroborate.extract.vocab import load_vocab
from tests.extract.helpers import quantities


def _figures(text: str, known: list[tuple[int, int]], searched: list[tuple[int, int]],
             calls: list[int]) -> list[str]:
    def search() -> list[tuple[int, int]]:
        calls.append(1)
        return searched

    found = find_figures(text, 0, len(text), excluded=Exclusions(known, search))
    return [text[f.start:f.end] for f in found]


def test_numbers_inside_the_dates_need_no_search() -> None:
    text = "The offensive of 2 May 1992 took the town."
    calls: list[int] = []
    assert _figures(text, [(17, 27)], [], calls) == []
    assert calls == []


def test_a_number_outside_the_dates_is_searched_for() -> None:
    text = "On 2 May 1992, 45 soldiers died (p. 12)."
    calls: list[int] = []
    assert _figures(text, [(3, 13)], [(33, 38)], calls) == ["45"]
    assert calls == [1]


def test_a_number_inside_a_searched_span_is_dropped() -> None:
    text = "In 1992 (see No. 7) 300 died"
    calls: list[int] = []
    assert _figures(text, [(3, 7)], [(13, 18)], calls) == ["300"]
    assert calls == [1]


def test_extraction_searches_no_exclusion_in_a_sentence_of_dates_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    gate = load_vocab("en").exclusion_gate
    real, calls = gate.finditer, []

    def counted(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        calls.append((start, end))
        return real(text, start, end)

    monkeypatch.setattr(gate, "finditer", counted)
    assert quantities("The ceasefire of 12 May 1994 held until 2020.") == []
    assert calls == []
    assert quantities("In 1994, 30 soldiers were killed (see p. 12).") == \
        [("killed", 30.0, 30.0, "exact", "people", None, "soldiers")]
    assert len(calls) == 1


@settings(max_examples=300, deadline=None)
@given(known=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=8),
       text=st.text(alphabet="12 ,ab", max_size=60))
def test_the_matches_outside_the_known_spans_are_those_touching_none(
        known: list[tuple[int, int]], text: str) -> None:
    # by a search of the spans sorted with their furthest ends (nested ones too), not a pass
    # over every span for every match: the same matches as that pass
    spans = [(s, s + n) for s, n in known]
    matches = list(re.finditer(r"\d+", text))
    kept = numbers._outside(spans, matches, 0, 0)
    assert kept == [m for m in matches
                    if not any(s < m.end() and m.start() < e for s, e in spans)]

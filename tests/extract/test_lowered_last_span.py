"""The span lowered last is read by ``holds_a_key`` and ``LoweredGrammar.finditer`` without a
call of ``lowered_span`` (the date, figure, relative-date and fraction readers ask for the same
sentence one after the other); another span is lowered as before."""

from __future__ import annotations

import re

import pytest

from corroborate.extract import lowered
from corroborate.extract.lowered import LoweredGrammar, holds_a_key, lowered_span

SENTENCE = "Two days later, a third of the town was SHELLED."


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    calls: list[tuple[int, int]] = []
    real = lowered.lowered_span

    def counted(text: str, start: int, end: int) -> tuple[str, int] | None:
        calls.append((start, end))
        return real(text, start, end)

    monkeypatch.setattr(lowered, "lowered_span", counted)
    return calls


def test_the_last_span_is_read_without_a_call(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Before it. " + SENTENCE
    start, end = 11, len(text)
    assert lowered_span(text, start, end) == (text[start - 11:].lower(), 0)
    calls = _counted(monkeypatch)
    assert holds_a_key(text, start, end, ("later", "zzz"))
    assert not holds_a_key(text, start, end, ("week", "month"))
    grammar = LoweredGrammar(r"shelled|third", re.IGNORECASE)
    matches, shift = grammar.finditer(text, start, end)
    assert [(m.start() + shift, m.group(0)) for m in matches] == [(29, "third"), (51, "shelled")]
    assert calls == []


def test_another_span_is_lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Before it. " + SENTENCE
    lowered_span(text, 11, len(text))
    calls = _counted(monkeypatch)
    assert holds_a_key(text, 0, 9, ("before",))  # "Before it": lowered now
    assert not holds_a_key(text, 0, 9, ("later",))
    grammar = LoweredGrammar(r"shelled", re.IGNORECASE)
    matches, shift = grammar.finditer(text, 11, len(text))
    assert [m.start() + shift for m in matches] == [51]
    assert calls == [(0, 9), (11, len(text))]


def test_a_span_that_cannot_be_lowered_is_folded() -> None:
    text = "Ankara: İki days LATER the town fell."
    assert lowered_span(text, 0, len(text)) is None  # "İ" has a case outside ASCII
    assert holds_a_key(text, 0, len(text), ("later",))  # the span folded, not lowered
    assert not holds_a_key(text, 0, len(text), ("week",))

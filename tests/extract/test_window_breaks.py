"""A sentence's clause breaks are found once for both its readers (figures and events), and
"respectively" is looked for only where an event's places and dates could pair up."""

from __future__ import annotations

import pytest

import corroborate.extract.events as events
from corroborate.extract.vocab import load_vocab
from corroborate.extract.window import clause_breaks
from tests.extract.helpers import CountedPattern, claims_of


def test_the_breaks_of_one_span_are_found_once() -> None:
    pattern = CountedPattern(load_vocab("en").clause_break)
    text = "Shusha fell on 8 May 1992, while Lachin fell on 18 May; 58 soldiers died."
    first = clause_breaks(pattern, text, 0, len(text))  # type: ignore[arg-type]
    assert [text[a:b] for a, b in first] == [
        text[a:b] for a, b in (m.span() for m in pattern.real.finditer(text, 0, len(text)))]
    assert first  # the sentence has breaks to find
    assert clause_breaks(pattern, text, 0, len(text)) is first  # type: ignore[arg-type]
    assert pattern.calls == 1
    clause_breaks(pattern, text, 0, 40)  # type: ignore[arg-type]
    copy = "".join(list(text))
    assert clause_breaks(pattern, copy, 0, len(text)) == first  # type: ignore[arg-type]
    assert pattern.calls == 3


def test_respectively_is_looked_for_only_where_places_and_dates_pair_up(
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[int, int]] = []
    real = events.has_respectively

    def counted(text: str, start: int, end: int, lang: str = "en") -> bool:
        asked.append((start, end))
        return real(text, start, end, lang)

    monkeypatch.setattr(events, "has_respectively", counted)
    single = "Armenian forces captured Shusha on 8 May 1992."
    assert [(c.event_type, c.place, c.date) for c in claims_of(single)] == [
        ("capture", "Shusha", "1992-05-08")]
    assert asked == []
    paired = "Armenian forces captured Shusha and Lachin on 8 May and 18 May 1992, respectively."
    assert [(c.event_type, c.place, c.date) for c in claims_of(paired)] == [
        ("capture", "Shusha", "1992-05-08"), ("capture", "Lachin", "1992-05-18")]
    assert len(asked) == 1

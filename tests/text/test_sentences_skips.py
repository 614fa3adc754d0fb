"""Sentence rules are searched only where they can apply: the citation boundary in a paragraph
holding a '[', the abbreviation and lone-mark rules after a piece ending in a period."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import corroborate.text.sentences as sentences
from corroborate.text.sentences import split_sentences


class _Refused:
    def __init__(self, real: re.Pattern[str]) -> None:
        self.real = real
        self.calls = 0

    def search(self, *args: object) -> re.Match[str] | None:
        self.calls += 1
        return self.real.search(*args)  # type: ignore[arg-type]

    def fullmatch(self, *args: object) -> re.Match[str] | None:
        self.calls += 1
        return self.real.fullmatch(*args)  # type: ignore[arg-type]

    def finditer(self, *args: object) -> object:
        self.calls += 1
        return self.real.finditer(*args)  # type: ignore[arg-type]


class _CountedWord:
    def __init__(self, real: Callable[[str], str | None]) -> None:
        self.real = real
        self.calls = 0

    def __call__(self, tail: str) -> str | None:
        self.calls += 1
        return self.real(tail)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, _Refused | _CountedWord]:
    found: dict[str, _Refused | _CountedWord] = {
        name: _Refused(getattr(sentences, name)) for name in ("_CITATION_BOUNDARY", "_LONE_MARK")}
    found["_last_word"] = _CountedWord(sentences._last_word)
    for name, wrapper in found.items():
        monkeypatch.setattr(sentences, name, wrapper)
    return found


def test_a_paragraph_without_a_bracket_is_not_searched_for_citations(
        counted: dict[str, _Refused | _CountedWord]) -> None:
    text = "Shusha fell in May 1992. Lachin followed! Was Kalbajar next?"
    assert split_sentences(text) == [(0, 24), (25, 41), (42, 60)]
    assert counted["_CITATION_BOUNDARY"].calls == 0
    # the pieces ending in '!' and '?' are not read for an abbreviation; the one ending in
    # a period is
    assert counted["_last_word"].calls == 1


def test_the_rules_still_apply_where_they_can(counted: dict[str, _Refused | _CountedWord]) -> None:
    text = "Gen. Smith arrived on 3 May.[4] He left. 1. The war ended."
    assert split_sentences(text, 0, frozenset({"gen", "Gen"})) == \
        [(0, 31), (32, 40), (41, 58)]
    assert counted["_CITATION_BOUNDARY"].calls == 3


class _RecordedBlingfire:
    """blingfire's library, recording the output capacity each call is told it may fill."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.capacities: list[int] = []

    def TextToSentencesWithOffsets(self, *args: object) -> int:  # (the C function's name)
        self.capacities.append(args[-1].value)  # type: ignore[attr-defined]
        return self.real.TextToSentencesWithOffsets(*args)  # type: ignore[attr-defined, no-any-return]


def test_a_short_line_after_a_long_one_is_cut_with_a_capacity_sized_to_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # blingfire clears what it is told it may fill: the buffers grown for a 60 kB line must not
    # be cleared again for every short line after it
    recorded = _RecordedBlingfire(sentences._BLINGFIRE)
    monkeypatch.setattr(sentences, "_BLINGFIRE", recorded)
    long_line = "Shelling continued near Tartar for weeks. " * 1500
    assert len(split_sentences(long_line)) == 1500
    short = "Armenian forces took Shusha on 8 May 1992. About 200 people were killed."
    assert split_sentences(short) == [(0, 42), (43, 72)]
    assert recorded.capacities[0] >= 2 * len(long_line)
    assert recorded.capacities[-1] == 2 * len(short) + 16


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aБ1(.“ \n\u2003\x1c", max_size=12))
@example("troops under Gen.")
@example("a.b.")
@example("x.\n")
@example(" .")
def test_the_last_word_is_what_the_search_it_replaced_finds(tail: str) -> None:
    found = re.search(r"(\S+)\.$", tail)
    assert sentences._last_word(tail) == (found.group(1) if found else None)

"""scan_noun_phrase reads one word of no kind between a figure and its noun ("40 more
soldiers") and stops at the second without matching it: a phrase is read with its parts as
local values and one NounPhrase built at its end."""

from __future__ import annotations

import dataclasses
import re

import pytest

from corroborate.extract.lowered import lowered_span
from corroborate.extract.noun_phrases import NounPhrase, scan_noun_phrase
from corroborate.extract.resolve import find_actors
from corroborate.extract.vocab import load_vocab

VOCAB = load_vocab("en")


class _CountedMatch:
    """A pattern whose ``match`` calls are counted, the pattern still matching."""

    def __init__(self, real: re.Pattern[str]) -> None:
        self.real, self.calls = real, 0

    def match(self, text: str, start: int, end: int) -> re.Match[str] | None:
        self.calls += 1
        return self.real.match(text, start, end)


@pytest.mark.parametrize(("text", "expected", "word_matches"), [
    # one unknown word ("brave") is read past; the noun after it is the head
    ("Officials said 40 brave Armenian soldiers on Monday.",
     NounPhrase(end=41, group="soldiers", head=True), 1),
    # a second unknown word ends the phrase without a match of its own
    ("Officials said 40 very brave soldiers were killed.", NounPhrase(end=17), 1),
    # a head read: the next unknown word ends it at once
    ("The army lost 40 soldiers yesterday.", NounPhrase(end=25, group="soldiers", head=True), 0),
])
def test_a_phrase_reads_past_one_word_of_no_kind(text: str, expected: NounPhrase,
                                                  word_matches: int) -> None:
    word = _CountedMatch(VOCAB.word)
    counted = dataclasses.replace(VOCAB, word=word)
    figure_end = re.search(r"\d+", text).end()  # type: ignore[union-attr]
    actors = find_actors(text, 0, len(text))
    phrase = scan_noun_phrase(counted, text, figure_end, len(text),  # type: ignore[arg-type]
                              actors, lowered_span(text, 0, len(text)))
    assert dataclasses.replace(phrase, side=None) == expected
    assert (phrase.side.canonical if phrase.side else None) == (
        "Armenia" if "Armenian" in text else None)
    assert word.calls == word_matches

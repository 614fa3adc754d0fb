"""The vocabulary's case-blind words found by their lowered twins (window.find_words, word_keys):
the same spans and keys as the case-blind patterns, whatever the case or letters of the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.lowered import lowered_span
from corroborate.extract.vocab import load_vocab
from corroborate.extract.window import find_words, lowered_twin, word_keys

VOCAB = load_vocab("en")
PATTERNS = {"event": VOCAB.event_pattern, "noun phrase": VOCAB.np_pattern,
            "trigger": VOCAB.trigger_words.first, "article noun": VOCAB.article_nouns}


def blind_words(pattern: re.Pattern[str], text: str, start: int,
                end: int) -> list[tuple[int, int, str]]:
    return [(*m.span(), m.group(0).lower()) for m in pattern.finditer(text, start, end)]


def test_the_event_and_noun_phrase_words_have_twins_and_a_case_sensitive_pattern_none() -> None:
    assert all(lowered_twin(p) is not None for p in PATTERNS.values())  # type: ignore[arg-type]
    assert lowered_twin(re.compile("Killed")) is None  # nothing to lower: read as it is


def test_a_sentence_in_capitals_gives_the_words_of_the_case_blind_pattern() -> None:
    text = ("AZERBAIJANI FORCES CAPTURED SHUSHA; 40 Soldiers Were Killed and the Ceasefire "
            "was SIGNED by both sides.")
    for pattern in PATTERNS.values():
        words = [tuple(w) for w in find_words(pattern, text, 0, len(text)).items]
        assert words == blind_words(pattern, text, 0, len(text))
        assert word_keys(pattern, text, 5, 60) == [k for _a, _b, k in
                                                   blind_words(pattern, text, 5, 60)]
    events = [w.key for w in find_words(VOCAB.event_pattern, text, 0, len(text)).items]
    assert events == ["captured", "ceasefire"]


def test_letters_the_engine_folds_are_read_by_the_case_blind_pattern() -> None:
    # "İ" lowers to two characters and "ſ" folds to "s": such a sentence is not lowered
    text = "In 2014, 72 soldiers were KİLLED; the ceaſefire held."
    for pattern in PATTERNS.values():
        assert [tuple(w) for w in find_words(pattern, text, 0, len(text)).items] == \
            blind_words(pattern, text, 0, len(text))


WORDS = ["killed", "Captured", "CEASEFIRE", "soldiers", "civilians", "wounded", "troops",
         "signed", "attack", "refugees", "İ", "ı", "ſ", "\u212a", "é", "É", "-", " ", ", ", ".",
         "\n", "non-", "re", "s"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(WORDS), max_size=30), cut=st.integers(0, 40),
       name=st.sampled_from(sorted(PATTERNS)))
def test_twins_give_the_case_blind_words_on_any_text(pieces: list[str], cut: int,
                                                    name: str) -> None:
    text = "".join(pieces)
    pattern = PATTERNS[name]
    start = min(cut, len(text))
    assert [tuple(w) for w in find_words(pattern, text, start, len(text)).items] == \
        blind_words(pattern, text, start, len(text))
    assert word_keys(pattern, text, start, len(text)) == \
        [k for _a, _b, k in blind_words(pattern, text, start, len(text))]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(WORDS), max_size=30), cut=st.integers(0, 40),
       stop=st.integers(0, 40), before=st.integers(0, 40))
def test_words_of_a_window_read_from_its_sentence_lowered_once(pieces: list[str], cut: int,
                                                              stop: int, before: int) -> None:
    # the sentence lowered once (from ``before`` on) serves each window inside it
    text = "".join(pieces)
    start = min(cut, len(text))
    end = max(start, len(text) - stop)
    sentence = lowered_span(text, min(before, start), len(text))
    pattern = VOCAB.np_pattern
    assert word_keys(pattern, text, start, end, sentence) == \
        [k for _a, _b, k in blind_words(pattern, text, start, end)]


def test_a_window_of_a_lowered_sentence_reads_its_own_words() -> None:
    text = "On 3 May, 40 Armenian soldiers and 12 CIVILIANS were killed near Shusha."
    sentence = lowered_span(text, 0, len(text))
    assert sentence is not None
    assert word_keys(VOCAB.np_pattern, text, 10, 36, sentence) == ["armenian", "soldiers"]
    assert word_keys(VOCAB.np_pattern, text, 36, 50, sentence) == ["civilians"]


def test_tries_of_whole_words_are_scanned_from_the_character_before_a_word() -> None:
    # the event and trigger words begin with a word character and end before none: their twins
    # consume the character before each word; the noun phrases hold " república ...", which
    # begins with a space, and keep the twin that looks behind
    for name in ("event", "trigger", "article noun"):
        twin = lowered_twin(PATTERNS[name])  # type: ignore[arg-type]
        assert twin is not None and twin.separated is not None, name
    twin = lowered_twin(VOCAB.np_pattern)
    assert twin is not None and twin.separated is None
    text = "Azerbaijani forces captured Shusha; the CEASEFIRE held."
    words = find_words(VOCAB.event_pattern, text, 19, len(text)).items  # from "captured"
    assert [(w.start, w.end, w.key) for w in words] == [(19, 27, "captured"),
                                                        (40, 49, "ceasefire")]

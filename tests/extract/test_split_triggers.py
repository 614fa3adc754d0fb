"""The trigger words found as a split alternation (window.find_split_words): the plain words by
their lowered twin, the words that need a capitalised name after them ("left Kosovo") by a
pattern of their own, merged as the one case-blind alternation ``plain|named`` finds them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.vocab import load_vocab
from corroborate.extract.window import SplitAlternation, find_split_words, lowered_twin

VOCAB = load_vocab("en")


def blind_words(pattern: re.Pattern[str], text: str, start: int,
                end: int) -> list[tuple[int, int, str]]:
    return [(*m.span(), m.group(0).lower()) for m in pattern.finditer(text, start, end)]


def split_words(words: SplitAlternation, text: str, start: int,
                end: int) -> list[tuple[int, int, str]]:
    return [tuple(w) for w in find_split_words(words, text, start, end).items]


def test_the_plain_trigger_words_have_a_twin_and_the_whole_alternation_none() -> None:
    assert lowered_twin(VOCAB.trigger_words.first) is not None
    assert lowered_twin(VOCAB.trigger_pattern) is None  # its capital check is case-sensitive
    assert VOCAB.trigger_words.second_keys == ("left",)


def test_left_counts_before_a_name_and_a_longer_plain_trigger_wins() -> None:
    text = ("24,000 Roma left Kosovo, 300 left the Region, the fighting left 30 dead "
            "and 5 LEFT The Hague.")
    words = split_words(VOCAB.trigger_words, text, 0, len(text))
    assert words == blind_words(VOCAB.trigger_pattern, text, 0, len(text))
    assert [k for _a, _b, k in words] == ["left", "left the region", "dead", "left"]


def test_a_span_without_a_named_word_is_the_plain_words() -> None:
    text = "At least 40 soldiers were killed and 12 wounded."
    assert split_words(VOCAB.trigger_words, text, 0, len(text)) == \
        blind_words(VOCAB.trigger_pattern, text, 0, len(text)) != []


PIECES = ["left", "Left", "LEFT", " ", "  ", "the ", "The ", "Kosovo", "kosovo", " region",
          "killed", "fled", "forced to leave", "-", ",", ".", "\n", "İ", "ſ", "é", "É", "30 ",
          "dead", "wounded", "re", "s"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=30), cut=st.integers(0, 30))
def test_split_trigger_words_are_the_alternations_on_any_text(pieces: list[str],
                                                             cut: int) -> None:
    text = "".join(pieces)
    start = min(cut, len(text))
    assert split_words(VOCAB.trigger_words, text, start, len(text)) == \
        blind_words(VOCAB.trigger_pattern, text, start, len(text))


LETTERS = st.text(alphabet="abc", min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(first=st.lists(LETTERS, min_size=1, max_size=4),
       second=st.lists(LETTERS, min_size=1, max_size=4),
       text=st.text(alphabet="abcA ", max_size=16), cut=st.integers(0, 5))
def test_the_merge_is_the_alternation_where_the_two_overlap(first: list[str], second: list[str],
                                                            text: str, cut: int) -> None:
    # any two patterns: a match of one may hide, start inside or tie with the other's
    one = "|".join(map(re.escape, first))
    two = "|".join(map(re.escape, second))
    words = SplitAlternation(re.compile(one, re.IGNORECASE), re.compile(two, re.IGNORECASE))
    start = min(cut, len(text))
    alternation = re.compile(f"(?:{one})|(?:{two})", re.IGNORECASE)
    assert split_words(words, text, start, len(text)) == \
        blind_words(alternation, text, start, len(text))


def test_overlapping_matches_take_the_first_pattern_then_search_again() -> None:
    # "bc" of the second starts before "cd" of the first: taken, "cd" is hidden, and the first
    # pattern's chain ("ab" hid "bc...") is searched again after it
    words = SplitAlternation(re.compile("cd|ab|da", re.I), re.compile("bc", re.I))
    text = "xbcdab cdab"
    assert split_words(words, text, 0, len(text)) == [(1, 3, "bc"), (3, 5, "da"),
                                                      (7, 9, "cd"), (9, 11, "ab")]

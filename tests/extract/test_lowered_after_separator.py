"""The date and figure grammars' twins scanned from the character before a match
(``LoweredGrammar.finditer_after_separator``: ``(?<![C])rest`` as ``[^C]rest``, so the engine's
first-character scan applies): the same matches, groups and branches as ``finditer``, at any
start of a span, in any text."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract import dates, numbers
from corroborate.extract.data import load_lang
from corroborate.extract.lowered import LoweredGrammar, all_end_in
from corroborate.extract.vocab import load_vocab
from tests.extract.helpers import corpus_pieces

Read = list[tuple[int, int, str | None, dict[str, str | None]]]


@cache
def _grammars() -> list[LoweredGrammar]:
    lang = load_lang("en")
    return [dates._Grammar(lang, load_vocab("en").not_year_after).scan,
            numbers._Grammar(lang).scan]


def _plain(grammar: LoweredGrammar, text: str, start: int, end: int) -> Read:
    found, shift = grammar.finditer(text, start, end)
    return [(m.start() + shift, m.end() + shift, m.lastgroup, m.groupdict()) for m in found]


def _separated(grammar: LoweredGrammar, text: str, start: int, end: int) -> Read:
    found, shift, lead = grammar.finditer_after_separator(text, start, end)
    return [(m.start() + shift + lead, m.end() + shift, m.lastgroup, m.groupdict())
            for m in found]


def test_the_grammars_are_scanned_from_the_character_before() -> None:
    for grammar in _grammars():
        assert grammar.separated is not None and grammar.separated.pattern.startswith("[^")
        text = "Troops: in May 1992, 3,000 (two hundred) died; 1994–95."
        found, shift, lead = grammar.finditer_after_separator(text, 8, len(text))
        matches = list(found)
        assert matches and all(m.re is grammar.separated for m in matches)
        assert (shift, lead) == (0, 1)
        # an ASCII sentence: the same pattern read with re.ASCII (no Unicode tables)
        ascii_text = "Troops: in May 1992, 3,000 (two hundred) died; 1994-95."
        found, shift, lead = grammar.finditer_after_separator(ascii_text, 8, len(ascii_text))
        matches = list(found)
        assert matches and all(m.re is grammar.separated_ascii for m in matches)
        # but for the separators only Unicode's \s holds
        spaced = "Troops:\x1cin May 1992, 3,000 (two hundred) died"
        found, shift, lead = grammar.finditer_after_separator(spaced, 8, len(spaced))
        assert all(m.re is grammar.separated for m in found)
    text = "May 1992: 3,000 died"  # a span at the text's start: no character before it
    for grammar in _grammars():
        found, shift, lead = grammar.finditer_after_separator(text, 0, len(text))
        assert lead == 0 and all(m.re is grammar.lowered for m in found)


def test_what_dates_and_figures_read_through_it() -> None:
    text = "Fighting resumed on 4 May 1992; by 1994, 3,000 to 5,000 soldiers (about a dozen units)"
    assert [(d.start, d.end, d.start_iso) for d in dates.find_dates(text, 9, len(text))] == [
        (20, 30, "1992-05-04"), (35, 39, "1994")]
    found = numbers.find_figures(text, 40, len(text))
    assert [(text[f.start:f.end], f.low, f.high, f.bound) for f in found] == [
        ("3,000 to 5,000", 3000.0, 5000.0, "range"), ("about a dozen", 12.0, 12.0, "exact")]


_WORDS = ["4", "1999", "May", "MAY", "2,000", "12.05.1999", "2018–19", "25k", "spring",
          "early", "the end of", "two hundred", "Dozens of", "a few", "5 million", "1990s",
          "mid", "of", "x", "İ", "ſept"]
_GLUE = [" ", "", "-", "/", ".", ",", "(", "’", "–", "\n", "§", " and ", " to ", "\x1c", "\x1f"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_WORDS)), max_size=14),
       st.integers(0, 30), st.integers(0, 5))
def test_same_matches_as_the_lowered_twin(pieces: list[tuple[str, str]], cut: int,
                                          short: int) -> None:
    text = "".join(glue + word for glue, word in pieces)
    start = min(cut, len(text))
    end = max(start, len(text) - short)
    for grammar in _grammars():
        assert _separated(grammar, text, start, end) == _plain(grammar, text, start, end)


def test_corpus_sentences_match_alike() -> None:
    found = 0
    for grammar in _grammars():
        for text, start, end in corpus_pieces():
            read = _separated(grammar, text, start, end)
            assert read == _plain(grammar, text, start, end)
            found += len(read)
    assert found > 1000


@pytest.mark.parametrize("pattern", [r"(?<!a)b", r"(?<![^a])b", r"(?=[ab])b", r"b(?<![\w])",
                                     r"(?<![\]a])b"])
def test_other_openings_are_not_separated(pattern: str) -> None:
    assert LoweredGrammar(pattern, after_separator=True).separated is None


def test_a_grammar_not_asked_is_not_separated() -> None:
    assert LoweredGrammar(r"(?<![\w])may", after_separator=False).separated is None
    assert LoweredGrammar(r"(?<![\w])may", after_separator=True).separated is not None


def test_a_data_word_ending_outside_the_class_leaves_the_twin_as_it_is() -> None:
    # a match ending with "mln." could be followed by one beginning right after it, which a
    # scan from the character before it would not find
    assert not all_end_in(["million", "mln."], r"[\w]")
    assert all_end_in(["May", "Sept."], r"[\w/.]")
    assert not all_end_in(["May", "’90s’"], r"[\w/.]")

"""The date and figure grammars, months alone and the relative dates run case-sensitively over
the lower-cased sentence (``extract.lowered``): the same matches as the case-blind patterns on
any text, the lowered twin used where the sentence has no letter outside ASCII, the case-blind
one elsewhere."""

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract import dates, numbers, relative_dates
from corroborate.extract.data import load_lang
from corroborate.extract.lowered import LoweredGrammar, lowered_pattern, lowered_span
from corroborate.extract.shares import load_shares
from corroborate.extract.vocab import load_vocab
from tests.extract.helpers import corpus_pieces


@cache
def _grammars() -> list[LoweredGrammar]:
    lang, vocab = load_lang("en"), load_vocab("en")
    relative = relative_dates._Grammar(lang).scan
    assert relative is not None
    date = dates._Grammar(lang, vocab.not_year_after)
    return [date.scan, date.month_alone, numbers._Grammar(lang).scan, relative]


def _spans(grammar: LoweredGrammar, text: str, start: int, end: int) -> list[tuple[int, int]]:
    found, shift = grammar.finditer(text, start, end)
    return [(m.start() + shift, m.end() + shift) for m in found]


def _blind(grammar: LoweredGrammar, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in grammar.blind.finditer(text, start, end)]


def _words() -> list[str]:
    lang = load_lang("en")
    d, n = lang.dates, lang.numbers
    return [w for names in d.months.values() for w in names] + list(d.seasons) + \
        list(d.year_parts) + d.fillers + list(n.words) + list(n.multipliers) + \
        list(n.vague) + list(n.scales) + list(load_shares("en").fractions) + \
        [w for names in d.weekdays.values() for w in names] + list(d.days_from_published) + \
        list(d.periods_from_published) + list(d.days_from_previous) + list(d.counted_units) + \
        d.counted_later + d.counted_earlier + \
        ["1999", "4", "2,000", "12.05.1999", "2018–19", "25k", "a", "an", "one"]


_GLUE = [" ", "  ", "-", "x", "/", ".", ",", "(", "’", "–", "\n", "§", "İ", "ſ", " and ", "5 "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.integers(0, 500), st.booleans()),
                max_size=14), st.integers(0, 20))
def test_same_matches_as_the_case_blind_grammar(pieces: list[tuple[str, int, bool]],
                                                cut: int) -> None:
    words = _words()
    text = "".join(glue + (words[i % len(words)].upper() if upper else words[i % len(words)])
                   for glue, i, upper in pieces)
    start = min(cut, len(text))  # a span from inside the text: lookbehinds read before it
    for grammar in _grammars():
        assert _spans(grammar, text, start, len(text)) == _blind(grammar, text, start, len(text))


def test_corpus_sentences_match_alike() -> None:
    found = 0
    for grammar in _grammars():
        for text, start, end in corpus_pieces():
            spans = _spans(grammar, text, start, end)
            assert spans == _blind(grammar, text, start, end)
            found += len(spans)
    assert found > 1000


def test_the_lowered_twin_reads_ascii_and_uncased_signs() -> None:
    for grammar in _grammars():
        assert grammar.lowered is not None
        text = "On 4 MAY 1999 – ‘Two hundred’ – § 5, A THIRD of them, TWO DAYS LATER, an hour"
        found, shift = grammar.finditer(text, 0, len(text))
        matches = list(found)
        assert matches and all(m.re is grammar.lowered for m in matches) and shift == 0
        turkish = "On 4 MAY 1999 in İzmir, two hundred"
        found, shift = grammar.finditer(turkish, 0, len(turkish))
        assert all(m.re is grammar.blind for m in found)


def test_a_span_is_lowered_with_what_lookbehinds_read() -> None:
    text = "x" * 40 + "ABC’ def"
    assert lowered_span(text, 40, len(text)) == ("x" * 16 + "abc’ def", 24)
    assert lowered_span("ABC Éd", 0, 6) is None
    assert lowered_span("ſ", 0, 1) is None


@pytest.mark.parametrize("pattern", [
    r"(?-i:[A-Z])\w+",  # tells cases apart
    r"^May",  # the lowered piece starts before the span
    r"\x41pril",  # a letter by its code keeps its case
    r"(a)\1",  # a back reference compares text
    r"[A-z]",  # a range across cases and signs
    r"[À-ÿ]x",  # a range outside ASCII
])
def test_patterns_whose_matches_lowering_may_change_are_refused(pattern: str) -> None:
    assert lowered_pattern(pattern) is None


def test_letters_are_lowered_and_escapes_and_names_kept() -> None:
    assert lowered_pattern(r"(?<![A-Za-z]-)(?P<Month>MAY|ſept)\D\.") == \
        (r"(?<![a-za-z]-)(?P<Month>may|sept)\D\.", 2)


def test_words_the_engine_folds_are_read_not_a_key_error() -> None:
    # "İ" and "ſ" lower to no key of the tables; the case-blind grammar still matched them
    figures = numbers.find_figures("5 mİllion, DOZENſ of people", 0, 27)
    assert [(f.low, f.high) for f in figures] == [(5e6, 5e6), (24.0, 108.0)]
    found = relative_dates.find_relative_dates("on FRİDAY", 0, 9, "en", "2020-01-10", None, [])
    assert [(d.start_iso, d.end_iso) for d in found] == [("2020-01-10", "2020-01-10")]

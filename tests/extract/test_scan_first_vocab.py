"""The vocabulary's case-blind phrase patterns are tries (``_blind``): they match as the
longest-first alternations of the same phrases did, wherever they are searched from."""

import itertools
import re
from pathlib import Path

import pytest

from corroborate.extract import vocab as vocab_module
from corroborate.extract.data import alternation
from corroborate.extract.vocab import Vocab, load_vocab
from corroborate.langdata import data_dirs

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

_NAMES = ["clause_break", "not_count_after", "relative_before", "place_preposition_before",
          "done_to", "restating_aside", "reference_gap", "coordinator_gap",
          "heading_event_pattern", "articles", "not_context_before", "open_start_before",
          "not_event_date_before", "as_of_publication"]


def _plain_vocab(monkeypatch: pytest.MonkeyPatch) -> Vocab:
    """The vocabulary built with the plain alternations instead of tries."""
    monkeypatch.setattr(vocab_module, "_blind",
                        lambda phrases, words=True: alternation(phrases, words=words))
    built: Vocab = vocab_module._load_vocab.__wrapped__("en", data_dirs())
    return built


def _words(vocab: Vocab) -> list[str]:
    m, d = vocab.lang.measures, vocab.lang.dates
    return [*m.clause_breaks, *m.not_counts_after, *m.relative_markers, *m.place_prepositions,
            *m.place_articles, *m.done_to, *m.restating_asides, *m.reference_prepositions,
            *m.coordinators, *vocab.heading_events, *vocab.lang.numbers.indefinite_articles,
            *d.not_context_before, *d.open_start_before, *d.not_event_date_before,
            *m.as_of_publication]


def _shapes(words: list[str]) -> str:
    pieces = []
    for word, (before, after) in itertools.product(
            words, [(" ", " "), ("x", " "), (" ", "x"), ("-", " "), (" ", "-"), ("(", ") "),
                    (" ", "  5 "), (", ", " the Town ")]):
        for form in (word, word.upper(), word.capitalize()):
            pieces.append(f"{before}{form}{after}")
    return "".join(pieces)


def test_tries_match_as_the_alternations(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = load_vocab("en")
    plain = _plain_vocab(monkeypatch)
    text = _shapes(_words(fast))
    texts = [text]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    found = differ = 0
    for name in _NAMES:
        new, old = getattr(fast, name), getattr(plain, name)
        assert new is not None and old is not None, name
        differ += new.pattern != old.pattern  # one phrase is the same either way
        for sample in texts:
            spans = [m.span() for m in new.finditer(sample)]
            assert spans == [m.span() for m in old.finditer(sample)], name
            found += len(spans)
        for pos in range(0, len(text), 3):  # matched at a position, searched in a window
            got, want = new.match(text, pos), old.match(text, pos)
            assert (got and got.span()) == (want and want.span()), (name, pos)
            window = (max(0, pos - 20), pos)
            got, want = new.search(text, *window), old.search(text, *window)
            assert (got and got.span()) == (want and want.span()), (name, pos)
    assert found > 1000 and differ >= 10
    assert fast.not_year_after != plain.not_year_after
    assert re.compile(fast.not_year_after, re.I).findall(text) == \
        re.compile(plain.not_year_after, re.I).findall(text)

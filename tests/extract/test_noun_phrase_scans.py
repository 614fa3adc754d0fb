"""The noun phrase after a figure read from the sentence lowered once (the noun words' lowered
twin), and its side phrases ("on the Azerbaijani side") looked for only with an actor after
the figure to give the side: the phrases of the case-blind reading, in fewer scans."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.lowered import lowered_span
from corroborate.extract.noun_phrases import scan_noun_phrase
from corroborate.extract.resolve import find_actors
from corroborate.extract.vocab import load_vocab
from tests.extract.helpers import CountedPattern

VOCAB = load_vocab("en")


@pytest.mark.parametrize(("text", "side", "measure", "scans"), [
    ("Officials said 19 casualties on the Azerbaijani side were confirmed.", "Azerbaijan",
     "killed", 1),
    ("There were 4049 missing citizens of Azerbaijan in 1994.", "Azerbaijan", "missing", 2),
    # no actor after the figure: no side phrase can name one, none is looked for
    ("In all 300 soldiers of the brigade died on the third day.", None, None, 0),
])
def test_a_side_phrase_is_looked_for_only_with_an_actor_after_the_figure(
        text: str, side: str | None, measure: str | None, scans: int) -> None:
    assert VOCAB.side_after is not None and VOCAB.owner_after is not None
    side_after, owner_after = CountedPattern(VOCAB.side_after), \
        CountedPattern(VOCAB.owner_after)
    counted = dataclasses.replace(VOCAB, side_after=side_after, owner_after=owner_after)
    figure_end = re.search(r"\d+", text).end()  # type: ignore[union-attr]
    actors = find_actors(text, 0, len(text))
    phrase = scan_noun_phrase(counted, text, figure_end, len(text), actors)
    assert (phrase.side.canonical if phrase.side else None, phrase.measure) == (side, measure)
    assert phrase.head
    assert side_after.calls + owner_after.calls == scans


def test_the_lowered_sentence_reads_the_phrase_the_case_blind_words_read() -> None:
    text = "Reports said 1,264 ARMENIAN Civilians and 40 soldiers OF THE brigade were killed."
    lowered = lowered_span(text, 0, len(text))
    actors = find_actors(text, 0, len(text))
    for position in (18, 44):
        blind = scan_noun_phrase(VOCAB, text, position, len(text), actors)
        assert scan_noun_phrase(VOCAB, text, position, len(text), actors, lowered) == blind
    assert scan_noun_phrase(VOCAB, text, 18, len(text), actors, lowered).group == "civilians"


PIECES = ["soldiers", "Civilians", "ARMENIAN", "Azerbaijani", "of the", "of", "killed", "dead",
          "wounded", "side", "on the", " ", "  ", ",", "(", ")", "-", "İ", "ſ", "é", "É",
          "prisoners of war", "12", "brigade"]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=20), cut=st.integers(0, 30))
def test_lowered_and_case_blind_phrases_are_the_same_on_any_text(pieces: list[str],
                                                                cut: int) -> None:
    text = " ".join(pieces)
    position = min(cut, len(text))
    actors = [a for a in find_actors(text, 0, len(text)) if a.start >= position]
    lowered = lowered_span(text, 0, len(text))
    assert scan_noun_phrase(VOCAB, text, position, len(text), actors, lowered) == \
        scan_noun_phrase(VOCAB, text, position, len(text), actors)


def _counting_word_keys(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    import corroborate.extract.noun_phrases as noun_phrases

    calls: list[tuple[int, int]] = []
    real = noun_phrases.word_keys

    def counted(pattern: re.Pattern[str], text: str, start: int, end: int,
                lowered: object = None) -> list[str]:
        calls.append((start, end))
        return real(pattern, text, start, end, lowered)  # type: ignore[arg-type]

    monkeypatch.setattr(noun_phrases, "word_keys", counted)
    return calls


def test_the_words_before_a_figure_are_read_only_when_its_own_phrase_leaves_a_question(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.extract.helpers import quantities

    calls = _counting_word_keys(monkeypatch)
    # its noun names the group, its trigger the measure, its adjective the side: no look-back
    assert quantities("In May 1992, 40 Armenian soldiers were killed near Shusha.") == \
        [("killed", 40, 40, "exact", "people", "Armenia", "soldiers")]
    assert calls == []
    # no noun after the figure: the words before it give its group and side
    assert quantities("Among the Armenian soldiers, 40 were killed.") == \
        [("killed", 40, 40, "exact", "people", "Armenia", "soldiers")]
    assert len(calls) == 1

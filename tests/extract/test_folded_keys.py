"""FoldedKeys: a word a case-blind pattern matched is found in a table of lower-case keys
whatever letters the engine matched it with."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.extract.folded import FoldedKeys, ascii_fold

TABLE = FoldedKeys({"killed": "killed", "ceasefire": "ceasefire", "soldiers": "soldiers"})


@pytest.mark.parametrize("written", ["KİLLED", "kılled", "KILLED", "k\u0130lled", "ceaſefire",
                                     "\u212ailled", "SOLDİERS"])
def test_a_word_the_engine_matched_is_found(written: str) -> None:
    assert re.fullmatch("killed|ceasefire|soldiers", written, re.IGNORECASE)
    assert TABLE[written.lower()] == ascii_fold(written.lower())


def test_a_word_missing_both_ways_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="wounded"):
        TABLE["wounded"]
    assert TABLE.get("wounded") is None and "wounded" not in TABLE


@given(st.text(alphabet="killedİıſ\u212aKILLED", max_size=8))
def test_found_exactly_when_the_engine_matches(word: str) -> None:
    matched = re.fullmatch("killed", word, re.IGNORECASE) is not None
    try:
        found = TABLE[word.lower()] == "killed"
    except KeyError:
        found = False
    assert found == matched


@pytest.mark.parametrize("folded, plain", [
    ("In 2014, 72 SOLDİERS were KİLLED near Agdam.", "In 2014, 72 SOLDIERS were KILLED near Agdam."),
    ("In 2014, 72 soldiers were kılled near Agdam.", "In 2014, 72 soldiers were killed near Agdam."),
    ("On 4 April 2016, 12 CİVİLİANS DİED in Talish.", "On 4 April 2016, 12 CIVILIANS DIED in Talish."),
])
def test_a_sentence_with_folded_letters_gives_the_claims_of_its_ascii_twin(folded: str,
                                                                         plain: str) -> None:
    """Turkish-locale capitals ("İ") and a dotless "ı" in the vocabulary's words: the claims of
    the same sentence in ASCII (the document failed on a KeyError before)."""
    from corroborate.extract import extract_claims
    from corroborate.model import Document, Source
    from corroborate.text import segment

    def claims(text: str) -> list[tuple[object, ...]]:
        document = Document(Source("s", "S"), "s.txt", text, "h", "text/plain", len(text))
        return [(c.kind, c.measure, c.value, c.group, c.time, c.figure and c.figure.start)
                for c in extract_claims(segment(document))]

    assert claims(folded) == claims(plain) != []


@given(st.text(alphabet="killedİıſ\u212aKILLED", max_size=8))
def test_get_finds_what_indexing_finds(word: str) -> None:
    try:
        indexed = TABLE[word.lower()]
    except KeyError:
        indexed = None
    assert TABLE.get(word.lower()) == indexed


@pytest.mark.parametrize("written", ["killed", "KİLLED", "kılled"])
def test_a_share_of_a_folded_word_reads_its_measure(written: str) -> None:
    # "of those KİLLED" after a percent figure: the word is looked up with ``get`` in the
    # vocabulary's tables, which found only the ASCII spelling before
    from corroborate.extract.numbers import find_figures
    from corroborate.extract.shares import share_measure
    from corroborate.extract.vocab import load_vocab

    text = f"In all, 40% of those {written} were civilians."
    figure = next(f for f in find_figures(text) if f.unit)
    assert share_measure(load_vocab("en"), text, figure, len(text)) == ("killed", 27)


@pytest.mark.parametrize(("text", "held"), [
    ("Two-thirds of the dead were civilians.", True),
    ("TWO-THİRDS of the dead were civilians.", True),  # folded as the engine matches "i"
    ("Ağdam: two-thırds of the dead.", True),  # a span that cannot be lowered is folded
    ("Ağdam: most of the dead.", False),  # ... and gated too (it was searched before)
])
def test_a_key_gate_reads_the_span_as_the_engine_folds_it(text: str, held: bool) -> None:
    from corroborate.extract.lowered import holds_a_key

    assert holds_a_key(text, 0, len(text), ("half", "third")) is held

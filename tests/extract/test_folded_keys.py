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

"""blingfire's byte offsets as character offsets: the sentences of text outside ASCII are those
blingfire's own (slow, byte by byte) wrapper gives, mapped by decoding only between them."""

from __future__ import annotations

import blingfire
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.text.sentences import _character_spans, _cut_part

WORDS = ["Shusha", "fell", "in", "May", "1992.", "Ağdam", "Füzuli", "“burned.”", "Köçərli",
         "…", "ended!", "Was", "it", "Xocalı?", "São", "Tomé", "—", "Stepanakert.", "€5", "“Yes”",
         "Нагорный", "Карабах.", "戦争。", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Eylül", "said:", "(Ağdərə)."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_sentences_outside_ascii_are_blingfires_own(words: list[str]) -> None:
    text = " ".join(words)
    assert _cut_part(text) == blingfire.text_to_sentences_and_offsets(text)[1]


@given(st.text(min_size=1, max_size=40), st.data())
def test_a_byte_inside_a_character_stands_for_it(text: str, data: st.DataObject) -> None:
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) != len(text.encode("utf-8", "ignore")):
        return  # (lone surrogates: not text the pipeline holds)
    # the character each byte belongs to, one by one
    owner = [i for i, char in enumerate(text) for _ in char.encode("utf-8")]
    bytes_ = sorted(data.draw(st.lists(st.integers(0, len(encoded) - 1), min_size=2,
                                       max_size=6)))
    pairs = list(zip(bytes_[::2], bytes_[1::2], strict=False))
    assert _character_spans(encoded, pairs) == [(owner[a], owner[b] + 1) for a, b in pairs]


def test_a_sentence_ending_in_a_character_of_several_bytes() -> None:
    text = "Ağdam fell “in July.” Füzuli… fell too。"
    assert [text[a:b] for a, b in _cut_part(text)] == \
        ["Ağdam fell “in July.”", "Füzuli… fell too。"]

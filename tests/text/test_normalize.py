"""Normalization: the documented rules, nothing else, idempotent, and offsets kept for normal text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from corroborate.text import normalize_text

INVISIBLE = "\ufeff\u200b\u00ad\u2060"
SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
         "\u202f\u205f\u3000"


@pytest.mark.parametrize(("raw", "normal"), [
    # 1. NFC: a letter and its combining accent become one character.
    ("Ag\u0306dam and S\u0327us\u0327a", "Ağdam and Şuşa"),
    ("Khankəndi", "Khankəndi"),
    # 2. Line endings.
    ("Shusha fell.\r\nLachin fell.\r\n", "Shusha fell.\nLachin fell.\n"),
    ("Shusha fell.\rLachin fell.\r", "Shusha fell.\nLachin fell.\n"),
    ("Kalbajar\u2028Aghdam\u2029Fuzuli", "Kalbajar\nAghdam\nFuzuli"),
    ("\r\n\r\n", "\n\n"),
    # 3. Removed: byte-order mark, zero-width space, soft hyphen, word joiner, controls.
    ("\ufeffStepanakert", "Stepanakert"),
    ("Stepa\u00adna\u00adkert", "Stepanakert"),
    ("Nagorno\u200b-Karabakh\u2060", "Nagorno-Karabakh"),
    ("Martuni\x00\x07\x1b[0m\x7f district", "Martuni[0m district"),
    ("page one\x0cpage two\x0bend", "page onepage twoend"),
    ("Hadrut\x85 and Jabrayil\x9c", "Hadrut and Jabrayil"),
    # 4. TAB and Unicode spaces become one ASCII space each: widths do not move.
    ("8\u00a0May\u00a01992", "8 May 1992"),
    ("Year\tArmenia\tAzerbaijan", "Year Armenia Azerbaijan"),
    ("30\u202f000 displaced,\u2009\u2009about", "30 000 displaced,  about"),
    ("\u3000Goris\u205f", " Goris "),
])
def test_each_rule(raw: str, normal: str) -> None:
    assert normalize_text(raw) == normal


@pytest.mark.parametrize("text", [
    "  trailing spaces stay   \n",
    "blank lines stay\n\n\n\nas they are",
    "double  spaces  stay",
    "“Quotes”, ‘apostrophes’ and dashes – — stay: 1992–1994",
    "ligatures ﬁ and full-width ３０ stay (NFC, not NFKC)",
    "right-to-left mark\u200f and joiner\u200d stay",
    "",
])
def test_nothing_else_changes(text: str) -> None:
    assert normalize_text(text) == text


def test_removing_a_soft_hyphen_then_composing_is_idempotent() -> None:
    composed = normalize_text("Bake\u00ad\u0301")
    assert composed == "Bak\u00e9"
    assert normalize_text(composed) == composed


@given(st.text())
@example("e\u00ad\u0301")
@example("\r\r\n\u2028\ufeff\u0300")
def test_normalizing_twice_changes_nothing(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_the_result_follows_every_rule(text: str) -> None:
    result = normalize_text(text)
    assert unicodedata.is_normalized("NFC", result)
    assert not set(result) & set("\r\u2028\u2029" + INVISIBLE + SPACES)
    assert all(char == "\n" or unicodedata.category(char) != "Cc" for char in result)


_NORMAL_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs"),
    blacklist_characters=INVISIBLE,
) | st.sampled_from(" \n")


@given(st.text(_NORMAL_CHARS).map(lambda s: unicodedata.normalize("NFC", s)))
@example("Şuşa, 8 May 1992.\n\nLachin corridor  \n")
def test_already_normal_text_keeps_every_offset(text: str) -> None:
    assert normalize_text(text) == text


_REFERENCE_MAP = {**{ord(c): "\n" for c in "\r\u2028\u2029"}, **{ord(c): None for c in INVISIBLE},
                  **{ord(c): " " for c in SPACES},
                  **{c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                       *range(0x7F, 0xA0))}}


@given(st.text(st.sampled_from("ab \n\r\u0301é" + INVISIBLE + SPACES + "\x00\x85\u2028")))
@example("Stepa\u00adna\u00adkert\r\n8\u00a0May\t1992\u2029Shusha\x07\u00a0fell")
def test_replacing_each_held_character_maps_like_one_table(text: str) -> None:
    # the text is rewritten one replace per special character it holds, from where the first
    # one stands: the same text as mapping every character through one table
    reference = unicodedata.normalize("NFC", text.replace("\r\n", "\n").translate(_REFERENCE_MAP))
    assert normalize_text(text) == reference

"""The case-blind scan-first trie (``trie_alternation(scan_first=True, ignorecase=True)``)
finds exactly what the plain trie behind its word-start lookbehind finds, and opens with a
consumed case-sensitive class, so the engine skips to the characters a phrase begins with."""

import re
from re import _compiler, _parser  # type: ignore[attr-defined]

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.tries import case_variants, trie_alternation

# letters whose case folds go beyond upper and lower: Turkish dotted and dotless i, the long
# s, the Kelvin sign, the final sigma, a title-case digraph, the sharp s
_LETTERS = "abkisAKIS" + "éÉİıſ\u212aσςΣǅǆßẞ"
_PHRASE_CHARS = _LETTERS + "-' 7\n"
_TEXT_CHARS = _PHRASE_CHARS + ".,_()"


def _plain(phrases: list[str]) -> re.Pattern[str]:
    # the same trie without scan_first (phrases differing only in case are one branch: 'K' and
    # 'k-' over 'K-' give 'K-', longest first, where two branches gave 'K')
    return re.compile(trie_alternation(phrases, ignorecase=True), re.IGNORECASE)


def _scan_first(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(trie_alternation(phrases, scan_first=True, ignorecase=True),
                      re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(_PHRASE_CHARS, min_size=1, max_size=6), min_size=1, max_size=8),
       st.text(_TEXT_CHARS, max_size=40))
def test_same_spans_as_the_plain_trie(phrases: list[str], text: str) -> None:
    plain, fast = _plain(phrases), _scan_first(phrases)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text)):  # a match from inside the text: the lookbehind reads before it
        found, expected = fast.match(text, pos), plain.match(text, pos)
        assert (found and found.span()) == (expected and expected.span())


def test_real_words_and_case_folds() -> None:
    fast = _scan_first(["a third", "two-thirds", "half", "sky"])
    text = "Two-Thirds of them, HALF of those, ſ\u212aY (long s, Kelvin), mid-half, a-third, A THIRD"
    assert [m.group(0) for m in fast.finditer(text)] == [
        "Two-Thirds", "HALF", "ſ\u212aY", "A THIRD"]
    assert [m.span() for m in fast.finditer(text)] == [
        m.span() for m in _plain(["a third", "two-thirds", "half", "sky"]).finditer(text)]


def test_a_line_break_first_is_read_behind_like_any_character() -> None:
    fast = _scan_first(["\nend"])
    assert fast.search("x\nend") is None
    assert fast.search(". \nend").span() == (2, 6)  # type: ignore[union-attr]


def test_case_variants_are_the_engines() -> None:
    assert case_variants("ki-") == {"k": "Kk\u212a", "i": "Iiİı", "-": "-"}


def _charset_prefix(pattern: str) -> object:
    """What the engine's first-character scan looks for (None: every position is tried)."""
    return _compiler._get_charset_prefix(_parser.parse(pattern, re.IGNORECASE), re.IGNORECASE)


def test_opens_with_a_class_the_engine_scans_for() -> None:
    words = ["an", "one"]
    assert _charset_prefix(trie_alternation(words)) is None
    assert _charset_prefix(trie_alternation(words, scan_first=True, ignorecase=True)) is not None

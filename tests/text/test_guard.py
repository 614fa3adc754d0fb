"""The first-character guard: same matches, and no guard where the first character is unknown."""

import re

from corroborate.text.guard import first_characters, guarded


def test_first_characters_of_an_alternation_behind_assertions() -> None:
    assert first_characters(r"\bNo\.\s*\d+|§+\s*\d+|\[[^\]]{1,30}\]") == r"[N§\[]"
    assert first_characters(r"(?<![\w-])(?:killed|wounded)(?![\w])") == "[kw]"


def test_no_guard_when_the_first_character_is_unknown() -> None:
    assert first_characters(r"(?:a)?\d") == r"[a\d]"
    assert first_characters(r"a?") is None  # may match the empty string
    assert first_characters(r".x") is None
    assert first_characters(r"[^x]y") is None
    assert guarded(r"(?i)may") == r"(?i)may"


def test_guarded_pattern_finds_the_same_spans() -> None:
    text = "On 4 May 1999, 14 civilians (p. 12) were killed; No. 7 and §3 said KILLED, [11] May."
    for pattern, flags in ((r"\bNo\.\s*\d+|§+\s*\d+|\[[^\]]{1,30}\]|\bp\.\s*\d+", 0),
                           (r"(?<![\w-])(?:killed|may)(?![\w])", re.IGNORECASE)):
        plain = [m.span() for m in re.finditer(pattern, text, flags)]
        fast = [m.span() for m in re.finditer(guarded(pattern, flags), text, flags)]
        assert fast == plain
        assert len(plain) >= 3


def test_word_bounded_patterns_begin_with_a_word_character_and_end_before_none() -> None:
    from corroborate.text.guard import word_bounded

    words = r"(?<![\w-])(?:kill(?:ed|ing)|wounded)(?![\w])"
    assert word_bounded(words)
    assert word_bounded(r"(?<![\w-])(?=[kw])(?:(?:kill(?:ed)?|wounded)(?![\w]))")  # in groups
    assert word_bounded(r"(?:killed(?![\w])|wounded(?![\w]))")  # every branch
    assert not word_bounded(r"(?<![\w-])(?: republic|killed)(?![\w])")  # may begin with a space
    assert not word_bounded(r"(?<![\w-])(?:-killed|wounded)(?![\w])")  # with a hyphen
    assert not word_bounded(r"(?<![\w-])(?:killed|wounded)")  # no end check
    assert not word_bounded(r"(?:killed(?![\w])|wounded)")  # one branch without
    assert not word_bounded(r"(?:killed)?(?![\w])")  # may match nothing
    assert word_bounded(r"a(?![\w])") and not word_bounded(r"\.(?![\w])")  # one first character

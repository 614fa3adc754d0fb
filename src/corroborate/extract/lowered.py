"""A case-blind pattern run case-sensitively over the lower-cased text: the same matches, found
about a third faster (``re.IGNORECASE`` folds the case of every character it compares).

It holds where lower-casing changes nothing a case-blind pattern tells apart: a span whose
characters outside ASCII have no case ("–", "’", "§"), so that ``str.lower`` maps one character
to one and the letters the engine folds specially ("İ", "ı", "ſ", the Kelvin sign) are absent. A
span holding another letter outside ASCII is searched with the case-blind pattern itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from corroborate.extract.folded import ascii_fold

__all__ = ["MARGIN", "LoweredGrammar", "all_end_in", "folded_span", "holds_a_key", "key_words",
           "lowered_pattern", "lowered_span", "lowered_word"]

# a span's characters outside ASCII are looked at one by one: one with a case keeps it unlowered
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


# escapes that write a character by its code ("\x41"): the letter they give would keep its case
_CODE_ESCAPES = frozenset("xuUN0123456789")


def _cased(char: str) -> bool:
    return char.lower() != char or char.upper() != char


def _ranges_keep_case(items: Any) -> bool:
    """Whether each range of the class lowers to the same range: no letter in it, or letters of
    one case at both ends (A-Z lowers to a-z; A-z would lose the signs between)."""
    for op, av in items:
        if op is sre.RANGE:
            low, high = (chr(c) for c in av)
            if not (low.isascii() and high.isascii()):
                return False
            letters = any(chr(c).isalpha() for c in range(av[0], av[1] + 1))
            if letters and not (low.isalpha() and high.isalpha() and
                                low.isupper() == high.isupper()):
                return False
    return True


def _checks(items: Any) -> tuple[bool, int]:
    """Whether lower-casing keeps the meaning of the parsed items, and their widest lookbehind."""
    widest = 0
    for op, av in items:
        if op is sre.SUBPATTERN:
            _group, _add_flags, del_flags, sub = av
            if del_flags & re.IGNORECASE:  # a case-sensitive part tells cases apart
                return False, 0
            ok, width = _checks(sub)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, sub = av
            ok, width = _checks(sub)
            if direction < 0:
                width = max(width, sub.getwidth()[1])
        elif op is sre.BRANCH:
            ok, width = True, 0
            for branch in av[1]:
                one = _checks(branch)
                ok, width = ok and one[0], max(width, one[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            ok, width = _checks(av[2])
        elif op is sre.ATOMIC_GROUP:
            ok, width = _checks(av)
        elif op is sre.IN:
            ok, width = _ranges_keep_case(av), 0
        elif op is sre.AT:
            # the lowered text begins before the span: its own start is no line's or text's
            ok, width = av not in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING,
                                   sre.AT_BEGINNING_LINE), 1
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            ok, width = False, 0  # a back reference compares text, which lowering changed
        else:
            ok, width = True, 0
        if not ok:
            return False, 0
        widest = max(widest, width)
    return True, widest


def lowered_pattern(pattern: str) -> tuple[str, int] | None:
    """``pattern`` (written for ``re.IGNORECASE``) with its letters lower-cased, to be compiled
    without it and run over lower-cased text, and how far its lookbehinds read; None if
    lower-casing may change its matches (a case-sensitive part, a start-of-text anchor, a back
    reference, a range of mixed case).

    >>> lowered_pattern(r"(?<![A-Za-z]-)(?P<m>May|JUNE)\\d")
    ('(?<![a-za-z]-)(?P<m>may|june)\\\\d', 2)
    """
    try:
        tree = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    ok, widest = _checks(tree.data)
    if not ok:
        return None
    out = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":  # an escape stays as written: "\D" is no "\d"
            if pattern[i + 1:i + 2] in _CODE_ESCAPES:  # "\x41" is a letter of one case
                return None
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            close = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:close + 1])  # a group's name stays as written
            i = close + 1
        else:
            out.append(_lower(pattern[i]))
            i += 1
    return "".join(out), widest


def lowered_word(word: str) -> str:
    """A data word as lowered text holds it (``_lower`` on each character).

    >>> lowered_word("Auguſt")
    'august'
    """
    return "".join(map(_lower, word))


def key_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """Each phrase's last word as lowered text holds it, less those holding another ("thirds"
    holds "third"): every phrase holds one, so a lowered text holding none holds no phrase.

    >>> key_words(["two-thirds", "a third", "half", "Sept", "September"])
    ('half', 'sept', 'third')
    """
    words = {re.split(r"[\s-]+", lowered_word(p))[-1] for p in phrases}
    return tuple(sorted(w for w in words if w and not any(o != w and o in w for o in words)))


def _lower(char: str) -> str:
    """A pattern's character as lowered text holds it: its lower case, with a letter the engine
    folds to an ASCII one ("ſ", the Kelvin sign, "İ") written as that one (``folded.ascii_fold``:
    lowered text never holds the letter itself)."""
    return char.lower() if char.isascii() else ascii_fold(char.lower())


# How many characters before a span are lowered with it: what the patterns' lookbehinds may read
# (a pattern that reads further is not lowered).
MARGIN = 16

# the last span lowered: the date and figure grammars read the same sentence one after the other
_last: tuple[str, int, int, tuple[str, int] | None] | None = None


def lowered_span(text: str, start: int, end: int) -> tuple[str, int] | None:
    """``text[at:end].lower()`` and ``at``, ``MARGIN`` characters before ``start`` (what
    lookbehinds read), or None if those characters hold a letter outside ASCII."""
    global _last
    last = _last
    if last is not None and last[0] is text and last[1] == start and last[2] == end:
        return last[3]
    at = max(0, start - MARGIN)
    piece = text[at:end]
    found: tuple[str, int] | None = (piece.lower(), at)
    if not piece.isascii() and any(_cased(m.group(0)) for m in _NOT_ASCII.finditer(piece)):
        found = None
    _last = (text, start, end, found)
    return found


def folded_span(text: str, start: int, end: int) -> str:
    """The span as a gate of data words reads it: ``lowered_span``'s text (with a few
    characters before the span: a word found only there lets a search find nothing), or, for
    a span that cannot be lowered, its lower case with the letters the engine folds to ASCII
    ones written as those ("ſ", "ı", the Kelvin sign). An ASCII word a case-blind pattern finds
    in the span is in it, lower case.

    >>> folded_span("Fighting resumed in ſeptember.", 0, 30)
    'fighting resumed in september.'
    """
    low = lowered_span(text, start, end)
    return low[0] if low is not None else ascii_fold(text[start:end].lower())


def holds_a_key(text: str, start: int, end: int, keys: Iterable[str]) -> bool:
    """Whether the span, as ``folded_span`` reads it, holds one of ``keys`` (ASCII words in lower
    case, ``key_words``): a gate of substring tests before a search for data words, which can
    find none in a span that holds no key."""
    last = _last  # (the span lowered last, read here without two calls: most often it is)
    if last is not None and last[0] is text and last[1] == start and last[2] == end and \
            last[3] is not None:
        return any(map(last[3][0].__contains__, keys))
    return any(map(folded_span(text, start, end).__contains__, keys))


# a pattern that opens with "may begin after no character of this class": (?<![\w/.])
_OPENING_LOOKBEHIND = re.compile(r"\(\?<!\[([^\]\[^][^\]\[]*)\]\)")


def _after_separator(twin: str, flags: int) -> re.Pattern[str] | None:
    """``(?<![C])rest`` as ``[^C]rest``: the character before a match consumed, so that the
    engine's first-character scan jumps between the characters that may come before one, where
    the lookbehind is tried at every position (half the time of the date grammar's twin); None
    for a pattern that opens otherwise."""
    opening = _OPENING_LOOKBEHIND.match(twin)
    if opening is None:
        return None
    return re.compile(f"[^{opening.group(1)}]{twin[opening.end():]}", flags)


def all_end_in(words: Iterable[str], char_class: str) -> bool:
    """Whether every word ends with a character of ``char_class`` (a pattern's class): a
    grammar whose matches end with its words is ``after_separator`` only then.

    >>> all_end_in(["May", "Sept."], "[A-Za-z.]"), all_end_in(["mln."], "[A-Za-z]")
    (True, False)
    """
    last = re.compile(char_class + r"\Z")
    return all(last.search(word) for word in words)


# ASCII characters that Unicode's \s holds and ``re.ASCII``'s does not
_UNICODE_ONLY_SPACES = "\x1c\x1d\x1e\x1f"


def _ascii_alike(piece: str) -> bool:
    """Whether a pattern reads ``piece`` alike with and without ``re.ASCII``: it is ASCII (word
    characters, digits and word boundaries are then the same) and holds no separator control
    character (which only Unicode's spaces hold; normalized text has none)."""
    return piece.isascii() and not any(map(piece.__contains__, _UNICODE_ONLY_SPACES))


def _known_span(text: str, start: int, end: int) -> tuple[str, int] | None:
    """``lowered_span``, the span lowered last read first (the grammars read one sentence
    after the other: most often it is that one, and ``lowered_span`` is not called)."""
    last = _last
    if last is not None and last[0] is text and last[1] == start and last[2] == end:
        return last[3]
    return lowered_span(text, start, end)


class LoweredGrammar:
    """A case-blind pattern with its lowered twin: ``finditer`` gives each match and the offset
    to add to its positions."""

    def __init__(self, pattern: str, flags: int = 0, twin_pattern: str | None = None, *,
                 after_separator: bool = False) -> None:
        """``twin_pattern``: the lowered twin written apart (for a pattern that cannot be lowered
        as written, as a case-blind scan-first trie), in lower case already.
        ``after_separator``: the twin is also compiled to be scanned from the character before
        a match (``finditer_after_separator``), for a pattern that opens with a lookbehind of
        one character class and whose every match ends with a character of that class (so no
        match begins where the one before it ends)."""
        self.blind = re.compile(pattern, flags | re.IGNORECASE)
        twin = lowered_pattern(pattern if twin_pattern is None else twin_pattern)
        self.lowered = None if twin is None or twin[1] > MARGIN else re.compile(twin[0], flags)
        self.separated = _after_separator(self.lowered.pattern, flags) \
            if after_separator and self.lowered is not None else None
        # and for a piece that ``re.ASCII`` reads alike (``_ascii_alike``): its classes (the
        # separator's \w first) tested without the Unicode tables, a fifth less time
        self.separated_ascii = None if self.separated is None else \
            re.compile(self.separated.pattern, (flags & ~re.UNICODE) | re.ASCII)

    def finditer_after_separator(self, text: str, start: int, end: int
                                 ) -> tuple[Iterator[re.Match[str]], int, int]:
        """The matches of ``finditer`` and two offsets: a match's start is ``m.start() + shift
        + lead``, its end ``m.end() + shift`` (with ``lead`` 1, each match begins with the
        character before it; its groups are where they were)."""
        low = None if self.lowered is None else _known_span(text, start, end)
        if low is None:
            return self.blind.finditer(text, start, end), 0, 0
        piece, at = low
        matches, lead = self.scan_lowered(piece, start - at, end - at)
        return matches, at, lead

    def scan_lowered(self, piece: str, start: int, end: int) -> tuple[Iterator[re.Match[str]], int]:
        """The twin's matches in ``piece[start:end]``, a lowered piece of text, and the ``lead``
        to add to their starts (1: scanned from the character before, where the twin is
        ``after_separator`` and a character is there; a span at the text's start has none)."""
        assert self.lowered is not None
        if self.separated is not None and self.separated_ascii is not None and start > 0:
            pattern = self.separated_ascii if _ascii_alike(piece) else self.separated
            return pattern.finditer(piece, start - 1, end), 1
        return self.lowered.finditer(piece, start, end), 0

    def finditer(self, text: str, start: int,
                 end: int) -> tuple[Iterator[re.Match[str]], int]:
        """The matches in ``text[start:end]`` (an iterator) and the offset of their positions."""
        lowered = self.lowered
        low = None if lowered is None else _known_span(text, start, end)
        if lowered is None or low is None:
            return self.blind.finditer(text, start, end), 0
        piece, at = low
        return lowered.finditer(piece, start - at, end - at), at

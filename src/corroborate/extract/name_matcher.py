"""The gazetteer's names as one scan, and a text's scan kept to serve its sentences.

Split from ``resolve.py``, which decides what a match means; here is only where names match.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property

from corroborate.extract.data import trie_alternation
from corroborate.text.guard import guarded

__all__ = ["NameMatcher", "ScannedNames"]

class NameMatcher:
    """A trie of names searched over every sentence. Most names begin with a capital: those are
    scanned from one capital to the next (``scan_first``, a third of a lookahead guard's time);
    the few others ("the Gaza Strip") are looked for as plain strings first (once per text: the
    extractor asks sentence by sentence), and only a span holding one is searched for them
    too, by a small trie of their own, the two scans merged as one alternation of all the names
    scans (the same matches: a name of each kind never begins at the same character, and each
    scan goes on from the end of the match taken). The trie of all the names takes 0.17 s to
    compile, more than the scans of a megabyte, and is compiled only if no name has a capital.
    Every pattern checks a name's end by ``(?![\\w])`` alone (``ScannedNames`` relies on it).

    The engine tests each character of a text against the set of the names' first characters:
    as a 256-bit map when all are below U+0100, else as a two-level table, a quarter more
    instructions a character. The few names beginning above it (one country's "Česko") are
    left out of ``capitals`` and searched only in a text holding their first character, by the
    trie of all the capitalised names (``all_capitals``, compiled then): the same matches, as a
    name of the one never begins with a character of the other.
    """

    def __init__(self, forms: dict[str, tuple[str, str]]) -> None:
        self.forms = forms
        capitals = [form for form in forms if form[:1].isupper()]
        self.others = tuple(form for form in forms if not form[:1].isupper())
        self._capital_forms = tuple(capitals)  # (a tuple of strings: untracked)
        byte_wide = [form for form in capitals if form[0] <= "\xff"]
        # the first characters of the names left out of ``capitals``
        self.wide_firsts = tuple(sorted({form[0] for form in capitals} -
                                        {form[0] for form in byte_wide})) if byte_wide else ()
        self.capitals = re.compile(trie_alternation(
            byte_wide if self.wide_firsts else capitals, scan_first=True)) \
            if capitals else self.pattern
        # the last text asked about, and whether it holds one of those first characters
        self._wide_in: tuple[str, bool] = ("", False)
        self.lower = re.compile(guarded(trie_alternation(list(self.others)))) \
            if self.others and capitals else None
        # a span holds one of the others if it holds one of those that hold no other
        # ("ethnic Albanian", not "ethnic Albanians" too): each is looked for in every text
        self._needles = tuple(form for form in self.others
                              if not any(other in form for other in self.others if other != form))
        # the last text searched, with where the other names occur in it (starts, ends)
        self._others_in: tuple[str, list[int], list[int]] = ("", [], [])

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """All the names (compiled when a span holds one of the others)."""
        return re.compile(guarded(trie_alternation(list(self.forms))))

    @cached_property
    def all_capitals(self) -> re.Pattern[str]:
        """All the capitalised names (compiled when a text holds one of ``wide_firsts``)."""
        if not self.wide_firsts:
            return self.capitals
        return re.compile(trie_alternation(list(self._capital_forms), scan_first=True))

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        capitals = self.capitals
        if self.wide_firsts:
            seen = self._wide_in
            if seen[0] is not text:
                seen = self._wide_in = (text, any(c in text for c in self.wide_firsts))
            if seen[1]:
                capitals = self.all_capitals
        if self.lower is not None and self._holds_others(text, start, end):
            return _merged(capitals, self.lower, text, start, end)
        return capitals.finditer(text, start, end)

    def _holds_others(self, text: str, start: int, end: int) -> bool:
        """Whether the span holds one of the names without a capital."""
        if self.others:
            seen = self._others_in
            if seen[0] is not text:
                seen = self._others_in = (text, *self._occurrences(text))
            starts, ends = seen[1], seen[2]
            if not starts:  # (most texts hold none)
                return False
            at = bisect_left(starts, start)
            while at < len(starts) and starts[at] < end:  # (rare: most spans hold none)
                if ends[at] <= end:
                    return True
                at += 1
        return False

    def _occurrences(self, text: str) -> tuple[list[int], list[int]]:
        found = []
        for form in self._needles:
            at = text.find(form)
            while at >= 0:
                found.append((at, at + len(form)))
                at = text.find(form, at + 1)
        found.sort()
        return [s for s, _e in found], [e for _s, e in found]


def _merged(first: re.Pattern[str], second: re.Pattern[str], text: str, start: int,
            end: int) -> Iterator[re.Match[str]]:
    """The matches of the alternation of two patterns that never match from the same
    character: the earlier of the two next matches, each scan resumed past it."""
    one, two = first.search(text, start, end), second.search(text, start, end)
    while one is not None or two is not None:
        taken = one if two is None or (one is not None and one.start() < two.start()) else two
        assert taken is not None
        yield taken
        cursor = taken.end()
        if one is not None and one.start() < cursor:
            one = first.search(text, cursor, end)
        if two is not None and two.start() < cursor:
            two = second.search(text, cursor, end)


class ScannedNames:
    """A matcher's matches over a text's first ``end`` characters (a document, scanned once for
    the countries it names), kept to serve its sentences instead of scanning each again.

    A sentence's own scan stops at its end, the document's goes on; they find the same names
    in the sentence except where the document's scan reads past the sentence's end: a name
    running across it (or across its start, after which the sentence's scan starts afresh),
    or the end check ``(?![\\w])`` of a name ending there, which sees the next character in
    the document and nothing in the sentence. ``within`` gives no matches (None) in those
    cases: the sentence is scanned as before. The matches are kept as two lists of ints, their
    starts and ends: bisected as ints, not as tuples compared item by item, and no work for the
    garbage collector (kept match objects, a few thousand a document, each survived young
    collections into the old generation and set off full ones: one of 30 ms every 20 rounds of
    the corpus).
    """

    __slots__ = ("end", "ends", "starts", "text")

    def __init__(self, text: str, end: int, starts: list[int], ends: list[int]) -> None:
        self.text = text
        self.end = end
        self.starts = starts
        self.ends = ends

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The matches' (start, end), in text order."""
        return list(zip(self.starts, self.ends, strict=True))

    def within(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]] | None:
        """The spans of the matches a scan of ``text`` from ``start`` to ``end`` finds, or None
        if they may differ from the document's there (or ``text`` is another text)."""
        if text is not self.text or end > self.end:
            return None
        starts, ends = self.starts, self.ends
        first = bisect_left(starts, start)  # the first match starting at or after start
        last = bisect_left(starts, end, first)
        if first and ends[first - 1] > start:
            return None  # a name across the span's start
        if last > first and ends[last - 1] > end:
            return None  # a name across its end
        if end < self.end:
            # a name ending at its end is one in the span, maybe not in the text: the next
            # character is \w (str.isalnum is the engine's test of it, with "_")
            after = text[end]
            if after.isalnum() or after == "_":
                return None
        return zip(starts[first:last], ends[first:last], strict=True)

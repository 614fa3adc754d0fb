"""Bounded look-ups: what one figure or trigger may lean on lies within a window of characters.

Each segment's dates, places, actors and trigger words are found once, in text order; a figure
then looks them up by bisection within ``WINDOW`` characters on either side of itself. The work
per figure is bounded by the window, not by the segment, so extraction stays linear in the input
for text of any shape (a 200 KB line without a sentence end, a page of nothing but numbers).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import Generic, NamedTuple, Protocol, TypeVar

from corroborate.extract.lowered import LoweredGrammar, holds_a_key, lowered_span
from corroborate.text.guard import word_bounded

__all__ = ["EVIDENCE_MAX", "WINDOW", "LazyWords", "Lowered", "Spans", "SplitAlternation", "Word",
           "clause_breaks", "evidence_span", "find_split_words", "find_words", "lowered_twin",
           "word_keys"]

# Characters on each side of a figure (or an event's trigger) that its readers look at. The
# longest sentence of the shared corpus is 689 characters, and a figure's trigger, side, place
# and date sit within a few hundred of it; a wider window costs time on text dense with matches.
WINDOW = 400

# A segment longer than this (a line that never ends a sentence) gives each claim a window of
# about this many characters around its figure as evidence instead of the whole segment, so
# the store holds O(claims) evidence text rather than O(claims x line length).
EVIDENCE_MAX = 1000


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


_START, _END = attrgetter("start"), attrgetter("end")


class Spans(Generic[S]):
    """Non-overlapping spans in text order (as ``finditer`` yields them), looked up by bisection."""

    __slots__ = ("items", "last_end", "starts")

    def __init__(self, items: Sequence[S]) -> None:
        self.items = items
        self.starts = list(map(_START, items))
        # where the spans end (the last to end): a window that holds them all, as the window
        # of most figures and triggers holds its whole sentence, takes them without a search
        self.last_end = max(map(_END, items)) if items else 0

    def starting(self, lower: int, upper: int) -> list[S]:
        """The spans that start in ``[lower, upper)``."""
        starts = self.starts
        if not starts:  # most sentences' dates, item breaks, many a sentence's actors
            return []
        return list(self.items[bisect_left(starts, lower):bisect_left(starts, upper)])

    def within(self, lower: int, upper: int) -> list[S]:
        """The spans that lie inside ``[lower, upper]``."""
        starts = self.starts
        if not starts:
            return []
        if lower <= starts[0] and starts[-1] < upper and self.last_end <= upper:
            return list(self.items)  # all of them
        return [s for s in self.items[bisect_left(starts, lower):bisect_left(starts, upper)]
                if s.end <= upper]

    def any_starting(self, lower: int, upper: int) -> bool:
        return bisect_left(self.starts, lower) < bisect_left(self.starts, upper)


class Word(NamedTuple):
    """A vocabulary word found in the text: its span and its lower-cased form (a tuple: built
    for every match, a third of a frozen dataclass's build time)."""

    start: int
    end: int
    key: str


# each pattern's twin, by the pattern's id (hashing a compiled pattern hashes its whole program:
# 15 kB for the noun phrases, on every call); the pattern is kept so its id stays its own
_TWINS: dict[int, tuple[re.Pattern[str], LoweredGrammar | None]] = {}


def lowered_twin(pattern: re.Pattern[str]) -> LoweredGrammar | None:
    """A case-blind pattern's lowered twin (extract/lowered.py: the same matches, run
    case-sensitively over the lower-cased text, about twice as fast for the vocabulary's
    tries); None for a pattern that has none (a case-sensitive one, or one lowering could
    change)."""
    known = _TWINS.get(id(pattern))
    if known is not None:
        return known[1]
    twin: LoweredGrammar | None = None
    if pattern.flags & re.IGNORECASE:
        # a tries of whole words is scanned from the character before each match (the engine
        # jumps between the characters a word may follow: a third fewer instructions)
        twin = LoweredGrammar(pattern.pattern, pattern.flags & ~re.IGNORECASE,
                              after_separator=word_bounded(pattern.pattern, pattern.flags))
        twin = twin if twin.lowered is not None else None
    _TWINS[id(pattern)] = (pattern, twin)
    return twin


Lowered = tuple[str, int]  # a span of text lowered and where it begins (``lowered_span``'s)


def _twin_scan(pattern: re.Pattern[str], text: str, start: int, end: int,
               lowered: Lowered | None) -> tuple[Iterator[re.Match[str]], int, int] | None:
    """The matches of ``pattern``'s lowered twin in ``text[start:end]``, the offset to add
    to their positions and the lead to add to their starts (1: each match begins with the
    character before it, ``LoweredGrammar.scan_lowered``), read from ``lowered`` (a lowered
    span that holds ``start:end``) or from the span lowered now; None for a pattern without a
    twin or text that is not lowered (a cased letter outside ASCII). The matches' text is
    lower case already."""
    twin = lowered_twin(pattern)
    if twin is None or twin.lowered is None:
        return None
    low = lowered if lowered is not None else lowered_span(text, start, end)
    if low is None:
        return None
    piece, at = low
    matches, lead = twin.scan_lowered(piece, start - at, end - at)
    return matches, at, lead


def find_words(pattern: re.Pattern[str], text: str, start: int, end: int) -> Spans[Word]:
    """``pattern``'s words in ``text[start:end]`` with their lower-cased forms, in text order."""
    scan = _twin_scan(pattern, text, start, end, None)
    if scan is None:
        return Spans([Word(*m.span(), m.group(0).lower())
                      for m in pattern.finditer(text, start, end)])
    matches, at, lead = scan
    if lead:
        return Spans([Word(m.start() + at + 1, m.end() + at, m.group()[1:]) for m in matches])
    return Spans([Word(m.start() + at, m.end() + at, m.group()) for m in matches])


class SplitAlternation(NamedTuple):
    """The alternation ``first|second`` of two case-blind patterns of whole words, kept apart
    so that ``first`` can be scanned by its lowered twin when ``second`` cannot (the trigger
    words: ``second`` holds those that need a capitalised name after them)."""

    first: re.Pattern[str]
    second: re.Pattern[str] | None
    # words every match of ``second`` holds, as lowered text holds them (``key_words``): a span
    # whose lowered text holds none has no such match, and ``second`` is not searched
    second_keys: tuple[str, ...] = ()


class _Chain:
    """One pattern's matches from a position on, as ``finditer`` chains them; asked for the
    first match at or after a later position, it searches again when its chain stepped over
    that position (a match it took ended past it)."""

    __slots__ = ("end", "head", "matches", "pattern", "reached", "text")

    def __init__(self, pattern: re.Pattern[str], text: str, start: int, end: int) -> None:
        self.pattern, self.text, self.end = pattern, text, end
        self._search(start)

    def _search(self, position: int) -> None:
        self.matches = _matches(self.pattern, self.text, position, self.end)
        self.reached = position  # where the chain searched from for ``head``
        self.head = next(self.matches, None)

    def first_from(self, position: int) -> tuple[int, int] | None:
        while self.head is not None and self.head[0] < position:
            self.reached = self.head[1]
            self.head = next(self.matches, None)
        if self.reached > position:
            self._search(position)
        return self.head


def _matches(pattern: re.Pattern[str], text: str, start: int,
             end: int) -> Iterator[tuple[int, int]]:
    scan = _twin_scan(pattern, text, start, end, None)
    if scan is None:
        return (m.span() for m in pattern.finditer(text, start, end))
    matches, at, lead = scan
    return ((m.start() + at + lead, m.end() + at) for m in matches)


def find_split_words(words: SplitAlternation, text: str, start: int, end: int) -> Spans[Word]:
    """``find_words`` of the alternation ``words.first|words.second``: at each position the
    first pattern's match if it has one there, else the second's, and the scan goes on after
    the match taken. Most spans hold no match of the second: the first's words, as found."""
    firsts = find_words(words.first, text, start, end)
    if words.second is None:
        return firsts
    # (the span lowered for the first's twin already)
    if words.second_keys and not holds_a_key(text, start, end, words.second_keys):
        return firsts
    if not words.second.search(text, start, end):
        return firsts
    found: list[Word] = []
    chains = (_Chain(words.first, text, start, end), _Chain(words.second, text, start, end))
    position = start
    while True:
        first, second = chains[0].first_from(position), chains[1].first_from(position)
        taken = first if second is None or (first is not None and first[0] <= second[0]) \
            else second
        if taken is None:
            return Spans(found)
        found.append(Word(*taken, text[taken[0]:taken[1]].lower()))
        position = taken[1]


def word_keys(pattern: re.Pattern[str], text: str, start: int, end: int,
              lowered: Lowered | None = None) -> list[str]:
    """The lower-cased forms of ``pattern``'s words in ``text[start:end]``, in text order.

    ``lowered``: a span of the text that holds ``start:end``, lowered once for many such
    look-ups (``lowered_span(text, sentence_start, sentence_end)``), or None.
    """
    scan = _twin_scan(pattern, text, start, end, lowered)
    if scan is None:
        return [m.group(0).lower() for m in pattern.finditer(text, start, end)]
    if scan[2]:
        return [m.group()[1:] for m in scan[0]]
    return [m.group() for m in scan[0]]


# The last span's clause breaks: the figures' and the events' readers of a sentence both ask
# for them (one entry: sentences are read one after the other; it holds the last text read).
_last_breaks: tuple[re.Pattern[str], str, int, int, list[tuple[int, int]]] | None = None


def clause_breaks(pattern: re.Pattern[str], text: str, start: int,
                  end: int) -> list[tuple[int, int]]:
    """The spans of ``pattern``'s matches in ``text[start:end]``, found once for the span."""
    global _last_breaks
    last = _last_breaks
    if last is not None and last[1] is text and last[2] == start and last[3] == end and \
            last[0] is pattern:
        return last[4]
    found = [m.span() for m in pattern.finditer(text, start, end)]
    _last_breaks = (pattern, text, start, end, found)
    return found


class LazyWords:
    """A segment's words of one pattern (or split alternation), found on the first look-up
    (most figures never need the trigger words: their noun names the measure)."""

    __slots__ = ("end", "found", "pattern", "start", "text")

    def __init__(self, pattern: re.Pattern[str] | SplitAlternation, text: str, start: int,
                 end: int) -> None:
        self.pattern, self.text, self.start, self.end = pattern, text, start, end
        self.found: Spans[Word] | None = None

    def within(self, lower: int, upper: int) -> list[Word]:
        if self.found is None:
            pattern = self.pattern
            self.found = find_split_words(pattern, self.text, self.start, self.end) \
                if isinstance(pattern, SplitAlternation) else \
                find_words(pattern, self.text, self.start, self.end)
        return self.found.within(lower, upper)


def evidence_span(text: str, start: int, end: int, focus_start: int,
                  focus_end: int) -> tuple[int, int]:
    """The evidence for words at ``focus_start:focus_end`` of the segment ``start:end``.

    The whole segment while it is at most ``EVIDENCE_MAX`` characters; else about that many
    characters centred on the focus, narrowed to whole words and never cutting the focus.
    """
    if end - start <= EVIDENCE_MAX:
        return start, end
    half = max(0, (EVIDENCE_MAX - (focus_end - focus_start)) // 2)
    lower = max(start, focus_start - half)
    upper = min(end, focus_end + half)
    if lower > start and not text[lower - 1].isspace():  # begin at the next word
        space = text.find(" ", lower, min(focus_start, lower + 40))
        lower = lower if space == -1 else space + 1
    if upper < end and not text[upper].isspace():  # end after the previous word
        space = text.rfind(" ", max(focus_end, upper - 40), upper)
        upper = upper if space == -1 else space
    while lower < focus_start and text[lower].isspace():
        lower += 1
    while upper > focus_end and text[upper - 1].isspace():
        upper -= 1
    return lower, upper

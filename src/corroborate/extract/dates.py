"""Dates in text with exact offsets: days, months, years, seasons, ranges and 'respectively' lists.

Why not dateparser: its ``search_dates`` returns no offsets (and sometimes a wider substring than the
date), leaves year-less dates to today's year instead of the text's, and runs far slower than this
stage must on a 50 MB corpus; a small grammar over ``dates.toml`` gives exact spans and context years.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from corroborate.extract.data import Lang, alternation, load_lang, trie_alternation
from corroborate.extract.folded import value_of
from corroborate.extract.lowered import LoweredGrammar, all_end_in, lowered_word
from corroborate.extract.tries import scan_first_trie
from corroborate.langdata import LastLoaded
from corroborate.text.guard import guarded

__all__ = ["DateMention", "find_dates", "reads_context_year"]

_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NOT_DIGIT = re.compile(r"\D")


class DateMention(NamedTuple):
    """A date or a date range: ``start_iso``/``end_iso`` are ISO 8601 prefixes at the text's precision.

    ``year_given`` is False when the year came from context ("on 27 September"). (A tuple:
    built for every date of every sentence.)
    """

    start: int
    end: int
    start_iso: str
    end_iso: str
    year_given: bool = True

    @property
    def is_range(self) -> bool:
        return self.start_iso != self.end_iso


def _optional(words: list[str]) -> str:
    """An optional alternation of the words, or nothing when there are none."""
    return f"(?:{alternation(words, words=False)})?" if words else ""


class _Grammar:
    def __init__(self, lang: Lang, not_year_after: str, *, lead_guard: bool = True) -> None:
        d = lang.dates
        self.month_of = {name.lower(): int(num) for num, names in d.months.items() for name in names}
        # a trie: the engine tries a case-blind alternation's every branch, a trie's by letter
        month = trie_alternation(list(self.month_of), words=False)
        self.season_of = {k.lower(): v for k, v in d.seasons.items()}
        self.part_of = {k.lower(): v for k, v in d.year_parts.items()}
        season = trie_alternation(list(self.season_of), words=False)
        part = trie_alternation(list(self.part_of), words=False)
        filler = trie_alternation(d.fillers, words=False)
        day = rf"(?:[12]\d|3[01]|0?[1-9]){_optional(d.ordinal_suffixes)}"
        decade = _optional(d.decade_suffixes)
        dashes = "".join(re.escape(x) for x in lang.symbols.range_dashes)
        day_joiners = alternation(d.range_joiners + d.range_joiners_after_opener, words=False)
        # Every match begins with a digit or with a whole word of its own (a month, season or
        # part of a year; a filler only before a season): checked before the branches are
        # entered, as most words start with a letter some month or filler starts with.
        lead = trie_alternation([*self.month_of, *self.season_of, *self.part_of], words=False)
        starts = rf"(?=\d|{lead}(?![\w])|{filler}\s+{season}(?![\w]))" if lead_guard else ""
        # behind a lookahead on its first characters: scanned over every sentence
        # the case-blind grammar, and its twin run over the lower-cased sentence (``lowered``)
        # (the look behind first: a position inside a word is left at once, before the guard)
        self.scan = LoweredGrammar(r"(?<![\w/.])" + guarded(
            rf"(?<![A-Za-z]-){starts}(?:"
            rf"(?P<ddm>(?P<d0>{day})(?:\s*[{dashes}]\s*|\s+{day_joiners}\s+)(?P<d0b>{day})\s+"
            rf"(?P<m0>{month})\.?"
            rf"(?:,?\s+(?P<y0>{_YEAR}))?)"
            rf"|(?P<dmy>(?P<d1>{day})\s+(?P<m1>{month})\.?(?:,?\s+(?P<y1>{_YEAR}))?)"
            rf"|(?P<mdy>(?P<m2>{month})\.?\s+(?P<d2>{day})(?:,?\s+(?P<y2>{_YEAR}))?)"
            rf"|(?P<my>(?P<m3>{month})\.?,?\s+(?P<y3>{_YEAR}))"
            rf"|(?P<numeric>(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>{_YEAR}))"
            rf"|(?P<iso>(?P<y5>{_YEAR})-(?P<m5>[01]\d)-(?P<d5>[0-3]\d))"
            rf"|(?P<season>(?:{filler}\s+)?(?P<s6>{season})\s+(?:{filler}\s+)?(?P<y6>{_YEAR}))"
            rf"|(?P<part>(?P<p7>{part})\s+(?:{filler}\s+)?(?P<y7>{_YEAR}){decade})"
            rf"|(?P<yy>(?P<y10>{_YEAR})[{dashes}](?P<y10b>\d\d))"
            rf"|(?P<month_only>(?P<m9>{month}))"
            # a bare year before a counted noun is a count ("1999 killed"); a year that ends a
            # day and month is the date's ("on 7 May 1999 killed 14 civilians")
            rf"|(?P<year>(?P<y8>{_YEAR}){decade}"
            + (rf"(?![\w]|[.,]\d)(?!\s+{not_year_after})" if not_year_after else "") + ")"
            r")(?![\w]|[.,]\d)",
            re.IGNORECASE),
            # every match ends with a digit or a data word (a month, "th" of "May 4th", "s" of
            # "1990s")
            after_separator=all_end_in([*self.month_of, *self.season_of, *self.part_of,
                                        *d.ordinal_suffixes, *d.decade_suffixes], r"[\w/.]"))
        self.atom = self.scan.blind
        # Every branch but a month alone needs a digit: a span without one is searched for
        # months alone, behind their few first letters consumed first (``scan_first``); the
        # same lookbehinds and end as above.
        self.digit = re.compile(r"[0-9]")  # (each of those branches has one of these)
        not_after, month_end = (r"[\w/.]", "[A-Za-z]-"), r"(?![\w]|[.,]\d)"
        self.month_alone = LoweredGrammar(
            scan_first_trie(list(self.month_of), not_after, ignorecase=True) + month_end,
            twin_pattern=scan_first_trie([lowered_word(m) for m in self.month_of], not_after,
                                         ignorecase=False) + month_end)
        joiners = alternation(d.range_joiners, words=False)
        self.range_gap = re.compile(rf"\s*[{dashes}]\s*|\s+{joiners}\s+", re.IGNORECASE)
        opener_joiners = alternation(d.range_joiners_after_opener, words=False)
        # the longest a gap between two dates of a range is but for its spaces (a dash or a
        # joiner: a case-blind match is as long as the word): longer gaps are not searched
        self.gap_reach = max(len(x) for x in [*lang.symbols.range_dashes, *d.range_joiners,
                                              *d.range_joiners_after_opener])
        self.opener_gap = re.compile(rf"\s+{opener_joiners}\s+", re.IGNORECASE)
        self.list_gap = re.compile(rf"\s*(?:{alternation(d.list_joiners, words=False)}\s*)+",
                                   re.IGNORECASE)
        self.openers = re.compile(rf"(?:{alternation(d.range_openers, words=False)})\s+$",
                                  re.IGNORECASE)
        self.respectively = re.compile(alternation(d.respectively), re.IGNORECASE)
        # "-" ends "mid-": the month follows it without a space
        self.month_opener = re.compile(rf"{alternation(d.month_openers)}(?:\s+|(?<=-))$",
                                       re.IGNORECASE) if d.month_openers else None


_LAST_GRAMMAR: LastLoaded[_Grammar] = LastLoaded()  # asked two or three times a sentence


def _grammar(code: str, not_year_after: str) -> _Grammar:
    return _LAST_GRAMMAR.get((code, not_year_after), _cached_grammar)


@lru_cache(maxsize=16)
def _cached_grammar(code: str, not_year_after: str, _dirs: tuple[str, ...]) -> _Grammar:
    return _Grammar(load_lang(code), not_year_after)


class _Atom(NamedTuple):  # a tuple: built for every date of every sentence
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    months: tuple[int, int] | None  # season or part of a year
    kind: str
    day_to: int | None = None  # "1–5 April 2016"
    year_to: int | None = None  # "2018–19"


def _num(match: re.Match[str], name: str) -> int | None:
    value = match.group(name)
    if not value:
        return None
    return int(value) if value.isdecimal() else int(_NOT_DIGIT.sub("", value))  # "27th"


def _atom(match: re.Match[str], g: _Grammar, shift: int = 0, lead: int = 0) -> _Atom | None:
    """The atom a match of the grammar reads; ``shift`` added to its positions (a match in a
    lowered piece of the text), ``lead`` to its start (``finditer_after_separator``)."""
    a, b = match.start() + shift + lead, match.end() + shift
    # the branch that matched: its group, the outermost, closes last
    kind = match.lastgroup
    # (the branches by how often they match: a year alone first)
    if kind == "year":
        return _Atom(a, b, int(match.group("y8")), None, None, None, kind)
    if kind == "dmy":
        return _Atom(a, b, _num(match, "y1"), value_of(g.month_of, match.group("m1")),
                     _num(match, "d1"), None, "dmy")
    if kind == "my":
        return _Atom(a, b, _num(match, "y3"), value_of(g.month_of, match.group("m3")), None,
                     None, "my")
    if kind == "mdy":
        return _Atom(a, b, _num(match, "y2"), value_of(g.month_of, match.group("m2")),
                     _num(match, "d2"), None, "mdy")
    if kind == "ddm":
        return _Atom(a, b, _num(match, "y0"), value_of(g.month_of, match.group("m0")),
                     _num(match, "d0"), None, "ddm", day_to=_num(match, "d0b"))
    if kind == "numeric":
        month, day = _num(match, "m4"), _num(match, "d4")
        if not month or month > 12 or not day:
            return None
        return _Atom(a, b, _num(match, "y4"), month, day, None, "numeric")
    if kind == "iso":
        return _Atom(a, b, _num(match, "y5"), _num(match, "m5"), _num(match, "d5"), None, "iso")
    if kind == "season":
        span = value_of(g.season_of, match.group("s6"))
        return _Atom(a, b, _num(match, "y6"), None, None, (span[0], span[1]), "season")
    if kind == "part":
        span = value_of(g.part_of, match.group("p7"))
        return _Atom(a, b, _num(match, "y7"), None, None, (span[0], span[1]), "part")
    if kind == "yy":  # "2018–19": a range written with the second year shortened
        first = _num(match, "y10") or 0
        last = first // 100 * 100 + (_num(match, "y10b") or 0)
        if last <= first:
            return None
        return _Atom(a, b, first, None, None, None, "yy", year_to=last)
    if kind == "month_only":
        # "May" alone is too often a verb; a bare month only counts as the first end of a range.
        return _Atom(a, b, None, value_of(g.month_of, match.group("m9")), None, None, "month_only")
    return None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _ends(atom: _Atom, year: int) -> tuple[str, str]:
    if atom.months:
        first, last = atom.months
        end_year = year + 1 if last < first else year
        return _iso(year, first), _iso(end_year, last)
    iso = _iso(year, atom.month, atom.day)
    if atom.year_to is not None:
        return iso, _iso(atom.year_to)
    if atom.day_to is not None:
        return iso, _iso(year, atom.month, atom.day_to)
    return iso, iso


def find_dates(text: str, start: int = 0, end: int | None = None, lang: str = "en",
               context_year: int | None = None, not_year_after: str = "") -> list[DateMention]:
    """Dates in ``text[start:end]``; a year-less date takes the year of the range or list it ends,
    else ``context_year``, else it is dropped.

    >>> [(d.start_iso, d.end_iso) for d in find_dates("from 26 March to 30 September 2023")]
    [('2023-03-26', '2023-09-30')]
    """
    g = _grammar(lang, not_year_after)
    end = len(text) if end is None else end
    atoms, list_ends = _scan(text, start, end, g)
    if not atoms:  # (most sentences)
        return []
    mentions: list[DateMention] = []
    # "sunk in May": a month alone after "in" is the span's date only when it names no other
    bare_month: DateMention | None = None
    i = 0
    while i < len(atoms):
        first = atoms[i]
        if mentions and mentions[-1].year_given:
            # "In late April 2011 ..., while on 5 October": the sentence's last year is the context
            context_year = int(mentions[-1].end_iso[:4])
        # (an opener before it matters only to a range, and a range only to a short gap)
        if i + 1 < len(atoms) and \
                len(text[first.end:atoms[i + 1].start].strip()) <= g.gap_reach:
            second = atoms[i + 1]
            opened = bool(g.openers.search(text, max(start, first.start - 10), first.start))
            if (g.range_gap.fullmatch(text, first.end, second.start) or (
                    opened and g.opener_gap.fullmatch(text, first.end, second.start))) and (
                    first.kind != "year" or second.kind == "year" or opened):
                mention = _range(first, second, context_year)
                if mention:
                    mentions.append(mention)
                    i += 2
                    continue
        if first.kind == "month_only":
            if bare_month is None and context_year is not None and g.month_opener and \
                    g.month_opener.search(text, max(start, first.start - 12), first.start):
                lo, hi = _ends(first, context_year)
                bare_month = DateMention(first.start, first.end, lo, hi, False)
            i += 1
            continue
        year = first.year
        if year is None and list_ends[i] != i:
            year = atoms[list_ends[i]].year
        given = year is not None
        year = year or context_year
        if year is not None:
            lo, hi = _ends(first, year)
            mentions.append(DateMention(first.start, first.end, lo, hi, given))
        i += 1
    if bare_month is not None and all(len(m.end_iso) == 4 for m in mentions):
        # "In 1982 ... the worst loss came in May": a year alone does not hide the month
        mentions = sorted([*mentions, bare_month], key=lambda m: m.start)
    return mentions


def reads_context_year(text: str, start: int, end: int, lang: str = "en",
                       not_year_after: str = "") -> bool:
    """Whether ``find_dates`` over the span may depend on its ``context_year``: a date in it
    names no year of its own ("on 4 March", "May"). (The span's scan is the one ``find_dates``
    just made: it is not scanned again.)

    >>> reads_context_year("The 2008 clashes began on 4 March.", 0, 34)
    True
    >>> reads_context_year("The 2008 clashes ended in April 2009.", 0, 37)
    False
    """
    atoms, _ends = _scan(text, start, end, _grammar(lang, not_year_after))
    return any(atom.year is None for atom in atoms)


# The last span scanned and its atoms: a sentence is read again with another context year
# when its own year turns out to be the context ("The 2008 clashes began on 4 March"). (It
# holds the last text read until the next call: one document, as extraction holds anyway.)
_last_scan: tuple[str, int, int, _Grammar, list[_Atom], list[int]] | None = None


def _scan(text: str, start: int, end: int, g: _Grammar) -> tuple[list[_Atom], list[int]]:
    """The date atoms of ``text[start:end]`` and where the list each one starts ends."""
    global _last_scan
    last = _last_scan
    if last is not None and last[0] is text and last[1] == start and last[2] == end and \
            last[3] is g:
        return last[4], last[5]
    if g.digit.search(text, start, end) is None:
        alone, shift = g.month_alone.finditer(text, start, end)
        atoms = [_Atom(m.start() + shift, m.end() + shift, None, value_of(g.month_of, m.group(0)),
                       None, None, "month_only") for m in alone]
    else:
        matches, shift, lead = g.scan.finditer_after_separator(text, start, end)
        atoms = [a for m in matches if (a := _atom(m, g, shift, lead))]
    list_ends = _list_ends(atoms, text, g) if len(atoms) > 1 else [0] * len(atoms)
    _last_scan = (text, start, end, g, atoms, list_ends)
    return atoms, list_ends


def _range(first: _Atom, second: _Atom, context_year: int | None) -> DateMention | None:
    year2 = second.year or context_year
    if year2 is None:
        return None
    year1 = first.year or year2
    month1 = first.month if first.month is not None else (second.month if first.day else None)
    lo = _ends(first._replace(month=month1), year1)[0]
    hi = _ends(second, year2)[1]
    if lo > hi:
        return None
    return DateMention(first.start, second.end, lo, hi, second.year is not None)


def _list_ends(atoms: list[_Atom], text: str, g: _Grammar) -> list[int]:
    """For each atom, the last atom of the list of dates it starts, whose year is the list's:
    '20 November, 25 November and 1 December 2020'. Computed from the end, once."""
    ends = list(range(len(atoms)))
    for j in range(len(atoms) - 2, -1, -1):
        if atoms[j].year is None and atoms[j + 1].kind != "year" and \
                g.list_gap.fullmatch(text, atoms[j].end, atoms[j + 1].start):
            ends[j] = ends[j + 1]
    return ends


def has_respectively(text: str, start: int, end: int, lang: str = "en") -> bool:
    return bool(_grammar(lang, "").respectively.search(text, start, end))

"""Label lines: an infobox's "Party: figures" and "Began: date" lines, and what their label names
(a side, a place, a group, a measure). Split from ``__init__.py``; words come from the data."""

from __future__ import annotations

import re

from corroborate.extract.dates import DateMention, find_dates
from corroborate.extract.numbers import Exclusions, find_figures
from corroborate.extract.resolve import Mention
from corroborate.extract.vocab import Vocab
from corroborate.model import Segment

__all__ = ["excluded_spans", "label_colon", "label_group", "label_measure", "label_of", "label_sentence",
           "labels_event", "states_figures"]


def excluded_spans(vocab: Vocab, text: str, start: int, end: int,
                   dates: list[DateMention]) -> Exclusions:
    """The spans that are no figures: dates, and the language's exclusions (citations, ...),
    searched only when a number lies outside the dates (``find_figures``)."""
    return Exclusions([(d.start, d.end) for d in dates],
                      lambda: [m.span() for m in vocab.exclusion_gate.finditer(text, start, end)])


def states_figures(vocab: Vocab, body: str, seg: Segment) -> bool:
    """Whether a segment states a figure, less its dates and exclusions (those looked for
    only when it holds a number at all: most headings hold none)."""

    def excluded() -> Exclusions:
        dates = find_dates(body, seg.start, seg.end, vocab.lang.code,
                           not_year_after=vocab.not_year_after)
        return excluded_spans(vocab, body, seg.start, seg.end, dates)

    return bool(find_figures(body, seg.start, seg.end, vocab.lang.code, excluded))


def label_colon(body: str, seg: Segment) -> int | None:
    """Where a line's label ends: a colon within its first 40 characters ("Began: ...")."""
    colon = body.find(":", seg.start, seg.end)
    return None if colon == -1 or colon - seg.start > 40 else colon


def labels_event(vocab: Vocab, body: str, seg: Segment) -> bool:
    """An infobox line whose label is an event and whose value a date: "Began: 20 February 1988"."""
    colon = label_colon(body, seg)
    if colon is None:
        return False
    trigger = vocab.event_pattern.search(body, seg.start, colon + 1)
    return trigger is not None and bool(find_dates(body, colon, seg.end, vocab.lang.code))


# Words of a label at most: "FR Yugoslavia", "Civilians", "Argentine dead".
_LABEL_WORDS = 4


def label_sentence(vocab: Vocab, body: str, seg: Segment) -> bool:
    """A line too long to be a heading that is still a label and its figures, as infoboxes
    give a party's losses: "Ethiopia: 2,310 killed (1,900 soldiers and 410 police); 4,100
    wounded". The whole line, a short label of no figure, figures after the colon."""
    line_start = seg.start == 0 or body[seg.start - 1] == "\n"
    line_end = seg.end == len(body) or body[seg.end] == "\n"
    if not (line_start and line_end):  # most sentences: no colon looked for
        return False
    colon = label_colon(body, seg)
    if colon is None or len(body[seg.start:colon].split()) > _LABEL_WORDS or \
            any(ch.isdigit() for ch in body[seg.start:colon]):
        return False
    return states_figures(vocab, body, Segment(colon + 1, seg.end, seg.kind))


def label_group(vocab: Vocab, body: str, seg: Segment) -> str | None:
    """The group a line's label names: "Civilians: 489–528 killed", "Islanders killed: 3"."""
    colon = label_colon(body, seg)
    if colon is None:
        return None
    for match in vocab.np_pattern.finditer(body, seg.start, colon):
        for category, value in vocab.np_words[match.group(0).lower()]:
            if category == "group" and value in vocab.people_groups:
                return value
    return None


def label_measure(vocab: Vocab, body: str, seg: Segment) -> str | None:
    """The measure a line's label names: "Argentine dead: 649", "Strength: 28,000"."""
    colon = label_colon(body, seg)
    trigger = None if colon is None else vocab.trigger_pattern.search(body, seg.start, colon)
    return None if trigger is None else vocab.triggers[trigger.group(0).lower()][0]


def label_of(vocab: Vocab, body: str, seg: Segment, actors: list[Mention],
              places: list[Mention]) -> tuple[Mention | None, Mention | None]:
    """The side and place a line's label names: 'Azerbaijan: 66,950 ...', 'Shusha: ...'."""
    colon = label_colon(body, seg)
    if colon is None:
        return None, None
    side = next((a for a in actors if a.end <= colon), None)
    place = next((p for p in places if p.end <= colon), None)
    if side is None and place is None:
        side = _named_party(vocab, body, seg.start, colon)
    return side, place


# An acronym that names a party: "TPLF", "RSF" (two to six capitals).
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _named_party(vocab: Vocab, body: str, start: int, colon: int) -> Mention | None:
    """A label that is the proper name of a party the gazetteer does not know, giving its
    losses: "Rapid Support Forces: 8,000–10,000 killed", "TPLF: 3,000 killed". Two or more
    capitalised words, or one acronym; no measure, group or event word."""
    label = body[start:colon].strip()
    words = label.split()
    named = (len(words) >= 2 and all(w[:1].isupper() for w in words)) or \
        (len(words) == 1 and _ACRONYM.fullmatch(label) is not None)
    if not named or vocab.trigger_pattern.search(label) or vocab.event_pattern.search(label) or \
            any(c == "group" for m in vocab.np_pattern.finditer(label)
                for c, _v in vocab.np_words[m.group(0).lower()]):
        return None
    first = body.index(label, start)
    return Mention(first, first + len(label), label, label, "name")

"""Event claims: a trigger word, a date in its clause, the places it names and who did it.

A trigger looks at most ``WINDOW`` characters to either side of itself (see ``window.py``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from corroborate.extract.dates import DateMention, has_respectively
from corroborate.extract.resolve import Mention, place_kind
from corroborate.extract.vocab import Vocab
from corroborate.extract.window import WINDOW, Spans, Word, clause_breaks, find_words

__all__ = ["EventReading", "event_words", "read_events", "read_list_entries"]


@dataclass
class EventReading:
    event_type: str
    trigger: tuple[int, int]
    date: DateMention
    place: Mention | None
    actor: Mention | None


class _Clauses:
    """A sentence's clause breaks, found once; the clause around a position by bisection."""

    def __init__(self, vocab: Vocab, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        spans = clause_breaks(vocab.clause_break, text, start, end)
        self.starts = [a for a, _b in spans] if spans else []
        self.ends = [b for _a, b in spans] if spans else []

    def around(self, position: int) -> tuple[int, int]:
        if not self.starts:  # most sentences: one clause
            return self.start, self.end
        before = bisect_right(self.ends, position)  # breaks that end at or before position
        after = bisect_left(self.starts, position)  # the first break starting at or after it
        return (self.ends[before - 1] if before else self.start,
                self.starts[after] if after < len(self.starts) else self.end)


def event_words(vocab: Vocab, text: str, start: int, end: int) -> Spans[Word]:
    """The event words of a span ("captured", "ceasefire"), in text order."""
    return find_words(vocab.event_pattern, text, start, end)


def _place_list(vocab: Vocab, text: str, places: list[Mention], after: int,
                upper: int) -> list[Mention]:
    """The places listed right after a trigger: 'over Fuzuli, Jabrayil, Zangilan, and Qubadli'."""
    listed: list[Mention] = []
    cursor = after
    for place in sorted((p for p in places if after <= p.start < upper), key=lambda p: p.start):
        gap = text[cursor:place.start]
        if listed and not vocab.coordinator_gap.fullmatch(gap) and \
                not _is_list_gap(vocab, gap):
            break
        if not listed and len(gap) > 40:
            break
        listed.append(place)
        cursor = place.end
    return listed


def _is_list_gap(vocab: Vocab, gap: str) -> bool:
    words = gap.replace(",", " ").split()
    return len(words) <= 2 and all(w.lower() in vocab.place_list_fillers for w in words)


def read_events(vocab: Vocab, text: str, start: int, end: int, dates: list[DateMention],
                places: list[Mention], actors: list[Mention],
                context_year: DateMention | None,
                label_place: Mention | None = None,
                triggers: Spans[Word] | None = None) -> list[EventReading]:
    """Events of one sentence (``triggers``: its event words, when the caller found them)."""
    if not dates:  # an event is read only with a date of the sentence: skip the scans
        return []
    if triggers is None:
        triggers = event_words(vocab, text, start, end)
    if not triggers.items:  # nor without a trigger word
        return []
    readings: list[EventReading] = []
    respectively: bool | None = None  # "respectively" in the sentence: looked for when needed
    paired: set[str] = set()  # types already read as a 'respectively' list in this sentence
    clauses = _Clauses(vocab, text, start, end)
    all_dates, all_places, all_actors = Spans(dates), Spans(places), Spans(actors)
    for match in triggers.items:
        event_type = vocab.event_triggers[match.key]
        if event_type in paired:
            continue
        spec = vocab.lang.events.events[event_type]
        lo, hi = max(start, match.start - WINDOW), min(end, match.end + WINDOW)
        dates, places = all_dates.within(lo, hi), all_places.within(lo, hi)
        actors = all_actors.within(lo, hi)
        whole = clauses.around(match.start)
        clause = (max(lo, whole[0]), min(hi, whole[1]))
        usable = [d for d in dates if not (d.end <= match.start and _names_event(
                      text, d, match.start))  # (a date after its trigger names no event)
                  and not (vocab.not_event_date_before and vocab.not_event_date_before.search(
                      text, max(start, d.start - 20), d.start))]
        # a date right after another trigger is that event's, when this one has a date of its
        # own: "the agreement of 9 June and the entry of the force on 12 June"
        own = [d for d in usable if d.end > match.start or not any(
            other.end <= d.start and d.start - other.end <= _OWN_DATE_GAP and
            vocab.event_triggers[other.key] != event_type
            for other in triggers.within(max(start, d.start - WINDOW), d.start))]
        date_pool = _date_pool(vocab, text, own, clause, match)
        if not date_pool and len(own) < len(usable):  # (own: those of usable that are its own)
            date_pool = _date_pool(vocab, text, usable, clause, match)
        if not date_pool:
            continue
        if spec.lists_places:
            # a country is not "captured": "the occupied territories of Azerbaijan" names a state
            places = [p for p in places if place_kind(p.canonical) != "country"]
            listed = _place_list(vocab, text, places, match.end, hi)
            if not listed:
                before = [p for p in places if clause[0] <= p.start and p.end <= match.start]
                listed = before[-1:] or ([label_place] if label_place else [])
            if not listed and not _takes_land(vocab, text, event_type, match.end, clause[1]):
                continue
        elif spec.place_before:
            before = [p for p in places if clause[0] <= p.start and p.end <= match.start]
            listed = before[-1:]
        else:
            listed = _located(vocab, text, places, clause, match.start,
                              match.key in vocab.named_by_place)
            earlier = date_pool[0]
            if not listed and earlier.end <= clause[0]:
                # dated in an earlier clause, placed there too: "over Port Stanley on 14 June,
                # and the garrison agreed to surrender"
                listed = _located(vocab, text, places, (start, clause[0]), earlier.start)
        actor = _actor(actors, clause, match.start)
        later_dates = [d for d in dates if d.start >= match.end]
        # as many places as later dates, and no trigger of another type before them: "took
        # Fuzuli and Jabrayil on 17 and 22 October, respectively"
        paired_up = len(later_dates) > 1 and len(listed) >= len(later_dates) and not any(
            vocab.event_triggers[other.key] != event_type
            for other in triggers.within(match.end, later_dates[0].start))
        if paired_up and respectively is None:
            respectively = has_respectively(text, start, end, vocab.lang.code)
        if paired_up and respectively:
            pairs = list(zip(listed[-len(later_dates):], later_dates, strict=True))
            readings.extend(EventReading(event_type, (match.start, match.end), d, p, actor)
                            for p, d in pairs)
            paired.add(event_type)
            continue
        if match.key in spec.list_triggers and \
                len(later_dates) > 1:
            readings.extend(EventReading(event_type, (match.start, match.end), d, None, actor)
                            for d in later_dates)
            continue
        date = date_pool[0] if len(date_pool) == 1 else \
            min(date_pool, key=lambda d: abs(d.start - match.end))
        targets: list[Mention | None] = list(listed) or [None]
        for place in targets:
            readings.append(EventReading(event_type, (match.start, match.end), date, place,
                                         actor))
    return _dedupe(readings)


# Characters between a trigger and a date of its own ("agreement of 9 June", "captured on 5 May").
_OWN_DATE_GAP = 4


def _date_pool(vocab: Vocab, text: str, usable: list[DateMention], clause: tuple[int, int],
               match: Word) -> list[DateMention]:
    """The dates a trigger may take: those of its clause, else the first after it, else the
    last of the sentence before it ("on 14 June, and the garrison agreed to surrender")."""
    in_clause = [d for d in usable if clause[0] <= d.start and d.end <= clause[1]]
    return in_clause or [d for d in usable if d.start >= match.end][:1] or \
        [d for d in usable if d.end <= match.start and
         not vocab.item_break.search(text, d.end, match.start)][-1:]


def _takes_land(vocab: Vocab, text: str, event_type: str, after: int, upper: int) -> bool:
    """'Armenian forces captured territory outside the enclave': land, though no place is named."""
    objects = vocab.lang.events.events[event_type].objects
    following = text[after:min(upper, after + 30)].lower().split()
    return bool(following) and following[0].strip(",.") in objects


def _names_event(text: str, date: DateMention, trigger_start: int) -> bool:
    """'the 2020 Nagorno-Karabakh ceasefire', 'the 2008 Mardakert clashes': a year that is part of
    an event's name only tells which event is meant; the event's own date is elsewhere."""
    if date.end > trigger_start or trigger_start - date.end > 40:
        return False
    between = text[date.end:trigger_start].split()
    return all(word[:1].isupper() for word in between)


def _located(vocab: Vocab, text: str, places: list[Mention], clause: tuple[int, int],
             position: int, named: bool = False) -> list[Mention]:
    """Where an event happened: a place naming it, else the first place after a preposition
    in its clause, else the last one before it ("the market in Kharkiv was shelled")."""
    # a place right before the trigger names the event: "the Kumanovo agreement", "the
    # Mariupol siege"; a country there is the subject who acted ("Azerbaijan launched ...")
    naming = [p for p in places if named and p.end <= position and
              not text[p.end:position].strip() and place_kind(p.canonical) != "country"]
    if naming:
        return naming[-1:]
    located = [p for p in places if clause[0] <= p.start and p.end <= clause[1] and
               vocab.place_preposition_before.search(text, max(clause[0], p.start - 12), p.start)]
    after = [p for p in located if p.start > position]
    before = [p for p in located if p.end <= position]
    return after[:1] or before[-1:]


def _actor(actors: list[Mention], clause: tuple[int, int], position: int) -> Mention | None:
    before = [a for a in actors if clause[0] <= a.start and a.end <= position]
    return before[-1] if before else None


def read_list_entries(vocab: Vocab, text: str, start: int, end: int, dates: list[DateMention],
                      places: list[Mention], event_type: str) -> list[EventReading]:
    """'Shusha: may 08, 1992, territory 289 km2; Lachin: ...' under a heading that names the
    event ('The Occupation in Figures'): one event per 'Place: date' entry."""
    readings = []
    near = Spans(dates)
    for place in places:
        if not (place.start == start or _last_char(text, start, place.start) == ";"
                or text[max(start, place.start - 2):place.start].strip() in (";", "")):
            continue
        if not text[place.end:place.end + 2].startswith(":"):
            continue
        date = next(iter(near.starting(place.end + 1, place.end + 5)), None)
        if date is not None:
            readings.append(EventReading(event_type, (place.start, place.end + 1), date, place,
                                         None))
    return readings


def _last_char(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that is not a space ('' if none)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def _dedupe(readings: list[EventReading]) -> list[EventReading]:
    """One event per type, date and place; 'ceasefire agreement' is one event, not two."""
    if len(readings) < 2:
        return readings
    seen: set[tuple[str, str, str | None]] = set()
    kept: list[EventReading] = []
    for r in readings:
        key = (r.event_type, r.date.start_iso, r.place.canonical if r.place else None)
        if kept and 0 <= r.trigger[0] - kept[-1].trigger[1] <= 1 and \
                r.date == kept[-1].date and r.event_type != kept[-1].event_type:
            continue
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept

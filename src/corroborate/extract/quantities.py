"""Quantity claims: what each figure counts, whose, where and when.

For each figure the reader looks at the noun phrase after it ("1,264 Armenian civilians",
``noun_phrases.py``), then the clause around it (trigger words, a subject before it), then the
sentence, paragraph, section heading or table headers it leans on. All vocabulary comes from the
language data.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from corroborate.extract.dates import DateMention
from corroborate.extract.lowered import lowered_span
from corroborate.extract.measure_of import choose_measure, trigger_adjacent
from corroborate.extract.noun_phrases import LookBack, NounPhrase, scan_noun_phrase
from corroborate.extract.numbers import Figure
from corroborate.extract.resolve import Mention
from corroborate.extract.shares import share_measure, share_of_earlier
from corroborate.extract.vocab import Vocab
from corroborate.extract.window import WINDOW, LazyWords, Lowered, Spans, Word, clause_breaks

__all__ = ["NounPhrase", "Reading", "Scope", "read_figures", "scan_noun_phrase"]


@dataclass
class Reading:
    figure: Figure
    measure: str
    unit: str
    side: Mention | None
    group: str | None
    place: Mention | None
    time: DateMention | None
    clause: int = 0


# the trigger words of a scope not read yet (read_figures sets its own; never written to)
_NO_WORDS: Spans[Word] = Spans([])


@dataclass
class Scope:
    """What a sentence leans on: the text, its segment, and the context around it."""

    text: str
    start: int
    end: int
    dates: list[DateMention]
    places: list[Mention]
    actors: list[Mention]
    context_time: DateMention | None = None
    context_measure: str | None = None
    context_side: Mention | None = None
    default_side: Mention | None = None
    default_place: Mention | None = None
    default_group: str | None = None
    label_line: bool = False
    published: DateMention | None = None  # the source's publication date, when it is known
    open_dates: list[DateMention] = field(default_factory=list)  # "since 1982": from then on
    clause_spans: list[tuple[int, int]] = field(default_factory=list)
    # the sentence's places, looked up when a figure first needs them (most figures that count
    # nothing never do); ``places`` is read when there is none
    place_finder: Callable[[], list[Mention]] | None = None
    triggers: Spans[Word] | LazyWords = _NO_WORDS


def _clauses(vocab: Vocab, text: str, start: int,
             end: int) -> tuple[list[tuple[int, int]], list[int]]:
    """The clauses of ``text[start:end]`` and where each starts."""
    breaks = clause_breaks(vocab.clause_break, text, start, end)
    if not breaks:  # most sentences: one clause
        return [(start, end)], [start]
    spans, starts, cursor = [], [], start
    for break_start, break_end in breaks:
        spans.append((cursor, break_start))
        starts.append(cursor)
        cursor = break_end
    spans.append((cursor, end))
    starts.append(cursor)
    return spans, starts


def _nearest(items: list[Mention] | list[DateMention], figure: Figure,
             lower: int, upper: int) -> Mention | DateMention | None:
    best = None
    for item in items:
        if item.start < lower or item.end > upper:
            continue
        distance = item.start - figure.end if item.start >= figure.end else \
            1.2 * (figure.start - item.end)
        if best is None or distance < best[0]:
            best = (distance, item)
    return None if best is None else best[1]


def read_figures(vocab: Vocab, scope: Scope, figures: list[Figure]) -> list[Reading]:
    """Read every figure of one sentence or cell into claims (figures that count nothing drop).

    Each figure looks at most ``WINDOW`` characters to either side of itself: its clause, the
    sentence and the names, dates and trigger words found in them are clipped to that window.
    """
    if not figures:
        return []
    text, start, end = scope.text, scope.start, scope.end
    lang = vocab.lang
    units, by_unit = vocab.unit_name, vocab.measures_of_unit  # built once per vocabulary
    clause_spans, clause_starts = _clauses(vocab, text, start, end)
    scope.clause_spans = clause_spans
    scope.triggers = LazyWords(vocab.trigger_words, text, start, end)
    actors = Spans(scope.actors)
    dates = Spans(scope.dates) if scope.dates else None
    lowered = lowered_span(text, start, end)  # lowered for its figures already
    found_places: list[Spans[Mention]] = []  # looked up once, when first needed
    found_breaks: list[Spans[_Break]] = []

    def breaks_within(lower: int, upper: int) -> list[_Break]:
        # ";" and line breaks: one character each, so those of a figure's window are the
        # sentence's that lie in it
        if not found_breaks:
            found_breaks.append(Spans([_Break(*m.span()) for m in
                                       vocab.item_break.finditer(text, start, end)]))
        return found_breaks[0].within(lower, upper)

    def places_within(lower: int, upper: int) -> list[Mention]:
        if not found_places:
            found_places.append(Spans(scope.place_finder() if scope.place_finder is not None
                                      else scope.places))
        return found_places[0].within(lower, upper)

    # each figure's noun phrase, read when first needed: by the figure, or by the one before
    # it when the two are coordinated (most figures that count nothing are dropped before)
    phrases: list[NounPhrase | None] = [None] * len(figures)
    readings: list[Reading] = []
    clause_of_reading: list[int | None] = []
    previous: tuple[Figure, NounPhrase, Mention | None, int | None, str | None] | None = None
    read_phrase_end = start  # where the noun phrase of the last figure read ends
    for index, figure in enumerate(figures):
        if figure.unit is None and (vocab.not_count_after.match(text, figure.end)
                                    or text[figure.end:figure.end + 1].isalpha()):
            continue  # "aged 19 years", "20km from": no count (a glued unit of no claim)
        if readings and figure.high != figure.low and \
                _restates(vocab, text, readings[-1].figure, figure):
            # "12,000 deaths (range 5,500–18,300)": the bounds of the figure before, read as it
            readings.append(replace(readings[-1], figure=figure))
            clause_of_reading.append(clause_of_reading[-1])
            continue
        phrase = phrases[index] or _phrase_after(vocab, text, end, figure, actors, lowered)
        lo = figure.start - WINDOW if figure.start - WINDOW > start else start
        hi = figure.end + WINDOW if figure.end + WINDOW < end else end
        # (its places are looked up by the readers that need them: places_within; its dates
        # once it counts something)
        near_actors = actors.within(lo, hi)
        # which clause holds the figure (clauses are in order and never touch), if one does
        number: int | None = bisect_right(clause_starts, figure.start) - 1
        whole = (start, end)
        if number is not None and number >= 0 and figure.start <= clause_spans[number][1]:
            whole = clause_spans[number]
        else:
            number = None
        clause = (lo if lo > whole[0] else whole[0], hi if hi < whole[1] else whole[1])
        # what the words before a figure say is its own back to the last figure read: a
        # figure that counts nothing ("a task force of more than 100 ships, carrying 28,000
        # sailors") does not cut the subject off
        lower = clause[0]
        if readings and readings[-1].figure.end > lower:
            lower = readings[-1].figure.end
        if not phrase.head:
            following = index + 1  # the first figure after the phrase
            while following < len(figures) and figures[following].start < phrase.end:
                following += 1
            if following < len(figures) and vocab.coordinator_gap.fullmatch(
                    text, phrase.end, figures[following].start):
                # "88 Armenian and 31–92 Azerbaijani soldiers"
                shared = phrases[following] = phrases[following] or _phrase_after(
                    vocab, text, end, figures[following], actors, lowered)
                phrase.group = phrase.group or shared.group
                phrase.measure = phrase.measure or shared.measure
                phrase.head = shared.head
        back = LookBack(vocab, text, near_actors, figure, lower, lowered)  # read if needed
        # "Goose Green (17 killed)", "Peja (1,200)": a figure in parentheses after a place is
        # that place's, and counts what the sentence counts
        opening = text.rfind("(", clause[0], figure.start)
        aside = None if opening == -1 else _aside_of(text, places_within, lo, hi, figure, opening)
        # "thousands were killed, ..., but also almost two hundred"
        context_measure = readings[-1].measure if readings else scope.context_measure
        label_line = scope.label_line or aside is not None
        default_place = scope.default_place
        measure: str | None
        # (a share, of a measure or of what was counted before, is a percent figure: one with
        # a unit; share_measure and share_of_earlier read no other)
        share = None if figure.unit is None else share_measure(vocab, text, figure, clause[1])
        if share is None and readings and figure.unit is not None:
            counted = next((r for r in reversed(readings) if r.unit != figure.unit and
                            vocab.measure_unit[r.measure].counts_people), None)
            earlier = None if counted is None else \
                share_of_earlier(vocab, text, figure, clause[1])
            if counted is not None and earlier is not None:
                # "1.9 million people lived in Kosovo, ...; roughly 82% of them were Albanians"
                share = (counted.measure, earlier)
                default_place = counted.place
        if share is not None:
            # "40% of those killed were civilians": a share of what a measure counts, whose
            # group or side the words after it name
            measure, from_context = share[0], False
            limit = min(clause[1], share[1] + 80)
            phrase = scan_noun_phrase(vocab, text, share[1], limit,
                                      actors.starting(share[1], limit), lowered)
            phrase.head = True
        else:
            measure, from_context = choose_measure(vocab, scope, figure, phrase, back, clause,
                                                   units, by_unit, context_measure, label_line)
        if measure is None:
            previous = None
            continue
        unit = vocab.measure_unit[measure]
        counts_people = phrase.head or back.head or figure.vague or label_line
        if unit.counts_people and not counts_people and \
                not trigger_adjacent(vocab, text, figure, clause):
            continue
        side = phrase.side
        if side is None and vocab.side_after is not None:
            # "twelve military fatalities, ... and one civilian on Azeri side": the first side
            # phrase after the figure, when no side word comes before it
            later = vocab.side_after.search(text, phrase.end, clause[1])
            if later and not actors.any_starting(phrase.end, later.start()):
                side = next((a for a in near_actors
                             if later.start() <= a.start and a.end <= later.end()), None)
        if side is None and phrase.possessive:
            # "Azerbaijan stated 398 of its soldiers", "the Argentine cruiser ... 300 of her
            # sailors": the last name before, else the last side word
            before = [a for a in near_actors if a.end <= figure.start]
            names = [a for a in before if a.role == "name"] or before
            side = names[-1] if names else None
        # an earlier figure's side carries over, unless it was one of two sides set side by
        # side: after "88 Armenian and 31–92 Azerbaijani soldiers", "ten civilians" are both's
        one_side = len(readings) < 2 or not (
            readings[-1].side is not None and readings[-2].side is not None and
            readings[-1].side.canonical != readings[-2].side.canonical and
            clause_of_reading[-2] == clause_of_reading[-1])
        if side is None and previous is not None and previous[2] is not None and \
                previous[3] == number and one_side:
            side = previous[2]  # "Armenia lost 3,825 troops, with 187 servicemen missing"
        if side is None and unit.takes_side_before and back.side and \
                not (readings and back.side.start < read_phrase_end) and \
                not _acted_on(vocab, text, back.side.end, figure.start):
            # a side word of the previous figure's own noun phrase is not this one's: "94
            # Azerbaijani soldiers were killed, along with 15 civilians"
            side = back.side
        if side is None and previous is not None and previous[2] is not None and \
                unit.side_carries_over and one_side:
            side = previous[2]  # "the fighting left 2,906 Azerbaijani soldiers ..., while six
            # servicemen were still missing": a later clause of the sentence keeps its side
        if side is None and from_context:
            # "... 4049 missing citizens of Azerbaijan. There are 47 children"; a line's own
            # label ("British dead: 255") or a table's header names the side before the context
            side = scope.default_side or scope.context_side
        if side is None:
            side = scope.default_side
        spec = lang.measures.measures[measure]
        if not spec.has_side:
            side = None
        # the group before a figure with a people noun of its own is someone else's: "the
        # junta's soldiers burned the village, killing 13 people"
        group = phrase.group or (None if phrase.head and _acted_on(
            vocab, text, lower, figure.start) else back.group) or scope.default_group
        if group is None and previous is not None and previous[3] == number and \
                vocab.coordinator_gap.fullmatch(text, previous[1].end, figure.start):
            group = previous[4]  # "(nine Armenians and six Azerbaijanis)" share the group
        if not unit.keeps_group:
            group = None
        place = aside
        if place is None:
            item = _item_of(breaks_within(lo, hi), lo, hi, figure)
            upper = figures[index + 1].start if index + 1 < len(figures) else clause[1]
            place = _place(vocab, text, default_place, places_within(lo, hi), figure, item,
                           (max(clause[0], lower), clause[1]), upper)
        if side is not None and place is not None and side.canonical == place.canonical:
            # one country read as both: "9% of Azerbaijan's territory" is a share of a place,
            # "4049 missing citizens of Azerbaijan" are a side's people
            side, place = (None, place) if spec.possessor == "place" else (side, None)
        time: Mention | DateMention | None = None
        if not spec.timeless:
            near_dates = dates.within(lo, hi) if dates is not None else []
            if near_dates:
                time = _nearest(near_dates, figure, *clause)
            if time is None and scope.open_dates:
                time = _since(scope, figure, clause)
            if time is None and near_dates:
                time = _nearest(near_dates, figure, lo, hi)
            if not isinstance(time, DateMention):
                # an undated running total ("X remain missing") stands at publication
                present = scope.context_time is None and \
                    vocab.as_of_publication is not None and \
                    vocab.as_of_publication.search(text, *clause)
                time = scope.published if present else scope.context_time
        if share is not None and figure.unit:
            claimed = figure.unit  # a share's unit is its figure's
        else:  # claim_unit's (the figure's own unit where the measure accepts it, "£500 million")
            claimed = figure.unit if figure.unit in spec.also_units else spec.unit
        readings.append(Reading(figure, measure, claimed, side, group, place,
                                time if isinstance(time, DateMention) else None,
                                0 if number is None else number))
        clause_of_reading.append(number)
        read_phrase_end = phrase.end
        previous = (figure, phrase, side, number, group)
    return readings


def _phrase_after(vocab: Vocab, text: str, end: int, figure: Figure, actors: Spans[Mention],
                  lowered: Lowered | None) -> NounPhrase:
    """The noun phrase after a figure, read within 80 characters (and the sentence's end)."""
    limit = figure.end + 80 if figure.end + 80 < end else end
    return scan_noun_phrase(vocab, text, figure.end, limit,
                            actors.starting(figure.end, limit) if actors.starts else [], lowered)


def _since(scope: Scope, figure: Figure, clause: tuple[int, int]) -> DateMention | None:
    """A span its clause opens with no end ("have died since 1982"): from the date on, the end
    left empty."""
    found = _nearest(scope.open_dates, figure, *clause)
    return None if not isinstance(found, DateMention) else \
        found._replace(end_iso="")


def _acted_on(vocab: Vocab, text: str, start: int, end: int) -> bool:
    """Whether a verb done to the people counted stands between: "Turkish drones struck a
    convoy, killing five fighters" (the drones' side is who killed, not who died; "Armenia lost
    3,825 troops" is Armenia's)."""
    if vocab.done_to is None or start >= end:
        return False
    # the verb right before the figure ("killing five", "killed at least 40"), not a passive
    # one further back ("the number of Azerbaijanis killed rose to 39")
    return any(not text[verb.end():end].strip() for verb in vocab.done_to.finditer(text, start, end))


def _restates(vocab: Vocab, text: str, earlier: Figure, figure: Figure) -> bool:
    """A figure in parentheses that gives the range of the one before it: "(range 5,500–18,300)",
    "(95% CI 9,000–14,000)"."""
    if vocab.restating_aside is None or figure.high == figure.low:
        return False
    opening = text.rfind("(", earlier.end, figure.start)
    return opening != -1 and ")" not in text[earlier.end:figure.start] and \
        bool(vocab.restating_aside.fullmatch(text, opening + 1, figure.start))


def _aside_of(text: str, places_within: Callable[[int, int], list[Mention]], lo: int, hi: int,
              figure: Figure, opening: int) -> Mention | None:
    """The place right before the parenthesis a figure opens: "Goose Green (17 killed)"
    (``places_within(lo, hi)``: the places of the figure's window; ``opening``: the last "("
    of the figure's clause before it)."""
    if ")" in text[opening:figure.start] or \
            len(text[opening + 1:figure.start].split()) > 3:
        return None
    return next((p for p in places_within(lo, hi)
                 if p.end <= opening and not text[p.end:opening].strip()), None)


class _Break(NamedTuple):
    start: int
    end: int


def _item_of(breaks: list[_Break], start: int, end: int, figure: Figure) -> tuple[int, int]:
    """The item of ``text[start:end]`` that holds the figure, between the item breaks (those
    within the span, in text order) around it."""
    for item_break in breaks:
        if item_break.end <= figure.start:
            start = item_break.end
        elif item_break.start >= figure.end:
            return start, item_break.start
    return start, end


def _place(vocab: Vocab, text: str, default_place: Mention | None, places: list[Mention],
           figure: Figure, item: tuple[int, int], clause: tuple[int, int],
           upper: int) -> Mention | None:
    """The place a figure is about: one named after it (before the next figure) first
    ("245,045 Armenians in Azerbaijan"), else the nearest named before it in its clause (else
    ``default_place``)."""
    candidates = []
    for place in places:
        if place.start < item[0] or place.end > item[1]:
            continue
        leads_item = not text[item[0]:place.start].strip() and \
            text[place.end:place.end + 2].startswith(":")
        in_clause = clause[0] <= place.start and place.end <= clause[1]
        if leads_item or (in_clause and vocab.place_preposition_before.search(
                text, max(item[0], place.start - 12), place.start)):
            candidates.append(place)
    after = [p for p in candidates if figure.end <= p.start and p.end <= upper]
    found = _nearest(after or candidates, figure, *item)
    return found if isinstance(found, Mention) else default_place

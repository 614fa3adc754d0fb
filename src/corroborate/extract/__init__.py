"""Stage 3, extract: claims from segmented text, driven by language and gazetteer data files.

Public surface: ``extract_claims(text, lang) -> list[Claim]``, ``iter_claims`` (the same claims
one segment at a time, for callers that store them as they come) and ``EXTRACTOR_NAME``.
The engine holds grammar only; every word it knows is in ``lang/<code>/`` and ``gazetteers/``.
Work and evidence are bounded per figure (``window.py``), so any input costs time linear in its size.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from corroborate.extract.articles import article_figures
from corroborate.extract.claims import EXTRACTOR_NAME, event_claim, quantity_claim
from corroborate.extract.dates import DateMention, find_dates, reads_context_year
from corroborate.extract.events import EventReading, event_words, read_events, read_list_entries
from corroborate.extract.labels import (
    excluded_spans,
    label_group,
    label_measure,
    label_of,
    label_sentence,
    labels_event,
    states_figures,
)
from corroborate.extract.numbers import find_figures
from corroborate.extract.quantities import Reading, Scope, read_figures, scan_noun_phrase
from corroborate.extract.relative_dates import find_relative_dates
from corroborate.extract.resolve import (
    DocumentScope,
    Mention,
    document_scope,
    find_actors,
    find_places,
    place_kind,
)
from corroborate.extract.shares import find_fractions
from corroborate.extract.vocab import Vocab, load_vocab
from corroborate.extract.window import find_split_words
from corroborate.model import Claim, Segment, Text

__all__ = ["EXTRACTOR_NAME", "extract_claims", "iter_claims"]

# benchmarks/newsquant.py reads the spans that are no figures under this name
_excluded = excluded_spans

# The gazetteers' kind of a place at one point (a town, a village, a site).
_POINT_KIND = "town"


@dataclass
class _Context:
    """What later segments lean on: the section heading, the paragraph, the table headers."""

    section_time: DateMention | None = None
    section_measure: str | None = None
    heading_event: str | None = None
    paragraph: int = -1
    paragraph_time: DateMention | None = None
    paragraph_measure: str | None = None
    paragraph_side: Mention | None = None
    recent_time: DateMention | None = None  # the last date of an earlier paragraph of the section
    document_year: int | None = None  # the last year the document named: a year-less date's
    last_day: str | None = None  # the last day named: "the following day" counts from it
    list_actor: Mention | None = None  # "Areas occupied by Armenian forces, ...:" over its lines
    table_headers: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)
    row_keys: dict[tuple[int, int], DateMention | None] = field(default_factory=dict)
    # what a header cell names ("Killed or missing", "Injured") and a row key counts
    # ("Service personnel", "Civilians"); a table's side, else its introducing sentence's
    column_measures: dict[tuple[int, int], str | None] = field(default_factory=dict)
    column_groups: dict[tuple[int, int], str | None] = field(default_factory=dict)
    row_labels: dict[tuple[int, int], tuple[Mention | None, str | None]] = field(
        default_factory=dict)
    sentence_side: Mention | None = None  # the first side the last sentence named
    side_of: tuple[int, int] | None = None  # the last sentence, when its side is not looked up yet
    where: DocumentScope = field(default_factory=DocumentScope)  # the document's countries


def _year_of(mention: DateMention | None) -> int | None:
    return None if mention is None else int(mention.end_iso[:4])


def extract_claims(text: Text, lang: str = "en") -> list[Claim]:
    """Every quantity and event claim in the text, in text order (``iter_claims`` as a list).

    >>> from corroborate.model import Document, Source
    >>> from corroborate.text import segment
    >>> doc = Document(Source("s", "S"), "s.txt", "In 2014, 72 soldiers were killed.", "h",
    ...                "text/plain", 10)
    >>> [(c.measure, c.value.low, c.time.start) for c in extract_claims(segment(doc))]
    [('killed', 72.0, '2014')]
    """
    return list(iter_claims(text, lang))


def iter_claims(text: Text, lang: str = "en") -> Iterator[Claim]:
    """The claims of ``extract_claims``, yielded one segment at a time: memory holds one
    segment's claims, not the document's."""
    vocab = load_vocab(lang)
    body = text.text
    context = _Context(where=document_scope(text.document.conflict, body))
    scanned = 0  # the text before here has been searched for the paragraph's line break
    paragraph = -1
    for seg in text.segments:
        if seg.kind == "heading":
            if states_figures(vocab, body, seg) or labels_event(vocab, body, seg):
                # a label line ("1988–1994: 28,000–38,000", "Shusha: occupied May 8, 1992;
                # 289 km2") states figures under its heading; it does not open a section
                yield from _sentence_claims(vocab, text, seg, context, label=True)
            else:
                context.list_actor = None
                _enter_heading(vocab, body, seg, context)
            continue
        if seg.kind == "cell":
            yield from _cell_claims(vocab, text, seg, context)
            continue
        if seg.kind == "reference":
            continue
        # segments come in text order: search only the text since the last one
        paragraph = max(paragraph, body.rfind("\n", scanned, seg.start))
        scanned = seg.start
        if paragraph != context.paragraph:
            context.paragraph = paragraph
            context.recent_time = context.paragraph_time or context.recent_time
            context.paragraph_time = None
            context.paragraph_measure = None
            context.paragraph_side = None
        yield from _sentence_claims(vocab, text, seg, context,
                                    label=label_sentence(vocab, body, seg))
        # a sentence that opens a list ("Areas occupied by Armenian forces ...:") lends its
        # actor to the list's lines
        opens_list = body[seg.end - 1] == ":"  # (a sentence ends in no space: not copied)
        actors = find_actors(body, seg.start, seg.end, context.where) if opens_list else []
        context.list_actor = actors[0] if actors else None


def _enter_heading(vocab: Vocab, body: str, seg: Segment, context: _Context) -> None:
    dates = find_dates(body, seg.start, seg.end, vocab.lang.code,
                       not_year_after=vocab.not_year_after)
    covered = sum(d.end - d.start for d in dates)
    context.recent_time = None
    context.paragraph_time = None  # the last paragraph's year does not cross into a new section
    if dates and covered * 2 >= len(body[seg.start:seg.end].strip()):
        context.section_time = dates[0]  # a heading that is a period: "1994–2019"
        return
    # a heading that names one time dates its section: "The 2020 war", "Border crisis (2021–present)"
    context.section_time = dates[0] if len(dates) == 1 else None
    context.section_measure = _first_trigger(vocab, body, seg)
    event = vocab.heading_event_pattern.search(body, seg.start, seg.end)
    context.heading_event = vocab.heading_events[event.group(0).lower()] if event else None


def _first_trigger(vocab: Vocab, body: str, seg: Segment) -> str | None:
    """The measure of the segment's first trigger word ("Killed or missing" -> killed): the
    trigger words' split scan (window.find_split_words, the lowered twin for most), whose
    first word is the whole alternation's first match."""
    words = find_split_words(vocab.trigger_words, body, seg.start, seg.end).items
    return vocab.triggers[words[0].key][0] if words else None


def _sentence_claims(vocab: Vocab, text: Text, seg: Segment, context: _Context,
                     events: bool = True, label: bool = False) -> list[Claim]:
    body = text.text
    context_time = context.paragraph_time or context.section_time or context.recent_time
    dates = find_dates(body, seg.start, seg.end, vocab.lang.code,
                       context_year=_year_of(context_time) or context.document_year,
                       not_year_after=vocab.not_year_after)
    if context_time is None and any(d.year_given for d in dates) and reads_context_year(
            body, seg.start, seg.end, vocab.lang.code, vocab.not_year_after):
        # "The 2008 Mardakert clashes began on 4 March": the sentence's own year is the context
        # (of a date that names none: a sentence whose dates all name theirs is not read again)
        year = next(d for d in dates if d.year_given)
        dates = find_dates(body, seg.start, seg.end, vocab.lang.code,
                           context_year=_year_of(year), not_year_after=vocab.not_year_after)
    dates = _with_relative(vocab, text, seg, dates, context)
    timely = [d for d in dates if not (vocab.not_context_before and vocab.not_context_before.search(
        body, max(seg.start, d.start - 20), d.start))]
    figures = find_figures(body, seg.start, seg.end, vocab.lang.code,
                           lambda: excluded_spans(vocab, body, seg.start, seg.end, dates))
    found_actors: list[list[Mention]] = []  # looked up once, when first needed

    def segment_actors() -> list[Mention]:
        if not found_actors:
            found_actors.append(find_actors(body, seg.start, seg.end, context.where))
        return found_actors[0]

    figures = article_figures(vocab, body, seg, figures, segment_actors)
    figures = find_fractions(vocab, body, seg.start, seg.end, figures)  # "two-thirds of the dead"
    if not (figures or dates or label):
        # nothing to read: only the side a table after it may lean on, looked up if one does
        context.side_of = None if found_actors else (seg.start, seg.end)
        context.sentence_side = _first_side(found_actors[0]) if found_actors else None
        return []
    # an event needs a date: its words are looked for only in a sentence with one
    triggers = event_words(vocab, body, seg.start, seg.end) if events and dates else None
    if not (figures or label or context.heading_event or (triggers and triggers.items)):
        # dates alone: nothing reads the sentence's names (its side is looked up if a table
        # after it leans on it); the dates still date the sentences after it
        context.side_of = None if found_actors else (seg.start, seg.end)
        context.sentence_side = _first_side(found_actors[0]) if found_actors else None
        _keep_time(context, timely)
        return []
    actors = segment_actors()
    # places are read only by figures (those that count something), events (which need a date
    # and an event word) and a label line: looked up once, when first needed
    found_places: list[list[Mention]] = []

    def sentence_places() -> list[Mention]:
        if not found_places:
            found_places.append(_located_places(
                vocab, body, find_places(body, seg.start, seg.end, context.where)))
        return found_places[0]

    label_side, label_place = label_of(vocab, body, seg, actors, sentence_places()) \
        if label else (None, None)
    own_group = label_group(vocab, body, seg) if label else None
    # a label naming its own people and no side ("Civilians: ...") takes no side from the
    # line before it
    context_side = None if own_group and label_side is None else context.paragraph_side
    context.sentence_side, context.side_of = _first_side(actors), None
    # the dates that open a span with no end ("since 1982"): only a figure's time reads them
    opening = [d for d in dates if vocab.open_start_before and vocab.open_start_before.search(
        body, max(seg.start, d.start - 20), d.start)] if figures else []
    scope = Scope(body, seg.start, seg.end, timely, [], actors, context_time=context_time,
                  context_measure=(label_measure(vocab, body, seg) or context.section_measure
                                   or context.paragraph_measure)
                  if label else context.paragraph_measure,
                  context_side=context_side, default_side=label_side,
                  default_place=label_place, default_group=own_group, label_line=label,
                  published=_published(text), open_dates=opening, place_finder=sentence_places)
    readings = read_figures(vocab, scope, figures)
    found: list[EventReading] = []
    if events:
        if triggers and triggers.items:
            found = read_events(vocab, body, seg.start, seg.end, dates, sentence_places(), actors,
                                context_time, label_place, triggers)
        if context.heading_event:
            found += read_list_entries(vocab, body, seg.start, seg.end, dates, sentence_places(),
                                       context.heading_event)
        if label and context.list_actor is not None:
            found = [replace(e, actor=e.actor or context.list_actor) for e in found]
    readings = _at_event_place(vocab, readings, found)
    claims = [quantity_claim(text, seg, r) for r in readings]
    claims.extend(event_claim(text, seg, e) for e in found)
    _keep_time(context, timely)
    if readings:
        context.paragraph_measure = readings[-1].measure
        context.paragraph_side = readings[-1].side or context.paragraph_side
    claims.sort(key=lambda c: (c.figure.start if c.figure else c.evidence.start))
    return claims


def _keep_time(context: _Context, timely: list[DateMention]) -> None:
    """The last date of the sentence that gives its year dates the paragraph after it."""
    given = [d for d in timely if d.year_given]
    if given:
        context.paragraph_time = given[-1]
        context.document_year = _year_of(given[-1])


def _first_side(actors: list[Mention]) -> Mention | None:
    sides = [a for a in actors if a.role != "name"] or actors
    return sides[0] if sides else None


def _sentence_side(body: str, context: _Context) -> Mention | None:
    """The first side the last sentence named (looked up now if it was not then)."""
    if context.side_of is not None:
        start, end = context.side_of
        context.sentence_side = _first_side(find_actors(body, start, end, context.where))
        context.side_of = None
    return context.sentence_side


def _at_event_place(vocab: Vocab, readings: list[Reading],
                    found: list[EventReading]) -> list[Reading]:
    """People counted in a sentence that tells an event at a town, with no place of their own,
    were counted there (at the nearest such event): "NATO aircraft attacked convoys on the
    Đakovica road; 73 civilians were killed", "1,400 were captured on 29 May when British
    troops took back Goose Green"."""
    # a town is where the dead were; a region an event crossed ("fighting along the frontline
    # of Nagorno-Karabakh") is not every figure's place
    towns = [e for e in found
             if e.place is not None and place_kind(e.place.canonical) == _POINT_KIND]
    if not towns:
        return readings
    located = []
    for r in readings:
        if r.place is None and vocab.measure_unit[r.measure].counts_people and \
                vocab.lang.measures.measures[r.measure].has_side:
            nearest = min(towns, key=lambda e: abs(e.trigger[0] - r.figure.start))
            r = replace(r, place=nearest.place)
        located.append(r)
    return located


def _located_places(vocab: Vocab, body: str, places: list[Mention]) -> list[Mention]:
    """The places less those that only locate the place before them: "at Koriša, near
    Prizren" happened at Koriša."""
    if vocab.reference_gap is None:
        return places
    kept = places[:1]
    for before, place in pairwise(places):
        if not vocab.reference_gap.fullmatch(body, before.end, place.start):
            kept.append(place)
    return kept


def _published(text: Text) -> DateMention | None:
    """The source's publication date as a date of the text's own (no span)."""
    published = text.document.source.published
    return None if not published else DateMention(-1, -1, published, published)


def _with_relative(vocab: Vocab, text: Text, seg: Segment, dates: list[DateMention],
                   context: _Context) -> list[DateMention]:
    """The segment's dates with its relative ones ("on Saturday", "two days later") among them;
    the last day named is kept for the next segment's "the following day"."""
    relative = find_relative_dates(text.text, seg.start, seg.end, vocab.lang.code,
                                   text.document.source.published, context.last_day, dates)
    merged = sorted(dates + relative, key=lambda d: d.start) if relative else dates
    days = [d for d in merged if len(d.end_iso) == 10]
    if days:
        context.last_day = days[-1].end_iso
    return merged


def _cell_claims(vocab: Vocab, text: Text, seg: Segment, context: _Context) -> list[Claim]:
    body = text.text
    assert seg.table is not None and seg.row is not None and seg.column is not None
    if seg.row == 0:
        context.table_headers[(seg.table, seg.column)] = find_actors(body, seg.start, seg.end,
                                                                     context.where)
        context.column_measures[(seg.table, seg.column)] = _first_trigger(vocab, body, seg)
        context.column_groups[(seg.table, seg.column)] = scan_noun_phrase(
            vocab, body, seg.start, seg.end, []).group
        return []
    if seg.column == 0:
        dates = find_dates(body, seg.start, seg.end, vocab.lang.code)
        context.row_keys[(seg.table, seg.row)] = dates[0] if dates else None
        if not dates:  # a row key of words: "Service personnel", "Civilians", "Total"
            actors = find_actors(body, seg.start, seg.end, context.where)
            label = scan_noun_phrase(vocab, body, seg.start, seg.end, actors)
            context.row_labels[(seg.table, seg.row)] = (actors[0] if actors else None,
                                                        label.group)
        return []
    header = context.table_headers.get((seg.table, seg.column), [])
    measure = context.column_measures.get((seg.table, seg.column))
    worded = context.row_labels.get((seg.table, seg.row))
    row_side, row_group = worded or (None, None)
    figures = find_figures(body, seg.start, seg.end, vocab.lang.code)
    scope = Scope(body, seg.start, seg.end, [], [], [],
                  context_time=context.row_keys.get((seg.table, seg.row)) or (
                      # a table of worded rows is over the time its introducing text gives
                      context.paragraph_time or context.section_time or context.recent_time
                      if worded is not None else None),
                  context_measure=measure or context.section_measure or context.paragraph_measure,
                  default_side=header[0] if header else row_side or (
                      _sentence_side(body, context) if measure else None),
                  default_group=row_group or context.column_groups.get((seg.table, seg.column)),
                  label_line=measure is not None or worded is not None)
    return [quantity_claim(text, seg, r) for r in read_figures(vocab, scope, figures)]

"""Article figures: "an Azerbaijani civilian was killed" counts one, as an article before a
counted noun is one. Split from ``__init__.py``; the words come from the language data."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from corroborate.extract.numbers import Figure
from corroborate.extract.quantities import scan_noun_phrase
from corroborate.extract.resolve import Mention
from corroborate.extract.vocab import Vocab
from corroborate.extract.window import Spans
from corroborate.model import Segment

__all__ = ["article_figures"]


def article_figures(vocab: Vocab, body: str, seg: Segment, figures: list[Figure],
                    actors: Callable[[], list[Mention]]) -> list[Figure]:
    """The figures with an article before a counted noun among them, in text order.
    ``actors`` gives the segment's actors, asked for only when an article may count."""
    nouns = vocab.article_nouns
    if nouns is None:
        return figures
    found = []
    starts = [f.start for f in figures]
    names: Spans[Mention] | None = None
    for match in vocab.article_figure.finditer(body, seg.start, seg.end):
        a, b = match.span()
        inside = bisect_right(starts, a) - 1  # figures never overlap
        if inside >= 0 and a < figures[inside].end:
            continue
        limit = min(seg.end, b + 60)
        # the phrase counts only with such a noun in it: none within reach, nothing to read
        if not nouns.search(body, b, limit):
            continue
        if names is None:
            names = Spans(actors())
        phrase = scan_noun_phrase(vocab, body, b, limit, names.starting(b, limit))
        item_noun = phrase.singular_item and phrase.measure is not None and \
            vocab.measure_unit[phrase.measure].one_by_article
        after = body[b:phrase.end]
        of_phrase = any(w in after for w in vocab.of_words)  # "a result of the military ..."
        people_group = phrase.singular_group and phrase.group in vocab.people_groups
        if phrase.head and (people_group or item_noun) and not of_phrase:
            found.append(Figure(a, b, 1.0, 1.0, "exact", None, spelled=True))
    return sorted(figures + found, key=lambda f: f.start) if found else figures

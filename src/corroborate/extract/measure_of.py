"""What a figure counts: its measure, from its noun phrase, the nearest trigger word, the words
before it or the context.

All vocabulary comes from the language data; split from ``quantities.py`` to keep both small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corroborate.extract.numbers import Figure
from corroborate.extract.vocab import Vocab

if TYPE_CHECKING:
    from corroborate.extract.noun_phrases import LookBack, NounPhrase
    from corroborate.extract.quantities import Scope

__all__ = ["choose_measure", "trigger_adjacent"]


# Characters a trigger before a figure counts as further away when a comma stands between.
_COMMA_BEFORE = 40


def _nearest_trigger(vocab: Vocab, scope: Scope, figure: Figure, clause: tuple[int, int],
                     units: dict[str, str], measures_for_unit: set[str] | None) -> str | None:
    best: tuple[float, str] | None = None
    text = scope.text
    measure_unit = vocab.measure_unit
    for match in scope.triggers.within(*clause):
        if figure.start <= match.start < figure.end:
            continue
        for measure in vocab.triggers[match.key]:  # the first the figure may count
            if measure in measures_for_unit if measures_for_unit is not None \
                    else measure_unit[measure].counts_people:
                break
        else:
            continue
        if match.start >= figure.end:
            distance = float(match.start - figure.end)
        else:
            distance = 2.5 * (figure.start - match.end)  # a count's verb mostly follows it
            if "," in text[match.end:figure.start]:
                # "After the troops arrived, over 164,000 Serbs ... left": a verb of an
                # opening clause is not the count's
                distance += _COMMA_BEFORE
        if vocab.relative_before.search(text, max(clause[0], match.start - 20), match.start):
            distance += 200  # "who lived": a description, not what is counted
        if best is None or distance < best[0]:
            best = (distance, measure)
    return None if best is None else best[1]


def choose_measure(vocab: Vocab, scope: Scope, figure: Figure, phrase: NounPhrase, back: LookBack,
                   clause: tuple[int, int], units: dict[str, str], by_unit: dict[str, set[str]],
                   context_measure: str | None, label_line: bool) -> tuple[str | None, bool]:
    """The measure a figure counts, and whether it came from the context (an earlier sentence
    or figure: ``context_measure``; ``label_line``: the figure is a label's, "Shusha (17)").
    ``scope``: the figure's sentence, its text and trigger words."""
    lang = vocab.lang
    if figure.unit is not None:
        candidates = by_unit.get(figure.unit, set())
        triggered = _nearest_trigger(vocab, scope, figure, clause, units, candidates)
        if triggered:
            return triggered, False
        # in the data file's order, not the set's: a set's order follows string hashing, which
        # differs between processes (the ingest pool's workers)
        free = [m for m, spec in lang.measures.measures.items()
                if m in candidates and spec.any_figure_with_unit]
        return (free[0] if free else None), False
    if phrase.measure and vocab.measure_unit[phrase.measure].counted_by_noun:
        return phrase.measure, False
    trigger = _nearest_trigger(vocab, scope, figure, clause, units, None)
    if trigger:
        return trigger, False
    if back.measure and vocab.measure_unit[back.measure].counts_people:
        return back.measure, False
    if context_measure and (label_line or (
            phrase.head and vocab.measure_unit[context_measure].counts_people)):
        return context_measure, True
    return None, False


def trigger_adjacent(vocab: Vocab, text: str, figure: Figure, clause: tuple[int, int]) -> bool:
    window = text[max(clause[0], figure.start - 40):min(clause[1], figure.end + 40)]
    return bool(vocab.trigger_pattern.search(window))

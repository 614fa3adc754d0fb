"""The compiled vocabulary the claim readers share: measure words, groups, clause breaks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from corroborate.extract.data import Lang, Unit, load_gazetteer, load_lang, trie_alternation
from corroborate.extract.folded import FoldedKeys
from corroborate.extract.lowered import key_words
from corroborate.extract.window import SplitAlternation
from corroborate.langdata import data_dirs, data_path
from corroborate.text.guard import GatedAlternation, first_characters, guarded

__all__ = ["Vocab", "load_vocab"]


@dataclass(frozen=True)
class Vocab:
    lang: Lang
    # phrase (lower case) -> list of (category, value); categories: measure_noun, group,
    # people, side, possessive, filler
    np_words: dict[str, list[tuple[str, str]]]
    np_pattern: re.Pattern[str]
    triggers: dict[str, list[str]]  # trigger phrase (lower) -> measures it may name
    trigger_pattern: re.Pattern[str]
    # the same words as two patterns: the first (most words) has a lowered twin, the second
    # (those that need a capitalised name after them) checks a capital
    trigger_words: SplitAlternation
    clause_break: re.Pattern[str]
    item_break: re.Pattern[str]
    not_count_after: re.Pattern[str]
    relative_before: re.Pattern[str]
    place_preposition_before: re.Pattern[str]
    # the words between a place and one that only locates it ("Koriša, near Prizren")
    reference_gap: re.Pattern[str] | None
    restating_aside: re.Pattern[str] | None  # "(range " before a figure that bounds the last
    done_to: re.Pattern[str] | None  # "killing": the side before it did it, did not suffer it
    coordinator_gap: re.Pattern[str]
    exclusions: tuple[re.Pattern[str], ...]
    # the same exclusions, searched with only the patterns whose fixed words the span holds
    exclusion_gate: GatedAlternation
    not_year_after: str
    event_triggers: dict[str, str]
    event_pattern: re.Pattern[str]
    heading_events: dict[str, str]
    heading_event_pattern: re.Pattern[str]
    articles: re.Pattern[str]
    word: re.Pattern[str]
    side_after: re.Pattern[str] | None
    owner_after: re.Pattern[str] | None
    not_context_before: re.Pattern[str] | None
    open_start_before: re.Pattern[str] | None  # "since 1982": a span from then on
    not_event_date_before: re.Pattern[str] | None
    article_figure: re.Pattern[str]  # "a", "an", "one" before a space
    # the nouns an article before which counts one ("a civilian", "a tank"); None if none
    article_nouns: re.Pattern[str] | None
    as_of_publication: re.Pattern[str] | None
    measure_unit: dict[str, Unit]  # measure -> its unit, with the flags of what its figures do
    unit_name: dict[str, str]  # measure -> the name of its unit
    measures_of_unit: dict[str, set[str]]  # unit name -> the measures whose figures it may be
    people_groups: frozenset[str]  # groups a singular noun counts as one ("a civilian")
    plural_endings: tuple[str, ...]  # a noun ending in none of them is singular
    of_words: tuple[str, ...]  # " of ": a phrase with one is no counted noun after an article
    place_list_fillers: frozenset[str]  # words between listed places ("and the", "districts")
    named_by_place: frozenset[str]  # triggers a town right before names ("the Minsk Protocol")


def load_vocab(code: str = "en") -> Vocab:
    """The compiled vocabulary of a language (cached per language and user data folders)."""
    return _load_vocab(code, data_dirs())


@lru_cache(maxsize=8)
def _load_vocab(code: str, _dirs: tuple[str, ...]) -> Vocab:
    lang = load_lang(code)
    m = lang.measures
    np_words: dict[str, list[tuple[str, str]]] = {}

    def add(phrase: str, category: str, value: str) -> None:
        np_words.setdefault(phrase.lower(), []).append((category, value))

    for name, measure in m.measures.items():
        for noun in measure.nouns:
            add(noun, "measure_noun", name)
    for group, words in m.groups.items():
        for word in words:
            add(word, "group", group)
    gazetteer = load_gazetteer()
    for word in (*m.people_nouns, *gazetteer.people_nouns):
        add(word, "people", "")
    for actor, data in load_gazetteer().actors.items():
        for word in (*data.adjectives, *data.people):
            add(word, "side", actor)
    for word in m.possessives:
        add(word, "possessive", "")
    for word in m.np_fillers:
        add(word, "filler", "")
    _known(gazetteer.measure_triggers, m.measures, "measure_triggers")
    _known(gazetteer.event_triggers, lang.events.events, "event_triggers")
    triggers: dict[str, list[str]] = {}
    name_triggers: set[str] = set()
    for name, measure in m.measures.items():
        for t in measure.name_triggers:
            name_triggers.add(t.lower())
            triggers.setdefault(t.lower(), []).append(name)
        for t in (*measure.triggers, *gazetteer.measure_triggers.get(name, [])):
            triggers.setdefault(t.lower(), []).append(name)
    events = {t.lower(): name for name, ev in lang.events.events.items()
              for t in (*ev.triggers, *gazetteer.event_triggers.get(name, []))}
    heading = {t.lower(): name for name, ev in lang.events.events.items()
               for t in ev.heading_triggers}
    unit_words = [form for unit in lang.units.values() for form in unit.after]
    noun_words = [w for w, cats in np_words.items()
                  if any(c in ("measure_noun", "group", "people") for c, _ in cats)]
    not_year_after = _blind(unit_words + noun_words, words=False)
    side_words = [w for a in load_gazetteer().actors.values()
                  for w in (*a.adjectives, *a.names)]
    side_alt = trie_alternation(side_words, words=False)  # thousands: every country's
    side_after = _side_phrases(m.side_phrases, side_alt)
    owner_after = _side_phrases(m.owner_phrases, side_alt)
    not_context_before = re.compile(rf"{_blind(lang.dates.not_context_before)}\s+$",
                                    re.IGNORECASE) if lang.dates.not_context_before else None
    measure_unit = {name: lang.units[spec.unit] for name, spec in m.measures.items()}
    people_groups = frozenset(m.people_groups)
    articles = lang.numbers.indefinite_articles
    article_nouns = [w for w, cats in np_words.items() if any(
        (c == "measure_noun" and measure_unit[v].one_by_article) or
        (c == "group" and v in people_groups) for c, v in cats)]
    return Vocab(
        lang=lang,
        np_words=FoldedKeys(np_words),
        np_pattern=re.compile(trie_alternation(list(np_words)), re.IGNORECASE),
        triggers=FoldedKeys(triggers),
        trigger_pattern=_fast_words(
            _triggers_alternation(triggers, name_triggers, m.place_articles), re.IGNORECASE),
        trigger_words=_trigger_words(triggers, name_triggers, m.place_articles),
        clause_break=re.compile(_blind(m.clause_breaks, words=False), re.IGNORECASE),
        item_break=re.compile(r";|\n"),
        not_count_after=re.compile(_blind(m.not_counts_after, words=False) + r"(?![a-z])",
                                   re.IGNORECASE),
        relative_before=re.compile(rf"{_blind(m.relative_markers)}\s+(?:\w+\s+)?$",
                                   re.IGNORECASE),
        place_preposition_before=re.compile(
            rf"{_blind(m.place_prepositions)}\s+{_articles(m.place_articles)}$",
            re.IGNORECASE),
        done_to=re.compile(_blind(m.done_to), re.IGNORECASE) if m.done_to else None,
        restating_aside=re.compile(
            rf"\s*{_blind(m.restating_asides)}[\s:,]*", re.IGNORECASE)
        if m.restating_asides else None,
        reference_gap=re.compile(
            rf",?\s+{_blind(m.reference_prepositions)}\s+{_articles(m.place_articles)}",
            re.IGNORECASE) if m.reference_prepositions else None,
        coordinator_gap=re.compile(rf"\s*(?:{_blind(m.coordinators, words=False)})\s*",
                                   re.IGNORECASE),
        # one alternation, one pass over each sentence
        exclusions=(_fast("|".join(f"(?:{p})" for p in lang.exclusions.patterns), re.MULTILINE),),
        exclusion_gate=GatedAlternation(list(lang.exclusions.patterns), re.MULTILINE),
        not_year_after=not_year_after,
        event_triggers=FoldedKeys(events),
        event_pattern=_fast_words(trie_alternation(list(events)), re.IGNORECASE),
        heading_events=FoldedKeys(heading),
        heading_event_pattern=re.compile(_blind(list(heading)), re.IGNORECASE),
        articles=re.compile(rf"{_blind(lang.numbers.indefinite_articles)}\s+$",
                            re.IGNORECASE),
        word=re.compile(r"[\w'’-]+|[^\w\s]"),
        side_after=side_after,
        owner_after=owner_after,
        not_context_before=not_context_before,
        open_start_before=re.compile(rf"{_blind(lang.dates.open_start_before)}\s+$",
                                     re.IGNORECASE) if lang.dates.open_start_before else None,
        not_event_date_before=re.compile(
            rf"{_blind(lang.dates.not_event_date_before)}\s+$", re.IGNORECASE)
        if lang.dates.not_event_date_before else None,
        # scanned over every sentence: its few first letters consumed first (``scan_first``;
        # a twin over the lowered sentence is no faster)
        article_figure=re.compile(
            trie_alternation(articles, scan_first=True, ignorecase=True) + r"(?=\s)",
            re.IGNORECASE),
        as_of_publication=re.compile(_blind(m.as_of_publication), re.IGNORECASE)
        if m.as_of_publication else None,
        article_nouns=_fast_words(trie_alternation(article_nouns), re.IGNORECASE)
        if article_nouns else None,
        measure_unit=measure_unit,
        unit_name={name: spec.unit for name, spec in m.measures.items()},
        measures_of_unit=_measures_of_unit(lang),
        people_groups=people_groups,
        plural_endings=tuple(e.lower() for e in m.plural_endings),
        of_words=tuple(f" {w} " for w in m.of_words),
        place_list_fillers=frozenset(w.lower() for w in lang.events.place_list_fillers),
        named_by_place=frozenset(w.lower() for w in lang.events.named_by_place),
    )


def _triggers_alternation(triggers: dict[str, list[str]], name_triggers: set[str],
                          articles: list[str]) -> str:
    """The trigger words; those that need a name after them ("left Kosovo") only before a
    capitalised word."""
    plain = [t for t in triggers if t not in name_triggers]
    if not name_triggers:
        return trie_alternation(plain)
    named = trie_alternation(sorted(name_triggers)) + _before_a_name(articles)
    return f"{trie_alternation(plain)}|{named}"


def _before_a_name(articles: list[str]) -> str:
    return rf"(?=\s+{_articles(articles)}(?-i:[A-Z]))"


def _trigger_words(triggers: dict[str, list[str]], name_triggers: set[str],
                   articles: list[str]) -> SplitAlternation:
    """``_triggers_alternation`` as its two branches: the plain words, which a lowered twin
    scans (the capital check keeps the whole alternation case-blind), and the name triggers,
    few, their first letters consumed first (``scan_first``)."""
    plain = _fast_words(trie_alternation([t for t in triggers if t not in name_triggers]),
                        re.IGNORECASE)
    if not name_triggers:
        return SplitAlternation(plain, None)
    named = trie_alternation(sorted(name_triggers), scan_first=True, ignorecase=True)
    return SplitAlternation(plain, re.compile(named + _before_a_name(articles), re.IGNORECASE),
                            key_words(name_triggers))


def _measures_of_unit(lang: Lang) -> dict[str, set[str]]:
    by_unit: dict[str, set[str]] = {}
    for name, spec in lang.measures.measures.items():
        for accepted in (spec.unit, *spec.also_units):
            by_unit.setdefault(accepted, set()).add(name)
    return by_unit


def _fast(pattern: str, flags: int) -> re.Pattern[str]:
    """A pattern run over every sentence, behind a lookahead on its first characters."""
    return re.compile(guarded(pattern, flags), flags)


def _fast_words(pattern: str, flags: int) -> re.Pattern[str]:
    """``_fast`` for whole-word phrases (``trie_alternation``'s): the check that no word
    character comes before goes first, so a position inside a word costs one look behind."""
    return re.compile(r"(?<![\w-])" + guarded(pattern, flags), flags)


def _blind(phrases: list[str], *, words: bool = True) -> str:
    """The longest-first alternation of phrases for a case-blind pattern, as a trie (the engine
    enters every branch of a case-blind alternation, a trie's only by letter)."""
    return trie_alternation(phrases, words=words, ignorecase=True)


def _articles(words: list[str]) -> str:
    """Optional article words, each followed by a space: "(?:the\\s+)?"."""
    return rf"(?:{_blind(words, words=False)}\s+)?" if words else ""


def _known(words: dict[str, list[str]], names: Mapping[str, object], key: str) -> None:
    """The overlay's trigger words are for measures and event types the language has."""
    for name in words:
        if name not in names:
            from corroborate.errors import CorroborateError, E

            raise CorroborateError(E.E202, data_path("gazetteers", "actors.toml"),
                                   reason=f"{key}.{name}: no such measure or event type")


def _side_phrases(phrases: list[str], side_alt: str) -> re.Pattern[str] | None:
    """One pattern for phrases with a {side} slot ("on the {side} side"), or None."""
    if not phrases:
        return None
    templates = [re.escape(t).replace(re.escape("{side}"), f"(?P<side{i}>{side_alt})")
                 for i, t in enumerate(phrases)]
    # searched after every figure's noun: behind a lookahead on the first characters of the
    # phrases after any spaces and comma
    alternatives = "(?:" + "|".join(templates) + ")"
    first = first_characters(alternatives)
    lead = f"(?=[\\s,]*{first})" if first else ""
    return re.compile(rf"{lead}\s*,?\s*{alternatives}(?!\w)")

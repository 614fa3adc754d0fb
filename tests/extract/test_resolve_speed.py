"""The faster name matchers find what the plain ones found: the same spans, in any span."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborate.extract import resolve
from corroborate.extract.data import trie_alternation
from corroborate.extract.resolve import document_scope, find_actors, find_places
from corroborate.extract.world_names import (
    _BEFORE,
    _RUN_FIRST,
    _UPPER,
    WorldLookup,
    _stands_alone,
    world_lookup,
)
from corroborate.langdata import data_dirs
from corroborate.text.guard import guarded

NAMES = ["Aden", "Adana", "Nagorno-Karabakh", "Karabakh", "O'Brien", "Brien", "Ağdam",
         "Stepanakert", "Shusha", "Shushi"]
TEXT = ("Aden, Adana and Nagorno-Karabakh; Karabakh's Ağdam fell. O'Brien met Brien in "
        "Stepanakert (Shushi/Shusha). Adenine is no town, nor is XAden; Shusha")


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


def test_a_trie_scanned_from_first_characters_finds_the_guarded_tries_names() -> None:
    plain = re.compile(guarded(trie_alternation(NAMES)))
    fast = re.compile(trie_alternation(NAMES, scan_first=True))
    assert [TEXT[s:e] for s, e in _spans(fast, TEXT, 0, len(TEXT))] == [
        "Aden", "Adana", "Nagorno-Karabakh", "Karabakh", "Ağdam", "O'Brien", "Brien",
        "Stepanakert", "Shushi", "Shusha", "Shusha"]
    # a span may begin after a letter (the lookbehind still reads it) or cut a name
    for start in range(0, len(TEXT), 3):
        for end in (start + 1, start + 9, start + 40, len(TEXT)):
            assert _spans(fast, TEXT, start, end) == _spans(plain, TEXT, start, end)


def test_capitalised_words_are_scanned_from_capital_to_capital_as_before() -> None:
    before = re.compile(guarded(rf"(?<![\w'’.-])[{_UPPER}][^\W\d_]*(?:['’.-][^\W\d_]+)*"))
    text = "Ėlo said: McDonald-Smith, O'Brien and d'Arc met Ivanov’s men. U.S. Army, Élan."
    assert [text[s:e] for s, e in _spans(_RUN_FIRST, text, 0, len(text))] == [
        "Ėlo", "McDonald-Smith", "O'Brien", "Ivanov’s", "U.S", "Army", "Élan"]
    for start in range(len(text)):
        for end in range(start, len(text) + 1, 4):
            assert _spans(_RUN_FIRST, text, start, end) == _spans(before, text, start, end)


SENTENCE = ("Serbian police shelled villages of ethnic Albanians near Pristina; the Gaza Strip "
            "and Shusha were named.")


def test_names_that_begin_with_no_capital_are_found_only_in_a_span_holding_them() -> None:
    whole = [(m.start, m.end, m.canonical, m.written, m.role) for m in find_actors(SENTENCE)]
    assert whole == [(0, 7, "Serbia", "Serbian", "adjective"),
                     (35, 51, "Kosovo Albanians", "ethnic Albanians", "people")]
    assert [m.written for m in find_actors(SENTENCE, 0, 50)] == ["Serbian"]
    assert [m.written for m in find_actors(SENTENCE, 30, 60)] == ["ethnic Albanians"]
    assert [(m.canonical, m.written) for m in find_places(SENTENCE)] == [
        ("Pristina", "Pristina"), ("Gaza Strip", "the Gaza Strip"), ("Shusha", "Shusha")]
    assert [m.written for m in find_places(SENTENCE, 0, 80)] == ["Pristina"]


@pytest.mark.parametrize("spans", [
    [(0, 40), (40, 70), (70, 104)],  # sentence by sentence, in order
    [(70, 104), (0, 104), (30, 60), (0, 50)],  # out of order, overlapping
])
def test_the_same_text_asked_span_by_span_gives_what_a_fresh_copy_gives(
        spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        copy = "".join(list(SENTENCE))  # another string object: nothing remembered of it
        assert copy is not SENTENCE
        assert find_actors(SENTENCE, start, end) == find_actors(copy, start, end)
        assert find_places(SENTENCE, start, end) == find_places(copy, start, end)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Delegates flew from Rio de Janeiro to The Hague on Monday.",
     [("Rio de Janeiro", "BR"), ("The Hague", "NL")]),
    ("Aid left Buenos Aires for Port Stanley, then Santa Cruz de Tenerife.",
     [("Buenos Aires", "AR"), ("Stanley", "FK"), ("Santa Cruz de Tenerife", "ES")]),
])
def test_world_names_of_several_words_are_read_longest_first(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.canonical, m.country) for m in find_places(sentence)] == expected
    # cut before its last word, a name of several words is no longer that place
    last = find_places(sentence)[-1]
    assert all(m.canonical != last.canonical
               for m in find_places(sentence, 0, last.end - 3))


def _alone_by_search(text: str, start: int, end: int, common: frozenset[str]) -> bool:
    """The word-before rule as one regex search (what _stands_alone did for every name)."""
    before = _BEFORE.search(text, max(0, start - 40), start)
    return before is None or not before.group(1)[0].isupper() or before.group(1) in common


@pytest.mark.parametrize(("text", "alone"), [
    ("talks in Geneva", True),
    ("Envoy Geneva", False),  # a capitalised word before: part of a longer name
    ("The Geneva", True),  # a common word before
    ("Envoy\nGeneva", True),  # a line break alone is no space
    ("Envoy \nGeneva", False),  # a space and a line break
    ("x" * 45 + " Envoy Geneva", False),
    ("Envoyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx Geneva", True),  # begins beyond 40 chars
    ("O'Envoy Geneva", True),  # after an apostrophe: no word of its own
    ("5Envoy Geneva", True),
    ("Envoy² Geneva", False),  # ² is a letter to the pattern, not to str.isalpha
    ("Envoy  Geneva", True),  # two spaces
    (" Geneva", True),
])
def test_the_word_before_a_name_is_read_as_the_regex_search_read_it(text: str,
                                                                    alone: bool) -> None:
    look = world_lookup((), data_dirs())
    start = text.index("Geneva")
    assert _stands_alone(text, start, start + 6, look) is alone
    assert _alone_by_search(text, start, start + 6, look.common) is alone


def test_a_scopes_tools_are_fetched_once_for_its_data_folders(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = "Armenian forces shelled Azerbaijani posts near Shusha. Armenia denied it."
    scope = document_scope(None, text)
    asked: list[tuple[str, ...]] = []
    real = resolve.world_lookup

    def counted(countries: tuple[str, ...], dirs: tuple[str, ...]) -> WorldLookup:
        asked.append(dirs)
        return real(countries, dirs)

    monkeypatch.setattr(resolve, "world_lookup", counted)
    for _ in range(3):
        assert [m.written for m in find_actors(text, 0, 54, scope)] == ["Armenian", "Azerbaijani"]
        assert [m.written for m in find_places(text, 0, 54, scope)] == ["Shusha"]
    assert asked == [()]  # once, sentence after sentence
    monkeypatch.setenv("CORROBORATE_DATA", str(tmp_path))  # other folders: fetched again
    assert [m.written for m in find_places(text, 0, 54, scope)] == ["Shusha"]
    assert asked == [(), (str(tmp_path),)]

"""A document's actor names are scanned once, for its countries, and its sentences' names are
served from that scan (``ScannedNames``) where a scan of the sentence alone finds the same."""

from __future__ import annotations

import gc
import re
import weakref

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.name_matcher import NameMatcher, ScannedNames
from corroborate.extract.resolve import DocumentScope, _actors, document_scope, find_actors

TEXT = ("Armenian forces shelled Azerbaijani posts. Armenia denied it. Ethnic Albanians and "
        "Serbs met; the separatist regime spoke.")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    calls: list[tuple[int, int]] = []
    real = NameMatcher.finditer

    def counted(self: NameMatcher, text: str, start: int, end: int) -> object:
        calls.append((start, end))
        return real(self, text, start, end)

    monkeypatch.setattr(NameMatcher, "finditer", counted)
    return calls


def test_a_sentence_is_served_from_the_documents_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    scope = document_scope(None, TEXT)
    assert scope.countries == ("AM", "AZ") and scope == DocumentScope(("AM", "AZ"))
    calls = _counting(monkeypatch)
    found = find_actors(TEXT, 43, 61, scope)  # "Armenia denied it."
    assert [(m.start, m.end, m.canonical, m.written) for m in found] == [
        (43, 50, "Armenia", "Armenia")]
    assert calls == []  # no scan of the sentence
    assert find_actors(TEXT, 43, 61, scope) == find_actors(TEXT, 43, 61)  # as a fresh scan
    assert calls == [(43, 61)]


@pytest.mark.parametrize(("start", "end", "written"), [
    (0, 7, ["Armenia"]),  # ends inside "Armenian": the document's scan read "Armenian"
    (1, 20, []),  # begins inside it
    (24, 34, ["Azerbaijan"]),  # "Azerbaijani" cut short: a name at the span's end
])
def test_a_span_cutting_a_word_or_a_name_is_scanned(monkeypatch: pytest.MonkeyPatch, start: int,
                                                    end: int, written: list[str]) -> None:
    scope = document_scope(None, TEXT)
    calls = _counting(monkeypatch)
    assert [m.written for m in find_actors(TEXT, start, end, scope)] == written
    assert calls == [(start, end)]


def test_another_text_or_a_span_past_the_scan_is_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    scope = document_scope(None, TEXT)
    assert scope.scanned is not None
    short = ScannedNames(TEXT, 43, scope.scanned.starts, scope.scanned.ends)
    assert short.within(TEXT, 43, 61) is None
    assert short.within("".join(list(TEXT)), 0, 43) is None  # an equal text, another object
    assert list(short.within(TEXT, 0, 43) or ()) == [(0, 8), (24, 35)]
    calls = _counting(monkeypatch)
    copy = "".join(list(TEXT))
    assert [m.written for m in find_actors(copy, 43, 61, scope)] == ["Armenia"]
    assert calls == [(43, 61)]


# names, words around them, the characters a name may end before or run on with
_PIECES = st.sampled_from(["Armenia", "Armenian", "Armenians", "Azerbaijan", "Serbs", "Serb",
                           "ethnic Albanians", "separatist regime", "Kosovo", "Kosovo Albanians",
                           "Nagorno-Karabakh", " ", "  ", ". ", "-", "x", "9", "_", "'s", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.data())
def test_served_matches_are_those_a_scan_of_the_span_finds(text: str, data: st.DataObject) -> None:
    scope = document_scope(None, text)
    scanned = scope.scanned
    assert scanned is not None
    matcher = _actors()
    for _ in range(6):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        served = scanned.within(text, start, end)
        if served is not None:
            assert list(served) == [m.span() for m in matcher.finditer(text, start, end)]
    # a span ending where a name does, before a space, is served
    for _first, last in scanned.spans:
        if text[last:last + 1] in ("", " "):
            assert scanned.within(text, 0, last) is not None


def test_the_kept_spans_are_no_work_for_the_garbage_collector() -> None:
    scanned = document_scope(None, TEXT * 20).scanned
    assert scanned is not None and len(scanned.spans) == 20 * 6
    gc.collect()
    # two lists of ints: nothing a collection walks into
    assert not any(map(gc.is_tracked, gc.get_referents(scanned.starts, scanned.ends)))


def test_the_character_after_a_span_is_a_word_character_as_the_engine_reads_one() -> None:
    # within() reads the character after a span with str.isalnum (and "_") instead of \w
    word = re.compile(r"\w")
    differ = [c for c in map(chr, range(0x110000))
              if bool(word.match(c)) != (c.isalnum() or c == "_")]
    assert differ == []
    # a name ending where a word goes on ("Armenia" in "Armeniaxyz") is not served
    scanned = ScannedNames("Armenia Armeniaxyz", 18, [0], [7])
    assert scanned.within("Armenia Armeniaxyz", 0, 7) is not None
    assert scanned.within("Armenia Armeniaxyz", 8, 15) is None


def test_the_end_check_is_one_character() -> None:
    # ScannedNames relies on the names' patterns reading past a name only by (?![\w])
    for pattern in (_actors().capitals, _actors().lower):
        assert pattern is not None
        assert pattern.pattern.count("(?!") == 1 and pattern.pattern.count(r"(?![\w])") == 1
        assert pattern.pattern.count("(?=") == (pattern is _actors().lower)  # its guard


def test_a_documents_scope_and_text_are_not_kept_after_it() -> None:
    text = "".join(list(TEXT))
    scope = document_scope(None, text)
    assert [m.written for m in find_actors(text, 43, 61, scope)] == ["Armenia"]
    kept = weakref.ref(scope)
    del scope
    gc.collect()
    assert kept() is None  # nor its scanned names, nor the text they hold

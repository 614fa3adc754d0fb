"""A document of no known conflict is about the countries it names most, counted from the
names as written (``findall``: no match object, no mention built); among equal counts the
country named first comes first."""

from __future__ import annotations

import pytest

from corroborate.extract.resolve import _actors, _Matcher, _places, document_scope

SENTENCE = ("Serbian police cleared Pristina as ethnic Albanians fled; Serbia denied it, and "
            "Kosovo Albanians and Serbs were counted.")


@pytest.mark.parametrize(("start", "end"), [(0, len(SENTENCE)), (0, 50), (30, 60), (60, 118)])
def test_findall_gives_the_names_finditer_finds(start: int, end: int) -> None:
    actors = _actors()
    assert actors.findall(SENTENCE, start, end) == \
        [m.group(0) for m in actors.finditer(SENTENCE, start, end)]
    assert actors.findall(SENTENCE, 0, len(SENTENCE)) == [
        "Serbian", "ethnic Albanians", "Serbia", "Kosovo Albanians", "Serbs"]


@pytest.mark.parametrize(("text", "countries"), [
    ("Azerbaijani troops shelled Armenian posts; Armenia and Azerbaijan blamed each other.",
     ("AZ", "AM")),
    ("Armenian troops shelled Azerbaijani posts; Azerbaijan and Armenia blamed each other.",
     ("AM", "AZ")),
    ("Armenia and Azerbaijan met. Azerbaijani and Azerbaijani officials spoke.", ("AZ", "AM")),
])
def test_the_countries_named_most_first_then_first_named(text: str,
                                                        countries: tuple[str, str]) -> None:
    assert document_scope(None, text).countries == countries


MIXED = ("Serbian police and ethnic Albanians met the República del Perú's envoy; "
         "Kosovo Albanians, ethnic Albanians and Serbs left the Gaza Strip for Shusha.")


@pytest.mark.parametrize("which", ["actors", "places"])
def test_names_without_a_capital_merged_into_the_capitals_scan(which: str) -> None:
    # a fresh matcher: the trie of all its names is compiled here only to compare with
    matcher = _Matcher(dict((_actors() if which == "actors" else _places()).forms))
    assert matcher.lower is not None
    spans = [(0, len(MIXED)), (10, 60), (20, 75), (70, len(MIXED)), (35, 36)]
    merged = [[m.span() for m in matcher.finditer(MIXED, a, b)] for a, b in spans]
    assert "pattern" not in vars(matcher)  # never compiled to find them
    assert merged == [[m.span() for m in matcher.pattern.finditer(MIXED, a, b)]
                      for a, b in spans]
    if which == "actors":
        assert [MIXED[a:b] for a, b in merged[0]] == [
            "Serbian", "ethnic Albanians", "Kosovo Albanians", "ethnic Albanians", "Serbs"]

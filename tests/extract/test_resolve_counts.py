"""A document of no known conflict is about the countries it names most, counted from the
names as written (no mention built: the matches are kept for its sentences); among equal counts
the country named first comes first."""

from __future__ import annotations

import pytest

from corroborate.extract.name_matcher import NameMatcher
from corroborate.extract.resolve import SAMPLE, _actors, _places, document_scope

SENTENCE = ("Serbian police cleared Pristina as ethnic Albanians fled; Serbia denied it, and "
            "Kosovo Albanians and Serbs were counted.")


def test_the_names_counted_are_those_finditer_finds_and_are_kept() -> None:
    scanned = document_scope(None, SENTENCE).scanned
    assert scanned is not None and scanned.text is SENTENCE and scanned.end == len(SENTENCE)
    assert scanned.spans == [m.span() for m in _actors().finditer(SENTENCE, 0, len(SENTENCE))]
    assert [SENTENCE[a:b] for a, b in scanned.spans] == [
        "Serbian", "ethnic Albanians", "Serbia", "Kosovo Albanians", "Serbs"]


def test_a_long_document_is_counted_over_its_first_characters_only() -> None:
    text = "Serbia. " * 5 + " " * SAMPLE + "Armenia, Armenia."
    scope = document_scope(None, text)
    assert scope.countries == ("RS",)
    assert scope.scanned is not None and scope.scanned.end == SAMPLE


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
    matcher = NameMatcher(dict((_actors() if which == "actors" else _places()).forms))
    assert matcher.lower is not None
    spans = [(0, len(MIXED)), (10, 60), (20, 75), (70, len(MIXED)), (35, 36)]
    merged = [[m.span() for m in matcher.finditer(MIXED, a, b)] for a, b in spans]
    assert "pattern" not in vars(matcher)  # never compiled to find them
    assert merged == [[m.span() for m in matcher.pattern.finditer(MIXED, a, b)]
                      for a, b in spans]
    if which == "actors":
        assert [MIXED[a:b] for a, b in merged[0]] == [
            "Serbian", "ethnic Albanians", "Kosovo Albanians", "ethnic Albanians", "Serbs"]


def test_a_name_holding_another_without_a_capital_is_not_looked_for_again() -> None:
    forms = dict.fromkeys(["ethnic Albanian", "ethnic Albanians", "subordinate separatist regime",
                           "separatist regime", "Serbs"], ("x", "name"))
    matcher = NameMatcher(forms)
    assert matcher._needles == ("ethnic Albanian", "separatist regime")
    text = "Serbs and ethnic Albanians; the subordinate separatist regime."
    assert matcher._occurrences(text) == ([10, 44], [25, 61])
    found = [[text[m.start():m.end()] for m in matcher.finditer(text, a, b)]
             for a, b in [(0, 26), (0, 24), (28, 62), (28, 60)]]
    assert found == [["Serbs", "ethnic Albanians"], ["Serbs"],
                     ["subordinate separatist regime"], []]

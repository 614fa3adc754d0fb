"""Names whose first character is above U+00FF ("Česko") are left out of the scan every text
gets (its first-character set a 256-bit map) and searched only in a text holding one."""

from __future__ import annotations

import pytest

from corroborate.extract.name_matcher import NameMatcher
from corroborate.extract.resolve import _actors, find_actors

FORMS = {"Česko": ("Czechia", "name"), "Czechia": ("Czechia", "name"),
         "Čechy": ("Bohemia", "name"), "Serbia": ("Serbia", "name"),
         "ethnic Serbs": ("Serbia", "people")}


@pytest.mark.parametrize("text", [
    "Serbia and Czechia met; ethnic Serbs left.",
    "Česko, Czechia and Serbia met; Čechy too, and ethnic Serbs.",
    "Czechia’s Česko-born envoy, xČesko, Čeština.",
])
def test_the_names_found_are_those_of_all_the_names_scan(text: str) -> None:
    matcher = NameMatcher(dict(FORMS))
    assert matcher.wide_firsts == ("Č",)
    assert "Č" not in matcher.capitals.pattern
    spans = [(0, len(text)), (3, 30), (10, len(text))]
    found = [[m.span() for m in matcher.finditer(text, a, b)] for a, b in spans]
    assert ("all_capitals" in vars(matcher)) == ("Č" in text)  # compiled only for such a text
    assert found == [[m.span() for m in matcher.pattern.finditer(text, a, b)] for a, b in spans]


def test_a_countrys_name_beginning_above_the_byte_is_found() -> None:
    assert _actors().wide_firsts == ("Č",)
    found = find_actors("Delegates of Česko and Serbia met.")
    assert [(m.written, m.canonical) for m in found] == [("Česko", "Czechia"),
                                                           ("Serbia", "Serbia")]

"""A document of no known conflict is about the countries it names most, counted from the
names as written (``findall``: no match object, no mention built); among equal counts the
country named first comes first."""

from __future__ import annotations

import pytest

from corroborate.extract.resolve import _actors, document_scope

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

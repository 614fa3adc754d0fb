"""A document's view of the world gazetteer: its countries' small places first, in their order;
what does not depend on that order is built once for every order of the same countries."""

from __future__ import annotations

import gc
import re
import sys

import pytest

from corroborate.extract import world_names
from corroborate.extract.world_names import (
    WORD,
    Mention,
    new_mention,
    world_lookup,
    world_places,
)
from corroborate.langdata import data_dirs

SENTENCE = "Shelling was reported near Martuni."


def _places(countries: tuple[str, ...]) -> list[tuple[str, str, str | None]]:
    look = world_lookup(countries, data_dirs())
    return [(m.written, m.canonical, m.country)
            for m in world_places(SENTENCE, 0, len(SENTENCE), look, [])]


def test_a_small_place_of_both_countries_is_the_first_countrys() -> None:
    assert _places(("AZ", "AM")) == [("Martuni", "Khojavend", "AZ")]
    assert _places(("AM", "AZ")) == [("Martuni", "Martuni", "AM")]
    assert _places(()) == []  # too small to be meant anywhere


def test_the_orders_of_the_same_countries_share_their_first_words() -> None:
    dirs = data_dirs()
    first, second = world_lookup(("AZ", "AM"), dirs), world_lookup(("AM", "AZ"), dirs)
    assert first is not second and first.countries == ("AZ", "AM")
    assert first.starts is second.starts and first.pairs is second.pairs
    nowhere = world_lookup((), dirs)
    assert "Martuni" in first.starts and "Martuni" not in nowhere.starts
    assert first.is_local("Martuni") and second.is_local("Martuni")
    assert not nowhere.is_local("Martuni") and not first.is_local("Paris")


def test_a_mention_built_at_once_is_a_mention() -> None:
    fields = (27, 34, "Martuni", "Martuni", "place", "AM", (45.3023, 40.1403))
    built = new_mention(fields)
    assert type(built) is Mention and built == Mention(*fields)
    assert (built.canonical, built.country, built.point) == ("Martuni", "AM", (45.3023, 40.1403))
    (found,) = world_places(SENTENCE, 0, len(SENTENCE), world_lookup(("AM",), data_dirs()), [])
    assert type(found) is Mention and found == built


def test_the_next_word_is_read_only_where_a_longer_name_may_go_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    look = world_lookup(("AM",), data_dirs())
    assert look.starts["The"][0] > 1 and "w" not in look.seconds["The"]
    assert "H" in look.seconds["The"]
    read: list[int] = []

    class Counted:
        def match(self, text: str, pos: int, end: int = sys.maxsize) -> re.Match[str] | None:
            read.append(pos)
            return WORD.match(text, pos, end)

    monkeypatch.setattr(world_names, "WORD", Counted())
    text = "The war reached Martuni. The Hague heard of it."
    found = world_places(text, 0, len(text), look, [])
    assert [(m.written, m.country) for m in found] == [("Martuni", "AM"), ("The Hague", "NL")]
    assert read == [29]  # after "The" of "The Hague" alone


def test_the_word_tables_are_no_work_for_the_garbage_collector() -> None:
    look = world_lookup(("AM", "AZ"), data_dirs())
    gc.collect()  # (a full collection untracks a dict that holds nothing it must walk)
    assert not any(map(gc.is_tracked, (look.starts, look.pairs, look.seconds)))
    assert "Hague" not in look.seconds["The"] and "H" in look.seconds["The"]
    assert "The Hague" in look.pairs

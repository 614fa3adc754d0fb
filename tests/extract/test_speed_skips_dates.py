"""A sentence with dates but no figure, label or event word looks up no name (an event needs a
word of its own; only figures, events and labels read places and actors), yet still dates the
sentences after it and lends a later table its side; a sentence whose figures count nothing
looks up no place either."""

from __future__ import annotations

import dataclasses

import pytest

import corroborate.extract as extract
from corroborate.extract.vocab import load_vocab
from corroborate.model import Document, Source
from corroborate.text import segment
from tests.extract.helpers import CountedPattern, claims_of, counting_calls


def test_a_sentence_of_dates_alone_looks_up_no_name(monkeypatch: pytest.MonkeyPatch) -> None:
    places = counting_calls(monkeypatch, "find_places")
    actors = counting_calls(monkeypatch, "find_actors")
    text = ("In March 1992 the talks in Tehran stalled. Armenian forces captured Shusha on 8 May. "
            "On 12 May, 58 Azerbaijani soldiers were killed.")
    found = [(c.kind, c.event_type or c.measure, c.date or (c.time and c.time.start), c.place)
             for c in claims_of(text)]
    # the first sentence's year dates the two after it
    assert found == [("event", "capture", "1992-05-08", "Shusha"),
                     ("quantity", "killed", "1992-05-12", None)]
    looked_up = ["Armenian forces captured Shusha on 8 May.",
                 "On 12 May, 58 Azerbaijani soldiers were killed."]
    assert [text[a:b] for a, b in places] == looked_up
    assert [text[a:b] for a, b in actors] == looked_up


TABLE = """Losses of the spring offensive

On 3 May 2022 the ministry listed the Russian soldiers and civilians killed by region.
Region
Dead
Wounded
Servicemen
412
1,030
Civilians
57
96
"""


def test_a_table_after_a_sentence_of_dates_takes_its_side(
        monkeypatch: pytest.MonkeyPatch) -> None:
    actors = counting_calls(monkeypatch, "find_actors")
    places = counting_calls(monkeypatch, "find_places")
    found = [(c.measure, c.value.low, c.side, c.time and c.time.start) for c in claims_of(TABLE)
             if c.kind == "quantity" and c.value is not None]
    assert found == [("killed", 412, "Russia", "2022-05-03"),
                     ("wounded", 1030, "Russia", "2022-05-03"),
                     ("killed", 57, "Russia", "2022-05-03"),
                     ("wounded", 96, "Russia", "2022-05-03")]
    sentence = "On 3 May 2022 the ministry listed the Russian soldiers and civilians killed by region."
    # looked up once, when the first cell with a measure asked for it; its places never
    assert [TABLE[a:b] for a, b in actors].count(sentence) == 1
    assert places == []


@pytest.mark.parametrize("text", ["The talks lasted 3 hours in Shusha.",
                                  "He visited 3 villages near Shusha.",
                                  "The 2 envoys met in Shusha."])
def test_a_sentence_whose_figures_count_nothing_looks_up_no_place(
        monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    places = counting_calls(monkeypatch, "find_places")
    assert claims_of(text) == []
    assert places == []


@pytest.mark.parametrize(("text", "expected"), [
    ("In Shusha, 58 Azerbaijani soldiers were killed.", [("killed", 58.0, "Shusha")]),
    # the place before the parenthesis a figure opens
    ("Fighting continued at Goose Green (17 killed).", [("killed", 17.0, "Goose Green")]),
])
def test_a_figure_that_counts_still_finds_its_place(
        monkeypatch: pytest.MonkeyPatch, text: str,
        expected: list[tuple[str, float, str]]) -> None:
    places = counting_calls(monkeypatch, "find_places")
    assert [(c.measure, c.value.low if c.value else None, c.place)
            for c in claims_of(text)] == expected
    assert [text[a:b] for a, b in places] == [text]  # once for the sentence


def test_open_start_dates_are_looked_for_only_in_a_sentence_with_a_figure() -> None:
    vocab = load_vocab("en")
    assert vocab.open_start_before is not None
    counted = CountedPattern(vocab.open_start_before)
    patched = dataclasses.replace(vocab, open_start_before=counted)
    text = "Since 1982 the talks have stalled. Since 1982, 40 soldiers have died in Shusha."
    document = Document(Source("s", "S"), "s.txt", text, "h", "text/plain", len(text))
    segmented = segment(document)
    context = extract._Context()
    found = []
    for seg in segmented.segments:
        before = counted.calls
        found += extract._sentence_claims(patched, segmented, seg, context)  # type: ignore[arg-type]
        # one search per date of a sentence with a figure, none without
        assert counted.calls - before == (1 if "40" in text[seg.start:seg.end] else 0)
    assert [(c.measure, c.time.start if c.time else None, c.time.end if c.time else None)
            for c in found] == [("killed", "1982", None)]


def test_a_sentence_is_dated_again_only_when_a_date_of_it_names_no_year(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # no year before it: a sentence's own first year dates its year-less dates ("9 May"), and
    # it is read again with that year; one whose dates all name their year is read once
    calls = counting_calls(monkeypatch, "find_dates")
    year_less = "The 1992 offensive began on 9 May, when 30 soldiers were killed."
    all_named = "The 1993 offensive ended in April 1994, when 40 soldiers were killed."
    assert [(c.measure, c.value.low, c.time.start) for c in claims_of(year_less)
            if c.kind == "quantity" and c.value is not None and c.time is not None] == \
        [("killed", 30, "1992-05-09")]
    assert len(calls) == 2
    calls.clear()
    assert [(c.measure, c.value.low, c.time.start) for c in claims_of(all_named)
            if c.kind == "quantity" and c.value is not None and c.time is not None] == \
        [("killed", 40, "1994-04")]
    assert len(calls) == 1

"""read_figures does per figure only what the figure needs: its noun phrase is read when the
figure is (once, also when the figure before it is coordinated with it), the share readers only
for a figure with a unit, its dates only for a measure that is dated."""

from __future__ import annotations

import pytest

import corroborate.extract.quantities as quantities
from corroborate.extract.dates import DateMention
from corroborate.extract.vocab import load_vocab
from tests.extract.helpers import claims_of, counted_calls
from tests.extract.helpers import quantities as read_quantities


def test_a_figure_dropped_before_it_is_read_has_no_noun_phrase_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    scans = counted_calls(monkeypatch, quantities, "scan_noun_phrase")
    text = "Aged 19 years, he was among 40 Armenian soldiers killed."
    assert read_quantities(text) == [("killed", 40.0, 40.0, "exact", "people", "Armenia",
                                      "soldiers")]
    assert [args[2] for args in scans] == [text.index(" Armenian")]  # not after "19"


def test_a_coordinated_figures_phrase_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    scans = counted_calls(monkeypatch, quantities, "scan_noun_phrase")
    text = "The war killed 88 Armenian and 92 Azerbaijani soldiers."
    assert read_quantities(text) == [
        ("killed", 88.0, 88.0, "exact", "people", "Armenia", "soldiers"),
        ("killed", 92.0, 92.0, "exact", "people", "Azerbaijan", "soldiers")]
    # the second figure's phrase is read for the first (coordinated) and kept for its own
    assert [args[2] for args in scans] == [text.index(" Armenian"), text.index(" Azerbaijani")]


def test_only_a_figure_with_a_unit_is_asked_whether_it_is_a_share(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shares = counted_calls(monkeypatch, quantities, "share_measure")
    earlier = counted_calls(monkeypatch, quantities, "share_of_earlier")
    text = ("1.9 million people lived in Kosovo in 1991; 82% of them were Albanians, and 40 "
            "civilians were killed.")
    claims = claims_of(text)
    assert [(c.measure, c.value.low if c.value else None, c.unit) for c in claims] == [
        ("population", 1_900_000.0, "people"), ("population", 82.0, "percent"),
        ("killed", 40.0, "people")]
    assert [args[2].low for args in shares] == [82.0]  # the percent figure alone
    assert [args[2].low for args in earlier] == [82.0]


def test_an_undated_measure_looks_up_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    nearest = counted_calls(monkeypatch, quantities, "_nearest")
    # an area is timeless: "In 1994" is not looked up for it; the dead are dated
    claims = claims_of("In 1994 the region covered 4,400 km2 and 600 soldiers were killed.")
    assert [(c.measure, c.time.start if c.time else None) for c in claims] == [
        ("area", None), ("killed", "1994")]
    # (_nearest also chooses among places: the dates' look-ups are those given dates)
    assert [args[1].low for args in nearest
            if args[0] and isinstance(args[0][0], DateMention)] == [600.0]


def test_a_sentences_clauses_and_their_starts() -> None:
    vocab = load_vocab("en")
    text = "In 1992 Shusha fell, while Lachin held; 58 soldiers died."
    spans, starts = quantities._clauses(vocab, text, 3, len(text))
    assert [text[a:b] for a, b in spans] == [
        "1992 Shusha fell", " Lachin held", " 58 soldiers died."]
    assert starts == [a for a, _b in spans]
    one = "58 soldiers died in 1992."
    assert quantities._clauses(vocab, one, 0, len(one)) == ([(0, len(one))], [0])

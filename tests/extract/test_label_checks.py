"""Whether a heading or a label line states figures: its dates (which are no figures) are looked
for only when it holds a number at all."""

from __future__ import annotations

import pytest

import corroborate.extract.labels as labels
from corroborate.extract.vocab import load_vocab
from corroborate.model import Segment

VOCAB = load_vocab("en")


@pytest.mark.parametrize(("heading", "states", "dated"), [
    ("Background and aftermath", False, False),  # no number: no date looked for
    ("Casualties in 1994", False, True),  # its number is a year
    ("1988–1994: 28,000–38,000 killed", True, True),
])
def test_a_heading_states_figures_and_is_dated_only_with_a_number(
        monkeypatch: pytest.MonkeyPatch, heading: str, states: bool, dated: bool) -> None:
    calls: list[tuple[int, int]] = []
    real = labels.find_dates

    def counted(text: str, start: int, end: int, *args: object, **kwargs: object) -> object:
        calls.append((start, end))
        return real(text, start, end, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(labels, "find_dates", counted)
    assert labels.states_figures(VOCAB, heading, Segment(0, len(heading), "heading")) is states
    assert calls == ([(0, len(heading))] if dated else [])

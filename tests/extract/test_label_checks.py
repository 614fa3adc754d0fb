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


def test_a_label_sentence_is_a_whole_line(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "Ethiopia: 2,310 killed (1,900 soldiers and 410 police); 4,100 wounded"
    body = f"Casualties were heavy. {line}\nOther losses: 12 wounded"
    start = body.index(line)
    whole = Segment(start, start + len(line), "sentence")
    assert labels.label_sentence(VOCAB, line, Segment(0, len(line), "sentence"))
    colons: list[int] = []
    real = labels.label_colon

    def counted(text: str, seg: Segment) -> int | None:
        colons.append(seg.start)
        return real(text, seg)

    monkeypatch.setattr(labels, "label_colon", counted)
    # the same words after another sentence of their line: no label, and no colon looked for
    assert not labels.label_sentence(VOCAB, body, whole)
    assert colons == []

"""A figure without a unit is no share ("40% of those killed"): the share words are not looked
up for it."""

from __future__ import annotations

import pytest

import corroborate.extract.shares as shares
from corroborate.extract.numbers import Figure
from corroborate.extract.vocab import load_vocab

VOCAB = load_vocab("en")
TEXT = "Officials said 40% of those killed were civilians, and 40 of those killed were men."


def test_only_a_figure_with_a_unit_looks_up_the_share_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[str] = []
    real = shares.load_shares

    def counted(code: str = "en") -> shares.Shares:
        loads.append(code)
        return real(code)

    monkeypatch.setattr(shares, "load_shares", counted)
    percent = Figure(15, 18, 40.0, 40.0, "exact", "percent")
    count = Figure(55, 57, 40.0, 40.0, "exact", None)
    assert shares.share_measure(VOCAB, TEXT, percent, len(TEXT)) == ("killed", 34)
    assert shares.share_of_earlier(VOCAB, TEXT, percent, len(TEXT)) is None
    assert len(loads) == 2
    assert shares.share_measure(VOCAB, TEXT, count, len(TEXT)) is None
    assert shares.share_of_earlier(VOCAB, TEXT, count, len(TEXT)) is None
    assert len(loads) == 2

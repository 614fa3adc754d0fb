"""Fractions in words are looked for only in a sentence whose lowered text holds one of their
words (``Shares.fraction_keys``): the same figures as searching every sentence."""

import dataclasses
import re
from pathlib import Path

import pytest

from corroborate.extract import shares
from corroborate.extract.vocab import load_vocab

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

TEXT = ("Two-Thirds of the victims were civilians. ONE QUARTER OF THOSE KILLED were children. "
        "Half of them left; a fifth of all refugees returned. The third day of the war. "
        "A THİRD of the dead were soldiers. Nothing here.")


def _sentences() -> list[tuple[str, int, int]]:
    texts = [TEXT]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return [(t, m.start(), m.end()) for t in texts for m in re.finditer(r"[^.;\n]+", t)]


def test_keys_are_a_word_of_every_fraction() -> None:
    found = shares.load_shares("en")
    assert found.fraction_keys == ("fifth", "half", "quarter", "tenth", "third")
    assert all(any(k in f for k in found.fraction_keys) for f in found.fractions)


def test_same_fractions_as_searching_every_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    vocab = load_vocab("en")
    gated = [shares.find_fractions(vocab, t, a, b, []) for t, a, b in _sentences()]
    every = dataclasses.replace(shares.load_shares("en"), fraction_keys=("",))  # never skips
    monkeypatch.setattr(shares, "load_shares", lambda _code="en": every)
    assert gated == [shares.find_fractions(vocab, t, a, b, []) for t, a, b in _sentences()]
    first = [TEXT[f.start:f.end] for found in gated[:6] for f in found]
    assert first == ["Two-Thirds", "ONE QUARTER", "Half", "a fifth", "A THİRD"]


class _NotRun:
    def finditer(self, *_args: object) -> None:
        raise AssertionError("a sentence without a fraction's word was searched")


def test_a_sentence_without_a_key_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    unsearched = dataclasses.replace(shares.load_shares("en"), fraction=_NotRun())
    monkeypatch.setattr(shares, "load_shares", lambda _code="en": unsearched)
    text = "The army held the city for two weeks, half-heartedly."[:37]  # "half" cut off
    assert shares.find_fractions(load_vocab("en"), text, 0, len(text), []) == []

"""Run the whole pipeline (normalize, segment, extract) on a string."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import corroborate.extract as extract
from corroborate.extract import extract_claims
from corroborate.model import Claim, Document, Source
from corroborate.text import segment


def claims_of(text: str, slug: str = "test-source") -> list[Claim]:
    document = Document(Source(slug, slug), f"{slug}.txt", text, "hash", "text/plain", len(text))
    return extract_claims(segment(document))


def quantities(text: str) -> list[tuple[object, ...]]:
    """(measure, low, high, bound, unit, side, group) of every quantity claim."""
    return [(c.measure, c.value.low, c.value.high, c.value.bound, c.unit, c.side, c.group)
            for c in claims_of(text) if c.kind == "quantity" and c.value is not None]


def counting_calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[tuple[int, int]]:
    """The (start, end) of every call extraction makes of its finder ``name`` (find_places,
    find_actors, find_dates) from now on, the finder still doing its work."""
    calls: list[tuple[int, int]] = []
    real = getattr(extract, name)

    def counted(text: str, start: int = 0, end: int | None = None, *args: object,
                **kwargs: object) -> object:
        calls.append((start, end or len(text)))
        return real(text, start, end, *args, **kwargs)

    monkeypatch.setattr(extract, name, counted)
    return calls



def counted_calls(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[tuple[Any, ...]]:
    """The arguments of every call of ``owner.name`` (a module's function) from now on, the
    function still doing its work."""
    calls: list[tuple[Any, ...]] = []
    real = getattr(owner, name)

    def counted(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def corpus_pieces() -> Iterator[tuple[str, int, int]]:
    """Each stretch of the shared corpus between '.', ';' and line breaks, as (its document's
    text, start, end); the test is skipped when the corpus is not here."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus ({CORPUS}) is not here")
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for piece in re.finditer(r"[^.;\n]+", text):
            yield text, piece.start(), piece.end()


class CountedPattern:
    """A compiled pattern whose searches (``finditer``, ``search``, ``fullmatch``) are counted,
    the pattern still searching."""

    def __init__(self, real: re.Pattern[str]) -> None:
        self.real, self.calls = real, 0

    def finditer(self, text: str, start: int, end: int) -> object:
        self.calls += 1
        return self.real.finditer(text, start, end)

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        self.calls += 1
        return self.real.search(text, start, end)

    def fullmatch(self, text: str, start: int, end: int) -> re.Match[str] | None:
        self.calls += 1
        return self.real.fullmatch(text, start, end)

"""Run the whole pipeline (normalize, segment, extract) on a string."""

from __future__ import annotations

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

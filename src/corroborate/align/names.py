"""Names and framing: which names each source uses for one place or side, and which words
it chooses for each kind of event."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corroborate.align.facts import Fact, fact_id
from corroborate.model import Claim

__all__ = ["NameFact", "framing", "name_variants"]


def name_variants(mentions: Iterable[tuple[str, str, str, str] | tuple[str, str, str, str, int]]
                  ) -> list[Fact]:
    """Name facts from (source, kind, canonical, as written[, times]) mentions: which names each
    source uses (a mention without ``times`` counts once)."""
    table: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for source, _kind, canonical, written, *times in mentions:
        table[canonical][source][written] += times[0] if times else 1
    facts: list[Fact] = []
    for canonical in sorted(table):
        by_source = {s: dict(c.most_common()) for s, c in sorted(table[canonical].items())}
        variants = {w for counts in by_source.values() for w in counts}
        key = {"entity": canonical}
        fact = Fact(fact_id("name", key), "name", key,
                    "agree" if len(variants) == 1 else "disagree", None, ())
        facts.append(_with_variants(fact, by_source))
    return facts


@dataclass(frozen=True)
class NameFact(Fact):
    """A name fact: which names each source uses for one place or side (``kind = "name"``)."""

    variants: dict[str, dict[str, int]] | None = None

    @property
    def sources(self) -> list[str]:
        return sorted(self.variants or {})

    def record(self) -> dict[str, Any]:
        """The fact export contract's object: each claim is one source's variant, with how
        often that source uses it."""
        record = super().record()
        record["claims"] = [
            {"source": source, "kind": "name", "entity": self.key.get("entity"),
             "as_written": written, "times": times}
            for source, used in (self.variants or {}).items() for written, times in used.items()]
        record["variants"] = self.variants
        return record


def _with_variants(fact: Fact, variants: dict[str, dict[str, int]]) -> NameFact:
    return NameFact(fact.id, fact.kind, fact.key, fact.verdict, None, (), variants=variants)


def framing(claims: Iterable[Claim]) -> dict[str, dict[str, dict[str, int]]]:
    """The words each source uses for each kind of event: {event_type: {source: {word: n}}}."""
    table: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for claim in claims:
        if claim.kind == "event" and claim.event_type and claim.event_as_written:
            word = claim.event_as_written.lower().rstrip(":")
            table[claim.event_type][claim.source][word] += 1
    return {t: {s: dict(c.most_common()) for s, c in sorted(by.items())}
            for t, by in sorted(table.items())}

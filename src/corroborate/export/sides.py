"""Which sides a corpus's claims use, and the words each source writes for them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corroborate.model import Claim

__all__ = ["sides_used"]


def sides_used(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Each canonical side (of quantity claims) and actor (of event claims), most claimed first,
    with per source the variants written and how often.

    >>> from corroborate.model import Evidence
    >>> c = Claim("c-1", "s", "d", "quantity", Evidence(0, 1, "x"), "e", side="Argentina",
    ...           side_as_written="Argentine")
    >>> sides_used([c])
    [{'side': 'Argentina', 'claims': 1, 'sources': {'s': {'Argentine': 1}}}]
    """
    found: dict[str, dict[str, dict[str, int]]] = {}
    counts: dict[str, int] = {}
    for claim in claims:
        for name, written in ((claim.side, claim.side_as_written),
                              (claim.actor, claim.actor_as_written)):
            if name is None:
                continue
            counts[name] = counts.get(name, 0) + 1
            words = found.setdefault(name, {}).setdefault(claim.source, {})
            words[written or name] = words.get(written or name, 0) + 1
    return [{"side": name, "claims": counts[name],
             "sources": {source: dict(sorted(words.items(), key=lambda w: (-w[1], w[0])))
                         for source, words in sorted(found[name].items())}}
            for name in sorted(counts, key=lambda n: (-counts[n], n))]

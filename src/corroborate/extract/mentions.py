"""Which names a text uses for each place and side: the input of name facts (align.names).

Found once per document, where it is extracted (a pool or Dask worker too), and stored with
it, so that aligning a conflict again reads them instead of scanning every text it holds.
"""

from __future__ import annotations

from typing import NamedTuple

from corroborate.extract.resolve import find_actors, find_places

__all__ = ["NameMention", "name_mentions"]


class NameMention(NamedTuple):
    """One name as a text writes it, how often, in order of first use (places, then sides)."""

    kind: str  # place | actor
    canonical: str
    written: str
    times: int


def name_mentions(text: str) -> list[NameMention]:
    """Every place name and side name of ``text``, counted.

    >>> name_mentions("Khankandi, then Stepanakert, then Khankandi again.")
    [NameMention(kind='place', canonical='Stepanakert', written='Khankandi', times=2), \
NameMention(kind='place', canonical='Stepanakert', written='Stepanakert', times=1)]
    """
    counts: dict[tuple[str, str, str], int] = {}
    for m in find_places(text):
        key = ("place", m.canonical, m.written)
        counts[key] = counts.get(key, 0) + 1
    for m in find_actors(text):
        if m.role == "name":  # adjectives and people words are not names of the side
            key = ("actor", m.canonical, m.written)
            counts[key] = counts.get(key, 0) + 1
    return [NameMention(kind, canonical, written, times)
            for (kind, canonical, written), times in counts.items()]

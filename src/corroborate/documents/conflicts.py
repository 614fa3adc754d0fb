"""Which conflict a document is about: given (sources.toml, --conflict) or inferred from its text.

Knowledge lives in ``gazetteers/conflicts.toml`` (names, places, years and the weights of each);
a user adds a conflict with a file of the same name in a ``CORROBORATE_DATA`` folder. Inference
never guesses: a tie, or no name and no place of any known conflict, leaves it unknown (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from corroborate.langdata import data_dirs, data_path, load_toml, validated

__all__ = ["UNKNOWN", "Conflict", "canonical_conflict", "infer_conflict", "known_conflicts",
           "scores"]

# What a document whose conflict is not known is listed as (and what --conflict takes for them).
UNKNOWN = "unknown"


class _Weights(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: float = Field(default=10, gt=0)
    place: float = Field(default=3, gt=0)
    year: float = Field(default=1, ge=0)


class _Conflict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: int = Field(ge=1000, le=9999)
    end: int | None = Field(default=None, ge=1000, le=9999)
    names: list[str] = Field(min_length=1)
    places: list[str] = []
    countries: list[str] = []  # read by the gazetteer (extract/resolve.py)
    sides: dict[str, dict[str, str]] = {}
    place_words: dict[str, str] = {}  # read by the gazetteer: "the islands" -> Falkland Islands


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    weights: _Weights = Field(default_factory=_Weights)
    conflicts: dict[str, _Conflict]


@dataclass(frozen=True)
class Conflict:
    name: str
    start: int
    end: int | None
    names: tuple[str, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class _Compiled:
    conflicts: dict[str, Conflict]
    weights: _Weights
    names: re.Pattern[str] | None  # lower-case, matched on the lower-cased text
    places: re.Pattern[str] | None  # as written
    name_of: dict[str, str]  # folded name or alias -> canonical name
    place_of: dict[str, str]  # place as written -> canonical conflict names, "\n"-joined


# Characters of a document read to infer its conflict (about 150,000 words).
SAMPLE = 1_000_000
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)")
_DASH = re.compile(r"\s*[-‐‑‒–—]\s*")


def _fold(name: str, case: bool = False) -> str:
    """A name as compared: dashes and spaces as one, lower-cased unless ``case``."""
    name = " ".join(_DASH.sub("-", name).split())
    return name if case else name.lower()


_ATOMS = {"-": r"\s*[-‐‑‒–—]\s*", " ": r"\s+"}


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    """One regex for many words, as a trie (shared beginnings tried once: linear and fast on
    large text), each word between word boundaries; a hyphen or dash in a word matches any of
    them, with or without spaces around, and a space any run of spaces."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in _fold(word, case=True):
            node = node.setdefault(_ATOMS.get(char) or re.escape(char), {})
        node[""] = {}
    if not trie:
        return None

    def build(node: dict[str, Any]) -> str:
        branches = [atom + build(sub) for atom, sub in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here and longer ones go on: the longer are tried first
            body = body + "?" if len(branches) == 1 and len(branches[0]) == 1 else \
                f"(?:{body})?"
        return body

    return re.compile(r"(?<!\w)" + build(trie) + r"(?!\w)")


def known_conflicts() -> dict[str, Conflict]:
    """Every known conflict by canonical name (the packaged file and the user's, merged)."""
    return _compiled(data_dirs()).conflicts


@lru_cache(maxsize=8)
def _compiled(_dirs: tuple[str, ...]) -> _Compiled:
    where = data_path("gazetteers", "conflicts.toml")
    parsed = validated(_File, load_toml("gazetteers", "conflicts.toml"), where)
    conflicts = {name: Conflict(name, c.start, c.end, tuple(c.names), tuple(c.places))
                 for name, c in parsed.conflicts.items()}
    name_of: dict[str, str] = {}
    place_of: dict[str, list[str]] = {}
    for conflict in conflicts.values():
        for name in (conflict.name, *conflict.names):
            name_of.setdefault(_fold(name), conflict.name)
        for place in conflict.places:
            place_of.setdefault(_fold(place, case=True), []).append(conflict.name)
    names = [_fold(n) for c in conflicts.values() for n in c.names]
    places = [p for c in conflicts.values() for p in c.places]
    return _Compiled(conflicts, parsed.weights, _pattern(names), _pattern(places), name_of,
                     {p: "\n".join(c) for p, c in place_of.items()})


def canonical_conflict(name: str) -> str:
    """A conflict named by a user, under its canonical name when it is a known one's name or
    alias ("Malvinas War" -> "Falklands War (1982)"); any other name as given, trimmed."""
    name = " ".join(name.split())
    return _compiled(data_dirs()).name_of.get(_fold(name), name)


def scores(text: str) -> dict[str, float]:
    """Each conflict whose names or places the text mentions, with its score. Only the first
    ``SAMPLE`` characters are read: a text names its war long before that."""
    data = _compiled(data_dirs())
    text = text[:SAMPLE]
    found: dict[str, float] = {}
    if data.names is not None:
        for match in data.names.finditer(text.lower()):
            conflict = data.name_of.get(_fold(match.group()))
            if conflict is not None:
                found[conflict] = found.get(conflict, 0.0) + data.weights.name
    if data.places is not None:
        for match in data.places.finditer(text):
            for conflict in data.place_of.get(_fold(match.group(), case=True), "").split("\n"):
                if conflict:
                    found[conflict] = found.get(conflict, 0.0) + data.weights.place
    if found and data.weights.year:
        this_year = datetime.now(UTC).year
        years = [int(m.group()) for m in _YEAR.finditer(text)]
        for name in found:
            known = data.conflicts[name]
            end = known.end if known.end is not None else this_year
            found[name] += data.weights.year * sum(known.start <= y <= end for y in years)
    return found


def infer_conflict(text: str) -> str | None:
    """The conflict the text is about: the highest score, or None on a tie or when nothing of
    any known conflict is named.

    >>> infer_conflict("British forces landed at San Carlos Water and retook the Falklands.")
    'Falklands War (1982)'
    """
    found = scores(text)
    if not found:
        return None
    ranked = sorted(found.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(found, key=lambda name: found[name])

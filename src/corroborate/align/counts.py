"""What a figure counts, beside its key: one episode, a count so far, a part of a whole, a count
added to another, a share of something other than territory, or the whole of its period.

The words that say so are data (lang/<code>/counts.toml, validated when loaded); this module only
looks for them around a claim's figure. ``count_of(claim, words)`` names what the claim counts, or
None for a plain figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from corroborate.langdata import data_dirs, data_path, load_toml, validated
from corroborate.model import Claim

__all__ = ["ADDITIONAL", "EPISODE", "OTHER_SHARE", "PARTIAL", "SUBSET", "TOTAL", "CountWords",
           "count_of", "load_count_words"]

EPISODE, PARTIAL, SUBSET, ADDITIONAL, OTHER_SHARE, TOTAL = (
    "episode", "partial", "subset", "additional", "other_share", "total")


class _Around(BaseModel):
    model_config = ConfigDict(extra="forbid")
    after: list[str] = []
    before: list[str] = []


class _Subset(BaseModel):
    model_config = ConfigDict(extra="forbid")
    after: list[str] = []
    clause: dict[str, list[str]] = {}


class _Shares(BaseModel):
    model_config = ConfigDict(extra="forbid")
    measures: list[str] = []
    territory: list[str] = []
    skip: list[str] = []
    ends: list[str] = []
    taken: list[str] = []


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    partial: list[str] = []
    total: list[str] = []
    episode: list[str] = []
    every_group: list[str] = []
    additional: _Around = _Around()
    subset: _Subset = _Subset()
    shares: _Shares = _Shares()


@dataclass(frozen=True)
class CountWords:
    """The compiled words of one language (None: no phrase of that kind)."""

    partial: re.Pattern[str] | None
    total: re.Pattern[str] | None
    episode: re.Pattern[str] | None
    additional_after: re.Pattern[str] | None
    additional_before: re.Pattern[str] | None
    subset_after: re.Pattern[str] | None
    subset_clause: dict[str, re.Pattern[str]]
    share_measures: frozenset[str]
    territory: frozenset[str]
    skip: frozenset[str]
    ends: frozenset[str]
    taken: frozenset[str]
    every_group: frozenset[str]  # groups (or sides) wider than every other one: "mixed"


def _alternation(phrases: list[str], months: list[str], anchor: str = "") -> re.Pattern[str] | None:
    """Whole-word phrases as one pattern, longest first; ``anchor`` "^" or "$" ties it to an end."""
    expanded = {p.replace("{month}", m) for p in phrases for m in (months if "{month}" in p else [p])}
    if not expanded:
        return None  # an empty list matches nothing, never everything
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(expanded, key=len,
                                                                           reverse=True))
    pattern = rf"(?<!\w)(?:{body})(?!\w)"
    if anchor == "^":
        pattern = rf"^\s*(?:{body})(?!\w)"
    elif anchor == "$":
        pattern = rf"(?<!\w)(?:{body})\s*$"
    return re.compile(pattern, re.IGNORECASE)


def load_count_words(lang: str = "en") -> CountWords:
    """The words of lang/<lang>/counts.toml, compiled once per language and data folders."""
    return _load(lang, data_dirs())


@lru_cache(maxsize=8)
def _load(lang: str, _dirs: tuple[str, ...]) -> CountWords:
    raw = validated(_File, load_toml("lang", lang, "counts.toml"),
                    data_path("lang", lang, "counts.toml"))
    months_raw = load_toml("lang", lang, "dates.toml").get("months", {})
    months = [str(m) for names in months_raw.values() for m in names]
    clause = {measure: pattern for measure, words in raw.subset.clause.items()
              if (pattern := _alternation(words, months)) is not None}
    return CountWords(
        partial=_alternation(raw.partial, months), total=_alternation(raw.total, months),
        episode=_alternation(raw.episode, months),
        additional_after=_alternation(raw.additional.after, months, "^"),
        additional_before=_alternation(raw.additional.before, months, "$"),
        subset_after=_alternation(raw.subset.after, months, "^"), subset_clause=clause,
        share_measures=frozenset(raw.shares.measures),
        territory=frozenset(w.lower() for w in raw.shares.territory),
        skip=frozenset(w.lower() for w in raw.shares.skip),
        ends=frozenset(w.lower() for w in raw.shares.ends),
        taken=frozenset(w.lower() for w in raw.shares.taken),
        every_group=frozenset(raw.every_group))


_CLAUSE_END = re.compile(r"[,;:()\[\]]")
_SENTENCE_END = re.compile(r"[.!?;]\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def count_of(claim: Claim, words: CountWords) -> str | None:
    """What the claim's figure counts beside its key: ``episode``, ``partial``, ``subset``,
    ``additional``, ``other_share``, ``total`` or None (a plain figure). A figure of a table row
    is the total of its row."""
    evidence = claim.evidence
    figure = claim.figure or evidence
    start, end = figure.start - evidence.start, figure.end - evidence.start
    if not 0 <= start <= end <= len(evidence.text):
        return TOTAL if claim.table_row is not None else None
    before, after = evidence.text[:start], evidence.text[end:]
    sentence_before = _SENTENCE_END.split(before)[-1]
    clause_before = _CLAUSE_END.split(before)[-1]
    clause_after = _CLAUSE_END.split(after, maxsplit=1)[0]
    around = f"{sentence_before} {clause_after}"
    if claim.measure in words.share_measures:
        return OTHER_SHARE if _names_other_thing(before, after, words) else None
    if _found(words.additional_after, after) or _found(words.additional_before, before):
        return ADDITIONAL
    if _found(words.subset_after, after) or \
            _found(words.subset_clause.get(claim.measure or ""), f"{clause_before} {clause_after}"):
        return SUBSET
    if _found(words.partial, around):
        return PARTIAL
    if claim.table_row is not None or _found(words.total, around):
        return TOTAL
    if _found(words.episode, around):
        return EPISODE
    return None


def _names_other_thing(before: str, after: str, words: CountWords) -> bool:
    """Whether a share is of something other than territory: the first word after it that is
    not skipped nor a name ("of Azerbaijan's arms imports" -> "arms"); when that names nothing,
    whether its sentence says nothing of territory."""
    for word in _WORD.findall(_CLAUSE_END.split(after, maxsplit=1)[0]):
        lowered = word.lower()
        if lowered in words.skip or word[0].isupper():
            continue
        if lowered in words.territory:
            return False
        if lowered not in words.ends:
            return True
        break
    sentence = {w.lower() for w in _WORD.findall(f"{before} {after}")}
    return not (sentence & (words.territory | words.taken))

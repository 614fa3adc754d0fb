"""Tables of lower-case words read by the words a case-blind pattern matched.

``re.IGNORECASE`` matches more than ``str.lower`` maps back: "KİLLED" (a capital dotted I, as
Turkish-locale software writes capitals) lowers to "ki̇lled", with a combining dot; "kılled" and
"ceaſefire" lower to themselves. A table keyed by "killed" then has no entry for what the
pattern found, and the whole document failed on a KeyError. ``FoldedKeys`` looks such a word up
by the ASCII letters the engine itself matched it with (``tries.case_variants``).
"""

from __future__ import annotations

import string
from functools import lru_cache
from typing import Any, TypeVar

from corroborate.extract.tries import case_variants

__all__ = ["FoldedKeys", "ascii_fold", "value_of"]

_V = TypeVar("_V")


@lru_cache(maxsize=1)
def _folds() -> tuple[tuple[tuple[str, str], ...], dict[int, str]]:
    """What ``str.lower`` leaves of each character the engine matches with an ASCII letter,
    mapped to that letter: the longer forms ("i̇") replaced first, then single characters."""
    longer: dict[str, str] = {}
    single: dict[int, str] = {}
    for letter, variants in case_variants(string.ascii_lowercase).items():
        for variant in variants:
            lowered = variant.lower()
            if lowered == letter:
                continue
            if len(lowered) == 1:
                single[ord(lowered)] = letter
            else:
                longer[lowered] = letter
    return tuple(sorted(longer.items(), key=lambda kv: -len(kv[0]))), single


def ascii_fold(lowered: str) -> str:
    """A lower-cased word with the letters the engine matches with ASCII ones written as those.

    >>> ascii_fold("KİLLED".lower()), ascii_fold("kılled"), ascii_fold("ceaſefire")
    ('killed', 'killed', 'ceasefire')
    """
    longer, single = _folds()
    for form, letter in longer:
        lowered = lowered.replace(form, letter)
    return lowered.translate(single)


class FoldedKeys(dict[str, _V]):
    """A dict of lower-case keys that also answers for a word the engine matched case-blind
    but whose lower case is no key ("KİLLED".lower()): by its ASCII fold. Only a missing key
    pays for the fold; a key missing both ways is a KeyError as before."""

    def __missing__(self, key: str) -> _V:
        folded = ascii_fold(key)
        if folded != key and dict.__contains__(self, folded):
            return dict.__getitem__(self, folded)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        """``dict.get`` by the same look-up as ``table[key]``: a key missing as written is
        looked up by its ASCII fold ("KİLLED" after "40% of those" is "killed")."""
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        folded = ascii_fold(key)
        return dict.get(self, folded, default) if folded != key else default


def value_of(table: dict[str, _V], word: str) -> _V:
    """The value of a word a case-blind pattern of the table's (lower-case) keys matched, for a
    plain dict: by its lower case, else by its ASCII fold, as ``FoldedKeys`` looks it up.

    >>> value_of({"april": 4}, "APRİL")
    4
    """
    key = word.lower()
    return table[key] if key in table else table[ascii_fold(key)]


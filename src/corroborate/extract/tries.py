"""Regex alternations of data words: longest first, as tries, and in forms the engine scans fast.

Python's ``re`` skips from candidate to candidate in a tight C loop only when a pattern's first
operation consumes a literal or a case-sensitive character class; a pattern that opens with a
lookbehind, a lookahead guard or a case-blind literal is entered at every position. The
``scan_first`` forms put each phrase's first character first, consumed, and check the word start
after it: the same matches, and positions whose character begins no phrase cost next to nothing.
"""

from __future__ import annotations

import re
import string
from array import array
from typing import Any

__all__ = ["alternation", "case_variants", "scan_first_trie", "trie_alternation"]



def alternation(phrases: list[str] | set[str], *, words: bool = True) -> str:
    """A regex alternation of phrases, longest first so the longest match wins.

    An empty list is an error, never a silent match-anything.
    """
    if not phrases:
        raise ValueError("empty alternation")
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p) for p in ordered)
    if not words:
        return f"(?:{body})"
    return rf"(?<![\w-])(?:{body})(?![\w])"


# character -> every character it matches under re.IGNORECASE (filled as tries are built)
_VARIANTS: dict[str, str] = {}


def case_variants(chars: str) -> dict[str, str]:
    """For each of ``chars``, every character it matches under ``re.IGNORECASE``, as the engine
    decides it (not only upper and lower case: "k" also matches the Kelvin sign, "s" the long
    s "ſ"). Found by the engine itself over every code point, in one pass for those not known.

    >>> case_variants("k-")
    {'k': 'KkK', '-': '-'}
    """
    missing = "".join(dict.fromkeys(c for c in chars if c not in _VARIANTS))
    if missing:
        # the letters most tries begin with, found in the same pass: one pass a process
        missing += "".join(c for c in string.ascii_letters
                           if c not in _VARIANTS and c not in missing)
        # every code point but the surrogates, as one string (about 40 ms; not kept)
        every = (array("I", range(0xD800)).tobytes() +
                 array("I", range(0xE000, 0x110000)).tobytes()).decode("utf-32-le")
        found = re.findall("(?i)[" + "".join(map(re.escape, missing)) + "]", every)
        for char in missing:
            same = re.compile("(?i)" + re.escape(char))
            _VARIANTS[char] = "".join(x for x in found if same.fullmatch(x))
    return {c: _VARIANTS[c] for c in chars}


def _trie(phrases: list[str] | set[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _build(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _build(sub) for char, sub in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a phrase ends here and longer ones go on: the longer are tried first (greedy)
    return f"(?:{body})?" if "" in node else body


def trie_alternation(phrases: list[str] | set[str], *, words: bool = True,
                     scan_first: bool = False, ignorecase: bool = False) -> str:
    """The regex of ``alternation`` (longest match first) built as a trie, so that shared
    beginnings are tried once: fast with thousands of phrases (the gazetteer's side words).

    ``scan_first`` (with ``words``) puts each phrase's first character before the word-start
    lookbehind, which then reads it too: the same matches, and the engine's search jumps between
    the characters a phrase begins with (a pattern opening with a lookbehind or a lookahead
    guard is tried at every position). Worth it when those characters are rare in text
    (capitals, a few letters), not when they are most letters: each candidate then costs more
    than a lookbehind that fails at once inside a word.

    ``ignorecase`` says the pattern is compiled with ``re.IGNORECASE``: phrases that differ only
    in case are one ("At least", "at least": two branches would try the shorter of one before
    the longer of the other), the ASCII ones lowered. With ``scan_first`` the first character is
    then consumed as one case-sensitive class of every character a phrase's first character
    matches case-blind (``case_variants``), and a one-character lookbehind in each branch,
    case-blind like the rest, tells which branch it began.

    >>> trie_alternation(["Aden", "Adana"], scan_first=True)
    '(?:A(?<![\\\\w-]A)d(?:ana|en))(?![\\\\w])'
    >>> trie_alternation(["an", "one"], scan_first=True, ignorecase=True)
    '(?-i:[AaOo])(?<![\\\\w-](?s:.))(?:(?<=a)n|(?<=o)ne)(?![\\\\w])'
    """
    if not phrases:
        raise ValueError("empty alternation")
    trie = _trie({p.lower() if p.isascii() else p for p in phrases} if ignorecase else phrases)
    if words and scan_first and "" not in trie:
        if ignorecase:
            return _caseless_scan_first(trie)
        # (?<![\w-]) before the first character c is (?<![\w-]c) after it
        first = [f"{re.escape(char)}(?<![\\w-]{re.escape(char)}){_build(sub)}"
                 for char, sub in sorted(trie.items())]
        return f"(?:{'|'.join(first)})(?![\\w])"
    body = _build(trie)
    return rf"(?<![\w-])(?:{body})(?![\w])" if words else f"(?:{body})"


def _caseless_scan_first(trie: dict[str, Any]) -> str:
    return _caseless_first(trie, (r"[\w-]",)) + r"(?![\w])"


def scan_first_trie(phrases: list[str] | set[str], not_after: tuple[str, ...], *,
                    ignorecase: bool) -> str:
    """The trie of ``phrases`` in the form of ``trie_alternation(scan_first=True)``, where a
    match may begin after none of ``not_after`` (fixed-width patterns: ``[\\w-]`` is a word
    start), and no end is checked.

    >>> scan_first_trie(["may"], (r"[\\w/.]", "[A-Z]-"), ignorecase=True)
    '(?-i:[Mm])(?<![\\\\w/.](?s:.))(?<![A-Z]-(?s:.))(?:(?<=m)ay)'
    >>> scan_first_trie(["may"], (r"[\\w/.]", "[A-Z]-"), ignorecase=False)
    '(?:m(?<![\\\\w/.]m)(?<![A-Z]-m)ay)'
    """
    trie = _trie(phrases)
    if "" in trie:
        raise ValueError("an empty phrase")
    if ignorecase:
        return _caseless_first(trie, not_after)
    first = ["".join([re.escape(char), *(f"(?<!{x}{re.escape(char)})" for x in not_after),
                      _build(sub)]) for char, sub in sorted(trie.items())]
    return f"(?:{'|'.join(first)})"


def _caseless_first(trie: dict[str, Any], not_after: tuple[str, ...]) -> str:
    """``(?-i:[aAbB])(?<![\\w-](?s:.))(?:(?<=a)rest_a|(?<=b)rest_b)``: the first character
    consumed by a case-sensitive class (so the engine's first-character scan applies), what may
    not come before it checked behind it, the branch chosen by what it was."""
    of = case_variants("".join(trie))
    variants = "".join(dict.fromkeys(v for char in sorted(trie) for v in of[char]))
    branches = [f"(?<={re.escape(char)}){_build(sub)}" for char, sub in sorted(trie.items())]
    # (?<!x) before the character is (?<!x.) after it; (?s:.): it may be a line break
    behind = "".join(f"(?<!{x}(?s:.))" for x in not_after)
    return f"(?-i:[{''.join(map(re.escape, variants))}]){behind}(?:{'|'.join(branches)})"

"""A lookahead on a pattern's possible first characters, so ``finditer`` skips most positions.

Python's regex engine tries a pattern at every position of the text. A pattern that opens with a
lookbehind or ``\\b`` before a large alternation (the date grammar, the exclusions) pays for the
assertion and the alternation's set-up at each of them, although few characters can start a
match. ``guarded`` reads the pattern's syntax tree for the characters a match can begin with and
puts ``(?=[...])`` in front: the same matches, found 2-3 times faster. A pattern whose first
character cannot be told (``.``, a negated class, one that may match the empty string) is left
as it is.

The same syntax tree tells which strings every match holds (``required_literals``,
``match_needs``): a text without them is not searched (``may_match``), and an alternation of
patterns is searched with only the branches whose strings the span holds (``GatedAlternation``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["GatedAlternation", "fewest_needs", "first_characters", "guarded", "match_needs",
           "may_match", "required_literals", "word_bounded"]

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
    "CATEGORY_UNI_DIGIT": r"\d", "CATEGORY_UNI_NOT_DIGIT": r"\D",
    "CATEGORY_UNI_SPACE": r"\s", "CATEGORY_UNI_NOT_SPACE": r"\S",
    "CATEGORY_UNI_WORD": r"\w", "CATEGORY_UNI_NOT_WORD": r"\W",
}

# (the class members a match may begin with, whether the items may match nothing)
_First = tuple[list[str], bool]


def _char(code: int) -> str:
    return re.escape(chr(code))


def _class(items: Any) -> list[str] | None:
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:  # a negated class, or a category with no short name: unknown
            return None
    return parts


def _sequence(items: Any, ignorecase: bool) -> _First | None:
    parts: list[str] = []
    for op, av in items:
        one = _one(op, av, ignorecase)
        if one is None:
            return None
        parts.extend(one[0])
        if not one[1]:
            return parts, False
    return parts, True


def _one(op: Any, av: Any, ignorecase: bool) -> _First | None:
    if op is sre.LITERAL:
        return [_char(av)], False
    if op is sre.IN:
        members = _class(av)
        return None if members is None else (members, False)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # consume nothing: the next item decides
        return [], True
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not ignorecase:  # a narrower guard would lose matches
            return None
        return _sequence(sub, ignorecase)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, ignorecase)
    if op is sre.BRANCH:
        parts: list[str] = []
        nullable = False
        for branch in av[1]:
            first = _sequence(branch, ignorecase)
            if first is None:
                return None
            parts.extend(first[0])
            nullable = nullable or first[1]
        return parts, nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        first = _sequence(sub, ignorecase)
        return None if first is None else (first[0], first[1] or low == 0)
    return None


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A character class of what a match of ``pattern`` may begin with, or None if unknown."""
    try:
        tree = _parser.parse(pattern, flags)
    except re.error:
        return None
    first = _sequence(tree, bool(tree.state.flags & re.IGNORECASE))
    if first is None or first[1] or not first[0]:
        return None
    return "[" + "".join(dict.fromkeys(first[0])) + "]"


_WORD_CATEGORIES = (sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD, sre.CATEGORY_DIGIT,
                    sre.CATEGORY_UNI_DIGIT)


def _word_member(op: Any, av: Any) -> bool:
    """Whether every character of one class member is a word character (``\\w``)."""
    if op is sre.LITERAL:
        return chr(av).isalnum() or chr(av) == "_"
    if op is sre.RANGE:
        return av[1] - av[0] < 4096 and all(
            chr(c).isalnum() or chr(c) == "_" for c in range(av[0], av[1] + 1))
    return op is sre.CATEGORY and av in _WORD_CATEGORIES


def _ends_before_no_word(items: Any) -> bool:
    """Whether a sequence's last item is ``(?![\\w])`` (inside groups and every branch)."""
    if not items:
        return False
    op, av = items[-1]
    if op is sre.ASSERT_NOT:
        direction, sub = av
        return direction == 1 and len(sub) == 1 and sub[0][0] is sre.IN and \
            [(o, a) for o, a in sub[0][1]] == [(sre.CATEGORY, sre.CATEGORY_WORD)]
    if op is sre.SUBPATTERN:
        return _ends_before_no_word(av[3])
    if op is sre.BRANCH:
        return all(_ends_before_no_word(branch) for branch in av[1])
    return False


def word_bounded(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` begins with a word character and is followed by none
    (it ends with ``(?![\\w])``): then no match begins where another ends, and a scan may
    consume the character before each match (``LoweredGrammar(after_separator=True)``).

    >>> word_bounded(r"(?<![\\w-])(?:kill(?:ed)?|wounded)(?![\\w])"), word_bounded(r"\\d+%")
    (True, False)
    """
    first = first_characters(pattern, flags)
    if first is None:
        return False
    op, av = _parser.parse(first).data[0]  # (a class of one character parses as it)
    members = av if op is sre.IN else [(op, av)]
    tree = _parser.parse(pattern, flags)
    return all(_word_member(op, av) for op, av in members) and _ends_before_no_word(tree.data)


def guarded(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind a lookahead on its first characters (the same matches), or as is.

    >>> guarded(r"\\bNo\\.\\s*\\d+|§+\\s*\\d+")
    '(?=[N§])(?:\\\\bNo\\\\.\\\\s*\\\\d+|§+\\\\s*\\\\d+)'
    """
    first = first_characters(pattern, flags)
    if first is None or re.match(r"\(\?[aiLmsux]+\)", pattern):
        return pattern  # global inline flags must stay at the start
    return f"(?={first})(?:{pattern})"


# a run of items matching at most this many fixed strings is read as those strings
_MAX_STRINGS = 64
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _strings(items: Any) -> set[str] | None:
    """Every string the items match, if they match a few fixed ones (literals, classes of
    literals, groups, branches and short repeats of them; checks that consume nothing), else
    None: ``p(?:p)?\\.`` matches "pp." and "p.", both of which hold "p."."""
    found = {""}
    for op, av in items:
        options: set[str] | None
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.LITERAL:
            options = {chr(av)}
        elif op is sre.IN and all(member is sre.LITERAL for member, _ in av):
            options = {chr(code) for _, code in av}
        elif op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            options = _strings(av[3])
        elif op is sre.BRANCH:
            options = set()
            for branch in av[1]:
                one = _strings(branch)
                if one is None:
                    return None
                options |= one
        elif op in _REPEATS and av[1] <= 4:
            options = _repeated(av[0], av[1], _strings(av[2]))
        else:
            return None
        if options is None:
            return None
        found = {a + b for a in found for b in options}
        if len(found) > _MAX_STRINGS:
            return None
    return found


def _repeated(low: int, high: int, one: set[str] | None) -> set[str] | None:
    """The strings of ``low`` to ``high`` repeats of one of ``one``."""
    if one is None:
        return None
    found: set[str] = set()
    power = {""}
    for count in range(high + 1):
        if count >= low:
            found |= power
        power = {a + b for a in power for b in one}
        if len(found) + len(power) > _MAX_STRINGS:
            return None
    return found


def _literal_runs(items: Any) -> list[str] | None:
    """Strings that every match of the sequence holds (the longest string common to what each
    run of fixed strings matches: literals next to each other, zero-width checks between
    them, branches and short repeats of literals), or None if the sequence is case-blind."""
    runs: list[str] = []
    fixed: list[Any] = []  # the run of items of fixed strings being read

    def close() -> None:
        if fixed:
            runs.append(_common_part(_strings(fixed) or {""}))
            fixed.clear()

    for op, av in items:
        if _strings([(op, av)]) is not None and _strings([*fixed, (op, av)]) is not None:
            fixed.append((op, av))
            continue
        close()
        if op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None
            inner = _literal_runs(av[3])
            if inner is None:
                return None
            runs.extend(inner)
        elif op in _REPEATS and av[0] >= 1:
            inner = _literal_runs(av[2])
            if inner is None:
                return None
            runs.extend(inner)
        elif op is sre.BRANCH:
            common = _common_literal(av[1])
            if common is None:
                return None
            runs.append(common)
    close()
    return runs or [""]


def _common_part(strings: set[str] | list[str]) -> str:
    """The longest string every one of ``strings`` holds ('' if none)."""
    shortest = min(strings, key=len)
    for size in range(len(shortest), 0, -1):
        for at in range(len(shortest) - size + 1):
            part = shortest[at:at + size]
            if all(part in s for s in strings):
                return part
    return ""


def _common_literal(branches: Any) -> str | None:
    """The longest string every branch's longest literal holds ('' if none), or None if a
    branch is case-blind."""
    best: list[str] = []
    for branch in branches:
        runs = _literal_runs(branch)
        if runs is None:
            return None
        best.append(max(runs, key=len))
    return _common_part(best)


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Strings every match of ``pattern`` holds, as written (none where none is known: a
    case-blind pattern, or one of no fixed words).

    >>> required_literals(r"\\bISBN(?:-1[03])?:?\\s*[\\d-]{9,}")
    ('ISBN',)
    """
    try:
        tree = _parser.parse(pattern, flags)
    except re.error:
        return ()
    if tree.state.flags & re.IGNORECASE:
        return ()
    runs = _literal_runs(tree.data)
    return () if runs is None else tuple(dict.fromkeys(r for r in runs if r))


class GatedAlternation:
    """The alternation ``(?:b1)|(?:b2)|...`` of patterns, searched in each text with only the
    branches whose required strings (``required_literals``) the searched span holds: a branch
    without one matches nowhere in the span, so the matches are the whole alternation's, and
    the engine enters a few branches at each position instead of all."""

    def __init__(self, branches: list[str], flags: int = 0) -> None:
        self.branches = branches
        self.flags = flags
        self.literals = [frozenset(required_literals(b, flags)) for b in branches]
        self._all = tuple(sorted(set().union(*self.literals)))
        # each branch's first characters, read once: a chosen alternation's guard is their union
        self._firsts = [first_characters(b, flags) for b in branches]
        # which of the strings a span holds -> the alternation of the branches it allows (many
        # such sets allow the same branches: each alternation is compiled once)
        self._compiled: dict[frozenset[str], re.Pattern[str] | None] = {}
        self._by_branches: dict[tuple[int, ...], re.Pattern[str]] = {}
        self.whole = self._compile(tuple(range(len(branches))))

    def _compile(self, chosen: tuple[int, ...]) -> re.Pattern[str]:
        pattern = self._by_branches.get(chosen)
        if pattern is not None:
            return pattern
        body = "|".join(f"(?:{self.branches[i]})" for i in chosen)
        firsts = [self._firsts[i] for i in chosen]
        if all(firsts) and not re.match(r"\(\?[aiLmsux]+\)", body):
            body = "(?=[" + "".join(dict.fromkeys(f[1:-1] for f in firsts if f)) + f"])(?:{body})"
        pattern = re.compile(body, self.flags)
        if len(self._by_branches) < 1024:
            self._by_branches[chosen] = pattern
        return pattern

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        span = text[start:end]
        # which strings the span holds, tested in C (map, compress): a Python loop over them
        # cost as much again as the tests themselves
        present = frozenset(compress(self._all, map(span.__contains__, self._all)))
        if present in self._compiled:
            pattern = self._compiled[present]
        else:
            chosen = tuple(i for i, needed in enumerate(self.literals) if needed <= present)
            pattern = self._compile(chosen) if chosen else None
            if len(self._compiled) < 1024:  # a few shapes of text recur; any other is compiled anew
                self._compiled[present] = pattern
        return iter(()) if pattern is None else pattern.finditer(text, start, end)


def fewest_needs(needs: list[frozenset[str]]) -> list[frozenset[str]]:
    """``needs`` less the sets that ask for all of another's strings and more (a text holding
    all of such a set holds all of the other's): ``may_match`` tests fewer strings, to the same
    answer.

    >>> fewest_needs([frozenset({"^", "."}), frozenset({"^"}), frozenset({"ISBN"})])
    [frozenset({'^'}), frozenset({'ISBN'})]
    """
    distinct = list(dict.fromkeys(needs))
    kept: list[frozenset[str]] = []
    for needed in sorted(distinct, key=len):  # a set's subsets are kept before it is looked at
        if not any(other <= needed for other in kept):
            kept.append(needed)
    return [needed for needed in distinct if needed in kept]  # in their order


def may_match(needs: list[frozenset[str]], text: str) -> bool:
    """Whether ``text`` holds all the strings one of ``needs`` asks for (``match_needs``)."""
    for needed in needs:
        for literal in needed:
            if literal not in text:
                break
        else:
            return True
    return False


def match_needs(pattern: str, flags: int = 0) -> list[frozenset[str]]:
    """What a text must hold for ``pattern`` to match in it: all the strings of one of these
    sets (one set per top-level branch; a set that is empty asks for nothing)."""
    try:
        tree = _parser.parse(pattern, flags)
    except re.error:
        return [frozenset()]
    if tree.state.flags & re.IGNORECASE:
        return [frozenset()]
    data = tree.data
    branches = data[0][1][1] if len(data) == 1 and data[0][0] is sre.BRANCH else [data]
    needs = []
    for branch in branches:
        runs = _literal_runs(branch)
        needs.append(frozenset() if runs is None else frozenset(r for r in runs if r))
    return needs

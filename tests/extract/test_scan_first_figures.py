"""The words read around every figure (units after it, bound words and currencies before it,
glued units) are tries, and the searches that must end at the end of the text before a figure
start where the longest word could begin: the same matches as the plain alternations searched
from the start."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract import numbers
from corroborate.extract.data import alternation, load_lang

_LANG = load_lang("en")
_GRAMMAR = numbers._Grammar(_LANG)
_BEFORE = [p for kind in ("at_least", "at_most", "about")
           for p in getattr(_LANG.bounds.before, kind)]
_AFTER = [p for kind in ("at_least", "at_most", "about") for p in getattr(_LANG.bounds.after, kind)]
_UNITS = list(_GRAMMAR.unit_after)
_PLAIN = {
    "currency_before": re.compile(
        rf"(?P<u>{alternation(list(_GRAMMAR.unit_before), words=False)})\s?$"),
    "bound_before": re.compile(
        rf"(?:^|(?<=[\s(\"“]))(?P<b>{alternation(_BEFORE, words=False)})\s+$", re.IGNORECASE),
    "bound_after": re.compile(rf"\s+(?P<b>{alternation(_AFTER, words=False)})(?![\w])",
                              re.IGNORECASE),
    "unit_after_re": re.compile(
        rf"(?:\s?(?P<sym>{alternation([u for u in _UNITS if not u[0].isalpha()], words=False)})"
        rf"|\s?(?P<word>{alternation([u for u in _UNITS if u[0].isalpha()], words=False)})"
        r"(?![\w]))", re.IGNORECASE),
    "glued": re.compile(rf"(?:{alternation([*_LANG.numbers.glued_suffixes, *_UNITS], words=False)})"
                        r"(?![\w])", re.IGNORECASE),
}
_WORDS = [*_BEFORE, *_AFTER, *_UNITS, *_GRAMMAR.unit_before, *_LANG.numbers.glued_suffixes]
_GLUE = ["", " ", "  ", "\n", "(", "“", "x", "5", "-", ".", " \n"]


def _groups(match: re.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.groupdict())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.integers(0, 1000), st.booleans()),
                max_size=5), st.sampled_from(_GLUE))
def test_same_matches_as_the_plain_alternations(pieces: list[tuple[str, int, bool]],
                                                last: str) -> None:
    text = "".join(glue + (_WORDS[i % len(_WORDS)].upper() if upper else _WORDS[i % len(_WORDS)])
                   for glue, i, upper in pieces) + last
    g = _GRAMMAR
    assert _groups(g.currency_ending(text)) == _groups(_PLAIN["currency_before"].search(text))
    reach = max(0, len(text.rstrip()) - g.bound_reach)
    assert _groups(g.bound_before.search(text, reach)) == \
        _groups(_PLAIN["bound_before"].search(text))
    for name in ("bound_after", "unit_after_re", "glued"):
        for pos in range(len(text)):
            assert _groups(getattr(g, name).match(text, pos)) == \
                _groups(_PLAIN[name].match(text, pos))


def test_figures_keep_their_words() -> None:
    text = "at least 5 km2 and up to $13.6 million, 40 per cent, some 2,000 or more"
    found = [(text[f.start:f.end], f.bound, f.unit) for f in numbers.find_figures(text)]
    assert found == [("at least 5 km2", "at_least", "km2"), ("up to $13.6 million", "at_most", "usd"),
                     ("40 per cent", "exact", "percent"), ("2,000 or more", "at_least", None)]

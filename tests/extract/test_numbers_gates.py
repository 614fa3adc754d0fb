"""The figure grammar's cheap checks before its searches (a bound word before a figure, a plus
sign or bound word after it, a currency before it) and its reading of each atom by the branch
that matched: the same figures as searching and reading everything."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract import numbers
from corroborate.extract.data import load_lang

_LANG = load_lang("en")
_GRAMMAR = numbers._Grammar(_LANG)
_BEFORE = [p for kind in ("at_least", "at_most", "about")
           for p in getattr(_LANG.bounds.before, kind)]
# a word the case-blind search matches in folded letters: the long s, the Kelvin sign, "İ"
_FOLDED = ["AT LEAſT", "alMoſt", "ApproXimately", "İn excess of", "Kilo"]
_GLUE = ["", " ", "  ", "\n", " \n", "(", "“", "x", "5", "-", ".", "\t", "\x1c"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.integers(0, 1000), st.integers(0, 2)),
                max_size=4), st.sampled_from(_GLUE))
def test_a_text_ending_in_a_bound_word_is_searched(pieces: list[tuple[str, int, int]],
                                                   last: str) -> None:
    words = [*_BEFORE, *_FOLDED]
    text = "".join(glue + (w.upper() if case == 1 else w.title() if case == 2 else w)
                   for glue, i, case in pieces for w in [words[i % len(words)]]) + last
    g = _GRAMMAR
    found = g.bound_before.search(text, max(0, len(text.rstrip()) - g.bound_reach))
    if found is not None:
        assert g.may_end_in_bound(text), text


def test_the_bound_gate_refuses_what_cannot_end_in_a_bound_word() -> None:
    g = _GRAMMAR
    for word in [*_BEFORE, *_FOLDED[:-1]]:
        for written in (word, word.upper(), word.title()):
            for text in (f"killing {written} ", f"({written}\n", f"{written} \n"):
                assert g.bound_before.search(text) and g.may_end_in_bound(text), text
    assert g.may_end_in_bound("killing at least ") and g.may_end_in_bound("some\n")
    assert g.may_end_in_bound("AT LEAſT ")  # not ASCII: searched
    assert not g.may_end_in_bound("killed ")
    assert not g.may_end_in_bound("at least")  # no space before the figure
    assert not g.may_end_in_bound("")


# whole numbers below and above 12 digits, binary noise, ints from the data, signs, infinity
_VALUES = [0.0, -0.0, 1.0, 28000.0, 999999999999.0, 1e12, 123456789012345.0, 2.5,
           8.2e6 * 1.0000000001, 0.1 + 0.2, 13.6 * 1e6, -4.0, float("inf"), 12, 0]


def test_clean_is_the_value_at_twelve_significant_digits() -> None:
    for value in _VALUES:
        cleaned = numbers._clean(value)
        expected = float(f"{value:.12g}")
        assert type(cleaned) is float
        assert cleaned == expected and str(cleaned) == str(expected), value


def test_atoms_are_read_by_the_branch_that_matched() -> None:
    text = "about 5 million people, 25k troops, dozens of tanks, two hundred and fifty guns, " \
        "1,200.5 km2 and 3000 more"
    atoms = numbers._atoms(text, 0, len(text), _GRAMMAR, [])
    read = [(text[a.start:a.end], a.value, a.high, a.kind, a.factor, a.scaled) for a in atoms]
    assert read == [
        ("5 million", 5e6, 5e6, "digits", 1e6, True),
        ("25k", 25000.0, 25000.0, "digits", 1000.0, True),
        ("dozens of", 24, 108, "vague", 1.0, False),
        ("two hundred and fifty", 250.0, 250.0, "words", 1.0, False),
        ("1,200.5", 1200.5, 1200.5, "digits", 1.0, False),
        ("3000", 3000.0, 3000.0, "digits", 1.0, False),
    ]


def test_a_scale_given_up_leaves_the_digits_branch() -> None:
    # the scale or glued scale matched, then its end failed: the branch read is the digits'
    text = "the 5 millionth visitor, 25kg of flour, 3 bnx and 40mn people"
    atoms = numbers._atoms(text, 0, len(text), _GRAMMAR, [])
    assert [(text[a.start:a.end], a.value, a.factor) for a in atoms] == [
        ("5", 5.0, 1.0), ("25", 25.0, 1.0), ("3", 3.0, 1.0), ("40mn", 4e7, 1e6)]


def test_excluded_spans_drop_the_atoms_they_touch() -> None:
    text = "see p. 5 and [12] where 300 died"
    spans = [m.span() for m in re.finditer(r"p\. 5|\[12\]", text)]
    atoms = numbers._atoms(text, 0, len(text), _GRAMMAR, lambda: spans)
    assert [text[a.start:a.end] for a in atoms] == ["300"]


def test_plus_and_bound_after_are_read_where_they_follow() -> None:
    text = "4+ soldiers, 2,000 or more civilians, 7 + 3, 5 or fewer, 8 plus, 6+"
    found = [(text[f.start:f.end], f.bound) for f in numbers.find_figures(text)]
    assert found == [("4+", "at_least"), ("2,000 or more", "at_least"), ("7", "exact"),
                     ("3", "exact"), ("5 or fewer", "at_most"), ("8 plus", "at_least"),
                     ("6+", "at_least")]

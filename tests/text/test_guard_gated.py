"""A gated alternation (only the branches whose fixed strings the span holds) finds exactly what
the whole alternation finds, and the strings it requires are ones every match holds."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.vocab import load_vocab
from corroborate.text.guard import (
    GatedAlternation,
    fewest_needs,
    match_needs,
    may_match,
    required_literals,
)

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

TEXT = ("See pp. 99–105 and p. 5; ISBN 978-0-19-280358-7, ISSN 1234-567X, doi:10.1000/182, "
        "S2CID 1234, App no 13216/05, No. 7, § 12–14, Resolutions 822 and 853, S/RES/822, "
        "A/62/243, 62/243, vol. 3, Article 5, at 10:30, Section 4. The toll rose by about "
        "2,000 and fell by 5 percent.[11] Retrieved 3 March 2020.\nArchived from the original.\n"
        "Nothing here but 1,200 killed in 1994 [a] and no p 5, no RES 5, Part 5, 12:3.")


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bISBN(?:-1[03])?:?\s*[\d-]{9,}", ("ISBN",)),
    (r"\b(?:Resolution|resolution|Resolutions|resolutions)\s+\d+", ("esolution",)),
    (r"§+\s*\d+", ("§",)),
    # a run of few fixed strings ("pp.", "p.") requires what they all hold
    (r"\b(?:pp?|p)\.\s*\d+", ("p.",)),
    (r"\b(?:Article|article|Art\.)\s*\d+", ("rt",)),
    (r"[-–]\s*(?:ab|cb)[xy]z", ("b",)),
    (r"S/(?:RES/)?\d+", ("S/",)),
    (r"a{2,3}b|c", ("",)[:0]),
    (r"(?:ab){2}c\d", ("ababc",)),
    (r"ISBN(?:-1[03])?:?\s*\d", ("ISBN",)),
    (r"(?:ab)?cd|ce", ("c",)),
    (r"(?i:isbn)\s*\d+", ()),
    (r"\d+/\d+", ("/",)),
    (r"x*y", ("y",)),
])
def test_required_literals(pattern: str, expected: tuple[str, ...]) -> None:
    assert required_literals(pattern) == expected
    assert required_literals(pattern, re.IGNORECASE) == ()


def _texts() -> list[str]:
    texts = [TEXT, *TEXT.split(" ")]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return texts


def test_gated_exclusions_find_what_the_alternation_finds() -> None:
    vocab = load_vocab("en")
    gate = vocab.exclusion_gate
    whole = vocab.exclusions[0]
    found = 0
    for text in _texts():
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        for start, end in [(0, len(text)), *lines]:
            expected = [m.span() for m in whole.finditer(text, start, end)]
            assert [m.span() for m in gate.finditer(text, start, end)] == expected
            found += len(expected)
    assert found > 40
    spans = [TEXT[a:b] for a, b in (m.span() for m in gate.finditer(TEXT, 0, len(TEXT)))]
    assert spans[:3] == ["pp. 99–105", "p. 5", "ISBN 978-0-19-280358-7"]
    assert "Retrieved 3 March 2020." in spans and "[a]" in spans


def test_branch_order_decides_at_one_position() -> None:
    # both branches match at 0: the first listed wins, as in the whole alternation
    gate = GatedAlternation([r"ab", r"abc", r"b"])
    assert [m.group(0) for m in gate.finditer("abc b", 0, 5)] == ["ab", "b"]
    assert [m.group(0) for m in gate.finditer("xbc", 0, 3)] == ["b"]
    assert list(gate.finditer("xyz", 0, 3)) == []


def test_match_needs_asks_one_branch_strings() -> None:
    needs = match_needs(r"(?:^\s*\d{1,4}\.\s*\^)|(?:\bRetrieved\s+\d{4}-\d{2})|(?:x*)")
    assert needs == [frozenset({".", "^"}), frozenset({"Retrieved", "-"}), frozenset()]
    strict = needs[:2]
    assert may_match(strict, " 12. ^ Smith") and may_match(strict, "Retrieved 2020-01")
    assert not may_match(strict, "Retrieved in 2020. The end") and not may_match(strict, "")
    assert may_match(needs, "anything")
    assert match_needs("(?i)retrieved") == [frozenset()]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.frozensets(st.sampled_from(["^", ".", "ab", "b", "Retrieved"]), max_size=3),
                min_size=1, max_size=5),
       st.text(alphabet="^.abRetrived ", max_size=14))
def test_fewest_needs_answer_as_all_of_them(needs: list[frozenset[str]], text: str) -> None:
    fewest = fewest_needs(needs)
    assert may_match(fewest, text) == may_match(needs, text)
    assert all(not (a < b) for a in fewest for b in fewest)  # no set asks for more than another


def test_the_reference_line_tests_fewer_strings() -> None:
    from corroborate.langdata import load_sentence_rules
    from corroborate.text import _reference_pattern

    _pattern, needs = _reference_pattern(load_sentence_rules("en").reference_line or "")
    # "^" alone already asks what "12. ^" asks; "Retrieved" what "Retrieved 2020-01-01" asks
    assert frozenset({"^"}) in needs and frozenset({"^", "."}) not in needs
    assert frozenset({"Retrieved"}) in needs and frozenset({"-", "Retrieved"}) not in needs


def test_reference_lines_gated_alike() -> None:
    from corroborate.langdata import load_sentence_rules
    from corroborate.text import _reference_pattern

    pattern, needs = _reference_pattern(load_sentence_rules("en").reference_line or "")
    for text in _texts():
        for line in text.split("\n"):
            assert (may_match(needs, line) and bool(pattern.search(line))) == \
                bool(pattern.search(line))
    assert pattern.search("Retrieved March 3, 2020.") and may_match(needs, "12. ^ Smith, J.")


_PATTERNS = [r"\b(?:pp?|p)\.\s*\d+", r"(?:ab|cb)[xy]z", r"S/(?:RES/)?\d+", r"(?:ab){1,2}c",
             r"a(?:b|bc)?d\.", r"[-–](?:x|xy)?y", r"p(?=q)q?r"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdxyzpqrS/RE.-– 1", max_size=30))
def test_every_match_holds_the_required_strings(text: str) -> None:
    for pattern in _PATTERNS:
        needed = required_literals(pattern)
        for match in re.finditer(pattern, text):
            assert all(literal in match.group(0) for literal in needed), (pattern, match)

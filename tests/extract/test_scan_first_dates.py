"""A span without a digit is searched for months alone (``_Grammar.month_alone``, a scan-first
trie): the same date atoms as the whole date grammar, which needs a digit for every other
branch, and the whole grammar is not run there."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract import dates
from corroborate.extract.data import load_lang
from corroborate.extract.vocab import load_vocab

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _grammar() -> dates._Grammar:
    return dates._Grammar(load_lang("en"), load_vocab("en").not_year_after)


def _whole(text: str, g: dates._Grammar) -> list[dates._Atom]:
    return [a for m in g.atom.finditer(text) if (a := dates._atom(m, g))]


def _month_words() -> list[str]:
    return [w for names in load_lang("en").dates.months.values() for w in names]


_GLUE = ["", " ", "-", "x", "/", ".", ",", "(", ")", "\n", "ſ", "\u212a", "İ", "mid-", "in "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.integers(0, 200), st.booleans()),
                max_size=12))
def test_digit_free_text_gives_the_whole_grammars_atoms(
        pieces: list[tuple[str, int, bool]]) -> None:
    g, words = _grammar(), _month_words()
    text = "".join(glue + (words[i % len(words)].upper() if upper else words[i % len(words)])
                   for glue, i, upper in pieces)
    assert dates._scan(text, 0, len(text), g)[0] == _whole(text, g)


def test_months_in_every_shape_without_digits() -> None:
    g = _grammar()
    words = _month_words()
    shapes = [f"{before}{form}{after}" for w in words
              for form in (w, w.upper(), w.capitalize(), w.replace("s", "ſ"))
              for before, after in [(" ", " "), ("x", " "), (" ", "x"), ("-", " "), ("a-", " "),
                                    ("/", " "), (".", " "), (" ", "."), (" ", "-"), ("(", ")")]]
    text = " ".join(shapes)
    atoms = dates._scan(text, 0, len(text), g)[0]
    assert atoms == _whole(text, g)
    assert len(atoms) > 100
    assert {"January", "JANUARY", "AUGUST", "Auguſt"} <= {text[a.start:a.end] for a in atoms}


def test_corpus_sentences_give_the_same_atoms() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus ({CORPUS}) is not here")
    g = _grammar()
    found = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for piece in re.finditer(r"[^.;\n]+", text):
            atoms = dates._scan(text, piece.start(), piece.end(), g)[0]
            expected = [a for m in g.atom.finditer(text, piece.start(), piece.end())
                        if (a := dates._atom(m, g))]
            assert atoms == expected
            found += len(atoms)
    assert found > 100


class _NotRun:
    def finditer(self, *_args: object) -> None:
        raise AssertionError("the whole date grammar ran on a span without a digit")


def test_the_whole_grammar_is_not_run_without_a_digit() -> None:
    g = _grammar()
    g.atom = g.scan = _NotRun()  # type: ignore[assignment]
    text = "Fighting resumed in mid-May and lasted from March to June."
    atoms = dates._scan(text, 0, len(text), g)[0]
    assert [(text[a.start:a.end], a.month, a.kind) for a in atoms] == [
        ("March", 3, "month_only"), ("June", 6, "month_only")]  # "mid-May" is no atom


def test_words_that_lower_to_no_key_are_read() -> None:
    # the grammar matches case-blind as the engine does: "İ" and "ſ" lower to other letters
    found = dates.find_dates("on 4 APRİL 1999, Auguſt 1998 and the ſpring of 1997")
    assert [(d.start_iso, d.end_iso) for d in found] == [
        ("1999-04-04", "1999-04-04"), ("1998-08", "1998-08"), ("1997-03", "1997-05")]


def test_the_branch_read_is_the_one_that_matched() -> None:
    # _atom reads the branch from the outermost group closed last (``lastgroup``)
    g = _grammar()
    branches = ["ddm", "dmy", "mdy", "my", "numeric", "iso", "season", "part", "yy",
                "month_only", "year"]
    text = ("4 May 1999, 1–5 April 2016, May 4, 1999, May 1999, 12.05.1999, 1999-05-12, the "
            "spring of 1993, early 1994, 2018–19, March, the 1990s, 27th June")
    kinds = []
    for match in g.atom.finditer(text):
        atom = dates._atom(match, g)
        assert atom is not None
        kinds.append(atom.kind)
        assert atom.kind == next(b for b in branches if match.group(b))
    assert kinds == ["dmy", "ddm", "mdy", "my", "numeric", "iso", "season", "part", "yy",
                     "month_only", "year", "dmy"]

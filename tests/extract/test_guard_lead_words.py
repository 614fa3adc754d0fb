"""The date and figure grammars' lead guard (a match begins with a digit or a whole word of
its own) finds exactly what the grammars find without it, on text made of their own words in
every case and next to the characters that end or join words."""

import itertools
import re
from pathlib import Path

import pytest

from corroborate.extract import dates, numbers, relative_dates
from corroborate.extract.data import load_lang
from corroborate.extract.vocab import load_vocab

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

TEXT = ("In the spring of 1993, early 1994 and the end of 1995 fighting went on; on 4 May 1999 "
        "(May 4, 1999), from 26 March to 30 September 2023, 1–5 April 2016, 2018–19, the 1990s, "
        "12.05.1999, 1999-05-12, mid-May, in mid-June, Sept. 3 and late 2001. May troops leave? "
        "Marching on 5 Marches, Mayday, amay 1999, 1999killed, a-May 2000, x/2001.\n"
        "Two hundred and fifty-three, a dozen, dozens of, scores of soldiers, 2,000 to 3,000, "
        "$3 million, 25k, 8.5 million, twenty-eight, one-off, someone, 3/4, no. 5, §5, one.")


def _shapes(words: list[str]) -> str:
    """Each word alone, capitalised, glued to letters, digits, hyphens and slashes."""
    pieces = []
    for word, (before, after) in itertools.product(
            words, [(" ", " "), ("x", " "), (" ", "x"), ("-", " "), (" ", "-"), ("/", " "),
                    (" ", "."), (" ", ". 5"), ("(", ")"), (" ", " 1999"), ("5 ", " 2001")]):
        pieces.append(f"{before}{word}{after}")
        pieces.append(f"{before}{word.upper()}{after}")
        pieces.append(f"{before}{word.capitalize()}{after}")
    return " ".join(pieces)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


def _texts() -> list[str]:
    lang = load_lang("en")
    d, n = lang.dates, lang.numbers
    date_words = [w for names in d.months.values() for w in names] + list(d.seasons) + \
        list(d.year_parts) + d.fillers
    number_words = list(n.words) + list(n.multipliers) + list(n.vague) + list(n.scales)
    texts = [TEXT, _shapes(date_words), _shapes(number_words)]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return texts


def test_date_lead_guard_changes_no_match() -> None:
    lang = load_lang("en")
    not_year_after = load_vocab("en").not_year_after
    fast = dates._Grammar(lang, not_year_after).atom
    plain = dates._Grammar(lang, not_year_after, lead_guard=False).atom
    assert fast.pattern != plain.pattern
    found = 0
    for text in _texts():
        assert _spans(fast, text) == _spans(plain, text)
        found += len(_spans(fast, text))
    assert found > 100
    matched = [TEXT[a:b] for (a, b), _kind in _spans(fast, TEXT)][:4]
    assert matched == ["the spring of 1993", "early 1994", "the end of 1995", "4 May 1999"]


def test_figure_lead_guard_changes_no_match() -> None:
    lang = load_lang("en")
    fast = numbers._Grammar(lang).atom
    plain = numbers._Grammar(lang, lead_guard=False).atom
    assert fast.pattern != plain.pattern
    for text in _texts():
        assert _spans(fast, text) == _spans(plain, text)
    line = TEXT.split("\n")[1]
    assert [line[a:b] for (a, b), _kind in _spans(fast, line)][:4] == \
        ["Two hundred and fifty-three", "a dozen", "dozens of", "scores of"]


@pytest.mark.parametrize("text", ["", "x", "May", "1999", "the", "a"])
def test_short_texts_match_alike(text: str) -> None:
    lang = load_lang("en")
    for fast, plain in [(dates._Grammar(lang, "").atom,
                         dates._Grammar(lang, "", lead_guard=False).atom),
                        (numbers._Grammar(lang).atom,
                         numbers._Grammar(lang, lead_guard=False).atom)]:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert [m.span() for m in fast.finditer(text, start, end)] == \
                    [m.span() for m in plain.finditer(text, start, end)]


def test_relative_date_lead_guard_changes_no_match() -> None:
    lang = load_lang("en")
    fast = relative_dates._Grammar(lang).pattern
    plain = relative_dates._Grammar(lang, lead_guard=False).pattern
    assert fast is not None and plain is not None and fast.pattern != plain.pattern
    d = lang.dates
    words = [w for names in d.weekdays.values() for w in names] + \
        list(d.days_from_published) + list(d.periods_from_published) + \
        list(d.days_from_previous) + [f"two {u} {s}" for u in d.counted_units
                                      for s in (*d.counted_later, *d.counted_earlier)]
    text = ("Stanley fell on Monday evening; two days later, 3 weeks earlier and the following "
            "day the town was quiet. Mondays, someday, 12 days after, a week before.")
    for sample in [text, _shapes(words), *_texts()]:
        assert _spans(fast, sample) == _spans(plain, sample)
    assert [text[a:b] for (a, b), _kind in _spans(fast, text)] == \
        ["Monday", "two days later", "3 weeks earlier", "the following day", "12 days after",
         "a week before"]


def test_whole_word_patterns_look_behind_first() -> None:
    vocab = load_vocab("en")
    for fast in (vocab.event_pattern, vocab.trigger_pattern):
        plain = re.compile(fast.pattern.removeprefix(r"(?<![\w-])"), fast.flags)
        assert plain.pattern != fast.pattern
        for text in [TEXT, *_texts()]:
            assert _spans(fast, text) == _spans(plain, text)


def test_side_phrases_lead_guard_changes_no_match() -> None:
    vocab = load_vocab("en")
    text = ("19 casualties on the Azerbaijani side, 4049 missing citizens of Azerbaijan and "
            "one civilian ,  on the Armenian side; officers of the Russian army.")
    found = 0
    for fast in (vocab.side_after, vocab.owner_after):
        assert fast is not None
        plain = re.compile(re.sub(r"^\(\?=\[\\s,\]\*\[[^\]]*\]\)", "", fast.pattern), fast.flags)
        assert plain.pattern != fast.pattern
        for sample in [text, *_texts()[:3]]:
            assert _spans(fast, sample) == _spans(plain, sample)
            found += len(_spans(fast, sample))
        for start in range(0, len(text), 3):  # searched from where a figure's noun ends
            assert [m.span() for m in fast.finditer(text, start, len(text))][:1] == \
                [m.span() for m in plain.finditer(text, start, len(text))][:1]
    assert found >= 3

"""Relative dates are looked for only in a sentence whose lowered text holds one of their key
words, tested as substrings: the few keys holding no other stand for all, and the dates found are
those of searching every sentence."""

import re
from pathlib import Path

import pytest

from corroborate.extract import relative_dates
from corroborate.langdata import data_dirs

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _grammar() -> relative_dates._Grammar:
    return relative_dates._cached_grammar("en", data_dirs())


def test_every_key_holds_one_of_the_parts_tested() -> None:
    g = _grammar()
    assert g.keys and set(g.key_parts) <= set(g.keys)
    assert all(any(part in key for part in g.key_parts) for key in g.keys)
    # "day" stands for the weekdays, "days", "today" and "yesterday"
    assert "day" in g.key_parts and "friday" not in g.key_parts and "days" not in g.key_parts


def _found(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    return [(d.start, d.end, d.start_iso, d.end_iso) for d in relative_dates.find_relative_dates(
        text, start, end, "en", "2020-01-10", "2020-01-01", [])]


def _searched_everywhere(text: str, start: int, end: int,
                         monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, str, str]]:
    with monkeypatch.context() as patch:
        patch.setattr(_grammar(), "key_parts", ("",))  # every text holds the empty string
        return _found(text, start, end)


def test_the_dates_of_searching_every_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["They left on Friday.", "Two days later the town fell.", "It rained YESTERDAY.",
             "The year before, 300 died.", "No date here at all.", "On FRİDAY they came.",
             "Last week and next month.", "The following morning, 5 were found."]
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt")):
            texts += re.findall(r"[^\n]+", path.read_text(encoding="utf-8"))
    found = 0
    for text in texts:
        expected = _searched_everywhere(text, 0, len(text), monkeypatch)
        assert _found(text, 0, len(text)) == expected, text
        found += len(expected)
    # the sentences above hold five (the shared corpus, when here, more)
    assert found >= (6 if CORPUS.is_dir() else 5)


def test_a_sentence_without_a_key_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    g = _grammar()
    assert g.scan is not None
    searched: list[str] = []
    real = g.scan.finditer

    def counting(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
        searched.append(text[start:end])
        return real(text, start, end)

    monkeypatch.setattr(g.scan, "finditer", counting)
    assert _found("Some 300 people were killed in the fighting.", 0, 44) == []
    assert searched == []
    assert _found("They came back two days later.", 0, 30) == [(15, 29, "2020-01-03", "2020-01-03")]
    assert searched == ["They came back two days later."]
    # a key in the characters lowered before the span only: searched, nothing found
    text = "Monday. Nothing else"
    assert _found(text, 8, len(text)) == []
    assert searched[-1] == "Nothing else"


@pytest.mark.parametrize("written", ["this morning", "this mornıng", "THİS MORNİNG", "THIS MORNING"])
def test_a_key_written_with_letters_the_engine_folds_is_found(written: str) -> None:
    # "ı" and "İ" (Turkish-locale text) match "i" case-blind; the key gate reads the sentence
    # folded as the engine matches it, not as str.lower leaves it
    text = f"Stanley fell {written}."
    assert [(d.start_iso, text[d.start:d.end]) for d in relative_dates.find_relative_dates(
        text, 0, len(text), "en", "1982-06-16", None, [])] == [("1982-06-16", written)]

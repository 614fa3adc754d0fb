"""Headings: a line standing alone between blank lines, without a sentence's end, is a title even
when it is too long to be a table cell."""

from __future__ import annotations

from corroborate.model import Document, Source, Text
from corroborate.text import segment

# 13 words: longer than the 12 words a cell line may have, so only the standalone rule makes it
# a heading
TITLE = "The damage to Azerbaijan as a result of the Armenian - Azerbaijani conflict"
BEFORE = "The occupation lasted from 1992 until the war of 2020."
AFTER = "The State Commission registered 4049 missing citizens of the Republic of Azerbaijan."


def segmented(text: str) -> Text:
    document = Document(Source("test", "Test"), "test.txt", text, "0" * 64, "text/plain",
                        len(text.encode("utf-8")))
    return segment(document)


def kinds(text: str) -> list[tuple[str, str]]:
    result = segmented(text)
    return [(s.kind, result.text[s.start:s.end]) for s in result.segments]


def test_standalone_unpunctuated_line_is_a_heading() -> None:
    assert len(TITLE.split()) == 13
    text = f"{BEFORE}\n\n{TITLE}\n\n{AFTER}\n"
    assert kinds(text) == [("sentence", BEFORE), ("heading", TITLE), ("sentence", AFTER)]


def test_standalone_line_at_the_start_of_the_document_is_a_heading() -> None:
    assert kinds(f"{TITLE}\n\n{AFTER}\n") == [("heading", TITLE), ("sentence", AFTER)]


def test_line_followed_directly_by_text_is_not_a_heading() -> None:
    text = f"{BEFORE}\n\n{TITLE}\n{AFTER}\n"
    assert kinds(text) == [("sentence", BEFORE), ("sentence", TITLE), ("sentence", AFTER)]


def test_line_preceded_directly_by_text_is_not_a_heading() -> None:
    text = f"{BEFORE}\n{TITLE}\n\n{AFTER}\n"
    assert ("heading", TITLE) not in kinds(text)
    assert ("sentence", TITLE) in kinds(text)


def test_line_ending_with_a_full_stop_is_not_a_heading() -> None:
    text = f"{BEFORE}\n\n{TITLE}.\n\n{AFTER}\n"
    assert kinds(text) == [("sentence", BEFORE), ("sentence", f"{TITLE}."),
                           ("sentence", AFTER)]

"""Stage 2, text: a Document's text normalized and cut into headings, sentences and table cells.

Public surface: ``segment(document) -> Text``, ``normalize_text``, ``split_sentences``.
Each line of the normalized text is a paragraph, a heading, or a table cell; sentences never cross a
line, so a table laid out one cell per line is never glued into one sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborate.langdata import load_sentence_rules
from corroborate.model import Document, Segment, Text
from corroborate.text.normalize import normalize_text
from corroborate.text.sentences import split_sentences
from corroborate.text.tables import Line, find_tables, is_cell_line

__all__ = ["normalize_text", "segment", "split_lines", "split_sentences"]


def split_lines(text: str) -> list[Line]:
    """Every line of the text with its offsets (blank lines included, as empty lines)."""
    lines: list[Line] = []
    start = 0
    for raw in text.split("\n"):
        lines.append(Line(start, start + len(raw), raw))
        start += len(raw) + 1
    return lines


def _trimmed(line: Line) -> tuple[int, int]:
    start, end = line.start, line.end
    while start < end and line.text[start - line.start].isspace():
        start += 1
    while end > start and line.text[end - 1 - line.start].isspace():
        end -= 1
    return start, end


# A line between blank lines, without a sentence's end, is a title even when longer than a cell:
# "The damage to Azerbaijan as a result of the Armenian - Azerbaijani conflict".
_MAX_TITLE_WORDS = 16
_MAX_TITLE_CHARS = 120


def _standalone_title(lines: list[Line], index: int) -> bool:
    text = lines[index].text.strip()
    if len(text) > _MAX_TITLE_CHARS or len(text.split()) > _MAX_TITLE_WORDS or \
            text[-1] in ".!?:;,":
        return False
    before = lines[index - 1].text.strip() if index > 0 else ""
    after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return not before and not after


def segment(document: Document, lang: str = "en") -> Text:
    """Normalize the document's text and cut it into segments, in text order."""
    text = normalize_text(document.text)
    rules = load_sentence_rules(lang)
    reference = re.compile(rules.reference_line) if rules.reference_line else None
    lines = split_lines(text)
    segments: list[Segment] = []
    in_table: dict[int, tuple[int, int, int]] = {}
    for number, layout in enumerate(find_tables(lines)):
        for index in range(layout.first, layout.last):
            row, column = divmod(index - layout.first, layout.columns)
            in_table[index] = (number, row, column)
    for index, line in enumerate(lines):
        start, end = _trimmed(line)
        if start == end:
            continue
        if index in in_table:
            table, row, column = in_table[index]
            segments.append(Segment(start, end, "cell", table=table, row=row, column=column))
        elif reference is not None and reference.search(line.text):
            segments.append(Segment(start, end, "reference"))
        elif (is_cell_line(line.text) and len(line.text.split()) <= 12) or \
                _standalone_title(lines, index):
            segments.append(Segment(start, end, "heading"))
        else:
            for s_start, s_end in split_sentences(text[start:end], start, rules.abbreviations):
                segments.append(Segment(s_start, s_end, "sentence"))
    # the document keeps the normalized text only, so the text read is not held twice
    kept = document if text is document.text else replace(document, text=text)
    return Text(document=kept, text=text, segments=tuple(segments))

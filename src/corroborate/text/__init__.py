"""Stage 2, text: a Document's text normalized and cut into headings, sentences and table cells.

Public surface: ``segment(document) -> Text``, ``normalize_text``, ``split_sentences``.
Each line of the normalized text is a paragraph, a heading, or a table cell; sentences never cross a
line, so a table laid out one cell per line is never glued into one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from corroborate.langdata import load_sentence_rules
from corroborate.model import Document, Segment, Text
from corroborate.text.guard import fewest_needs, guarded, match_needs, may_match
from corroborate.text.normalize import normalize_text
from corroborate.text.sentences import split_sentences
from corroborate.text.tables import Line, find_tables, is_cell_line

__all__ = ["iter_lines", "normalize_text", "segment", "split_lines", "split_sentences"]


def split_lines(text: str) -> list[Line]:
    """Every line of the text with its offsets (blank lines included, as empty lines)."""
    return list(iter_lines(text))


def iter_lines(text: str) -> Iterator[Line]:
    """The lines of ``split_lines`` one at a time, so that a large text is never held twice."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            yield Line(start, len(text), text[start:])
            return
        yield Line(start, end, text[start:end])
        start = end + 1


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


def _standalone_title(line: Line, before_blank: bool, after_blank: bool) -> bool:
    text = line.text.strip()
    if len(text) > _MAX_TITLE_CHARS or len(text.split()) > _MAX_TITLE_WORDS or \
            text[-1] in ".!?:;,":
        return False
    return before_blank and after_blank


def _in_context(text: str) -> Iterator[tuple[Line, bool, bool]]:
    """Each line with whether the lines before and after it are blank (the first line has a
    blank before it, the last one a blank after it)."""
    before_blank = True
    previous: Line | None = None
    for line in iter_lines(text):
        blank = not line.text.strip()
        if previous is not None:
            yield previous, before_blank, blank
            before_blank = not previous.text.strip()
        previous = line
    if previous is not None:
        yield previous, before_blank, True


# A run of short lines waits, as Line objects, until it ends, to be looked at as a table (a few
# hundred bytes a line). A run this long is looked at in parts, so a text of nothing but short
# lines costs bounded memory; a table of more cells than this one per line is read as two.
MAX_RUN_LINES = 5000


@lru_cache(maxsize=8)
def _reference_pattern(pattern: str) -> tuple[re.Pattern[str], list[frozenset[str]]]:
    """The reference-line pattern, searched on every line: behind a lookahead on its first
    characters; and the strings a line must hold for it to match (most prose lines hold none
    of its branches' fixed strings and are not searched)."""
    return re.compile(guarded(pattern)), fewest_needs(match_needs(pattern))


def segment(document: Document, lang: str = "en") -> Text:
    """Normalize the document's text and cut it into segments, in text order.

    Lines are read one at a time; a run of short lines waits until it ends, to be looked at as
    a table. Memory holds the text and its segments, never a second copy of the text.
    """
    text = normalize_text(document.text)
    rules = load_sentence_rules(lang)
    reference, needs = _reference_pattern(rules.reference_line) if rules.reference_line else \
        (None, [])
    segments: list[Segment] = []
    run: list[tuple[Line, bool, bool]] = []  # consecutive cell lines
    tables = 0

    def flush() -> None:
        nonlocal tables
        in_table: dict[int, tuple[int, int, int]] = {}
        for layout in find_tables([line for line, _b, _a in run]):
            for index in range(layout.first, layout.last):
                row, column = divmod(index - layout.first, layout.columns)
                in_table[index] = (tables, row, column)
            tables += 1
        for index, (line, before_blank, after_blank) in enumerate(run):
            if index in in_table:
                start, end = _trimmed(line)
                table, row, column = in_table[index]
                segments.append(Segment(start, end, "cell", table=table, row=row, column=column))
            else:
                plain(line, before_blank, after_blank, cell=True)
        run.clear()

    def plain(line: Line, before_blank: bool, after_blank: bool, *, cell: bool) -> None:
        start, end = _trimmed(line)
        if start == end:
            return
        if reference is not None and may_match(needs, line.text) and reference.search(line.text):
            segments.append(Segment(start, end, "reference"))
        elif (cell and len(line.text.split()) <= 12) or \
                _standalone_title(line, before_blank, after_blank):
            segments.append(Segment(start, end, "heading"))
        else:
            for s_start, s_end in split_sentences(text[start:end], start, rules.abbreviations):
                segments.append(Segment(s_start, s_end, "sentence"))

    for line, before_blank, after_blank in _in_context(text):
        if is_cell_line(line.text):
            run.append((line, before_blank, after_blank))
            if len(run) >= MAX_RUN_LINES:
                flush()
            continue
        flush()
        plain(line, before_blank, after_blank, cell=False)
    flush()
    # the document keeps the normalized text only, so the text read is not held twice
    kept = document if text is document.text else replace(document, text=text)
    return Text(document=kept, text=text, segments=tuple(segments))

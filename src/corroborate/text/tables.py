"""Tables laid out one cell per line: found by the rhythm of their row keys, never glued into prose.

A table is a run of short lines: ``k`` header cells, then rows of ``k`` cells whose first cell (the
row key, e.g. a year) has the same shape in every row and appears nowhere else in the run; or rows
whose key is words and whose other cells are all figures ("Civilians / 18 / 18"), under a header of
words ("Category / Killed / Injured").
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Line", "TableLayout", "find_tables", "is_cell_line"]

_MAX_CELL_CHARS = 60
_MIN_ROWS = 2
_SENTENCE_END = re.compile(r"[.!?]\s*$|[.!?]\s+\S")
_DIGIT = re.compile(r"\d")


class Line(NamedTuple):
    """A line of the text and its offsets (a tuple: built for every line of every document,
    a third of a frozen dataclass's build time)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TableLayout:
    """Indexes into the line list: ``first`` header line, ``columns`` cells a row, ``rows`` data rows."""

    first: int
    columns: int
    rows: int

    @property
    def last(self) -> int:
        return self.first + self.columns * (self.rows + 1)


def is_cell_line(text: str) -> bool:
    """A line short enough, and unpunctuated enough, to be one table cell."""
    stripped = text.strip()
    return 0 < len(stripped) <= _MAX_CELL_CHARS and not _SENTENCE_END.search(stripped)


def _shape(text: str) -> str:
    return _DIGIT.sub("9", text.strip())


_MAX_COLUMNS = 8


class _Run:
    """A run of cell lines ``lines[begin:end]`` with what every candidate table start needs,
    computed once: each line's shape, where each shape occurs, and for each column count how
    many lines in a row, one column apart, share a line's shape. Each candidate is then checked
    in O(log n), so finding the tables of a run is O(n log n), not O(n^2)."""

    def __init__(self, lines: list[Line], begin: int, end: int) -> None:
        self.begin, self.end = begin, end
        self.shapes = [_shape(lines[i].text) for i in range(begin, end)]
        self.where: dict[str, list[int]] = {}
        for offset, shape in enumerate(self.shapes):
            self.where.setdefault(shape, []).append(offset)
        self.same: dict[int, array[int]] = {}  # 4 bytes a line, not a list of int objects
        for columns in range(2, _MAX_COLUMNS + 1):
            same = array("I", [1]) * len(self.shapes)
            for offset in range(len(self.shapes) - columns - 1, -1, -1):
                if self.shapes[offset + columns] == self.shapes[offset]:
                    same[offset] = same[offset + columns] + 1
            self.same[columns] = same
        # digits[i]: how many of the run's first i lines hold a digit
        self.digits = array("I", [0]) * (len(self.shapes) + 1)
        for offset, shape in enumerate(self.shapes):
            self.digits[offset + 1] = self.digits[offset] + bool(_DIGIT.search(shape))
        # worded[columns][i]: how many rows in a row, from line i, have a key of words and
        # figures in every other cell
        self.worded: dict[int, array[int]] = {}
        for columns in range(2, _MAX_COLUMNS + 1):
            worded = array("I", [0]) * (len(self.shapes) + columns)
            for offset in range(len(self.shapes) - columns, -1, -1):
                if self.figures(offset + 1, offset + columns) == columns - 1 and \
                        not self.figures(offset, offset + 1):
                    worded[offset] = worded[offset + columns] + 1
            self.worded[columns] = worded

    def figures(self, lower: int, upper: int) -> int:
        """How many lines in run offsets ``[lower, upper)`` hold a digit."""
        return self.digits[upper] - self.digits[lower]

    def count(self, shape: str, lower: int, upper: int) -> int:
        """How many lines of ``shape`` lie in run offsets ``[lower, upper)``."""
        found = self.where[shape]
        return bisect_left(found, upper) - bisect_left(found, lower)


def _layout_at(run: _Run, first: int) -> TableLayout | None:
    """The smallest column count that makes lines[first:end] a table with a consistent row key:
    the row keys (one line every ``columns``, after the header) share one shape with a digit,
    and no other line of the table has that shape."""
    at = first - run.begin
    for columns in range(2, _MAX_COLUMNS + 1):
        rows = (run.end - first) // columns - 1
        if rows < _MIN_ROWS:
            break
        key_shape = run.shapes[at + columns]
        if not _DIGIT.search(key_shape):
            # row keys of words: every other cell of a row a figure, the header all words
            worded = run.worded[columns][at + columns]
            if worded >= _MIN_ROWS and not run.figures(at, at + columns):
                return TableLayout(first=first, columns=columns, rows=worded)
            continue  # else a list of names is not a table
        if run.same[columns][at + columns] < rows:
            continue  # a row key of another shape
        if run.count(key_shape, at, at + columns * (rows + 1)) != rows:
            continue  # a header or cell shaped like the row keys
        return TableLayout(first=first, columns=columns, rows=rows)
    return None


def find_tables(lines: list[Line]) -> list[TableLayout]:
    """Tables among consecutive non-blank lines (``lines`` holds one entry per non-blank line,
    and a blank line in the text must be represented by splitting runs before calling)."""
    tables: list[TableLayout] = []
    i = 0
    while i < len(lines):
        if not is_cell_line(lines[i].text):
            i += 1
            continue
        end = i
        while end < len(lines) and is_cell_line(lines[end].text):
            end += 1
        found = None
        run = _Run(lines, i, end) if end - i >= 2 * (_MIN_ROWS + 1) else None
        for first in range(i, end - 2 * (_MIN_ROWS + 1) + 1):  # the smallest table: 2 x 3
            assert run is not None
            found = _layout_at(run, first)
            if found:
                break
        if found:
            tables.append(found)
            i = found.last
        else:
            i = end
    return tables

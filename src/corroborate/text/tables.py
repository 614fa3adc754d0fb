"""Tables laid out one cell per line: found by the rhythm of their row keys, never glued into prose.

A table is a run of short lines: ``k`` header cells, then rows of ``k`` cells whose first cell (the
row key, e.g. a year) has the same shape in every row and appears nowhere else in the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Line", "TableLayout", "find_tables", "is_cell_line"]

_MAX_CELL_CHARS = 60
_MIN_ROWS = 2
_SENTENCE_END = re.compile(r"[.!?]\s*$|[.!?]\s+\S")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Line:
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


def _layout_at(lines: list[Line], first: int, end: int) -> TableLayout | None:
    """The smallest column count that makes lines[first:end] a table with a consistent row key."""
    for columns in range(2, 9):
        rows = (end - first) // columns - 1
        if rows < _MIN_ROWS:
            break
        keys = [first + columns * (r + 1) for r in range(rows)]
        key_shape = _shape(lines[keys[0]].text)
        if not _DIGIT.search(key_shape):
            continue  # row keys are years, numbers or dates: a list of names is not a table
        if any(_shape(lines[i].text) != key_shape for i in keys):
            continue
        key_set = set(keys)
        inside = range(first, first + columns * (rows + 1))
        if any(_shape(lines[i].text) == key_shape for i in inside if i not in key_set):
            continue
        if any(_shape(lines[i].text) == key_shape for i in range(first, first + columns)):
            continue
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
        for first in range(i, end - 2 * (_MIN_ROWS + 1) + 1):  # the smallest table: 2 x 3
            found = _layout_at(lines, first, end)
            if found:
                break
        if found:
            tables.append(found)
            i = found.last
        else:
            i = end
    return tables

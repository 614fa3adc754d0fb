"""The text stage on adversarial shapes: same answers as the plain rules, in bounded time."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corroborate.model import Document, Source
from corroborate.text import normalize_text, segment, split_lines, split_sentences
from corroborate.text.tables import Line, TableLayout, find_tables, is_cell_line


def _shape(text: str) -> str:
    return re.sub(r"\d", "9", text.strip())


def _tables_by_the_rule(lines: list[Line]) -> list[TableLayout]:
    """The table rule checked line by line for every start (the quadratic original)."""
    found_all: list[TableLayout] = []
    i = 0
    while i < len(lines):
        if not is_cell_line(lines[i].text):
            i += 1
            continue
        end = i
        while end < len(lines) and is_cell_line(lines[end].text):
            end += 1
        found = None
        for first in range(i, end - 5):
            for columns in range(2, 9):
                rows = (end - first) // columns - 1
                if rows < 2:
                    break
                keys = {first + columns * (r + 1) for r in range(rows)}
                key = _shape(lines[first + columns].text)
                if not re.search(r"\d", key):  # row keys of words, other cells all figures
                    worded = 0
                    while first + columns * (worded + 2) <= end and not re.search(
                            r"\d", lines[first + columns * (worded + 1)].text) and all(
                            re.search(r"\d", lines[first + columns * (worded + 1) + c].text)
                            for c in range(1, columns)):
                        worded += 1
                    if worded >= 2 and not any(re.search(r"\d", lines[first + c].text)
                                               for c in range(columns)):
                        found = TableLayout(first, columns, worded)
                        break
                    continue
                if re.search(r"\d", key) and \
                        all(_shape(lines[k].text) == key for k in keys) and \
                        not any(_shape(lines[j].text) == key
                                for j in range(first, first + columns * (rows + 1))
                                if j not in keys):
                    found = TableLayout(first, columns, rows)
                    break
            if found:
                break
        if found:
            found_all.append(found)
            i = found.last
        else:
            i = end
    return found_all


CELLS = ["1992", "1993", "100", "2,000", "12.5", "Shusha", "N/A", "Armenia", "4+ soldiers", "",
         "Ceasefire signed."]


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(CELLS), max_size=60))
@example(["Year", "Killed", "1992", "100", "1993", "200", "1994", "300"])
@example(["Group", "Killed", "Soldiers", "100", "Civilians", "200", "Ceasefire signed."])
def test_tables_are_the_rule_s_tables(cells: list[str]) -> None:
    lines = split_lines("\n".join(cells))
    assert find_tables(lines) == _tables_by_the_rule(lines)


def _normalized_rule_by_rule(text: str) -> str:
    text = re.sub(r"\r\n|\r|\u2028|\u2029", "\n", text)
    text = re.sub(r"[\ufeff\u200b\u00ad\u2060\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", text)
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]", " ", text)


@given(st.text(alphabet=st.sampled_from(list("ab é\r\n\t\u00a0\u2000\u2001\u200b\u00ad\ufeff"
                                              "\u0301\u2028\x00\x85")) | st.characters(),
               max_size=40))
@example("\r\u00ad\nS\u0327\u00a0")
def test_one_pass_normalization_is_the_rules_in_order(raw: str) -> None:
    assert normalize_text(raw) == _normalized_rule_by_rule(raw)


def test_a_300_kb_line_is_read_in_parts_and_nothing_is_lost() -> None:
    line = "the war went on near Lachin " * 11_000  # no sentence end
    text = segment(Document(Source("s", "S"), "s.txt", line, "h", "text/plain", len(line)))
    pieces = [text.text[s.start:s.end] for s in text.segments]
    assert 3 <= len(pieces) <= 6  # parts of at most 100,000 characters, cut at a space
    assert all(len(p) <= 100_000 for p in pieces)
    assert " ".join(pieces) == line.strip()


def test_many_abbreviations_in_a_row_stay_one_sentence() -> None:
    text = "Gen. " * 15_000 + "Babayan left."
    assert split_sentences(text, 0, frozenset({"Gen"})) == [(0, len(text))]


def test_a_long_run_of_short_lines_that_is_no_table() -> None:
    cells = "\n".join(["Shusha", "1992"] * 5_000 + ["x1992"])
    text = segment(Document(Source("s", "S"), "s.txt", cells, "h", "text/plain", len(cells)))
    assert {s.kind for s in text.segments} == {"heading"}
    assert len(text.segments) == 10_001


def test_a_run_of_short_lines_longer_than_the_cap_is_read_in_parts_losing_nothing() -> None:
    from corroborate.text import MAX_RUN_LINES

    labels = [f"Village {n}" for n in range(MAX_RUN_LINES * 2 + 7)]  # no row rhythm: no table
    table = ["Year", "Killed", "Wounded", "1992", "120", "340", "1993", "95", "210"]
    body = "\n".join(labels + table) + "\n"
    text = segment(Document(Source("s", "S"), "s.txt", body, "h", "text/plain", len(body)))
    pieces = [text.text[s.start:s.end] for s in text.segments]
    assert pieces == labels + table
    assert {s.kind for s in text.segments[:len(labels)]} == {"heading"}
    cells = [(s.row, s.column, text.text[s.start:s.end]) for s in text.segments[len(labels):]]
    assert cells[3:6] == [(1, 0, "1992"), (1, 1, "120"), (1, 2, "340")]

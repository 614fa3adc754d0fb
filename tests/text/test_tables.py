"""Tables laid out one cell per line come out as cells with row and column, never as sentences."""

from __future__ import annotations

import pytest

from corroborate.model import Document, Source, Text
from corroborate.text import segment, split_lines
from corroborate.text.tables import TableLayout, find_tables, is_cell_line

FATALITIES = """\
Deaths along the line of contact rose after 2008, and the April 2016 clashes were the worst.
Year
Armenia
Azerbaijan
Total
2013
N/A
N/A
12 soldiers
2014
27 soldiers, 6 civilians
37 soldiers, 2 civilians
64 soldiers, 8 civilians
2015
4+ soldiers, 1 civilian
N/A
4+ soldiers, 1 civilian
2016
93 soldiers, 4 civilians
94 soldiers, 6 civilians
187 soldiers, 10 civilians

Figures for 2017 are disputed by both governments.
"""

ROWS = [
    ["Year", "Armenia", "Azerbaijan", "Total"],
    ["2013", "N/A", "N/A", "12 soldiers"],
    ["2014", "27 soldiers, 6 civilians", "37 soldiers, 2 civilians", "64 soldiers, 8 civilians"],
    ["2015", "4+ soldiers, 1 civilian", "N/A", "4+ soldiers, 1 civilian"],
    ["2016", "93 soldiers, 4 civilians", "94 soldiers, 6 civilians", "187 soldiers, 10 civilians"],
]


def segmented(text: str) -> Text:
    document = Document(Source("test", "Test"), "test.txt", text, "0" * 64, "text/plain",
                        len(text.encode("utf-8")))
    return segment(document)


def cells(text: Text) -> list[list[str]]:
    """The cells of table 0 as rows of strings, placed by their row and column."""
    table: dict[int, dict[int, str]] = {}
    for s in text.segments:
        if s.kind == "cell" and s.table == 0:
            assert s.row is not None and s.column is not None
            table.setdefault(s.row, {})[s.column] = text.text[s.start:s.end]
    return [[row[c] for c in sorted(row)] for _r, row in sorted(table.items())]


def test_fatalities_table_comes_out_as_cells_by_row_and_column() -> None:
    text = segmented(FATALITIES)
    assert cells(text) == ROWS
    kinds = [(s.kind, text.text[s.start:s.end]) for s in text.segments if s.kind != "cell"]
    assert kinds == [
        ("sentence", "Deaths along the line of contact rose after 2008, and the April 2016 clashes "
                     "were the worst."),
        ("sentence", "Figures for 2017 are disputed by both governments."),
    ]
    assert {s.table for s in text.segments if s.kind == "cell"} == {0}


def test_no_sentence_contains_a_cell() -> None:
    text = segmented(FATALITIES)
    cell_spans = [(s.start, s.end) for s in text.segments if s.kind == "cell"]
    for s in text.segments:
        if s.kind == "sentence":
            assert not any(s.start < end and start < s.end for start, end in cell_spans)
            assert "soldiers" not in text.text[s.start:s.end]


def test_the_same_table_after_a_heading_without_blank_line() -> None:
    text = segmented("Fatalities by year\n\n" + FATALITIES.split("\n", 1)[1])
    assert cells(text) == ROWS
    assert text.segments[0].kind == "heading"


def test_find_tables_reports_the_layout() -> None:
    lines = split_lines(FATALITIES)
    assert find_tables(lines) == [TableLayout(first=1, columns=4, rows=4)]
    assert TableLayout(first=1, columns=4, rows=4).last == 21


def test_the_smallest_table_two_columns_two_rows() -> None:
    text = segmented("Year\nKilled\n2014\n72\n2016\n200\n")
    assert cells(text) == [["Year", "Killed"], ["2014", "72"], ["2016", "200"]]


def test_two_tables_in_one_document_are_numbered() -> None:
    second = ("Year\nDistricts taken\n1992\nShusha, Lachin\n"
              "1993\nKalbajar, Aghdam, Fuzuli, Jabrayil, Qubadli, Zangilan\n")
    text = segmented(FATALITIES + "\n" + second)
    assert {s.table for s in text.segments if s.kind == "cell"} == {0, 1}
    districts = [(s.row, s.column, text.text[s.start:s.end]) for s in text.segments
                 if s.table == 1]
    assert districts[-2:] == [(2, 0, "1993"),
                              (2, 1, "Kalbajar, Aghdam, Fuzuli, Jabrayil, Qubadli, Zangilan")]


@pytest.mark.parametrize("listing", [
    "Occupied districts\n1. Kalbajar\n2. Lachin\n3. Qubadli\n4. Zangilan\n5. Jabrayil\n"
    "6. Fuzuli\n7. Aghdam\n",
    "Occupied districts\n1) Kalbajar\n2) Lachin\n3) Qubadli\n4) Zangilan\n5) Jabrayil\n"
    "6) Fuzuli\n7) Aghdam\n",
    "Districts around Nagorno-Karabakh\nKalbajar\nLachin\nQubadli\nZangilan\nJabrayil\nFuzuli\n"
    "Aghdam\n",
])
def test_a_numbered_list_of_district_names_is_not_a_table(listing: str) -> None:
    text = segmented(listing)
    assert all(s.kind != "cell" for s in text.segments)
    assert [text.text[s.start:s.end] for s in text.segments][1:3] in (
        ["1. Kalbajar", "2. Lachin"], ["1) Kalbajar", "2) Lachin"], ["Kalbajar", "Lachin"])
    assert len(text.segments) == 8


@pytest.mark.parametrize(("line", "cell"), [
    ("2014", True),
    ("4+ soldiers, 1 civilian", True),
    ("N/A", True),
    ("Ceasefire signed.", False),
    ("Talish fell. Madagiz followed", False),
    ("", False),
    ("x" * 61, False),
])
def test_what_can_be_a_cell(line: str, cell: bool) -> None:
    assert is_cell_line(line) is cell

"""Dated events, dates in every shape the hard cases list, tables and lists of districts."""

from __future__ import annotations

import pytest

from corroborate.extract.dates import find_dates
from tests.extract.helpers import claims_of


def events(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.event_type, c.date, c.place) for c in claims_of(text) if c.kind == "event"]


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("on 20 February 1988 the council met", "1988-02-20", "1988-02-20"),
        ("from 26 March to 30 September 2023", "2023-03-26", "2023-09-30"),
        ("in the spring of 1993", "1993-03", "1993-05"),
        ("in late 1987", "1987-09", "1987-12"),
        ("Shusha: may 08, 1992, territory", "1992-05-08", "1992-05-08"),
        ("between 1988 and 1994", "1988", "1994"),
        ("the clashes of 1–5 April 2016", "2016-04-01", "2016-04-05"),
        ("registered on 1.01.2011", "2011-01-01", "2011-01-01"),
    ],
)
def test_date_shapes(phrase: str, start: str, end: str) -> None:
    found = find_dates(phrase)
    assert [(d.start_iso, d.end_iso) for d in found] == [(start, end)]


def test_year_from_context() -> None:
    found = find_dates("the war resumed on 27 September", context_year=2020)
    assert [(d.start_iso, d.year_given) for d in found] == [("2020-09-27", False)]


def test_a_figure_with_a_unit_is_not_a_year() -> None:
    assert find_dates("territory 1840 km2", not_year_after="km2") == []


def test_respectively_pairs_each_district_with_its_date() -> None:
    text = ("After the war Armenia agreed to withdraw its forces from Agdam, Kalbajar, and Lachin "
            "districts, returning them by 20 November, 25 November and 1 December 2020, "
            "respectively.")
    assert events(text) == [("return", "2020-11-20", "Agdam"), ("return", "2020-11-25", "Kalbajar"),
                            ("return", "2020-12-01", "Lachin")]


def test_list_of_districts_under_an_occupation_heading() -> None:
    text = ("Occupied districts\n"
            "Shusha: may 08, 1992, territory 289 km2; Lachin: may 18, 1992, territory 1840 km2; "
            "Kelbajar: april 2, 1993, territory 1936 km2.\n")
    claims = claims_of(text)
    assert [(c.event_type, c.date, c.place, c.place_as_written) for c in claims
            if c.kind == "event"] == [
        ("capture", "1992-05-08", "Shusha", "Shusha"), ("capture", "1992-05-18", "Lachin", "Lachin"),
        ("capture", "1993-04-02", "Kalbajar", "Kelbajar")]
    assert [(c.value.low, c.unit, c.place) for c in claims if c.value] == [
        (289.0, "km2", "Shusha"), (1840.0, "km2", "Lachin"), (1936.0, "km2", "Kalbajar")]


def test_capture_with_date_and_actor() -> None:
    text = "Armenian forces captured Shushi on 8 May 1992, and Lachin fell on 18 May 1992."
    got = [(c.event_type, c.date, c.place, c.place_as_written, c.actor)
           for c in claims_of(text) if c.kind == "event"]
    assert ("capture", "1992-05-08", "Shusha", "Shushi", "Armenia") in got
    assert ("capture", "1992-05-18", "Lachin", "Lachin", None) in got


def test_names_resolve_and_keep_the_variant() -> None:
    text = "Azerbaijani forces took control of Khankandi in September 2023."
    [claim] = [c for c in claims_of(text) if c.kind == "event"]
    assert (claim.event_type, claim.date, claim.place, claim.place_as_written, claim.actor,
            claim.actor_as_written) == ("capture", "2023-09", "Stepanakert", "Khankandi",
                                        "Azerbaijan", "Azerbaijani")


TABLE = """Fatalities
Year
Armenia
Azerbaijan
Total
2010
7 soldiers
18 soldiers
25 soldiers
2011
10 soldiers
4+ soldiers, 1 civilian
14+ soldiers, 1 civilian
2012
N/A
N/A
30 soldiers
2018
5–7 soldiers
6 soldiers
11–13 soldiers
"""


def test_table_one_cell_per_line() -> None:
    got = [(c.time.start if c.time else None, c.side, c.group, c.value.low, c.value.high,
            c.value.bound) for c in claims_of(TABLE) if c.value]
    assert got == [
        ("2010", "Armenia", "soldiers", 7.0, 7.0, "exact"),
        ("2010", "Azerbaijan", "soldiers", 18.0, 18.0, "exact"),
        ("2010", None, "soldiers", 25.0, 25.0, "exact"),
        ("2011", "Armenia", "soldiers", 10.0, 10.0, "exact"),
        ("2011", "Azerbaijan", "soldiers", 4.0, 4.0, "at_least"),
        ("2011", "Azerbaijan", "civilians", 1.0, 1.0, "exact"),
        ("2011", None, "soldiers", 14.0, 14.0, "at_least"),
        ("2011", None, "civilians", 1.0, 1.0, "exact"),
        ("2012", None, "soldiers", 30.0, 30.0, "exact"),
        ("2018", "Armenia", "soldiers", 5.0, 7.0, "range"),
        ("2018", "Azerbaijan", "soldiers", 6.0, 6.0, "exact"),
        ("2018", None, "soldiers", 11.0, 13.0, "range"),
    ]
    assert {c.measure for c in claims_of(TABLE)} == {"killed"}

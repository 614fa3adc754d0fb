"""How reporting states figures and events (#9 items 4 and 7): infobox label lines, events told by
nouns and verbs of war at sea and in the air, relative dates anchored on publication or on the last
date named, and running totals dated as of publication."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.extract import extract_claims
from corroborate.extract.relative_dates import find_relative_dates
from corroborate.model import Claim, Document, Source
from corroborate.text import segment


def claims(text: str, published: str | None = None) -> list[Claim]:
    source = Source("report", "report", published=published)
    document = Document(source, "report.txt", text, "hash", "text/plain", len(text))
    return extract_claims(segment(document))


def events(text: str, published: str | None = None) -> list[tuple[str | None, str | None]]:
    return [(c.event_type, c.date) for c in claims(text, published) if c.kind == "event"]


def figures(text: str, published: str | None = None) -> list[tuple[object, ...]]:
    return [(c.measure, c.value.low, c.time.start if c.time else None)
            for c in claims(text, published) if c.kind == "quantity" and c.value]


INFOBOX = """Siege of Vukovar

Infobox
Date: 25 August – 18 November 1991
Croatian dead: 879
Yugoslav killed: 1,103
Strength: 36,000 troops

The siege ended in November 1991.
"""


def test_label_lines_state_their_measure() -> None:
    # the figures of an infobox are over the period its date line gives
    assert figures(INFOBOX) == [("killed", 879, "1991-08-25"), ("killed", 1103, "1991-08-25"),
                                ("strength", 36000, "1991-08-25")]


def test_an_infobox_date_line_dates_the_war() -> None:
    assert ("war_start", "1991-08-25") in events(INFOBOX)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The frigate Ardent was sunk on 21 May 1982 in Falkland Sound.", [("clash", "1982-05-21")]),
        ("A market in the old town was shelled on 5 February 1994, killing 68 people.",
         [("clash", "1994-02-05")]),
        ("Cluster bombs dropped on the airfield on 7 May 1999 hit the bus station.",
         [("clash", "1999-05-07")]),
        ("The marines landed at Ajax Bay on 21 May 1982.", [("deployment", "1982-05-21")]),
        ("The garrison surrendered on 18 November 1991.", [("ceasefire", "1991-11-18")]),
        ("The siege of Sarajevo began on 5 April 1992.", [("blockade", "1992-04-05")]),
        ("The invasion of Kalbajar on 2 April 1993 was condemned at once.",
         [("capture", "1993-04-02")]),
        ("The alliance began bombing on 24 March 1999.", [("offensive", "1999-03-24")]),
        # hard case: a verb of war with no date in reach makes no event
        ("The old hulk was sunk as a target long ago.", []),
    ],
)
def test_events_told_by_nouns_and_verbs(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert events(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a weekday is the last such day on or before publication (14 June 1982 was a Monday)
        ("Argentine forces surrendered on Monday evening.", "1982-06-14",
         [("ceasefire", "1982-06-14")]),
        ("The outer defences of Stanley were shelled on Saturday.", "1982-06-14",
         [("clash", "1982-06-12")]),
        ("The bridge was shelled yesterday.", "1999-04-13", [("clash", "1999-04-12")]),
        # counted from the last date named
        ("The destroyer was torpedoed on 2 May 1982 and the tanker was hit two days later.",
         None, [("clash", "1982-05-02"), ("clash", "1982-05-04")]),
        ("The port was shelled on 3 June 1992 and the garrison surrendered the following day.",
         None, [("clash", "1992-06-03"), ("ceasefire", "1992-06-04")]),
        # hard case: without a publication date a weekday is not guessed
        ("The convoy was shelled on Saturday.", None, []),
    ],
)
def test_relative_dates(sentence: str, published: str | None,
                        expected: list[tuple[str, str]]) -> None:
    assert events(sentence, published) == expected


def test_last_week_is_the_week_before_publication() -> None:
    found = find_relative_dates("Shelling last week killed 12.", 0, 29, "en", "2022-03-10",
                                None, [])
    assert [(d.start_iso, d.end_iso) for d in found] == [("2022-02-28", "2022-03-06")]


def test_a_year_less_date_takes_the_year_the_document_last_named() -> None:
    text = "The war began on 2 April 1982.\n\nThe fighting\n\nThe cruiser was sunk on 2 May."
    assert ("clash", "1982-05-02") in events(text)


def test_an_undated_running_total_stands_at_publication() -> None:
    assert figures("Some 1,600 people remain missing.", "2021-06-30") == \
        [("missing", 1600, "2021-06-30")]
    # hard case: a dated figure keeps its own date
    assert figures("In 2019, 1,600 people remained missing.", "2021-06-30") == \
        [("missing", 1600, "2019")]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31)),
       st.integers(0, 6))
def test_a_weekday_is_within_the_week_before_publication(published: date, weekday: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    text = f"It happened on {name}."
    found = find_relative_dates(text, 0, len(text), "en", published.isoformat(), None, [])
    day = date.fromisoformat(found[0].start_iso)
    assert day.weekday() == weekday
    assert timedelta(0) <= published - day < timedelta(days=7)

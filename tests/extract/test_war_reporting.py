"""Shapes of war reporting beyond the wars the rules were written on (#9): infobox lines giving a
party and its losses, sides named between a figure and its noun, the people a noun counts, a
full date before a count."""

from __future__ import annotations

import pytest

from corroborate.extract import extract_claims
from corroborate.model import Claim, Document, Source
from corroborate.text import segment


def claims(text: str, conflict: str | None = None) -> list[Claim]:
    document = Document(Source("report", "report"), "report.txt", text, "hash", "text/plain",
                        len(text), conflict=conflict)
    return extract_claims(segment(document))


def figures(text: str, conflict: str | None = None) -> list[tuple[object, ...]]:
    """(measure, low, high, side, group, place) of every quantity claim."""
    return [(c.measure, c.value.low, c.value.high, c.side, c.group, c.place)
            for c in claims(text, conflict) if c.kind == "quantity" and c.value]


def test_an_infobox_line_too_long_for_a_heading_gives_its_party_and_losses() -> None:
    text = ("Casualties and losses\n"
            "Ethiopia: 2,310 killed (1,900 soldiers and 410 police); 4,100 wounded\n"
            "Civilians: 600–750 killed by air strikes\n")
    assert figures(text) == [
        ("killed", 2310, 2310, "Ethiopia", None, None),
        ("killed", 1900, 1900, "Ethiopia", "soldiers", None),
        ("killed", 410, 410, "Ethiopia", "soldiers", None),
        ("wounded", 4100, 4100, "Ethiopia", None, None),
        # a label naming its people and no side takes no side from the line before
        ("killed", 600, 750, None, "civilians", None),
    ]


def test_a_label_naming_people_and_a_measure_gives_the_group() -> None:
    text = "Russian dead: 40\nVillagers killed: 12\n"
    assert figures(text) == [("killed", 40, 40, "Russia", None, None),
                             ("killed", 12, 12, None, "civilians", None)]


def test_a_sentence_with_a_colon_is_no_label_line() -> None:
    # the words before the colon are a clause, not a label: the side is read as in prose
    assert figures("The army spokesman told reporters on the record: 40 soldiers were killed.") \
        == [("killed", 40, 40, None, "soldiers", None)]


@pytest.mark.parametrize(
    ("sentence", "conflict", "expected"),
    [
        # an actor's own name between the figure and its noun is the figure's side
        ("Ukrainian air defences said they shot down 61 NATO aircraft over the sea.", None,
         [("equipment", 61, 61, "NATO", None, None)]),
        ("On 15 January 1999, 45 Kosovo Albanians were killed in the village of Račak.",
         "Kosovo War (1998–1999)", [("killed", 45, 45, "Kosovo Albanians", None, "Racak")]),
    ],
)
def test_a_side_named_after_the_figure(sentence: str, conflict: str | None,
                                       expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence, conflict) == expected


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("At least 20 passengers died when the train was hit near Kramatorsk.", "civilians"),
        ("The strike on the broadcaster killed 16 employees.", "civilians"),
        ("Three journalists died in the shelling of Aleppo.", "civilians"),
        ("Government troops said 40 rebels were killed in combat.", "soldiers"),
        ("Some 300 sailors died when the cruiser sank.", "soldiers"),
    ],
)
def test_the_people_a_noun_counts(sentence: str, group: str) -> None:
    assert [g for (_m, _lo, _hi, _s, g, _p) in figures(sentence)] == [group]


def test_a_full_date_before_a_count_is_a_date_not_a_figure() -> None:
    # "7 May 2022 killed": the year closes the date; a bare year before a noun stays a count
    found = claims("Cluster bombs dropped on the market of Kharkiv on 7 May 2022 killed 14 "
                   "civilians.")
    assert [(c.measure, c.value.low if c.value else None, c.place,
             c.time.start if c.time else None) for c in found if c.kind == "quantity"] == \
        [("killed", 14, "Kharkiv", "2022-05-07")]
    assert figures("The fighting left 1999 killed and 300 wounded.") == [
        ("killed", 1999, 1999, None, None, None), ("wounded", 300, 300, None, None, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the dead of an attack at a town were counted there, across the clause break
        ("On 14 March 2023, Russian aircraft attacked a convoy near Kupiansk; 23 civilians were "
         "killed and 40 wounded.",
         [("killed", 23, 23, None, "civilians", "Kupyansk"),
          ("wounded", 40, 40, None, "civilians", "Kupyansk")]),
        # the place of a passive event's subject: "a market in Kharkiv was shelled"
        ("A market in Kharkiv was shelled on 2 March 2022, and at least 9 shoppers died.",
         [("killed", 9, 9, None, "civilians", "Kharkiv")]),
        ("A passenger train was hit on a bridge outside Kramatorsk on 8 April 2022, and at "
         "least 50 passengers died.", [("killed", 50, 50, None, "civilians", "Kramatorsk")]),
    ],
)
def test_people_counted_at_the_place_of_the_event_told(sentence: str,
                                                         expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence) == expected


def test_a_region_an_event_crossed_is_not_the_figures_place() -> None:
    assert figures("On 5 April 2016, clashes broke out along the Nagorno-Karabakh front; 88 "
                   "soldiers died.") == [("killed", 88, 88, None, "soldiers", None)]


def test_a_converted_area_keeps_the_digits_written() -> None:
    found = [(c.measure, c.value.low) for c in claims("The island covers about 4,700 square "
                                                       "miles.") if c.value]
    assert found == [("area", 12200)]


def events(text: str) -> list[tuple[object, ...]]:
    return [(c.event_type, c.date, c.place) for c in claims(text) if c.kind == "event"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a place right before the trigger names the event, even at the sentence's start and
        # with a capitalised head ("the Minsk Protocol")
        ("The Minsk Protocol of 5 September 2014 set out a truce in the Donbas.",
         [("agreement", "2014-09-05", "Minsk"), ("ceasefire", "2014-09-05", "Donbas")]),
        ("The Pretoria agreement of 2 November 2022 ended the war in Tigray.",
         [("agreement", "2022-11-02", "Pretoria")]),
        # a country right before the trigger is who acted, not where
        ("On 19 September 2023, Azerbaijan launched an offensive in Nagorno-Karabakh.",
         [("offensive", "2023-09-19", "Nagorno-Karabakh")]),
    ],
)
def test_the_place_an_event_is_named_after(sentence: str,
                                           expected: list[tuple[object, ...]]) -> None:
    assert events(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an attack on a target is a clash; launching an attack or an offensive is an offensive
        ("On 3 June 2022, Russian aircraft attacked a convoy near Izium.",
         [("clash", "2022-06-03", "Izyum")]),
        ("Fighting spread through the Afar region in the summer of 2021.",
         [("clash", "2021-06", None)]),
        # a ship named like a town is no place: only a noun trigger is named by the town before it
        ("The cruiser Moskva was sunk on 14 April 2022.", [("clash", "2022-04-14", None)]),
        # the place after "near" only locates the one before it
        ("At Irpin, near Kyiv, a school was shelled on 3 March 2022.",
         [("clash", "2022-03-03", "Irpin")]),
    ],
)
def test_events_of_attacks_and_fighting(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert events(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Britain keeps a garrison of around 1,200 troops there.",
         [("strength", 1200, 1200, "United Kingdom", "soldiers", None)]),
        ("More than 2,000 people fled Bakhmut in May 2023.",
         [("displaced", 2000, 2000, None, None, "Bakhmut")]),
        ("Kyiv says one Russian pilot is a prisoner.",
         [("captured", 1, 1, "Russia", "soldiers", None)]),
        ("Today more than 300,000 people live in the city of Mekelle.",
         [("population", 300000, 300000, None, None, "Mek'ele")]),
    ],
)
def test_strength_flight_prisoners_and_population(sentence: str,
                                                  expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 2023 study estimated 10,000 deaths in Tigray (range 6,000–14,000).",
         [("killed", 10000, 10000, None, None, "Tigray"),
          ("killed", 6000, 14000, None, None, "Tigray")]),
        ("The survey found 298,000 excess deaths (95% CI 217,000–391,000) in Darfur.",
         [("killed", 298000, 298000, None, None, "Darfur"),
          ("killed", 217000, 391000, None, None, "Darfur")]),
    ],
)
def test_a_range_in_parentheses_bounds_the_figure_before(
        sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "left" counts people displaced only before a name; "left N dead" stays a toll
        ("After the ceasefire, over 100,000 Armenians left Nagorno-Karabakh.",
         [("displaced", 100000, 100000, "Armenia", None, "Nagorno-Karabakh")]),
        ("The fighting left 2,906 soldiers dead.", [("killed", 2906, 2906, None, "soldiers", None)]),
        ("Fighting spread through the Afar region, and 20,000 people fled through Mekelle.",
         [("displaced", 20000, 20000, None, None, "Mek'ele")]),
    ],
)
def test_people_who_left_a_place(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence) == expected


def test_members_of_a_force_are_counted() -> None:
    text = ("The ministry said that 640 members of the 3rd Brigade had suffered injuries. Of "
            "these, 15 soldiers were listed as very seriously ill.")
    assert figures(text) == [("wounded", 640, 640, None, None, None),
                             ("wounded", 15, 15, None, "soldiers", None)]


def test_a_month_alone_after_in_is_a_date_of_the_years_text() -> None:
    text = ("The siege began in 2022. The worst loss came in May, when the cruiser Moskva was "
            "torpedoed.")
    assert ("clash", "2022-05", None) in events(text)
    # beside a full date, a bare month does not replace it
    assert events("On 12 June 2024, the peacekeepers completed their withdrawal, which had "
                  "started in April.") == [("withdrawal", "2024-06-12", None)]


FALKLANDS = "Falklands War (1982)"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what a conflict's sources call a side or a place (conflicts.toml sides.names,
        # sides.people_names, place_words), only in that conflict's documents
        ("By June the task force had lost 255 men.",
         [("killed", 255, 255, "United Kingdom", None, None)]),
        ("In 1982 about 1,800 people lived on the islands.",
         [("population", 1800, 1800, None, None, "Falkland Islands")]),
        ("Two islanders were wounded by shellfire.",
         [("wounded", 2, 2, "Falkland Islands", None, None)]),
    ],
)
def test_a_conflicts_own_words_for_its_sides_and_places(
        sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence, FALKLANDS) == expected
    # elsewhere a task force and islands are no one's and nowhere
    assert figures(sentence)[0][3] is None and figures(sentence)[0][5] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "her" points back to the ship's side word when no name precedes
        ("The Russian cruiser Moskva sank on 14 April 2022, and some 40 of her sailors died.",
         [("killed", 40, 40, "Russia", "soldiers", None)]),
        ("The frigate was torpedoed and sunk with 321 men.",
         [("killed", 321, 321, None, None, None)]),
        # a figure that counts nothing does not cut the subject off from the next one
        ("Ukraine sent a flotilla of more than 100 boats east, with some 3,000 soldiers deployed "
         "on board.",
         [("strength", 3000, 3000, "Ukraine", "soldiers", None)]),
    ],
)
def test_whose_people_were_lost_at_sea_or_carried(sentence: str,
                                                 expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date right after another event's trigger is that event's
        ("After the Minsk agreement of 5 September 2014 and the entry of monitors on 12 "
         "September, the shelling eased.",
         [("agreement", "2014-09-05", "Minsk"), ("deployment", "2014-09-12", None)]),
        # an event told in a later clause takes the date and place of the clause before
        ("In 2016, white flags were raised over Mekelle on 14 June, and the garrison agreed to "
         "surrender.", [("ceasefire", "2016-06-14", "Mek'ele")]),
        ("In 2023, the worst loss came in May, when the frigate was torpedoed.",
         [("clash", "2023-05", None)]),
    ],
)
def test_which_date_and_place_an_event_takes(text: str,
                                             expected: list[tuple[object, ...]]) -> None:
    assert events(text) == expected


def test_a_countrys_possessive_names_its_side_alone() -> None:
    assert figures("In 2022 Russia's worst loss at sea came when the cruiser sank with 40 men.") \
        == [("killed", 40, 40, "Russia", None, None)]


def test_people_counted_near_one_of_two_events_take_its_town() -> None:
    text = ("In 2022 about 1,400 soldiers were captured on 20 May when Russian troops took "
            "Mariupol, and the rest in the fall of Sievierodonetsk on 25 June.")
    assert [(m, lo, p) for (m, lo, _hi, _s, _g, p) in figures(text)] == \
        [("captured", 1400, "Mariupol")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the side and group of who did the killing are not those of the dead
        ("The junta's soldiers burned the village on 2 March 2022, killing 13 people.",
         [("killed", 13, 13, None, None, None)]),
        ("Turkish drones struck a convoy near the border, killing five fighters.",
         [("killed", 5, 5, None, "soldiers", None)]),
        # a side that suffered it keeps its figure, passive or with "lost"
        ("Armenia lost 3,825 troops.", [("killed", 3825, 3825, "Armenia", "soldiers", None)]),
        ("By the end of the year the number of Azerbaijanis killed rose to 39.",
         [("killed", 39, 39, "Azerbaijan", None, None)]),
    ],
)
def test_who_killed_is_not_who_died(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence) == expected


def test_a_declared_ceasefire_is_one_event() -> None:
    assert events("Ethiopia's government declared a unilateral ceasefire on 28 June 2021.") == \
        [("ceasefire", "2021-06-28", None)]


def test_an_infobox_label_naming_an_unknown_party_is_its_side() -> None:
    text = ("Casualties and losses\n"
            "Rapid Support Forces: 8,000–10,000 killed\n"
            "Total: 16,000 killed\n"
            "Civilians: 15,000+ killed; 8.2 million displaced\n")
    assert figures(text) == [
        ("killed", 8000, 10000, "Rapid Support Forces", None, None),
        # one capitalised word is no party's name
        ("killed", 16000, 16000, None, None, None),
        ("killed", 15000, 15000, None, "civilians", None),
        # a decimal times a scale word is the round number written
        ("displaced", 8200000, 8200000, None, "civilians", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        # "since" a date opens the span a running count is over; its end is left open
        ("Over 2,000 Palestinians have been killed since 7 October 2023.", ("2023-10-07", None)),
        ("About 260 veterans of the war had killed themselves since 1982.", ("1982", None)),
        # a date of the clause itself comes first
        ("In 2016, 90 soldiers died, the most since 1994.", ("2016", "2016")),
    ],
)
def test_a_count_since_a_date_is_from_then_on(sentence: str,
                                              time: tuple[str, str | None]) -> None:
    [claim] = [c for c in claims(sentence) if c.kind == "quantity"]
    assert claim.time is not None and (claim.time.start, claim.time.end) == time


def test_a_verb_of_an_opening_clause_is_not_the_counts() -> None:
    assert figures("After the ceasefire force arrived, over 100,000 Armenians and 5,000 "
                   "Russians left Nagorno-Karabakh.") == [
        ("displaced", 100000, 100000, "Armenia", None, "Nagorno-Karabakh"),
        ("displaced", 5000, 5000, "Russia", None, "Nagorno-Karabakh")]

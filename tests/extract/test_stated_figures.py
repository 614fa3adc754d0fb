"""How reporting states figures, generally (#9 item 7): a toll put at or risen to N, counting
verbs, figures in parentheses after a place, and tables of one cell per line whose header names
the measure and whose row keys name the group."""

from __future__ import annotations

import pytest

from tests.extract.helpers import claims_of, quantities


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hospital officials put the toll at 48.", ("killed", 48, 48, "exact")),
    ("The number of refugees was estimated at 200,000.", ("displaced", 200000, 200000, "about")),
    ("Local doctors said the toll was estimated at 400.", ("killed", 400, 400, "about")),
    ("The army placed its losses at 37 soldiers.", ("killed", 37, 37, "exact")),
    ("By Friday the toll had risen to 112.", ("killed", 112, 112, "exact")),
    ("The number of wounded rose to 340.", ("wounded", 340, 340, "exact")),
    ("Engineers buried 61 enemy soldiers near the airstrip.", ("killed", 61, 61, "exact")),
    ("The mission documented 310 killings in the valley.", ("killed", 310, 310, "exact")),
    ("Monitors counted 1,200 recorded deaths.", ("killed", 1200, 1200, "exact")),
    ("The agency registered 5,000 refugees in the camp.", ("displaced", 5000, 5000, "exact")),
])
def test_a_toll_put_at_or_counted(sentence: str, expected: tuple[object, ...]) -> None:
    assert [q[:4] for q in quantities(sentence)] == [expected]


@pytest.mark.parametrize("sentence", [
    "The toll could rise by 50 as rescuers search the rubble.",
    "Casualties rose by about 2,000 in a week.",
])
def test_a_rise_by_is_no_count(sentence: str) -> None:
    assert quantities(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("British losses were heavy at Goose Green (17 killed) and at Bluff Cove (48 killed).",
     [("killed", 17, "Goose Green"), ("killed", 48, "Bluff Cove")]),
    ("Thousands fled the towns of Lyon (1,200 displaced) and Lille (700).",
     [("displaced", 1200, "Lyon"), ("displaced", 700, "Lille")]),
])
def test_a_figure_in_parentheses_after_a_place(sentence: str,
                                               expected: list[tuple[object, ...]]) -> None:
    found = [(c.measure, c.value.low, c.place) for c in claims_of(sentence)
             if c.kind == "quantity" and c.value is not None and c.value.low != 2000]
    assert found == expected


def test_a_figure_in_parentheses_after_a_group() -> None:
    found = quantities("The dead included civilians (about 500) and soldiers (120).")
    assert [(q[0], q[1], q[3], q[6]) for q in found] == [("killed", 500, "about", "civilians"),
                                                         ("killed", 120, "exact", "soldiers")]


TABLE = """Losses of the spring offensive

The ministry listed the Russian soldiers and civilians killed and wounded by region.
Region
Dead
Wounded
Servicemen
412
1,030
Civilians
57
96
All
469
1,126
The ministry gave no figure for the missing.
"""


def test_a_table_of_worded_rows_reads_header_measures_and_row_groups() -> None:
    found = [(c.measure, c.value.low, c.side, c.group) for c in claims_of(TABLE)
             if c.kind == "quantity" and c.value is not None]
    assert found == [("killed", 412, "Russia", "soldiers"), ("wounded", 1030, "Russia", "soldiers"),
                     ("killed", 57, "Russia", "civilians"), ("wounded", 96, "Russia", "civilians"),
                     ("killed", 469, "Russia", None), ("wounded", 1126, "Russia", None)]


def test_a_list_of_names_is_still_no_table() -> None:
    text = "Members\nAlice\nBob\nCarol\nDave\nErin\nFrank\n"
    assert [c for c in claims_of(text) if c.kind == "quantity"] == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Some 40 per cent of those killed were civilians.",
     ("killed", 40, 40, "about", "percent", None, "civilians")),
    ("Two-thirds of the victims were women and children.",
     ("killed", 66.67, 66.67, "exact", "percent", None, "civilians")),
    ("Half of the refugees were children, the agency said.",
     ("displaced", 50, 50, "exact", "percent", None, "civilians")),
    ("A quarter of the dead were soldiers.",
     ("killed", 25, 25, "exact", "percent", None, "soldiers")),
])
def test_a_share_of_those_a_measure_counts(sentence: str, expected: tuple[object, ...]) -> None:
    # a share of people is the measure's figure in percent, as "turnout" and vote shares are
    assert quantities(sentence) == [expected]


def test_a_share_of_them_is_a_share_of_the_count_before() -> None:
    found = quantities("In 1993 about 40,000 people were killed in the war, and 60% of them "
                       "were civilians.")
    assert [(q[0], q[1], q[4], q[6]) for q in found] == [("killed", 40000, "people", None),
                                                         ("killed", 60, "percent", "civilians")]


@pytest.mark.parametrize("sentence", [
    "Half of the town was destroyed.",
    "A third of the budget went on fuel.",
])
def test_a_fraction_of_no_count_is_no_claim(sentence: str) -> None:
    assert quantities(sentence) == []


def test_a_share_of_territory_stays_a_territorial_share() -> None:
    found = quantities("Rebel forces held 20% of the country's territory.")
    assert [(q[0], q[1], q[4]) for q in found] == [("territory_share", 20, "percent")]


def test_each_label_line_names_its_own_side() -> None:
    text = "Quick facts\nRussian dead: 1,200\nUkrainian dead: 900\nCivilians killed: 40\n"
    found = [(c.value.low, c.side) for c in claims_of(text)
             if c.kind == "quantity" and c.value is not None]
    assert found[:2] == [(1200, "Russia"), (900, "Ukraine")]

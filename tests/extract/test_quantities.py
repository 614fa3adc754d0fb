"""Hard cases of quantity extraction, one realistic sentence a row."""

from __future__ import annotations

import pytest

from tests.extract.helpers import claims_of, quantities

P, S, C = "people", "soldiers", "civilians"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ranges: hyphen, en dash, "to", "and"
        ("Observers put the toll at 28,000–38,000 people killed in the war.",
         [("killed", 28000, 38000, "range", P, None, None)]),
        ("Officials later said 31-92 Azerbaijani soldiers died in the fighting.",
         [("killed", 31, 92, "range", P, "Azerbaijan", S)]),
        ("The ministry confirmed that 5–7 soldiers were killed near the line.",
         [("killed", 5, 7, "range", P, None, S)]),
        ("Officials reported 108 to 112 soldiers killed over four days.",
         [("killed", 108, 112, "range", P, None, S)]),
        ("The army captured between 50 and 215 square kilometers of Armenian territory.",
         [("area", 50, 215, "range", "km2", None, None)]),
        # bounds
        ("At least 185 civilians were killed by shelling.",
         [("killed", 185, 185, "at_least", P, None, C)]),
        ("More than 90 civilians died in the border villages.",
         [("killed", 90, 90, "at_least", P, None, C)]),
        ("As many as 3,000 people had been killed by 2009.",
         [("killed", 3000, 3000, "at_most", P, None, None)]),
        ("Up to 40 soldiers were reported missing after the assault.",
         [("missing", 40, 40, "at_most", P, None, S)]),
        ("Approximately 2,000 Russian peacekeepers were deployed along the corridor.",
         [("strength", 2000, 2000, "about", P, "Russia", S)]),
        ("Around 200,000 refugees crossed the border that winter.",
         [("displaced", 200000, 200000, "about", P, None, None)]),
        ("Some 85 Cossack volunteers fought on the Armenian side.",
         [("strength", 85, 85, "about", P, "Armenia", S)]),
        ("An estimated 600 Armenian soldiers were wounded.",
         [("wounded", 600, 600, "about", P, "Armenia", S)]),
        ("No less than 12 hostages were held in the town.",
         [("captured", 12, 12, "at_least", P, None, None)]),
        # number words and vague amounts
        ("Three Azerbaijani soldiers were killed on the border.",
         [("killed", 3, 3, "exact", P, "Azerbaijan", S)]),
        ("Twelve Azerbaijani civilians lost their lives to landmines.",
         [("killed", 12, 12, "exact", P, "Azerbaijan", C)]),
        ("Tens of thousands of people fled their homes.",
         [("displaced", 20000, 90000, "about", P, None, None)]),
        ("Hundreds of civilians were wounded in the shelling.",
         [("wounded", 200, 900, "about", P, None, C)]),
        ("Dozens of soldiers were reported missing.",
         [("missing", 24, 108, "about", P, None, S)]),
        ("A dozen Armenian servicemen were captured.",
         [("captured", 12, 12, "exact", P, "Armenia", S)]),
        ("Almost two hundred civilians were killed in the six weeks of war.",
         [("killed", 200, 200, "at_most", P, None, C)]),
        # scales and units
        # money: the side is the actor the sentence makes its subject (who spends or receives)
        ("Russia sold weapons worth $3 billion to the government in Baku.",
         [("money", 3e9, 3e9, "exact", "usd", "Russia", None)]),
        ("The deal was worth USD $3 billion.",
         [("money", 3e9, 3e9, "exact", "usd", None, None)]),
        ("Washington gave $8.5 million in humanitarian aid.",
         [("money", 8.5e6, 8.5e6, "exact", "usd", "United States", None)]),
        ("250 thousand Azerbaijanis were deported from Armenia.",
         [("displaced", 250000, 250000, "exact", P, "Azerbaijan", None)]),
        ("The region has a territory of 4400 km2.",
         [("area", 4400, 4400, "exact", "km2", None, None)]),
        ("Shusha district covers 289 km2 of land.",
         [("area", 289, 289, "exact", "km2", None, None)]),
        ("The enclave covers 41 square kilometres (16 sq mi) along the river.",
         [("area", 41, 41, "exact", "km2", None, None)]),
        ("Troops still held 20% of the territory of Azerbaijan.",
         [("territory_share", 20, 20, "exact", "percent", None, None)]),
        ("The referendum had a turnout of 82.1% of registered voters.",
         [("turnout", 82.1, 82.1, "exact", "percent", None, None)]),
        # two sides in one sentence
        ("The clashes left 88 Armenian and 31–92 Azerbaijani soldiers dead.",
         [("killed", 88, 88, "exact", P, "Armenia", S),
          ("killed", 31, 92, "range", P, "Azerbaijan", S)]),
        ("Seventeen Armenian and ten Azerbaijani soldiers were killed in shoot-outs.",
         [("killed", 17, 17, "exact", P, "Armenia", S),
          ("killed", 10, 10, "exact", P, "Azerbaijan", S)]),
        # votes
        ("The Assembly adopted it by a recorded vote of 39 in favour to 7 against.",
         [("votes", 39, 39, "exact", "votes", None, "for"),
          ("votes", 7, 7, "exact", "votes", None, "against")]),
        ("It passed by a vote of 39 in favor to 7 against.",
         [("votes", 39, 39, "exact", "votes", None, "for"),
          ("votes", 7, 7, "exact", "votes", None, "against")]),
        # karabakh armenian forces and the side words of the gazetteer
        ("Karabakh Armenian forces lost 14 soldiers in the attack.",
         [("killed", 14, 14, "exact", P, "Artsakh", S)]),
        ("Azeri sources said 40 soldiers were wounded.",
         [("wounded", 40, 40, "exact", P, "Azerbaijan", S)]),
    ],
)
def test_quantity(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert quantities(sentence) == [tuple(float(x) if isinstance(x, int) else x for x in row)
                                    for row in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ruling is reported in the journal, pp. 99–105, and cited as [11].",
        "See ISBN 978-3-658-26445-1 for the full study.",
        "The court decided App no 13216/05 in 2015.",
        "The principle is set out in §§312-315 of the judgment.",
        "The General Assembly passed Resolution 62/243 in 2008.",
        "The war began in 1988.",
        "A 13-year-old boy was among the refugees.",
        "The report runs to 120 pages.",
    ],
)
def test_not_a_claim(sentence: str) -> None:
    assert quantities(sentence) == []


def test_evidence_is_the_words_in_the_text() -> None:
    text = "Casualties\nIn 2015, 42 Armenian soldiers were killed. In addition, at least 64 " \
           "Azerbaijani soldiers also died.\n"
    claims = claims_of(text)
    assert [(c.value.low, c.side, c.time.start) for c in claims if c.value and c.time] == [
        (42.0, "Armenia", "2015"), (64.0, "Azerbaijan", "2015")]
    for claim in claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert claim.figure is not None
        assert text[claim.figure.start:claim.figure.end] == claim.figure.text


def test_section_heading_gives_the_time() -> None:
    text = "Fatalities\n1994–2019\nAzerbaijan stated 398 of its soldiers were killed.\n" \
           "2021–2024\nTwelve Azerbaijani civilians and two soldiers were killed by mines.\n"
    got = [(c.value.low, c.side, c.group, c.time.start, c.time.end)
           for c in claims_of(text) if c.value and c.time]
    assert got == [(398.0, "Azerbaijan", "soldiers", "1994", "2019"),
                   (12.0, "Azerbaijan", "civilians", "2021", "2024"),
                   (2.0, "Azerbaijan", "soldiers", "2021", "2024")]


def test_casualties_count_as_killed() -> None:
    assert quantities("The army reported 2,906 casualties during the war.") == [
        ("killed", 2906.0, 2906.0, "exact", "people", None, None)]

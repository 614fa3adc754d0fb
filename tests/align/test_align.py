"""Facts and disputes from realistic text: real disagreements found, near misses never paired."""

from __future__ import annotations

from corroborate.align import Fact, align, allowed_interval, framing, name_variants, relation
from corroborate.model import Claim
from tests.extract.helpers import claims_of


def facts_of(*documents: tuple[str, str]) -> list[Fact]:
    claims: list[Claim] = []
    for slug, text in documents:
        claims.extend(claims_of(text, slug))
    return align(claims)


def disputes(*documents: tuple[str, str]) -> list[list[tuple[str, float]]]:
    return [[(c.source, c.value.low if c.value else 0.0) for c in f.claims]
            for f in facts_of(*documents) if f.verdict == "disagree"]


def test_two_sources_disagree_on_the_same_toll() -> None:
    found = disputes(("gov", "In 2016, 31 Azerbaijani soldiers were killed on the front.\n"),
                     ("ngo", "In 2016, 92 Azerbaijani soldiers were killed on the front.\n"))
    assert found == [[("gov", 31.0), ("ngo", 92.0)]]


def test_one_source_disagreeing_with_itself_is_a_dispute() -> None:
    text = ("Clashes\nIn 2016, 88 Armenian soldiers were killed in the fighting.\n"
            "Aftermath\nIn 2016, 91 Armenian soldiers were killed in the fighting.\n")
    assert disputes(("wiki", text)) == [[("wiki", 88.0), ("wiki", 91.0)]]


def test_about_and_rounding_are_not_disagreement() -> None:
    assert disputes(("a", "In 1994, about 2,000 refugees reached Goris.\n"),
                    ("b", "In 1994, 2,150 refugees reached Goris.\n")) == []
    assert disputes(("a", "In 2009, 3,000 soldiers were killed.\n"),
                    ("b", "In 2009, 3,200 soldiers were killed.\n")) == []
    [fact] = [f for f in facts_of(("a", "In 2009, 3,000 soldiers were killed.\n"),
                                  ("b", "In 2009, 3,200 soldiers were killed.\n"))]
    assert fact.verdict == "agree" and fact.interval == {"low": 3150.0, "high": 3250.0}


def test_at_least_agrees_with_any_larger_figure() -> None:
    assert disputes(("a", "In 2020, at least 185 civilians were killed.\n"),
                    ("b", "In 2020, 200 civilians were killed.\n")) == []


def test_near_miss_sides_in_one_sentence() -> None:
    text = "In 2016, 88 Armenian and 94 Azerbaijani soldiers were killed.\n"
    assert disputes(("wiki", text), ("other", text.replace("88", "88"))) == []


def test_near_miss_years() -> None:
    assert disputes(("a", "In 2016, 88 Armenian soldiers were killed.\n"),
                    ("b", "In 2020, 3,825 Armenian soldiers were killed.\n")) == []


def test_near_miss_soldiers_and_civilians() -> None:
    assert disputes(("a", "In 2020, 2,906 Azerbaijani soldiers were killed.\n"),
                    ("b", "In 2020, 100 Azerbaijani civilians were killed.\n")) == []


def test_near_miss_district_and_whole_region() -> None:
    assert disputes(("a", "The occupied area of Kalbajar covers 3054 km2.\n"),
                    ("b", "The area of Nagorno-Karabakh covers 4400 km2.\n")) == []


def test_district_areas_disagree() -> None:
    found = disputes(("gov", "The area of Kalbajar covers 3054 km2.\n"),
                     ("wiki", "The area of Kelbajar covers 1936 km2.\n"))
    assert found == [[("gov", 3054.0), ("wiki", 1936.0)]]


def test_event_dates_disagree_and_distant_events_stay_apart() -> None:
    facts = facts_of(("a", "Armenian forces captured Shushi on 8 May 1992.\n"),
                     ("b", "Armenian forces captured Shusha on 9 May 1992.\n"),
                     ("c", "Azerbaijani forces captured Shusha on 8 November 2020.\n"))
    shusha = sorted((f for f in facts if f.kind == "event" and f.key["place"] == "Shusha"),
                    key=lambda f: min(c.date or "" for c in f.claims))
    assert [(f.verdict, [c.date for c in f.claims]) for f in shusha] == [
        ("disagree", ["1992-05-08", "1992-05-09"]), ("single_source", ["2020-11-08"])]


def test_relation_wider_narrower_different() -> None:
    [whole] = claims_of("In 2020, 3,825 soldiers were killed.\n")
    [part] = claims_of("In 2020, 2,906 Azerbaijani soldiers were killed.\n")
    [other] = claims_of("In 2020, 100 Azerbaijani civilians were killed.\n")
    assert relation(whole, part) == "wider"
    assert relation(part, whole) == "narrower"
    assert relation(part, other) == "different"
    assert relation(part, part) == "same"


def test_allowed_interval_by_bound() -> None:
    [exact] = claims_of("In 2020, 11,557 soldiers were killed.\n")
    [about] = claims_of("In 2020, about 2,000 soldiers were killed.\n")
    assert allowed_interval(exact) == (11556.5, 11557.5)
    low, high = allowed_interval(about)
    assert (round(low), round(high)) == (1350, 2750)


def test_name_variants_and_framing() -> None:
    names = name_variants([("gov", "place", "Stepanakert", "Khankandi"),
                           ("wiki", "place", "Stepanakert", "Stepanakert"),
                           ("wiki", "place", "Stepanakert", "Stepanakert")])
    [fact] = names
    assert fact.verdict == "disagree"
    assert fact.record()["variants"] == {"gov": {"Khankandi": 1}, "wiki": {"Stepanakert": 2}}
    claims = claims_of("Armenian forces occupied Lachin on 18 May 1992.\n", "gov") + \
        claims_of("Armenian forces captured Lachin on 18 May 1992.\n", "wiki")
    assert framing(claims) == {"capture": {"gov": {"occupied": 1}, "wiki": {"captured": 1}}}

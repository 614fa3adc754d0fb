"""A figure for a wider fact smaller than one for a fact inside it is a dispute; states are
compared across near dates and with undated figures."""

from __future__ import annotations

from corroborate.align import Fact, align, relation
from corroborate.model import Claim, Evidence, TimeSpan, Value
from corroborate.settings import load_settings
from tests.extract.helpers import claims_of

NESTED = load_settings().nested_measures
STATES = load_settings().state_measures
CHECK = "narrower_exceeds_wider"


def claim(source: str, text: str, figure: str, value: float, *, measure: str = "killed",
          bound: str = "exact", unit: str = "people", side: str | None = None,
          group: str | None = None, place: str | None = None,
          time: tuple[str | None, str | None] | None = None, clause: int = 0,
          start: int = 0) -> Claim:
    """A quantity claim as the extractor would give it: ``figure`` is the words of ``text`` that
    state the value, ``start`` where ``text`` lies in its document."""
    at = text.index(figure)
    return Claim(id=f"{source}-{start}-{clause}-{at}", source=source, document=f"{source}.txt",
                 kind="quantity", evidence=Evidence(start, start + len(text), text),
                 extractor="test", measure=measure, value=Value(value, value, bound), unit=unit,
                 side=side, group=group, place=place,
                 time=None if time is None else TimeSpan(*time),
                 figure=Evidence(start + at, start + at + len(figure), figure), clause=clause)


def checks(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.key.get("check") == CHECK]


def nested(*claims: Claim, within: dict[str, str] | None = None) -> list[Fact]:
    """The narrower_exceeds_wider facts among the claims, with the default settings."""
    return checks(align(claims, nested_measures=NESTED, state_measures=STATES, within=within))


def values(fact: Fact) -> list[float]:
    return [c.value.low for c in fact.claims if c.value is not None]


# --- a wider fact with a smaller figure --------------------------------------------------------

BORDER = ("Between 2021 and 2022, 44 people were killed in clashes on the border, while at least "
          "49 Armenian soldiers died when fighting erupted on 13 September 2022.")


def test_all_deaths_of_two_years_fewer_than_one_sides_soldiers_in_one_episode() -> None:
    wide = claim("wiki", BORDER, "44", 44, time=("2021", "2022"), clause=0)
    narrow = claim("wiki", BORDER, "49", 49, bound="at_least", side="Armenia", group="soldiers",
                   time=("2022-09-13", "2022-09-13"), clause=1)
    [fact] = nested(wide, narrow)
    assert fact.verdict == "disagree"
    assert fact.kind == "quantity"
    assert fact.claims == (wide, narrow)
    assert fact.key == {"conflict": None, "measure": "killed", "unit": "people", "side": None,
                        "group": None, "place": None, "time": {"start": "2021", "end": "2022"},
                        "check": CHECK}
    assert fact.interval == {"low": None, "high": None}


def test_the_check_is_off_without_nested_measures() -> None:
    wide = claim("wiki", BORDER, "44", 44, time=("2021", "2022"), clause=0)
    narrow = claim("wiki", BORDER, "49", 49, bound="at_least", side="Armenia", group="soldiers",
                   time=("2022-09-13", "2022-09-13"), clause=1)
    assert checks(align([wide, narrow])) == []


def test_all_missing_citizens_fewer_than_missing_soldiers() -> None:
    wide = claim("gov", "The State Commission registered 4049 missing citizens of Azerbaijan.",
                 "4049", 4049, measure="missing", side="Azerbaijan")
    narrow = claim("wiki", "From 1988 to 1994, 4,210 Azerbaijani soldiers went missing.",
                   "4,210", 4210, measure="missing", side="Azerbaijan", group="soldiers",
                   time=("1988", "1994"), start=120)
    [fact] = nested(wide, narrow)
    assert fact.verdict == "disagree"
    assert fact.claims == (wide, narrow)
    assert (fact.key["measure"], fact.key["side"], fact.key["group"], fact.key["time"]) == (
        "missing", "Azerbaijan", None, None)
    assert values(fact) == [4049.0, 4210.0]


def test_a_larger_wider_figure_is_no_dispute() -> None:
    wide = claim("gov", "The State Commission registered 4,949 missing citizens of Azerbaijan.",
                 "4,949", 4949, measure="missing", side="Azerbaijan")
    narrow = claim("wiki", "From 1988 to 1994, 4,210 Azerbaijani soldiers went missing.",
                   "4,210", 4210, measure="missing", side="Azerbaijan", group="soldiers",
                   time=("1988", "1994"))
    assert nested(wide, narrow) == []


def test_a_longer_period_with_fewer_deaths() -> None:
    # 1994 to September 2020 contains 1994-2016: the longer period cannot have fewer dead
    wide = claim("gov", "Azerbaijan stated 398 of its soldiers were killed from 1994 until "
                 "September 2020.", "398", 398, side="Azerbaijan", group="soldiers",
                 time=("1994", "2020-09"))
    narrow = claim("wiki", "Between 1994 and 2016, 1,008 Azerbaijani soldiers were killed.",
                   "1,008", 1008, side="Azerbaijan", group="soldiers", time=("1994", "2016"))
    [fact] = nested(wide, narrow)
    assert fact.verdict == "disagree"
    assert fact.claims == (wide, narrow)
    assert fact.key["time"] == {"start": "1994", "end": "2020-09"}


def test_a_place_within_another_via_the_gazetteer() -> None:
    wide = claim("ngo", "In 1992, 10 people were killed in Nagorno-Karabakh.", "10", 10,
                 place="Nagorno-Karabakh", time=("1992", "1992"))
    narrow = claim("wiki", "In 1992, 25 people were killed in Shusha.", "25", 25,
                   place="Shusha", time=("1992", "1992"))
    [fact] = nested(wide, narrow, within={"Shusha": "Nagorno-Karabakh"})
    assert fact.verdict == "disagree"
    assert fact.claims == (wide, narrow)
    assert fact.key["place"] == "Nagorno-Karabakh"
    # without the gazetteer the two places are merely different
    assert nested(wide, narrow) == []


def test_a_place_within_a_place_within_another() -> None:
    wide = claim("ngo", "In 1992, 10 people were killed in Azerbaijan.", "10", 10,
                 place="Azerbaijan", time=("1992", "1992"))
    narrow = claim("wiki", "In 1992, 25 people were killed in Shusha.", "25", 25,
                   place="Shusha", time=("1992", "1992"))
    within = {"Shusha": "Nagorno-Karabakh", "Nagorno-Karabakh": "Azerbaijan"}
    [fact] = nested(wide, narrow, within=within)
    assert fact.claims == (wide, narrow)


# --- near misses: no narrower_exceeds_wider fact ----------------------------------------------

def test_near_miss_a_single_year_does_not_bound_a_dated_episode() -> None:
    # "six civilians were killed in 2020" may count one incident of the year, not all of it
    wide = claim("a", "In 2020, six civilians were killed by shelling.", "six", 6,
                 group="civilians", time=("2020", "2020"))
    narrow = claim("b", "On 27 September 2020, 100 civilians were killed.", "100", 100,
                   group="civilians", time=("2020-09-27", "2020-09-27"))
    assert nested(wide, narrow) == []


def test_near_miss_an_episode_dated_by_its_first_day_may_outrun_the_period() -> None:
    # clashes that erupted on 13 September 2022 may have gone on past the end of September
    text = ("From May 2021 to September 2022, 44 people were killed on the border, while at least "
            "49 Armenian soldiers died when fighting erupted on 13 September 2022.")
    wide = claim("wiki", text, "44", 44, time=("2021-05", "2022-09"), clause=0)
    narrow = claim("wiki", text, "49", 49, bound="at_least", side="Armenia", group="soldiers",
                   time=("2022-09-13", "2022-09-13"), clause=1)
    assert nested(wide, narrow) == []
    # a period reaching to the end of that year bounds it
    wider = claim("wiki", text, "44", 44, time=("2021-05", "2022-12"), clause=0)
    assert len(nested(wider, narrow)) == 1


def test_near_miss_foreign_fighters_are_a_side_of_their_own() -> None:
    # "541 Syrian fighters" are not every side's soldiers: read with a side of their own, they
    # are no wider fact than Azerbaijan's 2,906
    claims = claims_of("In 2020, 541 Syrian fighters were killed in the war.\n", "sohr") + \
        claims_of("In 2020, 2,906 Azerbaijani soldiers were killed.\n", "gov")
    assert [(c.value.low if c.value else None, c.side, c.group) for c in claims] == [
        (541.0, "Syria", "soldiers"), (2906.0, "Azerbaijan", "soldiers")]
    assert nested(*claims) == []


def test_near_miss_money_is_not_nested() -> None:
    wide = claim("a", "Arms worth $1 billion were sold to the region in 2016.", "$1 billion",
                 1e9, measure="money", unit="usd", time=("2016", "2016"))
    narrow = claim("b", "Russia sold weapons worth $3 billion to Azerbaijan in 2016.",
                   "$3 billion", 3e9, measure="money", unit="usd", side="Russia",
                   time=("2016", "2016"))
    assert "money" not in NESTED
    assert nested(wide, narrow) == []
    # the figures alone would make one: only the measure keeps them apart
    assert len(checks(align([wide, narrow], nested_measures=[*NESTED, "money"]))) == 1


def test_near_miss_shares_are_not_nested() -> None:
    # 9% of Azerbaijan and 75% of Nagorno-Karabakh are shares of different wholes
    wide = claim("a", "Armenian forces held approximately 9% of Azerbaijan's territory.", "9%",
                 9, measure="territory_share", unit="percent", bound="about",
                 place="Azerbaijan")
    narrow = claim("b", "Armenian forces controlled 75% of Nagorno-Karabakh.", "75%", 75,
                   measure="territory_share", unit="percent", place="Nagorno-Karabakh")
    within = {"Nagorno-Karabakh": "Azerbaijan"}
    assert "territory_share" not in NESTED
    assert nested(wide, narrow, within=within) == []
    assert len(checks(align([wide, narrow], nested_measures=[*NESTED, "territory_share"],
                            state_measures=STATES, within=within))) == 1


# --- states -----------------------------------------------------------------------------------

def test_states_a_day_apart_are_one_count() -> None:
    about = claim("a", "On 2 October 2020 about 500 Syrian fighters were in the region.", "500",
                  500, measure="strength", bound="about", side="Syria", group="soldiers",
                  place="Nagorno-Karabakh", time=("2020-10-02", "2020-10-02"))
    exact = claim("b", "On 1 October 2020 300 Syrian fighters were in the region.", "300", 300,
                  measure="strength", side="Syria", group="soldiers", place="Nagorno-Karabakh",
                  time=("2020-10-01", "2020-10-01"))
    [fact] = align([about, exact], state_measures=["strength"])
    assert fact.verdict == "disagree"
    assert set(fact.claims) == {about, exact}
    # counts, not states: two days are two facts, neither disputed
    apart = align([about, exact])
    assert len(apart) == 2
    assert [f.verdict for f in apart] == ["single_source", "single_source"]


def test_states_more_than_a_month_apart_stay_apart() -> None:
    early = claim("a", "On 1 October 2020 300 Syrian fighters were in the region.", "300", 300,
                  measure="strength", side="Syria", group="soldiers",
                  time=("2020-10-01", "2020-10-01"))
    late = claim("b", "On 1 December 2020 2,000 Syrian fighters were in the region.", "2,000",
                 2000, measure="strength", side="Syria", group="soldiers",
                 time=("2020-12-01", "2020-12-01"))
    assert len(align([early, late], state_measures=["strength"])) == 2


def test_an_undated_state_is_set_beside_a_dated_one() -> None:
    undated = claim("gov", "20% territory of Azerbaijan has been occupied.", "20%", 20,
                    measure="territory_share", unit="percent", place="Azerbaijan")
    dated = claim("wiki", "By 1994 Armenian forces held 9% of Azerbaijan's territory.", "9%", 9,
                  measure="territory_share", unit="percent", place="Azerbaijan",
                  time=("1994", "1994"))
    [fact] = align([undated, dated], state_measures=["territory_share"])
    assert fact.verdict == "disagree"
    assert set(fact.claims) == {undated, dated}
    assert len(align([undated, dated])) == 2


# --- relation ---------------------------------------------------------------------------------

def test_relation_a_year_contains_days_of_it() -> None:
    year = claim("a", "In 2016, 92 Azerbaijani soldiers were killed.", "92", 92,
                 side="Azerbaijan", group="soldiers", time=("2016", "2016"))
    days = claim("b", "From 1 to 5 April 2016, 94 Azerbaijani soldiers were killed.", "94", 94,
                 side="Azerbaijan", group="soldiers", time=("2016-04-01", "2016-04-05"))
    assert relation(year, days) == "wider"
    assert relation(days, year) == "narrower"


def test_the_report_says_why_and_what_each_figure_counts() -> None:
    from corroborate.export.report import build_report, render_markdown

    wide = claim("wiki", BORDER, "44", 44, time=("2021", "2022"), clause=0)
    narrow = claim("wiki", BORDER, "49", 49, bound="at_least", side="Armenia", group="soldiers",
                   time=("2022-09-13", "2022-09-13"), clause=1)
    facts = nested(wide, narrow)
    report = build_report([{"slug": "wiki", "title": "W"}], [wide, narrow], facts, [], {})
    [dispute] = report["disputes"]
    assert "wider fact" in dispute["why"]
    assert [row["counts"] for row in dispute["claims"]] == [
        "killed · 2021–2022", "killed · Armenia · soldiers · 2022-09-13"]
    markdown = render_markdown(report)
    assert "| wiki | at least 49 people | killed · Armenia · soldiers · 2022-09-13 |" in markdown

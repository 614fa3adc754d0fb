"""Figures of one key that count different things are related, not disputed (align/relations.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.align import Fact, align
from corroborate.align.counts import count_of, load_count_words
from corroborate.errors import CorroborateError
from corroborate.langdata import DATA_ENV
from corroborate.model import Claim, Evidence, TimeSpan, Value

WIKI = "wikipedia-nagorno-karabakh-conflict"


def claim(sentence: str, figure: str, low: float, *, source: str = WIKI,
          measure: str = "killed", unit: str = "people", side: str | None = "Azerbaijan",
          group: str | None = "soldiers", time: tuple[str, str] | None = ("2010", "2010"),
          bound: str = "exact", at: int = 0, table_row: str | None = None,
          conflict: str | None = None) -> Claim:
    """A claim as the extractor makes it: ``figure`` found in ``sentence`` placed at ``at``."""
    start = at + sentence.index(figure)
    return Claim(f"c-{source}-{at}-{start}", source, f"{source}.txt", "quantity",
                 Evidence(at, at + len(sentence), sentence), "test", measure=measure,
                 value=Value(low, low, bound), unit=unit, side=side, group=group,
                 time=None if time is None else TimeSpan(*time),
                 figure=Evidence(start, start + len(figure), figure), table_row=table_row,
                 conflict=conflict)


def values(fact: Fact) -> list[float]:
    return [c.value.low for c in fact.claims if c.value is not None]


def disputes(facts: list[Fact]) -> list[list[float]]:
    return [values(f) for f in facts if f.verdict == "disagree"]


def relations(facts: list[Fact]) -> list[tuple[list[float], str, list[float]]]:
    """(figures of a fact, relation, figures of the related fact) for every relation."""
    by_id = {f.id: f for f in facts}
    return [(values(f), r["relation"], values(by_id[r["fact"]]))
            for f in facts for r in f.relations]


@pytest.mark.parametrize(("sentence", "figure", "measure", "expected"), [
    ("By August, 27 Azerbaijani soldiers had died since the start of the year.", "27",
     "killed", "partial"),
    ("Before Monday's final battle for Port Stanley, the unofficial British death toll stood "
     "at 201.", "201", "killed", "partial"),
    ("239 Karabakh soldiers were still unaccounted for as of 2014.", "239", "missing", "partial"),
    ("In all during the year, 10 Armenian soldiers were killed.", "10", "killed", "total"),
    ("The clashes resulted in the deaths of five Azerbaijani and four Armenian soldiers.",
     "four", "killed", "episode"),
    ("As a result, three Azerbaijani soldiers were killed and one wounded.", "three", "killed",
     "episode"),
    ("Twenty-eight of the captured Armenian soldiers were subsequently released.",
     "Twenty-eight", "captured", "subset"),
    ("Following the end of the war, eleven more Azerbaijani soldiers were killed.", "eleven",
     "killed", "additional"),
    ("By early June 1999 some 848,000 people had fled, and about 590,000 more were displaced "
     "inside it.", "about 590,000", "displaced", "additional"),
    ("Israel accounted for 60% of Azerbaijan's arms imports in 2015–19.", "60%",
     "territory_share", "other_share"),
    ("Russia supplied 55% of Azerbaijan's weaponry in 2007–11, 85% in 2010–14.", "85%",
     "territory_share", "other_share"),
    ("The Armenians control approximately 9% of Azerbaijan's territory outside the enclave.",
     "approximately 9%", "territory_share", None),
    ("20%  territory of Azerbaijan  has been occupied.", "20%", "territory_share", None),
    ("20% of Azerbaijan has been occupied by Armenia.", "20%", "territory_share", None),
    # near misses: a full count, a rival estimate, figures of one sentence, a comma's reach
    ("By the end of the year the number of Azerbaijanis killed rose to 39.", "39", "killed",
     None),
    ("Another report put the number of Azerbaijani dead at 20.", "20", "killed", None),
    ("Azerbaijan stated 11,557 of its soldiers were killed.", "11,557", "killed", None),
    ("About 2,000 civilians were killed and some 6,000 were wounded, among them many children.",
     "About 2,000", "killed", None),
    ("Between 1 and 5 April 2016, heavy fighting left 88 Armenian soldiers dead.", "88",
     "killed", None),
])
def test_what_a_figure_counts(sentence: str, figure: str, measure: str,
                              expected: str | None) -> None:
    found = count_of(claim(sentence, figure, 1, measure=measure), load_count_words("en"))
    assert found == expected


def test_one_clash_against_the_years_total_is_a_part_not_a_dispute() -> None:
    clash = claim("As a result, three Azerbaijani soldiers were killed and one wounded.",
                  "three", 3)
    year = claim("18 soldiers", "18", 18, at=5000, table_row="table 0, row 3")
    facts = align([clash, year])
    assert disputes(facts) == []
    assert relations(facts) == [([3.0], "part_of", [18.0]), ([18.0], "has_part", [3.0])]
    part = next(f for f in facts if values(f) == [3.0])
    assert part.key["counts"] == "episode" and part.verdict == "single_source"
    assert "counts" not in next(f for f in facts if values(f) == [18.0]).key


def test_an_episode_larger_than_the_total_stays_a_dispute() -> None:
    clash = claim("As a result, thirty Azerbaijani soldiers were killed.", "thirty", 30)
    year = claim("In all during 2010, 18 Azerbaijani soldiers were killed.", "18", 18, at=900)
    assert disputes(align([clash, year])) == [[30.0, 18.0]]


def test_an_episode_without_a_total_is_compared() -> None:
    clash = claim("The clashes resulted in the deaths of four Armenian soldiers.", "four", 4,
                  side="Armenia")
    rival = claim("In 2010, 10 Armenian soldiers were killed.", "10", 10, side="Armenia", at=700)
    assert disputes(align([clash, rival])) == [[4.0, 10.0]]


def test_two_totals_of_one_year_still_disagree() -> None:
    body = claim("In all during 2012, 19 Azerbaijani and 14 Armenian soldiers were killed.",
                 "19", 19, time=("2012", "2012"))
    table = claim("20 soldiers", "20", 20, time=("2012", "2012"), at=8000,
                  table_row="table 0, row 5")
    assert disputes(align([body, table])) == [[19.0, 20.0]]


def test_a_count_so_far_is_an_earlier_count_of_the_years() -> None:
    august = claim("By August, 27 Azerbaijani soldiers had died since the start of the year.",
                   "27", 27, time=("2014", "2014"))
    year_end = claim("By the end of the year the number of Azerbaijanis killed rose to 39 "
                     "(37 soldiers and 2 civilians).", "37", 37, time=("2014", "2014"), at=400)
    facts = align([august, year_end])
    assert disputes(facts) == []
    assert relations(facts) == [([27.0], "earlier_count_of", [37.0]),
                                ([37.0], "later_count_of", [27.0])]


def test_a_count_so_far_above_the_final_count_is_a_dispute() -> None:
    august = claim("By August, 47 Azerbaijani soldiers had died.", "47", 47,
                   time=("2014", "2014"))
    year_end = claim("In 2014, 37 Azerbaijani soldiers were killed.", "37", 37,
                     time=("2014", "2014"), at=400)
    assert disputes(align([august, year_end])) == [[47.0, 37.0]]


def test_released_of_the_captured_is_a_subset() -> None:
    captured = claim("Seventeen Armenian and ten Azerbaijani soldiers were also killed in "
                     "shoot-outs in the border area, while 38 Armenian soldiers were captured.",
                     "38", 38, measure="captured", side="Armenia", time=("2021", "2021"))
    released = claim("Twenty-eight of the captured Armenian soldiers were subsequently "
                     "released.", "Twenty-eight", 28, measure="captured", side="Armenia",
                     time=("2021", "2021"), at=200)
    facts = align([captured, released])
    assert disputes(facts) == []
    assert relations(facts)[0] == ([28.0], "subset_of", [38.0])


def test_occupied_land_is_a_subset_of_a_countrys_area_and_rival_figures_for_it_disagree() -> None:
    kw = {"measure": "area", "unit": "km2", "side": None, "group": None, "time": None}
    kiddle = claim("An ongoing border crisis started, occupying about 41 square kilometres of "
                   "Armenian territory.", "about 41 square kilometres", 41, bound="about",
                   source="kiddle-nagorno-karabakh-conflict", **kw)
    wiki = claim("An ongoing border crisis started, occupying between 50 and 215 square "
                 "kilometers.", "50 and 215 square kilometers", 50, **kw)
    whole = claim('Armenians may "live comfortably on an area of 29,000 square kilometers".',
                  "29,000 square kilometers", 29000, at=3000, **kw)
    facts = align([kiddle, wiki, whole])
    assert disputes(facts) == [[41.0, 50.0]]
    assert ([41.0, 50.0], "subset_of", [29000.0]) in relations(facts)


def test_more_killed_after_the_war_are_in_addition_to_the_wars_toll() -> None:
    war = claim("Azerbaijan claimed 2,906 of their troops were killed.", "2,906", 2906,
                source="kiddle-nagorno-karabakh-conflict", time=("2020", "2020"))
    after = claim("Following the end of the war, eleven more Azerbaijani soldiers were killed "
                  "in clashes by the end of the year.", "eleven", 11, time=("2020", "2020"))
    facts = align([war, after])
    assert disputes(facts) == []
    assert relations(facts)[0] == ([11.0], "in_addition_to", [2906.0])


def test_a_share_of_arms_imports_is_not_a_share_of_territory() -> None:
    kw = {"measure": "territory_share", "unit": "percent", "side": None, "group": None}
    arms = claim("Israel has become a major supplier, accounting for 60% of Azerbaijan's arms "
                 "imports in 2015–19.", "60%", 60, time=("2015", "2019"), **kw)
    land = claim("20%  territory of Azerbaijan  has been occupied.", "20%", 20, time=None,
                 source="azerbaijan-occupation-in-figures", **kw)
    held = claim("By the end of the war in 1994, the Armenians held approximately 9% of "
                 "Azerbaijan's territory outside the enclave.", "approximately 9%", 9,
                 bound="about", time=("1994", "1994"), at=900, **kw)
    facts = align([arms, land, held], state_measures=["territory_share"])  # as in defaults.toml
    assert disputes(facts) == [[9.0, 20.0]]
    assert ([60.0], "share_of_other_thing", [20.0]) in relations(facts)


def test_relations_name_the_conflict_scoped_ids() -> None:
    war = "Nagorno-Karabakh conflict (1988–present)"
    clash = claim("As a result, three Azerbaijani soldiers were killed.", "three", 3,
                  conflict=war)
    year = claim("18 soldiers", "18", 18, at=5000, table_row="table 0, row 3", conflict=war)
    facts = align([clash, year])
    ids = {f.id for f in facts}
    assert all(r["fact"] in ids for f in facts for r in f.relations)
    assert [r["relation"] for f in facts for r in f.record()["relations"]] == [
        "part_of", "has_part"]


def test_without_words_every_figure_of_a_key_is_compared() -> None:
    clash = claim("As a result, three Azerbaijani soldiers were killed.", "three", 3)
    year = claim("18 soldiers", "18", 18, at=5000, table_row="table 0, row 3")
    assert disputes(align([clash, year], lang=None)) == [[3.0, 18.0]]


def test_a_new_word_needs_only_a_data_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Up to this week, 27 Azerbaijani soldiers had died."
    assert count_of(claim(sentence, "27", 27), load_count_words("en")) is None
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "counts.toml").write_text('partial = ["up to this week"]\n',
                                                          encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert count_of(claim(sentence, "27", 27), load_count_words("en")) == "partial"


def test_a_broken_counts_file_is_one_clear_error(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "counts.toml").write_text('partials = ["so far"]\n',
                                                          encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    with pytest.raises(CorroborateError) as raised:
        load_count_words("en")
    line = raised.value.line()
    assert line.startswith("Error [E202]") and "counts.toml" in line and "partials" in line

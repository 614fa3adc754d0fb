"""The world gazetteer: places of any country, sides found from demonyms, the document's scope."""

from __future__ import annotations

import subprocess
import sys

import pytest

from corroborate.extract import extract_claims
from corroborate.extract.resolve import DocumentScope, document_scope, find_actors, find_places
from corroborate.extract.world import _pack, build_index, load_world
from corroborate.model import Document, Source, claim_from_record, claim_to_record
from corroborate.text import segment

FALKLANDS = document_scope("Falklands War (1982)")
KOSOVO = document_scope("Kosovo War (1998–1999)")
UKRAINE = document_scope("Russo-Ukrainian War (2014–present)")


@pytest.mark.parametrize(("sentence", "scope", "expected"), [
    ("Shelling hit Kharkiv and Mariupol overnight.", UKRAINE,
     [("Kharkiv", "UA"), ("Mariupol", "UA")]),
    ("Refugees reached Pristina, then Skopje.", KOSOVO, [("Pristina", "XK"), ("Skopje", "MK")]),
    ("The garrison in Puerto Argentino surrendered.", FALKLANDS, [("Stanley", "FK")]),
    ("Talks were held in Rambouillet and Geneva.", KOSOVO,
     [("Rambouillet", "FR"), ("Geneva", "CH")]),
    ("Fighting spread across the Gaza Strip and into Rafah.", DocumentScope(("PS", "IL")),
     [("Gaza Strip", "PS"), ("Rafaḩ", "PS")]),
])
def test_places_of_any_country(sentence: str, scope: DocumentScope,
                               expected: list[tuple[str, str]]) -> None:
    found = find_places(sentence, scope=scope)
    assert [(m.canonical, m.country) for m in found] == expected
    assert all(m.point is not None for m in found)


@pytest.mark.parametrize("sentence", [
    "Reading the report in March, the minister said nothing.",
    "Police said Victoria had left.",
    "Bill Clinton spoke of the Kosovo Liberation Army.",
])
def test_common_words_and_longer_names_are_not_places(sentence: str) -> None:
    world = [m.canonical for m in find_places(sentence, scope=KOSOVO) if m.canonical != "Kosovo"]
    assert world == []


def test_an_ambiguous_name_means_the_place_in_the_documents_countries() -> None:
    assert [m.country for m in find_places("They marched on Stanley.", scope=FALKLANDS)] == ["FK"]
    # a small town is known only in a document about its country
    assert [m.canonical for m in find_places("He was born in Srbica.", scope=KOSOVO)] == \
        ["Srbica"]
    assert find_places("He was born in Srbica.", scope=UKRAINE) == []


def test_a_foreign_country_is_an_actor_not_a_place() -> None:
    sentence = "Volunteers from Syria arrived in Kosovo."
    assert [m.canonical for m in find_places(sentence, scope=KOSOVO)] == ["Kosovo"]


@pytest.mark.parametrize(("phrase", "side"), [
    ("Ukrainian soldiers", "Ukraine"), ("Russian troops", "Russia"),
    ("Eritrean forces", "Eritrea"), ("Tigrayan civilians", "Tigray"),
    ("Kurdish fighters", "Kurds"), ("Rohingya refugees", "Rohingya"),
    ("Kosovo Albanian civilians", "Kosovo Albanians"), ("Argentine soldiers", "Argentina"),
    ("Argentinian troops", "Argentina"), ("British forces", "United Kingdom"),
    ("North Korean soldiers", "North Korea"), ("Yugoslav soldiers", "FR Yugoslavia"),
    ("Serb police", "Serbia"), ("Serbian forces", "Serbia"), ("Albanians", "Albania"),
])
def test_demonyms_and_ethnonyms_are_sides(phrase: str, side: str) -> None:
    assert [m.canonical for m in find_actors(phrase)] == [side]


def test_a_demonym_away_from_a_group_noun_is_no_side() -> None:
    assert find_actors("according to French intelligence, 300 fighters") == []


def test_a_conflict_reads_side_words_its_way() -> None:
    found = find_actors("Serbian police fired on Albanian villagers; Serbs fled.", scope=KOSOVO)
    assert [(m.canonical, m.written) for m in found] == [
        ("FR Yugoslavia", "Serbian"), ("Kosovo Albanians", "Albanian"), ("Kosovo Serbs", "Serbs")]


def test_a_document_of_no_known_conflict_is_about_the_countries_it_names() -> None:
    text = "Ethiopia and Eritrea signed. Ethiopia said... Eritrea said... Ethiopia again."
    assert document_scope(None, text).countries == ("ET", "ER")


def test_claims_carry_the_place_country_and_point() -> None:
    doc = Document(Source("s", "S"), "s.txt",
                   "On 8 June 1982, 48 British soldiers were killed at Fitzroy.", "h",
                   "text/plain", 60, conflict="Falklands War (1982)")
    claim = next(c for c in extract_claims(segment(doc)) if c.kind == "quantity")
    assert (claim.side, claim.place, claim.place_country) == ("United Kingdom", "Fitzroy", "FK")
    assert claim.place_point == (-58.23, -51.78)
    record = claim_to_record(claim)
    assert record["place_point"] == [-58.23, -51.78]
    assert claim_from_record(record) == claim


def test_the_cached_index_is_the_index_built_from_the_packages() -> None:
    """The cache holds exactly what the packages give today (regenerated in memory)."""
    import marshal

    from corroborate.extract.world import _cached_index

    assert marshal.loads(_pack(build_index())) == _cached_index()
    world = load_world()
    assert len(world.places) > 30_000 and "Pristina" in world.forms


def test_help_does_not_load_the_world() -> None:
    code = ("from corroborate.cli import app; from typer.testing import CliRunner; "
            "CliRunner().invoke(app, ['--help']); from corroborate.extract import world; "
            "print(world._load_world.cache_info().currsize > 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_world_places_beside_many_overlay_names_are_all_found() -> None:
    # each capitalised run is checked against the overlay's spans by bisection: every world
    # place between thousands of overlay names is still found, and none inside one
    text = "Refugees from Shusha reached Pristina and Stanley. " * 2000
    found = [(m.canonical, m.written) for m in find_places(text)]
    assert found == [("Shusha", "Shusha"), ("Pristina", "Pristina"), ("Stanley", "Stanley")] * 2000

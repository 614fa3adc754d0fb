"""Facts never join claims of two conflicts: the three bundled examples ingested into one store."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.align import align, relation
from corroborate.model import Claim, Evidence, TimeSpan, Value
from corroborate.pipeline import facts_of, ingest
from corroborate.store import SQLiteStore, open_store
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
FOLDERS = ("karabakh", "falklands", "kosovo")
FALKLANDS, KOSOVO = "Falklands War (1982)", "Kosovo War (1998–1999)"
KARABAKH = "Nagorno-Karabakh conflict"


def manifest_conflicts() -> dict[str, str]:
    """Source slug -> the conflict its sources.toml gives."""
    found = {}
    for folder in FOLDERS:
        raw = tomllib.loads((EXAMPLES / folder / "sources.toml").read_text(encoding="utf-8"))
        found.update({slug: entry["conflict"] for slug, entry in raw.items()})
    return found


@pytest.fixture(scope="module")
def mixed() -> Iterator[SQLiteStore]:
    with open_store(":memory:") as store:
        ingest([str(EXAMPLES / f) for f in FOLDERS], store, max_bytes=50_000_000)
        yield store


def test_each_document_has_the_conflict_its_manifest_gives(mixed: SQLiteStore) -> None:
    given = manifest_conflicts()
    documents = mixed.documents()
    assert len(documents) == 15
    assert {d["source"]: (d["conflict"], d["conflict_inferred"]) for d in documents} == {
        slug: (conflict, False) for slug, conflict in given.items()}
    assert {c["conflict"]: len(c["documents"]) for c in mixed.conflicts()} == {
        FALKLANDS: 5, KOSOVO: 5, KARABAKH: 5}


def test_no_fact_holds_claims_of_two_conflicts(mixed: SQLiteStore) -> None:
    given = manifest_conflicts()
    facts = facts_of(mixed)
    assert facts
    for fact in facts:
        assert {given[c.source] for c in fact.claims} == {fact.key["conflict"]}, fact.key
        assert {c.conflict for c in fact.claims} == {fact.key["conflict"]}


def test_the_mixed_store_has_each_conflicts_facts_and_no_more(mixed: SQLiteStore) -> None:
    every = facts_of(mixed)
    apart = [f for c in (FALKLANDS, KOSOVO, KARABAKH) for f in facts_of(mixed, c)]
    assert sorted(f.id for f in every) == sorted(f.id for f in apart)
    assert sum(f.verdict == "disagree" for f in every) == \
        sum(f.verdict == "disagree" for f in apart)


def test_the_kosovo_toll_stands_without_the_falklands_one(mixed: SQLiteStore) -> None:
    """Before conflicts, one killed fact (no side, group, place or time) held 255 British dead of
    1982 beside 13,535 killed or missing in Kosovo: a dispute between two wars."""
    # the tolls of no side, group or place, whatever time they are over (13,535 is 1998-2000)
    killed: dict[str, list[Claim]] = {}
    for f in facts_of(mixed):
        if f.key.get("measure") == "killed" and "check" not in f.key and \
                (f.key["side"], f.key["group"], f.key["place"]) == (None, None, None):
            killed.setdefault(f.key["conflict"], []).extend(f.claims)
    kosovo = {c.value.low for c in killed[KOSOVO] if c.value}
    assert {13535} <= kosovo  # "1,008 killed" is FR Yugoslavia's (a side), as the gold says
    assert {c.source for c in killed[KOSOVO]} <= {
        slug for slug, conflict in manifest_conflicts().items() if conflict == KOSOVO}
    assert all(c.conflict == FALKLANDS for c in killed[FALKLANDS])
    assert 13535 not in {c.value.low for c in killed[FALKLANDS] if c.value}


def test_a_document_without_a_conflict_key_is_inferred(mixed: SQLiteStore,
                                                       tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text(
        '[bbc-goose-green]\ntitle = "Battle of Goose Green"\npublisher = "BBC"\n',
        encoding="utf-8")
    (tmp_path / "bbc-goose-green.txt").write_text(
        "The Falklands War's longest battle was fought at Goose Green on 28 May 1982. "
        "Seventeen British soldiers were killed and 961 Argentine soldiers were captured.\n",
        encoding="utf-8")
    with open_store(":memory:") as store:
        [outcome] = ingest([str(tmp_path)], store, max_bytes=10**6).outcomes
        assert (outcome.conflict, outcome.conflict_inferred) == (FALKLANDS, True)
        assert outcome.conflict_label == "Falklands War (1982) (inferred)"
        assert {c.conflict for c in store.claims()} == {FALKLANDS}


def _killed(source: str, figure: float, conflict: str | None) -> Claim:
    return Claim(f"c-{source}", source, f"{source}.txt", "quantity",
                 Evidence(0, 30, f"{figure:g} soldiers were killed."), "test", measure="killed",
                 value=Value(figure, figure, "exact"), unit="people", group="soldiers",
                 time=TimeSpan("1982", "1982"), conflict=conflict)


def test_align_groups_by_conflict_first() -> None:
    a, b = _killed("hansard", 255, FALKLANDS), _killed("white-book", 462, KOSOVO)
    facts = align([a, b])
    assert [(f.key["conflict"], f.verdict, f.claims) for f in facts] == [
        (FALKLANDS, "single_source", (a,)), (KOSOVO, "single_source", (b,))]
    assert relation(a, b) == "different"
    [together] = align([a, _killed("white-book", 462, FALKLANDS)])
    assert together.verdict == "disagree"
    assert together.key["conflict"] == FALKLANDS

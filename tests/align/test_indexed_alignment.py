"""The indexed alignment gives exactly the facts of the pairwise one (#11 item 3): same facts,
ids, keys, verdicts, intervals, claims, relations and order, on the bundled examples, the shared
corpus and generated claims (tests/align/quadratic_reference.py is the pairwise path)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.align import Fact, align
from corroborate.extract.resolve import place_hierarchy
from corroborate.model import Claim, Evidence, TimeSpan, Value
from corroborate.pipeline import ingest
from corroborate.settings import load_settings
from corroborate.store import SQLiteStore, open_store
from tests.align.quadratic_reference import reference_align
from tests.conftest import ROOT, SHARED_CORPUS

SETTINGS = load_settings()
OPTIONS: dict[str, Any] = {
    "about_tolerance": SETTINGS.about_tolerance,
    "event_window_years": SETTINGS.event_window_years,
    "period_overlap": SETTINGS.period_overlap, "event_windows": SETTINGS.event_windows,
    "place_events": SETTINGS.place_events, "state_measures": SETTINGS.state_measures,
    "state_window_days": SETTINGS.state_window_days,
    "nested_measures": SETTINGS.nested_measures}


def records(facts: list[Fact]) -> list[dict[str, Any]]:
    return [f.record() for f in facts]


def assert_same(claims: list[Claim], within: dict[str, str], **options: Any) -> list[Fact]:
    indexed = align(claims, within=within, **{**OPTIONS, **options})
    pairwise = reference_align(claims, within=within, **{**OPTIONS, **options})
    assert records(indexed) == records(pairwise)
    assert indexed == pairwise  # the claims themselves, not only their records
    return indexed


@pytest.fixture(scope="module")
def examples_store() -> Iterator[SQLiteStore]:
    with open_store(":memory:") as store:
        ingest([str(ROOT / "examples" / name) for name in ("karabakh", "falklands", "kosovo")],
               store, max_bytes=50_000_000)
        yield store


@pytest.mark.parametrize("conflict", ["Nagorno-Karabakh conflict", "Falklands War (1982)",
                                      "Kosovo War (1998–1999)"])
def test_each_examples_facts_are_the_pairwise_ones(examples_store: SQLiteStore,
                                                   conflict: str) -> None:
    claims = examples_store.claims(conflict=conflict)
    facts = assert_same(claims, place_hierarchy())
    assert len(claims) > 80
    nested = [f for f in facts if f.key.get("check") == "narrower_exceeds_wider"]
    assert nested, "the examples hold wider tolls smaller than narrower ones"


def test_the_three_examples_together_give_the_pairwise_facts(
        examples_store: SQLiteStore) -> None:
    facts = assert_same(examples_store.claims(), place_hierarchy())
    assert {f.key["conflict"] for f in facts} == {
        "Nagorno-Karabakh conflict", "Falklands War (1982)", "Kosovo War (1998–1999)"}


def test_the_examples_copied_many_times_give_the_pairwise_facts(
        examples_store: SQLiteStore) -> None:
    """Six copies of every claim, each from its own source, half of them a year later: large
    facts, many candidates for each wider claim, and periods that overlap."""
    base = examples_store.claims()
    copies = [_copy(c, n) for n in range(6) for c in base]
    facts = assert_same(copies, place_hierarchy())
    assert max(len(f.claims) for f in facts) >= 12


def _copy(claim: Claim, n: int) -> Claim:
    def later(iso: str | None) -> str | None:
        return iso if not iso or n % 2 == 0 else f"{int(iso[:4]) + 1:04d}{iso[4:]}"

    return Claim(**{**claim.__dict__, "id": f"{claim.id}-{n}", "source": f"{claim.source}-{n}",
                    "time": claim.time and TimeSpan(later(claim.time.start),
                                                    later(claim.time.end)),
                    "date": later(claim.date)})


def test_the_shared_corpus_gives_the_pairwise_facts(tmp_path: Path) -> None:
    if not (SHARED_CORPUS / "sources.toml").is_file():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (only CI and developers have it)")
    with open_store(str(tmp_path / "corpus.db")) as store:
        ingest([str(SHARED_CORPUS)], store, max_bytes=50_000_000)
        claims = store.claims()
    assert len(claims) > 100
    assert_same(claims, place_hierarchy())


# --- generated claims: small pools, so that keys, periods and values often meet --------------

PLACES = ["Shusha", "Nagorno-Karabakh", "Azerbaijan", "Lachin", "Kalbajar"]
WITHIN = {"Shusha": "Nagorno-Karabakh", "Nagorno-Karabakh": "Azerbaijan",
          "Lachin": "Azerbaijan", "Kalbajar": "Lachin"}
TIMES = [None, ("2020", "2020"), ("2020-09-27", "2020-09-27"), ("2020-09", "2020-11"),
         ("2016-04-01", "2016-04-05"), ("1994", "2020"), ("1994", "2016"), ("2020-10", "2020-10"),
         ("2020", "2021"), ("2021", "2020"), ("2020-10-01", "2020-10"), (None, "2020"),
         ("2020-10", None)]
TEXT = ("In 2020, the clashes killed a total of 40 Armenian soldiers and 12 more civilians, "
        "so far 30 of the soldiers in all.")
FIGURES = [(TEXT.index(w), len(w)) for w in ("40", "12", "30", "clashes", "a total of")]


@st.composite
def quantity(draw: st.DrawFn, n: int) -> Claim:
    low = draw(st.sampled_from([0, 4, 5, 19, 20, 40, 44, 49, 100, 3000]))
    bound = draw(st.sampled_from(["exact", "about", "at_least", "at_most", "range"]))
    high = low + draw(st.sampled_from([0, 0, 1, 50])) if bound == "range" else low
    time = draw(st.sampled_from(TIMES[:4] if draw(st.booleans()) else TIMES))
    start, length = draw(st.sampled_from(FIGURES))
    statement = draw(st.integers(0, 4))
    return Claim(
        id=f"q{n}", source=f"s{statement % 3}", document="d", kind="quantity",
        evidence=Evidence(statement * 200, statement * 200 + len(TEXT), TEXT), extractor="test",
        measure=draw(st.sampled_from(["killed", "killed", "strength", "area"])),
        value=Value(float(low), float(high), bound),
        unit="people", side=draw(st.sampled_from([None, None, "Armenia", "mixed"])),
        group=draw(st.sampled_from([None, None, "soldiers", "mixed"])),
        place=draw(st.sampled_from([None, None, "Nagorno-Karabakh", "Shusha", "Kalbajar"])),
        time=None if time is None else TimeSpan(*time),
        figure=Evidence(statement * 200 + start, statement * 200 + start + length,
                        TEXT[start:start + length]),
        clause=draw(st.integers(0, 1)),
        table_row=draw(st.sampled_from([None, None, 1])),
        conflict=draw(st.sampled_from([None, None, None, "Nagorno-Karabakh conflict"])))


@st.composite
def event(draw: st.DrawFn, n: int) -> Claim:
    date = draw(st.sampled_from(["2020", "2020-11", "2020-11-09", "2020-11-10", "2020-12-01",
                                 "2021-01", "1991", "1988-02-20"]))
    statement = draw(st.integers(0, 4))
    return Claim(
        id=f"e{n}", source=f"s{statement % 3}", document="d", kind="event",
        evidence=Evidence(statement * 200, statement * 200 + 10, "ceasefire"), extractor="test",
        event_type=draw(st.sampled_from(["ceasefire", "capture", "war_start"])),
        place=draw(st.sampled_from([None, "Shusha", "Lachin"])), date=date,
        clause=draw(st.integers(0, 1)), conflict=None)


@st.composite
def claim_lists(draw: st.DrawFn) -> list[Claim]:
    count = draw(st.integers(1, 40))
    return [draw(st.one_of(quantity(n), event(n))) for n in range(count)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=claim_lists(), threshold=st.sampled_from([0.0, 0.5, 0.8, 1.0]),
       lang=st.sampled_from(["en", None]))
def test_generated_claims_give_the_pairwise_facts(claims: list[Claim], threshold: float,
                                                  lang: str | None) -> None:
    assert_same(claims, WITHIN, period_overlap=threshold, lang=lang,
                nested_measures=["killed", "strength"], state_measures=["strength", "area"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=st.lists(st.integers(0, 10**6), min_size=2, max_size=40).flatmap(
    lambda seeds: st.tuples(*(quantity(n) for n in range(len(seeds))))),
       threshold=st.sampled_from([0.5, 0.8]))
def test_claims_of_one_key_give_the_pairwise_facts(claims: tuple[Claim, ...],
                                                   threshold: float) -> None:
    """One measure, side, group and place: periods, partitions of statements of several
    figures, verdicts and count splits meet on every claim."""
    one_key = [replace(c, measure="killed", side=None, group=None, place=None, conflict=None)
               for c in claims]
    assert_same(one_key, WITHIN, period_overlap=threshold, nested_measures=["killed"])


def test_a_statement_of_several_figures_is_partitioned_as_before() -> None:
    """Three figures of one statement and two of others: the groups of agreeing figures and
    their verdicts are those of the pairwise partition."""
    text = "47 children, 247 women and 347 elderly went missing"
    base = Claim(id="x", source="hrw", document="d", kind="quantity",
                 evidence=Evidence(0, len(text), text), extractor="test", measure="missing",
                 unit="people")
    claims = [
        Claim(**{**base.__dict__, "id": f"m{i}", "value": Value(v, v, "exact"),
                 "figure": Evidence(text.index(f"{v:.0f} "), text.index(f"{v:.0f} ") + 3, "")})
        for i, v in enumerate([47.0, 247.0, 347.0])] + [
        Claim(**{**base.__dict__, "id": f"o{i}", "source": f"other{i}",
                 "value": Value(v, v, "about")}) for i, v in enumerate([250.0, 50.0])]
    facts = assert_same(claims, {})
    assert [sorted(c.id for c in f.claims) for f in facts] == [
        ["m0", "o1"], ["m1", "o0"], ["m2"]]
    assert [f.verdict for f in facts] == ["agree", "agree", "single_source"]



def test_a_figure_repeated_by_many_sources_makes_facts_that_grow_linearly(
        examples_store: SQLiteStore) -> None:
    """Wire copies: each wider toll repeated by k sources, each exceeded by the k copies of
    the narrower one. One fact holds a question's wider claims, so the claims listed in
    narrower-exceeds-wider facts grow as k, not as k squared (1.17 million at 40 MB before)."""
    base = examples_store.claims(conflict="Nagorno-Karabakh conflict")

    def listed(copies: int) -> tuple[int, int]:
        many = [Claim(**{**c.__dict__, "id": f"{c.id}-{n}", "source": f"{c.source}-{n}"})
                for n in range(copies) for c in base]
        nested = [f for f in align(many, within=place_hierarchy(), **OPTIONS)
                  if f.key.get("check") == "narrower_exceeds_wider"]
        return len(nested), sum(len(f.claims) for f in nested)

    (facts_4, claims_4), (facts_16, claims_16) = listed(4), listed(16)
    assert facts_16 == facts_4  # one fact per question and figure, however many copies
    assert claims_16 == 4 * claims_4


def test_a_state_repeated_by_many_sources_makes_facts_that_grow_linearly() -> None:
    """A state measure, copied by k sources: the 1989 population of Nagorno-Karabakh given
    below the population of Shusha inside it the same year. One fact per question and figure
    (not one per copy listing every copy of the other: 18.5 million claims listed for the
    2.3 million of 1 GB of wire copies)."""
    wide_text = "In 1989, the population of Nagorno-Karabakh was 150,000."
    narrow_text = "Shusha had a population of 160,000 in 1989."

    def said(n: int, text: str, figure: str, value: float, place: str) -> Claim:
        start = text.index(figure)
        return Claim(id=f"{place}-{n}", source=f"wire-{n}", document=f"d{n}-{place}",
                     kind="quantity", evidence=Evidence(0, len(text), text), extractor="test",
                     measure="population", value=Value(value, value, "exact"), unit="people",
                     place=place, time=TimeSpan("1989", "1989"),
                     figure=Evidence(start, start + len(figure), figure))

    def listed(copies: int) -> tuple[int, int]:
        claims = [c for n in range(copies) for c in (
            said(n, wide_text, "150,000", 150_000.0, "Nagorno-Karabakh"),
            said(n, narrow_text, "160,000", 160_000.0, "Shusha"))]
        nested = [f for f in assert_same(claims, WITHIN)
                  if f.key.get("check") == "narrower_exceeds_wider"]
        assert all(f.claims[0].place == "Nagorno-Karabakh" for f in nested)
        return len(nested), sum(len(f.claims) for f in nested)

    assert listed(4) == (1, 8)  # the 4 wider copies, then the 4 narrower ones
    assert listed(16) == (1, 32)

"""Claims a page at a time: every filter, paged to the end, gives exactly the claims a plain
filter over ``export claims`` gives; cursors hold when documents are added; bad ones are one line."""

from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.errors import CorroborateError
from corroborate.model import claim_to_record
from corroborate.pipeline import ingest
from corroborate.store import ClaimQuery, SQLiteStore, open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / name for name in ("karabakh", "falklands", "kosovo")]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def examples_store(request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The three examples in a SQLite file, then in a PostgreSQL database."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            target = str(tmp_path_factory.mktemp("pages") / "examples.db")
        else:
            from tests.store.postgres_cluster import database

            target = stack.enter_context(database(request.getfixturevalue("postgres_server")))
        with open_store(target) as store:
            assert not ingest([str(p) for p in EXAMPLES], store, max_bytes=50_000_000).failed
        with open_store(target, create=False, readonly=True) as store:
            yield store


def exported(store: SQLiteStore) -> list[dict[str, Any]]:
    """What `export claims` writes, each with its document's id."""
    return [claim_to_record(c) | {"document_id": d} for d, c in store.claims_with_ids()]


def days(prefix: str, last: bool) -> str:
    """An ISO prefix as the first or last day it can mean ('1993' -> 1993-01-01 / 1993-12-31)."""
    year, month, day = [*prefix.split("-"), None, None][:3]
    if last:
        return f"{year}-{month or '12'}-{day or '31'}"
    return f"{year}-{month or '01'}-{day or '01'}"


def overlaps(record: dict[str, Any], start: str | None, end: str | None) -> bool:
    """Whether a claim's time (else date) overlaps [start, end]; an open end reaches all."""
    if record["time"] is not None:
        low = record["time"]["start"] and days(record["time"]["start"], False)
        high = record["time"]["end"] and days(record["time"]["end"], True)
    elif record["date"] is not None:
        low, high = days(record["date"], False), days(record["date"], True)
    else:
        return False
    return ((start is None or high is None or high >= days(start, False))
            and (end is None or low is None or low <= days(end, True)))


def brute_force(records: list[dict[str, Any]], query: ClaimQuery) -> list[tuple[int, str]]:
    kept = []
    for r in records:
        if query.conflict is not None and r["conflict"] != (
                None if query.conflict == "unknown" else query.conflict):
            continue
        if any(value is not None and r[field] != value for field, value in (
                ("kind", query.kind), ("measure", query.measure),
                ("event_type", query.event_type), ("side", query.side), ("group", query.group),
                ("place", query.place), ("source", query.source),
                ("document_id", query.document_id))):
            continue
        if (query.time_from or query.time_to) and not overlaps(r, query.time_from, query.time_to):
            continue
        words = set(re.findall(r"\w+", r["evidence"]["text"].lower()))
        if query.text and not set(query.text.lower().split()) <= words:
            continue
        kept.append((r["document_id"], r["id"]))
    return sorted(kept)


def walk(store: SQLiteStore, query: ClaimQuery, limit: int) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        page, cursor = store.claim_page(query, cursor, limit)
        assert len(page) <= limit
        seen.extend(page)
        if cursor is None:
            return seen


def test_the_first_page_of_karabakh_killed(examples_store: SQLiteStore) -> None:
    page, cursor = examples_store.claim_page(
        ClaimQuery(conflict="Nagorno-Karabakh conflict", measure="killed"), None, 3)
    assert len(page) == 3 and cursor is not None
    assert {c["measure"] for c in page} == {"killed"}
    assert {c["conflict"] for c in page} == {"Nagorno-Karabakh conflict"}
    assert all(c["evidence"]["text"] for c in page)


def test_every_claim_is_listed_once_as_export_writes_it(examples_store: SQLiteStore) -> None:
    listed = walk(examples_store, ClaimQuery(), 50)
    records = exported(examples_store)
    key = lambda r: (r["document_id"], r["id"])  # noqa: E731
    assert sorted(listed, key=key) == sorted(records, key=key)
    assert [list(r) for r in listed] == [list(records[0])] * len(listed)  # keys in export order
    assert len(listed) == len(records) > 300


def query_strategy(records: list[dict[str, Any]]) -> st.SearchStrategy[ClaimQuery]:
    def values(field: str) -> st.SearchStrategy[Any]:
        found = sorted({r[field] for r in records if r[field] is not None}, key=str)
        return st.one_of(st.none(), st.sampled_from(found))
    years = st.one_of(st.none(), st.sampled_from(["1982", "1988-02", "1991", "1992-05-08",
                                                  "1993", "1994-05", "1999-03-24", "2020"]))
    words = st.one_of(st.none(), st.sampled_from(["killed", "Agdam", "soldiers killed",
                                                  "refugees", "NATO", "civilians"]))
    return st.builds(ClaimQuery, conflict=st.one_of(values("conflict"), st.just("unknown")),
                     kind=values("kind"), measure=values("measure"),
                     event_type=values("event_type"), side=values("side"),
                     group=values("group"), place=values("place"), source=values("source"),
                     document_id=values("document_id"), time_from=years, time_to=years,
                     text=words)


def test_every_filter_lists_what_filtering_the_export_gives(examples_store: SQLiteStore) -> None:
    records = exported(examples_store)

    @settings(max_examples=150, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(query=query_strategy(records), limit=st.integers(1, 40))
    def check(query: ClaimQuery, limit: int) -> None:
        listed = walk(examples_store, query, limit)
        keys = [(c["document_id"], c["id"]) for c in listed]
        assert len(keys) == len(set(keys))
        assert sorted(keys) == brute_force(records, query)

    check()


@pytest.mark.parametrize(("query", "expected"), [
    (ClaimQuery(time_from="1993", time_to="1993", measure="killed",
                conflict="Nagorno-Karabakh conflict"), 1),
    (ClaimQuery(text="Shusha"), 1),
    (ClaimQuery(group="soldiers", source="wikipedia-falklands-war"), 1),
])
def test_some_filters_find_something(examples_store: SQLiteStore, query: ClaimQuery,
                                     expected: int) -> None:
    assert len(walk(examples_store, query, 10)) >= expected


def test_a_cursor_holds_when_a_document_is_added_mid_paging(db_target: str,
                                                           tmp_path: Path) -> None:
    with open_store(db_target) as store:
        assert not ingest([str(EXAMPLES[0])], store, max_bytes=50_000_000).failed
        before = {(c["document_id"], c["id"]) for c in walk(store, ClaimQuery(), 500)}
        first, cursor = store.claim_page(ClaimQuery(), None, 25)
        later = tmp_path / "later.txt"
        later.write_text("Shusha\n\nIn 1993, 4,000 soldiers were killed near Agdam.\n",
                         encoding="utf-8")
        assert not ingest([str(later)], store, max_bytes=1_000_000,
                          conflict="Nagorno-Karabakh conflict").failed
        rest = []
        while cursor is not None:
            page, cursor = store.claim_page(ClaimQuery(), cursor, 25)
            rest.extend(page)
        keys = [(c["document_id"], c["id"]) for c in first + rest]
        assert len(keys) == len(set(keys))
        added = set(keys) - before
        assert before <= set(keys)
        assert [c["location"] for c in store.documents() if c["id"] in {d for d, _ in added}] \
            == [str(later)]
        assert keys[-len(added):] == sorted(added, key=keys.index)  # new claims come last


@pytest.mark.parametrize("cursor", ["garbage", "", "WyJmYWN0cyIsInF1YW50aXR5IiwieCIsMV0",
                                    "WyJjbGFpbXMiLCIxIl0", "WyJjbGFpbXMiLHRydWVd"])
def test_a_bad_cursor_is_one_line(examples_store: SQLiteStore, cursor: str) -> None:
    with pytest.raises(CorroborateError) as caught:
        examples_store.claim_page(ClaimQuery(), cursor, 10)
    assert caught.value.line() == (
        "Error [E403] cursor: invalid option: not a cursor of this listing; pass the "
        "next_cursor a page gave, or none for the first page")


def test_a_claims_cursor_is_no_facts_cursor(examples_store: SQLiteStore) -> None:
    _page, cursor = examples_store.claim_page(ClaimQuery(), None, 5)
    assert cursor is not None
    with pytest.raises(CorroborateError, match="not a cursor of this listing"):
        examples_store.fact_page(cursor=cursor)
    with pytest.raises(CorroborateError, match="not a cursor of this listing"):
        examples_store.fact_page(cursor=examples_store.fact_page(limit=1)[1], order="spread")


@pytest.mark.parametrize("limit", [0, 501, -3])
def test_a_limit_outside_1_to_500_is_one_line(examples_store: SQLiteStore, limit: int) -> None:
    with pytest.raises(CorroborateError, match=r"\[E403\] limit: .*1 to 500"):
        examples_store.claim_page(ClaimQuery(), None, limit)
    with pytest.raises(CorroborateError, match=r"\[E403\] limit"):
        examples_store.fact_page(limit=limit)


@pytest.mark.parametrize("bad", ["93", "1993-5", "May 1993", "1993-05-08T00"])
def test_a_time_that_is_no_iso_prefix_is_one_line(examples_store: SQLiteStore, bad: str) -> None:
    with pytest.raises(CorroborateError, match="is not a date; give YYYY, YYYY-MM or YYYY-MM-DD"):
        examples_store.claim_page(ClaimQuery(time_from=bad), None, 10)

"""The store on both backends, SQLite and PostgreSQL: what is saved, replaced, searched, aligned
and counted reads back the same; a failed document keeps nothing; opening says what is wrong in
one line. PostgreSQL runs on a throwaway cluster (tests/conftest.py: postgres_server)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from corroborate.errors import CorroborateError
from corroborate.model import Claim, Document, Evidence, Source, Text, Value
from corroborate.pipeline import facts_of, ingest, realign
from corroborate.store import ClaimQuery, SQLiteStore, open_store
from corroborate.text import segment

HRW = Source(slug="hrw-1994", title="Azerbaijan: Seven Years of Conflict",
             publisher="Human Rights Watch", kind="ngo")
FIRST = ("The Lachin corridor\n"
         "The Lachin corridor links Goris with Stepanakert. Armenian forces opened it in May 1992.\n")
SECOND = ("Şuşa was retaken on 8 November 2020.\n"
          "The Lachin road then passed under Russian peacekeepers.\n")
AGDAM_LOW = ("Casualties of the war\n\n"
             "In 1993, 4,000 soldiers were killed near Agdam. Shusha was captured on 8 May 1992.\n")
AGDAM_HIGH = ("Casualties\n\n"
              "In 1993, 6,000 soldiers were killed near Agdam. Shusha was captured on 9 May 1992.\n")
KARABAKH = "Nagorno-Karabakh conflict"


def text_of(body: str, location: str = "/reports/lachin.txt") -> Text:
    data = body.encode("utf-8")
    return segment(Document(source=HRW, location=location, text=body,
                            content_hash=hashlib.sha256(data).hexdigest(),
                            media_type="text/plain", size_bytes=len(data)))


def killed(text: Text, claim_id: str, figure: str) -> Claim:
    """A 'killed' claim of ``figure`` in the sentence holding it."""
    at = text.text.index(figure)
    start = text.text.rindex("\n", 0, at) + 1
    end = text.text.index(".", at) + 1
    return Claim(id=claim_id, source=HRW.slug, document=text.document.location, kind="quantity",
                 evidence=Evidence(start, end, text.text[start:end]),
                 figure=Evidence(at, at + len(figure), figure), extractor="test.v1",
                 measure="killed", value=Value(4000.0, 4000.0, "exact"))


def write(folder: Path, name: str, body: str) -> str:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return str(path)


# -- saving, replacing, reading back ------------------------------------------------------------

def test_a_document_and_its_claims_round_trip(db_target: str) -> None:
    text = text_of(AGDAM_LOW, "/reports/agdam.txt")
    claim = killed(text, "c1", "4,000")
    with open_store(db_target) as store:
        assert store.save(text, [claim, claim], "test.v1") == "added"  # a repeat is kept once
        assert store.save(text, [claim], "test.v1") == "unchanged"
        assert store.is_stored("/reports/agdam.txt", text.document.content_hash)
        assert store.claim_count("/reports/agdam.txt") == 1
    with open_store(db_target, create=False, readonly=True) as store:
        [document] = store.documents()
        assert {k: document[k] for k in ("source", "location", "chars", "segment_count",
                                         "claim_count", "extracted_with")} == {
            "source": "hrw-1994", "location": "/reports/agdam.txt", "chars": len(AGDAM_LOW),
            "segment_count": 3, "claim_count": 1, "extracted_with": "test.v1"}
        [(document_id, back)] = store.claims_with_ids()
        assert back == claim and document_id == document["id"]
        assert back.evidence.text == "In 1993, 4,000 soldiers were killed near Agdam."
        [(_, stored)] = list(store.texts())
        assert stored.text == AGDAM_LOW and stored.segments == text.segments
        assert store.sources()[0]["publisher"] == "Human Rights Watch"
        assert store.check() == []


def test_a_changed_document_replaces_its_old_version_and_claims(db_target: str) -> None:
    with open_store(db_target) as store:
        old = text_of(AGDAM_LOW, "/reports/agdam.txt")
        store.save(old, [killed(old, "c1", "4,000")], "test.v1")
        new = text_of(AGDAM_HIGH, "/reports/agdam.txt")
        assert store.save(new, [], "test.v1") == "replaced"
        assert store.claims() == [] and store.claim_count("/reports/agdam.txt") == 0
        [(document_id, _)] = list(store.texts())
        store.replace_claims(document_id, [killed(new, "c2", "6,000")], "test.v2")
        assert [c.figure.text for c in store.claims() if c.figure] == ["6,000"]
        assert [d["extracted_with"] for d in store.documents()] == ["test.v2"]
        assert store.search("4,000") == [] and len(store.search("6,000")) == 1


def test_a_document_that_fails_midway_keeps_nothing_and_is_one_line(
        db_target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db_target) as store:
        store.save(text_of(FIRST))

        def broken(document_id: int, text: Text) -> None:
            store.conn.execute("INSERT INTO segments (document_id, seq, kind, start, \"end\", "
                               "text) VALUES (?, 0, 'sentence', 0, 8, 'Kalbajar')", (document_id,))
            raise store.errors[0]("disk I/O error")

        monkeypatch.setattr(store, "_insert_segments", broken)
        with pytest.raises(CorroborateError) as caught:
            store.save(text_of("Kalbajar was returned to Azerbaijan on 25 November 2020.\n"))
        assert caught.value.line() == ("Error [E303] /reports/lachin.txt: the store failed while "
                                       "writing (disk I/O error); nothing of this document was "
                                       "kept")
        monkeypatch.undo()
        assert store.search("Kalbajar") == []
        assert [h["snippet"] for h in store.search("Goris")] == [
            "The Lachin corridor links [Goris] with Stepanakert."]
        assert store.check() == []
        # the store goes on after it
        assert store.save(text_of(SECOND, "/reports/shusha.txt")) == "added"


# -- searching ----------------------------------------------------------------------------------

def test_search_finds_every_word_and_marks_it(db_target: str) -> None:
    with open_store(db_target) as store:
        store.save(text_of(FIRST))
        store.save(text_of(SECOND, "/reports/shusha.txt"))
        assert {h["snippet"] for h in store.search("Lachin")} == {
            "The [Lachin] corridor",
            "The [Lachin] corridor links Goris with Stepanakert.",
            "The [Lachin] road then passed under Russian peacekeepers.",
        }
        [hit] = store.search("lachin GORIS")
        assert hit["snippet"] == "The [Lachin] corridor links [Goris] with Stepanakert."
        assert hit["text"][hit["highlights"][1][0]:hit["highlights"][1][1]] == "Goris"
        assert (hit["location"], hit["start"], hit["end"]) == ("/reports/lachin.txt", 20, 69)
        assert len(store.search("Lachin", limit=2)) == 2
        # diacritics do not matter, either way
        assert [h["snippet"] for h in store.search("Susa")] == [
            "[Şuşa] was retaken on 8 November 2020."]
        assert [h["location"] for h in store.search("Ağdam Stepanakert")] == []
        assert [h["start"] for h in store.search("Stépanakert")] == [20]
        assert [h["snippet"] for h in store.search('"Lachin road"', raw=True)] == [
            "The [Lachin road] then passed under Russian peacekeepers."]
        with pytest.raises(CorroborateError, match=r"E401\] search: .*the query is empty"):
            store.search("  ")


def test_claims_are_filtered_by_their_evidence_words(db_target: str) -> None:
    with open_store(db_target) as store:
        low = text_of(AGDAM_LOW, "/reports/agdam.txt")
        store.save(low, [killed(low, "c1", "4,000")], "test.v1")
        [record], following = store.claim_page(ClaimQuery(text="Soldiers Agdam"))
        assert record["id"] == "c1" and following is None
        assert record["evidence"]["text"] == "In 1993, 4,000 soldiers were killed near Agdam."
        assert store.claim_page(ClaimQuery(text="Shusha")) == ([], None)
        assert store.claim_page(ClaimQuery(measure="killed", time_from="1990"))[0] == []


# -- aligning and reading facts -----------------------------------------------------------------

def test_a_change_realigns_its_conflict_and_facts_read_back(db_target: str,
                                                            tmp_path: Path) -> None:
    with open_store(db_target) as store:
        report = ingest([write(tmp_path, "low.txt", AGDAM_LOW)], store, max_bytes=1_000_000,
                        conflict=KARABAKH)
        assert not report.failed and not store.is_stale()
        ingest([write(tmp_path, "high.txt", AGDAM_HIGH)], store, max_bytes=1_000_000,
               conflict=KARABAKH)
        assert store.stale_conflicts() == []  # ingest aligns at its end
        disputes, _ = store.fact_page(verdict="disagree", order="spread")
        assert [(d["kind"], d["why"]) for d in disputes] == [
            ("quantity", "no value is allowed by every source: 4,000 (low) against 6,000 (high)"),
            ("event", "the dates do not fit together: 1992-05-08 (low) against 1992-05-09 "
                      "(high)")]
        assert store.counts(KARABAKH) == {"sources": 2, "documents": 2, "claims": 4, "facts": 2,
                                          "disputes": 2, "names": 2}
        [agdam] = [p for p in store.place_summary(KARABAKH) if p["place"] == "Agdam"]
        assert (agdam["claims"], agdam["measures"]) == (2, {"killed": 2})
        [karabakh] = store.conflict_counts()
        assert (karabakh["name"], karabakh["claims"], karabakh["stale"]) == (KARABAKH, 4, False)
        fact = disputes[0]
        assert store.fact(fact["id"]) == fact
        claim = fact["claims"][0]
        assert store.facts_of_claim(claim["document_id"], claim["id"]) == [
            f["id"] for f in disputes if claim["id"] in {c["id"] for c in f["claims"]}]
        # replaced claims make the conflict stale until it is aligned again
        [(document_id, _), *_] = list(store.texts())
        store.replace_claims(document_id, [], "test.v1")
        assert [c for c, _ in store.stale_conflicts()] == [KARABAKH]
        assert realign(store) == [KARABAKH]
        assert store.counts(KARABAKH)["disputes"] == 0
        assert [f.verdict for f in facts_of(store, KARABAKH)] == ["single_source",
                                                                  "single_source"]


# -- the examples read the same on both ---------------------------------------------------------

EXAMPLES = [Path(__file__).resolve().parents[2] / "examples" / name
            for name in ("karabakh", "falklands", "kosovo")]


@pytest.fixture(scope="module")
def both(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> object:
    """The three examples ingested into a SQLite file and a PostgreSQL database."""
    from tests.store.postgres_cluster import database

    path = tmp_path_factory.mktemp("both") / "examples.db"
    with database(postgres_server) as url:
        for target in (str(path), url):
            with open_store(target) as store:
                report = ingest([str(p) for p in EXAMPLES], store, max_bytes=50_000_000)
                assert len(report.outcomes) == 15 and not report.failed
        with open_store(path, create=False, readonly=True) as lite, \
                open_store(url, create=False, readonly=True) as pg:
            yield lite, pg


def walk(store: SQLiteStore, order: str) -> list[dict[str, object]]:
    found, cursor = [], None
    while True:
        page, cursor = store.fact_page(cursor=cursor, limit=7, order=order)
        found += page
        if cursor is None:
            return found


def test_the_examples_read_the_same_on_both(both: tuple[SQLiteStore, SQLiteStore]) -> None:
    lite, pg = both
    assert pg.counts() == lite.counts()
    assert pg.counts()["documents"] == 15 and pg.counts()["disputes"] > 0
    assert pg.claims() == lite.claims()
    assert [f.record() for f in facts_of(pg)] == [f.record() for f in facts_of(lite)]
    for order in ("key", "spread"):
        assert walk(pg, order) == walk(lite, order)
    assert pg.names() == lite.names() and pg.place_summary() == lite.place_summary()
    assert pg.conflict_counts() == lite.conflict_counts()
    assert pg.sources() == lite.sources()
    for query in (ClaimQuery(measure="killed"), ClaimQuery(conflict=KARABAKH, kind="event"),
                  ClaimQuery(text="killed", time_from="1992", time_to="1994"),
                  ClaimQuery(place="Stanley")):
        page, cursor = pg.claim_page(query, limit=5)
        assert (page, cursor) == lite.claim_page(query, limit=5)
        if cursor is not None:
            assert pg.claim_page(query, cursor, limit=5) == lite.claim_page(query, cursor, limit=5)

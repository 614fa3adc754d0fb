"""Claims in the store: kept per document, their words kept once (in the document's text), written
from any iterable in batches, and read back from databases written before these changes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.model import Claim, Document, Evidence, Source, Text, Value, claim_to_record
from corroborate.pipeline import extract_stored, ingest
from corroborate.store import SCHEMA_VERSION, SQLiteStore, open_store
from corroborate.store.sqlite import MIGRATIONS
from corroborate.text import segment

REPORT = Source(slug="report", title="report")
BODY = ("Fighting near Agdam\n"
        "In 1993, 40 soldiers were killed near Agdam. Shusha was captured on 8 May 1992.\n")
LATER = BODY + "In 1994, 120 civilians were killed in Fuzuli.\n"


def text_of(body: str, location: str) -> Text:
    data = body.encode("utf-8")
    return segment(Document(source=REPORT, location=location, text=body,
                            content_hash=hashlib.sha256(data).hexdigest(),
                            media_type="text/plain", size_bytes=len(data)))


def figure_claim(text: Text, claim_id: str, figure: str, sentence: str) -> Claim:
    """A 'killed' claim for ``figure`` inside ``sentence`` of ``text``."""
    start = text.text.index(sentence)
    at = text.text.index(figure, start)
    return Claim(id=claim_id, source=text.document.source.slug, document=text.document.location,
                 kind="quantity", evidence=Evidence(start, start + len(sentence), sentence),
                 figure=Evidence(at, at + len(figure), figure), extractor="test.v1",
                 measure="killed", value=Value(float(figure), float(figure), "exact"))


def stored_records(store: SQLiteStore) -> list[dict[str, object]]:
    return [json.loads(r[0]) for r in store.conn.execute("SELECT record FROM claims ORDER BY id")]


# -- 1. two documents never replace each other's claims -----------------------------------------

def test_the_same_claim_id_in_two_documents_is_kept_for_both(store: SQLiteStore) -> None:
    first, second = text_of(BODY, "/r/2023/report.txt"), text_of(LATER, "/r/2024/report.txt")
    sentence = "In 1993, 40 soldiers were killed near Agdam."
    store.save(first, [figure_claim(first, "c-same", "40", sentence)], "test.v1")
    store.save(second, [figure_claim(second, "c-same", "40", sentence),
                        figure_claim(second, "c-other", "120",
                                     "In 1994, 120 civilians were killed in Fuzuli.")], "test.v1")
    assert [(d["location"], d["claim_count"]) for d in store.documents()] == [
        ("/r/2023/report.txt", 1), ("/r/2024/report.txt", 2)]
    assert [(c.id, c.document) for c in store.claims()] == [
        ("c-same", "/r/2023/report.txt"), ("c-same", "/r/2024/report.txt"),
        ("c-other", "/r/2024/report.txt")]


def test_a_claim_id_repeated_in_one_batch_is_kept_once(store: SQLiteStore) -> None:
    text = text_of(BODY, "/r/report.txt")
    sentence = "In 1993, 40 soldiers were killed near Agdam."
    twice = [figure_claim(text, "c-40", "40", sentence), figure_claim(text, "c-40", "40", sentence)]
    store.save(text, twice, "test.v1")
    assert [c.id for c in store.claims()] == ["c-40"]
    assert [d["claim_count"] for d in store.documents()] == [1]


def test_same_named_files_in_two_folders_keep_all_their_claims(tmp_path: Path) -> None:
    """The tester's case: 2023/report.txt and 2024/report.txt, no sources.toml: both documents
    and every claim of both stay, through a second ingest and a second extraction."""
    folder = tmp_path / "reports"
    for year, body in (("2023", BODY), ("2024", LATER)):
        (folder / year).mkdir(parents=True)
        (folder / year / "report.txt").write_text(body, encoding="utf-8")
    with open_store(tmp_path / "karabakh.db") as store:
        report = ingest([str(folder)], store, max_bytes=10**6)
        assert [(o.status, o.claims) for o in report.outcomes] == [("added", 2), ("added", 3)]
        assert [(d["location"][len(str(folder)):], d["claim_count"])
                for d in store.documents()] == [("/2023/report.txt", 2), ("/2024/report.txt", 3)]
        assert sum(s["documents"] for s in store.sources()) == 2
        assert len(store.claims()) == 5
        again = ingest([str(folder)], store, max_bytes=10**6)
        assert [o.status for o in again.outcomes] == ["unchanged", "unchanged"]
        assert sorted(n for _location, n in extract_stored(store)) == [2, 3]
        claims = store.claims()
        assert len(claims) == 5
        assert len({c.id for c in claims}) == 5  # ids hash the full location (extract, 84bc8de)
        assert sorted(c.evidence.text for c in claims) == [
            "In 1993, 40 soldiers were killed near Agdam.",
            "In 1993, 40 soldiers were killed near Agdam.",
            "In 1994, 120 civilians were killed in Fuzuli.",
            "Shusha was captured on 8 May 1992.",
            "Shusha was captured on 8 May 1992."]


# -- 2. the evidence words are kept once: in documents.text --------------------------------------

def test_claim_records_hold_offsets_and_reads_give_the_words(store: SQLiteStore) -> None:
    text = text_of(LATER, "/r/report.txt")
    sentence = "In 1994, 120 civilians were killed in Fuzuli."
    store.save(text, [figure_claim(text, "c-120", "120", sentence)], "test.v1")
    [record] = stored_records(store)
    assert record["evidence"] == {"start": 100, "end": 145}
    assert record["figure"] == {"start": 109, "end": 112}
    assert sentence not in store.conn.execute("SELECT record FROM claims").fetchone()[0]
    [claim] = store.claims()
    assert claim.evidence == Evidence(100, 145, sentence)
    assert claim.figure == Evidence(109, 112, "120")
    assert claim_to_record(claim)["evidence"] == {"start": 100, "end": 145, "text": sentence}
    body = text.text
    assert body[claim.evidence.start:claim.evidence.end] == claim.evidence.text


def test_words_beyond_ascii_are_sliced_by_characters(store: SQLiteStore) -> None:
    body = "Şuşa — İlk xəbər\nŞuşada 1992-ci ildə 40 əsgər öldü.\n"
    text = text_of(body, "/r/şuşa.txt")
    sentence = "Şuşada 1992-ci ildə 40 əsgər öldü."
    store.save(text, [figure_claim(text, "c-ş", "40", sentence)], "test.v1")
    [claim] = store.claims()
    assert (claim.evidence.text, claim.figure) == (sentence, Evidence(37, 39, "40"))


def test_a_claim_whose_words_differ_from_the_text_keeps_its_words(store: SQLiteStore) -> None:
    text = text_of(BODY, "/r/report.txt")
    good = figure_claim(text, "c-40", "40", "In 1993, 40 soldiers were killed near Agdam.")
    odd = dataclasses.replace(good, evidence=Evidence(good.evidence.start, good.evidence.end,
                                                      "In 1993 forty soldiers died."))
    store.save(text, [odd], "test.v1")
    [record] = stored_records(store)
    assert record["evidence"] == {"start": 20, "end": 64, "text": "In 1993 forty soldiers died."}
    assert record["figure"] == {"start": 29, "end": 31}
    assert store.claims() == [odd]


def test_a_database_of_schema_1_is_migrated_and_reads_as_before(tmp_path: Path) -> None:
    """Records written by schema 1 hold their words; they read the same after migration."""
    path = tmp_path / "old.db"
    text = text_of(BODY, "/r/report.txt")
    claim = figure_claim(text, "c-40", "40", "In 1993, 40 soldiers were killed near Agdam.")
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0][1]())
        conn.executescript(
            "CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"
            "INSERT INTO _migrations VALUES ('0001_initial', '2024-01-01T00:00:00+00:00');"
            "PRAGMA user_version = 1;")
        conn.execute("INSERT INTO sources (slug, title) VALUES ('report', 'report')")
        conn.execute("INSERT INTO documents (id, source, location, content_hash, text_hash, "
                     "media_type, size_bytes, text, segment_count, claim_count, ingested_at) "
                     "VALUES (7, 'report', '/r/report.txt', 'x', 'y', 'text/plain', 1, ?, 0, 1, "
                     "'2024-01-01')", (BODY,))
        conn.execute("INSERT INTO claims VALUES ('c-40', 7, 'report', 'quantity', 'killed', NULL, "
                     "NULL, NULL, 29, ?)", (json.dumps(claim_to_record(claim)),))
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        assert [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY name")] == [
            "0001_initial", "0002_claims_by_document", "0003_conflict_and_published",
            "0004_stored_facts", "0005_name_mentions"]
        assert store.claims() == [claim]
        assert [tuple(r) for r in store.conn.execute(
            "SELECT document_id, id, position, evidence_start, evidence_end, figure_start, "
            "figure_end FROM claims")] == [(7, "c-40", 29, 20, 64, 29, 31)]
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


# -- 3. claims stream in: any iterable, written in batches ---------------------------------------

def test_a_generator_of_claims_is_written_in_batches(store: SQLiteStore) -> None:
    text = text_of(BODY, "/r/report.txt")
    template = figure_claim(text, "c", "40", "In 1993, 40 soldiers were killed near Agdam.")
    seen_before: dict[int, int] = {}

    def claims() -> Iterator[Claim]:
        for n in range(2500):
            if n in (999, 1000, 2001):  # what the transaction holds when claim n is asked for
                seen_before[n] = int(store.conn.execute(
                    "SELECT COUNT(*) FROM claims").fetchone()[0])
            yield dataclasses.replace(template, id=f"c-{n:04d}")

    assert store.save(text, claims(), "test.v1") == "added"
    assert seen_before == {999: 0, 1000: 1000, 2001: 2000}
    assert [d["claim_count"] for d in store.documents()] == [2500]
    assert len(store.claims()) == 2500

    [(document_id, _text)] = list(store.texts())
    store.replace_claims(document_id, (dataclasses.replace(template, id=f"d-{n}")
                                       for n in range(1200)), "test.v2")
    assert [(d["claim_count"], d["extracted_with"]) for d in store.documents()] == [
        (1200, "test.v2")]
    assert {c.id[0] for c in store.claims()} == {"d"}


def test_a_generator_that_fails_midway_keeps_nothing_of_it(store: SQLiteStore) -> None:
    text = text_of(BODY, "/r/report.txt")
    template = figure_claim(text, "c", "40", "In 1993, 40 soldiers were killed near Agdam.")
    store.save(text, [template], "test.v1")
    [(document_id, _text)] = list(store.texts())

    def claims() -> Iterator[Claim]:
        for n in range(1500):
            yield dataclasses.replace(template, id=f"d-{n}")
        raise RuntimeError("the extractor broke")

    with pytest.raises(RuntimeError):
        store.replace_claims(document_id, claims(), "test.v2")
    assert [c.id for c in store.claims()] == ["c"]
    assert [(d["claim_count"], d["extracted_with"]) for d in store.documents()] == [(1, "test.v1")]

"""PostgreSQL stores documents side by side: document writers share the writers' lock, so one
ingest (or Dask worker) storing a document does not hold up another; aligning takes the lock
alone, so it never reads or replaces facts while a document is half-written."""

from __future__ import annotations

import threading

import pytest

from corroborate.errors import CorroborateError
from corroborate.extract import iter_claims
from corroborate.model import Document, Source, Text
from corroborate.pipeline import realign
from corroborate.store import open_store
from corroborate.text import segment

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install "
                                      "'corroborate[postgresql]')")

AGDAM = "In 1993, 4,000 soldiers were killed near Agdam.\n"
FUZULI = "In 1993, 6,000 soldiers were killed near Agdam, and Fuzuli fell in August 1993.\n"
CONFLICT = "Nagorno-Karabakh conflict"


def text_of(body: str, location: str) -> Text:
    source = Source("wire", "The Wire")
    return segment(Document(source, location, body, f"h-{location}", "text/plain",
                            len(body), conflict=CONFLICT))


def test_a_document_is_stored_while_another_is_being_written(postgres_url: str) -> None:
    with open_store(postgres_url) as first, open_store(postgres_url, timeout=2) as second:
        # (a source's first document is stored first: a row being added is waited for)
        first.save(text_of("Shusha was captured on 8 May 1992.\n", "/wire/0.txt"))
        # the first writer is half-way through its document: its transaction holds the lock
        with first._document_writing("/wire/1.txt", "/wire/1.txt"):
            first._insert_source(Source("wire", "The Wire"))
            # same source, same conflict: stored at once, not after the first commits
            fuzuli = text_of(FUZULI, "/wire/2.txt")
            assert second.save(fuzuli, iter_claims(fuzuli), "x") == "added"
            # aligning waits for every document writer: here it gives up (timeout 2 s)
            with pytest.raises(CorroborateError) as caught:
                realign(second)
            assert caught.value.line().startswith(f"Error [E306] {postgres_url}")
            agdam = text_of(AGDAM, "/wire/1.txt")
            first._save_in_transaction(agdam, iter_claims(agdam), "x")
        realign(second)
        assert sorted(d["location"] for d in second.documents()) == [
            "/wire/0.txt", "/wire/1.txt", "/wire/2.txt"]
        assert second.counts(CONFLICT)["disputes"] == 1  # 4,000 against 6,000 killed
        assert not second.is_stale()


def test_writers_of_one_source_and_conflict_side_by_side_lose_nothing(postgres_url: str) -> None:
    open_store(postgres_url).close()
    failures: list[str] = []

    def write(start: int) -> None:
        with open_store(postgres_url, timeout=30) as store:
            for n in range(start, start + 10):
                text = text_of(f"In 199{n % 10}, {1000 + n} soldiers were killed near Agdam.\n",
                               f"/wire/{n}.txt")
                try:
                    store.save(text, iter_claims(text), "x")
                except CorroborateError as exc:
                    failures.append(exc.line())

    threads = [threading.Thread(target=write, args=(start,)) for start in (0, 10, 20, 30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with open_store(postgres_url) as store:
        assert len(store.documents()) == 40
        assert store.counts()["claims"] == 40
        generation = dict(store.stale_conflicts())[CONFLICT]
        assert generation >= 40  # every document's write raised its conflict's generation

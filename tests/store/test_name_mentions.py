"""Each document's place and side names are found where it is extracted and stored with it, so
that aligning a conflict again reads them instead of scanning every stored text; the name facts
are the same as scanning the texts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import corroborate.pipeline
from corroborate.align import Fact, name_variants
from corroborate.align.scope import scoped
from corroborate.extract.mentions import NameMention, name_mentions
from corroborate.extract.resolve import find_actors, find_places
from corroborate.pipeline import extract_stored, ingest, names_of, realign
from corroborate.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [str(ROOT / "examples" / name) for name in ("karabakh", "falklands", "kosovo")]


def scanned_names(store: SQLiteStore) -> list[dict[str, object]]:
    """Name facts as made before mentions were stored: every stored text scanned."""
    mentions: dict[str | None, list[tuple[str, str, str, str]]] = {}
    for _id, text in store.texts():
        found = mentions.setdefault(text.document.conflict, [])
        slug = text.document.source.slug
        found.extend((slug, "place", m.canonical, m.written) for m in find_places(text.text))
        found.extend((slug, "actor", m.canonical, m.written) for m in find_actors(text.text)
                     if m.role == "name")
    facts: list[Fact] = []
    for own, said in mentions.items():
        for fact in name_variants(said):
            fact_id, key = scoped(fact.kind, fact.id, fact.key, own)
            facts.append(replace(fact, id=fact_id, key=key))
    facts.sort(key=lambda f: (f.key["entity"], f.key["conflict"] or ""))
    return [f.record() for f in facts]


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    store = SQLiteStore(tmp_path_factory.mktemp("names") / "names.db")
    report = ingest(EXAMPLES, store, max_bytes=5_000_000)
    assert not report.failed
    return store


def test_counts_each_written_name_in_order_of_first_use() -> None:
    text = ("The Nagorno-Karabakh Defense Army left Khankandi. Azerbaijan's army entered "
            "Stepanakert; Khankandi was quiet, and Shushi (Shusha) fell. The Republic of "
            "Artsakh dissolved.")
    assert name_mentions(text) == [
        NameMention("place", "Nagorno-Karabakh", "Nagorno-Karabakh", 1),
        NameMention("place", "Stepanakert", "Khankandi", 2),
        NameMention("place", "Azerbaijan", "Azerbaijan", 1),
        NameMention("place", "Stepanakert", "Stepanakert", 1),
        NameMention("place", "Shusha", "Shushi", 1),
        NameMention("place", "Shusha", "Shusha", 1),
        NameMention("place", "Nagorno-Karabakh", "Artsakh", 1),
        NameMention("actor", "Artsakh", "Nagorno-Karabakh Defense Army", 1),
        NameMention("actor", "Artsakh", "Republic of Artsakh", 1),
    ]


def test_every_stored_document_keeps_its_names(examples_store: SQLiteStore) -> None:
    documents = examples_store.documents()
    assert len(documents) == 15
    assert examples_store.names_missing() == set()
    counted = examples_store.conn.execute(
        "SELECT COUNT(DISTINCT document_id), SUM(times) FROM name_mentions").fetchone()
    assert counted[0] == 15 and counted[1] > 300


def test_stored_names_give_the_facts_of_scanning_every_text(examples_store: SQLiteStore) -> None:
    assert [f.record() for f in names_of(examples_store)] == scanned_names(examples_store)


def test_realigning_reads_stored_names_and_scans_no_text(
        examples_store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> list[NameMention]:
        raise AssertionError("a stored document's text was scanned for names again")

    before = [f.record() for f in names_of(examples_store)]
    monkeypatch.setattr(corroborate.pipeline, "name_mentions", refuse)
    examples_store.conn.execute("UPDATE alignment_state SET generation = generation + 1")
    examples_store.conn.commit()
    assert realign(examples_store)  # every conflict aligned again
    assert [f.record() for f in names_of(examples_store)] == before


def test_a_document_stored_without_names_is_scanned_once_and_then_kept(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "old.db")
    assert not ingest(EXAMPLES[:1], store, max_bytes=5_000_000).failed
    expected = scanned_names(store)
    # as a database written before migration 0005 holds its documents
    store.conn.execute("DELETE FROM name_mentions")
    store.conn.execute("UPDATE documents SET names_stored = 0")
    store.conn.execute("UPDATE alignment_state SET generation = generation + 1")
    store.conn.commit()
    assert len(store.names_missing()) == 5
    realign(store)
    assert [f.record() for f in names_of(store)] == expected
    assert store.names_missing() == set()


def test_extracting_again_replaces_the_names(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Shushi was shelled in 1992. Shushi again in 1992.\n",
                                  encoding="utf-8")
    store = SQLiteStore(tmp_path / "again.db")
    assert not ingest([str(folder)], store, max_bytes=100_000).failed
    rows = store.conn.execute("SELECT canonical, written, times FROM name_mentions").fetchall()
    assert [tuple(r) for r in rows] == [("Shusha", "Shushi", 2)]
    list(extract_stored(store))
    rows = store.conn.execute("SELECT canonical, written, times FROM name_mentions").fetchall()
    assert [tuple(r) for r in rows] == [("Shusha", "Shushi", 2)]


def test_postgresql_keeps_the_same_names(postgres_url: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborate.store import open_store

    sqlite = SQLiteStore(tmp_path / "twin.db")
    assert not ingest(EXAMPLES[:1], sqlite, max_bytes=5_000_000).failed
    with open_store(postgres_url) as store:
        assert not ingest(EXAMPLES[:1], store, max_bytes=5_000_000).failed
        assert store.names_missing() == set()
        assert store.name_mentions() == sqlite.name_mentions()

        def refuse(text: str) -> list[NameMention]:
            raise AssertionError("a stored document's text was scanned for names again")

        monkeypatch.setattr(corroborate.pipeline, "name_mentions", refuse)
        store.conn.execute("UPDATE alignment_state SET generation = generation + 1")
        realign(store)
        assert [f.record() for f in names_of(store)] == [f.record() for f in names_of(sqlite)]


def test_the_cycle_collector_is_paused_while_aligning_and_back_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    seen: list[bool] = []
    aligned = corroborate.pipeline._aligned

    def watching(claims: list[object]) -> list[Fact]:
        seen.append(gc.isenabled())
        return aligned(claims)  # type: ignore[arg-type]

    monkeypatch.setattr(corroborate.pipeline, "_aligned", watching)
    store = SQLiteStore(tmp_path / "gc.db")
    assert not ingest(EXAMPLES[:1], store, max_bytes=5_000_000).failed
    assert seen == [False]  # paused: millions of claims made each full pass walk them all
    assert gc.isenabled()
    assert store.counts()["facts"] > 50

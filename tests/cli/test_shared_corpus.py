"""The five shared real documents, end to end through the command (skipped without ../shared)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from corroborate.store import open_store

Cli = Callable[..., Result]

SLUGS = {"wikipedia-nagorno-karabakh-conflict", "wikipedia-occupied-territories",
         "kiddle-nagorno-karabakh-conflict", "rulac-occupation-of-azerbaijan",
         "azerbaijan-occupation-in-figures"}


def test_the_shared_corpus_end_to_end(cli: Cli, shared_corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    result = cli("ingest", str(shared_corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "5 documents: 5 added"
    assert "Error" not in result.stderr

    hits = json.loads(cli("search", "Lachin", "--db", str(db), "--limit", "50", "-f",
                          "json").stdout)
    assert len({h["source"] for h in hits}) >= 2
    assert all("[Lachin]" in h["snippet"] for h in hits)

    with open_store(db) as store:
        assert {s["slug"] for s in store.sources()} == SLUGS
        assert store.check() == []
        [(_id, wikipedia)] = list(store.texts("wikipedia-nagorno-karabakh-conflict"))
        headers = {}
        for s in wikipedia.segments:
            if s.kind == "cell" and s.row == 0:
                headers.setdefault(s.table, []).append(wikipedia.text[s.start:s.end])
        [table] = [t for t, cells in headers.items()
                   if cells == ["Year", "Armenia", "Azerbaijan", "Total"]]
        cells = [(s.start, s.end) for s in wikipedia.segments if s.table == table]
        assert len(cells) >= 4 * 3
        for s in wikipedia.segments:  # no sentence swallowed a cell of that table
            if s.kind == "sentence":
                assert not any(s.start < end and start < s.end for start, end in cells)

    again = cli("ingest", str(shared_corpus), "--db", str(db), "--quiet")
    assert (again.exit_code, again.stdout.strip()) == (0, "5 documents: 5 unchanged")

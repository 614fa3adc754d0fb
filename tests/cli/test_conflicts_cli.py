"""Conflicts and publication dates through the command line: ingest shows each document's
conflict (given or inferred), `conflicts` lists them, --conflict scopes every fact command."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from corroborate.store import open_store
from corroborate.store.sqlite import MIGRATIONS

Cli = Callable[..., Result]
Run = Callable[..., subprocess.CompletedProcess[str]]

GOOSE_GREEN = ("At Goose Green on 28 May 1982, 17 British soldiers were killed; the Falklands "
               "War's longest battle ended with 961 Argentine soldiers captured.\n")
RACAK = ("In Račak, Kosovo, 45 Albanian villagers were killed on 15 January 1999; the Yugoslav "
         "government said 40 fighters died.\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    falklands, kosovo = tmp_path / "falklands", tmp_path / "kosovo"
    falklands.mkdir()
    kosovo.mkdir()
    (falklands / "goose-green.txt").write_text(GOOSE_GREEN, encoding="utf-8")
    (kosovo / "racak.txt").write_text(RACAK, encoding="utf-8")
    (kosovo / "sources.toml").write_text(
        '[racak]\ntitle = "Račak"\npublisher = "HLC"\nconflict = "Kosovo war"\n'
        'published = "2015-01"\n', encoding="utf-8")
    return tmp_path


def test_ingest_shows_each_documents_conflict(cli: Cli, corpus: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    db = str(tmp_path / "c.db")
    result = cli("ingest", str(corpus), "--db", db)
    assert result.exit_code == 0, result.output
    table = " ".join(result.stdout.replace("│", " ").split())
    assert "Falklands War (1982) (inferred)" in table
    assert "Kosovo War (1998–1999) added" in table  # given (as "Kosovo war"): canonical, unmarked
    listed = json.loads(cli("conflicts", "--db", db, "-f", "json").stdout)
    assert [(c["conflict"], c["sources"], [d["inferred"] for d in c["documents"]])
            for c in listed] == [("Falklands War (1982)", ["goose-green"], [True]),
                                 ("Kosovo War (1998–1999)", ["racak"], [False])]
    shown = " ".join(cli("conflicts", "--db", db).stdout.replace("│", " ").split())
    assert "2 conflicts" in shown and "inferred" in shown and "given" in shown


def test_the_conflict_flag_corrects_an_inferred_conflict(cli: Cli, corpus: Path,
                                                         tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    cli("ingest", str(corpus / "falklands"), "--db", db)
    result = cli("ingest", str(corpus / "falklands"), "--db", db, "--conflict", "Malvinas War")
    assert "unchanged" in result.stdout
    with open_store(db) as store:
        [doc] = store.documents()
        assert (doc["conflict"], doc["conflict_inferred"]) == ("Falklands War (1982)", False)
    cli("ingest", str(corpus / "falklands"), "--db", db, "--conflict", "unknown")
    with open_store(db) as store:
        assert store.documents()[0]["conflict"] is None
        assert {c.conflict for c in store.claims()} == {None}


def test_a_sources_toml_edit_reaches_stored_documents_and_claims(cli: Cli, corpus: Path,
                                                                 tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    cli("ingest", str(corpus / "kosovo"), "--db", db)
    manifest = corpus / "kosovo" / "sources.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'conflict = "Kosovo war"', 'conflict = "Račak massacre"').replace("2015-01", "2016"),
        encoding="utf-8")
    assert "unchanged" in cli("ingest", str(corpus / "kosovo"), "--db", db).stdout
    with open_store(db) as store:
        assert [c["conflict"] for c in store.conflicts()] == ["Račak massacre"]
        assert {c.conflict for c in store.claims()} == {"Račak massacre"}
        assert [s["published"] for s in store.sources()] == ["2016"]
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'conflict = "Račak massacre"\n', ""), encoding="utf-8")
    cli("ingest", str(corpus / "kosovo"), "--db", db)  # no key now: inferred from the text
    with open_store(db) as store:
        [doc] = store.documents()
        assert (doc["conflict"], doc["conflict_inferred"]) == ("Kosovo War (1998–1999)", True)


def test_fact_commands_take_a_conflict(cli: Cli, corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    cli("ingest", str(corpus), "--db", db)
    every = [json.loads(line) for line in
             cli("facts", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert {f["key"]["conflict"] for f in every} == {"Falklands War (1982)",
                                                     "Kosovo War (1998–1999)"}
    kosovo = [json.loads(line) for line in
              cli("facts", "--db", db, "-f", "jsonl", "--conflict", "kosovo war").stdout.splitlines()]
    assert kosovo and {f["key"]["conflict"] for f in kosovo} == {"Kosovo War (1998–1999)"}
    assert {c["conflict"] for f in kosovo for c in f["claims"]} == {"Kosovo War (1998–1999)"}
    claims = [json.loads(line) for line in cli(
        "export", "claims", "--db", db, "--conflict", "Falklands War (1982)").stdout.splitlines()]
    assert claims and {(c["source"], c["conflict"]) for c in claims} == {
        ("goose-green", "Falklands War (1982)")}
    report = json.loads(cli("report", "--db", db, "-f", "json", "--conflict", "Kosovo War").stdout)
    assert report["conflict"] == "Kosovo War (1998–1999)"
    assert [(s["slug"], s["published"]) for s in report["sources"]] == [("racak", "2015-01")]
    disputes = cli("export", "disputes", "--db", db, "--conflict", "unknown").stdout
    assert disputes == ""


def test_an_unknown_conflict_is_one_line(run_corroborate: Run, corpus: Path,
                                         tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run_corroborate("ingest", str(corpus / "kosovo"), "--db", db)
    result = run_corroborate("disputes", "--db", db, "--conflict", "Tigray War")
    assert result.returncode == 1
    assert result.stderr == (
        "Error [E402] --conflict: not found: no stored document is about 'Tigray War'; stored: "
        "'Kosovo War (1998–1999)'; `corroborate conflicts` lists them\n")


def test_published_flag_and_exports(cli: Cli, corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    bad = cli("ingest", str(corpus), "--db", db, "--published", "May 1982")
    assert bad.exit_code == 2
    assert "--published must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not 'May 1982'" in \
        bad.output
    assert cli("ingest", str(corpus), "--db", db, "--published", "1982-06").exit_code == 0
    sources = [json.loads(line) for line in cli("export", "sources", "--db", db).stdout.splitlines()]
    # the manifest's date wins over the flag; the flag dates what no manifest dates
    assert [(s["slug"], s["published"]) for s in sources] == [("goose-green", "1982-06"),
                                                              ("racak", "2015-01")]
    table = " ".join(cli("sources", "--db", db).stdout.replace("│", " ").split())
    assert "published" in table and "2015-01" in table
    markdown = cli("report", "--db", db).stdout
    assert "published 2015-01" in markdown
    assert "Conflicts: Falklands War (1982), Kosovo War (1998–1999)." in markdown


def test_a_database_of_schema_2_moves_conflict_and_published_to_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        for _name, sql in MIGRATIONS[:2]:
            conn.executescript(sql())
        conn.executescript(
            "CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"
            "INSERT INTO _migrations VALUES ('0001_initial', '2024-01-01'), "
            "('0002_claims_by_document', '2024-01-01'); PRAGMA user_version = 2;")
        conn.execute("INSERT INTO sources (slug, title, extra) VALUES ('upi', 'UPI', ?)",
                     (json.dumps({"conflict": "Falklands War (1982)", "published": "1982-06-14",
                                  "restates": "https://www.upi.com/"}),))
        conn.execute("INSERT INTO documents (source, location, content_hash, text_hash, "
                     "media_type, size_bytes, text, segment_count, ingested_at) VALUES ('upi', "
                     "'/x/upi.txt', 'h', 't', 'text/plain', 3, 'abc', 0, '2024-01-01')")
    with open_store(path) as store:
        [source] = store.sources()
        assert (source["published"], source["extra"]) == (
            "1982-06-14", {"restates": "https://www.upi.com/"})
        [doc] = store.documents()
        assert (doc["conflict"], doc["conflict_inferred"]) == ("Falklands War (1982)", False)

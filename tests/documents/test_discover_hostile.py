"""Folders that cannot be listed, broken and looping links, and files that share a name: each is
one line or a distinct source, and the batch goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.documents import discover, read_document
from corroborate.pipeline import ingest
from corroborate.store import SQLiteStore

TEXT = "Shusha was taken on 8 May 1992.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name in ("a.txt", "locked/b.txt", "open/c.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(TEXT, encoding="utf-8")
    return root


def test_an_unreadable_folder_is_one_line_and_the_batch_goes_on(
        corpus: Path, monkeypatch: pytest.MonkeyPatch, store: SQLiteStore) -> None:
    locked = corpus / "locked"
    listing = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    report = ingest([str(corpus)], store, max_bytes=10_000)
    assert [(o.location, o.status) for o in report.outcomes] == [
        (str(corpus / "a.txt"), "added"), (str(locked), "failed"),
        (str(corpus / "open" / "c.txt"), "added")]
    assert report.outcomes[1].error == (
        f"Error [E112] {locked}: cannot list the folder (Permission denied); its documents were "
        "skipped: check its permissions")


def test_a_broken_link_is_one_line(corpus: Path) -> None:
    link = corpus / "gone.txt"
    link.symlink_to(corpus / "deleted.txt")
    refs, _notes = discover([str(corpus)])
    problems = [r.problem.line() for r in refs if r.problem]
    line = (f"Error [E113] {link}: bad symbolic link (it points to {corpus / 'deleted.txt'}, which "
            "does not exist); fix or remove the link")
    assert problems == [line]
    refs, _notes = discover([str(link)])
    assert refs[0].problem is not None and refs[0].problem.line() == line


def test_a_link_to_itself_is_one_line(corpus: Path) -> None:
    (corpus / "ping.txt").symlink_to("pong.txt")
    (corpus / "pong.txt").symlink_to("ping.txt")
    refs, _notes = discover([str(corpus)])
    assert [r.problem.line() for r in refs if r.problem] == [
        f"Error [E113] {corpus / 'ping.txt'}: bad symbolic link (a loop through pong.txt); fix or "
        "remove the link",
        f"Error [E113] {corpus / 'pong.txt'}: bad symbolic link (a loop through ping.txt); fix or "
        "remove the link"]


def test_a_folder_link_back_to_an_ancestor_is_walked_once(corpus: Path) -> None:
    back = corpus / "open" / "up"
    back.symlink_to(corpus, target_is_directory=True)
    refs, _notes = discover([str(corpus)])
    assert [r.location for r in refs] == [str(corpus / "a.txt"), str(corpus / "locked" / "b.txt"),
                                          str(corpus / "open" / "c.txt"), str(back)]
    assert refs[-1].problem is not None
    assert refs[-1].problem.line() == (f"Error [E113] {back}: bad symbolic link (a loop back to "
                                       f"{corpus.resolve()}); fix or remove the link")


def test_same_file_names_in_different_folders_are_different_sources(
        tmp_path: Path, store: SQLiteStore) -> None:
    for year in ("2023", "2024"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(f"The {year} report: 5 soldiers were killed.\n",
                                                    encoding="utf-8")
    refs, _notes = discover([str(tmp_path)])
    documents = [read_document(r, max_bytes=10_000) for r in refs]
    assert [(d.source.slug, d.source.title) for d in documents] == [
        ("2023-report", "report (2023)"), ("2024-report", "report (2024)")]
    ingest([str(tmp_path)], store, max_bytes=10_000)
    assert [s["slug"] for s in store.sources()] == ["2023-report", "2024-report"]


def test_a_single_file_and_distinct_names_keep_their_plain_stem(tmp_path: Path) -> None:
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "report.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "2023" / "summary.txt").write_text(TEXT, encoding="utf-8")
    refs, _notes = discover([str(tmp_path / "2023" / "report.txt")])
    assert read_document(refs[0], max_bytes=10_000).source.slug == "report"
    refs, _notes = discover([str(tmp_path)])
    assert [read_document(r, max_bytes=10_000).source.slug for r in refs] == ["report", "summary"]


def test_the_same_file_named_twice_is_no_clash(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    refs, _notes = discover([str(path), str(tmp_path / "." / "report.txt")])
    assert [read_document(r, max_bytes=10_000).source.slug for r in refs] == ["report", "report"]


def test_names_that_clash_in_their_folders_too_go_up_further(tmp_path: Path) -> None:
    for region in ("east", "west"):
        (tmp_path / region / "2023").mkdir(parents=True)
        (tmp_path / region / "2023" / "report.txt").write_text(TEXT, encoding="utf-8")
    refs, _notes = discover([str(tmp_path)])
    assert [read_document(r, max_bytes=10_000).source.slug for r in refs] == [
        "east-2023-report", "west-2023-report"]

"""Folders, sources.toml and where a document's source metadata comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, discover, load_manifest, read_document
from corroborate.errors import CorroborateError
from corroborate.model import Source
from tests.conftest import DATA

MANIFEST = """\
# Sources of the documents in this folder.
[hrw-1994]
title = "Azerbaijan: Seven Years of Conflict in Nagorno-Karabakh"
publisher = "Human Rights Watch"
kind = "ngo"
url = "https://www.hrw.org/reports/1994/azerbaijan/"
license = "all rights reserved"
file = "hrw-report.txt"
pages = 130

[icg-2005]
title = "Nagorno-Karabakh: Viewing the Conflict from the Ground"
publisher = "International Crisis Group"
kind = "think-tank"

[osce-1995]
title = "A report this folder does not hold"
"""

FLAGS = Source(slug="from-flags", title="Given on the command line", publisher="Flag Press",
               kind="news")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of documents with a manifest, a subfolder with its own, and one without."""
    root = tmp_path / "karabakh"
    write(root / "sources.toml", MANIFEST)
    write(root / "hrw-report.txt", "Khojaly was taken on 26 February 1992.\n")
    write(root / "icg-2005.md", "# Ground view\n\nRefugees from Aghdam live in Barda.\n")
    write(root / "stray-notes.txt", "Notes nobody named in the manifest.\n")
    write(root / ".draft.txt", "A hidden draft.\n")
    write(root / "2020" / "sources.toml",
          '[ceasefire-2020]\ntitle = "Statement of 10 November 2020"\nkind = "treaty"\n'
          'file = "statement.txt"\n')
    write(root / "2020" / "statement.txt", "Armenia returns the Aghdam district by 20 November.\n")
    write(root / "press" / "tass-1994.txt", "The Bishkek Protocol was signed in May 1994.\n")
    write(root / ".git" / "notes.txt", "not a document\n")
    return root


def test_folder_is_read_recursively_with_each_folders_manifest(folder: Path) -> None:
    refs, notes = discover([str(folder)])
    by_name = {Path(r.location).name: r for r in refs}
    assert sorted(by_name) == ["hrw-report.txt", "icg-2005.md", "statement.txt", "tass-1994.txt"]
    assert all(r.problem is None for r in refs)
    hrw = by_name["hrw-report.txt"].source
    assert hrw == Source(slug="hrw-1994",
                         title="Azerbaijan: Seven Years of Conflict in Nagorno-Karabakh",
                         publisher="Human Rights Watch",
                         url="https://www.hrw.org/reports/1994/azerbaijan/", kind="ngo",
                         license="all rights reserved", extra={"pages": 130})
    icg = by_name["icg-2005.md"].source
    assert icg is not None
    assert (icg.slug, icg.publisher, icg.kind) == ("icg-2005", "International Crisis Group",
                                                   "think-tank")
    statement = by_name["statement.txt"].source
    assert statement is not None
    assert (statement.slug, statement.kind) == ("ceasefire-2020", "treaty")
    # A subfolder without a manifest: nothing given, so the file name decides when it is read.
    assert by_name["tass-1994.txt"].source is None
    assert notes == [
        f"{folder / 'stray-notes.txt'}: not named in {folder / 'sources.toml'}; skipped",
        f"{folder / 'sources.toml'}: [osce-1995] names no file in {folder}",
    ]


def test_unnamed_files_are_skipped_even_with_flags(folder: Path) -> None:
    refs, _notes = discover([str(folder)], FLAGS)
    names = {Path(r.location).name: r.source for r in refs}
    assert "stray-notes.txt" not in names
    assert names["hrw-report.txt"] is not None and names["hrw-report.txt"].slug == "hrw-1994"
    assert names["tass-1994.txt"] == FLAGS


def test_manifest_beside_a_file_beats_flags_and_flags_beat_the_name(folder: Path) -> None:
    named = read_document(discover([str(folder / "hrw-report.txt")], FLAGS)[0][0], max_bytes=10**6)
    assert named.source.slug == "hrw-1994"
    assert named.source.publisher == "Human Rights Watch"

    flagged = read_document(discover([str(folder / "press" / "tass-1994.txt")], FLAGS)[0][0],
                            max_bytes=10**6)
    assert flagged.source == FLAGS

    derived = read_document(discover([str(folder / "press" / "tass-1994.txt")])[0][0],
                            max_bytes=10**6)
    assert (derived.source.slug, derived.source.title, derived.source.kind) == (
        "tass-1994", "tass 1994", None)


def test_a_file_the_manifest_does_not_name_takes_the_flags(folder: Path) -> None:
    ref = discover([str(folder / "stray-notes.txt")], FLAGS)[0][0]
    assert ref.source == FLAGS


def test_flags_without_a_slug_keep_the_name_and_add_their_fields(folder: Path) -> None:
    """--kind or --publisher alone must not merge every document into one source."""
    only_kind = Source(slug="", title="", kind="news", publisher="TASS")
    refs, _ = discover([str(folder / "press" / "tass-1994.txt"), str(folder / "stray-notes.txt")],
                       only_kind)
    sources = [read_document(r, max_bytes=10**6).source for r in refs]
    assert [(s.slug, s.title, s.kind, s.publisher) for s in sources] == [
        ("tass-1994", "tass 1994", "news", "TASS"),
        ("stray-notes", "stray notes", "news", "TASS"),
    ]


def test_the_same_document_named_by_its_stem_or_full_name(tmp_path: Path) -> None:
    write(tmp_path / "sources.toml", '[shusha-1992]\ntitle = "Fall of Shusha"\n'
                                     '[lachin]\ntitle = "Lachin"\nfile = "lachin-1992.html"\n')
    write(tmp_path / "shusha-1992.txt", "Shusha fell on 8 May 1992.\n")
    write(tmp_path / "lachin-1992.html", "<p>Lachin fell on 18 May 1992.</p>\n")
    refs, notes = discover([str(tmp_path)])
    assert [(Path(r.location).name, r.source.slug if r.source else None) for r in refs] == [
        ("lachin-1992.html", "lachin"), ("shusha-1992.txt", "shusha-1992")]
    assert notes == []


def test_urls_and_missing_paths_become_references() -> None:
    refs, notes = discover(["https://example.org/report.html", "/no/such/karabakh.txt"])
    assert refs[0] == DocumentRef("https://example.org/report.html")
    assert refs[1].problem is not None
    assert refs[1].problem.line() == "Error [E109] /no/such/karabakh.txt: no such file or directory"
    assert notes == []


# -- malformed manifests -------------------------------------------------------------------------

@pytest.mark.parametrize(("manifest", "reason"), [
    ('[hrw-1994]\ntitle = "Seven Years of Conflict\npublisher = "HRW"\n',
     "(at line 2, column 33)"),
    ('[hrw-1994]\ntitle = "Seven Years of Conflict"\n\n[icg-2005]\npublisher = "ICG"\n',
     "[icg-2005] title: field required (at line 4)"),
    ('[hrw-1994]\ntitle = "Seven Years of Conflict"\n\n[icg-2005]\ntitle = "Ground view"\n'
     'kind = 2005\n',
     "[icg-2005] kind: input should be a valid string (at line 6)"),
    ('[hrw-1994]\ntitle = "Seven Years of Conflict"\n["HRW Report"]\ntitle = "HRW"\n',
     "'HRW Report' is not a slug (use lower-case letters, digits and '-') (at line 3)"),
    ('title = "Seven Years of Conflict"\n', "'title' should be a table [title] with a title "
                                            "(at line 1)"),
    ("[hrw-1994]\ntitle = 'Seven'\n[hrw-1994]\ntitle = 'Again'\n",
     "Cannot declare ('hrw-1994',) twice (at line 3, column 10)"),
])
def test_a_malformed_manifest_is_e201_naming_file_and_line(tmp_path: Path, manifest: str,
                                                          reason: str) -> None:
    path = write(tmp_path / "sources.toml", manifest)
    with pytest.raises(CorroborateError) as caught:
        load_manifest(path)
    line = caught.value.line()
    assert line.startswith(f"Error [E201] {path}: malformed manifest: ")
    assert line.endswith(reason)
    assert "\n" not in line


def test_a_manifest_that_is_not_utf8_is_e201(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_bytes('[baku-1990]\ntitle = "Bakı"\n'.encode("utf-16"))
    with pytest.raises(CorroborateError) as caught:
        load_manifest(path)
    assert caught.value.line().startswith(f"Error [E201] {path}: malformed manifest: not UTF-8")


def test_bad_manifest_folder_gives_e201_and_e111_for_its_documents() -> None:
    folder = DATA / "bad_manifest"
    refs, notes = discover([str(folder)])
    assert notes == []
    lines = []
    for ref in refs:
        with pytest.raises(CorroborateError) as caught:
            read_document(ref, max_bytes=10**6)
        lines.append(caught.value.line())
    assert lines == [
        f"Error [E201] {folder / 'sources.toml'}: malformed manifest: Invalid value "
        "(at line 3, column 13)",
        f"Error [E111] {folder / 'report-one.txt'}: skipped: the manifest "
        f"{folder / 'sources.toml'} beside it is malformed",
    ]


def test_a_single_file_beside_a_bad_manifest_is_e111() -> None:
    path = DATA / "bad_manifest" / "report-one.txt"
    ref = discover([str(path)])[0][0]
    assert ref.problem is not None
    assert ref.problem.code.name == "E111"

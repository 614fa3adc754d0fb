"""Bad input: each file in tests/data/bad/ fails with its own code, as one line naming the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, discover, read_document
from corroborate.errors import CorroborateError
from tests.conftest import DATA

BAD = DATA / "bad"

EXPECTED = {
    "image.png": "E102",          # PNG signature
    "archive.txt": "E102",        # a ZIP archive, whatever its name says
    "empty.txt": "E104",
    "blank.md": "E104",           # spaces, tabs and newlines only
    "script-only.html": "E106",   # markup with no visible text
    "truncated.pdf": "E107",
    "undecodable.txt": "E103",    # neither UTF-8 nor any encoding that reads as language
}


def error_of(location: str | Path, max_bytes: int = 1_000_000) -> CorroborateError:
    ref = discover([str(location)])[0][0]
    with pytest.raises(CorroborateError) as caught:
        read_document(ref, max_bytes=max_bytes)
    return caught.value


def test_every_bad_file_has_an_expected_code() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("path", sorted(BAD.iterdir()), ids=lambda p: p.name)
def test_bad_file_fails_with_its_code_in_one_line(path: Path) -> None:
    error = error_of(path)
    line = error.line()
    assert error.code.name == EXPECTED[path.name]
    assert line.startswith(f"Error [{EXPECTED[path.name]}] {path}: ")
    assert "\n" not in line and "Traceback" not in line


def test_the_reasons_say_what_is_wrong() -> None:
    assert error_of(BAD / "image.png").reason.startswith("binary file (PNG image)")
    assert error_of(BAD / "archive.txt").reason.startswith("binary file (ZIP archive")
    assert error_of(BAD / "undecodable.txt").reason == (
        "cannot decode the bytes as text (not UTF-8 (byte 0x81 at offset 0) and no other "
        "encoding fits); pass --encoding")
    assert error_of(BAD / "truncated.pdf").reason.startswith("broken PDF (")


def test_over_max_bytes_is_e105(tmp_path: Path) -> None:
    path = tmp_path / "long-report.txt"
    path.write_text("Aghdam was captured on 23 July 1993.\n" * 100, encoding="utf-8")
    size = path.stat().st_size
    error = error_of(path, max_bytes=size - 1)
    assert error.line() == (f"Error [E105] {path}: too large: {size} bytes, over the limit of "
                            f"{size - 1}; raise --max-bytes")
    assert read_document(DocumentRef(str(path)), max_bytes=size).size_bytes == size


def test_a_missing_path_is_e109(tmp_path: Path) -> None:
    path = tmp_path / "kelbajar-1993.txt"
    assert error_of(path).line() == f"Error [E109] {path}: no such file or directory"
    with pytest.raises(CorroborateError, match=r"^Error \[E109\]"):
        read_document(DocumentRef(str(path)), max_bytes=100)


def test_an_unsupported_type_is_e110(tmp_path: Path) -> None:
    path = tmp_path / "casualties.json"
    path.write_text('{"2016": 200}\n', encoding="utf-8")
    assert error_of(path).line() == (f"Error [E110] {path}: unsupported document type '.json'; "
                                     "corroborate reads .txt, .md, .html and .pdf")


def test_a_pdf_without_text_layer_or_password_is_e107(
        tmp_path: Path, make_pdf: Callable[[Path, list[list[str]]], Path]) -> None:
    from reportlab.pdfgen import canvas

    scanned = tmp_path / "scanned.pdf"
    drawing = canvas.Canvas(str(scanned))
    drawing.rect(72, 72, 300, 400, fill=1)
    drawing.showPage()
    drawing.save()
    assert error_of(scanned).reason == ("broken PDF (no text layer (a scanned PDF needs OCR "
                                        "first))")

    locked = tmp_path / "locked.pdf"
    drawing = canvas.Canvas(str(locked), encrypt="stepanakert")
    drawing.drawString(72, 700, "Casualty list, Martuni district, 1992")
    drawing.showPage()
    drawing.save()
    assert error_of(locked).reason == "broken PDF (encrypted with a password; decrypt it first)"


def test_a_pdf_restricted_only_by_an_owner_password_is_read(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "restricted.pdf"
    drawing = canvas.Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner",
                                                                   canCopy=0))
    drawing.drawString(72, 700, "Agdam was captured on 23 July 1993.")
    drawing.showPage()
    drawing.save()
    assert read_document(DocumentRef(str(path)), max_bytes=10**6).text == (
        "Agdam was captured on 23 July 1993.")


@pytest.mark.parametrize("mangle", [
    lambda data: data.replace(b"/FlateDecode", b"/FlateDecodX"),   # an unknown filter
    lambda data: data[: len(data) // 2],                             # cut in the middle
    lambda data: data.replace(b"obj", b"ojb"),                       # objects unreadable
], ids=["unknown-filter", "truncated", "objects"])
def test_a_mangled_pdf_is_e107_not_a_crash(
        tmp_path: Path, make_pdf: Callable[[Path, list[list[str]]], Path],
        mangle: Callable[[bytes], bytes]) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "mangled.pdf"
    drawing = canvas.Canvas(str(path), pageCompression=1)
    drawing.drawString(72, 700, "Talish was retaken in April 2016.")
    drawing.showPage()
    drawing.save()
    path.write_bytes(mangle(path.read_bytes()))
    try:
        text = read_document(DocumentRef(str(path)), max_bytes=10**6).text
    except CorroborateError as error:
        assert error.code.name in {"E107", "E104"}
    else:  # pypdf may recover some; then the words it recovers are the real ones
        assert "Talish" in text


def test_html_with_control_characters_falls_back_without_crashing(tmp_path: Path) -> None:
    path = tmp_path / "comments.html"
    path.write_bytes(b"<html><body><div class='comments'><p>Martakert\x06 was shelled in 1992."
                     b"</p><p>Nobody\x01 returned.</p></div></body></html>")
    document = read_document(DocumentRef(str(path)), max_bytes=10**6)
    assert "Martakert was shelled in 1992." in document.text

"""Encrypted PDFs: AES with an empty user password opens; a real password is one E107 line; a
missing crypto library is one line too, never a traceback that ends the batch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, read_document
from corroborate.errors import CorroborateError

LINE = "Agdam was captured on 23 July 1993."


def encrypted(tmp_path: Path, make_pdf: Callable[[Path, list[list[str]]], Path], name: str,
              user_password: str, algorithm: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [[LINE]])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="x", algorithm=algorithm)
    path = tmp_path / name
    with path.open("wb") as stream:
        writer.write(stream)
    return path


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_a_pdf_with_an_empty_user_password_is_read(
        tmp_path: Path, make_pdf: Callable[[Path, list[list[str]]], Path], algorithm: str) -> None:
    path = encrypted(tmp_path, make_pdf, "restricted.pdf", "", algorithm)
    assert read_document(DocumentRef(str(path)), max_bytes=10**6).text == LINE


@pytest.mark.parametrize("algorithm", ["AES-256", "RC4-128"])
def test_a_pdf_with_a_user_password_is_one_e107_line(
        tmp_path: Path, make_pdf: Callable[[Path, list[list[str]]], Path], algorithm: str) -> None:
    path = encrypted(tmp_path, make_pdf, "locked.pdf", "secret", algorithm)
    with pytest.raises(CorroborateError) as caught:
        read_document(DocumentRef(str(path)), max_bytes=10**6)
    assert caught.value.line() == (f"Error [E107] {path}: broken PDF (encrypted with a password; "
                                   "decrypt it first)")


def test_a_missing_crypto_library_is_one_e107_line(
        tmp_path: Path, make_pdf: Callable[[Path, list[list[str]]], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    path = encrypted(tmp_path, make_pdf, "restricted.pdf", "", "AES-256")

    def no_crypto(self: PdfReader, password: str | bytes) -> object:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", no_crypto)
    with pytest.raises(CorroborateError) as caught:
        read_document(DocumentRef(str(path)), max_bytes=10**6)
    assert caught.value.line() == (
        f"Error [E114] {path}: a library it needs is missing (cryptography>=3.1 is required for AES "
        "algorithm); reinstall corroborate with its dependencies")

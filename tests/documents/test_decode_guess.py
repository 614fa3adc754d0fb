"""Legacy encodings: Windows-1252 is not misread as another code page, short files are not
refused, and UTF-16 without a byte-order mark is text, not binary."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, read_document
from corroborate.documents.decode import decode_bytes, looks_binary, utf16_without_bom
from corroborate.errors import CorroborateError

WESTERN = [
    "The naïve reporter said the café in Stepanakert was closed.",
    "Señor Muñoz paid €200 for the “official” report.",
    "Über 300 Flüchtlinge erreichten die Grenze bei Goris.",
    "Ceasefire: naïve hopes, “smart quotes” and a €5 fee.",
    "José Rodríguez fled on 8 May 1992 with 1,200 others; Zoë stayed.",
    "Le ministère a déclaré que la trêve était rompue à l’aube; les forces ont reçu l’ordre.",
    "The delegation from Zürich arrived on 12 October, and the naïve hope of a truce faded. "
    "Officials said the café was destroyed; “we lost everything”, said Mr Muñoz.",
]
ONE_LINERS = ["He said: “It’s over.”", "naïve", "Zoë", "€5", "Muñoz, 1992"]


@pytest.mark.parametrize("sentence", WESTERN + ONE_LINERS)
def test_windows_1252_is_read_as_windows_1252(tmp_path: Path, sentence: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes((sentence + "\n").encode("cp1252"))
    document = read_document(DocumentRef(str(path)), max_bytes=10_000)
    assert document.text == sentence + "\n"
    assert document.warnings == (f"{path}: not UTF-8; decoded as cp1252 (pass --encoding to choose)",)


@pytest.mark.parametrize(("codec", "sentence"), [
    ("cp1250", "Zażółć gęślą jaźń. Rząd poinformował, że uchodźcy przybywają do miasta."),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda uvedla, že uprchlíci přicházejí."),
    ("cp1251", "Правительство заявило, что беженцы прибывают каждый день."),
    ("cp1253", "Η κυβέρνηση ανακοίνωσε ότι οι πρόσφυγες φτάνουν καθημερινά."),
    ("cp1254", "Hükümet, mültecilerin her gün şehre ulaştığını açıkladı."),
    ("cp1257", "Vyriausybė pranešė, kad pabėgėliai atvyksta kasdien į miestą."),
])
def test_other_code_pages_still_win_where_cp1252_reads_worse(codec: str, sentence: str) -> None:
    text, warnings = decode_bytes(sentence.encode(codec), "x.txt")
    assert text == sentence
    assert warnings == [f"x.txt: not UTF-8; decoded as {codec} (pass --encoding to choose)"]


def test_random_high_bytes_are_still_refused() -> None:
    noise = bytes([0xB9, 0xA4, 0xBE, 0xD7, 0xF0, 0xA7, 0xB6, 0xC3, 0xAE, 0xBC, 0xA9, 0xDE] * 20)
    with pytest.raises(CorroborateError) as caught:
        decode_bytes(noise, "noise.txt")
    assert caught.value.code.name == "E103"


UTF16_TEXT = "Shusha was taken on 8 May 1992; Şuşa, Шуша.\nThe corridor closed.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected_with_a_warning(tmp_path: Path, codec: str) -> None:
    data = UTF16_TEXT.encode(codec)
    assert looks_binary(data) is None
    assert utf16_without_bom(data) == codec
    path = tmp_path / "statement.txt"
    path.write_bytes(data)
    document = read_document(DocumentRef(str(path)), max_bytes=10_000)
    assert document.text == UTF16_TEXT
    assert document.warnings == (f"{path}: UTF-16 without a byte-order mark; decoded as {codec} "
                                 "(pass --encoding to choose)",)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_an_explicit_utf16_encoding_skips_the_binary_check(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes("Ağdam, 1993\n".encode(codec))  # too short to sniff: the flag decides
    document = read_document(DocumentRef(str(path)), max_bytes=10_000, encoding=codec)
    assert (document.text, document.warnings) == ("Ağdam, 1993\n", ())


def test_nuls_in_no_pattern_are_still_binary() -> None:
    data = b"Shusha\x00\x00\x00\x01\x02 was\x00 taken" * 4
    assert looks_binary(data) == "NUL bytes in the first 8 KB"

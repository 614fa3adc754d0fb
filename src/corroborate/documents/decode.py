"""Bytes to text: a fallback chain that ends in a decoded string or one clear error."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from corroborate.errors import CorroborateError, E

__all__ = ["decode_bytes", "looks_binary"]

_MAX_CHAOS = 0.2
_MIN_COHERENCE = 0.2

# File signatures of formats that are certainly not text documents.
_BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive or Office file",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "executable",
    b"SQLite format 3\x00": "SQLite database",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
}


def looks_binary(data: bytes) -> str | None:
    """The reason the bytes are not text, or None when they may be text."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "NUL bytes in the first 8 KB"
    return None


def decode_bytes(data: bytes, where: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode document bytes; returns the text and warnings (an encoding guess is a warning).

    >>> decode_bytes("Şuşa".encode("utf-8"), "x.txt")
    ('Şuşa', [])
    """
    warnings: list[str] = []
    if encoding:
        try:
            return data.decode(encoding), warnings
        except (UnicodeDecodeError, LookupError) as exc:
            raise CorroborateError(E.E103, where, reason=f"not {encoding}: {exc}") from exc
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), warnings
            except UnicodeDecodeError as exc:
                raise CorroborateError(E.E103, where, reason=f"broken {codec}: {exc}") from exc
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = from_bytes(data[:1_000_000]).best()
    # A guess that reads as no language at all is noise, not text in another encoding.
    if best is None or best.chaos > _MAX_CHAOS or best.coherence < _MIN_COHERENCE:
        raise CorroborateError(
            E.E103, where,
            reason=f"not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
                   "and no other encoding fits",
        )
    chosen = best.encoding
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        raise CorroborateError(E.E103, where, reason=f"not UTF-8 and not {chosen}") from exc
    # Where Windows-1252 reads the bytes the same way, name it: it is the likelier writer.
    try:
        if data.decode("cp1252") == text:
            chosen = "cp1252"
    except UnicodeDecodeError:
        pass
    warnings.append(f"{where}: not UTF-8; decoded as {chosen} (pass --encoding to choose)")
    return text, warnings

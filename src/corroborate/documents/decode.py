"""Bytes to text: a fallback chain that ends in a decoded string or one clear error."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes
from charset_normalizer.constant import FREQUENCIES
from charset_normalizer.md import mess_ratio
from charset_normalizer.utils import is_multi_byte_encoding

from corroborate.errors import CorroborateError, E

__all__ = ["decode_bytes", "http_charset_hint", "looks_binary", "utf16_without_bom"]

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
    if b"\x00" in head and utf16_without_bom(data) is None:
        return "NUL bytes in the first 8 KB"
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes read as UTF-16 text with no byte-order mark.

    The sign: every NUL sits at the same parity (the high byte of ASCII-range characters), at
    least a third of those bytes are NUL, and the decoded text is printable.
    """
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if b"\x00" in low or high.count(0) * 3 < len(high):
            continue
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
        if printable >= 0.98 * len(text):
            return codec
    return None


def http_charset_hint(data: bytes, charset: str | None) -> tuple[str | None, str | None]:
    """The HTTP header's charset when the bytes bear it out: (codec or None, warning or None).

    A byte-order mark outranks the header; bytes that fail under the header's charset, or
    valid multi-byte UTF-8 under a single-byte charset (a common server default), are decoded
    as if no charset had been sent, with a warning.
    """
    if charset is None or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                           codecs.BOM_UTF16_BE)):
        return None, None
    try:
        data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None, f"the bytes are not the {charset} the server declared; guessed instead"
    if not is_multi_byte_encoding(charset) and not data.isascii():
        try:
            data.decode("utf-8")
            return None, f"the server declared {charset}, but the bytes are UTF-8; read as UTF-8"
        except UnicodeDecodeError:
            pass
    return charset, None


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
    utf16 = utf16_without_bom(data)  # before UTF-8: "S\x00h\x00" is valid UTF-8 too
    if utf16 is not None:
        try:
            text = data[: len(data) - len(data) % 2].decode(utf16)
            warnings.append(f"{where}: UTF-16 without a byte-order mark; decoded as {utf16} "
                            "(pass --encoding to choose)")
            return text, warnings
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc
    chosen = _guess(data)
    if chosen is None:
        raise CorroborateError(
            E.E103, where,
            reason=f"not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
                   "and no other encoding fits",
        )
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        raise CorroborateError(E.E103, where, reason=f"not UTF-8 and not {chosen}") from exc
    warnings.append(f"{where}: not UTF-8; decoded as {chosen} (pass --encoding to choose)")
    return text, warnings


def _guess(data: bytes) -> str | None:
    """The likeliest legacy encoding, or None when nothing reads as text.

    charset_normalizer ranks single-byte code pages by measures that are noise on short texts,
    so "naïve" can come back as cp1250 "naďve". Windows-1252 is by far the likeliest writer of
    Western text, so among single-byte readings it wins unless the other reading is clearly more
    plausible: fewer stray symbols glued to letters, or accented letters that are the frequent
    letters of one language (Turkish ş ı ğ) where cp1252's reading (þ ý ð) fits none.
    """
    best = from_bytes(data[:1_000_000]).best()
    western = _cp1252(data)
    rival = best.encoding if best is not None and best.chaos <= _MAX_CHAOS else None
    if rival is not None and is_multi_byte_encoding(rival):
        # A multi-byte reading is no accident when it reads as a language, or nothing else fits.
        assert best is not None
        return rival if western is None or best.coherence >= _MIN_COHERENCE else western
    if western is None:
        # A guess that reads as no language at all is noise, not text in another encoding.
        return rival if best is not None and best.coherence >= _MIN_COHERENCE else None
    if rival is None or rival == "cp1252":
        return western
    try:
        other = data.decode(rival)
    except UnicodeDecodeError:
        return western
    if other == western:
        return western  # latin-1 and friends read these bytes as cp1252 does: name the likelier
    mine = data.decode(western)
    if _stray_symbols(other) < _stray_symbols(mine):
        return rival
    fit, fit_western = _language_fit(other), _language_fit(mine)
    enough = sum(ord(ch) > 127 and ch.isalpha() for ch in other) >= 3  # one letter proves nothing
    return rival if enough and fit >= 0.9 and fit - fit_western >= 0.3 else western


def _cp1252(data: bytes) -> str | None:
    """"cp1252" when the bytes decode under it and read as text (few stray symbols)."""
    try:
        text = data[:1_000_000].decode("cp1252")
    except UnicodeDecodeError:
        return None
    if mess_ratio(text, 1.0) <= _MAX_CHAOS:
        return "cp1252"
    # The mess ratio means little on a line or two: there, few stray symbols are enough.
    unusual = sum(not ch.isascii() for ch in text)
    return "cp1252" if len(text) < 100 and _stray_symbols(text) <= 0.2 * unusual else None


def _stray_symbols(text: str) -> int:
    """Symbols and fractions touching a letter (¹ ³ ¾ ± inside words): signs of a wrong code page."""
    count = 0
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if ord(ch) < 128 or not (category[0] == "S" or category == "No"):
            continue
        if (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha()):
            count += 1
    return count


def _language_fit(text: str) -> float:
    """The largest share of the text's non-ASCII letters that are frequent letters of one language."""
    letters = [ch for ch in text.lower() if ord(ch) > 127 and ch.isalpha()]
    if not letters:
        return 0.0
    return max(sum(ch in frequent for ch in letters) / len(letters)
               for frequent in map(set, FREQUENCIES.values()))

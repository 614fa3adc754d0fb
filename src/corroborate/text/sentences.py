"""Sentences with exact character offsets, one paragraph line at a time.

blingfire's sentence model does the first cut (fast, and it reports offsets); two rules fix what it
gets wrong on encyclopedia text: a period after a listed abbreviation does not end a sentence, and a
sentence may end after citation markers ("...no.[11][12] He...").
"""

from __future__ import annotations

import ctypes
import re
import threading

import blingfire

__all__ = ["split_sentences"]

_BLINGFIRE = blingfire.blingfire  # the loaded library; its Python wrapper is bypassed (see below)

_CITATION_BOUNDARY = re.compile(r"[.!?][\"”’)]?(?:\[[^\]\n]{1,20}\])+\s+(?=[\"“(]?[^\W\d_])")
# The last word is looked for in the last characters of a piece only: a piece that grows by
# merging (many abbreviations in a row) or one long word must not be searched whole each time.
_LAST_WORD_CHARS = 40
# A piece that is only a list number or an initial ("1.", "A.") starts the next sentence.
_LONE_MARK = re.compile(r"(?:\d{1,3}|[^\W\d_])\.")


class _Buffers(threading.local):
    """Output buffers reused between calls (one set a thread), grown when a line needs more."""

    size = 0
    out: ctypes.Array[ctypes.c_char] | None = None
    starts: ctypes.Array[ctypes.c_int32] | None = None
    ends: ctypes.Array[ctypes.c_int32] | None = None


_LOCAL = _Buffers()


def _buffers(needed: int) -> tuple[ctypes.Array[ctypes.c_char], ctypes.Array[ctypes.c_int32],
                                   ctypes.Array[ctypes.c_int32]]:
    if _LOCAL.size < needed or _LOCAL.out is None or _LOCAL.starts is None or \
            _LOCAL.ends is None:
        size = max(needed, 4096)
        _LOCAL.out = ctypes.create_string_buffer(size)
        _LOCAL.starts = (ctypes.c_int32 * size)()
        _LOCAL.ends = (ctypes.c_int32 * size)()
        _LOCAL.size = size
    return _LOCAL.out, _LOCAL.starts, _LOCAL.ends


# blingfire is given buffers of ~10 bytes per input byte, and the offset map takes 8 more: a
# paragraph longer than this (a whole book on one line) is read in parts cut at a space, and
# each part's end ends a sentence. Memory for sentences is then bounded whatever the line.
_MAX_PART_CHARS = 100_000


def _first_cut(text: str) -> list[tuple[int, int]]:
    """blingfire's sentence spans as character offsets, a part of the text at a time."""
    if len(text) <= _MAX_PART_CHARS:
        return _cut_part(text)
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _MAX_PART_CHARS)
        if end < len(text):
            space = text.rfind(" ", start + _MAX_PART_CHARS // 2, end)
            end = end if space == -1 else space + 1
        spans.extend((a + start, b + start) for a, b in _cut_part(text[start:end]))
        start = end
    return spans


def _cut_part(text: str) -> list[tuple[int, int]]:
    """blingfire's sentence spans as character offsets.

    blingfire's own wrapper maps UTF-8 offsets back to characters in a Python loop over every
    byte, the slowest step of the whole pipeline; the same call with a vectorised map is ~10x
    faster and gives the same spans.
    """
    if not text.strip():
        return []
    data = text.encode("utf-8")
    size = len(data)
    # blingfire clears as much of the buffers as it is told it may fill: told their whole size
    # (grown by the longest line read so far, 4 kB at least) every line paid for it, 40 us
    # more a line after one of 100 kB; it is told what this line can fill
    capacity = size * 2 + 16
    out, starts, ends = _buffers(capacity)
    written = _BLINGFIRE.TextToSentencesWithOffsets(
        ctypes.c_char_p(data), ctypes.c_int(size), ctypes.byref(out), ctypes.byref(starts),
        ctypes.byref(ends), ctypes.c_int(capacity))
    if written == -1 or written > capacity:
        return [(0, len(text))]
    # only the bytes written: ``out.raw`` would copy the whole buffer, sized for the longest
    # paragraph seen so far, for every paragraph
    count = ctypes.string_at(out, written).count(b"\n") + 1
    if size == len(text):  # ASCII: offsets are characters; a few, read as they are
        return [(starts[i], ends[i] + 1) for i in range(count)]
    # not ASCII: byte offsets mapped to characters by decoding the bytes between them (a few
    # sentences a line: a numpy map of every byte cost more in calls than it saved)
    return _character_spans(data, [(starts[i], ends[i]) for i in range(count)])


def _character_spans(data: bytes, byte_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of UTF-8 ``data`` for byte spans given as (first byte, last byte), in
    order; a byte inside a character stands for that character.

    >>> _character_spans("ë. Ö!".encode(), [(0, 2), (4, 6)])
    [(0, 2), (3, 5)]
    """
    spans = []
    at_byte = at_char = 0  # a character's first byte, and its index
    for first, last in byte_spans:
        bounds = []
        for byte in (first, last):
            # the characters that begin before ``byte``: a character it is inside of is cut
            # off by the decoder and not counted, so this is the index of its character
            char = at_char + len(data[at_byte:byte].decode("utf-8", "ignore"))
            if byte < len(data) and data[byte] & 0xC0 != 0x80:  # a character begins here
                at_byte, at_char = byte, char
            bounds.append(char)
        spans.append((bounds[0], bounds[1] + 1))
    return spans


def _last_word(tail: str) -> str | None:
    """The word before the period that ends ``tail`` (a final line break after it aside), as
    ``re.search(r"(\\S+)\\.$", tail).group(1)`` finds it, or None: that search tries every
    position of the tail (~2 us a piece, a tenth of segmenting), this reads back from its end.

    >>> _last_word("troops under Gen."), _last_word("the town."), _last_word("fell . ")
    ('Gen', 'town', None)
    """
    body = tail[:-2] if tail.endswith(".\n") else tail[:-1] if tail.endswith(".") else ""
    if not body or body[-1].isspace():
        return None
    return body.rsplit(None, 1)[-1]


def _merge_abbreviations(text: str, spans: list[tuple[int, int]],
                         abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            first, last = merged[-1]
            # both rules need a piece ending in a period (spaces after it aside): most end
            # in none of their words' periods, and are not searched
            stop = last
            while stop > first and text[stop - 1].isspace():
                stop -= 1
            if stop == first or text[stop - 1] != ".":
                merged.append((start, end))
                continue
            word = _last_word(text[max(first, last - _LAST_WORD_CHARS):last])
            if (last - first <= 64 and _LONE_MARK.fullmatch(text[first:last].strip())) or (
                    word and word.lstrip("([\"“") in abbreviations):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _split_citations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "[" not in text:  # no citation marker in the paragraph (most have none)
        return spans
    result: list[tuple[int, int]] = []
    for start, end in spans:
        cursor = start
        for match in _CITATION_BOUNDARY.finditer(text, start, end):
            cut = match.end()
            if cut < end and _first_upper(text, cut):
                sentence_end = cut
                while sentence_end > cursor and text[sentence_end - 1].isspace():
                    sentence_end -= 1
                result.append((cursor, sentence_end))
                cursor = cut
        result.append((cursor, end))
    return result


def _first_upper(text: str, index: int) -> bool:
    for char in text[index:index + 3]:
        if char.isalpha():
            return char.isupper()
    return False


def split_sentences(text: str, offset: int = 0,
                    abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, shifted by ``offset``; leading/trailing spaces excluded.

    >>> split_sentences("Shusha fell in May 1992.[3] Lachin followed.")
    [(0, 27), (28, 44)]
    """
    spans = _split_citations(text, _merge_abbreviations(text, _first_cut(text), abbreviations))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start + offset, end + offset))
    return out

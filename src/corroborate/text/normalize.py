"""Text normalization: the one text every offset refers to.

Rules, in order:
1. Line endings: CRLF and CR become LF; U+2028/U+2029 (line/paragraph separators) become LF.
2. Removed: the byte-order mark and other invisible format characters (U+FEFF, U+200B, U+00AD
   soft hyphen, U+2060), and control characters (C0 and C1) other than LF and TAB.
3. Unicode NFC, after the removals: removing a soft hyphen can bring a letter and its accent
   together, and composing first would leave them apart (normalizing twice would then differ).
4. Every other space character (TAB, NO-BREAK SPACE, thin and other Unicode spaces) becomes one
   ASCII space, so widths and offsets of ordinary text do not move.
Nothing else changes: no trailing-space stripping, no blank-line folding. Text that is already NFC with
LF line endings and ordinary spaces keeps every offset, so offsets into such a file are offsets into
the normalized text.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]

_LINE_BREAKS = "\r\u2028\u2029"  # after CRLF became LF
_INVISIBLE = "\ufeff\u200b\u00ad\u2060" + "".join(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))
_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
# Rules 1, 2 and 4 as one str.replace per character the text holds: a text holds a few of
# them (a no-break space, a soft hyphen), and str.replace copies at memory speed where
# str.translate looks every character up in a dict (~30 ns each, 2% of extraction). No list of
# pieces either (re.sub builds one, twice the text for a large document). None of the
# characters they touch composes with its neighbours, so doing rule 4 before NFC gives the
# same text; none is replaced by another of them, so the order of the replacements is free.
_REPLACEMENT = {**{c: "\n" for c in _LINE_BREAKS}, **{c: "" for c in _INVISIBLE},
                **{c: " " for c in _SPACES}}
_ANY = re.compile("[" + re.escape(_LINE_BREAKS + _INVISIBLE + _SPACES) + "]")


def normalize_text(text: str) -> str:
    """Normalize text by the module's rules.

    >>> normalize_text("Shusha\\r\\n8\\u00a0May 1992\\ufeff")
    'Shusha\\n8 May 1992'
    """
    found = _ANY.search(text)
    if found:  # text already normal is returned as it is, not copied
        text = text.replace("\r\n", "\n")
        # one replace per character held, from the first place one stands: the replacements
        # move no text before it, and the next search starts there
        while found:
            at = found.start()
            text = text.replace(found.group(0), _REPLACEMENT[found.group(0)])
            found = _ANY.search(text, at)
    return unicodedata.normalize("NFC", text)

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

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029")
_INVISIBLE = re.compile(r"[\ufeff\u200b\u00ad\u2060\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalize_text(text: str) -> str:
    """Normalize text by the module's rules.

    >>> normalize_text("Shusha\\r\\n8\\u00a0May 1992\\ufeff")
    'Shusha\\n8 May 1992'
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text)

"""Stage 3, extract: claims from segmented text, driven by language and gazetteer data files.

Public surface: ``extract_claims(text, lang) -> list[Claim]`` and ``EXTRACTOR_NAME``.
"""

from __future__ import annotations

from corroborate.model import Claim, Text

__all__ = ["EXTRACTOR_NAME", "extract_claims"]

EXTRACTOR_NAME = "corroborate.extractor.rules.v1"


def extract_claims(text: Text, lang: str = "en") -> list[Claim]:
    """Every quantity and event claim in the text, in text order."""
    return []

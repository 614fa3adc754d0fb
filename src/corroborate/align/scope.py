"""Conflict scope: facts are made inside one conflict, never across two.

Claims are grouped by their ``conflict`` before anything is compared, so a toll of one war never
stands beside a toll of another as a dispute. Claims whose conflict is unknown (None) form a group
of their own: joining them to a known conflict would be a guess.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from corroborate.model import Claim

__all__ = ["by_conflict", "scoped"]


def by_conflict(claims: Iterable[Claim]) -> dict[str | None, list[Claim]]:
    """Claims grouped by conflict, in the order each conflict is first seen."""
    groups: dict[str | None, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.conflict, []).append(claim)
    return groups


def scoped(kind: str, fact_id: str, key: dict[str, Any],
           conflict: str | None) -> tuple[str, dict[str, Any]]:
    """A fact's id and key in a conflict: ``conflict`` first in the key, and in the id too (the
    same key in two conflicts is two facts), unless it is unknown (ids stay as they were)."""
    if conflict is not None:
        digest = hashlib.sha1(json.dumps([kind, conflict, fact_id]).encode()).hexdigest()
        fact_id = f"f-{digest[:16]}"
    return fact_id, {"conflict": conflict, **key}

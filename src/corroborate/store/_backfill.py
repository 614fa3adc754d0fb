"""Python steps of migrations, run in the migration's own transaction after its SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

__all__ = ["AFTER_MIGRATION"]


def _evidence_words(conn: sqlite3.Connection) -> None:
    """0004: each claim's evidence words, from its record (written before 0002) or sliced from
    its document's text (read once per document); then the evidence index is built."""
    documents = [r[0] for r in conn.execute(
        "SELECT DISTINCT document_id FROM claims ORDER BY document_id")]
    for document_id in documents:
        body = conn.execute("SELECT text FROM documents WHERE id = ?",
                            (document_id,)).fetchone()[0]
        rows = conn.execute("SELECT seq, evidence_start, evidence_end, record FROM claims "
                            "WHERE document_id = ?", (document_id,)).fetchall()
        updates = []
        for seq, start, end, record in rows:
            written = json.loads(record).get("evidence", {}).get("text")
            updates.append((body[start:end] if written is None else written, seq))
        conn.executemany("UPDATE claims SET evidence_text = ? WHERE seq = ?", updates)
    conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")


# migration name -> the step run right after its SQL
AFTER_MIGRATION: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0004_stored_facts": _evidence_words,
}

#!/usr/bin/env python3
"""Dump every claim and every place/actor name mention that extraction finds, as sorted JSON
lines, so a speed-up can prove it changed nothing:

    python benchmarks/claims_dump.py > /tmp/before.jsonl
    # ... change the extractor ...
    python benchmarks/claims_dump.py > /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

It reads the bundled examples (examples/*/) and, when present, the shared corpus
(../shared/corpus) and any folders given as arguments, the way ``corroborate ingest`` does
(their sources.toml, normalization, segmentation, conflict scope); and each document again
with no conflict, as a folder without sources.toml gives it and `benchmarks/extraction.py`
reads it (the countries it names most are its scope: their names, scanned once for the
document, serve its sentences), with every segment's actor and place mentions in that scope.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from corroborate.extract import extract_claims
from corroborate.extract.resolve import document_scope, find_actors, find_places
from corroborate.model import Text
from corroborate.pipeline import IngestOptions, plan, prepare
from corroborate.text import segment

REPO = Path(__file__).resolve().parent.parent


def folders(extra: list[str]) -> list[Path]:
    found = sorted(p for p in (REPO / "examples").iterdir() if p.is_dir())
    shared = REPO.parent / "shared" / "corpus"
    if shared.is_dir():
        found.append(shared)
    return found + [Path(p) for p in extra]


def _with_no_conflict(text: Text, where: str) -> list[str]:
    """The document's claims with no conflict, and each segment's names in the scope that
    gives it (the countries it names most)."""
    bare = segment(dataclasses.replace(text.document, conflict=None))
    lines = [json.dumps({"doc": where, "no conflict": dataclasses.asdict(claim)},
                        sort_keys=True, ensure_ascii=False, default=str)
             for claim in extract_claims(bare)]
    scope = document_scope(None, bare.text)
    lines.append(json.dumps({"doc": where, "scope": repr(scope)}, ensure_ascii=False))
    for seg in bare.segments:
        for m in find_actors(bare.text, seg.start, seg.end, scope):
            lines.append(json.dumps({"doc": where, "segment": seg.start, "actor": list(m)},
                                    ensure_ascii=False))
        for m in find_places(bare.text, seg.start, seg.end, scope):
            lines.append(json.dumps({"doc": where, "segment": seg.start, "place": list(m)},
                                    ensure_ascii=False))
    return lines


def main(argv: list[str]) -> int:
    lines: list[str] = []
    for folder in folders(argv):
        refs, _notes = plan([str(folder)])
        for ref in refs:
            prepared = prepare(ref, IngestOptions(max_bytes=50_000_000))
            if prepared.text is None or prepared.claims is None:
                lines.append(json.dumps({"doc": ref.location, "error": prepared.error}))
                continue
            text = prepared.text
            where = f"{folder.name}/{Path(text.document.location).name}"
            for claim in prepared.claims:
                lines.append(json.dumps({"doc": where, "claim": dataclasses.asdict(claim)},
                                        sort_keys=True, ensure_ascii=False, default=str))
            for m in find_places(text.text):
                lines.append(json.dumps({"doc": where, "place": [m.canonical, m.written]},
                                        ensure_ascii=False))
            for m in find_actors(text.text):
                lines.append(json.dumps({"doc": where, "actor": [m.canonical, m.written, m.role]},
                                        ensure_ascii=False))
            lines.extend(_with_no_conflict(text, where))
    sys.stdout.write("\n".join(sorted(lines)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

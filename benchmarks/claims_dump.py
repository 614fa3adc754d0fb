#!/usr/bin/env python3
"""Dump every claim and every place/actor name mention that extraction finds, as sorted JSON
lines, so a speed-up can prove it changed nothing:

    python benchmarks/claims_dump.py > /tmp/before.jsonl
    # ... change the extractor ...
    python benchmarks/claims_dump.py > /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

It reads the bundled examples (examples/*/) and, when present, the shared corpus
(../shared/corpus) and any folders given as arguments, the way ``corroborate ingest`` does
(their sources.toml, normalization, segmentation, conflict scope).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from corroborate.extract.resolve import find_actors, find_places
from corroborate.pipeline import IngestOptions, plan, prepare

REPO = Path(__file__).resolve().parent.parent


def folders(extra: list[str]) -> list[Path]:
    found = sorted(p for p in (REPO / "examples").iterdir() if p.is_dir())
    shared = REPO.parent / "shared" / "corpus"
    if shared.is_dir():
        found.append(shared)
    return found + [Path(p) for p in extra]


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
    sys.stdout.write("\n".join(sorted(lines)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

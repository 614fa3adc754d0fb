#!/usr/bin/env python3
"""Machine instructions one round of the corpus takes to segment and extract, counted by
valgrind's callgrind: a count does not move with the machine's load as seconds do, so a change
of a percent shows even while other work runs (the benchmark's MB/s moves by 2-3% from run
to run on the project's machines).

    python benchmarks/instructions.py --corpus ../shared/corpus --rounds 3

It runs itself twice under ``valgrind --tool=callgrind`` (Debian: ``apt-get install valgrind``):
set-up and one warm-up round with ``--rounds`` timed rounds after them, then without, and gives
the difference a round. Each round reads every ``*.txt`` of the corpus as
``benchmarks/extraction.py`` does (``segment`` and ``extract_claims``, one new ``Document`` a
document and round, no conflict). Hash randomisation is fixed (PYTHONHASHSEED=0) so that the
two runs iterate sets alike. Under valgrind a round takes ~50x longer: 3 rounds of the shared
corpus take about two minutes. One full collection of the garbage collector costs 20-30 million
instructions and lands in the counted rounds or not: for a change under 1%, count more rounds
(``--rounds 10``) or compare several runs. To see where the instructions go, run the inner
command under ``valgrind --tool=callgrind --callgrind-out-file=F`` and read F with
``callgrind_annotate``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_COLLECTED = re.compile(r"Collected : (\d+)")


def run_rounds(corpus: Path, rounds: int) -> None:
    """Set-up, a warm-up round, then ``rounds`` rounds: what callgrind counts."""
    from corroborate.documents import discover, read_document
    from corroborate.extract import extract_claims
    from corroborate.model import Document
    from corroborate.text import segment

    refs, _notes = discover([str(p) for p in sorted(corpus.glob("*.txt")) if p.is_file()])
    docs = [read_document(ref, max_bytes=10**9) for ref in refs]
    for d in docs:
        extract_claims(segment(d))
    for rep in range(rounds):
        for d in docs:
            doc = Document(d.source, f"{d.location}#{rep}", d.text, d.content_hash, "text/plain",
                           d.size_bytes)
            extract_claims(segment(doc))


def count(corpus: Path, rounds: int) -> int:
    """Instructions callgrind collected running ``rounds`` rounds (with set-up)."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
               str(Path(__file__).resolve()), "--corpus", str(corpus), "--inner", str(rounds)]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return int(found.group(1))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--inner", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not any(args.corpus.glob("*.txt")):
        raise SystemExit(f"{args.corpus}: no *.txt documents; give --corpus a folder of them")
    if args.inner is not None:
        run_rounds(args.corpus, args.inner)
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind not found: install it (Debian: apt-get install valgrind)")
    if args.rounds < 1:
        raise SystemExit("--rounds must be at least 1")
    with_rounds, without = count(args.corpus, args.rounds), count(args.corpus, 0)
    size = sum(p.stat().st_size for p in args.corpus.glob("*.txt") if p.is_file())
    per_round = (with_rounds - without) / args.rounds
    print(f"{per_round:,.0f} instructions a round of {args.corpus} ({size:,} bytes: "
          f"{per_round / size:,.0f} a byte); set-up and warm-up {without:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

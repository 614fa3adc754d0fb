#!/usr/bin/env python3
"""Benchmark ingest on adversarial shapes of text: does time grow linearly with the input?

Usage (from the repository root, with the project's interpreter):

    .venv/bin/python benchmarks/adversarial.py                 # every shape at 1x, 4x, 16x
    .venv/bin/python benchmarks/adversarial.py --base-kb 100 --shapes digits,long-line

Each shape is built at 1, 4 and 16 times ``--base-kb`` kilobytes (1 KB = 1000 bytes of UTF-8)
and ingested through the real path (``corroborate.pipeline.ingest`` into a fresh SQLite file in
a temporary folder), each run in a fresh subprocess. The worker first ingests one small ordinary
document (imports, vocabularies and compiled patterns are set-up, not work), then times the
ingest of the shape. It reports wall seconds, MB/s, the process's peak RSS (VmHWM) and
what came out (claims, or the error line of a failed document).

Shapes:
  * digits: ``"1,000 "`` repeated, one line: numbers and nothing else.
  * long-line: ordinary words and figures on one line that never ends a sentence.
  * figures+triggers: ``"1,000 killed "`` repeated: every figure has a trigger word next to it.
  * names: place and actor names repeated (``"Shusha Lachin Azerbaijan Armenia "``).
  * dates: ``"1 May 1992 "`` repeated.
  * table: a table laid out one cell per line whose last row key breaks the rhythm (so it is
    no table, and every line is read as a short heading).
  * nested-html: ``<div>`` elements nested as deep as the size allows, text at the bottom.
  * tiny-docs: a folder of many small ordinary documents (the size is their total).
  * prose: the bundled example's documents repeated: not adversarial, the baseline for memory
    (``--shapes prose --base-kb 2812`` ends at a 45 MB document).

The ratio column is time at 16x over time at 1x: ~16 is linear, ~256 quadratic. The script
exits 1 if any shape's ratio is above ``--max-ratio`` (default 32), so it can be run as a check.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

KB = 1000
MB = 1_000_000
FACTORS = (1, 4, 16)
SENTENCE = "In 1992, 1,000 Armenian soldiers were killed near Shusha, and 300 civilians fled. "


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _table(size: int) -> str:
    """A table one cell per line whose last row key breaks the rhythm: every start of the run
    must be checked to the end before the run is found to be no table."""
    rows = ["Year", "Killed", "Wounded"]
    total, year = 20, 1900
    while total < size:
        row = [str(year), str(year % 97 * 10), str(year % 89 * 10)]
        rows += row
        total += sum(len(cell) + 1 for cell in row)
        year = year + 1 if year < 2099 else 1900
    return "\n".join([*rows, "x1992", "1", "2"]) + "\n"


def _nested_html(size: int) -> str:
    text = f"<p>{SENTENCE}</p>"
    depth = max(1, (size - len(text) - 40) // len("<div></div>"))
    return f"<html><body>{'<div>' * depth}{text}{'</div>' * depth}</body></html>\n"


EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "karabakh"


def _prose(size: int) -> str:
    """Ordinary prose, tables and infobox lines: the bundled example's documents repeated,
    cut at a line end (its memory per byte is the one to state for real documents)."""
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    text = _repeat(body + "\n\n", size)
    return text[: text.rfind("\n") + 1]


# shape -> (file name, builder of ``size`` bytes of text)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits": ("digits.txt", lambda n: _repeat("1,000 ", n)),
    "long-line": ("long-line.txt", lambda n: _repeat(
        "the war went on and 12 people died near Lachin in 1993 while ", n)),
    "figures+triggers": ("figures.txt", lambda n: _repeat("1,000 killed ", n)),
    "names": ("names.txt", lambda n: _repeat("Shusha Lachin Azerbaijan Armenia ", n)),
    "dates": ("dates.txt", lambda n: _repeat("1 May 1992 ", n)),
    "table": ("table.txt", _table),
    "nested-html": ("nested.html", _nested_html),
    "prose": ("prose.txt", _prose),
    "tiny-docs": ("", lambda n: SENTENCE),
}
TINY_DOC_BYTES = 500


def build(shape: str, size: int, folder: Path) -> tuple[Path, int]:
    """Write the shape's input of about ``size`` bytes; returns what to ingest and its bytes."""
    name, builder = SHAPES[shape]
    if shape == "tiny-docs":
        docs = folder / "docs"
        docs.mkdir()
        body = _repeat(SENTENCE, TINY_DOC_BYTES).rstrip() + "\n"
        count = max(1, size // len(body.encode("utf-8")))
        for i in range(count):
            (docs / f"doc-{i:06d}.txt").write_text(body, encoding="utf-8")
        return docs, count * len(body.encode("utf-8"))
    path = folder / name
    path.write_text(builder(size), encoding="utf-8")
    return path, path.stat().st_size


# --------------------------------------------------------------------------- worker


def peak_rss() -> int:
    """The process's peak resident set in bytes. VmHWM, not ru_maxrss: Linux carries a
    parent's ru_maxrss across fork and exec, so a worker started by a parent that built a large
    input would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def worker(target: str, result: str) -> None:
    from corroborate.model import Source
    from corroborate.pipeline import ingest
    from corroborate.store import SQLiteStore

    source = Source("adversarial", "Adversarial input")
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(SENTENCE + "\nShusha was captured on 8 May 1992.\n", encoding="utf-8")
        with SQLiteStore(Path(tmp) / "warm.db") as store:
            ingest([str(warm)], store, override=source, max_bytes=1 << 40)
        rss_setup = peak_rss()
        with SQLiteStore(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            report = ingest([target], store, override=source, max_bytes=1 << 40)
            seconds = time.perf_counter() - t0
    failed = [o.error or "failed" for o in report.outcomes if o.status == "failed"]
    Path(result).write_text(json.dumps({
        "seconds": seconds,
        "rss": peak_rss(),
        "rss_setup": rss_setup,
        "documents": len(report.outcomes),
        "claims": sum(o.claims or 0 for o in report.outcomes),
        "failed": failed[:1],
        "failures": len(failed),
    }), encoding="utf-8")


# --------------------------------------------------------------------------- driver


def run(shape: str, size: int, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        target, nbytes = build(shape, size, Path(tmp))
        out = Path(tmp) / "result.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(target),
               "--result", str(out)]
        env = dict(os.environ, PYTHONWARNINGS="ignore")
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"bytes": nbytes, "error": f"timeout after {timeout:g} s", "timeout": True}
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
            return {"bytes": nbytes, "error": f"worker exited {proc.returncode}: {tail[0]}"}
        row: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
        row["bytes"] = nbytes
        return row


def _outcome(row: dict[str, object]) -> str:
    if "error" in row:
        return str(row["error"])
    if row["failures"]:
        first = row["failed"][0] if isinstance(row["failed"], list) and row["failed"] else ""
        return f"{row['failures']} failed: {first}"[:60]
    return f"{row['claims']:,} claims" + (f" / {row['documents']:,} docs"
                                         if row["documents"] != 1 else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--base-kb", type=float, default=50.0, help="size at 1x, in KB (default 50)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated")
    ap.add_argument("--max-ratio", type=float, default=32.0,
                    help="fail when time at 16x over time at 1x exceeds this (default 32)")
    ap.add_argument("--timeout", type=float, default=600.0,
                    help="seconds a run may take; a run that times out fails the check")
    ap.add_argument("--json", type=Path, help="also write the rows here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.result)
        return 0
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shape(s): {', '.join(unknown)} (known: {', '.join(SHAPES)})")
    print(f"python: {sys.executable}; base {args.base_kb:g} KB; sizes x{', x'.join(map(str, FACTORS))};"
          " time is the ingest call only (imports and set-up excluded)", flush=True)
    head = ["shape", "size", "seconds", "MB/s", "peak RSS MB", "RSS/size", "(RSS-setup)/size",
            "ratio 16x/1x", "result"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    rows: list[dict[str, object]] = []
    superlinear: list[str] = []
    for shape in shapes:
        times: dict[int, float] = {}
        for factor in FACTORS:
            row = run(shape, int(args.base_kb * KB * factor), args.timeout)
            row.update(shape=shape, factor=factor)
            rows.append(row)
            nbytes = int(row["bytes"])  # type: ignore[call-overload]
            size = f"{nbytes / KB:,.0f} KB (x{factor})"
            if "error" in row:
                lines.append(f"| {shape} | {size} | - | - | - | - | - | - | {_outcome(row)} |")
                print(lines[-1], flush=True)
                if row.get("timeout") and FACTORS[0] in times:
                    superlinear.append(f"{shape} (timeout at x{factor})")
                break  # a larger size would take longer still

            seconds = float(row["seconds"])  # type: ignore[arg-type]
            rss = float(row["rss"])  # type: ignore[arg-type]
            grown = rss - float(row["rss_setup"])  # type: ignore[arg-type]
            times[factor] = seconds
            ratio = ""
            if factor == FACTORS[-1] and FACTORS[0] in times:
                value = seconds / max(times[FACTORS[0]], 1e-6)
                row["ratio"] = value
                ratio = f"{value:.1f}"
                if value > args.max_ratio:
                    superlinear.append(f"{shape} ({value:.1f})")
            lines.append(f"| {shape} | {size} | {seconds:.2f} | {nbytes / MB / seconds:.3f} | "
                         f"{rss / MB:.0f} | {rss / nbytes:.1f} | {grown / nbytes:.1f} | {ratio} | "
                         f"{_outcome(row)} |")
            print(lines[-1], flush=True)
    print()
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print("\nRSS/size includes the interpreter, vocabularies and world gazetteer (~160 MB), so it is "
          "large for small inputs; (RSS-setup)/size is what the ingest itself added.")
    if superlinear:
        print(f"FAIL: time grows faster than linearly (16x/1x above {args.max_ratio:g}): "
              f"{', '.join(superlinear)}")
        return 1
    print(f"OK: every shape's 16x/1x time ratio is at most {args.max_ratio:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

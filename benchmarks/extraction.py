#!/usr/bin/env python3
"""Benchmark claim extraction: corroborate against quantulum3 and a blank spaCy pipeline.

Usage (from the repository root, with an interpreter that has the tools installed):

    python benchmarks/extraction.py --corpus ../shared/corpus --megabytes 50 --json out.json

The benchmark text is the corpus's ``*.txt`` documents (sorted by name) taken in order and
repeated until ``--megabytes`` MB (1 MB = 10^6 bytes of UTF-8) are reached; the last round may
stop part-way, always at a document boundary.

Tools
  * corroborate: ``segment`` (normalize + cut into segments) and ``extract_claims``, one
    ``Document`` per document and repetition, as the pipeline does.  The whole text is measured.
  * quantulum3: ``parser.parse(line)`` on every non-empty line.  It is slow, so it gets only the
    first ``--peer-megabytes`` MB of the same text; its throughput is measured on that sample and
    the time for the full size is extrapolated (the output says so).
  * spaCy: ``spacy.blank("en")`` + ``sentencizer`` over every non-empty line (``nlp.pipe``);
    tokens with ``like_num`` are its "numbers found".  No trained model (none can be downloaded
    here): it is the quick pipeline a user writes first.  Same sample as quantulum3.

Every tool runs in fresh subprocesses (``sys.executable``): one timed run (wall and CPU time,
``ru_maxrss``) and one with ``tracemalloc`` on (its peak; tracemalloc slows Python down, so it is
kept out of the timed run).  The tracemalloc run covers ``--trace-megabytes`` MB (default 5, at
most the tool's sample): found items are counted, never kept, so memory is one document's working
set and its peak is reached in the first round of the corpus; the RSS of the full timed run shows
whether it grows with the size.  Set-up (imports, loading vocabularies, a warm-up call) is timed
apart and is not part of the throughput.  A single process uses one core, so MB/s per core is MB
over wall seconds (the CPU/wall ratio is reported to confirm it).

Recall on gold (``tests/gold/corpus.jsonl``, quantity lines only; every gold quantity counts, each
may be found by any number of items):
  * corroborate (strict): a quantity claim of the same source whose figure span overlaps the gold
    evidence span and whose low and high are each within 1% of the gold's;
  * quantulum3 (lenient): a quantity parsed from the line that holds the gold span whose value is
    within 1% of the gold low or high; quantulum3 gives a range as value +- uncertainty, so
    value - uncertainty and value + uncertainty count as values too;
  * spaCy (lenient): a ``like_num`` token overlapping the gold span whose numeric value is within
    1% of the gold low or high.
Units are not compared for the peers (they name units differently).
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from operator import attrgetter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MB = 1_000_000
_KIND = attrgetter("kind")  # a claim's kind, read in C
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus"
DEFAULT_GOLD = REPO / "tests" / "gold" / "corpus.jsonl"
TOLERANCE = 0.01

# tool -> (display name, importable module, distribution for the version, install hint)
TOOLS = {
    "corroborate": ("corroborate", "corroborate", "corroborate", f"pip install -e {REPO}"),
    "quantulum3": ("quantulum3", "quantulum3", "quantulum3", "pip install quantulum3"),
    "spacy": ("spaCy blank en + like_num", "spacy", "spacy", "pip install spacy"),
}


# --------------------------------------------------------------------------- corpus


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.txt") if p.is_file())


def read_raw(path: Path) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def schedule(sizes: list[int], megabytes: float) -> tuple[list[int], int]:
    """Document indices in benchmark order (whole rounds, then part of one) and their bytes."""
    target = megabytes * MB
    order: list[int] = []
    total = 0
    while total < target:
        for index, size in enumerate(sizes):
            if total >= target:
                break
            order.append(index)
            total += size
    return order, total


def lines_of(text: str) -> list[tuple[int, str]]:
    """Every non-empty line with its start offset."""
    found = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            found.append((start, line))
        start += len(line) + 1
    return found


def load_gold(path: Path) -> list[dict]:
    gold = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            if raw.strip():
                record = json.loads(raw)
                if record.get("kind") == "quantity" and record.get("value"):
                    gold.append(record)
    return gold


def close(value: float, target: float) -> bool:
    return abs(value - target) <= TOLERANCE * abs(target)


def overlaps(start: int, end: int, gold: dict) -> bool:
    return start < gold["evidence"]["end"] and gold["evidence"]["start"] < end


# --------------------------------------------------------------------------- tools


class Tool:
    """One tool in a worker process: ``setup``, ``run`` over the schedule, ``recall`` on gold."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.raw = [read_raw(p) for p in files]
        self.slugs = [p.stem for p in files]
        self.notes: list[str] = []

    def setup(self) -> None:
        raise NotImplementedError

    def run(self, order: list[int]) -> dict[str, int]:
        raise NotImplementedError

    def recall(self, gold: list[dict]) -> int:
        raise NotImplementedError


class Corroborate(Tool):
    def setup(self) -> None:
        from corroborate.documents import discover, read_document
        from corroborate.extract import extract_claims
        from corroborate.model import Document, Source
        from corroborate.text import segment

        self.Document, self.segment, self.extract_claims = Document, segment, extract_claims
        refs, notes = discover([str(p) for p in self.files])
        self.notes.extend(notes)
        self.docs = [read_document(ref, max_bytes=10**9) for ref in refs]
        for doc, raw in zip(self.docs, self.raw, strict=True):
            if doc.text != raw:
                self.notes.append(f"{doc.location}: read_document's text differs from the file's; "
                                  "gold offsets may not line up")
        warm = Document(Source("warm-up", "warm-up"), "warm-up.txt",
                        "In 2014, 72 soldiers were killed on 4 April.", "h", "text/plain", 44)
        self.extract_claims(self.segment(warm))

    def run(self, order: list[int]) -> dict[str, int]:
        kinds: Counter[str] = Counter()
        for rep, index in enumerate(order):
            d = self.docs[index]
            # every repetition is a document of its own, read afresh by the pipeline
            doc = self.Document(d.source, f"{d.location}#{rep}", d.text, d.content_hash,
                                "text/plain", d.size_bytes)
            # (counted in C: the harness's own time is no extraction's)
            kinds.update(map(_KIND, self.extract_claims(self.segment(doc))))
        return {"quantity claims": kinds["quantity"], "event claims": kinds["event"],
                **{f"{kind} claims": n for kind, n in kinds.items()}}

    def recall(self, gold: list[dict]) -> int:
        claims: dict[str, list] = {}
        for doc in self.docs:
            claims[doc.source.slug] = [c for c in self.extract_claims(self.segment(doc))
                                       if c.kind == "quantity" and c.value is not None
                                       and c.figure is not None]
        found = 0
        for g in gold:
            low, high = float(g["value"]["low"]), float(g["value"]["high"])
            if any(overlaps(c.figure.start, c.figure.end, g) and close(c.value.low, low)
                   and close(c.value.high, high) for c in claims.get(g["source"], [])):
                found += 1
        return found


class Quantulum(Tool):
    def setup(self) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            from quantulum3 import parser

            self.parse = parser.parse
            self.parse("The area is 4,400 km2.")
        for w in caught:
            self.notes.append(f"quantulum3 warned: {str(w.message).splitlines()[0]}")
        if importlib.util.find_spec("sklearn") is None:
            self.notes.append("quantulum3 ran without its optional classifier (scikit-learn absent): "
                              "units are disambiguated by its heuristics")
        self.lines = [[line for _start, line in lines_of(raw)] for raw in self.raw]
        self.errors = 0

    def _parse(self, line: str) -> list:
        try:
            return self.parse(line)
        except Exception:
            self.errors += 1
            return []

    def run(self, order: list[int]) -> dict[str, int]:
        found = 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for index in order:
                for line in self.lines[index]:
                    found += len(self._parse(line))
        if self.errors:
            self.notes.append(f"quantulum3 raised on {self.errors} lines (counted as nothing found)")
        return {"quantities": found}

    def recall(self, gold: list[dict]) -> int:
        by_slug = {slug: lines_of(raw) for slug, raw in zip(self.slugs, self.raw, strict=True)}
        cache: dict[tuple[str, int], list] = {}
        found = overlapping = 0
        for g in gold:
            lines = by_slug.get(g["source"])
            if not lines:
                continue
            at = bisect.bisect_right([s for s, _ in lines], g["evidence"]["start"]) - 1
            if at < 0:
                continue
            line_start, line = lines[at]
            key = (g["source"], at)
            if key not in cache:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    cache[key] = self._parse(line)
            targets = (float(g["value"]["low"]), float(g["value"]["high"]))
            hits = [q for q in cache[key] if any(close(v, t) for v in self.values(q) for t in targets)]
            found += bool(hits)
            overlapping += any(overlaps(line_start + q.span[0], line_start + q.span[1], g)
                               for q in hits)
        self.notes.append(f"quantulum3 recall if the quantity must also overlap the gold span: "
                          f"{overlapping}/{len(gold)}")
        return found

    @staticmethod
    def values(quantity) -> list[float]:
        value = float(quantity.value)
        spread = quantity.uncertainty
        return [value] if not spread else [value, value - float(spread), value + float(spread)]


_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 10**6, "billion": 10**9, "trillion": 10**12, "first": 1, "second": 2,
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10,
}


def number_value(text: str) -> float | None:
    """The value of a ``like_num`` token, as a quick user script would read it."""
    word = text.lower().lstrip("+-~±").replace(",", "")
    if word in _WORDS:
        return float(_WORDS[word])
    if word.count("/") == 1:
        num, den = word.split("/")
        try:
            return float(num) / float(den)
        except (ValueError, ZeroDivisionError):
            return None
    try:
        return float(word)
    except ValueError:
        return None


class Spacy(Tool):
    def setup(self) -> None:
        import spacy

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.nlp("The area is 4,400 km2. It was taken in 1993.")
        self.lines = [[line for _start, line in lines_of(raw)] for raw in self.raw]

    def run(self, order: list[int]) -> dict[str, int]:
        numbers = sentences = 0
        for index in order:
            for doc in self.nlp.pipe(self.lines[index], batch_size=256):
                numbers += sum(1 for token in doc if token.like_num)
                sentences += sum(1 for _ in doc.sents)
        return {"like_num tokens": numbers, "sentences": sentences}

    def recall(self, gold: list[dict]) -> int:
        tokens: dict[str, list[tuple[int, int, float]]] = {}
        for slug, raw in zip(self.slugs, self.raw, strict=True):
            numbers = []
            starts_lines = lines_of(raw)
            docs = self.nlp.pipe([line for _s, line in starts_lines], batch_size=256)
            for (line_start, _line), doc in zip(starts_lines, docs, strict=True):
                for token in doc:
                    value = number_value(token.text) if token.like_num else None
                    if value is not None:
                        start = line_start + token.idx
                        numbers.append((start, start + len(token.text), value))
            tokens[slug] = numbers
        found = 0
        for g in gold:
            targets = (float(g["value"]["low"]), float(g["value"]["high"]))
            found += any(overlaps(s, e, g) and any(close(v, t) for t in targets)
                         for s, e, v in tokens.get(g["source"], []))
        return found


ADAPTERS: dict[str, type[Tool]] = {"corroborate": Corroborate, "quantulum3": Quantulum,
                                   "spacy": Spacy}


# --------------------------------------------------------------------------- worker


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB  # Linux: KiB


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker(args: argparse.Namespace) -> None:
    tracing = args.mode == "trace"
    if tracing:
        import tracemalloc

        tracemalloc.start()
    result: dict = {"tool": args.worker, "mode": args.mode, "rss_start_mb": maxrss_mb()}
    files = [Path(p) for p in args.files]
    tool = ADAPTERS[args.worker](files)
    t0 = time.perf_counter()
    tool.setup()
    result["setup_s"] = time.perf_counter() - t0
    result["rss_after_setup_mb"] = maxrss_mb()
    if tracing:
        result["traced_setup_peak_mb"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.reset_peak()
    sizes = [len(raw.encode("utf-8")) for raw in tool.raw]
    order, total = schedule(sizes, args.sample_mb)
    result["documents"] = len(order)
    result["mb"] = total / MB
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    if args.mode == "profile":
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(tool.run, order)
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(args.profile_top)
        # own time: where the hot spots are (a regex's scan is charged to the comprehension or
        # loop that iterates its finditer)
        stats.sort_stats("tottime").print_stats(args.profile_top)
        return
    result["found"] = tool.run(order)
    result["seconds"] = time.perf_counter() - wall0
    result["cpu_seconds"] = cpu_seconds() - cpu0
    result["rss_peak_mb"] = maxrss_mb()
    if tracing:
        result["traced_run_peak_mb"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    if args.mode == "time" and args.recall:
        gold = load_gold(Path(args.gold))
        result["gold_quantities"] = len(gold)
        result["recall_found"] = tool.recall(gold)
    result["notes"] = tool.notes
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


# --------------------------------------------------------------------------- driver


def spawn(tool: str, mode: str, files: list[Path], sample_mb: float, gold: Path | None,
          profile_top: int = 0) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", tool, "--mode", mode,
               "--sample-mb", repr(sample_mb), "--result", str(out),
               "--profile-top", str(profile_top), "--files", *map(str, files)]
        if gold is not None:
            cmd += ["--gold", str(gold), "--recall"]
        env = dict(os.environ, PYTHONWARNINGS="ignore::DeprecationWarning")
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if mode == "profile":
            return {"stdout": proc.stdout, "stderr": proc.stderr, "returncode": proc.returncode}
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
            raise RuntimeError(f"{mode} run exited {proc.returncode}: {tail[0]}")
        return json.loads(out.read_text(encoding="utf-8"))


def version_of(tool: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version(TOOLS[tool][2])
    except PackageNotFoundError:
        found = "?"
    if tool != "corroborate":
        return found
    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return found
    return f"{found} ({rev}{'+dirty src' if dirty else ''})"


def fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def measure(tool: str, files: list[Path], args: argparse.Namespace, gold: Path | None,
            full_mb: float, notes: list[str]) -> dict:
    name = TOOLS[tool][0]
    sample = args.megabytes if tool == "corroborate" else min(args.peer_megabytes, args.megabytes)
    print(f"running {name} on {sample:g} MB ...", file=sys.stderr, flush=True)
    timed = spawn(tool, "time", files, sample, gold)
    trace_mb = min(args.trace_megabytes, sample)
    traced = spawn(tool, "trace", files, trace_mb, None) if trace_mb > 0 else None
    rate = timed["mb"] / timed["seconds"] if timed["seconds"] > 0 else None
    row = {
        "tool": name,
        "version": version_of(tool),
        "mb_processed": timed["mb"],
        "documents": timed["documents"],
        "seconds": timed["seconds"],
        "cpu_seconds": timed["cpu_seconds"],
        "setup_seconds": timed["setup_s"],
        "mb_per_s_per_core": rate,
        # what one core gives when the machine is shared: wall time counts other processes' turns
        "mb_per_cpu_second": timed["mb"] / timed["cpu_seconds"] if timed["cpu_seconds"] > 0 else None,
        "extrapolated": timed["mb"] < full_mb * 0.999,
        "estimated_seconds_full": None if rate is None else full_mb / rate,
        "rss_peak_mb": timed["rss_peak_mb"],
        "rss_after_setup_mb": timed["rss_after_setup_mb"],
        "tracemalloc_peak_mb": None,
        "tracemalloc_mb_processed": None,
        "found": timed["found"],
        "recall": None,
        "recall_found": timed.get("recall_found"),
        "gold_quantities": timed.get("gold_quantities"),
        "recall_kind": "strict" if tool == "corroborate" else "lenient",
    }
    if traced is not None:
        row["tracemalloc_peak_mb"] = max(traced["traced_setup_peak_mb"], traced["traced_run_peak_mb"])
        row["tracemalloc_setup_peak_mb"] = traced["traced_setup_peak_mb"]
        row["tracemalloc_run_peak_mb"] = traced["traced_run_peak_mb"]
        row["tracemalloc_mb_processed"] = traced["mb"]
    if row["gold_quantities"]:
        row["recall"] = row["recall_found"] / row["gold_quantities"]
    notes.extend(f"{name}: {n}" for n in timed.get("notes", []))
    if rate is not None and timed["cpu_seconds"] > 1.15 * timed["seconds"]:
        notes.append(f"{name}: CPU time {timed['cpu_seconds']:.1f} s > wall {timed['seconds']:.1f} s: "
                     "it used more than one core, so MB/s per core overstates it")
    return row


def table(rows: list[dict], full_mb: float) -> str:
    head = ["tool", "version", "MB processed", "seconds", "MB/s per core",
            f"est. s for {full_mb:.1f} MB", "peak MB (tracemalloc / RSS)", "recall on gold"]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        if r.get("skipped"):
            out.append(f"| {r['tool']} | - | SKIP: {r['skipped']} | - | - | - | - | - |")
            continue
        recall = "-" if r["recall"] is None else \
            f"{r['recall']:.1%} ({r['recall_found']}/{r['gold_quantities']}, {r['recall_kind']})"
        est = fmt(r["estimated_seconds_full"], 1) + (" (extrapolated)" if r["extrapolated"] else "")
        peak = f"{fmt(r['tracemalloc_peak_mb'], 1)} / {fmt(r['rss_peak_mb'], 1)}"
        out.append(f"| {r['tool']} | {r['version']} | {fmt(r['mb_processed'])} | {fmt(r['seconds'], 1)} "
                   f"| {fmt(r['mb_per_s_per_core'], 3)} | {est} | {peak} | {recall} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.txt documents")
    ap.add_argument("--megabytes", type=float, default=50.0, help="benchmark size for corroborate")
    ap.add_argument("--peer-megabytes", type=float, default=2.0,
                    help="sample size for quantulum3 and spaCy (throughput is extrapolated)")
    ap.add_argument("--trace-megabytes", type=float, default=5.0,
                    help="size of the tracemalloc run (0: skip it)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold claims (JSON Lines)")
    ap.add_argument("--tools", default="corroborate,quantulum3,spacy", help="comma-separated")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--profile", action="store_true",
                    help="also cProfile corroborate over --peer-megabytes and print the top functions")
    ap.add_argument("--profile-top", type=int, default=15,
                    help="functions listed by --profile, by cumulative and by own time")
    # worker mode (internal)
    ap.add_argument("--worker", choices=sorted(ADAPTERS), help=argparse.SUPPRESS)
    ap.add_argument("--mode", choices=["time", "trace", "profile"], help=argparse.SUPPRESS)
    ap.add_argument("--sample-mb", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    ap.add_argument("--recall", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--files", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args)
        return

    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        sys.exit(f"corpus not found: {corpus} (pass --corpus DIR, a folder of *.txt documents)")
    files = corpus_files(corpus)
    if not files:
        sys.exit(f"no *.txt documents in {corpus}")
    if args.megabytes <= 0 or args.peer_megabytes <= 0:
        sys.exit("--megabytes and --peer-megabytes must be positive")
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        sys.exit(f"unknown tool(s): {', '.join(unknown)} (known: {', '.join(TOOLS)})")

    sizes = [len(read_raw(p).encode("utf-8")) for p in files]
    order, total = schedule(sizes, args.megabytes)
    full_mb = total / MB
    print(f"corpus: {corpus} ({len(files)} documents, {sum(sizes):,} bytes); benchmark text: "
          f"{full_mb:.2f} MB = {len(order)} documents ({len(order) / len(files):.1f} rounds)")
    print(f"python: {sys.executable} ({sys.version.split()[0]}); 1 MB = 10^6 bytes of UTF-8")
    gold: Path | None = args.gold if args.gold.is_file() else None
    if gold is None:
        print(f"SKIP recall on gold: {args.gold} not found")

    rows: list[dict] = []
    notes: list[str] = []
    for tool in tools:
        name, module, _dist, hint = TOOLS[tool]
        if importlib.util.find_spec(module) is None:
            print(f"SKIP {name}: not installed ({hint})")
            rows.append({"tool": name, "skipped": f"not installed ({hint})"})
            continue
        try:
            rows.append(measure(tool, files, args, gold, full_mb, notes))
        except RuntimeError as exc:
            print(f"FAIL {name}: {exc}")
            rows.append({"tool": name, "skipped": f"failed: {exc}"})

    print()
    print(table(rows, full_mb))
    print()
    for r in rows:
        if r.get("skipped"):
            continue
        found = ", ".join(f"{v:,} {k}" for k, v in r["found"].items())
        extra = (f"; throughput measured on a {r['mb_processed']:.2f} MB sample, time for "
                 f"{full_mb:.2f} MB extrapolated" if r["extrapolated"] else "")
        traced = "" if r["tracemalloc_mb_processed"] is None else \
            (f"; tracemalloc peak over {r['tracemalloc_mb_processed']:.2f} MB "
             f"(set-up {r['tracemalloc_setup_peak_mb']:.1f} MB, run {r['tracemalloc_run_peak_mb']:.1f} MB)")
        print(f"- {r['tool']}: found {found}; set-up {r['setup_seconds']:.2f} s (not timed); "
              f"CPU/wall {r['cpu_seconds'] / max(r['seconds'], 1e-9):.2f}"
              + (f" ({r['mb_per_cpu_second']:.3f} MB per CPU-second)" if r.get("mb_per_cpu_second") else "")
              + "; "
              f"RSS after set-up {r['rss_after_setup_mb']:.1f} MB{traced}{extra}")
    if gold is not None:
        print("- recall on gold quantities: corroborate's is the strict measure (figure span overlaps "
              "the gold evidence, low and high within 1%); the peers' is the lenient one (any value "
              "within 1% of gold low or high: quantulum3 anywhere on the gold span's line, spaCy in a "
              "like_num token overlapping the span; units not compared)")
    for note in dict.fromkeys(notes):
        print(f"- {note}")

    profile = None
    if args.profile and "corroborate" in tools and importlib.util.find_spec("corroborate"):
        sample = min(args.peer_megabytes, args.megabytes)
        profile = spawn("corroborate", "profile", files, sample, None, args.profile_top)
        print(f"\ncProfile of corroborate over {sample:g} MB "
              f"(top {args.profile_top} by cumulative, then by own time):")
        print(profile["stdout"] if profile["returncode"] == 0 else profile["stderr"])

    if args.json:
        payload = {
            "corpus": str(corpus),
            "documents": [p.name for p in files],
            "megabytes": full_mb,
            "peer_megabytes": min(args.peer_megabytes, args.megabytes),
            "trace_megabytes": args.trace_megabytes,
            "python": sys.version.split()[0],
            "gold": None if gold is None else str(gold),
            "recall_note": "corroborate: strict (figure span overlap, low and high within 1%); "
                           "peers: lenient (value within 1% of gold low or high, units not compared)",
            "rows": rows,
            "notes": list(dict.fromkeys(notes)),
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()

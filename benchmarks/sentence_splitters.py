#!/usr/bin/env python3
"""Benchmark sentence splitters (pysbd, blingfire, spaCy blank "en" + sentencizer).

Usage (from the repository root):

    python benchmarks/sentence_splitters.py --corpus ../shared/corpus

Each splitter is applied to one non-empty line of a document at a time (lines are
paragraphs, headings or table cells; nothing is ever split across lines).  Every
sentence is mapped back to exact character offsets in the document as returned by
``open(path, encoding="utf-8").read()`` and verified: ``text[start:end].strip()``
must equal the splitter's sentence ``.strip()``.  A splitter whose own offsets are
wrong is re-aligned (and reported); one that changes the text is reported as
"altered".

Reported per splitter:
  * boundary precision / recall / F1 against ``sentence_gold.json`` (all gold
    lines, plus prose and reference-list lines separately),
  * throughput in KB/s (UTF-8) over all non-empty corpus lines repeated to ~5 MB,
  * import time (fresh interpreter) and set-up time (model / pipeline creation),
  * offset integrity (sentences whose reported offsets were wrong, text altered,
    non-space characters dropped),
  * the systematic error patterns behind false positives / negatives,
  * a handful of synthetic probes for cases the corpus lacks ("Dr.", "St.", ...),
  * the same for each splitter followed by the repair rules in ``apply_rules``
    ("<name>+rules"; disable with ``--no-rules``), and, for reference, corroborate's
    own splitter (``src/corroborate/text/sentences.py``: blingfire plus its rules),
    run on the raw lines (the pipeline normalizes the text first).

A "lenient" score is also given, in which gold boundaries inside quotations and
splits before lowercase citation fields count neither way (see
``neutral_positions``): whether a multi-sentence quotation should stay with its
attribution is a design choice for claim extraction, not an error.

Gold file format (``sentence_gold.json``)::

    {slug: [[line_start_offset, [boundary_offset, ...]], ...]}

``line_start_offset`` is the document offset of the first character of a line.
The boundary offsets are the document offsets of the first (non-whitespace)
character of every sentence of that line *except the first one* (the line start is
always a boundary, so it is not scored).  A line listed with ``[]`` is a single
sentence.  Only offsets are stored; the corpus text is third-party.

Gold conventions (orthographic sentences, marked by hand):
  * a sentence ends at ``.``, ``?``, ``!`` or ``…`` followed by whitespace
    (including U+00A0) and a token that does not start with a lowercase letter;
    closing quotes/brackets and citation markers such as ``[11][12]`` stay with the
    sentence they follow, so the next sentence starts after them;
  * no boundary after abbreviations (``U.S.``, ``U.N.``, ``e.g.``, ``i.e.``,
    ``v.``, ``Doc.``, ``No.``, ``ed.``, ``p.``, ``pp.``), initials (``George W.
    Bush``, ``A. Bellal``, ``M.E. Sharpe``), list enumerators (``1. Kalbajar``,
    ``  2. ^ ...``), decimals and dates (``82.1%``, ``1.01.2011``), a quoted
    sentence that the surrounding sentence continues (``"...sides", but``), or an
    elision ``[...]`` inside a sentence;
  * multi-sentence quotations and titles are split at their internal sentence
    ends (orthographic convention; a splitter cannot know what is a title);
  * reference-list lines (``^Author (2003). "Title". Publisher. p. 208.
    ISBN...``) follow the same rule, so every citation field that ends with ". "
    and is followed by a capital letter, digit or quote opens a new sentence,
    while ``pp. 55–70``, ``doi:``, ``rferl.org`` (lowercase) do not.  These lines
    are scored separately ("ref") because their boundaries matter less for claim
    extraction than those in prose.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# --------------------------------------------------------------------------- splitters


class Splitter:
    """Adapter: ``split_many(lines)`` -> per line a list of (start, end, sentence)."""

    name = "?"
    module = "?"

    def available(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def version(self) -> str:
        try:
            from importlib.metadata import version

            return version(self.module)
        except Exception:  # pragma: no cover - metadata missing
            return "?"

    def setup(self) -> None:
        raise NotImplementedError

    def split_many(self, lines):
        return [self.split(line) for line in lines]

    def split(self, line):
        raise NotImplementedError


class Pysbd(Splitter):
    name = "pysbd"
    module = "pysbd"
    import_stmt = "import pysbd"

    def setup(self):
        import pysbd

        self.seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(self, line):
        return [(s.start, s.end, s.sent) for s in self.seg.segment(line)]


class Blingfire(Splitter):
    name = "blingfire"
    module = "blingfire"
    import_stmt = "import blingfire"

    def setup(self):
        import blingfire

        self.f = blingfire.text_to_sentences_and_offsets

    def split(self, line):
        out, offsets = self.f(line)
        sents = out.split("\n") if out else []
        if len(sents) != len(offsets):  # should not happen; keep offsets, flag text
            sents = [line[s:e] for s, e in offsets]
        return [(s, e, t) for (s, e), t in zip(offsets, sents, strict=True)]


class Spacy(Splitter):
    name = "spacy-sentencizer"
    module = "spacy"
    import_stmt = "import spacy"

    def setup(self):
        import spacy

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")

    def split_many(self, lines):
        return [
            [(s.start_char, s.end_char, s.text) for s in doc.sents]
            for doc in self.nlp.pipe(lines, batch_size=256)
        ]

    def split(self, line):
        return [(s.start_char, s.end_char, s.text) for s in self.nlp(line).sents]


class Project(Splitter):
    """corroborate's own splitter (blingfire + its abbreviation/citation rules), for reference.

    Loaded straight from ``src/corroborate/text/sentences.py`` with the English
    abbreviations of ``src/corroborate/lang/en/sentences.toml``, so the package does
    not need to be installed; skipped when those files are absent.
    """

    name = "corroborate-current"
    module = "blingfire"
    import_stmt = "import blingfire"
    src = os.path.join(REPO, "src", "corroborate", "text", "sentences.py")
    toml = os.path.join(REPO, "src", "corroborate", "lang", "en", "sentences.toml")

    def available(self):
        return super().available() and os.path.exists(self.src) and os.path.exists(self.toml)

    def version(self):
        return "blingfire " + super().version()

    def setup(self):
        import importlib.util as iu
        import tomllib

        spec = iu.spec_from_file_location("_corroborate_sentences", self.src)
        mod = iu.module_from_spec(spec)
        spec.loader.exec_module(mod)
        self.f = mod.split_sentences
        with open(self.toml, "rb") as fh:
            self.abbreviations = frozenset(tomllib.load(fh)["abbreviations"])

    def split(self, line):
        return [(s, e, line[s:e]) for s, e in self.f(line, 0, self.abbreviations)]


SPLITTERS = [Pysbd(), Blingfire(), Spacy(), Project()]

# --------------------------------------------------------------------------- post-processing
# Generic repair rules for the systematic errors found on this corpus.  They work on
# verified offsets only, so the output still maps exactly onto the document.  They
# were written after looking at the errors on the gold lines, so "+rules" scores on
# the gold are optimistic; see the report for a check on the other corpus lines.

# split after sentence-final punctuation + citation markers: "done.[11][12] Next"
SPLIT_AFTER_MARKERS = re.compile(r"[.!?][\"”’')]*(?:\[[^\]\s]{1,4}\])+\s+(?=[A-Z\"“‘(])")
# split after a closing curly single quote: "...at risk.’ ‘The Court" / "...law.’ ECtHR"
SPLIT_AFTER_RSQUO = re.compile(r"[.!?]’\s+(?=[A-Z‘“\"])")
ENUMERATOR = re.compile(r"^(?:\d{1,3}|[ivxIVX]{1,4}|[a-z])\.$")
FRAGMENT = re.compile(r"^(?:(?:\[[^\]\s]{1,4}\])+|[\"”’')\]]+)$")
# last token of a "sentence" that is really an abbreviation or a single initial
# ("A. Bellal", "George W. Bush"); "U.S." is deliberately absent: it can end a sentence.
NO_END = re.compile(
    r"(?:^|[\s(\u00a0^])(?:v|vs|Doc|No|no|Nos|ed|eds|p|pp|vol|cf|e\.g|i\.e|Dr|St|Mr|Mrs|Ms|"
    r"Prof|Gen|Lt|Col|Jr|Sr|Rev|[A-Z])\.$"
)
OPENER_ONLY = re.compile(r"^[\"“‘'«(\[]+$")
OPENERS_TAIL = re.compile(r"\s([\"“‘'«(\[]+)$")


def apply_rules(line, spans):
    """Repair (start, end) spans of one line; returns new verified spans."""
    out = []
    for s, e in spans:  # 1. extra splits
        cuts = [
            m.end()
            for rx in (SPLIT_AFTER_MARKERS, SPLIT_AFTER_RSQUO)
            for m in rx.finditer(line, s, e)
            if m.end() < e
        ]
        for c in sorted(set(cuts)):
            if line[s:c].strip():
                out.append((s, c))
                s = c
        out.append((s, e))
    for i in range(len(out) - 1):  # 2. opening quote/bracket left at a sentence end
        (s, e), (_, e2) = out[i], out[i + 1]
        head = line[s:e].rstrip()
        m = OPENERS_TAIL.search(head)
        if m and head[: m.start()].strip():
            k = s + m.start(1)
            out[i], out[i + 1] = (s, k), (k, e2)
    merged = []
    for s, e in out:  # 3. merges
        cur = line[s:e].strip()
        if merged:
            ps, pe = merged[-1]
            prev = line[ps:pe].strip()
            if (
                ENUMERATOR.match(prev)
                or OPENER_ONLY.match(prev)
                or prev[-1:] in ",;:"
                or FRAGMENT.match(cur)
                or cur[:1].islower()
                or cur[:1] in ",;:)."
                or NO_END.search(prev)
            ):
                merged[-1] = (ps, e)
                continue
        if cur:
            merged.append((s, e))
    return merged


class WithRules(Splitter):
    def __init__(self, base):
        self.base = base
        self.name = base.name + "+rules"
        self.module = base.module
        self.import_stmt = base.import_stmt

    def version(self):
        return self.base.version()

    def setup(self):
        pass  # the base splitter is already set up

    def split_many(self, lines):
        res = []
        for line, spans in zip(lines, self.base.split_many(lines), strict=True):
            fixed = apply_rules(line, align(line, spans, Integrity()))
            res.append([(s, e, line[s:e]) for s, e in fixed])
        return res

    def split(self, line):
        return self.split_many([line])[0]


# --------------------------------------------------------------------------- corpus


def load_corpus(corpus_dir):
    docs = {}
    for p in sorted(glob.glob(os.path.join(corpus_dir, "*.txt"))):
        with open(p, encoding="utf-8") as fh:
            docs[os.path.splitext(os.path.basename(p))[0]] = fh.read()
    if not docs:
        sys.exit(f"no *.txt documents in {corpus_dir}")
    return docs


def nonempty_lines(text):
    """(line_start_offset, line) for every line with non-whitespace content."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def first_nonspace(s, i=0, j=None):
    j = len(s) if j is None else j
    while i < j and s[i].isspace():
        i += 1
    return i


# --------------------------------------------------------------------------- alignment


class Integrity:
    def __init__(self):
        self.sentences = 0
        self.bad_offsets = 0  # reported offsets did not match the sentence text
        self.ws_altered = 0  # sentence matches the line only modulo whitespace
        self.altered = 0  # sentence text not found in the line at all
        self.dropped_chars = 0  # non-space characters of a line not in any sentence
        self.examples = []


def align(line, spans, integ: Integrity):
    """Return verified (start, end) pairs within ``line`` for the splitter's spans."""
    out = []
    cursor = 0
    for s, e, sent in spans:
        integ.sentences += 1
        want = sent.strip()
        if not want:
            continue
        if 0 <= s <= e <= len(line) and line[s:e].strip() == want:
            out.append((s, e))
            cursor = e
            continue
        integ.bad_offsets += 1
        i = line.find(want, cursor)
        if i < 0:
            i = line.find(want)
        if i >= 0:
            out.append((i, i + len(want)))
            cursor = i + len(want)
            continue
        # whitespace-insensitive match (splitter normalised spaces)
        pat = r"\s+".join(re.escape(tok) for tok in want.split())
        m = re.compile(pat).search(line, cursor) or re.compile(pat).search(line)
        if m:
            integ.ws_altered += 1
            out.append((m.start(), m.end()))
            cursor = m.end()
            continue
        integ.altered += 1
        if len(integ.examples) < 3:
            integ.examples.append((line[s:e][:60], sent[:60]))
        if 0 <= s <= e <= len(line):  # fall back to the reported offsets
            out.append((s, e))
    covered = [False] * len(line)
    for s, e in out:
        for k in range(s, e):
            covered[k] = True
    integ.dropped_chars += sum(1 for k, c in enumerate(line) if not c.isspace() and not covered[k])
    return out


def starts(line_start, line, spans):
    """Document offsets of sentence starts except the line's first one."""
    first = first_nonspace(line)
    res = set()
    for s, e in spans:
        k = first_nonspace(line, s, e)
        if k < e and k != first:
            res.add(line_start + k)
    return res


# --------------------------------------------------------------------------- scoring

REF_LINE = re.compile(r"^\s*(\d+\.\s+)?\^|ISBN|Retrieved \d|Archived from")
ABBREV = re.compile(r"(\b(?:U\.S|U\.N|e\.g|i\.e|v|Doc|No|no|ed|eds|vol|Dr|St|Mr|Mrs|Jr|etc|cf)\.)$")
INITIAL = re.compile(r"(?:^|[\s(\u00a0])(?:[A-Z]\.){1,3}$")
PAGE = re.compile(r"\bpp?\.$")
ENUM = re.compile(r"^\s*\d+\.$")
QUOTE_END = re.compile(r"[.!?…]?['\"’”]+[.]?$")


OPENERS = "\"“‘'([«"


def classify_fp(text, line_start, b, gold_set, fn_set):
    before = text[line_start:b].rstrip()
    after = text[b : b + 3]
    near = [g for g in fn_set if abs(b - g) <= 8]
    if near:
        g = near[0]
        lo, hi = sorted((b, g))
        between = text[lo:hi].strip()
        if between and all(ch in OPENERS for ch in between):
            return "boundary after the opening quote/bracket (opener left on previous sentence)"
        if b < g and between.startswith("["):
            return "boundary before '[n]' markers instead of after them"
        if b > g:
            return f"sentence start shifted past a leading initial/abbreviation ({between[:6]!r})"
        return f"boundary shifted ({between[:8]!r})"
    rest = text[b : text.find("\n", b) if text.find("\n", b) >= 0 else len(text)]
    if rest.strip() and all(ch in "\"”’'" for ch in rest.strip()):
        return "stray closing quote split off as its own sentence"
    if after.startswith("[") and before.endswith((".", "?", "!")):
        return "trailing '[n]' citation markers split off as their own sentence"
    if ENUM.search(before):
        return "split after list enumerator ('1.', '  2. ^')"
    if PAGE.search(before):
        return "split after 'p.'/'pp.'"
    m = ABBREV.search(before)
    if m:
        return f"split after abbreviation ({m.group(1)})"
    if INITIAL.search(before):
        return "split after initial ('George W.', 'A.', 'M.E.')"
    if after[:1].islower():
        return "split before lowercase token ('pp.', 'doi:', 'rferl.org')"
    if before.endswith("[...]"):
        return "split after elision '[...]'"
    if before.endswith(("?", "!", '?"', "?’", "!,", "?,")) or re.search(r"[?!][,’”\"]*$", before):
        return "split after '?'/'!' that the sentence continues (title)"
    if re.search(r"\d\.$", before) and after[:1].isdigit():
        return "split inside number/date"
    return "other"


def classify_fn(text, line_start, b, fp_set):
    before = text[line_start:b]
    gap = before[len(before.rstrip()) :]
    core = before.rstrip()
    if any(abs(b - p) <= 8 for p in fp_set):
        return "boundary shifted (see the matching false positive)"
    if "\u00a0" in gap:
        return "missed: sentences separated by NBSP (U+00A0)"
    if re.search(r"\[[^\]]{1,4}\]$", core):
        return "missed: after '.[n]' citation marker"
    if quote_depth(core) > 0:
        return "missed: inside a multi-sentence double-quoted passage"
    if QUOTE_END.search(core):
        return "missed: after closing quote"
    nxt = text[b : b + 2]
    if nxt[:1] in "\"“‘'":
        return "missed: next sentence opens with a quote"
    if nxt[:1].isdigit():
        return "missed: next sentence starts with a digit"
    if re.search(r"\)\.$", core):
        return "missed: after ')'"
    if re.search(r"\b[A-Z][A-Za-z/]{0,5}\.$", core):
        return "missed: after short capitalised word (treated as abbreviation)"
    if re.search(r"\d\.$", core):
        return "missed: after a number"
    return "missed: other"


def quote_depth(prefix):
    """Open quotations at the end of ``prefix`` (one line of text).

    ``"`` toggles; ``“``/``”`` and ``‘``/``’`` nest; a ``’`` between letters is an
    apostrophe, not a closing quote.
    """
    dbl = curly = single = 0
    for i, ch in enumerate(prefix):
        if ch == '"':
            dbl ^= 1
        elif ch == "“":
            curly += 1
        elif ch == "”":
            curly = max(0, curly - 1)
        elif ch == "‘":
            single += 1
        elif ch == "’" and single:
            nxt = prefix[i + 1 : i + 2]
            if not nxt.isalpha():
                single -= 1
    return dbl + curly + single


def neutral_positions(line_start, line, gold_b, pred_b):
    """Boundaries that the lenient score ignores (neither right nor wrong).

    * gold boundaries inside a quotation or quoted title (keeping a multi-sentence
      quote together with its attribution is arguably better for claim extraction);
    * predicted boundaries before a lowercase citation field (``p. 208``, ``doi:``,
      ``rferl.org``) on reference-list lines.
    """
    neutral = {b for b in gold_b if quote_depth(line[: b - line_start]) > 0}
    if REF_LINE.search(line):
        neutral |= {b for b in pred_b if line[b - line_start : b - line_start + 1].islower()}
    return neutral


def check_integrity(splitter, docs):
    """Offset/text verification over every non-empty line of the whole corpus."""
    integ = Integrity()
    for text in docs.values():
        items = list(nonempty_lines(text))
        for (line_start, line), spans in zip(
            items, splitter.split_many([ln for _, ln in items]), strict=True
        ):
            for s, e in align(line, spans, integ):
                assert text[line_start + s : line_start + e].strip() == line[s:e].strip()
    return integ


def evaluate(splitter, docs, gold, examples=2):
    counts = defaultdict(Counter)
    fp_pat, fn_pat = Counter(), Counter()
    fp_ex, fn_ex = defaultdict(list), defaultdict(list)
    for slug, entries in gold.items():
        if slug not in docs:
            print(f"  ! gold document {slug!r} missing from corpus; skipped")
            continue
        text = docs[slug]
        lines = []
        for line_start, _ in entries:
            end = text.find("\n", line_start)
            lines.append(text[line_start : len(text) if end < 0 else end])
        results = splitter.split_many(lines)
        for (line_start, gb), line, spans in zip(entries, lines, results, strict=True):
            aligned = align(line, spans, Integrity())
            pred = starts(line_start, line, aligned)
            first = line_start + first_nonspace(line)
            g = set(gb) - {first}
            cat = "ref" if REF_LINE.search(line) else "prose"
            neutral = neutral_positions(line_start, line, g, pred)
            for c, pp, gg in (
                ("all", pred, g),
                (cat, pred, g),
                ("lenient", pred - neutral, g - neutral),
                (f"lenient-{cat}", pred - neutral, g - neutral),
            ):
                counts[c]["tp"] += len(pp & gg)
                counts[c]["fp"] += len(pp - gg)
                counts[c]["fn"] += len(gg - pp)
                counts[c]["lines"] += 1
                counts[c]["exact"] += pp == gg
            for b in sorted(pred - g):
                k = classify_fp(text, line_start, b, g, g - pred)
                fp_pat[k] += 1
                if len(fp_ex[k]) < examples:
                    fp_ex[k].append(context(line, b - line_start))
            for b in sorted(g - pred):
                k = classify_fn(text, line_start, b, pred - g)
                fn_pat[k] += 1
                if len(fn_ex[k]) < examples:
                    fn_ex[k].append(context(line, b - line_start))
    return counts, fp_pat, fn_pat, fp_ex, fn_ex


def context(line, k, w=22):
    return f"{line[max(0, k - w) : k]!r} | {line[k : k + w]!r}"


def prf(c):
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --------------------------------------------------------------------------- timing


def import_time(splitter, runs=3):
    code = "import time; t=time.perf_counter(); " + splitter.import_stmt + "; print(time.perf_counter()-t)"
    vals = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if out.returncode != 0:
            return float("nan")
        vals.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(vals)


def throughput(splitter, docs, target_bytes):
    base = [line for text in docs.values() for _, line in nonempty_lines(text)]
    base_bytes = sum(len(line.encode("utf-8")) for line in base)
    reps = max(1, round(target_bytes / base_bytes))
    lines = base * reps
    nbytes = base_bytes * reps
    t = time.perf_counter()
    n = sum(len(s) for s in splitter.split_many(lines))
    dt = time.perf_counter() - t
    return nbytes / 1024 / dt, nbytes, dt, n


# --------------------------------------------------------------------------- probes

# Self-written sentences for cases the corpus does not contain; value = number of
# sentences expected.
PROBES = [
    ("Dr. Petrosyan arrived in Goris. He left on Monday.", 2),
    ("The envoy met residents near St. Hripsime church. Talks resumed later.", 2),
    ("Some districts, e.g. Lachin and Kalbajar, were returned. Others were not.", 2),
    ("The U.S. Senate voted in 1992. The ban was waived later.", 2),
    ("Turnout was 82.1% on 1.01.2011 in the survey. It rose afterwards.", 2),
    ("See Report No. 239, pp. 55–70, for details. It is long.", 2),
    ('He said the talks "had failed." Nobody replied.', 2),
    ("Both sides agreed.[11][12] Fighting resumed in 2016.[13]", 2),
]


def run_probes(splitter):
    ok = 0
    fails = []
    for text, n in PROBES:
        got = [t for t in splitter.split(text) if t[2].strip()]
        if len(got) == n:
            ok += 1
        else:
            fails.append(" / ".join(t[2].strip() for t in got))
    return ok, fails


# --------------------------------------------------------------------------- main



def _print_patterns(title: str, patterns: Counter[str], examples: dict[str, list[str]]) -> None:
    """Error patterns, most frequent first, each with its examples."""
    if not patterns:
        return
    print(f"  {title}:")
    for pattern, count in patterns.most_common():
        print(f"    {count:3d}  {pattern}")
        for example in examples[pattern]:
            print(f"           {example}")

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"))
    ap.add_argument("--gold", default=os.path.join(HERE, "sentence_gold.json"))
    ap.add_argument("--target-mb", type=float, default=5.0, help="throughput corpus size")
    ap.add_argument("--examples", type=int, default=2, help="error examples per pattern")
    ap.add_argument("--only", nargs="*", help="restrict to these splitter names")
    ap.add_argument(
        "--no-rules",
        action="store_true",
        help="do not also score each splitter with the post-processing rules",
    )
    args = ap.parse_args(argv)

    docs = load_corpus(args.corpus)
    with open(args.gold, encoding="utf-8") as fh:
        gold = json.load(fh)
    n_lines = sum(len(v) for v in gold.values())
    n_b = sum(len(b) for v in gold.values() for _, b in v)
    print(
        f"corpus: {len(docs)} documents, {sum(len(t) for t in docs.values())} chars; "
        f"gold: {n_lines} lines, {n_b} boundaries; python {sys.version.split()[0]}"
    )

    rows = []
    todo = []
    for base in SPLITTERS:
        if args.only and base.name not in args.only:
            continue
        if not base.available():
            print(f"SKIP {base.name}: module {base.module!r} is not installed (pip install {base.module})")
            continue
        todo.append(base)
        if not args.no_rules and not isinstance(base, Project):
            todo.append(WithRules(base))
    for sp in todo:
        if isinstance(sp, WithRules):
            imp, init = rows[-1][1], rows[-1][2]
        else:
            imp = import_time(sp)
            t = time.perf_counter()
            sp.setup()
            init = time.perf_counter() - t
        counts, fp_pat, fn_pat, fp_ex, fn_ex = evaluate(sp, docs, gold, args.examples)
        integ = check_integrity(sp, docs)
        kbs, nbytes, dt, nsent = throughput(sp, docs, args.target_mb * 1024 * 1024)
        probes_ok, probe_fails = run_probes(sp)
        rows.append((sp, imp, init, counts, kbs, integ, probes_ok))

        print(f"\n== {sp.name} {sp.version()}")
        for cat in ("all", "prose", "ref", "lenient", "lenient-prose"):
            c = counts[cat]
            p, r, f = prf(c)
            print(
                f"  {cat:13s}: P={p:.3f} R={r:.3f} F1={f:.3f}  tp={c['tp']} fp={c['fp']} "
                f"fn={c['fn']}  lines exactly right {c['exact']}/{c['lines']}"
            )
        print(f"  throughput: {nbytes / 1048576:.1f} MB in {dt:.2f}s = {kbs:,.0f} KB/s ({nsent} sentences)")
        print(f"  import {imp:.3f}s (fresh interpreter), setup {init:.3f}s")
        print(
            f"  offsets (whole corpus): {integ.sentences} sentences, "
            f"{integ.bad_offsets} with wrong reported offsets, "
            f"{integ.ws_altered} whitespace-altered, {integ.altered} altered text, "
            f"{integ.dropped_chars} non-space chars dropped"
        )
        for a, b in integ.examples:
            print(f"    altered: line {a!r} vs sentence {b!r}")
        _print_patterns("false positives (spurious splits)", fp_pat, fp_ex)
        _print_patterns("false negatives (missed splits)", fn_pat, fn_ex)
        print(f"  synthetic probes: {probes_ok}/{len(PROBES)}")
        for fail in probe_fails:
            print(f"    got: {fail}")

    if not rows:
        print("no splitter available")
        return 1
    print()
    hdr = (
        f"{'splitter':23s} {'P':>6s} {'R':>6s} {'F1':>6s} {'F1prose':>7s} {'F1ref':>6s} "
        f"{'F1len':>6s} {'KB/s':>7s} {'import':>7s} {'setup':>6s} {'badoff':>6s} "
        f"{'altered':>7s} {'probes':>6s}"
    )
    print(hdr)
    print("-" * len(hdr))
    for sp, imp, init, counts, kbs, integ, probes_ok in rows:
        p, r, f = prf(counts["all"])
        print(
            f"{sp.name:23s} {p:6.3f} {r:6.3f} {f:6.3f} {prf(counts['prose'])[2]:7.3f} "
            f"{prf(counts['ref'])[2]:6.3f} {prf(counts['lenient'])[2]:6.3f} {kbs:7,.0f} "
            f"{imp:6.2f}s {init:5.2f}s {integ.bad_offsets:6d} "
            f"{integ.altered + integ.ws_altered:7d} {probes_ok:>4d}/{len(PROBES)}"
        )
    print(
        "P/R/F1: sentence-boundary scores on the gold lines (strict); F1prose/F1ref: "
        "split by line type;\nF1len: lenient (quote-internal gold boundaries and splits "
        "before lowercase citation fields ignored);\nKB/s: UTF-8 throughput, one line per "
        "call; import: fresh interpreter; badoff/altered: sentences over the whole corpus."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

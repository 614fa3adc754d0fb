"""Segment invariants over generated documents: trimmed, non-empty, in order, within one line."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corroborate.extract import extract_claims
from corroborate.extract.window import EVIDENCE_MAX
from corroborate.model import Document, Source, Text
from corroborate.text import segment

WORDS = ["Shusha", "Şuşa", "Lachin", "Kalbajar", "Ağdam", "Stepanakert", "Khankendi", "Armenia",
         "Azerbaijan", "the", "ceasefire", "of", "in", "fighting", "killed", "soldiers",
         "civilians", "about", "Gen.", "U.S.", "pp.", "approx.", "1992", "1994", "2020", "30,000",
         "(OSCE)", "“corridor”", "–", "4+", "N/A"]
ENDS = [".", ".", "!", "?", ".[12]", ".[3][4]", ".”", ""]
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\u2009"]
LINE_ENDS = ["\n", "\n", "\r\n", "\r", "\u2028", "  \n", "\n\n"]

sentences = st.builds(
    lambda words, spaces, end: "".join(w + s for w, s in zip(words, spaces, strict=False))
    .rstrip() + end,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
    st.lists(st.sampled_from(SPACES), min_size=14, max_size=14),
    st.sampled_from(ENDS),
)
paragraphs = st.lists(sentences, min_size=1, max_size=5).map(" ".join)
headings = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
tables = st.builds(
    lambda rows: "\n".join(["Year", "Armenia", "Azerbaijan"]
                           + [f"{2010 + i}\n{a} soldiers\n{b}" for i, (a, b) in enumerate(rows)]),
    st.lists(st.tuples(st.integers(0, 99), st.sampled_from(["N/A", "12", "4+ soldiers"])),
             min_size=2, max_size=5),
)
blocks = st.one_of(paragraphs, paragraphs, headings, tables, st.sampled_from(["", "   ", "\ufeff"]))
documents = st.builds(
    lambda parts, ends: "".join(p + e for p, e in zip(parts, ends, strict=False)),
    st.lists(blocks, min_size=1, max_size=8),
    st.lists(st.sampled_from(LINE_ENDS), min_size=8, max_size=8),
)


def segmented(raw: str) -> Text:
    return segment(Document(Source("t", "T"), "t.txt", raw, "0" * 64, "text/plain", len(raw)))


def check_invariants(text: Text) -> None:
    previous_end = 0
    for s in text.segments:
        piece = text.text[s.start:s.end]
        assert piece, s
        assert piece == piece.strip(), s
        assert "\n" not in piece, s
        assert previous_end <= s.start < s.end <= len(text.text), s
        previous_end = s.end
        assert (s.table is not None) == (s.kind == "cell")
        assert (s.row is not None and s.column is not None) == (s.kind == "cell")


def covered(text: Text) -> set[int]:
    return {i for s in text.segments for i in range(s.start, s.end)}


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
@example("Year\nArmenia\nAzerbaijan\n2010\n3 soldiers\nN/A\n2011\n4 soldiers\n12\n")
@example("Gen. Babayan said.[12] The U.S. envoy left.\r\n\r\nLachin\u2028")
def test_segments_of_generated_documents(raw: str) -> None:
    text = segmented(raw)
    check_invariants(text)
    # Every visible character belongs to exactly one segment: nothing is dropped.
    inside = covered(text)
    assert all(i in inside for i, char in enumerate(text.text) if not char.isspace())


@settings(deadline=None)
@given(st.text(max_size=300))
def test_segments_of_any_text(raw: str) -> None:
    check_invariants(segmented(raw))


def test_offsets_point_into_the_normalized_text() -> None:
    raw = "\ufeffShusha fell on 8\u00a0May 1992.\r\nLachin fell on 18 May 1992.\r\n"
    text = segmented(raw)
    assert text.text == "Shusha fell on 8 May 1992.\nLachin fell on 18 May 1992.\n"
    assert [(s.start, s.end) for s in text.segments] == [(0, 26), (27, 54)]
    # the document keeps the normalized text, not a second copy of the raw one (its content
    # hash still identifies what was read)
    assert text.document.text == text.text


# One long line without sentence ends, longer than the evidence limit: the shape where evidence
# must be a window of the line, not the line.
long_lines = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join),
                      min_size=60, max_size=120).map(" , ".join)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.one_of(documents, long_lines))
def test_claims_of_any_text_point_into_it_with_bounded_evidence(raw: str) -> None:
    text = segmented(raw)
    for claim in extract_claims(text):
        for span in (claim.evidence, claim.figure):
            assert span is not None
            assert text.text[span.start:span.end] == span.text
        assert claim.figure is not None
        assert claim.evidence.start <= claim.figure.start <= claim.figure.end <= claim.evidence.end
        assert len(claim.evidence.text) <= max(EVIDENCE_MAX, len(claim.figure.text))

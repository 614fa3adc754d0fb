"""Bounded cost: each figure leans on a window of text, evidence is a window of a long line, and
claim ids name the document by its full location."""

from __future__ import annotations

import pytest

from corroborate.extract import extract_claims, iter_claims
from corroborate.extract.window import EVIDENCE_MAX, WINDOW, evidence_span
from corroborate.model import Claim, Document, Source
from corroborate.text import segment
from tests.extract.helpers import claims_of

UNIT = "In 1992, 1,000 Armenian soldiers were killed near Shusha and "


def _claims(text: str, location: str = "report.txt") -> list[Claim]:
    document = Document(Source("s", "S"), location, text, "h", "text/plain", len(text))
    return extract_claims(segment(document))


def test_evidence_in_a_200_kb_line_is_a_window_around_the_figure() -> None:
    line = UNIT * (200_000 // len(UNIT))  # one line, no sentence end
    claims = _claims(line)
    assert len(claims) == 200_000 // len(UNIT)
    for claim in claims:
        assert claim.figure is not None
        assert line[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert len(claim.evidence.text) <= EVIDENCE_MAX
        assert claim.evidence.start <= claim.figure.start < claim.figure.end <= claim.evidence.end
        # whole words: the evidence starts and ends at a word's edge
        assert claim.evidence.start == 0 or line[claim.evidence.start - 1] == " "
        assert line[claim.evidence.end] == " "
    assert sum(len(c.evidence.text) for c in claims) < len(claims) * (EVIDENCE_MAX + 1)


def test_each_figure_of_a_long_line_reads_as_in_its_own_sentence() -> None:
    line = UNIT * 400
    readings = {(c.measure, c.value.low if c.value else None, c.side, c.group, c.place,
                 c.time.start if c.time else None) for c in _claims(line)}
    assert readings == {("killed", 1000.0, "Armenia", "soldiers", "Shusha", "1992")}


def test_an_ordinary_sentence_keeps_the_whole_sentence_as_evidence() -> None:
    sentence = "In 2014, 72 soldiers were killed."
    claim, = claims_of(sentence)
    assert (claim.evidence.start, claim.evidence.end, claim.evidence.text) == (0, 33, sentence)


def test_a_date_further_than_the_window_does_not_date_a_figure() -> None:
    near = "In 1992 " + "the war went on and on " * 5 + "1,000 soldiers were killed"
    far = "In 1992 " + "the war went on and on " * (WINDOW // 20 + 2) + "1,000 soldiers were killed"
    assert [c.time.start if c.time else None for c in _claims(near)] == ["1992"]
    assert [c.time for c in _claims(far)] == [None]


def test_iter_claims_yields_what_extract_claims_returns() -> None:
    text = "In 2014, 72 soldiers were killed.\nShusha was captured on 8 May 1992.\n"
    document = Document(Source("s", "S"), "s.txt", text, "h", "text/plain", len(text))
    segmented = segment(document)
    assert list(iter_claims(segmented)) == extract_claims(segmented)
    assert [c.kind for c in iter_claims(segmented)] == ["quantity", "event"]


def test_same_named_files_in_two_folders_have_different_claim_ids() -> None:
    text = "In 2014, 72 soldiers were killed. Shusha was captured on 8 May 1992."
    first = _claims(text, "/data/2023/report.txt")
    second = _claims(text, "/data/2024/report.txt")
    assert len(first) == len(second) == 2
    assert not {c.id for c in first} & {c.id for c in second}
    assert [c.document for c in first] == [c.document for c in second] == ["report.txt"] * 2
    # stable: the same document, span and reading give the same id
    assert [c.id for c in _claims(text, "/data/2023/report.txt")] == [c.id for c in first]


@pytest.mark.parametrize(("length", "focus", "expected"), [
    (EVIDENCE_MAX, (500, 505), (0, EVIDENCE_MAX)),  # short enough: the whole segment
    (EVIDENCE_MAX + 10, (0, 5), None),  # at the start: from the start
])
def test_evidence_span(length: int, focus: tuple[int, int],
                       expected: tuple[int, int] | None) -> None:
    text = ("word " * length)[:length]
    start, end = evidence_span(text, 0, length, *focus)
    if expected is not None:
        assert (start, end) == expected
    else:
        assert start == 0 and end <= EVIDENCE_MAX and text[end] == " "

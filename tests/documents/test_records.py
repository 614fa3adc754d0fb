"""A JSON Lines corpus: ranges that start at lines, one document or one error line per record."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.documents.records import read_records, record_ranges
from corroborate.errors import CorroborateError


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.text(alphabet="ab\u00e9{}\" ", max_size=40), max_size=30),
       target=st.integers(min_value=1, max_value=200))
def test_ranges_cover_the_file_once_each_starting_at_a_line(tmp_path_factory, lines: list[str],
                                                            target: int) -> None:
    path = tmp_path_factory.mktemp("r") / "c.jsonl"
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    path.write_bytes(data)
    ranges = record_ranges(path, target)
    assert b"".join(data[r.start:r.end] for r in ranges) == data
    line_starts = {0} | {i + 1 for i, b in enumerate(data) if b == 0x0A}
    for part in ranges:
        assert part.start in line_starts
        assert part.first_line == data[:part.start].count(b"\n") + 1
        assert part.lines == data[part.start:part.end].count(b"\n")


def test_records_become_documents_with_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "wires.jsonl"
    rows = [
        {"id": "a1", "source": "Agence X", "title": "Agence X wires", "published": "2023-05-02",
         "conflict": "War in Sudan (2023–present)",
         "text": "Fighting in Khartoum killed at least 180 people, doctors said."},
        {"url": "https://example.org/report", "text": "<html><body><p>Over 3,000 families fled "
         "Nyala in May.</p></body></html>", "media_type": "text/html"},
        {"id": "a3", "text": "No figures here.", "published": "3 May"},
        {"title": "no text"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n[1, 2]\n")
    (part,) = record_ranges(path)
    found = list(read_records(part, max_bytes=1 << 20))
    first, second, bad_date, no_text, not_object = found
    assert not isinstance(first, CorroborateError)
    assert first.location == f"{path.resolve()}#a1"
    assert first.source.slug == "agence-x"
    assert first.source.title == "Agence X wires"
    assert first.source.published == "2023-05-02"
    assert first.source.conflict == "War in Sudan (2023–present)"
    assert "at least 180 people" in first.text
    assert not isinstance(second, CorroborateError)
    assert second.location == "https://example.org/report"
    assert second.media_type == "text/html"
    assert "Over 3,000 families fled Nyala" in second.text
    assert isinstance(bad_date, CorroborateError)
    assert f"{path}:3" in bad_date.line() and "published" in bad_date.line()
    assert isinstance(no_text, CorroborateError)
    assert '"text"' in no_text.line()
    assert isinstance(not_object, CorroborateError)
    assert f"{path}:6" in not_object.line()


def test_a_record_over_the_size_limit_is_refused_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x " * 600}) + "\n" + json.dumps({"text": "5 killed."}) + "\n")
    (part,) = record_ranges(path)
    big, small = list(read_records(part, max_bytes=1000))
    assert isinstance(big, CorroborateError) and "too large" in big.line()
    assert not isinstance(small, CorroborateError) and small.text.startswith("5 killed")

"""Sentences: blingfire's cut, with abbreviations kept and citation markers ending a sentence."""

from __future__ import annotations

import pytest

from corroborate.langdata import load_sentence_rules
from corroborate.model import Document, Source, Text
from corroborate.text import segment, split_sentences


def segmented(text: str) -> Text:
    document = Document(Source("test", "Test"), "test.txt", text, "0" * 64, "text/plain",
                        len(text.encode("utf-8")))
    return segment(document)


def pieces(text: str, kind: str | None = None) -> list[str]:
    result = segmented(text)
    return [result.text[s.start:s.end] for s in result.segments if kind in (None, s.kind)]


@pytest.mark.parametrize(("paragraph", "sentences"), [
    (
        "The second Nagorno-Karabakh war began on 27 September 2020 and lasted 44 days.[1] "
        "Azerbaijani forces entered Shusha on 8 November 2020.[2][3] A ceasefire statement signed "
        "by Armenia, Azerbaijan and Russia took effect two days later.",
        ["The second Nagorno-Karabakh war began on 27 September 2020 and lasted 44 days.[1]",
         "Azerbaijani forces entered Shusha on 8 November 2020.[2][3]",
         "A ceasefire statement signed by Armenia, Azerbaijan and Russia took effect two days "
         "later."],
    ),
    (
        "Gen. Samvel Babayan commanded the Karabakh Defence Army during the first war. The U.S. "
        "co-chair of the OSCE Minsk Group visited Stepanakert in 1997.[12] De Waal describes the "
        "fall of Khojaly in detail (pp. 169–172). About 30,000 people were killed between 1988 and "
        "1994.",
        ["Gen. Samvel Babayan commanded the Karabakh Defence Army during the first war.",
         "The U.S. co-chair of the OSCE Minsk Group visited Stepanakert in 1997.[12]",
         "De Waal describes the fall of Khojaly in detail (pp. 169–172).",
         "About 30,000 people were killed between 1988 and 1994."],
    ),
    (
        "Human Rights Watch counted the dead at Khojaly (see pp. 4–6 of its 1993 report) and found "
        "no fewer than 161 victims. Col. Ramil Safarov was not involved.",
        ["Human Rights Watch counted the dead at Khojaly (see pp. 4–6 of its 1993 report) and "
         "found no fewer than 161 victims.",
         "Col. Ramil Safarov was not involved."],
    ),
    (
        "In 1993 the U.N. Security Council adopted four resolutions on the conflict.[7] Resolution "
        "822 demanded the withdrawal of occupying forces from Kalbajar.",
        ["In 1993 the U.N. Security Council adopted four resolutions on the conflict.[7]",
         "Resolution 822 demanded the withdrawal of occupying forces from Kalbajar."],
    ),
    (
        "Fighting along the line of contact killed 72 people in 2014.[15] In April 2016 at least "
        "200 soldiers died in four days of clashes, according to the U.S. State Department.[16]",
        ["Fighting along the line of contact killed 72 people in 2014.[15]",
         "In April 2016 at least 200 soldiers died in four days of clashes, according to the U.S. "
         "State Department.[16]"],
    ),
    (
        "The blockade began on 12 Dec. 2022 and ended in Sept. 2023 after the offensive.[20] About "
        "100,000 people then left for Armenia.[21]",
        ["The blockade began on 12 Dec. 2022 and ended in Sept. 2023 after the offensive.[20]",
         "About 100,000 people then left for Armenia.[21]"],
    ),
    (
        "The corridor is about 5 km wide.[a] It links Goris and Stepanakert.",
        ["The corridor is about 5 km wide.[a]", "It links Goris and Stepanakert."],
    ),
    (
        "\"Shusha has fallen,\" the commander said.[9] Lachin followed ten days later.",
        ["\"Shusha has fallen,\" the commander said.[9]", "Lachin followed ten days later."],
    ),
    (
        "Şuşa and Ağdam were shelled in 1992. Xocalı was taken on 26 February 1992.",
        ["Şuşa and Ağdam were shelled in 1992.", "Xocalı was taken on 26 February 1992."],
    ),
])
def test_sentences_of_a_paragraph(paragraph: str, sentences: list[str]) -> None:
    assert pieces(paragraph) == sentences
    assert {s.kind for s in segmented(paragraph).segments} == {"sentence"}


def test_split_sentences_reports_offsets_shifted_by_the_paragraph_start() -> None:
    paragraph = "Shusha fell in May 1992.[3] Lachin followed."
    rules = load_sentence_rules("en")
    assert split_sentences(paragraph, 100, rules.abbreviations) == [(100, 127), (128, 144)]
    assert split_sentences("   ", 0, rules.abbreviations) == []


def test_a_line_never_joins_the_next() -> None:
    text = ("Armenian forces took Kalbajar in April 1993 and\n"
            "the U.N. Security Council answered with Resolution 822.\n")
    assert pieces(text) == ["Armenian forces took Kalbajar in April 1993 and",
                            "the U.N. Security Council answered with Resolution 822."]


def test_headings_are_short_unpunctuated_lines() -> None:
    text = ("Nagorno-Karabakh conflict\n\n"
            "Background\n"
            "The region had an Armenian majority in 1988. Its parliament voted to join Armenia.\n\n"
            "## The 2020 war\n"
            "Fighting began on 27 September 2020.\n")
    result = segmented(text)
    assert [(s.kind, result.text[s.start:s.end]) for s in result.segments] == [
        ("heading", "Nagorno-Karabakh conflict"),
        ("heading", "Background"),
        ("sentence", "The region had an Armenian majority in 1988."),
        ("sentence", "Its parliament voted to join Armenia."),
        ("heading", "## The 2020 war"),
        ("sentence", "Fighting began on 27 September 2020."),
    ]

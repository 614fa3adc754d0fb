"""The compiled vocabulary's fast patterns (tries behind first-character guards) find exactly
what the plain longest-first alternations of the same words find."""

import re

from corroborate.extract.data import alternation
from corroborate.extract.vocab import load_vocab

TEXT = ("On 4 May 1999 NATO aircraft bombed the convoy near Djakovica: 73 refugees were killed "
        "and 36 wounded. Serbian forces shelled Pristina; an attack killed 14 civilians, and "
        "the ceasefire signed on 9 June was broken when the army captured Suva Reka. [11] "
        "Casualties rose by about 2,000.\nRetrieved 3 March 2020.")


def test_event_words_match_the_plain_alternation() -> None:
    vocab = load_vocab("en")
    plain = re.compile(alternation(list(vocab.event_triggers)), re.IGNORECASE)
    fast = [m.span() for m in vocab.event_pattern.finditer(TEXT)]
    assert fast == [m.span() for m in plain.finditer(TEXT)]
    assert [TEXT[a:b] for a, b in fast] == ["bombed the", "ceasefire", "captured"]


def test_exclusions_match_the_unguarded_patterns() -> None:
    vocab = load_vocab("en")
    plain = re.compile("|".join(f"(?:{p})" for p in vocab.lang.exclusions.patterns),
                       re.MULTILINE)
    fast = [m.span() for m in vocab.exclusions[0].finditer(TEXT)]
    assert fast == [m.span() for m in plain.finditer(TEXT)]
    assert [TEXT[a:b] for a, b in fast] == ["[11]", "rose by about 2,000.",
                                            "Retrieved 3 March 2020."]

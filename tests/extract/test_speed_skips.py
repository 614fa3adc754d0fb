"""Work skipped where a sentence cannot need it: places are looked up only for a sentence with
a figure, a date or a label; a sentence with none of them has its side looked up only when a
table after it leans on it. The claims are the same as when everything is looked up."""

import pytest

from tests.extract.helpers import claims_of, counting_calls

TABLE = """Losses of the spring offensive

The ministry listed the Russian soldiers and civilians killed and wounded by region.
Region
Dead
Wounded
Servicemen
412
1,030
Civilians
57
96
"""


def test_a_sentence_with_nothing_to_read_looks_up_no_place(monkeypatch: pytest.MonkeyPatch) -> None:
    places = counting_calls(monkeypatch, "find_places")
    actors = counting_calls(monkeypatch, "find_actors")
    text = "The town was quiet. Armenian forces captured Shusha on 8 May 1992."
    found = [(c.kind, c.event_type, c.place, c.actor) for c in claims_of(text)]
    assert found == [("event", "capture", "Shusha", "Armenia")]
    assert [text[a:b] for a, b in places] == ["Armenian forces captured Shusha on 8 May 1992."]
    assert [text[a:b] for a, b in actors] == ["Armenian forces captured Shusha on 8 May 1992."]


def test_a_table_looks_up_the_side_of_the_sentence_before_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    actors = counting_calls(monkeypatch, "find_actors")
    found = [(c.measure, c.value.low, c.side, c.group) for c in claims_of(TABLE)
             if c.kind == "quantity" and c.value is not None]
    assert found == [("killed", 412, "Russia", "soldiers"), ("wounded", 1030, "Russia", "soldiers"),
                     ("killed", 57, "Russia", "civilians"), ("wounded", 96, "Russia", "civilians")]
    sentence = "The ministry listed the Russian soldiers and civilians killed and wounded by region."
    # once, when the first cell with a measure asked for it, not for every cell
    assert [TABLE[a:b] for a, b in actors].count(sentence) == 1


def test_article_figures_skip_only_phrases_without_a_counted_noun() -> None:
    import dataclasses
    import re
    from pathlib import Path

    from corroborate.extract.articles import article_figures
    from corroborate.extract.resolve import Mention, find_actors
    from corroborate.extract.vocab import load_vocab
    from corroborate.model import Document, Segment, Source
    from corroborate.text import segment

    vocab = load_vocab("en")
    unchecked = dataclasses.replace(vocab, article_nouns=re.compile(""))  # every phrase read
    texts = ["An Azerbaijani civilian was killed and a tank destroyed; a long day, an hour later, "
             "one soldier and a dozen.", "A child, a boy (aged 9), a Russian conscript."]
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    if corpus.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    added = 0
    for raw in texts:
        text = segment(Document(Source("s", "S"), "s.txt", raw, "h", "text/plain", len(raw)))
        for seg in text.segments:
            def actors(seg: Segment = seg, body: str = text.text) -> list[Mention]:
                return find_actors(body, seg.start, seg.end)
            fast = article_figures(vocab, text.text, seg, [], actors)
            assert fast == article_figures(unchecked, text.text, seg, [], actors)
            added += len(fast)
    assert added >= 4

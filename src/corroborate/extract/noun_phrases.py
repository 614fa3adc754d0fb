"""Noun phrases around a figure: the words after it ("1,264 Armenian civilians") and the side,
group and measure words of its clause before it. Split from ``quantities.py``."""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.numbers import Figure
from corroborate.extract.resolve import Mention
from corroborate.extract.vocab import Vocab
from corroborate.extract.window import Lowered, lowered_twin, word_keys

__all__ = ["LookBack", "NounPhrase", "scan_noun_phrase"]


@dataclass
class NounPhrase:
    end: int
    side: Mention | None = None
    group: str | None = None
    measure: str | None = None
    head: bool = False
    possessive: bool = False
    singular_group: bool = False
    singular_item: bool = False  # "an Azerbaijani tank was destroyed"


def scan_noun_phrase(vocab: Vocab, text: str, position: int, limit: int,
                     actors: list[Mention], lowered: Lowered | None = None) -> NounPhrase:
    """Read the words after a figure: side, group, measure noun; stop at the first other word.

    ``actors`` need only hold those that start in ``[position, limit)``; ``lowered``: a span
    of the text that holds ``position:limit`` lowered (``lowered_span``'s), for the noun
    phrases' lowered twin, or None.
    """
    # the phrase's parts as local values while the words are read (one NounPhrase at the end)
    end = position
    side_of: Mention | None = None
    group: str | None = None
    measure: str | None = None
    head = possessive = singular_group = singular_item = False
    sides = {a.start: a for a in actors if a.role != "name"} if actors else None
    unknown = False  # one word of none of the kinds may stand between ("40 more soldiers")
    pos = position
    twin = None if lowered is None else lowered_twin(vocab.np_pattern)
    lowered_np = None if twin is None else twin.lowered
    piece, at = ("", 0) if lowered is None else lowered
    np_words = vocab.np_words
    while pos < limit:
        char = text[pos]
        if char == " ":
            pos += 1
            continue
        if char == "(":  # "91 Armenian (11 non-combat) and 94 ...": read past the aside
            close = text.find(")", pos, limit)
            if close == -1:
                break
            pos = end = close + 1
            continue
        side = sides.get(pos) if sides else None
        if lowered_np is not None:  # its words lower case already
            match = lowered_np.match(piece, pos - at, limit - at)
            matched_end = -1 if match is None else match.end() + at
        else:
            match = vocab.np_pattern.match(text, pos, limit)
            matched_end = -1 if match is None else match.end()
        if side and (match is None or side.end >= matched_end):
            side_of = side_of or side
            head = head or side.role == "people"  # "250 thousand Azerbaijanis"
            pos = end = side.end
            continue
        if match is not None:
            key = match.group() if lowered_np is not None else match.group().lower()
            for category, value in np_words[key]:
                if category == "measure_noun":
                    measure = measure or value
                    head = True
                    singular_item = not key.endswith(vocab.plural_endings)
                elif category == "group":
                    group = group or value
                    head = True
                    singular_group = not key.endswith(vocab.plural_endings)
                elif category == "people":
                    head = True
                elif category == "possessive":
                    possessive = True
            pos = end = matched_end
            continue
        if head or unknown:
            break
        word = vocab.word.match(text, pos, limit)
        if not word or not word.group(0)[0].isalnum():
            break
        unknown = True
        pos = word.end()
    phrase = NounPhrase(end, side_of, group, measure, head, possessive, singular_group,
                        singular_item)
    # a side phrase after the noun gives the side of the actor inside it: none without one
    if not phrase.head or phrase.side is not None or not actors or \
            not any(position <= a.start and a.end <= limit for a in actors):
        return phrase
    for pattern in (vocab.side_after, vocab.owner_after):
        if phrase.side is not None or pattern is None:
            continue
        # the scan may have read the phrase's first words as fillers ("of the"): the phrase
        # may begin before where the scan stopped, but not before the figure's noun ends
        after = None
        for found in pattern.finditer(text, position, limit):
            if found.start() > phrase.end:  # so are the later ones: none holds its end
                break
            if phrase.end <= found.end():
                after = found
                break
        if after:  # "19 casualties on the Azerbaijani side", "citizens of Azerbaijan"
            phrase.side = next((a for a in actors
                                if after.start() <= a.start and a.end <= after.end()), None)
    return phrase


class LookBack:
    """Side, group and measure words in the clause before a figure ('Armenian military
    fatalities were between ...'), nearest first. Each part is read when first asked for: a
    figure whose own noun phrase names its group and whose trigger names its measure ("40
    Armenian soldiers were killed") needs none of them (``lowered``: the sentence lowered,
    as ``word_keys`` takes it)."""

    __slots__ = ("_side", "_words", "actors", "figure", "lower", "lowered", "text", "vocab")

    def __init__(self, vocab: Vocab, text: str, actors: list[Mention], figure: Figure,
                 lower: int, lowered: Lowered | None = None) -> None:
        self.vocab, self.text, self.actors, self.figure = vocab, text, actors, figure
        self.lower, self.lowered = lower, lowered
        self._side: list[Mention | None] = []  # [side] once read
        self._words: NounPhrase | None = None

    @property
    def side(self) -> Mention | None:
        if not self._side:
            self._side.append(self._side_before())
        return self._side[0]

    @property
    def group(self) -> str | None:
        return self._read_words().group

    @property
    def measure(self) -> str | None:
        return self._read_words().measure

    @property
    def head(self) -> bool:
        return self._read_words().head

    def _side_before(self) -> Mention | None:
        before = sorted((a for a in self.actors
                         if self.lower <= a.start and a.end <= self.figure.start),
                        key=lambda a: -a.start)
        if not before:
            return None
        side = before[0]
        for earlier in before[1:]:  # "Armenia and Artsakh lost 3,825 troops": the first named
            if self.vocab.coordinator_gap.fullmatch(self.text, earlier.end, side.start):
                side = earlier
            else:
                break
        return side

    def _read_words(self) -> NounPhrase:
        if self._words is not None:
            return self._words
        vocab = self.vocab
        found = self._words = NounPhrase(end=self.figure.start)
        for key in reversed(word_keys(vocab.np_pattern, self.text, self.lower, self.figure.start,
                                      self.lowered)):
            for category, value in vocab.np_words[key]:
                if category == "group" and found.group is None and value in vocab.people_groups:
                    found.group = value
                elif category == "measure_noun" and found.measure is None:
                    found.measure = value
                if category in ("group", "people", "measure_noun"):
                    found.head = True
        return found

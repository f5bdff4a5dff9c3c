"""Plain data passed between the stages: corpus -> mining -> store -> srs/quiz/export.

Everything here is a frozen dataclass with no behaviour beyond small derived values, so each
stage can be tested on its own with hand-built inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["MEASURE_WORD", "Example", "Entry", "EntryKind", "SegmentPair", "split_measure_words"]

EntryKind = Literal["word", "term", "name", "measure"]


@dataclass(frozen=True, slots=True)
class SegmentPair:
    """One aligned unit of a source: a Chinese paragraph or sentence and its English.

    ``source`` is the file it came from; ``line`` the 1-based line of the Chinese side
    (for error messages and "where did this come from"); ``position`` its order in the source.
    """

    zh: str
    en: str
    source: str
    line: int
    position: int
    credit: str = ""  # the source's attribution for this pair (Tatoeba's CC-BY line), if any


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence (or clause) pair an entry was seen in, with its source's credit if any."""

    zh: str
    en: str
    credit: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """One mined vocabulary item: what becomes one note in the deck.

    ``pinyin`` uses tone marks with syllables separated by spaces ("xié tóng fā zhǎn").
    ``english`` is the rendering the translator used in this text; alternatives are separated
    by "; ". ``senses`` are dictionary senses (CC-CEDICT), possibly empty for names and terms.
    ``position`` orders entries as they first appear in the source.
    """

    hanzi: str
    traditional: str
    pinyin: str
    english: str
    senses: tuple[str, ...] = ()
    kind: EntryKind = "word"
    confidence: float = 1.0
    examples: tuple[Example, ...] = ()
    position: int = 0
    hsk_level: int | None = None
    frequency: float = 0.0
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict[str, object]:
        """The JSON-lines shape written by ``tutor mine --jsonl``."""
        return {
            "hanzi": self.hanzi,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "english": self.english,
            "senses": list(self.senses),
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "examples": [
                {"zh": e.zh, "en": e.en, **({"credit": e.credit} if e.credit else {})}
                for e in self.examples
            ],
            "hsk_level": self.hsk_level,
            "frequency": self.frequency,
        }


#: How mining writes the dictionary's measure words as the last sense ("measure word 条
#: (tiáo), 座 (zuò)", ``mining.rank``); the Anki note and the TUI show them apart from the senses.
MEASURE_WORD = "measure word "


def split_measure_words(senses: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``senses`` without the measure-word sense, and the measure words it lists ("条 (tiáo),
    座 (zuò)"), so every place that shows senses leaves them out the same way."""
    plain = tuple(s for s in senses if s and not s.startswith(MEASURE_WORD))
    measures = tuple(s.removeprefix(MEASURE_WORD) for s in senses if s.startswith(MEASURE_WORD))
    return plain, tuple(m for m in measures if m)

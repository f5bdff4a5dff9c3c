"""One linked clause pair, with what every candidate span of it asks again worked out once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tutor.mining.links import Links
from tutor.mining.render import capital_runs, render
from tutor.mining.resources import Token

__all__ = ["Clause", "title_case"]


def title_case(en: Sequence[Token]) -> bool:
    """A heading ("Review of Work During 2023"): capitals say nothing about names there."""
    content = [t for t in en if t.is_content]
    return len(content) >= 3 and all(t.capital for t in content)


class Clause:
    """Chinese words, English tokens and the links between them, indexed both ways."""

    __slots__ = ("by_en", "by_zh", "capitals", "en", "en_text", "heading", "links", "own", "zh")

    def __init__(self, zh: Sequence[str], en: Sequence[Token], en_text: str, links: Links) -> None:
        self.zh, self.en, self.en_text, self.links = zh, en, en_text, links
        self.by_zh: dict[int, list[int]] = {}
        self.by_en: dict[int, list[int]] = {}
        self.own: dict[int, list[float]] = {}  # each word's link strengths, in link order
        for (i, j), s in links.items():
            self.by_zh.setdefault(i, []).append(j)
            self.by_en.setdefault(j, []).append(i)
            self.own.setdefault(i, []).append(s)
        self.heading = title_case(en)
        self.capitals = capital_runs(en_text)

    def render(self, a: int, b: int, words: Sequence[str], **how: Any) -> str:
        """``render.render`` of English tokens a..b for ``words``, with this clause's casing
        context; ``how`` passes ``name``, ``verb``, ``nouns`` and ``verb_phrases`` on."""
        how.setdefault("verb", False)
        how.setdefault("name", False)
        return render(
            self.en_text,
            self.en,
            a,
            b,
            capitals=self.capitals,
            heading=self.heading,
            zh=words,
            owners=self.owners,
            **how,
        )

    def owners(self, j: int) -> list[str]:
        """The Chinese words linked to English token ``j``."""
        return [self.zh[i] for i in self.by_en.get(j, ())]

    def strengths(self, i1: int, i2: int) -> list[float]:
        """Strengths of the links leaving words i1..i2, in link order."""
        if i1 == i2:
            return self.own.get(i1, [])
        return [s for (i, _), s in self.links.items() if i1 <= i <= i2]

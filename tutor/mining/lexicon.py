"""What the learner told earlier runs: pairs accepted in review and pairs rejected.

An accepted pair (hanzi -> English the learner approved) is the strongest evidence a later run
can have: where that English occurs in a clause, it is linked to the hanzi before anything the
dictionary suggests, also when the hanzi spans several segmented words (背街小巷 cut as
背街/小巷). A rejected pair is never output again: the entry falls back to its next rendering
or is dropped. Lookups are per clause, so the store keeps them cheap: a dict and a set.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

from tutor.mining.glosses import Gloss, rendering_gloss

__all__ = ["Lexicon", "normal"]

MAX_WORDS = 6


def normal(english: str) -> str:
    """The form rejected renderings are compared in: lower case, single spaces."""
    return " ".join(english.lower().split())


class Lexicon:
    """Accepted renderings per hanzi and rejected (hanzi, english) pairs."""

    def __init__(
        self,
        accepted: Mapping[str, Sequence[str]] | None = None,
        rejected: Collection[tuple[str, str]] = (),
    ) -> None:
        # a rejected "a; b" (an entry as the deck showed it) rejects each of its renderings
        self._rejected = {(h, normal(p)) for h, e in rejected for p in {e, *e.split(";")}}
        self._glosses: dict[str, tuple[Gloss, ...]] = {}
        for hanzi, renderings in (accepted or {}).items():
            if isinstance(renderings, str):
                renderings = [renderings]
            gl = []
            for text in renderings:
                g = rendering_gloss(text)
                if g is not None and (hanzi, normal(text)) not in self._rejected:
                    gl.append(g)
            if gl and hanzi:
                self._glosses[hanzi] = tuple(gl)
        self._longest = max((len(h) for h in self._glosses), default=0)

    def __bool__(self) -> bool:
        return bool(self._glosses)

    def __contains__(self, hanzi: object) -> bool:
        return hanzi in self._glosses

    def glosses(self, hanzi: str) -> tuple[Gloss, ...]:
        return self._glosses.get(hanzi, ())

    def rejects(self, hanzi: str, english: str) -> bool:
        return (hanzi, normal(english)) in self._rejected

    def spans(self, words: Sequence[str]) -> Iterator[tuple[int, int, str]]:
        """(start, word count, hanzi) of each accepted entry made of consecutive ``words``.

        Shorter spans come first so a longer accepted entry overrides the words inside it.
        """
        found = []
        for i in range(len(words)):
            hanzi = ""
            for k in range(1, MAX_WORDS + 1):
                if i + k > len(words):
                    break
                hanzi += words[i + k - 1]
                if len(hanzi) > self._longest:
                    break
                if hanzi in self._glosses:
                    found.append((i, k, hanzi))
        found.sort(key=lambda f: f[1])
        return iter(found)

"""How much of a text the learner already knows, counted in word tokens, as Chinese Text
Analyser and LingQ count it: the text's Chinese is segmented (jieba with CC-CEDICT's words) and
every token with a hanzi is a word; the share of tokens whose word the learner knows, and the
words they do not know by how often the text uses them.

A token is known when the learner knows it, in either script (我們 is 我们), or when it splits
wholly into words they know (一个 is 一 and 个, 不能 is 不 and 能): the segmenter joins such
pairs, a learner who knows both parts reads them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tutor.lang.script import has_chinese, to_simplified

__all__ = ["Coverage", "coverage", "source_coverage"]


@dataclass(frozen=True)
class Coverage:
    tokens: int  # word tokens of the text (with a hanzi)
    known_tokens: int
    words: int  # distinct words
    known_words: int
    unknown: Counter[str] = field(default_factory=Counter)  # unknown word: tokens in the text

    @property
    def share(self) -> float:
        return self.known_tokens / self.tokens if self.tokens else 0.0

    def lines(self, top: int = 20) -> list[str]:
        """The report ``tutor coverage`` prints."""
        out = [
            f"you know {self.share:.0%} of the text's words ({self.known_tokens:,} of "
            f"{self.tokens:,} tokens; {self.known_words:,} of {self.words:,} distinct words)",
        ]
        if self.unknown:
            out.append(f"the {min(top, len(self.unknown))} most frequent words you do not know:")
            out += [f"  {word}\t{n}" for word, n in self.unknown.most_common(top)]
        return out


LONGEST = 4  # characters of the longest known word looked for inside a token


def _known(word: str, known: set[str]) -> bool:
    return word in known or _splits(word, known)


def _splits(word: str, known: set[str]) -> bool:
    """Whether ``word`` is a run of two or more known words (longest match first)."""
    reach = [True] + [False] * len(word)  # reach[i]: word[:i] is a run of known words
    for end in range(1, len(word) + 1):
        for size in range(1, min(LONGEST, end) + 1):
            if size < len(word) and reach[end - size] and word[end - size : end] in known:
                reach[end] = True
                break
    return reach[-1] and len(word) > 1


def coverage(chinese: Iterable[str], known: set[str]) -> Coverage:
    """Coverage of the Chinese texts ``chinese`` by the words in ``known``."""
    from tutor.lang.segment import segment_words

    known = known | {to_simplified(word) for word in known}  # a list typed in traditional
    counts: Counter[str] = Counter()
    for text in chinese:
        # one word in both scripts: counted (and listed) by its simplified form
        counts.update(to_simplified(w) for w in segment_words(text) if has_chinese(w))
    unknown = Counter({w: n for w, n in counts.items() if not _known(w, known)})
    tokens = sum(counts.values())
    return Coverage(
        tokens=tokens,
        known_tokens=tokens - sum(unknown.values()),
        words=len(counts),
        known_words=len(counts) - len(unknown),
        unknown=unknown,
    )


def source_coverage(db: Path, source: Path, en_path: Path | None = None) -> Coverage:
    """Coverage of a source's Chinese by what the learner knows in the database at ``db``
    (nothing, when there is none yet: reading must not create it)."""
    from tutor.corpus import read_pairs
    from tutor.store import Store

    knows: set[str] = set()
    if db.exists():
        with Store.open(db) as store:
            knows = store.learner_knows()
    return coverage((p.zh for p in read_pairs(source, en_path=en_path)), knows)

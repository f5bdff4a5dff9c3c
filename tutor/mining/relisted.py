"""Dictionary words the segmenter cut in two, joined again where the English says the whole.

jieba cuts some short dictionary words into their parts: 想 / 家 for 想家 "homesick", 不 /
平等 for 不平等 "inequality", 有 / 价值 for 有价值 "valuable". Each part then links to little
or nothing, and the word the translator rendered is never a card. The rule ``listed_word``
joins two neighbours when CC-CEDICT lists them together as a common word and the English of
the clause holds a content word of that word's senses which neither part's senses have:
the translator wrote the whole, not the parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tutor.mining import resources as res
from tutor.mining.pipeline import ALL_KINDS, Rewrite, Rule
from tutor.mining.resources import Token

__all__ = ["LISTED_WORD", "join_listed"]

# two pieces of hanzi short enough together to be a word jieba's model cut: longer words it
# keeps whole when its dictionary lists them
MAX_LEN = 4
_SHORT_HANZI = re.compile(r"[\u3400-\u9fff]+")


def join_listed(words: Sequence[str], en: Sequence[Token]) -> list[str]:
    """``words`` with each pair of neighbours the dictionary lists as one word joined, when
    only the whole word's senses say what the English says (rule ``listed_word``)."""
    content = frozenset(t.lemma for t in en if t.is_content)
    out: list[str] = []
    i = 0
    while i < len(words):
        own = _own_lemmas(words[i], words[i + 1]) if i + 1 < len(words) else frozenset()
        if own & content:
            whole = words[i] + words[i + 1]
            if LISTED_WORD.fires(whole, words[i], words[i + 1], content):
                out.append(whole)
                i += 2
                continue
        out.append(words[i])
        i += 1
    return out


@lru_cache(maxsize=1 << 16)
def _own_lemmas(left: str, right: str) -> frozenset[str]:
    """The sense lemmas of the common word ``left + right`` (short, all hanzi, listed by
    CC-CEDICT not only as a proper name) that neither part's senses have; empty otherwise."""
    if len(left) + len(right) > MAX_LEN or not _SHORT_HANZI.fullmatch(left + right):
        return frozenset()
    entries = res.entries(left + right)
    if not entries or all(e.is_proper for e in entries):
        return frozenset()
    cedict = res.cedict()
    return (
        cedict.sense_lemmas(left + right) - cedict.sense_lemmas(left) - cedict.sense_lemmas(right)
    )


def _says_whole(whole: str, left: str, right: str, content: frozenset[str]) -> bool:
    """Two neighbours CC-CEDICT lists together as a common (not proper) word whose senses
    hold a content word of the English that neither neighbour's senses hold: 想 / 家 beside
    "homesick" is 想家, 不 / 平等 beside "inequality" is 不平等."""
    return bool(_own_lemmas(left, right) & content)


LISTED_WORD = Rule(
    "listed_word",
    "segment",
    ALL_KINDS,
    Rewrite("join the two pieces"),
    _says_whole,
    (
        "想 / 家 in 我很想家 'I am homesick': 想家",
        "不 / 平等 in 日益不平等 'growing inequality': 不平等",
    ),
)

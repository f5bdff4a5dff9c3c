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
        short = i + 1 < len(words) and len(words[i]) + len(words[i + 1]) <= MAX_LEN
        whole = words[i] + words[i + 1] if short else ""
        if whole and _SHORT_HANZI.fullmatch(whole) and res.entries(whole):
            if LISTED_WORD.fires(whole, words[i], words[i + 1], content):
                out.append(whole)
                i += 2
                continue
        out.append(words[i])
        i += 1
    return out


def _says_whole(whole: str, left: str, right: str, content: frozenset[str]) -> bool:
    """Two neighbours CC-CEDICT lists together as a common (not proper) word whose senses
    hold a content word of the English that neither neighbour's senses hold: 想 / 家 beside
    "homesick" is 想家, 不 / 平等 beside "inequality" is 不平等."""
    if all(e.is_proper for e in res.entries(whole)):
        return False
    cedict = res.cedict()
    own = cedict.sense_lemmas(whole) & content
    return bool(own - cedict.sense_lemmas(left) - cedict.sense_lemmas(right))


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

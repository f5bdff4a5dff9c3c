"""Grammatical characters the segmenter glued to a word, split off again.

jieba's statistical model makes words its dictionary lacks, and sometimes glues a particle or
preposition to the word before or after it: 耶和华 / 神用 / 地上 ("the LORD God formed ... of
the dust"), 神在. Such a word yields fragments (神用 "God") and hides the word inside it. The
rule ``glued_particle`` splits a word that neither jieba's dictionary nor CC-CEDICT knows,
when its first or last character is a grammatical one and the rest is a dictionary word, and
a verb and its aspect particle (看过, 看着) even when jieba's dictionary lists the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tutor.mining import resources as res
from tutor.mining.pipeline import ALL_KINDS, Rewrite, Rule
from tutor.mining.resources import Token

__all__ = [
    "ASPECT",
    "GLUED_LOCALIZER",
    "GLUED_OPENER",
    "GLUED_PARTICLE",
    "split_glued",
    "split_openers",
]

# 以 is left out: it opens many names written by sound (以诺 "Enoch", 以撒 "Isaac")
GRAMMATICAL = frozenset("用在与和的了着过把被给向从对")
# the place words English writes as a preposition: 草地上 "on the meadow", 房间里 "in the room"
LOCALIZERS = frozenset("上里中下内外")
ASPECT = frozenset("着过了")  # the aspect particles after a verb


def split_glued(words: Sequence[str]) -> list[str]:
    """``words`` with each glued grammatical character split off (rule ``glued_particle``)."""
    out: list[str] = []
    for word in words:
        edge = len(word) >= 2 and (word[-1] in GRAMMATICAL or word[0] in GRAMMATICAL)
        pieces = _pieces(word) if edge and GLUED_PARTICLE.fires(word) else None
        if pieces is None and word[-1:] in LOCALIZERS and GLUED_LOCALIZER.fires(word):
            pieces = (word[:-1], word[-1])
        out.extend(pieces or (word,))
    return out


@cache
def _pieces(word: str) -> tuple[str, ...] | None:
    """The word and its grammatical character apart, or None when ``word`` is no glued one."""
    if len(word) < 2 or res.entries(word):
        return None
    if res.pos(word) and not _aspect(word):
        return None
    if word[-1] in GRAMMATICAL and res.entries(word[:-1]):
        return (word[:-1], word[-1])
    if word[0] in GRAMMATICAL and res.entries(word[1:]):
        return (word[0], word[1:])
    return None


def _aspect(word: str) -> bool:
    """A verb and the aspect particle after it, which jieba's dictionary lists as one word
    and CC-CEDICT does not (看过 "seen", 看着 "watching"): the verb is the card."""
    return word[-1] in ASPECT and res.pos(word[:-1]).startswith("v")


def _glued(word: str) -> bool:
    """A word neither jieba's dictionary nor CC-CEDICT lists whose first or last character
    is grammatical (用, 在, 的, ...) and whose rest the dictionary lists (神用 = 神 + 用)."""
    return _pieces(word) is not None


GLUED_PARTICLE = Rule(
    "glued_particle",
    "segment",
    ALL_KINDS,
    Rewrite("split off the grammatical character"),
    _glued,
    ("神用 (耶和华神用地上的尘土): 神 / 用", "神在: 神 / 在", "看过 'seen': 看 / 过"),
)


def _localized(word: str) -> bool:
    """A word CC-CEDICT does not list made of a dictionary noun of two characters or more and
    a place word after it (草地上 = 草地 + 上, 房间里 = 房间 + 里), though jieba's dictionary may
    list it: the place word is English's preposition, the noun before it the card. Other
    words before a place word stay (满天下 "all over the world" is no 满天 + 下)."""
    if len(word) < 3 or word[-1] not in LOCALIZERS or res.entries(word):
        return False
    rest = word[:-1]
    return bool(res.entries(rest)) and res.pos(rest)[:1] in ("n", "s")


GLUED_LOCALIZER = Rule(
    "glued_localizer",
    "segment",
    ALL_KINDS,
    Rewrite("split off the place word"),
    _localized,
    ("草地上 'on the meadow': 草地 / 上", "房间里 'in the room': 房间 / 里"),
)


# what opens a short word jieba makes of a phrase: a pronoun or demonstrative (你家 "your
# home", 这本 "this"), or a degree word (太贵 "too expensive"); 最 and 更 stay, as English
# writes them in the word's form ("largest", "better")
OPENERS = frozenset("你我他她它这那每本太很")


def split_openers(words: Sequence[str], en: Sequence[Token]) -> list[str]:
    """``words`` with an opener split off a short word the English renders by the rest
    alone (rule ``glued_opener``): 太 / 贵 for 太贵 beside "expensive"."""
    content = frozenset(t.lemma for t in en if t.is_content)
    out: list[str] = []
    for word in words:
        if _opened(word) and GLUED_OPENER.fires(word, content):
            out.extend((word[0], word[1:]))
        else:
            out.append(word)
    return out


@cache
def _opened(word: str) -> bool:
    """A short word the dictionary does not list, an opener and a dictionary word."""
    return (
        2 <= len(word) <= 3
        and word[0] in OPENERS
        and not res.entries(word)
        and bool(res.entries(word[1:]))
    )  # jieba's tag says nothing here: it tags 太贵 a person's name


def _rendered_by_rest(word: str, content: frozenset[str]) -> bool:
    """A short word the dictionary does not list, opened by a pronoun, demonstrative or
    degree word, whose rest's senses the English holds (你家 "your home": 家 "home"; 太贵 "too
    expensive": 贵): the English renders the rest, the opener is a word of its own."""
    return not res.cedict().sense_lemmas(word[1:]).isdisjoint(content)


GLUED_OPENER = Rule(
    "glued_opener",
    "segment",
    ALL_KINDS,
    Rewrite("split off the opening word"),
    _rendered_by_rest,
    ("太贵 'too expensive': 太 / 贵", "你家 'your home': 你 / 家", "本书 'this book': 本 / 书"),
)

"""Links for the other half of a coordination: "A 和 B" beside "a and b".

A word the dictionary cannot place (its senses are not in the English) often stands in a
pair or list with a word it can: 特权或豁免 "privileges and immunities", 电脑或游戏机 "computer
or a console", 荆棘和蒺藜 "Thorns also and thistles". Chinese and English join such pairs in
the same order, so the English word on the far side of the "and" or "or" from the linked
word's translation is what the unlinked word says (rule ``coordinated``).
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.lang.script import has_chinese
from tutor.mining import resources as res
from tutor.mining.glosses import is_function_word
from tutor.mining.glosshits import match
from tutor.mining.grow import UNPLACED_TAGS
from tutor.mining.links import Links
from tutor.mining.pipeline import ALL_KINDS, Rule, Weight
from tutor.mining.resources import Token

__all__ = ["COORDINATED", "coordinated"]

STRENGTH = 0.6  # as strong as the English two neighbours leave between them
ZH_JOINS = frozenset(("和", "及", "与", "以及", "或", "或者", "、"))  # not 跟, 同: "with"
EN_JOINS = frozenset(("and", "or"))
MAX_SKIP = 1  # function words ("also", "a", "her") either side of the English "and"


def coordinated(zh: Sequence[str], en: Sequence[Token], links: Links) -> Links:
    """Link each unlinked content word joined to a linked one by 和, 或, 、 (and the like) to
    the English content word joined the same way to that word's translation."""
    out = dict(links)
    seen = frozenset(t.lemma for t in en if t.is_content)
    changed = True
    while changed:  # a list: 甲、乙和丙 links 乙, then 丙 from it
        changed = False
        by_zh: dict[int, list[int]] = {}
        for i, j in out:
            by_zh.setdefault(i, []).append(j)
        held = {j for _, j in out}
        for i, word in enumerate(zh):
            if i in by_zh or not has_chinese(word) or is_function_word(word):
                continue
            k = _partner(zh, en, i, by_zh, held)
            if k is not None and COORDINATED.fires(word, en[k], seen - {en[k].lemma}):
                out[(i, k)] = STRENGTH
                by_zh[i] = [k]
                held.add(k)
                changed = True
    return out


def _partner(
    zh: Sequence[str], en: Sequence[Token], i: int, by_zh: dict[int, list[int]], held: set[int]
) -> int | None:
    """The free English word across an "and" from the translation of the word joined to
    ``zh[i]``, looking left first (甲和乙: 乙 follows "a and"), then right."""
    for step in (-1, 1):
        nb = i + 2 * step
        if not _joined(zh, i, nb, by_zh):
            continue
        edge = max(by_zh[nb]) if step == -1 else min(by_zh[nb])
        j = _across(en, edge, -step, zh[i + step] == "、")
        if j is None or j in held or not en[j].is_content:
            continue
        if step == 1 or not (j + 1 < len(en) and en[j + 1].is_content and j + 1 not in held):
            return j  # "and the alleged sale": "alleged" only begins the second item
    return None


def _joined(zh: Sequence[str], i: int, nb: int, by_zh: dict[int, list[int]]) -> bool:
    """Whether ``zh[i]`` is a whole item joined to the linked word ``zh[nb]``, two places
    away across a conjunction: no free noun or adjective with ``zh[i]`` in its item
    (或行政机构, 精神病医生和) or, for a lone character, no hanzi at all, nor a head the
    other item repeats (中产阶层和贫困阶层 "the
    middle and poor classes"). jieba's tags say too little to ask both words to be alike
    (特权或豁免: a noun and a verb)."""
    if not 0 <= nb < len(zh) or zh[(i + nb) // 2] not in ZH_JOINS or nb not in by_zh:
        return False
    far = i + (i - nb) // 2
    if len(zh[i]) == 1 and 0 <= far < len(zh) and has_chinese(zh[far]):
        return False  # a lone character beside more hanzi is a cut-up word: 说法/语和英语
    if nb < i:  # the item after the conjunction may go on: 行政 in 或行政机构
        return _verb(zh[i]) or not _free(zh, i + 1, by_zh)
    if _free(zh, i - 1, by_zh) and not _verb(zh[i - 1]):
        return False
    return not (nb + 1 < len(zh) and zh[i].endswith(zh[nb + 1]))


def _verb(word: str) -> bool:
    return res.pos(word)[:1] == "v"


def _free(zh: Sequence[str], i: int, by_zh: dict[int, list[int]]) -> bool:
    """Whether ``zh[i]`` is an unlinked content word."""
    if not 0 <= i < len(zh) or i in by_zh:
        return False
    return has_chinese(zh[i]) and not is_function_word(zh[i])


def _across(en: Sequence[Token], edge: int, step: int, listed: bool) -> int | None:
    """From the token at ``edge``, past at most one function word, a comma, "and" or "or",
    and at most one function word again: the token reached, or None when no "and" is met.
    Items a 、 lists may be parted by a comma alone ("privileges, immunities")."""
    j = _skip(en, edge + step, step)
    comma = 0 <= j < len(en) and en[j].low == ","
    if comma:
        j += step
    if 0 <= j < len(en) and en[j].low in EN_JOINS:
        j += step
    elif not (comma and listed):
        return None
    j = _skip(en, j, step)
    return j if 0 <= j < len(en) else None


def _skip(en: Sequence[Token], j: int, step: int) -> int:
    """Past up to ``MAX_SKIP`` function words (not "and", "or" or punctuation)."""
    for _ in range(MAX_SKIP):
        if 0 <= j < len(en) and en[j].is_word and not en[j].is_content:
            if en[j].low in EN_JOINS:
                break
            j += step
    return j


def _joined_word(word: str, tok: Token, elsewhere: frozenset[str]) -> bool:
    """The word's English is the token across the "and" when none of its dictionary senses
    is written elsewhere in the clause (there a rival would hold it) or shares the token's
    stem (limit, "Limitations": linking those was the dictionary's call, and a rival won),
    and the word is no number, pronoun or adverb, which English joins differently. A sense
    equal to the token may still be placed: it is often one word of a longer gloss that lost
    its link with the others (游戏机 "video game console", "a console")."""
    if res.pos(word)[:1] in UNPLACED_TAGS or not tok.is_word:
        return False
    senses = res.cedict().sense_lemmas(word)
    return senses.isdisjoint(elsewhere) and not any(0 < match(s, tok) < 1 for s in senses)


COORDINATED = Rule(
    "coordinated",
    "link",
    ALL_KINDS,
    Weight(STRENGTH),
    _joined_word,
    (
        "豁免 in 特权或豁免 'privileges and immunities': immunities",
        "游戏机 in 电脑或游戏机 'computer or a console': console",
    ),
)

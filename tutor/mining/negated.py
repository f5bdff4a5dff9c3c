"""A negated word the dictionary does not list, linked to the English word that negates it.

Chinese negates a verb or adjective with a word before it (不可 / 撤销, 非 / 自愿, 无法 / 容忍,
不可 / 预测); English often writes the pair as one word with a negative prefix
("irrevocable", "involuntary", "intolerable", "unpredictable"). Neither Chinese word's senses
hold that English word, so both went unlinked and the pair, a term a learner of legal or news
Chinese needs, was never a card. The link rule ``negated_form`` links the negator and the
word after it to an English word made of a negative prefix (un-, in-, im-, ir-, il-, non-,
dis-) and a form of one of the word's senses: "revocable" of "revoke" (撤销), "voluntary" of
"voluntary" (自愿). A pair the dictionary lists (不满 "dissatisfied") is linked by its senses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tutor.mining import resources as res
from tutor.mining.pipeline import ALL_KINDS, Rule, Weight
from tutor.mining.resources import Token

__all__ = ["NEGATED_FORM", "NEGATORS", "STRENGTH", "negated_links"]

NEGATORS = frozenset(("不", "不可", "不能", "非", "无", "无法", "未"))
STRENGTH = 0.8  # as strong as a dictionary word inside a compound: the sense is only a stem's
STEM = 4  # letters the rest of the English word shares with the sense
_PREFIX = re.compile(r"^(?:non-?|un|in|im|ir|il|dis)(?=[a-z]{4})")


def negated_links(zh: Sequence[str], en: Sequence[Token], cand: list[dict[int, float]]) -> None:
    """Link each negator and the word after it that no dictionary entry joins to the English
    word negating one of that word's senses (rule ``negated_form``), in ``cand``."""
    for i in range(len(zh) - 1):
        if zh[i] not in NEGATORS:
            continue
        j = _negating(zh[i], zh[i + 1], en)
        if j is not None:
            cand[i] = {j: STRENGTH}
            cand[i + 1] = {j: STRENGTH}


def _negating(negator: str, word: str, en: Sequence[Token]) -> int | None:
    if res.entries(negator + word) or not res.entries(word):
        return None
    senses = res.cedict().sense_lemmas(word)
    for j, tok in enumerate(en):
        m = _PREFIX.match(tok.low)
        if m and NEGATED_FORM.fires(negator + word, tok.low[m.end() :], senses):
            return j
    return None


def _negates_a_sense(pair: str, rest: str, senses: frozenset[str]) -> bool:
    """The English word after its negative prefix begins as one of the senses of the word
    negated does, in ``STEM`` letters or more ("revocable", "revoke")."""
    return any(len(s) >= STEM and rest[:STEM] == s[:STEM] for s in senses)


NEGATED_FORM = Rule(
    "negated_form",
    "link",
    ALL_KINDS,
    Weight(STRENGTH),
    _negates_a_sense,
    (
        "不可 / 撤销 'irrevocable': linked (撤销 'revoke')",
        "不可 / 预测 'unpredictable': linked",
        "不满 'dissatisfied': the dictionary's",
    ),
)

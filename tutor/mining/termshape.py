"""What makes a span of words a unit a learner studies rather than a stretch of a sentence.

A term is a noun phrase or a set phrase: it ends in a noun-like word, has no verb or clause
word inside, and does not start with a verb and its object ("carry lunch", "checked the TV").
Chinese puts verbs before nouns as modifiers too (工作机制 "working mechanism"), so whether a
leading verb is one is decided by how the translator wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tutor.lang.script import has_chinese
from tutor.mining import numbers
from tutor.mining import resources as res
from tutor.mining.glosses import glosses, is_verbal, noun_lemmas, verb_mostly
from tutor.mining.glued import ASPECT
from tutor.mining.render import inflected
from tutor.mining.resources import Token

__all__ = ["noun_like", "ordinal", "termlike", "verb_led", "verb_object_word"]


def ordinal(word: str) -> bool:
    """A number word that belongs to a term (第四 in 第四使馆区, 三年 in 三年行动计划, 二期)."""
    return (
        has_chinese(word)
        and len(word) >= 2
        and numbers.zh_value(word.rstrip("年期届道轮")) is not None
    )


_NOT_MODIFIER = frozenset(
    "v vd vg d dg t tg p c u uj ul uz ud ug uv r rr rz f m mq q y e o z zg".split()
)
_CLAUSE_WORDS = frozenset(
    "to my your his her our their its we i you he she they it me us them is are was were be"
    " been will would can could not do does did have has had".split()
)
_NOUNISH = ("n", "vn", "j", "l", "i", "nz", "ns", "nt", "nr", "ng", "an", "q", "s", "f")


def noun_like(word: str) -> bool:
    """A word a term may end in: tagged noun-like by the segmenter, unless the dictionary,
    which knows better, has it only as a verb (jieba tags 长大 "to grow up" a place name and
    戒酒 "to give up drinking" a noun, which made 孩子长大 "boy grew" and 戒烟戒酒 "given up
    smoking" terms). A word neither knows that ends in an aspect particle (开着) is a verb."""
    tag = res.pos(word)
    if tag and not tag.startswith(_NOUNISH):
        return False
    if res.entries(word):
        if tag == "vn" or res.cedict().is_proper(word):
            return True
        return not _only_verb(word)
    return tag != "" or word[-1] not in ASPECT


def _only_verb(word: str) -> bool:
    """The dictionary has ``word`` only as a verb (谈论 "to talk about", 回家)."""
    return is_verbal(word) and not noun_lemmas(word)


_OF_LIKE = frozenset(("of", "for", "on"))


def _english_head(en: Sequence[Token], a: int, b: int) -> int:
    """Where the head of English tokens a..b is: first when "of", "for" or "on" follows it
    ("Limitation of Liability", "center for international exchanges"), else last."""
    return a if b > a + 1 and en[a + 1].low in _OF_LIKE else b


def _rendered_as_noun(word: str, en: Sequence[Token], b: int) -> bool:
    """A head the segmenter tags a verb that the English head renders by one of the
    dictionary's one-word noun senses (协定 "agreement" in "international agreements") or by
    the noun made from one of its verbs (修改 "to modify": "technical modifications")."""
    if res.pos(word) != "v":
        return False
    lemma = en[b].lemma
    return lemma in noun_lemmas(word) or _nominalised(lemma, res.cedict().sense_lemmas(word))


_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "al", "ure")


def _nominalised(lemma: str, verbs: frozenset[str]) -> bool:
    """``lemma`` is a noun made from one of ``verbs`` ("modification" of "modify",
    "limitation" of "limit"): a noun ending, and all but the verb's last two letters shared."""
    if not lemma.endswith(_NOUN_ENDINGS):
        return False
    return any(
        len(verb) >= 4 and lemma != verb and lemma.startswith(verb[: max(4, len(verb) - 2)])
        for verb in verbs
    )


def _noun_modifier(word: str, tok: Token) -> bool:
    """A verb before a noun that the English writes as the noun made from it (弹劾调查
    "impeachment inquiry": 弹劾 "to impeach"): a modifier, not a verb and its object."""
    return res.pos(word) == "v" and _nominalised(tok.lemma, res.cedict().sense_lemmas(word))


def termlike(words: Sequence[str], en: Sequence[Token], a: int, b: int, name: bool) -> bool:
    """A phrase a learner studies: noun-like head, not a verb and its object, not a clause."""
    if name:
        return True
    if b == a and not res.entries("".join(words)):
        return False
    h = _english_head(en, a, b)
    if not (noun_like(words[-1]) or _rendered_as_noun(words[-1], en, h)):
        return False  # 协定 is tagged a verb, but "international agreements" renders its noun
    if _only_verb(words[-1]) and verb_mostly(en[b].lemma, 2):
        return False  # 人们谈论 "people speak": jieba's verbal noun, written as a verb
    if not _modified(words, en[a]):
        return False
    if inflected(en[b]) or en[b].low in res.EN_STOPWORDS:
        return False
    if any(en[j].low in _CLAUSE_WORDS for j in range(a, b + 1)):
        return False  # pronouns, auxiliaries, "to": a stretch of a clause
    return True


def _modified(words: Sequence[str], first: Token) -> bool:
    """Whether the words before a term's head modify it (their first English token is
    ``first``), rather than make a verb and its object or a clause."""
    head = res.pos(words[0])
    if head in _NOT_MODIFIER and not ordinal(words[0]) and not _noun_modifier(words[0], first):
        return False  # a verb and its object, or a time or adverb before a noun: not a unit
    if head == "nr" or any(res.pos(w) in ("v", "d", "p") for w in words[1:-1]):
        return False  # a person and what they do, or a verb inside: a clause, not a term
    return not (not head and is_verbal(words[0]) and inflected(first))


def verb_led(
    zh: Sequence[str],
    en: Sequence[Token],
    by_zh: Mapping[int, Sequence[int]],
    heading: bool,
    i1: int,
    i2: int,
) -> bool:
    """Whether words i1..i2 (linked to ``en`` as ``by_zh`` says) are a verb and its object
    ("carry lunch", "sell Starbucks' packaged coffees", "checked the TV"), not a noun phrase
    a learner studies.

    A word before the last one may be a verb (``_verb_here``), but Chinese also puts verbs
    before nouns as modifiers (工作机制 "working mechanism", 竞选巴士 "campaign bus"), so the
    English must show the verb: its English comes before the rest's (written after, it is an
    English compound: "drug trafficking") and is followed by a function word ("checked the
    TV", "talk about"), or the rest is a name ("warn Trump"), or it is a word the dictionary
    uses almost only as a verb ("carry", "sell"), or the Chinese is a one-character verb
    (学 "learning French") or a word neither the dictionary nor jieba knows (带着). A span
    the dictionary lists whole (打电话, 信守诺言) is a set phrase.
    """
    if res.entries("".join(zh[i1 : i2 + 1])):
        return False
    for k in range(i1, i2):
        js = by_zh.get(k, ())
        word = zh[k]
        if not js:
            continue
        last = max(js)
        rest = sorted(j for i in range(k + 1, i2 + 1) for j in by_zh.get(i, ()))
        if not rest or last > rest[0]:
            continue  # written after its object: an English compound
        if not _verb_here(word, [en[j] for j in js]):
            if _unknown(word) and _verb_shaped(word, en, last, rest[0], bare_verbs=False):
                return True  # a mis-cut neither knows (我见 过狗 "saw a dog"), read by the English
            continue
        if (
            len(word) == 1
            or not res.entries(word)
            or (not heading and all(en[j].capital for j in rest if en[j].is_content))
            or _verb_shaped(word, en, last, rest[0])
        ):
            return True
    return False


def _unknown(word: str) -> bool:
    """Neither the dictionary nor jieba knows ``word``: often a mis-cut of the segmenter."""
    return has_chinese(word) and not res.entries(word) and not res.pos(word)


def _verb_shaped(
    word: str, en: Sequence[Token], j: int, nxt: int, *, bare_verbs: bool = True
) -> bool:
    """English token ``j``, rendering ``word`` before its object's English at ``nxt``, reads
    as a verb: a function word comes between ("checked the TV", "talk about"), ``word`` is
    only a verb and its English takes a finite -s ("lacks experience"), or (``bare_verbs``)
    it is a word the dictionary uses almost only as a verb ("carry", "sell") in its bare
    form -- which a translator also writes as a noun modifier ("control strategies")."""
    if any(not en[k].is_content and en[k].is_word for k in range(j + 1, nxt)):
        return True
    tok = en[j]
    if tok.low != tok.lemma and tok.low.endswith("s") and _only_verb(word):
        return True
    return bare_verbs and not inflected(tok) and verb_mostly(tok.lemma)


def verb_object_word(hanzi: str, en: Sequence[Token], a: int, b: int) -> bool:
    """A segmenter's word the dictionary does not know that is a verb and its object
    (做完作业 "finished his homework", 缺乏经验 "lacks experience"): it starts with a
    dictionary word that is only a verb, and its English starts with that verb, written as
    one (``_verb_shaped``; a bare verb is not enough here: jieba's own compounds are more
    often set terms like 控制策略 "control strategies")."""
    if b <= a or res.entries(hanzi):
        return False
    head = next((hanzi[:n] for n in range(len(hanzi) - 1, 0, -1) if res.entries(hanzi[:n])), "")
    if not head or not _only_verb(head):
        return False
    if not any(en[a].lemma in g.lemmas for g in glosses(head)):
        return False  # the English does not start with the verb: "crisis of trust"
    nxt = next((k for k in range(a + 1, b) if en[k].is_content), b)
    return _verb_shaped(head, en, a, nxt, bare_verbs=False)


def _verb_here(word: str, toks: Sequence[Token]) -> bool:
    """Whether ``word``, rendered by ``toks`` in this clause, is used as a verb: the dictionary
    has it only as a verb, whatever jieba's tag (谈论 "to talk about" is tagged a verbal
    noun); neither knows it and it ends in an aspect particle (带着) or starts with a
    character the dictionary reads first as a verb (抛入, the mis-cut 用红 of 用红墨水); or its
    English here is none of its noun senses and it has a verb sense ("sell" for 销售,
    whose noun sense is "sales"; "checked" for 检查)."""
    if not res.entries(word):
        if res.pos(word) or not has_chinese(word):
            return False
        return word[-1] in ASPECT or (len(word) >= 2 and is_verbal(word[0]))
    if res.cedict().is_proper(word):
        return False
    if _only_verb(word):
        return True
    lemmas = frozenset(t.lemma for t in toks if t.is_content)
    verb = False
    for g in glosses(word):
        if g.verb:
            verb = True
        elif not lemmas.isdisjoint(g.lemmas):
            return False  # rendered by a noun sense: 研究 "study of", 销售 "sales"
    return verb

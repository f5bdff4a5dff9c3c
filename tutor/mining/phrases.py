"""Candidate pairs from one linked clause: single words and phrase pairs consistent with links.

A phrase pair is consistent when no link leaves it: every English word linked from inside the
Chinese span lies inside the English span and vice versa (the rule phrase-based translation
uses). Of those, only units a learner studies are kept: words that are not grammatical, and
phrases whose Chinese ends in a noun-like word and whose English is not a clause ("demolished
illegal structures" is a sentence fragment; "illegal structures" is a term).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from typing import Any

from tutor.lang.script import has_chinese
from tutor.mining import numbers
from tutor.mining import resources as res
from tutor.mining.glosses import (
    is_function_word,
    is_verbal,
    negates,
    noun_lemmas,
    particle_verbs,
)
from tutor.mining.links import FILL, Links, is_classifier
from tutor.mining.namelinks import name_links
from tutor.mining.persons import is_person, title_and_name
from tutor.mining.render import capital_runs, inflected, render
from tutor.mining.resources import Token
from tutor.mining.termshape import noun_like, ordinal, termlike, verb_led, verb_object_word

__all__ = ["Candidate", "candidates"]

MAX_ZH = 5
MAX_EN = 8
MAX_TERM = 4
UNKNOWN_WORD = 0.8


@dataclass(frozen=True, slots=True)
class Candidate:
    """One sighting of a Chinese unit with the English the links give it (None: no links)."""

    hanzi: str
    english: str | None
    key: frozenset[str]
    strength: float
    kind: str
    tokens: int


def _trim(en: Sequence[Token], a: int, b: int, *, numbers_too: bool = False) -> tuple[int, int]:
    while a <= b and not (en[a].is_content or (numbers_too and en[a].low[:1].isdigit())):
        a += 1
    while b >= a and not en[b].is_content:
        b -= 1
    return a, b


def _key(en: Sequence[Token], a: int, b: int) -> frozenset[str]:
    return frozenset(t.lemma for t in en[a : b + 1] if t.is_content)


def _title_case(en: Sequence[Token]) -> bool:
    """A heading ("Review of Work During 2023"): capitals say nothing about names there."""
    content = [t for t in en if t.is_content]
    return len(content) >= 3 and all(t.capital for t in content)


def _is_name(en: Sequence[Token], a: int, b: int, heading: bool | None = None) -> bool:
    """Every content word capitalised and not merely starting the sentence.

    ``heading`` is ``_title_case(en)`` when the caller has it already.
    """
    if _title_case(en) if heading is None else heading:
        return False
    content = [j for j in range(a, b + 1) if en[j].is_content]
    if not content or not all(en[j].capital for j in content):
        return False
    if a == 0 or en[a - 1].text in '.!?;:"“(':
        return len(content) >= 2 and all(en[j].capital for j in content[1:])
    return True


def candidates(
    zh: Sequence[str],
    en: Sequence[Token],
    en_text: str,
    links: Links,
    approved: Container[str] = (),
) -> list[Candidate]:
    """Every word and phrase candidate of one clause pair, in Chinese order.

    ``approved`` hanzi (accepted by the learner before) skip the filters for learnable units:
    the learner already said they are worth a card.
    """
    c = _Clause(zh, en, en_text, links)
    by_zh = c.by_zh
    out: list[Candidate] = []
    for i1 in range(len(zh)):
        for i2 in range(i1, min(len(zh), i1 + MAX_ZH)):
            if i2 > i1 and i2 not in by_zh:
                break  # a phrase needs every word linked, so no longer span from i1 has one
            cand = _span(c, i1, i2)
            if cand is None and approved and "".join(zh[i1 : i2 + 1]) in approved:
                cand = _approved(c, i1, i2)
            if cand is not None:
                out.append(cand)
    return out


class _Clause:
    """One linked clause pair, with what every span of it asks again worked out once."""

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
        self.heading = _title_case(en)
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


def _approved(c: _Clause, i1: int, i2: int) -> Candidate | None:
    """A learner-approved unit: any consistent span, rendered as written."""
    zh, en, by_zh, by_en = c.zh, c.en, c.by_zh, c.by_en
    js = [j for i in range(i1, i2 + 1) for j in by_zh.get(i, ())]
    if not js or any(i not in by_zh for i in range(i1, i2 + 1)):
        return None
    a, b = min(js), max(js)
    if any(not i1 <= i <= i2 for j in range(a, b + 1) for i in by_en.get(j, ())):
        return None
    a, b = _trim(en, a, b, numbers_too=True)
    if a > b:
        return None
    hanzi = "".join(zh[i1 : i2 + 1])
    strengths = c.strengths(i1, i2)
    name = _is_name(en, a, b, c.heading)
    english = c.render(a, b, zh[i1 : i2 + 1], name=name)
    kind = "name" if name else ("word" if i1 == i2 else "term")
    strength = sum(strengths) / len(strengths)
    return Candidate(hanzi, english, _key(en, a, b), strength, kind, i2 - i1 + 1)


def _span(c: _Clause, i1: int, i2: int) -> Candidate | None:
    zh, en, links, by_zh, by_en = c.zh, c.en, c.links, c.by_zh, c.by_en
    single = i1 == i2
    if single:  # most spans: one word, so no joining and no phrase tests
        hanzi = zh[i1]
        words: Sequence[str] = (hanzi,)
        if is_function_word(hanzi):
            return None
        first_number = (
            hanzi[:1].isdigit() and numbers.zh_value(hanzi) is not None
        ) or numbers.zh_percent(hanzi) is not None
        js = by_zh.get(i1)
        if not js:
            return Candidate(hanzi, None, frozenset(), 0.0, "word", 1)
    else:
        words = zh[i1 : i2 + 1]
        hanzi = "".join(words)
        first_number = (words[0][:1].isdigit() and numbers.zh_value(words[0]) is not None) or (
            len(words) == 2 and _counter(words[0])
        )
        if not all(has_chinese(w) for w in words[1:]) or not (
            has_chinese(words[0]) or first_number
        ):
            return None
        if any(w in "、，。；：" or w[:1].isdigit() for w in words[1:]) or words[0] in "、，。；：":
            return None
        if is_function_word(words[-1]) or (
            not first_number and is_function_word(words[0]) and not ordinal(words[0])
        ):
            return None
        if any(i not in by_zh for i in range(i1, i2 + 1)):
            return None
        js = [j for i in range(i1, i2 + 1) for j in by_zh[i]]
    a, b = min(js), max(js)
    if b - a + 1 > MAX_EN:
        return None
    for j in range(a, b + 1):
        for i in by_en.get(j, ()):
            if not i1 <= i <= i2:
                return None  # a link leaves the pair: not consistent
    a, b = _trim(en, a, b, numbers_too=first_number)
    if a > b:
        return None
    strengths = c.strengths(i1, i2)
    strength = sum(strengths) / len(strengths)
    name = _is_name(en, a, b, c.heading)
    if single:
        name = name and _proper(hanzi, en[a : b + 1])
        verb = is_verbal(hanzi) or res.pos(hanzi) == "v"
        if a > 0 and _negation(en[a - 1]) and a - 1 not in by_en and negates(hanzi):
            a, verb = a - 1, False  # 不论 "no matter", not "matter": the word says "no" too
        english = c.render(
            a,
            b,
            words,
            verb=verb and not name,
            name=name,
            nouns=noun_lemmas(hanzi),
            verb_phrases=particle_verbs(hanzi),
        )
        kind = "name" if name else "word"
        if not name and (first_number or numbers.zh_count(hanzi) is not None):
            got = _count(hanzi, en, a, b, kind, strength)
            if got is None:
                return None
            kind, strength = got
        if kind == "word" and b > a and _is_phrase_word(hanzi):
            if verb_object_word(hanzi, en, a, b):
                return None
            kind = "term"
        if not name and not res.entries(hanzi) and len(hanzi) < 4:
            strength *= UNKNOWN_WORD  # jieba's short compounds (爱我, 本书) often are not units
        return Candidate(hanzi, english, _key(en, a, b), strength, kind, 1)
    counted = not single and first_number and not words[0][:1].isdigit()
    if first_number and not (counted and name):  # 两只乌鸦 "Six of Crows" is a name
        if len(words) != 2:
            return None
        if counted and not (
            b > a
            and numbers.en_value(en[a]) not in (None, 1.0)
            and noun_like(words[1])
            and not inflected(en[b])
            and any(t.low != t.lemma for t in en[a + 1 : b + 1] if t.is_content)
        ):
            return None  # "two cats" (a plural noun), not "three white" or "two broadly"
        english = c.render(a, b, words)
        return Candidate(hanzi, english, _key(en, a, b), strength, "measure", 2)
    if len(words) > MAX_TERM and not name:
        return None
    if any(not en[j].is_word and en[j].text not in "-'" for j in range(a, b + 1)):
        return None  # punctuation inside: a stretch of a sentence, not a unit
    if _cut_short(c, i2, b):
        return None  # part of a longer name: "Energy Information" of "... Administration"
    if not termlike(words, en, a, b, name) or title_and_name(words):
        return None  # a title and a name: two units ("Police Chief", "Daniel"), not one
    if not name and verb_led(zh, en, by_zh, c.heading, i1, i2):
        return None  # a verb and its object: "carry lunch", "checked the TV"
    if all(links[(i, j)] <= FILL for (i, j) in links if i1 <= i <= i2):
        return None
    english = c.render(a, b, words, name=name)
    return Candidate(
        hanzi, english, _key(en, a, b), strength, "name" if name else "term", len(words)
    )


def _counter(word: str) -> bool:
    """A number in characters with its measure word (两只, 三个), not a dictionary word: with
    the noun after it, a measure (两只猫 "two cats"), as 11只羊 "11 sheep" is."""
    count = numbers.zh_count(word)
    return (
        count is not None
        and not is_function_word(word)
        and not word.startswith("第")
        and not res.entries(word)
        and is_classifier(count[1])
    )


NUMBER_ONLY = 0.45  # a dictionary word rendered by a bare number (两者 "two" for "both")


def _count(
    hanzi: str, en: Sequence[Token], a: int, b: int, kind: str, strength: float
) -> tuple[str, float] | None:
    """Kind and strength of a number word (三天, 两只, 第三个, 百分之五十), or None to drop it.

    A number with its measure word whose English is the number alone (两只 "two", 三个
    "three", 第三个 "third") teaches only the number: the noun it counts is elsewhere, so the
    word is no unit. A dictionary word rendered so (两者 "both" written "the two", 第三方
    "third party" written "third") is held back for review. With its unit's English too
    (三天 "three days", 百分之五十 "50 percent") a word the dictionary does not list is a
    measure; one it lists (二手 "second-hand") stays a word.
    """
    toks = [t for t in en[a : b + 1] if t.is_word or t.low[:1].isdigit()]
    numeric = [numbers.en_value(t) is not None for t in toks]
    known = bool(res.entries(hanzi))
    if all(numeric):
        return (kind, strength * NUMBER_ONLY) if known else None
    return ("measure" if any(numeric) and not known else kind), strength


def _cut_short(c: _Clause, i2: int, b: int) -> bool:
    """The English ends inside a name that goes on with a capitalised word linked to nothing
    or to the one character after the span ("Energy Information" of "the Energy Information
    Administration", whose 署 the segmenter cut off): the span has only part of the name. A
    longer word after it (科技园 before 管委会) is a name of its own. Headings say nothing."""
    en = c.en
    if c.heading or b + 1 >= len(en) or not en[b].capital:
        return False
    nxt = en[b + 1]
    if not (nxt.is_content and nxt.capital):
        return False
    if any(is_person(w) for w in c.zh[i2 + 1 : i2 + 3]):
        return False  # a title before a person's name: "Chief Minister" Mamata Banerjee
    owners = c.by_en.get(b + 1, ())
    return not owners or (list(owners) == [i2 + 1] and len(c.zh[i2 + 1]) == 1)


_NEGATIONS = frozenset("no not never nothing none nobody nowhere neither nor cannot".split())


def _negation(tok: Token) -> bool:
    """An English word that negates: a function word the trim drops from a rendering."""
    return tok.low in _NEGATIONS or tok.low.endswith("n't")


def _proper(hanzi: str, toks: Sequence[Token]) -> bool:
    """A single word is a name when the dictionary says so or the English spells its pinyin."""
    if res.cedict().is_proper(hanzi) or name_links(hanzi, toks):
        return True
    spelled = " ".join(t.low for t in toks)
    return spelled in res.names(hanzi) or spelled.replace(" - ", "-") in res.names(hanzi)


def _is_phrase_word(hanzi: str) -> bool:
    return len(hanzi) >= 4

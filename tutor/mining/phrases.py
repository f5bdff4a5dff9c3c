"""Candidate pairs from one linked clause: single words and phrase pairs consistent with links.

A phrase pair is consistent when no link leaves it: every English word linked from inside the
Chinese span lies inside the English span and vice versa (the rule phrase-based translation
uses). Of those, only units a learner studies are kept: words that are not grammatical, and
phrases whose Chinese ends in a noun-like word and whose English is not a clause ("demolished
illegal structures" is a sentence fragment; "illegal structures" is a term).

Each span is looked at in three steps: its facts (``_facts``: which English it is linked to,
its kind and strength; spans that cannot be a pair at all stop here), the named span rules
(``spanrules``: each may drop or scale it, and each can be switched off), then its rendering.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass

from tutor.lang.script import has_chinese
from tutor.mining import numbers
from tutor.mining import resources as res
from tutor.mining.clause import Clause, title_case
from tutor.mining.glosses import (
    is_function_word,
    is_verbal,
    negates,
    noun_lemmas,
    particle_verbs,
    states,
)
from tutor.mining.links import Links, is_classifier
from tutor.mining.namelinks import name_links
from tutor.mining.negated import NEGATORS
from tutor.mining.persons import dotted
from tutor.mining.pipeline import trace
from tutor.mining.resources import Token
from tutor.mining.spanrules import PHRASE_RULES, WORD_RULES, SpanFacts, apply
from tutor.mining.termshape import ordinal
from tutor.mining.translit import SOUNDS_LIKE, transliterable

__all__ = ["Candidate", "candidates"]

MAX_ZH = 5
MAX_EN = 8
MAX_TERM = 4
_PUNCT = "、，。；："


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


def _is_name(en: Sequence[Token], a: int, b: int, heading: bool | None = None) -> bool:
    """Every content word capitalised and not merely starting the sentence.

    ``heading`` is ``title_case(en)`` when the caller has it already.
    """
    if title_case(en) if heading is None else heading:
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
    within: Sequence[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """Every word and phrase candidate of one clause pair, in Chinese order.

    ``approved`` hanzi (accepted by the learner before) skip the filters for learnable units:
    the learner already said they are worth a card. ``within`` limits the candidates to spans
    inside the given (first, last) word ranges.
    """
    c = Clause(zh, en, en_text, links)
    out: list[Candidate] = []
    for lo, hi in [(0, len(zh) - 1)] if within is None else within:
        out.extend(_spans(c, lo, hi, approved))
    return out


def _spans(c: Clause, lo: int, hi: int, approved: Container[str]) -> Iterator[Candidate]:
    """The candidates of the spans inside words ``lo``..``hi``."""
    zh, by_zh = c.zh, c.by_zh
    for i1 in range(lo, hi + 1):
        for i2 in range(i1, min(hi + 1, i1 + MAX_ZH)):
            if i2 > i1 and i2 not in by_zh:
                break  # a phrase needs every word linked, so no longer span from i1 has one
            cand = _span(c, i1, i2)
            if cand is None and approved and "".join(zh[i1 : i2 + 1]) in approved:
                cand = _approved(c, i1, i2)
            if cand is not None:
                yield cand


def _approved(c: Clause, i1: int, i2: int) -> Candidate | None:
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


def _span(c: Clause, i1: int, i2: int) -> Candidate | None:
    """The candidate of words i1..i2: its facts, the span rules, then its English."""
    if i1 == i2:
        hanzi = c.zh[i1]
        if is_function_word(hanzi):
            return None
        if not c.by_zh.get(i1):
            return Candidate(hanzi, None, frozenset(), 0.0, "word", 1)
    f = _facts(c, i1, i2)
    if f is None:
        return None
    if not apply(f, WORD_RULES if f.single else PHRASE_RULES):
        return None
    return _word(f) if f.single else _phrase(f)


def _facts(c: Clause, i1: int, i2: int) -> SpanFacts | None:
    """The span's facts, or None when it cannot be a pair: not consistent with the links, a
    stretch holding punctuation or function words at its edges, too long a stretch."""
    words = c.zh[i1 : i2 + 1]
    first_number = _first_number(words)
    if i1 != i2 and not _phrase_shape(c, words, i1, i2, first_number):
        return None
    got = _english(c, i1, i2, first_number)
    if got is None:
        _why(words, "no consistent English span")
        return None
    a, b = got
    strengths = c.strengths(i1, i2)
    hanzi = "".join(words)
    f = SpanFacts(
        c, i1, i2, words, hanzi, a, b, sum(strengths) / len(strengths),
        _is_name(c.en, a, b, c.heading), "word", bool(res.entries(hanzi)),
    )  # fmt: skip
    if f.single:
        _word_kind(f, first_number)
        return f
    return f if _phrase_kind(f, first_number) else None


def _why(words: Sequence[str], text: str) -> None:
    log = trace()
    if log is not None and log.hanzi == "".join(words):
        log.note(f"span {log.hanzi}: {text}")


def _first_number(words: Sequence[str]) -> bool:
    head = words[0]
    if len(words) == 1:  # 2315万, 百分之五十, 二十分钟 (written "20 minutes")
        return (
            (head[:1].isdigit() and numbers.zh_value(head) is not None)
            or numbers.zh_percent(head) is not None
            or numbers.zh_count(head) is not None
        )
    return (head[:1].isdigit() and numbers.zh_value(head) is not None) or (
        len(words) == 2 and _counter(head)
    )


def _phrase_shape(c: Clause, words: Sequence[str], i1: int, i2: int, first_number: bool) -> bool:
    """Chinese throughout (a number may lead), no punctuation inside, no function word at
    either edge, every word linked."""
    if not all(has_chinese(w) for w in words[1:]) or not (has_chinese(words[0]) or first_number):
        return False
    if any(w in _PUNCT or w[:1].isdigit() for w in words[1:]) or words[0] in _PUNCT:
        return False
    if is_function_word(words[-1]) or (
        not first_number
        and is_function_word(words[0])
        and not ordinal(words[0])
        and not _negated(c, words, i1)
    ):
        return False
    return all(i in c.by_zh for i in range(i1, i2 + 1))


def _negated(c: Clause, words: Sequence[str], i1: int) -> bool:
    """A negator and the word after it linked to one English word (不可撤销 "irrevocable")."""
    return len(words) == 2 and words[0] in NEGATORS and c.by_zh.get(i1) == c.by_zh.get(i1 + 1)


def _english(c: Clause, i1: int, i2: int, first_number: bool) -> tuple[int, int] | None:
    """The trimmed English span the words link to, when no link leaves the pair."""
    js = [j for i in range(i1, i2 + 1) for j in c.by_zh[i]]
    a, b = min(js), max(js)
    if b - a + 1 > MAX_EN:
        return None
    for j in range(a, b + 1):
        for i in c.by_en.get(j, ()):
            if not i1 <= i <= i2:
                return None  # a link leaves the pair: not consistent
    a, b = _trim(c.en, a, b, numbers_too=first_number)
    return None if a > b else (a, b)


def _word_kind(f: SpanFacts, first_number: bool) -> None:
    """A single word's kind: a name, a measure (三天 "three days"), a long word a term.

    A word that says "no" itself takes the negation before its English (不论 "no matter").
    """
    hanzi, c = f.hanzi, f.c
    en = c.en
    f.name = f.name and _proper(hanzi, en[f.a : f.b + 1])
    f.verb = is_verbal(hanzi) or res.pos(hanzi) == "v"
    if f.a > 0 and _negation(en[f.a - 1]) and f.a - 1 not in c.by_en and negates(hanzi):
        f.a, f.verb = f.a - 1, False
    f.kind = "name" if f.name else "word"
    if not f.name and (first_number or numbers.zh_count(hanzi) is not None):
        _number_kind(f)
    if f.kind == "word" and f.b > f.a and _is_phrase_word(hanzi):
        f.kind = "term"


def _number_kind(f: SpanFacts) -> None:
    """A number word (三天, 两者, 百分之五十): a measure with its unit's English ("three days",
    "50 percent") when the dictionary does not list it; whether its English is numbers only."""
    toks = [t for t in f.c.en[f.a : f.b + 1] if t.is_word or t.low[:1].isdigit()]
    numeric = [numbers.en_value(t) is not None for t in toks]
    f.number_word, f.numeric_all = True, all(numeric)
    if not f.numeric_all and any(numeric) and not f.known:
        f.kind = "measure"


def _phrase_kind(f: SpanFacts, first_number: bool) -> bool:
    """A phrase's kind; False when its shape rules it out (too long, punctuation inside)."""
    words, en = f.words, f.c.en
    f.counted = first_number and not words[0][:1].isdigit()
    if first_number and not (f.counted and f.name):  # 两只乌鸦 "Six of Crows" is a name
        f.kind = "measure"
        return len(words) == 2
    f.kind = "name" if f.name else "term"
    if _negated(f.c, words, f.i1):
        f.kind = "word"  # 不可撤销 "irrevocable": one word, negated
    if len(words) > MAX_TERM and not f.name:
        return False
    # punctuation inside: a stretch of a sentence, not a unit
    return all(en[j].is_word or en[j].text in "-'" for j in range(f.a, f.b + 1))


def _word(f: SpanFacts) -> Candidate:
    c, a, b, hanzi = f.c, f.a, f.b, f.hanzi
    english = c.render(
        a,
        b,
        f.words,
        verb=f.verb and not f.name,
        name=f.name,
        nouns=noun_lemmas(hanzi),
        verb_phrases=particle_verbs(hanzi),
        states=states(hanzi),
    )
    return Candidate(hanzi, english, _key(c.en, a, b), f.strength, f.kind, 1)


def _phrase(f: SpanFacts) -> Candidate:
    english = f.c.render(f.a, f.b, f.words, name=f.name and f.kind != "measure")
    return Candidate(f.hanzi, english, _key(f.c.en, f.a, f.b), f.strength, f.kind, len(f.words))


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


_NEGATIONS = frozenset("no not never nothing none nobody nowhere neither nor cannot".split())


def _negation(tok: Token) -> bool:
    """An English word that negates: a function word the trim drops from a rendering."""
    return tok.low in _NEGATIONS or tok.low.endswith("n't")


def _proper(hanzi: str, toks: Sequence[Token]) -> bool:
    """A single word is a name when the dictionary says so, the English spells its pinyin or
    sounds like it (``translit``), or it is a foreign name written with the middle dot."""
    if res.cedict().is_proper(hanzi) or dotted(hanzi) or name_links(hanzi, toks):
        return True
    if len(toks) == 1 and transliterable(hanzi) and SOUNDS_LIKE.fires(hanzi, toks[0].text):
        return True  # a foreign name written by sound: 塞特 "Seth"
    spelled = " ".join(t.low for t in toks)
    return spelled in res.names(hanzi) or spelled.replace(" - ", "-") in res.names(hanzi)


def _is_phrase_word(hanzi: str) -> bool:
    return len(hanzi) >= 4

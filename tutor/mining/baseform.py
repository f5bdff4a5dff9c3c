"""The English of an entry in the form a learner keeps: the dictionary's form of the word used.

A translator writes "She defines the word" or "he programmed it"; the card for 定义 should say
"define" and the card for 编程 "program", because the Chinese word carries neither the person
nor the tense. The rule ``base_form`` rewrites each English word that is an inflected form of
a word among the unit's CC-CEDICT senses into the form the dictionary writes ("held" ->
"hold" for a verb sense "to hold"). Words the dictionary writes as they stand are kept, so
adjectives keep the form their sense needs (失望 "disappointed"). A noun's plural becomes its
singular (孩子 "children" -> "child", 图片 "pictures" -> "picture"): Chinese nouns carry no
number, so the plural is the translator's, not the word's. It stays where the Chinese carries
one itself: a plural marker in the unit (孩子们), or a number or quantifier before it in the
sentence where the text renders it that way most often (三本书 "books", 各项服务, 1.1万公顷
"hectares"). Names, measures, set pairs ("terms and conditions") and capitalised titles
("Technological Measures") are kept as written.
"""

from __future__ import annotations

import re
from functools import cache

from tutor.mining import resources as res
from tutor.mining.glosses import glosses
from tutor.mining.pipeline import Rewrite, Rule

__all__ = ["BASE_FORM", "counted", "rebase"]

_WORD = re.compile(r"[A-Za-z]+")
MIN_BASE = 3  # shorter sense words ("a", "be") would claim real words ("as", "bed")
PLURAL_MARKS = frozenset("们诸众各每些群两三四五六七八九十百千万亿0123456789")
# what before a unit makes it counted: a number other than a lone 一 (with its measure word, if
# any), or a word of quantity
_COUNTED = re.compile(
    r"(?:(?:[0-9０-９.]+|[二两三四五六七八九十百千万亿几数零〇]+|一[十百千万亿][一二三四五六七八九十百千万亿]*)"
    r"[多余]?[万亿]?[个只本条位名家项件种类座所张台辆批支头匹次届户套片间部架棵颗株枚份场处双对]?"
    r"|各[类项种个]?|诸|众多|许多|诸多|一些|这些|那些|有些|所有|大量)$"
)
_PAIRED = re.compile(r"\w \b(?:and|or)\b \w")
_NOT_WORDS = frozenset(("worse", "worst", "less", "least", "more", "most", "better", "best"))


@cache
def _dictionary_forms(hanzi: str) -> tuple[dict[str, str], frozenset[str]]:
    """Each inflected form of a word in ``hanzi``'s senses -> the word as the senses write it
    (the senses' own words map to themselves), and the senses' verbs. An "-s" form is a verb's
    third person ("defines" for "to define") or a noun's plural ("pictures" for "picture")."""
    gs = glosses(hanzi)
    words = {w.lower() for g in gs for w in _WORD.findall(g.text)}
    verbs = {found[0].lower() for g in gs if g.verb and (found := _WORD.findall(g.text))}
    out: dict[str, str] = {}
    for w in words:
        if len(w) >= MIN_BASE:
            for form in _inflections(w, w in verbs):
                out.setdefault(form, w)
    out.update({w: w for w in words})
    return out, frozenset(verbs)


def _inflections(w: str, verb: bool) -> list[str]:
    """The regular past, -ing and -s forms of ``w`` (a verb's third person, a noun's plural)."""
    if w.endswith("e"):
        return [w + "d", w[:-1] + "ing", w + "s"]
    forms = [w + "ed", w + "ing"]
    forms.append(w + "es" if w.endswith(("s", "x", "z", "ch", "sh", "o")) else w + "s")
    if w.endswith("y") and w[-2] not in "aeiou":
        forms += [w[:-1] + "ied", w[:-1] + "ies"]
    if w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms += [w + w[-1] + "ed", w + w[-1] + "ing"]
    return forms


def _carries_plural(hanzi: str) -> bool:
    """A plural marker or a number (三本书 "three books") in the Chinese itself."""
    return not PLURAL_MARKS.isdisjoint(hanzi)


def counted(zh: str, hanzi: str) -> bool:
    """Whether ``hanzi``'s first sighting in the sentence ``zh`` follows a number or a word of
    quantity (三个孩子, 各项服务), so the Chinese itself says there are several."""
    at = zh.find(hanzi)
    return at > 0 and _COUNTED.search(zh, 0, at) is not None


def _title(text: str) -> bool:
    words = _WORD.findall(text)
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _rebased_word(word: str, forms: dict[str, str], verbs: frozenset[str]) -> str:
    low = word.lower()
    if len(low) <= MIN_BASE or forms.get(low) == low:
        return word
    base = forms.get(low)
    if base is None and low not in _NOT_WORDS and not low.endswith(("er", "est")):
        # an irregular verb ("held" for "hold") or noun ("children" for "child"); an
        # adjective keeps the degree the text used ("older", "oldest")
        lemma = res.lemma(low)
        base = lemma if lemma in verbs or (lemma in forms and forms[lemma] == lemma) else None
    if base is None or base == low:
        return word
    return base[:1].upper() + base[1:] if word[:1].isupper() else base


@cache
def rebase(hanzi: str, text: str) -> str:
    """``text`` with every word the dictionary writes in another form put in that form."""
    forms, verbs = _dictionary_forms(hanzi)
    return _WORD.sub(lambda m: _rebased_word(m.group(), forms, verbs), text)


def _inflected(hanzi: str, kind: str, text: str, is_counted: bool = False) -> bool:
    """The English uses an inflected form of a word the unit's senses write in its base form
    and the Chinese carries no plural of its own (in the unit, or counted in the sentence)."""
    if kind in ("name", "measure") or is_counted or _carries_plural(hanzi) or _title(text):
        return False
    if _PAIRED.search(text):
        return False  # a set pair keeps its words as they are ("terms and conditions")
    return rebase(hanzi, text) != text


BASE_FORM = Rule(
    "base_form",
    "render",
    frozenset(("word", "term")),
    Rewrite("the dictionary's form of the word"),
    _inflected,
    (
        "定义 'defines' -> 'define'",
        "孩子 'children' -> 'child'",
        "编程 'programmed' -> 'program'",
        "三本书 'books' stays",
    ),
)

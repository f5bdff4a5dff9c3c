"""The English of an entry in the form a learner keeps: the dictionary's form of the word used.

A translator writes "She defines the word" or "he programmed it"; the card for 定义 should say
"define" and the card for 编程 "program", because the Chinese word carries neither the person
nor the tense. The rule ``base_form`` rewrites each English word that is an inflected form of
a word among the unit's CC-CEDICT senses into the form the dictionary writes ("held" ->
"hold" for a verb sense "to hold"). Words the dictionary writes as they stand are kept, so
adjectives keep the form their sense needs (失望 "disappointed"); so are nouns' plurals (the
dev set wants "minute" for "minutes", the bundled report's reference list "hectares", so the
number stays as the text gave it until the two agree), units whose Chinese carries a plural
itself (孩子们), names, counted phrases and capitalised titles ("Technological Measures").
"""

from __future__ import annotations

import re
from functools import cache

from tutor.mining import resources as res
from tutor.mining.glosses import glosses
from tutor.mining.pipeline import Rewrite, Rule

__all__ = ["BASE_FORM", "rebase"]

_WORD = re.compile(r"[A-Za-z]+")
MIN_BASE = 3  # shorter sense words ("a", "be") would claim real words ("as", "bed")
PLURAL_MARKS = frozenset("们诸众各每些群两三四五六七八九十百千万亿0123456789")


@cache
def _dictionary_forms(hanzi: str) -> tuple[dict[str, str], frozenset[str]]:
    """Each inflected form of a word in ``hanzi``'s senses -> the word as the senses write it
    (the senses' own words map to themselves), and the senses' verbs. A third-person form
    ("-s") counts only for a verb ("defines" for "to define"): a noun keeps its number."""
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
    """The regular past and -ing forms of ``w``, and for a verb its third-person form."""
    if w.endswith("e"):
        return [w + "d", w[:-1] + "ing"] + ([w + "s"] if verb else [])
    forms = [w + "ed", w + "ing"]
    if verb:
        forms.append(w + "es" if w.endswith(("s", "x", "z", "ch", "sh", "o")) else w + "s")
    if w.endswith("y") and w[-2] not in "aeiou":
        forms += [w[:-1] + "ied"] + ([w[:-1] + "ies"] if verb else [])
    if w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms += [w + w[-1] + "ed", w + w[-1] + "ing"]
    return forms


def _carries_plural(hanzi: str) -> bool:
    """A plural marker or a number (三本书 "three books") in the Chinese itself."""
    return not PLURAL_MARKS.isdisjoint(hanzi)


def _title(text: str) -> bool:
    words = _WORD.findall(text)
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _rebased_word(word: str, forms: dict[str, str], verbs: frozenset[str]) -> str:
    low = word.lower()
    if len(low) <= MIN_BASE or forms.get(low) == low:
        return word
    base = forms.get(low)
    if base is None:
        lemma = res.lemma(low)  # an irregular verb: "held" for "hold", "lent" for "lend"
        base = lemma if lemma in verbs else None
    if base is None or base == low:
        return word
    return base[:1].upper() + base[1:] if word[:1].isupper() else base


@cache
def rebase(hanzi: str, text: str) -> str:
    """``text`` with every word the dictionary writes in another form put in that form."""
    forms, verbs = _dictionary_forms(hanzi)
    return _WORD.sub(lambda m: _rebased_word(m.group(), forms, verbs), text)


def _inflected(hanzi: str, kind: str, text: str) -> bool:
    """The English uses an inflected form of a word the unit's senses write in its base form
    and the Chinese carries no plural of its own."""
    if kind in ("name", "measure") or _carries_plural(hanzi) or _title(text):
        return False
    return rebase(hanzi, text) != text


BASE_FORM = Rule(
    "base_form",
    "render",
    frozenset(("word", "term")),
    Rewrite("the dictionary's form of the word"),
    _inflected,
    ("定义 'defines' -> 'define'", "分钟 'minutes' -> 'minute'", "编程 'programmed' -> 'program'"),
)

"""How a span of the translator's English is written as a card's rendering.

A lone verb form becomes its lemma; nouns keep the number the translator wrote; words are
lower-cased unless they are proper nouns (the dictionary capitalises them for the Chinese, they
spell the Chinese in pinyin or sound like it as a foreign name, or they are capitalised
mid-sentence in prose for a Chinese name); headings set in capitals are read in title or lower
case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tutor.mining import resources as res
from tutor.mining.glosses import capitalised
from tutor.mining.namelinks import spells
from tutor.mining.resources import Token
from tutor.mining.translit import HEARD, sounds_like, transliterable

__all__ = ["capital_runs", "in_capitals_run", "inflected", "render"]


def inflected(tok: Token) -> bool:
    return tok.low != tok.lemma and tok.low.endswith(("ed", "ing"))


def render(
    en_text: str,
    en: Sequence[Token],
    a: int,
    b: int,
    *,
    verb: bool,
    name: bool,
    nouns: frozenset[str] = frozenset(),
    verb_phrases: frozenset[str] = frozenset(),
    states: frozenset[str] = frozenset(),
    capitals: Sequence[tuple[int, int]] | None = None,
    heading: bool = False,
    zh: Sequence[str] = (),
    owners: Callable[[int], Sequence[str]] | None = None,
) -> str:
    """The English of tokens a..b as written, lower-cased unless it is a name.

    A lone verb form becomes its lemma ("demolished" -> "demolish"), unless it is one of the
    ``states`` the senses write as a participle (惊奇 "to be amazed": "amazed"); nouns keep
    their number as the translator wrote it ("backstreets and alleys"), also when the Chinese
    word is a verb with a noun sense the English uses (服务 "to serve; service" written
    "services").
    Proper nouns keep the translator's capital (see ``_cased``): ``zh`` are the Chinese words
    rendered, ``owners(j)`` those linked to English token j (when known), ``heading`` whether
    the clause is a title-case heading. ``capitals`` are the clause's ``capital_runs`` when
    the caller has them already.
    """
    toks = en[a : b + 1]
    if len(toks) == 1 and verb and toks[0].low not in states:  # 惊奇 "amazed" stays
        following = en[b + 1] if b + 1 < len(en) else None
        lemma = _verb_lemma(toks[0], following, nouns, verb_phrases)
        if lemma is not None:
            return lemma
    start, end = toks[0].start, toks[-1].end
    text = en_text[start:end]
    shouted = in_capitals_run(en_text, start, end, capitals)
    if name or _spells_a_name(text, zh):
        return text.title() if shouted else text
    owned = _owned_by(a, zh, owners)
    return _cased_words(text, toks, en_text, owned, shouted=shouted, heading=heading)


def _owned_by(
    a: int, zh: Sequence[str], owners: Callable[[int], Sequence[str]] | None
) -> Callable[[int | None], Sequence[str]]:
    """The Chinese words a rendered word belongs to, by the offset of its first token from
    ``a``: those linked to the token when ``owners`` knows them, else all of ``zh``."""

    def owned(k: int | None) -> Sequence[str]:
        return (owners(a + k) if owners and k is not None else ()) or zh

    return owned


def _cased_words(
    text: str,
    toks: Sequence[Token],
    en_text: str,
    owned: Callable[[int | None], Sequence[str]],
    *,
    shouted: bool,
    heading: bool,
) -> str:
    """``text`` (the English of ``toks``) word by word in the case a learner should see."""
    words = text.split(" ")
    out = []
    for w, k in zip(words, _word_tokens(toks, words), strict=False):
        t = None if k is None else toks[k]
        out.append(_cased(w, t, en_text, shouted=shouted, heading=heading, zh=owned(k)))
    return " ".join(out)


def _verb_lemma(
    tok: Token, following: Token | None, nouns: frozenset[str], verb_phrases: frozenset[str]
) -> str | None:
    """A lone verb form as its lemma, with the particle after it when the two are a phrasal
    verb ("giving up" -> "give up", not "give"); None when the form is already the lemma or
    is a noun written as the translator wrote it (see ``render``)."""
    particle = following.low if following is not None and following.low in _PARTICLES else ""
    lem = tok.lemma
    if particle and f"{lem} {particle}" in verb_phrases:
        return f"{lem} {particle}"
    if lem != tok.low and not (lem in nouns and not inflected(tok)):
        return lem
    return None


def _spells_a_name(text: str, zh: Sequence[str]) -> bool:
    """Capitalised English spelling one of the Chinese words in pinyin: "Yin Yong" is a name,
    though one of its syllables is also a word."""
    if not zh or not any(w[:1].isupper() for w in text.split(" ")):
        return False
    flat = re.sub(r"[^a-z]", "", text.lower())
    return any(spells(word, flat) for word in zh)


_OPENERS = frozenset('.!?;:"“‘(')


def _cased(
    w: str, t: Token | None, en_text: str, *, shouted: bool, heading: bool, zh: Sequence[str]
) -> str:
    """One written word of a rendering, in the case a learner should see it.

    The translator's capital is kept for a proper noun: a word the dictionary capitalises in
    the senses of the Chinese (Beijing for 北京, also at the start of a sentence or in a
    heading), a word spelling the Chinese in pinyin, and a word capitalised mid-sentence in
    prose when the Chinese is a name (by the dictionary or the segmenter's tag). A common
    word inside a name (博物馆 "Museum" of "Grand Canal Museum") and a sentence's or a
    heading's first capitals are lower-cased.
    """
    if t is None or not w[:1].isupper():
        return w.lower()
    proper = _spelled_proper(w, zh)
    if shouted:  # a heading in capitals: "BEIJING" reads "Beijing", "GOVERNMENT" "government"
        return w.title() if proper else w.lower()
    if proper or _acronym(w) or _heard(w, zh):
        return w
    if heading or not any(_named(word) for word in zh):
        return w.lower()
    before = en_text[: t.start].rstrip()
    return w.lower() if not before or before[-1] in _OPENERS else w


def _spelled_proper(w: str, zh: Sequence[str]) -> bool:
    """The dictionary capitalises ``w`` for one of the words, or ``w`` spells one in pinyin."""
    parts = [p for p in re.split(r"[-'’]", w.lower()) if p]
    flat = "".join(parts)
    for word in zh:
        caps = capitalised(word)
        if any(p in caps or res.lemma(p) in caps for p in parts) or spells(word, flat):
            return True
    return False


_NAME_TAGS = ("nr", "ns", "nt", "nz")


def _heard(w: str, zh: Sequence[str]) -> bool:
    """``w`` sounds like one of the words read as a foreign name (格雷厄姆 "Graham", even at
    the start of a sentence, where a capital alone says nothing)."""
    return any(transliterable(word) and sounds_like(word, w) >= HEARD for word in zh)


def _named(word: str) -> bool:
    """A name by the dictionary (capitalised pinyin), or by the segmenter's tag when the
    dictionary does not know the word (jieba tags 望远镜 "telescope" a person's name)."""
    if res.cedict().is_proper(word):
        return True
    return res.pos(word).startswith(_NAME_TAGS) and not res.entries(word)


_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*){2,}\b")


def capital_runs(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has runs of three or more all-capital words: a heading set in capitals
    ("REPORT ON THE WORK OF THE GOVERNMENT"), where no word is an acronym."""
    return [m.span() for m in _CAPITALS_RUN.finditer(text)]


def in_capitals_run(
    text: str, start: int, end: int, capitals: Sequence[tuple[int, int]] | None = None
) -> bool:
    """Whether text[start:end] lies in a run of capitals; ``capitals`` are the text's
    ``capital_runs`` when the caller has them already."""
    runs = capital_runs(text) if capitals is None else capitals
    return any(s <= start and end <= e for s, e in runs)


_PARTICLES = frozenset("up out off down away over back on in".split())


def _word_tokens(toks: Sequence[Token], words: list[str]) -> list[int | None]:
    """For each written word, the offset of its first token among ``toks``."""
    return [next((k for k, t in enumerate(toks) if t.text and t.text in w), None) for w in words]


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)

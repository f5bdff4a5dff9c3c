"""English tokens and lemmas, so "illegal structures" in a translation meets "structure" in a
dictionary sense.

Tokens keep what a translation's words are made of: hyphenated words ("high-quality"),
apostrophes inside names ("Xiong'an"), and numbers with decimal points or thousands separators
("23.15", "2,282"). Lemmas come from simplemma (a lookup table, no model download) and are
lower-case; possessive "'s" is dropped. ``STOPWORDS`` are function words, which carry no
vocabulary for a learner.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tutor.lang.memo import DiskMemo

__all__ = ["STOPWORDS", "content_lemmas", "is_number", "lemma", "lemmas", "tokenize"]

_LETTER = r"A-Za-z\u00C0-\u024F"
_WORD = rf"[{_LETTER}0-9]*[{_LETTER}][{_LETTER}0-9]*(?:['’\-][{_LETTER}0-9]+)*"
_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?"
_ABBREV = r"(?:[A-Za-z]\.){2,}"  # U.S., e.g.
_TOKEN = re.compile(rf"{_ABBREV}|{_NUMBER}(?![{_LETTER}])|{_WORD}|\d+")
_TOKEN_PUNCT = re.compile(rf"{_ABBREV}|{_NUMBER}(?![{_LETTER}])|{_WORD}|\d+|[^\s]")
_IS_NUMBER = re.compile(rf"^{_NUMBER}$")

_FUNCTION_WORDS = """
    a an the this that these those such
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    one ones oneself who whom whose which what whatever whoever whichever
    be am is are was were been being have has had having do does did done doing
    will would shall should can could may might must ought
    not no nor n't
    and or but if then else so than because as while whereas although though unless
    until till since when whenever where wherever why how whether
    of in on at by for with without from to into onto upon about above below over under
    between among through throughout during before after against within along across
    around toward towards beyond via per off out up down
    there here all any both each either neither every few many more most much other
    another some several own same too very just also only even still yet already
    again ever never always often s t 's
    let lets etc e.g. i.e. vs
    """
# contractions: an auxiliary or a pronoun with its clitic, written as one token
_CONTRACTIONS = """
    don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't won't wouldn't
    can't cannot couldn't shan't shouldn't mustn't mightn't needn't ain't
    i'm i've i'll i'd you're you've you'll you'd he'll he'd she'll she'd we're we've we'll
    we'd they're they've they'll they'd it'll that'll there're let's
    """
# the function words of older English (the King James Bible, older fiction); "art" and
# "wilt" are left out: today they are content words
_OLDER = """
    thou thee thy thine ye hast hath hadst wast wert dost doth didst shalt canst couldst
    wouldst shouldst unto lest whither thither hither whence thence wherefore thereof therein
    """
STOPWORDS: frozenset[str] = frozenset((_FUNCTION_WORDS + _CONTRACTIONS + _OLDER).split())


def tokenize(text: str, *, punct: bool = False) -> list[str]:
    """Words and numbers of ``text`` in order; punctuation too when ``punct`` is true.

    "Xiong'an New Area, 23.15 million m2 of high-quality space" ->
    ["Xiong'an", "New", "Area", "23.15", "million", "m2", "of", "high-quality", "space"]
    """
    pattern = _TOKEN_PUNCT if punct else _TOKEN
    return pattern.findall(text.replace("’", "'"))


def is_number(token: str) -> bool:
    """A bare number ("2024", "23.15", "2,282", "5.2%")."""
    return bool(_IS_NUMBER.match(token))


def _simplemma_en(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="en"))


# simplemma's first answer decodes its English dictionary (about 0.2 s): answers are kept on
# disk, so words met before never load it
_lemmatize = DiskMemo("simplemma-en", "simplemma", _simplemma_en)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lower-case dictionary form: "structures" -> "structure", "built" -> "build".

    Possessive "'s" is dropped ("city's" -> "city"); a hyphenated word keeps its first parts
    and lemmatises the last ("follow-ups" -> "follow-up"); numbers come back unchanged.
    """
    w = word.replace("’", "'")
    if is_number(w):
        return w
    w = w.lower()
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if "-" in w:
        head, _, last = w.rpartition("-")
        whole = _lemmatize(w).lower()
        if whole != w:
            return whole
        return f"{head}-{lemma(last)}" if last else w
    if not w or not w[0].isalpha():
        return w
    out = str(_lemmatize(w)).lower()
    if out == w and w.endswith("eth"):
        return _archaic(w) or w
    return out


def _archaic(word: str) -> str | None:
    """The lemma of a verb in the third person of the older English of the King James Bible
    and its time, which the lemmatiser does not know ("repenteth" -> "repent", "lieth" ->
    "lie", "createth" -> "create", "setteth" -> "set"): the ending taken off, when what is
    left is a word it knows. Words it knows ("teeth", "beneath") are left alone."""
    import simplemma

    if simplemma.is_known(word, lang="en"):
        return None
    stem = word[:-3]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""
    for form in (stem + "e", doubled, stem, word[:-2]):
        if len(form) >= 2 and simplemma.is_known(form, lang="en"):
            return lemma(form)
    return None


def lemmas(text: str) -> list[str]:
    """Lemma of every word and number in ``text``, in order (function words kept)."""
    return [lemma(t) for t in tokenize(text)]


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of ``text``, in order: no function words, no bare numbers.

    "the construction of illegal structures" -> ["construction", "illegal", "structure"]
    """
    out: list[str] = []
    for tok in tokenize(text):
        low = tok.lower()
        if low in STOPWORDS or is_number(tok):
            continue
        lem = lemma(tok)
        if lem in STOPWORDS or len(lem) < 2 and not lem.isalpha():
            continue
        out.append(lem)
    return out

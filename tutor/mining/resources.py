"""The language resources mining needs, behind one small seam.

Mining asks a handful of questions of the language layer: how Chinese splits into words, what
the dictionary says about a word, how a word is read and written as a name, how English splits
into tokens and lemmas, and how common or hard a word is. Keeping them here means the mining
modules never care which package answers, and shows at a glance what mining depends on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tutor.lang.cedict import Cedict, CedictEntry, load_cedict
from tutor.lang.english import STOPWORDS as _STOP
from tutor.lang.english import lemma as _lemma
from tutor.lang.levels import hsk_level as _hsk_level
from tutor.lang.levels import zipf_frequency as _zipf
from tutor.lang.names import name_forms
from tutor.lang.pinyin import pinyin_for, strip_tones
from tutor.lang.segment import segment_words as _segment_words
from tutor.lang.wordmodel import word_model

__all__ = [
    "EN_STOPWORDS",
    "Token",
    "cedict",
    "en_tokens",
    "entries",
    "frequency",
    "hsk_level",
    "lemma",
    "names",
    "pinyin_marks",
    "pos",
    "segment",
    "simplified",
    "syllables",
    "traditional_only",
]

EN_STOPWORDS: frozenset[str] = frozenset(_STOP)


@dataclass(frozen=True, slots=True)
class Token:
    """An English token: as written (``text``), lower-cased (``low``), lemma, and where it is."""

    text: str
    low: str
    lemma: str
    start: int
    end: int
    is_word: bool = False
    is_content: bool = False
    capital: bool = False


def cedict() -> Cedict:
    return load_cedict()


def segment(text: str) -> list[str]:
    """Chinese words in order (jieba with the dictionary's words added), no whitespace."""
    return _segment_words(text)


@cache
def simplified(word: str) -> str:
    """``word`` in simplified characters (texts in traditional script yield simplified entries)."""
    return load_cedict().simplified(word)


@cache
def traditional_only(ch: str) -> bool:
    """Whether the character is written only in traditional script (個, 經): the dictionary
    has it as a headword, never as a simplified one (著 is both)."""
    found = load_cedict().lookup(ch)
    return bool(found) and all(e.simplified != ch for e in found)


@cache
def entries(word: str) -> tuple[CedictEntry, ...]:
    """Every dictionary reading of ``word`` (simplified or traditional), possibly none."""
    return tuple(load_cedict().lookup(word))


@cache
def pinyin_marks(hanzi: str) -> str:
    """Tone-marked pinyin, syllables separated by spaces."""
    return pinyin_for(hanzi)


@cache
def syllables(hanzi: str) -> tuple[str, ...]:
    """Toneless lower-case syllables of ``hanzi`` ("北京" -> ("bei", "jing"))."""
    return tuple(strip_tones(s).lower().replace("ü", "u") for s in pinyin_marks(hanzi).split())


@cache
def names(hanzi: str) -> tuple[str, ...]:
    """How English text may write ``hanzi`` as a name, lower-cased ("yin yong", "beijing")."""
    return tuple(dict.fromkeys(f.lower().replace("ü", "u") for f in name_forms(hanzi)))


# dotted abbreviations (U.S.), words (with inner hyphen-free apostrophes: Xiong'an), numbers
# with , and . and %, or one symbol
_EN_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*%?|\S")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,5}")


@cache
def lemma(word: str) -> str:
    """The dictionary form of an English word, lower-cased."""
    return _lemma(word.lower()).lower()


def en_tokens(text: str) -> list[Token]:
    """English tokens with punctuation and hyphens apart; "Beijing's" -> "Beijing", "'s".

    A typographic apostrophe reads as a plain one ("don’t" is the function word "don't").
    Outside a text set in capitals, a word of two to five capitals or a dotted abbreviation is
    an acronym, a content word written as it stands ("US", "U.S." -> "us", never "we").
    """
    out = []
    shouted = _shouted(text)
    for m in _EN_TOKEN.finditer(text):
        start = m.start()
        for t, low, lem, a, b, word, content, capital in _pieces(m.group(0), shouted):
            out.append(Token(t, low, lem, start + a, start + b, word, content, capital))
    return out


_Piece = tuple[str, str, str, int, int, bool, bool, bool]  # a Token, offsets from the match


@lru_cache(maxsize=1 << 16)
def _pieces(t: str, shouted: bool) -> tuple[_Piece, ...]:
    """The tokens one match of ``_EN_TOKEN`` makes, positions relative to its start: worked
    out once per word as written, since a text's words repeat far more than its positions."""
    low = t.lower().replace("’", "'")
    if not shouted and _ACRONYM.fullmatch(t):  # "US", "U.S.": no pronoun "us"
        key = low.replace(".", "")
        return ((t, low, key, 0, len(t), True, key not in _NOT_ACRONYMS, True),)
    if low.endswith("'s") and len(t) > 2:
        n = len(t) - 2
        return (_piece(t[:-2], low[:-2], lemma(low[:-2]), 0, n), _piece("'s", "'s", "'s", n, n + 2))
    return (_piece(t, low, lemma(low) if low[0].isalpha() else low, 0, len(t)),)


def _piece(text: str, low: str, lem: str, start: int, end: int) -> _Piece:
    word = low[:1].isalpha()
    return text, low, lem, start, end, word, word and low not in EN_STOPWORDS, text[:1].isupper()


def _shouted(text: str) -> bool:
    """Text set mostly in capitals ("TERMS AND CONDITIONS"): its capitals make no acronyms."""
    letters = text.encode("ascii", "ignore").translate(None, _NOT_LETTERS)
    return len(letters.translate(None, _LOWER)) > len(letters) / 2


_LOWER = bytes(range(ord("a"), ord("z") + 1))
_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_ACRONYMS = frozenset(("eg", "ie", "ok"))  # e.g., i.e.: function words; OK: a reply


@cache
def hsk_level(word: str) -> int | None:
    return _hsk_level(word)


@cache
def frequency(word: str) -> float:
    return float(_zipf(word))


def pos(word: str) -> str:
    """jieba's tag for ``word`` ("n", "v", "vn", ...), or "" when jieba does not know it."""
    return word_model().tag(word)

"""Pinyin: readings for hanzi, tone-number <-> tone-mark conversion, syllables and names.

Readings come from CC-CEDICT when the word has an entry (so proper names keep CC-CEDICT's
capitals, "Běi jīng") and from pypinyin otherwise. Everything the rest of ``tutor`` shows
uses tone marks with syllables separated by spaces; quizzes accept tone numbers, ``v`` or
``u:`` for ü, and unspaced input, so the converters here take all of those spellings.

``pinyin_to_name`` and ``name_forms`` (in ``tutor.lang.names``, re-exported here) write hanzi
the way English text writes Chinese names (Beijing, Yin Yong, Xiong'an).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from tutor.lang.pypinyin_reading import pypinyin_word as _pypinyin_word
from tutor.lang.pypinyin_reading import tone_marks as _tone_marks

if TYPE_CHECKING:
    from tutor.lang.cedict import Cedict, CedictEntry

__all__ = [
    "marks_to_numbered",
    "numbered_to_marks",
    "pinyin_for",
    "split_syllables",
    "strip_tones",
    "syllables",
    "tones",
]

_MARKS = {
    "a": "āáǎàa",
    "e": "ēéěèe",
    "i": "īíǐìi",
    "o": "ōóǒòo",
    "u": "ūúǔùu",
    "ü": "ǖǘǚǜü",
}
# marked vowel -> (bare vowel, tone)
_UNMARK: dict[str, tuple[str, int]] = {}
for _bare, _row in _MARKS.items():
    for _i, _ch in enumerate(_row[:4]):
        _UNMARK[_ch] = (_bare, _i + 1)
        _UNMARK[_ch.upper()] = (_bare.upper(), _i + 1)
# ê and m/n with marks are rare but appear in CC-CEDICT interjections
for _ch, _val in {"ḿ": ("m", 2), "ǹ": ("n", 4), "ń": ("n", 2), "ň": ("n", 3)}.items():
    _UNMARK[_ch] = _val

_NUMBERED_SYLLABLE = re.compile(r"^([A-Za-züÜ:]+?)([1-5])$")


def _normalise_u(s: str) -> str:
    """``u:`` and ``v`` (the keyboard spellings) become ``ü``."""
    s = s.replace("u:", "ü").replace("U:", "Ü")
    return re.sub(r"v", "ü", s.replace("V", "Ü")) if ("v" in s or "V" in s) else s


def _mark_syllable(base: str, tone: int) -> str:
    """Put the tone mark on the right vowel: a/e first, then the o of ``ou``, else the last."""
    if tone == 5 or tone == 0:
        return base
    low = base.lower()
    idx = -1
    for v in ("a", "e"):
        if v in low:
            idx = low.index(v)
            break
    else:
        if "ou" in low:
            idx = low.index("o")
        else:
            for i in range(len(low) - 1, -1, -1):
                if low[i] in "aeiouü":
                    idx = i
                    break
    if idx < 0:
        # syllabic m / n / ng (e.g. "m2", "ng4"); leave unmarked rather than guess
        return base
    ch = base[idx]
    marked = _MARKS[ch.lower()][tone - 1]
    if ch.isupper():
        marked = marked.upper()
    return base[:idx] + marked + base[idx + 1 :]


@cache
def _numbered_syllable_to_marks(token: str) -> str:
    m = _NUMBERED_SYLLABLE.match(token)
    if not m:
        return _normalise_u(token) if token.isalpha() or ":" in token else token
    return _mark_syllable(_normalise_u(m.group(1)), int(m.group(2)))


def numbered_to_marks(s: str) -> str:
    """ "xie2 tong2" -> "xié tóng"; "lu:4", "lv4" -> "lǜ"; "na3 r5" -> "nǎr" (erhua joined).

    Unspaced input ("xie2tong2") is converted too, and keeps its spacing. Tokens that are not
    pinyin (Latin letters in "3C", "·" in transliterated foreign names) pass through.
    """
    out: list[str] = []
    pos = 0
    for m in re.finditer(r"([A-Za-zü:]+)([1-5])?", s):
        out.append(s[pos : m.start()])
        base, tone = m.group(1), m.group(2)
        if tone:
            out.append(_numbered_syllable_to_marks(base + tone))
        else:
            out.append(_normalise_u(base) if len(base) > 1 or base in "vV" else base)
        pos = m.end()
    out.append(s[pos:])
    text = "".join(out)
    # erhua: CC-CEDICT writes 哪儿 as "na3 r5"; learners read it as one syllable "nǎr"
    return re.sub(r"(?<=[^\s\d]) r\b", "r", text)


def _unmark(syl: str) -> tuple[str, int]:
    """A tone-marked syllable -> (bare syllable, tone); tone 5 when there is no mark."""
    syl = unicodedata.normalize("NFC", syl)
    tone = 5
    chars = []
    for ch in syl:
        if ch in _UNMARK:
            bare, tone = _UNMARK[ch]
            chars.append(bare)
        else:
            chars.append(ch)
    return "".join(chars), tone


def _syllable_tone(syl: str) -> tuple[str, int]:
    """Bare syllable and tone from either spelling ("xié", "xie2", "xie"), ü normalised."""
    m = _NUMBERED_SYLLABLE.match(syl)
    if m:
        return _normalise_u(m.group(1)), int(m.group(2))
    bare, tone = _unmark(syl)
    return _normalise_u(bare), tone


def marks_to_numbered(s: str) -> str:
    """ "xié tóng" -> "xie2 tong2"; neutral tone is 5 ("ma5"); ü is written "u:" as CC-CEDICT does.

    Unspaced input is split into syllables first ("xiétóng" -> "xie2 tong2").
    """
    out = []
    for syl in syllables(s):
        if not any(c.isalpha() for c in syl):
            out.append(syl)
            continue
        bare, tone = _syllable_tone(syl)
        out.append(bare.replace("ü", "u:").replace("Ü", "U:") + str(tone))
    return " ".join(out)


def strip_tones(s: str) -> str:
    """Remove tone marks and numbers, keep ü: "lǜ sè" -> "lü se", "xie2 tong2" -> "xie tong"."""
    s = _normalise_u(s)
    s = re.sub(r"(?<=[a-zA-Zü])[1-5]\b", "", s)
    return "".join(_UNMARK.get(ch, (ch, 0))[0] for ch in unicodedata.normalize("NFC", s))


# ---------------------------------------------------------------------------------------------
# syllables


@cache
def _valid_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (with ü) of pypinyin's character table, kept in the
    cache dir by ``tutor.lang.syllable_table``."""
    from tutor.lang.syllable_table import table_syllables

    return table_syllables(lambda reading: _unmark(reading)[0])


def split_syllables(word: str) -> list[str]:
    """Split one unspaced run of pinyin ("xiétóng", "xie2tong2", "Xi'an") into syllables.

    Uses the fewest valid syllables; ties go to the split whose inner syllables do not start
    with a vowel (pinyin writes an apostrophe before those, so "fangan" is "fan gan").
    Returns the run unchanged (one element) when it is not pinyin. Cached (a fresh list each
    call): an export or a study session splits the same few thousand syllables over and over.
    """
    return list(_split_cached(word))


@lru_cache(maxsize=16384)
def _split_cached(word: str) -> tuple[str, ...]:
    return tuple(s for part in re.split(r"['’]", word) if part for s in _split_run(part))


def _split_run(run: str) -> list[str]:
    valid = _valid_syllables()
    n = len(run)
    # base form of each char, for matching (marks and digits removed, v/u: as ü)
    norm = _normalise_u(run) if ":" not in run else run
    if len(norm) != n:  # u: collapsed; fall back to a simple digit-delimited split
        pieces = re.findall(r"[^\d]+[1-5]?", run)
        return pieces or [run]
    base = [(_UNMARK.get(c, (c, 0))[0]).lower() for c in norm]
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)  # (count, penalty, prev)
    best[0] = (0, 0, -1)
    for i in range(n):
        if best[i] is None:
            continue
        count, pen, _ = best[i]  # type: ignore[misc]
        for j in range(i + 1, min(n, i + 7) + 1):
            syl = "".join(base[i:j])
            if syl not in valid:
                continue
            end = j + 1 if j < n and run[j] in "12345" else j
            p = pen + (1 if i > 0 and syl[0] in "aeo" else 0)
            cand = (count + 1, p, i)
            cur = best[end]
            if cur is None or cand[:2] < cur[:2]:
                best[end] = cand
    if best[n] is None:
        return [run]
    out = []
    k = n
    while k > 0:
        prev = best[k][2]  # type: ignore[index]
        out.append(run[prev:k])
        k = prev
    return out[::-1]


def syllables(s: str) -> list[str]:
    """The syllables of a pinyin string in any spelling, spaced or not, punctuation dropped.

    "xié tóng" -> ["xié", "tóng"]; "xie2tong2" -> ["xie2", "tong2"]; "Xī'ān" -> ["Xī", "ān"].
    """
    out: list[str] = []
    for word in re.findall(r"[A-Za-zÀ-ɏü:'’0-9]+", unicodedata.normalize("NFC", s)):
        if word.isdigit():
            continue
        out.extend(split_syllables(word))
    return out


def tones(s: str) -> list[int]:
    """Tone of each syllable, 1-4, and 5 for the neutral tone: "nǐ hǎo ma" -> [3, 3, 5]."""
    return [_syllable_tone(syl)[1] for syl in syllables(s)]


# ---------------------------------------------------------------------------------------------
# readings for hanzi


def _is_han(ch: str) -> bool:
    from tutor.lang.script import is_hanzi

    return is_hanzi(ch)


def _best_reading(word: str, cedict: Cedict, context: str | None = None) -> str | None:
    """CC-CEDICT's reading for ``word``; when it has several, the one pypinyin agrees with.

    ``context`` is pypinyin's reading of the word inside its sentence (it knows 了 in 吃了饭
    is "le" and in 了解 is "liǎo"); without it the word is read on its own.
    """
    entries = cedict.lookup(word)
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0].pinyin
    tone_guess = context if context is not None else _pypinyin_word(word)
    letters_guess = strip_tones(tone_guess)

    def score(e: CedictEntry) -> tuple[int, int, int, int, int]:
        reading = e.pinyin.lower()
        same_tones = int(reading == tone_guess)
        same_letters = int(strip_tones(reading) == letters_guess)
        usable = int(not e.is_variant and not e.is_surname_only)
        lower = int(not e.is_proper)
        return (same_tones, same_letters, usable, lower if len(word) == 1 else 0, len(e.senses))

    return max(entries, key=score).pinyin


def _contextual(words: list[str]) -> list[str | None]:
    """pypinyin's reading of each all-hanzi word as read within its neighbours."""
    out: list[str | None] = []
    for i, word in enumerate(words):
        if not word or not all(_is_han(c) for c in word):
            out.append(None)
            continue
        before = words[i - 1] if i > 0 and all(_is_han(c) for c in words[i - 1]) else ""
        after = words[i + 1] if i + 1 < len(words) and all(_is_han(c) for c in words[i + 1]) else ""
        window = _tone_marks(before + word + after)
        if len(window) != len(before) + len(word) + len(after):
            out.append(None)
            continue
        out.append(" ".join(window[len(before) : len(before) + len(word)]))
    return out


def pinyin_for(hanzi: str, cedict: Cedict | None = None) -> str:
    """Reading of ``hanzi`` with tone marks, syllables separated by spaces.

    A word CC-CEDICT knows gets its dictionary reading ("北京" -> "Běi jīng"); other text is
    segmented and read word by word, falling back to pypinyin for words the dictionary lacks.
    Non-Chinese characters (digits, Latin, punctuation) are kept as they are, spaced.
    """
    if cedict is None:
        from tutor.lang.cedict import load_cedict

        cedict = load_cedict()
    if not hanzi:
        return ""
    reading = _best_reading(hanzi, cedict)
    if reading is not None:
        return reading
    from tutor.lang.segment import segment

    words = [w for w in segment(hanzi) if w.strip()]
    contexts = _contextual(words)
    parts: list[str] = []
    for word, context in zip(words, contexts, strict=True):
        if not any(_is_han(c) for c in word):
            parts.append(word)
            continue
        reading = _best_reading(word, cedict, context) if len(word) < len(hanzi) else None
        if reading is None:
            reading = _read_unknown(word, cedict)
        parts.append(reading)
    return " ".join(parts)


def _read_unknown(word: str, cedict: Cedict) -> str:
    """Read a word the dictionary lacks (jieba knows 中关村科技园区, CC-CEDICT does not).

    The longest dictionary words inside it keep their readings (and capitals: 中关村 is
    "Zhōng guān cūn"); the characters left over are read by pypinyin in context, and
    non-Chinese runs are kept as they are.
    """
    parts: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+|[^\s]+", word):
        if not _is_han(run[0]):
            parts.append(run)
            continue
        context = _pypinyin_word(run).split(" ")
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + cedict.max_len), i + 1, -1):
                if run[i:j] in cedict and j - i < len(word):
                    guess = " ".join(context[i:j]) if len(context) == len(run) else None
                    parts.append(_best_reading(run[i:j], cedict, guess) or "")
                    i = j
                    break
            else:
                parts.append(context[i] if len(context) == len(run) else _pypinyin_word(run[i]))
                i += 1
    return " ".join(p for p in parts if p)


def __getattr__(name: str) -> object:
    """``name_forms`` and ``pinyin_to_name`` moved to ``tutor.lang.names``; still importable."""
    if name in ("name_forms", "pinyin_to_name"):
        from tutor.lang import names

        return getattr(names, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

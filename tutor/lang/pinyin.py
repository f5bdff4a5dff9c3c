"""Pinyin: readings for hanzi, tone-number <-> tone-mark conversion, syllables and names.

Readings come from CC-CEDICT when the word has an entry (so proper names keep CC-CEDICT's
capitals, "Běi jīng") and from pypinyin otherwise. Everything the rest of ``tutor`` shows
uses tone marks with syllables separated by spaces; quizzes accept tone numbers, ``v`` or
``u:`` for ü, and unspaced input, so the converters here take all of those spellings.

``pinyin_to_name`` writes hanzi the way English text writes Chinese names (Beijing,
Yin Yong, Xiong'an), which is what mining needs to find a name in the translation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tutor.lang.cedict import Cedict

__all__ = [
    "marks_to_numbered",
    "name_forms",
    "numbered_to_marks",
    "pinyin_for",
    "pinyin_to_name",
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
    """Every toneless pinyin syllable (with ü), taken from pypinyin's character table."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            bare, _ = _unmark(r)
            found.add(bare)
    # erhua forms and the syllables pypinyin spells differently
    found |= {s + "r" for s in list(found) if not s.endswith("r")}
    found |= {"r", "m", "n", "ng", "hm", "hng"}
    return frozenset(found)


def split_syllables(word: str) -> list[str]:
    """Split one unspaced run of pinyin ("xiétóng", "xie2tong2", "Xi'an") into syllables.

    Uses the fewest valid syllables; ties go to the split whose inner syllables do not start
    with a vowel (pinyin writes an apostrophe before those, so "fangan" is "fan gan").
    Returns the run unchanged (one element) when it is not pinyin.
    """
    parts = [p for p in re.split(r"['’]", word) if p]
    result: list[str] = []
    for part in parts:
        result.extend(_split_run(part))
    return result


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


@cache
def _pypinyin_word(word: str) -> str:
    """pypinyin's reading for a run of hanzi, as spaced tone marks (it handles polyphones)."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(word, style=Style.TONE, errors="default", v_to_u=True))


def _best_reading(word: str, cedict: Cedict) -> str | None:
    """CC-CEDICT's reading for ``word``; when it has several, the one pypinyin agrees with."""
    entries = cedict.lookup(word)
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0].pinyin
    guess = strip_tones(_pypinyin_word(word)).lower() if len(word) > 1 else None
    tone_guess = _pypinyin_word(word)

    def score(e: object) -> tuple[int, int, int, int]:
        from tutor.lang.cedict import CedictEntry

        assert isinstance(e, CedictEntry)
        same_tones = int(e.pinyin.lower() == tone_guess)
        same_letters = int(guess is not None and strip_tones(e.pinyin).lower() == guess)
        usable = int(not e.is_variant and not e.is_surname_only)
        lower = int(not e.is_proper)
        return (same_tones, usable, lower if len(word) == 1 else same_letters, len(e.senses))

    return max(entries, key=score).pinyin


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

    parts: list[str] = []
    for word in segment(hanzi):
        if not word.strip():
            continue
        if not any(_is_han(c) for c in word):
            parts.append(word)
            continue
        reading = _best_reading(word, cedict) if len(word) < len(hanzi) else None
        if reading is None:
            reading = _read_unknown(word, cedict)
        parts.append(reading)
    return " ".join(parts)


def _read_unknown(word: str, cedict: Cedict) -> str:
    """Read a word the dictionary lacks: pypinyin for the hanzi runs, other text kept."""
    parts = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+|[^\s]+", word):
        parts.append(_pypinyin_word(run) if _is_han(run[0]) else run)
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# names as English text writes them


def _join_name(sylls: list[str]) -> str:
    """Toneless syllables -> one capitalised word with an apostrophe before a/e/o syllables."""
    word = ""
    for i, syl in enumerate(sylls):
        if i > 0 and syl[:1] in ("a", "e", "o"):
            word += "'"
        word += syl
    return word[:1].upper() + word[1:]


def _toneless(reading: str) -> list[str]:
    sylls = []
    for syl in syllables(reading):
        bare = strip_tones(syl).lower()
        sylls.append(bare)
    # erhua "r" after a syllable joins it (哪儿 nar); a lone r stays
    joined: list[str] = []
    for syl in sylls:
        if syl == "r" and joined:
            joined[-1] += "r"
        else:
            joined.append(syl)
    return joined


def pinyin_to_name(hanzi: str, cedict: Cedict | None = None, *, person: bool | None = None) -> str:
    """Write ``hanzi`` as English text writes a Chinese name.

    Places and other names are one word: 北京 -> "Beijing", 中关村 -> "Zhongguancun",
    雄安 -> "Xiong'an". People's names put the surname apart: 殷勇 -> "Yin Yong",
    欧阳修 -> "Ouyang Xiu". ``person`` forces either form; by default a word the dictionary
    lacks that starts with a surname and has two or three characters is taken as a person.
    ü is written "u" except in lü/nü ("Lü" for 吕), as English texts mostly do.
    """
    if cedict is None:
        from tutor.lang.cedict import load_cedict

        cedict = load_cedict()
    one_word = person is False
    if person is None:
        person = _looks_like_person(hanzi, cedict)
    if person:
        surname_len = _surname_length(hanzi, cedict)
        if 0 < surname_len < len(hanzi):
            family = _toneless(pinyin_for(hanzi[:surname_len], cedict=None or cedict))
            given = _toneless(_given_name_reading(hanzi[surname_len:], cedict))
            return f"{_join_name(family)} {_join_name(given)}"
    reading = pinyin_for(hanzi, cedict)
    # CC-CEDICT capitalises each word of a multi-word name: "Xi2 Jin4 ping2" is "Xi Jinping",
    # "Tian1 an1 men2 Guang3 chang3" is "Tian'anmen Guangchang"
    words = [w for w in re.split(r"\s+(?=[A-ZĀÁǍÀĒÉĚÈŌÓǑÒ])", reading) if w.strip()]
    if one_word or len(words) < 2:
        words = [reading]
    names = [_join_name(_toneless(w)) for w in words]
    names = [n for n in names if n]
    return " ".join(names) if names else hanzi


def name_forms(hanzi: str, cedict: Cedict | None = None) -> list[str]:
    """Spellings of ``hanzi`` an English text may use, most likely first, for matching.

    Gives the joined form ("Yinyong"/"Beijing"), the person form ("Yin Yong"), the hyphenated
    older style ("Yin-yong") and, for ü, both "u" and "v"-free variants ("Lü", "Lu").
    """
    forms: list[str] = []
    for person in (None, True, False):
        name = pinyin_to_name(hanzi, cedict, person=person)
        if name not in forms:
            forms.append(name)
    for name in list(forms):
        if " " in name:
            family, given = name.split(" ", 1)
            hyphen = f"{family}-{given.lower()}"
            if hyphen not in forms:
                forms.append(hyphen)
    for name in list(forms):
        if "'" in name and name.replace("'", "") not in forms:
            forms.append(name.replace("'", ""))  # "Tiananmen", "Xian" as many texts write them
    for name in list(forms):
        if "ü" in name or "Ü" in name:
            plain = name.replace("ü", "u").replace("Ü", "U")
            if plain not in forms:
                forms.append(plain)
    return forms


def _surname_length(hanzi: str, cedict: Cedict) -> int:
    if len(hanzi) > 2 and cedict.is_surname(hanzi[:2]):
        return 2  # 欧阳, 司马, 诸葛
    return 1 if cedict.is_surname(hanzi[0]) else 0


def _looks_like_person(hanzi: str, cedict: Cedict) -> bool:
    if not 2 <= len(hanzi) <= 4 or not all(_is_han(c) for c in hanzi):
        return False
    entries = cedict.lookup(hanzi)
    if entries:
        # CC-CEDICT lists some famous people; their senses start with the surname's reading
        return any(e.is_proper and _mentions_person(e) for e in entries)
    n = _surname_length(hanzi, cedict)
    return n > 0 and len(hanzi) - n in (1, 2)


def _mentions_person(entry: object) -> bool:
    senses = " ".join(getattr(entry, "senses", ()))
    return bool(re.search(r"\(\d{3,4}-\d{0,4}\)|\bborn \d{4}|\bstatesman|\bpoet|\bwriter", senses))


def _given_name_reading(given: str, cedict: Cedict) -> str:
    """Given names are read character by character; prefer the common (lower-case) reading."""
    readings = []
    for ch in given:
        r = _best_reading(ch, cedict) if _is_han(ch) else ch
        readings.append((r or _pypinyin_word(ch)).lower())
    return " ".join(readings)

"""Chinese names as English text writes them, so mining can find a name in the translation.

Places and other names are one capitalised word with an apostrophe before an a/e/o syllable
(北京 Beijing, 雄安 Xiong'an); people put the surname apart (殷勇 Yin Yong, 欧阳修 Ouyang Xiu);
CC-CEDICT's capitals mark word breaks in longer names (习近平 "Xi2 Jin4 ping2" -> Xi Jinping).
``name_forms`` adds the other spellings texts use, and for places ending in a generic feature
word (湖, 山, 新区, 科技园 ...) the English pattern with that word translated ("Yanqi Lake"
style), since English keeps the proper part in pinyin and translates the rest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tutor.lang.pinyin import _best_reading, _is_han, pinyin_for, strip_tones, syllables
from tutor.lang.pypinyin_reading import pypinyin_word

if TYPE_CHECKING:
    from tutor.lang.cedict import Cedict

__all__ = ["FEATURE_WORDS", "name_forms", "pinyin_to_name", "split_feature"]

#: Generic place-name endings and how English renders them (first = most usual). English puts
#: the translated word after the pinyin ("Yanqi Lake"), except the forms starting with "of"
#: or listed in ``_BEFORE`` ("Mount Tai", "Lake Tai" also occur).
FEATURE_WORDS: dict[str, tuple[str, ...]] = {
    "经济技术开发区": ("Economic and Technological Development Zone",),
    "高新技术产业开发区": ("High-tech Industrial Development Zone",),
    "自由贸易试验区": ("Pilot Free Trade Zone", "Free Trade Zone"),
    "开发区": ("Development Zone",),
    "自贸区": ("Free Trade Zone",),
    "高新区": ("High-tech Zone",),
    "科技园": ("Science Park", "Science and Technology Park"),
    "科学城": ("Science City",),
    "产业园": ("Industrial Park",),
    "新区": ("New Area", "New District"),
    "新城": ("New Town", "New City"),
    "公园": ("Park",),
    "广场": ("Square", "Plaza"),
    "大街": ("Street", "Avenue"),
    "大道": ("Avenue", "Boulevard"),
    "大桥": ("Bridge",),
    "机场": ("Airport",),
    "水库": ("Reservoir",),
    "大学": ("University",),
    "自治区": ("Autonomous Region",),
    "自治州": ("Autonomous Prefecture",),
    "湖": ("Lake",),
    "山": ("Mountain", "Mountains", "Mount", "Hill"),
    "河": ("River",),
    "江": ("River",),
    "街": ("Street", "Avenue"),
    "路": ("Road", "Street"),
    "桥": ("Bridge",),
    "门": ("Gate",),
    "寺": ("Temple",),
    "庙": ("Temple",),
    "宫": ("Palace",),
    "园": ("Garden", "Park"),
    "区": ("District",),
    "市": ("City", "Municipality"),
    "省": ("Province",),
    "县": ("County",),
    "镇": ("Town",),
    "乡": ("Township",),
    "村": ("Village",),
    "岛": ("Island",),
    "湾": ("Bay",),
    "港": ("Port", "Harbor", "Harbour"),
    "站": ("Station",),
    "海": ("Sea",),
}
_BEFORE = {"山": "Mount", "湖": "Lake"}
_OFTEN_DROPPED = frozenset({"市", "省", "县", "区"})


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


def split_feature(hanzi: str) -> tuple[str, str] | None:
    """Split a generic place ending off a name: 雁栖湖 -> ("雁栖", "湖"); None if there is none.

    The longest ending in ``FEATURE_WORDS`` wins; the proper part must keep two characters
    (so 黄河 and 泰山, whose English is usually one word or "Mount Tai", are split only when
    the part left is long enough to be a name by itself).
    """
    for size in range(min(len(hanzi) - 2, 9), 0, -1):
        ending = hanzi[-size:]
        if ending in FEATURE_WORDS:
            return hanzi[:-size], ending
    return None


def name_forms(hanzi: str, cedict: Cedict | None = None) -> list[str]:
    """Spellings of ``hanzi`` an English text may use, most likely first, for matching.

    For a place with a generic ending, first the proper part with the ending translated
    ("Yanqi Lake", "Lake Yanqi", "Xiong'an New Area"; "Beijing" for 北京市); then the joined
    form ("Beijing", "Yinyong"), the person form ("Yin Yong"), the older hyphenated style
    ("Yin-yong"), forms without the apostrophe ("Xian") and with plain "u" for ü ("Lu").
    """
    forms: list[str] = []
    if not hanzi:
        return forms

    def add(form: str) -> None:
        if form and form not in forms:
            forms.append(form)

    split = split_feature(hanzi)
    if split is not None:
        stem, ending = split
        stem_name = pinyin_to_name(stem, cedict, person=False)
        for english in FEATURE_WORDS[ending]:
            add(f"{stem_name} {english}")
        if ending in _BEFORE:
            add(f"{_BEFORE[ending]} {stem_name}")
        if ending in _OFTEN_DROPPED:
            add(stem_name)  # 北京市 is usually just "Beijing"
    for person in (None, True, False):
        add(pinyin_to_name(hanzi, cedict, person=person))
    for name in list(forms):
        if " " in name and not split:
            family, given = name.split(" ", 1)
            add(f"{family}-{given.lower()}")
    for name in list(forms):
        if "'" in name:
            add(name.replace("'", ""))  # "Tiananmen", "Xian" as many texts write them
    for name in list(forms):
        if "ü" in name or "Ü" in name:
            add(name.replace("ü", "u").replace("Ü", "U"))
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
        readings.append((r or pypinyin_word(ch)).lower())
    return " ".join(readings)

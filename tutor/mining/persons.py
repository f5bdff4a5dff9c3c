"""Persons' names in Chinese text, told apart from the titles written before them.

Chinese writes a title and a name as one run (警察局局长丹尼尔 "Police Chief Daniel", 律师杰伊
"lawyer Jay"), and a span joining them is neither a term nor a name a learner studies: the
title is a term and the name a name, each a unit of its own. (A name before a common word
names a thing after the person: 特纳奖 "Turner Prize".) A foreign name is written in a
small set of characters chosen for their sound, which is how a name the dictionary does not
know (乔登, 特鲁) is recognised; the segmenter also cuts long ones into pieces (瓦拉 德卡), each
of which is such a run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tutor.lang.script import has_chinese
from tutor.mining import resources as res

__all__ = ["DOTS", "dotted", "is_person", "join_dotted", "title_and_name"]

# characters the standard transliteration tables use for foreign names' syllables
_SOUND_CHARS = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保贝本比彼毕宾波伯博布查达戴丹道德登迪蒂杜多厄恩尔法凡菲费芬丰佛弗"
    "福盖甘冈戈格贡古圭哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷"
    "蕾黎里利丽莉林琳隆卢鲁路伦罗洛马玛迈麦曼梅门蒙米密莫姆穆纳娜内尼妮宁纽努诺欧帕潘佩蓬皮珀"
    "普齐奇契恰乔切琼丘萨塞桑瑟森沙莎舍施什斯苏索塔泰坦汤唐特提廷图托瓦万旺威韦维温翁沃乌伍西"
    "希锡席夏谢辛休雅亚扬耶伊因尤约泽扎詹兹滕"
)
_PERSON_SENSE = re.compile(r"\((?:\w+ )?name\)|\(surname\)|^[A-Z].*\(\d{3,4}-(?:\d{3,4})?\)")
_NAME_TAGS = ("nr", "ns", "nt", "nz")


@cache
def is_person(word: str) -> bool:
    """``word`` names a person: the dictionary says so ("Daniel (name)", "Boole (surname)",
    a life's dates), or, unknown to it, the segmenter tags it a person's name (杰伊) or it is
    written only in the characters of foreign names (乔登, 特鲁), or with the middle dot
    between a foreign person's names (托马斯·库克)."""
    if dotted(word):
        return True
    found = res.entries(word)
    if found:
        return any(_PERSON_SENSE.search(s) for e in found for s in e.senses)
    if res.pos(word).startswith("nr"):
        return True
    return len(word) >= 2 and all(c in _SOUND_CHARS for c in word)


def _common(word: str) -> bool:
    """A common word: not a person and not a name by the dictionary or the segmenter."""
    if not has_chinese(word) or is_person(word):
        return False
    if res.entries(word):
        return not res.cedict().is_proper(word)
    return not res.pos(word).startswith(_NAME_TAGS)


def title_and_name(words: Sequence[str]) -> bool:
    """A common word (a title, a relation, a role) comes before a person's name: 律师杰伊
    "lawyer Jay", 伊朗总统哈桑 "Iranian President Hassan". Names alone (托马斯库克 "Thomas
    Cook"), names of things (星巴克咖啡) and a name before a common word, which names a thing
    after the person (特纳奖 "Turner Prize", a school, a park), are not."""
    seen_common = False
    for w in words:
        if seen_common and is_person(w):
            return True
        seen_common = seen_common or _common(w)
    return False


DOTS = frozenset("·•‧・")


def join_dotted(words: Sequence[str]) -> list[str]:
    """Words with each foreign name written with the middle dot made one word again.

    Chinese writes a foreign person's given and family names with a dot between them
    (托马斯·库克 "Thomas Cook", 蒂姆·伯纳斯-李 "Tim Berners-Lee"), and the segmenter cuts the
    name at the dot, so only its parts could become cards. Chinese on both sides of a dot
    makes the run one name; a hyphen inside the run (伯纳斯-李) stays in it, and so do the
    words written only in names' sound characters right before and after it, which the
    segmenter cut from it (史蒂夫·麦 / 奎因 is 史蒂夫·麦奎因 "Steve McQueen").
    """
    if DOTS.isdisjoint(words):
        return list(words)
    out: list[str] = []
    k, n = 0, len(words)
    while k < n:
        end = k + 1
        if has_chinese(words[k]):
            while end + 1 < n and (words[end] in DOTS or (words[end] == "-" and end > k + 1)):
                if not has_chinese(words[end + 1]):
                    break
                end += 2
        if end > k + 1:  # a name: the segmenter may have cut its last part too (麦 / 奎因)
            while end < n and _sounds_only(words[end]):
                end += 1
            while out and _sounds_only(out[-1]):  # ... or its first (伊斯 / 瓦·昌德拉)
                k -= 1
                out.pop()
        out.append("".join(words[k:end]))  # a run starts with a dot: a hyphen only goes on
        k = end
    return out


def _sounds_only(word: str) -> bool:
    """A word written only in the characters of foreign names' syllables."""
    return bool(word) and all(c in _SOUND_CHARS for c in word)


def dotted(hanzi: str) -> bool:
    """A word holding the middle dot: a foreign name joined by ``join_dotted``."""
    return not DOTS.isdisjoint(hanzi)

"""A foreign name's English made whole: the parts its characters do not sound like.

A name written with the middle dot (泰德·尼尔森 "Ted Nelson") is linked to English by how its
parts sound, and a part often sounds too far from its English to be found (泰德 is not heard
as "Ted"). Then the card would say "Nelson". The rule ``whole_name`` stretches such a name's
English over the free capitalised words beside it, one per part still missing, on the side of
the parts not yet heard, so a title before a given name ("Administrator Peter") stays out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tutor.mining.links import Links
from tutor.mining.persons import DOTS, dotted
from tutor.mining.pipeline import Rule, Weight
from tutor.mining.resources import Token
from tutor.mining.translit import HEARD, sounds_like

__all__ = ["NAME_PART", "WHOLE_NAME", "whole_names"]


def whole_names(zh: Sequence[str], en: Sequence[Token], links: Links) -> Links:
    """Stretch a dotted name's English over the capitalised words beside it that nobody
    holds, up to one English word per part of the name (rule ``whole_name``)."""
    if not any(dotted(word) for word in zh):
        return links
    out = dict(links)
    owner = {j: i for i, j in links}
    for i, word in enumerate(zh):
        if not dotted(word):
            continue  # the rule's own check says so too; this spares the scan
        mine = sorted(j for j, k in owner.items() if k == i)
        if not mine or not WHOLE_NAME.fires(word, [en[j] for j in mine]):
            continue
        lo, hi = _name_reach(word, en, mine, owner)
        added = [j for j in range(lo, hi + 1) if j not in owner]
        if added:
            out.update(dict.fromkeys(((i, j) for j in added), NAME_PART))
            owner.update(dict.fromkeys(added, i))
    return out


def _name_reach(
    word: str, en: Sequence[Token], mine: list[int], owner: dict[int, int]
) -> tuple[int, int]:
    """How far a dotted name's English reaches: over free capitalised words before its first
    linked word as many as the name has parts before the part that word sounds like, and so
    after its last ("Ted" before "Nelson" for 泰德·尼尔森; never "Administrator" before "Peter"
    for 彼得·盖纳)."""
    parts = _PARTS.split(word)
    lo, hi = mine[0], mine[-1]
    first, last = _part_heard(parts, en[lo].text), _part_heard(parts, en[hi].text)
    left = len(parts) - 1 if first is None else first
    right = len(parts) - 1 if last is None else len(parts) - 1 - last
    words = sum(en[j].is_word for j in range(lo, hi + 1))
    while words < len(parts) and right and (k := _next_capital(en, hi, 1, owner)) is not None:
        hi, right, words = k, right - 1, words + 1
    while words < len(parts) and left and (k := _next_capital(en, lo, -1, owner)) is not None:
        lo, left, words = k, left - 1, words + 1
    return lo, hi


def _part_heard(parts: list[str], text: str) -> int | None:
    """Which part of a name ``text`` sounds like, if any sounds close."""
    score, at = max((sounds_like(p, text), n) for n, p in enumerate(parts))
    return at if score >= HEARD else None


_PARTS = re.compile("[" + "".join(DOTS) + "-]")


def _next_capital(en: Sequence[Token], edge: int, step: int, owner: dict[int, int]) -> int | None:
    """The capitalised word nobody holds after ``edge`` (over a hyphen: "Mountbatten-Windsor")."""
    j = edge + step
    if 0 <= j < len(en) and en[j].text == "-" and j not in owner:
        j += step
    if 0 <= j < len(en) and j not in owner and en[j].is_word and en[j].capital:
        return j
    return None


def _name_part(word: str, toks: Sequence[Token]) -> bool:
    """A foreign name written with the middle dot, linked to capitalised English only: the
    free capitalised words beside that English, up to one per part of the name, are its other
    parts, which sound too far from their characters to be found (泰德·尼尔森 "Ted Nelson":
    泰德 is not heard as "Ted"; 保罗·欧特雷 "Paul Otlet")."""
    return dotted(word) and all(t.capital for t in toks)


NAME_PART = 0.8
WHOLE_NAME = Rule(
    "whole_name",
    "link",
    frozenset(("name",)),
    Weight(NAME_PART),
    _name_part,
    ("泰德·尼尔森 'Ted Nelson': 'Ted' joins 'Nelson'",),
)

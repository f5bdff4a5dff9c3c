"""Where a link's English lies says whether it is trustworthy.

Dictionary senses are found wherever the English has them; a clause pair of several sentences
often has the word twice, or a word's sense in another word's rendering. Two tests of place:
a word linked far from where both its neighbours put their translations has strayed, and a
verb sense found inside a name written mid-sentence translates the name, not the verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.mining.resources import Token

__all__ = ["STRAY", "in_names", "stray_words"]

Links = dict[tuple[int, int], float]

STRAY = 8  # English tokens


def stray_words(links: Links) -> set[int]:
    """Words whose links lie far from where both their neighbours put their translations.

    建设 matches "construction" in another sentence of the same clause pair, while 违法 before
    it and the number after it are rendered side by side; the stray link would block the
    phrase, and the diagonal fill can then find the right word. The neighbours need not be
    side by side: a word whose English lies more than ``STRAY`` tokens outside the stretch
    between them (up to ``2 * STRAY`` long) has strayed too (运营 matching the "service" of a
    sentence earlier, while 挂牌 before it and the name after it are rendered ten apart).
    """
    by_zh: dict[int, list[int]] = {}
    for i, j in links:
        by_zh.setdefault(i, []).append(j)
    mid = {i: sum(js) / len(js) for i, js in by_zh.items()}
    stray = set()
    for i, c in mid.items():
        left = next((mid[k] for k in (i - 1, i - 2) if k in mid), None)
        right = next((mid[k] for k in (i + 1, i + 2) if k in mid), None)
        if left is None or right is None or abs(left - right) > 2 * STRAY:
            continue
        if c < min(left, right) - STRAY or c > max(left, right) + STRAY:
            stray.add(i)
    return stray


_OPENERS = frozenset('.!?;:"“‘(')


def in_names(en: Sequence[Token]) -> frozenset[int]:
    """Tokens inside a name written mid-sentence: runs of two or more capitalised content
    words, none starting a sentence ("the Development Control Plan"). None when every
    content word is capitalised: a heading set in title case ("Review of Work")."""
    content = [j for j, t in enumerate(en) if t.is_content]
    if all(en[j].capital for j in content):
        return frozenset()
    caps = [j for j in content if en[j].capital and j > 0 and en[j - 1].text not in _OPENERS]
    out: set[int] = set()
    for j in caps:
        near = [k for k in caps if k != j and abs(k - j) <= 2]
        if near and all(
            en[x].capital or not en[x].is_content for x in range(min(j, *near), max(j, *near) + 1)
        ):
            out.add(j)
    return frozenset(out)

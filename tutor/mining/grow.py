"""Links grown from the ones knowledge found: the diagonal fill, the English between two
neighbours' translations, and stretching the English of a compound the dictionary does not
know.

Both only add links to words left unlinked on both sides, next to a link already there, so
they extend a unit's rendering without taking a word from another unit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tutor.lang.script import has_chinese
from tutor.mining import resources as res
from tutor.mining.glosses import is_function_word, translation_chars
from tutor.mining.links import EXTEND, FILL, Links, subwords
from tutor.mining.pipeline import ALL_KINDS, Rule, Scale, Weight
from tutor.mining.resources import Token

__all__ = ["GAP", "UNPLACED_TAGS", "between", "extend", "fill"]

GAP = 0.6  # the English a word's neighbours leave between them
MAX_GAP = 3  # English content words a gap may hold
MAX_SPAN = 4  # English tokens a gap may hold
EDGE_GAP = 2  # English tokens a gap at the clause's edge may hold, beside a linked word


def fill(zh: Sequence[str], en: Sequence[Token], links: Links) -> Links:
    """Pair unlinked content words lying diagonally next to a link, on both sides at once."""
    out = dict(links)
    changed = True
    while changed:
        changed = False
        zh_linked: dict[int, list[int]] = {}
        en_linked: set[int] = set()
        for i, j in out:
            zh_linked.setdefault(i, []).append(j)
            en_linked.add(j)
        for i, word in enumerate(zh):
            if i in zh_linked or not has_chinese(word) or is_function_word(word):
                continue
            for step in (1, -1):
                nb = i + step
                if nb not in zh_linked:
                    continue
                edge = min(zh_linked[nb]) if step == 1 else max(zh_linked[nb])
                j = edge - step
                if 0 <= j < len(en) and j not in en_linked and en[j].is_content:
                    out[(i, j)] = FILL
                    changed = True
                    break
            if changed:
                break
    return out


def between(zh: Sequence[str], en: Sequence[Token], links: Links) -> Links:
    """Link an unlinked content word to the English its neighbours' translations leave between
    them, when that is one to three content words nobody holds (rule ``bounded_gap``)."""
    out = dict(links)
    by_zh: dict[int, list[int]] = {}
    for i, j in links:
        by_zh.setdefault(i, []).append(j)
    held = {j for _, j in links}
    seen = frozenset(t.lemma for t in en if t.is_content)
    content = [i for i, w in enumerate(zh) if has_chinese(w) and not is_function_word(w)]
    for n, i in enumerate(content):
        span = None if i in by_zh else _window(zh, en, content, n, by_zh)
        if span is None or held.intersection(span):
            continue
        gap = [j for j in span if en[j].is_content]
        around = seen - {en[j].lemma for j in gap}
        if gap and BOUNDED_GAP.fires(zh[i], [en[j] for j in gap], around):
            out.update(dict.fromkeys(((i, j) for j in gap), GAP))
    return out


def _window(
    zh: Sequence[str], en: Sequence[Token], content: list[int], n: int, by_zh: dict[int, list[int]]
) -> range | None:
    """The English between the translations of the content words either side of
    ``content[n]`` (or the clause's edges), or None when a neighbour is unlinked too, the two
    cross, or the gap is too long. A conjunction between the word and a neighbour (及, 和)
    moves the gap's end past the English one ("Disclaimer of Warranties and Limitation" for
    免责声明 / 及 / 责任 / 限制 leaves nothing for 责任, which English put after)."""
    i = content[n]
    left = content[n - 1] if n else None
    right = content[n + 1] if n + 1 < len(content) else None
    lo = _bound(left, by_zh, max, -1)
    hi = _bound(right, by_zh, min, len(en))
    if lo is None or hi is None or lo >= hi or hi - lo - 1 > MAX_SPAN:
        return None
    if len(content) > 1 and (lo < 0 or hi >= len(en)) and hi - lo - 1 > EDGE_GAP:
        return None
    if _joined(zh, -1 if left is None else left, i):
        lo = max([lo, *(j for j in range(lo + 1, hi) if en[j].low in _EN_JOINS)])
    if _joined(zh, i, len(zh) if right is None else right):
        hi = min([hi, *(j for j in range(lo + 1, hi) if en[j].low in _EN_JOINS)])
    return range(lo + 1, hi)


def _joined(zh: Sequence[str], a: int, b: int) -> bool:
    return any(w in _ZH_JOINS for w in zh[a + 1 : b])


def _bound(
    nb: int | None, by_zh: dict[int, list[int]], pick: Callable[[list[int]], int], edge: int
) -> int | None:
    """Where a neighbour's translation ends on the gap's side: the clause's edge when there is
    no neighbour, None when the neighbour is unlinked too."""
    if nb is None:
        return edge
    return pick(by_zh[nb]) if nb in by_zh else None


_ZH_JOINS = frozenset(("和", "及", "与", "以及", "并", "或", "或者", "跟", "同"))
_EN_JOINS = frozenset(("and", "or", "&"))


def _gap(word: str, toks: Sequence[Token], seen: frozenset[str]) -> bool:
    """English between the translations of a word's neighbours (or the clause's edges) that
    nobody holds and that is one to three content words: what the word there translates
    when none of its senses is written anywhere in the clause (放大 "Zoom in", 旅行社 "tour
    operator"). A sense written elsewhere (``seen``: the clause's content lemmas) says the
    word's English lies there, taken by a rival. Numbers, pronouns, times and adverbs are not
    placed so: English often leaves them out (此前 "said", 任何 "indication")."""
    if len(toks) > MAX_GAP or res.pos(word)[:1] in UNPLACED_TAGS:
        return False
    if all(t.low in _TIME_WORDS for t in toks):
        return False  # "a week ago": 前 says it, a word jieba leaves untagged as content
    return res.cedict().sense_lemmas(word).isdisjoint(seen)


# English content words that translate Chinese grammatical words of time (前, 后, 以前)
_TIME_WORDS = frozenset(("ago", "later", "earlier"))


UNPLACED_TAGS = frozenset("mqrtducp")  # jieba's tags of words English often leaves out


BOUNDED_GAP = Rule(
    "bounded_gap",
    "link",
    ALL_KINDS,
    Weight(GAP),
    _gap,
    ("放大 'Zoom in': zoom in", "戒烟 'help you quit': quit"),
)


def extend(zh: Sequence[str], en: Sequence[Token], links: Links) -> Links:
    """Stretch the English of a compound the dictionary does not know over the unlinked content
    word beside it, when a character of the compound that its English so far does not account
    for is in a short translation of that word (``glosses.translation_chars``).

    科技园 finds "Science" through 科技, and "Park" beside it is left over although 园 is
    what it translates (公园 "park"); 国际交往 finds "international" and leaves "exchanges"
    (交流 "exchange"). Without the stretch the renderings stop short ("Zhongguancun Science").
    Names (哈利波 of 哈利波特) and numbers are not stretched: their characters mean nothing.
    """
    out = dict(links)
    by_zh: dict[int, list[int]] = {}
    for i, j in links:
        by_zh.setdefault(i, []).append(j)
    owner = {j: i for i, j in links}
    for i in sorted(by_zh):
        word, js = zh[i], by_zh[i]
        if not _stretchable(word):
            continue
        left = set(word).difference(*(translation_chars(en[j].lemma) for j in js))
        for step in (1, -1):
            edge = max(js) if step == 1 else min(js)
            left = _stretch(i, edge, step, left, en, owner, out)
        if not any(links[(i, j)] >= 1.0 for j in js):  # whole: a name by pinyin, a number
            _hold_partial(i, word, en, owner, out)
    return out


def _stretchable(word: str) -> bool:
    """An unknown compound whose characters mean something: a dictionary word's senses were
    looked for already, and names and numbers are spelled, not translated."""
    if len(word) < 2 or res.entries(word) or not has_chinese(word):
        return False
    return not (is_function_word(word) or res.pos(word).startswith(("nr", "m")))


def _stretch(
    i: int,
    edge: int,
    step: int,
    left: set[str],
    en: Sequence[Token],
    owner: dict[int, int],
    out: Links,
) -> set[str]:
    """Link zh ``i`` to the unlinked content words after ``edge`` (in direction ``step``) as
    long as each accounts for a character of ``left``; returns the characters still left.
    ``owner`` (English index -> Chinese index) and ``out`` gain the new links."""
    while left:
        j = _next_word(en, edge, step)
        if not (0 <= j < len(en)) or j in owner or not en[j].is_content:
            break
        if owner.get(j + step, i) != i:
            break  # the next word's English begins beyond: whose it is, is unclear
        backs = left & translation_chars(en[j].lemma)
        if not backs:
            break
        out[(i, j)] = EXTEND
        owner[j] = i
        left = left - backs
        edge = j
    return left


def _next_word(en: Sequence[Token], edge: int, step: int) -> int:
    """The English index after ``edge``, over a joining word ("urban and rural construction"
    for 城乡建设)."""
    j = edge + step
    if 0 <= j + step < len(en) and en[j].low in _JOINS:
        j += step
    return j


def _hold_partial(
    i: int, word: str, en: Sequence[Token], owner: dict[int, int], out: Links
) -> None:
    """Scale zh ``i``'s links in ``out`` down when its English renders only part of it."""
    mine = [j for j, k in owner.items() if k == i]
    if PARTIAL_RENDERING.fires(word, [en[j] for j in mine]):
        for j in mine:
            out[(i, j)] *= HALF_RENDERED


HALF_RENDERED = 0.6


def _partial(word: str, toks: Sequence[Token]) -> bool:
    """The English renders no more of an unknown compound than the pieces of meaning it
    leaves out: 人际交往 "meet" (交往 "to meet", 人际 "interpersonal" left out), 安全漏洞
    "security". Such a rendering is of part of the word only, so its links stay below the
    threshold. A piece is rendered when a linked English word is one of its senses or
    translates a word sharing a character with it ("British" for 英国 of 英国政府). When no
    piece is seen rendered (伦理学家 "ethicists"), nothing is said."""
    lemmas = {t.lemma for t in toks}
    chars = set().union(*(translation_chars(lem) for lem in lemmas))
    rendered: set[int] = set()
    missed: set[int] = set()
    for piece in subwords(word):
        at = word.find(piece)
        span = range(at, at + len(piece))
        if not chars.isdisjoint(piece) or not lemmas.isdisjoint(res.cedict().sense_lemmas(piece)):
            rendered.update(span)
        elif len(piece) >= 2 and not is_function_word(piece):
            missed.update(span)
    return bool(rendered) and len(missed - rendered) >= len(rendered)


PARTIAL_RENDERING = Rule(
    "partial_rendering",
    "link",
    ALL_KINDS,
    Scale(HALF_RENDERED),
    _partial,
    ("人际交往 'meet': held back", "安全漏洞 'security': held back"),
    holds=True,
)

_JOINS = frozenset(("and", "or", "-"))

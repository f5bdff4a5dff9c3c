"""Links that need no statistics: punctuation, numbers, dates and names spelled in pinyin.

These are exact evidence, true on a single sentence pair, so they are what lets a dozen
sentences align well. Each anchor comes with a strength in [0, 1] that the aligner merges
with its link posteriors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tutor.lang.english import STOPWORDS
from tutor.mining.align.keys import is_punct
from tutor.mining.align.phrases import phrase_spans
from tutor.mining.align.priors import DictionaryLike
from tutor.mining.numbers import zh_value

Link = tuple[int, int]
_Candidate = tuple[float, int, list[int]]  # (position cost, zh index, en span)

__all__ = ["anchors", "crossing", "en_values", "name_keys", "punct_key"]

_PUNCT_MAP = {
    "，": ",", "、": ",", "。": ".", "．": ".", "；": ";", "：": ":", "？": "?", "！": "!",
    "（": "(", "）": ")", "“": '"', "”": '"', "‘": "'", "’": "'", "《": '"', "》": '"',
    "「": '"', "」": '"', "『": '"', "』": '"', "—": "-", "——": "-", "…": "...", "……": "...",
    "-lrb-": "(", "-rrb-": ")", "``": '"', "''": '"', "--": "-", "·": "-",
}  # fmt: skip
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_EN_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_WORDS = {
    w: float(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_EN_WORDS.update(
    {
        w: float(10 * n)
        for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
    }
)
_EN_NUM = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th|%)?$")
_ZH_DATE = re.compile(r"^(.+?)([年月日号])$")
_ZH_PERCENT = re.compile(r"^百分之(.+)$")
_SPELLING_DROPS = re.compile(r"['’-]")


@lru_cache(maxsize=50_000)
def punct_key(token: str) -> str | None:
    """A language-neutral key for a punctuation token ("，" and "," -> ",")."""
    low = token.lower()
    if low in _PUNCT_MAP:
        return _PUNCT_MAP[low]
    return low if is_punct(low) else None


def _zh_number(token: str) -> tuple[float, str] | None:
    """(value, unit) of a Chinese number token: "2315万" -> (23150000, ""), "5月" -> (5, "月")."""
    t = token.rstrip("%％")
    unit = ""
    m = _ZH_DATE.match(t)
    if m:
        t, unit = m.group(1), m.group(2)
    m = _ZH_PERCENT.match(t)
    if m:
        t = m.group(1)
    value = zh_value(t)
    return None if value is None else (value, unit)


def en_values(tokens: Sequence[str]) -> list[tuple[int, int, float]]:
    """(start, end, value) of English numbers, a following scale word included."""
    spans: list[tuple[int, int, float]] = []
    j = 0
    while j < len(tokens):
        low = tokens[j].lower()
        m = _EN_NUM.match(low)
        value = float(m.group(1).replace(",", "")) if m else _EN_WORDS.get(low)
        if value is None:
            j += 1
            continue
        end = j + 1
        while end < len(tokens) and tokens[end].lower() in _EN_SCALE:
            value *= _EN_SCALE[tokens[end].lower()]
            end += 1
        spans.append((j, end, value))
        j = end
    return spans


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


@lru_cache(maxsize=50_000)
def name_keys(token: str) -> frozenset[str]:
    """Lower-case spellings an English text may give a Chinese name (spaces and ' removed)."""
    parts = [p for p in token.split("·") if p]
    if not parts or not all("\u4e00" <= ch <= "\u9fff" for p in parts for ch in p):
        return frozenset()
    from tutor.lang.names import name_forms

    keys = set()
    for part in parts:
        for form in name_forms(part):
            keys.add(re.sub(r"[\s'’-]", "", form.lower()))
    return frozenset(keys)


def crossing(links: Sequence[tuple[int, int]], i: int, j: int) -> float:
    """Share of ``links`` (not touching row i or column j) that cross the split at (i, j).

    Near 0 when zh i and en j divide their sentences at corresponding places, which is when
    two punctuation marks are translations of each other.
    """
    same = cross = 0
    for a, b in links:
        if a != i and b != j:
            if (a < i) == (b < j):
                same += 1
            else:
                cross += 1
    return cross / max(same + cross, 1)


def _position_cost(i: int, n_zh: int, j: int, n_en: int) -> float:
    return abs((i + 0.5) / n_zh - (j + 0.5) / n_en)


def anchors(
    zh: Sequence[str], en: Sequence[str], cedict: DictionaryLike | None = None
) -> dict[Link, float]:
    """Exact-evidence links ``(zh index, en index) -> strength`` for one pair.

    With ``cedict``, also each Chinese word to an English phrase one of its senses spells
    out in full (phrase_spans).
    """
    out = _punct_anchors(zh, en)
    out.update(_one_to_one(_number_candidates(zh, en), 0.95))
    out.update(_one_to_one(_name_candidates(zh, en), 0.9))
    if cedict is not None:
        out.update(_one_to_one(phrase_spans(cedict, zh, en), 0.9))
    return out


def _punct_anchors(zh: Sequence[str], en: Sequence[str]) -> dict[Link, float]:
    """Punctuation marks with the same key: one-to-one, nearest relative position first."""
    n_zh, n_en = len(zh), len(en)
    cands = []
    en_at: dict[str, list[int]] | None = None
    for i, z in enumerate(zh):
        zk = punct_key(z)
        if zk is None:
            continue
        if en_at is None:  # each English mark's positions, found once per pair
            en_at = {}
            for j, e in enumerate(en):
                ek = punct_key(e)
                if ek is not None:
                    en_at.setdefault(ek, []).append(j)
        for j in en_at.get(zk, ()):
            cands.append((_position_cost(i, n_zh, j, n_en), i, j))
    out: dict[Link, float] = {}
    used_i: set[int] = set()
    used_j: set[int] = set()
    for cost, i, j in sorted(cands):
        if i not in used_i and j not in used_j and cost < 0.25:
            out[(i, j)] = 0.9
            used_i.add(i)
            used_j.add(j)
    return out


def _number_candidates(zh: Sequence[str], en: Sequence[str]) -> list[_Candidate]:
    """Numbers and dates: each Chinese number with every equal-valued English one (or month)."""
    n_zh, n_en = len(zh), len(en)
    num: list[_Candidate] = []
    spans = en_values(en)
    for i, z in enumerate(zh):
        got = _zh_number(z)
        if got is None:
            continue
        value, unit = got
        if unit == "月" and 1 <= value <= 12 and value == int(value):
            num += _month_candidates(i, n_zh, _MONTHS[int(value) - 1], en)
        for start, end, v in spans:
            if _close(v, value):
                num.append((_position_cost(i, n_zh, start, n_en), i, list(range(start, end))))
    return num


def _month_candidates(i: int, n_zh: int, month: str, en: Sequence[str]) -> list[_Candidate]:
    """zh token ``i`` (a month number) with each English token naming ``month`` ("May", "Jan.")."""
    return [
        (_position_cost(i, n_zh, j, len(en)), i, [j])
        for j, e in enumerate(en)
        if e.lower().rstrip(".") in (month, month[:3])
    ]


def _name_candidates(zh: Sequence[str], en: Sequence[str]) -> list[_Candidate]:
    """Names written in pinyin: each Chinese name with the English spans (up to three tokens)
    spelling it; a one-character "name" must not be an English function word (和 is also
    "He", 的 "De")."""
    n_zh, n_en = len(zh), len(en)
    names: list[_Candidate] = []
    spans = _spans_by_spelling(en)
    for i, z in enumerate(zh):
        for j, (k, spelling) in _spelled(spans, name_keys(z)):
            if not (len(z) == 1 and spelling in STOPWORDS):
                names.append((_position_cost(i, n_zh, j, n_en), i, list(range(j, k + 1))))
    return names


def _spans_by_spelling(en: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Each English span of up to three tokens, run together lowercased without apostrophes
    and hyphens: spelling -> its spans (first token, last token)."""
    spelt = [_SPELLING_DROPS.sub("", e.lower()) for e in en]
    out: dict[str, list[tuple[int, int]]] = {}
    for j in range(len(spelt)):
        joined = ""
        for k in range(j, min(j + 3, len(spelt))):
            joined += spelt[k]
            out.setdefault(joined, []).append((j, k))
    return out


def _spelled(
    spans: dict[str, list[tuple[int, int]]], keys: frozenset[str]
) -> list[tuple[int, tuple[int, str]]]:
    """For each first token j (in order) the shortest span from j spelling one of ``keys``:
    (j, (its last token, the spelling))."""
    best: dict[int, tuple[int, str]] = {}
    for key in keys:
        for j, k in spans.get(key, ()):
            if j not in best or k < best[j][0]:
                best[j] = (k, key)
    return sorted(best.items())


def _one_to_one(cands: list[_Candidate], strength: float) -> dict[Link, float]:
    """Each Chinese token to its nearest candidate English span, each span used once.

    A name or number written twice in one sentence and once in the other would otherwise
    link to every copy.
    """
    out: dict[Link, float] = {}
    used_i: set[int] = set()
    used_j: set[int] = set()
    for _cost, i, js in sorted(cands):
        if i not in used_i and not used_j.intersection(js):
            out.update({(i, j): strength for j in js})
            used_i.add(i)
            used_j.update(js)
    return out

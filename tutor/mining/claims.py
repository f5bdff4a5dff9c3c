"""One English word, one claim: settling English tokens that two Chinese words link to.

Links are chosen word by word (``links._resolve``), so two words far apart can end up on the
same English token. Then no span holding only one of them is consistent and both are lost.
A word seen twice in a clause (船员 ... 船员, both on "crew members") is one claim: the later
sighting moves to another place its English is found, or lets go. Two different words far
apart keep the stronger claim; the weaker, left with no link, moves to another of its places
nobody holds if that one is found by a sense or a strong piece (超文本 placed on the
"original" 原始 holds moves to "hypertext"). Neighbours sharing a token are left alone: they
are often one compound the segmenter cut (phrase pairs join them), unless one of the two
holds that English word twice (``shared_repeat``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tutor.mining.pipeline import ALL_KINDS, Drop, Rule, disabled

__all__ = ["ONE_CLAIM", "SHARED_REPEAT", "settle", "yield_repeats"]

Links = dict[tuple[int, int], float]
MOVE_STRENGTH = 0.6  # a word that lost its only place moves to a sense or a strong piece


Claim = tuple[float, int, int, bool]  # what ``_claim`` weighs, in order


def _contested(owners: list[int]) -> bool:
    """Owners of one token that are not all neighbours of each other."""
    return max(owners) - min(owners) > 1


def _weaker(hanzi: str, i: int, rival: int, zh: Sequence[str], strength: dict[int, Claim]) -> bool:
    """A word's claim on an English token that another word far from it claims too, when the
    other is an earlier sighting of the same word or holds it by a stronger link, or as strong
    a link within a longer run of English (船员 twice on "crew members"; a character piece
    against a whole-word match; 巴士 "bus" against 末班车 "last bus")."""
    if zh[rival] == hanzi:
        return rival < i
    return strength[rival] > strength[i]


ONE_CLAIM = Rule(
    "one_claim",
    "link",
    ALL_KINDS,
    Drop(),
    _weaker,
    ("船员 ... 船员 'crew members' twice: the first keeps it, the second moves or lets go",),
)


def settle(
    zh: Sequence[str], links: Links, groups: list[list[list[int]]], cand: list[dict[int, float]]
) -> Links:
    """``links`` with each contested English token left to one claim. ``groups`` are each
    word's candidate places (runs of English positions) and ``cand`` its strengths there, for
    a repeated word that lost its place to move to another."""
    owners: dict[int, list[int]] = {}
    places: dict[int, int] = {}
    for i, j in links:
        owners.setdefault(j, []).append(i)
        places[i] = places.get(i, 0) + 1
    losers: set[tuple[int, int]] = set()
    for j, iss in owners.items():
        if len(iss) < 2 or not _contested(iss):
            continue
        strength = {i: _claim(links, i, j, places[i]) for i in iss}
        for i in iss:
            rivals = [r for r in iss if abs(r - i) > 1]
            if any(ONE_CLAIM.fires(zh[i], i, r, zh, strength) for r in rivals):
                losers.add((i, j))
    if not losers:
        return links
    out = {k: v for k, v in links.items() if k not in losers}
    for i in sorted({i for i, _ in losers}):
        if zh.count(zh[i]) > 1:
            _move(i, out, groups[i], cand[i])
        elif not any(k == i for k, _ in out):  # lost all it had: a whole sense elsewhere
            _move(i, out, groups[i], cand[i], MOVE_STRENGTH)
    return out


def _claim(links: Links, i: int, j: int, places: int) -> Claim:
    """How strongly word ``i`` claims English token ``j``: its link; then the run of English
    it holds around ``j`` (a run of up to ``MAX_RUN``, a phrase's words, "last bus", outranks
    a single token; a longer one is no better evidence than one token); then, fewer English
    words held elsewhere (进 holding "went" yields "admit" to 承认, which holds nothing else);
    then a neighbour in the Chinese linked beside ``j`` in the English (法律 / 程序 "legal
    processes" keeps "legal" from 司法, whose neighbour's English is further off)."""
    n = _extent(links, i, j)
    return links[(i, j)], n if n <= MAX_RUN else 1, n - places, _beside(links, i, j)


def _beside(links: Links, i: int, j: int) -> bool:
    """Whether a Chinese neighbour of word ``i`` links to an English neighbour of token ``j``."""
    return any((i + di, j + dj) in links for di in (-1, 1) for dj in (-1, 1))


def _extent(links: Links, i: int, j: int) -> int:
    """How many English tokens in a row word ``i`` links to around token ``j``."""
    lo = hi = j
    while (i, lo - 1) in links:
        lo -= 1
    while (i, hi + 1) in links:
        hi += 1
    return hi - lo + 1


MAX_RUN = 3


def _move(
    i: int, out: Links, places: list[list[int]], strengths: dict[int, float], least: float = 0.0
) -> None:
    """A word that lost a token takes instead its first place nobody holds where every link
    is at least ``least`` strong."""
    held = {j for _, j in out}
    for run in places:
        if not held.intersection(run) and min(strengths[j] for j in run) >= least:
            for k in [k for k in out if k[0] == i]:
                del out[k]
            for j in run:
                out[(i, j)] = strengths[j]
            return


def _holds_twice(hanzi: str, times: int, rival_times: int) -> bool:
    """A word holds the English word it shares with its neighbour a second time, and the
    neighbour holds it only there: the word keeps its other sighting."""
    return times > 1 and rival_times == 1


SHARED_REPEAT = Rule(
    "shared_repeat",
    "link",
    ALL_KINDS,
    Drop(),
    _holds_twice,
    ("就要倒闭 'going to go bankrupt': 就要 keeps 'going' and leaves 'go' to 倒闭",),
)


def yield_repeats(zh: Sequence[str], links: Links, lemmas: Sequence[str]) -> Links:
    """``links`` with the tokens that ``shared_repeat`` takes from a word and leaves to the
    one neighbour that shares them. A weaker second sighting of a word a Chinese word holds
    more strongly is no sighting (倒闭 holds "go bankrupt" by its sense, "going" only by a
    piece of the same "go")."""
    if SHARED_REPEAT.name in disabled():
        return links
    links = _strongest_sightings(links, lemmas)
    owners: dict[int, list[int]] = {}
    for i, j in links:
        owners.setdefault(j, []).append(i)
    if all(len(iss) != 2 for iss in owners.values()):
        return links
    held = Counter((i, lemmas[j]) for i, j in links)
    drop = set()
    for j, iss in owners.items():
        if len(iss) != 2:
            continue
        for i, rival in (iss, iss[::-1]):
            if SHARED_REPEAT.fires(zh[i], held[(i, lemmas[j])], held[(rival, lemmas[j])]):
                drop.add((i, j))
    return {k: v for k, v in links.items() if k not in drop} if drop else links


def _strongest_sightings(links: Links, lemmas: Sequence[str]) -> Links:
    """``links`` without each word's weaker sightings of an English word it holds."""
    best: dict[tuple[int, str], float] = {}
    for (i, j), v in links.items():
        key = (i, lemmas[j])
        if v > best.get(key, 0.0):
            best[key] = v
    if len(best) == len(links):  # no word holds an English word twice
        return links
    return {(i, j): v for (i, j), v in links.items() if v >= best.get((i, lemmas[j]), 0.0)}

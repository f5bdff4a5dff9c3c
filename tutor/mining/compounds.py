"""Compounds the segmenter made of dictionary words, cut back into them.

jieba's dictionary holds many free compounds CC-CEDICT does not list: 香港政府, 科学论文,
互相支持, 谈判代表. As one word such a compound has no senses of its own, so it links to
English only through its pieces, and the dictionary words inside it (香港 "Hong Kong", 论文
"paper", 互相 "each other") are never candidates. The rule ``free_compound`` cuts a word
CC-CEDICT does not list into the fewest dictionary words of two or more characters that make
it up exactly. The clause is mined as the segmenter cut it, compound and all; then the pieces
are linked on their own, to English no other word of the clause holds, and the candidates
inside each compound are added (``inside_compounds``), each piece needing a link of its own of
at least ``PIECE_STRENGTH``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from tutor.lang.script import has_chinese
from tutor.mining import resources as res
from tutor.mining.lexicon import Lexicon
from tutor.mining.links import Links, link
from tutor.mining.phrases import Candidate, candidates
from tutor.mining.pipeline import ALL_KINDS, Rewrite, Rule, trace

__all__ = ["FREE_COMPOUND", "PIECE_STRENGTH", "compounds", "inside_compounds"]

MIN_LEN = 4  # a shorter unknown word is a name, a counted noun or a suffixed term (使用费)
# a piece needs its own evidence (a sense, a name): fills and extensions are the neighbours'
PIECE_STRENGTH = 0.7


def compounds(words: Sequence[str]) -> dict[int, tuple[str, ...]]:
    """The free compounds among ``words`` (rule ``free_compound``): index -> its words."""
    out: dict[int, tuple[str, ...]] = {}
    for i, word in enumerate(words):
        pieces = _cover(word) if len(word) >= MIN_LEN else _word_and_char(word)
        if pieces and FREE_COMPOUND.fires(word):
            out[i] = pieces
            _trace_piece(word, pieces)
    return out


def inside_compounds(
    words: Sequence[str],
    tokens: Sequence[res.Token],
    en_text: str,
    links: Links,
    cut: Mapping[int, tuple[str, ...]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """The candidates inside the free compounds ``cut`` of a clause mined with ``links``:
    the clause read with each compound cut into its words (香港政府 as 香港 / 政府, which
    yields 香港 "Hong Kong"), the pieces linked on their own to English no other word holds.
    A piece left unlinked is no sighting: it says nothing the compound did not."""
    pieces = [p for i in sorted(cut) for p in cut[i]]
    held = {j for i, j in links if i not in cut}
    own = {k: s for k, s in link(pieces, tokens, lexicon).items() if s >= PIECE_STRENGTH}
    own = {(n, j): s for (n, j), s in own.items() if j not in held}
    words_cut: list[str] = []
    links_cut: Links = {}
    within: list[tuple[int, int]] = []
    n = 0  # the next piece
    for i, word in enumerate(words):
        start = len(words_cut)
        if i not in cut:
            links_cut.update({(start, j): s for (k, j), s in links.items() if k == i})
            words_cut.append(word)
            continue
        for piece in cut[i]:
            at = len(words_cut)
            links_cut.update({(at, j): s for (k, j), s in own.items() if k == n})
            words_cut.append(piece)
            n += 1
        within.append((start, len(words_cut) - 1))
    whole = {words[i] for i in cut}  # the compound itself was a candidate of the clause
    got = candidates(words_cut, tokens, en_text, links_cut, lexicon, within)
    return [c for c in got if c.english is not None and c.hanzi not in whole]


def _trace_piece(word: str, pieces: tuple[str, ...]) -> None:
    """Tell ``tutor mine --explain`` for a piece that it was read inside ``word``."""
    log = trace()
    if log is not None and log.hanzi in pieces and log.hanzi != word:
        cut = " / ".join(pieces)
        log.note(f"segment rule {FREE_COMPOUND.name} on {word}: fires: read as {cut}")


@cache
def _cover(word: str) -> tuple[str, ...] | None:
    """The fewest dictionary words of two or more characters that make up ``word``."""
    if not word:
        return ()
    best: tuple[str, ...] | None = None
    for end in range(len(word), 1, -1):
        if not res.entries(word[:end]):
            continue
        rest = _cover(word[end:])
        if rest is not None and (best is None or len(rest) + 1 < len(best)):
            best = (word[:end], *rest)
    return best


def _word_and_char(word: str) -> tuple[str, ...] | None:
    """A three-character word cut into a dictionary word and a character (电话响 = 电话 + 响),
    unless the word is a name's start and one more character (希尔 + 薇 is a name). Of two cuts
    the one with the commoner word wins (这时候 = 这 + 时候, not 这时 + 候)."""
    if len(word) != 3 or not has_chinese(word):
        return None
    cuts = [
        cut
        for cut in ((word[:2], word[2]), (word[0], word[1:]))
        if all(res.entries(p) for p in cut) and not res.cedict().is_proper(max(cut, key=len))
    ]
    return max(cuts, key=lambda cut: res.frequency(max(cut, key=len)), default=None)


def _free(word: str) -> bool:
    """A word of four or more characters CC-CEDICT does not list that is made up exactly of
    dictionary words of two or more characters (香港政府 = 香港 + 政府): given the cover, the
    rule's check is that the word itself is not listed."""
    return not res.entries(word)


FREE_COMPOUND = Rule(
    "free_compound",
    "segment",
    ALL_KINDS,
    Rewrite("cut into its dictionary words"),
    _free,
    ("香港政府 'the Hong Kong government': 香港 / 政府", "科学论文: 科学 / 论文"),
)

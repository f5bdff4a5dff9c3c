"""Where a dictionary gloss is written among a clause's English tokens, and how well.

A gloss is found word by word: each of its lemmas matched to a content token (equal, same
stem, or inside an English compound), the words in order with few tokens between them. Most
of a long gloss counts too ("Belt and Road" of "Belt and Road Initiative"), and so do its inner
words side by side and a two-word gloss written in reverse ("emissions reduction" for "to
reduce emissions"). ``links`` turns the hits into link strengths.
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.mining.glosses import Gloss
from tutor.mining.resources import Token

__all__ = ["PARTIAL", "gloss_hits", "match"]

PARTIAL = 0.5  # the strength of part of a gloss found, scaled by how well it matched
CLOSED = 0.9  # a compound written closed on one side and open on the other


def match(gloss_lemma: str, tok: Token) -> float:
    """How well one English token renders one gloss lemma: 1 equal, 0.7 same stem, else 0."""
    if tok.lemma == gloss_lemma or tok.low == gloss_lemma:
        return 1.0
    a, b = tok.lemma, gloss_lemma
    short = min(len(a), len(b))
    if short >= 5:
        p = 0
        while p < short and a[p] == b[p]:
            p += 1
        if p >= 5 and p >= short - 2:
            return 0.7
    # an English compound containing the gloss word ("backstreets" for "street")
    if len(b) >= 4 and len(a) >= len(b) + 3 and (a.endswith(b) or a.startswith(b)):
        return 0.6
    return 0.0


def gloss_hits(
    gloss: Gloss, tokens: Sequence[Token], apart: bool = False
) -> list[tuple[list[int], float]]:
    """Where ``gloss`` occurs among ``tokens``: positions of its words and a strength; with
    ``apart``, also where the text writes its compound the other way (open or closed)."""
    hits = []
    n = len(gloss.lemmas)
    g0 = gloss.lemmas[0]
    head0 = g0[:4]  # every way match can score needs this in the lemma, or the word as written
    for start, tok in enumerate(tokens):
        if not tok.is_content or (tok.low != g0 and head0 not in tok.lemma):
            continue
        first = match(g0, tok)
        if not first:
            continue
        pos, score, k = _walk(gloss, tokens, start, first)
        hits.append((pos, _strength(k, n, score)))
    if n >= 3 and not any(len(pos) == n for pos, _ in hits):
        hits.extend(_inner_hits(gloss, tokens))
    if n == 2:
        hits.extend(_reversed_hits(gloss, tokens))
    if apart:
        hits.extend(_spelled_apart(gloss, tokens))
    return hits


def _spelled_apart(gloss: Gloss, tokens: Sequence[Token]) -> list[tuple[list[int], float]]:
    """A compound the gloss writes closed and the text open or hyphenated, or the other way
    round: "fullscreen" for "full screen" or "full-screen", "web page" for "webpage"."""
    closed = "".join(gloss.lemmas)
    hits = []
    for a, x in enumerate(tokens):
        if not x.is_content:
            continue
        if len(gloss.lemmas) == 2 and closed in (x.low, x.lemma):
            hits.append(([a], CLOSED))
            continue
        b = a + 2 if a + 2 < len(tokens) and tokens[a + 1].text == "-" else a + 1
        if len(gloss.lemmas) == 1 and b < len(tokens) and tokens[b].is_content:
            y = tokens[b]
            if closed in (x.low + y.low, x.low + y.lemma):
                hits.append(([a, b], CLOSED))
    return hits


def _walk(
    gloss: Gloss, tokens: Sequence[Token], start: int, first: float
) -> tuple[list[int], float, int]:
    """The gloss's words matched in order from token ``start`` (which matched its first word
    with score ``first``), with at most two function words between two of them: (positions,
    summed score, how many gloss words were matched)."""
    n = len(gloss.lemmas)
    pos, score, j, k = [start], first, start + 1, 1
    while k < n and j < len(tokens) and j <= pos[-1] + 3:
        s = match(gloss.lemmas[k], tokens[j]) if tokens[j].is_content else 0.0
        if s:
            pos.append(j)
            score += s
            k += 1
        elif tokens[j].is_content:
            break
        j += 1
    return pos, score, k


def _strength(k: int, n: int, score: float) -> float:
    """The strength of the first ``k`` of a gloss's ``n`` words found (1 <= k <= n), their
    scores summing to ``score``."""
    if k == n:
        return score / n
    if k >= 2:  # most of a longer gloss ("Belt and Road" of "Belt and Road Initiative")
        return 0.9 * (score / n) ** 0.5
    return PARTIAL * score / n  # the first word only, of a gloss of two or more


def _reversed_hits(gloss: Gloss, tokens: Sequence[Token]) -> list[tuple[list[int], float]]:
    """A two-word gloss written as an English compound in reverse ("emissions reduction" for
    "to reduce emissions")."""
    g0, g1 = gloss.lemmas[0], gloss.lemmas[1]
    head1 = g1[:4]
    hits = []
    for a in range(len(tokens) - 1):
        x, y = tokens[a], tokens[a + 1]
        if x.is_content and y.is_content and (x.low == g1 or head1 in x.lemma):
            s = match(g1, x)
            if s:
                s = min(s, match(g0, y))
            if s:
                hits.append(([a, a + 1], 0.9 * s))
    return hits


def _inner_hits(gloss: Gloss, tokens: Sequence[Token]) -> list[tuple[list[int], float]]:
    """Two or more inner words of a long gloss written side by side.

    "deputy to the people's congress" (人民代表) when the English names only the "People's
    Congress": the run says which tokens the word touches, scored as most of a longer gloss.
    """
    hits = []
    n = len(gloss.lemmas)
    for k0 in range(1, n - 1):
        for start, tok in enumerate(tokens):
            if not tok.is_content or match(gloss.lemmas[k0], tok) < 1.0:
                continue
            pos, k, j = [start], k0 + 1, start + 1
            while k < n and j < len(tokens) and j <= pos[-1] + 2:
                if tokens[j].is_content:
                    if match(gloss.lemmas[k], tokens[j]) < 1.0:
                        break
                    pos.append(j)
                    k += 1
                j += 1
            if len(pos) >= 2:
                hits.append((pos, 0.9 * (len(pos) / n) ** 0.5))
    return hits

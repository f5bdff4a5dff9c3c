"""Symmetrisation of two directional alignments.

A directional aligner lets each word of one side pick at most one partner, so each direction
misses the many-to-one links of the other. The intersection is precise, the union recalls most;
grow-diag-final-and (Koehn et al., 2005) starts from the intersection and adds union links next
to links already kept, which is the usual compromise for phrase extraction.
"""

from __future__ import annotations

from collections.abc import Set

import numpy as np

__all__ = ["Link", "grow_diag_final_and", "grow_posteriors", "intersection", "union"]

Link = tuple[int, int]

_NEIGHBOURS = ((-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1))


def intersection(fwd: Set[Link], rev: Set[Link]) -> set[Link]:
    """Links both directions agree on."""
    return set(fwd) & set(rev)


def union(fwd: Set[Link], rev: Set[Link]) -> set[Link]:
    """Links either direction proposes."""
    return set(fwd) | set(rev)


def grow_diag_final_and(fwd: Set[Link], rev: Set[Link]) -> set[Link]:
    """Koehn's grow-diag-final-and, deterministic (links visited in sorted order)."""
    links = set(fwd) & set(rev)
    candidates = set(fwd) | set(rev)
    aligned_i = {i for i, _ in links}
    aligned_j = {j for _, j in links}
    added = True
    while added:
        added = False
        for i, j in sorted(links):
            for di, dj in _NEIGHBOURS:
                cand = (i + di, j + dj)
                if cand in candidates and cand not in links:
                    if cand[0] not in aligned_i or cand[1] not in aligned_j:
                        links.add(cand)
                        aligned_i.add(cand[0])
                        aligned_j.add(cand[1])
                        added = True
    for direction in (fwd, rev):
        for i, j in sorted(direction):
            if (i, j) not in links and i not in aligned_i and j not in aligned_j:
                links.add((i, j))
                aligned_i.add(i)
                aligned_j.add(j)
    return links


_SIDEWAYS = ((-1, 0), (1, 0), (0, -1), (0, 1))


def grow_posteriors(
    merged: np.ndarray, fwd: np.ndarray, rev: np.ndarray, threshold: float, grow: float
) -> set[Link]:
    """Links from posterior matrices: agreed links, grown into either direction's links.

    ``merged`` (both directions' mean) >= ``threshold`` are the links both directions
    believe in. A directional aligner is the only one that can see one word translated by
    several (新华社 = "Xinhua News Agency" is three links only the zh->en direction can
    make), so a link one direction gives at least ``grow`` is added when it continues a kept
    link in the same row or column. Diagonal neighbours are not followed: they add
    reorderings the agreed links did not ask for. Deterministic: cells visited in order.
    """
    links = {(int(i), int(j)) for i, j in np.argwhere(merged >= threshold)}
    cands = {(int(i), int(j)) for i, j in np.argwhere(np.maximum(fwd, rev) >= grow)} - links
    added = True
    while added and cands:
        added = False
        for i, j in sorted(cands):
            if any((i + di, j + dj) in links for di, dj in _SIDEWAYS):
                links.add((i, j))
                cands.discard((i, j))
                added = True
    return links

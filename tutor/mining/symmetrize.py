"""Symmetrisation of two directional alignments.

A directional aligner lets each word of one side pick at most one partner, so each direction
misses the many-to-one links of the other. The intersection is precise, the union recalls most;
grow-diag-final-and (Koehn et al., 2005) starts from the intersection and adds union links next
to links already kept, which is the usual compromise for phrase extraction.
"""

from __future__ import annotations

from collections.abc import Set

__all__ = ["Link", "grow_diag_final_and", "intersection", "union"]

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

"""Parallel mining gives exactly the serial result, and streams its input.

Chunks are made small here so a few hundred clause pairs of the bundled seed span several
chunks and both worker processes get work.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tutor.corpus import align_clauses, read_pairs
from tutor.mining.mine import MineResult, mine
from tutor.mining.parallel import ordered_map
from tutor.model import SegmentPair

# the package re-exports the function `mine`, which hides the module of the same name
mine_module = importlib.import_module("tutor.mining.mine")


def diagonal(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
) -> list[frozenset[tuple[int, int]]]:
    """A stand-in statistical aligner (module level, so it can be sent to workers)."""
    return [
        frozenset((i, min(len(en) - 1, i * len(en) // max(len(zh), 1))) for i in range(len(zh)))
        for zh, en in pairs
    ]


@pytest.fixture(scope="module")
def clause_pairs() -> list[SegmentPair]:
    """The seed's clause pairs, eight times in rotated orders (~200 pairs): every unit is
    seen in several chunks, so chunk tallies really are merged."""
    seed = Path(__file__).resolve().parents[2] / "decks" / "beijing-2024-report.txt"
    base = [(zh, en) for p in read_pairs(seed) for zh, en in align_clauses(p.zh, p.en)]
    out: list[SegmentPair] = []
    for turn in range(8):
        k = turn * 5 % len(base)
        for zh, en in base[k:] + base[:k]:
            out.append(SegmentPair(zh, en, "seed.txt", len(out) + 1, len(out)))
    return out


def _snapshot(result: MineResult) -> tuple[object, ...]:
    return (result.pairs, result.skipped_known, result.entries, result.low)


@pytest.mark.parametrize("aligner", [None, diagonal])
def test_parallel_equals_serial(
    clause_pairs: list[SegmentPair], monkeypatch: pytest.MonkeyPatch, aligner: object
) -> None:
    assert len(clause_pairs) >= 150
    monkeypatch.setattr(mine_module, "CHUNK", 16)
    monkeypatch.setattr(mine_module, "BUILD_BATCH", 7)  # the workers build entries in batches
    seen: list[tuple[int, int | None]] = []
    serial = mine(clause_pairs, aligner=aligner, workers=1)  # type: ignore[arg-type]
    parallel = mine(
        iter(clause_pairs),
        aligner=aligner,  # type: ignore[arg-type]
        workers=2,
        total=len(clause_pairs),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert serial.entries  # something was mined, so the comparison means something
    assert _snapshot(parallel) == _snapshot(serial)
    assert [e.position for e in parallel.entries] == sorted(e.position for e in parallel.entries)
    n = len(clause_pairs)
    assert seen == [(min(k, n), n) for k in range(16, n + 16, 16)]


def test_known_and_thresholds_apply_after_merge(
    clause_pairs: list[SegmentPair], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mine_module, "CHUNK", 30)
    full = mine(clause_pairs, aligner=None, workers=2)
    known = {full.entries[0].hanzi, full.entries[-1].hanzi}
    less = mine(clause_pairs, aligner=None, workers=2, known=known)
    assert less.skipped_known == 2
    assert [e.hanzi for e in less.entries] == [e.hanzi for e in full.entries[1:-1]]


def _square(x: int) -> int:
    return x * x


def test_ordered_map_keeps_order_and_reads_ahead_only_a_window() -> None:
    pulled: list[int] = []

    def source() -> Iterator[int]:
        for i in range(40):
            pulled.append(i)
            yield i

    results = ordered_map(_square, source(), workers=2, window=3)
    first = next(results)
    assert first == 0
    assert len(pulled) <= 4  # the window, plus the item that completed it
    assert [first, *results] == [i * i for i in range(40)]


def test_unpicklable_aligner_mines_in_process(
    clause_pairs: list[SegmentPair], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mine_module, "CHUNK", 50)

    def local(pairs):  # type: ignore[no-untyped-def]
        return diagonal(pairs)

    assert _snapshot(mine(clause_pairs, aligner=local, workers=2)) == _snapshot(
        mine(clause_pairs, aligner=diagonal, workers=1)
    )

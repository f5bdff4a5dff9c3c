"""Why an entry was kept, held back or dropped: a mining run traced for one unit, rule by rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tutor.mining.mine import DEFAULT_MIN_CONFIDENCE, mine
from tutor.mining.pipeline import tracing
from tutor.model import Entry, SegmentPair

__all__ = ["explain"]


def explain(
    pairs: Iterable[SegmentPair],
    hanzi: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    lexicon: Mapping[str, Sequence[str]] | None = None,
    **how: Any,
) -> list[str]:
    """Lines telling what every rule said about ``hanzi`` (and the words inside it) while
    ``pairs`` were mined, each once with how often it was said, then the outcome. ``how``
    passes ``aligner``, ``disable``, ``known`` and ``rejected`` on to ``mine``."""
    with tracing(hanzi) as log:
        result = mine(pairs, min_confidence=min_confidence, lexicon=lexicon, workers=1, **how)
    said = Counter(log.lines)
    lines = [f"{hanzi}:"]
    lines += [line if n == 1 else f"{line} (x{n})" for line, n in said.items()]
    return lines + [_outcome(hanzi, result.entries, result.low, min_confidence, bool(said))]


def _outcome(hanzi: str, kept: list[Entry], low: list[Entry], threshold: float, seen: bool) -> str:
    for entries, verdict in ((kept, "kept"), (low, "held back for review")):
        for e in entries:
            if e.hanzi == hanzi:
                return (
                    f"  => {verdict}: {e.kind} '{e.english}', confidence {e.confidence:.2f}"
                    f" (threshold {threshold:.2f})"
                )
    if not seen:
        return "  => no entry: no span of the text was this unit (segmentation or no Chinese)"
    return "  => no entry: dropped (see the rules above) or never linked to English"

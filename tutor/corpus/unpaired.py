"""A line of a source that the reader could not pair, reported instead of silently dropped.

Readers never guess a partner for a line with no counterpart (a footnote, a notes heading, a
cue with no overlapping subtitle): they hand it to the caller's ``report`` callback so the CLI
can tell the learner what was left out and where.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Report", "Unpaired", "emit"]


@dataclass(frozen=True, slots=True)
class Unpaired:
    """One line (or cue, or translation unit) left out, with the 1-based line it starts on."""

    path: str
    line: int
    text: str
    reason: str


Report = Callable[[Unpaired], None]


def emit(report: Report | None, path: object, line: int, text: str, reason: str) -> None:
    """Send an ``Unpaired`` to ``report`` when the caller asked for them."""
    if report is not None:
        report(Unpaired(str(path), line, text, reason))

"""Counts in messages, with the noun in agreement: "1 known word", "2 known words"."""

from __future__ import annotations

__all__ = ["count"]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun`` (or ``plural``, default ``noun + "s"``) as the number needs."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"

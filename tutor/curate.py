"""Choosing which mined entries reach a deck: the learner's verdicts, level, count and order.

Mining proposes; the learner disposes. This module is the pure step between ``mine()`` and the
store: it applies the learner's earlier verdicts (a rejected pair never comes back, an accepted
one enters the deck at full confidence even when this run scored it low), then the filters of
``tutor mine`` (``--max-level``, ``--limit``) and the new-card order (``--order``).

Levels follow HSK 3.0 (1-6, and 7 for the 7-9 band). An entry with no level (a name, a term,
a measure, a word off the lists) counts as beyond HSK 9: ``--max-level`` drops it unless
``keep_unlevelled`` is set, since a learner capping the level asks for the common core.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import get_args

from tutor.model import Entry
from tutor.srs.settings import NewOrder

__all__ = [
    "BEYOND_HSK",
    "ORDERS",
    "Curated",
    "Selection",
    "apply_judgements",
    "in_order",
    "level_of",
    "select",
]

ORDERS: tuple[str, ...] = get_args(NewOrder)
#: Where unlevelled entries sort and filter: beyond the 7-9 band.
BEYOND_HSK = 10


@dataclass(frozen=True, slots=True)
class Selection:
    """The learner's filters for one mining run (all off by default)."""

    max_level: int | None = None
    keep_unlevelled: bool = False
    keep_unplaced: bool = False  # words the translation does not show wait for review
    limit: int | None = None
    order: NewOrder | None = None

    def __post_init__(self) -> None:
        if self.max_level is not None and not 1 <= self.max_level <= 9:
            raise ValueError("max_level must be between 1 and 9")
        if self.limit is not None and self.limit < 0:
            raise ValueError("limit must not be negative")
        if self.order is not None and self.order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}")


@dataclass
class Curated:
    """Entries for the deck and for review after the learner's verdicts and filters."""

    entries: list[Entry]
    low: list[Entry]
    rejected: int = 0
    accepted: int = 0
    filtered: int = 0


def _key(english: str) -> str:
    return " ".join(english.split()).casefold()


def apply_judgements(
    entries: Iterable[Entry],
    low: Iterable[Entry],
    lexicon: Mapping[str, Sequence[str]],
    rejected: Iterable[tuple[str, str]],
) -> Curated:
    """Drop rejected pairs; accepted pairs go into the deck at confidence 1, even when this run
    scored them low.

    Pairs compare by hanzi and English folded for case and spaces.
    """
    no = {(h, _key(e)) for h, e in rejected}
    yes = {(h, _key(e)) for h, ens in lexicon.items() for e in ens}
    out = Curated(entries=[], low=[])
    for entry in entries:
        pair = (entry.hanzi, _key(entry.english))
        if pair in no:
            out.rejected += 1
        elif pair in yes and entry.confidence != 1.0:
            out.entries.append(replace(entry, confidence=1.0))
        else:
            out.entries.append(entry)
    for entry in low:
        pair = (entry.hanzi, _key(entry.english))
        if pair in no:
            out.rejected += 1
        elif pair in yes:
            out.accepted += 1
            out.entries.append(replace(entry, confidence=1.0))
        else:
            out.low.append(entry)
    out.entries.sort(key=lambda e: e.position)
    return out


def level_of(entry: Entry) -> int:
    """The entry's HSK level for filtering and ordering (``BEYOND_HSK`` when it has none)."""
    return entry.hsk_level if entry.hsk_level is not None else BEYOND_HSK


def _within(entry: Entry, selection: Selection) -> bool:
    if selection.max_level is None:
        return True
    if entry.hsk_level is None:
        return selection.keep_unlevelled
    return entry.hsk_level <= selection.max_level


def select(curated: Curated, selection: Selection) -> Curated:
    """Apply ``--max-level`` to both lists and ``--limit`` (most frequent first) to the deck's
    entries, then put the deck's entries in the chosen order."""
    entries = [e for e in curated.entries if _within(e, selection)]
    low = [e for e in curated.low if _within(e, selection)]
    if selection.limit is not None and len(entries) > selection.limit:
        common = sorted(entries, key=lambda e: (-e.frequency, e.position))[: selection.limit]
        entries = sorted(common, key=lambda e: e.position)
    filtered = len(curated.entries) - len(entries) + len(curated.low) - len(low)
    return Curated(
        entries=in_order(entries, selection.order or "source"),
        low=low,
        rejected=curated.rejected,
        accepted=curated.accepted,
        filtered=curated.filtered + filtered,
    )


def in_order(entries: Iterable[Entry], order: str) -> list[Entry]:
    """Entries in a deck's new-card order: ``source`` (as they appear), ``frequency`` (common to
    rare) or ``level`` (HSK 1 first, unlevelled last), each falling back to source order."""
    if order == "frequency":
        return sorted(entries, key=lambda e: (-e.frequency, e.position))
    if order == "level":
        return sorted(entries, key=lambda e: (level_of(e), e.position))
    return sorted(entries, key=lambda e: e.position)

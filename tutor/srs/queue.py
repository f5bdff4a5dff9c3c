"""Which card comes next: the daily queue, as policy without SQL.

The store answers narrow questions ("first learning card due by T", "how many new cards were
introduced since the day began") with indexed queries; ``Queue`` decides the order, as Anki
does: learning and relearning cards that are due, then reviews due (up to the daily review
limit), then new cards (up to the daily new limit), then learning cards due within the
learn-ahead window so a session does not stop while a 1-minute step is pending.
Suspended, known and buried cards, and siblings of a note reviewed today, never reach the
queue: the source excludes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from tutor.srs.day import day_start
from tutor.srs.settings import DeckSettings, NewOrder
from tutor.srs.state import utc

__all__ = ["NOTHING", "Avoid", "Queue", "QueueCounts", "QueueSource"]


@dataclass(frozen=True, slots=True)
class Avoid:
    """What to pass over while anything else is there to show: the card just shown (an
    Again card does not come straight back) and new cards whose hanzi holds the one just
    shown or is held by it (政府 after 政府工作报告 would give it away)."""

    card_id: int | None = None
    hanzi: str = ""


NOTHING = Avoid()


class QueueSource(Protocol):
    """What the queue needs to know about one deck; implemented by the store."""

    def first_learning(self, due_by: datetime, avoid: Avoid = NOTHING) -> int | None:
        """Id of the learning/relearning card due earliest, if due at or before ``due_by``."""

    def first_review(self, now: datetime, day_start: datetime) -> int | None:
        """Id of the review card due earliest at or before ``now``, siblings buried."""

    def first_new(self, order: NewOrder, day_start: datetime, avoid: Avoid = NOTHING) -> int | None:
        """Id of the next new card in ``order``, siblings buried."""

    def introduced_since(self, moment: datetime) -> int:
        """New cards first reviewed (not undone) since ``moment``."""

    def reviews_since(self, moment: datetime) -> int:
        """Reviews of review-state cards (not undone) since ``moment``."""


@dataclass(frozen=True, slots=True)
class QueueCounts:
    """How much of today's limits is left."""

    new_left: int
    reviews_left: int


class Queue:
    """The daily queue policy for one deck's settings."""

    def __init__(self, settings: DeckSettings | None = None) -> None:
        self.settings = settings or DeckSettings()

    def counts(self, source: QueueSource, now: datetime) -> QueueCounts:
        start = day_start(utc(now), self.settings)
        return QueueCounts(
            new_left=max(0, self.settings.new_per_day - source.introduced_since(start)),
            reviews_left=max(0, self.settings.reviews_per_day - source.reviews_since(start)),
        )

    def next_card(self, source: QueueSource, now: datetime, avoid: Avoid = NOTHING) -> int | None:
        """Id of the card to show at ``now``, or ``None`` when the deck is done for now.
        What ``avoid`` names comes only when nothing else is there to show."""
        if avoid != NOTHING:
            card = self._next(source, now, avoid)
            if card is not None:
                return card
        return self._next(source, now, NOTHING)

    def _next(self, source: QueueSource, now: datetime, avoid: Avoid) -> int | None:
        now = utc(now)
        start = day_start(now, self.settings)
        card = source.first_learning(now, avoid)
        if card is not None:
            return card
        left = self.counts(source, now)
        if left.reviews_left > 0:
            card = source.first_review(now, start)
            if card is not None and card != avoid.card_id:
                return card
        if left.new_left > 0:
            card = source.first_new(self.settings.new_order, start, avoid)
            if card is not None:
                return card
        ahead = now + timedelta(minutes=self.settings.learn_ahead_minutes)
        return source.first_learning(ahead, avoid)

"""What comes next once nothing is left to study: the next review due, and when new cards
held back by the daily limit unlock (the next study day), with how many.

These are two different events: a scheduled card falls due at its own time, while new cards
wait for the study day to roll over (``rollover_hour``), when the new-card limit resets. The
home screen and the study screen's "all done" message both ask this one function, so they never
disagree about which comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tutor.srs.day import next_day_start
from tutor.store import decks
from tutor.store.stats import next_due

if TYPE_CHECKING:
    from tutor.store.store import Store

__all__ = ["Upcoming", "upcoming"]


@dataclass(frozen=True, slots=True)
class Upcoming:
    review: datetime | None  # the earliest scheduled (not new) active card; None: none
    new_at: datetime | None = None  # when held-back new cards unlock; None: none wait
    new_count: int = 0  # how many new cards unlock then (at most each deck's daily limit)

    @property
    def first(self) -> datetime | None:
        """The earlier of the two (None when nothing is scheduled)."""
        return min((t for t in (self.review, self.new_at) if t is not None), default=None)


def upcoming(store: Store, now: datetime, deck_id: int | None = None) -> Upcoming:
    """The next review and the next new-card unlock of one deck, or of every deck."""
    ids = [deck_id] if deck_id is not None else _deck_ids(store)
    reviews = [due for d in ids if (due := next_due(store.db, d)) is not None]
    unlocks = [u for d in ids if (u := _unlock(store, d, now))[1]]
    new_at = min((at for at, _ in unlocks), default=None)
    return Upcoming(min(reviews, default=None), new_at, sum(n for at, n in unlocks if at == new_at))


def _deck_ids(store: Store) -> list[int]:
    return [int(r[0]) for r in store.db.conn.execute("SELECT id FROM decks")]


def _unlock(store: Store, deck_id: int, now: datetime) -> tuple[datetime, int]:
    """When the deck's new cards unlock and how many (0: none are waiting for the limit)."""
    settings = store.settings(deck_id)
    at = next_day_start(now, settings)
    if not settings.new_per_day or not decks.has_new(store.db, deck_id):
        return at, 0
    if store.deck_summary(deck_id, now).new:
        return at, 0  # new cards are there to study now: none is held back
    row = store.db.conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM notes WHERE deck_id = ? AND fresh > 0 LIMIT ?)",
        [deck_id, settings.new_per_day],
    ).fetchone()
    return at, int(row[0])

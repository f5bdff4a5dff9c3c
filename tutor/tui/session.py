"""One study session over one deck: the logic behind the study screen, free of widgets.

The screen only asks this object what to show and tells it what the learner pressed. Every
grade goes to the store (card state and review row in one transaction) before the next card is
fetched, so quitting at any moment loses nothing. Undo is limited to grades made in this session:
``u`` should never silently reach back into yesterday's reviews.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tutor.quiz import Prompt
from tutor.store import CardView, Store
from tutor.tui.prompts import PromptMaker

if TYPE_CHECKING:
    from tutor.store.upcoming import Upcoming

__all__ = ["SessionCounts", "StudySession"]

MAX_DURATION_MS = 60_000  # a card left on screen over lunch is not a 40-minute review


@dataclass(frozen=True, slots=True)
class SessionCounts:
    """What the progress line shows."""

    reviewed: int
    new: int
    learning: int
    due: int
    total: int = 0  # cards in the deck

    @property
    def remaining(self) -> int:
        return self.new + self.learning + self.due


class StudySession:
    """Walks a deck's queue: ``current`` card, ``grade``, ``undo``, counts and previews."""

    def __init__(
        self,
        store: Store,
        deck: str,
        clock: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.deck = deck
        self.deck_id: int = store.deck_id(deck)
        self.clock = clock
        self.prompts = PromptMaker(store, self.deck_id)
        self.current: CardView | None = None
        self.prompt: Prompt | None = None
        self.reviewed = 0
        self._undo: list[int] = []  # this session's review ids, latest last
        self._shown_at = time.monotonic()
        # the hanzi of the card the last grade turned into a leech (tagged and suspended)
        self.new_leech: str | None = None

    def advance(self) -> CardView | None:
        """Fetch the next card due now (None when the deck is done for now): not the card
        just shown, nor a new phrase or part of it, while anything else is there."""
        return self._show(self.store.next_card(self.deck_id, self.clock(), after=self.current))

    def _show(self, card: CardView | None) -> CardView | None:
        self.current = card
        self.prompt = None if card is None else self.prompts.prompt(card)
        self._shown_at = time.monotonic()
        return card

    def intervals(self) -> dict[int, timedelta]:
        """The interval each rating (1-4) would give the current card."""
        if self.current is None:
            return {}
        preview = self.store.preview(self.current.card_id, self.clock())
        return {int(rating): delta for rating, delta in preview.items()}

    def grade(self, rating: int, *, quiz: str | None = None) -> CardView | None:
        """Record ``rating`` for the current card, then fetch and return the next card."""
        if self.current is None:
            raise RuntimeError("no card to grade")
        duration = min(int((time.monotonic() - self._shown_at) * 1000), MAX_DURATION_MS)
        kind = quiz or (self.prompt.kind if self.prompt else "self")
        result = self.store.record_review(
            self.current.card_id, rating, self.clock(), duration, quiz=kind
        )
        self.new_leech = result.card.hanzi if result.leech else None
        self.reviewed += 1
        self._undo.append(result.review_id)
        return self.advance()

    def reload(self) -> CardView | None:
        """Re-read the current card after it was changed elsewhere (the card screen): the
        next card if it was suspended, buried or marked known, else the same card, its new
        English included, with the same quiz."""
        if self.current is None:
            return None
        card = self.store.card(self.current.card_id)
        now = self.clock()
        if card.suspended or card.known or (card.buried_until and card.buried_until > now):
            return self.advance()
        self.current = card
        return card

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> CardView | None:
        """Undo this session's last grade (never another window's); the card graded comes
        back on screen. A grade whose card was graded again since elsewhere stays, and so do
        the ones before it in this session."""
        if not self._undo:
            return None
        restored = self.store.undo_review(self._undo.pop())
        if restored is None:
            self._undo.clear()
            return self.current
        self.reviewed -= 1
        return self._show(restored)

    def counts(self) -> SessionCounts:
        summary = self.store.deck_summary(self.deck_id, self.clock())
        return SessionCounts(
            self.reviewed, summary.new, summary.learning, summary.due, summary.total
        )

    def upcoming(self) -> Upcoming:
        """The next review of this deck and when held-back new cards unlock (the "all done"
        message; the home screen asks the same function for every deck)."""
        from tutor.store.upcoming import upcoming

        return upcoming(self.store, self.clock(), self.deck_id)

"""Reviews made elsewhere (in Anki) merged into each card's history.

A review already here (the same card within a second: tutor's own reviews come back from
Anki with the time tutor exported) is not added twice. After the new ones go in, the card's
history is replayed with FSRS from its first review, oldest first, so the card's state and
every later review's before/after states are what the merged history gives; the first
review's starting state, and each row's extra undo facts (suspension, tags, leech), stay.
Everything happens in one transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tutor.srs import Rating, Scheduler
from tutor.srs.state import CardState
from tutor.store.cards import card_state, write_state
from tutor.store.db import iso
from tutor.store.sql import Database

__all__ = ["MergeResult", "OutsideReview", "merge_reviews"]

SAME_REVIEW = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class OutsideReview:
    card_id: int
    reviewed_at: datetime
    rating: int
    duration_ms: int


@dataclass(frozen=True, slots=True)
class MergeResult:
    added: int  # reviews new to progress.db
    already: int  # reviews it had (the same card within a second)
    cards: int  # cards whose history grew


_HISTORY = """
SELECT id, reviewed_at, rating, state_before, state_after FROM reviews
WHERE card_id = ? AND undone = 0 ORDER BY reviewed_at, id
"""
_INSERT = """
INSERT INTO reviews (card_id, deck_id, rating, reviewed_at, duration_ms, kind, state_before,
    state_after, quiz)
SELECT id, deck_id, ?, ?, ?, 'new', '{}', '{}', ? FROM cards WHERE id = ?
"""


def merge_reviews(
    db: Database,
    reviews: Iterable[OutsideReview],
    scheduler_of: Callable[[int], Scheduler],
    quiz: str = "anki",
) -> MergeResult:
    """Add ``reviews`` not already here and replay each card they touch (``scheduler_of``
    gives a card's deck scheduler)."""
    by_card: dict[int, list[OutsideReview]] = defaultdict(list)
    for review in reviews:
        by_card[review.card_id].append(review)
    added = already = cards = 0
    with db.atomic():
        for card_id, incoming in by_card.items():
            history = db.execute(_HISTORY, [card_id]).fetchall()
            have = [datetime.fromisoformat(r[1]) for r in history]
            new = [r for r in incoming if all(abs(r.reviewed_at - t) >= SAME_REVIEW for t in have)]
            already += len(incoming) - len(new)
            if not new:
                continue
            # the state before the first review: the recorded one, or the card as it is now
            first = json.loads(history[0][3]) if history else None
            start = CardState.from_json(card_id, first) if first else card_state(db, card_id)
            for r in new:
                db.conn.execute(
                    _INSERT, [r.rating, iso(r.reviewed_at), max(0, r.duration_ms), quiz, card_id]
                )
            _replay(db, card_id, scheduler_of(card_id), start)
            added += len(new)
            cards += 1
    return MergeResult(added=added, already=already, cards=cards)


def _replay(db: Database, card_id: int, scheduler: Scheduler, start: CardState) -> None:
    """Recompute the card's reviews in time order from ``start``, its state before the first."""
    state = start
    rows = db.execute(_HISTORY, [card_id]).fetchall()  # read whole: the loop updates them
    for review_id, at, rating, before_text, after_text in rows:
        before_extra = json.loads(before_text)
        after = scheduler.grade(state, Rating(rating), datetime.fromisoformat(at))
        after_extra = json.loads(after_text)
        db.conn.execute(
            "UPDATE reviews SET kind = ?, state_before = ?, state_after = ? WHERE id = ?",
            [
                state.phase,
                json.dumps({**before_extra, **state.to_json()}),
                json.dumps({"leech": False, **after_extra, **after.to_json()}),
                review_id,
            ],
        )
        state = after
    write_state(db, state)

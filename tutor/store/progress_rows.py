"""A deck's study progress as plain records, for exporting it to Anki: each card's state and
flags, and the reviews that stand (undone ones are left out), oldest first."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from tutor.srs.state import CardState
from tutor.store.db import parse_time
from tutor.store.sql import Database

__all__ = ["CardProgress", "ReviewRecord", "card_progress"]


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    reviewed_at: datetime
    rating: int
    duration_ms: int
    before: CardState
    after: CardState


@dataclass(frozen=True, slots=True)
class CardProgress:
    hanzi: str
    template: str  # "recognition" or "recall"
    state: CardState
    suspended: bool
    buried_until: datetime | None
    flag: int
    known: bool
    reviews: tuple[ReviewRecord, ...]


_CARDS = """
SELECT c.id, n.hanzi, c.template, c.state, c.step, c.stability, c.difficulty, c.due,
       c.last_review, c.reps, c.lapses, c.suspended, c.buried_until, c.flag, c.known
FROM cards c JOIN notes n ON n.id = c.note_id
WHERE c.deck_id = ? ORDER BY n.position, n.id, c.template
"""
_REVIEWS = """
SELECT card_id, reviewed_at, rating, duration_ms, state_before, state_after FROM reviews
WHERE deck_id = ? AND undone = 0 ORDER BY reviewed_at, id
"""


_BATCH = 4096  # reviews whose states are parsed as one JSON document


def _reviews(db: Database, deck_id: int) -> dict[int, list[ReviewRecord]]:
    """The standing reviews by card, oldest first. The states before and after are parsed
    a batch of reviews at a time, as one JSON document: 400k ``json.loads`` calls were a
    third of a 200k-review export's time."""
    reviews: dict[int, list[ReviewRecord]] = defaultdict(list)
    cursor = db.execute(_REVIEWS, [deck_id])
    while batch := cursor.fetchmany(_BATCH):
        states = iter(json.loads("[" + ",".join(f"{row[4]},{row[5]}" for row in batch) + "]"))
        for (card_id, at, rating, ms, _, _), before, after in zip(
            batch, states, states, strict=False
        ):
            reviews[card_id].append(
                ReviewRecord(
                    datetime.fromisoformat(at),
                    int(rating),
                    int(ms),
                    CardState.from_json(card_id, before),
                    CardState.from_json(card_id, after),
                )
            )
    return reviews


def card_progress(db: Database, deck_id: int) -> list[CardProgress]:
    """Every card of the deck with its state and its standing reviews."""
    reviews = _reviews(db, deck_id)
    out = []
    for row in db.execute(_CARDS, [deck_id]):
        card_id, hanzi, template = row[0], row[1], row[2]
        state = CardState(
            card_id, row[3], row[4], row[5], row[6], parse_time(row[7]), parse_time(row[8]),
            int(row[9]), int(row[10]),
        )  # fmt: skip
        out.append(
            CardProgress(
                hanzi,
                template,
                state,
                bool(row[11]),
                parse_time(row[12]),
                int(row[13]),
                bool(row[14]),
                tuple(reviews.get(card_id, ())),
            )  # fmt: skip
        )
    return out

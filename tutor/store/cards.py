"""Cards: loading a card with its note, writing FSRS state, and the queue's indexed questions.

``DeckQueueSource`` implements ``tutor.srs.QueueSource`` for one deck. Each method is a single
query that walks ``cards_queue`` (or the notes' order index for new cards) and stops
at the first eligible row, so picking the next card costs the same in a deck of 100,000.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from tutor.errors import TutorError
from tutor.model import Example
from tutor.srs.queue import NOTHING, Avoid
from tutor.srs.settings import NewOrder
from tutor.srs.state import CardState
from tutor.store.db import iso, parse_time
from tutor.store.records import CardView
from tutor.store.sql import Database

__all__ = [
    "ACTIVE",
    "NO_SIBLING_TODAY",
    "VIEW_COLUMNS",
    "active",
    "DeckQueueSource",
    "card_state",
    "card_view",
    "view_from_row",
    "write_state",
]

VIEW_COLUMNS = """
c.id, c.note_id, c.deck_id, c.template, n.hanzi, n.traditional, n.pinyin, n.english,
n.senses, n.kind, n.examples, n.hsk_level, n.frequency, n.tags,
c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses,
c.suspended, c.buried_until, c.flag, c.known
"""
_VIEW_SQL = f"SELECT {VIEW_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id = ?"


def card_view(db: Database, card_id: int) -> CardView:
    row = db.conn.execute(_VIEW_SQL, [card_id]).fetchone()
    if row is None:
        raise TutorError(f"no card with id {card_id}")
    return view_from_row(row)


def view_from_row(row: Sequence[Any]) -> CardView:
    """A ``CardView`` from a row of ``VIEW_COLUMNS`` (cards ``c`` joined with notes ``n``)."""
    (cid, note_id, deck_id, template, hanzi, trad, pinyin, english, senses, kind, examples,
     level, frequency, tags, state, step, stability, difficulty, due, last_review, reps, lapses,
     suspended, buried_until, flag, known) = row  # fmt: skip
    return CardView(
        card_id=cid,
        note_id=note_id,
        deck_id=deck_id,
        template=template,
        hanzi=hanzi,
        traditional=trad,
        pinyin=pinyin,
        english=english,
        senses=tuple(json.loads(senses)),
        kind=kind,
        examples=tuple(Example(*pair) for pair in json.loads(examples)),
        hsk_level=level,
        frequency=frequency,
        tags=tuple(json.loads(tags)),
        srs=CardState(
            card_id=cid,
            phase=state,
            step=step,
            stability=stability,
            difficulty=difficulty,
            due=parse_time(due),
            last_review=parse_time(last_review),
            reps=reps,
            lapses=lapses,
        ),
        suspended=bool(suspended),
        buried_until=parse_time(buried_until),
        flag=flag,
        known=bool(known),
    )


def card_state(db: Database, card_id: int) -> CardState:
    return card_view(db, card_id).srs


def write_state(db: Database, state: CardState) -> None:
    """Store ``state`` on its card (the caller holds the transaction)."""
    if state.due is None:
        raise ValueError("a scheduled card needs a due time")
    db.conn.execute(
        "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
        "last_review = ?, reps = ?, lapses = ? WHERE id = ?",
        [
            state.phase,
            state.step,
            state.stability,
            state.difficulty,
            iso(state.due),
            iso(state.last_review) if state.last_review else None,
            state.reps,
            state.lapses,
            state.card_id,
        ],
    )


def active(alias: str) -> str:
    """The card ``alias`` is neither suspended, known nor buried at ``:now``."""
    a = alias
    return (
        f"{a}.suspended = 0 AND {a}.known = 0 "
        f"AND ({a}.buried_until IS NULL OR {a}.buried_until <= :now)"
    )


ACTIVE = active("c")
NO_SIBLING_TODAY = (
    "NOT EXISTS (SELECT 1 FROM cards s WHERE s.note_id = c.note_id AND s.id != c.id "
    "AND s.last_review >= :day_start)"
)
# a new card the queue may show (``+``: found through its note, never a walk of the state)
_NEW = f"+c.state = 'new' AND {ACTIVE} AND {NO_SIBLING_TODAY}"
_NEW_ORDER = {  # each the key of its partial index on notes (migration m007), id last
    "source": "n.position, n.id",
    "frequency": "n.frequency DESC, n.position, n.id",
    "level": "coalesce(n.hsk_level, 99), n.position, n.id",
}


class DeckQueueSource:
    """Answers the queue's questions for one deck (see ``tutor.srs.queue.QueueSource``)."""

    def __init__(self, db: Database, deck_id: int, now: datetime) -> None:
        self.db = db
        self.deck_id = deck_id
        self.now = iso(now)

    def _first(self, sql: str, params: dict[str, object]) -> int | None:
        row = self.db.conn.execute(
            sql, {"deck": self.deck_id, "now": self.now, **params}
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def first_learning(self, due_by: datetime, avoid: Avoid = NOTHING) -> int | None:
        return self._first(
            "SELECT c.id FROM cards c WHERE c.deck_id = :deck "
            "AND c.state IN ('learning', 'relearning') AND c.due <= :due_by "
            f"AND {ACTIVE} AND c.id != :skip ORDER BY c.due, c.id LIMIT 1",
            {"due_by": iso(due_by), "skip": avoid.card_id or 0},
        )

    def first_review(self, now: datetime, day_start: datetime) -> int | None:
        return self._first(
            "SELECT c.id FROM cards c WHERE c.deck_id = :deck AND c.state = 'review' "
            f"AND c.due <= :due_by AND {ACTIVE} AND {NO_SIBLING_TODAY} "
            "ORDER BY c.due, c.id LIMIT 1",
            {"due_by": iso(now), "day_start": iso(day_start)},
        )

    def first_new(self, order: NewOrder, day_start: datetime, avoid: Avoid = NOTHING) -> int | None:
        # The note first, from the order's own index of notes with new cards (``fresh``): the
        # walk starts at the next new card however many the deck has started; then its card.
        overlap = (  # the hanzi just shown inside this one, or this one inside it
            "AND instr(n.hanzi, :shown) = 0 AND instr(:shown, n.hanzi) = 0 " if avoid.hanzi else ""
        )
        params: dict[str, object] = {"day_start": iso(day_start), "shown": avoid.hanzi}
        note = self._first(
            "SELECT n.id FROM notes n WHERE n.deck_id = :deck AND n.fresh > 0 "
            f"{overlap}AND EXISTS (SELECT 1 FROM cards c WHERE c.note_id = n.id AND {_NEW}) "
            f"ORDER BY {_NEW_ORDER[order]} LIMIT 1",
            params,
        )
        if note is None:
            return None
        return self._first(
            f"SELECT min(c.id) FROM cards c WHERE c.note_id = :note AND {_NEW}",
            {**params, "note": note},
        )

    def introduced_since(self, moment: datetime) -> int:
        return self._count("new", moment)

    def reviews_since(self, moment: datetime) -> int:
        return self._count("review", moment)

    def _count(self, kind: str, moment: datetime) -> int:
        row = self.db.conn.execute(
            "SELECT count(*) FROM reviews WHERE deck_id = ? AND reviewed_at >= ? "
            "AND kind = ? AND undone = 0",
            [self.deck_id, iso(moment), kind],
        ).fetchone()
        return int(row[0])

"""Reviews: grading a card and undoing grades, each in one transaction.

The card's new state and its review row are written together in one ``db.atomic()`` block, so
a crash leaves either both or neither. Undo never deletes history: it marks the review
``undone`` and puts back the state recorded in ``state_before``. Undone reviews are ignored by
daily counts and by the optimizer.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from tutor.errors import TutorError
from tutor.srs.scheduler import Scheduler
from tutor.srs.state import CardState, Rating, utc
from tutor.store.cards import card_view, write_state
from tutor.store.db import iso
from tutor.store.records import CardView, ReviewResult
from tutor.store.sql import Database

__all__ = ["LEECH_TAG", "record_review", "undo_last", "undo_review"]

LEECH_TAG = "leech"


def _set_tag(db: Database, note_id: int, tag: str, present: bool) -> None:
    row = db.conn.execute("SELECT tags FROM notes WHERE id = ?", [note_id]).fetchone()
    tags = [t for t in json.loads(row[0]) if t != tag]
    if present:
        tags.append(tag)
    db.conn.execute("UPDATE notes SET tags = ? WHERE id = ?", [json.dumps(tags), note_id])


def _insert_review(db: Database, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.conn.execute(
        f"INSERT INTO reviews ({columns}) VALUES ({marks})", list(row.values())
    )
    return int(cursor.lastrowid or 0)


def record_review(
    db: Database,
    scheduler: Scheduler,
    card_id: int,
    rating: Rating | int,
    reviewed_at: datetime,
    duration_ms: int,
    quiz: str = "self",
) -> ReviewResult:
    """Grade the card, store its new state and the review row atomically."""
    try:
        rating = Rating(rating)
    except ValueError as err:
        raise TutorError(f"rating must be 1-4, not {rating!r}") from err
    reviewed_at = utc(reviewed_at)
    with db.atomic():
        view = card_view(db, card_id)
        before = view.srs
        after = scheduler.grade(before, rating, reviewed_at)
        leech = scheduler.is_leech(before, after)
        write_state(db, after)
        if leech:
            db.conn.execute("UPDATE cards SET suspended = 1 WHERE id = ?", [card_id])
            _set_tag(db, view.note_id, LEECH_TAG, True)
        review_id = _insert_review(
            db,
            {
                "card_id": card_id,
                "deck_id": view.deck_id,
                "rating": int(rating),
                "reviewed_at": iso(reviewed_at),
                "duration_ms": max(0, int(duration_ms)),
                "kind": before.phase,
                "state_before": json.dumps(
                    {**before.to_json(), "suspended": view.suspended, "tags": list(view.tags)}
                ),
                "state_after": json.dumps({**after.to_json(), "leech": leech}),
                "quiz": quiz,
            },
        )
    assert after.due is not None
    return ReviewResult(
        review_id=review_id,
        card=card_view(db, card_id),
        interval=after.due - reviewed_at,
        leech=leech,
    )


def undo_last(db: Database, deck_id: int, since: datetime | None = None) -> CardView | None:
    """Undo the latest review of the deck not yet undone (at or after ``since`` if given).

    Returns the card as restored, to show again, or ``None`` when there is nothing to undo.
    Calling it again undoes the review before that one.
    """
    row = db.conn.execute(
        "SELECT id FROM reviews WHERE deck_id = ? AND undone = 0 "
        "AND reviewed_at >= ? ORDER BY reviewed_at DESC, id DESC LIMIT 1",
        [deck_id, iso(since) if since else ""],
    ).fetchone()
    return None if row is None else undo_review(db, row[0])


def undo_review(db: Database, review_id: int) -> CardView | None:
    """Undo the review ``review_id``: its card goes back to the state before it.

    ``None`` when it was undone already, or when its card has a later review that stands (a
    grade made since in another window): undoing this one would throw that one away. The
    review's own changes are reverted, nothing else: a card suspended by hand after the
    grade stays suspended; a leech's tag and suspension, which the review made, go.
    """
    with db.atomic():
        row = db.conn.execute(
            "SELECT card_id, state_before, state_after, undone FROM reviews WHERE id = ?",
            [review_id],
        ).fetchone()
        if row is None or row[3]:
            return None
        card_id, before_json, after_json = row[0], row[1], row[2]
        later = db.conn.execute(
            "SELECT 1 FROM reviews WHERE card_id = ? AND undone = 0 AND id > ? LIMIT 1",
            [card_id, review_id],
        ).fetchone()
        if later is not None:
            return None
        before = json.loads(before_json)
        write_state(db, CardState.from_json(card_id, before))
        if json.loads(after_json).get("leech"):
            _restore_leech(db, card_id, before)
        db.conn.execute("UPDATE reviews SET undone = 1 WHERE id = ?", [review_id])
    return card_view(db, card_id)


def _restore_leech(db: Database, card_id: int, before: dict[str, object]) -> None:
    """Take back what a review that made a leech did: the suspension and the tags."""
    db.conn.execute(
        "UPDATE cards SET suspended = ? WHERE id = ?", [int(bool(before["suspended"])), card_id]
    )
    note_id = db.conn.execute("SELECT note_id FROM cards WHERE id = ?", [card_id]).fetchone()[0]
    db.conn.execute("UPDATE notes SET tags = ? WHERE id = ?", [json.dumps(before["tags"]), note_id])

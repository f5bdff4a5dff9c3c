"""What a learner does to a card besides grading it: suspend, bury, mark known, flag, edit.

These change queue flags or note text only, never FSRS state or review history, so they need
no undo record; each is its own small transaction.
"""

from __future__ import annotations

from datetime import datetime

from tutor.errors import TutorError
from tutor.store.db import iso
from tutor.store.sql import Database

__all__ = ["FLAGS", "bury", "edit_english", "mark_known", "set_flag", "suspend"]

FLAGS = {0: "none", 1: "red", 2: "orange", 3: "green", 4: "blue"}


def _update_card(db: Database, card_id: int, sql: str, params: list[object]) -> None:
    with db.atomic():
        cursor = db.conn.execute(f"UPDATE cards SET {sql} WHERE id = ?", [*params, card_id])
        if cursor.rowcount == 0:
            raise TutorError(f"no card with id {card_id}")


def suspend(db: Database, card_id: int, suspended: bool = True) -> None:
    _update_card(db, card_id, "suspended = ?", [int(suspended)])


def bury(db: Database, card_id: int, until: datetime | None) -> None:
    """Hide the card until ``until`` (the next study day); ``None`` unburies it."""
    _update_card(db, card_id, "buried_until = ?", [iso(until) if until else None])


def set_flag(db: Database, card_id: int, flag: int) -> None:
    if flag not in FLAGS:
        raise TutorError(f"flag must be one of {sorted(FLAGS)}, not {flag}")
    _update_card(db, card_id, "flag = ?", [flag])


def mark_known(db: Database, note_id: int, known: bool = True) -> None:
    """Mark both cards of a note as known: they leave the queue, and mining elsewhere skips it."""
    with db.atomic():
        cursor = db.conn.execute(
            "UPDATE cards SET known = ? WHERE note_id = ?", [int(known), note_id]
        )
        if cursor.rowcount == 0:
            raise TutorError(f"no note with id {note_id}")


def edit_english(db: Database, note_id: int, english: str, now: datetime) -> None:
    """Replace a note's English; re-mining keeps the learner's text from then on."""
    english = " ".join(english.split())
    if not english:
        raise TutorError("the English of a card cannot be empty")
    with db.atomic():
        cursor = db.conn.execute(
            "UPDATE notes SET english = ?, english_edited = 1, updated = ? WHERE id = ?",
            [english, iso(now), note_id],
        )
        if cursor.rowcount == 0:
            raise TutorError(f"no note with id {note_id}")

"""Words the learner knows: a list of their own (by HSK level, from Pleco or Anki), and what
their study shows (notes with a card in review, cards marked known).

Mining skips every one of them; ``tutor coverage`` counts a text's words against them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tutor.store.db import iso
from tutor.store.sql import Database

__all__ = ["add_known", "known_list", "learner_knows", "listed_known", "remove_known"]


def add_known(db: Database, words: Iterable[str], origin: str, now: datetime) -> int:
    """Add ``words`` to the list (one transaction); returns how many were new to it."""
    fresh = sorted({w.strip() for w in words if w.strip()})
    with db.atomic():
        before = db.conn.total_changes
        db.conn.executemany(
            "INSERT OR IGNORE INTO known_words (hanzi, origin, added) VALUES (?, ?, ?)",
            [(w, origin, iso(now)) for w in fresh],
        )
        return db.conn.total_changes - before


def remove_known(db: Database, words: Iterable[str]) -> int:
    with db.atomic():
        before = db.conn.total_changes
        db.conn.executemany("DELETE FROM known_words WHERE hanzi = ?", [(w,) for w in words])
        return db.conn.total_changes - before


def known_list(db: Database) -> list[tuple[str, str, str]]:
    """(hanzi, origin, added) of every listed word, by hanzi."""
    rows = db.conn.execute("SELECT hanzi, origin, added FROM known_words ORDER BY hanzi")
    return [(str(h), str(o), str(a)) for h, o, a in rows]


def listed_known(db: Database) -> set[str]:
    return {row[0] for row in db.conn.execute("SELECT hanzi FROM known_words")}


def learner_knows(db: Database) -> set[str]:
    """The list, and every note with a card in review or marked known, in any deck."""
    studied = db.conn.execute(
        "SELECT DISTINCT n.hanzi FROM notes n JOIN cards c ON c.note_id = n.id "
        "WHERE c.state = 'review' OR c.known = 1"
    )
    return listed_known(db) | {row[0] for row in studied}

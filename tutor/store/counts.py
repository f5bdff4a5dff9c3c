"""Each deck's counters: cards by state, suspended, known, started, mature, reviews and time.

``deck_counts`` (one row per deck) and ``notes.fresh`` (a note's new, active cards) are kept
by triggers on ``cards`` and ``reviews`` (migration m007), in the same transaction as the write
that changes them, whatever code path writes: the home screen, the study screen's progress
line and the statistics read a row instead of walking a deck of 500,000 cards. ``problems``
recounts them from the rows themselves, for ``tutor check``.
"""

from __future__ import annotations

from tutor.store.sql import Database

__all__ = ["COLUMNS", "counts", "problems"]

MATURE_DAYS = 21  # Anki's line between a young and a mature card
_ON = "suspended = 0 AND known = 0"
_MATURE = f"state = 'review' AND julianday(due) - julianday(last_review) >= {MATURE_DAYS}"
#: every counter, with how ``problems`` recounts it over a deck's cards or reviews
_RECOUNT = {
    "cards": ("cards", "count(*)"),
    "active": ("cards", f"count(CASE WHEN {_ON} THEN 1 END)"),
    "started": ("cards", f"count(CASE WHEN {_ON} AND state != 'new' THEN 1 END)"),
    "mature": ("cards", f"count(CASE WHEN {_ON} AND {_MATURE} THEN 1 END)"),
    "in_new": ("cards", "count(CASE WHEN state = 'new' THEN 1 END)"),
    "in_learning": ("cards", "count(CASE WHEN state = 'learning' THEN 1 END)"),
    "in_review": ("cards", "count(CASE WHEN state = 'review' THEN 1 END)"),
    "in_relearning": ("cards", "count(CASE WHEN state = 'relearning' THEN 1 END)"),
    "suspended": ("cards", "count(CASE WHEN suspended = 1 THEN 1 END)"),
    "known": ("cards", "count(CASE WHEN known = 1 THEN 1 END)"),
    "notes": ("notes", "count(*)"),
    "reviews": ("reviews", "count(CASE WHEN undone = 0 THEN 1 END)"),
    "review_ms": ("reviews", "coalesce(sum(CASE WHEN undone = 0 THEN duration_ms END), 0)"),
}
COLUMNS = tuple(_RECOUNT)


def counts(db: Database, deck_id: int | None = None) -> dict[str, int]:
    """The counters of deck ``deck_id``, or their sums over every deck for ``None``."""
    where = "WHERE deck_id = ?" if deck_id is not None else ""
    row = db.conn.execute(
        f"SELECT {', '.join(f'coalesce(sum({c}), 0)' for c in COLUMNS)} FROM deck_counts {where}",
        [deck_id] if deck_id is not None else [],
    ).fetchone()
    return dict(zip(COLUMNS, (int(x) for x in row), strict=True))


def problems(db: Database) -> list[str]:
    """Every counter that disagrees with a recount of the rows (walks every card and review)."""
    out = []
    for (deck_id,) in db.conn.execute("SELECT id FROM decks ORDER BY id").fetchall():
        kept = counts(db, deck_id)
        for column, (table, expression) in _RECOUNT.items():
            (actual,) = db.conn.execute(
                f"SELECT {expression} FROM {table} WHERE deck_id = ?", [deck_id]
            ).fetchone()
            if kept[column] != int(actual):
                out.append(f"deck {deck_id}: {column} counted {kept[column]}, there are {actual}")
    stale = db.conn.execute(
        "SELECT n.id, n.fresh, (SELECT count(*) FROM cards c WHERE c.note_id = n.id "
        f"AND c.state = 'new' AND c.{_ON.replace(' AND ', ' AND c.')}) AS actual "
        "FROM notes n WHERE n.fresh != actual"
    ).fetchall()
    out += [f"note {note}: {fresh} new cards counted, there are {n}" for note, fresh, n in stale]
    return out

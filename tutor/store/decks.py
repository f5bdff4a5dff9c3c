"""Decks: creation, lookup by name, and the per-deck counts shown on the home screen."""

from __future__ import annotations

from datetime import datetime, timedelta

from tutor.errors import DeckNotFound
from tutor.srs.day import day_start
from tutor.srs.settings import DeckSettings
from tutor.store.cards import ACTIVE, NO_SIBLING_TODAY, active
from tutor.store.db import iso
from tutor.store.records import DeckSummary
from tutor.store.sql import Database

__all__ = ["card_count", "deck_id", "deck_names", "deck_summaries", "ensure_deck", "has_new"]


def ensure_deck(db: Database, name: str, source: str, now: datetime) -> int:
    """Id of the deck called ``name``, creating it (with ``source``) when missing."""
    row = db.conn.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
    if row is not None:
        if source:
            with db.atomic():
                db.conn.execute("UPDATE decks SET source = ? WHERE id = ?", [source, row[0]])
        return int(row[0])
    with db.atomic():
        cursor = db.conn.execute(
            "INSERT INTO decks (name, source, created) VALUES (?, ?, ?)", [name, source, iso(now)]
        )
    return int(cursor.lastrowid or 0)


def deck_names(db: Database) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT name FROM decks ORDER BY name")]


def deck_id(db: Database, name: str) -> int:
    row = db.conn.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
    if row is None:
        names = deck_names(db)
        known = ", ".join(names) if names else "none yet; run `tutor mine SOURCE`"
        raise DeckNotFound(f"no deck named {name!r} (decks: {known})")
    return int(row[0])


# What the study queue will show today (``cards.DeckQueueSource``): one card per note a day, so
# a note counts once, not at all when a sibling was studied today, and a new card not when
# its note has a review due, which comes first.
# (``+c.note_id``: counting distinct notes must not send the planner down the note index,
# a walk of every card, instead of the deck-state-due range the daily limit cuts short)
_DUE_SHOWN = (
    "SELECT count(*) FROM (SELECT DISTINCT +c.note_id FROM cards c WHERE c.deck_id = :deck "
    f"AND c.state = 'review' AND c.due <= :now AND {ACTIVE} AND {NO_SIBLING_TODAY} LIMIT :left)"
)
_REVIEW_SIBLING_DUE = (
    "EXISTS (SELECT 1 FROM cards r WHERE r.note_id = c.note_id AND r.id != c.id "
    f"AND r.state = 'review' AND r.due <= :now AND {active('r')})"
)
_NEW_SHOWN = (
    "SELECT count(*) FROM (SELECT DISTINCT +c.note_id FROM cards c WHERE c.deck_id = :deck "
    f"AND c.state = 'new' AND {ACTIVE} AND {NO_SIBLING_TODAY} AND NOT {_REVIEW_SIBLING_DUE} "
    "LIMIT :left)"
)


def _count(db: Database, sql: str, params: list[object] | dict[str, object]) -> int:
    return int(db.conn.execute(sql, params).fetchone()[0])


def card_count(db: Database, deck_id: int, limit: int | None = None) -> int:
    """Cards in the deck (kept by triggers in ``deck_counts``), at most ``limit`` when given."""
    row = db.conn.execute("SELECT cards FROM deck_counts WHERE deck_id = ?", [deck_id]).fetchone()
    count = 0 if row is None else int(row[0])
    return count if limit is None else min(count, limit)


def has_new(db: Database, deck_id: int) -> bool:
    """Whether a note of the deck has a new active card (``fresh``, kept by triggers)."""
    return bool(
        _count(db, "SELECT EXISTS (SELECT 1 FROM notes WHERE deck_id = ? AND fresh > 0)", [deck_id])
    )


def deck_summaries(
    db: Database, now: datetime, settings_for: dict[int, DeckSettings]
) -> list[DeckSummary]:
    """Counts for the decks in ``settings_for``; each count is one range scan of
    ``cards_queue``."""
    out: list[DeckSummary] = []
    stamp = iso(now)
    for did, name, source in db.conn.execute("SELECT id, name, source FROM decks ORDER BY name"):
        if did not in settings_for:
            continue
        settings = settings_for[did]
        start = iso(day_start(now, settings))
        active = "AND suspended = 0 AND known = 0 AND (buried_until IS NULL OR buried_until <= ?)"
        introduced = _count(
            db,
            "SELECT count(*) FROM reviews WHERE deck_id = ? AND reviewed_at >= ? "
            "AND kind = 'new' AND undone = 0",
            [did, start],
        )
        reviewed = _count(
            db,
            "SELECT count(*) FROM reviews WHERE deck_id = ? AND reviewed_at >= ? "
            "AND kind = 'review' AND undone = 0",
            [did, start],
        )
        # Capped counts stop scanning at the daily limit: a deck of 100,000 new cards costs
        # no more than one of 20.
        new_left = max(0, settings.new_per_day - introduced)
        shown = {"deck": did, "now": stamp, "day_start": start}
        new = _count(db, _NEW_SHOWN, {**shown, "left": new_left})
        # Learning cards due within the learn-ahead window count as left: the study screen
        # shows them once nothing else is due, so "0 left" must not sit above one of them.
        ahead = iso(now + timedelta(minutes=settings.learn_ahead_minutes))
        learning = _count(
            db,
            "SELECT count(*) FROM cards WHERE deck_id = ? AND state IN ('learning', 'relearning') "
            f"AND due <= ? {active}",
            [did, ahead, stamp],
        )
        due_left = max(0, settings.reviews_per_day - reviewed)
        due = _count(db, _DUE_SHOWN, {**shown, "left": due_left})
        total = card_count(db, did)
        out.append(
            DeckSummary(
                id=did,
                name=name,
                source=source,
                new=new,
                learning=learning,
                due=due,
                total=total,
            )
        )
    return out

"""Schema step m007: a study queue and counts that stay fast as decks grow.

Covering indexes for the queue and the statistics; each note's count of new active cards
(``notes.fresh``) with partial indexes per new-card order; and ``deck_counts``, a row of
counters per deck kept exact by triggers on cards, notes and reviews (read by
tutor.store.counts). Frozen as it shipped: plain SQL text, no application code.
"""

from __future__ import annotations

from typing import Any

__all__ = ["m007_queue_indexes"]

_STATES = ("new", "learning", "review", "relearning")
_ACTIVE_NEW = "{t}.state = 'new' AND {t}.suspended = 0 AND {t}.known = 0"
_ON = "{t}.suspended = 0 AND {t}.known = 0"  # studied: neither suspended nor known
_MATURE = "{t}.state = 'review' AND julianday({t}.due) - julianday({t}.last_review) >= 21"
_CARD_COUNTS = {  # deck_counts columns kept from cards, as expressions over one card row {t}
    "cards": "1",
    "active": _ON,
    "started": f"{_ON} AND {{t}}.state != 'new'",
    "mature": f"coalesce({_ON} AND {_MATURE}, 0)",  # julianday(NULL) is NULL: never add NULL
    **{f"in_{state}": f"{{t}}.state = '{state}'" for state in _STATES},
    "suspended": "{t}.suspended = 1",
    "known": "{t}.known = 1",
}
_NOTE_COUNTS = {"notes": "1"}  # from notes
_REVIEW_COUNTS = {  # and from reviews: the all-time totals of the statistics
    "reviews": "{t}.undone = 0",
    "review_ms": "CASE WHEN {t}.undone = 0 THEN coalesce({t}.duration_ms, 0) ELSE 0 END",
}


def _tally(counts: dict[str, str], table: str) -> str:
    """Fill each deck's ``counts`` columns from ``table`` (for databases made before m007)."""
    columns = ", ".join(counts)
    sums = ", ".join(f"coalesce(sum({e.format(t='x')}), 0)" for e in counts.values())
    return (
        f"UPDATE deck_counts SET ({columns}) = (SELECT {sums} FROM {table} x "
        "WHERE x.deck_id = deck_counts.deck_id)"
    )


def _add(counts: dict[str, str], sign: str, row: str) -> str:
    """The trigger statement adding (``+``) or taking away (``-``) ``row``'s counts."""
    changes = ", ".join(f"{c} = {c} {sign} ({e.format(t=row)})" for c, e in counts.items())
    return f"UPDATE deck_counts SET {changes} WHERE deck_id = {row}.deck_id"


def _triggers(table: str, counts: dict[str, str], columns: str) -> list[str]:
    """Triggers keeping ``counts`` exact whatever inserts, deletes or updates ``table``."""
    return [
        f"CREATE TRIGGER {table}_counts_insert AFTER INSERT ON {table} "
        f"BEGIN {_add(counts, '+', 'new')}; END",
        f"CREATE TRIGGER {table}_counts_delete AFTER DELETE ON {table} "
        f"BEGIN {_add(counts, '-', 'old')}; END",
        f"CREATE TRIGGER {table}_counts_update AFTER UPDATE OF {columns} ON {table} "
        f"BEGIN {_add(counts, '-', 'old')}; {_add(counts, '+', 'new')}; END",
    ]


_QUEUE = [
    # the queue and the counts filter on these: answered from the index, no row lookups
    "DROP INDEX cards_deck_state_due",
    "CREATE INDEX cards_queue ON cards(deck_id, state, due, suspended, known, buried_until)",
    # how many of a note's cards are new and active, kept by triggers whatever writes cards
    "ALTER TABLE notes ADD COLUMN fresh INTEGER NOT NULL DEFAULT 0",
    "UPDATE notes SET fresh = (SELECT count(*) FROM cards c WHERE c.note_id = notes.id AND "
    + _ACTIVE_NEW.format(t="c")
    + ")",
    f"""CREATE TRIGGER cards_fresh_insert AFTER INSERT ON cards WHEN {_ACTIVE_NEW.format(t="new")}
    BEGIN UPDATE notes SET fresh = fresh + 1 WHERE id = new.note_id; END""",
    f"""CREATE TRIGGER cards_fresh_delete AFTER DELETE ON cards WHEN {_ACTIVE_NEW.format(t="old")}
    BEGIN UPDATE notes SET fresh = fresh - 1 WHERE id = old.note_id; END""",
    f"""CREATE TRIGGER cards_fresh_update AFTER UPDATE OF state, suspended, known, note_id ON cards
    WHEN ({_ACTIVE_NEW.format(t="old")}) != ({_ACTIVE_NEW.format(t="new")})
        OR old.note_id != new.note_id
    BEGIN
        UPDATE notes SET fresh = fresh - ({_ACTIVE_NEW.format(t="old")}) WHERE id = old.note_id;
        UPDATE notes SET fresh = fresh + ({_ACTIVE_NEW.format(t="new")}) WHERE id = new.note_id;
    END""",
    # the next new card in each new-card order, without walking the notes already started
    "CREATE INDEX notes_fresh_position ON notes(deck_id, position) WHERE fresh > 0",
    "CREATE INDEX notes_fresh_frequency ON notes(deck_id, frequency DESC, position) "
    "WHERE fresh > 0",
    "CREATE INDEX notes_fresh_level ON notes(deck_id, coalesce(hsk_level, 99), position) "
    "WHERE fresh > 0",
    # each deck's size, progress and totals, kept by triggers: the home screen, the study
    # screen and the statistics read them for every deck without a walk of cards or reviews
    "CREATE TABLE deck_counts (deck_id INTEGER PRIMARY KEY REFERENCES decks(id) "
    "ON DELETE CASCADE, "
    + ", ".join(
        f"{c} INTEGER NOT NULL DEFAULT 0"
        for c in {**_CARD_COUNTS, **_NOTE_COUNTS, **_REVIEW_COUNTS}
    )
    + ")",
    "INSERT INTO deck_counts (deck_id) SELECT id FROM decks",
    "CREATE TRIGGER decks_counts_row AFTER INSERT ON decks "
    "BEGIN INSERT INTO deck_counts (deck_id) VALUES (new.id); END",
    _tally(_CARD_COUNTS, "cards"),
    _tally(_REVIEW_COUNTS, "reviews"),
    *_triggers("cards", _CARD_COUNTS, "deck_id, state, due, last_review, suspended, known"),
    *_triggers("reviews", _REVIEW_COUNTS, "deck_id, undone, duration_ms"),
    *_triggers("notes", _NOTE_COUNTS, "deck_id"),
    _tally(_NOTE_COUNTS, "notes"),
    # statistics read reviews by deck and time: the index holds every column they use
    "DROP INDEX reviews_deck_time",
    "CREATE INDEX reviews_deck_time ON reviews(deck_id, reviewed_at, undone, kind, rating, "
    "duration_ms)",
]


def m007_queue_indexes(db: Any) -> None:
    """A study queue that stays fast as decks grow: covering indexes for the queue, the
    counts and the statistics; each note's count of new active cards (``fresh``) and each
    deck's card count (``cards``), kept exact by triggers on ``cards``, so the next new card
    and the deck size are index lookups instead of walks of the deck."""
    for statement in _QUEUE:
        db.execute(statement)

"""Schema steps m001-m006: the tables, the first indexes, search, judgements, known words.

Each step is frozen as it shipped: it never calls tutor's application code, whose functions
may change after the step ran (the pinyin helpers of m004 are copied here for that reason).
"""

from __future__ import annotations

import unicodedata
from typing import Any

__all__ = [
    "m001_initial",
    "m002_review_time_index",
    "m003_review_totals_index",
    "m004_search",
    "m005_judgements",
    "m006_known_words",
]

_INITIAL = [
    """
    CREATE TABLE decks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        hanzi TEXT NOT NULL,
        traditional TEXT NOT NULL DEFAULT '',
        pinyin TEXT NOT NULL DEFAULT '',
        english TEXT NOT NULL DEFAULT '',
        senses TEXT NOT NULL DEFAULT '[]',
        kind TEXT NOT NULL DEFAULT 'word',
        confidence REAL NOT NULL DEFAULT 1.0,
        examples TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0,
        hsk_level INTEGER,
        frequency REAL NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT '[]',
        english_edited INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        UNIQUE (deck_id, hanzi)
    )
    """,
    "CREATE INDEX notes_deck_position ON notes(deck_id, position)",
    "CREATE INDEX notes_deck_frequency ON notes(deck_id, frequency)",
    "CREATE INDEX notes_deck_level ON notes(deck_id, hsk_level)",
    "CREATE INDEX notes_hanzi ON notes(hanzi)",
    """
    CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        template TEXT NOT NULL CHECK (template IN ('recognition', 'recall')),
        state TEXT NOT NULL DEFAULT 'new'
            CHECK (state IN ('new', 'learning', 'review', 'relearning')),
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        suspended INTEGER NOT NULL DEFAULT 0,
        buried_until TEXT,
        flag INTEGER NOT NULL DEFAULT 0,
        known INTEGER NOT NULL DEFAULT 0,
        UNIQUE (note_id, template)
    )
    """,
    "CREATE INDEX cards_deck_state_due ON cards(deck_id, state, due)",
    "CREATE INDEX cards_note_last_review ON cards(note_id, last_review)",
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        reviewed_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL,
        state_before TEXT NOT NULL,
        state_after TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0,
        quiz TEXT NOT NULL DEFAULT 'self'
    )
    """,
    "CREATE INDEX reviews_deck_time ON reviews(deck_id, reviewed_at)",
    "CREATE INDEX reviews_card_time ON reviews(card_id, reviewed_at)",
    """
    CREATE TABLE settings (
        deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (deck_id, key)
    )
    """,
    """
    CREATE TABLE fsrs_params (
        id INTEGER PRIMARY KEY,
        deck_id INTEGER REFERENCES decks(id) ON DELETE CASCADE,
        params TEXT NOT NULL,
        fitted_at TEXT NOT NULL,
        review_count INTEGER NOT NULL DEFAULT 0,
        log_loss_before REAL,
        log_loss_after REAL
    )
    """,
    "CREATE INDEX fsrs_params_deck ON fsrs_params(deck_id, fitted_at)",
]


def m001_initial(db: Any) -> None:
    """Decks, notes, cards with FSRS state, reviews, per-deck settings and fitted parameters."""
    for statement in _INITIAL:
        db.execute(statement)


def m002_review_time_index(db: Any) -> None:
    """Statistics over all decks group reviews by time without a deck to narrow them."""
    db.execute("CREATE INDEX reviews_time ON reviews(reviewed_at)")


def m003_review_totals_index(db: Any) -> None:
    """All-time review count and time studied per deck, answered from the index alone
    (a million reviews: one index scan instead of a million row lookups)."""
    db.execute("CREATE INDEX reviews_deck_totals ON reviews(deck_id, undone, duration_ms)")


def m004_search(db: Any) -> None:
    """Browse search: toneless and tone-marked compact pinyin on notes (filled here for existing
    notes, then written with each note), and indexes for the browse filters."""
    db.execute("ALTER TABLE notes ADD COLUMN pinyin_key TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE notes ADD COLUMN pinyin_marks TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, pinyin FROM notes WHERE pinyin != ''").fetchall()
    db.conn.executemany(
        "UPDATE notes SET pinyin_key = ?, pinyin_marks = ? WHERE id = ?",
        [(pinyin_key(p), pinyin_marks(p), i) for i, p in rows],
    )
    db.execute("CREATE INDEX notes_level ON notes(hsk_level)")
    db.execute("CREATE INDEX cards_flag ON cards(flag)")
    db.execute("CREATE INDEX cards_suspended ON cards(deck_id) WHERE suspended = 1")
    db.execute("CREATE INDEX cards_known ON cards(deck_id) WHERE known = 1")
    # the text search scans this instead of whole note rows (examples and senses are long)
    db.execute(
        "CREATE INDEX notes_search ON notes(deck_id, pinyin_key, pinyin_marks, hanzi, "
        "traditional, english, hsk_level, position)"
    )


_JUDGEMENTS = [
    """
    CREATE TABLE judgements (
        id INTEGER PRIMARY KEY,
        deck_id INTEGER REFERENCES decks(id) ON DELETE SET NULL,
        hanzi TEXT NOT NULL,
        english TEXT NOT NULL,
        english_key TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
        at TEXT NOT NULL,
        UNIQUE (hanzi, english_key)
    )
    """,
    """
    CREATE TABLE pending_low (
        deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        hanzi TEXT NOT NULL,
        english_key TEXT NOT NULL,
        traditional TEXT NOT NULL DEFAULT '',
        pinyin TEXT NOT NULL DEFAULT '',
        english TEXT NOT NULL DEFAULT '',
        senses TEXT NOT NULL DEFAULT '[]',
        kind TEXT NOT NULL DEFAULT 'word',
        confidence REAL NOT NULL DEFAULT 0,
        examples TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0,
        hsk_level INTEGER,
        frequency REAL NOT NULL DEFAULT 0,
        mined_at TEXT NOT NULL,
        PRIMARY KEY (deck_id, hanzi)
    )
    """,
]


def m005_judgements(db: Any) -> None:
    """The learner's accept/reject verdicts on mined pairs (kept when a deck is deleted: they
    are knowledge about the pair, not the deck), and each deck's low-confidence pairs from its
    last mining run, waiting for ``tutor review`` (see tutor.store.judgements)."""
    for statement in _JUDGEMENTS:
        db.execute(statement)


_KNOWN_WORDS = """
CREATE TABLE known_words (
    hanzi TEXT PRIMARY KEY,
    origin TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL
)
"""


def m006_known_words(db: Any) -> None:
    """Words the learner already knows, by hanzi, whatever deck (or none) they are in: added
    by HSK level or from a word list; mining skips them (see tutor.store.known)."""
    db.execute(_KNOWN_WORDS)


def pinyin_key(pinyin: str) -> str:
    """Toneless, lower-case, letters only, ü as u: ``Běi jīng`` -> ``beijing`` (as of m004)."""
    decomposed = unicodedata.normalize("NFD", pinyin.lower().replace("u:", "u").replace("v", "u"))
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def pinyin_marks(pinyin: str) -> str:
    """Lower-case, compact, tone marks kept: ``Chéng shì`` -> ``chéngshì`` (as of m004)."""
    text = unicodedata.normalize("NFC", pinyin.lower().replace("u:", "ü").replace("v", "ü"))
    return "".join(ch for ch in text if ch.isalpha())

"""Schema step m008: what this database last exported to Anki.

``anki_export`` (one row): the note type's field names, in order, of the last ``tutor
export``, so the next export can say when the note type gains fields (Anki then needs "Merge
note types" once). ``anki_audio`` (a row per deck): when the deck was first exported with the
words' audio, the date its notes carry from then on, so the export that first adds audio
updates every note in Anki and later ones do not. A database made before this step may have
exported already, with the fields every release had until then: when it has notes, the row
starts with that list, so its first export after the upgrade gives the notice. A new database
starts with no row: its first export is the first. Frozen as it shipped: plain SQL and the
field list as data, no application code.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["m008_anki_export"]

#: The note type's fields in every export before m008.
_FIELDS_BEFORE_M008 = (
    "Hanzi",
    "Traditional",
    "Pinyin",
    "English",
    "Senses",
    "Sentence",
    "Translation",
    "Source",
    "PinyinColored",
    "SentenceCloze",
    "Examples",
    "HSK",
    "Kind",
)

_TABLES = (
    """
    CREATE TABLE anki_export (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fields TEXT NOT NULL,
        exported TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE anki_audio (
        deck_id INTEGER PRIMARY KEY REFERENCES decks(id) ON DELETE CASCADE,
        since TEXT NOT NULL
    )
    """,
)


def m008_anki_export(db: Any) -> None:
    """The tables, and the fields of earlier releases for a database that may have exported."""
    for table in _TABLES:
        db.execute(table)
    if db.execute("SELECT 1 FROM notes LIMIT 1").fetchone() is not None:
        db.execute(
            "INSERT INTO anki_export (id, fields) VALUES (1, ?)",
            [json.dumps(list(_FIELDS_BEFORE_M008))],
        )

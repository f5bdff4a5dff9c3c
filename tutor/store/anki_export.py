"""What this database last exported to Anki (schema step m008): the note type's fields, and
since when a deck's exports carry the words' audio."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from tutor.errors import StoreError
from tutor.store.db import iso, parse_time
from tutor.store.sql import Database

__all__ = ["AnkiExport", "last_export", "record_export"]


@dataclass(frozen=True, slots=True)
class AnkiExport:
    """``fields``: the note type's field names, in order, in the database's last export (None:
    none yet); ``audio_since``: when the deck was first exported with audio (None: never)."""

    fields: tuple[str, ...] | None
    audio_since: datetime | None = None


def _fields(db: Database) -> tuple[str, ...] | None:
    row = db.conn.execute("SELECT fields FROM anki_export WHERE id = 1").fetchone()
    if row is None:
        return None
    try:
        names = json.loads(row[0])
    except ValueError as err:
        raise StoreError(f"the record of the last Anki export is damaged: {err}") from err
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise StoreError("the record of the last Anki export is damaged: not field names")
    return tuple(names)


def last_export(db: Database, deck_id: int) -> AnkiExport:
    """What the last export wrote (its fields), and the deck's first export with audio."""
    row = db.conn.execute("SELECT since FROM anki_audio WHERE deck_id = ?", [deck_id]).fetchone()
    try:
        since = parse_time(row[0]) if row else None
    except ValueError as err:
        raise StoreError(f"the record of the last Anki export is damaged: {err}") from err
    return AnkiExport(_fields(db), since)


def record_export(db: Database, deck_id: int, export: AnkiExport, now: datetime) -> None:
    """Store ``export`` as the last one, in one transaction (fields None: left as they are)."""
    with db.atomic():
        if export.fields is not None:
            db.conn.execute(
                "INSERT INTO anki_export (id, fields, exported) VALUES (1, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET fields = excluded.fields, "
                "exported = excluded.exported",
                [json.dumps(list(export.fields)), iso(now)],
            )
        if export.audio_since is not None:
            db.conn.execute(
                "INSERT OR IGNORE INTO anki_audio (deck_id, since) VALUES (?, ?)",
                [deck_id, iso(export.audio_since)],
            )

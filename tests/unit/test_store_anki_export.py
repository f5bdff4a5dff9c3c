"""What progress.db remembers of its Anki exports (schema step m008): the note type's fields,
and per deck when its exports first carried audio."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.store_support import add_words
from tutor.errors import StoreError
from tutor.export.style import FIELDS, FIELDS_BEFORE
from tutor.store import Store
from tutor.store.anki_export import AnkiExport
from tutor.store.migrations import STEPS

NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)


def _database_before_m008(path: Path, notes: int) -> None:
    """A progress.db as the release before m008 left it, with ``notes`` notes."""
    from sqlite_utils import Database, Migrations

    steps = Migrations("tutor")
    for step in STEPS:
        if step.__name__ < "m008":
            steps()(step)
    db = Database(path)
    steps.apply(db)
    db.execute("INSERT INTO decks (name, source, created) VALUES ('d', '', '2024-05-01')")
    for i in range(notes):
        db.execute(
            "INSERT INTO notes (deck_id, hanzi, created, updated, position) "
            "VALUES (1, ?, '', '', ?)",
            [f"字{i}", i],
        )
    db.conn.commit()
    db.close()


def test_a_new_database_has_exported_nothing(db_path: Path) -> None:
    with Store.open(db_path) as store:
        deck = add_words(store, 2)
        assert store.last_anki_export(deck) == AnkiExport(None, None)


def test_a_database_with_notes_from_before_m008_starts_from_the_old_fields(
    db_path: Path,
) -> None:
    _database_before_m008(db_path, notes=2)
    with Store.open(db_path) as store:
        assert store.last_anki_export(1) == AnkiExport(FIELDS_BEFORE[-1], None)


def test_an_empty_database_from_before_m008_has_exported_nothing(db_path: Path) -> None:
    _database_before_m008(db_path, notes=0)
    with Store.open(db_path) as store:
        assert store.last_anki_export(1).fields is None


def test_the_fields_are_replaced_and_the_first_audio_date_stays(db_path: Path) -> None:
    with Store.open(db_path) as store:
        deck, other = add_words(store, 1), add_words(store, 1, name="e")
        store.record_anki_export(deck, AnkiExport(FIELDS_BEFORE[-1], None), NOW)
        store.record_anki_export(deck, AnkiExport(FIELDS, NOW), NOW)
        later = NOW + timedelta(days=1)
        store.record_anki_export(deck, AnkiExport(FIELDS[:3], later), later)
        store.record_anki_export(deck, AnkiExport(None, None), later)  # leaves both alone
        assert store.last_anki_export(deck) == AnkiExport(FIELDS[:3], NOW)
        assert store.last_anki_export(other) == AnkiExport(FIELDS[:3], None)  # fields: global


def test_a_damaged_record_is_a_store_error(db_path: Path) -> None:
    with Store.open(db_path) as store:
        deck = add_words(store, 1)
        store.record_anki_export(deck, AnkiExport(FIELDS), NOW)
        for damage in ("not json", json.dumps({"a": 1})):
            store.db.execute("UPDATE anki_export SET fields = ?", [damage])
            with pytest.raises(StoreError, match="last Anki export is damaged"):
                store.last_anki_export(deck)

"""Anki export: the note type, tone-colour CSS, stable ids, and writing .apkg packages.

The only package that imports genanki. ``export_anki(entries, deck_name, path)`` is the entry
point; the modules below it are public for tests and for anyone building on the note type.
"""

from __future__ import annotations

from tutor.export.apkg import ExportResult, anki_model, export_anki
from tutor.export.ids import MODEL_ID, deck_id, note_guid

__all__ = ["MODEL_ID", "ExportResult", "anki_model", "deck_id", "export_anki", "note_guid"]

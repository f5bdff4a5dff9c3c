"""Exports as the release before Audio, Frequency and Classifier wrote them.

``tests/data/notetype-13-fields.json`` is that release's note type as data (fields, templates,
CSS and the two dates, taken from main's ``tutor/export/style.py`` at b5d5eca); its notes held
the first 13 of today's fields, with the measure words still the last of the Senses. Within
``old_notetype(monkeypatch)`` the real export path (``tutor export`` included) writes that,
and remembers those fields as exported, as that release did.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import genanki
import pytest

import tutor.export.apkg as apkg
import tutor.export.style as style
from tutor.export.fields import _esc, note_fields
from tutor.export.ids import MODEL_ID, MODEL_NAME
from tutor.lang.cedict import readable
from tutor.model import Entry

__all__ = ["OLD", "OLD_FIELDS", "old_notetype"]

OLD = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "notetype-13-fields.json").read_text(
        encoding="utf-8"
    )
)
OLD_FIELDS: tuple[str, ...] = tuple(OLD["fields"])


def _old_model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in OLD_FIELDS],
        templates=OLD["templates"],
        css=OLD["css"],
        sort_field_index=0,
    )


def _old_fields(entry: Entry, deck_name: str, audio: str = "") -> list[str]:
    values = note_fields(entry, deck_name)[: len(OLD_FIELDS)]
    values[OLD_FIELDS.index("Senses")] = "; ".join(_esc(readable(s)) for s in entry.senses if s)
    return values


@contextmanager
def old_notetype(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Within it, exports are the release before the three new fields."""
    with monkeypatch.context() as m:
        m.setattr(apkg, "anki_model", _old_model)
        m.setattr(apkg, "note_fields", _old_fields)
        m.setattr(apkg, "STYLE_CHANGED", datetime.fromisoformat(OLD["style_changed"]))
        m.setattr(apkg, "FIELDS_CHANGED", datetime.fromisoformat(OLD["fields_changed"]))
        m.setattr(style, "FIELDS", OLD_FIELDS)  # what `tutor export` records as exported
        yield

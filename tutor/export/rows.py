"""genanki's note and card rows for a package, written with ``executemany``.

``genanki.Note.write_to_db`` runs one ``INSERT`` per note and per card, after building a
``Note`` (a validated tag list, a regex scan of every field for stray HTML) for each: for 10k
notes, a third of an export's time. Tutor writes the same rows, with the same ids (one
counter: a note's id, then its cards'), the same columns and values, from plain tuples:

- notes: ``(id, guid, mid, mod, -1, " tag tag ", fields joined by \\x1f, first field, 0, 0, "")``;
- cards: ``(id, nid, did, ord, mod, -1, 0, 0, due, 0, ..., 0, "")``, one per template whose
  required fields are filled (the note type's ``req``, as genanki computes it).

The tables' indexes are dropped before the rows go in and made again after, from the schema's
own statements (``indexes_after``): built once, not updated row by row.

The HTML scan only ever warned, and tutor's fields are escaped (``export.fields``); a tag with a
space is refused here as genanki refuses it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from sqlite3 import Connection, Cursor

import genanki

__all__ = ["NoteRow", "card_ords", "indexes_after", "write_rows"]


@dataclass(frozen=True, slots=True)
class NoteRow:
    """One note as the package holds it: escaped field values, guid, tags, new-card due."""

    fields: list[str]
    guid: str
    tags: list[str]
    due: int
    ords: tuple[int, ...]  # its cards' template ordinals (``card_ords``)


@contextmanager
def indexes_after(db: Connection | Cursor, *tables: str) -> Iterator[None]:
    """Within it, ``tables`` have no index; on leaving, their indexes are made again (from
    their own ``CREATE INDEX`` statements), over every row inserted meanwhile."""
    marks = ", ".join("?" for _ in tables)
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master "
        f"WHERE type = 'index' AND tbl_name IN ({marks}) AND sql IS NOT NULL ORDER BY rowid",
        tables,
    ).fetchall()
    for name, _ in indexes:
        db.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        db.execute(sql)


def card_ords(model: genanki.Model, fields: Sequence[str]) -> tuple[int, ...]:
    """The ordinals of the cards genanki makes for ``fields`` (a front/back note type)."""
    ords = []
    for ordinal, any_or_all, required in model._req:
        filled = (fields[i] for i in required)
        if any(filled) if any_or_all == "any" else all(filled):
            ords.append(ordinal)
    return tuple(ords)


def write_rows(
    cursor: Cursor,
    model: genanki.Model,
    deck_id: int,
    notes: Sequence[NoteRow],
    stamp: int,
    ids: Iterator[int],
    mods: Mapping[str, int],
) -> dict[str, int]:
    """Insert ``notes`` and their cards, ids from ``ids``; returns each note's id by guid.
    ``mods`` dates notes by guid, the others and every card being dated ``stamp`` (genanki
    dates them all so; tutor used to date the notes again after, one UPDATE each)."""
    note_rows = []
    card_rows = []
    width = len(model.fields)
    for note in notes:
        if len(note.fields) != width:
            raise ValueError(f"{len(note.fields)} fields for a note type of {width}")
        if any(" " in tag for tag in note.tags):
            raise ValueError(f"a tag contains a space: {note.tags}")
        note_id = next(ids)
        tags = " " + " ".join(note.tags) + " "
        mod = mods.get(note.guid, stamp)
        note_rows.append(
            (note_id, note.guid, model.model_id, mod, -1, tags, "\x1f".join(note.fields),
             note.fields[model.sort_field_index], 0, 0, "")
        )  # fmt: skip
        for ordinal in note.ords:
            card_rows.append(
                (next(ids), note_id, deck_id, ordinal, stamp, -1, 0, 0, note.due, 0, 0, 0, 0, 0,
                 0, 0, 0, "")
            )  # fmt: skip
    with indexes_after(cursor, "notes", "cards"):
        cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)", note_rows)
        cursor.executemany(
            "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows
        )
    return {row[1]: row[0] for row in note_rows}

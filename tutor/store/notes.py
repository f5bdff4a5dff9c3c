"""Notes: one per mined entry, keyed by (deck, hanzi), each with a recognition and a recall card.

Re-mining a source updates a note's fields in place and never touches its cards or reviews, so
review history survives any number of re-mines. An English rendering the learner edited by
hand (``english_edited``) is kept over the miner's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from tutor.bulk import collector_paused
from tutor.model import Entry, Example
from tutor.store.db import iso
from tutor.store.records import UpsertResult
from tutor.store.search import pinyin_key, pinyin_marks
from tutor.store.sql import Database

__all__ = [
    "NOTE_FIELDS",
    "TEMPLATES",
    "changed_times",
    "entries",
    "entry_from_row",
    "known_hanzi",
    "note_fields",
    "plan_entries",
    "upsert_entries",
]

TEMPLATES = ("recognition", "recall")

#: The note columns ``note_fields`` encodes, in its order (hanzi and ids aside).
NOTE_FIELDS = (
    "traditional",
    "pinyin",
    "english",
    "senses",
    "kind",
    "confidence",
    "examples",
    "position",
    "hsk_level",
    "frequency",
)

_STORED = (*NOTE_FIELDS, "pinyin_key", "pinyin_marks")


def _with_search_forms(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """``values`` (in ``NOTE_FIELDS`` order) followed by the pinyin's two search forms."""
    pinyin = values[NOTE_FIELDS.index("pinyin")]
    return (*values, pinyin_key(pinyin), pinyin_marks(pinyin))


def note_fields(entry: Entry) -> tuple[Any, ...]:
    """The stored value of each of ``NOTE_FIELDS`` for ``entry``, in that order."""
    # pinyin_key and pinyin_marks (the search forms) are derived: see _with_search_forms
    return (
        entry.traditional,
        entry.pinyin,
        entry.english,
        json.dumps(list(entry.senses), ensure_ascii=False),
        entry.kind,
        float(entry.confidence),
        json.dumps(
            [[e.zh, e.en, e.credit] if e.credit else [e.zh, e.en] for e in entry.examples],
            ensure_ascii=False,
        ),
        int(entry.position),
        entry.hsk_level,
        float(entry.frequency),
    )


_Existing = dict[str, tuple[int, tuple[Any, ...], bool]]


def _existing(db: Database, deck_id: int | None) -> _Existing:
    """(note id, stored fields, English edited) of each note of the deck, by hanzi."""
    existing: _Existing = {}
    if deck_id is None:
        return existing
    columns = ", ".join(NOTE_FIELDS)
    for row in db.conn.execute(
        f"SELECT id, hanzi, english_edited, {columns} FROM notes WHERE deck_id = ?", [deck_id]
    ):
        existing[row[1]] = (row[0], tuple(row[3:]), bool(row[2]))
    return existing


def _plan(
    existing: _Existing, items: Iterable[Entry]
) -> Iterator[tuple[str, Entry, tuple[Any, ...], int]]:
    """("add" | "update" | "same", entry, fields to store, note id or 0) of each new hanzi."""
    seen: set[str] = set()
    for entry in items:
        if entry.hanzi in seen:
            continue  # a source yields each hanzi once; later duplicates are ignored
        seen.add(entry.hanzi)
        values = note_fields(entry)
        if entry.hanzi not in existing:
            yield "add", entry, values, 0
            continue
        note_id, old, edited = existing[entry.hanzi]
        if edited:  # keep the learner's own English
            values = values[:2] + (old[2],) + values[3:]
        yield ("same" if values == old else "update"), entry, values, note_id


def plan_entries(db: Database, deck_id: int | None, items: Iterable[Entry]) -> UpsertResult:
    """What ``upsert_entries`` would do (``deck_id`` None: a deck not made yet); writes nothing."""
    kinds = [kind for kind, *_ in _plan(_existing(db, deck_id), items)]
    return UpsertResult(
        added=kinds.count("add"), updated=kinds.count("update"), unchanged=kinds.count("same")
    )


def upsert_entries(
    db: Database, deck_id: int, items: Iterable[Entry], now: datetime
) -> UpsertResult:
    """Insert new notes (with their two new cards) and update changed ones, in one transaction."""
    stamp = iso(now)
    counts = {"add": 0, "update": 0, "same": 0}
    with db.atomic():
        for kind, entry, values, note_id in _plan(_existing(db, deck_id), items):
            counts[kind] += 1
            if kind == "update":
                _update(db, note_id, values, stamp)
            elif kind == "add":
                _insert(db, deck_id, entry.hanzi, values, stamp)
    return UpsertResult(added=counts["add"], updated=counts["update"], unchanged=counts["same"])


def _update(db: Database, note_id: int, values: tuple[Any, ...], stamp: str) -> None:
    assignments = ", ".join(f"{name} = ?" for name in _STORED)
    db.conn.execute(
        f"UPDATE notes SET {assignments}, updated = ? WHERE id = ?",
        [*_with_search_forms(values), stamp, note_id],
    )


def _insert(db: Database, deck_id: int, hanzi: str, values: tuple[Any, ...], stamp: str) -> None:
    cursor = db.conn.execute(
        f"INSERT INTO notes (deck_id, hanzi, {', '.join(_STORED)}, created, updated) "
        f"VALUES (?, ?, {', '.join('?' for _ in _STORED)}, ?, ?)",
        [deck_id, hanzi, *_with_search_forms(values), stamp, stamp],
    )
    note_id = int(cursor.lastrowid or 0)
    db.conn.executemany(
        "INSERT INTO cards (note_id, deck_id, template, state, step, due) "
        "VALUES (?, ?, ?, 'new', 0, ?)",
        [(note_id, deck_id, template, stamp) for template in TEMPLATES],
    )


def entry_from_row(row: dict[str, Any]) -> Entry:
    return Entry(
        hanzi=row["hanzi"],
        traditional=row["traditional"],
        pinyin=row["pinyin"],
        english=row["english"],
        senses=tuple(json.loads(row["senses"])),
        kind=row["kind"],
        confidence=row["confidence"],
        examples=tuple(Example(*pair) for pair in json.loads(row["examples"])),
        position=row["position"],
        hsk_level=row["hsk_level"],
        frequency=row["frequency"],
    )


def entries(db: Database, deck_id: int) -> list[Entry]:
    """Every note of the deck as an ``Entry``, in source order (for export).

    The rows' senses and examples are parsed as one JSON document, not two per row: 20k
    ``json.loads`` calls were most of the time of reading 10k notes."""
    rows = db.conn.execute(
        "SELECT hanzi, traditional, pinyin, english, senses, kind, confidence, examples, "
        "position, hsk_level, frequency FROM notes WHERE deck_id = ? ORDER BY position, id",
        [deck_id],
    ).fetchall()
    with collector_paused():  # 10k entries are 100k small objects
        parsed = json.loads("[" + ",".join(f"[{row[4]},{row[7]}]" for row in rows) + "]")
        return [
            Entry(
                hanzi=hanzi,
                traditional=traditional,
                pinyin=pinyin,
                english=english,
                senses=tuple(senses),
                kind=kind,
                confidence=confidence,
                examples=tuple(Example(*pair) for pair in examples),
                position=position,
                hsk_level=level,
                frequency=frequency,
            )
            for (hanzi, traditional, pinyin, english, _, kind, confidence, _, position, level,
                 frequency), (senses, examples) in zip(rows, parsed, strict=True)
        ]  # fmt: skip


def changed_times(db: Database, deck_id: int) -> dict[str, datetime]:
    """When each note's content last changed (mined, re-mined, edited), by hanzi."""
    rows = db.conn.execute("SELECT hanzi, updated FROM notes WHERE deck_id = ?", [deck_id])
    return {hanzi: datetime.fromisoformat(updated) for hanzi, updated in rows}


def known_hanzi(db: Database, exclude_deck: str | None = None) -> set[str]:
    """Hanzi the learner already has: notes in any deck other than ``exclude_deck`` (the one
    being mined, whose own notes must not filter themselves out), known-marked ones included,
    and the learner's list of known words."""
    rows = db.conn.execute(
        "SELECT DISTINCT n.hanzi FROM notes n JOIN decks d ON d.id = n.deck_id "
        "WHERE d.name IS NOT ? UNION SELECT hanzi FROM known_words",
        [exclude_deck],
    )
    return {row[0] for row in rows}

"""Reading an Anki package back: the reviews made in Anki, by note guid and card template.

An ``.apkg`` (File > Export, "Anki Deck Package", with scheduling) or a ``.colpkg`` (a whole
collection) is a zip holding the collection as SQLite: ``collection.anki21b`` (zstd, Anki
2.1.50+; the ``collection.anki2`` beside it is then a stub asking for a newer Anki),
``collection.anki21`` or ``collection.anki2``. Only answers count: manual reschedules and
"set due date" rows (ease 0) are not reviews.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import zstandard

from tutor.errors import InputError

__all__ = ["AnkiAnswer", "read_answers", "read_collection"]

T = TypeVar("T")

#: Collection files in the order Anki itself prefers them.
_NAMES = ("collection.anki21b", "collection.anki21", "collection.anki2")


@dataclass(frozen=True, slots=True)
class AnkiAnswer:
    guid: str
    ord: int  # the card template: 0 Recognition, 1 Recall
    reviewed_at: datetime
    rating: int  # Again 1 .. Easy 4
    duration_ms: int


_ANSWERS = """
SELECT n.guid, c.ord, r.id, r.ease, r.time FROM revlog r
JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid
WHERE r.ease BETWEEN 1 AND 4 ORDER BY r.id
"""


def read_collection(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    """``read`` over the collection inside the package at ``path``, opened read-only from a
    scratch copy; ``InputError`` naming ``path`` when it holds no Anki collection."""
    with tempfile.TemporaryDirectory(prefix="tutor-anki-") as tmp:
        db_file = Path(tmp) / "collection.sqlite"
        _extract_collection(path, db_file)
        try:
            conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
            try:
                return read(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError as err:
            raise InputError(f"not an Anki collection inside ({err})", path=path) from err


def read_answers(path: Path) -> list[AnkiAnswer]:
    """Every answer in the package at ``path``; ``InputError`` naming it when it is not one."""
    rows = read_collection(path, lambda conn: conn.execute(_ANSWERS).fetchall())
    return [
        AnkiAnswer(guid, int(ord_), datetime.fromtimestamp(ms / 1000, UTC), int(ease), int(t))
        for guid, ord_, ms, ease, t in rows
    ]


def _extract_collection(path: Path, target: Path) -> None:
    """The package's collection, decompressed, to ``target``."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            name = next((n for n in _NAMES if n in names), None)
            if name is None:
                raise InputError("no Anki collection in this package", path=path)
            with archive.open(name) as packed, open(target, "wb") as out:
                if name.endswith("b"):
                    zstandard.ZstdDecompressor().copy_stream(packed, out)
                else:
                    shutil.copyfileobj(packed, out)
    except (zipfile.BadZipFile, OSError) as err:
        raise InputError(f"not an Anki package (.apkg or .colpkg): {err}", path=path) from err
    except zstandard.ZstdError as err:
        raise InputError(f"the collection inside is damaged: {err}", path=path) from err

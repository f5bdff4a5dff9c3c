"""A learner's own list of words they know, in the forms they have it.

- a plain list: one word per line (anything after the first tab, comma or space is ignored);
- a Pleco flashcard export: ``简体[繁體]<TAB>pinyin<TAB>definition``, with ``//Category`` lines;
- an Anki notes export (``.txt``/``.csv``/``.tsv``: ``#``-headed, one note per line, fields
  split by tab, comma or semicolon) or an Anki package (``.apkg``/``.colpkg``), taking the
  first field, or the one named (``field``);
- any encoding ``textfile`` reads.

Words are kept in simplified form (HTML and Pleco's bracketed other script removed, a
traditional word converted), as mining and coverage compare them; a line with no hanzi in the
field (a header, a note in English) is left out.
"""

from __future__ import annotations

import html
import re
import sqlite3
from pathlib import Path
from typing import Any

from tutor.corpus.textfile import iter_lines
from tutor.errors import InputError
from tutor.lang.script import to_simplified

__all__ = ["read_word_list"]

_TAGS = re.compile(r"<[^>]+>")
_BRACKETED = re.compile(r"[\[［【(（].*?[\]］】)）]")
_SEPARATORS = re.compile(r"[\t,;，；]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _word(cell: str) -> str | None:
    """The simplified word in a cell: HTML, bracketed traditional and spaces removed."""
    text = _BRACKETED.sub("", html.unescape(_TAGS.sub("", cell))).strip().split()
    if not text:
        return None
    found = _HAN.fullmatch(text[0])
    return to_simplified(found.group(0)) if found else None  # a traditional Pleco or Anki list


def read_word_list(path: Path, field: str | None = None) -> list[str]:
    """The words in the list at ``path``, in file order, each once."""
    if path.suffix.lower() in (".apkg", ".colpkg"):
        words = _from_package(path, field)
    else:
        words = _from_text(path, field)
    seen: dict[str, None] = {}
    for word in words:
        seen.setdefault(word, None)
    if not seen:
        raise InputError("no Chinese words found in this list", path=path)
    return list(seen)


def _column(field: str | None, header: list[str] | None, path: Path) -> int:
    """The 0-based column of ``field``: a 1-based number, a name in the header, or the first."""
    if field is None:
        return 0
    if field.isdigit():
        return max(0, int(field) - 1)
    if header and field in header:
        return header.index(field)
    raise InputError(f"no field {field!r} in this list", path=path)


def _from_text(path: Path, field: str | None) -> list[str]:
    words = []
    header: list[str] | None = None
    for _, line in iter_lines(path):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):  # Pleco categories
            continue
        if stripped.startswith("#"):  # Anki's export header (#separator:tab, #columns:...)
            if stripped.lower().startswith("#columns:"):
                header = _SEPARATORS.split(stripped.split(":", 1)[1])
            continue
        cells = _SEPARATORS.split(stripped)
        index = _column(field, header, path)
        word = _word(cells[index]) if index < len(cells) else None
        if word:
            words.append(word)
    return words


def _from_package(path: Path, field: str | None) -> list[str]:
    from tutor.export.reading import read_collection

    def read(conn: sqlite3.Connection) -> tuple[list[Any], dict[int, list[str]]]:
        return conn.execute("SELECT mid, flds FROM notes ORDER BY id").fetchall(), _field_names(
            conn
        )

    notes, names = read_collection(path, read)
    words = []
    for mid, fields in notes:
        cells = fields.split("\x1f")
        index = _column(field, names.get(mid), path)
        word = _word(cells[index]) if index < len(cells) else None
        if word:
            words.append(word)
    return words


def _field_names(conn: sqlite3.Connection) -> dict[int, list[str]]:
    """Each note type's field names, from the newer ``fields`` table or the older JSON."""
    try:
        rows = conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord").fetchall()
    except sqlite3.OperationalError:  # an older collection: note types as JSON in col
        import json

        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0] or "{}")
        return {int(k): [f["name"] for f in m["flds"]] for k, m in models.items()}
    names: dict[int, list[str]] = {}
    for ntid, name in rows:
        names.setdefault(int(ntid), []).append(str(name))
    return names

"""Searching cards for the browse screen: hanzi, toneless or toned pinyin, English, filters.

Notes keep two search forms of their pinyin, written with the note (migration 4 fills them for
older databases): ``pinyin_key``, toneless and compact (``chéng shì`` -> ``chengshi``, ü folded
to u, so ``lv``, ``lü`` and ``lu`` all find 绿), and ``pinyin_marks``, compact with tone marks
(``chéngshì``). A query without tones matches ``pinyin_key`` as a substring; a query with tone
marks or numbers becomes a GLOB over ``pinyin_marks`` in which a syllable typed without a tone
matches any tone (``cheng shì`` finds 城市). Hanzi match as substrings of the simplified or
traditional form, English as a case-insensitive substring. A text search scans the notes once
(about 50,000 for 100,000 cards: a few tens of milliseconds); filters use indexes.

Results come best first: exact matches, then prefixes and whole English words, then the rest,
shorter words before longer, then source order.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from tutor.lang.script import is_hanzi
from tutor.store.cards import VIEW_COLUMNS, view_from_row
from tutor.store.records import CardView
from tutor.store.sql import Database

__all__ = ["STATES", "pinyin_key", "pinyin_marks", "search"]

STATES = ("new", "learning", "review", "relearning", "suspended", "known")

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_VOWELS = "aeiouü"
_MARKED = {v: "".join(unicodedata.normalize("NFC", v + m) for m in _TONE_MARKS) for v in _VOWELS}


def pinyin_key(pinyin: str) -> str:
    """Toneless, lower-case, letters only, ü as u: ``Běi jīng`` -> ``beijing``."""
    decomposed = unicodedata.normalize("NFD", pinyin.lower().replace("u:", "u").replace("v", "u"))
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def pinyin_marks(pinyin: str) -> str:
    """Lower-case, compact, tone marks kept: ``Chéng shì`` -> ``chéngshì``."""
    text = unicodedata.normalize("NFC", pinyin.lower().replace("u:", "ü").replace("v", "ü"))
    return "".join(ch for ch in text if ch.isalpha())


def _has_tones(text: str) -> bool:
    if re.search(r"[a-zü:][1-5]", text.lower()):
        return True
    decomposed = unicodedata.normalize("NFD", text)
    return any(mark in decomposed for mark in _TONE_MARKS)


def _toned_glob(text: str) -> str:
    """GLOB pattern over ``pinyin_marks`` for a query with some tones (marks or numbers).

    A vowel typed without a mark matches any tone, except in a syllable numbered 5 (neutral).
    """
    text = unicodedata.normalize("NFC", text.lower().replace("u:", "ü").replace("v", "ü"))
    pattern: list[str] = []
    for match in re.finditer(r"([^\W\d_]+)([1-5]?)", text):
        letters, tone = match.groups()
        if tone == "5":
            pattern.append(letters)
            continue
        if tone:
            from tutor.lang.pinyin import numbered_to_marks  # only numbered queries need it

            letters = unicodedata.normalize("NFC", numbered_to_marks(letters + tone).lower())
        pattern.extend(f"[{ch}{_MARKED[ch]}]" if ch in _VOWELS else ch for ch in letters)
    return "*" + "".join(pattern) + "*"


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (LIKE ignores ASCII case)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_clause(text: str) -> tuple[str, str, dict[str, Any]]:
    """(WHERE clause, rank expression, parameters) for the free text of a query."""
    if any(is_hanzi(ch) for ch in text):
        han = "".join(text.split())
        return (
            r"(n.hanzi LIKE :han_like ESCAPE '\' OR n.traditional LIKE :han_like ESCAPE '\')",
            "CASE WHEN n.hanzi = :han OR n.traditional = :han THEN 0 "
            "WHEN substr(n.hanzi, 1, length(:han)) = :han THEN 1 ELSE 2 END",
            {"han": han, "han_like": _like(han)},
        )
    english = " ".join(text.split())
    params: dict[str, Any] = {
        "en": english,
        "en_like": _like(english),
        "en_word": " " + _like(english.lower())[1:-1] + " ",
    }
    english_hit = r"n.english LIKE :en_like ESCAPE '\'"
    word = r"' ' || n.english || ' ' LIKE '%' || :en_word || '%' ESCAPE '\'"
    if _has_tones(text):
        params["glob"] = _toned_glob(text)
        params["glob_exact"] = params["glob"][1:-1]
        pinyin_hit = "n.pinyin_marks GLOB :glob"
        exact = "n.pinyin_marks GLOB :glob_exact"
        prefix = "n.pinyin_marks GLOB :glob_exact || '*'"
    else:
        params["key"] = pinyin_key(text)
        pinyin_hit = "n.pinyin_key LIKE '%' || :key || '%'" if params["key"] else "0"
        exact = "n.pinyin_key = :key"
        prefix = "n.pinyin_key LIKE :key || '%'"
    where = f"({pinyin_hit} OR {english_hit})"
    rank = (
        f"CASE WHEN {exact} OR n.english LIKE :en THEN 0 WHEN {prefix} OR {word} THEN 1 ELSE 2 END"
    )
    return where, rank, params


def search(
    db: Database,
    text: str,
    *,
    deck_id: int | None = None,
    state: str | None = None,
    level: int | None = None,
    flag: int | None = None,
    limit: int = 500,
) -> list[CardView]:
    """Cards whose note matches ``text`` (all cards when blank), narrowed by the filters."""
    where: list[str] = []
    params: dict[str, Any] = {"limit": int(limit)}
    rank = ""
    if text.strip():
        clause, rank, text_params = _text_clause(text.strip())
        where.append(clause)
        params.update(text_params)
    if deck_id is not None:
        where.append("c.deck_id = :deck")
        params["deck"] = deck_id
    if state is not None:
        if state not in STATES:
            raise ValueError(f"state must be one of {', '.join(STATES)}")
        if state == "known":  # marked known, or on the learner's known list
            where.append("(c.known = 1 OR n.hanzi IN (SELECT hanzi FROM known_words))")
        elif state == "suspended":
            where.append("c.suspended = 1")  # literal, so the partial index applies
        else:
            where.append("c.state = :state")
            params["state"] = state
    if level is not None:
        where.append("n.hsk_level = :level")
        params["level"] = int(level)
    if flag is not None:
        where.append("c.flag = :flag")
        params["flag"] = int(flag)
    # With text, scan the notes (a narrow covering index) and fetch cards only for matches;
    # CROSS JOIN fixes that order. Blank text with filters lets the planner use the indexes.
    join = "notes n CROSS JOIN cards c" if rank else "cards c JOIN notes n"
    order = f"{rank}, length(n.hanzi), " if rank else ""
    # Rank and cut on narrow rows first; then load the few hundred cards shown.
    ids = [
        row[0]
        for row in db.conn.execute(
            f"SELECT c.id FROM {join} ON n.id = c.note_id WHERE {' AND '.join(where) or '1'} "
            f"ORDER BY {order}n.position, n.id, c.id LIMIT :limit",
            params,
        )
    ]
    views: dict[int, CardView] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in db.conn.execute(
            f"SELECT {VIEW_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id "
            f"WHERE c.id IN ({marks})",
            chunk,
        ):
            views[row[0]] = view_from_row(row)
    return [views[i] for i in ids]

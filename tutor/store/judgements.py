"""The learner's verdicts on mined pairs, and the low-confidence pairs waiting for one.

Mining keeps entries below its confidence threshold out of the deck; the last run's such entries
per deck are kept in ``pending_low`` so ``tutor review`` can list them later without re-mining. A
verdict (accepted or rejected) is stored per ``(hanzi, english)`` pair in ``judgements``, across
decks: a rejected pair never comes back in any later run, an accepted one is fed to the miner as
strong evidence. The latest verdict on a pair wins, so a learner can change their mind.

English is compared after folding case and spaces, since a translator's capitalisation at the
start of a clause does not make a different rendering.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from tutor.model import Entry
from tutor.store.db import iso
from tutor.store.notes import NOTE_FIELDS, entry_from_row, note_fields
from tutor.store.sql import Database

__all__ = [
    "Verdict",
    "VERDICTS",
    "english_key",
    "judge",
    "judgements",
    "pending_low",
    "replace_pending",
]

Verdict = Literal["accepted", "rejected"]
VERDICTS: tuple[Verdict, ...] = ("accepted", "rejected")


def english_key(english: str) -> str:
    """The form a pair's English is compared in: case-folded, spaces collapsed."""
    return " ".join(english.split()).casefold()


def judge(
    db: Database, deck_id: int | None, hanzi: str, english: str, verdict: str, now: datetime
) -> None:
    """Record ``verdict`` on the pair (replacing an earlier one); it leaves ``pending_low``."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    english = " ".join(english.split())
    if not hanzi or not english:
        raise ValueError("a judged pair needs both its hanzi and its English")
    with db.atomic():
        db.conn.execute(
            "INSERT INTO judgements (deck_id, hanzi, english, english_key, verdict, at) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (hanzi, english_key) DO UPDATE SET deck_id = excluded.deck_id, "
            "english = excluded.english, verdict = excluded.verdict, at = excluded.at",
            [deck_id, hanzi, english, english_key(english), verdict, iso(now)],
        )
        # resolved here, and wherever else the same pair waits
        db.conn.execute(
            "DELETE FROM pending_low WHERE hanzi = ? AND (deck_id IS ? OR english_key = ?)",
            [hanzi, deck_id, english_key(english)],
        )


def judgements(db: Database) -> tuple[dict[str, list[str]], set[tuple[str, str]]]:
    """``(lexicon, rejected)``: accepted English per hanzi (oldest verdict first), and the
    rejected ``(hanzi, english)`` pairs as stored (compare with ``english_key``)."""
    lexicon: dict[str, list[str]] = {}
    rejected: set[tuple[str, str]] = set()
    for hanzi, english, verdict in db.conn.execute(
        "SELECT hanzi, english, verdict FROM judgements ORDER BY at, id"
    ):
        if verdict == "accepted":
            lexicon.setdefault(hanzi, []).append(english)
        else:
            rejected.add((hanzi, english))
    return lexicon, rejected


def replace_pending(db: Database, deck_id: int, entries: Iterable[Entry], now: datetime) -> int:
    """Make ``entries`` the deck's pending low-confidence pairs (the last run's), minus pairs
    already judged and hanzi the deck already has as notes; returns how many were kept."""
    judged = {(h, k) for h, k in db.conn.execute("SELECT hanzi, english_key FROM judgements")}
    in_deck = {
        h for (h,) in db.conn.execute("SELECT hanzi FROM notes WHERE deck_id = ?", [deck_id])
    }
    stamp = iso(now)
    columns = ", ".join(NOTE_FIELDS)
    marks = ", ".join("?" for _ in NOTE_FIELDS)
    kept = 0
    with db.atomic():
        db.conn.execute("DELETE FROM pending_low WHERE deck_id = ?", [deck_id])
        for entry in entries:
            if entry.hanzi in in_deck or (entry.hanzi, english_key(entry.english)) in judged:
                continue
            cursor = db.conn.execute(
                f"INSERT OR IGNORE INTO pending_low (deck_id, hanzi, english_key, {columns}, "
                f"mined_at) VALUES (?, ?, ?, {marks}, ?)",
                [deck_id, entry.hanzi, english_key(entry.english), *note_fields(entry), stamp],
            )
            kept += cursor.rowcount
    return kept


def pending_low(db: Database, deck_id: int) -> list[Entry]:
    """The deck's pending low-confidence entries, most confident first (then source order)."""
    cursor = db.conn.execute(
        f"SELECT hanzi, {', '.join(NOTE_FIELDS)} FROM pending_low WHERE deck_id = ? "
        "ORDER BY confidence DESC, position, hanzi",
        [deck_id],
    )
    names = [d[0] for d in cursor.description]
    return [entry_from_row(dict(zip(names, row, strict=True))) for row in cursor]

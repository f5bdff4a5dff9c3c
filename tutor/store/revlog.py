"""Review histories in and out: importing an fsrs-optimizer CSV, and the log the optimizer fits.

The CSV has columns ``card_id, review_rating, review_time, review_duration`` (time as UTC ISO
text or epoch milliseconds). Each distinct ``card_id`` becomes a note (hanzi ``#<card_id>``,
tagged ``imported``) with one recognition card whose state is rebuilt by replaying its reviews
through the scheduler; every review row keeps its state before and after, as live grading
does. The card is suspended: the log says nothing of its word, so it has no English to study,
and its reviews are there for ``tutor optimize`` and the statistics. Importing the same file
again adds nothing.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tutor.corpus.textfile import iter_lines
from tutor.errors import InputError
from tutor.srs.evaluate import ReviewEvent
from tutor.srs.scheduler import Scheduler
from tutor.srs.state import CardState, Rating
from tutor.store.cards import write_state
from tutor.store.db import iso
from tutor.store.sql import Database

__all__ = ["ImportResult", "Reviews", "import_revlog", "read_reviews", "review_events"]

REQUIRED = ("card_id", "review_rating", "review_time")


@dataclass(frozen=True, slots=True)
class ImportResult:
    cards: int
    reviews: int
    skipped: int


_Review = tuple[datetime, int, int]  # when, rating, duration in ms
Reviews = dict[str, list[_Review]]  # by the log's card id


def _parse_time(text: str) -> datetime:
    text = text.strip()
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"review_time {text!r} is neither an ISO time nor epoch milliseconds"
        ) from None
    if moment.tzinfo is None:
        raise ValueError(f"review_time {text!r} needs a UTC offset")
    return moment.astimezone(UTC)


def _parse_row(row: dict[str, str | None]) -> tuple[str, _Review]:
    """(card id, review) of one CSV row; ``ValueError`` naming the bad column in plain words."""
    card = (row.get("card_id") or "").strip()
    if not card:
        raise ValueError("card_id is empty")
    rating_text = (row.get("review_rating") or "").strip()
    if rating_text not in ("1", "2", "3", "4"):
        raise ValueError(f"review_rating must be 1, 2, 3 or 4, not {rating_text!r}")
    moment = _parse_time(row.get("review_time") or "")
    duration_text = (row.get("review_duration") or "").strip()
    try:
        duration = int(float(duration_text or 0))
    except (ValueError, OverflowError):
        raise ValueError(
            f"review_duration must be a number of milliseconds, not {duration_text!r}"
        ) from None
    return card, (moment, int(rating_text), duration)


def read_reviews(path: Path) -> Reviews:
    """The reviews of the CSV at ``path`` by card id; ``InputError`` naming the file and line
    (text is read as every other input is: a binary or undecodable file says so)."""
    by_card: dict[str, list[_Review]] = defaultdict(list)
    try:
        reader = csv.DictReader(text for _, text in iter_lines(path))
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"missing column(s): {', '.join(missing)}", path=path, line=1)
        for row in reader:
            try:
                card, review = _parse_row(row)
            except ValueError as err:
                raise InputError(f"bad review: {err}", path=path, line=reader.line_num) from err
            by_card[card].append(review)
    except csv.Error as err:
        raise InputError(f"bad CSV: {err}", path=path) from err
    if not by_card:
        raise InputError("no reviews in this file", path=path)
    return by_card


def import_revlog(
    db: Database, deck_id: int, by_card: Reviews, scheduler: Scheduler, now: datetime
) -> ImportResult:
    """Bring a CSV's history (``read_reviews``) into ``deck_id`` in one transaction."""
    stamp = iso(now)
    cards = reviews = skipped = 0
    with db.atomic():
        for external, history in by_card.items():
            history.sort()
            hanzi = f"#{external}"
            row = db.conn.execute(
                "SELECT c.id FROM notes n JOIN cards c ON c.note_id = n.id "
                "WHERE n.deck_id = ? AND n.hanzi = ? AND c.template = 'recognition'",
                [deck_id, hanzi],
            ).fetchone()
            if row is not None:
                skipped += len(history)
                continue
            note = db.conn.execute(
                "INSERT INTO notes (deck_id, hanzi, tags, created, updated) VALUES (?, ?, ?, ?, ?)",
                [deck_id, hanzi, json.dumps(["imported"]), stamp, stamp],
            ).lastrowid
            card_id = int(
                db.conn.execute(
                    "INSERT INTO cards (note_id, deck_id, template, due, suspended) "
                    "VALUES (?, ?, 'recognition', ?, 1)",
                    [note, deck_id, iso(history[0][0])],
                ).lastrowid
                or 0
            )
            state = CardState(card_id=card_id, due=history[0][0])
            rows = []
            for moment, rating, duration in history:
                after = scheduler.grade(state, Rating(rating), moment)
                rows.append(
                    (card_id, deck_id, rating, iso(moment), duration, state.phase,
                     json.dumps({**state.to_json(), "suspended": True, "tags": ["imported"]}),
                     json.dumps({**after.to_json(), "leech": False}), "import")
                )  # fmt: skip
                state = after
            db.conn.executemany(
                "INSERT INTO reviews (card_id, deck_id, rating, reviewed_at, duration_ms, kind, "
                "state_before, state_after, quiz) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            write_state(db, state)
            cards += 1
            reviews += len(rows)
    return ImportResult(cards=cards, reviews=reviews, skipped=skipped)


def review_events(db: Database, deck_id: int | None) -> list[ReviewEvent]:
    """Every review not undone (of one deck, or all), oldest first: what the optimizer fits."""
    where = "AND deck_id = ?" if deck_id is not None else ""
    rows = db.conn.execute(
        f"SELECT card_id, rating, reviewed_at FROM reviews WHERE undone = 0 {where} "
        "ORDER BY reviewed_at, id",
        [deck_id] if deck_id is not None else [],
    )
    return [ReviewEvent(c, r, datetime.fromisoformat(t)) for c, r, t in rows]

"""Per-deck scheduling settings and fitted FSRS parameters, as rows.

Only keys that differ from the defaults need rows; a deck without rows uses ``DeckSettings()``.
Fitted parameters are append-only (each ``tutor optimize`` adds a row with its log loss before
and after), and the newest row for the deck, else the newest global row (``deck_id`` NULL),
is what the scheduler uses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tutor.errors import TutorError
from tutor.srs.settings import DeckSettings
from tutor.store.db import iso, parse_time
from tutor.store.sql import Database

__all__ = ["FittedParams", "fitted_params", "load_settings", "save_fitted", "save_settings"]


@dataclass(frozen=True, slots=True)
class FittedParams:
    deck_id: int | None
    params: tuple[float, ...]
    fitted_at: datetime
    review_count: int
    log_loss_before: float | None
    log_loss_after: float | None


# The machine's UTC offset is where the study day starts on this clock, not a setting of the
# deck: it always comes from ``base`` (the store's defaults), never from a row. Databases from
# before this may hold one, frozen at the first save; it is ignored, and dropped on the next.
MACHINE_KEYS = ("day_offset_minutes",)


def load_settings(db: Database, deck_id: int, base: DeckSettings | None = None) -> DeckSettings:
    """The deck's stored settings over ``base`` (the defaults)."""
    rows = db.conn.execute("SELECT key, value FROM settings WHERE deck_id = ?", [deck_id])
    values = {k: v for k, v in rows.fetchall() if k not in MACHINE_KEYS}
    try:
        return DeckSettings.from_strings(values, base)
    except ValueError as err:
        raise TutorError(f"deck {deck_id} has a bad stored setting: {err}") from err


def save_settings(db: Database, deck_id: int, settings: DeckSettings) -> None:
    """Store every setting of the deck but the machine's (validation already happened in
    ``DeckSettings``)."""
    values = {k: v for k, v in settings.to_strings().items() if k not in MACHINE_KEYS}
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO settings (deck_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (deck_id, key) DO UPDATE SET value = excluded.value",
            [(deck_id, key, value) for key, value in values.items()],
        )
        marks = ", ".join("?" * len(MACHINE_KEYS))
        db.conn.execute(
            f"DELETE FROM settings WHERE deck_id = ? AND key IN ({marks})", [deck_id, *MACHINE_KEYS]
        )


def fitted_params(db: Database, deck_id: int | None) -> FittedParams | None:
    """The newest parameters for the deck, falling back to the newest global ones."""
    row = db.conn.execute(
        "SELECT deck_id, params, fitted_at, review_count, log_loss_before, log_loss_after "
        "FROM fsrs_params WHERE deck_id IS ? OR deck_id IS NULL "
        "ORDER BY deck_id IS NULL, fitted_at DESC, id DESC LIMIT 1",
        [deck_id],
    ).fetchone()
    if row is None:
        return None
    fitted_at = parse_time(row[2])
    assert fitted_at is not None
    return FittedParams(row[0], tuple(json.loads(row[1])), fitted_at, row[3], row[4], row[5])


def save_fitted(
    db: Database,
    deck_id: int | None,
    params: Sequence[float],
    fitted_at: datetime,
    review_count: int,
    log_loss_before: float | None,
    log_loss_after: float | None,
) -> None:
    with db.atomic():
        db.conn.execute(
            "INSERT INTO fsrs_params (deck_id, params, fitted_at, review_count, "
            "log_loss_before, log_loss_after) VALUES (?, ?, ?, ?, ?, ?)",
            [
                deck_id,
                json.dumps([float(p) for p in params]),
                iso(fitted_at),
                review_count,
                log_loss_before,
                log_loss_after,
            ],
        )

"""How the learner is doing, for the home screen: reviews today, the streak, the next card due,
and how many cards are started and mature (an interval of 21 days or more, as Anki counts them).

Days are study days of the store's default settings (the rollover hour on this machine's
clock), as in ``stats``; reviews that were undone do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tutor.srs.day import day_start
from tutor.srs.settings import DeckSettings
from tutor.store.db import iso, parse_time
from tutor.store.sql import Database
from tutor.store.stats import day_label, day_shift

__all__ = ["Progress", "progress"]

MAX_STREAK = 3650  # study days looked back at
MATURE_DAYS = 21  # Anki's line between a young and a mature card


@dataclass(frozen=True, slots=True)
class Progress:
    today: int  # reviews since the study day began
    streak: int  # study days in a row with a review, up to today (or yesterday)
    next_due: datetime | None  # the earliest due card that is not new; None: nothing scheduled
    cards: int = 0  # cards being studied (not suspended, not marked known)
    started: int = 0  # of those, cards reviewed at least once
    mature: int = 0  # of those, review cards whose interval is MATURE_DAYS or more


def progress(db: Database, now: datetime, settings: DeckSettings) -> Progress:
    start = day_start(now, settings)
    today = db.conn.execute(
        "SELECT count(*) FROM reviews WHERE undone = 0 AND reviewed_at >= ?", [iso(start)]
    ).fetchone()[0]
    days = [
        date.fromisoformat(r[0])
        for r in db.conn.execute(
            "SELECT DISTINCT date(reviewed_at, ?) AS d FROM reviews WHERE undone = 0 "
            "ORDER BY d DESC LIMIT ?",
            [day_shift(settings), MAX_STREAK],
        )
    ]
    due, cards, started, mature = db.conn.execute(
        "SELECT min(CASE WHEN state != 'new' THEN due END), count(*),"
        " count(CASE WHEN state != 'new' THEN 1 END),"
        " count(CASE WHEN state = 'review'"
        "  AND julianday(due) - julianday(last_review) >= ? THEN 1 END)"
        " FROM cards WHERE suspended = 0 AND known = 0",
        [MATURE_DAYS],
    ).fetchone()
    label = date.fromisoformat(day_label(start, settings))
    return Progress(
        int(today), _streak(days, label), parse_time(due), int(cards), int(started), int(mature)
    )


def _streak(days: list[date], today: date) -> int:
    """Consecutive days ending today, or yesterday when nothing was studied yet today."""
    if not days or days[0] < today - timedelta(days=1):
        return 0
    run, expect = 0, days[0]
    for day in days:
        if day != expect:
            break
        run += 1
        expect = day - timedelta(days=1)
    return run

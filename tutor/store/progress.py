"""How the learner is doing, for the home screen: reviews today, the streak, and how many cards
are started and mature (an interval of 21 days or more, as Anki counts them); what is due next
is ``upcoming``'s, which the study screen asks too.

Days are study days of the store's default settings (the rollover hour on this machine's
clock), as in ``stats``; reviews that were undone do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tutor.srs.day import day_start
from tutor.srs.settings import DeckSettings
from tutor.store.db import iso, parse_time
from tutor.store.sql import Database

__all__ = ["Progress", "progress"]

MAX_STREAK = 3650  # study days looked back at


@dataclass(frozen=True, slots=True)
class Progress:
    today: int  # reviews since the study day began
    streak: int  # study days in a row with a review, up to today (or yesterday)
    cards: int = 0  # cards being studied (not suspended, not marked known)
    started: int = 0  # of those, cards reviewed at least once
    mature: int = 0  # of those, review cards whose interval is 21 days or more


def progress(db: Database, now: datetime, settings: DeckSettings) -> Progress:
    start = day_start(now, settings)
    today = db.conn.execute(
        "SELECT count(*) FROM reviews WHERE undone = 0 AND reviewed_at >= ?", [iso(start)]
    ).fetchone()[0]
    # kept by triggers on cards (migration m007), a row per deck: no walk of the cards
    cards, started, mature = db.conn.execute(
        "SELECT coalesce(sum(active), 0), coalesce(sum(started), 0), coalesce(sum(mature), 0) "
        "FROM deck_counts"
    ).fetchone()
    return Progress(
        int(today),
        streak(db, start, settings),
        int(cards),
        int(started),
        int(mature),
    )


def streak(db: Database, today: datetime, settings: DeckSettings) -> int:
    """Study days in a row with a review, ending today (or yesterday when nothing was studied
    yet today): one index seek per day of the streak, from the latest review backwards."""
    run, before = 0, today + timedelta(days=1)
    expect = today
    while run < MAX_STREAK:
        row = db.conn.execute(
            "SELECT max(reviewed_at) FROM reviews WHERE reviewed_at < ? AND undone = 0",
            [iso(before)],
        ).fetchone()
        last = parse_time(row[0])
        if last is None:
            break
        day = day_start(last, settings)
        if run == 0 and day == today - timedelta(days=1):
            expect = day  # nothing yet today: yesterday's run still counts
        if day != expect:
            break
        run += 1
        before, expect = day, day - timedelta(days=1)
    return run

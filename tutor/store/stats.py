"""Statistics for ``tutor stats`` and the stats screen: plain JSON-ready dicts.

Days are study days (the deck settings' rollover hour in the learner's zone), computed inside
SQLite with ``date(reviewed_at, shift)`` so a million reviews are grouped without Python loops.
True retention follows Anki: the share of reviews of cards in the review state that were not
"Again", over the window.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tutor.srs.day import day_start
from tutor.srs.settings import DeckSettings
from tutor.store.counts import counts as deck_counts
from tutor.store.db import iso, parse_time
from tutor.store.sql import Database

__all__ = ["day_label", "day_shift", "deck_stats", "next_due"]

_ACTIVE = "suspended = 0 AND known = 0"


def day_shift(settings: DeckSettings) -> str:
    """SQLite's ``date`` modifier that turns a UTC time into its study day's date."""
    minutes = settings.day_offset_minutes - 60 * settings.rollover_hour
    return f"{minutes:+d} minutes"


def day_label(start: datetime, settings: DeckSettings) -> str:
    """The calendar date of the study day starting at ``start`` (as SQLite's ``date`` gives)."""
    shifted = start + timedelta(minutes=settings.day_offset_minutes - 60 * settings.rollover_hour)
    return shifted.date().isoformat()


def next_due(db: Database, deck_id: int, after: datetime | None = None) -> datetime | None:
    """When the earliest scheduled (not new) active card of the deck falls due: the first
    active card of each state's range of the queue index."""
    where = "AND due > :after " if after else ""
    row = db.conn.execute(
        "SELECT min(due) FROM ("
        + " UNION ALL ".join(
            f"SELECT * FROM (SELECT due FROM cards WHERE deck_id = :deck AND state = '{state}' "
            f"AND {_ACTIVE} {where}ORDER BY due LIMIT 1)"
            for state in ("learning", "review", "relearning")
        )
        + ")",
        {"deck": deck_id, "after": iso(after) if after else None},
    ).fetchone()
    return parse_time(row[0])


def deck_stats(
    db: Database, deck_id: int | None, now: datetime, settings: DeckSettings, days: int = 30
) -> dict[str, Any]:
    """Counts by state, reviews per day and time studied over ``days``, true retention, and a
    ``days``-day due forecast, for one deck or (``deck_id=None``) all of them."""
    deck_filter = "deck_id = ?" if deck_id is not None else "1 = 1"
    params: list[Any] = [deck_id] if deck_id is not None else []
    shift = day_shift(settings)
    today = day_start(now, settings)
    since = today - timedelta(days=days - 1)

    counts = deck_counts(db, deck_id)
    states = {state: counts[f"in_{state}"] for state in ("new", "learning", "review", "relearning")}
    suspended, known = counts["suspended"], counts["known"]
    notes = counts["notes"]

    per_day: dict[str, dict[str, int]] = {}
    for day, count, duration in db.conn.execute(
        f"SELECT date(reviewed_at, ?), count(*), sum(duration_ms) FROM reviews "
        f"WHERE {deck_filter} AND reviewed_at >= ? AND undone = 0 GROUP BY 1 ORDER BY 1",
        [shift, *params, iso(since)],
    ):
        per_day[day] = {"reviews": count, "ms": duration or 0}
    reviews_per_day = []
    for offset in range(days):
        day = day_label(since + timedelta(days=offset), settings)
        reviews_per_day.append({"date": day, "reviews": per_day.get(day, {}).get("reviews", 0)})

    passed, total_review = db.conn.execute(
        f"SELECT sum(rating > 1), count(*) FROM reviews WHERE {deck_filter} "
        "AND reviewed_at >= ? AND undone = 0 AND kind = 'review'",
        [*params, iso(since)],
    ).fetchone()
    all_reviews, all_ms = counts["reviews"], counts["review_ms"]

    horizon = today + timedelta(days=days)
    due_by_day = dict(
        db.conn.execute(
            f"SELECT date(max(due, ?), ?), count(*) FROM cards WHERE {deck_filter} "
            "AND state IN ('learning', 'review', 'relearning') "
            f"AND {_ACTIVE} AND due < ? GROUP BY 1",
            [iso(today), shift, *params, iso(horizon)],
        ).fetchall()
    )
    forecast = []
    for offset in range(days):
        day = day_label(today + timedelta(days=offset), settings)
        forecast.append({"date": day, "due": due_by_day.get(day, 0)})

    return {
        "deck_id": deck_id,
        "notes": notes or 0,
        "cards": {**states, "suspended": suspended or 0, "known": known or 0},
        "reviews_total": all_reviews,
        "time_studied_minutes": round((all_ms or 0) / 60000, 1),
        "reviews_per_day": reviews_per_day,
        "reviews_window": sum(d["reviews"] for d in reviews_per_day),
        "time_window_minutes": round(sum(d["ms"] for d in per_day.values()) / 60000, 1),
        "true_retention": round(passed / total_review, 4) if total_review else None,
        "retention_reviews": total_review,
        "forecast": forecast,
    }

"""`tutor stats`: reviews per day, true retention, a 30-day due forecast, counts by state and
time studied, as text for people or JSON (``--json``) for scripts."""

from __future__ import annotations

import json
from typing import Any

import click

from tutor.commands.context import db_path

__all__ = ["COMMANDS", "format_stats", "stats"]

BAR_WIDTH = 30


def _bars(rows: list[dict[str, Any]], key: str) -> list[str]:
    """One line per day with a count: date, a bar scaled to the busiest day, the count."""
    peak = max((r[key] for r in rows), default=0)
    lines = []
    for row in rows:
        if row[key]:
            width = max(1, round(BAR_WIDTH * row[key] / peak))
            lines.append(f"  {row['date']}  {'█' * width:<{BAR_WIDTH}} {row[key]}")
    return lines or ["  (none)"]


def format_stats(data: dict[str, Any], deck: str | None) -> str:
    """The text report of ``Store.stats``."""
    cards = data["cards"]
    days = len(data["reviews_per_day"])
    retention = data["true_retention"]
    lines = [
        f"{deck or 'all decks'}: {data['notes']} notes",
        "cards: "
        + ", ".join(
            f"{cards[k]} {k}"
            for k in ("new", "learning", "review", "relearning", "suspended", "known")
        ),  # fmt: skip
        f"reviews: {data['reviews_total']} in all, {data['reviews_window']} in the last {days} "
        "days",
        f"time studied: {data['time_studied_minutes']} min in all, "
        f"{data['time_window_minutes']} min in the last {days} days",
        "true retention: "
        + (
            f"{retention:.1%} of {data['retention_reviews']} reviews in the last {days} days"
            if retention is not None
            else f"no reviews of review cards in the last {days} days"
        ),
        f"reviews per day (last {days} days):",
        *_bars(data["reviews_per_day"], "reviews"),
        f"due per day (next {len(data['forecast'])} days):",
        *_bars(data["forecast"], "due"),
    ]
    return "\n".join(lines)


@click.command()
@click.option("--deck", default=None, help="Only this deck.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stats(ctx: click.Context, deck: str | None, as_json: bool) -> None:
    """Show review statistics: per day, retention, forecast, counts by state, time studied."""
    from tutor.workspace import open_existing

    with open_existing(db_path(ctx)) as store:
        deck_id = store.deck_id(deck) if deck else None
        data = store.stats(deck_id)
    if as_json:
        click.echo(json.dumps(data, indent=2, default=str, ensure_ascii=False))
    else:
        click.echo(format_stats(data, deck))


COMMANDS = (stats,)

"""Small text formatters shared by the screens: intervals, due times, highlighted sentences."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from tutor.store.upcoming import Upcoming

__all__ = ["format_interval", "format_until", "highlight", "upcoming_text"]


def format_interval(delta: timedelta) -> str:
    """A short interval label like Anki's: ``<1m``, ``10m``, ``3h``, ``4d``, ``2.5mo``, ``1.2y``."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    minutes = seconds / 60
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        months = days / 30
        return f"{months:.1f}mo".replace(".0mo", "mo")
    years = days / 365
    return f"{years:.1f}y".replace(".0y", "y")


def format_until(when: datetime, now: datetime) -> str:
    """When something is due, relative to ``now``, on this machine's clock: ``in 10m (14:32
    CST)``."""
    delta = when - now
    local, today = when.astimezone(), now.astimezone()
    same_day = local.date() == today.date()
    stamp = local.strftime("%H:%M %Z" if same_day else "%Y-%m-%d %H:%M %Z")
    if delta.total_seconds() <= 0:
        return f"now ({stamp})"
    return f"in {format_interval(delta)} ({stamp})"


def upcoming_text(upcoming: Upcoming, now: datetime) -> str:
    """What happens next, as the home screen and the "all done" message both say it: "next
    review due in 1d (…); 20 new cards unlock in 15h (…)"; "" when nothing is scheduled."""
    parts = []
    if upcoming.review is not None:
        parts.append(f"next review due {format_until(upcoming.review, now)}")
    if upcoming.new_at is not None and upcoming.new_count:
        cards = "card unlocks" if upcoming.new_count == 1 else "cards unlock"
        parts.append(f"{upcoming.new_count} new {cards} {format_until(upcoming.new_at, now)}")
    return "; ".join(parts)


def highlight(sentence: str, word: str, *, style: str = "bold reverse") -> Text:
    """``sentence`` with every occurrence of ``word`` styled, so the learner sees it in context."""
    text = Text(sentence)
    if word:
        text.highlight_words([word], style=style)
    return text

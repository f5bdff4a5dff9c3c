"""Study days: when "today" starts for daily limits and sibling burying.

Everything is UTC; a study day starts at ``rollover_hour`` in the learner's zone, given as a
fixed offset in minutes so results never depend on the machine running the tests.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from tutor.srs.settings import DeckSettings
from tutor.srs.state import utc

__all__ = ["day_start", "next_day_start"]


def day_start(now: datetime, settings: DeckSettings) -> datetime:
    """UTC instant at which the study day containing ``now`` began."""
    shift = timedelta(minutes=settings.day_offset_minutes) - timedelta(hours=settings.rollover_hour)
    local = utc(now) + shift
    start_local = datetime.combine(local.date(), time(0), tzinfo=local.tzinfo)
    return start_local - shift


def next_day_start(now: datetime, settings: DeckSettings) -> datetime:
    """UTC instant at which the next study day begins (when buried cards come back)."""
    return day_start(now, settings) + timedelta(days=1)

"""Scheduling: FSRS wrapped with UTC times, deterministic fuzz and a daily queue. No SQL here."""

from tutor.srs.day import day_start, next_day_start
from tutor.srs.queue import Queue, QueueCounts, QueueSource
from tutor.srs.scheduler import DEFAULT_PARAMETERS, Scheduler
from tutor.srs.settings import DeckSettings, NewOrder, format_steps, parse_steps
from tutor.srs.state import CardState, Phase, Rating, utc

__all__ = [
    "DEFAULT_PARAMETERS",
    "CardState",
    "DeckSettings",
    "NewOrder",
    "Phase",
    "Queue",
    "QueueCounts",
    "QueueSource",
    "Rating",
    "Scheduler",
    "day_start",
    "format_steps",
    "next_day_start",
    "parse_steps",
    "utc",
]

"""What the store hands back: plain frozen dataclasses, no database handles inside."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from tutor.model import Example
from tutor.srs.state import CardState, Phase

__all__ = ["CardView", "DeckSummary", "ReviewResult", "Template", "UpsertResult"]

Template = Literal["recognition", "recall"]


@dataclass(frozen=True, slots=True)
class DeckSummary:
    """One row of the home screen. ``new`` and ``due`` are what is left for today at ``now``
    (capped by the daily limits); ``learning`` counts learning/relearning cards due by ``now``."""

    id: int
    name: str
    source: str
    new: int
    learning: int
    due: int
    total: int


@dataclass(frozen=True, slots=True)
class UpsertResult:
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class CardView:
    """A card with the note fields needed to show, grade or browse it."""

    card_id: int
    note_id: int
    deck_id: int
    template: Template
    hanzi: str
    traditional: str
    pinyin: str
    english: str
    senses: tuple[str, ...]
    kind: str
    examples: tuple[Example, ...]
    hsk_level: int | None
    frequency: float
    tags: tuple[str, ...]
    srs: CardState
    suspended: bool
    buried_until: datetime | None
    flag: int
    known: bool

    @property
    def state(self) -> Phase:
        return self.srs.phase

    @property
    def due(self) -> datetime | None:
        return self.srs.due


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """The outcome of one grade: the review row's id, the card as it now stands, and whether
    this review made it a leech (tagged and suspended)."""

    review_id: int
    card: CardView
    interval: timedelta
    leech: bool

"""The scheduling state of one card, as the store keeps it.

py-fsrs 6 has no "new" state (a new card is Learning at step 0 with no stability); learners
and the queue need it, so ``CardState.phase`` adds it. ``reps`` and ``lapses`` travel with the
state because the fuzz seed and the leech rule depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from fsrs import Rating

__all__ = ["CardState", "Phase", "Rating", "utc"]

Phase = Literal["new", "learning", "review", "relearning"]


def utc(moment: datetime) -> datetime:
    """Insist on timezone-aware datetimes and normalise them to UTC (py-fsrs requires it)."""
    if moment.tzinfo is None:
        raise ValueError("datetimes must be timezone-aware (UTC)")
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CardState:
    """FSRS memory state plus the counters the scheduler needs."""

    card_id: int
    phase: Phase = "new"
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    def evolve(self, **changes: Any) -> CardState:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """JSON shape kept in ``reviews.state_before``/``state_after`` for undo and audits."""
        return {
            "phase": self.phase,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat() if self.due else None,
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "reps": self.reps,
            "lapses": self.lapses,
        }

    @classmethod
    def from_json(cls, card_id: int, data: dict[str, Any]) -> CardState:
        return cls(
            card_id=card_id,
            phase=data["phase"],
            step=data.get("step"),
            stability=data.get("stability"),
            difficulty=data.get("difficulty"),
            due=datetime.fromisoformat(data["due"]) if data.get("due") else None,
            last_review=(
                datetime.fromisoformat(data["last_review"]) if data.get("last_review") else None
            ),
            reps=int(data.get("reps", 0)),
            lapses=int(data.get("lapses", 0)),
        )

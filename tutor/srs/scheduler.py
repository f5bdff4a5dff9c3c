"""FSRS scheduling, wrapped: pure functions of (state, rating, now), with deterministic fuzz.

py-fsrs draws fuzz from the global ``random`` module, so two runs of the same history would
schedule differently and tests could not pin intervals. We run py-fsrs with fuzzing off and
apply the same fuzz ranges ourselves from a generator seeded by the card id and its review
count: the same card graded the same way at the same time always lands on the same day.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

import fsrs
from fsrs.scheduler import DEFAULT_PARAMETERS, FUZZ_RANGES

from tutor.srs.settings import DeckSettings
from tutor.srs.state import CardState, Phase, Rating, utc

__all__ = ["DEFAULT_PARAMETERS", "Scheduler"]

_TO_FSRS = {
    "new": fsrs.State.Learning,
    "learning": fsrs.State.Learning,
    "review": fsrs.State.Review,
    "relearning": fsrs.State.Relearning,
}
_FROM_FSRS: dict[fsrs.State, Phase] = {
    fsrs.State.Learning: "learning",
    fsrs.State.Review: "review",
    fsrs.State.Relearning: "relearning",
}


class Scheduler:
    """Grades cards with FSRS-6 under one deck's settings and parameters."""

    def __init__(
        self,
        settings: DeckSettings | None = None,
        parameters: Sequence[float] | None = None,
        *,
        fuzz: bool = True,
    ) -> None:
        self.settings = settings or DeckSettings()
        self.parameters = tuple(parameters) if parameters is not None else DEFAULT_PARAMETERS
        self.fuzz = fuzz
        self._fsrs = fsrs.Scheduler(
            parameters=self.parameters,
            desired_retention=self.settings.desired_retention,
            learning_steps=self.settings.learning_steps,
            relearning_steps=self.settings.relearning_steps,
            maximum_interval=self.settings.maximum_interval,
            enable_fuzzing=False,
        )

    @property
    def decay(self) -> float:
        """FSRS-6's forgetting-curve decay (its 21st parameter; FSRS-5 and older fix it at 0.5)."""
        return float(self.parameters[20]) if len(self.parameters) > 20 else 0.5

    def grade(self, state: CardState, rating: Rating | int, now: datetime) -> CardState:
        """The state after reviewing ``state`` with ``rating`` at ``now`` (UTC)."""
        now = utc(now)
        rating = Rating(rating)
        card = fsrs.Card(
            card_id=state.card_id,
            state=_TO_FSRS[state.phase],
            step=0 if state.phase == "new" else state.step,
            stability=state.stability,
            difficulty=state.difficulty,
            due=state.due or now,
            last_review=state.last_review,
        )
        after, _log = self._fsrs.review_card(card, rating, now)
        interval = after.due - now
        phase = _FROM_FSRS[after.state]
        if self.fuzz and phase == "review":
            interval = self._fuzzed(interval, seed=(state.card_id, state.reps))
        lapsed = state.phase == "review" and rating == Rating.Again
        return CardState(
            card_id=state.card_id,
            phase=phase,
            step=after.step,
            stability=after.stability,
            difficulty=after.difficulty,
            due=now + interval,
            last_review=now,
            reps=state.reps + 1,
            lapses=state.lapses + (1 if lapsed else 0),
        )

    def preview(self, state: CardState, now: datetime) -> dict[Rating, timedelta]:
        """The interval each rating would give: what the grade keys show."""
        now = utc(now)
        return {r: self.grade(state, r, now).due - now for r in Rating}  # type: ignore[operator]

    def retrievability(self, state: CardState, now: datetime) -> float:
        """Predicted probability of recall at ``now`` (0 for a card never reviewed)."""
        if state.last_review is None or state.stability is None:
            return 0.0
        card = fsrs.Card(
            card_id=state.card_id,
            state=_TO_FSRS[state.phase],
            step=state.step,
            stability=state.stability,
            difficulty=state.difficulty,
            due=state.due or utc(now),
            last_review=state.last_review,
        )
        return float(self._fsrs.get_card_retrievability(card, utc(now)))

    def is_leech(self, before: CardState, after: CardState) -> bool:
        """True when this review made the card reach the leech threshold."""
        return after.lapses > before.lapses and after.lapses >= self.settings.leech_threshold

    def _fuzzed(self, interval: timedelta, seed: tuple[int, int]) -> timedelta:
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for fuzz_range in FUZZ_RANGES:
            delta += fuzz_range["factor"] * max(
                min(float(days), fuzz_range["end"]) - fuzz_range["start"], 0.0
            )
        maximum = self.settings.maximum_interval
        high = min(round(days + delta), maximum)
        low = min(max(2, round(days - delta)), high)
        rng = random.Random(seed[0] * 1_000_003 + seed[1])
        return timedelta(days=rng.randint(low, high))

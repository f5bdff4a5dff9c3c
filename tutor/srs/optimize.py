"""Fitting personal FSRS-6 parameters with fsrs-rs, the optimizer Anki uses (``fsrs-rs-python``).

Why fsrs-rs rather than py-fsrs's torch optimizer: fsrs-rs starts from the default parameters,
pre-trains the initial stabilities from the first-review outcomes, and penalises moving away
from the defaults, so a short history nudges the defaults instead of replacing them. On the
scheduler-accuracy bench (bench/scheduler_accuracy.py) the py-fsrs fit predicted later reviews
worse than the defaults; the fsrs-rs fit predicts them better. It is a ~0.6 MB Rust wheel with
no dependencies (torch was ~700 MB), so it is a plain dependency; a platform without a wheel
gets a one-line ``TutorError`` instead of a traceback.

Training items follow Anki's recipe: one item per later-day review, holding the card's history
up to and including that review as (rating, whole days since the previous review) pairs, oldest
item first (fsrs-rs weights recent items more). Days are counted as ``evaluate.predict`` and
py-fsrs count them, so the fit optimises what the scheduler computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType

import fsrs
from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from tutor.errors import TutorError
from tutor.srs.evaluate import ReviewEvent, card_histories, elapsed_days, log_loss, predict

__all__ = ["MIN_REVIEWS", "FitResult", "fit_parameters", "training_histories"]

MIN_REVIEWS = 400

Step = tuple[int, int]  # (rating 1-4, whole days since the card's previous review)


@dataclass(frozen=True, slots=True)
class FitResult:
    """The parameters to use from now on and how well they and the previous ones predict the
    history; ``adopted`` is False when the fit did not improve on the previous parameters
    (which ``parameters`` then repeats)."""

    parameters: tuple[float, ...]
    review_count: int
    log_loss_before: float
    log_loss_after: float
    adopted: bool = True


def training_histories(events: Sequence[ReviewEvent]) -> list[tuple[Step, ...]]:
    """fsrs-rs training items as plain data: for every review a day or more after the card's
    previous one, the card's steps up to and including it. The first step of a card has 0 days,
    as do same-day steps (they shape the state but end no item). Items are ordered by the time
    of their last review, ties by card id, so the order does not depend on the input order."""
    dated: list[tuple[datetime, int, tuple[Step, ...]]] = []
    for card_id, history in card_histories(events).items():
        steps: list[Step] = []
        previous = None
        for event in history:
            days = elapsed_days(previous, event.reviewed_at) if previous else 0
            steps.append((event.rating, days))
            if days > 0:
                dated.append((event.reviewed_at, card_id, tuple(steps)))
            previous = event.reviewed_at
    dated.sort(key=lambda item: (item[0], item[1]))
    return [steps for _, _, steps in dated]


def _library() -> ModuleType:
    try:
        import fsrs_rs_python
    except ImportError as err:
        raise TutorError(
            "optimizing needs fsrs-rs-python, which did not install on this platform: "
            "pip install fsrs-rs-python (building it needs a Rust toolchain)"
        ) from err
    return fsrs_rs_python


def _within_bounds(parameters: Sequence[float]) -> tuple[float, ...]:
    """fsrs-rs computes in float32 (0.8 comes back as 0.80000001) and py-fsrs rejects a value a
    hair outside its bounds, so round to 6 places and clamp into py-fsrs's ranges."""
    if len(parameters) != len(LOWER_BOUNDS_PARAMETERS):
        raise TutorError(
            f"the optimizer returned {len(parameters)} parameters, FSRS-6 needs "
            f"{len(LOWER_BOUNDS_PARAMETERS)}: pip install 'fsrs-rs-python>=0.9.3'"
        )
    return tuple(
        min(max(round(float(p), 6), low), high)
        for p, low, high in zip(
            parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    )


def _loss(events: Sequence[ReviewEvent], parameters: Sequence[float] | None) -> float:
    predictions = predict(events, parameters)
    if not predictions:
        return float("nan")
    return log_loss([p.p for p in predictions], [p.y for p in predictions])


def fit_parameters(
    events: Sequence[ReviewEvent],
    current: Sequence[float] | None = None,
    *,
    min_reviews: int = MIN_REVIEWS,
) -> FitResult:
    """Fit FSRS-6 parameters to ``events``; report log loss under ``current`` and after.

    The fitted parameters are kept only if they predict the history better than ``current``
    (fsrs-rs returns the defaults when there is too little later-day data).
    """
    if len(events) < min_reviews:
        raise TutorError(
            f"optimizing needs at least {min_reviews} reviews; this history has {len(events)}"
        )
    rs = _library()
    items = [
        rs.FSRSItem([rs.FSRSReview(rating, days) for rating, days in steps])
        for steps in training_histories(events)
    ]
    fitted = _within_bounds(rs.FSRS(rs.DEFAULT_PARAMETERS).compute_parameters(items))
    previous = tuple(current) if current is not None else tuple(fsrs.Scheduler().parameters)
    before = _loss(events, previous)
    after = _loss(events, fitted)
    if not after < before:  # no improvement: keep what we had
        return FitResult(previous, len(events), before, before, False)
    return FitResult(fitted, len(events), before, after, True)

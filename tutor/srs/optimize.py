"""Fitting personal FSRS parameters with py-fsrs's optional optimizer (``tutor[optimizer]``).

The optimizer needs torch and pandas, which are heavy, so they are an optional extra; without
them ``fit_parameters`` raises a ``TutorError`` saying how to install them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import fsrs

from tutor.errors import TutorError
from tutor.srs.evaluate import ReviewEvent, log_loss, predict

__all__ = ["MIN_REVIEWS", "FitResult", "fit_parameters"]

MIN_REVIEWS = 400


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
    (the optimizer can return the defaults when there is too little later-day data).
    """
    if len(events) < min_reviews:
        raise TutorError(
            f"optimizing needs at least {min_reviews} reviews; this history has {len(events)}"
        )
    logs = [
        fsrs.ReviewLog(
            card_id=e.card_id, rating=fsrs.Rating(e.rating), review_datetime=e.reviewed_at,
            review_duration=None,
        )
        for e in events
    ]  # fmt: skip
    try:
        optimizer = fsrs.Optimizer(logs)  # py-fsrs raises ImportError here without torch
    except ImportError as err:
        raise TutorError(
            "the optimizer is an optional extra (torch, pandas): pip install 'tutor[optimizer]'"
        ) from err
    fitted = tuple(float(p) for p in optimizer.compute_optimal_parameters())
    before = _loss(events, current)
    after = _loss(events, fitted)
    if not after < before:  # no improvement: keep what we had
        return FitResult(
            tuple(current or fsrs.Scheduler().parameters), len(events), before, before, False
        )
    return FitResult(fitted, len(events), before, after, True)

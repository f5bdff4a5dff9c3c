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

The log loss before and after is the mean over the reviews ``evaluate.predict`` scores, but
fsrs-rs computes the cards' memory states, in Rust (replaying the history through py-fsrs took
two thirds of the time at 1M reviews); FSRS-6's forgetting curve and ``evaluate.log_loss`` do
the rest. The figures agree with ``predict``'s to about 1e-7 (fsrs-rs computes in float32).
fsrs-rs's own ``FSRS.evaluate`` is not used for them: it weights recent items more, as the fit
does, which is another figure (0.4502 against 0.4587 on py-fsrs's review log, defaults).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from types import ModuleType, SimpleNamespace
from typing import Any

import fsrs
from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from tutor.errors import TutorError
from tutor.srs.evaluate import ReviewEvent, card_histories, elapsed_days, log_loss

__all__ = ["MIN_REVIEWS", "FitResult", "fit_parameters", "training_histories"]

MIN_REVIEWS = 400

Step = tuple[int, int]  # (rating 1-4, whole days since the card's previous review)

_by_time_then_card = itemgetter(0, 1)


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
    return _dataset(_PLAIN, events).items


@dataclass(slots=True)
class _Dataset:
    """The history in fsrs-rs's terms. ``items``: the training items, as ``training_histories``
    orders them. For scoring, ``cards``: each scored card's reviews up to the one before its
    last scored review, as one item whose memory states fsrs-rs computes; and per scored
    review, ``before`` (the position of the state before it among all those states, card
    after card), ``days`` since the previous review and ``recalled``."""

    items: list[Any] = field(default_factory=list)
    cards: list[Any] = field(default_factory=list)
    before: list[int] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    recalled: list[int] = field(default_factory=list)
    states: int = 0


# fsrs-rs's item and review constructors replaced by plain tuples, for ``training_histories``
_PLAIN = SimpleNamespace(FSRSReview=lambda rating, days: (rating, days), FSRSItem=tuple)


def _dataset(rs: Any, events: Sequence[ReviewEvent]) -> _Dataset:
    """One pass over the history, building items with ``rs.FSRSReview`` and ``rs.FSRSItem``."""
    data = _Dataset()
    dated: list[tuple[datetime, int, Any]] = []
    for card_id, history in card_histories(events).items():
        _add_card(rs, data, dated, card_id, history)
    dated.sort(key=_by_time_then_card)
    data.items = [item for _, _, item in dated]
    return data


def _add_card(
    rs: Any,
    data: _Dataset,
    dated: list[tuple[datetime, int, Any]],
    card_id: int,
    history: list[ReviewEvent],
) -> None:
    """A card's training items into ``dated`` and its scored reviews into ``data``. The review
    objects are shared between the card's items (fsrs-rs copies them into each), so building
    is linear in the reviews."""
    reviews: list[Any] = []
    previous = history[0].reviewed_at  # the first review is 0 days after itself
    last_scored = 0
    for k, event in enumerate(history):
        gap = elapsed_days(previous, event.reviewed_at)
        reviews.append(rs.FSRSReview(event.rating, gap))
        if gap > 0:
            dated.append((event.reviewed_at, card_id, rs.FSRSItem(reviews)))
            data.before.append(data.states + k - 1)
            data.days.append(gap)
            data.recalled.append(0 if event.rating == 1 else 1)
            last_scored = k
        previous = event.reviewed_at
    if last_scored:  # the states up to the one before the card's last scored review
        data.cards.append(rs.FSRSItem(reviews[:last_scored]))
        data.states += last_scored


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


def _loss(rs: ModuleType, data: _Dataset, parameters: Sequence[float]) -> float:
    """Mean log loss of the scored reviews under ``parameters``: FSRS-6's forgetting curve (as
    py-fsrs's ``get_card_retrievability``) at each review's days, from the stability fsrs-rs
    gives the card after its previous review."""
    if not data.days:
        return float("nan")
    histories = rs.FSRS(list(parameters)).historical_memory_state_batch(data.cards)
    stability = [state.stability for card in histories for state in card]
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    ps = [
        (1 + factor * days / stability[before]) ** decay
        for before, days in zip(data.before, data.days, strict=True)
    ]
    return log_loss(ps, data.recalled)


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
    data = _dataset(rs, events)
    fitted = _within_bounds(rs.FSRS(rs.DEFAULT_PARAMETERS).compute_parameters(data.items))
    previous = tuple(current) if current is not None else tuple(fsrs.Scheduler().parameters)
    before = _loss(rs, data, previous)
    after = _loss(rs, data, fitted)
    if not after < before:  # no improvement: keep what we had
        return FitResult(previous, len(events), before, before, False)
    return FitResult(fitted, len(events), before, after, True)

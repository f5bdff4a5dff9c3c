"""How well a set of FSRS parameters predicts recall: the numbers behind ``tutor optimize`` and
``bench/scheduler_accuracy.py``.

A prediction is made before each review that comes a day or more after the card's previous
review (the first review of a later day, as py-fsrs's optimizer and srs-benchmark count them):
the probability of recall FSRS gives at that moment, against whether the learner pressed
anything but Again. Same-day reviews update the card's state but are not scored.
Metrics: log loss, RMSE(bins) with srs-benchmark's binning by interval, review count and
lapses, and AUC.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import fsrs

__all__ = [
    "Prediction",
    "ReviewEvent",
    "auc",
    "card_histories",
    "elapsed_days",
    "log_loss",
    "predict",
    "rmse_bins",
]


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """One review of a card's history (times UTC)."""

    card_id: int
    rating: int
    reviewed_at: datetime


@dataclass(frozen=True, slots=True)
class Prediction:
    """A scored review: predicted recall ``p``, outcome ``y`` (1 = recalled), and the
    srs-benchmark features ``elapsed_days``, ``index`` (1-based review number) and ``lapses``
    (earlier Again ratings on a later day)."""

    card_id: int
    reviewed_at: datetime
    p: float
    y: int
    elapsed_days: int
    index: int
    lapses: int


def elapsed_days(earlier: datetime, later: datetime) -> int:
    """Whole days between two reviews, counted as py-fsrs counts them for retrievability (24-hour
    periods); 0 means a same-day review. The optimizer's training items use the same count, so
    the parameters are fitted to what the scheduler will compute."""
    return (later - earlier).days


def card_histories(events: Iterable[ReviewEvent]) -> dict[int, list[ReviewEvent]]:
    """Each card's reviews, oldest first."""
    by_card: dict[int, list[ReviewEvent]] = defaultdict(list)
    for event in events:
        by_card[event.card_id].append(event)
    for history in by_card.values():
        history.sort(key=lambda e: e.reviewed_at)
    return by_card


def predict(
    events: Iterable[ReviewEvent],
    parameters: Sequence[float] | None = None,
    *,
    score_from: datetime | None = None,
) -> list[Prediction]:
    """Replay every card's history under ``parameters`` and score its later-day reviews.

    Only reviews at or after ``score_from`` are scored (earlier ones still shape the state), so
    a time-series split can train on the past and test on what follows.
    """
    scheduler = fsrs.Scheduler(
        parameters=tuple(parameters) if parameters is not None else fsrs.Scheduler().parameters,
        enable_fuzzing=False,
    )
    out: list[Prediction] = []
    for card_id, history in card_histories(events).items():
        card = fsrs.Card(card_id=card_id, due=history[0].reviewed_at)
        lapses = 0
        for index, event in enumerate(history, start=1):
            recalled = 0 if event.rating == 1 else 1
            last = card.last_review
            elapsed = elapsed_days(last, event.reviewed_at) if last else 0
            if last is not None and elapsed > 0:
                if score_from is None or event.reviewed_at >= score_from:
                    p = scheduler.get_card_retrievability(card, event.reviewed_at)
                    out.append(
                        Prediction(card_id, event.reviewed_at, p, recalled, elapsed, index, lapses)
                    )
                if not recalled:
                    lapses += 1
            card, _ = scheduler.review_card(card, fsrs.Rating(event.rating), event.reviewed_at)
    return out


def _clip(p: float) -> float:
    return min(max(p, 1e-6), 1 - 1e-6)


def log_loss(ps: Sequence[float], ys: Sequence[int]) -> float:
    total = sum(
        -math.log(_clip(p)) if y else -math.log(1 - _clip(p)) for p, y in zip(ps, ys, strict=True)
    )
    return total / len(ps)


def _bin(x: float, base: float, scale: float, digits: int) -> float:
    return round(scale * base ** math.floor(math.log(x) / math.log(base)), digits)


def rmse_bins(predictions: Sequence[Prediction], ps: Sequence[float] | None = None) -> float:
    """srs-benchmark's RMSE(bins): group by binned interval, review number and lapses; compare
    mean prediction with mean outcome per group, weighted by group size. ``ps`` overrides the
    predictions' own ``p`` (to score another model on the same reviews)."""
    groups: dict[tuple[float, float, float], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for k, pred in enumerate(predictions):
        key = (
            _bin(pred.elapsed_days, 3.62, 2.48, 2),
            _bin(pred.index, 1.89, 1.99, 0),
            _bin(pred.lapses, 1.73, 1.65, 0) if pred.lapses else 0.0,
        )
        group = groups[key]
        group[0] += pred.y
        group[1] += ps[k] if ps is not None else pred.p
        group[2] += 1
    total = sum(g[2] for g in groups.values())
    error = sum(g[2] * (g[0] / g[2] - g[1] / g[2]) ** 2 for g in groups.values())
    return math.sqrt(error / total)


def auc(ps: Sequence[float], ys: Sequence[int]) -> float:
    """Area under the ROC curve by ranks (ties share their average rank); 0.5 when constant."""
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    ranks = [0.0] * len(ps)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and ps[order[j + 1]] == ps[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(ys)
    negatives = len(ys) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    rank_sum = sum(r for r, y in zip(ranks, ys, strict=True) if y)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)

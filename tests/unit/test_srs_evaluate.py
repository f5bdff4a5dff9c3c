"""Recall-prediction metrics used by ``tutor optimize`` and the accuracy benchmark."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from tutor.srs.evaluate import Prediction, ReviewEvent, auc, log_loss, predict, rmse_bins

T0 = datetime(2024, 1, 1, 9, tzinfo=UTC)


def test_only_later_day_reviews_are_scored() -> None:
    events = [
        ReviewEvent(1, 3, T0),
        ReviewEvent(1, 3, T0 + timedelta(minutes=10)),  # same day: not scored
        ReviewEvent(1, 1, T0 + timedelta(days=3)),
        ReviewEvent(1, 3, T0 + timedelta(days=3, minutes=10)),
        ReviewEvent(1, 3, T0 + timedelta(days=5)),
    ]
    out = predict(list(reversed(events)))  # order of input does not matter
    assert [(p.y, p.elapsed_days, p.index, p.lapses) for p in out] == [(0, 2, 3, 0), (1, 1, 5, 1)]
    assert all(0 < p.p < 1 for p in out)
    later = predict(events, score_from=T0 + timedelta(days=4))
    assert len(later) == 1 and later[0].p == out[1].p


def test_log_loss_and_auc_on_known_values() -> None:
    assert log_loss([0.5, 0.5], [1, 0]) == pytest.approx(math.log(2))
    assert auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == pytest.approx(0.75)
    assert auc([0.5] * 4, [0, 1, 0, 1]) == pytest.approx(0.5)


def test_rmse_bins_is_zero_when_bins_are_calibrated() -> None:
    preds = [Prediction(1, T0, 0.5, y, 3, 2, 0) for y in (0, 1, 0, 1)]
    assert rmse_bins(preds) == pytest.approx(0.0)
    assert rmse_bins(preds, [0.9] * 4) == pytest.approx(0.4)

"""Fitting FSRS-6 parameters with fsrs-rs: the training items, the fit, and its guards."""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from tests.fit_support import fake_fit
from tutor.errors import TutorError
from tutor.srs.evaluate import ReviewEvent, log_loss, predict
from tutor.srs.optimize import MIN_REVIEWS, fit_parameters, training_histories

T0 = datetime(2024, 1, 1, 9, tzinfo=UTC)
DEFAULTS = tuple(fsrs.Scheduler().parameters)


def learner(cards: int = 60, seed: int = 7) -> list[ReviewEvent]:
    """A learner whose first memories are four times as stable as FSRS-6's defaults assume,
    reviewed at fixed gaps, recalling with the probability that model gives."""
    true = list(DEFAULTS)
    true[0:4] = [p * 4 for p in true[0:4]]
    scheduler = fsrs.Scheduler(parameters=true, enable_fuzzing=False, learning_steps=())
    rng = random.Random(seed)
    events = []
    for card_id in range(cards):
        when = T0 + timedelta(hours=card_id % 24)
        card = fsrs.Card(card_id=card_id, due=when)
        for gap in (0, 2, 5, 11, 20, 35, 60):
            when += timedelta(days=gap)
            p = scheduler.get_card_retrievability(card, when) if card.last_review else 0.8
            rating = 3 if rng.random() < p else 1
            events.append(ReviewEvent(card_id, rating, when))
            card, _ = scheduler.review_card(card, fsrs.Rating(rating), when)
    return events


@pytest.fixture(scope="module")
def history() -> list[ReviewEvent]:
    return learner()


def test_one_item_per_later_day_review_with_the_history_before_it() -> None:
    events = [
        ReviewEvent(2, 3, T0 + timedelta(hours=1)),
        ReviewEvent(1, 1, T0),
        ReviewEvent(1, 3, T0 + timedelta(minutes=10)),  # same day: a step, no item
        ReviewEvent(1, 3, T0 + timedelta(days=2, hours=5)),
        ReviewEvent(2, 2, T0 + timedelta(days=1, hours=2)),  # 25 h later: 1 day
        ReviewEvent(1, 4, T0 + timedelta(days=3, hours=4)),  # 23 h later: same day, as py-fsrs
        ReviewEvent(1, 3, T0 + timedelta(days=10)),
    ]
    assert training_histories(events) == [
        ((3, 0), (2, 1)),
        ((1, 0), (3, 0), (3, 2)),
        ((1, 0), (3, 0), (3, 2), (4, 0), (3, 6)),
    ]
    # the items end exactly at the reviews the evaluation scores
    assert len(predict(events)) == len(training_histories(events))


def mixed(cards: int = 80, seed: int = 3) -> list[ReviewEvent]:
    """Every rating, same-day steps, 23- and 25-hour gaps and long ones, in shuffled order."""
    rng = random.Random(seed)
    gaps = [timedelta(minutes=10), timedelta(hours=23), timedelta(hours=25)]
    gaps += [timedelta(days=d, hours=rng.randrange(24)) for d in (2, 4, 9, 16, 33, 70)]
    events = []
    for card_id in range(cards):
        when = T0 + timedelta(minutes=card_id)
        for _ in range(rng.randrange(2, 14)):
            events.append(
                ReviewEvent(card_id, rng.choices((1, 2, 3, 4), (15, 10, 65, 10))[0], when)
            )
            when += rng.choice(gaps)
    rng.shuffle(events)
    return events


def plain_loss(events: list[ReviewEvent], parameters: tuple[float, ...]) -> float:
    """The log loss of py-fsrs's replay (``evaluate.predict``), the figure the fit reports."""
    predictions = predict(events, parameters)
    return log_loss([p.p for p in predictions], [p.y for p in predictions])


def test_the_reported_losses_are_the_schedulers_log_loss() -> None:
    # fsrs-rs computes the memory states; the figures are those of py-fsrs's own replay
    events = mixed()
    current = list(DEFAULTS)
    current[20] = 0.3  # another forgetting-curve decay than the defaults' 0.1542
    current[2] = 5.0
    result = fit_parameters(events, tuple(current), min_reviews=0)
    assert result.log_loss_before == pytest.approx(plain_loss(events, tuple(current)), abs=1e-6)
    assert result.log_loss_after == pytest.approx(plain_loss(events, result.parameters), abs=1e-6)
    assert result.adopted and result.log_loss_after < result.log_loss_before


def test_fit_learns_the_learners_stronger_first_memories(history: list[ReviewEvent]) -> None:
    result = fit_parameters(history, min_reviews=0)
    assert result.adopted and result.review_count == len(history)
    assert result.log_loss_after < result.log_loss_before
    assert len(result.parameters) == 21
    # initial stability after Good moves from the default toward the learner's (4x)
    assert result.parameters[2] > 2 * DEFAULTS[2]
    fsrs.Scheduler(parameters=result.parameters)  # py-fsrs accepts every value


def test_a_fit_that_does_not_improve_keeps_the_current_parameters(
    history: list[ReviewEvent],
) -> None:
    first = fit_parameters(history, min_reviews=0)
    again = fit_parameters(history, first.parameters, min_reviews=0)  # the fit is deterministic
    assert not again.adopted
    assert again.parameters == first.parameters
    assert again.log_loss_after == again.log_loss_before == pytest.approx(first.log_loss_after)


def test_too_few_reviews_is_a_tutor_error(history: list[ReviewEvent]) -> None:
    with pytest.raises(TutorError, match=f"at least {MIN_REVIEWS} reviews; this history has 10"):
        fit_parameters(history[:10])


def test_missing_library_is_a_tutor_error(
    history: list[ReviewEvent], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)  # import now raises ImportError
    with pytest.raises(TutorError, match="pip install fsrs-rs-python") as caught:
        fit_parameters(history, min_reviews=0)
    assert "\n" not in str(caught.value)


def test_float32_values_a_hair_outside_py_fsrs_bounds_are_clamped(
    history: list[ReviewEvent], monkeypatch: pytest.MonkeyPatch
) -> None:
    returned = list(DEFAULTS)
    returned[2] = 9.0
    returned[20] = 0.800000011920929  # 0.8 as float32; py-fsrs allows at most 0.8
    returned[7] = -0.5  # below py-fsrs's 0.001
    fake_fit(monkeypatch, returned)
    result = fit_parameters(history, min_reviews=0)
    assert result.parameters[20] == 0.8 and result.parameters[7] == 0.001
    assert result.parameters[2] == 9.0


def test_a_library_giving_fsrs5_parameters_is_a_tutor_error(
    history: list[ReviewEvent], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_fit(monkeypatch, list(DEFAULTS[:19]))
    with pytest.raises(TutorError, match="returned 19 parameters, FSRS-6 needs 21"):
        fit_parameters(history, min_reviews=0)

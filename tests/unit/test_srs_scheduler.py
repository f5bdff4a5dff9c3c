"""The FSRS wrapper: UTC only, intervals, deterministic fuzz, lapses, settings round trip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tutor.srs import CardState, DeckSettings, Rating, Scheduler, day_start, parse_steps

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def graduated(scheduler: Scheduler, card_id: int) -> CardState:
    state = scheduler.grade(CardState(card_id=card_id), Rating.Good, NOW)
    return scheduler.grade(state, Rating.Good, NOW + timedelta(minutes=10))


def test_new_card_preview_uses_learning_steps() -> None:
    preview = Scheduler().preview(CardState(card_id=1), NOW)
    assert preview[Rating.Again] == timedelta(minutes=1)
    assert preview[Rating.Good] == timedelta(minutes=10)
    assert preview[Rating.Easy] >= timedelta(days=1)
    assert list(preview) == [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]


def test_good_twice_graduates_to_review() -> None:
    state = graduated(Scheduler(), 1)
    assert state.phase == "review" and state.reps == 2 and state.lapses == 0
    assert state.due is not None and state.due - state.last_review >= timedelta(days=1)  # type: ignore[operator]


def test_naive_or_non_utc_time_is_refused_or_normalised() -> None:
    with pytest.raises(ValueError):
        Scheduler().grade(CardState(card_id=1), Rating.Good, datetime(2024, 5, 1, 12))
    plus8 = NOW.astimezone(timezone(timedelta(hours=8)))
    state = Scheduler().grade(CardState(card_id=1), Rating.Good, plus8)
    assert state.last_review == NOW and state.last_review.tzinfo == UTC  # type: ignore[union-attr]


def test_fuzz_is_deterministic_per_card_and_review_count() -> None:
    scheduler = Scheduler()
    base = graduated(scheduler, 7)
    later = base.due + timedelta(days=30)  # type: ignore[operator]
    first = scheduler.grade(base, Rating.Good, later)
    again = Scheduler().grade(base, Rating.Good, later)
    assert first == again
    unfuzzed = Scheduler(fuzz=False).grade(base, Rating.Good, later)
    # across many cards, fuzz spreads the same review over several days around the FSRS interval
    dues = {scheduler.grade(base.evolve(card_id=i), Rating.Good, later).due for i in range(40)}
    assert len(dues) > 1
    spread = [abs((d - unfuzzed.due).days) for d in dues]  # type: ignore[operator]
    assert max(spread) <= max(2, round(0.1 * (unfuzzed.due - later).days) + 2)  # type: ignore[operator]


def test_lapse_counts_and_relearning_step() -> None:
    scheduler = Scheduler()
    state = graduated(scheduler, 3)
    lapsed = scheduler.grade(state, Rating.Again, state.due)  # type: ignore[arg-type]
    assert lapsed.phase == "relearning" and lapsed.lapses == 1
    assert lapsed.due - lapsed.last_review == timedelta(minutes=10)  # type: ignore[operator]
    assert scheduler.is_leech(state, lapsed) is False
    strict = Scheduler(DeckSettings(leech_threshold=1))
    assert strict.is_leech(state, strict.grade(state, Rating.Again, state.due)) is True  # type: ignore[arg-type]


def test_maximum_interval_caps_reviews() -> None:
    scheduler = Scheduler(DeckSettings(maximum_interval=3))
    state = graduated(scheduler, 5)
    for _ in range(5):
        state = scheduler.grade(state, Rating.Easy, state.due)  # type: ignore[arg-type]
        assert state.due - state.last_review <= timedelta(days=3)  # type: ignore[operator]


def test_retention_setting_changes_intervals() -> None:
    base = graduated(Scheduler(fuzz=False), 9)
    when = base.due + timedelta(days=2)  # type: ignore[operator]
    loose = Scheduler(DeckSettings(desired_retention=0.8), fuzz=False).grade(base, 3, when)
    tight = Scheduler(DeckSettings(desired_retention=0.95), fuzz=False).grade(base, 3, when)
    assert loose.due > tight.due  # type: ignore[operator]


def test_retrievability_falls_with_time() -> None:
    scheduler = Scheduler()
    state = graduated(scheduler, 2)
    assert scheduler.retrievability(CardState(card_id=2), NOW) == 0.0
    soon = scheduler.retrievability(state, state.last_review + timedelta(days=1))  # type: ignore[operator]
    late = scheduler.retrievability(state, state.last_review + timedelta(days=60))  # type: ignore[operator]
    assert 1.0 > soon > late > 0.0


def test_settings_round_trip_and_validation() -> None:
    settings = DeckSettings(
        new_per_day=5, learning_steps=parse_steps("30s 5m 1h"), new_order="level"
    )
    assert DeckSettings.from_strings(settings.to_strings()) == settings
    assert settings.to_strings()["learning_steps"] == "30s 5m 1h"
    with pytest.raises(ValueError, match="desired_retention"):
        DeckSettings.from_strings({"desired_retention": "1.5"})
    with pytest.raises(ValueError, match="learning_steps"):
        DeckSettings.from_strings({"learning_steps": "soon"})
    with pytest.raises(ValueError):
        DeckSettings(new_order="random")  # type: ignore[arg-type]


def test_study_day_starts_at_rollover_in_the_learners_zone() -> None:
    utc_days = DeckSettings(day_offset_minutes=0, rollover_hour=4)
    assert day_start(NOW, utc_days) == datetime(2024, 5, 1, 4, tzinfo=UTC)
    assert day_start(datetime(2024, 5, 1, 3, tzinfo=UTC), utc_days) == datetime(
        2024, 4, 30, 4, tzinfo=UTC
    )
    beijing = DeckSettings(day_offset_minutes=8 * 60, rollover_hour=4)
    # 4 am in Beijing is 20:00 UTC the day before
    assert day_start(NOW, beijing) == datetime(2024, 4, 30, 20, tzinfo=UTC)

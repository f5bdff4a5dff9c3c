"""Importing an fsrs-optimizer CSV, and optimizing (the parts that need no torch)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.fit_support import fake_fit
from tutor.errors import InputError, TutorError
from tutor.srs import DeckSettings
from tutor.srs import optimize as optimize_module
from tutor.store import Store

HEADER = "card_id,review_rating,review_time,review_duration\n"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as opened:
        yield opened


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_import_rebuilds_card_state_and_keeps_every_review(store: Store, tmp_path: Path) -> None:
    csv = write_csv(
        tmp_path / "history.csv",
        [
            "11,3,2024-03-01T10:00:00+00:00,5000",
            "11,3,2024-03-01T10:10:00+00:00,4000",
            "11,1,2024-03-05T09:00:00+00:00,9000",
            "12,4,1709283600000,3000",
        ],
    )
    result = store.import_revlog(csv)
    assert (result.cards, result.reviews, result.skipped) == (2, 4, 0)
    deck = store.deck_id("history")
    rows = list(store.db.query("SELECT * FROM reviews ORDER BY reviewed_at, id"))
    assert [r["rating"] for r in rows] == [4, 3, 3, 1]
    assert rows[0]["reviewed_at"] == "2024-03-01T09:00:00.000000+00:00"  # epoch ms parsed as UTC
    lapsed = store.card(rows[-1]["card_id"])
    assert lapsed.state == "relearning" and lapsed.srs.lapses == 1 and lapsed.srs.reps == 3
    assert lapsed.hanzi == "#11" and "imported" in lapsed.tags
    again = store.import_revlog(csv)
    assert (again.cards, again.reviews, again.skipped) == (0, 0, 4)
    assert store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 4
    assert store.deck_summary(deck).total == 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("11,5,2024-03-01T10:00:00+00:00,1", "review_rating"),
        ("11,3,yesterday,1", "review_time 'yesterday' is neither"),
        ("11,3,2024-03-01T10:00:00,1", "UTC offset"),
        (",3,2024-03-01T10:00:00+00:00,1", "card_id"),
    ],
)
def test_bad_line_is_an_input_error_with_its_line(
    store: Store, tmp_path: Path, line: str, message: str
) -> None:
    good = "10,3,2024-03-01T10:00:00+00:00,1"
    csv = write_csv(tmp_path / "bad.csv", [good, line])
    with pytest.raises(InputError) as caught:
        store.import_revlog(csv)
    assert f"{csv}:3:" in str(caught.value)
    assert message in str(caught.value)
    assert store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_missing_columns_and_missing_file(store: Store, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("id,grade\n1,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        store.import_revlog(wrong)
    with pytest.raises(InputError, match="no such file"):
        store.import_revlog(tmp_path / "absent.csv")


def test_optimize_refuses_short_histories(store: Store, tmp_path: Path) -> None:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    lines = [f"{i % 5},3,{(start + timedelta(days=i)).isoformat()},1" for i in range(50)]
    store.import_revlog(write_csv(tmp_path / "short.csv", lines))
    with pytest.raises(TutorError, match="at least 400 reviews"):
        store.optimize(store.deck_id("short"))
    assert store.fitted_params() is None


def test_optimize_without_the_optimizer_library_says_how_to_install(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    lines = [f"{i % 40},3,{(start + timedelta(hours=7 * i)).isoformat()},1" for i in range(420)]
    store.import_revlog(write_csv(tmp_path / "long.csv", lines))

    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)  # as if it had not installed
    with pytest.raises(TutorError, match="pip install fsrs-rs-python"):
        store.optimize(None)


def test_optimize_stores_parameters_and_uses_them(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    lines = [
        f"{i % 40},{1 if i % 7 == 0 else 3},{(start + timedelta(hours=13 * i)).isoformat()},1"
        for i in range(420)
    ]
    store.import_revlog(write_csv(tmp_path / "long.csv", lines))
    fitted = list(optimize_module.fsrs.Scheduler().parameters)
    fitted[0] = 0.5  # a different first-Again stability: any change is visible in the loss
    fake_fit(monkeypatch, fitted)
    deck = store.deck_id("long")
    result = store.optimize(deck, now=start)
    stored = store.fitted_params(deck)
    assert stored is not None and stored.log_loss_before == result.log_loss_before
    assert stored.review_count == 420
    if result.log_loss_after < result.log_loss_before:
        assert store.scheduler(deck).parameters == tuple(fitted)
    else:  # a fit that does not help is not adopted
        assert result.parameters == optimize_module.fsrs.Scheduler().parameters

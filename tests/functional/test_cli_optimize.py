"""`tutor optimize`: the report, what is stored, the guards, and a missing optimizer library."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.fit_support import fake_fit
from tutor.cli import cli
from tutor.srs import optimize as optimize_module
from tutor.store import Store

START = datetime(2024, 1, 1, tzinfo=UTC)


def history(tmp_path: Path, reviews: int) -> Path:
    path = tmp_path / "long.csv"
    lines = [
        f"{i % 40},{1 if i % 7 == 0 else 3},{(START + timedelta(hours=13 * i)).isoformat()},1"
        for i in range(reviews)
    ]
    path.write_text(
        "card_id,review_rating,review_time,review_duration\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    return path


def imported(db_path: Path, tmp_path: Path, reviews: int) -> None:
    with Store.open(db_path) as store:
        store.import_revlog(history(tmp_path, reviews), "long")


def fake_library(monkeypatch: pytest.MonkeyPatch, first: float) -> None:
    """fsrs-rs's fit replaced by one that returns the defaults with a chosen first stability."""
    fitted = list(optimize_module.fsrs.Scheduler().parameters)
    fitted[0] = first
    fake_fit(monkeypatch, fitted)


def test_reports_counts_losses_and_keeps_a_better_fit(db_path: Path, tmp_path: Path) -> None:
    imported(db_path, tmp_path, 420)
    # the real optimizer: every card here comes back after ~3 weeks and is mostly recalled,
    # far more than the default first stabilities predict
    result = CliRunner().invoke(cli, ["optimize", "--deck", "long"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "420 reviews (deck long)"
    before = float(lines[1].split(":")[1])
    after = float(lines[2].split(":")[1])
    assert after < before
    assert lines[3].startswith("new parameters kept")
    defaults = tuple(optimize_module.fsrs.Scheduler().parameters)
    with Store.open(db_path) as store:
        stored = store.fitted_params(store.deck_id("long"))
        assert stored is not None and len(stored.params) == 21
        assert stored.params[2] > defaults[2]  # first stability after Good grew
    # a second run starts from the stored fit and has nothing better to offer
    again = CliRunner().invoke(cli, ["optimize", "--deck", "long"])
    assert again.exit_code == 0, again.output
    assert "parameters unchanged" in again.output


def test_a_worse_fit_is_not_kept(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported(db_path, tmp_path, 420)
    fake_library(monkeypatch, 0.001)
    result = CliRunner().invoke(cli, ["optimize"])
    assert result.exit_code == 0, result.output
    assert "(all decks)" in result.output
    assert "parameters unchanged" in result.output
    with Store.open(db_path) as store:
        stored = store.fitted_params(None)
        assert stored is not None
        assert stored.params == tuple(optimize_module.fsrs.Scheduler().parameters)


def test_too_few_reviews_is_one_line(db_path: Path, tmp_path: Path) -> None:
    imported(db_path, tmp_path, 100)
    result = CliRunner().invoke(cli, ["optimize"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "tutor: error: optimizing needs at least 400 reviews; this history has 100"
    ]


def test_missing_library_is_one_line(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported(db_path, tmp_path, 420)
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)  # as if it had not installed
    result = CliRunner().invoke(cli, ["optimize"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "pip install fsrs-rs-python" in result.output


def test_unknown_deck_and_missing_database(db_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["optimize"])
    assert result.exit_code == 2 and "no database here yet" in result.output
    imported(db_path, tmp_path, 10)
    result = CliRunner().invoke(cli, ["optimize", "--deck", "nope"])
    assert result.exit_code == 2 and "nope" in result.output

"""`tutor stats`: readable text and JSON, for one deck or all."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from tutor.cli import cli
from tutor.commands.stats import format_stats
from tutor.model import Entry
from tutor.srs import DeckSettings
from tutor.store import Store


def studied(db_path: Path) -> None:
    """Two decks; three reviews in 'demo' today (one Again), nothing in 'other'."""
    now = datetime.now(UTC)
    with Store.open(db_path, defaults=DeckSettings(day_offset_minutes=0)) as store:
        demo = store.ensure_deck("demo")
        store.upsert_entries(demo, [Entry(f"字{i}", "", "zì", f"w{i}") for i in range(3)])
        other = store.ensure_deck("other")
        store.upsert_entries(other, [Entry("城市", "", "chéng shì", "city")])
        cards = store.search("", deck_id=demo, state="new")
        for card, rating in zip(cards[:3], (3, 1, 4), strict=True):
            store.record_review(card.card_id, rating, now - timedelta(minutes=5), duration_ms=30000)


def test_json_has_every_figure(db_path: Path) -> None:
    studied(db_path)
    result = CliRunner().invoke(cli, ["stats", "--deck", "demo", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["reviews_total"] == 3
    assert data["cards"]["new"] == 3 and data["cards"]["learning"] + data["cards"]["review"] == 3
    assert len(data["reviews_per_day"]) == 30
    assert sum(day["reviews"] for day in data["reviews_per_day"]) == 3
    assert len(data["forecast"]) == 30
    assert data["time_studied_minutes"] == 1.5


def test_text_is_readable(db_path: Path) -> None:
    studied(db_path)
    result = CliRunner().invoke(cli, ["stats", "--deck", "demo"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("demo: 3 notes\n")
    assert "cards: 3 new, " in out
    assert "reviews: 3 in all, 3 in the last 30 days" in out
    assert "time studied: 1.5 min in all" in out
    assert "reviews per day (last 30 days):" in out and "due per day (next 30 days):" in out
    today = [line for line in out.splitlines() if line.rstrip().endswith("█ 3")]
    assert len(today) == 1  # one bar: today's three reviews
    assert "{" not in out  # not a dict dump


def test_all_decks_by_default(db_path: Path) -> None:
    studied(db_path)
    result = CliRunner().invoke(cli, ["stats"])
    assert result.output.startswith("all decks: 4 notes\n")


def test_retention_line_counts_review_cards_only() -> None:
    data = {
        "notes": 1, "cards": dict.fromkeys(
            ("new", "learning", "review", "relearning", "suspended", "known"), 0),
        "reviews_total": 10, "reviews_window": 4, "time_studied_minutes": 2.0,
        "time_window_minutes": 1.0, "true_retention": 0.75, "retention_reviews": 4,
        "reviews_per_day": [{"date": "2024-05-01", "reviews": 4}, {"date": "2024-05-02",
                                                                  "reviews": 0}],
        "forecast": [{"date": "2024-05-03", "due": 0}],
    }  # fmt: skip
    text = format_stats(data, "d")
    assert "true retention: 75.0% of 4 reviews in the last 2 days" in text
    assert "  2024-05-01  " + "█" * 30 + " 4" in text
    assert text.endswith("due per day (next 1 days):\n  (none)")
    data["true_retention"] = None
    assert "no reviews of review cards" in format_stats(data, "d")


def test_unknown_deck_is_one_line(db_path: Path) -> None:
    studied(db_path)
    result = CliRunner().invoke(cli, ["stats", "--deck", "nope"])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1

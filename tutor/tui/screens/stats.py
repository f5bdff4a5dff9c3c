"""The stats screen: counts by state, true retention, time studied, reviews per day and a
30-day due forecast (the same figures as ``tutor stats``, drawn)."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tutor.tui.widgets.chart import bar_chart

__all__ = ["StatsScreen", "summary_table"]


def summary_table(stats: dict[str, Any]) -> Table:
    cards = stats["cards"]
    retention = stats["true_retention"]
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="dim")
    table.add_column(style="bold")
    table.add_row("notes", str(stats["notes"]))
    for state in ("new", "learning", "review", "relearning", "suspended", "known"):
        table.add_row(state, str(cards.get(state, 0)))
    table.add_row("reviews (all time)", str(stats["reviews_total"]))
    table.add_row("time studied", f"{stats['time_studied_minutes']} min")
    table.add_row(
        "true retention (30 days)",
        "—" if retention is None else f"{retention:.1%} of {stats['retention_reviews']}",
    )
    return table


class StatsScreen(Screen[None]):
    """Statistics for one deck, or all decks when none is given."""

    # parsed when the screen is first opened, not at launch (see app.tcss)
    CSS = """
    StatsScreen VerticalScroll { padding: 0 1; }
    StatsScreen VerticalScroll > Static { margin-bottom: 1; }
    """

    HELP_TITLE = "Stats"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("h", "app.home", "Decks"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, deck: str | None) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="stats-title")
            yield Static(id="stats-summary")
            yield Static(id="stats-reviews")
            yield Static(id="stats-forecast")
        yield Footer()

    def on_mount(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        deck_id = store.deck_id(self.deck) if self.deck else None
        self.stats: dict[str, Any] = store.stats(deck_id, self.app.clock(), days=30)  # type: ignore[attr-defined]
        name = self.deck or "all decks"
        self.query_one("#stats-title", Static).update(Text(f"Statistics · {name}", "bold"))
        self.query_one("#stats-summary", Static).update(summary_table(self.stats))
        per_day = self.stats["reviews_per_day"]
        reviews = Text(f"Reviews per day (last 30 days: {self.stats['reviews_window']})\n", "bold")
        reviews.append_text(
            bar_chart(
                [d["reviews"] for d in per_day],
                height=4,
                first=per_day[0]["date"][5:],
                last=per_day[-1]["date"][5:],
                style="#2b8a3e",
            )
        )
        self.query_one("#stats-reviews", Static).update(reviews)
        forecast = self.stats["forecast"]
        due = Text(f"Due in the next 30 days ({sum(d['due'] for d in forecast)} cards)\n", "bold")
        due.append_text(
            bar_chart(
                [d["due"] for d in forecast],
                height=5,
                first=forecast[0]["date"][5:],
                last=forecast[-1]["date"][5:],
            )
        )
        self.query_one("#stats-forecast", Static).update(due)

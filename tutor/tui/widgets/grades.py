"""The grade keys: ``1 Again · 1m`` ... ``4 Easy · 4d``, each showing the interval it would give.

The labels come from the scheduler's preview for the card on screen, so the learner sees the
consequence of a key before pressing it (Anki's convention, which learners expect).
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from tutor.tui.format import format_interval

__all__ = ["RATING_NAMES", "GradeBar"]

RATING_NAMES: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


class GradeBar(Horizontal):
    """Four labelled grade keys; ``#grade-1`` .. ``#grade-4``. ``suggest(r)`` marks one key."""

    def compose(self) -> ComposeResult:
        for rating, name in RATING_NAMES.items():
            yield Static(f"{rating} {name}", id=f"grade-{rating}", classes="grade")

    def set_intervals(self, intervals: dict[int, timedelta]) -> None:
        """Show each rating's next interval (keys missing from ``intervals`` show no interval)."""
        for rating, name in RATING_NAMES.items():
            label = Text(f" {rating} ", style="reverse bold")
            label.append(f" {name}")
            if rating in intervals:
                label.append(f" · {format_interval(intervals[rating])}", style="bold")
            self.query_one(f"#grade-{rating}", Static).update(label)

    def suggest(self, rating: int | None) -> None:
        """Highlight the rating an auto-graded quiz suggests (None clears it)."""
        for r in RATING_NAMES:
            self.query_one(f"#grade-{r}", Static).set_class(r == rating, "suggested")

    def label(self, rating: int) -> str:
        """The plain text of a key's label (what a test or screen reader sees)."""
        return str(self.query_one(f"#grade-{rating}", Static).content)

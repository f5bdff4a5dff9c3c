"""Shown instead of anything else while the terminal is too small to draw a card."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "TooSmallScreen"]

MIN_WIDTH, MIN_HEIGHT = 50, 14


class TooSmallScreen(Screen[None]):
    """Says how large the terminal must be; goes away by itself once it is (``TutorApp``).
    Keys do nothing here but quit: nothing is graded on a card the learner cannot see."""

    CSS = """
    TooSmallScreen { align: center middle; }
    #too-small { width: 100%; height: auto; text-align: center; }
    """

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.update_size(self.app.size.width, self.app.size.height)

    def update_size(self, width: int, height: int) -> None:
        self.query_one("#too-small", Static).update(
            f"Terminal {width}×{height}:\ntutor needs {MIN_WIDTH}×{MIN_HEIGHT}.\n"
            "Make it larger\n(q quits)."
        )

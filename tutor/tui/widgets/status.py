"""The session header: which database and deck are in use, and how far the session has got.

Showing the database path is deliberate: a learner with several progress files (or a TUTOR_DB
left set in a shell) should never wonder where their reviews are going.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tutor.tui.tones import TONE_COLOURS

__all__ = ["SessionStatus", "progress_text"]


def progress_text(reviewed: int, new: int, learning: int, due: int) -> Text:
    """``reviewed 3 · remaining 17: new 10 · learning 2 · review 5``.

    New, learning and review counts are blue, red and green, as in Anki."""
    text = Text(f"reviewed {reviewed}", style="bold")
    text.append(f" · remaining {new + learning + due}: ")
    text.append(f"new {new}", style=TONE_COLOURS[3])
    text.append(" · ")
    text.append(f"learning {learning}", style=TONE_COLOURS[1])
    text.append(" · ")
    text.append(f"review {due}", style=TONE_COLOURS[2])
    return text


class SessionStatus(Vertical):
    """``#where`` (deck and database file) above ``#progress`` (the session line)."""

    def compose(self) -> ComposeResult:
        yield Static(id="where")
        yield Static(id="progress")

    def set_where(self, deck: str, db_path: Path | str) -> None:
        text = Text("deck ", style="dim")
        text.append(deck, style="bold")
        text.append("  ·  database ", style="dim")
        text.append(str(db_path))
        self.query_one("#where", Static).update(text)

    def set_progress(self, reviewed: int, new: int, learning: int, due: int) -> None:
        self.query_one("#progress", Static).update(progress_text(reviewed, new, learning, due))

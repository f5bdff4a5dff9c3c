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
    """``#where`` (deck and database file) above ``#progress`` (the session line).

    The two lines are made with the widget, so a screen may set them in its own ``on_mount``
    before this widget's children are mounted."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._where = Static(id="where")
        self._progress = Static(id="progress")

    def compose(self) -> ComposeResult:
        yield self._where
        yield self._progress

    def set_where(self, deck: str, db_path: Path | str) -> None:
        text = Text("deck ", style="dim")
        text.append(deck, style="bold")
        text.append("  ·  database ", style="dim")
        text.append(str(db_path))
        self._where.update(text)

    def set_progress(self, reviewed: int, new: int, learning: int, due: int) -> None:
        self._progress.update(progress_text(reviewed, new, learning, due))

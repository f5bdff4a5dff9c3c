"""The study screen: one card at a time, ``space`` to reveal, ``1``-``4`` to grade, ``u`` to undo.

All decisions live in ``StudySession``; this screen maps keys to it and redraws. A grade is
written before the next card is drawn, so the screen never shows a card whose predecessor is
not yet saved.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from tutor.tui.format import format_until
from tutor.tui.session import StudySession
from tutor.tui.widgets.card import CardFace
from tutor.tui.widgets.grades import GradeBar
from tutor.tui.widgets.status import SessionStatus

__all__ = ["StudyScreen"]


class StudyScreen(Screen[None]):
    """Reviews the cards of one deck that are due now."""

    BINDINGS = [
        Binding("space", "reveal", "Reveal"),
        Binding("1", "grade(1)", "Again", show=False),
        Binding("2", "grade(2)", "Hard", show=False),
        Binding("3", "grade(3)", "Good", show=False),
        Binding("4", "grade(4)", "Easy", show=False),
        Binding("u", "undo", "Undo"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield SessionStatus(id="status")
        yield CardFace(id="card")
        yield Static(id="done")
        yield GradeBar(id="grades")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SessionStatus).set_where(self.session.deck, self.session.store.path)
        self.session.advance()
        self._redraw()

    # -- actions -----------------------------------------------------------------------------

    def action_reveal(self) -> None:
        if self.session.current is not None:
            self.query_one(CardFace).reveal()
            self.query_one(GradeBar).remove_class("dim")

    def action_grade(self, rating: int) -> None:
        if self.session.current is None:
            return
        card = self.query_one(CardFace)
        if not card.revealed:  # grading an answer never seen is a slip of the finger
            self.action_reveal()
            return
        self.session.grade(rating)
        self._redraw()

    def action_undo(self) -> None:
        if not self.session.can_undo:
            self.notify("Nothing to undo in this session.", severity="warning")
            return
        self.session.undo()
        self._redraw()

    # -- drawing -----------------------------------------------------------------------------

    def _redraw(self) -> None:
        counts = self.session.counts()
        self.query_one(SessionStatus).set_progress(
            counts.reviewed, counts.new, counts.learning, counts.due
        )
        card = self.session.current
        face = self.query_one(CardFace)
        done = self.query_one("#done", Static)
        grades = self.query_one(GradeBar)
        face.display = grades.display = card is not None
        done.display = card is None
        if card is None:
            done.update(self._done_text())
            return
        face.show(card)
        grades.set_intervals(self.session.intervals())
        grades.add_class("dim")

    def _done_text(self) -> Text:
        when = self.session.next_due()
        now = self.session.clock()
        soon = when is not None and when - now < timedelta(hours=1)
        heading = "All caught up for now!" if soon else "All done for today!"
        text = Text(f"{heading}\n\n", style="bold")
        text.append(f"You reviewed {self.session.reviewed} cards in this session.\n")
        if when is None:
            text.append("No cards are scheduled in this deck.")
        else:
            text.append(f"The next card is due {format_until(when, now)}.")
        text.append("\n\nPress q to quit.", style="dim")
        return text

"""The home screen: every deck with what is left today, and the database file in use.

``enter`` studies the highlighted deck; the counts refresh whenever the screen comes back, so
returning from a session shows the work that is left.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tutor.tui.format import upcoming_text
from tutor.tui.tones import TONE_COLOURS

__all__ = ["HomeScreen"]


class HomeScreen(Screen[None]):
    """Deck list: name, new, learning, review (due), total."""

    # parsed when the screen is first opened, not at launch (see app.tcss)
    CSS = """
    #home-title { padding: 0 1; background: $panel; }
    #home-progress { padding: 0 1; }
    #decks { height: 1fr; }
    #home-empty { padding: 1 2; }
    """

    HELP_TITLE = "Decks (home)"

    BINDINGS = [
        Binding("enter", "study", "Study", show=True, priority=True),
        Binding("b", "browse", "Browse"),
        Binding("s", "stats", "Stats"),
        Binding("comma", "settings", "Settings"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="home-title")
        yield Static(id="home-progress")
        yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Deck", key="name")
        for label in ("New", "Learning", "Review", "Total"):
            table.add_column(label, key=label.lower())
        title = Text("tutor", style="bold")
        title.append("  ·  database ", style="dim")
        title.append(str(self.app.store.path))  # type: ignore[attr-defined]
        self.query_one("#home-title", Static).update(title)
        self.refresh_decks()

    def on_screen_resume(self) -> None:
        self.refresh_decks()

    def refresh_decks(self) -> None:
        if self.app.screen is not self:
            return  # covered at launch by the study screen: counted when it comes back
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        decks = self.app.store.decks(self.app.clock())  # type: ignore[attr-defined]
        for deck in decks:
            table.add_row(
                Text(deck.name, style="bold"),
                Text(str(deck.new), style=TONE_COLOURS[3]),
                Text(str(deck.learning), style=TONE_COLOURS[1]),
                Text(str(deck.due), style=TONE_COLOURS[2]),
                str(deck.total),
                key=deck.name,
            )
        if decks:
            table.move_cursor(row=min(row, len(decks) - 1))
        self._draw_progress()
        empty = self.query_one("#home-empty", Static)
        empty.display = not decks
        empty.update("No decks yet. Mine one with:  tutor mine SOURCE [--deck NAME]")

    def _draw_progress(self) -> None:
        now = self.app.clock()  # type: ignore[attr-defined]
        done = self.app.store.progress(now)  # type: ignore[attr-defined]
        line = Text(f"today {done.today} review{'' if done.today == 1 else 's'}")
        days = "day" if done.streak == 1 else "days"
        line.append(f"  ·  streak {done.streak} {days}")
        from tutor.store.upcoming import upcoming

        coming = upcoming_text(upcoming(self.app.store, now), now)  # type: ignore[attr-defined]
        if coming:
            line.append(f"  ·  {coming}")
        if done.cards:
            line.append(f"  ·  {done.started:,} of {done.cards:,} cards started, ")
            line.append(f"{done.mature:,} mature", style="bold" if done.mature else "")
        self.query_one("#home-progress", Static).update(line)

    @property
    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_study(self) -> None:
        if self.selected is not None:
            self.app.study(self.selected)  # type: ignore[attr-defined]

    @on(DataTable.RowSelected)
    def _clicked(self, event: DataTable.RowSelected) -> None:
        self.action_study()

    def action_browse(self) -> None:
        self.app.browse(self.selected)  # type: ignore[attr-defined]

    def action_stats(self) -> None:
        self.app.stats(self.selected)  # type: ignore[attr-defined]

    def action_settings(self) -> None:
        if self.selected is not None:
            self.app.settings(self.selected)  # type: ignore[attr-defined]

"""The settings screen: one deck's scheduling options, stored in progress.db.

Values are edited as text in the same spelling ``DeckSettings.to_strings`` writes ("1m 10m" for
steps), and checked by ``DeckSettings.from_strings`` before anything is saved: a bad value is
named in a notification and nothing changes.
"""

from __future__ import annotations

from typing import get_args

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from tutor.quiz import QUIZ_KINDS
from tutor.srs import DeckSettings, NewOrder

__all__ = ["FIELDS", "SettingsScreen"]

FIELDS: dict[str, str] = {
    "new_per_day": "New cards per day",
    "reviews_per_day": "Reviews per day",
    "learning_steps": "Learning steps",
    "relearning_steps": "Relearning steps",
    "desired_retention": "Desired retention (0-1)",
    "maximum_interval": "Maximum interval (days)",
    "leech_threshold": "Leech threshold (lapses)",
    "new_order": f"New card order ({' | '.join(get_args(NewOrder))})",
    "rollover_hour": "Next day starts at (hour)",
    "learn_ahead_minutes": "Learn ahead (minutes)",
    "quiz_kinds": f"Quiz kinds ({' '.join(QUIZ_KINDS)})",
}


class SettingsScreen(Screen[None]):
    """Scheduling settings of one deck and the quiz kinds its study sessions use."""

    # parsed when the screen is first opened, not at launch (see app.tcss)
    CSS = """
    #settings-form { padding: 0 1; }
    .setting { height: auto; }
    .setting Label { width: 32; padding: 1 1 0 0; }
    .setting Input { width: 1fr; }
    """

    HELP_TITLE = "Settings"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, deck: str) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        store = self.app.store  # type: ignore[attr-defined]
        self.deck_id = store.deck_id(self.deck)
        values = store.settings(self.deck_id).to_strings()
        with VerticalScroll(id="settings-form"):
            title = Text(f"Settings · {self.deck}  (ctrl+s saves, esc goes back)")
            yield Static(title, id="title")  # Text: a deck name is no markup
            for key, label in FIELDS.items():
                with Horizontal(classes="setting"):
                    yield Label(label)
                    yield Input(values[key], id=f"set-{key}")
        yield Footer()

    def on_mount(self) -> None:
        # typing goes into the first field at once, as ctrl+s saves what the fields hold
        self.query_one(f"#set-{next(iter(FIELDS))}", Input).focus()

    def action_save(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        values = {key: self.query_one(f"#set-{key}", Input).value for key in FIELDS}
        try:
            settings = DeckSettings.from_strings(values, base=store.settings(self.deck_id))
        except ValueError as err:
            self.notify(str(err), title="Not saved", severity="error", markup=False)
            return
        store.set_settings(self.deck_id, settings)
        self.notify(f"Settings of {self.deck} saved.", markup=False)

"""The help screen (``?``): every key of every screen, read from the screens' own bindings so
the list can never drift from what the keys actually do."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

__all__ = ["HelpScreen", "help_table"]

_KEY_NAMES = {"question_mark": "?", "comma": ",", "escape": "esc", "slash": "/"}

_TYPING = [
    ("typed pinyin", "tone numbers (xie2 tong2, xie2tong2), tone marks, v or u: for ü"),
    ("cloze", "type hanzi or pinyin; enter on an empty box shows options to choose"),
    ("after a quiz", "enter accepts the suggested grade; 1-4 override it"),
]


def _key(binding: Binding) -> str:
    return binding.key_display or _KEY_NAMES.get(binding.key, binding.key)


def _screens() -> list[tuple[str, list[Binding]]]:
    from tutor.tui.screens.browse import BrowseScreen
    from tutor.tui.screens.card import CardScreen
    from tutor.tui.screens.home import HomeScreen
    from tutor.tui.screens.settings import SettingsScreen
    from tutor.tui.screens.stats import StatsScreen
    from tutor.tui.screens.study import StudyScreen

    screens: list[type[Screen[Any]]] = [
        HomeScreen,
        StudyScreen,
        BrowseScreen,
        CardScreen,
        StatsScreen,
        SettingsScreen,
    ]
    out = []
    for screen in screens:
        bindings = [b for b in screen.BINDINGS if isinstance(b, Binding)]
        out.append((getattr(screen, "HELP_TITLE", screen.__name__), bindings))
    return out


def help_table() -> Table:
    """A two-column table: key, what it does; one section per screen."""
    table = Table(box=None, show_header=False, padding=(0, 2), expand=False)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does")
    for title, bindings in _screens():
        table.add_row(Text(title, style="bold underline"), "")
        seen: set[tuple[str, str]] = set()
        for binding in bindings:
            row = (_key(binding), binding.description or binding.action)
            if row not in seen:
                seen.add(row)
                table.add_row(*row)
        table.add_row("", "")
    table.add_row(Text("Answering", style="bold underline"), "")
    for what, how in _TYPING:
        table.add_row(what, how)
    table.add_row("ctrl+q", "quit from anywhere")
    return table


class HelpScreen(ModalScreen[None]):
    """Help: every key."""

    # parsed when the screen is first opened, not at launch (see app.tcss)
    CSS = """
    HelpScreen { align: center middle; }
    #help-body {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("question_mark", "app.pop_screen", "Close"),
        Binding("q", "app.pop_screen", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys  (esc closes)", style="bold"), id="help-title")
            yield Static(help_table(), id="help-keys")

"""The home screen (placeholder until the deck list lands): lists deck names."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

__all__ = ["HomeScreen"]


class HomeScreen(Screen[None]):
    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        names = ", ".join(d.name for d in self.app.store.decks()) or "no decks"  # type: ignore[attr-defined]
        yield Static(f"Decks: {names}")
        yield Footer()

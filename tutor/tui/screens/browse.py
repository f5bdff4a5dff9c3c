"""The browse screen: search every card, filter, and open one to edit, suspend or mark known.

Searching is the store's job (``Store.search``); this screen parses the query box, shows the
matches in a table and opens the card screen on ``enter``.

Keys can arrive faster than they are handled (a paste, a fast typist): ``enter`` is a priority
binding (so the footer shows it over the box's and the table's own), run by the app before the
keys typed just ahead of it have reached the focused widget, or (a cursor move) come back up to
the app's bindings. So ``open`` waits behind them along that path (``after_pending_keys``),
searches the box's text as it then stands, and picks its card by the row key of the table on
screen, never by an index into a list that may belong to an older search.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from tutor.tui.format import format_until
from tutor.tui.search import parse_query
from tutor.tui.tones import tone_text

__all__ = ["BrowseScreen"]

LIMIT = 500


def state_of(card: Any, listed: frozenset[str] = frozenset()) -> str:
    """A card's state as Browse shows it; "known" also for a word on the learner's known list
    (``tutor known``), which mining skips but a card mined before stays in the deck."""
    if card.known or card.hanzi in listed:
        return "known"
    if card.suspended:
        return "suspended"
    return str(card.state)


def after_pending_keys(path: Sequence[MessagePump], callback: Callable[[], None]) -> None:
    """Call ``callback`` once the keys queued along ``path`` (the focused widget, then each
    ancestor up to the app: the way a key bubbles to the bindings) have all been handled."""
    if not path:
        callback()
        return
    head, *rest = path
    head.call_later(after_pending_keys, rest, callback)


class BrowseScreen(Screen[None]):
    """Search by hanzi, pinyin (with or without tones) or English; filter with deck:, state:,
    level:, flag:."""

    # parsed when the screen is first opened, not at launch (see app.tcss)
    CSS = """
    #browse-count { padding: 0 1; }
    #browse-results { height: 1fr; }
    """

    HELP_TITLE = "Browse"
    BINDINGS = [
        Binding("enter", "open", "Open card", priority=True),
        Binding("slash", "focus_search", "Search"),
        Binding("escape", "back", "Back"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def __init__(self, deck: str | None = None) -> None:
        super().__init__()
        self.deck = deck
        self.cards: list[Any] = []
        self._searched: str | None = None  # the query text the table shows the results of

    def compose(self) -> ComposeResult:
        initial = f"deck:{self.deck} " if self.deck and " " not in self.deck else ""
        yield Input(
            initial,
            placeholder="hanzi, pinyin or English · deck: state: level: flag:",
            id="browse-query",
        )
        yield Static(id="browse-count")
        yield DataTable(id="browse-results", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        # the known list changes only from the command line: read once, not per keystroke
        store = self.app.store  # type: ignore[attr-defined]
        self._listed = frozenset(row[0] for row in store.known_list())
        table = self.query_one(DataTable)
        # the short columns first: long English pushed Card/State/Due/Flag off screen at 100
        for label in ("Hanzi", "Card", "State", "Due", "Flag", "Pinyin", "English"):
            table.add_column(label, key=label.lower())
        self.search(self.query_one(Input).value)
        self.query_one(Input).focus()

    def on_screen_resume(self) -> None:
        """Back from a card: the results are searched again and keep the focus, so one Esc
        leaves Browse."""
        self.search(self.query_one(Input).value)
        if self.cards:
            self.query_one(DataTable).focus()

    @on(Input.Changed, "#browse-query")
    def _changed(self, event: Input.Changed) -> None:
        # the box as it is now, not as it was when this message was sent: a message queued
        # behind ``enter`` must not bring back an older query's rows
        self._catch_up()

    def _catch_up(self) -> None:
        """Search the box's current text, unless the table already shows its results."""
        raw = self.query_one(Input).value
        if raw != self._searched:
            self.search(raw)

    def search(self, raw: str) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        count = self.query_one("#browse-count", Static)
        self._searched = raw
        try:
            query = parse_query(raw)
            deck_id = store.deck_id(query.deck) if query.deck else None
        except Exception as err:  # noqa: BLE001 - a half-typed query is not an error to raise
            count.update(Text(str(err), style="#e03131"))
            return
        self.cards = store.search(
            query.text,
            deck_id=deck_id,
            state=query.state,
            level=query.level,
            flag=query.flag,
            limit=LIMIT,
        )
        now = self.app.clock()  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        table.clear()
        for card in self.cards:
            due = format_until(card.due, now) if card.due and card.state != "new" else ""
            table.add_row(
                Text(card.hanzi, style="bold"),
                card.template,
                state_of(card, self._listed),
                due,
                str(card.flag or ""),
                tone_text(card.pinyin),
                Text(card.english),  # a str cell would be read as markup: "[/b]" breaks it
                key=str(card.card_id),
            )
        more = "+" if len(self.cards) >= LIMIT else ""
        count.update(Text(f"{len(self.cards)}{more} cards", style="dim"))

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()

    @property
    def selected(self) -> int | None:
        """The id of the card on the highlighted row of the table as shown (None: no rows)."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else int(key)

    def action_open(self) -> None:
        # behind the keys sent just before it: the query typed, a cursor move
        after_pending_keys(list((self.focused or self).ancestors_with_self), self._open_selected)

    def _open_selected(self) -> None:
        self._catch_up()
        card_id = self.selected
        if card_id is None:
            return
        from tutor.tui.screens.card import CardScreen

        self.app.push_screen(CardScreen(card_id))

    def action_back(self) -> None:
        if self.query_one(Input).has_focus and self.cards:
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()

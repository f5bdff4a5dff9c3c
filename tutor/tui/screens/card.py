"""One card, opened from browse or the study screen (``e``): its fields and scheduling, and the
actions that change them.

Every action goes straight to the store and the screen redraws from what the store returns,
so what is shown is always what is saved.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from tutor.lang.cedict_entry import readable
from tutor.model import Example, split_measure_words
from tutor.tui.tones import tone_text

__all__ = ["CardScreen", "example_text"]

FLAGS = 5  # 0 (none) to 4


def example_text(example: Example) -> Text:
    """The example pair, folded rather than cut: a Chinese sentence has no spaces to wrap at."""
    return Text(f"{example.zh}\n{example.en}", overflow="fold")


class CardScreen(ModalScreen[None]):
    """A card's details; ``e`` edits its English, ``s`` suspends, ``k`` marks it known."""

    # parsed when the screen is first opened, not at launch (see app.tcss)
    CSS = """
    CardScreen { align: center middle; }
    #card-details {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 80%;
        overflow-y: auto;  /* a long example scrolls instead of being cut off */
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    #card-english { width: 90%; max-width: 100; }
    """

    HELP_TITLE = "Card (from browse, or e while studying)"
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("e", "edit", "Edit English"),
        Binding("s", "suspend", "Suspend/resume"),
        Binding("k", "known", "Known"),
        Binding("f", "flag", "Flag"),
        Binding("b", "bury", "Bury"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, card_id: int) -> None:
        super().__init__()
        self.card_id = card_id

    def compose(self) -> ComposeResult:
        yield Static(id="card-details")
        yield Input(
            id="card-english", placeholder="English (enter saves, esc cancels)", disabled=True
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).display = False
        self.redraw()

    @property
    def card(self):  # type: ignore[no-untyped-def]
        return self.app.store.card(self.card_id)  # type: ignore[attr-defined]

    def redraw(self) -> None:
        card = self.card
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="dim")
        table.add_column()
        table.add_row("hanzi", Text(f"{card.hanzi}  {card.traditional}", style="bold"))
        table.add_row("pinyin", tone_text(card.pinyin))
        table.add_row("English", Text(card.english))  # Text: brackets in it are no markup
        senses, measures = split_measure_words(card.senses)
        table.add_row("senses", Text(" / ".join(readable(s) for s in senses) or "—"))
        if measures:
            table.add_row("measure word", Text("; ".join(measures)))
        table.add_row("card", card.template)
        table.add_row("state", card.state)
        due = card.due.astimezone().strftime("%Y-%m-%d %H:%M %Z") if card.due else "—"
        table.add_row("due", due)  # on this machine's clock
        table.add_row("reviews, lapses", f"{card.srs.reps}, {card.srs.lapses}")
        table.add_row("suspended", "yes" if card.suspended else "no")
        table.add_row("known", "yes" if card.known else "no")
        table.add_row("flag", str(card.flag))
        table.add_row("tags", Text(" ".join(card.tags) or "—"))
        if card.examples:
            table.add_row("example", example_text(card.examples[0]))
        self.query_one("#card-details", Static).update(table)

    def action_edit(self) -> None:
        box = self.query_one(Input)
        box.value = self.card.english
        box.display = True
        box.disabled = False
        box.focus()

    @on(Input.Submitted, "#card-english")
    def _save_english(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.app.store.edit_english(self.card.note_id, event.value.strip())  # type: ignore[attr-defined]
        event.input.display = False
        event.input.disabled = True
        self.set_focus(None)
        self.redraw()

    def action_suspend(self) -> None:
        self.app.store.suspend(self.card_id, not self.card.suspended)  # type: ignore[attr-defined]
        self.redraw()

    def action_known(self) -> None:
        card = self.card
        self.app.store.mark_known(card.note_id, not card.known)  # type: ignore[attr-defined]
        self.redraw()

    def action_flag(self) -> None:
        self.app.store.set_flag(self.card_id, (self.card.flag + 1) % FLAGS)  # type: ignore[attr-defined]
        self.redraw()

    def action_bury(self) -> None:
        self.app.store.bury(self.card_id, self.app.clock())  # type: ignore[attr-defined]
        self.notify("Buried until the next study day.")
        self.redraw()

    def action_close(self) -> None:
        box = self.query_one(Input)
        if box.display:
            box.display = False
            box.disabled = True
            self.set_focus(None)
            return
        self.dismiss()

"""The card face: the prompt shown big, and the answer revealed underneath on ``space``.

A plain container of Statics (one per field) so tests and styles can address each part by id:
``#prompt``, ``#pinyin``, ``#english``, ``#senses``, ``#example-zh``, ``#example-en``.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tutor.tui.format import highlight
from tutor.tui.tones import tone_text

__all__ = ["CardFace", "spaced"]


def spaced(hanzi: str) -> str:
    """Hanzi with a space between characters: terminals cannot enlarge a font, so spacing and
    bold weight are what make the word read as the headline of the card."""
    return " ".join(hanzi)


def _field(card: Any, name: str, default: Any = "") -> Any:
    return getattr(card, name, default) or default


class CardFace(VerticalScroll):
    """Shows one card. ``show(card)`` sets it hidden; ``reveal()`` shows the answer fields."""

    DEFAULT_CLASSES = "hidden-answer"

    def compose(self) -> ComposeResult:
        yield Static(id="template")
        yield Static(id="prompt")
        with Vertical(id="answer"):
            yield Static(id="pinyin")
            yield Static(id="english")
            yield Static(id="senses")
            yield Static(id="example-zh")
            yield Static(id="example-en")

    def show(self, card: Any) -> None:
        """Display ``card`` (a store CardView) with its answer hidden."""
        self.add_class("hidden-answer")
        self.scroll_home(animate=False)
        hanzi = _field(card, "hanzi")
        template = _field(card, "template", "recognition")
        english = _field(card, "english")
        if template == "recall":
            self.query_one("#template", Static).update(Text("recall · English → 汉字", "dim"))
            self.query_one("#prompt", Static).update(Text(english, style="bold"))
        else:
            self.query_one("#template", Static).update(Text("recognition · 汉字 → meaning", "dim"))
            self.query_one("#prompt", Static).update(Text(spaced(hanzi), style="bold"))
        pinyin = tone_text(_field(card, "pinyin"), bold=True)
        if template == "recall":
            head = Text(spaced(hanzi), style="bold")
            head.append("   ")
            head.append_text(pinyin)
            pinyin = head
        self.query_one("#pinyin", Static).update(pinyin)
        self.query_one("#english", Static).update(_labelled("English", english))
        senses = _field(card, "senses", ())
        self.query_one("#senses", Static).update(
            _labelled("Dictionary", " / ".join(senses) if senses else "—")
        )
        examples = _field(card, "examples", ())
        zh_line = self.query_one("#example-zh", Static)
        en_line = self.query_one("#example-en", Static)
        if examples:
            first = examples[0]
            zh_line.update(highlight(_field(first, "zh"), hanzi))
            en_line.update(Text(_field(first, "en"), style="italic"))
        else:
            zh_line.update("")
            en_line.update("")
        zh_line.display = en_line.display = bool(examples)

    def reveal(self) -> None:
        self.remove_class("hidden-answer")

    @property
    def revealed(self) -> bool:
        return not self.has_class("hidden-answer")


def _labelled(label: str, value: str) -> Text:
    text = Text(f"{label}: ", style="dim")
    text.append(value)
    return text

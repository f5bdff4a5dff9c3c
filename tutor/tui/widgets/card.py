"""The card face: the prompt shown big, and the answer revealed underneath on ``space``.

A plain container of Statics (one per field) so tests and styles can address each part by id:
``#prompt``, ``#pinyin``, ``#english``, ``#senses``, ``#example-zh``, ``#example-en``.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical, VerticalScroll
from textual.widgets import Static

from tutor.lang.sandhi import spoken_pinyin
from tutor.model import split_measure_words
from tutor.quiz import Prompt
from tutor.quiz.cloze import BLANK
from tutor.tui.format import highlight
from tutor.tui.tones import tone_text

__all__ = ["KIND_LABELS", "CardFace", "spaced"]

KIND_LABELS = {
    "recognition": "recognition · 汉字 → meaning",
    "recall": "recall · English → 汉字",
    "pinyin": "typed pinyin",
    "choice": "multiple choice",
    "cloze": "cloze",
}


def spaced(hanzi: str) -> str:
    """Hanzi with a space between characters: terminals cannot enlarge a font, so spacing and
    bold weight are what make the word read as the headline of the card."""
    return " ".join(hanzi)


def _written(sentence: str, hanzi: str, traditional: str) -> str:
    """The form of the word the sentence uses: a text in traditional script has that form."""
    if hanzi not in sentence and traditional and traditional in sentence:
        return traditional
    return hanzi


def _field(card: Any, name: str, default: Any = "") -> Any:
    return getattr(card, name, default) or default


class CardFace(VerticalScroll):
    """Shows one card. ``show(card)`` sets it hidden; ``reveal()`` shows the answer fields."""

    DEFAULT_CLASSES = "hidden-answer"

    def compose(self) -> ComposeResult:
        yield Static(id="template")
        with Center(id="prompt-row"):
            yield Static(id="prompt")
        with Vertical(id="answer"):
            yield Static(id="pinyin")
            yield Static(id="english")
            yield Static(id="senses")
            yield Static(id="example-zh")
            yield Static(id="example-en")

    def show(self, card: Any, prompt: Prompt | None = None) -> None:
        """Display ``card`` (a store CardView) with its answer hidden.

        The front follows the quiz kind: hanzi for recognition, pinyin and choice; English
        for recall; the blanked sentence and its English for cloze.
        """
        self.add_class("hidden-answer")
        self.scroll_home(animate=False)
        hanzi = _field(card, "hanzi")
        english = _field(card, "english")
        kind = prompt.kind if prompt is not None else _field(card, "template", "recognition")
        question = prompt.question if prompt is not None else ""
        self.query_one("#template", Static).update(
            Text(f"{KIND_LABELS.get(kind, kind)}  ·  {question}".strip(" ·"), "dim")
        )
        front = self.query_one("#prompt", Static)
        if kind == "recall":
            front.update(Text(english, style="bold"))
        elif kind == "cloze" and prompt is not None and prompt.sentence:
            sentence = highlight(prompt.sentence, BLANK, style="bold underline")
            sentence.append("\n")
            sentence.append(prompt.translation or "", style="italic")
            front.update(sentence)
        else:
            front.update(Text(spaced(hanzi), style="bold"))
        pinyin = tone_text(_field(card, "pinyin"), bold=True)
        if kind in ("recall", "cloze"):
            head = Text(spaced(hanzi), style="bold")
            head.append("   ")
            head.append_text(pinyin)
            pinyin = head
        said = spoken_pinyin(hanzi, _field(card, "pinyin"))
        if said is not None:  # 不/一 changes and third-tone sandhi, as the audio says it
            pinyin.append("\n")
            pinyin.append(f"said {said}", style="dim")
        self.query_one("#pinyin", Static).update(pinyin)
        self.query_one("#english", Static).update(_labelled("English", english))
        from tutor.lang.cedict import readable  # here, not at launch: it loads the dictionary code

        senses, measures = split_measure_words(_field(card, "senses", ()))
        line = _labelled("Dictionary", " / ".join(readable(s) for s in senses) or "—")
        if measures:  # apart from the senses, as the Anki note's Classifier field
            line.append("\n")
            line.append_text(_labelled("Measure word", "; ".join(measures)))
        self.query_one("#senses", Static).update(line)
        examples = _field(card, "examples", ())
        zh_line = self.query_one("#example-zh", Static)
        en_line = self.query_one("#example-en", Static)
        if examples:
            first = examples[0]
            zh = _field(first, "zh")
            zh_line.update(highlight(zh, _written(zh, hanzi, _field(card, "traditional"))))
            en_line.update(_highlight_english(_field(first, "en"), english))
        else:
            zh_line.update("")
            en_line.update("")
        zh_line.display = en_line.display = bool(examples)

    def reveal(self) -> None:
        self.remove_class("hidden-answer")

    @property
    def revealed(self) -> bool:
        return not self.has_class("hidden-answer")


def _highlight_english(sentence: str, english: str) -> Text:
    """The translation with the word's English rendering(s) underlined, case-insensitively."""
    text = Text(sentence, style="italic")
    words = [w.strip() for w in english.split(";") if len(w.strip()) > 1]
    text.highlight_words(words, style="bold underline", case_sensitive=False)
    return text


def _labelled(label: str, value: str) -> Text:
    text = Text(f"{label}: ", style="dim")
    text.append(value)
    return text

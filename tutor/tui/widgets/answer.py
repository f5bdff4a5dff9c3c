"""Where an auto-graded quiz is answered: a text box for pinyin or hanzi, or lettered options.

The widget only collects the answer and shows the feedback; checking is ``tutor.quiz``'s job
and the screen decides what happens next. Options use the letters ``a``-``d`` so they can
never be confused with the grade keys ``1``-``4``.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tutor.quiz import Outcome, Prompt
from tutor.tui.widgets.feedback import outcome_text

__all__ = ["LETTERS", "AnswerBox"]

LETTERS = "abcd"

_PLACEHOLDERS = {
    "pinyin": "pinyin, e.g. {example}, then enter",
    "cloze": "hanzi or pinyin, then enter (enter on nothing: choose instead)",
}
# how to type tones, shown by example: never the reading of the card being asked
_EXAMPLES = (("hao3 ren2", "hǎo rén"), ("ma3", "mǎ"), ("shui3", "shuǐ"))


def _example(readings: tuple[str, ...]) -> str:
    """An example of both ways to type pinyin that gives none of ``readings`` away."""
    said = " ".join(readings).lower()
    for numbers, marks in _EXAMPLES:
        if marks not in said and not any(s in said for s in marks.split()):
            return f"{numbers} or {marks}"
    return "tone numbers (ma3) or marks"


class AnswerBox(Vertical):
    """``#answer-input``, ``#options``, ``#hint`` and ``#feedback`` for the current prompt."""

    def compose(self) -> ComposeResult:
        yield Input(id="answer-input")
        yield Static(id="options")
        yield Static(id="hint")
        yield Static(id="feedback")

    def ask(self, prompt: Prompt | None) -> None:
        """Set up for ``prompt`` (None or a self-graded prompt hides the box)."""
        self.prompt = prompt
        self.choosing = prompt is not None and prompt.kind == "choice"
        typed = prompt is not None and prompt.kind in ("pinyin", "cloze")
        self.display = prompt is not None and not prompt.self_graded
        box = self.query_one(Input)
        box.value = ""
        box.disabled = not typed
        box.display = typed
        if prompt is not None and typed:
            box.placeholder = _PLACEHOLDERS[prompt.kind].format(example=_example(prompt.readings))
            if not prompt.options:
                box.placeholder = box.placeholder.split(" (")[0]
        self._show_options()
        self.query_one("#hint", Static).update("")
        self.query_one("#feedback", Static).update("")

    @property
    def typing(self) -> bool:
        box = self.query_one(Input)
        return box.display and not box.disabled

    def choose_instead(self) -> bool:
        """Switch a cloze from typing to choosing, when it has options."""
        if self.prompt is None or not self.prompt.options:
            return False
        self.choosing = True
        self.query_one(Input).display = False
        self._show_options()
        return True

    def show_hint(self) -> None:
        if self.prompt is not None:
            hint = Text("hint: ", style="dim")
            hint.append(self.prompt.hint or "—")
            self.query_one("#hint", Static).update(hint)

    def show_outcome(self, outcome: Outcome | None) -> None:
        """Freeze the answer and show the verdict (None: the learner gave up)."""
        box = self.query_one(Input)
        box.disabled = True
        box.display = False  # the feedback repeats what was typed
        self.choosing = False
        options = self.prompt.options if self.prompt is not None else ()
        self._show_options(chosen=outcome.chosen if outcome else None, reveal=True)
        feedback = self.query_one("#feedback", Static)
        if outcome is None:
            feedback.update(Text("shown without an answer", style="dim"))
        else:
            feedback.update(outcome_text(outcome, options))

    def _show_options(self, chosen: int | None = None, reveal: bool = False) -> None:
        widget = self.query_one("#options", Static)
        prompt = self.prompt
        visible = prompt is not None and bool(prompt.options) and (self.choosing or reveal)
        if reveal and prompt is not None and prompt.kind == "cloze" and chosen is None:
            visible = False
        widget.display = visible
        if not visible or prompt is None:
            return
        text = Text()
        for i, option in enumerate(prompt.options):
            if reveal and i not in (prompt.answer_index, chosen):
                continue  # answered: the right option and the one chosen, room for the senses
            style = ""
            if reveal and i == prompt.answer_index:
                style = "bold #2b8a3e"
            elif reveal and i == chosen:
                style = "bold #e03131 strike"
            text.append(f" {LETTERS[i]} ", style="reverse bold")
            text.append(f" {option}\n", style=style)
        text.rstrip()
        widget.update(text)

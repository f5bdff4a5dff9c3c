"""The study screen: one card at a time, ``space`` to reveal, ``1``-``4`` to grade, ``u`` to undo.

All decisions live in ``StudySession`` and ``tutor.quiz``; this screen maps keys to them and
redraws. Auto-graded quizzes (typed pinyin, multiple choice, cloze) check the answer, reveal the
card and highlight the suggested grade: ``enter`` accepts it, ``1``-``4`` override it. A grade is
written before the next card is drawn, so the screen never shows a card whose predecessor is
not yet saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tutor.quiz import Outcome, check_answer
from tutor.tui.format import upcoming_text
from tutor.tui.session import SessionCounts, StudySession
from tutor.tui.widgets.answer import LETTERS, AnswerBox
from tutor.tui.widgets.card import CardFace
from tutor.tui.widgets.grades import GradeBar
from tutor.tui.widgets.status import SessionStatus

__all__ = ["StudyScreen"]

# Decks up to this many cards load their entries (for choice options) before the first card;
# larger ones load them just after it is drawn, so launch time does not grow with the deck.
EAGER_DECK_SIZE = 5000
# The progress counts scan the deck (tens of ms at 100,000 cards), so they are drawn this long
# after the next card, whose frame would otherwise wait for them.
PROGRESS_DELAY = 0.05
CHOICE_KEYS = f"{LETTERS[0]}–{LETTERS[-1]}"
# actions that act on the card on screen: hidden from the footer (and off) once none is left
ON_A_CARD = frozenset(
    {"reveal", "grade", "accept", "choose", "hint", "escape", "type_answer", "speak", "open_card"}
)


class StudyScreen(Screen[None]):
    """Reviews the cards of one deck that are due now."""

    HELP_TITLE = "Study"

    BINDINGS = [
        Binding("space", "reveal", "Reveal"),
        Binding("1", "grade(1)", "Again", show=False),
        Binding("2", "grade(2)", "Hard", show=False),
        Binding("3", "grade(3)", "Good", show=False),
        Binding("4", "grade(4)", "Easy", show=False),
        Binding("enter", "accept", "Accept grade", show=False),
        # one footer entry (and help line) for the letters, shown only while options are offered
        *(
            Binding(k, f"choose({i})", "Choose", show=not i, key_display=CHOICE_KEYS)
            for i, k in enumerate(LETTERS)
        ),
        Binding("ctrl+t", "hint", "Hint"),
        Binding("escape", "escape", "Answer"),
        Binding("tab", "type_answer", "Type the answer", show=False),
        Binding("u", "undo", "Undo"),
        Binding("p", "speak('word')", "Say it"),
        Binding("P", "speak('sentence')", "Say the sentence", show=False),
        Binding("e", "open_card", "Card", show=False),  # in help; the footer holds 80 columns
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("question_mark", "app.help", "Help"),
        Binding("h", "app.home", "Decks"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session
        self.outcome: Outcome | None = None
        self.hinted = False
        self.counts = SessionCounts(0, 0, 0, 0)

    def compose(self) -> ComposeResult:
        yield SessionStatus(id="status")
        yield CardFace(id="card")
        yield AnswerBox(id="quiz")
        yield Static(id="done")
        yield GradeBar(id="grades")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SessionStatus).set_where(self.session.deck, self.session.store.path)
        store = self.session.store
        if store.card_count(self.session.deck_id, EAGER_DECK_SIZE + 1) <= EAGER_DECK_SIZE:
            self.session.prompts.warm()  # choice options from the first card on
        self.session.advance()
        self._redraw(count=False)
        # the progress counts scan the deck: drawn just after the first card, not before it
        self.call_after_refresh(self._recount)
        if not self.session.prompts.warmed:  # big decks: in a thread, once the card is drawn
            self.call_after_refresh(self.run_worker, self._load_entries, thread=True)

    def _load_entries(self) -> None:
        # one reference assignment, atomic: no need to hop back to the UI thread
        self.session.prompts.adopt(self.session.prompts.load_apart())

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that would do nothing now are off and left out of the footer: the card keys on
        the "all done" screen, the letters unless options are offered, the hint on a
        self-graded card (it has none) or once the answer is shown."""
        if action not in ON_A_CARD:
            return True
        if self.session.current is None:
            return False
        try:
            box, revealed = self.query_one(AnswerBox), self.revealed
        except NoMatches:  # asked before the widgets are mounted
            return True
        if action == "choose":
            return bool(getattr(box, "choosing", False)) and not revealed
        if action == "hint":
            prompt = self.session.prompt
            return prompt is not None and not prompt.self_graded and not revealed
        return True

    @property
    def revealed(self) -> bool:
        return self.query_one(CardFace).revealed

    def action_reveal(self) -> None:
        if self.session.current is None or self.revealed:
            return
        prompt = self.session.prompt
        if prompt is not None and not prompt.self_graded:
            self.action_give_up()
            return
        self._reveal()

    def action_escape(self) -> None:
        """Esc in the answer box leaves it, answer unseen, so the keys are commands again
        (h, ?, q, u); Esc outside it shows the answer. Tab goes back into the box."""
        box = self.query_one("#answer-input", Input)
        if box.has_focus:
            self.set_focus(None)
            self.notify("Keys are commands again: tab to type the answer, esc to show it.")
            return
        self.action_give_up()

    def action_type_answer(self) -> None:
        """Back into the answer box of a typed quiz (after Esc left it)."""
        if not self.revealed and self.query_one(AnswerBox).typing:
            self.query_one("#answer-input", Input).focus()

    def action_give_up(self) -> None:
        """Show the answer of a quiz without answering it (the learner grades it)."""
        if self.session.current is None or self.revealed:
            return
        self.query_one(AnswerBox).show_outcome(None)
        self._reveal()

    def action_hint(self) -> None:
        if self.session.current is not None and not self.revealed:
            self.hinted = True
            self.query_one(AnswerBox).show_hint()

    def action_choose(self, index: int) -> None:
        box = self.query_one(AnswerBox)
        prompt = self.session.prompt
        if self.revealed or prompt is None or not box.choosing or index >= len(prompt.options):
            return
        self._answered(check_answer(prompt, index, hinted=self.hinted))

    @on(Input.Submitted, "#answer-input")
    def _typed(self, event: Input.Submitted) -> None:
        prompt = self.session.prompt
        if prompt is None or self.revealed:
            return
        if not event.value.strip():
            if self.query_one(AnswerBox).choose_instead():
                self.set_focus(None)
                self.refresh_bindings()
            return
        self._answered(check_answer(prompt, event.value, hinted=self.hinted))

    def action_accept(self) -> None:
        if self.outcome is not None and self.revealed:
            self.action_grade(int(self.outcome.suggested))

    def action_grade(self, rating: int) -> None:
        if self.session.current is None:
            return
        if not self.revealed:  # grading an answer never seen is a slip of the finger
            self.action_reveal()
            return
        self.session.grade(rating)
        self._redraw()
        if self.session.new_leech is not None:
            limit = self.session.store.settings(self.session.deck_id).leech_threshold
            self.notify(
                f"{self.session.new_leech} has lapsed {limit} times: tagged leech and suspended "
                "(browse it to rewrite its English, or unsuspend it).",
                title="Leech",
                severity="warning",
            )

    def action_speak(self, what: str) -> None:
        """Say the word (``p``) or its sentence (``P``), once the card is revealed: before, the
        sound would give the reading away."""
        card = self.session.current
        if card is None:
            return
        if not self.revealed:
            self.notify("Reveal the card first (space): the sound gives the reading away.")
            return
        examples = card.examples
        if what == "sentence" and not examples:
            self.notify("This card has no sentence to say.")
            return
        text = examples[0].zh if what == "sentence" else card.pinyin
        self.run_worker(lambda: self._say(what, text), thread=True, group="audio", exclusive=True)

    def _say(self, what: str, text: str) -> None:
        """In a worker thread: make (or find) the audio and play it; never blocks the keys."""
        from tutor.audio.player import play
        from tutor.audio.speech import shared_speech

        speech = shared_speech()
        try:
            path = speech.sentence(text) if what == "sentence" else speech.word(text)
        except (OSError, ValueError) as err:
            self.app.call_from_thread(self.notify, f"No speech: {err}", severity="warning")
            return
        if not play(path):
            self.app.call_from_thread(
                self.notify, "No audio output here (no sound device or player found).",
                severity="warning",
            )  # fmt: skip

    def action_open_card(self) -> None:
        """The current card's screen: edit its English, suspend, bury, flag, mark known."""
        card = self.session.current
        if card is None:
            return
        from tutor.tui.screens.card import CardScreen

        revealed = self.revealed
        self.app.push_screen(CardScreen(card.card_id), lambda _: self._card_closed(revealed))

    def _card_closed(self, revealed: bool) -> None:
        before = self.session.current
        card = self.session.reload()
        if card is None or before is None or card.card_id != before.card_id:
            self._redraw()  # it left the queue: on to the next card
            return
        self.query_one(CardFace).show(card, self.session.prompt)
        if revealed:
            self._reveal()

    def action_undo(self) -> None:
        if not self.session.can_undo:
            self.notify("Nothing to undo in this session.", severity="warning")
            return
        self.session.undo()
        self._redraw()

    # -- drawing -----------------------------------------------------------------------------

    def _answered(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.query_one(AnswerBox).show_outcome(outcome)
        self._reveal()
        self.query_one(GradeBar).suggest(int(outcome.suggested))

    def _reveal(self) -> None:
        self.query_one(CardFace).reveal()
        self.refresh_bindings()
        self.query_one(GradeBar).remove_class("dim")
        self.set_focus(None)
        # the scheduler's settings: cached by the store, dropped when settings are saved
        if self.session.store.scheduler(self.session.deck_id).settings.autoplay:
            self.action_speak("word")  # in a worker: the keys never wait for the sound

    def _redraw(self, *, count: bool = True) -> None:
        if count:  # the session's own count now, the deck's counts once the card is drawn
            self.counts = replace(self.counts, reviewed=self.session.reviewed)
            self._draw_progress()
            self.set_timer(PROGRESS_DELAY, self._recount)
        card = self.session.current
        face = self.query_one(CardFace)
        done = self.query_one("#done", Static)
        grades = self.query_one(GradeBar)
        box = self.query_one(AnswerBox)
        face.display = grades.display = card is not None
        done.display = card is None
        self.outcome = None
        self.hinted = False
        if card is None:
            box.ask(None)
            self.refresh_bindings()
            done.update(self._done_text())
            return
        prompt = self.session.prompt
        face.show(card, prompt)
        box.ask(prompt)
        self.refresh_bindings()
        grades.set_intervals(self.session.intervals())
        grades.suggest(None)
        grades.add_class("dim")
        if box.typing:
            self.query_one("#answer-input", Input).focus()
        else:
            self.set_focus(None)

    def _recount(self) -> None:
        self.counts = self.session.counts()
        self._draw_progress()

    def _draw_progress(self) -> None:
        counts = self.counts
        self.query_one(SessionStatus).set_progress(
            counts.reviewed, counts.new, counts.learning, counts.due
        )

    def _done_text(self) -> Text:
        upcoming = self.session.upcoming()
        now = self.session.clock()
        when = upcoming.first
        soon = when is not None and when - now < timedelta(hours=1)
        heading = "All caught up for now!" if soon else "All done for today!"
        text = Text(f"{heading}\n\n", style="bold")
        text.append(f"You reviewed {self.session.reviewed} cards in this session.\n")
        coming = upcoming_text(upcoming, now)
        text.append(f"{coming[:1].upper()}{coming[1:]}." if coming else "Nothing is scheduled.")
        text.append("\n\nPress h for your decks or q to quit.", style="dim")
        return text

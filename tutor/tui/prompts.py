"""Which quiz a card gets, and its prompt: the bridge from store cards to ``tutor.quiz``.

Choice and cloze options are drawn from the whole deck, so the deck's entries are loaded once
per session, and only after the first card is on screen (``warm``): a 50,000-note deck must not
delay the first card. Until then only kinds that need no other entries are chosen.
New cards are always shown self-graded (recognition or recall, by template); the other quiz
kinds start once a card has been seen. The random draw is seeded by card and repetition count,
so a card shows the same quiz (and the same options) if it comes back after an undo, and tests
are deterministic.
"""

from __future__ import annotations

import random

from tutor.model import Entry
from tutor.quiz import QUIZ_KINDS, Prompt, QuizKind, choose_kind, make_prompt
from tutor.store import CardView, Store

__all__ = ["OPTION_POOL", "PromptMaker", "entry_of"]

# Wrong options for a card are drawn from at most this many entries of a big deck (a window
# of it at a random place per card): plenty of same-kind, same-length look-alikes, at a
# bounded cost per prompt.
OPTION_POOL = 1500


def entry_of(card: CardView) -> Entry:
    """The mined entry behind a card, as ``tutor.quiz`` expects it."""
    return Entry(
        hanzi=card.hanzi,
        traditional=card.traditional,
        pinyin=card.pinyin,
        english=card.english,
        senses=card.senses,
        kind=card.kind,  # type: ignore[arg-type]
        examples=card.examples,
        hsk_level=card.hsk_level,
        frequency=card.frequency,
    )


class PromptMaker:
    """Builds the prompt for each card of one deck, from the quiz kinds enabled in the deck's
    settings (read per card, so a change on the settings screen applies to the next card)."""

    def __init__(self, store: Store, deck_id: int):
        self.store = store
        self.deck_id = deck_id
        self._entries: list[Entry] | None = None

    @property
    def kinds(self) -> tuple[QuizKind, ...]:
        """The deck's enabled quiz kinds, in the order ``tutor.quiz`` lists them."""
        enabled = self.store.settings(self.deck_id).quiz_kinds
        return tuple(k for k in QUIZ_KINDS if k in enabled)

    def warm(self) -> None:
        """Load the deck's entries (for choice options and distractors) if not yet loaded."""
        if self._entries is None:
            self._entries = self.store.entries(self.deck_id)

    def load_apart(self) -> list[Entry]:
        """The deck's entries read over a connection of its own, so a worker thread can load
        a big deck while the first card is already on screen; hand them to ``adopt``."""
        with Store.open(self.store.path, defaults=self.store.defaults) as own:
            return own.entries(self.deck_id)

    def adopt(self, entries: list[Entry]) -> None:
        if self._entries is None:
            self._entries = entries

    @property
    def warmed(self) -> bool:
        return self._entries is not None

    def prompt(self, card: CardView) -> Prompt:
        entry = entry_of(card)
        deck = self._entries or []
        rng = random.Random(f"{card.card_id}:{card.srs.reps}")
        fallback: QuizKind = "recall" if card.template == "recall" else "recognition"
        if card.srs.phase == "new":
            # A first sighting is shown, not tested: nobody can type the pinyin of a word
            # they have never seen. Quizzes start from the second review on.
            return make_prompt(fallback, entry, deck, rng, fallback=fallback)
        kind = choose_kind(card.template, entry, deck, rng, self.kinds)
        if len(deck) > OPTION_POOL:  # ranking 50,000 look-alikes per card took ~0.2 s
            start = rng.randrange(len(deck))  # a window of the source, wrapping around
            deck = (
                deck[start : start + OPTION_POOL] + deck[: max(0, start + OPTION_POOL - len(deck))]
            )
        return make_prompt(kind, entry, deck, rng, fallback=fallback)

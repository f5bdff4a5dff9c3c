"""``Store``: the one door to progress.db, a thin facade over the per-concept modules.

Callers (CLI, TUI, export) never see SQL or sqlite-utils; they get dataclasses back. Times are
UTC; everything that depends on the clock takes ``now`` so tests and benchmarks control it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from tutor.errors import DeckNotFound
from tutor.model import Entry
from tutor.srs.day import next_day_start
from tutor.srs.queue import NOTHING, Avoid, Queue, QueueCounts
from tutor.srs.scheduler import Scheduler
from tutor.srs.settings import DeckSettings
from tutor.srs.state import Rating, utc
from tutor.store import actions, anki_export, cards, deck_settings, decks, known, notes, reviews
from tutor.store.anki_export import AnkiExport
from tutor.store.db import connect
from tutor.store.records import CardView, DeckSummary, ReviewResult, UpsertResult
from tutor.store.sql import Database

# Imported where used: studying needs none of these, and ``tutor`` imports the store before
# the first card can be drawn (each costs a few ms of every launch).
if TYPE_CHECKING:
    from tutor.srs.optimize import FitResult
    from tutor.store.check import CheckReport
    from tutor.store.merge import MergeResult, OutsideReview
    from tutor.store.progress import Progress
    from tutor.store.progress_rows import CardProgress
    from tutor.store.revlog import ImportResult, Reviews

__all__ = ["Store", "local_offset_minutes"]


def local_offset_minutes() -> int:
    """This machine's UTC offset, so the study day rolls over at 4 am local time by default."""
    return -(time.altzone if time.localtime().tm_isdst > 0 else time.timezone) // 60


def _now(now: datetime | None) -> datetime:
    return utc(now) if now is not None else datetime.now(UTC)


class Store:
    """An open progress.db. Use ``Store.open(path)``; close it, or use it as a context manager."""

    def __init__(self, db: Database, path: Path, defaults: DeckSettings) -> None:
        self.db = db
        self.path = path
        self.defaults = defaults
        self._schedulers: dict[int, Scheduler] = {}

    @classmethod
    def open(cls, path: Path | str, *, defaults: DeckSettings | None = None) -> Store:
        """Open or create the database at ``path``, migrating it (``StoreError`` if unusable).

        ``defaults`` are the settings of decks that have none stored; by default the study day
        starts at 4 am on this machine's clock.
        """
        path = Path(path)
        if defaults is None:
            defaults = DeckSettings(day_offset_minutes=local_offset_minutes())
        return cls(connect(path), path, defaults)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # decks ----------------------------------------------------------------------------------
    def ensure_deck(self, name: str, source: str = "", now: datetime | None = None) -> int:
        return decks.ensure_deck(self.db, name, source, _now(now))

    def deck_id(self, name: str) -> int:
        """Id of the deck ``name``; ``DeckNotFound`` lists the decks there are."""
        return decks.deck_id(self.db, name)

    def deck_names(self) -> list[str]:
        return decks.deck_names(self.db)

    def decks(self, now: datetime | None = None) -> list[DeckSummary]:
        """Every deck with what is left to study today at ``now``."""
        ids = [r[0] for r in self.db.conn.execute("SELECT id FROM decks")]
        return decks.deck_summaries(self.db, _now(now), {d: self.settings(d) for d in ids})

    def deck_summary(self, deck_id: int, now: datetime | None = None) -> DeckSummary:
        """``decks()`` for one deck (the study screen's progress line)."""
        for summary in decks.deck_summaries(self.db, _now(now), {deck_id: self.settings(deck_id)}):
            return summary
        raise DeckNotFound(f"no deck with id {deck_id}")

    def card_count(self, deck_id: int, limit: int | None = None) -> int:
        """How many cards the deck holds, or ``limit`` if it holds at least that many."""
        return decks.card_count(self.db, deck_id, limit)

    def has_new(self, deck_id: int) -> bool:
        """Whether the deck has a new card that is neither suspended nor marked known."""
        return decks.has_new(self.db, deck_id)

    def next_due(self, deck_id: int, after: datetime | None = None) -> datetime | None:
        """When the deck's next scheduled card falls due (for "done for now, back at ...")."""
        from tutor.store import stats

        return stats.next_due(self.db, deck_id, after)

    def stats(
        self, deck_id: int | None = None, now: datetime | None = None, days: int = 30
    ) -> dict[str, object]:
        """Counts by state, reviews per day, true retention, time studied, a due forecast."""
        settings = self.settings(deck_id) if deck_id is not None else self.defaults
        from tutor.store import stats

        return stats.deck_stats(self.db, deck_id, _now(now), settings, days)

    # notes ----------------------------------------------------------------------------------
    def upsert_entries(
        self, deck_id: int, entries: Iterable[Entry], now: datetime | None = None
    ) -> UpsertResult:
        """Add new entries as notes with two new cards; update changed ones; one transaction."""
        return notes.upsert_entries(self.db, deck_id, entries, _now(now))

    def plan_entries(self, deck: str, entries: Iterable[Entry]) -> UpsertResult:
        """What ``upsert_entries`` into the deck named ``deck`` would do; writes nothing."""
        row = self.db.conn.execute("SELECT id FROM decks WHERE name = ?", [deck]).fetchone()
        return notes.plan_entries(self.db, None if row is None else int(row[0]), entries)

    def entries(self, deck_id: int) -> list[Entry]:
        return notes.entries(self.db, deck_id)

    def changed_times(self, deck_id: int) -> dict[str, datetime]:
        """When each note's content last changed, by hanzi (the notes' time in an export)."""
        return notes.changed_times(self.db, deck_id)

    def card_keys(self) -> list[tuple[str, str, str, int]]:
        """(deck name, hanzi, template, card id) of every card: how Anki's notes map back."""
        rows = self.db.execute(
            "SELECT d.name, n.hanzi, c.template, c.id FROM cards c "
            "JOIN notes n ON n.id = c.note_id JOIN decks d ON d.id = c.deck_id"
        )
        return [(str(d), str(h), str(t), int(i)) for d, h, t, i in rows]

    def merge_reviews(self, reviews: Iterable[OutsideReview]) -> MergeResult:
        """Add reviews made elsewhere and replay the cards they touch (one transaction)."""
        from tutor.store import merge

        def scheduler_of(card_id: int) -> Scheduler:
            deck = self.db.execute("SELECT deck_id FROM cards WHERE id = ?", [card_id]).fetchone()
            return self.scheduler(int(deck[0]))

        return merge.merge_reviews(self.db, reviews, scheduler_of)

    def card_progress(self, deck_id: int) -> list[CardProgress]:
        """Every card of the deck with its state, flags and standing reviews (for Anki)."""
        from tutor.store import progress_rows

        return progress_rows.card_progress(self.db, deck_id)

    # words the learner knows ------------------------------------------------------------
    def add_known(self, words: Iterable[str], origin: str, now: datetime | None = None) -> int:
        """Add words to the learner's known list; returns how many were new to it."""
        return known.add_known(self.db, words, origin, _now(now))

    def remove_known(self, words: Iterable[str]) -> int:
        return known.remove_known(self.db, words)

    def known_list(self) -> list[tuple[str, str, str]]:
        """(hanzi, origin, added) of every word on the known list."""
        return known.known_list(self.db)

    def learner_knows(self) -> set[str]:
        """The known list, and every note with a card in review or marked known."""
        return known.learner_knows(self.db)

    def known_hanzi(self, exclude_deck: str | None = None) -> set[str]:
        """Hanzi in any deck but ``exclude_deck`` (so mining a new text can skip them)."""
        return notes.known_hanzi(self.db, exclude_deck)

    # learner judgements on mined pairs ----------------------------------------------------
    def judge(
        self,
        deck_id: int | None,
        hanzi: str,
        english: str,
        verdict: str,
        now: datetime | None = None,
    ) -> None:
        """Record the learner's verdict (``accepted`` or ``rejected``) on a mined pair; the
        latest verdict wins, and the pair leaves the pending list (``ValueError`` if bad)."""
        from tutor.store import judgements

        judgements.judge(self.db, deck_id, hanzi, english, verdict, _now(now))

    def judgements(self) -> tuple[dict[str, list[str]], set[tuple[str, str]]]:
        """``(lexicon, rejected)``: accepted English per hanzi, and the rejected pairs."""
        from tutor.store import judgements

        return judgements.judgements(self.db)

    def pending_low(self, deck_id: int) -> list[Entry]:
        """Low-confidence entries of the deck's last mining run still waiting for a verdict."""
        from tutor.store import judgements

        return judgements.pending_low(self.db, deck_id)

    def set_pending_low(
        self, deck_id: int, entries: Iterable[Entry], now: datetime | None = None
    ) -> int:
        """Replace the deck's pending low-confidence entries (judged pairs and hanzi already in
        the deck are left out); returns how many are pending."""
        from tutor.store import judgements

        return judgements.replace_pending(self.db, deck_id, entries, _now(now))

    # cards and the queue -------------------------------------------------------------------
    def card(self, card_id: int) -> CardView:
        return cards.card_view(self.db, card_id)

    def next_card(
        self, deck_id: int, now: datetime, after: CardView | None = None
    ) -> CardView | None:
        """The card to study next at ``now``, or ``None`` when the deck is done for now.

        ``after`` is the card just shown: it, and new cards whose hanzi overlaps its own,
        come only when nothing else is there to show."""
        source = cards.DeckQueueSource(self.db, deck_id, utc(now))
        avoid = NOTHING if after is None else Avoid(after.card_id, after.hanzi)
        card_id = Queue(self.settings(deck_id)).next_card(source, now, avoid)
        return None if card_id is None else self.card(card_id)

    def search(
        self,
        text: str,
        *,
        deck_id: int | None = None,
        state: str | None = None,
        level: int | None = None,
        flag: int | None = None,
        limit: int = 500,
    ) -> list[CardView]:
        """Cards matching ``text`` (hanzi, toneless or toned pinyin, English; blank: all), best
        first, narrowed to a deck, a state (new, learning, review, relearning, suspended,
        known), an HSK level and a flag (see ``tutor.store.search``)."""
        from tutor.store import search

        return search.search(
            self.db, text, deck_id=deck_id, state=state, level=level, flag=flag, limit=limit
        )

    def queue_counts(self, deck_id: int, now: datetime) -> QueueCounts:
        source = cards.DeckQueueSource(self.db, deck_id, utc(now))
        return Queue(self.settings(deck_id)).counts(source, now)

    def preview(self, card_id: int, now: datetime) -> dict[Rating, timedelta]:
        """The interval each grade would give this card at ``now`` (for the grade keys)."""
        view = self.card(card_id)
        return self.scheduler(view.deck_id).preview(view.srs, now)

    # reviews --------------------------------------------------------------------------------
    def record_review(
        self,
        card_id: int,
        rating: Rating | int,
        reviewed_at: datetime,
        duration_ms: int = 0,
        quiz: str = "self",
    ) -> ReviewResult:
        """Grade a card: its new FSRS state and the review row are written in one transaction."""
        deck = self.card(card_id).deck_id
        return reviews.record_review(
            self.db, self.scheduler(deck), card_id, rating, reviewed_at, duration_ms, quiz
        )

    def undo_last(self, deck_id: int, since: datetime | None = None) -> CardView | None:
        """Undo the latest not-yet-undone review of the deck (since ``since``, e.g. the session
        start); returns the restored card, or ``None`` when there is nothing left to undo."""
        return reviews.undo_last(self.db, deck_id, since)

    def progress(self, now: datetime | None = None) -> Progress:
        """Reviews today, the streak of study days and cards started, over every deck."""
        from tutor.store import progress

        return progress.progress(self.db, _now(now), self.defaults)

    def check(self) -> CheckReport:
        """Integrity, foreign keys, schema and every card against its history (read only)."""
        from tutor.store import check

        return check.check(self.db)

    def undo_review(self, review_id: int) -> CardView | None:
        """Undo one review (``reviews.undo_review``): the restored card, or ``None`` when it
        was undone already or its card was graded again since."""
        return reviews.undo_review(self.db, review_id)

    # card actions (no effect on FSRS state or history) ------------------------------------
    def suspend(self, card_id: int, suspended: bool = True) -> CardView:
        actions.suspend(self.db, card_id, suspended)
        return self.card(card_id)

    def bury(self, card_id: int, now: datetime) -> CardView:
        """Hide the card until the next study day starts."""
        deck = self.card(card_id).deck_id
        actions.bury(self.db, card_id, next_day_start(utc(now), self.settings(deck)))
        return self.card(card_id)

    def unbury(self, card_id: int) -> CardView:
        actions.bury(self.db, card_id, None)
        return self.card(card_id)

    def set_flag(self, card_id: int, flag: int) -> CardView:
        """Flag 0 (none) to 4 (see ``tutor.store.actions.FLAGS``)."""
        actions.set_flag(self.db, card_id, flag)
        return self.card(card_id)

    def mark_known(self, note_id: int, known: bool = True) -> None:
        """Take both cards of the note out of study (or put them back)."""
        actions.mark_known(self.db, note_id, known)

    def edit_english(self, note_id: int, english: str, now: datetime | None = None) -> None:
        """Replace the note's English; later re-mines keep this text."""
        actions.edit_english(self.db, note_id, english, _now(now))

    def last_anki_export(self, deck_id: int) -> AnkiExport:
        return anki_export.last_export(self.db, deck_id)

    def record_anki_export(self, deck_id: int, export: AnkiExport, now: datetime) -> None:
        anki_export.record_export(self.db, deck_id, export, now)

    # settings and parameters ---------------------------------------------------------------
    def settings(self, deck_id: int) -> DeckSettings:
        return deck_settings.load_settings(self.db, deck_id, self.defaults)

    def set_settings(self, deck_id: int, settings: DeckSettings) -> None:
        deck_settings.save_settings(self.db, deck_id, settings)
        self._schedulers.pop(deck_id, None)

    def update_settings(self, deck_id: int, **changes: object) -> DeckSettings:
        """Change some settings of a deck (``ValueError`` on a bad value); returns them all."""
        settings = replace(self.settings(deck_id), **changes)  # type: ignore[arg-type]
        self.set_settings(deck_id, settings)
        return settings

    def import_revlog(
        self,
        path: Path | str,
        deck: str | None = None,
        now: datetime | None = None,
        reviews: Reviews | None = None,
    ) -> ImportResult:
        """Import an fsrs-optimizer CSV into deck ``deck`` (default: the file's stem); its
        ``reviews`` when read already (``revlog.read_reviews``).

        A bad line raises ``InputError`` naming the file and line, and nothing is imported.
        """
        path = Path(path)
        from tutor.store import revlog

        by_card = revlog.read_reviews(path) if reviews is None else reviews
        with self.db.atomic():  # a bad line leaves no new empty deck behind
            deck_id = self.ensure_deck(deck or path.stem, str(path), now)
            scheduler = self.scheduler(deck_id)
            return revlog.import_revlog(self.db, deck_id, by_card, scheduler, _now(now))

    def optimize(self, deck_id: int | None = None, now: datetime | None = None) -> FitResult:
        """Fit FSRS parameters to the deck's reviews (all decks when ``None``), store them with
        the log loss before and after, and use them from now on. Needs at least 400 reviews
        (``TutorError`` otherwise)."""
        from tutor.store import revlog

        events = revlog.review_events(self.db, deck_id)
        current = deck_settings.fitted_params(self.db, deck_id)
        from tutor.srs.optimize import fit_parameters

        result = fit_parameters(events, current.params if current else None)
        deck_settings.save_fitted(
            self.db, deck_id, result.parameters, _now(now), result.review_count,
            result.log_loss_before, result.log_loss_after,
        )  # fmt: skip
        self._schedulers.clear()
        return result

    def fitted_params(self, deck_id: int | None = None) -> deck_settings.FittedParams | None:
        """The parameters the deck's scheduler uses, when any were fitted."""
        return deck_settings.fitted_params(self.db, deck_id)

    def scheduler(self, deck_id: int) -> Scheduler:
        """The deck's scheduler: its settings with its fitted parameters (or FSRS-6 defaults)."""
        if deck_id not in self._schedulers:
            fitted = deck_settings.fitted_params(self.db, deck_id)
            self._schedulers[deck_id] = Scheduler(
                self.settings(deck_id), fitted.params if fitted else None
            )
        return self._schedulers[deck_id]

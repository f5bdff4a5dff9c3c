"""Study progress in Anki's terms: the card columns and revlog rows of an export that carries it.

Anki keeps these only when the learner ticks "Import any learning progress" (the importer's
``with_scheduling``), and only for cards the collection does not have yet: a card already in
it keeps Anki's own scheduling (Anki's importer adds cards and their revlog, it never updates
an existing card's). See the README's "Progress into Anki".

Dates: Anki stores review dues as day numbers counted from the collection's creation, and the
importer moves them by the difference between the package's day count and the collection's.
So the package is dated ``ANCHOR_DAYS`` study days before today (its creation time is the
start of a study day, ``crt``), and a card due on a later study day is due that many days
after ``ANCHOR_DAYS``. Learning cards due later today keep their exact time (Anki stores those
as seconds).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from tutor.srs.day import day_start
from tutor.srs.settings import DeckSettings
from tutor.srs.state import CardState
from tutor.store.progress_rows import CardProgress, ReviewRecord

__all__ = ["ANCHOR_DAYS", "AnkiCard", "AnkiProgress", "AnkiReview", "anki_progress"]

ANCHOR_DAYS = 1000
ORDS = {"recognition": 0, "recall": 1}  # the card templates' order in the note type
TYPES = {"new": 0, "learning": 1, "review": 2, "relearning": 3}
SUSPENDED, USER_BURIED = -1, -2
LEARNING, REVIEW, DAY_LEARNING = 1, 2, 3
REVIEW_EASE = 2500  # Anki's starting ease; FSRS ignores it
_REVLOG_TYPES = {"new": 0, "learning": 0, "review": 1, "relearning": 2}  # by the phase before
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class AnkiCard:
    hanzi: str
    ord: int
    ctype: int
    queue: int
    due: int | None  # None: keep the new-card position the package already gives it
    ivl: int
    factor: int
    reps: int
    lapses: int
    left: int
    flags: int
    data: str


@dataclass(frozen=True, slots=True)
class AnkiReview:
    hanzi: str
    ord: int
    id: int  # milliseconds since the epoch, unique within the package
    ease: int
    ivl: int  # days; negative: seconds (a learning step)
    last_ivl: int
    factor: int
    time: int  # milliseconds spent
    rtype: int  # 0 learn, 1 review, 2 relearn


@dataclass(frozen=True, slots=True)
class AnkiProgress:
    crt: int  # the package collection's creation time (seconds)
    cards: tuple[AnkiCard, ...]
    revlog: tuple[AnkiReview, ...]
    known: frozenset[str]  # hanzi with a card marked known (their cards go suspended)


@dataclass(frozen=True, slots=True)
class _Clock:
    now: datetime
    today: datetime  # the start of the current study day
    settings: DeckSettings

    def day(self, moment: datetime) -> int:
        """Anki's day number of ``moment`` in the package."""
        return ANCHOR_DAYS + (day_start(moment, self.settings) - self.today).days


def anki_progress(
    cards: list[CardProgress],
    now: datetime,
    settings: DeckSettings,
    decay: float,
) -> AnkiProgress:
    """Anki's columns for each card and its revlog, as of ``now``."""
    today = day_start(now, settings)
    clock = _Clock(now, today, settings)
    crt = int((today - timedelta(days=ANCHOR_DAYS)).timestamp())
    used: set[int] = set()
    revlog = [_review(c, r, used) for c in cards for r in c.reviews if c.template in ORDS]
    return AnkiProgress(
        crt,
        tuple(_card(c, clock, settings, decay) for c in cards if c.template in ORDS),
        tuple(revlog),
        frozenset(c.hanzi for c in cards if c.known),
    )


def _card(card: CardProgress, clock: _Clock, settings: DeckSettings, decay: float) -> AnkiCard:
    state = card.state
    ctype = TYPES[state.phase]
    due: int | None = None
    queue, ivl, left = 0, 0, 0
    if state.phase in ("learning", "relearning") and state.due is not None:
        intraday = day_start(state.due, settings) <= clock.today
        queue = LEARNING if intraday else DAY_LEARNING
        due = int(state.due.timestamp()) if intraday else clock.day(state.due)
        steps = settings.learning_steps if state.phase == "learning" else settings.relearning_steps
        left = max(1, len(steps) - (state.step or 0))
        ivl = _last_interval(card.reviews) if state.phase == "relearning" else 0
    elif state.phase == "review" and state.due is not None:
        queue, due, ivl = REVIEW, clock.day(state.due), _days(state)
    if card.suspended or card.known:
        queue = SUSPENDED
    elif card.buried_until is not None and card.buried_until > clock.now:
        queue = USER_BURIED
    return AnkiCard(
        card.hanzi, ORDS[card.template], ctype, queue, due, ivl,
        REVIEW_EASE if ctype else 0, state.reps, state.lapses, left, card.flag,
        _memory(state, settings, decay),
    )  # fmt: skip


def _whole_days(start: datetime, end: datetime) -> int:
    """An interval in whole days, at least one (Anki's unit for a review card)."""
    return max(1, round((end - start) / _DAY))


def _days(state: CardState) -> int:
    """The interval of a review card."""
    if state.due is None or state.last_review is None:
        return 1
    return _whole_days(state.last_review, state.due)


def _last_interval(reviews: tuple[ReviewRecord, ...]) -> int:
    """The review interval a relearning card had before its lapse."""
    for review in reversed(reviews):
        if review.before.phase == "review":
            return _days(review.before)
    return 1


def _memory(state: CardState, settings: DeckSettings, decay: float) -> str:
    """FSRS memory state in the card's ``data`` column, as Anki 23.10+ reads it."""
    if state.stability is None or state.difficulty is None:
        return ""
    data: dict[str, float | int] = {
        "s": round(state.stability, 4),
        "d": round(state.difficulty, 4),
        "dr": settings.desired_retention,
        "decay": round(decay, 4),
    }
    if state.last_review is not None:
        data["lrt"] = int(state.last_review.timestamp())
    return json.dumps(data)


def _review(card: CardProgress, review: ReviewRecord, used: set[int]) -> AnkiReview:
    stamp = int(review.reviewed_at.timestamp() * 1000)
    while stamp in used:  # Anki's revlog id is its primary key
        stamp += 1
    used.add(stamp)
    rtype = _REVLOG_TYPES[review.before.phase]
    return AnkiReview(
        card.hanzi, ORDS[card.template], stamp, review.rating,
        _logged_interval(review.after, review.reviewed_at),
        _logged_interval(review.before, review.before.last_review),
        REVIEW_EASE if review.after.phase == "review" else 0,
        min(review.duration_ms, 60_000), rtype,
    )  # fmt: skip


def _logged_interval(state: CardState, since: datetime | None) -> int:
    """The revlog's interval: days for a review card, minus seconds for a learning step."""
    if state.due is None or since is None or state.phase == "new":
        return 0
    if state.phase == "review":
        return _whole_days(since, state.due)
    return -max(1, int((state.due - since).total_seconds()))

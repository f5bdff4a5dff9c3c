"""Per-deck scheduling settings: what a learner can tune on the settings screen.

Settings are plain values with defaults matching the issue (desired retention 0.9, learning
steps 1m 10m, relearning 10m, 20 new cards a day, leech at 8 lapses). The store keeps them as
``(deck_id, key, value)`` text rows; ``to_strings``/``from_strings`` are that round trip, and
``from_strings`` rejects bad values with ``ValueError`` naming the key so the caller can turn
it into a ``TutorError``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import timedelta
from typing import Literal, get_args

__all__ = ["QUIZ_KIND_NAMES", "NewOrder", "DeckSettings", "format_steps", "parse_steps"]

NewOrder = Literal["source", "frequency", "level"]

#: The quiz kinds a deck can enable: the names of ``tutor.quiz.QuizKind`` (a unit test keeps
#: the two in step; importing tutor.quiz here would pull the language resources into srs).
QUIZ_KIND_NAMES: tuple[str, ...] = ("recognition", "recall", "pinyin", "choice", "cloze")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_steps(text: str) -> tuple[timedelta, ...]:
    """Parse Anki-style steps such as ``"1m 10m"`` or ``"10m,1h"`` (bare numbers are minutes)."""
    steps: list[timedelta] = []
    for token in text.replace(",", " ").split():
        unit = token[-1].lower()
        number = token[:-1] if unit in _UNITS else token
        seconds = _UNITS[unit] if unit in _UNITS else 60
        value = float(number)
        if value <= 0:
            raise ValueError(f"step {token!r} must be positive")
        steps.append(timedelta(seconds=value * seconds))
    return tuple(steps)


def format_steps(steps: tuple[timedelta, ...]) -> str:
    """Inverse of ``parse_steps``, choosing the largest whole unit for each step."""
    out: list[str] = []
    for step in steps:
        seconds = int(step.total_seconds())
        for unit in ("d", "h", "m", "s"):
            if seconds % _UNITS[unit] == 0:
                out.append(f"{seconds // _UNITS[unit]}{unit}")
                break
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class DeckSettings:
    """Scheduling options for one deck.

    ``day_offset_minutes`` shifts the start of the study day from UTC midnight: the day starts at
    ``rollover_hour`` local time when it holds the learner's UTC offset. Defaults to the UTC offset
    of the machine when settings are created by the store (``None`` here means UTC).
    """

    new_per_day: int = 20
    reviews_per_day: int = 200
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    desired_retention: float = 0.9
    maximum_interval: int = 36500
    leech_threshold: int = 8
    new_order: NewOrder = "source"
    rollover_hour: int = 4
    day_offset_minutes: int = 0
    learn_ahead_minutes: int = 20
    quiz_kinds: tuple[str, ...] = QUIZ_KIND_NAMES
    autoplay: bool = False  # say the word when a card is revealed

    def __post_init__(self) -> None:
        if not 0 < self.desired_retention < 1:
            raise ValueError("desired_retention must be between 0 and 1")
        if self.new_per_day < 0 or self.reviews_per_day < 0:
            raise ValueError("daily limits must not be negative")
        if self.maximum_interval < 1:
            raise ValueError("maximum_interval must be at least 1 day")
        if self.leech_threshold < 1:
            raise ValueError("leech_threshold must be at least 1")
        if self.new_order not in get_args(NewOrder):
            raise ValueError(f"new_order must be one of {', '.join(get_args(NewOrder))}")
        if not 0 <= self.rollover_hour < 24:
            raise ValueError("rollover_hour must be between 0 and 23")
        unknown = [k for k in self.quiz_kinds if k not in QUIZ_KIND_NAMES]
        if unknown or not self.quiz_kinds or len(set(self.quiz_kinds)) != len(self.quiz_kinds):
            raise ValueError(
                f"quiz_kinds must be one or more of {', '.join(QUIZ_KIND_NAMES)}, each once"
            )

    def to_strings(self) -> dict[str, str]:
        """Every setting as text, the shape stored in the ``settings`` table."""
        out: dict[str, str] = {}
        for key, value in asdict(self).items():
            if key in ("learning_steps", "relearning_steps"):
                out[key] = format_steps(value)
            elif key == "quiz_kinds":
                out[key] = " ".join(value)
            else:
                out[key] = str(value)
        return out

    @classmethod
    def from_strings(cls, values: dict[str, str], base: DeckSettings | None = None) -> DeckSettings:
        """Build settings from stored text; unknown keys are ignored, bad values raise."""
        changes: dict[str, object] = {}
        types = {f.name: f.type for f in fields(cls)}
        for key, text in values.items():
            if key not in types:
                continue
            try:
                if key in ("learning_steps", "relearning_steps"):
                    changes[key] = parse_steps(text)
                elif key == "desired_retention":
                    changes[key] = _number(text, float, "a number such as 0.9")
                elif key == "new_order":
                    changes[key] = text.strip()
                elif key == "quiz_kinds":
                    changes[key] = tuple(text.replace(",", " ").split())
                elif key == "autoplay":
                    changes[key] = _flag(text)
                else:
                    changes[key] = _number(text, int, "a whole number")
            except ValueError as err:
                raise ValueError(f"{key} = {text!r}: {err}") from err
        try:
            return replace(base or cls(), **changes)  # type: ignore[arg-type]
        except ValueError as err:
            raise ValueError(f"settings: {err}") from err


def _flag(text: str) -> bool:
    word = text.strip().lower()
    if word in ("true", "yes", "on", "1"):
        return True
    if word in ("false", "no", "off", "0"):
        return False
    raise ValueError("wanted true or false")


def _number(text: str, kind: type[int] | type[float], wanted: str) -> int | float:
    """``text`` as a number of ``kind``, or a ValueError that says what was wanted."""
    try:
        return kind(text.strip())
    except ValueError:
        raise ValueError(f"wanted {wanted}") from None
